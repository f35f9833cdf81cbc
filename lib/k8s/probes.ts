import 'server-only';
/**
 * Probes from the dashboard's server to the API endpoint: what the TLS handshake really accepts,
 * and what an unauthenticated client can read. These see what flags cannot show, and they work
 * on managed control planes too.
 */
import { request } from 'node:https';
import { connect, type ConnectionOptions, type SecureVersion } from 'node:tls';
import { X509Certificate } from 'node:crypto';
import type { AnonymousProbe, CertificateInfo, TlsProbe } from '../model/inventory';
import { certificateInfo } from './projection/certificate';

interface TlsTrust {
  ca?: ConnectionOptions['ca'];
  rejectUnauthorized?: boolean;
  servername?: string;
}

const WEAK_SUITES = ['AES128-SHA', 'AES256-SHA', 'DES-CBC3-SHA', 'ECDHE-RSA-AES128-SHA', 'ECDHE-RSA-DES-CBC3-SHA'];

function hostPort(server: string): { host: string; port: number } {
  const u = new URL(server);
  return { host: u.hostname.replace(/^\[|\]$/g, ''), port: Number(u.port || 443) };
}

function handshake(server: string, opts: ConnectionOptions, timeoutMs: number): Promise<import('node:tls').TLSSocket> {
  const { host, port } = hostPort(server);
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, servername: /^[\d.:]+$/.test(host) ? undefined : host, ...opts });
    socket.setTimeout(timeoutMs, () => socket.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    socket.once('secureConnect', () => resolve(socket));
    socket.once('error', reject);
  });
}

async function accepts(server: string, opts: ConnectionOptions, timeoutMs: number): Promise<{ accepted: boolean; error?: string }> {
  try {
    const s = await handshake(server, { ...opts, rejectUnauthorized: false }, timeoutMs);
    s.destroy();
    return { accepted: true };
  } catch (e) {
    return { accepted: false, error: (e as { code?: string; message?: string }).code ?? (e as Error).message };
  }
}

function chainOf(socket: import('node:tls').TLSSocket): CertificateInfo[] {
  const out: CertificateInfo[] = [];
  const seen = new Set<string>();
  let cert = socket.getPeerX509Certificate();
  while (cert && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    out.push(certificateInfo(cert));
    const issuer: X509Certificate | undefined = cert.issuerCertificate;
    if (!issuer || issuer.fingerprint256 === cert.fingerprint256) break;
    cert = issuer;
  }
  return out;
}

export async function probeTls(server: string, trust: TlsTrust, timeoutMs = 5000): Promise<TlsProbe> {
  const probe: TlsProbe = { endpoint: server, legacyProtocols: [], weakCiphers: [], chain: [], verified: false };
  try {
    const s = await handshake(server, { ca: trust.ca, rejectUnauthorized: false }, timeoutMs);
    probe.protocol = s.getProtocol() ?? undefined;
    probe.cipher = s.getCipher()?.standardName;
    probe.chain = chainOf(s);
    probe.verified = s.authorized;
    if (!s.authorized) probe.verifyError = String(s.authorizationError ?? 'not verified');
    s.destroy();
  } catch (e) {
    probe.verifyError = (e as Error).message;
    return probe;
  }
  // OpenSSL 3 refuses TLS 1.0/1.1 at its default security level; lower it so that only the
  // server decides whether the old protocol is accepted.
  for (const version of ['TLSv1', 'TLSv1.1'] as const satisfies readonly SecureVersion[]) {
    const r = await accepts(server, { minVersion: version, maxVersion: version, ciphers: 'DEFAULT@SECLEVEL=0' }, timeoutMs);
    probe.legacyProtocols.push({ version, ...r });
  }
  for (const suite of WEAK_SUITES) {
    const r = await accepts(server, { minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2', ciphers: `${suite}@SECLEVEL=0` }, timeoutMs);
    probe.weakCiphers.push({ suite, accepted: r.accepted });
  }
  return probe;
}

function anonymousGet(server: string, path: string, trust: TlsTrust, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(server.replace(/\/+$/, '') + path), { method: 'GET', ca: trust.ca, rejectUnauthorized: trust.rejectUnauthorized, servername: trust.servername, headers: { Accept: 'application/json', 'User-Agent': 'kube-posture (anonymous probe)' }, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

/** Unauthenticated GET /version, /api and a pod list: is anonymous auth on, and can it read? */
export async function probeAnonymous(server: string, trust: TlsTrust, timeoutMs = 5000): Promise<AnonymousProbe & { requests: number }> {
  const out: AnonymousProbe & { requests: number } = { requests: 0 };
  try {
    out.requests++;
    out.versionStatus = await anonymousGet(server, '/version', trust, timeoutMs);
    out.requests++;
    out.apiStatus = await anonymousGet(server, '/api', trust, timeoutMs);
    out.requests++;
    out.podsStatus = await anonymousGet(server, '/api/v1/namespaces/default/pods?limit=1', trust, timeoutMs);
  } catch (e) {
    out.error = (e as Error).message;
  }
  return out;
}
