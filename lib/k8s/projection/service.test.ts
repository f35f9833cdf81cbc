import { describe, expect, it } from 'vitest';
import { projectService } from './service';

describe('projectService', () => {
  it('projects exposure', () => {
    const s = projectService({
      metadata: { name: 'web', namespace: 'shop' },
      spec: {
        type: 'LoadBalancer',
        clusterIP: '10.96.0.10',
        externalIPs: ['1.2.3.4'],
        selector: { app: 'web' },
        ports: [{ port: 443, nodePort: 30443, protocol: 'TCP', targetPort: 'https', name: 'https' }],
      },
      status: { loadBalancer: { ingress: [{ ip: '5.6.7.8' }, { hostname: 'lb.example.com' }] } },
    });
    expect(s).toEqual({
      meta: { name: 'web', namespace: 'shop', labels: {}, annotations: {} },
      type: 'LoadBalancer',
      clusterIP: '10.96.0.10',
      externalIPs: ['1.2.3.4'],
      loadBalancerIngress: ['5.6.7.8', 'lb.example.com'],
      ports: [{ port: 443, nodePort: 30443, protocol: 'TCP', targetPort: 'https', name: 'https' }],
      selector: { app: 'web' },
    });
  });

  it('defaults the type to ClusterIP', () => {
    expect(projectService({ metadata: { name: 'x' } }).type).toBe('ClusterIP');
  });
});
