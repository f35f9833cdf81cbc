import { describe, expect, it } from 'vitest';
import type { ComponentType } from '../model/architecture';
import { COMPONENT_DOCS, subPartsOf } from './component-docs';

describe('component docs', () => {
  it('describe every component type with its role and the attacker’s gain', () => {
    for (const [type, doc] of Object.entries(COMPONENT_DOCS)) {
      expect(doc.role.length, type).toBeGreaterThan(40);
      expect(doc.attacker.length, type).toBeGreaterThan(40);
    }
  });

  it('reads controllers from --controllers', () => {
    const [parts] = subPartsOf({ type: 'kube-controller-manager' as ComponentType, flags: { controllers: '*,bootstrapsigner,-ttl' } });
    expect(parts?.items).toEqual([expect.stringMatching(/^every controller/), 'bootstrapsigner (also enabled)', 'ttl (disabled)']);
    expect(parts?.note).toBe('From --controllers=*,bootstrapsigner,-ttl.');
    const [defaults] = subPartsOf({ type: 'kube-controller-manager', flags: {} });
    expect(defaults?.note).toMatch(/not set/);
  });

  it('reads authorizers and admission plugins from the API server flags', () => {
    const parts = subPartsOf({ type: 'kube-apiserver', flags: { 'authorization-mode': 'Node,RBAC', 'enable-admission-plugins': 'NodeRestriction' } });
    expect(parts.map((p) => p.title)).toEqual(['Authorizers', 'Admission plugins']);
    expect(parts[0]?.items).toEqual(['Node', 'RBAC']);
    expect(parts[1]?.items).toEqual(['NodeRestriction (enabled)']);
  });

  it('says nothing when the flags are not known (managed control planes)', () => {
    expect(subPartsOf({ type: 'kube-apiserver' })).toEqual([]);
  });
});
