/**
 * V8's young generation in a scanning process: capped small, once, before the first scan.
 *
 * A scan allocates hundreds of MB of parsed items that die within microseconds; by default V8
 * answers that by growing the young generation to ~110 MB, which at 30,000 pods is a third of the
 * scan's peak RSS and makes it *slower* (the objects no longer fit in cache). Measured at M: peak
 * RSS above idle 304 -> 180 MB and collection CPU 4.5 -> 4.2 s; even a 1 MB young generation is
 * no slower here.
 *
 * Stopping its growth (`--semi-space-growth-factor=1`) freezes it at whatever size it reached
 * while the process loaded its modules: 1 MB in one process, 16 MB in the next, which made peak
 * RSS bimodal (S: ~35–50 MB or ~85 MB above idle, run to run). One memory-reducing collection
 * right after (the "last resort" flavour, what V8 runs under memory pressure) shrinks it to its
 * minimum first, so every process scans with the same small young generation. It costs one
 * memory-reducing collection (V8 runs a few full GCs for it: ~0.2 s on a 250 MB heap of small
 * objects, less in a server at rest) once per process, before its first scan.
 *
 * Skipped when the operator chose semi-space flags (NODE_OPTIONS or argv).
 */
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let capped = false;

export function operatorChoseSemiSpace(): boolean {
  return [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('semi-space'));
}

/** The young generation's current size in bytes (both semi-spaces). */
export function youngGenerationBytes(): number {
  return getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
}

type GcFunction = (options?: { type?: 'major' | 'minor'; execution?: 'sync' | 'async'; flavor?: 'regular' | 'last-resort' }) => void;

/** V8's gc(), exposed for this one call; undefined where it cannot be had. */
function gcFunction(): GcFunction | undefined {
  const own = (globalThis as { gc?: GcFunction }).gc;
  if (own) return own;
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as GcFunction;
  } catch {
    return undefined;
  } finally {
    // Contexts made later (e.g. a sandbox) get no `gc` global.
    setFlagsFromString('--no-expose-gc');
  }
}

/** Once per process: stop the young generation's growth and shrink it to its minimum. */
export function capYoungGeneration(): void {
  if (capped) return;
  capped = true;
  if (operatorChoseSemiSpace()) return;
  setFlagsFromString('--semi-space-growth-factor=1');
  try {
    gcFunction()?.({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  } catch {
    // An older V8 without gc options: the cap alone still holds.
  }
}
