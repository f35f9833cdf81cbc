/**
 * The snapshot file format as a zod schema: what import accepts, nothing more. Version 2 files
 * hold the compact form (compact/types.ts), which decode.ts expands and checks for references;
 * the expanded posture is then held to the same strict schema as a version 1 file's posture.
 * Kept in lockstep with the TypeScript types by the compile-time checks at the bottom (if Posture
 * changes, tsc fails here until the schema follows).
 */
import { z } from 'zod';
import { AREAS, type Finding } from '../checks/types';
import type { Architecture } from '../model/architecture';
import type { Posture } from '../posture/types';
import { MAX_PASS_COUNT } from './compact/decode';
import type { CompactPosture } from './compact/types';
import { SNAPSHOT_FILE_KIND, type SnapshotFile, type SnapshotFileV1, type SnapshotPosture } from './types';

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
  readNamespaces: z.array(name).max(1000).optional(),
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

const passCount = z.strictObject({ checkId: name, title: str, area, severity, componentId: name, kind: name, count: z.number().int().min(1).max(MAX_PASS_COUNT) });

export const snapshotPostureSchema = postureSchema.extend({ passCounts: z.array(passCount) });

// ---------------------------------------------------------------------------------------------
// The compact form (version 2). Cross-references (indices) are checked by decode.ts.

/** A column entry: an index, or the difference between two. */
const int = z.number().int().min(-(2 ** 31)).max(2 ** 31);
const ints = z.array(int);

const templateObject = z.strictObject({ kind: str, namespace: str.optional(), name: str });
const componentTemplate = z.strictObject({
  id: str,
  type: componentType,
  name: str,
  layer: component.shape.layer,
  parentId: str.optional(),
  version: str.optional(),
  flags: z.record(name, str).optional(),
  facts: z.record(name, z.union([str, z.number(), z.boolean()])),
  objects: z.array(templateObject.nullable()),
});

const findingGroup = z.strictObject({
  check: int,
  status,
  waived: finding.shape.waived,
  message: str,
  evidence: z.array(z.tuple([str, str, str])),
  targets: ints,
  rows: ints,
});

export const compactPostureSchema = z.strictObject({
  ...postureSchema.pick({ schemaVersion: true, collectedAt: true, cluster: true, issues: true, summary: true, stats: true, catalogVersion: true, cveFeedDate: true }).shape,
  strings: z.array(name),
  objects: z.strictObject({ kind: ints, namespace: ints, name: ints }),
  architecture: z.strictObject({
    controlPlane: architecture.shape.controlPlane,
    components: z.strictObject({ templates: z.array(componentTemplate), template: ints, node: ints, objects: ints }),
    edges: architecture.shape.edges,
    nodeGroups: z.array(nodeGroup.omit({ nodeNames: true }).extend({ nodes: ints })),
  }),
  componentIds: z.array(name),
  checks: z.array(z.tuple([name, str, area, severity])),
  targets: z.strictObject({ component: ints, object: ints }),
  findings: z.array(findingGroup),
  passes: z.strictObject({
    classes: z.array(z.tuple([z.union([componentType, z.literal('')]), int])),
    slots: z.strictObject({ component: ints, kind: ints, count: z.array(z.number().int().min(0).max(MAX_PASS_COUNT)) }),
    checks: z.array(z.strictObject({ check: int, classes: ints, fix: ints })),
  }),
  scores: z.strictObject({
    ...postureSchema.shape.scores.omit({ byComponent: true }).shape,
    table: z.array(score),
    byComponent: z.strictObject({ component: ints, score: ints }),
  }),
});

const meta = {
  /** Present in exported files; optional so a bare snapshot object is accepted too. */
  kind: z.literal(SNAPSHOT_FILE_KIND).optional(),
  id: z.string().max(64),
  createdAt: iso,
  createdBy: metaText(200).min(1),
  expiresAt: iso.optional(),
  anonymized: z.boolean(),
  label: metaText(200).optional(),
};

/** Version 2: the compact form. */
export const snapshotFileSchema = z.strictObject({ ...meta, schemaVersion: z.literal(2), posture: compactPostureSchema });

/** Version 1: the whole posture, every row (read and converted, never written). */
export const snapshotFileV1Schema = z.strictObject({ ...meta, schemaVersion: z.literal(1), posture: postureSchema });

export const labelSchema = metaText(200).trim().min(1);

// ---------------------------------------------------------------------------------------------
// Compile-time lockstep with the types: both directions must be assignable.

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const lockstep: [
  Same<z.infer<typeof postureSchema>, Posture>,
  Same<z.infer<typeof architecture>, Architecture>,
  Same<z.infer<typeof finding>, Finding>,
  Same<z.infer<typeof snapshotPostureSchema>, SnapshotPosture>,
  Same<z.infer<typeof compactPostureSchema>, CompactPosture>,
  Same<Omit<z.infer<typeof snapshotFileSchema>, 'kind'>, SnapshotFile>,
  Same<Omit<z.infer<typeof snapshotFileV1Schema>, 'kind'>, SnapshotFileV1>,
] = [true, true, true, true, true, true, true];
void lockstep;
