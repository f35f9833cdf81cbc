/**
 * The deployment artefacts: the Helm chart lints and renders (and refuses unsafe settings), the
 * plain manifests in deploy/kubernetes say the same as the chart, and — dogfood — what
 * `helm template` renders, applied to the hardened local cluster (kwok runs the pod), gives
 * kube-posture nothing failing or warning to say about its own namespace and objects.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterFor } from '../e2e/cluster/testing';
import { REPO_ROOT } from '../e2e/cluster/repo';
import { scan } from '../lib/posture/scan';

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

const CHECK = join(REPO_ROOT, 'deploy', 'helm', 'check.sh');
const CHART = join(REPO_ROOT, 'deploy', 'helm', 'kube-posture');
const MANIFESTS = join(REPO_ROOT, 'deploy', 'kubernetes');
const PLAIN = ['rbac.yaml', 'rbac-token-review.yaml', 'guardrails.yaml', 'deployment.yaml'];

let helm = '';
beforeAll(() => {
  // Builds Helm from its Go module on the first run (cached in ~/.cache/kube-posture/bin).
  helm = execFileSync('bash', [CHECK, '--helm'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 900_000 }).trim();
}, 900_000);

function render(...args: string[]): K8sObject[] {
  const text = execFileSync(helm, ['template', 'kube-posture', CHART, '--namespace', 'kube-posture', '--kube-version', 'v1.37.2', ...args], { encoding: 'utf8' });
  return (loadAll(text) as (K8sObject | null)[]).filter((o): o is K8sObject => o !== null);
}

const plain = (): K8sObject[] => PLAIN.flatMap((f) => (loadAll(readFileSync(join(MANIFESTS, f), 'utf8')) as (K8sObject | null)[]).filter((o): o is K8sObject => o !== null));
const id = (o: K8sObject) => `${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`;
/** An object without the labels and annotations that differ by tool (Helm's, kustomize's). */
function body(o: K8sObject): unknown {
  const { metadata, ...rest } = o;
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        if (k === 'labels' || k === 'annotations') continue;
        out[k] = strip(x);
      }
      return out;
    }
    return v;
  };
  return strip({ ...rest, metadata: { name: metadata.name, namespace: metadata.namespace } });
}

describe('Helm chart', () => {
  it('lints, renders its value sets, and refuses unsafe configurations (deploy/helm/check.sh)', () => {
    const out = execFileSync('bash', [CHECK], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HELM: helm } });
    expect(out).toBe('');
  });

  it('renders the same objects as deploy/kubernetes (labels aside)', () => {
    const chart = new Map(render('--set', 'namespace.lockDownDefaultServiceAccount=true').map((o) => [id(o), o]));
    const files = plain();
    expect(files.length).toBeGreaterThan(10);
    expect([...chart.keys()].sort()).toEqual(files.map(id).sort());
    for (const o of files) {
      const c = chart.get(id(o)) as K8sObject;
      // The Namespace adds warn/audit Pod Security labels in the chart; the spec is what must match.
      expect(body(c), id(o)).toEqual(body(o));
    }
  });

  it('restricted pod: non-root, no privilege escalation, all capabilities dropped, read-only root, seccomp, projected token only', () => {
    const dep = render().find((o) => o.kind === 'Deployment') as K8sObject & { spec: { template: { spec: Record<string, unknown> } } };
    const pod = dep.spec.template.spec as {
      automountServiceAccountToken: boolean;
      securityContext: Record<string, unknown>;
      containers: { securityContext: Record<string, unknown>; resources: { requests: object; limits: object }; livenessProbe: { httpGet: { path: string } }; readinessProbe: { httpGet: { path: string } } }[];
      volumes: { name: string; projected?: { sources: Record<string, unknown>[] } }[];
    };
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 65532, seccompProfile: { type: 'RuntimeDefault' } });
    const [c] = pod.containers;
    expect(c?.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] }, runAsNonRoot: true });
    expect(c?.resources.requests).toBeDefined();
    expect(c?.resources.limits).toBeDefined();
    expect(c?.livenessProbe.httpGet.path).toBe('/api/health');
    expect(c?.readinessProbe.httpGet.path).toBe('/api/health');
    expect(pod.volumes.find((v) => v.name === 'kube-api-access')?.projected?.sources.some((s) => 'serviceAccountToken' in s)).toBe(true);
  });

  it('PostgreSQL for several replicas: the URL comes from a mounted Secret, never the pod spec; client affinity', () => {
    const objs = render('--set', 'replicaCount=2', '--set', 'database.url=postgres://kp:s3cret@db.example:5432/kp');
    const text = JSON.stringify(objs.filter((o) => o.kind !== 'Secret'));
    expect(text).not.toContain('s3cret');
    expect(text).toContain('DATABASE_URL_FILE');
    expect((objs.find((o) => o.kind === 'Service') as unknown as { spec: { sessionAffinity?: string } }).spec.sessionAffinity).toBe('ClientIP');
    expect(objs.some((o) => o.kind === 'PodDisruptionBudget')).toBe(true);
  });
});

