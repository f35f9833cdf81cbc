/**
 * Anonymization: replaces the names that identify an organisation (namespaces, nodes, pods,
 * workloads, service accounts, users and groups, RBAC objects, other object names, the context,
 * the user and the API endpoint) with pseudonyms, everywhere in a posture: component ids and
 * names, edges, facts and flags, findings' objects, messages and evidence, issues, score keys.
 *
 * Pseudonym = prefix + HMAC-SHA256(key, name) truncated, e.g. `ns-3fa2c1d09b7e`. The key is random
 * per snapshot and never stored, so pseudonyms are stable within one snapshot (the same name is
 * the same pseudonym in every place) and cannot be linked across snapshots or reversed.
 *
 * What stays: Kubernetes' own names (kube-system, kube-public, kube-node-lease, default, the
 * `default` service account, `system:` identities, the built-in roles), the names of objects in
 * the built-in namespaces (coredns, kube-proxy …: they identify software, not an organisation),
 * and the vocabulary of the model (component types, `control-plane`, `node`, `addon` …), which
 * ids are built from. Images, versions, flags and file paths are kept apart from the names they
 * contain. Pure given the key.
 */
import { createHmac } from 'node:crypto';
import type { Posture } from '../posture/types';
import { collectNames, type Category } from './anonymize-names';

const PREFIX: Record<Category, string> = {
  context: 'ctx',
  endpoint: 'endpoint',
  namespace: 'ns',
  node: 'node',
  pod: 'pod',
  workload: 'wl',
  'service-account': 'sa',
  user: 'user',
  group: 'group',
  rbac: 'rbac',
  object: 'obj',
};

/** Characters a name is made of; runs of them are scanned for names (see replaceNames). */
const RUN = /[A-Za-z0-9._:@-]+/g;
const JOINER = /[._:@-]/;

export function pseudonym(key: Uint8Array, category: Category, name: string): string {
  return `${PREFIX[category]}-${createHmac('sha256', key).update(name).digest('hex').slice(0, 12)}`;
}

/**
 * Replaces known names inside `s`. A name matches only on boundaries: the start or end of a run
 * of name characters, or next to a joiner (`.`, `-`, `:`, `@`, `_`), so `cp-1` is replaced inside
 * `kube-apiserver-cp-1` but not inside `cp-10`. Longest match first, one pass (pseudonyms are
 * never rescanned).
 */
function replaceInRun(run: string, map: ReadonlyMap<string, string>): string {
  // Segment boundaries: starts and ends of the parts between joiners.
  const starts: number[] = [0];
  const ends: number[] = [];
  for (let i = 0; i < run.length; i++) {
    if (JOINER.test(run[i] as string)) {
      ends.push(i);
      starts.push(i + 1);
    }
  }
  ends.push(run.length);
  let out = '';
  let cursor = 0;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i] as number;
    if (start < cursor) continue;
    let matched = -1;
    for (let j = ends.length - 1; j >= i; j--) {
      if (map.has(run.slice(start, ends[j]))) {
        matched = j;
        break;
      }
    }
    if (matched < 0) continue;
    out += run.slice(cursor, start) + (map.get(run.slice(start, ends[matched])) as string);
    cursor = ends[matched] as number;
    i = matched; // continue after the match
  }
  return out + run.slice(cursor);
}

export function replaceNames(s: string, map: ReadonlyMap<string, string>, odd: readonly [string, string][] = []): string {
  let text = s;
  for (const [from, to] of odd) text = text.split(from).join(to);
  return text.replace(RUN, (run) => replaceInRun(run, map));
}

/** Keys whose values are vocabulary (enums, ids of checks, dates), never names: kept verbatim. */
const VERBATIM_KEYS = new Set(['checkId', 'title', 'area', 'severity', 'status', 'type', 'layer', 'kind', 'tls', 'auth', 'protocol', 'role', 'verb', 'reason', 'source', 'schemaVersion', 'collectedAt', 'startedAt', 'catalogVersion', 'cveFeedDate', 'coverageText', 'expiresAt']);
/** …except where the same key holds text: evidence `source`, a waiver's `reason`. */
const TEXT_UNDER: Record<string, ReadonlySet<string>> = { evidence: new Set(['source']), waived: new Set(['reason']) };

export interface Anonymizer {
  /** name → pseudonym, for tests and for callers that want to tell the user what changed. */
  readonly names: ReadonlyMap<string, string>;
  text(s: string): string;
}

export function makeAnonymizer(posture: Posture, key: Uint8Array): Anonymizer {
  const names = collectNames(posture);
  const map = new Map<string, string>();
  const odd: [string, string][] = [];
  for (const [name, category] of names) {
    const p = pseudonym(key, category, name);
    if (/^[A-Za-z0-9._:@-]+$/.test(name) && !JOINER.test(name[0] as string) && !JOINER.test(name.at(-1) as string)) map.set(name, p);
    else odd.push([name, p]);
  }
  odd.sort((a, b) => b[0].length - a[0].length);
  return { names: new Map([...map, ...odd]), text: (s) => replaceNames(s, map, odd) };
}

/**
 * `key` is the property holding `value` (array elements inherit the array's key), `owner` the
 * property holding the object that holds it: `evidence` › `source`, `waived` › `reason`.
 */
function walk(value: unknown, a: Anonymizer, key: string | undefined, owner: string | undefined): unknown {
  if (typeof value === 'string') {
    const verbatim = key !== undefined && VERBATIM_KEYS.has(key) && !(owner !== undefined && TEXT_UNDER[owner]?.has(key));
    return verbatim ? value : a.text(value);
  }
  if (Array.isArray(value)) return value.map((v) => walk(v, a, key, owner));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    // Keys are vocabulary (fact and flag names, areas, kinds) except component ids in byComponent.
    const renameKeys = key === 'byComponent';
    for (const [k, v] of Object.entries(value)) out[renameKeys ? a.text(k) : k] = walk(v, a, k, key);
    return out;
  }
  return value;
}

/** A new posture with every identifying name replaced (counted passes too); the input is not modified. */
export function anonymizePosture<P extends Posture>(posture: P, key: Uint8Array): P {
  const a = makeAnonymizer(posture, key);
  return walk(posture, a, undefined, undefined) as P;
}

export type { Category };
