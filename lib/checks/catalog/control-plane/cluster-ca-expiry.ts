import { apiserverTargets, daysBetween, evidence, missingInput, resultAt } from '../../helpers';
import { catalogue } from '../../refs';
import { defineCheck } from '../../types';

const FAIL_DAYS = 90;
const WARN_DAYS = 180;

export default defineCheck({
  id: 'cluster-ca-expiry',
  title: 'The cluster CA is far from expiry',
  description:
    'When the cluster CA expires every certificate it signed stops working at once: kubelets, controllers and administrators lose access. Replacing a CA takes planning, so this fails 90 days ahead and warns 180 days ahead. ' +
    'Read from the kube-root-ca.crt ConfigMap that every namespace carries.',
  component: 'kube-apiserver',
  area: 'credentials',
  severity: 'high',
  tier: 'api',
  references: [catalogue('CE-02')],
  remediation:
    'Plan a CA rotation: follow "Manual Rotation of CA Certificates" in the Kubernetes docs (add the new CA alongside the old one, reissue component certificates, then remove the old CA). kubeadm CAs are valid for 10 years by default.',
  evaluate({ inv, arch }) {
    const ca = inv.configMaps.rootCA;
    return apiserverTargets(arch).map((id) => {
      if (!ca) {
        const why = missingInput(inv, 'ConfigMap') ?? 'the kube-root-ca.crt ConfigMap was not readable';
        return resultAt(id, 'unknown', `Cannot evaluate: ${why}.`, []);
      }
      const left = Math.floor(daysBetween(inv.collectedAt, ca.notAfter));
      const ev = [evidence(`valid for ≥ ${FAIL_DAYS} days`, `notAfter ${ca.notAfter} (${left} days left)`, 'ConfigMap kube-root-ca.crt · ca.crt')];
      if (left < 0) return resultAt(id, 'fail', `The cluster CA (${ca.subject}) expired on ${ca.notAfter}.`, ev);
      if (left < FAIL_DAYS) return resultAt(id, 'fail', `The cluster CA (${ca.subject}) expires in ${left} days.`, ev);
      if (left < WARN_DAYS) return resultAt(id, 'warn', `The cluster CA (${ca.subject}) expires in ${left} days; plan its rotation.`, ev);
      return resultAt(id, 'pass', `The cluster CA is valid until ${ca.notAfter}.`, ev);
    });
  },
});
