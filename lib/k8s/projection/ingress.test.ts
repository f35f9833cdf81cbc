import { describe, expect, it } from 'vitest';
import { projectIngress } from './ingress';

describe('projectIngress', () => {
  it('projects hosts, TLS hosts and the class (field or legacy annotation)', () => {
    const i = projectIngress({
      metadata: { name: 'web', namespace: 'shop', annotations: { 'kubernetes.io/ingress.class': 'nginx' } },
      spec: {
        tls: [{ hosts: ['a.example.com'], secretName: 'tls' }, {}],
        rules: [{ host: 'a.example.com' }, { host: 'b.example.com' }, {}],
      },
      status: { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } },
    });
    expect(i).toMatchObject({
      ingressClassName: 'nginx',
      tlsHosts: [['a.example.com'], []],
      hosts: ['a.example.com', 'b.example.com'],
      loadBalancerIngress: ['1.2.3.4'],
    });
  });
});
