import { describe, expect, it } from 'vitest';
import type { Architecture } from '../model/architecture';
import type { Finding } from '../checks/types';
import weak from '../../components/architecture/__fixtures__/posture-weak.json' with { type: 'json' };
import { applyDiagramFilter } from './diagram-filter';

const posture = weak as unknown as { architecture: Architecture; findings: Finding[] };
const { components } = posture.architecture;

describe('applyDiagramFilter', () => {
  it('matches nothing special without a filter', () => {
    const r = applyDiagramFilter(components, posture.findings, {});
    expect(r.matches).toBeUndefined();
    expect(r.statuses.get('control-plane/kube-apiserver/cp-1')?.health).toBe('critical');
  });

  it('keeps the components an area concerns and rescores them for that area', () => {
    const r = applyDiagramFilter(components, posture.findings, { area: 'tls' });
    expect(r.matches?.has('control-plane/kube-apiserver/cp-1')).toBe(true);
    expect(r.matches?.has('addon/metrics-server')).toBe(false);
    const api = r.statuses.get('control-plane/kube-apiserver/cp-1');
    expect(api?.fail).toBe(posture.findings.filter((f) => f.componentId === 'control-plane/kube-apiserver/cp-1' && f.area === 'tls' && f.status === 'fail').length);
  });

  it('matches only open problems at or above a severity', () => {
    const r = applyDiagramFilter(components, posture.findings, { minSeverity: 'critical' });
    for (const id of r.matches ?? []) {
      expect(posture.findings.some((f) => f.componentId === id && f.severity === 'critical' && (f.status === 'fail' || f.status === 'warn'))).toBe(true);
    }
  });

  it('searches component and node names', () => {
    const r = applyDiagramFilter(components, posture.findings, { query: 'worker-2' });
    expect([...(r.matches ?? [])].sort()).toEqual(['node/worker-2', 'node/worker-2/container-runtime', 'node/worker-2/kube-proxy', 'node/worker-2/kubelet']);
  });
});
