import { componentsOfType, flagEvidence, forEachFlagComponent, resultFor } from '../../helpers';
import { catalogue, cis, kubescape } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'etcd-unique-ca',
  title: 'etcd trusts its own CA, not the cluster CA',
  description:
    'If etcd trusts the same CA as the API server, every client certificate the cluster CA signs (for users, kubelets, controllers) is also accepted by etcd. ' +
    'This compares file paths of etcd --trusted-ca-file and kube-apiserver --client-ca-file; comparing the certificates themselves needs node access.',
  component: 'etcd',
  area: 'credentials',
  severity: 'high',
  tier: 'api',
  references: [cis('2.7'), kubescape('C-0159'), catalogue('ET-05')],
  remediation:
    'Issue etcd certificates from a dedicated CA (kubeadm uses /etc/kubernetes/pki/etcd/ca.crt) and set --trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt on etcd.',
  evaluate: (ctx) => {
    const apiCas = new Set(
      componentsOfType(ctx.arch, 'kube-apiserver').flatMap((a) => (a.flags?.['client-ca-file'] ? [a.flags['client-ca-file']] : [])),
    );
    return forEachFlagComponent(ctx, 'etcd', (c, flags) => {
      const ca = flags['trusted-ca-file'];
      const ev = [flagEvidence(c, 'trusted-ca-file', `a CA other than ${[...apiCas].join(', ') || 'the cluster CA'}`)];
      if (ca === undefined) return resultFor(c, 'fail', 'etcd has no --trusted-ca-file, so it cannot restrict which certificates it trusts.', ev);
      if (apiCas.has(ca)) return resultFor(c, 'fail', `etcd trusts the cluster CA (${ca}), so any certificate the cluster CA signs can reach etcd.`, ev);
      return resultFor(c, 'pass', `etcd trusts its own CA (${ca}).`, ev);
    });
  },
});
