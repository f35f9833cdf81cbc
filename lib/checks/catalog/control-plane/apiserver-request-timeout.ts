import { flagEvidence, forEachFlagComponent, parseDurationSeconds, resultFor } from '../../helpers';
import { catalogue, cis, kubescape } from '../../refs';
import { defineCheck } from '../../types';

/** Five minutes: long enough for large lists, short enough that slow clients cannot pin the server. */
const MAX_SECONDS = 300;

export default defineCheck({
  id: 'apiserver-request-timeout',
  title: 'API requests time out within a reasonable limit',
  description:
    'A very long --request-timeout lets slow or malicious clients hold API server connections open, a cheap denial of service. The default is 60s; values up to 5 minutes pass.',
  component: 'kube-apiserver',
  area: 'api-access',
  severity: 'low',
  tier: 'api',
  references: [cis('1.2.20'), kubescape('C-0134'), catalogue('AS-18')],
  remediation: 'Remove --request-timeout from kube-apiserver to use the 60s default, or set a value such as --request-timeout=300s.',
  evaluate: (ctx) =>
    forEachFlagComponent(ctx, 'kube-apiserver', (c, flags) => {
      const ev = [flagEvidence(c, 'request-timeout', `≤ ${MAX_SECONDS}s (default 60s)`)];
      const raw = flags['request-timeout'];
      if (raw === undefined) return resultFor(c, 'pass', 'Requests use the default 60s timeout.', ev);
      const seconds = parseDurationSeconds(raw);
      if (seconds === undefined) return resultFor(c, 'unknown', `Cannot evaluate: --request-timeout=${raw} is not a duration.`, ev);
      return seconds <= MAX_SECONDS && seconds > 0
        ? resultFor(c, 'pass', `Requests time out after ${raw}.`, ev)
        : resultFor(c, 'fail', `--request-timeout=${raw} lets requests hold connections for too long.`, ev);
    }),
});
