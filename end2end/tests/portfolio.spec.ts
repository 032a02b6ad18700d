import { test, expect, Page } from '@playwright/test';
import { asUser, PASSWORD } from './helpers';
import { execFileSync } from 'child_process';
import * as path from 'path';

// The manager's portfolio (issue 7): filter, drill into a figure, open a summary, never an edit view;
// exports and a personal access token for the read API.

const root = path.resolve(__dirname, '..', '..');
const shots = path.join(root, 'target', 'e2e', 'screenshots');
const dbFile = path.join(root, 'target', 'e2e', 'hrdd-e2e.sqlite');


test.beforeAll(() => {
  // A realistic portfolio: 400 seeded cases in every workflow state, written into the server's database.
  execFileSync(path.join(root, 'target', 'release', 'hrdd'), ['seed', '--cases', '400', '--seed', '77'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `sqlite://${dbFile}` },
    stdio: 'pipe',
  });
});

test('a manager filters the portfolio, drills into a figure, reads a summary and cannot edit', async ({ browser }) => {
  const page = await asUser(browser, 'manager@demo.hrdd');
  await page.getByRole('link', { name: 'Portfolio' }).click();
  await expect(page).toHaveURL(/\/portfolio$/);
  await expect(page.getByRole('heading', { name: 'Portfolio', level: 1 })).toBeVisible();
  await expect(page.getByTestId('heatmap').getByRole('group', { name: /Countries × risk areas/ })).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'portfolio.png'), fullPage: true });

  // Filter: Kenya, decided cases. The filter lands in the URL.
  const filters = page.getByRole('search', { name: 'Filter the portfolio' });
  await filters.getByLabel('Country').selectOption('KE');
  await filters.getByLabel('Status').selectOption('DECIDED');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/country=KE/);
  await expect(page).toHaveURL(/state=DECIDED/);
  // The address changes before the filtered figures arrive: wait for them.
  await page.waitForLoadState('networkidle');
  const total = Number(await page.getByTestId('tile-total').locator('span').nth(1).innerText());
  expect(total).toBeGreaterThan(0);
  await page.screenshot({ path: path.join(shots, 'portfolio-filtered.png'), fullPage: true });

  // Drill into a heat-map cell: the list shows exactly the cases behind it.
  const cell = page.getByTestId('heatmap').locator('svg a').first();
  const tip = await cell.locator('title').textContent();
  const expected = Number(/: (\d+) case/.exec(tip ?? '')![1]);
  await cell.click();
  await expect(page).toHaveURL(/\/cases\?.*country=KE.*area=/);
  await expect(page.getByTestId('case-total')).toHaveText(new RegExp(`^${expected} assessment`));
  await expect(page.getByTestId('drill-filters')).toContainText('Risk area');
  const rows = page.getByTestId('case-table').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  for (const country of await rows.locator('td:nth-child(3)').allInnerTexts()) expect(country).toBe('KE');

  // Open a summary: read-only, no way to edit.
  await rows.first().locator('a').first().click();
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  const id = page.url().split('/').pop();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: /edit|continue/i })).toHaveCount(0);
  const download = await page.request.get(
    (await page.getByRole('link', { name: 'Download the summary as JSON' }).getAttribute('href'))!,
  );
  expect(download.status()).toBe(200);
  expect((await download.json()).case_id).toBe(Number(id));
  await page.goto(`/cases/${id}/edit/case`);
  await expect(page.getByTestId('access-problem')).toBeVisible();
  // (The footer's language switcher is the only form outside the page's content.)
  await expect(page.locator('#main form input[name], #main form textarea')).toHaveCount(0);

  // Exports of the filtered list (session cookie).
  await page.goto('/portfolio?country=KE&state=DECIDED');
  const csvHref = await page.getByRole('link', { name: 'CSV' }).getAttribute('href');
  const csv = await page.request.get(csvHref!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const lines = (await csv.text()).trim().split('\r\n');
  expect(lines.length).toBe(total + 1);
});

test('a manager creates a token, reads the API with it, and revokes it', async ({ browser }) => {
  const page = await asUser(browser, 'manager@demo.hrdd');
  await page.getByRole('link', { name: 'Profile' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await page.getByRole('button', { name: 'Create token' }).click();
  await expect(page.locator('#name-error')).toContainText('Give the token a name');
  await page.getByLabel('Name').fill('Monday spreadsheet');
  // A session alone cannot mint a token: the password is asked for again.
  await page.getByRole('button', { name: 'Create token' }).click();
  await expect(page.locator('#password-error')).toContainText('Enter your password');
  await page.getByLabel('Your password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = await page.getByLabel('The new token').inputValue();
  expect(token).toMatch(/^hrdd_[0-9a-f]{40}$/);
  await expect(page.getByTestId('token-table')).toContainText('Monday spreadsheet');
  await page.screenshot({ path: path.join(shots, 'tokens.png'), fullPage: true });
  // Shown once: the page opened again no longer holds it.
  await page.goto('/account');
  await expect(page.getByTestId('token-table')).toContainText('Monday spreadsheet');
  await expect(page.getByLabel('The new token')).toHaveCount(0);

  const api = await page.context().browser()!.newContext();
  const listed = await api.request.get('/api/v1/cases?per_page=5', { headers: { Authorization: `Bearer ${token}` } });
  expect(listed.status()).toBe(200);
  expect((await listed.json()).items.length).toBe(5);

  await page.getByRole('button', { name: 'Revoke token Monday spreadsheet' }).click();
  await expect(page.getByTestId('token-table')).toContainText('revoked');
  const refused = await api.request.get('/api/v1/cases', { headers: { Authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe('invalid_token');
});
