import { flagEvidence, forEachFlagComponent, parseDurationSeconds, resultFor } from '../../helpers';
import { catalogue, cis } from '../../refs';
import { defineCheck } from '../../types';

/** 30 days: a generous ceiling; bound tokens are normally requested for an hour. */
const MAX_SECONDS = 30 * 24 * 3600;

export default defineCheck({
  id: 'apiserver-max-token-expiration',
  title: 'Service-account token lifetimes are capped',
  description:
    'Without --service-account-max-token-expiration any client allowed to request tokens (TokenRequest) can ask for one that lives for years. A cap of at most 30 days passes.',
  component: 'kube-apiserver',
  area: 'credentials',
  severity: 'medium',
  tier: 'api',
  references: [cis('1.2.30'), catalogue('CE-06')],
  remediation: 'Set --service-account-max-token-expiration=48h (or another value of at most 720h) on kube-apiserver.',
  evaluate: (ctx) =>
    forEachFlagComponent(ctx, 'kube-apiserver', (c, flags) => {
      const ev = [flagEvidence(c, 'service-account-max-token-expiration', '≤ 720h')];
      const raw = flags['service-account-max-token-expiration'];
      if (raw === undefined) return resultFor(c, 'fail', 'Token lifetimes are not capped: clients can request tokens valid for years.', ev);
      const seconds = parseDurationSeconds(raw);
      if (seconds === undefined) return resultFor(c, 'unknown', `Cannot evaluate: ${raw} is not a duration.`, ev);
      return seconds <= MAX_SECONDS
        ? resultFor(c, 'pass', `Tokens live at most ${raw}.`, ev)
        : resultFor(c, 'fail', `The cap of ${raw} is longer than 30 days.`, ev);
    }),
});
