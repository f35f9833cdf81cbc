/**
 * Export of the architecture diagram as SVG and PNG from the toolbar, against the real local
 * clusters: the live overview of kp-weak, a shared snapshot of it and the bundled sample. The
 * files are checked as files (parsed, no scripts, no CSS variables, PNG header) and kept in the
 * test output to be looked at.
 */
import { readFile, writeFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, type Page, expect, test } from '@playwright/test';
import { OverviewPage } from './pages/overview-page';

type Format = 'svg' | 'png';

async function exportDiagram(page: Page, format: Format, theme?: 'Light' | 'Dark'): Promise<{ name: string; body: Buffer }> {
  const toolbar = page.getByRole('toolbar', { name: 'Diagram tools' });
  const open = toolbar.getByRole('button', { name: 'Export diagram' });
  if ((await open.getAttribute('aria-expanded')) !== 'true') await open.click();
  if (theme) await toolbar.getByRole('radio', { name: theme }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), toolbar.getByRole('button', { name: `Download the diagram as ${format.toUpperCase()}` }).click()]);
  const path = await download.path();
  const body = await readFile(path);
  await writeFile(test.info().outputPath(download.suggestedFilename()), body);
  return { name: download.suggestedFilename(), body };
}

interface SvgFacts {
  error?: string;
  root: string;
  namespace: string | null;
  viewBox: number[];
  width: number;
  height: number;
  title: string;
  texts: string[];
  scripts: number;
  backgroundFill: string | null;
  renders: { width: number; height: number };
}

/** Parses the file in the browser, as an XML document and as an image on its own. */
async function inspectSvg(page: Page, text: string): Promise<SvgFacts> {
  return page.evaluate(async (svgText) => {
    const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
    const err = doc.querySelector('parsererror');
    const root = doc.documentElement;
    const img = new Image();
    img.src = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
    await img.decode();
    return {
      error: err?.textContent ?? undefined,
      root: root.localName,
      namespace: root.namespaceURI,
      viewBox: (root.getAttribute('viewBox') ?? '').split(/\s+/).map(Number),
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      title: root.querySelector(':scope > title')?.textContent ?? '',
      texts: [...root.querySelectorAll('text')].map((t) => t.textContent ?? ''),
      scripts: root.querySelectorAll('script, foreignObject').length,
      backgroundFill: root.querySelector(':scope > rect')?.getAttribute('fill') ?? null,
      renders: { width: img.naturalWidth, height: img.naturalHeight },
    };
  }, text);
}