describe('dogfood: the rendered chart on the hardened cluster', () => {
  const c = clusterFor('hardened');
  const applied: K8sObject[] = [];
  // What the cluster had before (deploy/kubernetes/rbac.yaml, applied when the profile started) stays.
  const seeded = new Set((loadAll(readFileSync(join(MANIFESTS, 'rbac.yaml'), 'utf8')) as K8sObject[]).map(id));

  afterAll(() => {
    for (const o of applied.filter((x) => !seeded.has(id(x))).reverse()) {
      c.kubectl.tryRun(['delete', '--ignore-not-found', '--wait=false', o.kind, o.metadata.name, ...(o.metadata.namespace ? ['-n', o.metadata.namespace] : [])]);
    }
  });

  it('produces no failing or warning finding about kube-posture itself', async () => {
    // The chart's defaults, plus the seeded rbac.yaml as it is now (it also locks the default ServiceAccount).
    const objs = [...render(), ...(loadAll(readFileSync(join(MANIFESTS, 'rbac.yaml'), 'utf8')) as K8sObject[])];
    applied.push(...objs);
    c.kubectl.run(['apply', '--server-side', '--force-conflicts', '--field-manager=kube-posture-dogfood', '-f', '-'], objs.map((o) => JSON.stringify(o)).join('\n'));

    // kwok runs the pod; the restricted Pod Security level admitted it if it exists at all.
    let ready = 0;
    for (let i = 0; i < 240 && ready < 1; i++) {
      const d = c.kubectl.json<{ status?: { readyReplicas?: number } }>(['-n', 'kube-posture', 'get', 'deployment', 'kube-posture']);
      ready = d.status?.readyReplicas ?? 0;
      if (ready < 1) await new Promise((r) => setTimeout(r, 500));
    }
    expect(ready).toBe(1);

    const p = await scan({ kubeconfig: c.admin });
    const aboutUs = p.findings.filter((f) => {
      const o = f.object;
      return o?.namespace === 'kube-posture' || (o?.kind === 'Namespace' && o.name === 'kube-posture') || (o?.name ?? '').startsWith('kube-posture');
    });
    // The workload, its namespace and its RBAC were all evaluated…
    expect(aboutUs.some((f) => f.object?.kind === 'Deployment' && f.checkId === 'workload-read-only-root-fs')).toBe(true);
    expect(aboutUs.some((f) => f.object?.kind === 'Namespace' && f.checkId === 'namespace-default-deny')).toBe(true);
    expect(aboutUs.length).toBeGreaterThan(20);
    // …and nothing is wrong with them.
    if (process.env.KP_DOGFOOD_PRINT) for (const f of aboutUs) console.log(f.status, f.checkId, f.object?.kind, f.object?.name);
    const bad = aboutUs.filter((f) => f.status === 'fail' || f.status === 'warn').map((f) => `${f.status} ${f.checkId} ${f.object?.kind} ${f.object?.namespace ?? ''}/${f.object?.name}: ${f.message}`);
    expect(bad).toEqual([]);
  });
});
