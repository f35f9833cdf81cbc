import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFixture, parseFixture } from './fixtures';

const FIXTURE = `
description: kubeadm apiserver with anonymous auth
cluster: { context: lab, server: https://10.0.0.1:6443 }
objects:
  - apiVersion: v1
    kind: Pod
    metadata:
      name: kube-apiserver-cp-1
      namespace: kube-system
      labels: { component: kube-apiserver, tier: control-plane }
      creationTimestamp: 2025-01-01T00:00:00Z
    spec:
      nodeName: cp-1
      containers:
        - name: kube-apiserver
          image: registry.k8s.io/kube-apiserver:v1.31.2
          command: [kube-apiserver, --anonymous-auth=true]
extras:
  anonymous: { versionStatus: 200 }
expect:
  - { componentId: control-plane/kube-apiserver/cp-1, status: fail }
`;

describe('fixtures', () => {
  it('parses objects, extras, cluster and expectations', () => {
    const f = parseFixture(FIXTURE, 'anon.yaml');
    expect(f.description).toBe('kubeadm apiserver with anonymous auth');
    expect(f.inventory.cluster.context).toBe('lab');
    expect(f.inventory.pods[0]?.spec.containers[0]?.command).toEqual(['kube-apiserver', '--anonymous-auth=true']);
    expect(f.inventory.pods[0]?.meta.creationTimestamp).toMatch(/^2025-01-01T00:00:00/);
    expect(f.inventory.anonymous?.versionStatus).toBe(200);
    expect(f.expect).toEqual([{ componentId: 'control-plane/kube-apiserver/cp-1', status: 'fail' }]);
  });

  it('loads from a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kp-fixture-'));
    const path = join(dir, 'fail.anon.yaml');
    writeFileSync(path, FIXTURE);
    expect(loadFixture(path).source).toBe(path);
  });

  it('accepts an empty file', () => {
    expect(parseFixture('', 'empty.yaml').inventory.pods).toEqual([]);
    expect(parseFixture('# nothing yet\n', 'empty.yaml').expect).toEqual([]);
  });

  it.each([
    ['objects: [}', /empty\.yaml: invalid YAML/],
    ['- a\n- b', /must be a YAML mapping/],
    ['object: []', /unknown key "object"/],
    ['objects: [{ metadata: { name: x } }]', /objects\[0\] is not a Kubernetes object/],
    ['objects: { kind: Pod }', /must be a list/],
    ['extras: { anonymus: {} }', /unknown extras key "anonymus"/],
    ['expect: [fail]', /`expect` must be a list of mappings/],
    ['cluster: lab', /`cluster` must be/],
    ['description: [a]', /`description` must be a string/],
    ['objects: []\n---\nobjects: []', /one YAML document/],
  ])('rejects %j', (text, message) => {
    expect(() => parseFixture(text, 'empty.yaml')).toThrow(message);
  });
});
