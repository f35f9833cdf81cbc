/**
 * The inventory is redacted by construction: plant a marker everywhere a secret can hide in
 * the API's objects and assert it never comes out, whatever the path (projection or fixture).
 */
import { describe, expect, it } from 'vitest';
import { addProjected, inventoryFromObjects } from '../../model/from-objects';
import { emptyInventory } from '../../model/inventory';
import { ListSplitter } from '../transport';
import { Interner } from './intern';
import { projectObject } from './index';
import { parseFixture } from '../../model/fixtures';

const M = 'MARKER-SECRET-VALUE';
const M64 = Buffer.from(M).toString('base64');

const container = {
  name: 'app',
  image: 'app:1',
  command: ['/bin/sh', '-c', `exec app --password=${M} --token ${M}`],
  args: [`--client-secret=${M}`, '--api-key', M, `DB_PASSWORD=${M}`, `--dsn=postgres://u:${M}@db/x`, `--set=auth.privateKey=${M}`],
  env: [
    { name: 'PLAIN', value: M },
    { name: 'NOT_SENSITIVE_NAME', value: M },
  ],
};

const objects: unknown[] = [
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'app',
      namespace: 'default',
      annotations: { 'kubectl.kubernetes.io/last-applied-configuration': `{"env":"${M}"}`, blob: M.repeat(300) },
      managedFields: [{ manager: M }],
    },
    spec: { containers: [container], initContainers: [container] },
  },
  { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'app', namespace: 'default' }, spec: { template: { spec: { containers: [container] } } } },
  { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'default' }, type: 'Opaque', data: { password: M64 }, stringData: { password: M } },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-config', namespace: 'default' }, data: { 'password.txt': M } },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-proxy', namespace: 'kube-system' }, data: { 'config.conf': 'mode: ipvs', 'kubeconfig.conf': M } },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kubeadm-config', namespace: 'kube-system' }, data: { ClusterConfiguration: 'x: 1', ClusterStatus: M } },
  {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'MutatingWebhookConfiguration',
    metadata: { name: 'w' },
    webhooks: [{ name: 'w', clientConfig: { url: `https://u:${M}@hook/x?token=${M}`, caBundle: M64 } }],
  },
  { apiVersion: 'certificates.k8s.io/v1', kind: 'CertificateSigningRequest', metadata: { name: 'c' }, spec: { request: M64, signerName: 'x' }, status: { certificate: M64 } },
];

function assertClean(json: string): void {
  expect(json).not.toContain(M);
  expect(json).not.toContain(M64);
}

describe('redaction', () => {
  it('never lets a planted secret into the inventory', () => {
    const inv = inventoryFromObjects(objects);
    // The objects did make it in: the test would be vacuous otherwise.
    expect(inv.pods).toHaveLength(1);
    expect(inv.workloads).toHaveLength(1);
    expect(inv.secrets).toHaveLength(1);
    expect(inv.configMaps.kubeProxyConfiguration).toBe('mode: ipvs');
    expect(inv.pods[0]?.spec.containers[0]?.env.map((e) => e.name)).toEqual(['PLAIN', 'NOT_SENSITIVE_NAME']);
    assertClean(JSON.stringify(inv));
  });

  it('redacts the same way on the live path: streamed list items, shared projections', () => {
    const inv = emptyInventory({ context: 'c', server: 'https://c.invalid' });
    const ix = new Interner();
    // Twice, so the second copies come out of the interner.
    const body = Buffer.from(JSON.stringify({ kind: 'List', metadata: {}, items: [...objects, ...objects] }));
    const splitter = new ListSplitter((item) => {
      const p = projectObject(item, undefined, ix);
      if (p) addProjected(inv, p);
    });
    for (let i = 0; i < body.length; i += 7) splitter.push(body.subarray(i, i + 7));
    splitter.end();
    expect(inv.pods).toHaveLength(2);
    expect(ix.hits).toBeGreaterThan(0);
    assertClean(JSON.stringify(inv));
  });

  it('redacts the same way through a YAML fixture', () => {
    const yaml = `objects: ${JSON.stringify(objects)}\n`;
    assertClean(JSON.stringify(parseFixture(yaml, 'inline').inventory));
  });
});
