import { describe, expect, it } from 'vitest';
import { controlPlaneKind } from './control-plane-kind';

describe('controlPlaneKind', () => {
  it('names the provider of a managed control plane', () => {
    expect(controlPlaneKind({ managed: true, provider: 'EKS' })).toBe('Managed by EKS');
    expect(controlPlaneKind({ managed: true, provider: 'unknown' })).toBe('Managed');
  });
  it('does not call a control plane the identity cannot see self-managed', () => {
    expect(controlPlaneKind({ managed: false, controlPlaneHidden: 'pods could not be listed (forbidden)' })).toBe('Control plane not visible');
    expect(controlPlaneKind({ managed: false })).toBe('Self-managed control plane');
  });
});
