/**
 * Sharing of identical projected parts across objects. The pods of one ReplicaSet or DaemonSet
 * (and the ReplicaSet's own template) project to equal containers, volumes, labels and owner
 * references; keeping one copy of each cuts the inventory's heap several-fold at 150,000 pods.
 *
 * A value is shared only when it is deep-equal, key order included, to one seen before, so the
 * inventory's content and its JSON stay byte-for-byte what they would be without sharing. The
 * inventory is treated as immutable downstream (checks and the model only read it); a deep-frozen
 * inventory passes the whole catalogue (lib/k8s/projection/budget.test.ts).
 *
 * Candidates are bucketed by a cheap key (a container's name and image, a label map's first
 * entry …) and each bucket keeps the few most recently seen values: list order keeps the replicas
 * of one controller next to each other, so the last few values are the ones that repeat.
 */

import type { ContainerInfo, OwnerRef, VolumeInfo } from '../../model/inventory';
import { redactArgs } from './redact';

/** Candidates remembered per bucket. */
const BUCKET_SIZE = 4;

/** Structural equality of JSON-safe values; object key order counts (JSON output must not change). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i] as string;
    if (k !== kb[i]) return false;
    if (!jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

export class Interner {
  private readonly buckets = new Map<string, unknown[]>();
  private readonly strings = new Map<string, string>();
  private readonly redactions = new Map<string, string[]>();
  /** Values returned shared (a counter for tests and the budget guard). */
  hits = 0;
  misses = 0;

  /**
   * A value deep-equal to `value` seen before under `key`, or `value` itself (now remembered).
   * `eq` must agree with jsonEqual; the typed comparators below are faster for hot shapes.
   */
  share<T>(key: string, value: T, eq: (a: T, b: T) => boolean = jsonEqual): T {
    const bucket = this.buckets.get(key);
    if (bucket === undefined) {
      this.buckets.set(key, [value]);
      this.misses++;
      return value;
    }
    for (let i = 0; i < bucket.length; i++) {
      const candidate = bucket[i];
      if (eq(candidate as T, value)) {
        if (i > 0) {
          // Most recently used first.
          bucket.splice(i, 1);
          bucket.unshift(candidate);
        }
        this.hits++;
        return candidate as T;
      }
    }
    bucket.unshift(value);
    if (bucket.length > BUCKET_SIZE) bucket.pop();
    this.misses++;
    return value;
  }

  /** redactArgs(argv), computed once per distinct argv (replicas repeat their args). */
  redacted(argv: readonly string[]): string[] {
    if (!Array.isArray(argv)) return redactArgs(argv);
    let key = '';
    for (const a of argv) {
      if (typeof a !== 'string') return redactArgs(argv);
      key += `${a.length}:${a}`;
    }
    const hit = this.redactions.get(key);
    if (hit !== undefined) return hit;
    const out = redactArgs(argv);
    if (this.redactions.size < 100_000) this.redactions.set(key, out);
    return out;
  }

  /** One copy of a repeated string (node, namespace and service-account names). */
  str(s: string): string {
    const hit = this.strings.get(s);
    if (hit !== undefined) return hit;
    if (this.strings.size < 1_000_000) this.strings.set(s, s);
    return s;
  }
}

// ---------------------------------------------------------------------------------------------
// Typed comparators. Projections build their objects in a fixed key order, so for them "same
// fields present with equal values" is the same as jsonEqual; written out per shape they avoid
// the generic walk's keyed lookups (~10× faster on a container). The `Record<keyof …>` lists
// make the compiler fail when a field is added to a shape without adding it here.

type Str = string | undefined | null;

function eqStrings(a: readonly Str[] | undefined, b: readonly Str[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function eqArrays<T>(a: readonly T[] | undefined, b: readonly T[] | undefined, eq: (x: T, y: T) => boolean): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!eq(a[i] as T, b[i] as T)) return false;
  return true;
}

/** String maps (labels, annotations): same keys in the same order, equal values. */
export function eqStringMap(a: Record<string, string>, b: Record<string, string>): boolean {
  if (a === b) return true;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i] as string;
    if (k !== kb[i] || a[k] !== b[k]) return false;
  }
  return true;
}

