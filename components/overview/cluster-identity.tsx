import { Button } from '@/components/ui/button';
import type { Posture, ScanProgress } from '@/lib/posture/types';
import { formatCount, formatTimestamp, plural, timeAgo } from '@/lib/ui/format';
import { ScanProgressBar } from './scan-progress';
import { controlPlaneKind } from '@/lib/ui/control-plane-kind';

export interface ClusterIdentityProps {
  context: string;
  posture?: Posture;
  scannedAt?: string;
  running: boolean;
  progress?: ScanProgress;
  onRescan: () => void;
  server?: string;
}

/** Which cluster this is (context, endpoint, version, provider), when it was scanned, and Rescan. */
export function ClusterIdentity({ context, posture, scannedAt, running, progress, onRescan, server }: ClusterIdentityProps) {
  const c = posture?.cluster;
  const kind = c ? controlPlaneKind(c) : undefined;
  const s = posture?.summary;
  return (
    <section aria-label="Cluster identity" className="grid gap-3">
      <div className="flex flex-wrap items-end gap-x-6 gap-y-2">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight">{context}</h1>
          <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
            <div className="flex gap-1">
              <dt>API</dt>
              <dd className="font-mono text-xs leading-5 text-zinc-800 dark:text-zinc-200">{c?.server ?? server ?? '…'}</dd>
            </div>
            {c?.version ? (
              <div className="flex gap-1">
                <dt>Version</dt>
                <dd className="text-zinc-800 dark:text-zinc-200">{c.version}</dd>
              </div>
            ) : null}
            {kind ? (
              <div className="flex gap-1">
                <dt className="sr-only">Control plane</dt>
                <dd className="text-zinc-800 dark:text-zinc-200">{kind}</dd>
              </div>
            ) : null}
            {s ? (
              <div className="flex gap-1">
                <dt className="sr-only">Size</dt>
                <dd>
                  {plural(s.nodes, 'node')} · {plural(s.pods, 'pod')} · {plural(s.namespaces, 'namespace')}
                </dd>
              </div>
            ) : null}
          </dl>
        </div>
        <div className="ml-auto flex items-center gap-3">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {scannedAt ? (
              <>
                Last scanned <time dateTime={scannedAt} title={formatTimestamp(scannedAt)}>{timeAgo(scannedAt)}</time>
                {posture ? ` · ${formatCount(posture.findings.length)} results` : ''}
              </>
            ) : running ? (
              'Scanning…'
            ) : (
              'Not scanned yet'
            )}
          </p>
          <Button variant="primary" onClick={onRescan} disabled={running}>
            {running ? 'Scanning…' : 'Rescan'}
          </Button>
        </div>
      </div>
      {running ? <ScanProgressBar progress={progress} /> : null}
    </section>
  );
}
