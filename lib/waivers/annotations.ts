/**
 * Waivers declared on the objects themselves: `kube-posture.io/waive-<check-id>: <reason>`.
 * Pure: reads the annotations the Inventory keeps (ObjectMeta.annotations) and returns rules for
 * applyWaivers(). An annotation waives that check on that object only, on whichever component
 * the finding is attached to.
 */
import type { ObjectRef } from '../model/architecture';
import type { Inventory, ObjectMeta } from '../model/inventory';
import { refString } from './ref';
import { WAIVE_ANNOTATION_PREFIX, type WaiverRule } from './types';

/** Check ids are file names under lib/checks/catalog: lowercase words joined by `-`. */
const CHECK_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_REASON = 500;

type Meta = { meta: ObjectMeta };

/**
 * Every object of the inventory that carries ObjectMeta, with the kind a finding would name, in
 * this order (rules keep it: the first matching waiver wins).
 */
function lists(inv: Inventory): [kind: string | undefined, list: readonly (Meta & { kind?: string })[]][] {
  return [
    ['Node', inv.nodes],
    ['Namespace', inv.namespaces],
    ['Pod', inv.pods],
    [undefined, inv.workloads],
    ['Service', inv.services],
    ['Ingress', inv.ingresses],
    ['NetworkPolicy', inv.networkPolicies],
    ['ResourceQuota', inv.resourceQuotas],
    ['LimitRange', inv.limitRanges],
    ['ServiceAccount', inv.serviceAccounts],
    [undefined, inv.roles],
    [undefined, inv.roleBindings],
    ['Secret', inv.secrets],
    ['CertificateSigningRequest', inv.csrs],
    [undefined, inv.webhooks],
    ['RuntimeClass', inv.runtimeClasses],
    ['APIService', inv.apiServices],
  ];
}

/**
 * Walks the objects in place (no list of every object, no entries() per object: at 150,000 pods
 * this runs over every annotation of the cluster, and almost none is a waiver).
 */
export function annotationWaivers(inv: Inventory): WaiverRule[] {
  const out: WaiverRule[] = [];
  for (const [fixedKind, list] of lists(inv)) {
    for (let i = 0; i < list.length; i++) {
      const o = list[i] as Meta & { kind?: string };
      const annotations = o.meta.annotations;
      if (!annotations) continue;
      for (const key in annotations) {
        if (!key.startsWith(WAIVE_ANNOTATION_PREFIX) || !Object.prototype.hasOwnProperty.call(annotations, key)) continue;
        const checkId = key.slice(WAIVE_ANNOTATION_PREFIX.length);
        if (!CHECK_ID.test(checkId)) continue;
        const { meta } = o;
        const ref: ObjectRef = { kind: fixedKind ?? (o.kind as string), name: meta.name, ...(meta.namespace ? { namespace: meta.namespace } : {}) };
        const object = refString(ref);
        const reason = (annotations[key] as string).trim().slice(0, MAX_REASON) || 'waived by annotation (no reason given)';
        out.push({ checkId, object, reason, author: `annotation on ${object}`, source: 'annotation' });
      }
    }
  }
  return out;
}
