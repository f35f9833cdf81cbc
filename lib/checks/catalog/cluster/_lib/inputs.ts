/**
 * Missing inputs. A check whose inputs could not be read reports `unknown` with the collector's
 * reason, never `pass` (DESIGN.md "Partial is normal"). The matching itself lives in
 * lib/checks/inputs; this adds the one `unknown` result shape the cluster checks return.
 */
import type { CheckResult } from '../../../types';
import { ev, result } from './result';

export { firstMissing, missingInput } from '../../../inputs';

export function unknownResult(componentId: string, reason: string, what: string): CheckResult {
  return result(componentId, 'unknown', `Cannot evaluate: ${reason}`, [ev(what, 'not readable', reason)]);
}
