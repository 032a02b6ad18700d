import { test, expect, Page } from '@playwright/test';
import { answerPicker, asUser, confirmedContext, newContextPage } from './helpers';
import * as fs from 'fs';
import * as path from 'path';

// The reviewer journey (issue 6): submit → level-1 reviewer returns with a comment → the assessor
// records a lowering override → the adviser concurs → resubmit → a level-2 reviewer signs off the
// ESCALATE case with conditions; wrong roles and a too-low level are refused by the server.

const root = path.resolve(__dirname, '..', '..');
const shots = path.join(root, 'target', 'e2e', 'screenshots');
const fixtures = path.join(root, 'tests', 'fixtures', 'examples');
const example = (name: string) => JSON.parse(fs.readFileSync(path.join(fixtures, name), 'utf8'));


/** The server refuses cross-site posts, so API calls carry the page's own origin as a browser's would. */
const origin = (page: Page) => ({ Origin: new URL(page.url()).origin });

async function form(page: Page, endpoint: string, fields: Record<string, string>) {
  return page.request.post(`/api/${endpoint}`, { form: fields, headers: origin(page) });
}

async function saveStep(page: Page, id: string, revision: number, step: string, answers: object): Promise<number> {
  const r = await page.request.post('/api/cases/save-step', {
    data: { id: Number(id), revision, step, answers },
    headers: origin(page),
  });
  const body = await r.json();
  expect(body.Saved, `${step}: ${JSON.stringify(body)}`).toBeTruthy();
  return body.Saved.revision;
}

/** Example 3 (VEHICLES, ESCALATE) plus example 1's LAB component, entered through the save API. */
async function prepareCase(assessor: Page, adviser: Page): Promise<{ id: string; revision: number }> {
  await assessor.goto('/cases/new');
  await assessor.getByLabel('1.1 Country').selectOption('KE');
  await assessor.getByLabel('1.4 Programme or project title').fill('Interdiction vehicles and forensic lab');
  await assessor.getByLabel('1.3 Office').fill('Nairobi');
  await assessor.getByRole('button', { name: 'Create draft' }).click();
  await expect(assessor).toHaveURL(/\/cases\/\d+$/);
  const id = assessor.url().split('/').pop()!;
  let revision = 1;
  for (const [action, component, new_id] of [['rename', 'C1', 'VEHICLES'], ['add', '', 'LAB']]) {
    const r = await form(assessor, 'cases/components', { id, revision: String(revision), action, component, new_id });
    revision = Number(await r.text());
  }
  const doc = example('03_substantial_gendarmerie_vehicles.answers.json');
  doc.case.country = 'KE';
  doc.components.push(example('01_low_forensic_lab_police.answers.json').components[0]);
  const pick = await answerPicker(assessor, id);
  revision = await saveStep(assessor, id, revision, 'case', pick(doc.case, 1));
  revision = await saveStep(assessor, id, revision, 'country', confirmedContext(pick(doc.case, 2)));
  for (const c of doc.components) {
    const cid = c.component_id;
    revision = await saveStep(assessor, id, revision, `support-${cid}`, pick(c.answers, 3));
    revision = await saveStep(assessor, id, revision, `recipient-${cid}`, { ...pick(c.answers, 4), evidence: c.evidence });
    revision = await saveStep(assessor, id, revision, `mitigation-${cid}`, { measures: c.measures ?? [] });
    const decision: any = pick(c.answers, 8);
    if (c.intercession) decision.intercession = c.intercession;
    revision = await saveStep(assessor, id, revision, `decision-${cid}`, decision);
  }
  const ours = doc.consultations.filter((c: any) => c.type !== 'OHCHR_HR_ADVISER');
  revision = await saveStep(assessor, id, revision, 'consultations', { consultations: ours });
  revision = await saveStep(adviser, id, revision, 'consultations', { consultations: doc.consultations });
  return { id, revision };
}

async function submitInTheWizard(assessor: Page, id: string) {
  await assessor.goto(`/cases/${id}/edit/submit`);
  await expect(assessor.getByTestId('submit-case')).toBeEnabled();
  await assessor.getByTestId('submit-case').click();
  await expect(assessor).toHaveURL(new RegExp(`/cases/${id}$`));
  await expect(assessor.getByText('Submitted').first()).toBeVisible();
}

