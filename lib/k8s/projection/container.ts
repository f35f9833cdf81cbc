/**
 * Container projection. Env vars keep their *name and source* only: a literal value may be a
 * password, and a reference value is not ours to read. command/args go through redactArgs().
 *
 * This runs once per container of every pod (300,000 times at 150,000 pods), so it builds its
 * objects field by field instead of spreading and filtering, and shares equal results through
 * the scan's Interner when one is given.
 */
import type { V1Container, V1EnvVar, V1EphemeralContainer } from '@kubernetes/client-node';
import type { ContainerInfo, EnvVarInfo, ResourceAmounts } from '../../model/inventory';
import { EMPTY_ARRAY, eqContainer, eqEnvs, eqMounts, type Interner } from './intern';
import { redactArgs } from './redact';
import { projectSecurityContext } from './security-context';

export function projectEnvVar(e: V1EnvVar): EnvVarInfo {
  const name = e.name ?? '';
  const from = e.valueFrom;
  if (from?.secretKeyRef) return { name, source: 'secret', ref: from.secretKeyRef.name ?? '' };
  if (from?.configMapKeyRef) return { name, source: 'configmap', ref: from.configMapKeyRef.name ?? '' };
  if (from?.fieldRef) return { name, source: 'field' };
  if (from?.resourceFieldRef) return { name, source: 'resource' };
  if (from?.fileKeyRef) return { name, source: 'file' };
  // `value: ""` and a missing value both mean an empty variable.
  return { name, source: e.value ? 'literal' : 'empty' };
}

function amounts(map: Record<string, string> | undefined): ResourceAmounts | undefined {
  if (!map) return undefined;
  const cpu = quantity(map['cpu']);
  const memory = quantity(map['memory']);
  if (cpu === undefined && memory === undefined) return undefined;
  const out: ResourceAmounts = {};
  if (cpu !== undefined) out.cpu = cpu;
  if (memory !== undefined) out.memory = memory;
  return out;
}

/** YAML fixtures may write `cpu: 1`; the API always sends strings. */
function quantity(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

type Port = ContainerInfo['ports'][number];
type Mount = ContainerInfo['volumeMounts'][number];

function ports(list: V1Container['ports']): Port[] {
  if (!Array.isArray(list) || list.length === 0) return [];
  const out: Port[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const p = list[i] as NonNullable<V1Container['ports']>[number];
    const o = {} as Port;
    if (p.containerPort !== undefined) o.containerPort = p.containerPort;
    if (p.hostPort !== undefined) o.hostPort = p.hostPort;
    if (p.protocol !== undefined) o.protocol = p.protocol;
    out[i] = o;
  }
  return out;
}

function mounts(list: V1Container['volumeMounts'], rename: VolumeRename | undefined): Mount[] {
  if (!Array.isArray(list) || list.length === 0) return [];
  const out: Mount[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const m = list[i] as NonNullable<V1Container['volumeMounts']>[number];
    const name = m.name ?? '';
    const o: Mount = { name: rename && name === rename.from ? rename.to : name, mountPath: m.mountPath ?? '' };
    if (m.readOnly !== undefined) o.readOnly = m.readOnly;
    out[i] = o;
  }
  return out;
}

function envVars(list: V1Container['env']): EnvVarInfo[] {
  if (!Array.isArray(list) || list.length === 0) return [];
  const out: EnvVarInfo[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) out[i] = projectEnvVar(list[i] as V1EnvVar);
  return out;
}

function envFromSecrets(list: V1Container['envFrom']): string[] {
  if (!Array.isArray(list) || list.length === 0) return [];
  const out: string[] = [];
  for (const f of list) if (f.secretRef?.name) out.push(f.secretRef.name);
  return out;
}

/** A pod-level volume name replaced by a canonical one (see projectPodSpec): its mounts follow. */
export interface VolumeRename {
  from: string;
  to: string;
}

export function projectContainer(c: V1Container | V1EphemeralContainer, ix?: Interner, rename?: VolumeRename): ContainerInfo {
  const res = c.resources;
  const resources: ContainerInfo['resources'] = {};
  const requests = amounts(res?.requests);
  if (requests) resources.requests = requests;
  const limits = amounts(res?.limits);
  if (limits) resources.limits = limits;
  const out: ContainerInfo = {
    name: c.name ?? '',
    image: c.image ?? '',
    ports: ports(c.ports),
    env: envVars(c.env),
    envFromSecrets: envFromSecrets(c.envFrom),
    resources,
    volumeMounts: mounts(c.volumeMounts, rename),
  };
  if (c.imagePullPolicy) out.imagePullPolicy = c.imagePullPolicy;
  if (c.command) out.command = ix ? ix.redacted(c.command) : redactArgs(c.command);
  if (c.args) out.args = ix ? ix.redacted(c.args) : redactArgs(c.args);
  const sc = projectSecurityContext(c.securityContext);
  if (sc) out.securityContext = sc;
  if (!ix) return out;
  const shared = ix.share(`c\0${out.name}\0${out.image}`, out, eqContainer);
  if (shared !== out) return shared;
  // A new variant: its parts may still repeat elsewhere (sidecars with the same env, mounts).
  if (out.env.length > 0) out.env = ix.share(`e\0${out.env.length}\0${out.env[0]?.name}`, out.env, eqEnvs);
  if (out.volumeMounts.length > 0) out.volumeMounts = ix.share(`m\0${out.volumeMounts.length}\0${out.volumeMounts[0]?.mountPath}`, out.volumeMounts, eqMounts);
  if (out.ports.length === 0) out.ports = EMPTY_ARRAY;
  if (out.envFromSecrets.length === 0) out.envFromSecrets = EMPTY_ARRAY;
  return out;
}
