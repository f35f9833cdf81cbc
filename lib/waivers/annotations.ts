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

/** Every object of the inventory that carries ObjectMeta, with the kind a finding would name. */
function objectsOf(inv: Inventory): { kind: string; meta: ObjectMeta }[] {
  const fixed = (kind: string, list: readonly Meta[]) => list.map((o) => ({ kind, meta: o.meta }));
  const own = (list: readonly (Meta & { kind: string })[]) => list.map((o) => ({ kind: o.kind, meta: o.meta }));
  return [
    ...fixed('Node', inv.nodes),
    ...fixed('Namespace', inv.namespaces),
    ...fixed('Pod', inv.pods),
    ...own(inv.workloads),
    ...fixed('Service', inv.services),
    ...fixed('Ingress', inv.ingresses),
    ...fixed('NetworkPolicy', inv.networkPolicies),
    ...fixed('ResourceQuota', inv.resourceQuotas),
    ...fixed('LimitRange', inv.limitRanges),
    ...fixed('ServiceAccount', inv.serviceAccounts),
    ...own(inv.roles),
    ...own(inv.roleBindings),
    ...fixed('Secret', inv.secrets),
    ...fixed('CertificateSigningRequest', inv.csrs),
    ...own(inv.webhooks),
    ...fixed('RuntimeClass', inv.runtimeClasses),
    ...fixed('APIService', inv.apiServices),
  ];
}

export function annotationWaivers(inv: Inventory): WaiverRule[] {
  const out: WaiverRule[] = [];
  for (const { kind, meta } of objectsOf(inv)) {
    for (const [key, value] of Object.entries(meta.annotations ?? {})) {
      if (!key.startsWith(WAIVE_ANNOTATION_PREFIX)) continue;
      const checkId = key.slice(WAIVE_ANNOTATION_PREFIX.length);
      if (!CHECK_ID.test(checkId)) continue;
      const ref: ObjectRef = { kind, name: meta.name, ...(meta.namespace ? { namespace: meta.namespace } : {}) };
      const object = refString(ref);
      const reason = value.trim().slice(0, MAX_REASON) || 'waived by annotation (no reason given)';
      out.push({ checkId, object, reason, author: `annotation on ${object}`, source: 'annotation' });
    }
  }
  return out;
}
