/** axe-core on the main pages, light and dark: no serious or critical violations. */
import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';
import { OverviewPage } from './pages/overview-page';

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} mode`, () => {
    test.use({ colorScheme: scheme });

    test('overview with the drill-down open', async ({ page }) => {
      const overview = new OverviewPage(page);
      await overview.goto('kp-weak');
      await overview.waitForDiagram();
      expect(await seriousViolations(page)).toEqual([]);
      await overview.component('kube-apiserver cp-1').click();
      await expect(overview.panel).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('findings', async ({ page }) => {
      await page.goto('/clusters/kp-weak/findings');
      await expect(page.getByTestId('findings-table')).toBeVisible({ timeout: 45_000 });
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('component page', async ({ page }) => {
      await page.goto('/clusters/kp-weak/components/node/worker-1');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 45_000 });
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('checks catalogue', async ({ page }) => {
      await page.goto('/checks');
      await expect(page.getByRole('heading', { level: 1, name: 'Checks' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('error and partial-data states', async ({ page }) => {
      const overview = new OverviewPage(page);
      await overview.goto('kp-unreachable');
      await expect(overview.error).toBeVisible({ timeout: 45_000 });
      expect(await seriousViolations(page)).toEqual([]);
      await overview.goto('kp-weak-restricted');
      await expect(overview.partialData).toBeVisible({ timeout: 45_000 });
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
