import { flagEvidence, forEachFlagComponent, resultFor, splitList } from '../../helpers';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'apiserver-authorization-mode',
  title: 'The API server authorizes with Node and RBAC, never AlwaysAllow',
  description:
    'AlwaysAllow lets every authenticated request do anything. Node limits kubelets to the objects of their own pods, and RBAC is the standard authorizer for everyone else. ' +
    'The flag default is AlwaysAllow, so an unset flag fails. When --authorization-config is used the modes live in a file the API does not expose, and the result is unknown.',
  component: 'kube-apiserver',
  area: 'authn-authz',
  severity: 'high',
  tier: 'api',
  references: [cis('1.2.6'), cis('1.2.7'), cis('1.2.8'), kubescape('C-0118'), kubescape('C-0119'), kubescape('C-0120'), trivy('KCV-0007'), catalogue('AS-06')],
  remediation:
    'Set --authorization-mode=Node,RBAC on kube-apiserver (kubeadm does this by default) and remove AlwaysAllow; grant access with Roles and RoleBindings instead.',
  evaluate: (ctx) =>
    forEachFlagComponent(ctx, 'kube-apiserver', (c, flags) => {
      const ev = [flagEvidence(c, 'authorization-mode', '--authorization-mode=Node,RBAC')];
      if (flags['authorization-config'] !== undefined) {
        ev.push(flagEvidence(c, 'authorization-config', 'a file with Node and RBAC authorizers'));
        return resultFor(c, 'unknown', `Cannot evaluate: authorization is configured in ${flags['authorization-config']}, which the API does not expose.`, ev);
      }
      const modes = splitList(flags['authorization-mode'] ?? 'AlwaysAllow');
      const problems: string[] = [];
      if (modes.includes('AlwaysAllow')) problems.push('AlwaysAllow authorizes every request');
      if (!modes.includes('Node')) problems.push('the Node authorizer is missing');
      if (!modes.includes('RBAC')) problems.push('RBAC is missing');
      return problems.length === 0
        ? resultFor(c, 'pass', `Requests are authorized by ${modes.join(', ')}.`, ev)
        : resultFor(c, 'fail', `Authorization is too permissive: ${problems.join('; ')}.`, ev);
    }),
});
