/**
 * Command-line flags of a Kubernetes component, as the API shows them in a static pod's
 * `command` + `args`. Handles `--flag=value`, `--flag value` and bare boolean `--flag`.
 * The last occurrence wins, as with pflag.
 */
export type Flags = Record<string, string>;

export function parseFlags(argv: readonly string[]): Flags {
  const flags: Flags = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === undefined || !arg.startsWith('--')) continue;
    const body = arg.slice(2);
    const eq = body.indexOf('=');
    if (eq >= 0) {
      flags[body.slice(0, eq)] = body.slice(eq + 1);
      continue;
    }
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('-')) {
      flags[body] = next;
      i++;
    } else {
      flags[body] = 'true';
    }
  }
  return flags;
}

/** Comma-separated flag values such as `--authorization-mode=Node,RBAC`. */
export function flagList(flags: Flags, name: string): string[] {
  const v = flags[name];
  if (v === undefined || v === '') return [];
  return v.split(',').map((s) => s.trim()).filter(Boolean);
}

/** `--feature-gates=A=true,B=false` → { A: true, B: false }. */
export function featureGates(flags: Flags, name = 'feature-gates'): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const item of flagList(flags, name)) {
    const [k, v] = item.split('=');
    if (k) out[k.trim()] = (v ?? 'true').trim().toLowerCase() === 'true';
  }
  return out;
}

/** A boolean flag's effective value, with the component's default when unset. */
export function flagBool(flags: Flags, name: string, defaultValue: boolean): boolean {
  const v = flags[name];
  if (v === undefined) return defaultValue;
  return v.toLowerCase() === 'true';
}
