import { Browser, Page } from '@playwright/test';

/** The demo accounts' password (`hrdd serve --demo`). */
export const PASSWORD = 'demo-password-2026';

/** A fresh browser context signed in as `email` through the login form. */
export async function asUser(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/login');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}
