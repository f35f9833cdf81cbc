/**
 * One cold scan in a fresh process, measured: wall time, time to first result (server version +
 * all nodes read), API requests, peak RSS above the idle process, the CPU of the scan's
 * evaluation, CPU spent evaluating checks, and the posture's size. Prints one JSON line. Run by
 * bench/run.ts.
 *
 * The timed scan is what scan() does: collect(), then evaluatePosture() once. The check CPU
 * figures are measured afterwards, outside the timed scan, on a fresh copy of the inventory (so
 * every per-inventory index is rebuilt) with the code already compiled: a micro-benchmark of the
 * checks themselves, as the performance goal G6 defines it.
 *
 *   node --conditions=react-server --import ./scripts/register-ts-hooks.ts bench/scan-once.ts KUBECONFIG
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const kubeconfig = process.argv[2];
if (!kubeconfig) throw new Error('usage: scan-once.ts KUBECONFIG');

const { loadKubeConfig, forContext } = await import('../lib/k8s/kubeconfig');
const { collect } = await import('../lib/k8s/collect');
const { capYoungGeneration } = await import('../lib/k8s/young-generation');
const { buildArchitecture } = await import('../lib/model/build-architecture');
const { ALL_CHECKS } = await import('../lib/checks/catalog/index');
const { evaluateAll } = await import('../lib/checks/runner');
const { evaluatePosture } = await import('../lib/posture/evaluate');

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};

// The idle process as a server is between scans: its young generation already capped and shrunk
// (collect() does that once per process, before its first scan). Measuring idle before that
// would count the shrink as memory the scan did not use.
capYoungGeneration();
globalThis.gc?.();
const idleRss = process.memoryUsage().rss;
let peakRss = idleRss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 5);

const loaded = loadKubeConfig(kubeconfig);
const target = forContext(loaded);
const started = performance.now();
const cpuStart = process.cpuUsage();
let nodesAt = 0;
const inv = await collect({
  kc: target.kc,
  context: target.context,
  server: target.server,
  secretMetadata: true,
  onListDone: (kind) => {
    if (kind === 'Node') nodesAt = performance.now() - started;
  },
});
const collectMs = performance.now() - started;
const collectCpuMs = cpuMs(cpuStart);

const evalStart = process.cpuUsage();
const posture = evaluatePosture(inv);
const evaluateCpuMs = cpuMs(evalStart);
const totalMs = performance.now() - started;
const scanCpuMs = cpuMs(cpuStart);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
clearInterval(sampler);
// The kernel's peak RSS of the whole process so far (Node, imports and the scan), read before the
// check micro-benchmarks below: what GNU time reports for the peers in bench/run.ts. (Inline, not
// imported: --scan-root runs this file alone in other checkouts.)
const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
const hwmKiB = hwm === undefined ? undefined : Number(hwm);

// Check CPU: all checks, and the pod/container-level ones (component `workload`), each on a
// fresh copy of the inventory (a new key for the per-inventory indexes).
const fresh = () => ({ ...inv });
let t = process.cpuUsage();
const invA = fresh();
const findings = evaluateAll(invA, buildArchitecture(invA));
const checkCpuMs = cpuMs(t);
const invB = fresh();
const archB = buildArchitecture(invB);
t = process.cpuUsage();
evaluateAll(invB, archB, ALL_CHECKS.filter((c) => c.component === 'workload'));
const podCheckCpuMs = cpuMs(t);

// A snapshot without per-pod rows: the architecture, findings and scores as shared.
const json = JSON.stringify(posture);
const result = {
  coldScanMs: Math.round(totalMs),
  collectMs: Math.round(collectMs),
  firstResultMs: Math.round(nodesAt),
  requests: inv.stats.requests,
  peakRssAboveIdleMB: Math.round(((peakRss - idleRss) / 1024 / 1024) * 10) / 10,
  scanCpuMs: Math.round(scanCpuMs),
  collectCpuMs: Math.round(collectCpuMs),
  evaluateCpuMs: Math.round(evaluateCpuMs),
  checkCpuMs: Math.round(checkCpuMs),
  podCheckCpuMs: Math.round(podCheckCpuMs),
  /** Peak RSS of the whole process (VmHWM) at the end of the scan, idle process included. */
  peakRssMB: hwmKiB === undefined ? null : Math.round((hwmKiB / 1024) * 10) / 10,
  /** Process start → scan start: Node, the TypeScript hooks and the imports. */
  startupMs: Math.round(started),
  pods: inv.pods.length,
  nodes: inv.nodes.length,
  findings: findings.length,
  postureBytes: Buffer.byteLength(json),
  postureGzipBytes: gzipSync(json).length,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
