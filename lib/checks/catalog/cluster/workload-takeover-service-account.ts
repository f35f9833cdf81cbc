import { type Evidence, defineCheck } from '../../types';
import { preview, refLabel } from './_lib/format';
import { firstMissing, missingInput } from './_lib/inputs';
import { EVERYTHING, TAKEOVER } from './_lib/permissions';
import { RBAC_KINDS } from './_lib/rbac';
import { catalogue, kubescape } from './_lib/refs';
import { memoByInventoryAnd2 } from './_lib/memo';
import { ev } from './_lib/result';
import { type SaGrant, powerfulGrants, serviceAccountName, tokenMount } from './_lib/service-accounts';
import { type Verdict, evaluateWorkloads } from './_lib/workload-check';
import { SYSTEM_NAMESPACES, fieldSource, readsOwnObject } from './_lib/workloads';

const EXPECTED = 'no cluster-takeover permissions on a mounted token';
const PERMISSIONS = [EVERYTHING, ...TAKEOVER];

/** Once per service account and inventory: its workloads share the answer (read-only). */
const takeoverGrants = memoByInventoryAnd2((inv, ns, sa): readonly SaGrant[] => Object.freeze(powerfulGrants(inv, ns, sa, PERMISSIONS)));

/**
 * The pass of a workload whose finding names its own object, per spec path and account name:
 * shared by the account's workloads (evidence source `<spec path>.serviceAccountName`).
 */
const passes = new Map<string, Map<string, Verdict>>();
function sharedPass(specPath: string, sa: string): Verdict {
  let bySa = passes.get(specPath);
  if (bySa === undefined) passes.set(specPath, (bySa = new Map()));
  let v = bySa.get(sa);
  if (v === undefined) {
    const evidence = Object.freeze([Object.freeze(ev(EXPECTED, `${sa}: no takeover grants`, `${specPath}.serviceAccountName`))]) as Evidence[];
    v = Object.freeze({ status: 'pass', message: `Service account ${sa} holds no cluster-takeover permission.`, evidence });
    if (bySa.size < 10_000) bySa.set(sa, v);
  }
  return v;
}

/**
 * Joins workloads → service account → bindings → roles. A compromised container with such a token
 * owns the cluster, so this is where an RCE in one app becomes a cluster incident. Only
 * cluster-wide and kube-system grants count; a namespace admin is RB-04's concern.
 */
export default defineCheck({
  id: 'workload-takeover-service-account',
  title: 'Workloads do not run with cluster-admin or takeover service accounts',
  description:
    'Per workload: fails when its service account token is mounted and the account holds (directly or through its groups) full control, Secret read, workload creation, bind/escalate/impersonate, nodes/proxy, CSR approval, admission control, token minting or exec, cluster-wide or in kube-system. ' +
    'System namespaces are exempt by default and reported as not-applicable.',
  component: 'workload',
  area: 'authn-authz',
  severity: 'high',
  tier: 'api',
  references: [kubescape('C-0272'), kubescape('C-0267'), catalogue('RB-18')],
  remediation:
    'Give the workload a dedicated ServiceAccount bound to a namespaced Role with only the verbs it uses (`spec.template.spec.serviceAccountName: api-reader`), or set `automountServiceAccountToken: false` if it does not call the API.',
  defaultExemptNamespaces: [...SYSTEM_NAMESPACES],
  evaluate(ctx) {
    const rbacMissing = firstMissing(ctx.inv, RBAC_KINDS);
    const saReadable = !missingInput(ctx.inv, 'ServiceAccount');
    return evaluateWorkloads(ctx, {
      exempt: SYSTEM_NAMESPACES,
      judge(t, inv) {
        const sa = serviceAccountName(t);
        if (rbacMissing) return { status: 'unknown', message: `Cannot evaluate: ${rbacMissing}`, evidence: [ev(EXPECTED, sa, fieldSource(t, 'serviceAccountName'))] };
        const grants = takeoverGrants(inv, t.ref.namespace, sa);
        if (grants.length === 0)
          return readsOwnObject(t)
            ? sharedPass(t.specPath, sa)
            : { status: 'pass', message: `Service account ${sa} holds no cluster-takeover permission.`, evidence: [ev(EXPECTED, `${sa}: no takeover grants`, fieldSource(t, 'serviceAccountName'))] };
        const what = [...new Set(grants.flatMap((g) => g.what))];
        const evidence = grants.slice(0, 5).map((g) =>
          ev(EXPECTED, `${g.binding.roleRef.kind} ${g.binding.roleRef.name}: ${g.what.join(', ')}`, `${g.binding.kind} ${g.binding.meta.namespace ? `${g.binding.meta.namespace}/` : ''}${g.binding.meta.name} · roleRef`),
        );
        const mount = tokenMount(inv, t, saReadable);
        evidence.unshift(ev('token not mounted', mount.actual, mount.source));
        if (mount.mounted === false)
          return { status: 'pass', message: `Service account ${sa} is powerful (${preview(what, 3)}) but its token is not mounted.`, evidence };
        return {
          status: mount.mounted === undefined ? 'unknown' : 'fail',
          message: `${refLabel(t.ref)} runs as ${sa}, which can ${preview(what, 3)}.`,
          evidence,
        };
      },
    });
  },
});