test('reviewer journey: return, concurrence, resubmission, sign-off with conditions', async ({ browser }) => {
  test.setTimeout(120_000);
  fs.mkdirSync(shots, { recursive: true });
  const assessor = await asUser(browser, 'assessor@demo.hrdd');
  const adviser = await asUser(browser, 'adviser@demo.hrdd');
  const rev1 = await asUser(browser, 'reviewer1@demo.hrdd');
  const rev2 = await asUser(browser, 'reviewer2@demo.hrdd');
  const manager = await asUser(browser, 'manager@demo.hrdd');
  const { id, revision } = await prepareCase(assessor, adviser);
  await submitInTheWizard(assessor, id);
  const reference = (await assessor.locator('header p.font-mono').first().innerText()).split(' ')[0];

  // Level 1: the case waits for level 2; signing is refused, returning works (comment required).
  await rev1.goto('/review');
  await expect(rev1.getByTestId('queue-waiting')).toContainText(reference);
  await rev1.getByTestId('queue-waiting').getByRole('link', { name: reference }).click();
  await expect(rev1.getByTestId('sign-off-blocked')).toContainText('level 2');
  const decisions = {
    id, revision: String(revision), comment: '',
    'decisions[0][component_id]': 'VEHICLES', 'decisions[0][final_decision]': 'PROCEED_WITH_CONDITIONS', 'decisions[0][conditions]': 'x',
    'decisions[1][component_id]': 'LAB', 'decisions[1][final_decision]': 'PROCEED', 'decisions[1][conditions]': '',
  };
  expect((await form(rev1, 'review/sign-off', decisions)).status(), 'too-low level').toBe(403);
  expect((await form(assessor, 'review/sign-off', decisions)).status(), 'the case’s own assessor').toBe(403);
  expect((await form(adviser, 'review/sign-off', decisions)).status(), 'wrong role').toBe(403);
  expect((await form(manager, 'review/return', { id, body: 'no' })).status(), 'managers do not return').toBe(403);
  await rev1.getByText('Return to the assessor').click();
  await rev1.getByTestId('return-form').getByRole('button', { name: 'Return with this comment' }).click();
  await expect(rev1.locator('#return-body-error')).toContainText('Write what the assessor should change');
  await rev1.getByLabel('About').first().selectOption({ label: 'Step 5 · Risk screening (LAB)' });
  await rev1.getByLabel('What should change (required)').fill('The lab only analyses seized substances: record the TOR nexus as remote, with the adviser.');
  await rev1.getByRole('button', { name: 'Return with this comment' }).click();
  await expect(rev1.getByText('Returned').first()).toBeVisible();

  // The return is a notification for the assessor: the header counts it, the notifications page
  // quotes the comment, and opening it leads to the case and marks it read.
  await assessor.goto('/notifications');
  await expect(assessor.getByTestId('unread-count')).toBeVisible();
  const notice = assessor.getByTestId('notice').filter({ hasText: `${reference} · ` }).filter({ hasText: 'returned to the assessor' });
  await expect(notice).toContainText('record the TOR nexus as remote');
  await expect(notice).toHaveAttribute('data-read', 'false');
  await assessor.screenshot({ path: path.join(shots, 'notifications.png'), fullPage: true });
  // The same notice went by e-mail (the demo server sends to aiosmtpd): to the assessor, with a link
  // back and without the comment; shown as a mail client would show it.
  const mailDir = path.join(root, 'target', 'e2e', 'mail');
  let mail: any;
  await expect(async () => {
    const all = fs.existsSync(mailDir) ? fs.readdirSync(mailDir).filter((f) => f.endsWith('.json')) : [];
    mail = all.map((f) => JSON.parse(fs.readFileSync(path.join(mailDir, f), 'utf8')))
      .find((m) => m.rcpt_tos.includes('assessor@demo.hrdd') && m.subject.includes(`${reference} · `) && m.subject.includes('returned to the assessor'));
    expect(mail, 'the return e-mail arrived').toBeTruthy();
  }).toPass({ timeout: 15_000 });
  const site = new URL(assessor.url()).origin;
  expect(mail.text).toContain(`${site}/cases/${id}`);
  expect(mail.html).toContain(`href="${site}/cases/${id}"`);
  expect(mail.text + mail.html).not.toContain('TOR nexus');
  expect(mail.text).toContain('replies are not read');
  const reader = await assessor.context().newPage();
  await reader.setContent(`<p style="font-family:sans-serif;font-size:13px;color:#475569">From: ${mail.from.replace(/</g, '&lt;')}<br>To: ${mail.to.replace(/</g, '&lt;')}<br>Subject: <b>${mail.subject}</b></p><hr>${mail.html}`);
  await reader.screenshot({ path: path.join(shots, 'email.png'), fullPage: true });
  await reader.close();
  await notice.getByRole('button', { name: 'Open the case' }).click();
  await expect(assessor).toHaveURL(new RegExp(`/cases/${id}$`));
  await assessor.goto('/notifications');
  await expect(assessor.getByTestId('notice').filter({ hasText: 'returned to the assessor' }).first()).toHaveAttribute('data-read', 'true');
  // The level-2 reviewer was told of the submission; the level-1 reviewer (below the level) was not.
  await rev2.goto('/notifications');
  await expect(rev2.getByTestId('notice').filter({ hasText: `${reference} · ` }).first()).toContainText('submitted for review');
  await rev1.goto('/notifications');
  await expect(rev1.getByTestId('notice').filter({ hasText: `${reference} · ` })).toHaveCount(0);

  // The return reaches the assessor: the inbox after sign-in lists it with the comment, and opens
  // the step the comment concerns, where the comment is shown again.
  await assessor.goto('/');
  const returned = assessor.getByTestId('queue-returned');
  await expect(returned).toContainText(reference);
  await expect(returned).toContainText('record the TOR nexus as remote');
  await returned.getByRole('link', { name: reference }).click();
  await expect(assessor).toHaveURL(new RegExp(`/cases/${id}/edit/screening-LAB`));
  await expect(assessor.getByTestId('return-note')).toContainText('record the TOR nexus as remote');
  await assessor.screenshot({ path: path.join(shots, 'journey-returned-step.png'), fullPage: true });
  // The summary's main button continues there too.
  await assessor.goto(`/cases/${id}`);
  await expect(assessor.getByRole('link', { name: 'Continue where you left off' })).toHaveAttribute('href', `/cases/${id}/edit/screening-LAB`);
  // The assessor sees the comment and records the lowering override (it needs the adviser).
  await expect(assessor.getByTestId('comments')).toContainText('record the TOR nexus as remote');
  const editor = await (await form(assessor, 'cases/editor', { id })).json();
  await saveStep(assessor, id, editor.revision, 'screening-LAB', {
    overrides: [{ target: 'NEXUS', area: 'TOR', value: 'REMOTE', justification: 'Forensic analysis of seized substances only; no custody.', evidence_ids: ['E1'] }],
  });
  expect((await form(assessor, 'review/concur', { id, revision: String(editor.revision + 1), component: 'LAB', target: 'override.0', verdict: 'concur' })).status()).toBe(403);

  // The adviser finds it in the queue and concurs on the summary page.
  await adviser.goto('/review');
  await adviser.getByTestId('queue-advice').getByRole('link', { name: reference }).click();
  await expect(adviser.getByTestId('concurrence')).toContainText('Lowering override of NEXUS for TOR');
  await adviser.getByTestId('concurrence').getByRole('button', { name: 'Concur' }).click();
  await expect(adviser.getByTestId('concurrence')).toContainText('Status: concurred');
  await expect(adviser.getByTestId('comments')).toContainText('Concurrence');

  await submitInTheWizard(assessor, id);

  // Level 2 signs off: VEHICLES with conditions (required), LAB proceeds.
  await rev2.goto('/review');
  await rev2.getByTestId('queue-decide').getByRole('link', { name: reference }).click();
  await expect(rev2.getByTestId('summary-decision')).toHaveText('ESCALATE');
  await expect(rev2.getByTestId('summary-level')).toHaveText('2');
  await expect(rev2.getByTestId('heatmap-VEHICLES')).toBeVisible();
  // The controls are at the top of the page, nothing is preselected, and the conditions become
  // required once "proceed with conditions" is chosen.
  const panel = rev2.getByTestId('review-panel');
  expect((await panel.boundingBox())!.y).toBeLessThan((await rev2.getByTestId('risk-summary').boundingBox())!.y);
  await expect(rev2.locator('#final-VEHICLES')).toHaveValue('');
  await expect(rev2.locator('#final-LAB')).toHaveValue('');
  await rev2.getByRole('button', { name: 'Sign off' }).click();
  await expect(rev2.locator('#final-VEHICLES-error')).toContainText('Choose the final decision');
  await rev2.locator('#final-VEHICLES').selectOption('PROCEED_WITH_CONDITIONS');
  await rev2.locator('#final-LAB').selectOption('PROCEED');
  await rev2.getByRole('button', { name: 'Sign off' }).click();
  await expect(rev2.locator('#conditions-VEHICLES-error')).toContainText('Write the conditions');
  await rev2.locator('#conditions-VEHICLES').fill('Monthly vehicle logbooks shared with the human-rights adviser; suspension clause.');
  await rev2.getByRole('button', { name: 'Sign off' }).click();
  await expect(rev2.getByTestId('sign-off-hash')).toContainText('sha256:');
  await expect(rev2.getByTestId('sign-off-block')).toContainText('hash verified');
  await expect(rev2.getByTestId('final-decisions')).toContainText('Proceed with conditions');
  // The decision card leads with the final decisions, signer and date.
  const card = rev2.getByTestId('decision-card');
  await expect(card).toContainText('Final decisions');
  await expect(card.getByTestId('decision-card-finals')).toContainText('VEHICLES: Proceed with conditions');
  await expect(card).toContainText('Monthly vehicle logbooks');
  await expect(card).toContainText('Signed off by');
  await expect(rev2.getByTestId('audit-status')).toContainText('verify');
  await rev2.screenshot({ path: path.join(shots, 'summary-signed.png'), fullPage: true });
  await rev2.pdf({ path: path.join(shots, 'summary-signed.pdf'), format: 'A4', displayHeaderFooter: false, preferCSSPageSize: true, printBackground: true });
  // Printed, the decision card is on page 1: A4 is 1123 CSS px high at 96 dpi (less the margins).
  await rev2.setViewportSize({ width: 794, height: 1123 });
  await rev2.emulateMedia({ media: 'print' });
  const top = await card.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  await expect(card).toBeVisible();
  expect(top, 'the decision card starts high on page 1').toBeLessThan(700);
  await rev2.emulateMedia({ media: 'screen' });
  // Signed: the answers cannot change any more.
  const after = await (await form(assessor, 'cases/editor', { id })).json();
  const refused = await assessor.request.post('/api/cases/save-step', {
    data: { id: Number(id), revision: after.revision, step: 'case', answers: { office: 'x' } },
    headers: origin(assessor),
  });
  expect(refused.status()).toBe(409);
});

