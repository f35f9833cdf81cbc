/**
 * etcd outside the cluster's pods: when no etcd pod is visible, the API servers'
 * `--etcd-servers` name the members, and each endpoint becomes an external etcd component.
 */
import type { Component } from '../architecture';
import { externalEtcdId } from '../ids';
import type { CpInstance } from './control-plane';
import { compareStrings, facts, isLoopback, parseEndpoints, refText } from './util';

export interface ExternalEtcd {
  /** Endpoints as written in `--etcd-servers`, sorted and de-duplicated. */
  endpoints: string[];
  components: Component[];
}

export function externalEtcd(instances: readonly CpInstance[]): ExternalEtcd {
  const byId = new Map<string, { url: string; hostPort: string; scheme: string; host: string; from: string[] }>();
  for (const api of instances) {
    if (api.type !== 'kube-apiserver') continue;
    for (const ep of parseEndpoints(api.flags['etcd-servers'])) {
      const id = externalEtcdId(ep.url);
      const entry = byId.get(id) ?? { ...ep, from: [] };
      entry.from.push(refText(api.source));
      byId.set(id, entry);
    }
  }
  const components: Component[] = [];
  for (const [id, ep] of [...byId].sort(([a], [b]) => compareStrings(a, b))) {
    components.push({
      id,
      type: 'etcd',
      name: `etcd (external) ${ep.hostPort}`,
      layer: 'control-plane',
      facts: facts({
        external: true,
        endpoint: ep.url,
        scheme: ep.scheme,
        // 127.0.0.1 from each API server means "the etcd on that API server's host", outside any pod.
        loopback: isLoopback(ep.host) || undefined,
        source: `--etcd-servers of ${ep.from.join(', ')}`,
      }),
      objects: [],
    });
  }
  const endpoints = [...new Set([...byId.values()].map((e) => e.url))].sort(compareStrings);
  return { endpoints, components };
}
