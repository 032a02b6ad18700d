import { test, expect, Page } from '@playwright/test';
import { asUser } from './helpers';
import * as path from 'path';

// The strict Content-Security-Policy must not break a page: every script runs by its nonce, the
// WebAssembly compiles, nothing is blocked. Also: no framing, and the administrator's account history.

const shots = path.resolve(__dirname, '..', '..', 'target', 'e2e', 'screenshots');

/** Collects CSP violations reported in the page. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) seen.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Refused to load: CSP ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return seen;
}

test('pages run under the strict CSP with no violation, and hydrate', async ({ browser }) => {
  const page = await asUser(browser, 'assessor@demo.hrdd');
  const violations = await watchViolations(page);
  const response = await page.goto('/cases');
  const csp = response!.headers()['content-security-policy'];
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-inline');
  await page.getByRole('link', { name: /Police|Forensic|prison|Gendarmerie|case management/i }).first().click();
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  await page.goto(page.url() + '/edit/case');
  // The live preview is computed by the WASM engine: hydration ran under the policy.
  await expect(page.getByTestId('preview')).toBeVisible();
  for (const url of ['/review', '/account', '/methodology', '/cases/new']) {
    await page.goto(url);
    await expect(page.locator('main')).toBeVisible();
  }
  const manager = await asUser(browser, 'manager@demo.hrdd');
  const managerViolations = await watchViolations(manager);
  await manager.goto('/portfolio');
  await expect(manager.getByTestId('heatmap')).toBeVisible();
  expect(managerViolations).toEqual([]);
  await page.goto('/');
  await expect(page.getByTestId('inbox-counts')).toBeVisible();
  expect(violations).toEqual([]);
  // The public start page (no script; its risk matrix is a form) under the same policy.
  const visitor = await (await browser.newContext()).newPage();
  const visitorViolations = await watchViolations(visitor);
  await visitor.goto('/');
  await visitor.getByTestId('likelihood').selectOption('5');
  await visitor.getByRole('button', { name: 'Rate' }).click();
  await expect(visitor.getByTestId('risk-value')).toHaveText('25');
  expect(visitorViolations).toEqual([]);
});

test('the review pages may not be framed by another site nor kept in a cache', async ({ browser }) => {
  const page = await asUser(browser, 'reviewer2@demo.hrdd');
  const response = await page.goto('/review');
  const headers = response!.headers();
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['cache-control']).toBe('no-store');
  expect(headers['x-content-type-options']).toBe('nosniff');
});

test('an administrator reads an account history and cannot make themself a reviewer', async ({ browser }) => {
  const page = await asUser(browser, 'admin@demo.hrdd');
  const violations = await watchViolations(page);
  await page.goto('/admin/users');
  const row = page.getByTestId('user-admin@demo.hrdd');
  await row.locator('summary', { hasText: 'Manage' }).click();
  await row.getByRole('checkbox', { name: /^Reviewer/ }).check();
  await row.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(/cannot change your own roles|stands alone/).first()).toBeVisible();
  await page.goto('/admin/users');
  await page.getByTestId('user-assessor@demo.hrdd').getByRole('link', { name: 'History' }).click();
  await expect(page).toHaveURL(/\/admin\/users\/\d+\/history$/);
  await expect(page.getByTestId('history-status')).toContainText('signed in the audit record');
  await expect(page.getByTestId('account-history')).toContainText('Account created');
  await page.screenshot({ path: path.join(shots, 'account-history.png'), fullPage: true });
  expect(violations).toEqual([]);
});
