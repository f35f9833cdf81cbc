import { describe, expect, it } from 'vitest';
import { LEGEND_ITEMS, describeFilter, textWidth, exportFileName, exportLayout, exportTitle, layoutLegend, pngScale, provenanceOf, sanitizeForFilename, shortSnapshotId } from './diagram-export';

describe('file names', () => {
  it('is kube-posture-<context>-<yyyy-mm-dd>.<ext>, dated by the scan (UTC)', () => {
    expect(exportFileName('kp-weak', '2026-11-29T23:59:00Z', 'svg')).toBe('kube-posture-kp-weak-2026-11-29.svg');
    expect(exportFileName('kp-weak', '2026-11-29T05:20:00+09:00', 'png')).toBe('kube-posture-kp-weak-2026-11-28.png');
  });

  it('falls back to the day of the export when the scan time is missing or unreadable', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    expect(exportFileName('kp-weak', undefined, 'svg', now)).toBe('kube-posture-kp-weak-2026-12-01.svg');
    expect(exportFileName('kp-weak', 'yesterday', 'svg', now)).toBe('kube-posture-kp-weak-2026-12-01.svg');
  });

  it('sanitizes context names into something every file system accepts', () => {
    expect(sanitizeForFilename('arn:aws:eks:eu-west-1:123456789012:cluster/prod')).toBe('arn-aws-eks-eu-west-1-123456789012-cluster-prod');
    expect(sanitizeForFilename('gke_my-project_europe-west1_prod')).toBe('gke_my-project_europe-west1_prod');
    expect(sanitizeForFilename('admin@kind-dev')).toBe('admin-kind-dev');
    expect(sanitizeForFilename('../../etc/passwd')).toBe('etc-passwd');
    expect(sanitizeForFilename('.hidden')).toBe('hidden');
    expect(sanitizeForFilename('crème brûlée')).toBe('creme-brulee');
    expect(sanitizeForFilename('集群')).toBe('cluster');
    expect(sanitizeForFilename('')).toBe('cluster');
    expect(sanitizeForFilename('a'.repeat(100))).toHaveLength(64);
    expect(sanitizeForFilename(`${'a'.repeat(63)}-b`)).toBe('a'.repeat(63));
  });
});

describe('provenance and title', () => {
  it('reads where the diagram comes from off the overview path', () => {
    expect(provenanceOf('/clusters/kp-weak')).toEqual({ kind: 'live' });
    expect(provenanceOf('/sample')).toEqual({ kind: 'sample' });
    expect(provenanceOf('/s/AbCdEfGhIjKlMnOpQrStUv')).toEqual({ kind: 'snapshot', id: 'AbCdEfGhIjKlMnOpQrStUv' });
    expect(provenanceOf('/s/AbCdEfGhIjKlMnOpQrStUv?component=x')).toEqual({ kind: 'snapshot', id: 'AbCdEfGhIjKlMnOpQrStUv' });
  });

  it('names a snapshot without writing its capability into the picture', () => {
    expect(shortSnapshotId('AbCdEfGhIjKlMnOpQrStUv')).toBe('AbCdEf…');
    const t = exportTitle({ context: 'kp-weak', collectedAt: '2026-11-29T05:20:31Z', provenance: { kind: 'snapshot', id: 'AbCdEfGhIjKlMnOpQrStUv' } });
    expect(t).toEqual({ heading: 'kp-weak', detail: 'snapshot AbCdEf… · scanned 2026-11-29 05:20 UTC · kube-posture' });
    expect(t.detail).not.toContain('AbCdEfGhIj');
  });

  it('says sample, and the filter when the picture is dimmed by one', () => {
    const t = exportTitle({ context: 'kp-weak', collectedAt: '2026-11-29T05:20:31Z', provenance: { kind: 'sample' }, filter: { area: 'tls', minSeverity: 'high', query: ' api ' } });
    expect(t.detail).toBe('sample · scanned 2026-11-29 05:20 UTC · filtered: TLS on all API traffic, high and above, “api” · kube-posture');
    expect(exportTitle({ context: 'c', provenance: { kind: 'live' }, filter: {} }).detail).toBe('kube-posture');
    expect(describeFilter({ query: '  ' })).toBeUndefined();
  });
});

