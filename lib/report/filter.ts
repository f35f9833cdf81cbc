/**
 * `--area`: narrow a posture to some areas. Findings outside them are dropped and every score is
 * recomputed from what is left, so a filtered report never shows a number from the unfiltered one.
 */
import type { Area } from '../checks/types';
import { scoresOf } from '../posture/evaluate';
import type { Posture } from '../posture/types';
import { inAreas } from './findings';

export function filterByAreas(posture: Posture, areas: readonly Area[] | undefined): Posture {
  if (!areas || areas.length === 0) return posture;
  const findings = posture.findings.filter(inAreas(areas));
  return { ...posture, findings, scores: scoresOf(findings) };
}
