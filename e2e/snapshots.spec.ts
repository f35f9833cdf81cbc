/**
 * Snapshots in a real browser against the real local clusters: freeze the weak cluster, open the
 * link in a fresh browser context (no cookies, no cluster access needed), revoke it; the bundled
 * sample opens without any cluster.
 */
import { expect, test } from '@playwright/test';

test('a shared snapshot shows the same posture in a fresh browser, then is gone once revoked', async ({ page, browser, request }) => {
  await page.goto('/clusters/kp-weak');
  // Wait for the finished scan on screen: the snapshot freezes exactly that scan.
  await expect(page.getByTestId('cluster-score').first()).toHaveText(/\d+/, { timeout: 60_000 });
  await page.getByText('Share a read-only snapshot').click();
  const create = page.getByRole('button', { name: 'Create link' });
  await expect(create).toBeEnabled({ timeout: 30_000 });
  await create.click();
  const link = page.getByTestId('share-link');
  await expect(link).toBeVisible({ timeout: 20_000 });
  const url = (await link.textContent()) ?? '';
  expect(url).toMatch(/\/s\/[A-Za-z0-9_-]{22,}$/);
  const liveScore = await page.getByTestId('cluster-score').first().textContent();

  const fresh = await browser.newContext();
  const viewer = await fresh.newPage();
  const clusterCalls: string[] = [];
  viewer.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/api/clusters') || path.startsWith('/api/scans')) clusterCalls.push(path);
  });
  const res = await viewer.goto(url);
  expect(res?.headers()['x-robots-tag']).toMatch(/noindex/);
  await expect(viewer.getByText('Read-only · no cluster connection')).toBeVisible();
  await expect(viewer.getByTestId('cluster-score').first()).toHaveText(liveScore ?? '');
  await expect(viewer.getByRole('button', { name: /kube-apiserver/ }).first()).toBeVisible();
  await viewer.getByRole('button', { name: /kube-apiserver/ }).first().click();
  await expect(viewer.getByText('Nothing is granted to anonymous or unauthenticated users').first()).toBeVisible();
  expect(clusterCalls).toEqual([]);
  await viewer.screenshot({ path: 'e2e/screenshots/snapshot-share.png' });

  const id = url.split('/s/')[1] ?? '';
  expect((await request.delete(`/api/snapshots/${id}`)).status()).toBe(200);
  expect((await request.get(`/api/snapshots/${id}`)).status()).toBe(410);
  await viewer.reload();
  await expect(viewer.getByText('This snapshot is no longer shared')).toBeVisible();
  await fresh.close();
});

test('an unknown share link is 404', async ({ page }) => {
  const res = await page.goto('/s/AAAAAAAAAAAAAAAAAAAAAAAA');
  expect(res?.status()).toBe(404);
});

test('the bundled sample opens without a cluster and says it is a sample', async ({ page }) => {
  await page.goto('/sample');
  await expect(page.getByText('Sample', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Sample');
  await expect(page.getByRole('button', { name: /kube-apiserver/ }).first()).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/sample.png' });
});
