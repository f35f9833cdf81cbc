import { flagEvidence, forEachFlagComponent, resultFor } from '../../helpers';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

const MINIMUMS: readonly { flag: string; min: number; unit: string }[] = [
  { flag: 'audit-log-maxage', min: 30, unit: 'days' },
  { flag: 'audit-log-maxbackup', min: 10, unit: 'files' },
  { flag: 'audit-log-maxsize', min: 100, unit: 'MB' },
];

export default defineCheck({
  id: 'apiserver-audit-log-retention',
  title: 'Audit log files are kept long enough',
  description:
    'When the API server writes audit logs to files, too little retention deletes evidence before anyone looks at it. CIS asks for at least 30 days, 10 rotated files and 100 MB per file. ' +
    'Not applicable when audit logs are not written to a file (see apiserver-audit-logging).',
  component: 'kube-apiserver',
  area: 'audit',
  severity: 'medium',
  tier: 'api',
  references: [cis('1.2.17'), cis('1.2.18'), cis('1.2.19'), kubescape('C-0131'), kubescape('C-0132'), kubescape('C-0133'), trivy('KCV-0020'), catalogue('AU-02')],
  remediation: 'Start kube-apiserver with --audit-log-maxage=30 --audit-log-maxbackup=10 --audit-log-maxsize=100 (or ship the logs to central storage that keeps them longer).',
  evaluate: (ctx) =>
    forEachFlagComponent(ctx, 'kube-apiserver', (c, flags) => {
      if (flags['audit-log-path'] === undefined || flags['audit-log-path'] === '-') {
        return resultFor(c, 'not-applicable', 'Audit logs are not written to a file on the node.', [flagEvidence(c, 'audit-log-path', 'a file path')]);
      }
      const ev = MINIMUMS.map((m) => flagEvidence(c, m.flag, `≥ ${m.min} ${m.unit}`));
      const short = MINIMUMS.filter((m) => {
        const v = Number(flags[m.flag] ?? '0');
        return !(v >= m.min);
      }).map((m) => `--${m.flag}=${flags[m.flag] ?? '(not set)'} (want ≥ ${m.min} ${m.unit})`);
      return short.length === 0
        ? resultFor(c, 'pass', 'Audit log retention meets the CIS minimums.', ev)
        : resultFor(c, 'fail', `Audit log retention does not meet the CIS minimums: ${short.join('; ')}.`, ev);
    }),
});
