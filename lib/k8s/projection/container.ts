/**
 * Container projection. Env vars keep their *name and source* only: a literal value may be a
 * password, and a reference value is not ours to read. command/args go through redactArgs().
 */
import type { V1Container, V1EnvVar, V1EphemeralContainer } from '@kubernetes/client-node';
import type { ContainerInfo, EnvVarInfo, ResourceAmounts } from '../../model/inventory';
import { dropUndefined, list } from './meta';
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
  const out = dropUndefined<ResourceAmounts>({ cpu: quantity(map['cpu']), memory: quantity(map['memory']) });
  return Object.keys(out).length > 0 ? out : undefined;
}

/** YAML fixtures may write `cpu: 1`; the API always sends strings. */
function quantity(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

export function projectContainer(c: V1Container | V1EphemeralContainer): ContainerInfo {
  const out: ContainerInfo = {
    name: c.name ?? '',
    image: c.image ?? '',
    ports: list(c.ports).map((p) =>
      dropUndefined({ containerPort: p.containerPort, hostPort: p.hostPort, protocol: p.protocol }),
    ),
    env: list(c.env).map(projectEnvVar),
    envFromSecrets: list(c.envFrom).flatMap((f) => (f.secretRef?.name ? [f.secretRef.name] : [])),
    resources: dropUndefined({ requests: amounts(c.resources?.requests), limits: amounts(c.resources?.limits) }),
    volumeMounts: list(c.volumeMounts).map((m) =>
      dropUndefined({ name: m.name ?? '', mountPath: m.mountPath ?? '', readOnly: m.readOnly }),
    ),
  };
  if (c.imagePullPolicy) out.imagePullPolicy = c.imagePullPolicy;
  if (c.command) out.command = redactArgs(c.command);
  if (c.args) out.args = redactArgs(c.args);
  const sc = projectSecurityContext(c.securityContext);
  if (sc) out.securityContext = sc;
  return out;
}
