import type { CheckResult, Evidence } from '../../types';
import { defineCheck } from '../../types';
import { CLUSTER_ID } from '../../../model/ids';
import { allArgs, findAddons, images } from './_lib/addons';
import { addonComponentId } from './_lib/components';
import { refLabel } from './_lib/format';
import { EVERYTHING, TAKEOVER } from './_lib/permissions';
import { catalogue, kubescape } from './_lib/refs';
import { ev, result } from './_lib/result';
import { selectorMatches } from './_lib/selectors';
import { powerfulGrants, serviceAccountName } from './_lib/service-accounts';
import type { WorkloadTarget } from './_lib/workloads';

const DASHBOARD_IMAGE = /kubernetesui\/dashboard(?!-metrics-scraper)/;
const RISKY_FLAGS = ['enable-skip-login', 'enable-insecure-login'];

/** `--flag` or `--flag=true` (anything but an explicit false) switches it on. */
function flagOn(t: WorkloadTarget, flag: string) {
  return allArgs(t).find((a) => a.arg === `--${flag}` || (a.arg.startsWith(`--${flag}=`) && a.arg !== `--${flag}=false`));
}

/**
 * The Dashboard is a web front end to the API: with skip-login, a powerful service account or a
 * public Service it becomes an unauthenticated cluster console (the Tesla cryptomining incident).
 */
export default defineCheck({
  id: 'dashboard-exposure',
  title: 'Kubernetes Dashboard is not open or over-privileged',
  description:
    'For each Kubernetes Dashboard workload: fails when it runs with --enable-skip-login or --enable-insecure-login, when its service account holds cluster-admin or other takeover permissions, or when a NodePort/LoadBalancer Service in its namespace exposes it; passes otherwise. Not applicable when no Dashboard is installed.',
  component: 'dashboard',
  area: 'addons',
  severity: 'high',
  tier: 'api',
  references: [kubescape('C-0014'), catalogue('AD-01')],
  remediation:
    'Remove `--enable-skip-login` and `--enable-insecure-login` from the container args, bind the Dashboard service account to nothing (users log in with their own token), and keep its Service `type: ClusterIP` behind `kubectl proxy` or an authenticating ingress.',
  evaluate({ inv, arch }) {
    const dashboards = findAddons(inv, (t) => images(t).some((i) => DASHBOARD_IMAGE.test(i)));
    if (dashboards.length === 0)
      return [result(CLUSTER_ID, 'not-applicable', 'Kubernetes Dashboard is not installed.', [ev('Dashboard absent or locked down', 'not found', 'workloads · image kubernetesui/dashboard')])];
    const out: CheckResult[] = [];
    for (const t of dashboards) {
      const problems: string[] = [];
      const evidence: Evidence[] = [];
      for (const flag of RISKY_FLAGS) {
        const hit = flagOn(t, flag);
        if (hit) {
          problems.push(`--${flag} is on`);
          evidence.push(ev(`--${flag} absent`, hit.arg, `${t.label} · ${t.specPath}.${hit.path}`));
        }
      }
      const sa = serviceAccountName(t);
      const grants = powerfulGrants(inv, t.ref.namespace, sa, [EVERYTHING, ...TAKEOVER]);
      if (grants.length > 0) {
        problems.push(`service account ${sa} can ${[...new Set(grants.flatMap((g) => g.what))].slice(0, 2).join(', ')}`);
        for (const g of grants.slice(0, 3))
          evidence.push(ev('no cluster-wide grants', `${g.binding.roleRef.kind} ${g.binding.roleRef.name}`, `${g.binding.kind} ${g.binding.meta.name} · roleRef`));
      }
      const exposed = inv.services.filter(
        (s) =>
          s.meta.namespace === t.ref.namespace &&
          (s.type === 'LoadBalancer' || s.type === 'NodePort') &&
          ((s.selector && Object.keys(s.selector).length > 0 && selectorMatches({ matchLabels: s.selector }, t.labels)) || /dashboard|kong-proxy/.test(s.meta.name)),
      );
      for (const s of exposed) {
        problems.push(`Service ${s.meta.name} is ${s.type}`);
        evidence.push(ev('type ClusterIP', s.type, `Service ${t.ref.namespace}/${s.meta.name} · spec.type`));
      }
      const componentId = addonComponentId(arch, 'dashboard', t.ref.name, t.ref);
      if (problems.length === 0) {
        evidence.push(ev('no skip-login, no powerful account, no public Service', 'none of these', `${t.label} · ${t.specPath}.containers[*].args`));
        out.push(result(componentId, 'pass', `${refLabel(t.ref)} requires login, runs with an unprivileged account and is not exposed.`, evidence, t.ref));
      } else {
        out.push(result(componentId, 'fail', `${refLabel(t.ref)}: ${problems.join('; ')}.`, evidence, t.ref));
      }
    }
    return out;
  },
});
