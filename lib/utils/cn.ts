export type ClassValue = string | number | bigint | boolean | null | undefined | ClassValue[] | Record<string, unknown>;

/**
 * Joins class names, skipping falsy values. Accepts strings, nested arrays and
 * `{ className: condition }` objects. It does not resolve Tailwind conflicts:
 * later classes do not override earlier ones, so keep variants disjoint.
 */
export function cn(...inputs: ClassValue[]): string {
  const out: string[] = [];
  const add = (value: ClassValue): void => {
    if (value === null || value === undefined || value === false || value === true || value === '') return;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') {
      if (value !== 0 && value !== 0n) out.push(String(value).trim());
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value) add(item);
      return;
    }
    for (const [key, on] of Object.entries(value)) {
      if (on) out.push(key);
    }
  };
  for (const input of inputs) add(input);
  return out.filter(Boolean).join(' ');
}
