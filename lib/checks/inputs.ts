/**
 * Missing inputs. DESIGN.md "Partial is normal": every read yields data or a CollectionIssue, and a
 * check whose inputs could not be read reports `unknown` with a reason a person can act on, never
 * `pass`. These helpers turn the collector's issues into that reason.
 */
import type { CollectionIssue, Inventory } from '../model/inventory';

/**
 * Compare kinds loosely: collectors may say `RoleBinding`, `rolebindings` or `role-bindings`, and
 * probes use names such as `/metrics` or `tls-probe`. Lower-case, drop punctuation, drop a plural.
 */
export function normalizeKind(kind: string): string {
  const k = kind.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (k.endsWith('ies')) return `${k.slice(0, -3)}y`;
  if (k.endsWith('sses') || k.endsWith('xes')) return k.slice(0, -2);
  if (k.endsWith('s') && !k.endsWith('ss')) return k.slice(0, -1);
  return k;
}

/**
 * The issue that explains why `kind` is missing. A cluster-wide issue (no namespace) covers every
 * namespace; a namespaced issue only covers a question about that namespace.
 */
export function findIssue(inv: Inventory, kind: string, namespace?: string): CollectionIssue | undefined {
  const want = normalizeKind(kind);
  return inv.issues.find(
    (i) => normalizeKind(i.kind) === want && (i.namespace === undefined || i.namespace === namespace),
  );
}

/** `Pods`, `RoleBindings`, `Policies`: used to say "cannot list Pods". */
function pluralKind(kind: string): string {
  if (kind.startsWith('/') || kind.includes('-') || /s$/i.test(kind)) return kind;
  if (/[^aeiou]y$/i.test(kind)) return `${kind.slice(0, -1)}ies`;
  return `${kind}s`;
}

/** One sentence for an issue, phrased from the reader's side ("your identity cannot …"). */
export function describeIssue(issue: CollectionIssue): string {
  const what = issue.verb === 'probe' ? `the ${issue.kind} probe` : pluralKind(issue.kind);
  const where = issue.namespace ? ` in namespace ${issue.namespace}` : '';
  switch (issue.reason) {
    case 'forbidden':
      return issue.verb === 'probe'
        ? `${what} was refused (forbidden)`
        : `your identity cannot ${issue.verb} ${what}${where}`;
    case 'unauthorized':
      return `the cluster rejected your credentials while reading ${what}${where}`;
    case 'timeout':
      return `reading ${what}${where} timed out`;
    case 'not-found':
      return `${what}${where} not found`;
    case 'unreachable':
      return issue.verb === 'probe' ? `${what} could not reach its endpoint` : `${what}${where} could not be reached`;
    case 'unsupported':
      return `${what} is not supported by this cluster`;
    case 'disabled':
      return `reading ${what} is disabled in the scan settings`;
    default:
      return issue.message || `${what}${where} could not be read (${issue.reason})`;
  }
}

/**
 * A sentence when `kind` could not be read (cluster-wide, or in `namespace`), else undefined, so a
 * check can say `unknown: your identity cannot list RoleBindings`.
 */
export function missingInput(inv: Inventory, kind: string, namespace?: string): string | undefined {
  const issue = findIssue(inv, kind, namespace);
  return issue ? describeIssue(issue) : undefined;
}

/** The first missing kind among `kinds`, as a reason sentence. */
export function firstMissing(inv: Inventory, kinds: readonly string[], namespace?: string): string | undefined {
  for (const k of kinds) {
    const reason = missingInput(inv, k, namespace);
    if (reason) return reason;
  }
  return undefined;
}
