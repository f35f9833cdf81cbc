import { describe, expect, it } from 'vitest';
import type { Architecture } from '../model/architecture';
import type { Finding } from '../checks/types';
import weak from '../../components/architecture/__fixtures__/posture-weak.json' with { type: 'json' };
import { AREAS } from '../checks/types';
import { applyDiagramFilter, type DiagramFilter, filterFindings } from './diagram-filter';
import { SEVERITY_ORDER, statusByComponent, tallyByComponent } from './status';

const posture = weak as unknown as { architecture: Architecture; findings: Finding[] };
const { components } = posture.architecture;
const tallies = tallyByComponent(posture.findings);

describe('applyDiagramFilter', () => {
  it('matches nothing special without a filter', () => {
    const r = applyDiagramFilter(components, tallies, {});
    expect(r.matches).toBeUndefined();
    expect(r.statuses.get('control-plane/kube-apiserver/cp-1')?.health).toBe('critical');
  });

  it('keeps the components an area concerns and rescores them for that area', () => {
    const r = applyDiagramFilter(components, tallies, { area: 'tls' });
    expect(r.matches?.has('control-plane/kube-apiserver/cp-1')).toBe(true);
    expect(r.matches?.has('addon/metrics-server')).toBe(false);
    const api = r.statuses.get('control-plane/kube-apiserver/cp-1');
    expect(api?.fail).toBe(posture.findings.filter((f) => f.componentId === 'control-plane/kube-apiserver/cp-1' && f.area === 'tls' && f.status === 'fail').length);
  });

  it('matches only open problems at or above a severity', () => {
    const r = applyDiagramFilter(components, tallies, { minSeverity: 'critical' });
    for (const id of r.matches ?? []) {
      expect(posture.findings.some((f) => f.componentId === id && f.severity === 'critical' && (f.status === 'fail' || f.status === 'warn'))).toBe(true);
    }
  });

  it('searches component and node names', () => {
    const r = applyDiagramFilter(components, tallies, { query: 'worker-2' });
    expect([...(r.matches ?? [])].sort()).toEqual(['node/worker-2', 'node/worker-2/container-runtime', 'node/worker-2/kube-proxy', 'node/worker-2/kubelet']);
  });

  // What the diagram did when it filtered rows; the tallies must give exactly this.
  function fromRows(f: DiagramFilter) {
    const filtered = filterFindings(posture.findings, f);
    const relevant = new Set<string>();
    for (const x of filtered) {
      if (x.waived || x.status === 'not-applicable') continue;
      if (f.minSeverity && x.status !== 'fail' && x.status !== 'warn') continue;
      relevant.add(x.componentId);
    }
    return { statuses: statusByComponent(filtered), relevant };
  }

  it('gives from tallies what the rows give, for every area and severity', () => {
    const filters: DiagramFilter[] = [{}, ...AREAS.map((area) => ({ area })), ...SEVERITY_ORDER.map((minSeverity) => ({ minSeverity })), { area: 'tls', minSeverity: 'high' }, { area: 'authn-authz', minSeverity: 'low', query: 'kube' }];
    for (const f of filters) {
      const r = applyDiagramFilter(components, tallies, f);
      const want = fromRows(f);
      expect(r.statuses).toEqual(want.statuses);
      if (f.area || f.minSeverity) expect([...(r.matches ?? [])].sort()).toEqual(components.map((c) => c.id).filter((id) => want.relevant.has(id) && (!f.query || r.matches?.has(id))).sort());
    }
  });
});
