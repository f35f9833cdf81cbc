/**
 * YAML fixtures: a cluster described as Kubernetes objects, for check and model tests.
 *
 * ```yaml
 * description: kubeadm control plane with anonymous auth on   # optional, one line
 * cluster: { context: lab, server: https://10.0.0.1:6443 }    # optional ClusterIdentity
 * objects:                                                    # optional: plain API objects
 *   - apiVersion: v1                                          #   exactly as `kubectl get -o yaml`
 *     kind: Pod                                               #   prints them; `kind: List` and
 *     metadata: { name: kube-apiserver-cp-1, namespace: kube-system,   typed lists are flattened
 *                 labels: { component: kube-apiserver, tier: control-plane } }
 *     spec:
 *       nodeName: cp-1
 *       containers:
 *         - name: kube-apiserver
 *           image: registry.k8s.io/kube-apiserver:v1.31.2
 *           command: [kube-apiserver, --anonymous-auth=true]
 * extras:                                                     # optional: non-resource facts,
 *   version: { gitVersion: v1.31.2 }                          #   any Inventory key (see
 *   anonymous: { versionStatus: 200 }                         #   inventory.ts): version, tls,
 *   issues:                                                   #   anonymous, metrics, readyz,
 *     - { kind: Secret, verb: list, reason: forbidden,        #   groupVersions, issues,
 *         message: cannot list secrets }                      #   kubeletConfigs, configMaps…
 * expect:                                                     # optional: what the test asserts;
 *   - { componentId: control-plane/kube-apiserver/cp-1, status: fail }   # read by the check runner
 * ```
 *
 * Objects pass through the same projections as a live scan (so Secret data, env values and
 * ConfigMaps other than the few config keys are dropped here too). Unknown kinds are ignored.
 * Mistakes a test author makes (unknown top-level or `extras` keys, an object without `kind`,
 * invalid YAML) throw with the file name, so a typo never turns into a silently passing test.
 */
import { readFileSync } from 'node:fs';
import { loadAll } from 'js-yaml';
import { FIXTURE_CLUSTER, inventoryFromObjects } from './from-objects';
import { type ClusterIdentity, type Inventory, emptyInventory } from './inventory';

/** One expected result; its keys are defined by whoever runs the fixture (e.g. the check runner). */
export type FixtureExpectation = Record<string, unknown>;

export interface Fixture {
  /** File path (or the `source` given to parseFixture), for test names and error messages. */
  source: string;
  description?: string;
  inventory: Inventory;
  expect: FixtureExpectation[];
}

const TOP_LEVEL_KEYS = ['description', 'cluster', 'objects', 'extras', 'expect'] as const;
/** Every Inventory key: the required ones (from emptyInventory) plus the optional ones. */
const OPTIONAL_INVENTORY_KEYS = ['version', 'metrics', 'tls', 'anonymous', 'kubeletConfigs'];
const EXTRA_KEYS: ReadonlySet<string> = new Set(
  [...Object.keys(emptyInventory(FIXTURE_CLUSTER)), ...OPTIONAL_INVENTORY_KEYS].filter((k) => k !== 'schemaVersion'),
);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

class FixtureError extends Error {
  constructor(source: string, message: string) {
    super(`${source}: ${message}`);
    this.name = 'FixtureError';
  }
}

function objects(source: string, value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new FixtureError(source, '`objects` must be a list of Kubernetes objects');
  value.forEach((o, i) => {
    if (!isRecord(o) || typeof o['kind'] !== 'string') {
      throw new FixtureError(source, `objects[${i}] is not a Kubernetes object (a mapping with a \`kind\`)`);
    }
  });
  return value;
}

function extras(source: string, value: unknown): Partial<Inventory> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) throw new FixtureError(source, '`extras` must be a mapping of Inventory keys');
  for (const key of Object.keys(value)) {
    if (!EXTRA_KEYS.has(key)) {
      throw new FixtureError(source, `unknown extras key "${key}" (allowed: ${[...EXTRA_KEYS].sort().join(', ')})`);
    }
  }
  // The shape of each value is the Inventory's; checks treat what they read defensively.
  return value as Partial<Inventory>;
}

function cluster(source: string, value: unknown): ClusterIdentity {
  if (value === undefined || value === null) return FIXTURE_CLUSTER;
  if (!isRecord(value) || typeof value['context'] !== 'string' || typeof value['server'] !== 'string') {
    throw new FixtureError(source, '`cluster` must be { context: string, server: string }');
  }
  return value as unknown as ClusterIdentity;
}

function expectations(source: string, value: unknown): FixtureExpectation[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every(isRecord)) {
    throw new FixtureError(source, '`expect` must be a list of mappings');
  }
  return value;
}

/** Parses fixture YAML text; `source` names it in errors. */
export function parseFixture(text: string, source = '<fixture>'): Fixture {
  let docs: unknown[];
  try {
    // loadAll, not load: js-yaml 5's load() rejects an empty (or comments-only) file.
    docs = loadAll(text, { filename: source });
  } catch (e) {
    throw new FixtureError(source, `invalid YAML: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (docs.length > 1) throw new FixtureError(source, 'a fixture is one YAML document (found `---` separators)');
  const doc = docs[0] ?? {};
  if (!isRecord(doc)) throw new FixtureError(source, 'a fixture must be a YAML mapping');
  for (const key of Object.keys(doc)) {
    if (!(TOP_LEVEL_KEYS as readonly string[]).includes(key)) {
      throw new FixtureError(source, `unknown key "${key}" (allowed: ${TOP_LEVEL_KEYS.join(', ')})`);
    }
  }
  const description = doc['description'];
  if (description !== undefined && typeof description !== 'string') {
    throw new FixtureError(source, '`description` must be a string');
  }
  const fixture: Fixture = {
    source,
    inventory: inventoryFromObjects(objects(source, doc['objects']), extras(source, doc['extras']), cluster(source, doc['cluster'])),
    expect: expectations(source, doc['expect']),
  };
  if (description !== undefined) fixture.description = description;
  return fixture;
}

/** Reads and parses a fixture file (synchronously: fixtures are small and read by tests). */
export function loadFixture(path: string): Fixture {
  return parseFixture(readFileSync(path, 'utf8'), path);
}
