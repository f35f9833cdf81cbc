/**
 * capYoungGeneration changes process-wide V8 flags, so it runs in a child process here: one that
 * first grows its young generation as module loading does, then caps it as collect() does.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MODULE = fileURLToPath(new URL('./young-generation.ts', import.meta.url));

function child(script: string, env: Record<string, string> = {}): { before: number; after: number; later: number } {
  const out = execFileSync(process.execPath, ['--import', './scripts/register-ts-hooks.ts', '--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}');
}

const SCRIPT = `
const { capYoungGeneration, youngGenerationBytes } = await import(${JSON.stringify(MODULE)});
const churn = () => { let keep = []; for (let i = 0; i < 2e6; i++) { keep.push({ i, s: 'x' + i }); if (keep.length > 1e5) keep = []; } };
churn();
const before = youngGenerationBytes();
capYoungGeneration();
const after = youngGenerationBytes();
churn();
console.log(JSON.stringify({ before, after, later: youngGenerationBytes() }));
`;

describe('capYoungGeneration', () => {
  it('shrinks a grown young generation to its minimum and keeps it small', () => {
    const { before, after, later } = child(SCRIPT);
    expect(before).toBeGreaterThanOrEqual(16 * 2 ** 20);
    expect(after).toBeLessThanOrEqual(2 * 2 ** 20);
    expect(later).toBeLessThanOrEqual(4 * 2 ** 20);
  });

  it('leaves the young generation alone when the operator chose semi-space flags', () => {
    const { before, after } = child(SCRIPT, { NODE_OPTIONS: '--max-semi-space-size=32' });
    expect(after).toBe(before);
  });
});
