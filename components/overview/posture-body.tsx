'use client';
/**
 * The body of a posture page, live or frozen: score and areas beside the architecture diagram,
 * whose side panel opens the selected component (`?component=` in the URL).
 */
import dynamic from 'next/dynamic';
import type { Posture } from '@/lib/posture/types';
import { useUrlParam } from '@/lib/ui/use-url-param';
import { AreaBars } from './area-bars';
import { DiagramSkeleton } from './overview-skeleton';
import { ScoreCard } from './score-card';

/** The diagram's code loads in parallel with the data; it stays out of first-load JS. */
export const loadDiagram = () => import('@/components/architecture/architecture-diagram');
const ArchitectureDiagram = dynamic(() => loadDiagram().then((m) => m.ArchitectureDiagram), { ssr: false, loading: () => <DiagramSkeleton /> });
// The drill-down panel is only needed once a component is picked.
const ComponentPanel = dynamic(() => import('@/components/architecture/component-panel').then((m) => m.ComponentPanel), { ssr: false });

export function PostureBody({ posture, context }: { posture: Posture; context: string }) {
  const [selected, setSelected] = useUrlParam('component');
  return (
    <div className="grid gap-4 lg:grid-cols-[18rem_minmax(0,1fr)]">
      <div className="grid min-w-0 content-start gap-4">
        <ScoreCard posture={posture} context={context} />
        <AreaBars posture={posture} />
      </div>
      <section aria-label="Architecture" className="h-[calc(100dvh-12.5rem)] min-h-[32rem] overflow-hidden rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <ArchitectureDiagram
          posture={posture}
          selectedId={selected}
          onSelect={setSelected}
          panel={selected ? <ComponentPanel posture={posture} componentId={selected} context={context} onClose={() => setSelected(undefined)} /> : null}
        />
      </section>
    </div>
  );
}
