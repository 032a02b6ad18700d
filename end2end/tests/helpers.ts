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
