import { test, expect, Page } from '@playwright/test';
import * as path from 'path';
import { PASSWORD, exampleCase, newContextPage, shots } from './helpers';

// Languages (issue 22): the switcher works without JavaScript, the choice follows the user from the
// sign-in page into their profile, and Arabic pages run right to left.

/** Every axe violation on the page as it is now, one line each, labelled. */
async function axeViolations(page: Page, label: string): Promise<string[]> {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/** Picks a language in the footer's switcher (a plain form post) and waits for the page to come back. */
async function pickLanguage(page: Page, nativeName: string, code: string) {
  await page.getByTestId('language-switcher').getByRole('button', { name: nativeName }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', code);
}

test('the browser language decides until the user picks one', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'es-ES' });
  const page = await context.newPage();
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Iniciar sesión');
  await expect(page.getByLabel('Correo electrónico')).toBeVisible();
  await context.close();
});

test('without JavaScript: French from the sign-in page into the profile, Arabic right to left', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await pickLanguage(page, 'Français', 'fr');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Se connecter');
  // The current language is marked, not offered as a button.
  await expect(page.getByTestId('language-switcher').locator('[aria-current="true"]')).toHaveText('Français');

  await page.getByLabel('Adresse électronique').fill('reviewer3@demo.hrdd');
  await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  try {
    await page.goto('/cases');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Évaluations');
    await expect(page.getByTestId('case-total')).toContainText('évaluation');
    await page.goto('/account');
    // Signing in kept the choice made on the sign-in page.
    await expect(page.getByTestId('profile-language')).toContainText('Français');

    // The methodology in French: the page and the catalogue's own texts.
    await page.goto('/methodology');
    await expect(page.getByRole('heading', { name: 'Domaines de risque' })).toBeVisible();
    await expect(page.getByRole('heading', { name: /Peine de mort pour les infractions liées aux drogues/ })).toBeVisible();
    await page.screenshot({ path: path.join(shots, 'methodology-fr.png'), fullPage: true });
    // The wizard's questions come in French with the page (the WASM carries no translation).
    await page.goto('/cases');
    const caseHref = await page.locator('a[href^="/cases/"]').evaluateAll((links) =>
      links.map((a) => a.getAttribute('href')).find((h) => /^\/cases\/\d+$/.test(h ?? '')));
    expect(caseHref).toBeTruthy();
    await page.goto(`${caseHref}/edit/case`);
    await expect(page.getByText('Titre du programme ou du projet').first()).toBeVisible();

    // A fresh browser in English: the profile wins over the browser's language.
    const other = await browser.newContext({ locale: 'en-US' });
    const second = await other.newPage();
    await second.goto('/login');
    await expect(second.locator('html')).toHaveAttribute('lang', 'en');
    await second.getByLabel('E-mail address').fill('reviewer3@demo.hrdd');
    await second.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await second.getByRole('button', { name: 'Sign in' }).click();
    await second.waitForURL((url) => !url.pathname.startsWith('/login'));
    await expect(second.locator('html')).toHaveAttribute('lang', 'fr');
    await other.close();

    // Arabic: the whole page turns right to left, and stays accessible.
    await page.goto('/cases');
    await pickLanguage(page, 'العربية', 'ar');
    await expect(page).toHaveURL(/\/cases$/);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('التقييمات');
    // Start-aligned text sits on the right in a right-to-left page.
    const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
    expect(heading!.x + heading!.width).toBeGreaterThan(640);
    await page.screenshot({ path: path.join(shots, 'cases-ar.png'), fullPage: true });

    // axe runs as a script, so in a browser with JavaScript; the profile brings Arabic there too.
    const checker = await newContextPage(browser, 'reviewer3@demo.hrdd');
    await expect(checker.locator('html')).toHaveAttribute('dir', 'rtl');
    const found: string[] = [];
    for (const url of ['/cases', '/', '/account', '/methodology']) {
      await checker.goto(url);
      found.push(...(await axeViolations(checker, `${url} (ar)`)));
    }
    await checker.goto('/');
    await checker.screenshot({ path: path.join(shots, 'home-ar.png'), fullPage: true });
    await checker.context().close();
    expect(found).toEqual([]);
  } finally {
    // The demo account goes back to English for the tests that follow.
    await page.goto('/account');
    await pickLanguage(page, 'English', 'en');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await context.close();
  }
});

