import { defineCheck } from '../../types';
import { whoHolds } from './_lib/holders';
import { EVERYTHING, TAKEOVER } from './_lib/permissions';
import { catalogue, kubescape, trivy } from './_lib/refs';

const EVERYONE = new Set(['Group:system:authenticated', 'Group:system:serviceaccounts']);

/**
 * Every logged-in identity, including every pod's service account, is in system:authenticated:
 * a sensitive grant to it is a grant to the whole cluster. Built-in bindings are included (the
 * default ones grant only discovery), so a tampered `system:discovery` binding is caught too.
 */
export default defineCheck({
  id: 'rbac-authenticated-grants',
  title: 'All authenticated users get no sensitive permissions',
  description:
    'Fails on bindings to Group system:authenticated or system:serviceaccounts (every identity, or every pod) that grant a sensitive permission: full control, reading Secrets, creating workloads, bind/escalate/impersonate, nodes/proxy, approving CSRs, changing admission webhooks, minting tokens or exec. Built-in bindings are not exempt here.',
  component: 'rbac',
  area: 'authn-authz',
  severity: 'high',
  tier: 'api',
  references: [kubescape('C-0265'), trivy('KSV-01011'), catalogue('RB-15')],
  remediation:
    'Replace the `{kind: Group, name: system:authenticated}` subject with a named group from your identity provider (`{kind: Group, name: platform-team}`), or grant only read-only discovery to everyone.',
  evaluate: (ctx) =>
    whoHolds(ctx, {
      perms: [EVERYTHING, ...TAKEOVER],
      expected: 'no sensitive grant to every authenticated identity',
      passMessage: 'No binding grants a sensitive permission to all authenticated users or all service accounts.',
      includeBuiltIn: true,
      filter: (b) => b.subjects.some((s) => s.kind === 'Group' && EVERYONE.has(`Group:${s.name}`)),
    }),
});
