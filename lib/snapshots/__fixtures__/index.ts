/**
 * Trimmed real postures of the three local clusters (weak, hardened, managed), evaluated from
 * e2e/cluster profiles. Trimmed: every component, edge and node group; the fail/warn/unknown
 * findings (capped) plus a few pass and not-applicable ones; scores recomputed over what is kept.
 */
import { readFileSync } from 'node:fs';
import type { Posture } from '../../posture/types';

export type FixtureName = 'weak' | 'hardened' | 'managed';

export function loadPosture(name: FixtureName): Posture {
  return JSON.parse(readFileSync(new URL(`./posture-${name}.json`, import.meta.url), 'utf8')) as Posture;
}
