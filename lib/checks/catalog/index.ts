/**
 * The whole catalogue: control-plane/node/version checks plus the workload, RBAC, resources,
 * network and add-on checks. Order is display order; ids are unique (asserted by catalog.test.ts).
 */
import type { CheckDefinition } from '../types';
import { CLUSTER_CHECKS } from './cluster/index';
import { CONTROL_PLANE_CHECKS } from './control-plane/index';

export { CLUSTER_CHECKS, CONTROL_PLANE_CHECKS };

export const ALL_CHECKS: readonly CheckDefinition[] = [...CONTROL_PLANE_CHECKS, ...CLUSTER_CHECKS];
