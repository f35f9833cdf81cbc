'use client';
import { useId, useMemo, useState } from 'react';
import { SeverityBadge } from '@/components/ui/severity-badge';
import { AREAS, AREA_TITLES, type Area, type CheckMeta, type Severity } from '@/lib/checks/types';
import { type ChecksQuery, catalogueOptions, filterChecks } from '@/lib/ui/checks-query';
import { TYPE_TITLES } from '@/lib/ui/component-names';
import { SEVERITY_ORDER } from '@/lib/ui/status';

const FIELD = 'rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';

const TIER_TEXT: Record<CheckMeta['tier'], string> = {
  api: 'Kubernetes API objects',
  'api+probe': 'API objects and live probes',
  probe: 'live probes',
  'needs-node-agent': 'needs a node agent (unknown through the API alone)',
};

function componentTitle(c: CheckMeta['component']): string {
  return c in TYPE_TITLES ? TYPE_TITLES[c as keyof typeof TYPE_TITLES] : c === 'rbac' ? 'RBAC' : c.charAt(0).toUpperCase() + c.slice(1);
}

function referenceLabel(r: CheckMeta['references'][number]): string {
  return r.framework === 'CIS Kubernetes' ? `CIS ${r.version ?? ''} ${r.id}`.replace(/\s+/g, ' ') : `${r.framework} ${r.id}`;
}

/** Every check kube-posture runs, from the catalogue's own metadata, with filters. */
export function CheckCatalogue({ checks }: { checks: readonly CheckMeta[] }) {
  const [q, setQ] = useState<ChecksQuery>({});
  const id = useId();
  const { components, frameworks } = useMemo(() => catalogueOptions(checks), [checks]);
  const shown = filterChecks(checks, q);
  const set = <K extends keyof ChecksQuery>(k: K, v: string) => setQ((prev) => ({ ...prev, [k]: v || undefined }));

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end gap-3" role="search" aria-label="Filter checks">
        <div className="grid gap-0.5">
          <label htmlFor={`${id}-t`} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
            Search
          </label>
          <input id={`${id}-t`} type="search" value={q.text ?? ''} onChange={(e) => set('text', e.target.value)} placeholder="Id, title, CIS or Kubescape id…" className={`${FIELD} w-64`} />
        </div>
        <div className="grid gap-0.5">
          <label htmlFor={`${id}-a`} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
            Area
          </label>
          <select id={`${id}-a`} value={q.area ?? ''} onChange={(e) => set('area', e.target.value as Area)} className={`${FIELD} w-56`}>
            <option value="">All areas</option>
            {AREAS.map((a) => (
              <option key={a} value={a}>
                {AREA_TITLES[a]}
              </option>
            ))}
          </select>
        </div>
        <div className="grid gap-0.5">
          <label htmlFor={`${id}-c`} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
            Component
          </label>
          <select id={`${id}-c`} value={q.component ?? ''} onChange={(e) => set('component', e.target.value)} className={FIELD}>
            <option value="">All components</option>
            {components.map((c) => (
              <option key={c} value={c}>
                {componentTitle(c)}
              </option>
            ))}
          </select>
        </div>
        <div className="grid gap-0.5">
          <label htmlFor={`${id}-s`} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
            Severity
          </label>
          <select id={`${id}-s`} value={q.severity ?? ''} onChange={(e) => set('severity', e.target.value as Severity)} className={FIELD}>
            <option value="">All severities</option>
            {SEVERITY_ORDER.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className="grid gap-0.5">
          <label htmlFor={`${id}-f`} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
            Framework
          </label>
          <select id={`${id}-f`} value={q.framework ?? ''} onChange={(e) => set('framework', e.target.value)} className={FIELD}>
            <option value="">All frameworks</option>
            {frameworks.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </div>
        <p className="pb-1 text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
          {shown.length} of {checks.length} checks
        </p>
      </div>
      <ul className="grid gap-3">
        {shown.map((c) => (
          <li key={c.id} id={c.id} className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900" data-check-id={c.id}>
            <div className="flex flex-wrap items-center gap-2">
              <SeverityBadge severity={c.severity} />
              <h2 className="font-semibold">{c.title}</h2>
              <code className="text-xs text-zinc-500 dark:text-zinc-400">{c.id}</code>
            </div>
            <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
              {AREA_TITLES[c.area]} · {componentTitle(c.component)} · evidence from {TIER_TEXT[c.tier]}
            </p>
            <p className="mt-2 text-sm leading-6">{c.description}</p>
            <details className="mt-2 text-sm">
              <summary className="cursor-pointer text-sky-700 dark:text-sky-400">Remediation and references</summary>
              <p className="mt-1 leading-6">{c.remediation}</p>
              <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs">
                {c.references.map((r) => (
                  <li key={`${r.framework}-${r.id}`}>
                    {r.url ? (
                      <a href={r.url} target="_blank" rel="noreferrer" className="text-sky-700 underline dark:text-sky-400">
                        {referenceLabel(r)}
                      </a>
                    ) : (
                      referenceLabel(r)
                    )}
                  </li>
                ))}
              </ul>
              {c.defaultExemptNamespaces?.length ? <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">Skipped by default in: {c.defaultExemptNamespaces.join(', ')}</p> : null}
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}
