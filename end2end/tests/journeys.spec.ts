import { test, expect, Page } from '@playwright/test';
import * as fs from 'fs';
import * as path from 'path';
import { createCase, example, newContextPage, shots } from './helpers';

// The users' journeys (issue 17): each trap a new user met, walked in the browser as they would.

const origin = (page: Page) => ({ Origin: new URL(page.url()).origin });

/** Saves one step through the editor's JSON endpoint (to reach a later step quickly). */
async function saveStep(page: Page, id: string, revision: number, step: string, answers: object): Promise<number> {
  const r = await page.request.post('/api/cases/save-step', { data: { id: Number(id), revision, step, answers }, headers: origin(page) });
  const body = await r.json();
  expect(body.Saved, `${step}: ${JSON.stringify(body)}`).toBeTruthy();
  return body.Saved.revision;
}

/** A KE case holding example 1 (the forensic lab) up to `lastStep`, entered through the save API. */
async function exampleOneCase(page: Page, title: string, lastStep: number): Promise<{ id: string; revision: number }> {
  const id = await createCase(page, title);
  const doc = example('01_low_forensic_lab_police.answers.json');
  doc.case.country = 'KE';
  const editor = await (await page.request.post('/api/cases/editor', { form: { id }, headers: origin(page) })).json();
  const steps: { number: number; questions: string[] }[] = editor.catalogue.steps;
  const pick = (source: any, n: number) =>
    Object.fromEntries(steps.find((s) => s.number === n)!.questions.filter((q) => q in source).map((q) => [q, source[q]]));
  const c = doc.components[0];
  let revision = 1;
  const plan: [number, string, object][] = [
    [1, 'case', pick(doc.case, 1)],
    [2, 'country', pick(doc.case, 2)],
    [3, 'support-C1', pick(c.answers, 3)],
    [4, 'recipient-C1', { ...pick(c.answers, 4), evidence: c.evidence }],
  ];
  for (const [n, step, values] of plan) if (n <= lastStep) revision = await saveStep(page, id, revision, step, values);
  return { id, revision };
}

test.beforeAll(() => fs.mkdirSync(shots, { recursive: true }));

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
  await plain.getByRole('button', { name: 'Save draft' }).click();
  await plain.goto(`/cases/${id}/edit/support-C1`);
  await expect(plain.locator('input[name="q.affected_groups"]:checked')).toHaveCount(0);
  await plain.locator('input[name="q.affected_groups"][value="_none"]').check();
  await plain.getByRole('button', { name: 'Save draft' }).click();
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
