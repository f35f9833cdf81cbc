/**
 * Admission-side facts: Pod Security labels on namespaces and policy-engine webhooks. The API
 * cannot show cluster-wide PSA defaults (AdmissionConfiguration file) or ValidatingAdmissionPolicies
 * (not collected), so a namespace without labels may still be covered; messages say so.
 */
import type { NamespaceInfo, WebhookInfo } from '../../../../model/inventory';

export const PSA_ENFORCE = 'pod-security.kubernetes.io/enforce';
export const PSA_WARN = 'pod-security.kubernetes.io/warn';
export const PSA_AUDIT = 'pod-security.kubernetes.io/audit';

export function psaLevel(ns: NamespaceInfo, mode: 'enforce' | 'warn' | 'audit' = 'enforce'): string | undefined {
  return ns.meta.labels[`pod-security.kubernetes.io/${mode}`];
}

export const POLICY_ENGINE = /kyverno|gatekeeper|kubewarden|jspolicy|\bopa\b|polaris|datree|k-rail|kube-policy|policy-controller/i;
const POD_RESOURCES = new Set(['*', 'pods', '*/*', 'deployments', 'daemonsets', 'statefulsets', 'replicasets', 'jobs', 'cronjobs']);

export interface PolicyWebhook {
  config: WebhookInfo;
  webhook: string;
  failurePolicy?: string;
}

/** Webhooks from a known policy engine that see pod (or pod controller) creation. */
export function policyEngineWebhooks(webhooks: readonly WebhookInfo[]): PolicyWebhook[] {
  const out: PolicyWebhook[] = [];
  for (const cfg of webhooks) {
    for (const w of cfg.webhooks) {
      const owner = `${cfg.meta.name} ${w.name} ${w.service?.namespace ?? ''} ${w.service?.name ?? ''}`;
      if (!POLICY_ENGINE.test(owner)) continue;
      const seesPods = w.rules.some(
        (r) => r.resources.some((res) => POD_RESOURCES.has(res)) && r.operations.some((o) => o === '*' || o === 'CREATE'),
      );
      if (!seesPods) continue;
      const hit: PolicyWebhook = { config: cfg, webhook: w.name };
      if (w.failurePolicy) hit.failurePolicy = w.failurePolicy;
      out.push(hit);
    }
  }
  return out;
}
