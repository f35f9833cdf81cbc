import 'server-only';
/**
 * The one HTTP client that talks to a cluster: TLS and credentials from the kubeconfig (via
 * client-node, so exec and OIDC auth providers work), per-request timeouts, bounded concurrency,
 * retries with backoff on 429/5xx and connection resets (honouring Retry-After), and a request
 * counter. Read-only by construction: it only issues GET.
 */
import { Agent, request, type RequestOptions } from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { classifyStatus, classifyTransportError, ClusterError } from './errors';

/**
 * Whose rights a request uses when it is not the kubeconfig's own identity (in-cluster mode):
 * a signed-in user's bearer token, or impersonation of a user vouched for by an authenticating
 * proxy (sent as one Impersonate-Group header per group: the API server reads each header line as
 * one group, and fetch would merge them into one comma-joined value).
 */
export interface TransportAuth {
  token?: string;
  impersonate?: { user: string; groups: string[] };
}

export interface TransportOptions {
  auth?: TransportAuth;
  timeoutMs?: number;
  concurrency?: number;
  retries?: number;
  signal?: AbortSignal;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);
const RETRYABLE_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'KP_TIMEOUT']);
const MAX_BODY = 512 * 1024 * 1024;

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    }, { once: true });
  });

/** A tiny semaphore: at most `n` requests in flight. */
class Limiter {
  private active = 0;
  private readonly queue: (() => void)[] = [];
  private readonly n: number;
  constructor(n: number) {
    this.n = n;
  }
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.n) await new Promise<void>((r) => this.queue.push(r));
    this.active++;
    try {
      return await fn();
    } finally {
      this.active--;
      this.queue.shift()?.();
    }
  }
}

export class Transport {
  readonly server: string;
  readonly context: string;
  requests = 0;
  private readonly base: RequestOptions;
  private readonly limiter: Limiter;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly signal?: AbortSignal;

  private constructor(server: string, context: string, base: RequestOptions, opts: TransportOptions) {
    this.server = server.replace(/\/+$/, '');
    this.context = context;
    this.base = base;
    this.limiter = new Limiter(opts.concurrency ?? 4);
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.retries = opts.retries ?? 3;
    this.signal = opts.signal;
  }

  static async create(kc: KubeConfig, context: string, server: string, opts: TransportOptions = {}): Promise<Transport> {
    const base: RequestOptions = { headers: {} };
    try {
      await kc.applyToHTTPSOptions(base);
    } catch (e) {
      throw new ClusterError('unauthorized', `The credentials of context "${context}" could not be obtained: ${(e as Error).message}.`, { context });
    }
    applyAuth(base, opts.auth);
    // Keep client-node's proxy agent when one is configured; otherwise our own keep-alive agent.
    const usesProxy = Boolean(kc.getCurrentCluster()?.proxyUrl);
    if (!usesProxy) {
      base.agent = new Agent({
        keepAlive: true,
        maxSockets: opts.concurrency ?? 4,
        ca: base.ca,
        cert: base.cert,
        key: base.key,
        rejectUnauthorized: base.rejectUnauthorized,
        servername: base.servername,
      });
    }
    return new Transport(server, context, base, opts);
  }

  /** The TLS material for probes that must present the same trust anchors. */
  get tlsOptions(): Pick<RequestOptions, 'ca' | 'rejectUnauthorized' | 'servername'> {
    return { ca: this.base.ca, rejectUnauthorized: this.base.rejectUnauthorized, servername: this.base.servername };
  }

  /** GET with retries; resolves with any HTTP status (callers decide), rejects with ClusterError on transport failure. */
  async get(path: string, accept = 'application/json'): Promise<RawResponse> {
    let attempt = 0;
    for (;;) {
      try {
        const res = await this.limiter.run(() => this.once(path, accept));
        if (RETRYABLE_STATUS.has(res.status) && attempt < this.retries) {
          await sleep(this.backoff(attempt++, res.headers['retry-after']), this.signal);
          continue;
        }
        return res;
      } catch (e) {
        const code = (e as { code?: string }).code ?? '';
        if (RETRYABLE_CODES.has(code) && attempt < this.retries && !this.signal?.aborted) {
          await sleep(this.backoff(attempt++), this.signal);
          continue;
        }
        throw e instanceof ClusterError ? e : classifyTransportError(e, this.server);
      }
    }
  }

  /** GET a JSON document; non-2xx becomes a ClusterError (`what` names the read for messages). */
  async getJson<T>(path: string, what: string, accept?: string): Promise<T> {
    const res = await this.get(path, accept);
    if (res.status < 200 || res.status >= 300) throw classifyStatus(res.status, this.server, what, this.context, res.body);
    return JSON.parse(res.body) as T;
  }

  private backoff(attempt: number, retryAfter?: string | string[]): number {
    const ra = Array.isArray(retryAfter) ? retryAfter[0] : retryAfter;
    const seconds = ra !== undefined ? Number.parseInt(ra, 10) : Number.NaN;
    if (Number.isFinite(seconds)) return Math.min(seconds, 10) * 1000;
    return Math.min(250 * 2 ** attempt, 4000) + Math.floor(Math.random() * 100);
  }

  private once(path: string, accept: string): Promise<RawResponse> {
    this.requests++;
    const url = new URL(this.server + path);
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        { ...this.base, method: 'GET', headers: { ...(this.base.headers as Record<string, string>), Accept: accept, 'User-Agent': 'kube-posture' } },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (c: Buffer) => {
            size += c.length;
            if (size > MAX_BODY) req.destroy(new ClusterError('internal', `The response to ${path} is larger than ${MAX_BODY / 1024 / 1024} MB.`));
            else chunks.push(c);
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.setTimeout(this.timeoutMs, () => req.destroy(Object.assign(new Error(`timeout after ${this.timeoutMs} ms`), { code: 'KP_TIMEOUT' })));
      const onAbort = () => req.destroy(Object.assign(new Error('aborted'), { name: 'AbortError' }));
      this.signal?.addEventListener('abort', onAbort, { once: true });
      req.on('close', () => this.signal?.removeEventListener('abort', onAbort));
      req.on('error', reject);
      req.end();
    });
  }

  close(): void {
    (this.base.agent as Agent | undefined)?.destroy?.();
  }
}

/**
 * Replaces the kubeconfig identity with a user's token (dropping any client certificate, which
 * the API server would otherwise authenticate first), or adds impersonation headers to it.
 */
export function applyAuth(base: RequestOptions, auth?: TransportAuth): void {
  if (!auth) return;
  const headers = { ...(base.headers as Record<string, string | string[]>) };
  if (auth.token !== undefined) {
    for (const k of Object.keys(headers)) if (k.toLowerCase() === 'authorization') delete headers[k];
    headers.Authorization = `Bearer ${auth.token}`;
    delete base.cert;
    delete base.key;
    delete base.pfx;
  }
  if (auth.impersonate) {
    headers['Impersonate-User'] = auth.impersonate.user;
    if (auth.impersonate.groups.length > 0) headers['Impersonate-Group'] = [...auth.impersonate.groups];
  }
  base.headers = headers;
}
