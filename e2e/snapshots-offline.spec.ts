/**
 * What a snapshot promises beyond the live dashboard, in a real browser against the real weak
 * cluster and the store the server really uses (SQLite, or PostgreSQL when the test command runs
 * this file again with DATABASE_URL):
 *
 * - the link keeps working when the cluster is gone (the weak cluster is stopped, then restarted);
 * - an expired link is gone;
 * - an anonymized snapshot and its exports carry none of the cluster's own names.
 */
import { execFileSync } from 'node:child_process';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { ALL_MARKERS } from './cluster/markers';

const ROOT = process.cwd();
const NODE = process.execPath;
// Built-in names anonymization keeps on purpose (lib/snapshots/anonymize.ts): Kubernetes' own
// namespaces and the `default` service account.
const BUILT_IN_NAMESPACES = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);
const KEPT_NAMES = new Set(['default']);
// The product's own name is in every export (file kind, titles); a namespace of that name is
// anonymized like any other, but cannot be told apart from the product's name in the text.
const PRODUCT = 'kube-posture';

interface LivePosture {
  cluster: { context: string; server: string };
  architecture: { components: { id: string; type: string; name: string }[] };
  findings: { checkId: string; status: string; waived?: unknown; object?: { kind: string; namespace?: string; name: string } }[];
  scores: { cluster: { score: number | null } };
}

async function finishedScan(request: APIRequestContext, context: string): Promise<{ scanId: string; posture: LivePosture }> {
  const start = await request.post(`/api/clusters/${context}/scans`);
  expect(start.status()).toBe(202);
  const { scanId } = (await start.json()) as { scanId: string };
  for (let i = 0; i < 240; i++) {
    const rec = (await (await request.get(`/api/scans/${scanId}`)).json()) as { status: string; posture?: LivePosture };
    if (rec.status === 'done' && rec.posture) return { scanId, posture: rec.posture };
    if (rec.status !== 'running') throw new Error(`scan ended ${rec.status}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('scan did not finish');
}

async function snapshotOf(request: APIRequestContext, scanId: string, extra: Record<string, unknown> = {}): Promise<string> {
  const created = await request.post('/api/snapshots', { data: { scanId, ...extra } });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

function cluster(...args: string[]): void {
  execFileSync(NODE, ['e2e/cluster/cli.ts', ...args], { cwd: ROOT, stdio: 'pipe', timeout: 180_000 });
}

test('a shared snapshot still opens, with the same findings and diagram, once its cluster is stopped', async ({ browser, request }) => {
  test.setTimeout(240_000);
  const { scanId, posture } = await finishedScan(request, 'kp-weak');
  const id = await snapshotOf(request, scanId, { label: 'before the cluster went away' });
  const failing = posture.findings.filter((f) => f.status === 'fail' && !f.waived).length;

  cluster('down', '--profile', 'weak');
  try {
    // The cluster is really gone: a new scan of it cannot reach the API server.
    const rescan = await request.post('/api/clusters/kp-weak/scans?force=1');
    const { scanId: deadScan } = (await rescan.json()) as { scanId: string };
    let status = 'running';
    for (let i = 0; i < 240 && status === 'running'; i++) {
      status = ((await (await request.get(`/api/scans/${deadScan}`)).json()) as { status: string }).status;
      if (status === 'running') await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe('failed');

    const fresh = await browser.newContext();
    const viewer = await fresh.newPage();
    await viewer.goto(`/s/${id}`);
    await expect(viewer.getByText('Read-only · no cluster connection')).toBeVisible();
    await expect(viewer.getByTestId('cluster-score').first()).toHaveText(String(posture.scores.cluster.score));
    const apiserver = viewer.getByRole('button', { name: /kube-apiserver/ }).first();
    await expect(apiserver).toBeVisible();
    for (const node of posture.architecture.components.filter((c) => c.type === 'node')) {
      await expect(viewer.getByRole('button', { name: new RegExp(`^node ${node.name}:`) }).first()).toBeVisible();
    }
    await apiserver.click();
    await expect(viewer.getByText('--anonymous-auth=true').first()).toBeVisible();
    // The snapshot's own findings table: as many failures as the live scan, read-only.
    await viewer.goto(`/s/${id}/findings?status=fail`);
    await expect(viewer.getByTestId('findings-count')).toHaveText(new RegExp(`^${failing} of `));
    await viewer.getByRole('row').nth(1).getByRole('button').first().click();
    await expect(viewer.getByRole('complementary', { name: 'Finding details' })).toBeVisible();
    await expect(viewer.getByRole('form', { name: 'Accept this risk' })).toHaveCount(0);
    await expect(viewer.getByRole('button', { name: /^Waive/ })).toHaveCount(0);
    await fresh.close();
  } finally {
    // A stopped profile starts again from a clean state (new CA): refresh the kubeconfig the
    // dashboard reads, so the tests after this one see the weak cluster as before.
    cluster('up', '--profile', 'weak');
    cluster('e2e-kubeconfig');
  }
});

test('an expired link is gone, in the browser and in the API', async ({ page, request }) => {
  const { scanId } = await finishedScan(request, 'kp-weak');
  const id = await snapshotOf(request, scanId);
  const expired = execFileSync(NODE, ['--conditions=react-server', '--import', './scripts/register-ts-hooks.ts', 'e2e/support/plant-expired-snapshot.ts', id], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 }).trim();
  expect(expired).toMatch(/^[A-Za-z0-9_-]{22,}$/);

  expect((await request.get(`/api/snapshots/${expired}`)).status()).toBe(410);
  await page.goto(`/s/${expired}`);
  await expect(page.getByRole('heading', { name: 'This snapshot is no longer shared' })).toBeVisible();
  await expect(page.getByText(/set to expire/)).toBeVisible();
  // The original, not expired, still opens.
  expect((await request.get(`/api/snapshots/${id}`)).status()).toBe(200);
});

test('an anonymized snapshot and every export of it carry none of the cluster’s names', async ({ page, request }) => {
  const { scanId, posture } = await finishedScan(request, 'kp-weak');
  const id = await snapshotOf(request, scanId, { anonymize: true });

  const names = new Set<string>([posture.cluster.context, new URL(posture.cluster.server).host]);
  for (const c of posture.architecture.components) if (c.type === 'node') names.add(c.name);
  for (const f of posture.findings) {
    const ns = f.object?.namespace;
    if (!ns || BUILT_IN_NAMESPACES.has(ns)) continue;
    names.add(ns);
    if (f.object) names.add(f.object.name);
  }
  for (const n of [...KEPT_NAMES, PRODUCT]) names.delete(n);
  expect(names.size).toBeGreaterThan(8);
  const leaks = (text: string) => [...names].filter((n) => new RegExp(`(^|[^A-Za-z0-9-])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z0-9-])`).test(text));

  for (const format of ['json', 'csv', 'html'] as const) {
    const res = await request.get(`/api/snapshots/${id}/export?format=${format}`);
    expect(res.status()).toBe(200);
    const text = await res.text();
    expect(text.length).toBeGreaterThan(1000);
    expect({ format, leaks: leaks(text) }).toEqual({ format, leaks: [] });
    for (const m of ALL_MARKERS) expect(text).not.toContain(m);
  }
  await page.goto(`/s/${id}`);
  await expect(page.getByRole('button', { name: /kube-apiserver/ }).first()).toBeVisible();
  expect(leaks(await page.locator('main').innerText())).toEqual([]);
});