test('each user chooses how they take e-mail, with and without JavaScript', async ({ browser }) => {
  for (const js of [true, false]) {
    const page = await newContextPage(browser, 'manager@demo.hrdd', js);
    await page.goto('/notifications');
    const section = page.locator('#mail');
    await expect(section.getByRole('radio', { name: /^Immediately/ })).toBeChecked();
    await section.getByRole('radio', { name: /^Daily digest/ }).check();
    await section.getByRole('button', { name: 'Save e-mail choice' }).click();
    await expect(section.getByText('Your e-mail choice is saved.')).toBeVisible();
    await page.goto('/notifications');
    await expect(page.locator('#mail').getByRole('radio', { name: /^Daily digest/ })).toBeChecked();
    if (!js) await page.screenshot({ path: path.join(shots, 'notifications-email-choice.png'), fullPage: true });
    // Back to the default for the next round.
    await page.locator('#mail').getByRole('radio', { name: /^Immediately/ }).check();
    await page.locator('#mail').getByRole('button', { name: 'Save e-mail choice' }).click();
    await expect(page.locator('#mail').getByText('Your e-mail choice is saved.')).toBeVisible();
    await page.context().close();
  }
});

test('administrators of all countries see the e-mail outbox', async ({ browser }) => {
  const admin = await asUser(browser, 'admin@demo.hrdd');
  await admin.goto('/admin/users');
  await admin.getByRole('link', { name: 'E-mail outbox' }).click();
  await expect(admin.getByRole('heading', { name: 'E-mail outbox' })).toBeVisible();
  await expect(admin.getByTestId('outbox-status')).toContainText('Sending through smtp://127.0.0.1:');
  await admin.screenshot({ path: path.join(shots, 'admin-outbox.png'), fullPage: true });
  const assessor = await asUser(browser, 'assessor@demo.hrdd');
  await assessor.goto('/admin/outbox');
  await expect(assessor.getByText('The e-mail outbox is for administrators of all countries')).toBeVisible();
});
