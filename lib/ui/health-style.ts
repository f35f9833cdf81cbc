/**
 * Colours per health level, as complete Tailwind class names (Tailwind only generates classes it
 * can read in the source). Colour is never the only signal: each level also has its own shape
 * (components/ui/status-icon.tsx) and words (HEALTH_TEXT).
 */
import type { Severity, Status } from '../checks/types';
import type { Health } from './status';

export interface HealthStyle {
  /** SVG shape fill. */
  fill: string;
  /** SVG box outline. */
  stroke: string;
  /** Text in that colour, readable on the page background (WCAG AA). */
  text: string;
  /** A soft background for chips and badges. */
  soft: string;
}

export const HEALTH_STYLE: Record<Health, HealthStyle> = {
  critical: {
    fill: 'fill-red-700 dark:fill-red-500',
    stroke: 'stroke-red-700 dark:stroke-red-500',
    text: 'text-red-700 dark:text-red-400',
    soft: 'bg-red-50 text-red-800 ring-red-200 dark:bg-red-950/60 dark:text-red-200 dark:ring-red-900',
  },
  failing: {
    fill: 'fill-orange-600 dark:fill-orange-500',
    stroke: 'stroke-orange-600 dark:stroke-orange-500',
    text: 'text-orange-700 dark:text-orange-400',
    soft: 'bg-orange-50 text-orange-800 ring-orange-200 dark:bg-orange-950/60 dark:text-orange-200 dark:ring-orange-900',
  },
  warning: {
    fill: 'fill-amber-500 dark:fill-amber-400',
    stroke: 'stroke-amber-500 dark:stroke-amber-400',
    text: 'text-amber-700 dark:text-amber-300',
    soft: 'bg-amber-50 text-amber-900 ring-amber-200 dark:bg-amber-950/60 dark:text-amber-200 dark:ring-amber-900',
  },
  unknown: {
    fill: 'fill-slate-500 dark:fill-slate-400',
    stroke: 'stroke-slate-500 dark:stroke-slate-400',
    text: 'text-slate-600 dark:text-slate-300',
    soft: 'bg-slate-100 text-slate-800 ring-slate-200 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-700',
  },
  passing: {
    fill: 'fill-emerald-600 dark:fill-emerald-500',
    stroke: 'stroke-emerald-600 dark:stroke-emerald-500',
    text: 'text-emerald-700 dark:text-emerald-400',
    soft: 'bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950/60 dark:text-emerald-200 dark:ring-emerald-900',
  },
  none: {
    fill: 'fill-zinc-400 dark:fill-zinc-500',
    stroke: 'stroke-zinc-300 dark:stroke-zinc-600',
    text: 'text-zinc-600 dark:text-zinc-400',
    soft: 'bg-zinc-100 text-zinc-700 ring-zinc-200 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-700',
  },
};

/** The health a single finding status maps to (for status chips in lists). */
export function healthOfStatus(status: Status, severity?: Severity): Health {
  switch (status) {
    case 'fail':
      return severity === 'critical' ? 'critical' : 'failing';
    case 'warn':
      return 'warning';
    case 'unknown':
      return 'unknown';
    case 'pass':
      return 'passing';
    default:
      return 'none';
  }
}

export const SEVERITY_STYLE: Record<Severity, string> = {
  critical: 'bg-red-700 text-white dark:bg-red-600',
  high: 'bg-orange-700 text-white dark:bg-orange-700',
  medium: 'bg-amber-300 text-amber-950 dark:bg-amber-400',
  low: 'bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100',
  info: 'bg-zinc-200 text-zinc-800 dark:bg-zinc-700 dark:text-zinc-100',
};

/** Bars and score numbers: red below 50, amber below 80, green from 80. */
export function scoreTone(score: number | null): { text: string; bar: string } {
  if (score === null) return { text: 'text-zinc-500 dark:text-zinc-400', bar: 'bg-zinc-300 dark:bg-zinc-600' };
  if (score < 50) return { text: 'text-red-700 dark:text-red-400', bar: 'bg-red-600 dark:bg-red-500' };
  if (score < 80) return { text: 'text-amber-700 dark:text-amber-300', bar: 'bg-amber-500 dark:bg-amber-400' };
  return { text: 'text-emerald-700 dark:text-emerald-400', bar: 'bg-emerald-600 dark:bg-emerald-500' };
}
