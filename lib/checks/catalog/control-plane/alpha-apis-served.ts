import { apiserverContexts, evidence, flagEvidence, missingInput, resultOn, splitList } from '../../helpers';
import { catalogue, k8sDocs } from '../../refs';
import { defineCheck, type Evidence } from '../../types';

/** API groups built into kube-apiserver; CRDs and aggregated APIs may serve alpha versions legitimately. */
const BUILT_IN_GROUPS: ReadonlySet<string> = new Set([
  '', 'apps', 'batch', 'autoscaling', 'policy', 'extensions',
  'admissionregistration.k8s.io', 'apiextensions.k8s.io', 'apiregistration.k8s.io', 'apiserverinternal.k8s.io',
  'authentication.k8s.io', 'authorization.k8s.io', 'certificates.k8s.io', 'coordination.k8s.io', 'discovery.k8s.io',
  'events.k8s.io', 'flowcontrol.apiserver.k8s.io', 'internal.apiserver.k8s.io', 'networking.k8s.io', 'node.k8s.io',
  'rbac.authorization.k8s.io', 'resource.k8s.io', 'scheduling.k8s.io', 'storage.k8s.io', 'storagemigration.k8s.io',
]);

function split(gv: string): { group: string; version: string } {
  const i = gv.lastIndexOf('/');
  return i < 0 ? { group: '', version: gv } : { group: gv.slice(0, i), version: gv.slice(i + 1) };
}

const isAlpha = (version: string): boolean => /^v\d+alpha\d+$/.test(version);

export default defineCheck({
  id: 'alpha-apis-served',
  title: 'No alpha APIs are served',
  description:
    'Alpha API versions are incomplete, change without notice and get less security review; the API server only serves them when --runtime-config turns them on. ' +
    'Reads the served group versions from discovery (/api, /apis), ignoring CRDs and aggregated APIs, plus --runtime-config where visible. Enabling every beta API at once (api/beta=true) is a warning.',
  component: 'kube-apiserver',
  area: 'features',
  severity: 'medium',
  tier: 'api+probe',
  references: [k8sDocs('securing-a-cluster', 'https://kubernetes.io/docs/tasks/administer-cluster/securing-a-cluster/'), catalogue('FG-02')],
  remediation:
    'Remove alpha entries from --runtime-config on kube-apiserver (e.g. drop `api/alpha=true`, `api/all=true` or `resource.k8s.io/v1alpha3=true`); enable single beta versions only where needed.',
  evaluate({ inv, arch }) {
    const aggregated = new Set(inv.apiServices.filter((s) => s.service).map((s) => `${s.group ?? ''}/${s.version ?? ''}`));
    const alpha = inv.groupVersions.filter((gv) => {
      const { group, version } = split(gv);
      return BUILT_IN_GROUPS.has(group) && isAlpha(version) && !aggregated.has(`${group}/${version}`);
    });
    const discoveryEv: Evidence[] = inv.groupVersions.length
      ? [evidence('no built-in v*alpha* group versions', alpha.length ? alpha.join(', ') : 'none', 'discovery · /api, /apis')]
      : [];
    return apiserverContexts(arch).map((t) => {
      const ev = [...(t.component && t.flags ? [flagEvidence(t.component, 'runtime-config', 'no alpha entries')] : []), ...discoveryEv];
      const runtime = splitList(t.flags?.['runtime-config']).filter((e) => !e.endsWith('=false'));
      const alphaByFlag = runtime.filter((e) => /^api\/(all|alpha)(=|$)/.test(e) || isAlpha(split(e.split('=')[0] ?? '').version));
      if (alpha.length > 0 || alphaByFlag.length > 0) {
        const what = [...new Set([...alpha, ...alphaByFlag])].join(', ');
        return resultOn(t, 'fail', `Alpha APIs are enabled: ${what}.`, ev);
      }
      if (inv.groupVersions.length === 0 && !t.flags) {
        const why = missingInput(inv, '/apis') ?? 'API discovery was not read and the apiserver flags are not visible';
        return resultOn(t, 'unknown', `Cannot evaluate: ${why}.`, ev);
      }
      if (runtime.some((e) => /^api\/beta(=|$)/.test(e))) {
        return resultOn(t, 'warn', 'Every beta API is switched on (--runtime-config api/beta=true).', ev);
      }
      return resultOn(t, 'pass', 'No alpha API versions are served.', ev);
    });
  },
});
