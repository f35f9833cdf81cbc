/** Validating/Mutating webhook configuration projection (no caBundle). */
import type {
  V1MutatingWebhookConfiguration,
  V1RuleWithOperations,
  V1ValidatingWebhookConfiguration,
} from '@kubernetes/client-node';
import type { WebhookInfo } from '../../model/inventory';
import { dropUndefined, list, projectMeta } from './meta';
import { REDACTED, isSensitiveKey } from './redact';
import { projectSelector } from './selector';

type WebhookKind = WebhookInfo['kind'];

/** A webhook URL may carry credentials (`https://user:pass@…`, `?token=…`); mask them. */
export function redactUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return raw.replace(/\/\/[^/@]*@/, `//${REDACTED}@`).replace(/\?.*$/, `?${REDACTED}`);
  }
  if (url.password) url.password = REDACTED;
  for (const key of [...url.searchParams.keys()]) {
    if (isSensitiveKey(key)) url.searchParams.set(key, REDACTED);
  }
  return url.toString();
}

function rule(r: V1RuleWithOperations): { apiGroups: string[]; resources: string[]; operations: string[] } {
  return { apiGroups: [...list(r.apiGroups)], resources: [...list(r.resources)], operations: [...list(r.operations)] };
}

export function projectWebhookConfiguration(
  kind: WebhookKind,
  cfg: V1ValidatingWebhookConfiguration | V1MutatingWebhookConfiguration,
): WebhookInfo {
  return {
    kind,
    meta: projectMeta(cfg.metadata),
    webhooks: list(cfg.webhooks).map((w) => {
      const svc = w.clientConfig?.service;
      return dropUndefined({
        name: w.name ?? '',
        failurePolicy: w.failurePolicy,
        sideEffects: w.sideEffects,
        timeoutSeconds: w.timeoutSeconds,
        service: svc ? dropUndefined({ namespace: svc.namespace ?? '', name: svc.name ?? '', path: svc.path }) : undefined,
        url: w.clientConfig?.url ? redactUrl(w.clientConfig.url) : undefined,
        rules: list(w.rules).map(rule),
        namespaceSelector: w.namespaceSelector ? projectSelector(w.namespaceSelector) : undefined,
      });
    }),
  };
}
