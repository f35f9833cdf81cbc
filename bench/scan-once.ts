/**
 * One cold scan in a fresh process, measured: wall time, time to first result (server version +
 * all nodes read), API requests, peak RSS above the idle process, CPU spent evaluating checks,
 * and the posture's size. Prints one JSON line. Run by bench/run.ts.
 *
 *   node --conditions=react-server --import ./scripts/register-ts-hooks.ts bench/scan-once.ts KUBECONFIG
 */
import { gzipSync } from 'node:zlib';

const kubeconfig = process.argv[2];
if (!kubeconfig) throw new Error('usage: scan-once.ts KUBECONFIG');

const { loadKubeConfig, forContext } = await import('../lib/k8s/kubeconfig');
const { collect } = await import('../lib/k8s/collect');
const { buildArchitecture } = await import('../lib/model/build-architecture');
const { evaluateAll } = await import('../lib/checks/runner');
const { evaluatePosture } = await import('../lib/posture/evaluate');

globalThis.gc?.();
const idleRss = process.memoryUsage().rss;
let peakRss = idleRss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 5);

const loaded = loadKubeConfig(kubeconfig);
const target = forContext(loaded);
const started = performance.now();
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

const cpu0 = process.cpuUsage();
const arch = buildArchitecture(inv);
const findings = evaluateAll(inv, arch);
const cpu1 = process.cpuUsage(cpu0);
const checkCpuMs = (cpu1.user + cpu1.system) / 1000;

const posture = evaluatePosture(inv);
const totalMs = performance.now() - started;
peakRss = Math.max(peakRss, process.memoryUsage().rss);
clearInterval(sampler);

// A snapshot without per-pod rows: the architecture, findings and scores as shared.
const json = JSON.stringify(posture);
const result = {
  coldScanMs: Math.round(totalMs),
  collectMs: Math.round(collectMs),
  firstResultMs: Math.round(nodesAt),
  requests: inv.stats.requests,
  peakRssAboveIdleMB: Math.round(((peakRss - idleRss) / 1024 / 1024) * 10) / 10,
  checkCpuMs: Math.round(checkCpuMs),
  pods: inv.pods.length,
  nodes: inv.nodes.length,
  findings: findings.length,
  postureBytes: Buffer.byteLength(json),
  postureGzipBytes: gzipSync(json).length,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
