import { describe, expect, it } from 'vitest';
import { projectWorkload } from './workload';

const template = {
  metadata: { labels: { app: 'a' }, annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' } },
  spec: { containers: [{ name: 'a', image: 'a:1' }] },
};

describe('projectWorkload', () => {
  it('projects a Deployment template and replica counts', () => {
    const w = projectWorkload('Deployment', {
      metadata: { name: 'a', namespace: 'n' },
      spec: { replicas: 3, selector: {}, template },
      status: { readyReplicas: 2 },
    });
    expect(w).toMatchObject({ kind: 'Deployment', replicas: 3, readyReplicas: 2 });
    expect(w.template.meta).toEqual({ labels: { app: 'a' }, annotations: {} });
    expect(w.template.spec.containers[0]?.image).toBe('a:1');
  });

  it('uses scheduled/ready counts for a DaemonSet', () => {
    const w = projectWorkload('DaemonSet', {
      metadata: { name: 'ds' },
      spec: { selector: {}, template },
      status: { desiredNumberScheduled: 5, numberReady: 4, currentNumberScheduled: 5, numberMisscheduled: 0 },
    });
    expect(w).toMatchObject({ replicas: 5, readyReplicas: 4 });
  });

  it('reads a CronJob template through its job template', () => {
    const w = projectWorkload('CronJob', {
      metadata: { name: 'cj' },
      spec: { schedule: '* * * * *', jobTemplate: { spec: { template } } },
    });
    expect(w.template.spec.containers.map((c) => c.name)).toEqual(['a']);
    expect(w.replicas).toBeUndefined();
  });
});
