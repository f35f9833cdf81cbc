/**
 * ConfigMaps: only the few keys checks read are projected; every other ConfigMap, and every
 * other key of these, is ignored (ConfigMaps often hold credentials in practice).
 *
 *   kube-system/kubeadm-config   ClusterConfiguration → kubeadmClusterConfiguration
 *   kube-system/kubelet-config   kubelet              → kubeletConfiguration (also kubelet-config-1.NN)
 *   kube-system/kube-proxy       config.conf          → kubeProxyConfiguration
 *   <any ns>/kube-root-ca.crt    ca.crt               → rootCA (first certificate)
 */
import type { V1ConfigMap } from '@kubernetes/client-node';
import type { ClusterConfigMaps } from '../../model/inventory';
import { certificatesFromPem } from './certificate';
import { dropUndefined } from './meta';

export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';

export function projectConfigMap(cm: V1ConfigMap): Partial<ClusterConfigMaps> {
  const ns = cm.metadata?.namespace;
  const name = cm.metadata?.name;
  const key = (k: string): string | undefined => {
    const v = cm.data?.[k];
    return typeof v === 'string' ? v : undefined;
  };
  if (name === ROOT_CA_CONFIGMAP) {
    const [first] = certificatesFromPem(key('ca.crt') ?? '');
    return first ? { rootCA: first } : {};
  }
  if (ns !== 'kube-system') return {};
  if (name === 'kubeadm-config') return dropUndefined<Partial<ClusterConfigMaps>>({ kubeadmClusterConfiguration: key('ClusterConfiguration') });
  // kubeadm < 1.24 named it kubelet-config-1.23 and so on.
  if (name && /^kubelet-config(-\d+\.\d+)?$/.test(name)) return dropUndefined<Partial<ClusterConfigMaps>>({ kubeletConfiguration: key('kubelet') });
  if (name === 'kube-proxy') return dropUndefined<Partial<ClusterConfigMaps>>({ kubeProxyConfiguration: key('config.conf') });
  return {};
}

