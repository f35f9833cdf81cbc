// Serves the production build with `next start`, building it first when there is none.
//
// Host: KUBE_POSTURE_HOST, default 127.0.0.1. The server binds to loopback by
// default because it reads the cluster with the operator's own credentials and
// has no login of its own; binding it to another address exposes that view to
// everyone who can reach the address.
// Port: PORT, default 3000.
//
// Run through `npm run start` so that node_modules/.bin (and so Node 24) comes first on PATH.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const host = process.env.KUBE_POSTURE_HOST || '127.0.0.1';
const port = process.env.PORT || '3000';
// Next.js telemetry would try to reach the internet; keep it off unless the caller decides otherwise.
const env = { NEXT_TELEMETRY_DISABLED: '1', ...process.env };

// Local mode has no login: it must not be reachable from other machines. In-cluster mode
// authenticates every request (Kubernetes tokens or a trusted proxy) and may bind anywhere.
const mode = process.env.KUBE_POSTURE_MODE || 'local';
const loopback = host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
if (mode === 'local' && !loopback) {
  console.error(
    `kube-posture: refusing to listen on ${host} in local mode. Local mode uses your own kubeconfig credentials ` +
      'and has no login, so anyone who can reach that address would see (and scan) your clusters with your rights. ' +
      'Keep KUBE_POSTURE_HOST on 127.0.0.1 and use an SSH tunnel, or deploy it in-cluster (KUBE_POSTURE_MODE=in-cluster), where every request is authenticated.',
  );
  process.exit(2);
}

if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
  console.error(`kube-posture: PORT must be a number from 1 to 65535, got "${port}"`);
  process.exit(2);
}

if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  console.log('kube-posture: no production build in .next (BUILD_ID missing), running `next build` first');
  const build = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, env, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error(`kube-posture: next build failed (${build.signal ?? `exit code ${build.status}`})`);
    process.exit(build.status || 1);
  }
}

const server = spawn(process.execPath, [nextBin, 'start', '-H', host, '-p', port], {
  cwd: root,
  env,
  stdio: 'inherit',
});

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    if (server.exitCode === null && server.signalCode === null) server.kill(signal);
  });
}

server.on('error', (error) => {
  console.error(`kube-posture: could not start next: ${error.message}`);
  process.exit(1);
});

server.on('exit', (code, signal) => {
  if (signal) {
    // Exit the way the server did, so callers see the signal too.
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
    return;
  }
  process.exit(code ?? 0);
});
