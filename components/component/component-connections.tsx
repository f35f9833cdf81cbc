import type { Architecture } from '@/lib/model/architecture';
import { componentLabel } from '@/lib/ui/component-names';
import { connectionsOf } from '@/lib/ui/component-view';
import { EDGE_STROKE, PROTECTION_TEXT, edgeProtection, edgeSentence } from '@/lib/ui/edge-style';

/** The component's connections in words: who it talks to, how it is protected, and why we think so. */
export function ComponentConnections({ architecture, id }: { architecture: Architecture; id: string }) {
  const list = connectionsOf(architecture, id);
  if (list.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No connections are known for this component.</p>;
  return (
    <ul className="grid gap-2 text-sm">
      {list.map(({ edge, direction, other }) => {
        const p = edgeProtection(edge);
        const s = EDGE_STROKE[p];
        const peer = other ? componentLabel(other) : direction === 'out' ? edge.to : edge.from;
        return (
          <li key={edge.id} className="flex gap-2">
            <svg viewBox="0 0 28 8" className="mt-1.5 h-2 w-7 shrink-0" aria-hidden="true">
              <line x1="1" y1="4" x2="27" y2="4" strokeWidth={s.width} strokeDasharray={s.dash} strokeLinecap="round" className={s.className} />
            </svg>
            <div>
              <p>
                <span className="font-medium">{direction === 'out' ? `to ${peer}` : `from ${peer}`}</span>
                <span className="text-zinc-600 dark:text-zinc-400"> · {edgeSentence(edge)}</span>
              </p>
              <p className="text-xs text-zinc-500 dark:text-zinc-400">
                {PROTECTION_TEXT[p]}
                {edge.evidence.length > 0 ? ` · read from ${edge.evidence.join('; ')}` : ''}
              </p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
