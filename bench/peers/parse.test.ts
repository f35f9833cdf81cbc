import { describe, expect, it } from 'vitest';
import { parseGnuTime, parsePolaris, parsePopeye, procKiB } from './parse.ts';

describe('parsePopeye', () => {
  it('counts tallied resources and issues by level, skipping OK entries', () => {
    const json = JSON.stringify({
      popeye: {
        report_time: '2026-11-30T00:00:00Z',
        score: 81,
        grade: 'B',
        sections: [
          {
            linter: 'pods',
            gvr: 'v1/pods',
            tally: { ok: 2, info: 0, warning: 1, error: 1, score: 50 },
            issues: {
              'ns/a': [{ group: '__root__', gvr: 'v1/pods', level: 2, message: 'POP-102' }],
              'ns/b': [
                { group: 'c1', gvr: 'v1/pods', level: 3, message: 'POP-106' },
                { group: 'c1', gvr: 'v1/pods', level: 1, message: 'POP-108' },
              ],
              'ns/c': [{ group: '__root__', gvr: 'v1/pods', level: 0, message: '' }],
              'ns/d': null,
            },
          },
          { linter: 'nodes', gvr: 'v1/nodes', tally: { ok: 3, info: 0, warning: 0, error: 0, score: 100 } },
        ],
      },
    });
    expect(parsePopeye(json)).toEqual({
      objects: 7,
      results: 3,
      failures: 2,
      bySeverity: { info: 1, warning: 1, error: 1 },
      score: 81,
      grade: 'B',
      linters: 2,
      errors: [],
    });
  });

  it('reads every error from the object with a repeated "error" key Popeye writes', () => {
    // As Popeye v0.22 writes it (internal/report/report.go, Errors.MarshalJSON).
    const json = `{"popeye":{"score":90,"grade":"A","sections":[{"linter":"nodes","gvr":"v1/nodes","tally":{"ok":1,"info":0,"warning":0,"error":0,"score":100}}],"errors":{"error": "list pods: context deadline exceeded","error": "say \\"hi\\""}}}`;
    const r = parsePopeye(json);
    expect(r.errors).toEqual(['list pods: context deadline exceeded', 'say "hi"']);
    expect(r.objects).toBe(1);
  });

  it('rejects output that is not a Popeye report', () => {
    expect(() => parsePopeye('{"Results": []}')).toThrow(/not a Popeye/);
  });
});

describe('parsePolaris', () => {
  it('counts every check result at controller, pod and container level, failures by severity', () => {
    const ok = { Success: true, Severity: 'warning' };
    const json = JSON.stringify({
      PolarisOutputVersion: '1.0',
      SourceType: 'Cluster',
      ClusterInfo: { Version: '1.37', Nodes: 3, Pods: 4, Namespaces: 2, Controllers: 2 },
      Results: [
        {
          Name: 'web',
          Kind: 'Deployment',
          Results: { replicas: ok },
          PodResult: {
            Results: { hostNetwork: { Success: false, Severity: 'danger' } },
            ContainerResults: [{ Results: { tag: { Success: false, Severity: 'warning' }, probe: ok } }, { Results: null }],
          },
        },
        { Name: 'ns', Kind: 'Namespace', Results: { quota: { Success: false, Severity: 'warning' } }, PodResult: null },
      ],
      Score: 62,
    });
    const r = parsePolaris(json);
    expect(r).toMatchObject({ objects: 2, results: 5, failures: 3, bySeverity: { warning: 2, danger: 1 }, score: 62, sourceType: 'Cluster', errors: [] });
    expect(r.clusterInfo.Nodes).toBe(3);
  });

  it('rejects output that is not a Polaris audit', () => {
    expect(() => parsePolaris('{"popeye": {}}')).toThrow(/not a Polaris/);
  });
});

describe('parseGnuTime', () => {
  it('reads max RSS, exit status and CPU time from the last line', () => {
    expect(parseGnuTime('51234 0 1.25 0.50\n')).toEqual({ maxRssKiB: 51234, exitCode: 0, cpuMs: 1750 });
    expect(parseGnuTime('Command exited with non-zero status 1\n80000 1 13.93 2.29\n')).toEqual({ maxRssKiB: 80000, exitCode: 1, cpuMs: 16220 });
  });

  it('reports a process killed by a signal as 128 + the signal, as a shell would', () => {
    expect(parseGnuTime('Command terminated by signal 9\n9000000 0 40.00 3.00\n')).toMatchObject({ exitCode: 137 });
  });

  it('throws on anything else', () => {
    expect(() => parseGnuTime('time: cannot run popeye: No such file or directory\n')).toThrow(/unexpected GNU time output/);
  });
});

describe('procKiB', () => {
  it('reads a field of /proc/meminfo or /proc/<pid>/status', () => {
    expect(procKiB('MemTotal:       24590000 kB\nMemFree:        14000000 kB\nMemAvailable:   19500000 kB\n', 'MemAvailable')).toBe(19500000);
    expect(procKiB('Name:\tpopeye\nVmHWM:\t 9000000 kB\nVmRSS:\t 8500000 kB\n', 'VmRSS')).toBe(8500000);
  });

  it('is undefined when the field is missing (a zombie has no memory fields)', () => {
    expect(procKiB('Name:\tpopeye\nState:\tZ (zombie)\n', 'VmRSS')).toBeUndefined();
  });
});
