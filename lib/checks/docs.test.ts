import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from './catalog/index';
import { checksMarkdown, formatReference } from './docs';

describe('checksMarkdown', () => {
  const md = checksMarkdown(ALL_CHECKS, { cveFeedDate: '2026-11-29' });

  it('documents every check with its remediation', () => {
    for (const c of ALL_CHECKS) {
      expect(md, c.id).toContain(`### ${c.id}\n`);
      expect(md, c.id).toContain(c.remediation);
    }
  });

  it('explains the score and names the CVE feed date', () => {
    expect(md).toContain('score = Σ weight(pass)');
    expect(md).toContain('bundled feed of 2026-11-29');
  });

  it('is deterministic', () => {
    expect(checksMarkdown(ALL_CHECKS, { cveFeedDate: '2026-11-29' })).toBe(md);
  });

  it('formats references with benchmark versions and links', () => {
    expect(formatReference({ framework: 'CIS Kubernetes', version: '1.12', id: '1.2.1' })).toBe('CIS 1.12 1.2.1');
    expect(formatReference({ framework: 'Kubescape', id: 'C-0113', url: 'https://hub.armosec.io/docs/c-0113' })).toBe(
      '[Kubescape C-0113](https://hub.armosec.io/docs/c-0113)',
    );
  });
});
