import type { Metadata } from 'next';
import { CheckCatalogue } from '@/components/checks/check-catalogue';
import { ALL_CHECKS } from '@/lib/checks/catalog/index';
import { SEVERITY_WEIGHTS } from '@/lib/checks/scoring';
import type { CheckMeta } from '@/lib/checks/types';

export const metadata: Metadata = { title: 'Checks' };

/**
 * The checks catalogue, generated from check metadata on the server: only the metadata reaches the
 * browser, never the evaluation code or the CVE feed.
 */
export default function ChecksPage() {
  const checks: CheckMeta[] = ALL_CHECKS.map(({ evaluate: _evaluate, ...meta }) => meta);
  const weights = Object.entries(SEVERITY_WEIGHTS)
    .map(([s, w]) => `${s} ${w}`)
    .join(', ');
  return (
    <main id="main" className="mx-auto grid max-w-5xl gap-4 px-4 py-6 lg:px-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Checks</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          The {checks.length} checks kube-posture runs, with their severity, the evidence they use, and the benchmark ids they map to.
        </p>
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-sky-700 dark:text-sky-400">How the score is computed</summary>
          <p className="mt-1 leading-6">
            Each check has a severity weight ({weights}). Score = Σ weight(pass) / (Σ weight(pass) + Σ weight(fail) + ½ · Σ weight(warn)) × 100. A check carries its weight once per scope, split over its
            results, so a check over thousands of Pods does not drown the others. Unknown and not-applicable results are left out of the score and reported as its coverage.
          </p>
        </details>
      </header>
      <CheckCatalogue checks={checks} />
    </main>
  );
}
