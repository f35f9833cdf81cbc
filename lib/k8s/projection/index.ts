/**
 * Projection of plain Kubernetes JSON objects (as the API returns them) into Inventory entries.
 * Pure and I/O-free: used page-by-page by the live collector and by test fixtures alike.
 *
 * Each `project*` function treats every field as optional even where client-node's types say
 * required, because fixtures and metadata-only lists are partial.
 */
import type {
  V1APIService,
  V1CertificateSigningRequest,
  V1ClusterRole,
  V1ClusterRoleBinding,
  V1ConfigMap,
  V1LimitRange,
  V1MutatingWebhookConfiguration,
  V1Namespace,
  V1NetworkPolicy,
  V1Node,
  V1Pod,
  V1ResourceQuota,
  V1Role,
  V1RoleBinding,
  V1RuntimeClass,
  V1Service,
  V1ServiceAccount,
  V1ValidatingWebhookConfiguration,
  V1Ingress,
} from '@kubernetes/client-node';
import type { ClusterConfigMaps, Inventory } from '../../model/inventory';
import { projectApiService } from './api-service';
import { projectConfigMap } from './config-map';
import { projectCsr } from './csr';
import { projectIngress } from './ingress';
import type { Interner } from './intern';
import { projectLimitRange } from './limit-range';
import { projectNamespace } from './namespace';
import { projectNetworkPolicy } from './network-policy';
import { projectNode } from './node';
import { projectPod } from './pod';
import { projectResourceQuota } from './resource-quota';
import { projectRole } from './role';
import { projectRoleBinding } from './role-binding';
import { projectRuntimeClass } from './runtime-class';
import { type SecretLike, projectSecret } from './secret';
import { projectService } from './service';
import { projectServiceAccount } from './service-account';
import { projectWebhookConfiguration } from './webhook';
import { type WorkloadObject, isWorkloadKind, projectWorkload } from './workload';

export { certificateInfo, certificatesFromPem } from './certificate';
export { Interner, jsonEqual } from './intern';
export { parseCsrRequest } from './csr';
export { REDACTED, isSensitiveKey, redactArgs } from './redact';
export {
  projectApiService,
  projectConfigMap,
  projectCsr,
  projectIngress,
  projectLimitRange,
  projectNamespace,
  projectNetworkPolicy,
  projectNode,
  projectPod,
  projectResourceQuota,
  projectRole,
  projectRoleBinding,
  projectRuntimeClass,
  projectSecret,
  projectService,
  projectServiceAccount,
  projectWebhookConfiguration,
  projectWorkload,
};

/** Inventory fields that hold one entry per Kubernetes object. */
export type ObjectListField =
  | 'nodes'
  | 'namespaces'
  | 'pods'
  | 'workloads'
  | 'services'
  | 'ingresses'
  | 'networkPolicies'
  | 'resourceQuotas'
  | 'limitRanges'
  | 'serviceAccounts'
  | 'roles'
  | 'roleBindings'
  | 'secrets'
  | 'csrs'
  | 'webhooks'
  | 'runtimeClasses'
  | 'apiServices';

/** One projected object and the Inventory field it belongs to. */
export type Projected =
  | { [F in ObjectListField]: { field: F; value: Inventory[F][number] } }[ObjectListField]
  | { field: 'configMaps'; value: Partial<ClusterConfigMaps>; namespace?: string };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The kind to project `obj` as: its own `kind`, else `kindHint` (items of a typed list such as
 * PodList carry no kind). A metadata-only read (`PartialObjectMetadata`, used for Secrets) names
 * no real kind, so the hint wins there.
 */
export function effectiveKind(obj: unknown, kindHint?: string): string | undefined {
  const own = isRecord(obj) && typeof obj['kind'] === 'string' && obj['kind'] ? obj['kind'] : undefined;
  if (own === 'PartialObjectMetadata') return kindHint ?? own;
  return own ?? kindHint;
}

/**
 * Projects one object by its effectiveKind(); unknown kinds and non-objects give `undefined`.
 * With an Interner (one per scan), equal parts of pods and workload templates are shared.
 */
export function projectObject(obj: unknown, kindHint?: string, ix?: Interner): Projected | undefined {
  if (!isRecord(obj)) return undefined;
  const kind = effectiveKind(obj, kindHint);
  // The casts below are the boundary from untyped JSON; projections read every field defensively.
  const o = obj as object;
  if (kind && isWorkloadKind(kind)) return { field: 'workloads', value: projectWorkload(kind, o as WorkloadObject, ix) };
  switch (kind) {
    case 'Pod':
      return { field: 'pods', value: projectPod(o as V1Pod, ix) };
    case 'Node':
      return { field: 'nodes', value: projectNode(o as V1Node) };
    case 'Namespace':
      return { field: 'namespaces', value: projectNamespace(o as V1Namespace) };
    case 'Service':
      return { field: 'services', value: projectService(o as V1Service) };
    case 'Ingress':
      return { field: 'ingresses', value: projectIngress(o as V1Ingress) };
    case 'NetworkPolicy':
      return { field: 'networkPolicies', value: projectNetworkPolicy(o as V1NetworkPolicy) };
    case 'ResourceQuota':
      return { field: 'resourceQuotas', value: projectResourceQuota(o as V1ResourceQuota) };
    case 'LimitRange':
      return { field: 'limitRanges', value: projectLimitRange(o as V1LimitRange) };
    case 'ServiceAccount':
      return { field: 'serviceAccounts', value: projectServiceAccount(o as V1ServiceAccount) };
    case 'Role':
    case 'ClusterRole':
      return { field: 'roles', value: projectRole(kind, o as V1Role | V1ClusterRole) };
    case 'RoleBinding':
    case 'ClusterRoleBinding':
      return { field: 'roleBindings', value: projectRoleBinding(kind, o as V1RoleBinding | V1ClusterRoleBinding) };
    case 'Secret':
      return { field: 'secrets', value: projectSecret(o as SecretLike) };
    case 'CertificateSigningRequest':
      return { field: 'csrs', value: projectCsr(o as V1CertificateSigningRequest) };
    case 'ValidatingWebhookConfiguration':
    case 'MutatingWebhookConfiguration':
      return {
        field: 'webhooks',
        value: projectWebhookConfiguration(kind, o as V1ValidatingWebhookConfiguration | V1MutatingWebhookConfiguration),
      };
    case 'RuntimeClass':
      return { field: 'runtimeClasses', value: projectRuntimeClass(o as V1RuntimeClass) };
    case 'APIService':
      return { field: 'apiServices', value: projectApiService(o as V1APIService) };
    case 'ConfigMap': {
      const cm = o as V1ConfigMap;
      const p: Projected = { field: 'configMaps', value: projectConfigMap(cm) };
      if (cm.metadata?.namespace) p.namespace = cm.metadata.namespace;
      return p;
    }
    default:
      return undefined;
  }
}
