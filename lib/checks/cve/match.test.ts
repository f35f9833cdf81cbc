import { describe, expect, it } from 'vitest';
import { parseVersion } from '../semver';
import { CVE_FEED, type CveFeed, cveVerdict, feedCovers, fixedVersions, matchCves } from './match';

const feed: CveFeed = {
  schemaVersion: 1,
  feedDate: '2026-01-01',
  source: 'test',
  entries: [
    {
      id: 'CVE-0000-0001',
      summary: 'range per minor',
      components: ['kubelet'],
      severity: 'high',
      affected: [
        { introduced: '0', fixed: '1.28.12' },
        { introduced: '1.29.0', fixed: '1.29.7' },
      ],
      urls: [],
    },
    { id: 'CVE-0000-0002', summary: 'windows only', components: ['kubelet'], severity: 'critical', os: 'windows', affected: [{ introduced: '0', fixed: '1.30.0' }], urls: [] },
    { id: 'CVE-0000-0003', summary: 'no fix yet', components: ['kubelet'], severity: 'low', affected: [{ introduced: '1.31.0' }], urls: [] },
    { id: 'CVE-0000-0004', summary: 'design issue', components: ['kube-apiserver'], severity: 'medium', affected: [], urls: [] },
  ],
};

const v = (s: string) => {
  const out = parseVersion(s);
  if (!out) throw new Error(s);
  return out;
};

describe('matchCves', () => {
  it('matches introduced ≤ v < fixed, per minor', () => {
    expect(matchCves(feed, 'kubelet', v('1.28.11')).map((m) => m.entry.id)).toEqual(['CVE-0000-0001']);
    expect(matchCves(feed, 'kubelet', v('1.28.12'))).toEqual([]);
    expect(matchCves(feed, 'kubelet', v('1.29.6')).map((m) => m.entry.id)).toEqual(['CVE-0000-0001']);
    expect(matchCves(feed, 'kubelet', v('1.29.7'))).toEqual([]);
  });
  it('treats a range without fix as open-ended', () => {
    expect(matchCves(feed, 'kubelet', v('1.35.0')).map((m) => m.entry.id)).toEqual(['CVE-0000-0003']);
  });
  it('claims OS-specific CVEs only on that OS, most severe first', () => {
    expect(matchCves(feed, 'kubelet', v('1.29.0'), { os: 'windows' }).map((m) => m.entry.id)).toEqual(['CVE-0000-0002', 'CVE-0000-0001']);
    expect(matchCves(feed, 'kubelet', v('1.29.0'), { os: 'linux' }).map((m) => m.entry.id)).toEqual(['CVE-0000-0001']);
    expect(matchCves(feed, 'kubelet', v('1.29.0')).map((m) => m.entry.id)).toEqual(['CVE-0000-0001']);
  });
  it('never matches entries without ranges', () => {
    expect(matchCves(feed, 'kube-apiserver', v('1.0.0'))).toEqual([]);
  });
});

describe('cveVerdict', () => {
  it('passes, fails, and softens vendor builds to warn', () => {
    expect(cveVerdict(feed, 'kubelet', 'kubelet', 'v1.30.1', 'src').status).toBe('pass');
    const fail = cveVerdict(feed, 'kubelet', 'kubelet', 'v1.28.3', 'src');
    expect(fail.status).toBe('fail');
    expect(fail.message).toContain('CVE-0000-0001');
    expect(fail.evidence[0]?.expected).toContain('1.28.12');
    expect(cveVerdict(feed, 'kubelet', 'kubelet', 'v1.28.3-eks-1', 'src').status).toBe('warn');
  });
  it('is unknown without a version or without feed data for the component', () => {
    expect(cveVerdict(feed, 'kubelet', 'kubelet', undefined, 'src').status).toBe('unknown');
    expect(cveVerdict(feed, 'docker', 'docker', '20.10.7', 'src').status).toBe('unknown');
  });
});

describe('the bundled feed', () => {
  it('is well-formed: ids, components, parseable and ordered ranges, sources', () => {
    expect(CVE_FEED.feedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(CVE_FEED.entries.length).toBeGreaterThanOrEqual(15);
    const ids = new Set<string>();
    for (const e of CVE_FEED.entries) {
      expect(e.id).toMatch(/^CVE-\d{4}-\d{4,}$/);
      expect(ids.has(e.id), e.id).toBe(false);
      ids.add(e.id);
      expect(e.components.length, e.id).toBeGreaterThan(0);
      expect(e.urls.length, e.id).toBeGreaterThan(0);
      for (const r of e.affected) {
        if (r.introduced !== '0') expect(parseVersion(r.introduced), `${e.id} introduced`).toBeDefined();
        if (r.fixed) {
          const fixed = parseVersion(r.fixed);
          expect(fixed, `${e.id} fixed`).toBeDefined();
          // the fixed version itself must not match
          if (fixed) expect(matchCves({ ...CVE_FEED, entries: [e] }, e.components[0] ?? '', fixed, { os: e.os ?? 'linux' }), e.id).toEqual([]);
        }
      }
    }
  });
  it('knows the CVEs the catalogue names', () => {
    for (const id of ['CVE-2018-1002105', 'CVE-2022-23648', 'CVE-2025-1974', 'CVE-2024-10220', 'CVE-2020-8558']) {
      expect(CVE_FEED.entries.some((e) => e.id === id), id).toBe(true);
    }
    expect(feedCovers(CVE_FEED, 'containerd')).toBe(true);
    const containerd = CVE_FEED.entries.find((e) => e.id === 'CVE-2022-23648');
    expect(containerd && fixedVersions(containerd)).toEqual(['1.4.13', '1.5.10', '1.6.1']);
  });
});
