/**
 * Pure parsers for the peer comparison in bench/run.ts: what Popeye and Polaris report (their
 * JSON output) and what GNU time measured.
 */

/** What a peer reported, counted the same way for every peer. */
export interface PeerReport {
  /** Objects the tool judged (Popeye: resources in its tallies; Polaris: workloads). */
  objects: number;
  /** Individual results (Popeye: issues of any level; Polaris: check results, passes included). */
  results: number;
  /** Results that are problems: Popeye warning + error, Polaris warning + danger. */
  failures: number;
  bySeverity: Record<string, number>;
  score: number;
  /** Errors the tool reported next to its results (a list it could not read): the report is incomplete. */
  errors: string[];
}

interface PopeyeSection {
  linter: string;
  tally?: { ok?: number; info?: number; warning?: number; error?: number };
  issues?: Record<string, { level: number }[] | null>;
}

// Popeye's levels (internal/rules): 0 OK, 1 info, 2 warning, 3 error.
const POPEYE_LEVELS = ['ok', 'info', 'warning', 'error'] as const;

/** `popeye -o json`: {"popeye": {score, grade, sections: [{linter, tally, issues: {fqn: [..]}}]}}. */
export function parsePopeye(json: string): PeerReport & { grade: string; linters: number } {
  const report = (JSON.parse(json) as { popeye?: { score: number; grade: string; sections?: PopeyeSection[] } }).popeye;
  if (!report) throw new Error('not a Popeye JSON report (no "popeye" key)');
  const bySeverity: Record<string, number> = { info: 0, warning: 0, error: 0 };
  let objects = 0;
  let results = 0;
  for (const s of report.sections ?? []) {
    const t = s.tally ?? {};
    objects += (t.ok ?? 0) + (t.info ?? 0) + (t.warning ?? 0) + (t.error ?? 0);
    for (const list of Object.values(s.issues ?? {})) {
      for (const issue of list ?? []) {
        const level = POPEYE_LEVELS[issue.level];
        if (!level || level === 'ok') continue;
        results++;
        bySeverity[level] = (bySeverity[level] ?? 0) + 1;
      }
    }
  }
  return {
    objects,
    results,
    failures: (bySeverity.warning ?? 0) + (bySeverity.error ?? 0),
    bySeverity,
    score: report.score,
    grade: report.grade,
    linters: report.sections?.length ?? 0,
    errors: popeyeErrors(json),
  };
}

/**
 * Popeye writes its errors last, as one object with a repeated key ({"error": "a", "error": "b"}),
 * which JSON.parse collapses to the last one: read them from the text. (A quote inside a message is
 * escaped, so the key cannot appear unescaped anywhere else.)
 */
function popeyeErrors(json: string): string[] {
  const at = json.lastIndexOf('"errors":');
  if (at < 0) return [];
  return [...json.slice(at).matchAll(/"error":\s*("(?:[^"\\]|\\.)*")/g)].map((m) => JSON.parse(m[1] as string) as string);
}

type PolarisResultSet = Record<string, { Success: boolean; Severity: string }> | null;
interface PolarisResult {
  Results?: PolarisResultSet;
  PodResult?: { Results?: PolarisResultSet; ContainerResults?: { Results?: PolarisResultSet }[] | null } | null;
}

/** `polaris audit --format json`: {ClusterInfo, Results: [{Results, PodResult: {Results, ContainerResults}}], Score}. */
export function parsePolaris(json: string): PeerReport & { sourceType: string; clusterInfo: Record<string, unknown> } {
  const audit = JSON.parse(json) as { SourceType?: string; ClusterInfo?: Record<string, unknown>; Results?: PolarisResult[] | null; Score?: number };
  if (audit.SourceType === undefined || audit.ClusterInfo === undefined) throw new Error('not a Polaris audit (no SourceType/ClusterInfo)');
  const bySeverity: Record<string, number> = { warning: 0, danger: 0 };
  let results = 0;
  const count = (set: PolarisResultSet | undefined) => {
    for (const r of Object.values(set ?? {})) {
      results++;
      // "ignore"-severity checks are not run; count any other failed one under its severity.
      if (!r.Success) bySeverity[r.Severity] = (bySeverity[r.Severity] ?? 0) + 1;
    }
  };
  for (const r of audit.Results ?? []) {
    count(r.Results);
    count(r.PodResult?.Results);
    for (const c of r.PodResult?.ContainerResults ?? []) count(c.Results);
  }
  return {
    objects: audit.Results?.length ?? 0,
    results,
    failures: (bySeverity.warning ?? 0) + (bySeverity.danger ?? 0),
    bySeverity,
    score: audit.Score ?? 0,
    // Polaris fails outright (no report) when it cannot read the cluster.
    errors: [],
    sourceType: audit.SourceType,
    clusterInfo: audit.ClusterInfo,
  };
}

/** The format bench/peers/peers.ts gives GNU time: max RSS (KiB), exit status, user and system CPU seconds. */
export const GNU_TIME_FORMAT = '%M %x %U %S';

/** GNU time's output file for GNU_TIME_FORMAT; a process killed by signal N gets exit code 128 + N, as in a shell. */
export function parseGnuTime(text: string): { maxRssKiB: number; exitCode: number; cpuMs: number } {
  const lines = text.trim().split('\n');
  const m = /^(\d+) (-?\d+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)$/.exec((lines.at(-1) ?? '').trim());
  if (!m) throw new Error(`unexpected GNU time output: ${JSON.stringify(text.slice(-200))}`);
  // An earlier line may say "Command exited with non-zero status N" or "Command terminated by signal N".
  const signal = /^Command terminated by signal (\d+)$/m.exec(text)?.[1];
  return {
    maxRssKiB: Number(m[1]),
    exitCode: signal === undefined ? Number(m[2]) : 128 + Number(signal),
    cpuMs: Math.round((Number(m[3]) + Number(m[4])) * 1000),
  };
}

/** A "Field: N kB" line of /proc/meminfo or /proc/<pid>/status, in KiB (undefined when absent, e.g. a zombie's VmRSS). */
export function procKiB(text: string, field: string): number | undefined {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(text);
  return m ? Number(m[1]) : undefined;
}
