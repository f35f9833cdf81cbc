import { describe, expect, it } from 'vitest';
import { inventoryFromObjects } from '../model/from-objects';
import { evaluatePosture } from './evaluate';

const pod = (annotations: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'debug', namespace: 'default', annotations },
  spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'busybox', securityContext: { privileged: true } }] },
});
const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' }, status: { nodeInfo: { kubeletVersion: 'v1.37.2' } } };

describe('evaluatePosture', () => {
  it('applies annotation waivers: the finding stays visible, marked accepted, and leaves the score', () => {
    const plain = evaluatePosture(inventoryFromObjects([node, pod()]));
    const waived = evaluatePosture(inventoryFromObjects([node, pod({ 'kube-posture.io/waive-workload-privileged': 'debug pod, removed after the incident' })]));
    const f = waived.findings.find((x) => x.checkId === 'workload-privileged' && x.status === 'fail');
    expect(f?.waived).toEqual({ reason: 'debug pod, removed after the incident', author: expect.any(String), source: 'annotation' });
    expect(plain.findings.find((x) => x.checkId === 'workload-privileged' && x.status === 'fail')?.waived).toBeUndefined();
    expect(waived.scores.cluster.counts.waived).toBeGreaterThan(plain.scores.cluster.counts.waived);
  });

  it('applies stored waivers of this cluster only, until they expire', () => {
    const inv = inventoryFromObjects([node, pod()]);
    const target = evaluatePosture(inv).findings.find((x) => x.checkId === 'workload-privileged' && x.status === 'fail');
    expect(target).toBeDefined();
    const waiver = (context: string, expiresAt: string) => ({ context, checkId: 'workload-privileged', target: { componentId: target!.componentId }, reason: 'accepted', author: 'jane', createdAt: '2026-01-01T00:00:00Z', expiresAt });
    const now = new Date('2026-06-01T00:00:00Z');
    const own = evaluatePosture(inv, { waivers: [waiver(inv.cluster.context, '2026-07-01T00:00:00Z')], now });
    expect(own.findings.find((x) => x.checkId === 'workload-privileged' && x.status === 'fail')?.waived?.source).toBe('store');
    const other = evaluatePosture(inv, { waivers: [waiver('another-cluster', '2026-07-01T00:00:00Z')], now });
    expect(other.findings.find((x) => x.checkId === 'workload-privileged' && x.status === 'fail')?.waived).toBeUndefined();
    const expired = evaluatePosture(inv, { waivers: [waiver(inv.cluster.context, '2026-05-01T00:00:00Z')], now });
    expect(expired.findings.find((x) => x.checkId === 'workload-privileged' && x.status === 'fail')?.waived).toBeUndefined();
  });
});
