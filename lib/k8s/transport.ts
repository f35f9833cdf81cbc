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

/** The list envelope without its items: `metadata.continue` says whether another page follows. */
export interface ListHead {
  kind?: string;
  metadata?: { continue?: string; resourceVersion?: string; remainingItemCount?: number };
}

export interface ListResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body of a non-2xx answer (a Status, for messages); empty for a list, whose items went to `onItem`. */
  body: string;
  /** The envelope of a 2xx list. */
  head?: ListHead;
  /** Items passed to `onItem`. */
  items: number;
}

export interface ListOptions {
  accept?: string;
  /** Called before a retry: the items of the failed attempt were delivered and must be discarded. */
  onRetry?: () => void;
  /**
   * The envelope as soon as the items begin: the API server writes `metadata` (with `continue`)
   * before `items`, so the next page can be requested while this one is still arriving.
   */
  onHead?: (head: ListHead) => void;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The keys the splitter acts on. */
const KEY_ITEMS = Buffer.from('items');
const KEY_METADATA = Buffer.from('metadata');
const KEY_MANAGED_FIELDS = Buffer.from('managedFields');

const isSpace = (b: number): boolean => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
/** One item larger than this is refused (a Pod is 5-20 kB). */
const MAX_ITEM = 64 * 1024 * 1024;

/**
 * Splits a Kubernetes list body (`{"kind":…,"metadata":{…},"items":[{…},{…}]}`) into its items as
 * the bytes arrive, and parses each item on its own. A 500-pod page is 4-8 MB of JSON; parsed
 * whole it becomes a string of that size, a parsed page of ~1.5× that, and the chunks it was
 * assembled from, all alive at once. Item by item, only one ~10 kB item is ever parsed at a
 * time, and it is projected and dropped before the next one: memory stays flat whatever the page
 * size, and projection runs while the server is still sending.
 *
 * Each item's `metadata.managedFields` is cut out before parsing: no projection reads it (it is
 * never copied into the inventory), and it is 30-45% of a pod's JSON, so parsing it would be a
 * third of the client's CPU for nothing.
 *
 * The scanner is one tight byte loop that tracks only strings (with their escapes) and nesting
 * depth; the three keys it acts on (`items`, `metadata`, `managedFields`) are recognised by
 * looking back from the bracket that opens their value, so ordinary strings cost nothing extra.
 * Everything outside `items` (the envelope) is kept and parsed at the end.
 */
export class ListSplitter {
  private depth = 0;
  private inString = false;
  /** The previous chunk ended on a backslash inside a string: the next byte is escaped. */
  private escape = false;
  /** The last bytes before this chunk, for looking back across a chunk boundary. */
  private tail: Buffer = Buffer.alloc(0);
  private inItems = false;
  private itemParts: Buffer[] = [];
  private itemBytes = 0;
  private itemOpen = false;
  /** Inside an item's `metadata` object (depth 4). */
  private inMeta = false;
  /** Item offset of the last `,` (or just after the opening `{`) in metadata; where a cut starts. */
  private cutFrom = 0;
  private cutAfterComma = false;
  /** Inside `managedFields`: bytes are not kept until its array closes. */
  private skipping = false;
  /** The cut field was the first in metadata: drop the comma that followed it. */
  private dropComma = false;
  private readonly envelope: Buffer[] = [];
  items = 0;
  private readonly onItem: (item: unknown) => void;
  private readonly onHead: ((head: ListHead) => void) | undefined;

  constructor(onItem: (item: unknown) => void, onHead?: (head: ListHead) => void) {
    this.onItem = onItem;
    this.onHead = onHead;
  }

