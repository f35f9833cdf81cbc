/**
 * Waivers: an accepted risk. A waived finding stays visible (marked, with reason, author and
 * expiry) but does not count against the score until the waiver expires.
 *
 * Two sources: waivers kept in the store (made in the UI or the API, always with an expiry), and
 * the annotation `kube-posture.io/waive-<check-id>: <reason>` on the finding's object, owned by
 * whoever owns the object (no expiry: it lasts as long as the annotation).
 */

/** What a stored waiver applies to. */
export interface WaiverTarget {
  /** Architecture component id, e.g. `node/worker-2/kubelet`, `cluster`. */
  componentId: string;
  /** An object ref string (`Pod kube-system/etcd-cp-1`, `ClusterRole ops`); absent = any object of the component. */
  object?: string;
}

export interface Waiver {
  /** The cluster context the waiver belongs to. */
  context: string;
  checkId: string;
  target: WaiverTarget;
  reason: string;
  author: string;
  /** ISO-8601 UTC. */
  createdAt: string;
  /** ISO-8601 UTC; stored waivers always expire. */
  expiresAt: string;
}

/** What identifies a stored waiver (upserts replace the waiver with the same key). */
export type WaiverKey = Pick<Waiver, 'context' | 'checkId' | 'target'>;

/** A waiver in the normalized form applyWaivers() matches against. */
export interface WaiverRule {
  checkId: string;
  /** Absent = any component (annotation waivers match on the object alone). */
  componentId?: string;
  /** Absent = any object. */
  object?: string;
  reason: string;
  author: string;
  expiresAt?: string;
  source: 'store' | 'annotation';
}

export const WAIVE_ANNOTATION_PREFIX = 'kube-posture.io/waive-';
