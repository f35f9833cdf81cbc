import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadPosture } from '../__fixtures__';
import { freezeSnapshot } from '../freeze';
import { escapeHtml, exportHtml, jsonForScript, reportData, SNAPSHOT_VIEW_KIND } from './html';
import { RENDERER_JS } from './html-renderer';
import { REPORT_CSS } from './html-style';

const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
const EVIL = '</script><script>alert(1)</script><!-- \u2028 & "x" \'y\'';

describe('exportHtml', () => {
  const posture = loadPosture('weak');
  const c0 = posture.architecture.components[0];
  if (c0) c0.name = EVIL;
  const snapshot = freezeSnapshot(posture, { now: new Date('2026-11-29T00:00:00Z'), createdBy: 'alice', label: EVIL });
  const html = exportHtml(snapshot);

  it('is one file: no external script, style, font, image or link', () => {
    // Outside the data block (the snapshot's own strings hold URLs such as the API server's).
    const markup = html.replace(/<script type="application\/json" id="kp-data">[\s\S]*?<\/script>/, '');
    expect(/<script[^>]+src=/i.test(markup)).toBe(false);
    expect(/<link\b/i.test(markup)).toBe(false);
    expect(/url\(/i.test(markup)).toBe(false);
    expect(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/.test(markup)).toBe(false);
  });

  it('has a strict CSP allowing exactly its inline script and style', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replace(/&#39;/g, "'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src ${hash(RENDERER_JS)}`);
    expect(csp).toContain(`style-src ${hash(REPORT_CSS)}`);
    expect(html).toContain(`<script>${RENDERER_JS}</script>`);
    expect(html).toContain(`<style>${REPORT_CSS}</style>`);
  });

  it('embeds the snapshot so that no string can break out of the data block', () => {
    const m = /<script type="application\/json" id="kp-data">([\s\S]*?)<\/script>/.exec(html);
    expect(m).not.toBeNull();
    const block = m?.[1] ?? '';
    expect(block).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(block)).toEqual(reportData(snapshot));
    expect(JSON.parse(block).kind).toBe(SNAPSHOT_VIEW_KIND);
    // The hostile label appears only escaped in markup.
    expect(html.split('<script>alert(1)</script>')).toHaveLength(1);
    expect(html).toContain(escapeHtml(EVIL));
    // Exactly two <script> elements: the data block and the renderer.
    expect(html.match(/<script\b/g)).toHaveLength(2);
  });

  it('shows counted passes as summary rows and their total', () => {
    const p = loadPosture('weak');
    const fail = p.findings.find((f) => f.status === 'fail' && f.object?.kind === 'Deployment');
    if (!fail?.object) throw new Error('fixture changed');
    const passes = [1, 2].map((i) => ({ ...fail, status: 'pass' as const, object: { ...fail.object, kind: 'Deployment', name: `ok-${i}` } }));
    const data = reportData(freezeSnapshot({ ...p, findings: [...p.findings, ...passes] }, { now: new Date(), createdBy: 'alice' }));
    expect(data.countedPasses).toBe(2);
    expect(data.posture.findings.filter((f) => f.message === '2 Deployments passed — not listed in snapshots.')).toHaveLength(1);
    expect(data.posture).not.toHaveProperty('passCounts');
  });

  it('ships a renderer that parses as JavaScript', () => {
    expect(() => new Function(RENDERER_JS)).not.toThrow();
    expect(RENDERER_JS).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function|fetch\(|XMLHttpRequest/);
  });

  it('jsonForScript escapes what could end a script element', () => {
    expect(jsonForScript({ a: '</script>&\u2028' })).toBe('{"a":"\\u003c/script\\u003e\\u0026\\u2028"}');
  });
});
