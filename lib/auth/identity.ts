/**
 * Who a request acts for. In local mode that is the operator (their kubeconfig); in in-cluster mode
 * a signed-in user, a user vouched for by a trusted proxy, or the dashboard's own service account.
 * `key` is an opaque digest used to keep scans apart (lib/posture/registry), never shown.
 */
import { createHash } from 'node:crypto';
import type { TransportAuth } from '../k8s/transport';
import type { AuthMethod } from './config';

export interface Identity {
  method: AuthMethod | 'local';
  username: string;
  groups: string[];
  uid?: string;
}

export interface ScanScope {
  /** Registry key; undefined in local mode (scans are shared, as before). */
  key?: string;
  /** Credentials override for scans; undefined reads with the dashboard's own identity. */
  auth?: TransportAuth;
  /** Shown as the posture's user. */
  user?: string;
  /** Namespaces to read one by one when cluster-wide lists are forbidden (a service account's own). */
  namespaces: string[];
}

export const LOCAL_IDENTITY: Identity = { method: 'local', username: 'local', groups: [] };

export function identityKey(id: Identity): string {
  const h = createHash('sha256').update(`${id.method}\n${id.username}\n${[...id.groups].sort().join('\n')}`);
  return h.digest('base64url').slice(0, 32);
}

/** `system:serviceaccount:team-a:reader` → `team-a`. */
export function serviceAccountNamespace(username: string): string | undefined {
  const m = /^system:serviceaccount:([a-z0-9-]{1,63}):[a-z0-9.-]{1,253}$/.exec(username);
  return m?.[1];
}
