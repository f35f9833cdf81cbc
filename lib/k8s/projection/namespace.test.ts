import { describe, expect, it } from 'vitest';
import { projectNamespace } from './namespace';

describe('projectNamespace', () => {
  it('projects a Namespace phase and its PSA labels', () => {
    const ns = projectNamespace({ metadata: { name: 'shop', labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } }, status: { phase: 'Active' } });
    expect(ns).toEqual({ meta: { name: 'shop', labels: { 'pod-security.kubernetes.io/enforce': 'restricted' }, annotations: {} }, phase: 'Active' });
  });
});
