import { defineCheck } from '../../types';
import { looksLikeCredential } from './_lib/credentials';
import { catalogue, cis, kubescape, polaris, trivy } from './_lib/refs';
import { type Observation, passing, verdictOf } from './_lib/verdict';
import { type ContainerAt, SYSTEM_NAMESPACES } from './_lib/workloads';
import { evaluateWorkloads } from './_lib/workload-check';

const PASS = passing({ message: 'No Secrets or credentials in environment variables.', expected: 'no credentials in env', actual: 'none', field: 'containers[*].env' });

/**
 * Values are never collected, so a literal is judged by its name: `DB_PASSWORD: hunter2` in a
 * manifest is a committed credential. Secret references in env are the CIS 5.4.1 warning: they
 * leak through `/proc/<pid>/environ`, crash dumps and child processes.
 */
export default defineCheck({
  id: 'workload-secrets-in-env',
  title: 'Secrets are not passed through environment variables',
  description:
    'Fails when a container sets a literal env var whose name looks like a credential (PASSWORD, TOKEN, API_KEY…; names ending in _FILE, _PATH, _URL are ignored); warns when env vars or envFrom read from Secrets instead of mounting them as files. ' +
    'System namespaces are exempt by default and reported as not-applicable.',
  component: 'workload',
  area: 'workloads',
  severity: 'medium',
  tier: 'api',
  references: [cis('5.4.1'), kubescape('C-0207'), kubescape('C-0012'), polaris('sensitiveContainerEnvVar'), trivy('KSV-0109'), catalogue('WL-15')],
  remediation:
    'Move the value into a Secret and mount it as a file: `volumes: [{name: creds, secret: {secretName: db}}]` with `volumeMounts: [{name: creds, mountPath: /var/run/secrets/db, readOnly: true}]`, and point the app at it (`DB_PASSWORD_FILE=/var/run/secrets/db/password`).',
  defaultExemptNamespaces: [...SYSTEM_NAMESPACES],
  evaluate: (ctx) =>
    evaluateWorkloads(ctx, {
      exempt: SYSTEM_NAMESPACES,
      judge(t) {
        let seen: Observation[] | undefined;
        for (let n = 0; n < t.containers.length; n++) {
          const { c, path } = t.containers[n] as ContainerAt;
          for (let i = 0; i < c.env.length; i++) {
            const e = c.env[i] as (typeof c.env)[number];
            if (e.source === 'literal' && looksLikeCredential(e.name))
              (seen ??= []).push({ status: 'fail', field: `${path}.env[${i}].value`, expected: 'credentials from a mounted Secret', actual: `${e.name} is a literal value`, note: `container "${c.name}" hard-codes ${e.name}` });
            else if (e.source === 'secret')
              (seen ??= []).push({ status: 'warn', field: `${path}.env[${i}].valueFrom.secretKeyRef`, expected: 'Secret mounted as a file', actual: `${e.name} from Secret ${e.ref ?? '?'}`, note: `container "${c.name}" reads ${e.name} from a Secret into env` });
          }
          for (let i = 0; i < c.envFromSecrets.length; i++) {
            const name = c.envFromSecrets[i] as string;
            (seen ??= []).push({ status: 'warn', field: `${path}.envFrom[].secretRef`, expected: 'Secret mounted as a file', actual: `all keys of Secret ${name}`, note: `container "${c.name}" loads Secret ${name} into env` });
          }
        }
        return verdictOf(t, seen, PASS);
      },
    }),
});
