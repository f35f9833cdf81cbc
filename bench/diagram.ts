/**
 * UI benchmarks (issue #5), measured in headless Chromium against a running production server:
 *
 *   - the architecture diagram of a synthetic 5,000-node cluster (bench/synthetic-inventory.ts L,
 *     evaluated without an API server and stored as a snapshot): first frame (navigation start →
 *     the diagram's `kp:diagram-painted` mark) and frame intervals while panning and zooming with
 *     the mouse, collapsed and with the largest node group expanded;
 *   - overview LCP on /sample and on a live cluster's overview (median of N fresh page loads);
 *   - first-load JS of the live overview: every script the browser fetched, gzipped here.
 *
 *   npm run bench:ui -- --base http://127.0.0.1:3320 --data <the server's KUBE_POSTURE_DATA> \
 *     [--app-root <the server's checkout>] [--code 'what the server runs'] [--context kp-weak] [--runs 5]
 *     [--label name] [--rebuild]
 *
 * The server must run a production build (`next build && next start`) with KUBECONFIG pointing at
 * the cluster of `--context`. Writes bench/results/<date>-ui[-label].json (never overwriting).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { arg } from './args.ts';

const ROOT = resolve(import.meta.dirname, '..');
const log = (m: string) => process.stderr.write(`[bench:ui] ${m}\n`);

/** Where the synthetic snapshot file is cached between runs (building it takes a minute or two). */
const CACHE = arg('cache', '/tmp/kp-bench-ui');
const SNAPSHOT_FILE = join(CACHE, 'synthetic-L.snapshot.json');

// ---------------------------------------------------------------------------------------------
// Child mode: build the 5,000-node posture and write it as a snapshot file (needs ~8 GB of heap).
// ---------------------------------------------------------------------------------------------
if (process.argv.includes('--make-snapshot')) {
  const { syntheticInventory } = await import('./synthetic-inventory.ts');
  const { evaluatePosture } = await import('../lib/posture/evaluate.ts');
  const { freezeSnapshot } = await import('../lib/snapshots/freeze.ts');
  const { exportJson } = await import('../lib/snapshots/export/json.ts');
  const t0 = performance.now();
  const inventory = syntheticInventory('L');
  const posture = evaluatePosture(inventory);
  const counts: Record<string, number> = {};
  for (const f of posture.findings) counts[f.status] = (counts[f.status] ?? 0) + 1;
  // Every finding: freezing counts the passes about hosted objects (lib/snapshots/compact), and
  // the snapshot page sends the compact form for the browser to expand.
  const snapshot = freezeSnapshot(posture, { now: new Date(), createdBy: 'bench', label: 'Synthetic L (5,000 nodes)' });
  const text = exportJson(snapshot);
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(SNAPSHOT_FILE, text);
  const a = posture.architecture;
  const info = {
    nodes: a.components.filter((c) => c.type === 'node').length,
    components: a.components.length,
    edges: a.edges.length,
    nodeGroups: a.nodeGroups.length,
    findingsByStatus: counts,
    findingsKept: posture.findings.length,
    snapshotBytes: Buffer.byteLength(text),
    buildMs: Math.round(performance.now() - t0),
  };
  writeFileSync(`${SNAPSHOT_FILE}.info.json`, JSON.stringify(info));
  process.exit(0);
}

