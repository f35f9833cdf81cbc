import { describe, expect, it } from 'vitest';
import { projectSecret } from './secret';

describe('projectSecret', () => {
  it('keeps metadata and type, never data or stringData', () => {
    const secret = {
      metadata: { name: 't', namespace: 'kube-system' },
      type: 'bootstrap.kubernetes.io/token',
      data: { token: 'TUFSS0VS' },
      stringData: { token: 'MARKER' },
    };
    expect(projectSecret(secret)).toEqual({
      meta: { name: 't', namespace: 'kube-system', labels: {}, annotations: {} },
      type: 'bootstrap.kubernetes.io/token',
    });
  });

  it('accepts PartialObjectMetadata (no type)', () => {
    expect(projectSecret({ metadata: { name: 't' } })).toEqual({ meta: { name: 't', labels: {}, annotations: {} } });
  });
});
