import type { Component } from '../../../model/architecture';
import { featureGates } from '../../../model/flags';
import { apiserverTargets, evidence, flagEvidence, isManaged, missingInput, resultAt, resultFor } from '../../helpers';
import { catalogue, k8sDocs } from '../../refs';
import { defineCheck, type CheckResult, type Evidence } from '../../types';

const GATED: ReadonlySet<string> = new Set(['kube-apiserver', 'kube-controller-manager', 'kube-scheduler']);
const METRIC_SOURCE = 'apiserver /metrics · kubernetes_feature_enabled{stage="ALPHA"}';

export default defineCheck({
  id: 'alpha-feature-gates',
  title: 'No alpha feature gates are enabled on the control plane',
  description:
    'Alpha features are off by default because they are incomplete, may be buggy and get less security review; several CVEs only affected clusters that turned one on. ' +
    'Reads --feature-gates of the API server, controller manager and scheduler, and the kubernetes_feature_enabled metric (1.26+), which also works on managed control planes and names each gate\'s stage.',
  component: 'kube-apiserver',
  area: 'features',
  severity: 'medium',
  tier: 'api+probe',
  references: [k8sDocs('securing-a-cluster', 'https://kubernetes.io/docs/tasks/administer-cluster/securing-a-cluster/'), catalogue('FG-01')],
  remediation:
    'Remove alpha gates (and AllAlpha=true) from --feature-gates on kube-apiserver, kube-controller-manager and kube-scheduler, e.g. change --feature-gates=MyAlphaGate=true,StableGate=true to --feature-gates=StableGate=true. Keep alpha features to test clusters.',
  evaluate({ inv, arch }) {
    const metricGates = inv.metrics?.featureGates ?? [];
    const stage = new Map(metricGates.map((g) => [g.name, g.stage]));
    const alphaLive = metricGates.filter((g) => g.stage === 'ALPHA' && g.enabled).map((g) => g.name);
    const metricEv: Evidence[] = inv.metrics ? [evidence('no ALPHA gate enabled', alphaLive.length ? alphaLive.join(', ') : 'none', METRIC_SOURCE)] : [];

    const judge = (enabledByFlag: string[], includeLive: boolean, ev: Evidence[]): { status: CheckResult['status']; message: string; evidence: Evidence[] } => {
      const alpha = new Set([...enabledByFlag.filter((g) => g === 'AllAlpha' || stage.get(g) === 'ALPHA'), ...(includeLive ? alphaLive : [])]);
      const unknownStage = enabledByFlag.filter((g) => g !== 'AllAlpha' && !stage.has(g));
      if (alpha.size > 0) return { status: 'fail', message: `Alpha features are enabled: ${[...alpha].join(', ')}.`, evidence: ev };
      if (unknownStage.length > 0 && !inv.metrics) {
        return { status: 'warn', message: `Feature gates are switched on (${unknownStage.join(', ')}) whose stage is unknown without /metrics; make sure none is alpha.`, evidence: ev };
      }
      return { status: 'pass', message: 'No alpha features are enabled.', evidence: ev };
    };

    const comps: Component[] = isManaged(arch) ? [] : arch.components.filter((c) => GATED.has(c.type) && c.flags);
    const out: CheckResult[] = comps.map((c) => {
      const enabled = Object.entries(featureGates(c.flags ?? {})).filter(([, on]) => on).map(([g]) => g);
      const isApi = c.type === 'kube-apiserver';
      const r = judge(enabled, isApi, [flagEvidence(c, 'feature-gates', 'no alpha gates'), ...(isApi ? metricEv : [])]);
      return resultFor(c, r.status, r.message, r.evidence);
    });
    if (comps.some((c) => c.type === 'kube-apiserver')) return out;

    // No apiserver flags visible (managed, or pods unreadable): the metric alone decides.
    for (const id of apiserverTargets(arch)) {
      if (!inv.metrics) {
        const why = missingInput(inv, '/metrics') ?? 'the apiserver flags are not visible and /metrics was not read';
        out.push(resultAt(id, 'unknown', `Cannot evaluate: ${why}.`, []));
        continue;
      }
      const r = judge([], true, metricEv);
      out.push(resultAt(id, r.status, r.message, r.evidence));
    }
    return out;
  },
});