// Child mode: store the file as the import route would (same validation, a fresh id), for files
// over the HTTP import cap. Prints the new id.
if (process.argv.includes('--store-snapshot')) {
  const { openStore, storeConfigFromEnv } = await import('../lib/snapshots/store/index.ts');
  const { parseSnapshotFile, toImportedSnapshot } = await import('../lib/snapshots/import.ts');
  const text = readFileSync(SNAPSHOT_FILE, 'utf8');
  const parsed = parseSnapshotFile(text, Number.MAX_SAFE_INTEGER);
  if (!parsed.ok) {
    process.stderr.write(`snapshot file rejected: ${parsed.error.message}\n`);
    process.exit(3);
  }
  const snapshot = toImportedSnapshot(parsed.snapshot, { now: new Date() });
  const store = await openStore(storeConfigFromEnv());
  await store.create(snapshot, { context: snapshot.posture.cluster.context });
  process.stdout.write(snapshot.id);
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// Main: the measurements.
// ---------------------------------------------------------------------------------------------
const { chromium } = await import('playwright-core');
type Page = import('playwright-core').Page;
type Browser = import('playwright-core').Browser;

const base = arg('base', 'http://127.0.0.1:3320').replace(/\/$/, '');
const dataDir = arg('data', '');
const context = arg('context', 'kp-weak');
const runs = Number.parseInt(arg('runs', '5'), 10);
const label = arg('label', '');
const VIEWPORT = { width: 1440, height: 900 };
const FRAME_MS = 1000 / 60;

/**
 * The checkout the server was built from: the snapshot is made and stored by its code, so the
 * file's format is the one that server reads even while lib/snapshots changes here.
 */
const APP_ROOT = resolve(arg('app-root', ROOT));
const selfArgs = ['--conditions=react-server', '--import', join(APP_ROOT, 'scripts/register-ts-hooks.ts'), join(APP_ROOT, 'bench/diagram.ts')];

function ensureSnapshotFile(rebuild = process.argv.includes('--rebuild')): Record<string, unknown> {
  if (!existsSync(SNAPSHOT_FILE) || rebuild) {
    log('building the synthetic 5,000-node posture (a minute or two)…');
    const r = spawnSync(process.execPath, ['--max-old-space-size=12000', ...selfArgs, '--make-snapshot', '--cache', CACHE], { cwd: APP_ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('building the synthetic posture failed');
  }
  return JSON.parse(readFileSync(`${SNAPSHOT_FILE}.info.json`, 'utf8')) as Record<string, unknown>;
}

/** Through the public import route when the file fits its cap; else straight into the server's store. */
async function storeSnapshot(): Promise<{ id: string; via: string }> {
  const size = statSync(SNAPSHOT_FILE).size;
  if (size <= 25 * 1024 * 1024) {
    const res = await fetch(`${base}/api/snapshots/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: readFileSync(SNAPSHOT_FILE) });
    if (res.ok) return { id: ((await res.json()) as { id: string }).id, via: 'POST /api/snapshots/import' };
    log(`import answered ${res.status}; writing to the store instead`);
  }
  if (!dataDir) throw new Error(`the snapshot file is ${Math.round(size / 1e6)} MB, over the import cap: pass --data <the server's KUBE_POSTURE_DATA>`);
  const store = () =>
    spawnSync(process.execPath, ['--max-old-space-size=6000', ...selfArgs, '--store-snapshot', '--cache', CACHE], {
      cwd: APP_ROOT,
      env: { ...process.env, KUBE_POSTURE_DATA: dataDir, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    });
  let r = store();
  // A cached file in an older format: make it again with the server's code.
  if (r.status === 3) {
    ensureSnapshotFile(true);
    r = store();
  }
  if (r.status !== 0) throw new Error('storing the snapshot failed');
  return { id: r.stdout.trim(), via: `store in ${dataDir} (file over the 25 MB import cap)` };
}

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return (s[lo] as number) + ((s[hi] as number) - (s[lo] as number)) * (i - lo);
}
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

// ----- the diagram ----------------------------------------------------------------------------

/** Milliseconds since navigation start of the newest `name` mark (and its detail). */
async function waitForMark(page: Page, name: string, after = 0, timeout = 120_000): Promise<{ at: number; detail: unknown }> {
  const handle = await page.waitForFunction(
    ([n, t]) => {
      const m = performance.getEntriesByName(n, 'mark').filter((e) => e.startTime > t).at(-1) as PerformanceMark | undefined;
      return m ? { at: m.startTime, detail: m.detail as unknown } : false;
    },
    [name, after] as const,
    { timeout, polling: 50 },
  );
  return (await handle.jsonValue()) as { at: number; detail: unknown };
}

interface FrameStats {
  frames: number;
  seconds: number;
  p50: number;
  p95: number;
  max: number;
  /** Vsync intervals (1/60 s) with no frame: Σ round(interval / 16.7 ms) − 1. */
  dropped: number;
  /** Same, as a share of the frames there should have been. */
  droppedShare: number;
}

function frameStats(stamps: number[]): FrameStats {
  const intervals: number[] = [];
  for (let i = 1; i < stamps.length; i++) intervals.push((stamps[i] as number) - (stamps[i - 1] as number));
  const dropped = intervals.reduce((n, d) => n + Math.max(0, Math.round(d / FRAME_MS) - 1), 0);
  const seconds = ((stamps.at(-1) ?? 0) - (stamps[0] ?? 0)) / 1000;
  return {
    frames: intervals.length,
    seconds: round(seconds, 2),
    p50: round(median(intervals)),
    p95: round(quantile(intervals, 0.95)),
    max: round(Math.max(...intervals)),
    dropped,
    droppedShare: round(dropped / Math.max(1, dropped + intervals.length), 3),
  };
}

/**
 * Drags and wheel-zooms over the diagram for ~`seconds` while the page records every
 * requestAnimationFrame timestamp. Each input event is dispatched as the previous one returns,
 * which is faster than one per frame: the page always has a new transform to draw.
 */
async function panAndZoom(page: Page, seconds: number): Promise<FrameStats> {
  // The section around the picture (the <svg> itself may be larger than the view and moved).
  const box = await page.getByRole('region', { name: 'Architecture' }).boundingBox();
  if (!box) throw new Error('no diagram');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.evaluate(() => {
    const w = window as unknown as { __kpFrames: number[]; __kpRecording: boolean };
    w.__kpFrames = [];
    w.__kpRecording = true;
    const tick = (t: number) => {
      w.__kpFrames.push(t);
      if (w.__kpRecording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const end = Date.now() + seconds * 1000;
  let round_ = 0;
  while (Date.now() < end) {
    // A drag in a circle-ish path, then a zoom in and back out around another point.
    const r = 120 + (round_ % 3) * 40;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 1; i <= 30; i++) {
      const a = (i / 30) * Math.PI * 2;
      await page.mouse.move(cx + Math.cos(a) * r - r, cy + Math.sin(a) * r * 0.6);
    }
    await page.mouse.up();
    await page.mouse.move(cx + ((round_ * 37) % 200) - 100, cy + ((round_ * 53) % 160) - 80);
    for (let i = 0; i < 8; i++) await page.mouse.wheel(0, -120);
    for (let i = 0; i < 8; i++) await page.mouse.wheel(0, 120);
    round_++;
  }
  const stamps = await page.evaluate(async () => {
    const w = window as unknown as { __kpFrames: number[]; __kpRecording: boolean };
    await new Promise((r) => requestAnimationFrame(r));
    w.__kpRecording = false;
    return w.__kpFrames;
  });
  return frameStats(stamps);
}

interface DiagramRun {
  responseEndMs: number;
  domContentLoadedMs: number;
  /** The diagram's first render with data (its code and the page's data are in by then). */
  renderMs: number;
  committedMs: number;
  firstFrameMs: number;
  boxes: number;
  domElements: number;
}

async function openDiagram(browser: Browser, url: string): Promise<{ page: Page; run: DiagramRun }> {
  const ctx = await browser.newContext({ viewport: VIEWPORT });
  const page = await ctx.newPage();
  await page.goto(url, { waitUntil: 'commit', timeout: 180_000 });
  const painted = await waitForMark(page, 'kp:diagram-painted');
  const committed = await waitForMark(page, 'kp:diagram-committed');
  const render = await waitForMark(page, 'kp:diagram-render');
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { responseEnd: n.responseEnd, dcl: n.domContentLoadedEventEnd, dom: document.querySelectorAll('[data-testid="architecture-diagram"] *').length };
  });
  return {
    page,
    run: {
      responseEndMs: round(nav.responseEnd),
      domContentLoadedMs: round(nav.dcl),
      renderMs: round(render.at),
      committedMs: round(committed.at),
      firstFrameMs: round(painted.at),
      boxes: (painted.detail as { boxes: number }).boxes,
      domElements: nav.dom,
    },
  };
}

/** Expands the group with the most nodes; time from the click to the frame that shows them. */
async function expandLargestGroup(page: Page): Promise<{ group: string; nodes: number; clickToFrameMs: number; boxes: number; domElements: number }> {
  const groups = await page.locator('[data-box-id][aria-expanded="false"]').evaluateAll((els) => els.map((e) => ({ id: e.getAttribute('data-box-id') ?? '', label: e.getAttribute('aria-label') ?? '' })));
  const nodesOf = (l: string) => Number((/([\d,]+) nodes/.exec(l)?.[1] ?? '0').replace(/,/g, ''));
  const largest = groups.sort((a, b) => nodesOf(b.label) - nodesOf(a.label))[0];
  if (!largest) throw new Error('no node group to expand');
  const t0 = await page.evaluate(() => performance.now());
  await page.locator(`[data-box-id="${largest.id}"]`).focus();
  await page.keyboard.press('Enter');
  const painted = await waitForMark(page, 'kp:diagram-painted', t0);
  const dom = await page.evaluate(() => document.querySelectorAll('[data-testid="architecture-diagram"] *').length);
  // Fit the expanded picture, so pans and zooms move everything that is drawn.
  await page.getByRole('button', { name: /fit/i }).first().click();
  return { group: largest.id, nodes: nodesOf(largest.label), clickToFrameMs: round(painted.at - t0), boxes: (painted.detail as { boxes: number }).boxes, domElements: dom };
}

/** Expands every group still collapsed, one after the other: all 5,000 nodes drawn. */
async function expandAll(page: Page): Promise<{ groups: number; lastClickToFrameMs: number; totalMs: number; boxes: number; domElements: number }> {
  const start = await page.evaluate(() => performance.now());
  let groups = 0;
  let last = { ms: 0, boxes: 0 };
  for (;;) {
    const next = page.locator('[data-box-id][aria-expanded="false"]').first();
    if ((await next.count()) === 0) break;
    const t0 = await page.evaluate(() => performance.now());
    await next.focus();
    await page.keyboard.press('Enter');
    const painted = await waitForMark(page, 'kp:diagram-painted', t0);
    last = { ms: round(painted.at - t0), boxes: (painted.detail as { boxes: number }).boxes };
    groups++;
  }
  const end = await page.evaluate(() => performance.now());
  const dom = await page.evaluate(() => document.querySelectorAll('[data-testid="architecture-diagram"] *').length);
  await page.getByRole('button', { name: /fit/i }).first().click();
  return { groups, lastClickToFrameMs: last.ms, totalMs: round(end - start), boxes: last.boxes, domElements: dom };
}

// ----- overview LCP and first-load JS --------------------------------------------------------------

async function lcp(browser: Browser, path: string, ready: string): Promise<number> {
  const ctx = await browser.newContext({ viewport: VIEWPORT });
  const page = await ctx.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __kpLcp: number };
    w.__kpLcp = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__kpLcp = e.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  await page.goto(`${base}${path}`, { waitUntil: 'load', timeout: 120_000 });
  await page.locator(ready).first().waitFor({ timeout: 120_000 });
  await page.waitForTimeout(500);
  const value = await page.evaluate(() => (window as unknown as { __kpLcp: number }).__kpLcp);
  await ctx.close();
  return round(value);
}

interface ScriptSize {
  url: string;
  bytes: number;
  gzip: number;
  initial: boolean;
  kind: string;
}

/** Framework, React or the app's own code, told by what the chunk contains (Turbopack names are hashes). */
function chunkKind(url: string, body: string): string {
  if (/turbopack-|\/_next\/static\/chunks\/turbopack/.test(url) || body.includes('TURBOPACK_CHUNK_LISTS')) return 'turbopack runtime';
  if (body.includes('react-dom.production') || body.includes('__reactContainer$') || body.includes('Minified React error')) return 'react + react-dom';
  if (body.includes('__NEXT_') || body.includes('next-router') || body.includes('nextjs')) return 'next';
  if (/polyfill/i.test(url)) return 'polyfills';
  return 'app';
}

async function firstLoadJs(browser: Browser, path: string, ready: string): Promise<{ total: { files: number; bytes: number; gzip: number }; initial: { files: number; gzip: number }; byKind: Record<string, number>; files: ScriptSize[] }> {
  const ctx = await browser.newContext({ viewport: VIEWPORT });
  const page = await ctx.newPage();
  const pending: Promise<ScriptSize | undefined>[] = [];
  page.on('response', (res) => {
    if (res.request().resourceType() !== 'script') return;
    pending.push(
      res
        .body()
        .then((b) => ({ url: new URL(res.url()).pathname, bytes: b.length, gzip: gzipSync(b).length, initial: false, kind: chunkKind(res.url(), b.toString('utf8')) }))
        .catch(() => undefined),
    );
  });
  const doc = await page.goto(`${base}${path}`, { waitUntil: 'load', timeout: 120_000 });
  await page.locator(ready).first().waitFor({ timeout: 120_000 });
  await page.waitForLoadState('networkidle');
  const html = (await doc?.text()) ?? '';
  const inHtml = new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => new URL(m[1] as string, base).pathname));
  const files = (await Promise.all(pending)).filter((f): f is ScriptSize => f !== undefined).map((f) => ({ ...f, initial: inHtml.has(f.url) }));
  await ctx.close();
  const byKind: Record<string, number> = {};
  for (const f of files) byKind[f.kind] = (byKind[f.kind] ?? 0) + f.gzip;
  const sum = (xs: ScriptSize[], k: 'bytes' | 'gzip') => xs.reduce((n, f) => n + f[k], 0);
  const initial = files.filter((f) => f.initial);
  return { total: { files: files.length, bytes: sum(files, 'bytes'), gzip: sum(files, 'gzip') }, initial: { files: initial.length, gzip: sum(initial, 'gzip') }, byKind, files };
}

// ----- run ---------------------------------------------------------------------------------------

const load0 = loadavg();
const synthetic = ensureSnapshotFile();
const stored = await storeSnapshot();
log(`snapshot ${stored.id} via ${stored.via}`);
const snapshotUrl = `${base}/s/${stored.id}`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
try {
  // The page ships the whole posture; its first open also warms the server (SQLite, compiled routes).
  log('warming up the snapshot page…');
  await (await openDiagram(browser, snapshotUrl)).page.context().close();

  const diagramRuns: DiagramRun[] = [];
  let pan: FrameStats | undefined;
  let expanded: Awaited<ReturnType<typeof expandLargestGroup>> | undefined;
  let panExpanded: FrameStats | undefined;
  let all: Awaited<ReturnType<typeof expandAll>> | undefined;
  let panAll: FrameStats | undefined;
  const diagramCount = Math.max(1, Math.min(runs, 3));
  for (let i = 0; i < diagramCount; i++) {
    const { page, run } = await openDiagram(browser, snapshotUrl);
    diagramRuns.push(run);
    log(`diagram run ${i + 1}: first frame ${run.firstFrameMs} ms (HTML received ${run.responseEndMs} ms, diagram render ${run.renderMs} ms, commit ${run.committedMs} ms, ${run.boxes} boxes)`);
    if (i === 0) {
      await page.waitForTimeout(1000);
      pan = await panAndZoom(page, 6);
      log(`pan/zoom collapsed: p50 ${pan.p50} p95 ${pan.p95} max ${pan.max} ms, ${pan.dropped} dropped`);
      expanded = await expandLargestGroup(page);
      log(`expanded ${expanded.group} (${expanded.nodes} nodes): ${expanded.clickToFrameMs} ms to the frame, ${expanded.domElements} SVG elements`);
      await page.waitForTimeout(1000);
      panExpanded = await panAndZoom(page, 6);
      log(`pan/zoom expanded: p50 ${panExpanded.p50} p95 ${panExpanded.p95} max ${panExpanded.max} ms, ${panExpanded.dropped} dropped`);
      all = await expandAll(page);
      log(`expanded the other ${all.groups} groups in ${all.totalMs} ms (last ${all.lastClickToFrameMs} ms), ${all.domElements} SVG elements`);
      await page.waitForTimeout(1000);
      panAll = await panAndZoom(page, 6);
      log(`pan/zoom all expanded: p50 ${panAll.p50} p95 ${panAll.p95} max ${panAll.max} ms, ${panAll.dropped} dropped`);
    }
    await page.context().close();
  }

  const lcpRuns: Record<string, number[]> = { '/sample': [], [`/clusters/${context}`]: [] };
  for (const path of Object.keys(lcpRuns)) {
    for (let i = 0; i < runs; i++) (lcpRuns[path] as number[]).push(await lcp(browser, path, '[data-testid="architecture-diagram"]'));
    log(`LCP ${path}: ${(lcpRuns[path] as number[]).join(', ')} ms`);
  }
  const js = await firstLoadJs(browser, `/clusters/${context}`, '[data-testid="architecture-diagram"]');
  log(`JS for /clusters/${context}: ${js.total.files} files, ${round(js.total.gzip / 1024)} kB gzip (${round(js.initial.gzip / 1024)} kB in the HTML's script tags)`);

  const result = {
    date: new Date().toISOString(),
    /** This checkout's commit; the server may run other code (`code`, `appRoot`). */
    commit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim(),
    appRoot: APP_ROOT,
    code: arg('code', 'this checkout'),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memGiB: Math.round(totalmem() / 2 ** 30), node: process.version, loadAverage: { start: load0.map((x) => round(x, 2)), end: loadavg().map((x) => round(x, 2)) } },
    browser: { chromium: browser.version(), headless: true, gpu: false, viewport: VIEWPORT },
    server: base,
    synthetic: { ...synthetic, snapshot: stored.via },
    diagram: {
      runs: diagramRuns,
      firstFrameMedianMs: round(median(diagramRuns.map((r) => r.firstFrameMs))),
      /** The diagram's own share: its first render with data → the frame that shows it. */
      renderToFirstFrameMedianMs: round(median(diagramRuns.map((r) => r.firstFrameMs - r.renderMs))),
      /** The page's share: navigation → the diagram's first render (HTML with the posture, parse, hydration). */
      navigationToRenderMedianMs: round(median(diagramRuns.map((r) => r.renderMs))),
      panZoomCollapsed: pan,
      expandLargestGroup: expanded,
      panZoomExpanded: panExpanded,
      expandAll: all,
      panZoomAllExpanded: panAll,
    },
    lcp: Object.fromEntries(Object.entries(lcpRuns).map(([p, xs]) => [p, { runs: xs, medianMs: round(median(xs)) }])),
    firstLoadJs: {
      route: `/clusters/${context}`,
      gzipKB: round(js.total.gzip / 1024),
      rawKB: round(js.total.bytes / 1024),
      initialGzipKB: round(js.initial.gzip / 1024),
      byKindGzipKB: Object.fromEntries(Object.entries(js.byKind).map(([k, v]) => [k, round(v / 1024)])),
      files: js.files.map((f) => ({ ...f, gzipKB: round(f.gzip / 1024) })),
    },
  };

  const dir = join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const stem = `${result.date.slice(0, 10)}-ui${label ? `-${label}` : ''}`;
  let file = join(dir, `${stem}.json`);
  for (let n = 2; existsSync(file); n++) file = join(dir, `${stem}-${n}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  log(`wrote ${file}`);
} finally {
  await browser.close();
}
