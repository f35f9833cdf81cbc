/**
 * Workload controllers: Deployment, DaemonSet, StatefulSet, ReplicaSet, Job, CronJob. Checks
 * evaluate at controller level (like Polaris/kubescape), so the pod template is projected like a pod.
 */
import type {
  V1CronJob,
  V1DaemonSet,
  V1Deployment,
  V1Job,
  V1PodTemplateSpec,
  V1ReplicaSet,
  V1StatefulSet,
} from '@kubernetes/client-node';
import type { WorkloadInfo, WorkloadKind } from '../../model/inventory';
import type { Interner } from './intern';
import { filterAnnotations, projectMeta, shareMap, stringMap } from './meta';
import { projectPodSpec } from './pod-spec';

export const WORKLOAD_KINDS: readonly WorkloadKind[] = [
  'Deployment',
  'DaemonSet',
  'StatefulSet',
  'ReplicaSet',
  'Job',
  'CronJob',
];

export type WorkloadObject = V1Deployment | V1DaemonSet | V1StatefulSet | V1ReplicaSet | V1Job | V1CronJob;

export function isWorkloadKind(kind: string): kind is WorkloadKind {
  return (WORKLOAD_KINDS as readonly string[]).includes(kind);
}

function template(t: V1PodTemplateSpec | undefined, ix?: Interner): WorkloadInfo['template'] {
  const labels = stringMap(t?.metadata?.labels);
  const annotations = filterAnnotations(t?.metadata?.annotations);
  return {
    meta: ix ? { labels: shareMap(ix, 'L', labels), annotations: shareMap(ix, 'A', annotations) } : { labels, annotations },
    spec: projectPodSpec(t?.spec, ix),
  };
}

/** Desired and ready counts; what "replicas" means differs per kind. */
function counts(kind: WorkloadKind, obj: WorkloadObject): { replicas?: number; readyReplicas?: number } {
  switch (kind) {
    case 'DaemonSet': {
      const st = (obj as V1DaemonSet).status;
      return { replicas: st?.desiredNumberScheduled, readyReplicas: st?.numberReady };
    }
    case 'Job': {
      const j = obj as V1Job;
      return { replicas: j.spec?.parallelism, readyReplicas: j.status?.ready };
    }
    case 'CronJob':
      return {};
    default: {
      const o = obj as V1Deployment | V1StatefulSet | V1ReplicaSet;
      return { replicas: o.spec?.replicas, readyReplicas: o.status?.readyReplicas ?? (o.status ? 0 : undefined) };
    }
  }
}

export function projectWorkload(kind: WorkloadKind, obj: WorkloadObject, ix?: Interner): WorkloadInfo {
  const tpl =
    kind === 'CronJob'
      ? (obj as V1CronJob).spec?.jobTemplate?.spec?.template
      : (obj as Exclude<WorkloadObject, V1CronJob>).spec?.template;
  const out: WorkloadInfo = { kind, meta: projectMeta(obj.metadata, ix), template: template(tpl, ix) };
  const { replicas, readyReplicas } = counts(kind, obj);
  if (replicas !== undefined) out.replicas = replicas;
  if (readyReplicas !== undefined) out.readyReplicas = readyReplicas;
  return out;
}
