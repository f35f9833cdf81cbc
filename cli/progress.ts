/**
 * Scan progress on stderr, only when stderr is a terminal: one line redrawn in place, cleared at
 * the end. Pipes and CI logs get nothing, so stderr there carries errors only.
 */
import type { ScanProgress } from '../lib/posture/types';
import type { OutStream } from './io';

export type ProgressEvent = Omit<ScanProgress, 'scanId'>;

export function progressText(p: ProgressEvent): string {
  const pct = `${Math.round(Math.min(1, Math.max(0, p.fraction)) * 100)}%`.padStart(4);
  const kinds = p.kindsTotal > 0 ? ` · ${p.kindsDone}/${p.kindsTotal} kinds` : '';
  return `${pct} ${p.phase}${kinds} · ${p.objectsRead} objects · ${p.requests} requests${p.message ? ` · ${p.message}` : ''}`;
}

export interface Progress {
  update(p: ProgressEvent): void;
  done(): void;
}

const NONE: Progress = { update() {}, done() {} };

export function progressReporter(stderr: OutStream): Progress {
  if (!stderr.isTTY) return NONE;
  const width = Math.max(20, (stderr.columns ?? 80) - 1);
  let shown = false;
  return {
    update(p) {
      stderr.write(`\r\u001b[2K${`scanning ${progressText(p)}`.slice(0, width)}`);
      shown = true;
    },
    done() {
      if (shown) stderr.write('\r\u001b[2K');
      shown = false;
    },
  };
}
