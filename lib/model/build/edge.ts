/** Edge construction helpers shared by the control-plane and node edge builders. */
import type { AuthState, Edge, EdgeKind, TlsState } from '../architecture';
import type { CpInstance } from './control-plane';

export interface EdgeAttrs {
  protocol?: Edge['protocol'];
  tls: TlsState;
  auth: AuthState;
  evidence: string[];
}

/** A target of "→ API" edges: an API server instance, or the provider-managed block. */
export interface ApiTarget {
  id: string;
  inst?: CpInstance;
}

/** Ids are `<kind>:<from>-><to>`; a qualifier separates two edges of one kind between one pair. */
export function makeEdge(kind: EdgeKind, from: string, to: string, label: string, a: EdgeAttrs, qualifier?: string): Edge {
  return {
    id: `${kind}:${from}->${to}${qualifier ? `#${qualifier}` : ''}`,
    from,
    to,
    kind,
    label,
    ...(a.protocol ? { protocol: a.protocol } : {}),
    tls: a.tls,
    auth: a.auth,
    evidence: a.evidence,
  };
}

const MAX_EVIDENCE = 5;

/**
 * Folds per-node attributes into one group edge: a state holds only if every member agrees,
 * else it is `unknown` (never the best or worst of them).
 */
export function combine(list: readonly EdgeAttrs[], nodeCount: number): EdgeAttrs {
  const first = list[0];
  const same = <K extends 'tls' | 'auth' | 'protocol'>(k: K): EdgeAttrs[K] | undefined =>
    first && list.every((a) => a[k] === first[k]) ? first[k] : undefined;
  const evidence = [...new Set(list.flatMap((a) => a.evidence))];
  const shown = evidence.slice(0, MAX_EVIDENCE);
  if (evidence.length > MAX_EVIDENCE) shown.push(`… and ${evidence.length - MAX_EVIDENCE} more`);
  const out: EdgeAttrs = {
    tls: same('tls') ?? 'unknown',
    auth: same('auth') ?? 'unknown',
    evidence: [`aggregated over ${nodeCount} node${nodeCount === 1 ? '' : 's'}`, ...shown],
  };
  const protocol = same('protocol');
  if (protocol) out.protocol = protocol;
  return out;
}
