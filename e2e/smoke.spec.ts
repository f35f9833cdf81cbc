import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';

const screenshots = path.join(import.meta.dirname, 'screenshots');
/** The first box of the drawn diagram (see e2e/pages/overview-page.ts). */
const diagramDrawn = (page: Page) => page.locator('[data-box-id][role="button"]').first();

test('the home page renders the current context and is accessible', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('kube-posture');
  await expect(page.getByRole('link', { name: 'kube-posture' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 45_000 });
  // The diagram's code loads after the page: shoot the picture, not its skeleton.
  await expect(diagramDrawn(page)).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: path.join(screenshots, 'smoke.png'), fullPage: true });

  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('the home page follows a dark colour scheme, and the toggle overrides it', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 45_000 });
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).not.toBe('rgb(255, 255, 255)');
  await expect(diagramDrawn(page)).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: path.join(screenshots, 'smoke-dark.png'), fullPage: true });

  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // System → Light: stored, and applied without a reload.
  await page.getByRole('button', { name: /^Theme: System/ }).click();
  await expect(page.locator('html')).not.toHaveClass(/dark/);
  expect(await page.evaluate(() => localStorage.getItem('kp-theme'))).toBe('light');
  await page.reload();
  await expect(page.locator('html')).not.toHaveClass(/dark/);
});

test('the health endpoint answers', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.ok()).toBe(true);
  expect(await response.json()).toMatchObject({ status: 'ok', version: expect.any(String) });
});
