/**
 * Builds an Inventory from plain Kubernetes objects (API JSON, or YAML fixtures) plus the
 * non-resource facts a live scan gets from probes (`extras`). Fixtures and tests use this; the
 * live collector shares the same projections (lib/k8s/projection), so both see identical data.
 */
import { type ObjectListField, type Projected, effectiveKind, projectObject } from '../k8s/projection';
import { type ClusterIdentity, type Inventory, emptyInventory } from './inventory';

export const FIXTURE_CLUSTER: ClusterIdentity = { context: 'fixture', server: 'https://fixture.invalid:6443' };

/** Adds one projected object to an inventory (mutates `inv`; used while building one). */
export function addProjected(inv: Inventory, p: Projected): void {
  if (p.field === 'configMaps') {
    // kube-root-ca.crt exists in every namespace with the same content; prefer kube-system's copy.
    const { rootCA, ...rest } = p.value;
    Object.assign(inv.configMaps, rest);
    if (rootCA && (!inv.configMaps.rootCA || p.namespace === 'kube-system')) inv.configMaps.rootCA = rootCA;
    return;
  }
  pushTo(inv, p.field, p.value);
}

function pushTo<F extends ObjectListField>(inv: Inventory, field: F, value: Inventory[F][number]): void {
  (inv[field] as Inventory[F][number][]).push(value);
}

/** `kind: List` and typed lists (`PodList`) are flattened; typed-list items carry no kind. */
function* flatten(objects: readonly unknown[]): Generator<{ obj: unknown; kindHint?: string }> {
  for (const obj of objects) {
    if (typeof obj === 'object' && obj !== null && Array.isArray((obj as { items?: unknown }).items)) {
      const kind = (obj as { kind?: unknown }).kind;
      const hint = typeof kind === 'string' && kind.endsWith('List') && kind !== 'List' ? kind.slice(0, -4) : undefined;
      for (const item of (obj as { items: unknown[] }).items) {
        yield* hint === undefined ? flatten([item]) : [{ obj: item, kindHint: hint }];
      }
      continue;
    }
    yield { obj };
  }
}

/**
 * Dispatches each object on `kind` to its projection; unknown kinds are skipped. `extras` is
 * merged shallowly: arrays are appended (so `extras.issues` adds to nothing, and `extras.pods`
 * would add to projected pods), `configMaps` keys are merged, any other key replaces.
 */
export function inventoryFromObjects(
  objects: unknown[],
  extras?: Partial<Inventory>,
  cluster: ClusterIdentity = FIXTURE_CLUSTER,
): Inventory {
  const inv = emptyInventory(cluster);
  for (const { obj, kindHint } of flatten(objects)) {
    const p = projectObject(obj, kindHint);
    if (!p) continue;
    addProjected(inv, p);
    const kind = effectiveKind(obj, kindHint) ?? 'unknown';
    inv.stats.objects[kind] = (inv.stats.objects[kind] ?? 0) + 1;
  }
  return extras ? mergeExtras(inv, extras) : inv;
}

export function mergeExtras(inv: Inventory, extras: Partial<Inventory>): Inventory {
  const out: Record<string, unknown> = { ...inv };
  for (const [key, value] of Object.entries(extras)) {
    if (value === undefined) continue;
    const current = out[key];
    if (Array.isArray(current) && Array.isArray(value)) out[key] = [...current, ...value];
    else if (key === 'configMaps') out[key] = { ...inv.configMaps, ...(value as Inventory['configMaps']) };
    else out[key] = value;
  }
  return out as unknown as Inventory;
}
