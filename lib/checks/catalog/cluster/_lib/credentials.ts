/** Heuristics for credentials, judged by name only: values are never collected. */

/** Names that usually hold a credential… */
const CREDENTIAL_NAME = /(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?|AUTH_?KEY|CONNECTION_?STRING|DSN)/i;
/** …unless they point *at* one (a file path, a name, a URL), which is the good practice. */
const REFERENCE_SUFFIX = /(_FILE|_PATH|_DIR|_NAME|_URL|_URI|_ENDPOINT|_REF|_TTL|_EXPIRY|_LENGTH|_HEADER|_ENABLED|_TYPE)$/i;

const verdicts = new Map<string, boolean>();

/** Remembered per name: the same few env var names repeat in every workload. */
export function looksLikeCredential(name: string): boolean {
  let out = verdicts.get(name);
  if (out === undefined) {
    out = CREDENTIAL_NAME.test(name) && !REFERENCE_SUFFIX.test(name);
    if (verdicts.size < 10_000) verdicts.set(name, out);
  }
  return out;
}
