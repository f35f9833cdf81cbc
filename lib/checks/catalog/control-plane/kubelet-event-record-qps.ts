import { forEachKubelet } from '../../kubelet-config';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

const FIELD = 'eventRecordQPS';

export default defineCheck({
  id: 'kubelet-event-record-qps',
  title: 'Kubelet events are recorded',
  description:
    'eventRecordQPS limits how many events a kubelet sends per second. 0 means unlimited (fine), a positive value caps it; a negative value is invalid. Very low caps lose security-relevant events during incidents. The default is 50.',
  component: 'kubelet',
  area: 'audit',
  severity: 'low',
  tier: 'api+probe',
  references: [cis('4.2.8'), kubescape('C-0180'), trivy('KCV-0087'), catalogue('KL-07')],
  remediation: 'Set `eventRecordQPS: 50` (or 0 for unlimited) in the KubeletConfiguration and restart the kubelet.',
  evaluate: (ctx) =>
    forEachKubelet(ctx, (cfg) => {
      const qps = Number(cfg.get(FIELD));
      if (Number.isNaN(qps) || qps < 0) {
        return { status: 'fail', message: `eventRecordQPS ${String(cfg.get(FIELD))} is not a valid rate.`, evidence: [cfg.evidence(FIELD, '≥ 5, or 0 for unlimited')] };
      }
      const low = qps > 0 && qps < 5;
      return {
        status: low ? 'warn' : 'pass',
        message: low ? `Events are capped at ${qps} per second, which can drop events during incidents.` : qps === 0 ? 'Events are not rate-limited.' : `Events are rate-limited at ${qps} per second.`,
        evidence: [cfg.evidence(FIELD, '≥ 5, or 0 for unlimited')],
      };
    }),
});
