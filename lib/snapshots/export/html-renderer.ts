/**
 * The offline report's renderer: plain browser JavaScript, inlined into the exported HTML file
 * (no network, no modules, no eval). It reads the snapshot from the
 * `<script type="application/json" id="kp-data">` block and draws, with DOM APIs only
 * (createElement, textContent: never innerHTML, so names stay text):
 *   - a summary (score, open findings per severity, coverage, areas),
 *   - the architecture as an SVG diagram in four bands (clients, control plane, nodes with their
 *     kubelet / kube-proxy / runtime, add-ons), edges drawn by TLS state,
 *   - a panel with the selected component's facts and findings (click or Enter on a component;
 *     the selection is kept in the URL fragment),
 *   - the findings table with status and text filters.
 * Status is never colour alone: every box says its counts in words and carries a shape.
 *
 * Kept as a string (not a module) because it runs in a file opened from disk; html.test.ts
 * syntax-checks it and html.browser.int.test.ts runs it in Chromium.
 */
export const RENDERER_JS = String.raw`(function () {
  'use strict';
  var SVGNS = 'http://www.w3.org/2000/svg';
  var data = JSON.parse(document.getElementById('kp-data').textContent);
  var p = data.posture;
  var STATUS_ORDER = ['fail', 'warn', 'unknown', 'pass', 'not-applicable'];
  var SEVERITY_ORDER = ['critical', 'high', 'medium', 'low', 'info'];
  var SHAPE = { fail: '\u25B2', warn: '\u25C6', unknown: '?', pass: '\u2713', 'not-applicable': '\u2013', waived: '\u25CB' };

  function h(tag, attrs, children) {
    var e = document.createElement(tag);
    setAll(e, attrs);
    append(e, children);
    return e;
  }
  function s(tag, attrs, children) {
    var e = document.createElementNS(SVGNS, tag);
    setAll(e, attrs);
    append(e, children);
    return e;
  }
  function setAll(e, attrs) {
    if (!attrs) return;
    Object.keys(attrs).forEach(function (k) {
      if (attrs[k] !== undefined && attrs[k] !== null) e.setAttribute(k, String(attrs[k]));
    });
  }
  function append(e, children) {
    if (children === undefined || children === null) return;
    (Array.isArray(children) ? children : [children]).forEach(function (c) {
      if (c === undefined || c === null) return;
      e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    });
  }
  function refString(o) {
    return o ? o.kind + ' ' + (o.namespace ? o.namespace + '/' : '') + o.name : '';
  }
  function clip(text, n) {
    return text.length > n ? text.slice(0, n - 1) + '\u2026' : text;
  }
  function statusOf(f) {
    return f.waived ? 'waived' : f.status;
  }
  function bySeverityThenStatus(a, b) {
    return STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || (a.checkId < b.checkId ? -1 : a.checkId > b.checkId ? 1 : 0);
  }

  // ---------------------------------------------------------------------------------------
  // Findings by component

  var findingsOf = {};
  p.findings.forEach(function (f) {
    (findingsOf[f.componentId] = findingsOf[f.componentId] || []).push(f);
  });
  function counts(list) {
    var c = { fail: 0, warn: 0, unknown: 0, pass: 0, 'not-applicable': 0, waived: 0 };
    (list || []).forEach(function (f) { c[statusOf(f)]++; });
    return c;
  }
  function worst(c) {
    if (c.fail) return 'fail';
    if (c.warn) return 'warn';
    if (c.unknown) return 'unknown';
    if (c.pass) return 'pass';
    return 'none';
  }
  function countText(c) {
    var parts = [];
    if (c.fail) parts.push(c.fail + ' fail');
    if (c.warn) parts.push(c.warn + ' warn');
    if (c.unknown) parts.push(c.unknown + ' unknown');
    if (c.waived) parts.push(c.waived + ' waived');
    if (!parts.length) parts.push(c.pass ? c.pass + ' pass' : 'no checks');
    return parts.join(' \u00B7 ');
  }

  // ---------------------------------------------------------------------------------------
  // Header and summary

  var titleText = data.label || p.cluster.context;
  document.getElementById('kp-title').textContent = titleText;
  var score = p.scores.cluster.score;
  var sev = p.scores.bySeverity;
  append(document.getElementById('kp-summary'), [
    h('div', { class: 'score' }, [h('span', { class: 'score-value' }, score === null ? '\u2013' : String(score)), h('span', { class: 'score-label' }, score === null ? 'no score' : 'score / 100')]),
    h('dl', { class: 'facts' }, [
      h('dt', null, 'Cluster'), h('dd', null, p.cluster.context + (p.cluster.version ? ' \u00B7 ' + p.cluster.version : '') + (p.cluster.managed ? ' \u00B7 managed' + (p.cluster.provider ? ' (' + p.cluster.provider + ')' : '') : '')),
      h('dt', null, 'Open findings'), h('dd', null, SEVERITY_ORDER.filter(function (k) { return sev[k]; }).map(function (k) { return sev[k] + ' ' + k; }).join(', ') || 'none'),
      h('dt', null, 'Coverage'), h('dd', null, p.scores.cluster.coverageText),
      h('dt', null, 'Collected'), h('dd', null, p.collectedAt),
      h('dt', null, 'Snapshot'), h('dd', null, data.createdAt + ' by ' + data.createdBy + (data.anonymized ? ' \u00B7 anonymized' : '') + (data.expiresAt ? ' \u00B7 expires ' + data.expiresAt : '')),
      h('dt', null, 'Checks'), h('dd', null, 'catalogue ' + p.catalogVersion + ' \u00B7 CVE feed of ' + p.cveFeedDate),
    ].concat(data.countedPasses ? [
      h('dt', null, 'Passed, not listed'), h('dd', null, data.countedPasses.toLocaleString('en-US') + ' passing results about workloads, namespaces and other hosted objects are counted per check and component instead of listed'),
    ] : [])),
  ]);
  var areaList = h('ul', { class: 'areas' });
  Object.keys(p.scores.byArea).forEach(function (a) {
    var sc = p.scores.byArea[a];
    if (!sc.checks.total) return;
    areaList.appendChild(h('li', null, [h('span', { class: 'area-score' }, sc.score === null ? '\u2013' : String(sc.score)), ' ' + a + ' ', h('span', { class: 'muted' }, countText(sc.counts))]));
  });
  document.getElementById('kp-areas').appendChild(areaList);
  if (p.issues.length) {
    var issues = h('ul', null, p.issues.map(function (i) { return h('li', null, i.verb + ' ' + i.kind + (i.namespace ? ' in ' + i.namespace : '') + ': ' + i.reason + ' \u2013 ' + i.message); }));
    append(document.getElementById('kp-issues'), [h('h2', null, 'What could not be read (' + p.issues.length + ')'), issues]);
  }

  // ---------------------------------------------------------------------------------------
  // Diagram layout: bands top to bottom, boxes left to right, wrapping; node boxes contain their
  // kubelet, kube-proxy and runtime.

  var BANDS = [['clients', 'Clients'], ['control-plane', 'Control plane'], ['nodes', 'Nodes'], ['addons', 'Add-ons']];
  var W = 184, H = 66, GAP = 18, LEFT = 112, PER_ROW = 5, SUB_H = 26, SUB_TOP = 64;
  var comps = p.architecture.components;
  var children = {};
  comps.forEach(function (c) { if (c.parentId) (children[c.parentId] = children[c.parentId] || []).push(c); });
  var pos = {};
  var y = 16;
  var bandsOut = [];
  BANDS.forEach(function (band) {
    var list = comps.filter(function (c) { return c.layer === band[0] && !c.parentId; }).sort(function (a, b) { return a.id < b.id ? -1 : 1; });
    if (!list.length) return;
    var top = y;
    for (var i = 0; i < list.length; i += PER_ROW) {
      var row = list.slice(i, i + PER_ROW);
      var rowH = 0;
      row.forEach(function (c, j) {
        var kids = children[c.id] || [];
        var bh = kids.length ? SUB_TOP + kids.length * SUB_H + 4 : H;
        var x = LEFT + j * (W + GAP);
        pos[c.id] = { x: x, y: y, w: W, h: bh };
        kids.sort(function (a, b) { return a.id < b.id ? -1 : 1; }).forEach(function (k, n) {
          pos[k.id] = { x: x + 8, y: y + SUB_TOP + n * SUB_H, w: W - 16, h: SUB_H - 4, sub: true };
        });
        rowH = Math.max(rowH, bh);
      });
      y += rowH + GAP;
    }
    bandsOut.push({ label: band[1], top: top - 8, bottom: y - GAP + 8 });
    y += 12;
  });
  var width = LEFT + PER_ROW * (W + GAP);
  var height = y;

  var svg = s('svg', { viewBox: '0 0 ' + width + ' ' + height, width: width, height: height, role: 'group', 'aria-label': 'Architecture of ' + p.cluster.context });
  bandsOut.forEach(function (b) {
    svg.appendChild(s('rect', { class: 'band', x: 4, y: b.top, width: width - 8, height: b.bottom - b.top, rx: 8 }));
    svg.appendChild(s('text', { class: 'band-label', x: 14, y: b.top + 22 }, b.label));
  });

  var edgeLayer = s('g', { class: 'edges' });
  svg.appendChild(edgeLayer);
  p.architecture.edges.forEach(function (e) {
    var a = pos[e.from], b = pos[e.to];
    if (!a || !b) return;
    var x1 = a.x + a.w / 2, y1 = a.y + a.h / 2, x2 = b.x + b.w / 2, y2 = b.y + b.h / 2;
    var my = (y1 + y2) / 2;
    var path = s('path', { class: 'edge tls-' + e.tls, d: 'M' + x1 + ',' + y1 + ' C' + x1 + ',' + my + ' ' + x2 + ',' + my + ' ' + x2 + ',' + y2 }, [
      s('title', null, e.label + ' \u00B7 TLS: ' + e.tls + ' \u00B7 auth: ' + e.auth + (e.protocol ? ' \u00B7 ' + e.protocol : '')),
    ]);
    edgeLayer.appendChild(path);
  });

  var boxes = {};
  function drawBox(c) {
    var r = pos[c.id];
    var c0 = counts(findingsOf[c.id]);
    var state = worst(c0);
    var label = c.name + ' (' + c.type + '): ' + countText(c0);
    var g = s('g', { class: 'comp state-' + state + (r.sub ? ' sub' : ''), tabindex: 0, role: 'button', 'aria-label': label, 'data-id': c.id });
    g.appendChild(s('title', null, label));
    g.appendChild(s('rect', { x: r.x, y: r.y, width: r.w, height: r.h, rx: r.sub ? 4 : 8 }));
    if (r.sub) {
      g.appendChild(s('text', { class: 'shape', x: r.x + 8, y: r.y + 15 }, SHAPE[state] || '\u00B7'));
      g.appendChild(s('text', { class: 'name', x: r.x + 24, y: r.y + 15 }, clip(c.name, 14)));
      g.appendChild(s('text', { class: 'count', x: r.x + r.w - 8, y: r.y + 15, 'text-anchor': 'end' }, countText(c0).split(' \u00B7 ')[0]));
    } else {
      g.appendChild(s('text', { class: 'name', x: r.x + 10, y: r.y + 20 }, clip(c.name, 24)));
      g.appendChild(s('text', { class: 'type', x: r.x + 10, y: r.y + 36 }, clip(c.type + (c.version ? ' ' + c.version : ''), 28)));
      g.appendChild(s('text', { class: 'count', x: r.x + 10, y: r.y + 54 }, (SHAPE[state] || '\u00B7') + ' ' + clip(countText(c0), 28)));
    }
    g.addEventListener('click', function (ev) { ev.stopPropagation(); select(c.id); });
    g.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); select(c.id); }
    });
    svg.appendChild(g);
    boxes[c.id] = g;
  }
  comps.filter(function (c) { return pos[c.id] && !pos[c.id].sub; }).forEach(drawBox);
  comps.filter(function (c) { return pos[c.id] && pos[c.id].sub; }).forEach(drawBox);
  document.getElementById('kp-diagram').appendChild(svg);

  // ---------------------------------------------------------------------------------------
  // Findings: one renderer for the panel and the table

  function findingItem(f) {
    var st = statusOf(f);
    var ev = h('table', { class: 'evidence' }, [h('tr', null, [h('th', null, 'expected'), h('th', null, 'actual'), h('th', null, 'source')])].concat(
      f.evidence.map(function (e) { return h('tr', null, [h('td', null, e.expected), h('td', null, e.actual), h('td', null, e.source)]); })
    ));
    return h('li', { class: 'finding st-' + st }, [
      h('div', { class: 'finding-head' }, [
        h('span', { class: 'badge st-' + st }, (SHAPE[st] || '') + ' ' + (f.waived ? 'waived (' + f.status + ')' : f.status)),
        h('span', { class: 'sev sev-' + f.severity }, f.severity),
        h('strong', null, f.title),
      ]),
      h('p', null, f.message),
      f.object ? h('p', { class: 'muted' }, refString(f.object)) : null,
      f.waived ? h('p', { class: 'muted' }, 'Waived by ' + f.waived.author + ': ' + f.waived.reason + (f.waived.expiresAt ? ' (until ' + f.waived.expiresAt + ')' : '')) : null,
      f.evidence.length ? ev : null,
      h('p', { class: 'muted' }, f.checkId + ' \u00B7 ' + f.area),
    ]);
  }

  var panel = document.getElementById('kp-panel');
  function select(id) {
    var c = comps.find(function (x) { return x.id === id; });
    if (!c) return;
    Object.keys(boxes).forEach(function (k) { boxes[k].classList.toggle('selected', k === id); });
    while (panel.firstChild) panel.removeChild(panel.firstChild);
    var list = (findingsOf[id] || []).slice().sort(bySeverityThenStatus);
    var facts = h('dl', { class: 'facts' });
    [['id', c.id], ['type', c.type], ['layer', c.layer], ['version', c.version], ['node', c.facts.node === undefined ? c.nodeName : undefined]].forEach(function (kv) {
      if (kv[1]) append(facts, [h('dt', null, kv[0]), h('dd', null, kv[1])]);
    });
    Object.keys(c.facts).forEach(function (k) { append(facts, [h('dt', null, k), h('dd', null, String(c.facts[k]))]); });
    if (c.objects.length) append(facts, [h('dt', null, 'objects'), h('dd', null, c.objects.map(refString).join(', '))]);
    var flags = c.flags && Object.keys(c.flags).length ? h('details', null, [h('summary', null, 'Flags (' + Object.keys(c.flags).length + ')'), h('dl', { class: 'facts' }, Object.keys(c.flags).sort().reduce(function (acc, k) { return acc.concat([h('dt', null, '--' + k), h('dd', null, c.flags[k])]); }, []))]) : null;
    append(panel, [
      h('h2', { id: 'kp-panel-title', tabindex: -1 }, c.name),
      h('p', { class: 'muted' }, countText(counts(list))),
      facts,
      flags,
      h('h3', null, 'Findings (' + list.length + ')'),
      list.length ? h('ul', { class: 'findings' }, list.map(findingItem)) : h('p', null, 'No findings for this component.'),
    ]);
    panel.hidden = false;
    try {
      if (location.hash !== '#c=' + encodeURIComponent(id)) history.replaceState(null, '', '#c=' + encodeURIComponent(id));
    } catch (err) { /* some file:// contexts refuse history changes: the selection still shows */ }
    var t = document.getElementById('kp-panel-title');
    if (t) t.focus();
  }

  var statusFilter = document.getElementById('kp-filter-status');
  var textFilter = document.getElementById('kp-filter-text');
  var table = document.getElementById('kp-findings');
  var more = document.getElementById('kp-findings-more');
  // Rows are added a page at a time: a large cluster's report lists 100,000s of rows.
  var PAGE = 500;
  var rows = [];
  var shownRows = 0;
  function renderTable() {
    var st = statusFilter.value;
    var q = textFilter.value.trim().toLowerCase();
    rows = p.findings.filter(function (f) {
      if (st === 'open' && !((f.status === 'fail' || f.status === 'warn') && !f.waived)) return false;
      if (st !== 'open' && st !== 'all' && statusOf(f) !== st) return false;
      if (!q) return true;
      return (f.checkId + ' ' + f.title + ' ' + f.message + ' ' + f.componentId + ' ' + refString(f.object)).toLowerCase().indexOf(q) >= 0;
    }).sort(bySeverityThenStatus);
    while (table.firstChild) table.removeChild(table.firstChild);
    shownRows = 0;
    showMore();
  }
  function showMore() {
    rows.slice(shownRows, shownRows + PAGE).forEach(function (f) {
      var link = h('button', { type: 'button', class: 'link' }, f.componentId);
      link.addEventListener('click', function () { select(f.componentId); document.getElementById('kp-diagram').scrollIntoView(); });
      table.appendChild(h('tr', { class: 'st-' + statusOf(f) }, [
        h('td', null, (SHAPE[statusOf(f)] || '') + ' ' + statusOf(f)),
        h('td', null, f.severity),
        h('td', null, [h('strong', null, f.title), h('br'), h('span', { class: 'muted' }, f.message)]),
        h('td', null, link),
        h('td', null, refString(f.object)),
      ]));
    });
    shownRows = Math.min(rows.length, shownRows + PAGE);
    document.getElementById('kp-findings-count').textContent = rows.length > shownRows ? 'showing ' + shownRows + ' of ' + rows.length : rows.length + ' findings';
    var left = rows.length - shownRows;
    more.hidden = left <= 0;
    more.textContent = 'Show ' + Math.min(PAGE, left) + ' more (' + left + ' not shown)';
  }
  more.addEventListener('click', showMore);
  statusFilter.addEventListener('change', renderTable);
  textFilter.addEventListener('input', renderTable);
  renderTable();

  var initial = /^#c=(.+)$/.exec(location.hash);
  if (initial) {
    try { select(decodeURIComponent(initial[1])); } catch (err) { /* a malformed fragment selects nothing */ }
  }
  document.documentElement.setAttribute('data-ready', 'true');
})();
`;
