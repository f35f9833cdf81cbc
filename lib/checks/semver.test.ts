import { describe, expect, it } from 'vitest';
import { compareVersionStrings, formatVersion, imageTag, parseVersion, versionAtLeast } from './semver';

describe('parseVersion', () => {
  it.each([
    ['v1.30.2', { major: 1, minor: 30, patch: 2 }],
    ['1.30', { major: 1, minor: 30, patch: 0 }],
    ['containerd://1.7.13', { major: 1, minor: 7, patch: 13 }],
    ['registry.k8s.io/kube-proxy:v1.31.0', { major: 1, minor: 31, patch: 0 }],
    ['5.15.0-1051-aws', { major: 5, minor: 15, patch: 0, vendor: '1051-aws' }],
    ['v1.29.3-eks-adc7111', { major: 1, minor: 29, patch: 3, vendor: 'eks-adc7111' }],
    ['v1.27.3+k3s1', { major: 1, minor: 27, patch: 3, vendor: 'k3s1' }],
    ['6.1.58+', { major: 6, minor: 1, patch: 58, vendor: '+' }],
    ['v1.31.0-rc.1', { major: 1, minor: 31, patch: 0, pre: 'rc.1' }],
  ])('%s', (raw, want) => {
    expect(parseVersion(raw)).toMatchObject(want);
  });

  it('returns undefined for non-versions', () => {
    expect(parseVersion(undefined)).toBeUndefined();
    expect(parseVersion('latest')).toBeUndefined();
    expect(parseVersion('localhost:5000/img')).toBeUndefined();
  });
});

describe('compareVersionStrings', () => {
  it('orders numerically, not lexically', () => {
    expect(compareVersionStrings('1.9.0', '1.10.0')).toBe(-1);
    expect(compareVersionStrings('1.30.10', '1.30.9')).toBe(1);
  });
  it('puts pre-releases before the release', () => {
    expect(compareVersionStrings('1.31.0-rc.1', '1.31.0')).toBe(-1);
    expect(compareVersionStrings('1.31.0-alpha.2', '1.31.0-beta.0')).toBe(-1);
  });
  it('ignores vendor markers', () => {
    expect(compareVersionStrings('v1.29.3-eks-abc', '1.29.3')).toBe(0);
  });
});

describe('helpers', () => {
  it('versionAtLeast', () => {
    const v = parseVersion('v1.30.0');
    expect(v && versionAtLeast(v, '1.30.0')).toBe(true);
    expect(v && versionAtLeast(v, '1.30.1')).toBe(false);
  });
  it('formatVersion drops vendor noise', () => {
    const v = parseVersion('v1.29.3-eks-adc7111');
    expect(v && formatVersion(v)).toBe('1.29.3');
  });
  it('imageTag', () => {
    expect(imageTag('registry.k8s.io/ingress-nginx/controller:v1.12.1@sha256:abc')).toBe('v1.12.1');
    expect(imageTag('localhost:5000/coredns')).toBeUndefined();
  });
});
