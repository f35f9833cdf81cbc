import type { ClusterSummary } from '../posture/types';

/** How the control plane is described: managed (by whom), self-managed, or not visible to this identity. */
export function controlPlaneKind(c: Pick<ClusterSummary, 'managed' | 'provider' | 'controlPlaneHidden'>): string {
  if (c.controlPlaneHidden) return 'Control plane not visible';
  if (c.managed) return `Managed${c.provider && c.provider !== 'unknown' ? ` by ${c.provider}` : ''}`;
  return 'Self-managed control plane';
}
