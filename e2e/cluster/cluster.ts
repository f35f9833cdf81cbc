/**
 * The local control plane: start (`up`), stop (`down`) and inspect (`status`) one profile.
 * All state lives in `.cluster/<profile>/` (git-ignored): pki/, config/, manifests/, etcd/,
 * logs/, pids/ and the kubeconfigs admin/viewer/restricted.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dump } from 'js-yaml';
import { kubeconfigText, writeControlPlaneConfig, writeKubeconfig } from './config-files.ts';
import { Kubectl } from './kubectl.ts';
import { CONTROL_PLANE, staticPodManifest, type ControlPlaneComponent } from './manifests.ts';
import { REPO_ROOT } from './repo.ts';
import { ETCD_VERSION, K8S_VERSION } from './nodes.ts';
import { cleanEnv, cmdline, isOurs, logFile, readPid, startProcess, stopProcess, trackedProcesses } from './processes.ts';
import { ensurePki } from './pki.ts';
import { profileSpec, type ProfileName, type ProfileSpec } from './profiles.ts';
import { seedProfile, waitForSeed } from './seed.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

export function stateDirFor(profile: ProfileName): string {
  return join(process.env.KUBE_POSTURE_CLUSTER_STATE ?? join(REPO_ROOT, '.cluster'), profile);
}

export interface ClusterPaths {
  stateDir: string;
  admin: string;
  viewer: string;
  restricted: string;
  binDir: string;
}

/** The processes of a profile, in start order; `argv0` is what /proc/<pid>/cmdline shows. */
const PROCESSES: { name: string; argv0: string }[] = [
  { name: 'etcd', argv0: 'etcd' },
  { name: 'kube-apiserver', argv0: 'kube-apiserver' },
  { name: 'kube-controller-manager', argv0: 'kube-controller-manager' },
  { name: 'kube-scheduler', argv0: 'kube-scheduler' },
  { name: 'kwok', argv0: 'kwok' },
];

