/** Node groups: role, then pool, then zone. The unit of aggregation on large clusters. */
import type { NodeGroup } from '../architecture';
import { nodeGroupId } from '../ids';
import type { NodeView } from './nodes';
import { compareStrings } from './util';

function label(v: Pick<NodeView, 'role' | 'pool' | 'zone'>): string {
  const parts = [v.pool ? `pool: ${v.pool}` : undefined, v.zone ? `zone: ${v.zone}` : undefined].filter(Boolean);
  if (v.role === 'control-plane') return ['control-plane', ...parts].join(' / ');
  return parts.length > 0 ? parts.join(' / ') : 'workers';
}

export function groupNodes(views: readonly NodeView[]): { groups: NodeGroup[]; groupOf: Map<string, string> } {
  const byId = new Map<string, NodeGroup>();
  const groupOf = new Map<string, string>();
  for (const v of views) {
    const id = nodeGroupId(v.role, v.pool, v.zone);
    let g = byId.get(id);
    if (!g) {
      g = { id, label: label(v), role: v.role, nodeNames: [] };
      if (v.pool) g.pool = v.pool;
      if (v.zone) g.zone = v.zone;
      byId.set(id, g);
    }
    g.nodeNames.push(v.name);
    groupOf.set(v.name, id);
  }
  const groups = [...byId.values()].sort((a, b) => compareStrings(a.id, b.id));
  for (const g of groups) g.nodeNames.sort(compareStrings);
  return { groups, groupOf };
}
