import type { ComponentPropsWithoutRef } from 'react';
import { HEALTH_STYLE } from '@/lib/ui/health-style';
import { HEALTH_TEXT, type Health } from '@/lib/ui/status';
import { cn } from '@/lib/utils/cn';

/**
 * One shape per health level, so status never relies on colour alone:
 * critical = octagon ×, failing = square ×, warning = triangle !, unknown = diamond ?,
 * passing = circle ✓, none = hollow circle –. Drawn in a 16×16 box.
 */
function Shape({ health }: { health: Health }) {
  const fill = HEALTH_STYLE[health].fill;
  const glyph = 'stroke-white dark:stroke-zinc-950';
  switch (health) {
    case 'critical':
      return (
        <>
          <path d="M5.2 1h5.6L15 5.2v5.6L10.8 15H5.2L1 10.8V5.2Z" className={fill} />
          <path d="m5.5 5.5 5 5m0-5-5 5" strokeWidth="1.8" strokeLinecap="round" className={glyph} />
        </>
      );
    case 'failing':
      return (
        <>
          <rect x="1.5" y="1.5" width="13" height="13" rx="2" className={fill} />
          <path d="m5.5 5.5 5 5m0-5-5 5" strokeWidth="1.8" strokeLinecap="round" className={glyph} />
        </>
      );
    case 'warning':
      return (
        <>
          <path d="M8 1 15.5 14.5H.5Z" strokeLinejoin="round" className={fill} />
          <path d="M8 6v4m0 2.2v.1" strokeWidth="1.8" strokeLinecap="round" className={glyph} />
        </>
      );
    case 'unknown':
      return (
        <>
          <path d="M8 .5 15.5 8 8 15.5.5 8Z" className={fill} />
          <path d="M6.2 6.3a1.9 1.9 0 1 1 2.6 1.8c-.5.3-.8.6-.8 1.2m0 1.9v.1" strokeWidth="1.5" strokeLinecap="round" fill="none" className={glyph} />
        </>
      );
    case 'passing':
      return (
        <>
          <circle cx="8" cy="8" r="7" className={fill} />
          <path d="m4.8 8.2 2.2 2.2 4.2-4.6" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" fill="none" className={glyph} />
        </>
      );
    case 'none':
      return (
        <>
          <circle cx="8" cy="8" r="6.2" strokeWidth="1.6" fill="none" className={HEALTH_STYLE.none.stroke} />
          <path d="M5.5 8h5" strokeWidth="1.6" strokeLinecap="round" className={HEALTH_STYLE.none.stroke} />
        </>
      );
  }
}

/** Inside an SVG (the diagram): a group at (x, y) scaled to `size`. Decorative: the box has the label. */
export function StatusGlyph({ health, x, y, size = 16 }: { health: Health; x: number; y: number; size?: number }) {
  return (
    <g transform={`translate(${x} ${y}) scale(${size / 16})`} aria-hidden="true">
      <Shape health={health} />
    </g>
  );
}

/** In HTML: a small standalone icon. Give `label` when no visible text says the status. */
export function StatusIcon({ health, label, className, ...props }: { health: Health; label?: string } & ComponentPropsWithoutRef<'svg'>) {
  return (
    <svg
      viewBox="0 0 16 16"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      className={cn('inline-block size-4 shrink-0', className)}
      {...props}
    >
      {label ? <title>{label}</title> : null}
      <Shape health={health} />
    </svg>
  );
}

export function healthTitle(health: Health): string {
  return HEALTH_TEXT[health];
}
