import { apiserverContexts, evidence, flagEvidence, missingInput, resultOn } from '../../helpers';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck, type Evidence } from '../../types';

export default defineCheck({
  id: 'apiserver-audit-logging',
  title: 'API requests are audited',
  description:
    'Audit logs are the only record of who read Secrets, exec\'d into pods or changed RBAC. Auditing needs a policy (--audit-policy-file) and a backend (--audit-log-path or --audit-webhook-config-file). ' +
    'On managed control planes the flags are hidden; a growing apiserver_audit_event_total metric shows that events are generated (shipping them to the provider\'s log service is a separate setting).',
  component: 'kube-apiserver',
  area: 'audit',
  severity: 'high',
  tier: 'api+probe',
  references: [cis('1.2.16'), cis('3.2.1'), kubescape('C-0067'), kubescape('C-0130'), kubescape('C-0160'), trivy('KCV-0019'), catalogue('AU-01')],
  remediation:
    'Write an audit policy (at least Metadata level for secrets, configmaps and tokenreviews; RequestResponse for RBAC changes), then start kube-apiserver with --audit-policy-file=/etc/kubernetes/audit/policy.yaml --audit-log-path=/var/log/kubernetes/audit/audit.log. ' +
    'On EKS/GKE/AKS enable control-plane audit logs in the provider console or CLI (e.g. `aws eks update-cluster-config --logging \'{"clusterLogging":[{"types":["audit"],"enabled":true}]}\'`).',
  evaluate({ inv, arch }) {
    const total = inv.metrics?.auditEventTotal;
    const metricEv: Evidence[] = total !== undefined ? [evidence('> 0', String(total), 'apiserver /metrics · apiserver_audit_event_total')] : [];
    return apiserverContexts(arch).map((t) => {
      if (t.component && t.flags) {
        const ev = [
          flagEvidence(t.component, 'audit-policy-file', 'a policy file'),
          flagEvidence(t.component, 'audit-log-path', 'a log path (or an audit webhook)'),
          flagEvidence(t.component, 'audit-webhook-config-file', 'a webhook config (or a log path)'),
          ...metricEv,
        ];
        const policy = t.flags['audit-policy-file'] !== undefined;
        const backend = t.flags['audit-log-path'] !== undefined || t.flags['audit-webhook-config-file'] !== undefined;
        if (policy && backend) return resultOn(t, 'pass', 'Auditing is configured with a policy and a backend.', ev);
        const missing = [policy ? '' : 'no audit policy', backend ? '' : 'no audit backend'].filter(Boolean).join(' and ');
        return resultOn(t, 'fail', `API requests are not audited: ${missing}.`, ev);
      }
      if (total === undefined) {
        const why = missingInput(inv, '/metrics') ?? 'the apiserver flags are not visible and /metrics has no audit counter';
        return resultOn(t, 'unknown', `Cannot evaluate: ${why}.`, metricEv);
      }
      return total > 0
        ? resultOn(t, 'pass', `The API server has generated ${total} audit events.`, metricEv)
        : resultOn(t, 'warn', 'The API server reports no audit events: auditing may be off.', metricEv);
    });
  },
});
