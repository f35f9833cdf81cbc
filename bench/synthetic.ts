/**
 * Synthetic clusters at the scales of the benchmark: S = 100 nodes / 3,000 pods, M = 1,000 /
 * 30,000, L = 5,000 / 150,000 (the Kubernetes scalability limits). Pure and deterministic: the
 * same scale always yields the same objects. Pods are shaped like production pods (~7–10 KB with
 * the status kwok adds): two containers, probes, env, volumes, owners; about 1 workload in 7
 * carries a weakness.
 */
export type Scale = 'S' | 'M' | 'L';
export const SCALES: Record<Scale, { nodes: number; pods: number }> = {
  S: { nodes: 100, pods: 3_000 },
  M: { nodes: 1_000, pods: 30_000 },
  L: { nodes: 5_000, pods: 150_000 },
};

export type K8sObject = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; [k: string]: unknown }; [k: string]: unknown };

const ZONES = ['zone-a', 'zone-b', 'zone-c'];
const POOLS = ['general', 'compute', 'memory'];
const pad = (n: number, w = 5) => String(n).padStart(w, '0');

export function nodeName(i: number): string {
  return `node-${pad(i)}`;
}

export function syntheticNode(i: number): K8sObject {
  const name = nodeName(i);
  const capacity = { cpu: '16', memory: '65843448Ki', pods: '110', 'ephemeral-storage': '203070420Ki' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'node.kubernetes.io/instance-type': 'c6i.4xlarge',
        'topology.kubernetes.io/zone': ZONES[i % ZONES.length] as string,
        'node-pool': POOLS[Math.floor(i / ZONES.length) % POOLS.length] as string,
      },
      annotations: { 'kwok.x-k8s.io/node': 'fake' },
    },
    spec: { podCIDR: `10.${64 + Math.floor(i / 256)}.${i % 256}.0/24` },
    status: {
      capacity,
      allocatable: { ...capacity, cpu: '15800m' },
      addresses: [{ type: 'InternalIP', address: `10.1.${Math.floor(i / 256)}.${i % 256}` }, { type: 'Hostname', address: name }],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        operatingSystem: 'linux',
        kubeletVersion: 'v1.37.2',
        kubeProxyVersion: '',
        containerRuntimeVersion: 'containerd://2.1.4',
        osImage: 'Ubuntu 24.04.2 LTS',
        kernelVersion: '6.8.0-1024-aws',
        bootID: '',
        machineID: '',
        systemUUID: '',
      },
    },
  };
}

interface WorkloadPlan {
  namespace: string;
  name: string;
  replicas: number;
  weakness?: 'privileged' | 'host-path' | 'root' | 'no-limits';
}

const WEAKNESSES = ['privileged', 'host-path', 'root', 'no-limits'] as const;

/** One namespace in three enforces the restricted Pod Security level. */
const enforces = (namespaceIndex: number) => namespaceIndex % 3 === 1;

function container(name: string, image: string, weak: WorkloadPlan['weakness'], port: number) {
  return {
    name,
    image,
    imagePullPolicy: 'IfNotPresent',
    args: [`--port=${port}`, '--log-format=json', '--metrics-addr=:9090', '--shutdown-grace=30s'],
    ports: [{ name: 'http', containerPort: port, protocol: 'TCP' }, { name: 'metrics', containerPort: 9090, protocol: 'TCP' }],
    env: [
      ['LOG_LEVEL', 'info'], ['APP_ENV', 'production'], ['REGION', 'eu-west-1'], ['OTEL_EXPORTER_OTLP_ENDPOINT', 'http://otel-collector.observability:4317'],
      ['OTEL_SERVICE_NAME', name], ['GOMAXPROCS', '2'], ['FEATURE_FLAGS_URL', 'http://flags.platform:8080'], ['CACHE_TTL_SECONDS', '300'],
    ].map(([n, v]) => ({ name: n, value: v })).concat([
      { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } as never },
      { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } as never },
      { name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } as never },
    ] as never[]),
    resources: weak === 'no-limits' ? { requests: { cpu: '100m', memory: '128Mi' } } : { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
    livenessProbe: { httpGet: { path: '/healthz', port, scheme: 'HTTP' }, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 3 },
    readinessProbe: { httpGet: { path: '/readyz', port, scheme: 'HTTP' }, periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 3 },
    volumeMounts: [
      { name: 'config', mountPath: '/etc/app', readOnly: true },
      { name: 'tmp', mountPath: '/tmp' },
      ...(weak === 'host-path' ? [{ name: 'host-logs', mountPath: '/host/var/log' }] : []),
    ],
    securityContext:
      weak === 'privileged'
        ? { privileged: true }
        : weak === 'root'
          ? { runAsUser: 0, allowPrivilegeEscalation: true }
          : { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, runAsUser: 10001, capabilities: { drop: ['ALL'] } },
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
  };
}

