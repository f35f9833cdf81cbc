import { SeverityBadge } from '@/components/ui/severity-badge';
import { StatusBadge } from '@/components/ui/status-badge';
import type { CheckMeta, Finding } from '@/lib/checks/types';
import { objectLabel } from '@/lib/ui/component-view';
import { cn } from '@/lib/utils/cn';

function referenceLabel(r: CheckMeta['references'][number]): string {
  return r.framework === 'CIS Kubernetes' ? `CIS ${r.version ?? ''} ${r.id}`.replace(/\s+/g, ' ') : `${r.framework} ${r.id}`;
}

/**
 * One finding with its evidence always visible (expected vs actual, and where it was read), and
 * the remediation and references one click away.
 */
export function FindingItem({ finding, meta, showStatus = false, nested = false, className }: { finding: Finding; meta?: CheckMeta; showStatus?: boolean; nested?: boolean; className?: string }) {
  return (
    <li data-check-id={nested ? undefined : finding.checkId} className={cn(nested ? 'border-t border-zinc-100 pt-2 first:border-0 first:pt-0 dark:border-zinc-800' : 'rounded-lg border border-zinc-200 p-3 dark:border-zinc-800', className)}>
      {nested ? null : (
        <div className="flex flex-wrap items-center gap-2">
          <SeverityBadge severity={finding.severity} />
          {showStatus ? <StatusBadge status={finding.status} severity={finding.severity} /> : null}
          <h4 className="text-sm font-medium">{finding.title}</h4>
        </div>
      )}
      <p className={cn('text-sm text-zinc-700 dark:text-zinc-300', !nested && 'mt-1')}>{finding.message}</p>
      {finding.object ? <p className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">{objectLabel(finding.object)}</p> : null}
      {finding.evidence.length > 0 ? (
        <table className="mt-2 w-full table-fixed text-xs">
          <caption className="sr-only">Evidence for {finding.title}</caption>
          <thead>
            <tr className="text-left text-zinc-500 dark:text-zinc-400">
              <th scope="col" className="w-1/3 pr-2 font-medium">
                Expected
              </th>
              <th scope="col" className="w-1/3 pr-2 font-medium">
                Actual
              </th>
              <th scope="col" className="w-1/3 font-medium">
                Source
              </th>
            </tr>
          </thead>
          <tbody>
            {finding.evidence.map((e, i) => (
              <tr key={i} className="align-top">
                <td className="pr-2 font-mono break-words text-emerald-800 dark:text-emerald-300">{e.expected}</td>
                <td className={cn('pr-2 font-mono break-words', finding.status === 'pass' ? 'text-emerald-800 dark:text-emerald-300' : 'text-red-800 dark:text-red-300')}>{e.actual}</td>
                <td className="font-mono break-words text-zinc-600 dark:text-zinc-400">{e.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {meta && finding.status !== 'pass' && finding.status !== 'not-applicable' ? (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-sky-700 dark:text-sky-400">How to fix</summary>
          <p className="mt-1 text-zinc-700 dark:text-zinc-300">{meta.remediation}</p>
          {meta.references.length > 0 ? (
            <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs">
              {meta.references.map((r) => (
                <li key={`${r.framework}-${r.id}`}>
                  {r.url ? (
                    <a href={r.url} target="_blank" rel="noreferrer" className="text-sky-700 underline dark:text-sky-400">
                      {referenceLabel(r)}
                    </a>
                  ) : (
                    <span className="text-zinc-600 dark:text-zinc-400">{referenceLabel(r)}</span>
                  )}
                </li>
              ))}
            </ul>
          ) : null}
        </details>
      ) : null}
    </li>
  );
}
