/**
 * Column helpers of the compact snapshot form: integer columns stored as differences from the
 * previous value (ids that step by one compress to almost nothing), and interning tables that
 * give each distinct value one index.
 */

/** [5, 6, 7, 9] → [5, 1, 1, 2]. */
export function deltas(xs: readonly number[]): number[] {
  const out = new Array<number>(xs.length);
  let prev = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as number;
    out[i] = x - prev;
    prev = x;
  }
  return out;
}

/** The inverse of deltas(). */
export function undeltas(ds: readonly number[]): number[] {
  const out = new Array<number>(ds.length);
  let acc = 0;
  for (let i = 0; i < ds.length; i++) {
    acc += ds[i] as number;
    out[i] = acc;
  }
  return out;
}

/** Distinct values in first-seen order, by a string key. */
export class Interner<T> {
  readonly values: T[] = [];
  private readonly index = new Map<string, number>();
  private readonly keyOf: (v: T) => string;

  constructor(keyOf: (v: T) => string) {
    this.keyOf = keyOf;
  }

  id(v: T): number {
    const k = this.keyOf(v);
    let i = this.index.get(k);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(v);
      this.index.set(k, i);
    }
    return i;
  }

  /** The index of a value already interned, if any. */
  find(v: T): number | undefined {
    return this.index.get(this.keyOf(v));
  }
}

export const stringInterner = (): Interner<string> => new Interner<string>((s) => s);
