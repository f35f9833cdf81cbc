import { describe, expect, it } from 'vitest';
import { buildArchitecture } from '../model/build-architecture';
import { inventoryFromObjects } from '../model/from-objects';
import { describeIssue, evaluateAll, evaluateCheck, missingInput } from './runner';
import { defineCheck } from './types';

const boom = defineCheck({
  id: 'test-boom',
  title: 'Throws',
  description: 'A check with a bug.',
  component: 'kube-apiserver',
  area: 'tls',
  severity: 'high',
  tier: 'api',
  references: [{ framework: 'test', id: '1' }],
  remediation: 'Fix the bug.',
  evaluate() {
    throw new Error('cannot read properties of undefined');
  },
});

const fine = defineCheck({ ...boom, id: 'test-fine', evaluate: () => [{ componentId: 'cluster', status: 'pass', message: 'ok', evidence: [] }] });

describe('evaluateAll', () => {
  const inv = inventoryFromObjects([]);
  const arch = buildArchitecture(inv);

  it('turns a crashing check into one unknown finding and keeps going', () => {
    const findings = evaluateAll(inv, arch, [boom, fine]);
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatchObject({ checkId: 'test-boom', status: 'unknown', severity: 'high', area: 'tls' });
    expect(findings[0]?.message).toContain('cannot read properties of undefined');
    expect(findings[1]).toMatchObject({ checkId: 'test-fine', status: 'pass', title: 'Throws' });
  });

  it('attaches a crash to an existing component', () => {
    const [finding] = evaluateCheck(boom, inv, arch);
    expect(arch.components.some((c) => c.id === finding?.componentId)).toBe(true);
  });

  it('runs the whole catalogue on an empty inventory without crashing', () => {
    const findings = evaluateAll(inv, arch);
    const crashed = findings.filter((f) => f.message.startsWith('The check could not run'));
    expect(crashed.map((f) => `${f.checkId}: ${f.message}`)).toEqual([]);
  });
});

describe('missingInput', () => {
  const inv = inventoryFromObjects([], {
    issues: [
      { kind: 'rolebindings', verb: 'list', reason: 'forbidden', message: 'rolebindings.rbac.authorization.k8s.io is forbidden' },
      { kind: 'Pod', verb: 'list', namespace: 'kube-system', reason: 'timeout', message: 'timed out' },
      { kind: 'tls-probe', verb: 'probe', reason: 'unreachable', message: 'connect ECONNREFUSED' },
    ],
  });

  it('explains a forbidden list from the reader side, whatever the kind spelling', () => {
    expect(missingInput(inv, 'RoleBinding')).toBe('your identity cannot list rolebindings');
    expect(missingInput(inv, 'Role')).toBeUndefined();
  });

  it('scopes namespaced issues to their namespace', () => {
    expect(missingInput(inv, 'Pod', 'kube-system')).toBe('reading Pods in namespace kube-system timed out');
    expect(missingInput(inv, 'Pod', 'default')).toBeUndefined();
    expect(missingInput(inv, 'Pod')).toBeUndefined();
  });

  it('describes probes', () => {
    expect(missingInput(inv, 'tls-probe')).toBe('the tls-probe probe could not reach its endpoint');
    expect(describeIssue({ kind: 'Secret', verb: 'list', reason: 'disabled', message: '' })).toBe('reading Secrets is disabled in the scan settings');
  });
});
