import { describe, expect, it } from 'vitest';
import { projectConfigMap } from './config-map';
import { CA_PEM } from './testdata';

const cm = (namespace: string, name: string, data: Record<string, string>) => ({ metadata: { namespace, name }, data });

describe('projectConfigMap', () => {
  it('keeps only the config keys checks read', () => {
    expect(projectConfigMap(cm('kube-system', 'kubeadm-config', { ClusterConfiguration: 'apiServer: {}', other: 'x' }))).toEqual({
      kubeadmClusterConfiguration: 'apiServer: {}',
    });
    expect(projectConfigMap(cm('kube-system', 'kubelet-config', { kubelet: 'readOnlyPort: 0' }))).toEqual({ kubeletConfiguration: 'readOnlyPort: 0' });
    expect(projectConfigMap(cm('kube-system', 'kubelet-config-1.23', { kubelet: 'a: 1' }))).toEqual({ kubeletConfiguration: 'a: 1' });
    expect(projectConfigMap(cm('kube-system', 'kube-proxy', { 'config.conf': 'mode: ipvs', 'kubeconfig.conf': 'token' }))).toEqual({
      kubeProxyConfiguration: 'mode: ipvs',
    });
  });

  it('ignores other ConfigMaps, the same names outside kube-system, and missing keys', () => {
    expect(projectConfigMap(cm('default', 'kube-proxy', { 'config.conf': 'x' }))).toEqual({});
    expect(projectConfigMap(cm('kube-system', 'coredns', { Corefile: 'x' }))).toEqual({});
    expect(projectConfigMap(cm('kube-system', 'kubeadm-config', {}))).toEqual({});
  });

  it('parses kube-root-ca.crt in any namespace', () => {
    expect(projectConfigMap(cm('default', 'kube-root-ca.crt', { 'ca.crt': CA_PEM })).rootCA?.subject).toBe('CN=kubernetes');
    expect(projectConfigMap(cm('default', 'kube-root-ca.crt', { 'ca.crt': 'nope' }))).toEqual({});
  });
});
