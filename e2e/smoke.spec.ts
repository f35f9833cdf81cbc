import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const screenshots = path.join(import.meta.dirname, 'screenshots');

test('the overview page renders and is accessible', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('kube-posture');
  await expect(page.getByRole('heading', { level: 1, name: 'kube-posture' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No scan yet' })).toBeVisible();
  await page.screenshot({ path: path.join(screenshots, 'smoke.png'), fullPage: true });

  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('the overview page follows a dark colour scheme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'kube-posture' })).toBeVisible();
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).not.toBe('rgb(255, 255, 255)');
  await page.screenshot({ path: path.join(screenshots, 'smoke-dark.png'), fullPage: true });

  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('the health endpoint answers', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.ok()).toBe(true);
  expect(await response.json()).toMatchObject({ status: 'ok', version: expect.any(String) });
});
