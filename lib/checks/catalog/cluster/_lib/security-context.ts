/**
 * Effective security settings of a container: the container's securityContext wins over the
 * pod's, as the kubelet applies them. Each getter also says *where* the value came from so the
 * evidence names the field that actually decided.
 */
import type { ContainerInfo, PodSpecInfo } from '../../../../model/inventory';

export interface Effective<T> {
  value: T | undefined;
  /** Field path relative to the pod spec, or undefined when neither level sets it. */
  field?: string;
}

type Key = 'runAsNonRoot' | 'runAsUser' | 'seccompProfile' | 'appArmorProfile' | 'seLinuxOptions' | 'windowsHostProcess';

/** `<path>.securityContext.<k>`, made once per container path and key (paths repeat across specs). */
const containerFields = new Map<string, Map<Key, string>>();

function containerField(path: string, k: Key): string {
  let byKey = containerFields.get(path);
  if (!byKey) {
    byKey = new Map();
    if (containerFields.size < 1_000) containerFields.set(path, byKey);
  }
  let field = byKey.get(k);
  if (field === undefined) {
    field = `${path}.securityContext.${k}`;
    byKey.set(k, field);
  }
  return field;
}

const POD_FIELDS: Record<Key, string> = {
  runAsNonRoot: 'securityContext.runAsNonRoot',
  runAsUser: 'securityContext.runAsUser',
  seccompProfile: 'securityContext.seccompProfile',
  appArmorProfile: 'securityContext.appArmorProfile',
  seLinuxOptions: 'securityContext.seLinuxOptions',
  windowsHostProcess: 'securityContext.windowsHostProcess',
};

export function effective<K extends Key>(
  spec: PodSpecInfo,
  c: ContainerInfo,
  path: string,
  k: K,
): Effective<NonNullable<ContainerInfo['securityContext']>[K]> {
  const own = c.securityContext?.[k];
  if (own !== undefined) return { value: own, field: containerField(path, k) };
  const pod = spec.securityContext?.[k];
  if (pod !== undefined) return { value: pod, field: POD_FIELDS[k] };
  return { value: undefined };
}

/** effective(…).value without the object: what checks test for every container. */
export function effectiveValue<K extends Key>(spec: PodSpecInfo, c: ContainerInfo, k: K): NonNullable<ContainerInfo['securityContext']>[K] | undefined {
  const own = c.securityContext?.[k];
  return own !== undefined ? own : spec.securityContext?.[k];
}

const normalized = new Map<string, string>();

/** `CAP_SYS_ADMIN`, `sys_admin` → `SYS_ADMIN` (remembered: the same few names repeat everywhere). */
export function normCap(cap: string): string {
  let out = normalized.get(cap);
  if (out === undefined) {
    out = String(cap).toUpperCase().replace(/^CAP_/, '');
    if (normalized.size < 10_000) normalized.set(cap, out);
  }
  return out;
}
