/**
 * Where kubelet checks get a KubeletConfiguration, in order of trust:
 *
 * 1. `inv.kubeletConfigs[node]`: the node's *effective* configuration from the kubelet's configz
 *    endpoint. Collected only when the opt-in configz read is enabled (it needs `nodes/proxy`,
 *    which is not a read-only permission; see the catalogue §2).
 * 2. The kube-system `kubelet-config` ConfigMap (kubeadm): the cluster-wide *baseline* the kubelets
 *    were started from. Per-node flags or drop-ins may override it, so results say "baseline".
 * 3. Neither: the check is `unknown`: "needs kubelet configz (opt-in) or a node agent".
 *
 * Missing fields take the KubeletConfiguration (v1beta1) defaults, which differ from the legacy
 * flag defaults (e.g. anonymous auth is off and authorization is Webhook in the config file).
 */
import { load } from 'js-yaml';
import type { Component } from '../model/architecture';
import { CLUSTER_ID, nodeSubId } from '../model/ids';
import type { Inventory, KubeletConfig } from '../model/inventory';
import { componentsOfType, evidence, missingInput, resultAt, unknownAt } from './helpers';
import type { CheckContext, CheckResult, Evidence, Status } from './types';

export const NEEDS_CONFIGZ_MESSAGE = 'needs kubelet configz (opt-in) or a node agent';

/** KubeletConfiguration v1beta1 defaults for the fields our checks read. */
export const KUBELET_DEFAULTS: Readonly<Record<string, unknown>> = {
  'authentication.anonymous.enabled': false,
  'authentication.webhook.enabled': true,
  'authorization.mode': 'Webhook',
  readOnlyPort: 0,
  streamingConnectionIdleTimeout: '4h0m0s',
  makeIPTablesUtilChains: true,
  protectKernelDefaults: false,
  eventRecordQPS: 50,
  rotateCertificates: false,
  serverTLSBootstrap: false,
  podPidsLimit: -1,
  seccompDefault: false,
};

export interface KubeletConfigView {
  origin: 'configz' | 'configmap';
  /** A field by dotted path, with the v1beta1 default when absent. */
  get(path: string): unknown;
  /** Whether the field is set explicitly (not defaulted). */
  has(path: string): boolean;
  /** `Node worker-1 · configz · readOnlyPort` / `ConfigMap kube-system/kubelet-config · readOnlyPort` */
  source(path: string): string;
  /** Evidence for one field. */
  evidence(path: string, expected: string): Evidence;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function lookup(obj: Record<string, unknown>, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (!isRecord(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

/** configz answers `{ kubeletconfig: {...} }`; accept either the wrapper or the bare object. */
function unwrap(cfg: KubeletConfig): Record<string, unknown> {
  const inner = cfg['kubeletconfig'];
  return isRecord(inner) ? inner : cfg;
}

const baselineCache = new WeakMap<Inventory, Record<string, unknown> | null>();

/** The parsed kubelet-config ConfigMap, once per inventory; null when absent or unparsable. */
export function kubeletBaseline(inv: Inventory): Record<string, unknown> | null {
  const hit = baselineCache.get(inv);
  if (hit !== undefined) return hit;
  let parsed: Record<string, unknown> | null = null;
  const text = inv.configMaps.kubeletConfiguration;
  if (text) {
    try {
      const doc = load(text);
      parsed = isRecord(doc) ? doc : null;
    } catch {
      parsed = null;
    }
  }
  baselineCache.set(inv, parsed);
  return parsed;
}

function display(v: unknown): string {
  if (v === undefined) return '(not set)';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function view(cfg: Record<string, unknown>, origin: KubeletConfigView['origin'], node: string): KubeletConfigView {
  const where = origin === 'configz' ? `Node ${node} · configz` : 'ConfigMap kube-system/kubelet-config (baseline)';
  const v: KubeletConfigView = {
    origin,
    get: (path) => {
      const value = lookup(cfg, path);
      return value === undefined ? KUBELET_DEFAULTS[path] : value;
    },
    has: (path) => lookup(cfg, path) !== undefined,
    source: (path) => `${where} · ${path}`,
    evidence: (path, expected) => {
      const actual = v.has(path) ? display(lookup(cfg, path)) : `${display(KUBELET_DEFAULTS[path])} (default)`;
      return evidence(expected, actual, v.source(path));
    },
  };
  return v;
}

/** The best configuration available for one node. */
export function kubeletConfigFor(inv: Inventory, node: string): KubeletConfigView | undefined {
  const live = inv.kubeletConfigs?.[node];
  if (live) return view(unwrap(live), 'configz', node);
  const base = kubeletBaseline(inv);
  return base ? view(base, 'configmap', node) : undefined;
}

/** A suffix for messages so a reader knows how strong the evidence is. */
export function originNote(cfg: KubeletConfigView): string {
  return cfg.origin === 'configz' ? '' : ' (from the kubelet-config baseline; per-node overrides are not visible)';
}

/** The kubelets to evaluate: the diagram's kubelet components, else one per Node object. */
function kubeletTargets(ctx: CheckContext): { id: string; node: string; component?: Component }[] {
  const comps = componentsOfType(ctx.arch, 'kubelet');
  if (comps.length > 0) {
    return comps.map((c) => ({ id: c.id, node: c.nodeName ?? c.id.split('/')[1] ?? c.name, component: c }));
  }
  return ctx.inv.nodes.map((n) => ({ id: nodeSubId(n.meta.name, 'kubelet'), node: n.meta.name }));
}

export interface KubeletVerdict {
  status: Status;
  message: string;
  evidence: Evidence[];
}

/**
 * Run `evaluate` for every kubelet with the best configuration available; `unknown` with the
 * reason where there is none. The result's object is the Node.
 */
export function forEachKubelet(
  ctx: CheckContext,
  evaluate: (cfg: KubeletConfigView, node: string) => KubeletVerdict,
): CheckResult[] {
  const targets = kubeletTargets(ctx);
  if (targets.length === 0) {
    const reason = missingInput(ctx.inv, 'Node') ?? 'no nodes are visible';
    return [unknownAt(CLUSTER_ID, reason)];
  }
  return targets.map(({ id, node }) => {
    const cfg = kubeletConfigFor(ctx.inv, node);
    const object = { kind: 'Node', name: node };
    if (!cfg) {
      const why = missingInput(ctx.inv, 'kubelet-configz') ?? missingInput(ctx.inv, 'ConfigMap', 'kube-system');
      const reason = why ? `${NEEDS_CONFIGZ_MESSAGE} (${why})` : NEEDS_CONFIGZ_MESSAGE;
      return resultAt(id, 'unknown', `Cannot evaluate: ${reason}.`, [
        evidence('KubeletConfiguration', 'not collected', `Node ${node} · configz / ConfigMap kube-system/kubelet-config`),
      ], object);
    }
    const r = evaluate(cfg, node);
    const scored = r.status === 'pass' || r.status === 'fail' || r.status === 'warn';
    const message = scored ? `${r.message.replace(/\.$/, '')}${originNote(cfg)}.` : r.message;
    return resultAt(id, r.status, message, r.evidence, object);
  });
}
