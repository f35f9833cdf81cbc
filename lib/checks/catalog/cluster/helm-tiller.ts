import { defineCheck } from '../../types';
import { CLUSTER_ID } from '../../../model/ids';
import { findAddons, named } from './_lib/addons';
import { refLabel } from './_lib/format';
import { catalogue, trivy } from './_lib/refs';
import { ev, result } from './_lib/result';

const TILLER = /^tiller-deploy$|kubernetes-helm\/tiller|helm\/tiller/;

/** Helm 2's in-cluster server: unauthenticated gRPC on 44134 with cluster-admin in most installs. */
export default defineCheck({
  id: 'helm-tiller',
  title: 'Helm 2 Tiller is not deployed',
  description: 'Fails for each Tiller workload (tiller-deploy, image kubernetes-helm/tiller). Tiller has been unsupported since 2020 and usually runs with cluster-admin behind an unauthenticated gRPC port.',
  component: 'cluster',
  area: 'addons',
  severity: 'critical',
  tier: 'api',
  references: [trivy('KSV-0102'), catalogue('AD-06')],
  remediation: 'Migrate releases with the helm-2to3 plugin (`helm 2to3 convert <release>`), then remove Tiller: `kubectl -n kube-system delete deployment tiller-deploy service tiller-deploy`.',
  evaluate({ inv }) {
    const found = findAddons(inv, (t) => named(t, TILLER));
    if (found.length === 0)
      return [result(CLUSTER_ID, 'pass', 'No Tiller deployment found.', [ev('no Tiller', 'none', 'workloads · name tiller-deploy, image kubernetes-helm/tiller')])];
    return found.map((t) =>
      result(CLUSTER_ID, 'fail', `${refLabel(t.ref)} runs Helm 2 Tiller.`, [ev('no Tiller', t.spec.containers.map((c) => c.image).join(', '), `${t.label} · ${t.specPath}.containers[*].image`)], t.ref),
    );
  },
});