  push(chunk: Buffer): void {
    const n = chunk.length;
    let depth = this.depth;
    let inString = this.inString;
    let segment = 0; // start of the envelope or item bytes not yet saved from this chunk
    let i = 0;
    if (this.escape) {
      this.escape = false;
      i = 1;
    }
    for (; i < n; i++) {
      if (inString) {
        // The rest of the string in a loop of its own (V8 compiles it far tighter than one
        // loop with both states): to the closing quote, stepping over escaped characters.
        while (i < n) {
          const c = chunk[i] as number;
          if (c === 0x22) break;
          i += c === 0x5c ? 2 : 1;
        }
        if (i >= n) {
          if (i > n) this.escape = true; // the chunk ended on a backslash
          break;
        }
        inString = false;
        continue;
      }
      const b = chunk[i] as number;
      switch (b) {
        case 0x22: // "
          inString = true;
          break;
        case 0x7b: // {
          if (depth === 2 && this.inItems) {
            this.save(chunk, segment, i);
            segment = i;
            this.itemOpen = true;
          } else if (depth === 3 && this.itemOpen && this.keyBefore(chunk, i, KEY_METADATA)) {
            this.inMeta = true;
            this.cutFrom = this.itemBytes + (i + 1 - segment);
            this.cutAfterComma = false;
          }
          depth++;
          break;
        case 0x5b: // [
          if (depth === 1 && !this.inItems && this.keyBefore(chunk, i, KEY_ITEMS)) {
            this.inItems = true;
            if (this.onHead) this.emitHead(chunk, segment, i);
          } else if (depth === 4 && this.inMeta && !this.skipping && this.keyBefore(chunk, i, KEY_MANAGED_FIELDS)) {
            // Cut `,"managedFields":[…]` (or `"managedFields":[…],` when it comes first).
            this.save(chunk, segment, i);
            this.truncateItem(this.cutFrom);
            this.skipping = true;
          }
          depth++;
          break;
        case 0x7d: // }
          depth--;
          if (depth === 2 && this.itemOpen) {
            this.finishItem(chunk, segment, i + 1);
            segment = i + 1;
          } else if (depth === 3 && this.inMeta) {
            this.inMeta = false;
            this.dropComma = false;
          }
          break;
        case 0x5d: // ]
          depth--;
          if (depth === 1 && this.inItems) this.inItems = false;
          else if (depth === 4 && this.skipping) {
            this.skipping = false;
            segment = i + 1;
            this.dropComma = !this.cutAfterComma;
          }
          break;
        case 0x2c: // ,
          if (depth === 2 && this.inItems) {
            // Between items: not part of the envelope.
            this.save(chunk, segment, i);
            segment = i + 1;
          } else if (depth === 4 && this.inMeta && !this.skipping) {
            if (this.dropComma) {
              this.save(chunk, segment, i);
              segment = i + 1;
              this.dropComma = false;
            } else {
              this.cutFrom = this.itemBytes + (i - segment);
              this.cutAfterComma = true;
            }
          }
          break;
        default:
          break;
      }
    }
    this.depth = depth;
    this.inString = inString;
    this.save(chunk, segment, n);
    // The last 64 bytes seen, whatever the chunk sizes (keys are looked back over, never further).
    this.tail = n >= 64 ? Buffer.from(chunk.subarray(n - 64)) : Buffer.concat([this.tail, chunk]).subarray(-64);
  }

  /**
   * Is the value opening at `at` the value of `"key"`? Reads back over `"key"` `:` (whitespace
   * allowed) to the `{` or `,` before it, across the previous chunk's tail when needed. Only
   * called on a structural bracket, so the bytes before it are structure, not string contents.
   */
  private keyBefore(chunk: Buffer, at: number, key: Buffer): boolean {
    const tail = this.tail;
    const byte = (j: number): number => (j >= 0 ? (chunk[j] as number) : j + tail.length >= 0 ? (tail[j + tail.length] as number) : -1);
    let j = at - 1;
    while (isSpace(byte(j))) j--;
    if (byte(j) !== 0x3a) return false; // :
    j--;
    while (isSpace(byte(j))) j--;
    if (byte(j) !== QUOTE) return false;
    j--;
    for (let k = key.length - 1; k >= 0; k--, j--) if (byte(j) !== key[k]) return false;
    if (byte(j) !== QUOTE) return false;
    j--;
    while (isSpace(byte(j))) j--;
    const before = byte(j);
    return before === 0x7b || before === 0x2c; // { or ,
  }

  /** Drops the open item's bytes after `length` (the start of a cut field). */
  private truncateItem(length: number): void {
    while (this.itemBytes > length) {
      const last = this.itemParts.pop() as Buffer;
      const excess = this.itemBytes - length;
      if (last.length > excess) {
        this.itemParts.push(last.subarray(0, last.length - excess));
        this.itemBytes = length;
      } else {
        this.itemBytes -= last.length;
      }
    }
  }

  /** The envelope, once the whole body has been pushed. */
  end(): ListHead {
    if (this.itemOpen || this.depth !== 0 || this.inString) throw new Error('truncated list response');
    const text = Buffer.concat(this.envelope).toString('utf8');
    return JSON.parse(text) as ListHead;
  }

