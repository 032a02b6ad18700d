import { test, expect } from '@playwright/test';
import * as fs from 'fs';
import * as path from 'path';
import { createCase, example, exampleCase, newContextPage, origin, shots } from './helpers';

// Country reference data (issue 20): an administrator changes Kenya's 4.1; a decided Kenyan case
// that watches a death-penalty change becomes due and the manager sees it; an assessor starting a
// case finds step 2 pre-filled with the date and source of each value.

test('an admin changes Kenya’s 4.1: new cases are pre-filled, watching decided cases become due', async ({ browser }) => {
  test.setTimeout(120_000);
  fs.mkdirSync(shots, { recursive: true });
  const assessor = await newContextPage(browser, 'assessor@demo.hrdd');
  const adviser = await newContextPage(browser, 'adviser@demo.hrdd');
  const reviewer = await newContextPage(browser, 'reviewer2@demo.hrdd');
  const admin = await newContextPage(browser, 'admin@demo.hrdd', false);
  const manager = await newContextPage(browser, 'manager@demo.hrdd');

  // A decided Kenyan case whose component watches DEATH_PENALTY_CHANGE (4.1 is a drug death-penalty
  // status): example 1 with the death penalty for drugs abolished in practice.
  const doc = example('01_low_forensic_lab_police.answers.json');
  doc.case.dp_status_drugs = 'DRUG_DP_ABOLITIONIST_IN_PRACTICE';
  doc.case.dp_mandatory_for_drugs = false;
  const { id } = await exampleCase(assessor, doc, 'Forensic lab (reference data check)');
  const editor = await (await adviser.request.post('/api/cases/editor', { form: { id }, headers: origin(adviser) })).json();
  const saved = await adviser.request.post('/api/cases/save-step', {
    data: { id: Number(id), revision: editor.revision, step: 'consultations', answers: { consultations: doc.consultations } },
    headers: origin(adviser),
  });
  const revision = (await saved.json()).Saved.revision;
  expect((await assessor.request.post('/api/cases/submit', { form: { id, revision: String(revision) }, headers: origin(assessor) })).status()).toBe(200);
  await reviewer.goto(`/cases/${id}`);
  const signed = await reviewer.request.post('/api/review/sign-off', {
    form: {
      id, revision: String(revision), comment: 'Lab support continues.',
      'decisions[0][component_id]': 'LAB', 'decisions[0][final_decision]': 'PROCEED', 'decisions[0][conditions]': '',
    },
    headers: origin(reviewer),
  });
  expect(signed.status(), await signed.text()).toBe(200);
  const reference = (await reviewer.locator('header p.font-mono').first().innerText()).split(' ')[0];

  // The administrator (without JavaScript) sees the demo table with its sources and how many
  // decided cases a death-penalty change concerns.
  await admin.goto('/reference/countries');
  await expect(admin.getByTestId('reference-countries')).toContainText('KE');
  await admin.screenshot({ path: path.join(shots, 'reference-countries.png'), fullPage: true });
  await admin.getByRole('link', { name: 'KE', exact: true }).click();
  await expect(admin.getByTestId('reference-in-force')).toContainText('EXAMPLE DATA');
  await expect(admin.getByTestId('dp-watchers')).toContainText(/trigger on [1-9]\d* decided assessment/);

  // A wrong combination is refused next to its field; what was typed stays.
  await admin.getByLabel('4.1 Death-penalty status for drug offences').selectOption('DP_BUT_NOT_FOR_DRUGS');
  await admin.getByLabel('4.2 Death penalty mandatory for any drug offence').selectOption('true');
  await admin.getByLabel('Source: law, instrument or report, with its citation').fill('Drug Control (Amendment) Act 2026, s. 3');
  await admin.getByRole('button', { name: 'Record change' }).click();
  await expect(admin.locator('#ref-dp_mandatory_for_drugs-error')).toContainText('Leave this blank');
  await expect(admin.getByLabel('Source: law, instrument or report, with its citation')).toHaveValue('Drug Control (Amendment) Act 2026, s. 3');
  await admin.screenshot({ path: path.join(shots, 'reference-refused.png'), fullPage: true });

  // The right one: the death penalty for drug offences is now handed down (not executed).
  await admin.getByLabel('4.1 Death-penalty status for drug offences').selectOption('DRUG_DP_SENTENCING');
  await admin.getByLabel('4.2 Death penalty mandatory for any drug offence').selectOption('false');
  await admin.getByRole('button', { name: 'Record change' }).click();
  await expect(admin.getByText(/A death-penalty change trigger was recorded on [1-9]\d* decided assessment/)).toBeVisible();
  await expect(admin.getByTestId('reference-in-force')).toContainText('Drug Control (Amendment) Act 2026');
  await expect(admin.getByTestId('reference-history')).toContainText('EXAMPLE DATA');
  await admin.screenshot({ path: path.join(shots, 'reference-country.png'), fullPage: true });

  // An assessor starting a case finds step 2 pre-filled, each value with its date and source.
  const fresh = await createCase(assessor, 'Prison health (reference data check)');
  await assessor.goto(`/cases/${fresh}/edit/country`);
  await expect(assessor.locator('select[name="q.dp_status_drugs"]')).toHaveValue('DRUG_DP_SENTENCING');
  const note = assessor.locator('[data-question="dp_status_drugs"]').getByTestId('reference-note');
  await expect(note).toContainText('Drug Control (Amendment) Act 2026');
  await expect(note).toContainText('effective');
  await assessor.screenshot({ path: path.join(shots, 'reference-prefilled-step2.png'), fullPage: true });
  // The assessor changes one value: a reason is asked for next to it; then they confirm.
  await expect(assessor.getByTestId('step-form')).toHaveAttribute('data-ready', 'true');
  const reason = assessor.locator('[data-question="armed_conflict_or_peace_operation"]').getByTestId('reference-reason');
  await expect(reason).toBeHidden();
  await assessor.locator('input[name="q.armed_conflict_or_peace_operation"][value="true"]').check();
  await expect(reason).toBeVisible();
  await assessor.getByRole('button', { name: 'Save draft' }).click();
  await expect(reason).toContainText('say why');
  await expect(assessor.getByTestId('confirm-country-context')).toContainText('Confirm the country context');
  await reason.locator('textarea').fill('A UN special political mission was deployed in 2026 (test scenario).');
  await assessor.locator('#f-country-context-confirmed').check();
  await assessor.getByRole('button', { name: 'Save draft' }).click();
  await expect(assessor.getByTestId('save-status')).toHaveText(/All changes saved/);
  await expect(reason.locator('p.text-red-800')).toBeEmpty();
  await assessor.screenshot({ path: path.join(shots, 'reference-confirmed-step2.png'), fullPage: true });
  await assessor.reload();
  await expect(assessor.locator('#f-country-context-confirmed')).toBeChecked();
  await expect(reason.locator('textarea')).toHaveValue('A UN special political mission was deployed in 2026 (test scenario).');

  // The decided case is now due: its summary says so, and the manager's portfolio counts it.
  await manager.goto('/portfolio');
  await expect(manager.getByTestId('tile-reassessment')).toBeVisible();
  await manager.screenshot({ path: path.join(shots, 'reference-portfolio-due.png'), fullPage: true });
  await manager.goto('/cases?flag=reassessment_due');
  await expect(manager.getByRole('link', { name: reference })).toBeVisible();
  // The assessor's start page lists it among the re-assessments due.
  await assessor.goto('/');
  await expect(assessor.getByTestId('queue-reassess')).toContainText(reference);
  // The case's own record names the trigger and what changed.
  await reviewer.goto(`/cases/${id}`);
  await expect(reviewer.getByText(/Country reference data for KE changed/).first()).toBeVisible();

  // The later tests share this database: the administrator puts Kenya's death-penalty values back as
  // the demo data had them (4.2 ends: "no value"), which is itself a new dated entry.
  await admin.goto('/reference/countries/KE');
  await admin.getByLabel('4.1 Death-penalty status for drug offences').selectOption('DP_BUT_NOT_FOR_DRUGS');
  await admin.getByLabel('4.2 Death penalty mandatory for any drug offence').selectOption('');
  await admin.getByLabel('Source: law, instrument or report, with its citation').fill('Test data restored (browser test)');
  await admin.getByRole('button', { name: 'Record change' }).click();
  await expect(admin.getByText(/Recorded 2 changes/)).toBeVisible();
  await expect(admin.locator('[data-question="dp_mandatory_for_drugs"]').first()).toContainText('no value');
});
