import { test, expect, Page, Browser } from '@playwright/test';
import { signIn, newContextPage, createCase, setField, answer, record, next, example, root, shots, confirmCountryContext } from './helpers';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

async function noSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('an assessor completes example 3 through the wizard and the result equals the expected one', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const doc = example('03_substantial_gendarmerie_vehicles.answers.json');
  const expected = example('03_substantial_gendarmerie_vehicles.result.json');
  const c = doc.case;
  const comp = doc.components[0];
  await signIn(page, 'assessor@demo.hrdd');
  const id = await createCase(page, c.programme_title, c.office);
  await page.getByRole('link', { name: 'Answer the questions' }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${id}/edit/case`));
  await expect(page.getByTestId('preview-incomplete')).toBeVisible();
  await noSeriousViolations(page);

  // Step 1: the rest of the case set-up.
  await answer(page, c, ['programme_ref', 'implementation_status', 'assessment_date']);
  await next(page, 'country');
  // Step 2: country context.
  await answer(page, c, ['dp_status_drugs', 'compulsory_drug_detention_centres', 'corporal_punishment_drug_offences',
    'mandatory_pretrial_detention_drugs', 'drug_trial_safeguard_gaps', 'armed_conflict_or_peace_operation']);
  await confirmCountryContext(page);
  await next(page, 'support-C1');
  await expect(page.getByTestId('save-status')).toHaveText(/All changes saved/);

  // Reloading resumes with everything saved.
  await page.goto(`/cases/${id}/edit/country`);
  await expect(page.locator('select[name="q.dp_status_drugs"]')).toHaveValue('DP_BUT_NOT_FOR_DRUGS');
  await expect(page.locator('input[name="q.mandatory_pretrial_detention_drugs"][value="true"]')).toBeChecked();
  await page.goto(`/cases/${id}/edit/support-C1`);

  // Step 3: rename the component, then describe the support.
  await page.getByText(/Support components \(1\)/).click();
  await page.locator('#comp-rename-C1').fill(comp.component_id);
  await page.getByRole('button', { name: 'Rename' }).click();
  await expect(page).toHaveURL(new RegExp(`/edit/support-${comp.component_id}`));
  const a = comp.answers;
  await expect(page.locator('[data-question="equipment_categories"]')).toBeHidden();
  await answer(page, a, ['description', 'support_types']);
  // A conditional question appears once its condition holds.
  await expect(page.locator('[data-question="equipment_categories"]')).toBeVisible();
  await answer(page, a, ['equipment_categories', 'enforcement_output_targets', 'profiling_or_targeting', 'affected_groups',
    'expected_benefits', 'withholding_consequences']);
  await noSeriousViolations(page);
  await page.screenshot({ path: path.join(shots, 'wizard-conditional-question.png'), fullPage: true });
  await next(page, `recipient-${comp.component_id}`);

  // Step 4: recipient, record and evidence.
  await answer(page, a, ['recipient_type', 'recipient_unit', 'violation_record', 'violation_types', 'accountability',
    'recipient_commitment', 'monitoring_access']);
  await record(page, 'evidence', 0, comp.evidence[0]);
  await next(page, `screening-${comp.component_id}`);
  await expect(page.getByTestId('screening')).toBeVisible();
  await next(page, `mitigation-${comp.component_id}`);

  // Step 6: the measure, with its effect shown as it is entered.
  await record(page, 'measures', 0, comp.measures[0]);
  await expect(page.getByTestId('mitigation-effect')).toContainText('M3');
  await expect(page.getByTestId('preview-band')).toHaveText('SUBSTANTIAL');
  await page.screenshot({ path: path.join(shots, 'wizard-preview-panel.png'), fullPage: true });
  await next(page, 'consultations');

  // Step 7: the assessor records the HRDDP letter; the OHCHR advice is the adviser's to record.
  const [ohchr, letter] = [doc.consultations[0], doc.consultations[1]];
  await expect(page.locator('select[name="p.consultations.0.type"] option[value="OHCHR_HR_ADVISER"]')).toHaveCount(0);
  await record(page, 'consultations', 0, letter);
  await next(page, `decision-${comp.component_id}`);

  // Step 8: monitoring plan and the proposed decision.
  await answer(page, a, ['monitoring_plan']);
  await record(page, 'proposed_decision', null, comp.proposed_decision);
  await next(page, 'submit');
  await expect(page.getByTestId('preview').getByTestId('blocking')).toContainText(/OHCHR/i);
  await expect(page.getByTestId('submit-case')).toBeDisabled();
  await noSeriousViolations(page);

  // The human-rights adviser records the consultation from another browser.
  const adviser = await newContextPage(browser, 'adviser@demo.hrdd');
  await adviser.goto(`/cases/${id}/edit/consultations`);
  await record(adviser, 'consultations', 1, ohchr);
  await adviser.getByRole('button', { name: 'Save draft' }).click();
  await expect(adviser.getByTestId('save-status')).toHaveText(/All changes saved/);
  await adviser.context().close();

  // Back to the assessor: the engine's result of the stored answers equals the example's.
  await page.reload();
  await expect(page.getByTestId('preview').getByTestId('blocking')).toContainText('Nothing blocks submission');
  await expect(page.getByTestId('review-band')).toHaveText('SUBSTANTIAL');
  await expect(page.getByTestId('review-decision')).toHaveText('ESCALATE');
  const editor = await page.request.post('/api/cases/editor', { form: { id }, headers: { Origin: new URL(page.url()).origin } });
  expect(editor.ok()).toBeTruthy();
  const stored = (await editor.json()).draft;
  // Step 2's confirmation is the wizard's own record, not part of the answers document (spec §3).
  expect(stored.country_context.confirmed).toBe(true);
  delete stored.country_context;
  const scored = JSON.parse(execFileSync(path.join(root, 'target', 'release', 'hrdd'), ['score', '-'], { input: JSON.stringify(stored), cwd: root }).toString());
  expect(scored).toEqual(expected);

  await page.getByTestId('submit-case').click();
  await expect(page).toHaveURL(new RegExp(`/cases/${id}$`));
  await expect(page.getByText('Submitted').first()).toBeVisible();
  await page.goto(`/cases/${id}/edit/case`);
  await expect(page.getByText(/read-only/)).toBeVisible();
  await expect(page.locator('input[name="q.office"]')).toBeDisabled();
});

test('two browsers edit the same case: the second gets the conflict with nothing lost', async ({ browser }) => {
  test.setTimeout(90_000);
  const first = await newContextPage(browser, 'assessor@demo.hrdd');
  const id = await createCase(first, 'Concurrent editing check', 'Nairobi');
  const second = await newContextPage(browser, 'assessor@demo.hrdd');
  await first.goto(`/cases/${id}/edit/case`);
  await second.goto(`/cases/${id}/edit/case`);
  await first.locator('input[name="q.office"]').fill('Mombasa Field Office');
  await first.getByRole('button', { name: 'Save draft' }).click();
  await expect(first.getByTestId('save-status')).toHaveText(/All changes saved/);

  await second.locator('input[name="q.office"]').fill('Kisumu Field Office');
  await second.locator('select[name="q.implementation_status"]').selectOption('ONGOING');
  await second.getByRole('button', { name: 'Save draft' }).click();
  const conflict = second.getByTestId('conflict');
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText('Mombasa Field Office');
  await expect(conflict).toContainText('Kisumu Field Office');
  await expect(second.locator('input[name="q.office"]')).toHaveValue('Kisumu Field Office');
  await second.screenshot({ path: path.join(shots, 'wizard-conflict.png'), fullPage: true });
  await conflict.getByRole('button', { name: 'Save with these choices' }).click();
  await expect(second.getByTestId('save-status')).toHaveText(/All changes saved/);
  await first.reload();
  await expect(first.locator('input[name="q.office"]')).toHaveValue('Kisumu Field Office');
  await expect(first.locator('select[name="q.implementation_status"]')).toHaveValue('ONGOING');
});

test('without JavaScript each step saves through a plain form post', async ({ browser }) => {
  const page = await newContextPage(browser, 'assessor@demo.hrdd', false);
  const id = await createCase(page, 'No-script office check');
  await page.goto(`/cases/${id}/edit/case`);
  await page.locator('input[name="q.office"]').fill('Eldoret Sub-Office');
  await page.locator('select[name="q.implementation_status"]').selectOption('NOT_STARTED');
  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${id}/edit/country\\?saved=1`));
  await page.goto(`/cases/${id}/edit/case`);
  await expect(page.locator('input[name="q.office"]')).toHaveValue('Eldoret Sub-Office');
  await page.context().close();
});

test('the whole wizard can be walked with the keyboard, focus visible', async ({ page }) => {
  await signIn(page, 'assessor@demo.hrdd');
  const id = await createCase(page, 'Keyboard walk');
  await page.goto(`/cases/${id}/edit/case`);
  await page.locator('input[name="q.office"]').focus();
  await page.keyboard.press('End');
  await page.keyboard.type(' (keyboard)');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('q.programme_title');
  // Tab to the Next button and press it.
  for (let i = 0; i < 30; i++) {
    const text = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? '');
    if (text.includes('Next')) break;
    await page.keyboard.press('Tab');
  }
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/edit\/country/);
  await page.goto(`/cases/${id}/edit/case`);
  await expect(page.locator('input[name="q.office"]')).toHaveValue('Programme Office (keyboard)');
});
