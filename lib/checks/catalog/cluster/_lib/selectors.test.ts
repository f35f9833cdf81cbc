import { describe, expect, it } from 'vitest';
import { describeSelector, isEmptySelector, selectorMatches } from './selectors';

describe('selectorMatches', () => {
  const labels = { app: 'api', tier: 'backend' };

  it('treats an empty or missing selector as "everything"', () => {
    expect(selectorMatches(undefined, labels)).toBe(true);
    expect(selectorMatches({}, labels)).toBe(true);
    expect(isEmptySelector({ matchLabels: {}, matchExpressions: [] })).toBe(true);
  });

  it('ANDs matchLabels and every expression', () => {
    expect(selectorMatches({ matchLabels: { app: 'api' } }, labels)).toBe(true);
    expect(selectorMatches({ matchLabels: { app: 'api', tier: 'frontend' } }, labels)).toBe(false);
    expect(selectorMatches({ matchLabels: { app: 'api' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['backend', 'db'] }] }, labels)).toBe(true);
    expect(selectorMatches({ matchLabels: { app: 'api' }, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['backend'] }] }, labels)).toBe(false);
  });

  it('implements In, NotIn, Exists and DoesNotExist like the API server', () => {
    expect(selectorMatches({ matchExpressions: [{ key: 'env', operator: 'In', values: ['prod'] }] }, labels)).toBe(false);
    // NotIn matches objects that do not have the key at all.
    expect(selectorMatches({ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] }, labels)).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, labels)).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, labels)).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: 'legacy', operator: 'DoesNotExist' }] }, labels)).toBe(true);
  });

  it('selects nothing with an operator it does not know', () => {
    expect(selectorMatches({ matchExpressions: [{ key: 'tier', operator: 'Gt', values: ['1'] }] }, labels)).toBe(false);
  });
});

describe('describeSelector', () => {
  it('describes selectors for evidence', () => {
    expect(describeSelector({})).toBe('{} (all pods)');
    expect(describeSelector({ matchLabels: { app: 'api' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] })).toBe('app=api, tier In (a, b)');
  });
});
