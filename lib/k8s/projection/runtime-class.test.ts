import { describe, expect, it } from 'vitest';
import { projectRuntimeClass } from './runtime-class';

describe('projectRuntimeClass', () => {
  it('projects a RuntimeClass handler', () => {
    expect(projectRuntimeClass({ metadata: { name: 'gvisor' }, handler: 'runsc' })).toEqual({
      meta: { name: 'gvisor', labels: {}, annotations: {} },
      handler: 'runsc',
    });
  });
});
