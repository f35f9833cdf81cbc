/**
 * The sign-in body, JSON or form-encoded, read with a size cap (the proxy also refuses a larger
 * Content-Length, but a chunked body has none).
 */
import { readCappedText } from '../api/body';

export interface SignInBody {
  token?: string;
  csrf?: string;
  next?: string;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

export async function readForm(req: Request, limit: number, json: boolean): Promise<SignInBody | undefined> {
  const text = await readCappedText(req, limit);
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
