import { load } from 'js-yaml';
import { CLUSTER_ID } from '../../../model/ids';
import { componentsOfType, evidence, firstMissing, hostOf, isLoopbackHost, resultAt, resultFor } from '../../helpers';
import { catalogue, cis, kubescape } from '../../refs';
import { defineCheck, type Evidence } from '../../types';

const CONFIG_SOURCE = 'ConfigMap kube-system/kube-proxy · config.conf · metricsBindAddress';

/** `metricsBindAddress` from the kube-proxy ConfigMap: a string, '' when unset, undefined when unreadable. */
function configured(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    const doc = load(text);
    if (typeof doc !== 'object' || doc === null) return '';
    const v = (doc as Record<string, unknown>)['metricsBindAddress'];
    return typeof v === 'string' ? v : '';
  } catch {
    return undefined;
  }
}

export default defineCheck({
  id: 'kube-proxy-metrics-bind-address',
  title: 'kube-proxy serves metrics on loopback only',
  description:
    'kube-proxy metrics (port 10249) are served without authentication. Bound to 0.0.0.0 they reveal Service and endpoint details to anyone on the node network. ' +
    'The value comes from the --metrics-bind-address flag, else the kube-proxy ConfigMap; empty means the default 127.0.0.1:10249.',
  component: 'kube-proxy',
  area: 'network',
  severity: 'medium',
  tier: 'api',
  references: [cis('4.3.1'), kubescape('C-0291'), catalogue('KP-01')],
  remediation:
    'Set `metricsBindAddress: 127.0.0.1:10249` in the kube-proxy ConfigMap (`kubectl -n kube-system edit configmap kube-proxy`, key config.conf) and restart the DaemonSet: `kubectl -n kube-system rollout restart daemonset kube-proxy`.',
  evaluate({ inv, arch }) {
    const proxies = componentsOfType(arch, 'kube-proxy');
    const fromConfig = configured(inv.configMaps.kubeProxyConfiguration);
    if (proxies.length === 0) {
      const why = firstMissing(inv, ['DaemonSet', 'Pod'], 'kube-system');
      return why
        ? [resultAt(CLUSTER_ID, 'unknown', `Cannot evaluate: ${why}.`, [])]
        : [resultAt(CLUSTER_ID, 'not-applicable', 'kube-proxy does not run in this cluster (a CNI may replace it).', [])];
    }
    return proxies.map((c) => {
      // With --config, kube-proxy takes its settings from that file (kubeadm: the ConfigMap).
      const fromFile = c.flags?.['config'] !== undefined && fromConfig !== undefined;
      const flag = fromFile ? undefined : c.flags?.['metrics-bind-address'];
      const value = flag ?? fromConfig;
      const ev: Evidence[] = [
        flag !== undefined
          ? evidence('127.0.0.1:10249', flag, `${c.name} · --metrics-bind-address`)
          : evidence('127.0.0.1:10249', fromConfig === '' ? '(not set: default 127.0.0.1:10249)' : (fromConfig ?? 'not readable'), CONFIG_SOURCE),
      ];
      if (value === undefined) {
        const why = firstMissing(inv, ['ConfigMap'], 'kube-system') ?? 'neither the kube-proxy flags nor its ConfigMap are visible';
        return resultFor(c, 'unknown', `Cannot evaluate: ${why}.`, ev);
      }
      if (value === '') return resultFor(c, 'pass', 'Metrics use the default loopback address.', ev);
      const host = hostOf(value);
      return isLoopbackHost(host)
        ? resultFor(c, 'pass', `Metrics are served on ${value} only.`, ev)
        : resultFor(c, 'fail', `Metrics are served without authentication on ${value}.`, ev);
    });
  },
});
