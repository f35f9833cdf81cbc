// Preloaded into the server process (deploy/Containerfile): reads secrets from files instead of
// the environment. For each NAME below, NAME_FILE=/path sets NAME to the file's contents (trailing
// newline trimmed) unless NAME is already set. Kubernetes mounts the Secret as a file, so the
// value never appears in the pod spec, `kubectl describe`, or /proc/<pid>/environ of other tools.
import { readFileSync } from 'node:fs';

const NAMES = ['DATABASE_URL', 'KUBE_POSTURE_PROXY_SECRET'];

for (const name of NAMES) {
  const file = process.env[`${name}_FILE`];
  if (!file || process.env[name]) continue;
  try {
    process.env[name] = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  } catch (e) {
    console.error(`kube-posture: ${name}_FILE=${file} cannot be read: ${e instanceof Error ? e.message : e}`);
    process.exit(2);
  }
}
