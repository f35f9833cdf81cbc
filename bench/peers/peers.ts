/**
 * Peers side by side in the benchmark: Popeye and Polaris, built from their Go modules by
 * bench/peers/build.sh, run against the same loaded cluster as kube-posture's cold scans. Each run
 * is a fresh process under GNU time (wall time, CPU time, peak RSS = the kernel's maxrss, exit
 * status), its JSON report written to a file and counted (bench/peers/parse.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { GNU_TIME_FORMAT, type PeerReport, parseGnuTime, parsePolaris, parsePopeye, procKiB } from './parse.ts';

export const PEERS = ['popeye', 'polaris'] as const;
export type PeerName = (typeof PEERS)[number];

const GNU_TIME = '/usr/bin/time';
// Popeye has peaked at 14 GB at S on this shared machine: if memory runs out, the kernel should
// kill the peer rather than someone else's process (oom_score_adj is inherited through GNU time).
const CHOOM = '/usr/bin/choom';
/** Left to everything else when a peer's memory cap is derived from MemAvailable. */
const MEMORY_MARGIN_MB = 2048;

interface PeerSpec {
  /** What the tool checks, in one line, for the README table. */
  checks: string;
  args: (kubeconfig: string) => string[];
  env: (kubeconfig: string) => Record<string, string>;
  parse: (json: string) => PeerReport;
}

const SPECS: Record<PeerName, PeerSpec> = {
  popeye: {
    checks: 'every linter for the kinds the cluster has (24 here): misconfigurations, unused or dangling objects, RBAC references, deprecated APIs; every level',
    // -A: every namespace; no --sections: every linter; --lint ok (the default) reports every level.
    // Popeye exits 1 when it finds errors, so exit 1 with a report is a completed run.
    args: (kc) => ['-A', '--kubeconfig', kc, '-o', 'json'],
    env: () => ({}),
    parse: parsePopeye,
  },
  polaris: {
    checks: 'its default config: 46 checks, workload security/reliability/efficiency per controller, pod and container, plus RBAC, network policy, PDB/HPA',
    // No --audit-path: audits the live cluster the kubeconfig points at (controller-runtime reads KUBECONFIG).
    args: () => ['audit', '--format', 'json', '--log-level', 'error'],
    env: (kc) => ({ KUBECONFIG: kc }),
    parse: parsePolaris,
  },
};

export interface PeerRun {
  wallMs: number;
  /** User + system CPU of the process (GNU time). */
  cpuMs: number | null;
  /** The whole process's peak RSS (GNU time %M): not "above idle" like kube-posture's figure. */
  peakRssMB: number | null;
  exitCode: number;
  report?: PeerReport & Record<string, unknown>;
  error?: string;
}

export type PeerResult =
  | { tool: PeerName; available: false; reason: string }
  | { tool: PeerName; available: true; version: string; binary: string; checks: string; command: string; runs: PeerRun[] };

/** Builds (or finds in the cache) a peer; never throws: a peer that cannot be built is reported. */
export function buildPeer(tool: PeerName, repoRoot: string): { binary: string; version: string } | { reason: string } {
  const r = spawnSync('bash', [join(repoRoot, 'bench/peers/build.sh'), tool], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  process.stderr.write(r.stderr.split('\n').filter((l) => l.startsWith('[peers build]')).map((l) => `${l}\n`).join(''));
  const binary = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !existsSync(binary)) {
    const reason = r.stderr.trim().split('\n').filter((l) => l.startsWith('[peers build]')).pop()?.replace('[peers build] ', '');
    return { reason: reason ?? `build.sh exited ${r.status}` };
  }
  // The cache directory is peers-<tool>-<version>.
  return { binary, version: basename(dirname(binary)).slice(`peers-${tool}-`.length) };
}