  /** The envelope read so far (everything before `items`), closed and parsed. */
  private emitHead(chunk: Buffer, from: number, to: number): void {
    let head: ListHead;
    try {
      head = JSON.parse(`${Buffer.concat(this.envelope).toString('utf8')}${chunk.toString('utf8', from, to)}[]}`) as ListHead;
    } catch {
      return; // not the usual shape: the caller gets the envelope at the end
    }
    this.onHead?.(head);
  }

  /** Keeps bytes [from, to) of the chunk for the open item or the envelope. */
  private save(chunk: Buffer, from: number, to: number): void {
    if (to <= from || this.skipping) return;
    if (this.itemOpen) {
      this.itemBytes += to - from;
      if (this.itemBytes > MAX_ITEM) throw new Error(`a list item is larger than ${MAX_ITEM / 1024 / 1024} MB`);
      this.itemParts.push(chunk.subarray(from, to));
    } else {
      this.envelope.push(Buffer.from(chunk.subarray(from, to)));
    }
  }

  private finishItem(chunk: Buffer, from: number, to: number): void {
    let text: string;
    if (this.itemParts.length === 0) {
      text = chunk.toString('utf8', from, to);
    } else {
      this.itemParts.push(chunk.subarray(from, to));
      text = Buffer.concat(this.itemParts).toString('utf8');
      this.itemParts = [];
    }
    this.itemOpen = false;
    this.itemBytes = 0;
    this.inMeta = false;
    this.skipping = false;
    this.dropComma = false;
    this.items++;
    this.onItem(JSON.parse(text));
  }
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
    return this.withRetries(() => this.once(path, accept) as Promise<RawResponse>);
  }

  /**
   * GET a list, streaming: each item is parsed and handed to `onItem` as soon as its bytes have
   * arrived (see ListSplitter), and the body is never held whole. A non-2xx answer is returned
   * with its body, like get(). On a retry after a failure mid-body, `onRetry` tells the caller to
   * drop the items it already received.
   */
  async getList(path: string, onItem: (item: unknown) => void, opts: ListOptions = {}): Promise<ListResponse> {
    let first = true;
    return this.withRetries(() => {
      if (!first) opts.onRetry?.();
      first = false;
      return this.once(path, opts.accept ?? 'application/json', onItem, opts.onHead) as Promise<ListResponse>;
    });
  }

  private async withRetries<T extends { status: number; headers: RawResponse['headers'] }>(attemptOnce: () => Promise<T>): Promise<T> {
    let attempt = 0;
    for (;;) {
      try {
        const res = await this.limiter.run(attemptOnce);
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

  /** One GET. With `onItem`, a 2xx body is streamed through a ListSplitter instead of buffered. */
  private once(path: string, accept: string, onItem?: (item: unknown) => void, onHead?: (head: ListHead) => void): Promise<RawResponse | ListResponse> {
    this.requests++;
    const url = new URL(this.server + path);
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        { ...this.base, method: 'GET', headers: { ...(this.base.headers as Record<string, string>), Accept: accept, 'User-Agent': 'kube-posture' } },
        (res) => {
          const status = res.statusCode ?? 0;
          if (onItem && status >= 200 && status < 300) {
            const splitter = new ListSplitter(onItem, onHead);
            res.on('data', (c: Buffer) => {
              try {
                splitter.push(c);
              } catch (e) {
                req.destroy(e instanceof ClusterError ? e : new ClusterError('internal', `The list at ${path} could not be read: ${(e as Error).message}.`));
              }
            });
            res.on('end', () => {
              try {
                resolve({ status, headers: res.headers, body: '', head: splitter.end(), items: splitter.items });
              } catch (e) {
                reject(new ClusterError('internal', `The list at ${path} could not be read: ${(e as Error).message}.`));
              }
            });
            res.on('error', reject);
            return;
          }
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (c: Buffer) => {
            size += c.length;
            if (size > MAX_BODY) req.destroy(new ClusterError('internal', `The response to ${path} is larger than ${MAX_BODY / 1024 / 1024} MB.`));
            else chunks.push(c);
          });
          res.on('end', () => {
            const body = Buffer.concat(chunks).toString('utf8');
            resolve(onItem ? { status, headers: res.headers, body, items: 0 } : { status, headers: res.headers, body });
          });
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
