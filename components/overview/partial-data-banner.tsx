import type { PartialData } from '@/lib/ui/partial-data';

/**
 * What the scan could not read and which checks stayed unknown because of it (lib/ui/partial-data:
 * the live overview works it out from its rows, a snapshot page on the server).
 */
export function PartialDataBanner({ data }: { data: PartialData }) {
  const { missing, skipped } = data;
  if (missing.length === 0 && skipped.length === 0) return null;
  if (missing.length === 0) {
    return (
      <details className="text-xs text-zinc-600 dark:text-zinc-400">
        <summary className="cursor-pointer">Some data is not read by design (scan settings)</summary>
        <p className="mt-1">{skipped.flatMap((s) => s.details).join(' ')}</p>
      </details>
    );
  }
  const shown = missing.slice(0, 6);
  return (
    <section role="status" aria-labelledby="partial-title" data-testid="partial-data-banner" className="rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
      <h2 id="partial-title" className="text-sm font-semibold">
        Partial data: {missing.length} {missing.length === 1 ? 'kind' : 'kinds'} could not be read, so some checks are unknown
      </h2>
      <ul className="mt-1 grid gap-0.5 text-sm">
        {shown.map((l) => (
          <li key={l.what} title={l.details.join('\n')}>
            <span className="font-medium">{l.what}</span>: {l.impact}
          </li>
        ))}
      </ul>
      {missing.length > shown.length ? (
        <details className="mt-1 text-sm">
          <summary className="cursor-pointer">{missing.length - shown.length} more</summary>
          <ul className="mt-1 grid gap-0.5">
            {missing.slice(shown.length).map((l) => (
              <li key={l.what}>
                <span className="font-medium">{l.what}</span>: {l.impact}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <p className="mt-1 text-xs">Unknown checks are left out of the score and counted in its coverage. Grant read access to these kinds, or scan with a context that has it.</p>
    </section>
  );
}
