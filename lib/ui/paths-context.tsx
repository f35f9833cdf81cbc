'use client';
/**
 * Where links inside shared components go. A live cluster's pages link to /clusters/{context}/…;
 * a shared snapshot links within the snapshot (it has no cluster behind it).
 */
import { createContext, useContext } from 'react';
import { componentPath } from './component-names';
import { routes } from './routes';

export interface Paths {
  overview: (context: string) => string;
  component: (context: string, id: string) => string;
  /** The findings table (filters go in its query string). */
  findings: (context: string) => string;
}

export const CLUSTER_PATHS: Paths = { overview: routes.overview, component: componentPath, findings: routes.findings };

export const PathsContext = createContext<Paths>(CLUSTER_PATHS);

export function usePaths(): Paths {
  return useContext(PathsContext);
}

/** Links for a snapshot at `base` (e.g. `/s/<id>`): components open in the side panel. */
export function snapshotPaths(base: string): Paths {
  return {
    overview: () => base,
    component: (_context, id) => `${base}?component=${encodeURIComponent(id)}`,
    findings: () => `${base}/findings`,
  };
}
