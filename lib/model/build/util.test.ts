import { describe, expect, it } from 'vitest';
import { executable, imageRepo, imageTag, parseEndpoints, versionFromImage } from './util';

describe('image helpers', () => {
  it.each([
    ['registry.k8s.io/coredns/coredns:v1.11.3', 'coredns/coredns', 'v1.11.3'],
    ['nginx', 'nginx', undefined],
    ['localhost:5000/app', 'app', undefined],
    ['localhost:5000/team/app:1.2@sha256:abc', 'team/app', '1.2'],
    ['docker.io/calico/node:v3.28.0', 'calico/node', 'v3.28.0'],
    ['calico/node:v3.28.0', 'calico/node', 'v3.28.0'],
  ])('%s', (image, repo, tag) => {
    expect(imageRepo(image)).toBe(repo);
    expect(imageTag(image)).toBe(tag);
  });

  it('accepts only version-looking tags as versions', () => {
    expect(versionFromImage('x:v1.31.2-eks-1')).toBe('v1.31.2-eks-1');
    expect(versionFromImage('x:latest')).toBeUndefined();
  });
});

describe('executable', () => {
  const c = (command?: string[]) => ({ name: 'c', image: 'i', ports: [], env: [], envFromSecrets: [], resources: {}, volumeMounts: [], ...(command ? { command } : {}) });
  it('takes the basename of command[0], unwrapping hyperkube', () => {
    expect(executable(c(['/usr/local/bin/kube-apiserver', '--x']))).toBe('kube-apiserver');
    expect(executable(c(['/hyperkube', 'kube-apiserver']))).toBe('kube-apiserver');
    expect(executable(c())).toBeUndefined();
  });
});

describe('parseEndpoints', () => {
  it('splits --etcd-servers', () => {
    expect(parseEndpoints('https://10.0.0.1:2379, http://[::1]:2379,etcd.local:2379')).toEqual([
      { url: 'https://10.0.0.1:2379', scheme: 'https', hostPort: '10.0.0.1:2379', host: '10.0.0.1' },
      { url: 'http://[::1]:2379', scheme: 'http', hostPort: '[::1]:2379', host: '::1' },
      { url: 'etcd.local:2379', scheme: '', hostPort: 'etcd.local:2379', host: 'etcd.local' },
    ]);
    expect(parseEndpoints(undefined)).toEqual([]);
  });
});
