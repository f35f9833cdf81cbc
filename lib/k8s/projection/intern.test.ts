import type { V1Container, V1Volume } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { projectContainer } from './container';
import { COMPARED_FIELDS, eqContainer, eqStringMap, eqVolume, Interner, jsonEqual } from './intern';
import { projectVolume } from './pod-spec';

/** A container that sets every field the projection reads. */
const full: V1Container = {
  name: 'app',
  image: 'app:1',
  imagePullPolicy: 'Always',
  command: ['/app'],
  args: ['--port=80', '--token=x'],
  ports: [{ containerPort: 80, hostPort: 8080, protocol: 'TCP' }],
  env: [{ name: 'A', value: '1' }, { name: 'S', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }],
  envFrom: [{ secretRef: { name: 'bulk' } }],
  resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '2' } },
  volumeMounts: [{ name: 'v', mountPath: '/v', readOnly: true }],
  securityContext: { privileged: false, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } },
};

/** One-field variations of `full`, each a different projection (or, for some, the same one). */
const variants: ((c: V1Container) => void)[] = [
  (c) => (c.name = 'other'),
  (c) => (c.image = 'app:2'),
  (c) => delete c.imagePullPolicy,
  (c) => delete c.command,
  (c) => (c.args = ['--port=80']),
  (c) => (c.args = ['--port=81', '--token=y']), // the token is redacted either way: equal projections
  (c) => ((c.ports as NonNullable<V1Container['ports']>)[0] = { containerPort: 80, protocol: 'TCP' }),
  (c) => ((c.ports as NonNullable<V1Container['ports']>)[0] = { containerPort: 80, hostPort: 8080 }),
  (c) => delete c.ports,
  (c) => (c.env = [{ name: 'A', value: '2' }, { name: 'S', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }]), // values never projected
  (c) => (c.env = [{ name: 'A' }, { name: 'S', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }]),
  (c) => (c.env = [{ name: 'A', value: '1' }, { name: 'S', valueFrom: { secretKeyRef: { name: 't', key: 'k' } } }]),
  (c) => (c.envFrom = []),
  (c) => (c.resources = { requests: { cpu: '1', memory: '1Gi' } }),
  (c) => (c.resources = { requests: { cpu: '1' }, limits: { cpu: '2' } }),
  (c) => (c.resources = { limits: { cpu: '2' }, requests: { cpu: '1', memory: '1Gi' } }),
  (c) => ((c.volumeMounts as NonNullable<V1Container['volumeMounts']>)[0] = { name: 'v', mountPath: '/v' }),
  (c) => ((c.volumeMounts as NonNullable<V1Container['volumeMounts']>)[0] = { name: 'v', mountPath: '/w', readOnly: true }),
  (c) => (c.securityContext = { privileged: true, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } }),
  (c) => (c.securityContext = { privileged: false, capabilities: { drop: ['ALL'] } }),
  (c) => delete c.securityContext,
];

describe('typed comparators agree with JSON equality', () => {
  it('eqContainer: every one-field variation of a full container', () => {
    const base = projectContainer(full);
    for (const change of variants) {
      const raw = structuredClone(full);
      change(raw);
      const p = projectContainer(raw);
      const same = JSON.stringify(p) === JSON.stringify(base);
      expect(eqContainer(base, p)).toBe(same);
      expect(eqContainer(p, base)).toBe(same);
      expect(jsonEqual(base, p)).toBe(same);
    }
  });

  it('eqContainer compares every field a projected container can have', () => {
    expect(Object.keys(projectContainer(full)).sort()).toEqual([...COMPARED_FIELDS.container].sort());
  });

  it('eqVolume: every volume shape', () => {
    const volumes: V1Volume[] = [
      { name: 'a', hostPath: { path: '/x', type: 'Directory' } },
      { name: 'a', hostPath: { path: '/x' } },
      { name: 'a', hostPath: { path: '/y' } },
      { name: 'a', secret: { secretName: 's' } },
      { name: 'a', configMap: { name: 's' } },
      { name: 'a', projected: { sources: [{ serviceAccountToken: { path: 't' } }] } },
      { name: 'a', emptyDir: {} },
      { name: 'a', persistentVolumeClaim: { claimName: 'c' } },
      { name: 'b', emptyDir: {} },
    ];
    const projected = volumes.map((v) => projectVolume(v));
    for (const a of projected) {
      for (const b of projected) expect(eqVolume(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b));
    }
    const every = { name: 'x', hostPath: { path: '/p', type: 't' }, secret: { secretName: 's' }, configMap: { name: 'c' }, projected: { sources: [{ serviceAccountToken: { path: 't' } }] }, emptyDir: {}, persistentVolumeClaim: { claimName: 'c' } };
    expect(Object.keys(projectVolume(every)).sort()).toEqual([...COMPARED_FIELDS.volume].sort());
  });

  it('eqStringMap and jsonEqual see key order (JSON output must not change)', () => {
    expect(eqStringMap({ a: '1', b: '2' }, { a: '1', b: '2' })).toBe(true);
    expect(eqStringMap({ a: '1', b: '2' }, { b: '2', a: '1' })).toBe(false);
    expect(jsonEqual({ a: 1, b: [1, { c: 2 }] }, { a: 1, b: [1, { c: 2 }] })).toBe(true);
    expect(jsonEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(jsonEqual([1], { 0: 1 })).toBe(false);
  });
});

describe('Interner', () => {
  it('returns the first of equal values and keeps different ones apart', () => {
    const ix = new Interner();
    const a = projectContainer(full, ix);
    const b = projectContainer(structuredClone(full), ix);
    const changed = structuredClone(full);
    changed.image = 'app:2';
    const c = projectContainer(changed, ix);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    expect(c.image).toBe('app:2');
  });

  it('remembers a few variants per bucket, most recent first', () => {
    const ix = new Interner();
    const values = Array.from({ length: 6 }, (_, i) => ({ v: i }));
    for (const v of values) ix.share('k', v);
    expect(ix.share('k', { v: 5 })).toBe(values[5]);
    expect(ix.share('k', { v: 2 })).toBe(values[2]);
    // The oldest fell out of the bucket: an equal value is kept as a new one, never confused.
    const zero = { v: 0 };
    expect(ix.share('k', zero)).toBe(zero);
  });

  it('redacts each distinct argv once and shares the result', () => {
    const ix = new Interner();
    const a = ix.redacted(['--password=x', '--port=1']);
    expect(a).toEqual(['--password=<redacted>', '--port=1']);
    expect(ix.redacted(['--password=x', '--port=1'])).toBe(a);
    // Length-prefixed keys: no collision between different splits of the same characters.
    expect(ix.redacted(['--port=1', '--a'])).not.toBe(ix.redacted(['--port=1--a']));
  });
});
