import type { V1Namespace } from '@kubernetes/client-node';
import type { NamespaceInfo } from '../../model/inventory';
import { projectMeta } from './meta';

export function projectNamespace(ns: V1Namespace): NamespaceInfo {
  const out: NamespaceInfo = { meta: projectMeta(ns.metadata) };
  if (ns.status?.phase) out.phase = ns.status.phase;
  return out;
}
