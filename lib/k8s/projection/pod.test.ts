import { describe, expect, it } from 'vitest';
import type { V1Pod } from '@kubernetes/client-node';
import { projectPod } from './pod';

const pod: V1Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-1', namespace: 'shop' },
  spec: {
    nodeName: 'worker-1',
    serviceAccount: 'web',
    hostNetwork: true,
    securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' }, sysctls: [{ name: 'net.x', value: '1' }] },
    volumes: [
      { name: 'host', hostPath: { path: '/var/run/docker.sock', type: '' } },
      { name: 'creds', secret: { secretName: 'db' } },
      { name: 'token', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } },
      { name: 'tmp', emptyDir: {} },
    ],
    containers: [
      {
        name: 'web',
        image: 'nginx:1.27',
        command: ['nginx'],
        args: ['--password=hunter2'],
        ports: [{ containerPort: 80, hostPort: 80 }],
        env: [
          { name: 'LITERAL', value: 'hunter2' },
          { name: 'EMPTY' },
          { name: 'FROM_SECRET', valueFrom: { secretKeyRef: { name: 'db', key: 'pw' } } },
          { name: 'FROM_CM', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'k' } } },
          { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
        ],
        envFrom: [{ secretRef: { name: 'bulk' } }, { configMapRef: { name: 'cfg' } }],
        securityContext: { privileged: true, capabilities: { add: ['NET_ADMIN'] }, windowsOptions: { hostProcess: false } },
        resources: { limits: { cpu: '1', memory: '1Gi', 'ephemeral-storage': '1Gi' } },
        volumeMounts: [{ name: 'host', mountPath: '/var/run/docker.sock', readOnly: true }],
      },
    ],
    initContainers: [{ name: 'init', image: 'busybox' }],
  },
  status: { phase: 'Running', qosClass: 'Burstable', conditions: [{ type: 'Ready', status: 'True' }] },
};

describe('projectPod', () => {
  const p = projectPod(pod);

  it('projects the spec fields checks read', () => {
    expect(p.spec).toMatchObject({ nodeName: 'worker-1', serviceAccountName: 'web', hostNetwork: true });
    expect(p.spec.securityContext).toEqual({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' }, sysctls: [{ name: 'net.x', value: '1' }] });
    expect(p.spec.volumes).toEqual([
      { name: 'host', hostPath: { path: '/var/run/docker.sock' } },
      { name: 'creds', secretName: 'db' },
      { name: 'token', projectedServiceAccountToken: true },
      { name: 'tmp', emptyDir: true },
    ]);
    expect(p.spec.initContainers.map((c) => c.name)).toEqual(['init']);
    expect(p.status).toEqual({ phase: 'Running', ready: true, qosClass: 'Burstable' });
  });

  it('keeps env names and sources, never values', () => {
    const [c] = p.spec.containers;
    expect(c?.env).toEqual([
      { name: 'LITERAL', source: 'literal' },
      { name: 'EMPTY', source: 'empty' },
      { name: 'FROM_SECRET', source: 'secret', ref: 'db' },
      { name: 'FROM_CM', source: 'configmap', ref: 'cfg' },
      { name: 'NODE', source: 'field' },
    ]);
    expect(c?.envFromSecrets).toEqual(['bulk']);
    expect(c?.args).toEqual(['--password=<redacted>']);
    expect(JSON.stringify(p)).not.toContain('hunter2');
  });

  it('projects container security context and resources', () => {
    const [c] = p.spec.containers;
    expect(c?.securityContext).toEqual({ privileged: true, capabilities: { add: ['NET_ADMIN'] }, windowsHostProcess: false });
    expect(c?.resources).toEqual({ limits: { cpu: '1', memory: '1Gi' } });
    expect(c?.ports).toEqual([{ containerPort: 80, hostPort: 80 }]);
  });

  it('survives an empty object', () => {
    expect(projectPod({})).toEqual({
      meta: { name: '', labels: {}, annotations: {} },
      spec: { volumes: [], containers: [], initContainers: [], ephemeralContainers: [] },
      status: {},
    });
  });

  it('names the injected service-account token volume kube-api-access (its random suffix differs per pod), mounts included', () => {
    const injected = (suffix: string): V1Pod => ({
      metadata: { name: `web-${suffix}` },
      spec: {
        volumes: [
          { name: `kube-api-access-${suffix}`, projected: { sources: [{ serviceAccountToken: { path: 'token' } }, { configMap: { name: 'kube-root-ca.crt' } }] } },
          { name: 'data-abcde', emptyDir: {} },
        ],
        containers: [{ name: 'web', image: 'nginx', volumeMounts: [{ name: `kube-api-access-${suffix}`, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }, { name: 'data-abcde', mountPath: '/data' }] }],
      },
    });
    const a = projectPod(injected('n8gxm'));
    const b = projectPod(injected('q2x7z'));
    expect(a.spec.volumes).toEqual([{ name: 'kube-api-access', projectedServiceAccountToken: true }, { name: 'data-abcde', emptyDir: true }]);
    expect(a.spec.containers[0]?.volumeMounts).toEqual([
      { name: 'kube-api-access', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true },
      { name: 'data-abcde', mountPath: '/data' },
    ]);
    expect(b.spec).toEqual(a.spec);
    // A volume that only looks like it (no token source) keeps its name.
    const lookalike = projectPod({ spec: { volumes: [{ name: 'kube-api-access-abcde', emptyDir: {} }], containers: [] } });
    expect(lookalike.spec.volumes[0]?.name).toBe('kube-api-access-abcde');
  });
});