const log = (msg: string) => process.stderr.write(`[cluster] ${msg}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Builds (or finds) the binaries; prints the cold-build progress on stderr. */
export function ensureBinaries(): string {
  const out = execFileSync('bash', [join(HERE, 'build-binaries.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const dir = out.trim().split('\n').pop();
  if (!dir) throw new Error('the binary build printed no directory');
  return dir;
}

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolvePort) => {
    const srv = createServer();
    srv.once('error', () => resolvePort(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolvePort(true)));
  });
}

function running(stateDir: string): { name: string; pid: number }[] {
  return PROCESSES.flatMap((p) => {
    const pid = readPid(stateDir, p.name);
    return pid !== undefined && isOurs(pid, p.argv0) ? [{ name: p.name, pid }] : [];
  });
}

export function paths(profile: ProfileName, binDir = ''): ClusterPaths {
  const stateDir = stateDirFor(profile);
  return {
    stateDir,
    admin: join(stateDir, 'admin.kubeconfig'),
    viewer: join(stateDir, 'viewer.kubeconfig'),
    restricted: join(stateDir, 'restricted.kubeconfig'),
    binDir,
  };
}

async function waitFor(what: string, timeoutMs: number, probe: () => boolean | Promise<boolean>, onTimeout: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await sleep(250);
  }
  throw new Error(`timed out after ${Math.round(timeoutMs / 1000)}s waiting for ${what}. ${onTimeout()}`);
}

function tail(file: string, lines = 15): string {
  if (!existsSync(file)) return '';
  const text = readFileSync(file, 'utf8').trimEnd().split('\n');
  return `Last lines of ${file}:\n${text.slice(-lines).join('\n')}`;
}

function startFromManifest(component: ControlPlaneComponent, spec: ProfileSpec, p: ClusterPaths): void {
  const manifest = staticPodManifest(component, spec, p.stateDir, { k8s: K8S_VERSION, etcd: ETCD_VERSION });
  const [argv0, ...args] = manifest.spec.containers[0]?.command ?? [];
  if (!argv0) throw new Error(`manifest of ${component} has no command`);
  startProcess(p.stateDir, { name: component, argv0, binary: join(p.binDir, component), args });
}

function manifestText(c: ControlPlaneComponent, spec: ProfileSpec, stateDir: string): string {
  return dump(staticPodManifest(c, spec, stateDir, { k8s: K8S_VERSION, etcd: ETCD_VERSION }), { lineWidth: -1 });
}

/**
 * kwok plays every kubelet. No --node-port: kwok would then serve a kubelet API on 0.0.0.0,
 * beyond loopback and on the same port for every profile.
 */
function kwokArgs(p: ClusterPaths): string[] {
  const stages = join(p.binDir, 'kwok-stages');
  return [
    `--kubeconfig=${join(p.stateDir, 'config', 'kwok.kubeconfig')}`,
    ...['node-initialize', 'node-heartbeat-with-lease', 'pod-ready', 'pod-complete', 'pod-delete'].map((s) => `--config=${join(stages, `${s}.yaml`)}`),
    '--manage-all-nodes=false',
    '--manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake',
    '--cidr=10.244.0.0/16',
    '--node-ip=127.0.0.1',
    '--node-lease-duration-seconds=40',
  ];
}

/** True when the running processes were started from other flags than this version of the harness makes. */
function configChanged(spec: ProfileSpec, p: ClusterPaths): boolean {
  const kwokPid = readPid(p.stateDir, 'kwok');
  const kwokArgv = kwokPid === undefined ? undefined : cmdline(kwokPid);
  if (JSON.stringify(kwokArgv?.slice(1)) !== JSON.stringify(kwokArgs(p))) return true;
  const stateDir = p.stateDir;
  return CONTROL_PLANE.some((c) => {
    const file = join(stateDir, 'manifests', `${c}.yaml`);
    return !existsSync(file) || readFileSync(file, 'utf8') !== manifestText(c, spec, stateDir);
  });
}

/** Kubeconfigs for the processes and the three users; rewritten on every `up` (cheap, and picks up harness changes). */
function writeKubeconfigs(p: ClusterPaths, spec: ProfileSpec, profile: ProfileName): void {
  const pki = join(p.stateDir, 'pki');
  const cfg = join(p.stateDir, 'config');
  const server = `https://127.0.0.1:${spec.ports.apiserver}`;
  const clusterName = `kube-posture-${profile}`;
  const kc = (file: string, user: string, cert: string, namespace?: string) =>
    writeKubeconfig(file, kubeconfigText({ server, caFile: join(pki, 'ca.crt'), cluster: clusterName, user, namespace, auth: { clientCert: join(pki, `${cert}.crt`), clientKey: join(pki, `${cert}.key`) } }));
  kc(p.admin, `admin-${profile}`, 'admin');
  kc(join(cfg, 'controller-manager.kubeconfig'), 'system:kube-controller-manager', 'controller-manager');
  kc(join(cfg, 'scheduler.kubeconfig'), 'system:kube-scheduler', 'scheduler');
  kc(join(cfg, 'kwok.kubeconfig'), 'kwok', 'kwok');
  kc(p.restricted, `restricted-${profile}`, 'restricted', 'team-a');
}

export interface UpOptions {
  profile: ProfileName;
  workers: number;
}

