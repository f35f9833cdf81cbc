import { describe, expect, it } from 'vitest';
import { LAST_APPLIED_ANNOTATION, isoTime, projectMeta } from './meta';

describe('projectMeta', () => {
  it('drops managedFields, the last-applied annotation and annotations over 4 KiB', () => {
    const meta = projectMeta({
      name: 'x',
      namespace: 'ns',
      uid: 'u1',
      labels: { app: 'x' },
      annotations: { [LAST_APPLIED_ANNOTATION]: '{"data":{}}', big: 'a'.repeat(4097), ok: 'a'.repeat(4096), multi: 'é'.repeat(2049) },
      managedFields: [{ manager: 'kubectl' }],
      creationTimestamp: '2025-01-01T00:00:00Z' as unknown as Date,
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'x-1', uid: 'r', controller: true }],
    });
    expect(meta).toEqual({
      name: 'x',
      namespace: 'ns',
      uid: 'u1',
      labels: { app: 'x' },
      annotations: { ok: 'a'.repeat(4096) },
      creationTimestamp: '2025-01-01T00:00:00Z',
      ownerReferences: [{ kind: 'ReplicaSet', name: 'x-1', controller: true }],
    });
    expect(JSON.stringify(meta)).not.toContain('managedFields');
  });

  it('accepts Date timestamps (client-node) and missing metadata', () => {
    expect(isoTime(new Date('2025-01-01T00:00:00Z'))).toBe('2025-01-01T00:00:00.000Z');
    expect(projectMeta(undefined)).toEqual({ name: '', labels: {}, annotations: {} });
  });
});
