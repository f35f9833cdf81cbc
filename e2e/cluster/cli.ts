/**
 * `npm run cluster -- up --profile <hardened|weak|managed|bench> [--workers N]`
 * `npm run cluster -- down [--profile P]`      (all profiles when none is given)
 * `npm run cluster -- status`
 * `npm run cluster -- e2e-kubeconfig`
 */
import { down, status, up } from './cluster.ts';
import { writeE2eKubeconfig } from './e2e-kubeconfig.ts';
import { ALL_PROFILES, PROFILES, type ProfileName } from './profiles.ts';

const USAGE = `usage:
  npm run cluster -- up --profile <hardened|weak|managed> [--workers N]
  npm run cluster -- down [--profile <hardened|weak|managed>]
  npm run cluster -- status
  npm run cluster -- e2e-kubeconfig      (one kubeconfig with a context per running profile)`;

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function parse(argv: string[]): { command: string; profile?: ProfileName; workers: number } {
  const [command, ...rest] = argv;
  let profile: ProfileName | undefined;
  let workers = 3;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    const [flag, inline] = arg.split('=', 2);
    const value = () => inline ?? rest[++i] ?? fail(`${flag} needs a value\n${USAGE}`);
    if (flag === '--profile') {
      const v = value();
      if (!(ALL_PROFILES as readonly string[]).includes(v)) fail(`unknown profile '${v}': choose one of ${ALL_PROFILES.join(', ')}`);
      profile = v as ProfileName;
    } else if (flag === '--workers') {
      workers = Number.parseInt(value(), 10);
      if (!Number.isInteger(workers) || workers < 1 || workers > 500) fail('--workers must be a whole number from 1 to 500');
    } else {
      fail(`unknown option '${arg}'\n${USAGE}`);
    }
  }
  if (!command) fail(USAGE);
  return { command, profile, workers };
}

async function main(): Promise<void> {
  const args = parse(process.argv.slice(2));
  switch (args.command) {
    case 'up': {
      if (!args.profile) fail(`up needs --profile\n${USAGE}`);
      const p = await up({ profile: args.profile, workers: args.workers });
      process.stdout.write(`${p.admin}\n`);
      process.stderr.write(
        `[cluster] kubeconfigs: admin ${p.admin}\n[cluster]              viewer ${p.viewer}\n[cluster]              restricted ${p.restricted}\n` +
          `[cluster] try: KUBECONFIG=${p.admin} kubectl get nodes\n`,
      );
      return;
    }
    case 'down': {
      for (const profile of args.profile ? [args.profile] : ALL_PROFILES) {
        const stopped = await down(profile);
        process.stderr.write(`[cluster] ${profile}: ${stopped.length ? `stopped ${stopped.join(', ')}` : 'nothing was running'}\n`);
      }
      return;
    }
    case 'status': {
      for (const profile of args.profile ? [args.profile] : ALL_PROFILES) {
        const s = status(profile);
        const runningCount = s.processes.filter((p) => p.running).length;
        process.stdout.write(`${profile}: ${runningCount}/${s.processes.length} running  ${s.apiserver}  ${s.stateDir}\n`);
        for (const p of s.processes) process.stdout.write(`  ${p.running ? '●' : '○'} ${p.name}${p.pid ? ` (pid ${p.pid})` : ''}\n`);
      }
      return;
    }
    case 'e2e-kubeconfig':
      process.stdout.write(`${writeE2eKubeconfig()}\n`);
      return;
    default:
      fail(`unknown command '${args.command}'\n${USAGE}`);
  }
}

main().catch((e: unknown) => {
  fail(`[cluster] error: ${e instanceof Error ? e.message : String(e)}`, 1);
});
