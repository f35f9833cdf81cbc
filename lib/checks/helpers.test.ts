import { describe, expect, it } from 'vitest';
import { buildArchitecture } from '../model/build-architecture';
import { inventoryFromObjects } from '../model/from-objects';
import {
  MANAGED_FLAGS_MESSAGE,
  flagEvidence,
  forEachFlagComponent,
  hostOf,
  isLoopbackHost,
  parseDurationSeconds,
  resultFor,
} from './helpers';

const apiserverPod = (args: string[]) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'kube-apiserver-cp-1', namespace: 'kube-system', labels: { component: 'kube-apiserver', tier: 'control-plane' } },
  spec: { nodeName: 'cp-1', containers: [{ name: 'kube-apiserver', image: 'registry.k8s.io/kube-apiserver:v1.35.2', command: ['kube-apiserver', ...args] }] },
});

const eksNode = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'ip-10-0-1-23', labels: { 'eks.amazonaws.com/nodegroup': 'general' } },
  status: { nodeInfo: { kubeletVersion: 'v1.35.2-eks-1a2b3c4' } },
};

function ctx(objects: unknown[], extras = {}) {
  const inv = inventoryFromObjects(objects, extras);
  return { inv, arch: buildArchitecture(inv) };
}

describe('flagEvidence', () => {
  it('names the pod and the flag', () => {
    const { arch } = ctx([apiserverPod(['--anonymous-auth=false'])]);
    const c = arch.components.find((x) => x.type === 'kube-apiserver');
    if (!c) throw new Error('no apiserver');
    expect(flagEvidence(c, 'anonymous-auth', 'false')).toEqual({
      expected: 'false',
      actual: '--anonymous-auth=false',
      source: 'Pod kube-system/kube-apiserver-cp-1 · --anonymous-auth',
    });
    expect(flagEvidence(c, 'profiling', 'false').actual).toBe('(not set)');
  });
});

describe('forEachFlagComponent', () => {
  const run = (c: ReturnType<typeof ctx>) =>
    forEachFlagComponent(c, 'kube-apiserver', (comp) => resultFor(comp, 'pass', 'ok', []));

  it('evaluates each visible instance', () => {
    expect(run(ctx([apiserverPod([])]))).toMatchObject([{ componentId: 'control-plane/kube-apiserver/cp-1', status: 'pass' }]);
  });

  it('is not-applicable on a managed control plane', () => {
    expect(run(ctx([eksNode]))).toMatchObject([{ componentId: 'control-plane/provider-managed', status: 'not-applicable', message: MANAGED_FLAGS_MESSAGE }]);
  });

  it('is unknown, with the reason, when pods cannot be listed', () => {
    const c = ctx([], { issues: [{ kind: 'Pod', verb: 'list', namespace: 'kube-system', reason: 'forbidden', message: 'forbidden' }] });
    const [r] = run(c);
    expect(r?.status).toBe('unknown');
    expect(r?.message).toContain('your identity cannot list Pods in namespace kube-system');
  });

  it('is unknown for a type with no visible pod on a self-managed cluster', () => {
    const c = ctx([apiserverPod([])]);
    const [r] = forEachFlagComponent(c, 'kube-scheduler', (comp) => resultFor(comp, 'pass', 'ok', []));
    expect(r).toMatchObject({ componentId: 'cluster', status: 'unknown' });
  });
});

describe('value helpers', () => {
  it('parses Go durations', () => {
    expect(parseDurationSeconds('1h30m')).toBe(5400);
    expect(parseDurationSeconds('1m0s')).toBe(60);
    expect(parseDurationSeconds('300')).toBe(300);
    expect(parseDurationSeconds('soon')).toBeUndefined();
  });
  it('finds hosts and loopback addresses', () => {
    expect(hostOf('https://127.0.0.1:2379')).toBe('127.0.0.1');
    expect(hostOf('[::1]:10249')).toBe('[::1]');
    expect(hostOf('0.0.0.0:10249')).toBe('0.0.0.0');
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('0.0.0.0')).toBe(false);
  });
});