describe('layout', () => {
  const title = { heading: 'kp-weak', detail: 'scanned 2026-11-29 05:20 UTC · kube-posture' };

  it('frames the whole diagram below the title and above the legend, at 1:1', () => {
    const l = exportLayout({ x: -4, y: -9, width: 1200, height: 700 }, title);
    expect(l.width).toBe(1240);
    // The diagram's top-left lands inside the frame, under the title lines.
    expect(l.diagram.dx + -4).toBe(20);
    expect(l.diagram.dy + -9).toBeGreaterThan(l.detail.y);
    const bottom = l.diagram.dy + -9 + 700;
    for (const p of l.legend.items) expect(p.y).toBeGreaterThan(bottom);
    expect(l.height).toBeGreaterThan(Math.max(...l.legend.items.map((p) => p.y)));
    expect(l.legend.items.map((p) => p.item.key)).toEqual(LEGEND_ITEMS.map((i) => i.key));
  });

  it('centres a narrow diagram and makes room for a long title', () => {
    const long = { heading: 'arn:aws:eks:eu-west-1:123456789012:cluster/production-eu', detail: 'x'.repeat(150) };
    const l = exportLayout({ x: 0, y: 0, width: 300, height: 200 }, long);
    expect(l.width).toBeGreaterThanOrEqual(textWidth('x'.repeat(150), 12) + 40);
    expect(l.diagram.dx).toBeCloseTo(20 + (l.width - 40 - 300) / 2);
  });

  it('puts the legend on one row when it fits, else each group on its own row', () => {
    const wide = layoutLegend(LEGEND_ITEMS, 5000, 0);
    expect(new Set(wide.items.map((p) => p.y)).size).toBe(1);
    const xs = wide.items.map((p) => p.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);

    const split = layoutLegend(LEGEND_ITEMS, 1200, 100);
    const rowOf = (kind: string) => new Set(split.items.filter((p) => p.item.kind === kind).map((p) => p.y));
    expect(rowOf('health').size).toBe(1);
    expect(rowOf('edge').size).toBe(1);
    expect([...rowOf('edge')][0]).toBeGreaterThan([...rowOf('health')][0] ?? Infinity);
    expect(split.height).toBe(40);
    expect(split.items.find((p) => p.item.kind === 'edge')?.x).toBe(20);
  });

  it('wraps inside a group when even a group is too wide', () => {
    const { items, height } = layoutLegend(LEGEND_ITEMS, 300, 0);
    const rows = new Set(items.map((p) => p.y));
    expect(rows.size).toBeGreaterThan(2);
    expect(height).toBe(rows.size * 20);
    for (const p of items) expect(p.x - 20).toBeLessThan(300);
  });
});

describe('textWidth', () => {
  it('estimates at least the width DejaVu Sans draws, and tells narrow from wide words', () => {
    // Measured in Chromium with DejaVu Sans at 11 px: "Verified TLS + authenticated" 158 px, "Failing" 35 px.
    expect(textWidth('Verified TLS + authenticated', 11)).toBeGreaterThanOrEqual(158);
    expect(textWidth('Verified TLS + authenticated', 11)).toBeLessThan(158 * 1.15);
    expect(textWidth('Failing', 11)).toBeGreaterThanOrEqual(35);
    expect(textWidth('Failing', 11)).toBeLessThan(textWidth('Warnings', 11));
    expect(textWidth('kp-weak', 16, true)).toBeGreaterThan(textWidth('kp-weak', 16));
    expect(textWidth('集群', 12)).toBe(24);
  });
});

describe('pngScale', () => {
  it('is 2× unless the canvas would be too large', () => {
    expect(pngScale(1240, 900)).toBe(2);
    expect(pngScale(12000, 1000)).toBeCloseTo(16384 / 12000);
    const s = pngScale(8000, 8000);
    expect(8000 * 8000 * s * s).toBeLessThanOrEqual(64e6 + 1);
    expect(pngScale(0, 0)).toBe(2);
  });
});
