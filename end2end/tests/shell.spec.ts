import { test, expect, Page } from '@playwright/test';
import * as path from 'path';
import { asUser, shots, signIn } from './helpers';

test('home page renders the styled shell', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Human-rights due diligence');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  // Tailwind's stylesheet is loaded: the header has the product's dark-blue background.
  const headerBg = await page.locator('header').first().evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(headerBg).not.toBe('rgba(0, 0, 0, 0)');
  await expect(page.locator('footer')).toContainText('HRDD');
  await page.screenshot({ path: path.join(shots, 'home.png'), fullPage: true });
});

test('the start page ships no script: the risk matrix is a form the server rates', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (/\.(wasm|js)(\?|$)/.test(new URL(r.url()).pathname)) scripts.push(r.url());
  });
  await page.goto('/');
  await expect(page.getByTestId('risk-value')).toHaveText('15');
  await expect(page.getByTestId('risk-band')).toHaveText('SUBSTANTIAL');
  await page.getByTestId('likelihood').selectOption('5');
  await page.getByRole('button', { name: 'Rate' }).click();
  await expect(page).toHaveURL(/l=5/);
  await expect(page.getByTestId('risk-value')).toHaveText('25');
  await expect(page.getByTestId('risk-band')).toHaveText('HIGH');
  await page.getByTestId('severity').selectOption('1');
  await page.getByRole('button', { name: 'Rate' }).click();
  await expect(page.getByTestId('risk-band')).toHaveText('LOW');
  expect(scripts).toEqual([]);
});

test('/healthz answers with JSON', async ({ request }) => {
  const response = await request.get('/healthz');
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.status).toBe('ok');
  expect(body.database).toBe('sqlite');
  expect(body.migrations).toBeGreaterThanOrEqual(1);
  expect(typeof body.version).toBe('string');
});

async function signInAsManager(page: Page) {
  await signIn(page, 'manager@demo.hrdd');
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

test('unknown pages get a 404 page inside the shell', async ({ page }) => {
  await signInAsManager(page);
  const response = await page.goto('/no/such/page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('the methodology reference lists the risk areas', async ({ page }) => {
  await signInAsManager(page);
  await page.goto('/methodology');
  await expect(page.getByRole('heading', { name: 'Risk areas' })).toBeVisible();
  await expect(page.getByText('Torture, ill-treatment and corporal punishment')).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'methodology.png') });
});

test('only the wizard loads WebAssembly; every other page is plain HTML', async ({ browser }) => {
  const page = await asUser(browser, 'assessor@demo.hrdd');
  const wasm: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.endsWith('.wasm')) wasm.push(new URL(r.url()).pathname);
  });
  await page.goto('/cases');
  await page.getByRole('link', { name: /Police|Forensic|prison|Gendarmerie|case management/i }).first().click();
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  const summary = page.url();
  for (const url of ['/', '/review', '/account', '/methodology', '/cases/new', summary]) {
    await page.goto(url);
    await expect(page.locator('main')).toBeVisible();
  }
  expect(wasm).toEqual([]);
  await page.goto(summary + '/edit/case');
  await expect(page.getByTestId('step-form')).toHaveAttribute('data-ready', 'true');
  expect(wasm.length).toBe(1);
});
