import { test, expect, Page } from '@playwright/test';
import * as fs from 'fs';
import * as path from 'path';
import { answerPicker, confirmedContext, createCase, example, exampleCase, newContextPage, origin, saveStep, shots } from './helpers';

// The users' journeys (issue 17): each trap a new user met, walked in the browser as they would.

/** Every axe violation on the page as it is now, one line each, labelled. */
async function axeViolations(page: Page, label: string): Promise<string[]> {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/** Example 1 (the forensic lab, component renamed back to C1) up to `lastStep`. */
async function exampleOneCase(page: Page, title: string, lastStep: number): Promise<{ id: string; revision: number }> {
  const id = await createCase(page, title);
  const doc = example('01_low_forensic_lab_police.answers.json');
  doc.case.country = 'KE';
  const pick = await answerPicker(page, id);
  const c = doc.components[0];
  let revision = 1;
  const plan: [number, string, object][] = [
    [1, 'case', pick(doc.case, 1)],
    [2, 'country', confirmedContext(pick(doc.case, 2))],
    [3, 'support-C1', pick(c.answers, 3)],
    [4, 'recipient-C1', { ...pick(c.answers, 4), evidence: c.evidence }],
  ];
  for (const [n, step, values] of plan) if (n <= lastStep) revision = await saveStep(page, id, revision, step, values);
  return { id, revision };
}

test.beforeAll(() => fs.mkdirSync(shots, { recursive: true }));

/** Posts a plain (no-JavaScript) step form and waits for the page it answers with: a `goto`
 *  right after the click would otherwise abort the post before the server has it. */
async function plainSave(page: Page) {
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/edit/')),
    page.getByRole('button', { name: 'Save draft' }).click(),
  ]);
  await page.waitForLoadState('load');
}

test('2.6: an untouched group list is unanswered; "None of these" answers it, also without JavaScript', async ({ browser }) => {
  const page = await newContextPage(browser, 'assessor@demo.hrdd');
  const { id } = await exampleOneCase(page, 'Groups trap check', 2);
  await page.goto(`/cases/${id}/edit/support-C1`);
  const groups = page.locator('[data-question="affected_groups"]');
  // The label does not call the question optional; the choice "None of these" is offered.
  await expect(groups.locator('#f-affected_groups-label')).not.toContainText('optional');
  await expect(groups.getByLabel('None of these')).toBeVisible();
  // Ticking and unticking a group leaves the question unanswered (not "none").
  await groups.getByLabel('Children').check();
  await groups.getByLabel('Children').uncheck();
  await expect(groups.getByLabel('None of these')).not.toBeChecked();
  await expect(page.getByTestId('problems')).toContainText('2.6');
  // "None of these" answers it: the problem disappears and the choice is kept after a reload.
  await groups.getByLabel('None of these').check();
  await expect(page.getByTestId('problems')).not.toContainText('2.6');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('save-status')).toHaveText(/All changes saved/);
  await page.reload();
  await expect(page.locator('[data-question="affected_groups"]').getByLabel('None of these')).toBeChecked();
  // Ticking a group clears "None of these".
  await page.locator('[data-question="affected_groups"]').getByLabel('Women', { exact: true }).check();
  await expect(page.locator('[data-question="affected_groups"]').getByLabel('None of these')).not.toBeChecked();
  await page.screenshot({ path: path.join(shots, 'journey-groups-none-of-these.png'), fullPage: true });
  // Saved before anyone else opens the step, so that the plain page below starts from this revision
  // (an autosave landing later would make its post a conflict).
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('save-status')).toHaveText(/All changes saved/);

  // 8.1 and 8.2 say when they are required instead of "optional".
  await page.goto(`/cases/${id}/edit/decision-C1`);
  await expect(page.locator('#f-response_actions-label')).toContainText('required when');
  await expect(page.locator('#f-monitoring_plan-label')).toContainText('required when');
  await expect(page.locator('#f-response_actions-label')).not.toContainText('optional');
  await page.context().close();

  // Without JavaScript: nothing ticked stays unanswered; "None of these" posts an empty list.
  const plain = await newContextPage(browser, 'assessor@demo.hrdd', false);
  await plain.goto(`/cases/${id}/edit/support-C1`);
  await plain.locator('input[name="q.affected_groups"][value="WOMEN"]').uncheck();
  await plainSave(plain);
  await plain.goto(`/cases/${id}/edit/support-C1`);
  await expect(plain.locator('input[name="q.affected_groups"]:checked')).toHaveCount(0);
  await plain.locator('input[name="q.affected_groups"][value="_none"]').check();
  await plainSave(plain);
  await plain.goto(`/cases/${id}/edit/support-C1`);
  await expect(plain.locator('input[name="q.affected_groups"][value="_none"]')).toBeChecked();
  await plain.context().close();
});

