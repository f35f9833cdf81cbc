/**
 * Screenshots of the main views in light and dark, saved to e2e/screenshots/ to be looked at by a
 * person (DESIGN.md: screenshots you actually look at). They assert only that the view is there.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { FindingsPage } from './pages/findings-page';
import { OverviewPage } from './pages/overview-page';

const dir = path.join(import.meta.dirname, 'screenshots');

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme}`, () => {
    test.use({ colorScheme: scheme, viewport: { width: 1280, height: 720 } });

    test('overview, diagram and drill-down', async ({ page }) => {
      const overview = new OverviewPage(page);
      await overview.goto('kp-weak');
      await overview.waitForDiagram();
      await page.screenshot({ path: path.join(dir, `overview-${scheme}.png`) });
      await page.screenshot({ path: path.join(dir, `overview-full-${scheme}.png`), fullPage: true });
      await page.getByRole('region', { name: 'Architecture' }).screenshot({ path: path.join(dir, `diagram-${scheme}.png`) });

      await overview.component('kube-apiserver cp-1').click();
      await expect(overview.panel).toBeVisible();
      await page.getByRole('region', { name: 'Architecture' }).screenshot({ path: path.join(dir, `drilldown-panel-${scheme}.png`) });

      await page.goto('/clusters/kp-weak/components/control-plane/kube-apiserver/cp-1');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 45_000 });
      await page.screenshot({ path: path.join(dir, `drilldown-page-${scheme}.png`) });
    });

    test('findings', async ({ page }) => {
      const findings = new FindingsPage(page);
      await findings.goto('kp-weak');
      await expect(findings.rows().first()).toBeVisible();
      await page.screenshot({ path: path.join(dir, `findings-${scheme}.png`) });
    });

    test('other clusters and states', async ({ page }) => {
      const overview = new OverviewPage(page);
      for (const context of ['kp-hardened', 'kp-managed']) {
        await overview.goto(context);
        await overview.waitForDiagram();
        await page.screenshot({ path: path.join(dir, `overview-${context}-${scheme}.png`) });
      }
      await overview.goto('kp-weak-restricted');
      await expect(overview.partialData).toBeVisible({ timeout: 45_000 });
      await overview.waitForDiagram();
      await page.screenshot({ path: path.join(dir, `partial-data-${scheme}.png`) });
      await overview.goto('kp-unreachable');
      await expect(overview.error).toBeVisible({ timeout: 45_000 });
      await page.screenshot({ path: path.join(dir, `unreachable-${scheme}.png`) });
      await page.goto('/checks');
      await page.screenshot({ path: path.join(dir, `checks-${scheme}.png`) });
    });
  });
}
