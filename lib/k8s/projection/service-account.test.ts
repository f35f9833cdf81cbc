import { describe, expect, it } from 'vitest';
import { projectServiceAccount } from './service-account';

describe('projectServiceAccount', () => {
  it('keeps automount and the names of referenced secrets', () => {
    expect(
      projectServiceAccount({ metadata: { name: 'default', namespace: 'n' }, automountServiceAccountToken: false, secrets: [{ name: 'default-token-x' }] }),
    ).toEqual({
      meta: { name: 'default', namespace: 'n', labels: {}, annotations: {} },
      automountServiceAccountToken: false,
      secretNames: ['default-token-x'],
    });
  });
});