/** The well-formed, standalone picture of a diagram that shows the API server. */
function expectStandaloneSvg(text: string, facts: SvgFacts): void {
  expect(facts.error).toBeUndefined();
  expect(facts.root).toBe('svg');
  expect(facts.namespace).toBe('http://www.w3.org/2000/svg');
  expect(facts.viewBox).toHaveLength(4);
  expect(facts.viewBox[2]).toBeGreaterThan(100);
  expect(facts.viewBox[3]).toBeGreaterThan(100);
  expect(facts.renders.width).toBeGreaterThan(100);
  expect(facts.texts.some((t) => t.startsWith('kube-apiserver'))).toBe(true);
  expect(facts.texts).toContain('Critical failures');
  expect(facts.texts).toContain('Verified TLS + authenticated');
  expect(facts.scripts).toBe(0);
  expect(text).not.toContain('<script');
  expect(text).not.toContain('var(--');
  // Plain sRGB colours only: viewers outside browsers know neither lab()/oklch() nor classes.
  expect(text).not.toMatch(/(?:ok)?l(?:ab|ch)\(|color\(|class="|data-box-id|tabindex/);
  // No outside references: links and urls point into the file only.
  expect(text).not.toMatch(/(?:href|src)="(?!#)/);
  expect(text).not.toMatch(/url\((?!#)/);
}

const luminance = (hex: string | null): number => {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!m) return NaN;
  return (parseInt(m[1] ?? '', 16) + parseInt(m[2] ?? '', 16) + parseInt(m[3] ?? '', 16)) / (3 * 255);
};

/** PNG signature and the IHDR chunk's width and height. */
function pngSize(body: Buffer): { width: number; height: number } {
  expect([...body.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(body.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: body.readUInt32BE(16), height: body.readUInt32BE(20) };
}

/** The diagram's own size on the page (its drawn layer, without the zoom). */
async function diagramSize(page: Page): Promise<{ width: number; height: number }> {
  return page.getByTestId('architecture-diagram').evaluate((svg) => {
    const layer = svg.querySelector<SVGGElement>(':scope > g');
    const b = layer?.getBBox();
    return { width: b?.width ?? 0, height: b?.height ?? 0 };
  });
}

async function scanAndSnapshot(request: APIRequestContext, context: string): Promise<string> {
  const start = await request.post(`/api/clusters/${context}/scans`);
  const { scanId } = (await start.json()) as { scanId: string };
  for (let i = 0; i < 240; i++) {
    const rec = (await (await request.get(`/api/scans/${scanId}`)).json()) as { status: string };
    if (rec.status !== 'running') break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const created = await request.post('/api/snapshots', { data: { scanId, label: 'e2e diagram export' } });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

test.describe('diagram export', () => {
  test('live overview: SVG and PNG of the whole diagram, light by default, dark on request', async ({ page }) => {
    const overview = new OverviewPage(page);
    await overview.goto('kp-weak');
    await overview.waitForDiagram();
    const fitted = await exportDiagram(page, 'svg');
    const fittedFacts = await inspectSvg(page, fitted.body.toString('utf8'));
    // The file shows the whole diagram at 1:1 whatever the view: zoomed in, the same picture.
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    const size = await diagramSize(page);

    const svg = await exportDiagram(page, 'svg');
    expect(svg.name).toMatch(/^kube-posture-kp-weak-\d{4}-\d{2}-\d{2}\.svg$/);
    const text = svg.body.toString('utf8');
    const facts = await inspectSvg(page, text);
    expectStandaloneSvg(text, facts);
    expect(facts.texts).toEqual(fittedFacts.texts);
    expect(facts.viewBox).toEqual(fittedFacts.viewBox);
    expect(facts.viewBox[2]).toBeGreaterThanOrEqual(size.width);
    expect(facts.viewBox[3]).toBeGreaterThanOrEqual(size.height);
    expect(facts.title).toMatch(/^kp-weak — scanned \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC · kube-posture$/);
    expect(facts.texts).toContain('kp-weak');
    expect(luminance(facts.backgroundFill)).toBeGreaterThan(0.9);
    await expect(page.getByRole('status').filter({ hasText: svg.name })).toBeVisible();

    const png = await exportDiagram(page, 'png');
    expect(png.name).toMatch(/^kube-posture-kp-weak-\d{4}-\d{2}-\d{2}\.png$/);
    const dims = pngSize(png.body);
    expect(dims.width).toBeGreaterThanOrEqual(2 * size.width);
    expect(dims.height).toBeGreaterThanOrEqual(2 * size.height);
    expect(dims).toEqual({ width: 2 * facts.width, height: 2 * facts.height });

    // Dark on a light page; the page itself stays light.
    const dark = await exportDiagram(page, 'svg', 'Dark');
    const darkFacts = await inspectSvg(page, dark.body.toString('utf8'));
    expectStandaloneSvg(dark.body.toString('utf8'), darkFacts);
    expect(luminance(darkFacts.backgroundFill)).toBeLessThan(0.2);
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(false);
    pngSize((await exportDiagram(page, 'png', 'Dark')).body);
  });

  test.describe('from a dark page', () => {
    test.use({ colorScheme: 'dark' });

    test('exports light unless asked, and leaves the page dark', async ({ page }) => {
      const overview = new OverviewPage(page);
      await overview.goto('kp-weak');
      await overview.waitForDiagram();
      const light = await exportDiagram(page, 'svg');
      const facts = await inspectSvg(page, light.body.toString('utf8'));
      expectStandaloneSvg(light.body.toString('utf8'), facts);
      expect(luminance(facts.backgroundFill)).toBeGreaterThan(0.9);
      expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);
      const dark = await exportDiagram(page, 'svg', 'Dark');
      expect(luminance((await inspectSvg(page, dark.body.toString('utf8'))).backgroundFill)).toBeLessThan(0.2);
      pngSize((await exportDiagram(page, 'png')).body);
    });
  });

  test('keyboard: the export panel opens with Enter, downloads with Enter, closes with Escape back on its button', async ({ page }) => {
    const overview = new OverviewPage(page);
    await overview.goto('kp-weak');
    await overview.waitForDiagram();
    const toolbar = page.getByRole('toolbar', { name: 'Diagram tools' });
    const open = toolbar.getByRole('button', { name: 'Export diagram' });
    await open.focus();
    await page.keyboard.press('Enter');
    await expect(open).toHaveAttribute('aria-expanded', 'true');
    const panel = page.getByRole('group', { name: 'Export the diagram' });
    await expect(panel).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(panel.getByRole('radio', { name: 'Light' })).toBeFocused();
    // Radios: one tab stop for the group, then the buttons; Enter downloads and focus stays put.
    await page.keyboard.press('Tab');
    const svgButton = panel.getByRole('button', { name: 'Download the diagram as SVG' });
    await expect(svgButton).toBeFocused();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/\.svg$/);
    await expect(svgButton).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(open).toBeFocused();
    await expect(open).toHaveAttribute('aria-expanded', 'false');
  });

  test('the open export panel has no serious accessibility violations, light and dark', async ({ page }) => {
    const overview = new OverviewPage(page);
    await overview.goto('kp-weak');
    await overview.waitForDiagram();
    await page.getByRole('toolbar', { name: 'Diagram tools' }).getByRole('button', { name: 'Export diagram' }).click();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expect(page.locator('html')).toHaveClass(colorScheme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/);
      const result = await new AxeBuilder({ page }).include('[role="toolbar"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
      expect(serious, colorScheme).toEqual([]);
    }
  });

  test('a shared snapshot and the sample say what they are, without the snapshot link', async ({ page, request }) => {
    const id = await scanAndSnapshot(request, 'kp-weak');
    try {
      await page.goto(`/s/${id}`);
      await expect(page.getByRole('button', { name: /kube-apiserver/ }).first()).toBeVisible({ timeout: 30_000 });
      const svg = await exportDiagram(page, 'svg');
      expect(svg.name).toMatch(/^kube-posture-kp-weak-\d{4}-\d{2}-\d{2}\.svg$/);
      const text = svg.body.toString('utf8');
      const facts = await inspectSvg(page, text);
      expectStandaloneSvg(text, facts);
      expect(facts.title).toContain(`snapshot ${id.slice(0, 6)}…`);
      // The id is the share link's capability: a picture pasted somewhere must not carry it.
      expect(text).not.toContain(id);
      const size = await diagramSize(page);
      const dims = pngSize((await exportDiagram(page, 'png')).body);
      expect(dims.width).toBeGreaterThanOrEqual(2 * size.width);
      expect(dims.height).toBeGreaterThanOrEqual(2 * size.height);
    } finally {
      await request.delete(`/api/snapshots/${id}`);
    }

    await page.goto('/sample');
    await expect(page.getByRole('button', { name: /kube-apiserver/ }).first()).toBeVisible();
    const sample = await exportDiagram(page, 'svg');
    const sampleFacts = await inspectSvg(page, sample.body.toString('utf8'));
    expectStandaloneSvg(sample.body.toString('utf8'), sampleFacts);
    expect(sampleFacts.title).toMatch(/ — sample · scanned /);
  });
});
