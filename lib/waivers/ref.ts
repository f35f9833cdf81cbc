import type { ObjectRef } from '../model/architecture';

/** `Pod kube-system/etcd-cp-1`, `ClusterRole ops`: the form waivers and diff keys use. */
export function refString(ref: ObjectRef): string {
  return ref.namespace ? `${ref.kind} ${ref.namespace}/${ref.name}` : `${ref.kind} ${ref.name}`;
}
