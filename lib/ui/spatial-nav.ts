/**
 * Arrow-key navigation between diagram boxes: the nearest box in the pressed direction, with a
 * penalty for drifting sideways, so Down from the API server goes to the node right below it
 * rather than to a far-away box that is barely lower.
 */
export interface NavBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Direction = 'up' | 'down' | 'left' | 'right';

const KEYS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

export function directionOfKey(key: string): Direction | undefined {
  return KEYS[key];
}

export function nearestInDirection(from: NavBox, boxes: readonly NavBox[], dir: Direction): NavBox | undefined {
  const cx = from.x + from.width / 2;
  const cy = from.y + from.height / 2;
  let best: NavBox | undefined;
  let bestScore = Infinity;
  for (const b of boxes) {
    if (b.id === from.id) continue;
    const bx = b.x + b.width / 2;
    const by = b.y + b.height / 2;
    const dx = bx - cx;
    const dy = by - cy;
    let primary: number;
    let secondary: number;
    switch (dir) {
      case 'up':
        primary = -dy;
        secondary = Math.abs(dx);
        break;
      case 'down':
        primary = dy;
        secondary = Math.abs(dx);
        break;
      case 'left':
        primary = -dx;
        secondary = Math.abs(dy);
        break;
      case 'right':
        primary = dx;
        secondary = Math.abs(dy);
        break;
    }
    if (primary <= 1) continue;
    const score = primary + secondary * 2;
    if (score < bestScore) {
      bestScore = score;
      best = b;
    }
  }
  return best;
}

/** Top to bottom, then left to right: the order Tab-like movement (Home/End) follows. */
export function readingOrder(a: NavBox, b: NavBox): number {
  return a.y - b.y || a.x - b.x;
}
