import type { AnonymousProbe } from '../../../model/inventory';
import { apiserverContexts, evidence, flagEvidence, isManaged, missingInput, resultOn } from '../../helpers';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck, type Evidence } from '../../types';

/** 200 on an unauthenticated GET /version means anonymous auth is on; 401 means it is off. */
function probeSays(p: AnonymousProbe | undefined): boolean | undefined {
  if (p?.versionStatus === 200) return true;
  if (p?.versionStatus === 401) return false;
  return undefined;
}

function probeEvidence(p: AnonymousProbe): Evidence[] {
  const out = [evidence('401 Unauthorized', String(p.versionStatus ?? p.error ?? 'no answer'), 'probe · unauthenticated GET /version')];
  if (p.podsStatus !== undefined) {
    out.push(evidence('401 or 403', String(p.podsStatus), 'probe · unauthenticated GET /api/v1/namespaces/default/pods'));
  }
  return out;
}

export default defineCheck({
  id: 'apiserver-anonymous-auth',
  title: 'Anonymous requests to the API server are rejected',
  description:
    'With anonymous auth on, every request without credentials is served as system:anonymous, so one RBAC mistake exposes the API to anyone who can reach it. ' +
    'The live probe (an unauthenticated GET /version: 200 = on, 401 = off) is the authority and also works on managed control planes; otherwise the --anonymous-auth flag (default true) decides. ' +
    'kubeadm keeps anonymous auth on for `kubeadm join` discovery through kube-public/cluster-info; file-based discovery avoids that.',
  component: 'kube-apiserver',
  area: 'api-access',
  severity: 'high',
  tier: 'api+probe',
  references: [cis('1.2.1'), kubescape('C-0113'), trivy('KCV-0001'), catalogue('AS-01')],
  remediation:
    'Start kube-apiserver with --anonymous-auth=false (in /etc/kubernetes/manifests/kube-apiserver.yaml), or on 1.32+ restrict anonymous access to health endpoints with an AuthenticationConfiguration: ' +
    '`anonymous: {enabled: true, conditions: [{path: /livez}, {path: /readyz}, {path: /healthz}]}` passed via --authentication-config.',
  evaluate({ inv, arch }) {
    const probe = inv.anonymous;
    const live = probeSays(probe);
    const podsOpen = probe?.podsStatus === 200;
    return apiserverContexts(arch).map((t) => {
      const ev: Evidence[] = [];
      if (t.component && t.flags) ev.push(flagEvidence(t.component, 'anonymous-auth', '--anonymous-auth=false'));
      if (probe) ev.push(...probeEvidence(probe));
      // The probe sees the effective behaviour (an AuthenticationConfiguration may override the flag).
      const flagOn = t.flags ? t.flags['anonymous-auth'] !== 'false' : undefined;
      const on = live ?? flagOn;
      if (on === undefined) {
        const why = missingInput(inv, 'anonymous-probe') ?? (isManaged(arch) ? 'the unauthenticated probe did not run and a managed control plane hides the flags' : 'neither the unauthenticated probe nor the apiserver flags are available');
        return resultOn(t, 'unknown', `Cannot evaluate: ${why}.`, ev);
      }
      if (!on) return resultOn(t, 'pass', 'Requests without credentials are rejected.', ev);
      return resultOn(
        t,
        'fail',
        podsOpen
          ? 'Anonymous requests are accepted and can even list pods: anyone who reaches the API can read workloads.'
          : 'Anonymous requests are accepted and served as system:anonymous.',
        ev,
      );
    });
  },
});
