'use client';
/**
 * The posture of one kubeconfig context, as every cluster page needs it:
 *
 *   POST /api/clusters/{context}/scans  → scanId (the server reuses a fresh scan or joins a running one)
 *   GET  /api/scans/{id}/events         → live progress while it runs (server-sent events)
 *   GET  /api/scans/{id}                → the record; the posture once it is done
 *
 * Everything sits in SWR's cache, so moving between the overview, the findings and a component
 * page reuses one scan instead of starting three. During a rescan the previous posture stays on
 * screen with a progress bar above it: a dashboard that goes blank every refresh is hard to read.
 */
import { useCallback, useEffect, useState } from 'react';
import useSWR, { useSWRConfig } from 'swr';
import type { Posture, ScanProgress, ScanRecord } from '../posture/types';
import { ApiRequestError, api, fetchScan, startScan, toRequestError } from './api';

export interface ClusterScan {
  /** The latest finished posture of this context (kept on screen while a rescan runs). */
  posture?: Posture;
  /** When that posture's scan finished. */
  scannedAt?: string;
  /** The id of the finished scan on screen (what a snapshot freezes). */
  doneScanId?: string;
  /** Live progress of a running scan. */
  progress?: ScanProgress;
  running: boolean;
  /** Why the latest scan (or starting it) failed. */
  error?: ApiRequestError;
  /** Nothing to show yet: no posture and no error. */
  loading: boolean;
  rescan: () => void;
}

const ONCE = { revalidateOnFocus: false, revalidateOnReconnect: false, revalidateIfStale: false, shouldRetryOnError: false } as const;

type StartResult = { scanId: string };
type LastDone = { posture: Posture; finishedAt?: string };

export function useClusterScan(context: string | undefined): ClusterScan {
  const { mutate } = useSWRConfig();
  const startKey = context ? ['scan-start', context] : null;
  const start = useSWR<StartResult, ApiRequestError>(startKey, ([, ctx]: [string, string]) => startScan(ctx).catch((e: unknown) => Promise.reject(toRequestError(e))), ONCE);
  const scanId = start.data?.scanId;

  const [progress, setProgress] = useState<ScanProgress | undefined>();
  const [streamBroken, setStreamBroken] = useState(false);

  const scanKey = scanId ? ['scan', scanId] : null;
  const record = useSWR<ScanRecord, ApiRequestError>(scanKey, ([, id]: [string, string]) => fetchScan(id), {
    ...ONCE,
    // Polling only when the event stream is not available (a proxy that buffers, a reconnect).
    refreshInterval: (rec) => (rec?.status === 'running' && streamBroken ? 1500 : 0),
  });

  const lastKey = context ? ['last-done', context] : null;
  const last = useSWR<LastDone>(lastKey, null, ONCE);

  // Remember the latest finished posture per context, in the shared cache.
  const rec = record.data;
  useEffect(() => {
    if (context && rec?.status === 'done' && rec.posture) {
      void mutate(['last-done', context], { posture: rec.posture, finishedAt: rec.finishedAt }, { revalidate: false });
    }
  }, [rec, context, mutate]);

  // Live progress over server-sent events while the scan runs.
  const running = rec?.status === 'running';
  useEffect(() => {
    if (!scanId || !running) return;
    setStreamBroken(false);
    const source = new EventSource(api.scanEvents(scanId));
    const finish = () => {
      source.close();
      void mutate(['scan', scanId]);
    };
    source.addEventListener('progress', (e) => {
      try {
        setProgress(JSON.parse((e as MessageEvent<string>).data) as ScanProgress);
      } catch {
        // A malformed event is skipped; the next one or the final record will do.
      }
    });
    source.addEventListener('done', finish);
    source.addEventListener('failed', finish);
    source.onerror = () => {
      source.close();
      setStreamBroken(true);
    };
    return () => source.close();
  }, [scanId, running, mutate]);

  // The server keeps scans in memory; after a restart the id is gone, so start a new scan.
  const lost = record.error?.code === 'not-found';
  useEffect(() => {
    if (lost && context) void mutate(['scan-start', context]);
  }, [lost, context, mutate]);

  const [rescanError, setRescanError] = useState<ApiRequestError | undefined>();
  const [starting, setStarting] = useState(false);
  const rescan = useCallback(() => {
    if (!context) return;
    setProgress(undefined);
    setRescanError(undefined);
    setStarting(true);
    startScan(context, true)
      .then((r) => mutate(['scan-start', context], r, { revalidate: false }))
      .catch((e: unknown) => setRescanError(toRequestError(e)))
      .finally(() => setStarting(false));
  }, [context, mutate]);

  const posture = (rec?.status === 'done' ? rec.posture : undefined) ?? last.data?.posture;
  const scannedAt = rec?.status === 'done' && rec.posture ? rec.finishedAt : last.data?.finishedAt;
  const error = rescanError ?? start.error ?? (lost ? undefined : record.error) ?? (rec?.status === 'failed' && rec.error ? new ApiRequestError(rec.error.code, rec.error.message, 0, rec.error.details) : undefined);
  const isRunning = running || starting || start.isValidating || (!!scanId && !rec && !record.error);
  const out: ClusterScan = { running: isRunning, loading: !posture && !error, rescan };
  if (posture) out.posture = posture;
  if (scannedAt) out.scannedAt = scannedAt;
  if (rec?.status === 'done') out.doneScanId = rec.id;
  if (error) out.error = error;
  const live = running ? (progress?.scanId === scanId ? progress : rec?.progress) : undefined;
  if (live) out.progress = live;
  return out;
}
