/**
 * `npm run bench -- --scale S|M|L [--runs 5] [--label name] [--scan-root dir] [--no-floor] [--kubectl-runs n]
 *                   [--peers | --no-peers] [--peer-runs n] [--peer-max-rss-gb 16]`
 *
 * Loads a synthetic cluster of that scale into the local `bench` control plane (reused when
 * already loaded), then measures kube-posture's cold scan N times, each in a fresh process, next
 * to the floor: `kubectl get <the same kinds> -A -o json --chunk-size=500`, and next to peers
 * (Popeye, Polaris; bench/peers/) on the same cluster. Writes
 * bench/results/<date>-<scale>.json; bench/README.md explains the numbers.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { paths, stateDirFor } from '../e2e/cluster/cluster.ts';
import { binDir } from '../e2e/cluster/testing.ts';
import { REPO_ROOT } from '../e2e/cluster/repo.ts';
import { LISTS } from '../lib/k8s/kinds.ts';
import { AdminClient, load, loadedScale } from './load.ts';
import { buildPeer, PEERS, type PeerResult, runPeer, summarizePeers } from './peers/peers.ts';
import { SCALES } from './synthetic.ts';
import { arg, scaleArg } from './args.ts';

const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);

const scale = scaleArg();
const runs = Number.parseInt(arg('runs', '5'), 10);
/** Suffix of the results file: `<date>-<scale>-<label>.json`. */
const label = arg('label', '');
/** Measure another checkout's scan (e.g. an exported older commit) with this harness. */
const scanRoot = arg('scan-root', REPO_ROOT);
const withFloor = !process.argv.includes('--no-floor');
// Peers: on by default at S and M; at L only when asked (they would run for a very long time).
const withPeers = process.argv.includes('--peers') || (!process.argv.includes('--no-peers') && scale !== 'L');
const peerRuns = Number.parseInt(arg('peer-runs', scale === 'S' ? '3' : '1'), 10);
// A peer is killed above this RSS or above what the machine has left, whichever is lower.
const peerMaxRssMB = Number.parseFloat(arg('peer-max-rss-gb', '16')) * 1024;
const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'e2e/cluster/cli.ts'), ...args], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cluster ${args.join(' ')} failed`);
  return r.stdout.trim();
};

// A different scale loaded? Start the bench cluster afresh.
cli('up', '--profile', 'bench', '--workers', '1');
{
  const client = new AdminClient();
  const current = await loadedScale(client);
  // Objects without the completion marker: an interrupted or outdated load.
  const partial = current === undefined && (await client.send('GET', '/api/v1/namespaces/ns-0000')).status === 200;
  client.close();
  if ((current !== undefined && current !== scale) || partial) {
    log(`${partial ? 'an incomplete load' : `scale ${current}`} is in the bench cluster; recreating it for ${scale}`);
    cli('down', '--profile', 'bench');
    rmSync(stateDirFor('bench'), { recursive: true, force: true });
    cli('up', '--profile', 'bench', '--workers', '1');
  }
}
// Build the peers first (minutes when cold), so nothing compiles while anything is measured.
const builtPeers = withPeers ? PEERS.map((tool) => ({ tool, built: buildPeer(tool, REPO_ROOT) })) : [];
const loaded = await load(scale);
const p = paths('bench', binDir());
const kubectl = join(p.binDir, 'kubectl');

// kwok marks pods Running asynchronously; wait so every run reads the same, complete objects.
for (let i = 0; i < 1200; i++) {
  const out = execFileSync(kubectl, ['--kubeconfig', p.admin, 'get', 'pods', '-A', '--field-selector=status.phase!=Running', '--chunk-size=500', '-o', 'name'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const pending = out.split('\n').filter(Boolean).length;
  if (pending === 0) break;
  if (i % 10 === 0) log(`waiting for kwok: ${pending} pods not Running yet`);
  await new Promise((r) => setTimeout(r, 1000));
}

interface RunResult {
  coldScanMs: number;
  collectMs: number;
  firstResultMs: number;
  requests: number;
  peakRssAboveIdleMB: number;
  scanCpuMs: number;
  collectCpuMs: number;
  evaluateCpuMs: number;
  checkCpuMs: number;
  podCheckCpuMs: number;
  /** Whole-process peak RSS (VmHWM) and process start → scan start; absent from older scan-once.ts. */
  peakRssMB?: number | null;
  startupMs?: number;
  pods: number;
  nodes: number;
  findings: number;
  postureBytes: number;
  postureGzipBytes: number;
}

/**
 * A second floor: the API server serving the same lists, pages of 500, 4 requests in flight,
 * with a client that only reads the bytes (no parsing). What no client can beat on this machine.
 */
async function fetchFloor(): Promise<{ ms: number; bytes: number }> {
  const client = new AdminClient();
  let bytes = 0;
  const t0 = performance.now();
  const queue = LISTS.map((l) => l.path);
  const worker = async () => {
    for (let path = queue.shift(); path; path = queue.shift()) {
      let cont: string | undefined;
      do {
        const r = await client.send('GET', `${path}?limit=500${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`);
        bytes += r.body.length;
        cont = /"continue":"([^"]+)"/.exec(r.body.slice(0, 4096))?.[1];
      } while (cont);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  client.close();
  return { ms: Math.round(performance.now() - t0), bytes };
}
const results: RunResult[] = [];
// The fetch floor is taken between scan runs, so both see the same machine (the kubectl floor,
// minutes long at M, runs last: it leaves the API server busy for a while).
const fetchFloors: { ms: number; bytes: number }[] = [];
for (let i = 0; i < runs; i++) {
  if (withFloor && i < 3) fetchFloors.push(await fetchFloor());
  const r = spawnSync(process.execPath, ['--conditions=react-server', '--expose-gc', '--import', join(scanRoot, 'scripts/register-ts-hooks.ts'), join(scanRoot, 'bench/scan-once.ts'), p.admin], { encoding: 'utf8', maxBuffer: 1 << 26, cwd: scanRoot });
  if (r.status !== 0) throw new Error(`scan run ${i + 1} failed:\n${r.stderr}`);
  const line = JSON.parse(r.stdout.trim().split('\n').pop() as string) as RunResult;
  results.push(line);
  log(`run ${i + 1}/${runs}: ${line.coldScanMs} ms (collect ${line.collectMs}), ${line.requests} requests, +${line.peakRssAboveIdleMB} MB (peak ${line.peakRssMB ?? '?'} MB), scan CPU ${line.scanCpuMs} ms, checks ${line.checkCpuMs} ms CPU (pod-level ${line.podCheckCpuMs})`);
}

// Peers after our runs and before the kubectl floor, on the same loaded cluster.
const peers: PeerResult[] = [];
for (const { tool, built } of builtPeers) {
  if ('reason' in built) {
    log(`${tool}: not available: ${built.reason}`);
    peers.push({ tool, available: false, reason: built.reason });
  } else peers.push(await runPeer(tool, built, p.admin, peerRuns, peerMaxRssMB, log));
}

const KINDS = 'nodes,namespaces,pods,deployments,daemonsets,statefulsets,replicasets,jobs,cronjobs,services,ingresses,networkpolicies,resourcequotas,limitranges,serviceaccounts,roles,rolebindings,clusterroles,clusterrolebindings,certificatesigningrequests,validatingwebhookconfigurations,mutatingwebhookconfigurations,runtimeclasses,apiservices';
const floor: number[] = [];
const kubectlRuns = Number.parseInt(arg('kubectl-runs', scale === 'S' ? '3' : '1'), 10);
for (let i = 0; i < (withFloor ? Math.min(kubectlRuns, runs) : 0); i++) {
  const t0 = performance.now();
  execFileSync('bash', ['-c', `"${kubectl}" --kubeconfig "${p.admin}" get ${KINDS} -A -o json --chunk-size=500 > /dev/null`]);
  floor.push(Math.round(performance.now() - t0));
}


const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)] as number;
const stat = (f: (r: RunResult) => number) => ({ median: median(results.map(f)), p95: p95(results.map(f)) });

const budget = 25 + Math.ceil((results[0]?.pods ?? 0) / 500) + Math.ceil((results[0]?.nodes ?? 0) / 500);
const summary = {
  date: new Date().toISOString(),
  scale,
  label: label || undefined,
  code: scanRoot === REPO_ROOT ? execFileSync('git', ['-C', REPO_ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim() : scanRoot,
  target: SCALES[scale],
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGB: Math.round(totalmem() / 1024 ** 3), node: process.version, nodeOptions: process.env.NODE_OPTIONS ?? '', loadAverage: loadavg() },
  loadSeconds: loaded.seconds,
  loadReused: loaded.reused,
  runs: results,
  coldScanMs: stat((r) => r.coldScanMs),
  firstResultMs: stat((r) => r.firstResultMs),
  requests: stat((r) => r.requests),
  requestBudgetBeforeOtherKindsPages: budget,
  peakRssAboveIdleMB: stat((r) => r.peakRssAboveIdleMB),
  peakRssMB: results.every((r) => typeof r.peakRssMB === 'number') ? stat((r) => r.peakRssMB as number) : undefined,
  startupMs: results.every((r) => typeof r.startupMs === 'number') ? stat((r) => r.startupMs as number) : undefined,
  collectMs: stat((r) => r.collectMs),
  scanCpuMs: stat((r) => r.scanCpuMs),
  collectCpuMs: stat((r) => r.collectCpuMs),
  evaluateCpuMs: stat((r) => r.evaluateCpuMs),
  checkCpuMs: stat((r) => r.checkCpuMs),
  checkCpuMsPer10kPods: Math.round((median(results.map((r) => r.checkCpuMs)) / Math.max(1, results[0]?.pods ?? 1)) * 10_000),
  podCheckCpuMs: stat((r) => r.podCheckCpuMs),
  podCheckCpuMsPer10kPods: Math.round((median(results.map((r) => r.podCheckCpuMs)) / Math.max(1, results[0]?.pods ?? 1)) * 10_000),
  postureGzipBytes: stat((r) => r.postureGzipBytes),
  floorKubectlMs: { median: median(floor), runs: floor },
  ratioToFloor: Math.round((median(results.map((r) => r.coldScanMs)) / median(floor)) * 100) / 100,
  floorFetchMs: { median: median(fetchFloors.map((f) => f.ms)), runs: fetchFloors.map((f) => f.ms), bytes: fetchFloors[0]?.bytes },
  ratioToFetchFloor: Math.round((median(results.map((r) => r.coldScanMs)) / median(fetchFloors.map((f) => f.ms))) * 100) / 100,
  peers: withPeers
    ? summarizePeers(peers, {
        coldScanMs: median(results.map((r) => r.coldScanMs)),
        scanCpuMs: median(results.map((r) => r.scanCpuMs)),
        startupMs: results.every((r) => typeof r.startupMs === 'number') ? median(results.map((r) => r.startupMs as number)) : null,
        peakRssAboveIdleMB: median(results.map((r) => r.peakRssAboveIdleMB)),
        peakRssMB: results.every((r) => typeof r.peakRssMB === 'number') ? median(results.map((r) => r.peakRssMB as number)) : null,
      })
    : undefined,
};
mkdirSync(join(REPO_ROOT, 'bench/results'), { recursive: true });
// Never overwrite an earlier result: <date>-<scale>[-label].json, then -2, -3 …
const base = join(REPO_ROOT, 'bench/results', `${summary.date.slice(0, 10)}-${scale}${label ? `-${label}` : ''}`);
let file = `${base}.json`;
for (let n = 2; existsSync(file); n++) file = `${base}-${n}.json`;
writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
log(`wrote ${file}`);
console.log(JSON.stringify({ scale, coldScanMs: summary.coldScanMs, collectMs: summary.collectMs, firstResultMs: summary.firstResultMs, requests: summary.requests, peakRssAboveIdleMB: summary.peakRssAboveIdleMB, scanCpuMs: summary.scanCpuMs, checkCpuMs: summary.checkCpuMs, podCheckCpuMsPer10kPods: summary.podCheckCpuMsPer10kPods, postureGzipBytes: summary.postureGzipBytes, floorKubectlMs: summary.floorKubectlMs, floorFetchMs: summary.floorFetchMs, ratioToFloor: summary.ratioToFloor, ratioToFetchFloor: summary.ratioToFetchFloor, peers: summary.peers?.map((x) => (x.available ? { tool: x.tool, completeRuns: x.completeRuns, wallMs: x.wallMs.median, cpuMs: x.cpuMs.median, peakRssMB: x.peakRssMB.median, ratios: x.ratios } : x)) }, null, 1));