/** Resident memory of a process and its children (GNU time and the peer), in KiB. */
function treeRssKiB(pid: number): number {
  return [pid, ...childrenOf(pid)].reduce((sum, p) => sum + (procKiB(readProc(`/proc/${p}/status`), 'VmRSS') ?? 0), 0);
}
const childrenOf = (pid: number) => readProc(`/proc/${pid}/task/${pid}/children`).trim().split(' ').filter(Boolean).map(Number);
/** A /proc file, or '' once the process is gone. */
function readProc(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/**
 * One run of a peer in a fresh process. A watchdog kills it if it outgrows the memory the machine
 * has left (MemAvailable at its start, less a margin), or `maxRssMB`: the machine is shared.
 */
async function runOnce(tool: PeerName, binary: string, kubeconfig: string, maxRssMB: number): Promise<PeerRun> {
  const spec = SPECS[tool];
  const dir = mkdtempSync(join(tmpdir(), `kp-peer-${tool}-`));
  const outFile = join(dir, 'out.json');
  const timeFile = join(dir, 'time.txt');
  const out = openSync(outFile, 'w');
  const measured = existsSync(GNU_TIME);
  let argv = measured ? [GNU_TIME, '-f', GNU_TIME_FORMAT, '-o', timeFile, binary, ...spec.args(kubeconfig)] : [binary, ...spec.args(kubeconfig)];
  if (existsSync(CHOOM)) argv = [CHOOM, '-n', '1000', '--', ...argv];
  const [cmd, ...args] = argv as [string, ...string[]];
  const availableMB = (procKiB(readFileSync('/proc/meminfo', 'utf8'), 'MemAvailable') ?? Number.POSITIVE_INFINITY) / 1024;
  const capMB = Math.round(Math.min(maxRssMB, availableMB - MEMORY_MARGIN_MB));
  try {
    const t0 = performance.now();
    // Its own HOME, TMPDIR and cwd: Popeye logs to $TMPDIR/popeye.log, client-go caches under HOME.
    const child = spawn(cmd, args, { cwd: dir, env: { ...process.env, HOME: dir, TMPDIR: dir, ...spec.env(kubeconfig) }, stdio: ['ignore', out, 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (b: Buffer) => {
      stderr = (stderr + b.toString('utf8')).slice(-4000);
    });
    let killedAtMB: number | undefined;
    const watchdog = setInterval(() => {
      if (child.pid === undefined || killedAtMB !== undefined) return;
      const rssMB = treeRssKiB(child.pid) / 1024;
      if (rssMB <= capMB) return;
      killedAtMB = Math.round(rssMB);
      // The peer itself (GNU time's child), so GNU time still reports on it.
      const target = (measured ? childrenOf(child.pid)[0] : undefined) ?? child.pid;
      try {
        process.kill(target, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, 200);
    const status = await new Promise<number>((resolve) => child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : -1))));
    const wallMs = Math.round(performance.now() - t0);
    clearInterval(watchdog);
    closeSync(out);
    const time = measured && existsSync(timeFile) ? parseGnuTime(readFileSync(timeFile, 'utf8')) : undefined;
    const run: PeerRun = { wallMs, cpuMs: time?.cpuMs ?? null, peakRssMB: time ? Math.round((time.maxRssKiB / 1024) * 10) / 10 : null, exitCode: time?.exitCode ?? status };
    if (killedAtMB !== undefined) {
      run.error = `killed by the bench at ${killedAtMB} MB RSS: cap ${capMB} MB (${capMB < maxRssMB ? 'the memory this shared machine had left' : '--peer-max-rss-gb'})`;
      return run;
    }
    try {
      run.report = spec.parse(readFileSync(outFile, 'utf8')) as PeerRun['report'];
    } catch (e) {
      run.error = `${(e as Error).message}; stderr: ${stderr.trim().slice(-400)}`;
    }
    return run;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runPeer(tool: PeerName, built: { binary: string; version: string }, kubeconfig: string, runs: number, maxRssMB: number, log: (m: string) => void): Promise<PeerResult> {
  const spec = SPECS[tool];
  const result: PeerResult = {
    tool,
    available: true,
    version: built.version,
    binary: built.binary,
    checks: spec.checks,
    command: [...Object.entries(spec.env('<admin.kubeconfig>')).map(([k, v]) => `${k}=${v}`), tool, ...spec.args('<admin.kubeconfig>')].join(' '),
    runs: [],
  };
  for (let i = 0; i < runs; i++) {
    const run = await runOnce(tool, built.binary, kubeconfig, maxRssMB);
    result.runs.push(run);
    const what = run.report
      ? `${run.report.objects} objects, ${run.report.results} results, ${run.report.failures} failures${run.report.errors.length ? `, INCOMPLETE: ${run.report.errors.length} errors (${run.report.errors[0]})` : ''}`
      : `no report: ${run.error}`;
    log(`${tool} run ${i + 1}/${runs}: ${run.wallMs} ms, CPU ${run.cpuMs ?? '?'} ms, peak RSS ${run.peakRssMB ?? '?'} MB, exit ${run.exitCode}, ${what}`);
  }
  return result;
}

const median = (xs: number[]): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
// Three decimals: against peers the ratios are far below 1.
const ratio = (a: number | null | undefined, b: number | null | undefined) => (a == null || b == null || b === 0 ? null : Math.round((a / b) * 1000) / 1000);

/** kube-posture's medians the peers are compared with. */
export interface Ours {
  coldScanMs: number;
  scanCpuMs: number;
  startupMs: number | null;
  peakRssAboveIdleMB: number;
  peakRssMB: number | null;
}

/**
 * Medians per peer and the ratios ours / peer (below 1: kube-posture is faster or smaller).
 * Only complete runs count: a report and no errors in it (Popeye reports lists it could not read
 * and carries on). Time: our in-process cold scan, and the same plus our process start-up (a
 * peer's wall time includes its own); CPU: our scan's against the peer process's. Memory: our peak
 * above idle (the G5 figure) and our whole-process peak, each against the peer's whole-process peak.
 */
export function summarizePeers(peers: PeerResult[], ours: Ours) {
  return peers.map((p) => {
    if (!p.available) return { tool: p.tool, available: false as const, reason: p.reason };
    const ok = p.runs.filter((r) => r.report && r.report.errors.length === 0);
    const wallMs = median(ok.map((r) => r.wallMs));
    const cpuMs = median(ok.flatMap((r) => (r.cpuMs === null ? [] : [r.cpuMs])));
    const peakRssMB = median(ok.flatMap((r) => (r.peakRssMB === null ? [] : [r.peakRssMB])));
    return {
      tool: p.tool,
      available: true as const,
      version: p.version,
      checks: p.checks,
      command: p.command,
      completeRuns: ok.length,
      wallMs: { median: wallMs },
      cpuMs: { median: cpuMs },
      peakRssMB: { median: peakRssMB },
      // Every run, complete or not, with its counts and errors.
      runs: p.runs,
      report: ok.at(-1)?.report ?? null,
      ratios: {
        coldScanToWall: ratio(ours.coldScanMs, wallMs),
        coldScanWithStartupToWall: ratio(ours.startupMs === null ? null : ours.coldScanMs + ours.startupMs, wallMs),
        scanCpuToCpu: ratio(ours.scanCpuMs, cpuMs),
        rssAboveIdleToPeakRss: ratio(ours.peakRssAboveIdleMB, peakRssMB),
        peakRssToPeakRss: ratio(ours.peakRssMB, peakRssMB),
      },
    };
  });
}
