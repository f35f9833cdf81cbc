import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../checks/catalog/index';
import { catalogueOptions, filterChecks } from './checks-query';

const metas = ALL_CHECKS.map(({ evaluate: _e, ...m }) => m);

describe('checks catalogue filters', () => {
  it('filters by area, component, severity and framework together', () => {
    const r = filterChecks(metas, { area: 'api-access', component: 'kube-apiserver', framework: 'CIS Kubernetes' });
    expect(r.map((c) => c.id)).toContain('apiserver-anonymous-auth');
    expect(r.every((c) => c.area === 'api-access' && c.component === 'kube-apiserver')).toBe(true);
  });
  it('searches ids, titles and reference ids', () => {
    expect(filterChecks(metas, { text: 'C-0113' }).map((c) => c.id)).toContain('apiserver-anonymous-auth');
  });
  it('lists the frameworks the catalogue cites', () => {
    expect(catalogueOptions(metas).frameworks).toEqual(expect.arrayContaining(['CIS Kubernetes', 'Kubescape']));
  });
});
