import { describe, expect, it } from 'vitest';
import type { Finding } from '../checks/types';
import type { Architecture } from '../model/architecture';
import weak from '../../components/architecture/__fixtures__/posture-weak.json' with { type: 'json' };
import managed from '../layout/__fixtures__/architecture-managed.json' with { type: 'json' };
import { podCreationFlow } from './request-flow';

const posture = weak as unknown as { architecture: Architecture; findings: Finding[] };

describe('podCreationFlow', () => {
  it('walks client → apiserver → etcd → scheduler → apiserver → etcd → kubelet → runtime', () => {
    const steps = podCreationFlow(posture.architecture, posture.findings);
    expect(steps.map((s) => `${s.from} → ${s.to}`)).toEqual([
      'clients → control-plane/kube-apiserver/cp-1',
      'control-plane/kube-apiserver/cp-1 → control-plane/etcd/cp-1',
      'control-plane/kube-apiserver/cp-1 → control-plane/kube-scheduler/cp-1',
      'control-plane/kube-scheduler/cp-1 → control-plane/kube-apiserver/cp-1',
      'control-plane/kube-apiserver/cp-1 → control-plane/etcd/cp-1',
      'control-plane/kube-apiserver/cp-1 → node/worker-1/kubelet',
      'node/worker-1/kubelet → node/worker-1/container-runtime',
    ]);
  });

  it('shows each hop’s protection and the failing checks guarding it', () => {
    const [create, store] = podCreationFlow(posture.architecture, posture.findings);
    expect(create?.protection).toBe('exposed');
    expect(create?.findings.map((f) => f.checkId)).toContain('apiserver-anonymous-auth');
    expect(store?.protectionText).toBe('etcd client: no TLS (plaintext), no authentication');
    expect(store?.findings.map((f) => f.checkId)).toContain('etcd-client-cert-auth');
  });

  it('says a managed control plane hides its inner hops', () => {
    const steps = podCreationFlow(managed as unknown as Architecture, []);
    expect(steps[1]?.protectionText).toMatch(/run by the provider and not visible/);
    expect(steps.at(-1)?.protection).toBe('local');
  });
});
