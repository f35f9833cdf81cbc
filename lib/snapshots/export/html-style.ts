/** The offline report's stylesheet (inlined; allowed by its hash in the file's CSP). */
export const REPORT_CSS = `
:root { color-scheme: light dark; --bg: #fff; --fg: #1b1f24; --muted: #5b6570; --line: #d0d7de; --band: #f6f8fa;
  --fail: #b42318; --warn: #9a6700; --unknown: #57606a; --pass: #1a7f37; --focus: #0969da; }
@media (prefers-color-scheme: dark) { :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9aa4ae; --line: #30363d; --band: #161b22;
  --fail: #ff7b72; --warn: #d29922; --unknown: #8b949e; --pass: #3fb950; --focus: #58a6ff; } }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; background: var(--bg); color: var(--fg); }
header, main { padding: 16px 24px; }
header { border-bottom: 1px solid var(--line); }
h1 { font-size: 20px; margin: 0 0 4px; overflow-wrap: anywhere; }
h2 { font-size: 16px; margin: 16px 0 8px; overflow-wrap: anywhere; }
h3 { font-size: 14px; margin: 12px 0 6px; }
.muted { color: var(--muted); }
.summary { display: flex; gap: 32px; flex-wrap: wrap; align-items: flex-start; }
.score { display: flex; flex-direction: column; align-items: center; min-width: 96px; }
.score-value { font-size: 40px; font-weight: 700; line-height: 1; }
.score-label { color: var(--muted); font-size: 12px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
ul.areas { list-style: none; padding: 0; margin: 0; columns: 2 260px; }
.area-score { display: inline-block; min-width: 28px; font-weight: 600; text-align: right; }
.layout { display: flex; gap: 16px; align-items: flex-start; }
#kp-diagram { flex: 1 1 auto; overflow: auto; border: 1px solid var(--line); border-radius: 8px; max-height: 80vh; }
#kp-panel { flex: 0 0 380px; max-height: 80vh; overflow: auto; border: 1px solid var(--line); border-radius: 8px; padding: 0 12px 12px; }
@media (max-width: 1100px) { .layout { flex-direction: column; } #kp-panel { flex-basis: auto; width: 100%; } }
svg { display: block; font-size: 12px; width: 100%; height: auto; min-width: 760px; }
.band { fill: var(--band); stroke: var(--line); }
.band-label { fill: var(--muted); font-weight: 600; }
.edge { fill: none; stroke: var(--muted); stroke-width: 1.2; opacity: .55; }
.edge.tls-verified { stroke-dasharray: none; }
.edge.tls-unverified { stroke-dasharray: 6 3; stroke: var(--warn); }
.edge.tls-none { stroke-dasharray: 2 3; stroke: var(--fail); }
.edge.tls-unknown { stroke-dasharray: 1 4; }
.comp { cursor: pointer; }
.comp rect { fill: var(--bg); stroke: var(--line); stroke-width: 1.5; }
.comp.state-fail rect { stroke: var(--fail); stroke-width: 2.5; }
.comp.state-warn rect { stroke: var(--warn); stroke-width: 2; }
.comp.state-pass rect { stroke: var(--pass); }
.comp.selected rect, .comp:focus rect { stroke: var(--focus); stroke-width: 3.5; }
.comp:focus { outline: none; }
.comp text { fill: var(--fg); }
.comp .name { font-weight: 600; }
.comp .type, .comp .count { fill: var(--muted); }
.comp.state-fail .count, .comp.state-fail .shape { fill: var(--fail); }
.comp.state-warn .count, .comp.state-warn .shape { fill: var(--warn); }
.comp.state-pass .shape { fill: var(--pass); }
ul.findings { list-style: none; padding: 0; margin: 0; }
li.finding { border-top: 1px solid var(--line); padding: 8px 0; }
.finding-head { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
.badge { font-weight: 600; }
.st-fail .badge, tr.st-fail td:first-child { color: var(--fail); }
.st-warn .badge, tr.st-warn td:first-child { color: var(--warn); }
.st-pass .badge, tr.st-pass td:first-child { color: var(--pass); }
.sev { font-size: 12px; border: 1px solid var(--line); border-radius: 10px; padding: 0 6px; }
table { border-collapse: collapse; width: 100%; }
table.evidence { font-size: 12px; margin-top: 4px; }
th, td { text-align: left; vertical-align: top; padding: 4px 6px; border-top: 1px solid var(--line); overflow-wrap: anywhere; }
/* Status and severity are single words: never broken mid-word. */
#kp-findings td:nth-child(-n+2) { white-space: nowrap; overflow-wrap: normal; }
.filters { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin-bottom: 8px; }
input, select, button { font: inherit; color: inherit; background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 4px 8px; }
button.link { border: 0; padding: 0; color: var(--focus); text-decoration: underline; cursor: pointer; text-align: left; overflow-wrap: anywhere; }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
footer { padding: 16px 24px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); }
`;
