/**
 * The sign-in body, JSON or form-encoded, read with a size cap (the proxy also refuses a larger
 * Content-Length, but a chunked body has none).
 */
export interface SignInBody {
  token?: string;
  csrf?: string;
  next?: string;
}

async function readCapped(req: Request, limit: number): Promise<string | undefined> {
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

export async function readForm(req: Request, limit: number, json: boolean): Promise<SignInBody | undefined> {
  const text = await readCapped(req, limit);
  if (text === undefined) return undefined;
  if (json) {
    try {
      const o = JSON.parse(text) as unknown;
      if (typeof o !== 'object' || o === null || Array.isArray(o)) return undefined;
      const r = o as Record<string, unknown>;
      return { token: str(r.token), next: str(r.next) };
    } catch {
      return undefined;
    }
  }
  const p = new URLSearchParams(text);
  return { token: p.get('token') ?? undefined, csrf: p.get('csrf') ?? undefined, next: p.get('next') ?? undefined };
}
