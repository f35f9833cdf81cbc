import { describe, expect, it } from 'vitest';
import { isSensitivePath, normPath, runtimeSocketIn } from './host-paths';
import { isPinned, parseImage, tagVersion, versionLess } from './images';
import { parseQuantity } from './quantity';
import { looksLikeCredential } from './credentials';

describe('parseQuantity', () => {
  it.each([
    ['500m', 0.5],
    ['2', 2],
    ['1Gi', 2 ** 30],
    ['1G', 1e9],
    ['9728Mi', 9728 * 2 ** 20],
    ['1e3', 1000],
    ['1.5k', 1500],
  ])('%s', (q, n) => expect(parseQuantity(q)).toBeCloseTo(n));
  it('rejects garbage', () => {
    expect(parseQuantity('lots')).toBeUndefined();
    expect(parseQuantity('1Xi')).toBeUndefined();
  });
});

describe('isPinned', () => {
  it.each(['nginx', 'nginx:', 'nginx:latest', 'nginx:1.27', 'nginx@', 'nginx@sha256:abc', 'nginx:latest@sha256:abc', 'registry:5000/app', 'registry:5000/app:latest', 'registry:5000/app:v2', 'reg/app:latestx', 'reg/app:Latest', ':@', '@', 'a:b/c'])(
    'agrees with parseImage on %s',
    (image) => {
      const img = parseImage(image);
      expect(isPinned(image)).toBe(Boolean(img.digest) || (img.tag !== undefined && img.tag !== 'latest'));
    },
  );
});

describe('parseImage', () => {
  it('splits registry ports, tags and digests', () => {
    expect(parseImage('nginx')).toEqual({ name: 'nginx' });
    expect(parseImage('nginx:1.27')).toEqual({ name: 'nginx', tag: '1.27' });
    expect(parseImage('registry:5000/team/app')).toEqual({ name: 'registry:5000/team/app' });
    expect(parseImage('registry:5000/team/app:v2@sha256:abc')).toEqual({ name: 'registry:5000/team/app', tag: 'v2', digest: 'sha256:abc' });
  });
  it('reads versions from tags', () => {
    expect(tagVersion('v1.11.3')).toEqual([1, 11, 3]);
    expect(tagVersion('latest')).toBeUndefined();
    expect(versionLess([1, 11, 3], [1, 11, 5])).toBe(true);
    expect(versionLess([1, 12, 0], [1, 11, 5])).toBe(false);
  });
});

describe('host paths', () => {
  it('flags sensitive paths, their parents and their children', () => {
    expect(isSensitivePath('/')).toBe(true);
    expect(isSensitivePath('/etc/kubernetes/pki')).toBe(true);
    expect(isSensitivePath('/var')).toBe(true); // contains /var/lib/kubelet
    expect(isSensitivePath('/var/lib/app-data')).toBe(false);
    expect(isSensitivePath('/mnt/cache')).toBe(false);
    expect(normPath('//run//containerd/')).toBe('/run/containerd');
  });
  it('finds runtime sockets in directories that hold them', () => {
    expect(runtimeSocketIn('/var/run/docker.sock')).toBe('/var/run/docker.sock');
    expect(runtimeSocketIn('/run/containerd')).toBe('/run/containerd/containerd.sock');
    expect(runtimeSocketIn('/')).toBeDefined();
    expect(runtimeSocketIn('/var/log')).toBeUndefined();
  });
});

describe('credential-looking env names', () => {
  it.each(['DB_PASSWORD', 'API_KEY', 'GITHUB_TOKEN', 'aws_secret_access_key', 'PRIVATE_KEY', 'DATABASE_CONNECTION_STRING'])('%s is a credential', (n) =>
    expect(looksLikeCredential(n)).toBe(true),
  );
  it.each(['PASSWORD_FILE', 'TOKEN_URL', 'SECRET_NAME', 'LOG_LEVEL', 'KEYCLOAK_REALM', 'AUTHOR'])('%s is not', (n) => expect(looksLikeCredential(n)).toBe(false));
});
