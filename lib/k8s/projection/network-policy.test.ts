import { describe, expect, it } from 'vitest';
import type { V1NetworkPolicy } from '@kubernetes/client-node';
import { projectNetworkPolicy } from './network-policy';

describe('projectNetworkPolicy', () => {
  it('reads `from` as plain JSON has it, and defaults policyTypes like the API', () => {
    const json = {
      metadata: { name: 'allow', namespace: 'shop' },
      spec: {
        podSelector: { matchLabels: { app: 'web' } },
        ingress: [
          {
            from: [{ namespaceSelector: {}, podSelector: { matchExpressions: [{ key: 'x', operator: 'Exists' }] } }, { ipBlock: { cidr: '10.0.0.0/8' } }],
            ports: [{ port: 443, protocol: 'TCP' }],
          },
        ],
        egress: [{}],
      },
    } as unknown as V1NetworkPolicy;
    expect(projectNetworkPolicy(json)).toEqual({
      meta: { name: 'allow', namespace: 'shop', labels: {}, annotations: {} },
      podSelector: { matchLabels: { app: 'web' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [
        {
          from: [
            { namespaceSelector: {}, podSelector: { matchExpressions: [{ key: 'x', operator: 'Exists' }] } },
            { ipBlock: { cidr: '10.0.0.0/8' } },
          ],
          ports: [{ port: 443, protocol: 'TCP' }],
        },
      ],
      egress: [{ to: [], ports: [] }],
    });
  });

  it('also reads client-node `_from` and keeps explicit policyTypes', () => {
    const np = projectNetworkPolicy({
      metadata: { name: 'deny' },
      spec: { podSelector: {}, policyTypes: ['Egress'], ingress: [{ _from: [{ podSelector: {} }] }] },
    });
    expect(np.policyTypes).toEqual(['Egress']);
    expect(np.ingress[0]?.from).toEqual([{ podSelector: {} }]);
  });
});