test('an override can be completed from the form: the evidence of the component is offered', async ({ browser }) => {
  const page = await newContextPage(browser, 'assessor@demo.hrdd');
  const { id } = await exampleOneCase(page, 'Override evidence check', 4);
  await page.goto(`/cases/${id}/edit/screening-C1`);
  const add = page.locator('fieldset').filter({ hasText: 'Add an override' });
  await add.getByLabel('What to override').selectOption('NEXUS');
  const row = page.locator('fieldset').filter({ hasText: 'Override 1' });
  await expect(row.getByLabel(/Risk area/)).toBeVisible();
  await expect(row.getByText('(required when overriding a nexus')).toBeVisible();
  await row.getByLabel(/Risk area/).selectOption('TOR');
  await row.getByLabel('New value').selectOption('REMOTE');
  await row.getByLabel('Justification').fill('The lab analyses seized substances only; it takes no part in operations.');
  await expect(row.getByText('No evidence recorded')).toHaveCount(0);
  await row.getByLabel('E1').check();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('save-status')).toHaveText(/All changes saved/);
  await expect(page.getByText('an override needs at least one evidence id')).toHaveCount(0);
  await page.screenshot({ path: path.join(shots, 'journey-override-evidence.png'), fullPage: true });
  await page.reload();
  await expect(page.locator('fieldset').filter({ hasText: 'Override 1' }).getByLabel('E1')).toBeChecked();
  await page.context().close();
});

test('a stop reads as a stop: the decision card in plain words, in the preview and on the summary', async ({ browser }) => {
  const page = await newContextPage(browser, 'assessor@demo.hrdd');
  const { id } = await exampleCase(page, '04_high_drafting_mandatory_detention.answers.json', 'Stop card check');
  await page.goto(`/cases/${id}/edit/submit`);
  const preview = page.getByTestId('preview').getByTestId('decision-card');
  await expect(preview).toHaveAttribute('data-severity', 'stop');
  await expect(preview.getByTestId('decision-headline')).toContainText('Do not proceed');
  await expect(preview).toContainText('What the office must do next');
  // Codes only in small type next to the words.
  await expect(page.getByTestId('preview')).not.toContainText('DO_NOT_PROCEED Do not');
  await page.screenshot({ path: path.join(shots, 'journey-stop-preview.png'), fullPage: true });
  await page.goto(`/cases/${id}`);
  const card = page.getByTestId('decision-card');
  await expect(card).toHaveAttribute('data-severity', 'stop');
  await expect(card.getByTestId('decision-headline')).toHaveText(/^Do not proceed — /);
  await expect(card.getByRole('link', { name: 'Show calculation' })).toHaveAttribute('href', '#risk-summary');
  // The basis is said in words.
  await expect(page.getByTestId('risk-summary')).toContainText('Decided by: the residual risk band');
  await page.screenshot({ path: path.join(shots, 'journey-stop-summary.png'), fullPage: true });
  await page.context().close();
});

test('an old assessment date: the past next-review date is announced before signing', async ({ browser }) => {
  // Example 3 is dated 2026-04-15: its next review (2026-10-15) is already past.
  const page = await newContextPage(browser, 'assessor@demo.hrdd');
  const { id } = await exampleCase(page, '03_substantial_gendarmerie_vehicles.answers.json', 'Old assessment date check');
  await page.goto(`/cases/${id}`);
  const adviser = await newContextPage(browser, 'adviser@demo.hrdd');
  const doc = example('03_substantial_gendarmerie_vehicles.answers.json');
  const ed = await (await adviser.request.post('/api/cases/editor', { form: { id }, headers: origin(adviser) })).json();
  await saveStep(adviser, id, ed.revision, 'consultations', { consultations: doc.consultations });
  await page.goto(`/cases/${id}/edit/submit`);
  await page.getByTestId('submit-case').click();
  await expect(page).toHaveURL(new RegExp(`/cases/${id}$`));
  const reviewer = await newContextPage(browser, 'reviewer2@demo.hrdd');
  await reviewer.goto(`/cases/${id}`);
  await expect(reviewer.getByTestId('review-panel').getByTestId('review-date-warning')).toContainText('already past');
  await reviewer.screenshot({ path: path.join(shots, 'journey-signoff-panel.png') });
  for (const c of [page, adviser, reviewer]) await c.context().close();
});

