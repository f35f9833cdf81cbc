'use client';
import { useEffect } from 'react';
import { Button } from '@/components/ui/button';
import { SeverityBadge } from '@/components/ui/severity-badge';
import { EDGE_STROKE, PROTECTION_TEXT } from '@/lib/ui/edge-style';
import type { FlowStep } from '@/lib/ui/request-flow';

const STEP_MS = 4000;

export interface RequestFlowPanelProps {
  steps: readonly FlowStep[];
  index: number;
  playing: boolean;
  onIndex: (i: number) => void;
  onPlaying: (p: boolean) => void;
  onClose: () => void;
  labelOf: (id: string) => string;
}

/** The walkthrough caption: the current hop, its protection in words, and the checks that guard it. */
export function RequestFlowPanel({ steps, index, playing, onIndex, onPlaying, onClose, labelOf }: RequestFlowPanelProps) {
  const step = steps[index];
  useEffect(() => {
    if (!playing) return;
    const t = setTimeout(() => {
      if (index + 1 < steps.length) onIndex(index + 1);
      else onPlaying(false);
    }, STEP_MS);
    return () => clearTimeout(t);
  }, [playing, index, steps.length, onIndex, onPlaying]);

  if (!step) return null;
  const s = step.protection ? EDGE_STROKE[step.protection] : undefined;
  const shown = step.findings.slice(0, 3);
  return (
    <section aria-label="Pod creation walkthrough" className="grid gap-x-6 gap-y-2 border-t border-sky-200 bg-sky-50/60 px-4 py-3 text-sm md:grid-cols-[minmax(0,1.1fr)_minmax(0,1fr)_auto] dark:border-sky-900 dark:bg-sky-950/30">
      <div className="min-w-0">
        <p className="text-xs font-medium text-sky-800 dark:text-sky-300">
          Step {index + 1} of {steps.length} · {labelOf(step.from)} → {labelOf(step.to)}
        </p>
        <h3 className="font-semibold" aria-live="polite">
          {step.title}
        </h3>
        <p className="text-zinc-700 dark:text-zinc-300">{step.what}</p>
      </div>
      <div className="min-w-0">
        <p className="flex items-start gap-2">
          {s ? (
            <svg viewBox="0 0 28 8" className="mt-1.5 h-2 w-7 shrink-0" aria-hidden="true">
              <line x1="1" y1="4" x2="27" y2="4" strokeWidth={s.width} strokeDasharray={s.dash} strokeLinecap="round" className={s.className} />
            </svg>
          ) : null}
          <span>
            <span className="font-medium">{step.protection ? `${PROTECTION_TEXT[step.protection]}: ` : 'Protection: '}</span>
            {step.protectionText}
          </span>
        </p>
        {shown.length > 0 ? (
          <ul className="mt-1 grid gap-0.5 text-xs">
            {shown.map((f, i) => (
              <li key={`${f.checkId}-${i}`} className="flex items-center gap-1.5">
                <SeverityBadge severity={f.severity} />
                <span className="truncate">{f.title}</span>
              </li>
            ))}
            {step.findings.length > shown.length ? <li className="text-zinc-600 dark:text-zinc-400">and {step.findings.length - shown.length} more failing checks guard this hop</li> : null}
          </ul>
        ) : (
          <p className="mt-1 text-xs text-emerald-800 dark:text-emerald-300">{step.passing > 0 ? `All ${step.passing} checks guarding this hop pass.` : 'No check guards this hop directly.'}</p>
        )}
      </div>
      <div className="flex items-start gap-2">
        <Button onClick={() => onIndex(Math.max(0, index - 1))} disabled={index === 0}>
          Previous
        </Button>
        <Button variant="primary" onClick={() => onPlaying(!playing)}>
          {playing ? 'Pause' : index + 1 === steps.length ? 'Replay' : 'Play'}
        </Button>
        <Button onClick={() => onIndex(Math.min(steps.length - 1, index + 1))} disabled={index + 1 === steps.length}>
          Next
        </Button>
        <Button variant="ghost" onClick={onClose}>
          Close
        </Button>
      </div>
    </section>
  );
}
