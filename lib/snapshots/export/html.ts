/**
 * The snapshot as one self-contained HTML file: opens offline from disk (file://) in any modern
 * browser, with the interactive diagram, the selected component's findings and the findings
 * table. No network: no external scripts, styles, fonts or images.
 *
 * The embedded data is the snapshot as the page shows it (SNAPSHOT_VIEW_KIND, not an importable
 * file): counted passes as one summary row per check and component (compact/condense.ts), plus
 * their total for the summary.
 *
 * Safety of the embedded data: the snapshot JSON sits in `<script type="application/json">`
 * (a data block, never executed) with `<`, `>`, `&` and U+2028/2029 escaped as `\uXXXX`, so no
 * string in it can close the block or open a tag; the renderer only uses textContent. A strict
 * CSP (meta) allows exactly the inlined script and style by hash and nothing else: no network,
 * no other script, no forms, no base URL.
 */
import { createHash } from 'node:crypto';
import { withCountedPassRows } from '../compact/condense';
import type { Snapshot } from '../types';
import { RENDERER_JS } from './html-renderer';
import { REPORT_CSS } from './html-style';

const sha256 = (s: string): string => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

/** JSON safe inside a `<script type="application/json">` element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The `kind` of the report's data block: a view of a snapshot, not a file to import. */
export const SNAPSHOT_VIEW_KIND = 'kube-posture/snapshot-view';

/** What the report's renderer reads. */
export function reportData(snapshot: Snapshot) {
  const { posture, ...meta } = snapshot;
  return {
    kind: SNAPSHOT_VIEW_KIND,
    ...meta,
    countedPasses: posture.passCounts.reduce((n, p) => n + p.count, 0),
    posture: withCountedPassRows(posture),
  };
}

export function reportCsp(): string {
  return [
    "default-src 'none'",
    `script-src ${sha256(RENDERER_JS)}`,
    `style-src ${sha256(REPORT_CSS)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function exportHtml(snapshot: Snapshot): string {
  const title = `kube-posture · ${snapshot.label ?? snapshot.posture.cluster.context} · ${snapshot.createdAt}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(reportCsp())}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kube-posture">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
  <h1 id="kp-title">${escapeHtml(snapshot.label ?? snapshot.posture.cluster.context)}</h1>
  <p class="muted">kube-posture snapshot · offline report</p>
  <div class="summary" id="kp-summary"></div>
</header>
<main>
  <section aria-labelledby="kp-areas-title"><h2 id="kp-areas-title">Areas</h2><div id="kp-areas"></div></section>
  <section id="kp-issues"></section>
  <section aria-labelledby="kp-arch-title">
    <h2 id="kp-arch-title">Architecture</h2>
    <p class="muted">Select a component (click, or Tab then Enter) to see its findings. Edges: solid = verified TLS, dashed = unverified, dotted = no TLS or unknown.</p>
    <div class="layout">
      <div id="kp-diagram"></div>
      <aside id="kp-panel" aria-live="polite" hidden></aside>
    </div>
  </section>
  <section aria-labelledby="kp-findings-title">
    <h2 id="kp-findings-title">Findings</h2>
    <div class="filters">
      <label>Status <select id="kp-filter-status">
        <option value="open">open (fail, warn)</option><option value="all">all</option><option value="fail">fail</option><option value="warn">warn</option>
        <option value="unknown">unknown</option><option value="pass">pass</option><option value="not-applicable">not applicable</option><option value="waived">waived</option>
      </select></label>
      <label>Filter <input id="kp-filter-text" type="search" placeholder="check, component, object…"></label>
      <span id="kp-findings-count" class="muted"></span>
    </div>
    <table><thead><tr><th>Status</th><th>Severity</th><th>Finding</th><th>Component</th><th>Object</th></tr></thead><tbody id="kp-findings"></tbody></table>
    <p><button type="button" id="kp-findings-more" hidden></button></p>
  </section>
</main>
<footer>Snapshot ${escapeHtml(snapshot.id)} · schema ${snapshot.schemaVersion} · made by kube-posture. This file works offline and loads nothing from the network.</footer>
<script type="application/json" id="kp-data">${jsonForScript(reportData(snapshot))}</script>
<script>${RENDERER_JS}</script>
</body>
</html>
`;
}