test('the inbox is the landing page after sign-in, with counts per role', async ({ browser }) => {
  const assessor = await newContextPage(browser, 'assessor@demo.hrdd');
  await expect(assessor).toHaveURL(/\/$/);
  await expect(assessor.getByRole('heading', { name: 'Your inbox' })).toBeVisible();
  await expect(assessor.getByTestId('inbox-counts')).toContainText('Returned to you');
  await expect(assessor.getByTestId('inbox-counts')).toContainText('Your drafts');
  await assessor.screenshot({ path: path.join(shots, 'journey-inbox-assessor.png'), fullPage: true });
  const reviewer = await newContextPage(browser, 'reviewer2@demo.hrdd');
  await expect(reviewer.getByTestId('inbox-counts')).toContainText('Needs your sign-off (level 2)');
  const adviser = await newContextPage(browser, 'adviser@demo.hrdd');
  await expect(adviser.getByTestId('inbox-counts')).toContainText('Needs your concurrence');
  const manager = await newContextPage(browser, 'manager@demo.hrdd');
  await expect(manager.getByTestId('inbox-counts')).toContainText('Due for re-assessment');
  // Signed out, the public start page stays.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto('/');
  await expect(visitor.getByTestId('risk-matrix')).toBeVisible();
  for (const c of [assessor, reviewer, adviser, manager, visitor]) await c.context().close();
});

test('the portfolio counts only signed-off stops as stopped', async ({ browser }) => {
  const manager = await newContextPage(browser, 'manager@demo.hrdd');
  await manager.goto('/portfolio');
  await expect(manager.getByTestId('tile-stop')).toContainText('by a signed-off decision');
  await expect(manager.getByTestId('tile-stop')).toContainText('recommended, not yet decided');
  await expect(manager.getByTestId('stop-components')).not.toContainText('recommended');
  await manager.screenshot({ path: path.join(shots, 'journey-portfolio.png'), fullPage: true });
  await manager.context().close();
});

test('axe finds no violation on any page, for every role', async ({ browser }) => {
  test.setTimeout(180_000);
  const found: string[] = [];
  const check = async (page: Page, url: string) => {
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    found.push(...(await axeViolations(page, url)));
  };
  const visitor = await (await browser.newContext()).newPage();
  for (const url of ['/', '/login']) await check(visitor, url);
  const assessor = await newContextPage(browser, 'assessor@demo.hrdd');
  const { id } = await exampleCase(assessor, '04_high_drafting_mandatory_detention.answers.json', 'Axe walk');
  for (const url of ['/', '/cases', '/cases/new', `/cases/${id}`, `/cases/${id}/edit/case`, `/cases/${id}/edit/support-PENAL-CHAPTER`,
    `/cases/${id}/edit/screening-PENAL-CHAPTER`, `/cases/${id}/edit/mitigation-PENAL-CHAPTER`, `/cases/${id}/edit/consultations`,
    `/cases/${id}/edit/decision-PENAL-CHAPTER`, `/cases/${id}/edit/submit`, '/review', '/methodology', '/account', '/account/password']) {
    await check(assessor, url);
  }
  const manager = await newContextPage(browser, 'manager@demo.hrdd');
  for (const url of ['/', '/portfolio', `/cases/${id}`]) await check(manager, url);
  const reviewer = await newContextPage(browser, 'reviewer3@demo.hrdd');
  for (const url of ['/', `/cases/${id}`]) await check(reviewer, url);
  const admin = await newContextPage(browser, 'admin@demo.hrdd');
  for (const url of ['/', '/admin/users']) await check(admin, url);
  expect(found).toEqual([]);
  for (const p of [visitor, assessor, manager, reviewer, admin]) await p.context().close();
});

