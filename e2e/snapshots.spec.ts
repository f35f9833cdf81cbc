/**
 * Snapshots in a real browser against the real local clusters: freeze the weak cluster, open the
 * link in a fresh browser context (no cookies, no cluster access needed), revoke it; the bundled
 * sample opens without any cluster.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type APIRequestContext, type Page, expect, test } from '@playwright/test';

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

/** The bundled sample (a scan of the weak cluster), imported as a shared snapshot: no cluster is needed. */
async function importSample(request: APIRequestContext): Promise<string> {
  const created = await request.post('/api/snapshots/import', { data: readFileSync(path.join(import.meta.dirname, '../public/sample/snapshot.json'), 'utf8'), headers: { 'content-type': 'application/json' } });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

/** Holds snapshot `id`'s rows (its file route) back until `release()`; `asked()` counts the requests. */
async function holdRows(page: Page, id: string): Promise<{ release: () => void; asked: () => number }> {
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  let asked = 0;
  await page.route(`**/api/snapshots/${id}/file`, async (route) => {
    asked++;
    await held;
    await route.continue();
  });
  return { release, asked: () => asked };
}

test('a snapshot draws its diagram before its findings arrive; a component panel waits for them, then lists them', async ({ page, request }) => {
  const id = await importSample(request);
  try {
    // Hold the rows back: the page must draw everything it draws first without them.
    const { release, asked } = await holdRows(page, id);
    await page.goto(`/s/${id}`);
    const apiserver = page.getByRole('button', { name: /kube-apiserver/ }).first();
    await expect(apiserver).toBeVisible();
    await expect(page.getByTestId('cluster-score').first()).toHaveText(/\d+/);
    const label = await apiserver.getAttribute('aria-label');
    expect(label).toMatch(/failing finding/);

    await apiserver.click();
    const panel = page.getByTestId('component-panel');
    await expect(panel.getByTestId('component-panel-loading')).toBeVisible();
    await expect(panel.getByRole('status')).toHaveText('Loading findings…');
    await expect(panel).toHaveAttribute('aria-busy', 'true');
    await expect(panel.getByRole('heading', { level: 2 })).toContainText('kube-apiserver');
    expect(asked()).toBe(1);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.getByRole('region', { name: 'Architecture' }).screenshot({ path: `e2e/screenshots/snapshot-panel-loading-${colorScheme}.png` });
    }

    release();
    const findings = panel.getByRole('region', { name: /^Findings \(\d+\)$/ });
    await expect(findings).toBeVisible();
    const count = Number(/\((\d+)\)/.exec((await findings.getAttribute('aria-label')) ?? '')?.[1]);
    expect(count).toBeGreaterThan(0);
    await expect(panel.getByTestId('component-panel-loading')).toHaveCount(0);
    await expect(panel).not.toHaveAttribute('aria-busy', 'true');
    // The status drawn from the page's tallies is the one the rows give.
    expect(await apiserver.getAttribute('aria-label')).toBe(label);
    const sentence = (await panel.locator('article > header > p').nth(1).textContent()) ?? '';
    expect(sentence).toMatch(/failing finding/);
    expect(label).toContain(`: ${sentence}`);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.getByRole('region', { name: 'Architecture' }).screenshot({ path: `e2e/screenshots/snapshot-panel-${colorScheme}.png` });
    }
    expect(asked()).toBe(1);
  } finally {
    await request.delete(`/api/snapshots/${id}`);
  }
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

test('a snapshot’s findings table loads its rows after the page, showing that it is loading meanwhile', async ({ page, request }) => {
  const id = await importSample(request);
  try {
    const { release } = await holdRows(page, id);
    await page.goto(`/s/${id}/findings?status=fail`);
    await expect(page.getByRole('status').filter({ hasText: 'Loading findings…' })).toBeAttached();
    release();
    await expect(page.getByTestId('findings-count')).toHaveText(/^\d+ of /);
    expect(await page.getByRole('row').count()).toBeGreaterThan(1);
    // The sample's table, from its page.
    await page.goto('/sample/findings?status=fail');
    await expect(page.getByTestId('findings-count')).toHaveText(/^\d+ of /);
  } finally {
    await request.delete(`/api/snapshots/${id}`);
  }
});

test('history and compare: weak → hardened lists the weaknesses hardening resolved', async ({ page, request }) => {
  const snapshotOf = async (context: string) => {
    const start = await request.post(`/api/clusters/${context}/scans`);
    const { scanId } = (await start.json()) as { scanId: string };
    for (let i = 0; i < 120; i++) {
      const rec = (await (await request.get(`/api/scans/${scanId}`)).json()) as { status: string };
      if (rec.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const created = await request.post('/api/snapshots', { data: { scanId, label: `e2e ${context}` } });
    expect(created.status()).toBe(201);
    return ((await created.json()) as { id: string }).id;
  };
  const weak = await snapshotOf('kp-weak');
  const hardened = await snapshotOf('kp-hardened');

  await page.goto('/clusters/kp-weak/snapshots');
  await expect(page.getByRole('heading', { name: 'Snapshots of kp-weak' })).toBeVisible();
  await expect(page.getByText('e2e kp-weak').first()).toBeVisible();

  await page.goto(`/snapshots/diff?a=${weak}&b=${hardened}`);
  const resolved = page.getByTestId('resolved');
  await expect(resolved).toContainText('Anonymous requests to the API server');
  await expect(resolved).toContainText('etcd');
  await expect(page.getByTestId('score-delta')).toContainText('(+');
  await page.screenshot({ path: 'e2e/screenshots/snapshot-diff.png', fullPage: false });
});

test('import rejects a hostile file with a clear message and stores nothing', async ({ page, request }) => {
  const before = ((await (await request.get('/api/snapshots?context=kp-weak')).json()) as { snapshots: unknown[] }).snapshots.length;
  await page.goto('/clusters/kp-weak/snapshots');
  await page.getByTestId('import-file').setInputFiles({ name: 'evil.json', mimeType: 'application/json', buffer: Buffer.from('{"kind":"kube-posture/snapshot","schemaVersion":1,"__proto__":{"polluted":true}}') });
  await expect(page.getByText(/^Not imported:/)).toBeVisible();
  const after = ((await (await request.get('/api/snapshots?context=kp-weak')).json()) as { snapshots: unknown[] }).snapshots.length;
  expect(after).toBe(before);
});
