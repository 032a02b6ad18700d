import { test, expect } from '@playwright/test';
import * as path from 'path';
import { shots, signIn } from './helpers';

test('an assessor starts an assessment and finds it in the list', async ({ page }) => {
  await signIn(page, 'assessor@demo.hrdd');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assessments' }).click();
  await expect(page.getByRole('heading', { name: 'Assessments' })).toBeVisible();
  await page.getByRole('link', { name: 'New assessment' }).first().click();
  await expect(page.getByRole('heading', { name: 'New assessment' })).toBeVisible();
  // Bad input gets a message next to the field.
  await page.getByRole('button', { name: 'Create draft' }).click();
  await expect(page.locator('#office-error')).toContainText('Enter the office');
  await page.getByLabel('1.1 Country').selectOption('UG');
  await page.getByLabel('1.4 Programme or project title').fill('Support to the Uganda Prisons Service');
  await page.getByLabel('1.3 Office').fill('Kampala Programme Office');
  await page.getByRole('button', { name: 'Create draft' }).click();
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Support to the Uganda Prisons Service');
  await expect(page.getByTestId('open-items')).toBeVisible();

  await page.goto('/cases?q=uganda+prisons');
  await expect(page.getByTestId('case-table')).toContainText('Support to the Uganda Prisons Service');
  await page.goto('/cases?country=KE&q=uganda');
  await expect(page.getByText('No assessment matches.')).toBeVisible();
});

test('the case list looks finished', async ({ page }) => {
  await signIn(page, 'assessor@demo.hrdd');
  for (const [country, title] of [
    ['KE', 'Forensic laboratory equipment for the National Police Service'],
    ['KE', 'Mentoring for the Anti-Narcotics Unit'],
    ['UG', 'Legal aid for people charged with drug offences'],
  ]) {
    await page.goto('/cases/new');
    await page.getByLabel('1.1 Country').selectOption(country);
    await page.getByLabel('1.4 Programme or project title').fill(title);
    await page.getByLabel('1.3 Office').fill('Regional Office for Eastern Africa');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await expect(page).toHaveURL(/\/cases\/\d+$/);
  }
  await page.goto('/cases');
  await expect(page.getByTestId('case-table')).toContainText('Mentoring for the Anti-Narcotics Unit');
  await page.screenshot({ path: path.join(shots, 'case-list.png'), fullPage: true });
});

test('managers read the list but cannot start assessments; admins see no cases', async ({ page }) => {
  await signIn(page, 'manager@demo.hrdd');
  await page.goto('/cases?band=HIGH');
  await expect(page.getByRole('heading', { name: 'Assessments' })).toBeVisible();
  // Demo mode seeds the methodology's worked examples; example 4 is HIGH.
  await expect(page.getByTestId('case-table')).toContainText('HIGH');
  await page.getByTestId('case-table').getByRole('link').first().click();
  await expect(page.getByText('The answers are complete')).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'case-overview.png'), fullPage: true });
  await page.goto('/cases');
  await expect(page.getByRole('link', { name: 'New assessment' })).toHaveCount(0);
  await page.goto('/cases/new');
  await expect(page.getByTestId('access-problem')).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/login/);

  await signIn(page, 'admin@demo.hrdd');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assessments' })).toHaveCount(0);
  await page.goto('/cases');
  await expect(page.getByTestId('access-problem')).toContainText('You do not have access');
});
