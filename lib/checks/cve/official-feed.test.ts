import { describe, expect, it } from 'vitest';
import type { CveEntry } from './match';
import { convertFeed, convertItem, rangesFrom, section, severityOf } from './official-feed';

const body = [
  'CVSS Rating: [CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:L](https://example) - Medium (6.7)',
  'A vulnerability exists in the NodeRestriction admission controller. (Score: 6.7, Medium)',
  '### Am I vulnerable?',
  'All clusters with NodeRestriction.',
  '#### Affected Versions',
  '- kube-apiserver v1.31.0 - v1.31.11',
  '- kube-apiserver v1.32.0 - v1.32.7',
  '- kube-apiserver <= v1.30.14',
  '### How do I mitigate this vulnerability?',
  'Upgrade.',
  '#### Fixed Versions',
  '- kube-apiserver >= v1.31.12',
  '- kube-apiserver >= v1.32.8',
  '- kube-apiserver >= v1.33.4',
].join('\n');

describe('official feed conversion', () => {
  it('reads sections and severity', () => {
    expect(section(body, 'Fixed Versions')).toContain('v1.33.4');
    expect(section(body, 'Affected Versions')).not.toContain('mitigate');
    expect(severityOf(body)).toBe('medium');
    expect(severityOf('rated **High**')).toBe('high');
  });

  it('builds one range per minor from the fixed versions', () => {
    expect(rangesFrom(section(body, 'Affected Versions'), section(body, 'Fixed Versions'))).toEqual([
      { introduced: '0', fixed: '1.31.12' },
      { introduced: '1.32.0', fixed: '1.32.8' },
      { introduced: '1.33.0', fixed: '1.33.4' },
    ]);
    // No open lower bound: the oldest range starts at the first affected version.
    expect(rangesFrom('kube-apiserver: v1.32.0 - v1.32.5\nkube-apiserver: v1.33.0 - 1.33.1', '- v1.32.6\n- v1.33.2')).toEqual([
      { introduced: '1.32.0', fixed: '1.32.6' },
      { introduced: '1.33.0', fixed: '1.33.2' },
    ]);
  });

  it('converts an item and skips what it cannot read', () => {
    const entry = convertItem({ id: 'CVE-2025-5187', summary: 'CVE-2025-5187: Nodes can delete themselves', content_text: body, url: 'https://github.com/kubernetes/kubernetes/issues/133471', date_published: '2025-08-11T00:00:00Z' });
    expect(entry).toMatchObject({ id: 'CVE-2025-5187', summary: 'Nodes can delete themselves', components: ['kube-apiserver'], cvss: 6.7, published: '2025-08-11' });
    expect(convertItem({ id: 'CVE-2025-0001', content_text: '#### Affected Versions\n- kubectl v1.0.0', summary: 'kubectl bug' })).toEqual({ skipped: 'no component our checks match' });
  });

  it('keeps curated entries and rejects other documents', () => {
    const curated: CveEntry = { id: 'CVE-2025-5187', summary: 'mine', components: ['kube-apiserver'], severity: 'medium', affected: [], urls: ['x'], curated: true };
    const out = convertFeed({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: 'CVE-2025-5187', content_text: body }] }, [curated]);
    expect(out.entries).toEqual([curated]);
    expect(() => convertFeed({ items: [] }, [])).toThrow(/JSON Feed 1.1/);
  });
});