function podTemplate(w: WorkloadPlan, hash: string) {
  const labels = { 'app.kubernetes.io/name': w.name, 'app.kubernetes.io/part-of': w.namespace, 'app.kubernetes.io/version': '2.14.3', 'pod-template-hash': hash, team: w.namespace.replace('ns-', 'team-'), tier: 'backend' };
  return {
    metadata: {
      labels,
      annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9090', 'kubectl.kubernetes.io/restartedAt': '2026-11-01T10:00:00Z', 'checksum/config': 'a3f1c9e0b7d24f6aa1e38b0c2d9f7e615b2c3d4e5f60718293a4b5c6d7e8f901' },
    },
    spec: {
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: w.weakness === 'root' ? {} : { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' }, fsGroup: 10001 },
      containers: [container('app', `registry.example.com/${w.namespace}/${w.name}:2.14.3`, w.weakness, 8080), container('proxy', 'registry.example.com/platform/envoy:1.32.1', undefined, 15001)],
      volumes: [
        { name: 'config', configMap: { name: `${w.name}-config`, defaultMode: 420 } },
        { name: 'tmp', emptyDir: {} },
        ...(w.weakness === 'host-path' ? [{ name: 'host-logs', hostPath: { path: '/var/log', type: 'Directory' } }] : []),
      ],
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
      affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { 'app.kubernetes.io/name': w.name } } } }] } },
    },
  };
}

export interface SyntheticCluster {
  nodes: K8sObject[];
  /** Namespaces, RBAC, quotas, policies, workload controllers, Services: created before pods. */
  objects: K8sObject[];
  /** Pods with nodeName set (kwok marks them Running). */
  pods: K8sObject[];
}

