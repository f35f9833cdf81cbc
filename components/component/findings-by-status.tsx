'use client';
import { useState } from 'react';
import { StatusIcon } from '@/components/ui/status-icon';
import type { CheckMeta, Finding } from '@/lib/checks/types';
import { groupByStatus } from '@/lib/ui/component-view';
import { healthOfStatus } from '@/lib/ui/health-style';
import { STATUS_TEXT } from '@/lib/ui/status';
import { FindingItem } from './finding-item';

/** How many findings a group shows before "Show all": long lists stay scannable. */
const FIRST_PAGE = 25;

function StatusGroup({ status, findings, metaById, open }: { status: Finding['status']; findings: Finding[]; metaById: ReadonlyMap<string, CheckMeta>; open: boolean }) {
  const [all, setAll] = useState(false);
  const shown = all ? findings : findings.slice(0, FIRST_PAGE);
  return (
    <details open={open} className="group">
      <summary className="flex cursor-pointer items-center gap-2 py-1 text-sm font-semibold">
        <StatusIcon health={healthOfStatus(status)} />
        {STATUS_TEXT[status]} <span className="font-normal text-zinc-500 dark:text-zinc-400">({findings.length})</span>
      </summary>
      <ul className="mt-1 grid gap-2">
        {shown.map((f, i) => (
          <FindingItem key={`${f.checkId}-${f.object?.name ?? ''}-${i}`} finding={f} meta={metaById.get(f.checkId)} />
        ))}
      </ul>
      {findings.length > shown.length ? (
        <button type="button" onClick={() => setAll(true)} className="mt-2 text-sm text-sky-700 underline dark:text-sky-400">
          Show all {findings.length}
        </button>
      ) : null}
    </details>
  );
}

/** Findings grouped fail → warn → unknown → pass → not applicable; problems open, the rest folded. */
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
