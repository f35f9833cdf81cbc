import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { loadPosture } from '../../cli/__fixtures__/index';
import { ALL_CHECKS } from '../checks/catalog/index';
import { toJUnit } from './junit';

interface Case {
  '@_classname': string;
  '@_name': string;
  failure?: { '@_type': string; '@_message': string; '#text': string };
  skipped?: { '@_message': string };
}
interface Suite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  '@_skipped': string;
  testcase: Case[];
}

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' || name === 'testcase' || name === 'property' });

function parse(xml: string): { testsuites: { '@_tests': string; '@_failures': string; testsuite: Suite[] } } {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`invalid XML: ${JSON.stringify(valid.err)}`);
  return parser.parse(xml) as ReturnType<typeof parse>;
}

describe('toJUnit', () => {
  it('is well-formed XML with one testsuite per area and one testcase per result', () => {
    const p = loadPosture('weak');
    const doc = parse(toJUnit(p, { checks: ALL_CHECKS }));
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s) => s['@_name']).sort()).toEqual([...new Set(p.findings.map((f) => f.area))].sort());
    const cases = suites.flatMap((s) => s.testcase);
    expect(cases).toHaveLength(p.findings.length);
    expect(Number(doc.testsuites['@_tests'])).toBe(p.findings.length);
    for (const s of suites) expect(Number(s['@_tests'])).toBe(s.testcase.length);
  });

  it('fails fail and warn results, skips unknown and not-applicable, passes the rest', () => {
    const p = loadPosture('weak');
    const doc = parse(toJUnit(p, { checks: ALL_CHECKS }));
    const cases = doc.testsuites.testsuite.flatMap((s) => s.testcase);
    const open = p.findings.filter((f) => f.status === 'fail' || f.status === 'warn').length;
    expect(cases.filter((c) => c.failure)).toHaveLength(open);
    expect(Number(doc.testsuites['@_failures'])).toBe(open);
    expect(cases.filter((c) => c.skipped)).toHaveLength(p.findings.filter((f) => f.status === 'unknown' || f.status === 'not-applicable').length);
    const anon = cases.find((c) => c['@_classname'] === 'kube-posture.api-access.apiserver-anonymous-auth');
    expect(anon?.['@_name']).toBe('Pod kube-system/kube-apiserver-cp-1');
    expect(anon?.failure?.['@_type']).toBe('high');
    expect(anon?.failure?.['#text']).toContain('Remediation:');
    expect(anon?.failure?.['#text']).toContain('Evidence: expected --anonymous-auth=false');
  });

  it('skips waived findings with the waiver as the reason', () => {
    const p = loadPosture('hardened');
    const f = p.findings.find((x) => x.status === 'fail');
    if (!f) throw new Error('fixture lacks a failure');
    f.waived = { reason: 'tracked in JIRA-1', author: 'bob', source: 'annotation' };
    const cases = parse(toJUnit(p)).testsuites.testsuite.flatMap((s) => s.testcase);
    expect(cases.find((c) => c.skipped?.['@_message'] === 'waived by bob: tracked in JIRA-1')).toBeDefined();
  });

  it('escapes hostile text and drops characters XML cannot carry', () => {
    const p = loadPosture('hardened');
    const f = p.findings[0];
    if (!f) throw new Error('empty fixture');
    f.status = 'fail';
    f.message = 'a <b>&"quoted"\' \u0001 ]]> \ud800 end';
    f.object = { kind: 'ConfigMap', namespace: 'x&y', name: '<script>alert(1)</script>' };
    p.cluster.context = 'ctx"<&>';
    const xml = toJUnit(p);
    const cases = parse(xml).testsuites.testsuite.flatMap((s) => s.testcase);
    const c = cases.find((x) => x['@_name'] === 'ConfigMap x&amp;y/&lt;script&gt;alert(1)&lt;/script&gt;' || x['@_name'] === 'ConfigMap x&y/<script>alert(1)</script>');
    expect(c).toBeDefined();
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('\u0001');
  });
});
