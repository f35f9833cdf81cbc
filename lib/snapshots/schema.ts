/**
 * The snapshot file format as a zod schema: what import accepts, nothing more. Kept in lockstep
 * with the TypeScript types by the compile-time checks at the bottom (if Posture changes, tsc
 * fails here until the schema follows).
 */
import { z } from 'zod';
import { AREAS, type Finding } from '../checks/types';
import type { Architecture } from '../model/architecture';
import type { Posture } from '../posture/types';
import { SNAPSHOT_FILE_KIND, SNAPSHOT_SCHEMA_VERSION, type Snapshot } from './types';

/** Upper bounds per string: generous for messages and evidence, tight for names. */
const LONG = 65_536;
const NAME = 1_024;

const str = z.string().max(LONG);
const name = z.string().max(NAME);
const iso = z.iso.datetime({ offset: true });
/** Metadata strings stored in their own columns: no control characters (PostgreSQL rejects NUL). */
const metaText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain control characters');

const severity = z.enum(['critical', 'high', 'medium', 'low', 'info']);
const status = z.enum(['pass', 'fail', 'warn', 'unknown', 'not-applicable']);
const area = z.enum(AREAS);
const componentType = z.enum([
  'clients', 'kube-apiserver', 'etcd', 'kube-scheduler', 'kube-controller-manager', 'cloud-controller-manager', 'provider-managed',
  'node', 'kubelet', 'kube-proxy', 'container-runtime', 'dns', 'dashboard', 'cni', 'ingress-controller', 'metrics-server', 'csi-driver', 'cluster',
]);
const provider = z.enum(['EKS', 'GKE', 'AKS', 'unknown']);

const objectRef = z.strictObject({ kind: name, namespace: name.optional(), name });

const component = z.strictObject({
  id: name,
  type: componentType,
  name,
  layer: z.enum(['clients', 'control-plane', 'nodes', 'addons']),
  parentId: name.optional(),
  nodeName: name.optional(),
  version: name.optional(),
  flags: z.record(name, str).optional(),
  facts: z.record(name, z.union([str, z.number(), z.boolean()])),
  objects: z.array(objectRef),
});

const edge = z.strictObject({
  id: z.string().max(2 * NAME + 64),
  from: name,
  to: name,
  kind: z.enum(['api', 'storage', 'kubelet-api', 'runtime', 'client']),
  label: str,
  protocol: z.enum(['https', 'http', 'grpc', 'unix']).optional(),
  tls: z.enum(['verified', 'unverified', 'none', 'unknown']),
  auth: z.enum(['client-cert', 'token', 'anonymous-allowed', 'none', 'unknown']),
  evidence: z.array(str),
});

const nodeGroup = z.strictObject({
  id: name,
  label: str,
  role: z.enum(['control-plane', 'worker']),
  pool: name.optional(),
  zone: name.optional(),
  nodeNames: z.array(name),
});

const architecture = z.strictObject({
  controlPlane: z.strictObject({
    managed: z.boolean(),
    provider: provider.optional(),
    providerEvidence: str.optional(),
    externalEtcd: z.array(name).optional(),
  }),
  components: z.array(component),
  edges: z.array(edge),
  nodeGroups: z.array(nodeGroup),
});

const evidence = z.strictObject({ expected: str, actual: str, source: str });

const finding = z.strictObject({
  componentId: name,
  object: objectRef.optional(),
  status,
  message: str,
  evidence: z.array(evidence),
  checkId: name,
  title: str,
  area,
  severity,
  waived: z
    .strictObject({ reason: str, author: name, expiresAt: iso.optional(), source: z.enum(['store', 'annotation']) })
    .optional(),
});

const count = z.number().int().nonnegative();
const statusCounts = z.strictObject({ pass: count, fail: count, warn: count, unknown: count, 'not-applicable': count, waived: count });

const score = z.strictObject({
  score: z.number().min(0).max(100).nullable(),
  counts: statusCounts,
  checks: z.strictObject({ total: count, evaluated: count, unknown: count, notApplicable: count }),
  coverage: z.number().min(0).max(1).nullable(),
  coverageText: str,
});

const bySeverity = z.strictObject({ critical: count, high: count, medium: count, low: count, info: count });

const collectionIssue = z.strictObject({
  kind: name,
  verb: z.enum(['list', 'get', 'probe']),
  namespace: name.optional(),
  reason: z.enum(['forbidden', 'unauthorized', 'timeout', 'not-found', 'unreachable', 'unsupported', 'disabled', 'error']),
  message: str,
});

export const postureSchema = z.strictObject({
  schemaVersion: z.literal(1),
  collectedAt: iso,
  cluster: z.strictObject({
    context: name,
    server: name,
    user: name.optional(),
    inCluster: z.boolean().optional(),
    version: name.optional(),
    managed: z.boolean(),
    provider: provider.optional(),
    controlPlaneHidden: str.optional(),
  }),
  architecture,
  findings: z.array(finding),
  scores: z.strictObject({
    cluster: score,
    byArea: z.record(area, score),
    byComponent: z.record(name, score),
    bySeverity,
  }),
  issues: z.array(collectionIssue),
  summary: z.strictObject({
    nodes: count,
    pods: count,
    namespaces: count,
    workloads: count,
    objects: z.record(name, count),
    unreadableKinds: z.array(name),
  }),
  stats: z.strictObject({ startedAt: iso, durationMs: z.number().nonnegative(), requests: count, objects: z.record(name, count) }),
  catalogVersion: name,
  cveFeedDate: name,
});

export const snapshotSchema = z.strictObject({
  /** Present in exported files; optional so a bare snapshot object is accepted too. */
  kind: z.literal(SNAPSHOT_FILE_KIND).optional(),
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
  id: z.string().max(64),
  createdAt: iso,
  createdBy: metaText(200).min(1),
  expiresAt: iso.optional(),
  anonymized: z.boolean(),
  label: metaText(200).optional(),
  posture: postureSchema,
});

export const labelSchema = metaText(200).trim().min(1);

// ---------------------------------------------------------------------------------------------
// Compile-time lockstep with the types: both directions must be assignable.

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const lockstep: [
  Same<z.infer<typeof postureSchema>, Posture>,
  Same<z.infer<typeof architecture>, Architecture>,
  Same<z.infer<typeof finding>, Finding>,
  Same<Omit<z.infer<typeof snapshotSchema>, 'kind'>, Snapshot>,
] = [true, true, true, true];
void lockstep;
