'use client';
import { useState } from 'react';
import { SeverityBadge } from '@/components/ui/severity-badge';
import { StatusIcon } from '@/components/ui/status-icon';
import type { CheckMeta, Finding } from '@/lib/checks/types';
import { type CheckGroup, groupByCheck, groupByStatus, objectLabel, resultCount } from '@/lib/ui/component-view';
import { healthOfStatus } from '@/lib/ui/health-style';
import { formatCount } from '@/lib/ui/format';
import { STATUS_TEXT } from '@/lib/ui/status';
import { FindingItem } from './finding-item';

/** Objects shown per check before "show all": a check failing on 40 bindings stays one card. */
const FIRST_OBJECTS = 3;

function ManyFindings({ group, meta }: { group: CheckGroup; meta?: CheckMeta }) {
  const [all, setAll] = useState(false);
  const shown = all ? group.findings : group.findings.slice(0, FIRST_OBJECTS);
  return (
    <li data-check-id={group.checkId} className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      <div className="flex flex-wrap items-center gap-2">
        <SeverityBadge severity={group.severity} />
        <h4 className="text-sm font-medium">{group.title}</h4>
        <span className="text-xs text-zinc-500 dark:text-zinc-400">{formatCount(resultCount(group.findings))} objects</span>
      </div>
      <ul className="mt-2 grid gap-2">
        {shown.map((f, i) => (
          <FindingItem key={`${f.object ? objectLabel(f.object) : ''}-${i}`} finding={f} meta={i === shown.length - 1 ? meta : undefined} nested />
        ))}
      </ul>
      {group.findings.length > shown.length ? (
        <button type="button" onClick={() => setAll(true)} className="mt-2 text-sm text-sky-700 underline dark:text-sky-400">
          Show all {group.findings.length}
        </button>
      ) : null}
    </li>
  );
}

function StatusGroup({ status, findings, metaById, open }: { status: Finding['status']; findings: Finding[]; metaById: ReadonlyMap<string, CheckMeta>; open: boolean }) {
  const checks = groupByCheck(findings);
  const results = resultCount(findings);
  return (
    <details open={open} className="group" data-status={status}>
      <summary className="flex cursor-pointer items-center gap-2 py-1 text-sm font-semibold">
        <StatusIcon health={healthOfStatus(status)} />
        {STATUS_TEXT[status]}{' '}
        <span className="font-normal text-zinc-500 dark:text-zinc-400">
          ({formatCount(results)} {results === 1 ? 'finding' : 'findings'}, {checks.length} {checks.length === 1 ? 'check' : 'checks'})
        </span>
      </summary>
      <ul className="mt-1 grid gap-2">
        {checks.map((g) =>
          g.findings.length === 1 && g.findings[0] ? (
            <FindingItem key={g.checkId} finding={g.findings[0]} meta={metaById.get(g.checkId)} />
          ) : (
            <ManyFindings key={g.checkId} group={g} meta={metaById.get(g.checkId)} />
          ),
        )}
      </ul>
    </details>
  );
}

/** Findings grouped fail → warn → unknown → pass → not applicable, then by check; problems open. */
export function FindingsByStatus({ findings, metaById }: { findings: readonly Finding[]; metaById: ReadonlyMap<string, CheckMeta> }) {
  const groups = groupByStatus(findings);
  if (groups.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No check applies to this component.</p>;
  return (
    <div className="grid gap-3">
      {groups.map((g) => (
        <StatusGroup key={g.status} status={g.status} findings={g.findings} metaById={metaById} open={g.status === 'fail' || g.status === 'warn' || g.status === 'unknown'} />
      ))}
    </div>
  );
}
