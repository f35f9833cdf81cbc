import { describe, expect, it } from 'vitest';
import type { Finding } from '../checks/types';
import type { Architecture } from '../model/architecture';
import weak from '../../components/architecture/__fixtures__/posture-weak.json' with { type: 'json' };
import { countedPassRows } from '../snapshots/compact/condense';
import { connectionsOf, findingsOf, flagsInFindings, groupByStatus, objectsOnNode, resultCount } from './component-view';

const posture = weak as unknown as { architecture: Architecture; findings: Finding[] };
const API = 'control-plane/kube-apiserver/cp-1';

describe('component view', () => {
  it('counts a snapshot’s summary row of counted passes as the results it stands for', () => {
    const listed = findingsOf(posture.findings, API);
    const summary = countedPassRows([{ checkId: 'workload-privileged', title: 'No privileged containers', area: 'workloads', severity: 'high', componentId: API, kind: 'Deployment', count: 40 }]);
    expect(resultCount(listed)).toBe(listed.length);
    expect(resultCount([...listed, ...summary])).toBe(listed.length + 40);
  });

  it('groups findings by status, failures first, worst severity first', () => {
    const groups = groupByStatus(findingsOf(posture.findings, API));
    expect(groups[0]?.status).toBe('fail');
    const sev = groups[0]!.findings.map((f) => f.severity);
    expect(sev[0]).toBe('critical');
  });

  it('lists the API server’s connections in both directions', () => {
    const c = connectionsOf(posture.architecture, API);
    expect(c.some((x) => x.direction === 'out' && x.other?.type === 'etcd')).toBe(true);
    expect(c.some((x) => x.direction === 'in' && x.other?.type === 'clients')).toBe(true);
  });

  it('finds the workloads findings name on a node', () => {
    const rows = objectsOnNode(posture.findings, 'node/worker-1');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.ref.kind === 'Deployment' && r.ref.name === 'reports')).toBe(true);
    expect(rows.every((r) => r.ref.kind !== 'Node')).toBe(true);
  });

  it('marks the flags failing findings point at', () => {
    const flags = flagsInFindings(findingsOf(posture.findings, API));
    expect(flags.get('anonymous-auth')?.[0]?.checkId).toBe('apiserver-anonymous-auth');
  });
});