export async function up(opts: UpOptions): Promise<ClusterPaths> {
  const binDir = ensureBinaries();
  const p = paths(opts.profile, binDir);
  const spec = profileSpec(opts.profile, p.stateDir);
  const kubectl = new Kubectl(join(binDir, 'kubectl'), p.admin);

  const alive = running(p.stateDir);
  if (alive.length === PROCESSES.length && !configChanged(spec, p) && kubectl.tryRun(['get', '--raw', '/readyz']) !== undefined) {
    log(`profile ${opts.profile} is already running`);
    writeKubeconfigs(p, spec, opts.profile);
    await seedProfile({ profile: opts.profile, workers: opts.workers, kubectl, paths: p, spec });
    await waitForSeed(kubectl, opts.profile);
    return p;
  }
  if (existsSync(p.stateDir)) {
    // Crashed or half-stopped: stop what is left and start from a clean directory.
    const why = alive.length === PROCESSES.length ? 'its configuration changed' : alive.length ? `only ${alive.map((a) => a.name).join(', ')} still running` : 'nothing running';
    log(`found a stale state directory for ${opts.profile} (${why}); cleaning it`);
    await down(opts.profile);
    rmSync(p.stateDir, { recursive: true, force: true });
  }

  const ports = Object.entries(spec.ports);
  for (const [what, port] of ports) {
    if (!(await portFree(port))) {
      throw new Error(
        `port ${port} (${what} of profile ${opts.profile}) is already in use by another process. Stop it (\`ss -ltnp 'sport = :${port}'\` shows which) and run up again.`,
      );
    }
  }

  for (const d of ['pids', 'logs', 'manifests', 'config', 'audit']) mkdirSync(join(p.stateDir, d), { recursive: true });
  const pki = join(p.stateDir, 'pki');
  const cfg = join(p.stateDir, 'config');
  ensurePki(pki);
  writeControlPlaneConfig(cfg, p.stateDir);
  writeKubeconfigs(p, spec, opts.profile);

  for (const c of CONTROL_PLANE) {
    writeFileSync(join(p.stateDir, 'manifests', `${c}.yaml`), manifestText(c, spec, p.stateDir));
  }

  log(`starting etcd (${spec.etcdTls ? 'mutual TLS' : 'plain http'}) on 127.0.0.1:${spec.ports.etcdClient}`);
  startFromManifest('etcd', spec, p);
  const etcdctl = join(binDir, 'etcdctl');
  const etcdArgs = spec.etcdTls
    ? [`--endpoints=https://127.0.0.1:${spec.ports.etcdClient}`, `--cacert=${pki}/etcd-ca.crt`, `--cert=${pki}/etcd-healthcheck-client.crt`, `--key=${pki}/etcd-healthcheck-client.key`]
    : [`--endpoints=http://127.0.0.1:${spec.ports.etcdClient}`];
  await waitFor(
    'etcd to be healthy',
    30_000,
    () => {
      try {
        execFileSync(etcdctl, [...etcdArgs, 'endpoint', 'health'], { stdio: 'ignore', env: cleanEnv() });
        return true;
      } catch {
        return false;
      }
    },
    () => tail(logFile(p.stateDir, 'etcd')),
  );

  log(`starting kube-apiserver ${K8S_VERSION} on https://127.0.0.1:${spec.ports.apiserver}`);
  startFromManifest('kube-apiserver', spec, p);
  await waitFor('kube-apiserver /readyz', 90_000, () => kubectl.tryRun(['get', '--raw', '/readyz']) !== undefined, () => tail(logFile(p.stateDir, 'kube-apiserver')));

  log('starting kube-controller-manager, kube-scheduler and kwok');
  startFromManifest('kube-controller-manager', spec, p);
  startFromManifest('kube-scheduler', spec, p);
  startProcess(p.stateDir, { name: 'kwok', argv0: 'kwok', binary: join(binDir, 'kwok'), args: kwokArgs(p) });

  await seedProfile({ profile: opts.profile, workers: opts.workers, kubectl, paths: p, spec });
  await waitForSeed(kubectl, opts.profile);
  return p;
}

export async function down(profile: ProfileName): Promise<string[]> {
  const stateDir = stateDirFor(profile);
  const stopped: string[] = [];
  // Reverse start order: clients of the API server first, etcd last.
  for (const p of [...PROCESSES].reverse()) {
    if (await stopProcess(stateDir, p.name, p.argv0)) stopped.push(p.name);
  }
  for (const name of trackedProcesses(stateDir)) rmSync(join(stateDir, 'pids', `${name}.pid`), { force: true });
  return stopped;
}

export interface ProfileStatus {
  profile: ProfileName;
  stateDir: string;
  processes: { name: string; pid?: number; running: boolean }[];
  apiserver?: string;
}

export function status(profile: ProfileName): ProfileStatus {
  const stateDir = stateDirFor(profile);
  const spec = profileSpec(profile, stateDir);
  return {
    profile,
    stateDir,
    apiserver: `https://127.0.0.1:${spec.ports.apiserver}`,
    processes: PROCESSES.map((p) => {
      const pid = readPid(stateDir, p.name);
      return { name: p.name, pid, running: pid !== undefined && isOurs(pid, p.argv0) };
    }),
  };
}
