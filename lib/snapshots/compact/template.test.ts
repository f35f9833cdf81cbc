import { describe, expect, it } from 'vitest';
import { fill, holes, TemplateError } from './template';

describe('holes and fill', () => {
  it('replace whole-word occurrences of the variables, longest first', () => {
    expect(holes('Deployment shop/api: container "app" is privileged.', ['api', 'shop'])).toBe('Deployment {1}/{0}: container "app" is privileged.');
    expect(holes('Node node-1 · configz', ['node-1'])).toBe('Node {0} · configz');
    // Not inside a longer name: node-1 is not part of node-10 or xnode-1.
    expect(holes('node-10 xnode-1 node-1.', ['node-1'])).toBe('node-10 xnode-1 {0}.');
    expect(holes('kube-proxy-a on a', ['a', 'kube-proxy-a'])).toBe('{1} on {0}');
  });

  it('are exact inverses for any text and any variables', () => {
    const texts = [
      '',
      'plain',
      'ingress: allow ({} (all pods)); egress: none',
      'literal {0} and {{ and }} and {x} and {',
      'name{0}name {1}',
      'a a a',
      '{{{{}}}}',
      'ns/{weird}/name {weird}',
    ];
    const varSets: (string | undefined)[][] = [[], ['a'], ['name', 'ns'], ['{weird}', undefined], ['{0}', '{'], ['', 'x'], ['a a', 'a']];
    for (const t of texts) for (const v of varSets) expect(fill(holes(t, v), v)).toBe(t);
  });

  it('fill refuses tokens that name no variable, and expansion past a limit', () => {
    expect(() => fill('{0}', [])).toThrow(TemplateError);
    expect(() => fill('{7}', ['a'])).toThrow(TemplateError);
    expect(() => fill('{ }', ['a'])).toThrow(TemplateError);
    expect(() => fill('{0', ['a'])).toThrow(TemplateError);
    expect(() => fill('{0}'.repeat(100), ['x'.repeat(100)], 5000)).toThrow(/more than 5000 characters/);
    expect(fill('{0}'.repeat(10), ['xy'], 20)).toBe('xy'.repeat(10));
  });

  it('returns the template itself when there is nothing to fill (rows share the string)', () => {
    const t = 'Cannot evaluate: needs a node agent.';
    expect(fill(t, ['n'])).toBe(t);
  });
});
