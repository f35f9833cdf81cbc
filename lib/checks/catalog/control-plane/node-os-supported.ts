import { daysBetween, evidence, forEachNode } from '../../helpers';
import { catalogue, kubescape } from '../../refs';
import { defineCheck } from '../../types';

/** End of standard support of common node operating systems (vendor lifecycle pages). */
const END_OF_SUPPORT: readonly { match: RegExp; name: string; date: string }[] = [
  { match: /^CentOS Linux 7\b/, name: 'CentOS Linux 7', date: '2024-06-30' },
  { match: /^CentOS Linux 8\b/, name: 'CentOS Linux 8', date: '2021-12-31' },
  { match: /^CentOS Stream 8\b/, name: 'CentOS Stream 8', date: '2024-05-31' },
  { match: /^Red Hat Enterprise Linux( Server)?( release)? 7\b/, name: 'RHEL 7', date: '2024-06-30' },
  { match: /^Ubuntu 16\.04/, name: 'Ubuntu 16.04', date: '2021-04-30' },
  { match: /^Ubuntu 18\.04/, name: 'Ubuntu 18.04', date: '2023-05-31' },
  { match: /^Ubuntu 20\.04/, name: 'Ubuntu 20.04', date: '2025-05-31' },
  { match: /^Ubuntu 22\.04/, name: 'Ubuntu 22.04', date: '2027-05-31' },
  { match: /^Debian GNU\/Linux 9\b/, name: 'Debian 9', date: '2022-06-30' },
  { match: /^Debian GNU\/Linux 10\b/, name: 'Debian 10', date: '2024-06-30' },
  { match: /^Debian GNU\/Linux 11\b/, name: 'Debian 11', date: '2026-08-31' },
  { match: /^Amazon Linux 2(\s|$)/, name: 'Amazon Linux 2', date: '2026-06-30' },
];

/** Warn this many days before the end of support, so upgrades can be planned. */
const WARN_DAYS = 180;

export default defineCheck({
  id: 'node-os-supported',
  title: 'Node operating systems still receive security updates',
  description:
    'A node OS past its end of standard support no longer receives kernel or runtime fixes. The OS comes from each Node\'s status.nodeInfo.osImage and is compared with vendor end-of-support dates at scan time; it warns 180 days ahead. ' +
    'Operating systems not in the table pass.',
  component: 'node',
  area: 'cves',
  severity: 'low',
  tier: 'api',
  references: [kubescape('C-0226'), catalogue('CR-05')],
  remediation: 'Move the node pool to a supported image (e.g. Ubuntu 24.04, Debian 12, Amazon Linux 2023, Bottlerocket or Flatcar): create a new pool, cordon and drain the old nodes, then delete them.',
  evaluate: (ctx) =>
    forEachNode(ctx, (n) => {
      const os = n.nodeInfo.osImage;
      const source = `Node ${n.meta.name} · status.nodeInfo.osImage`;
      if (!os) return { status: 'unknown', message: 'Cannot evaluate: the node does not report its OS image.', evidence: [] };
      const eol = END_OF_SUPPORT.find((e) => e.match.test(os));
      const ev = [evidence(eol ? `supported beyond ${eol.date}` : 'a supported release', os, source)];
      if (!eol) return { status: 'pass', message: `${os} is not in the list of releases past their end of support.`, evidence: ev };
      const left = daysBetween(ctx.inv.collectedAt, `${eol.date}T23:59:59Z`);
      if (left < 0) return { status: 'fail', message: `${eol.name} reached its end of standard support on ${eol.date}.`, evidence: ev };
      if (left < WARN_DAYS) return { status: 'warn', message: `${eol.name} reaches its end of standard support on ${eol.date}.`, evidence: ev };
      return { status: 'pass', message: `${eol.name} is supported until ${eol.date}.`, evidence: ev };
    }),
});