const CONTAINER_FIELDS: Record<keyof ContainerInfo, true> = {
  name: true, image: true, imagePullPolicy: true, command: true, args: true, ports: true, env: true,
  envFromSecrets: true, securityContext: true, resources: true, volumeMounts: true,
};
const VOLUME_FIELDS: Record<keyof VolumeInfo, true> = {
  name: true, hostPath: true, secretName: true, configMapName: true, projectedServiceAccountToken: true, emptyDir: true, persistentVolumeClaim: true,
};
/** For tests: the fields eqContainer and eqVolume compare. */
export const COMPARED_FIELDS = { container: Object.keys(CONTAINER_FIELDS), volume: Object.keys(VOLUME_FIELDS) };

type Port = ContainerInfo['ports'][number];
type Env = ContainerInfo['env'][number];
type Mount = ContainerInfo['volumeMounts'][number];
type Amounts = ContainerInfo['resources']['requests'];

const eqPort = (a: Port, b: Port) => a.containerPort === b.containerPort && a.hostPort === b.hostPort && a.protocol === b.protocol;
const eqEnv = (a: Env, b: Env) => a.name === b.name && a.source === b.source && a.ref === b.ref;
const eqMount = (a: Mount, b: Mount) => a.name === b.name && a.mountPath === b.mountPath && a.readOnly === b.readOnly;
const eqAmounts = (a: Amounts, b: Amounts) => a === b || (a !== undefined && b !== undefined && a.cpu === b.cpu && a.memory === b.memory);

/** jsonEqual for projected containers (projectContainer's key order). */
export function eqContainer(a: ContainerInfo, b: ContainerInfo): boolean {
  return (
    a === b ||
    (a.name === b.name &&
      a.image === b.image &&
      a.imagePullPolicy === b.imagePullPolicy &&
      eqStrings(a.command, b.command) &&
      eqStrings(a.args, b.args) &&
      eqArrays(a.ports, b.ports, eqPort) &&
      eqArrays(a.env, b.env, eqEnv) &&
      eqStrings(a.envFromSecrets, b.envFromSecrets) &&
      eqAmounts(a.resources.requests, b.resources.requests) &&
      eqAmounts(a.resources.limits, b.resources.limits) &&
      eqArrays(a.volumeMounts, b.volumeMounts, eqMount) &&
      (a.securityContext === b.securityContext || jsonEqual(a.securityContext, b.securityContext)))
  );
}

/** jsonEqual for projected volumes (projectVolume's key order). */
export function eqVolume(a: VolumeInfo, b: VolumeInfo): boolean {
  return (
    a === b ||
    (a.name === b.name &&
      a.secretName === b.secretName &&
      a.configMapName === b.configMapName &&
      a.projectedServiceAccountToken === b.projectedServiceAccountToken &&
      a.emptyDir === b.emptyDir &&
      a.persistentVolumeClaim === b.persistentVolumeClaim &&
      (a.hostPath === b.hostPath || (a.hostPath !== undefined && b.hostPath !== undefined && a.hostPath.path === b.hostPath.path && a.hostPath.type === b.hostPath.type)))
  );
}

export const eqContainers = (a: ContainerInfo[], b: ContainerInfo[]) => eqArrays(a, b, eqContainer);
export const eqVolumes = (a: VolumeInfo[], b: VolumeInfo[]) => eqArrays(a, b, eqVolume);
export const eqEnvs = (a: Env[], b: Env[]) => eqArrays(a, b, eqEnv);
export const eqMounts = (a: Mount[], b: Mount[]) => eqArrays(a, b, eqMount);
export const eqOwners = (a: OwnerRef[], b: OwnerRef[]) => eqArrays(a, b, (x, y) => x.kind === y.kind && x.name === y.name && x.controller === y.controller);
type Toleration = { key?: string; operator?: string; effect?: string };
export const eqTolerations = (a: Toleration[], b: Toleration[]) => eqArrays(a, b, (x, y) => x.key === y.key && x.operator === y.operator && x.effect === y.effect);

/** Shared empty containers: most pods have no init or ephemeral containers, no tolerations. */
export const EMPTY_ARRAY: never[] = Object.freeze([]) as unknown as never[];
