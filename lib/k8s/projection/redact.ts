/**
 * Masks secret-looking values in a container's command/args before they enter the inventory.
 *
 * Flags are what checks read, so their *names* always survive; only values whose key looks
 * sensitive (password, token, secret, …) are replaced. Positional args are kept, except
 * `KEY=VALUE` items with a sensitive key. Keys naming a file/path/dir/CA hold locations, not
 * secrets, and stay readable (`--token-auth-file`, `--tls-private-key-file`).
 */

export const REDACTED = '<redacted>';

const SENSITIVE = /password|passwd|secret|token|apikey|api-key|credential|private-key/;
const LOCATION_SUFFIX = /-(file|path|dir|ca)$/;

/**
 * Kubernetes component flags whose names match SENSITIVE but whose values are settings that
 * checks need (durations, versions, config paths). Booleans are exempt anyway (see harmless()).
 */
const NON_SECRET_FLAGS = new Set([
  'service-account-max-token-expiration',
  'authentication-token-webhook-cache-ttl',
  'authentication-token-webhook-version',
  'image-credential-provider-config',
]);

/** `DB_PASSWORD`, `dbPassword`, `--db.password` → `db-password`, so one pattern covers all. */
function normalizeKey(key: string): string {
  return key
    .replace(/^-+/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[_.\s]+/g, '-');
}

export function isSensitiveKey(key: string): boolean {
  const k = normalizeKey(key);
  return SENSITIVE.test(k) && !LOCATION_SUFFIX.test(k) && !NON_SECRET_FLAGS.has(k);
}

/** Values that cannot be a secret: keeping them lets checks read `--use-service-account-credentials=true`. */
function harmless(value: string): boolean {
  const v = stripQuotes(value).toLowerCase();
  return v === '' || v === 'true' || v === 'false';
}

function stripQuotes(value: string): string {
  return value.replace(/^["']|["']$/g, '');
}

/** `scheme://user:password@host` → `scheme://user:<redacted>@host`, wherever it appears. */
function redactUrlPasswords(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/[^\s/@:]*):[^\s/@]*@/gi, `$1:${REDACTED}@`);
}

/**
 * `a=1,db.password=x,b=2` → `a=1,db.password=<redacted>`. Everything after a sensitive key is
 * masked, because a secret may itself contain commas.
 */
function redactPairs(text: string): string {
  const parts = text.split(',');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    if (isSensitiveKey(part.slice(0, eq)) && !harmless(part.slice(eq + 1))) {
      return [...parts.slice(0, i), `${part.slice(0, eq)}=${REDACTED}`].join(',');
    }
  }
  return text;
}

interface TokenResult {
  text: string;
  /** A bare sensitive flag (`--password hunter2`): its value is the next token. */
  maskNext: boolean;
}

function redactToken(token: string): TokenResult {
  const tok = redactUrlPasswords(token);
  if (!tok.startsWith('-')) return { text: redactPairs(tok), maskNext: false };
  const eq = tok.indexOf('=');
  if (eq < 0) return { text: tok, maskNext: isSensitiveKey(tok) };
  const key = tok.slice(0, eq);
  const value = tok.slice(eq + 1);
  if (isSensitiveKey(key) && !harmless(value)) return { text: `${key}=${REDACTED}`, maskNext: false };
  // `--set=db.password=x`, `--env=API_TOKEN=x`: the value is itself a key=value list.
  return { text: `${key}=${redactPairs(value)}`, maskNext: false };
}

/**
 * Applies redactToken over a token sequence, carrying "mask the next value" across tokens.
 * Top-level items containing whitespace are shell scripts (`sh -c "…"`) and are split into words;
 * inside a script, whitespace-only tokens are separators and quoted words stay whole.
 */
function redactSequence(tokens: readonly string[], inShell: boolean): string[] {
  const out: string[] = [];
  let maskNext = false;
  for (const token of tokens) {
    if (inShell && /^\s+$/.test(token)) {
      out.push(token);
      continue;
    }
    if (maskNext && !token.startsWith('-')) {
      maskNext = false;
      out.push(harmless(token) ? token : REDACTED);
      continue;
    }
    if (!inShell && /\s/.test(token)) {
      out.push(redactSequence(shellWords(token), true).join(''));
      maskNext = false;
      continue;
    }
    const r = redactToken(token);
    out.push(r.text);
    maskNext = r.maskNext;
  }
  return out;
}

/** Splits a shell line into words and the whitespace between them, keeping quoted words whole. */
function shellWords(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | null = null;
  let inSpace = false;
  for (const ch of line) {
    const space = quote === null && /\s/.test(ch);
    if (space !== inSpace && cur !== '') {
      out.push(cur);
      cur = '';
    }
    inSpace = space;
    if (!space) {
      if (quote === null && (ch === '"' || ch === "'")) quote = ch;
      else if (quote === ch) quote = null;
    }
    cur += ch;
  }
  if (cur !== '') out.push(cur);
  return out;
}

/**
 * Redacts a container's `command` or `args`. Never throws; returns a new array of the same
 * length, so positions (and `parseFlags`) behave as on the original.
 */
export function redactArgs(argv: readonly string[] | undefined | null): string[] {
  if (!Array.isArray(argv)) return [];
  const items = argv.map((a) => (typeof a === 'string' ? a : String(a)));
  return redactSequence(items, false);
}
