/**
 * Real postures of the local clusters (e2e/cluster profiles weak, hardened, managed), trimmed:
 * every fail/warn/unknown result, the first 40 passes and 15 not-applicable results, the
 * components they name plus the control plane; scores recomputed from the kept findings.
 * Tests get a fresh deep copy each call, so they may mutate it.
 */
import { readFileSync } from 'node:fs';
import type { Posture } from '../../lib/posture/types';

export type FixtureName = 'weak' | 'hardened' | 'managed';

export const fixturePath = (name: FixtureName): string => new URL(`./posture-${name}.json`, import.meta.url).pathname;

export function loadPosture(name: FixtureName): Posture {
  return JSON.parse(readFileSync(fixturePath(name), 'utf8')) as Posture;
}
