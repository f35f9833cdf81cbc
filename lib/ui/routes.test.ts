import { describe, expect, it } from 'vitest';
import { componentPath, idFromSegments } from './component-names';
import { contextFromPath, routes, switchContextPath } from './routes';

describe('routes', () => {
  it('keeps a context with slashes and colons in one segment', () => {
    const arn = 'arn:aws:eks:eu-west-1:123:cluster/prod';
    expect(routes.overview(arn)).toBe('/clusters/arn%3Aaws%3Aeks%3Aeu-west-1%3A123%3Acluster%2Fprod');
    expect(contextFromPath(routes.findings(arn))).toBe(arn);
  });

  it('switches context and stays on the same kind of page', () => {
    expect(switchContextPath('/clusters/kp-weak/findings', 'kp-hardened')).toBe('/clusters/kp-hardened/findings');
    expect(switchContextPath('/clusters/kp-weak', 'kp-hardened')).toBe('/clusters/kp-hardened');
    expect(switchContextPath('/clusters/kp-weak/components/node/worker-1', 'kp-hardened')).toBe('/clusters/kp-hardened');
    expect(switchContextPath('/', 'kp-managed')).toBe('/clusters/kp-managed');
  });

  it('round-trips component ids through the catch-all route', () => {
    const id = 'control-plane/etcd/external/10.0.0.5:2379';
    const path = componentPath('kp-weak', id);
    const segments = path.replace('/clusters/kp-weak/components/', '').split('/');
    expect(idFromSegments(segments)).toBe(id);
    expect(idFromSegments(['node', 'worker%202', 'kubelet'])).toBe('node/worker 2/kubelet');
  });
});
