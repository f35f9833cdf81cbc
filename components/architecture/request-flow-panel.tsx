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
  return (
    <section aria-label="Pod creation walkthrough" className="pointer-events-auto w-[30rem] max-w-full rounded-lg border border-sky-200 bg-white/95 p-3 text-sm shadow-lg dark:border-sky-900 dark:bg-zinc-900/95">
      <div className="flex items-center gap-2">
        <p className="text-xs font-medium text-sky-700 dark:text-sky-400">
          Step {index + 1} of {steps.length}
        </p>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          {labelOf(step.from)} → {labelOf(step.to)}
        </p>
      </div>
      <h3 className="mt-0.5 font-semibold" aria-live="polite">
        {step.title}
      </h3>
      <p className="mt-1 text-zinc-700 dark:text-zinc-300">{step.what}</p>
      <p className="mt-2 flex items-center gap-2">
        {s ? (
          <svg viewBox="0 0 28 8" className="h-2 w-7 shrink-0" aria-hidden="true">
            <line x1="1" y1="4" x2="27" y2="4" strokeWidth={s.width} strokeDasharray={s.dash} strokeLinecap="round" className={s.className} />
          </svg>
        ) : null}
        <span>
          <span className="font-medium">{step.protection ? `${PROTECTION_TEXT[step.protection]}: ` : 'Protection: '}</span>
          {step.protectionText}
        </span>
      </p>
      {step.findings.length > 0 ? (
        <ul className="mt-2 grid max-h-28 gap-1 overflow-auto text-xs">
          {step.findings.slice(0, 6).map((f, i) => (
            <li key={`${f.checkId}-${i}`} className="flex items-center gap-1.5">
              <SeverityBadge severity={f.severity} />
              <span>{f.title}</span>
            </li>
          ))}
          {step.findings.length > 6 ? <li className="text-zinc-500">and {step.findings.length - 6} more</li> : null}
        </ul>
      ) : (
        <p className="mt-2 text-xs text-emerald-700 dark:text-emerald-400">{step.passing > 0 ? `All ${step.passing} checks guarding this hop pass.` : 'No check guards this hop directly.'}</p>
      )}
      <div className="mt-3 flex items-center gap-2">
        <Button onClick={() => onIndex(Math.max(0, index - 1))} disabled={index === 0}>
          Previous
        </Button>
        <Button variant="primary" onClick={() => onPlaying(!playing)}>
          {playing ? 'Pause' : index + 1 === steps.length ? 'Replay' : 'Play'}
        </Button>
        <Button onClick={() => onIndex(Math.min(steps.length - 1, index + 1))} disabled={index + 1 === steps.length}>
          Next
        </Button>
        <Button variant="ghost" className="ml-auto" onClick={onClose}>
          Close
        </Button>
      </div>
    </section>
  );
}
