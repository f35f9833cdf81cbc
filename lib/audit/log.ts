/**
 * The audit log: one JSON line per security-relevant action (sign-in and sign-out, scans,
 * snapshots created, exported, imported and revoked, waivers), to stdout or, with
 * KUBE_POSTURE_AUDIT_LOG=<file>, appended to that file. Who (user and how they authenticated),
 * from where (client address), what, and the outcome. Never a token or a snapshot body.
 *
 *   {"time":"…","audit":"kube-posture","action":"snapshot.create","outcome":"success","user":"alice","auth":"token","client":"10.0.0.7","snapshot":"…"}
 */
import { appendFileSync } from 'node:fs';
import { authenticateRequest } from '../auth/authenticate';
import { authConfig } from '../auth/config';
import { clientAddress } from '../security/client-address';

export type AuditAction =
  | 'session.login'
  | 'session.logout'
  | 'scan.start'
  | 'snapshot.create'
  | 'snapshot.import'
  | 'snapshot.export'
  | 'snapshot.revoke'
  | 'waiver.add'
  | 'waiver.remove';

export interface AuditEvent {
  action: AuditAction;
  outcome: 'success' | 'failure' | 'denied';
  user?: string;
  auth?: string;
  client?: string;
  [field: string]: unknown;
}

let fileFailed = false;

/** Writes one event. Never throws: an audit sink that fails is reported once and falls back to stdout. */
export function auditLog(event: AuditEvent, env: Record<string, string | undefined> = process.env): void {
  const line = `${JSON.stringify({ time: new Date().toISOString(), audit: 'kube-posture', ...event })}\n`;
  const file = env.KUBE_POSTURE_AUDIT_LOG?.trim();
  if (file && file !== '-' && !fileFailed) {
    try {
      appendFileSync(file, line, { mode: 0o600 });
      return;
    } catch (e) {
      fileFailed = true;
      console.error(`[kube-posture] the audit log ${file} cannot be written (${(e as Error).message}); audit events go to stdout`);
    }
  }
  process.stdout.write(line);
}

function trustedProxies() {
  try {
    return authConfig().trustedProxies;
  } catch {
    return [];
  }
}

/** Who is behind a request, for an audit event: user, how they signed in, and the client address. */
export function actorOf(req: Request): Pick<AuditEvent, 'user' | 'auth' | 'client'> {
  const who = authenticateRequest(req.headers);
  return {
    ...(who.ok ? { user: who.identity.username, auth: who.identity.method } : {}),
    client: clientAddress(req.headers, trustedProxies()),
  };
}

/** Records an action taken through a request (route handlers call this). */
export function audit(req: Request, action: AuditAction, outcome: AuditEvent['outcome'], fields: Record<string, unknown> = {}): void {
  auditLog({ action, outcome, ...actorOf(req), ...fields });
}
