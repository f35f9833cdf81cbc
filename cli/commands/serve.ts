/** `kube-posture serve`: the dashboard, exactly as `npm start` runs it (scripts/start.mjs). */
import { fileURLToPath } from 'node:url';
import { parse } from '../args';
import type { Command } from '../command';
import { EXIT, UsageError } from '../errors';
import type { CliDeps, CliIO } from '../io';

const HELP = `Usage: kube-posture serve [options]

Starts the dashboard (builds it first when there is no production build), like \`npm start\`.

Options:
  --port PORT     port to listen on (default: $PORT or 3000)
  --host HOST     address to bind (default: $KUBE_POSTURE_HOST or 127.0.0.1). The dashboard reads
                  the cluster with your credentials and has no login of its own: binding to
                  another address shows that view to everyone who can reach it.
  --debug         print stack traces on errors
  -h, --help      show this help
`;

export const START_SCRIPT = fileURLToPath(new URL('../../scripts/start.mjs', import.meta.url));

export function serveEnv(env: CliIO['env'], port: string | undefined, host: string | undefined): Record<string, string | undefined> {
  if (port !== undefined && (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535)) {
    throw new UsageError(`--port must be a number from 1 to 65535, got "${port}"`, 'see kube-posture serve --help');
  }
  if (host !== undefined && !/^[A-Za-z0-9.:[\]%_-]{1,255}$/.test(host)) throw new UsageError(`--host is not a host name or address: "${host}"`, 'see kube-posture serve --help');
  return { ...env, ...(port !== undefined ? { PORT: port } : {}), ...(host !== undefined ? { KUBE_POSTURE_HOST: host } : {}) };
}

async function run(argv: readonly string[], io: CliIO, deps: CliDeps, signal: AbortSignal): Promise<number> {
  const { values } = parse('serve', argv, { port: { type: 'string', short: 'p' }, host: { type: 'string' } });
  if (values.help) {
    io.stdout.write(HELP);
    return EXIT.ok;
  }
  const env = serveEnv(io.env, values.port, values.host);
  const child = deps.spawn(process.execPath, [START_SCRIPT], { cwd: io.cwd, env: env as NodeJS.ProcessEnv, stdio: 'inherit' });
  const forward = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  signal.addEventListener('abort', forward, { once: true });
  return new Promise<number>((done, fail) => {
    child.once('error', (e) => fail(new Error(`could not start the dashboard: ${e.message}`)));
    child.once('exit', (code, sig) => {
      signal.removeEventListener('abort', forward);
      done(sig ? EXIT.interrupted : (code ?? EXIT.internal));
    });
  });
}

export const serveCommand: Command = { name: 'serve', summary: 'start the dashboard (same as npm start)', help: HELP, run };
