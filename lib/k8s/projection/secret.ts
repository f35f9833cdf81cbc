/**
 * Secret projection: metadata and type ONLY. `data` and `stringData` are never read, so a
 * Secret's contents cannot reach the inventory even when the collector lists full objects.
 * A metadata-only list (PartialObjectMetadata) has no `type`; the result then has none either.
 */
import type { V1ObjectMeta } from '@kubernetes/client-node';
import type { SecretMetaInfo } from '../../model/inventory';
import { projectMeta } from './meta';

/** The only parts of a Secret (or its PartialObjectMetadata) this module may touch. */
export interface SecretLike {
  metadata?: V1ObjectMeta;
  type?: string;
}

export function projectSecret(secret: SecretLike): SecretMetaInfo {
  const out: SecretMetaInfo = { meta: projectMeta(secret.metadata) };
  if (typeof secret.type === 'string' && secret.type) out.type = secret.type;
  return out;
}