test('the wizard island speaks the reader\'s language in the browser too, in French and Arabic', async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await newContextPage(browser, 'assessor@demo.hrdd');
  // Hydration problems and panics show in the console; none may appear.
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /hydrat/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  const { id } = await exampleCase(page, '03_substantial_gendarmerie_vehicles.answers.json', 'Wizard in French');
  try {
    await page.goto('/account');
    await pickLanguage(page, 'Français', 'fr');
    await page.goto(`/cases/${id}/edit/recipient-VEHICLES`);
    await expect(page.getByTestId('step-form')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
    // The island's own words (from wizard.ftl) and the parts' words (from the catalogue's translation).
    await expect(page.getByRole('button', { name: 'Enregistrer le brouillon' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Aperçu du risque en direct' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '3.8 Éléments de preuve sur le bénéficiaire' })).toBeVisible();
    await expect(page.locator('legend', { hasText: 'Élément de preuve 1' })).toBeVisible();
    await expect(page.locator('legend', { hasText: 'Ajouter un élément de preuve' })).toBeVisible();
    await expect(page.getByText('Type de source').first()).toBeVisible();
    // An edit is rendered by the WASM alone: its words come with the island's props.
    await page.locator('input[name="p.evidence.0.reference"]').fill('Rapport du HCDH, 2025 (révisé)');
    await expect(page.getByTestId('save-status')).toHaveText(/Modifications non enregistrées/);
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect(page.getByTestId('save-status')).toHaveText(/Toutes les modifications sont enregistrées/, { timeout: 30_000 });
    await page.screenshot({ path: path.join(shots, 'wizard-fr.png'), fullPage: true });
    // The engine's tables inside the island (step 5).
    await page.goto(`/cases/${id}/edit/screening-VEHICLES`);
    await expect(page.getByTestId('step-form')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
    await expect(page.locator('caption', { hasText: 'Filtrage des risques par domaine' })).toBeAttached();
    await expect(page.getByRole('columnheader', { name: 'Pourquoi' })).toBeVisible();
    // The decision card of the live preview, scored in the browser, in French too.
    await expect(page.getByTestId('decision-card').first()).toContainText('Recommandation de la méthodologie');
    // The island's French catalogue and words stand in the page beside it, under their own key.
    await expect(page.locator('script[data-island-data^="wizard-fr-"]')).toHaveCount(1);

    // The summary page, server-rendered, in French.
    await page.goto(`/cases/${id}`);
    await expect(page.getByTestId('decision-card')).toContainText('Recommandation de la méthodologie');
    await expect(page.getByRole('heading', { name: 'Synthèse des risques' })).toBeVisible();
    await expect(page.getByRole('heading', { name: "Piste d'audit" })).toBeVisible();
    await page.screenshot({ path: path.join(shots, 'summary-fr.png'), fullPage: true });

    // Arabic: the same island, right to left, with Arabic plural forms chosen in the browser.
    await pickLanguage(page, 'العربية', 'ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await page.goto(`/cases/${id}/edit/recipient-VEHICLES`);
    await expect(page.getByTestId('step-form')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
    await expect(page.getByRole('button', { name: 'حفظ المسودة' })).toBeVisible();
    await page.locator('input[name="p.evidence.0.reference"]').fill('تقرير المفوضية');
    await expect(page.getByTestId('save-status')).toHaveText(/تغييرات غير محفوظة/);
    await page.screenshot({ path: path.join(shots, 'wizard-ar.png'), fullPage: true });
    expect(problems).toEqual([]);
  } finally {
    await page.goto('/account');
    await pickLanguage(page, 'English', 'en');
    await page.context().close();
  }
});

test('the portfolio in four languages, Arabic right to left, French and Arabic passing axe', async ({ browser }) => {
  test.setTimeout(300_000);
  const page = await newContextPage(browser, 'manager@demo.hrdd');
  const found: string[] = [];
  const languages: [string, string, string, string][] = [
    ['Français', 'fr', 'Niveau résiduel global', 'Pays × domaines de risque'],
    ['Español', 'es', 'Nivel residual global', 'Países × ámbitos de riesgo'],
    ['العربية', 'ar', 'المستوى المتبقي العام', 'البلدان × مجالات الخطر'],
    ['English', 'en', 'Overall residual band', 'Countries × risk areas'],
  ];
  try {
    await page.goto('/portfolio');
    for (const [name, code, chart, heat] of languages) {
      await pickLanguage(page, name, code);
      await expect(page).toHaveURL(/\/portfolio$/);
      await expect(page.locator('html')).toHaveAttribute('dir', code === 'ar' ? 'rtl' : 'ltr');
      await expect(page.getByRole('heading', { name: chart })).toBeVisible();
      await expect(page.getByRole('heading', { name: heat })).toBeVisible();
      // The charts' bars carry the value words of the language (the SVG is made on the server).
      await expect(page.getByTestId('chart-status').locator('svg')).toContainText(
        { fr: 'Brouillon', es: 'Borrador', ar: 'مسودة', en: 'Draft' }[code]!,
      );
      await page.screenshot({ path: path.join(shots, `portfolio-${code}.png`), fullPage: true });
      if (code === 'fr' || code === 'ar') found.push(...(await axeViolations(page, `/portfolio (${code})`)));
    }
    expect(found).toEqual([]);
  } finally {
    // The demo account goes back to English for the tests that follow (if the loop stopped early).
    if ((await page.locator('html').getAttribute('lang')) !== 'en') await pickLanguage(page, 'English', 'en');
    await page.context().close();
  }
});

test('country reference data in French and Arabic: the questions from the catalogue, the form, the import page', async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await newContextPage(browser, 'admin@demo.hrdd');
  const found: string[] = [];
  try {
    await page.goto('/reference/countries/KE');
    await pickLanguage(page, 'Français', 'fr');
    await expect(page).toHaveURL(/\/reference\/countries\/KE$/);
    await expect(page.getByRole('heading', { name: 'KE : données de référence du pays' })).toBeVisible();
    await expect(page.getByTestId('reference-in-force')).toContainText('Situation de la peine de mort pour les infractions liées aux drogues');
    await expect(page.getByRole('heading', { name: 'Enregistrer une modification' })).toBeVisible();
    await expect(page.getByLabel('Source : loi, instrument ou rapport, avec sa référence')).toBeVisible();
    await page.screenshot({ path: path.join(shots, 'reference-fr.png'), fullPage: true });
    found.push(...(await axeViolations(page, '/reference/countries/KE (fr)')));
    await page.goto('/reference/import');
    await expect(page.getByRole('button', { name: 'Vérifier le fichier' })).toBeVisible();
    await pickLanguage(page, 'العربية', 'ar');
    await page.goto('/reference/countries/KE');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { name: 'تسجيل تغيير' })).toBeVisible();
    await page.screenshot({ path: path.join(shots, 'reference-ar.png'), fullPage: true });
    found.push(...(await axeViolations(page, '/reference/countries/KE (ar)')));
    expect(found).toEqual([]);
  } finally {
    if ((await page.locator('html').getAttribute('lang')) !== 'en') await pickLanguage(page, 'English', 'en');
    await page.context().close();
  }
});
