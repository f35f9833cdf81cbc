/**
 * The exported HTML file in a real browser (Debian's Chromium), opened from file:// with the
 * network cut off: it must render the diagram, show a component's findings on click, keep
 * hostile names inert, and raise no errors or CSP violations. Saves screenshots to
 * e2e/screenshots/ for a human to look at.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPosture } from '../__fixtures__';
import { withCountedPassRows } from '../compact/condense';
import { freezeSnapshot } from '../freeze';
import { syntheticInventory } from '../../../bench/synthetic-inventory';
import { evaluatePosture } from '../../posture/evaluate';
import { exportHtml } from './html';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = resolve(import.meta.dirname, '../../../e2e/screenshots');
const dir = mkdtempSync(join(tmpdir(), 'kp-html-'));

describe.skipIf(!existsSync(CHROMIUM))(`offline HTML export in Chromium (${CHROMIUM})`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(file: string) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, offline: true });
    const page = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 15_000 });
    return { context, page, problems, requests };
  }

  it('renders the weak cluster, and a click shows the component’s findings', async () => {
    const snapshot = freezeSnapshot(loadPosture('weak'), { now: new Date('2026-11-29T12:00:00Z'), createdBy: 'alice', label: 'weak cluster' });
    const file = join(dir, 'weak.html');
    writeFileSync(file, exportHtml(snapshot));
    const { context, page, problems, requests } = await open(file);

    expect(await page.locator('#kp-diagram svg g.comp').count()).toBe(snapshot.posture.architecture.components.length);
    await page.locator('g.comp[data-id="control-plane/kube-apiserver/cp-1"]').click();
    const panel = page.locator('#kp-panel');
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.locator('h2').textContent()).toBe('kube-apiserver (cp-1)');
    const shown = withCountedPassRows(snapshot.posture).findings;
    const expected = shown.filter((f) => f.componentId === 'control-plane/kube-apiserver/cp-1').length;
    expect(await panel.locator('li.finding').count()).toBe(expected);
    expect(await panel.textContent()).toContain('Anonymous requests are accepted');

    // Keyboard: focus a box and press Enter.
    await page.locator('g.comp[data-id="node/worker-2/kubelet"]').focus();
    await page.keyboard.press('Enter');
    expect(await panel.locator('h2').textContent()).toBe('kubelet');

    await page.selectOption('#kp-filter-status', 'all');
    expect(await page.locator('#kp-findings tr').count()).toBe(shown.length);

    mkdirSync(SHOTS, { recursive: true });
    await page.locator('g.comp[data-id="control-plane/kube-apiserver/cp-1"]').click();
    await page.locator('#kp-arch-title').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'snapshot-offline-html.png') });
    expect(problems).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    await context.close();
  });

  it('keeps hostile names inert', async () => {
    const posture = loadPosture('hardened');
    const evil = '</script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';
    const first = posture.architecture.components[0];
    if (first) first.name = evil;
    const f0 = posture.findings[0];
    if (f0) {
      f0.message = evil;
      f0.componentId = first?.id ?? f0.componentId;
    }
    const snapshot = freezeSnapshot(posture, { now: new Date(), createdBy: 'mallory', label: evil });
    const file = join(dir, 'hostile.html');
    writeFileSync(file, exportHtml(snapshot));
    const { context, page, problems } = await open(file);
    await page.locator(`g.comp[data-id="${first?.id}"]`).click();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('#kp-title').textContent()).toBe(evil);
    expect(await page.locator('#kp-panel h2').textContent()).toBe(evil);
    expect(await page.locator('img').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lists a large cluster’s findings a page at a time', async () => {
    const snapshot = freezeSnapshot(evaluatePosture(syntheticInventory('S')), { now: new Date('2026-11-29T12:00:00Z'), createdBy: 'bench' });
    const all = withCountedPassRows(snapshot.posture).findings.length;
    expect(all).toBeGreaterThan(1_000);
    const file = join(dir, 'synthetic-s.html');
    writeFileSync(file, exportHtml(snapshot));
    const { context, page, problems } = await open(file);
    await page.selectOption('#kp-filter-status', 'all');
    const rows = page.locator('#kp-findings tr');
    const more = page.locator('#kp-findings-more');
    expect(await rows.count()).toBe(500);
    expect(await page.locator('#kp-findings-count').textContent()).toBe(`showing 500 of ${all}`);
    expect(await more.textContent()).toBe(`Show 500 more (${all - 500} not shown)`);
    await more.click();
    expect(await rows.count()).toBe(1_000);
    // A new filter starts from the first page again.
    await page.selectOption('#kp-filter-status', 'fail');
    const failing = withCountedPassRows(snapshot.posture).findings.filter((f) => f.status === 'fail' && !f.waived).length;
    expect(await rows.count()).toBe(Math.min(500, failing));
    expect(await more.isHidden()).toBe(failing <= 500);
    expect(problems).toEqual([]);
    await context.close();
  });
});
