'use client';
/**
 * The body of a posture page, live or frozen: score and areas beside the architecture diagram,
 * whose side panel opens the selected component (`?component=` in the URL).
 *
 * The score, areas and diagram need no rows: the diagram's statuses come from per-component
 * tallies (lib/ui/status.ts). A live posture has its rows and makes the tallies from them; a
 * snapshot page sends its tallies (lib/snapshots/compact/head.ts) and expands its rows later, so
 * `findings` is undefined meanwhile and `onNeedFindings` asks for them now (a component panel,
 * a tooltip or the walkthrough needs them).
 */
import dynamic from 'next/dynamic';
import { type ComponentType, useMemo } from 'react';
import type { ArchitectureDiagramProps } from '@/components/architecture/architecture-diagram';
import type { Finding } from '@/lib/checks/types';
import type { PostureHead } from '@/lib/posture/types';
import { type StatusTally, tallyByComponent } from '@/lib/ui/status';
import { useUrlParam } from '@/lib/ui/use-url-param';
import { AreaBars } from './area-bars';
import { DiagramSkeleton } from './overview-skeleton';
import { ScoreCard } from './score-card';

/** The diagram's code loads in parallel with the data; it stays out of first-load JS. */
export const loadDiagram = () => import('@/components/architecture/architecture-diagram');
const ArchitectureDiagram = dynamic(() => loadDiagram().then((m) => m.ArchitectureDiagram), { ssr: false, loading: () => <DiagramSkeleton /> });
// The drill-down panel is only needed once a component is picked.
const ComponentPanel = dynamic(() => import('@/components/architecture/component-panel').then((m) => m.ComponentPanel), { ssr: false });

export interface PostureBodyProps {
  posture: PostureHead;
  context: string;
  /** Every row (a snapshot's counted passes as summary rows); undefined while they are being expanded. */
  findings?: readonly Finding[];
  /** Per-component tallies; made from `findings` when not given. */
  tallies?: ReadonlyMap<string, StatusTally>;
  /** Why `findings` could not be had, if so. */
  findingsError?: string;
  /** Asks for `findings` now. */
  onNeedFindings?: () => void;
  /** The diagram's first frame is on screen. */
  onPainted?: () => void;
  /** The diagram component; by default its code loads in parallel with the data (a chunk of its own). */
  Diagram?: ComponentType<ArchitectureDiagramProps>;
}

export function PostureBody({ posture, context, findings, findingsError, tallies, onNeedFindings, onPainted, Diagram = ArchitectureDiagram }: PostureBodyProps) {
  const [selected, setSelected] = useUrlParam('component');
  const statusTallies = useMemo(() => tallies ?? tallyByComponent(findings ?? []), [tallies, findings]);
  return (
    <div className="grid gap-4 lg:grid-cols-[18rem_minmax(0,1fr)]">
      <div className="grid min-w-0 content-start gap-4">
        <ScoreCard posture={posture} context={context} />
        <AreaBars posture={posture} />
      </div>
      <section aria-label="Architecture" className="h-[calc(100dvh-12.5rem)] min-h-[32rem] overflow-hidden rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <Diagram
          posture={posture}
          tallies={statusTallies}
          findings={findings}
          onNeedFindings={onNeedFindings}
          onPainted={onPainted}
          selectedId={selected}
          onSelect={setSelected}
          panel={
            selected ? (
              <ComponentPanel architecture={posture.architecture} findings={findings} findingsError={findingsError} onNeedFindings={onNeedFindings} componentId={selected} context={context} onClose={() => setSelected(undefined)} />
            ) : null
          }
        />
      </section>
    </div>
  );
}
