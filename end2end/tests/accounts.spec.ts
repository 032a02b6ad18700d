import { test, expect, Page } from '@playwright/test';
import * as path from 'path';
import { PASSWORD, shots, signIn, signOut, submitSignIn } from './helpers';

test('signed-out visitors are sent to /login from every page but home and health', async ({ page, request }) => {
  for (const p of ['/methodology', '/admin/users', '/account/password']) {
    await page.goto(p);
    await expect(page).toHaveURL(new RegExp(`/login\\?next=${p.replace(/\//g, '\\/')}`));
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  }
  await page.goto('/');
  await expect(page).toHaveURL(/\/$/);
  expect((await request.get('/healthz')).status()).toBe(200);
  await expect(page.getByTestId('demo-banner')).toBeVisible();
});

test('the sign-in page looks finished', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByTestId('demo-accounts')).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'login.png'), fullPage: true });
});

const roles: { email: string; label: RegExp; admin: boolean }[] = [
  { email: 'assessor@demo.hrdd', label: /Assessor/, admin: false },
  { email: 'adviser@demo.hrdd', label: /Human-rights adviser/, admin: false },
  { email: 'reviewer1@demo.hrdd', label: /Reviewer \(level 1\)/, admin: false },
  { email: 'manager@demo.hrdd', label: /Manager/, admin: false },
  { email: 'admin@demo.hrdd', label: /Administrator/, admin: true },
];

for (const role of roles) {
  test(`signing in as ${role.email} shows exactly what the role may see`, async ({ page }) => {
    await signIn(page, role.email);
    await expect(page).toHaveURL(/\/$/);
    const menu = page.getByTestId('user-menu');
    await expect(menu).toContainText(role.label);
    const usersLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' });
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Methodology' })).toBeVisible();
    await page.goto('/admin/users');
    if (role.admin) {
      await expect(usersLink).toBeVisible();
      await expect(page.getByTestId('user-table')).toContainText('assessor@demo.hrdd');
    } else {
      await expect(usersLink).toHaveCount(0);
      await expect(page.getByTestId('access-problem')).toContainText('You do not have access');
      await expect(page.getByText('assessor@demo.hrdd')).toHaveCount(0);
    }
    await signOut(page);
    await expect(page.getByText('You are signed out.')).toBeVisible();
  });
}

test('a wrong password and an unknown account get the same message', async ({ page }) => {
  await submitSignIn(page, 'manager@demo.hrdd', 'not-the-password');
  const alert = page.getByRole('alert').filter({ hasText: 'not correct' });
  await expect(alert).toHaveText('The e-mail address or password is not correct.');
  await submitSignIn(page, 'nobody@demo.hrdd', 'not-the-password');
  await expect(page.getByRole('alert').filter({ hasText: 'not correct' })).toHaveText('The e-mail address or password is not correct.');
  await signIn(page, 'manager@demo.hrdd');
  await expect(page.getByTestId('user-menu')).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('sign-in and sign-out work with plain form posts', async ({ page }) => {
    await page.goto('/methodology');
    await expect(page).toHaveURL(/\/login\?next=/);
    await page.getByLabel('E-mail address').fill('manager@demo.hrdd');
    await page.getByLabel('Password').fill('wrong-password-again');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'not correct' })).toBeVisible();
    await expect(page.getByLabel('E-mail address')).toHaveValue('manager@demo.hrdd');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/methodology$/);
    await expect(page.getByTestId('user-menu')).toContainText('Priya Raman');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
  });
});

test('an admin creates a user, who must change the temporary password at first sign-in', async ({ page }) => {
  const email = `new.assessor.${Date.now()}@un.org`;
  await signIn(page, 'admin@demo.hrdd');
  await page.goto('/admin/users');
  await page.getByText('Add a user').click();
  await page.locator('#new-email').fill(email);
  await page.locator('#new-name').fill('Noor Haddad');
  await page.locator('#new-role-assessor').check();
  await page.locator('#new-countries').fill('ke');
  await page.getByRole('button', { name: 'Create user' }).click();
  // Bad input: the temporary password is missing; the message sits next to the field.
  await expect(page.locator('#new-temporary_password-error')).toContainText('12 characters');
  await page.locator('#new-temporary_password').fill('temporary pass 2026');
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByTestId('user-table')).toContainText(email);
  await expect(page.getByTestId(`user-${email}`)).toContainText('Temporary password');
  await page.screenshot({ path: path.join(shots, 'admin-users.png'), fullPage: true });
  await signOut(page);

  await signIn(page, email, 'temporary pass 2026');
  await expect(page).toHaveURL(/\/account\/password/);
  await page.goto('/methodology');
  await expect(page).toHaveURL(/\/account\/password/);
  await page.getByLabel('Current password').fill('temporary pass 2026');
  await page.getByLabel('New password', { exact: true }).fill('my own long passphrase');
  await page.getByLabel('New password, again').fill('my own long passphrase');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your password has been changed.')).toBeVisible();
  await page.goto('/methodology');
  await expect(page.getByRole('heading', { name: 'Risk areas' })).toBeVisible();
});
