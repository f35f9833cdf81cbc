import { describe, expect, it } from 'vitest';
import { projectApiService } from './api-service';

describe('projectApiService', () => {
  it('projects the backing service, TLS skip and availability', () => {
    expect(
      projectApiService({
        metadata: { name: 'v1beta1.metrics.k8s.io' },
        spec: { group: 'metrics.k8s.io', version: 'v1beta1', service: { namespace: 'kube-system', name: 'metrics-server' }, insecureSkipTLSVerify: true, groupPriorityMinimum: 100, versionPriority: 100 },
        status: { conditions: [{ type: 'Available', status: 'False' }] },
      }),
    ).toEqual({
      meta: { name: 'v1beta1.metrics.k8s.io', labels: {}, annotations: {} },
      group: 'metrics.k8s.io',
      version: 'v1beta1',
      service: { namespace: 'kube-system', name: 'metrics-server' },
      insecureSkipTLSVerify: true,
      available: false,
    });
  });
});
