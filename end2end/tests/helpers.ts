import { Browser, Page, expect } from '@playwright/test';
import * as fs from 'fs';
import * as path from 'path';

/** The demo accounts' password (`hrdd serve --demo`). */
export const PASSWORD = 'demo-password-2026';

export const root = path.resolve(__dirname, '..', '..');
export const shots = path.join(root, 'target', 'e2e', 'screenshots');
const examples = path.resolve(root, '..', 'shared', 'spec', 'examples');
const fixtures = path.join(root, 'tests', 'fixtures', 'examples');
const exampleDir = fs.existsSync(examples) ? examples : fixtures;
/** One of the spec's worked examples (answers or result document). */
export const example = (name: string) => JSON.parse(fs.readFileSync(path.join(exampleDir, name), 'utf8'));

/** Fills and sends the login form, without waiting for the outcome (tests of refused sign-ins). */
export async function submitSignIn(page: Page, email: string, password = PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs `page` in as `email` through the login form and waits until the app has left it. The one
 * sign-in of every browser test. */
export async function signIn(page: Page, email: string, password = PASSWORD) {
  await submitSignIn(page, email, password);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Signs out through the user menu's button and lands on the sign-in page. */
export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** A fresh browser context signed in as `email`, with or without JavaScript. */
export async function newContextPage(browser: Browser, email: string, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** A fresh browser context signed in as `email`. */
export async function asUser(browser: Browser, email: string): Promise<Page> {
  return newContextPage(browser, email);
}

/** Creates a draft in Kenya through the new-case form; returns its id. */
export async function createCase(page: Page, title: string, office = 'Programme Office'): Promise<string> {
  await page.goto('/cases/new');
  await page.getByLabel('1.1 Country').selectOption('KE');
  await page.getByLabel('1.4 Programme or project title').fill(title);
  await page.getByLabel('1.3 Office').fill(office);
  await page.getByRole('button', { name: 'Create draft' }).click();
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  return page.url().split('/').pop()!;
}

/** Sets one form field the way a user would: pick, tick or type. An empty list ticks "None of these". */
export async function setField(page: Page, name: string, value: unknown) {
  if (Array.isArray(value) && value.length === 0) {
    const none = page.locator(`input[name="${name}"][value="_none"]`);
    if (await none.count()) await none.check();
  } else if (Array.isArray(value)) {
    for (const v of value) await page.locator(`input[name="${name}"][value="${v}"]`).check();
  } else if (typeof value === 'boolean') {
    await page.locator(`input[name="${name}"][value="${value}"]`).check();
  } else {
    const field = page.locator(`[name="${name}"]`).first();
    const tag = await field.evaluate((el) => el.tagName);
    if (tag === 'SELECT') await field.selectOption(String(value));
    else await field.fill(String(value));
  }
}

/** Answers the listed questions from an example's answers. */
export async function answer(page: Page, answers: Record<string, unknown>, keys: string[]) {
  for (const key of keys) if (key in answers) await setField(page, `q.${key}`, answers[key]);
}

/** Fills one record of a part (row `index` of a list, or the single record when null). */
export async function record(page: Page, part: string, index: number | null, rec: Record<string, unknown>) {
  const prefix = index === null ? `p.${part}` : `p.${part}.${index}`;
  for (const [k, v] of Object.entries(rec)) {
    if (k === 'hr_adviser_concurred') continue;
    await setField(page, `${prefix}.${k}`, v);
  }
}

/** Presses "Next" and waits for the step `segment`. */
export async function next(page: Page, segment: string) {
  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(page).toHaveURL(new RegExp(`/edit/${segment}`));
}

/** The server refuses cross-site posts, so API calls carry the page's own origin as a browser's would. */
export const origin = (page: Page) => ({ Origin: new URL(page.url()).origin });

/**
 * Step 2 as an assessor confirms it when it was pre-filled from Kenya's reference data: the worked
 * example's values, each difference with its reason, and the confirmation ticked.
 */
export function confirmedContext(values: Record<string, unknown>): object {
  const reasons = Object.fromEntries(Object.keys(values).map((q) => [q, 'Worked example: the scenario describes this country context.']));
  return { ...values, country_context: { confirmed: true, reasons } };
}

/** Ticks step 2's confirmation in the wizard after giving a reason for every changed value. */
export async function confirmCountryContext(page: Page) {
  for (const reason of await page.getByTestId('reference-reason').all()) {
    if (await reason.isVisible()) await reason.locator('textarea').fill('Worked example: the scenario describes this country context.');
  }
  await page.locator('#f-country-context-confirmed').check();
}

/** Saves one step through the editor's JSON endpoint (to reach a later step quickly). */
export async function saveStep(page: Page, id: string, revision: number, step: string, answers: object): Promise<number> {
  const r = await page.request.post('/api/cases/save-step', { data: { id: Number(id), revision, step, answers }, headers: origin(page) });
  const body = await r.json();
  expect(body.Saved, `${step}: ${JSON.stringify(body)}`).toBeTruthy();
  return body.Saved.revision;
}

/**
 * Picks from `source` the answers of step `n` of case `id`'s catalogue: the one its wizard page
 * carries beside the island (`<script type="application/json" data-island-data>`, src/preload.rs).
 */
export async function answerPicker(page: Page, id: string): Promise<(source: any, n: number) => object> {
  const html = await (await page.request.get(`/cases/${id}/edit/case`)).text();
  const data = html.match(/<script[^>]*data-island-data="[^"]*"[^>]*>([\s\S]*?)<\/script>/);
  if (!data) throw new Error(`the wizard page of case ${id} carries no island data`);
  const book = JSON.parse(data[1]);
  const steps: { number: number; questions: string[] }[] = book.catalogue.steps;
  return (source: any, n: number) =>
    Object.fromEntries(steps.find((s) => s.number === n)!.questions.filter((q) => q in source).map((q) => [q, source[q]]));
}

/**
 * A KE case holding a worked example up to `lastStep` (all steps when omitted), entered through the
 * save API; its components keep the example's ids.
 */
export async function exampleCase(page: Page, file: string | any, title: string, lastStep = 9): Promise<{ id: string; revision: number }> {
  const id = await createCase(page, title);
  const doc = typeof file === 'string' ? example(file) : file;
  doc.case.country = 'KE';
  let revision = 1;
  for (const [i, c] of doc.components.entries()) {
    const fields = i === 0 ? { action: 'rename', component: 'C1', new_id: c.component_id } : { action: 'add', component: '', new_id: c.component_id };
    const r = await page.request.post('/api/cases/components', { form: { id, revision: String(revision), ...fields }, headers: origin(page) });
    revision = Number(await r.text());
  }
  const pick = await answerPicker(page, id);
  const plan: [number, string, object][] = [
    [1, 'case', pick(doc.case, 1)],
    [2, 'country', confirmedContext(pick(doc.case, 2))],
  ];
  for (const c of doc.components) {
    const cid = c.component_id;
    plan.push([3, `support-${cid}`, pick(c.answers, 3)]);
    plan.push([4, `recipient-${cid}`, { ...pick(c.answers, 4), evidence: c.evidence }]);
    plan.push([6, `mitigation-${cid}`, { measures: c.measures ?? [] }]);
    const decision: any = pick(c.answers, 8);
    if (c.intercession) decision.intercession = c.intercession;
    plan.push([8, `decision-${cid}`, decision]);
  }
  const ours = (doc.consultations ?? []).filter((c: any) => c.type !== 'OHCHR_HR_ADVISER');
  plan.push([7, 'consultations', { consultations: ours }]);
  for (const [n, step, values] of plan) if (n <= lastStep) revision = await saveStep(page, id, revision, step, values);
  return { id, revision };
}

