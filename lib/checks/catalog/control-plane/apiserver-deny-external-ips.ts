import { enabledAdmissionPlugins, evidence, flagEvidence, forEachFlagComponent, resultFor } from '../../helpers';
import { catalogue, cis, cveRef, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'apiserver-deny-external-ips',
  title: 'Services cannot claim arbitrary external IPs',
  description:
    'Anyone who can create a Service can set spec.externalIPs and intercept traffic the cluster sends to that address (CVE-2020-8554, which has no fix). ' +
    'The DenyServiceExternalIPs admission plugin rejects new uses of the field. Services that already use it are listed as evidence.',
  component: 'kube-apiserver',
  area: 'network',
  severity: 'medium',
  tier: 'api',
  references: [cis('1.2.3'), kubescape('C-0283'), trivy('KCV-0003'), trivy('KSV-0108'), cveRef('CVE-2020-8554'), catalogue('AS-03')],
  remediation:
    'Add DenyServiceExternalIPs to --enable-admission-plugins on kube-apiserver (e.g. --enable-admission-plugins=NodeRestriction,DenyServiceExternalIPs). ' +
    'If a few Services need external IPs, allow them with a ValidatingAdmissionPolicy instead.',
  evaluate: (ctx) =>
    forEachFlagComponent(ctx, 'kube-apiserver', (c, flags) => {
      const users = ctx.inv.services.filter((s) => s.externalIPs.length > 0);
      const ev = [flagEvidence(c, 'enable-admission-plugins', 'contains DenyServiceExternalIPs')];
      for (const s of users.slice(0, 10)) {
        ev.push(evidence('no spec.externalIPs', s.externalIPs.join(', '), `Service ${s.meta.namespace ?? ''}/${s.meta.name} · spec.externalIPs`));
      }
      if (enabledAdmissionPlugins(flags).includes('DenyServiceExternalIPs')) {
        return resultFor(c, 'pass', 'New Services cannot set external IPs.', ev);
      }
      const tail = users.length > 0 ? ` ${users.length} Service(s) already use external IPs.` : '';
      return resultFor(c, 'fail', `Any user who can create Services can claim external IPs and intercept traffic.${tail}`, ev);
    }),
});
