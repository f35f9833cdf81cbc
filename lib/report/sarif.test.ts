import { readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { loadPosture } from '../../cli/__fixtures__/index';
import { ALL_CHECKS } from '../checks/catalog/index';
import { SARIF_SCHEMA_URI, toSarif } from './sarif';

const schema = JSON.parse(readFileSync(new URL('../../schemas/sarif-2.1.0.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function valid(log: unknown): string {
  return validate(log) ? 'valid' : ajv.errorsText(validate.errors, { separator: '\n' });
}

describe('toSarif', () => {
  it('the bundled schema is the OASIS SARIF 2.1.0 schema', () => {
    expect(schema.id).toBe(SARIF_SCHEMA_URI);
    expect(schema.$schema).toBe('http://json-schema.org/draft-04/schema#');
  });

  it.each(['weak', 'hardened', 'managed'] as const)('is valid SARIF 2.1.0 for the %s cluster', (name) => {
    const log = toSarif(loadPosture(name), { checks: ALL_CHECKS, toolVersion: '0.1.0' });
    expect(valid(log)).toBe('valid');
  });

  it('rejects what the schema forbids (the validator is really checking)', () => {
    const log = toSarif(loadPosture('hardened'), { checks: ALL_CHECKS, toolVersion: '0.1.0' });
    const broken = structuredClone(log) as unknown as { runs: { results: { level: string }[] }[] };
    const first = broken.runs[0]?.results[0];
    if (!first) throw new Error('fixture has no results');
    first.level = 'fatal';
    expect(valid(broken)).not.toBe('valid');
  });

  it('has one rule per check with help text, Markdown, references and a default level', () => {
    const log = toSarif(loadPosture('weak'), { checks: ALL_CHECKS, toolVersion: '0.1.0' });
    const rules = log.runs[0]?.tool.driver.rules ?? [];
    expect(rules.map((r) => r.id)).toEqual(ALL_CHECKS.map((c) => c.id));
    const anon = rules.find((r) => r.id === 'apiserver-anonymous-auth');
    const check = ALL_CHECKS.find((c) => c.id === 'apiserver-anonymous-auth');
    expect(anon?.shortDescription.text).toBe(check?.title);
    expect(anon?.help.text).toContain(check?.remediation);
    expect(anon?.help.markdown).toContain('**Remediation:**');
    expect(anon?.help.text).toContain('CIS Kubernetes 1.12 1.2.1');
    expect(anon?.defaultConfiguration.level).toBe('error');
    expect(anon?.properties['security-severity']).toBe('8.0');
  });

  it('locates results at the Kubernetes object with logical locations, or at the component', () => {
    const p = loadPosture('weak');
    const run = toSarif(p, { checks: ALL_CHECKS, toolVersion: '0.1.0' }).runs[0];
    if (!run) throw new Error('no run');
    const anon = run.results.find((r) => r.ruleId === 'apiserver-anonymous-auth');
    const loc = anon?.locations[0]?.logicalLocations[0];
    expect(loc).toMatchObject({ kind: 'resource', name: 'kube-apiserver-cp-1', fullyQualifiedName: 'Pod/kube-system/kube-apiserver-cp-1' });
    expect(run.logicalLocations[loc?.index ?? -1]).toMatchObject({ fullyQualifiedName: 'Pod/kube-system/kube-apiserver-cp-1', properties: { kubernetesKind: 'Pod', namespace: 'kube-system' } });
    const noObject = p.findings.find((f) => !f.object && f.status === 'fail');
    if (!noObject) throw new Error('fixture lacks a failure without an object');
    const r = run.results.find((x) => x.ruleId === noObject.checkId && x.locations[0]?.logicalLocations[0]?.kind === 'component');
    expect(r?.locations[0]?.logicalLocations[0]?.fullyQualifiedName).toBe(noObject.componentId);
    expect(run.results.every((r) => r.ruleIndex >= 0 && run.tool.driver.rules[r.ruleIndex]?.id === r.ruleId)).toBe(true);
  });

  it('maps statuses to kind and level, keeps fail/warn/unknown only, and marks waivers as suppressions', () => {
    const p = loadPosture('weak');
    const waivedOne = p.findings.find((f) => f.status === 'fail' && f.severity === 'medium');
    if (!waivedOne) throw new Error('fixture lacks a medium failure');
    waivedOne.waived = { reason: 'accepted risk', author: 'alice', source: 'store' };
    const log = toSarif(p, { checks: ALL_CHECKS, toolVersion: '0.1.0' });
    expect(valid(log)).toBe('valid');
    const results = log.runs[0]?.results ?? [];
    const expected = p.findings.filter((f) => ['fail', 'warn', 'unknown'].includes(f.status)).length;
    expect(results).toHaveLength(expected);
    const byStatus = (s: string) => results.filter((r) => r.properties.status === s);
    expect(byStatus('fail').every((r) => r.kind === 'fail' && r.level !== 'none')).toBe(true);
    expect(byStatus('unknown').every((r) => r.kind === 'open' && r.level === 'none')).toBe(true);
    const critical = byStatus('fail').find((r) => r.properties.severity === 'critical');
    expect(critical?.level).toBe('error');
    const warnHigh = byStatus('warn').find((r) => r.properties.severity === 'high');
    expect(warnHigh?.level).toBe('warning');
    const suppressed = results.filter((r) => r.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]?.suppressions?.[0]).toEqual({ kind: 'external', status: 'accepted', justification: 'accepted risk' });
  });

  it('reports collection issues as tool notifications and stays valid with hostile text', () => {
    const p = loadPosture('hardened');
    p.issues = [{ kind: 'Secret', verb: 'list', namespace: 'team-"a"', reason: 'forbidden', message: 'cannot list <secrets>\n in "x"' }];
    p.cluster.context = 'ctx "with" \\ odd <chars>';
    const log = toSarif(p, { checks: ALL_CHECKS, toolVersion: '0.1.0-dev' });
    expect(valid(log)).toBe('valid');
    const notes = log.runs[0]?.invocations[0]?.toolExecutionNotifications ?? [];
    expect(notes[0]?.message.text).toContain('Could not list Secret in namespace team-"a" (forbidden)');
    expect(log.runs[0]?.automationDetails.id).toBe('kube-posture/ctx "with" \\ odd <chars>/');
  });

  it('adds a minimal rule for a check missing from the catalogue given', () => {
    const p = loadPosture('hardened');
    const log = toSarif(p, { checks: [], toolVersion: '0.1.0' });
    expect(valid(log)).toBe('valid');
    const ids = new Set(log.runs[0]?.results.map((r) => r.ruleId));
    expect(log.runs[0]?.tool.driver.rules.map((r) => r.id).sort()).toEqual([...ids].sort());
  });
});