/** Streams pods lazily at large scales: `pods` is generated on iteration. */
export function syntheticCluster(scale: Scale): { nodes: K8sObject[]; objects: K8sObject[]; pods: () => Generator<K8sObject>; podCount: number } {
  const { nodes: nodeCount, pods: podCount } = SCALES[scale];
  const nodes = Array.from({ length: nodeCount }, (_, i) => syntheticNode(i));
  const objects: K8sObject[] = [];
  const namespaces = Math.max(10, Math.round(podCount / 300));
  // Per node: a kube-proxy and a CNI pod (DaemonSets), like a real cluster.
  const daemonPods = 2 * nodeCount;
  const workloadPods = podCount - daemonPods - 2;
  const plans: WorkloadPlan[] = [];
  let assigned = 0;
  for (let i = 0; assigned < workloadPods; i++) {
    const replicas = Math.min(1 + (i % 10), workloadPods - assigned);
    // Consecutive workloads share a namespace, so every namespace gets a mix of replica counts.
    const nsIndex = Math.floor(i / 3) % namespaces;
    // About 1 workload in 7 is weak, always in a namespace that does not enforce Pod Security.
    const weak = i % 5 === 3 && !enforces(nsIndex);
    plans.push({ namespace: `ns-${pad(nsIndex, 4)}`, name: `svc-${pad(i)}`, replicas, weakness: weak ? WEAKNESSES[i % WEAKNESSES.length] : undefined });
    assigned += replicas;
  }

  for (let n = 0; n < namespaces; n++) {
    const ns = `ns-${pad(n, 4)}`;
    objects.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: enforces(n) ? { 'pod-security.kubernetes.io/enforce': 'restricted' } : { 'pod-security.kubernetes.io/warn': 'baseline' } } });
    if (n % 3 !== 2) objects.push({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny', namespace: ns }, spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } });
    objects.push({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'allow-same-namespace', namespace: ns }, spec: { podSelector: {}, ingress: [{ from: [{ podSelector: {} }] }], policyTypes: ['Ingress'] } });
    if (n % 2 === 0) {
      objects.push({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'quota', namespace: ns }, spec: { hard: { 'requests.cpu': '2000', 'requests.memory': '4000Gi', 'limits.cpu': '4000', 'limits.memory': '8000Gi', pods: '5000' } } });
      objects.push({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'limits', namespace: ns }, spec: { limits: [{ type: 'Container', default: { cpu: '500m', memory: '512Mi' }, defaultRequest: { cpu: '100m', memory: '128Mi' } }] } });
    }
    objects.push({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'developer', namespace: ns }, rules: [{ apiGroups: ['', 'apps'], resources: ['pods', 'pods/log', 'deployments', 'services', 'configmaps'], verbs: ['get', 'list', 'watch'] }] });
    objects.push({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'developers', namespace: ns }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'developer' }, subjects: [{ kind: 'Group', name: `${ns}-developers`, apiGroup: 'rbac.authorization.k8s.io' }] });
  }
  for (let c = 0; c < Math.max(5, namespaces / 20); c++) {
    objects.push({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: `platform-reader-${c}` }, rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['get', 'list', 'watch'] }] });
    objects.push({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: `platform-reader-${c}` }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: `platform-reader-${c}` }, subjects: [{ kind: 'Group', name: `platform-${c}`, apiGroup: 'rbac.authorization.k8s.io' }] });
  }

  const dsTemplate = (name: string, image: string, privileged: boolean) => ({
    metadata: { labels: { 'k8s-app': name } },
    spec: { hostNetwork: true, serviceAccountName: 'default', priorityClassName: 'system-node-critical', tolerations: [{ operator: 'Exists' }], containers: [{ name, image, securityContext: { privileged }, resources: { requests: { cpu: '50m', memory: '64Mi' } } }] },
  });
  const daemonSets = [
    { name: 'kube-proxy', image: 'registry.k8s.io/kube-proxy:v1.37.2' },
    { name: 'calico-node', image: 'docker.io/calico/node:v3.30.2' },
  ];
  for (const ds of daemonSets) {
    objects.push({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: ds.name, namespace: 'kube-system', labels: { 'k8s-app': ds.name } }, spec: { selector: { matchLabels: { 'k8s-app': ds.name } }, template: dsTemplate(ds.name, ds.image, true) } });
  }
  const corednsPlan: WorkloadPlan = { namespace: 'kube-system', name: 'coredns', replicas: 2 };
  for (const w of [corednsPlan, ...plans]) {
    const hash = '7d9f8c6b5';
    const selector = { matchLabels: { 'app.kubernetes.io/name': w.name } };
    objects.push({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: w.name, namespace: w.namespace }, spec: { replicas: w.replicas, selector, template: podTemplate(w, hash) } });
    objects.push({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: `${w.name}-${hash}`, namespace: w.namespace, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: w.name, uid: '00000000-0000-0000-0000-000000000000', controller: true }] }, spec: { replicas: w.replicas, selector, template: podTemplate(w, hash) } });
    if (w.namespace !== 'kube-system') objects.push({ apiVersion: 'v1', kind: 'Service', metadata: { name: w.name, namespace: w.namespace }, spec: { selector: { 'app.kubernetes.io/name': w.name }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] } });
  }

  function* pods(): Generator<K8sObject> {
    let n = 0;
    const nodeFor = () => nodeName(n++ % nodeCount);
    for (let i = 0; i < nodeCount; i++) {
      for (const ds of daemonSets) {
        const t = dsTemplate(ds.name, ds.image, true);
        yield { apiVersion: 'v1', kind: 'Pod', metadata: { name: `${ds.name}-${pad(i)}`, namespace: 'kube-system', labels: t.metadata.labels, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: ds.name, uid: '00000000-0000-0000-0000-000000000000', controller: true }] }, spec: { ...t.spec, nodeName: nodeName(i) } };
      }
    }
    for (const w of [corednsPlan, ...plans]) {
      const t = podTemplate(w, '7d9f8c6b5');
      for (let r = 0; r < w.replicas; r++) {
        yield {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: `${w.name}-7d9f8c6b5-${pad(r, 3)}`, namespace: w.namespace, labels: t.metadata.labels, annotations: t.metadata.annotations, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${w.name}-7d9f8c6b5`, uid: '00000000-0000-0000-0000-000000000000', controller: true }] },
          spec: { ...t.spec, nodeName: nodeFor() },
        };
      }
    }
  }
  return { nodes, objects, pods, podCount: daemonPods + 2 + assigned };
}