test('on a 390 px phone the summary fits the screen and a step shows its first question without scrolling far', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const { signIn } = await import('./helpers');
  await signIn(page, 'assessor@demo.hrdd');
  const { id } = await exampleCase(page, '04_high_drafting_mandatory_detention.answers.json', 'Phone check');
  for (const url of [`/cases/${id}`, `/cases/${id}/edit/screening-PENAL-CHAPTER`, `/cases/${id}/edit/submit`, '/cases', '/']) {
    await page.goto(url);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${url} is wider than the phone`).toBeLessThanOrEqual(0);
  }
  await page.screenshot({ path: path.join(shots, 'journey-phone-step.png') });
  await page.goto(`/cases/${id}/edit/case`);
  const first = page.locator('[data-question]').first();
  const box = (await first.boundingBox())!;
  expect(box.y, 'the first question starts within the first screen').toBeLessThan(844);
  await page.screenshot({ path: path.join(shots, 'journey-phone-first-question.png') });
  await context.close();
});

/** 1.6 Mbit/s, 150 ms latency (Chromium's network emulation). */
async function slowLink(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  // A first visit: nothing of the app in the browser's cache yet (signing in loaded it).
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (1.6 * 1024 * 1024) / 8,
  });
}

test('on a slow link, what is typed before the page becomes interactive is kept and saved', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await newContextPage(browser, 'assessor@demo.hrdd');
  const id = await createCase(page, 'Slow link check');
  await slowLink(page);
  await page.goto(`/cases/${id}/edit/case`, { waitUntil: 'commit' });
  const office = page.locator('input[name="q.office"]');
  await office.fill('Typed while loading, Nairobi');
  // The test only means something if the page was not interactive yet.
  expect(await page.getByTestId('step-form').getAttribute('data-ready')).toBe('false');
  await expect(page.getByTestId('step-form')).toHaveAttribute('data-ready', 'true', { timeout: 90_000 });
  await expect(office).toHaveValue('Typed while loading, Nairobi');
  await expect(page.getByTestId('kept-notice')).toContainText('Kept what you typed');
  await expect(page.getByTestId('save-status')).toHaveText(/Unsaved changes/);
  await page.screenshot({ path: path.join(shots, 'journey-slow-link-kept.png') });
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('save-status')).toHaveText(/All changes saved/, { timeout: 30_000 });
  await page.goto(`/cases/${id}/edit/case`);
  await expect(page.locator('input[name="q.office"]')).toHaveValue('Typed while loading, Nairobi');
  await page.context().close();
});

test('a change made while the connection is down is kept in the browser and restored after a reload', async ({ browser }) => {
  const page = await newContextPage(browser, 'assessor@demo.hrdd');
  const id = await createCase(page, 'Dropped connection check');
  await page.goto(`/cases/${id}/edit/case`);
  await expect(page.getByTestId('step-form')).toHaveAttribute('data-ready', 'true');
  await page.locator('input[name="q.office"]').fill('Written offline, Kisumu');
  await page.context().setOffline(true);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('save-status')).toContainText('Not saved');
  await page.context().setOffline(false);
  await page.reload();
  await expect(page.getByTestId('step-form')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('kept-notice')).toContainText('Restored changes');
  await expect(page.locator('input[name="q.office"]')).toHaveValue('Written offline, Kisumu');
  await expect(page.getByTestId('save-status')).toHaveText(/All changes saved/);
  // The server has it now; the browser's copy is gone.
  expect(await page.evaluate((k) => localStorage.getItem(k), `hrdd.unsent.${id}`)).toBeNull();
  const other = await newContextPage(browser, 'assessor@demo.hrdd');
  await other.goto(`/cases/${id}/edit/case`);
  await expect(other.locator('input[name="q.office"]')).toHaveValue('Written offline, Kisumu');
  for (const p of [page, other]) await p.context().close();
});

test('the new-assessment form shows every error at once next to its field, with and without JavaScript', async ({ browser }) => {
  for (const js of [true, false]) {
    const page = await newContextPage(browser, 'assessor@demo.hrdd', js);
    await page.goto('/cases/new');
    if (js) await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await expect(page.locator('#office-error')).toContainText('Enter the office');
    await expect(page.locator('#programme_title-error')).toContainText('Enter the programme title');
    // What was typed stays; fixing one field leaves the other message.
    await page.getByLabel('1.3 Office').fill('Nairobi Programme Office');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await expect(page.locator('#programme_title-error')).toContainText('Enter the programme title');
    await expect(page.locator('#office-error')).toBeEmpty();
    await expect(page.getByLabel('1.3 Office')).toHaveValue('Nairobi Programme Office');
    if (!js) await page.screenshot({ path: path.join(shots, 'journey-new-case-errors-nojs.png'), fullPage: true });
    await page.getByLabel('1.4 Programme or project title').fill(`Errors at once (${js ? 'script' : 'no script'})`);
    await page.getByRole('button', { name: 'Create draft' }).click();
    await expect(page).toHaveURL(/\/cases\/\d+$/);
    await page.context().close();
  }
});

test('a component is added by a readable name', async ({ browser }) => {
  const page = await newContextPage(browser, 'assessor@demo.hrdd');
  const id = await createCase(page, 'Readable component names');
  await page.goto(`/cases/${id}/edit/support-C1`);
  await expect(page.getByTestId('step-form')).toHaveAttribute('data-ready', 'true');
  await page.getByText(/Support components \(1\)/).click();
  await page.locator('#comp-add-').fill('Forensic lab (Nairobi)');
  await page.getByRole('button', { name: 'Add component' }).click();
  await expect(page.getByTestId('progress')).toContainText('Support — FORENSIC-LAB-NAIROBI');
  await page.context().close();
});

test('the preview never goes blank while a record is half filled: provisional figures and what is missing', async ({ browser }) => {
  const page = await newContextPage(browser, 'assessor@demo.hrdd');
  const { id } = await exampleCase(page, '03_substantial_gendarmerie_vehicles.answers.json', 'Provisional preview check');
  await page.goto(`/cases/${id}/edit/mitigation-VEHICLES`);
  await expect(page.getByTestId('step-form')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('preview-band')).toBeVisible();
  await page.locator('select[name="p.measures.1.code"]').selectOption('M1');
  await expect(page.getByTestId('preview-provisional')).toContainText('1 unfinished record left out');
  await expect(page.getByTestId('preview-band')).toBeVisible();
  await expect(page.getByTestId('preview')).not.toContainText('Nothing blocks submission');
  await page.screenshot({ path: path.join(shots, 'journey-provisional-preview.png') });
  await page.context().close();
});

test('the preview never goes blank while a component misses answers: the complete one keeps its figures', async ({ browser }) => {
  const page = await newContextPage(browser, 'assessor@demo.hrdd');
  const { id } = await exampleCase(page, '03_substantial_gendarmerie_vehicles.answers.json', 'Provisional with a new component');
  await page.goto(`/cases/${id}/edit/support-VEHICLES`);
  await expect(page.getByTestId('step-form')).toHaveAttribute('data-ready', 'true');
  await page.getByText(/Support components \(1\)/).click();
  await page.locator('#comp-add-').fill('Training');
  await page.getByRole('button', { name: 'Add component' }).click();
  // The readable name stays the label; the derived id (TRAINING) names it in the preview.
  await expect(page.getByTestId('progress')).toContainText('Support — Training');
  await expect(page.getByTestId('preview-provisional')).toBeVisible();
  await expect(page.getByTestId('preview-not-rated')).toContainText(/training: not rated yet, \d+ answers? missing/i);
  await expect(page.getByTestId('preview-band')).toBeVisible();
  await expect(page.getByTestId('preview')).toContainText('VEHICLES');
  await page.screenshot({ path: path.join(shots, 'journey-provisional-component.png') });
  await page.context().close();
});

test('opening every step of a complete case changes nothing (no false "kept" input)', async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await newContextPage(browser, 'assessor@demo.hrdd');
  const { id } = await exampleCase(page, '03_substantial_gendarmerie_vehicles.answers.json', 'Nothing changes on opening');
  for (const step of ['case', 'country', 'support-VEHICLES', 'recipient-VEHICLES', 'screening-VEHICLES', 'mitigation-VEHICLES',
    'consultations', 'decision-VEHICLES', 'submit']) {
    await page.goto(`/cases/${id}/edit/${step}`);
    await expect(page.getByTestId('step-form')).toHaveAttribute('data-ready', 'true');
    await expect(page.getByTestId('kept-notice'), step).toHaveCount(0);
    await expect(page.getByTestId('save-status'), step).not.toHaveText(/Unsaved/);
  }
  expect(await page.evaluate((k) => localStorage.getItem(k), `hrdd.unsent.${id}`)).toBeNull();
  await page.context().close();
});

test('static files are sent precompressed under hashed names and cached as immutable; pages are not cached', async ({ browser }) => {
  const assessor = await newContextPage(browser, 'assessor@demo.hrdd');
  const request = assessor.request;
  const page = await request.get('/login');
  expect(page.headers()['cache-control']).toBe('no-store');
  expect(page.headers()['content-encoding']).toMatch(/br|gzip/);
  // The sign-in page loads the stylesheet only; the wizard (the one island) loads the script and WASM.
  const login = await page.text();
  const id = await createCase(assessor, 'Static files check');
  const wizard = await (await request.get(`/cases/${id}/edit/case`)).text();
  const named = (html: string) => [...html.matchAll(/\/pkg\/hrdd\.[A-Za-z0-9_-]{8,}\.(css|js|wasm)/g)].map((m) => m[0]);
  expect(named(login).some((f) => f.endsWith('.css'))).toBeTruthy();
  expect(named(login).filter((f) => !f.endsWith('.css'))).toEqual([]);
  const files = [...named(login), ...named(wizard)];
  expect(files.some((f) => f.endsWith('.js'))).toBeTruthy();
  expect(files.some((f) => f.endsWith('.wasm'))).toBeTruthy();
  for (const f of new Set([...files])) {
    for (const encoding of ['br', 'gzip']) {
      const r = await request.get(f, { headers: { 'accept-encoding': encoding } });
      expect(r.status(), f).toBe(200);
      expect(r.headers()['content-encoding'], `${f} ${encoding}`).toBe(encoding);
      expect(r.headers()['cache-control'], f).toBe('public, max-age=31536000, immutable');
    }
  }
  await assessor.context().close();
});

test('without JavaScript a refused new user comes back with the message at its field, and success is confirmed', async ({ browser }) => {
  const page = await newContextPage(browser, 'admin@demo.hrdd', false);
  const email = `nojs.${Date.now()}@un.org`;
  await page.goto('/admin/users');
  await page.getByText('Add a user').click();
  await page.locator('#new-email').fill(email);
  await page.locator('#new-name').fill('Lina Haddad');
  await page.locator('#new-role-assessor').check();
  await page.locator('#new-countries').fill('ke');
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.locator('#new-temporary_password-error')).toContainText('12 characters');
  await expect(page.locator('#new-email')).toHaveValue(email);
  await expect(page.locator('#new-name')).toHaveValue('Lina Haddad');
  await page.locator('#new-role-assessor').check();
  await page.locator('#new-countries').fill('ke');
  await page.locator('#new-temporary_password').fill('temporary pass 2026');
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByText('User created.')).toBeVisible();
  await expect(page.getByTestId('user-table')).toContainText(email);
  await page.context().close();
});

for (const js of [true, false]) {
  test(`the admin user form shows every error at once, each next to its field (${js ? 'with' : 'without'} JavaScript)`, async ({ browser }) => {
    const page = await newContextPage(browser, 'admin@demo.hrdd', js);
    await page.goto('/admin/users');
    await page.getByText('Add a user').click();
    await page.locator('#new-email').fill('not an address');
    await page.locator('#new-role-reviewer').check();
    await page.getByRole('button', { name: 'Create user' }).click();
    await expect(page.locator('#new-email-error')).toContainText('e-mail address');
    await expect(page.locator('#new-name-error')).toContainText('name');
    await expect(page.locator('#new-approval_level-error')).toContainText('approval level');
    await expect(page.locator('#new-countries-error')).toContainText('country');
    await expect(page.locator('#new-temporary_password-error')).toContainText('12 characters');
    await expect(page.getByText(/Correct the 5 fields marked below/)).toBeVisible();
    await expect(page.locator('#new-email')).toHaveValue('not an address');
    await page.screenshot({ path: path.join(shots, `admin-form-all-errors-${js ? 'js' : 'nojs'}.png`), fullPage: true });
    await page.context().close();
  });
}

test('axe finds no violation on the account history, set-up, conflict and no-JavaScript problem pages', async ({ browser }) => {
  test.setTimeout(120_000);
  const found: string[] = [];
  const check = async (page: Page, label: string) => found.push(...(await axeViolations(page, label)));
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto('/setup');
  await check(visitor, '/setup');

  const admin = await newContextPage(browser, 'admin@demo.hrdd');
  await admin.goto('/admin/users');
  await admin.getByRole('link', { name: 'History' }).first().click();
  await expect(admin).toHaveURL(/\/admin\/users\/\d+\/history/);
  await admin.waitForLoadState('networkidle');
  await check(admin, admin.url());

  // Without JavaScript: someone else saves first, then the plain form post gets the conflict page.
  const assessor = await newContextPage(browser, 'assessor@demo.hrdd');
  const { id } = await exampleCase(assessor, '03_substantial_gendarmerie_vehicles.answers.json', 'Axe on problem pages');
  const plain = await newContextPage(browser, 'assessor@demo.hrdd', false);
  await plain.goto(`/cases/${id}/edit/case`);
  await assessor.goto(`/cases/${id}/edit/case`);
  await expect(assessor.getByTestId('step-form')).toHaveAttribute('data-ready', 'true');
  await assessor.locator('input[name="q.office"]').fill('Mombasa Field Office');
  await assessor.getByRole('button', { name: 'Save draft' }).click();
  await expect(assessor.getByTestId('save-status')).toHaveText(/All changes saved/);
  await plain.locator('input[name="q.office"]').fill('Kisumu Field Office');
  await plain.getByRole('button', { name: 'Save draft' }).click();
  await expect(plain.getByRole('heading', { name: 'Someone else saved first' })).toBeVisible();
  // axe runs scripts, which a context without JavaScript refuses: the page as answered (its own
  // scripts removed, as they never ran) is checked in a JavaScript-enabled page of the same origin.
  const checkAsAnswered = async (html: string, label: string) => {
    const body = html.replace(/<script\b[\s\S]*?<\/script>/gi, '');
    await visitor.route('**/__as-answered', (route) => route.fulfill({ status: 200, contentType: 'text/html', body }));
    await visitor.goto('/__as-answered');
    await check(visitor, label);
    await visitor.unroute('**/__as-answered');
  };
  await checkAsAnswered(await plain.content(), 'no-JS conflict page');
  await plain.screenshot({ path: path.join(shots, 'journey-nojs-conflict.png'), fullPage: true });

  // A refused plain post (a step that does not exist) gets the problem page with the user's input.
  const refused = await plain.request.post(`/cases/${id}/edit/no-such-step`, {
    form: { _revision: '1', 'q.office': 'Kisumu Field Office' },
    headers: { origin: new URL(plain.url()).origin },
  });
  expect(refused.status()).toBe(404);
  const problemHtml = await refused.text();
  await checkAsAnswered(problemHtml, 'no-JS problem page');
  await expect(visitor.getByText('No such step.')).toBeVisible();
  expect(found).toEqual([]);
  for (const p of [visitor, admin, assessor, plain]) await p.context().close();
});

test('without JavaScript a refused review action comes back to the summary with the message at its form', async ({ browser }) => {
  const page = await newContextPage(browser, 'assessor@demo.hrdd');
  const { id } = await exampleCase(page, '03_substantial_gendarmerie_vehicles.answers.json', 'No-JS review actions');
  const adviser = await newContextPage(browser, 'adviser@demo.hrdd');
  const doc = example('03_substantial_gendarmerie_vehicles.answers.json');
  const ed = await (await adviser.request.post('/api/cases/editor', { form: { id }, headers: origin(adviser) })).json();
  await saveStep(adviser, id, ed.revision, 'consultations', { consultations: doc.consultations });
  await page.goto(`/cases/${id}/edit/submit`);
  await page.getByTestId('submit-case').click();
  await expect(page).toHaveURL(new RegExp(`/cases/${id}$`));

  const reviewer = await newContextPage(browser, 'reviewer2@demo.hrdd', false);
  await reviewer.goto(`/cases/${id}`);
  await reviewer.getByText('Return to the assessor').click();
  await reviewer.getByRole('button', { name: 'Return with this comment' }).click();
  await expect(reviewer).toHaveURL(new RegExp(`/cases/${id}\\?form=return`));
  await expect(reviewer.locator('#return-body-error')).not.toBeEmpty();
  await expect(reviewer.getByTestId('review-panel')).toBeVisible();

  // Sign-off without a decision: the message is at the decision, the comment typed is kept.
  await reviewer.locator('#signoff-comment').fill('Checked with the field office.');
  await reviewer.getByRole('button', { name: 'Sign off' }).click();
  await expect(reviewer).toHaveURL(new RegExp(`/cases/${id}\\?form=sign-off`));
  await expect(reviewer.getByTestId('sign-off-form')).toContainText(/Choose|decision/);
  await expect(reviewer.locator('#signoff-comment')).toHaveValue('Checked with the field office.');
  await reviewer.screenshot({ path: path.join(shots, 'journey-nojs-review-refused.png'), fullPage: true });
  for (const c of [page, adviser, reviewer]) await c.context().close();
});
