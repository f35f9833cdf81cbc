/**
 * TLS settings shared by the API server and kubelet cipher/version checks.
 *
 * The strong list is the CIS allow-list: AEAD suites with forward secrecy (GCM, ChaCha20-Poly1305)
 * and the TLS 1.3 suites. CBC-mode, 3DES, RC4 and RSA-key-exchange suites are weak.
 */
export const STRONG_CIPHER_SUITES: ReadonlySet<string> = new Set([
  'TLS_AES_128_GCM_SHA256',
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
]);

/** An example value for remediation texts. */
export const STRONG_CIPHERS_EXAMPLE =
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256';

export function weakSuites(suites: readonly string[]): string[] {
  return suites.filter((s) => !STRONG_CIPHER_SUITES.has(s.trim()));
}

const TLS_RANK: Record<string, number> = { VersionTLS10: 10, VersionTLS11: 11, VersionTLS12: 12, VersionTLS13: 13 };

/** `VersionTLS12` → 12; undefined for an unknown spelling. */
export function tlsVersionRank(value: string): number | undefined {
  return TLS_RANK[value.trim()];
}
