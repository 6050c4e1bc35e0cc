#pragma once

// The HTML report's page: CSS and JavaScript inline, no network access.
// html.cpp fills the three slots in order: @@TITLE@@ (escaped text),
// @@DATA@@ (JSON with '<' escaped) and @@SVG@@ (Graphviz's SVG).
//
// Test hooks (used by tests/export/html_browser_test.sh through
// chromium --dump-dom): #test-click=EDGE clicks edge EDGE ("e3") after
// loading, #test-search=TEXT searches, #test-date=YYYY-MM-DD moves the time
// slider. Several hooks combine with '&'.

namespace geokg::export_internal {

inline constexpr const char* kHtmlTemplate = R"HTML(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="geokg">
<title>@@TITLE@@</title>
<style>
:root { --fg:#1d2733; --muted:#5b6775; --line:#d5dbe2; --accent:#ffb000; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.4 "DejaVu Sans", system-ui, sans-serif; color:var(--fg); background:#f6f8fa;
       display:flex; flex-direction:column; height:100vh; }
header { padding:8px 14px; background:#fff; border-bottom:1px solid var(--line);
         display:flex; flex-wrap:wrap; gap:10px 22px; align-items:center; }
header h1 { font-size:17px; margin:0 12px 0 0; }
fieldset { border:0; margin:0; padding:0; display:flex; gap:8px; align-items:center; flex-wrap:wrap; }
legend { display:contents; font-weight:600; }
label.cls { display:inline-flex; align-items:center; gap:4px; cursor:pointer; white-space:nowrap; }
label.cls i { display:inline-block; width:18px; height:5px; border-radius:2px; }
#date-label { min-width:92px; display:inline-block; font-variant-numeric:tabular-nums; }
#search { width:190px; padding:3px 6px; border:1px solid var(--line); border-radius:4px; }
#status { color:var(--muted); font-size:12px; }
main { flex:1; display:flex; min-height:0; }
#diagram { flex:1; overflow:auto; background:#fff; }
#diagram svg { display:block; height:auto; }
aside { width:380px; max-width:45vw; overflow:auto; border-left:1px solid var(--line);
        background:#fff; padding:10px 14px; }
aside h2 { font-size:15px; margin:4px 0 6px; }
aside .meta { color:var(--muted); font-size:12px; margin-bottom:8px; }
aside ol { padding-left:18px; margin:0; }
aside li { margin:0 0 10px; }
aside blockquote { margin:2px 0; padding:4px 8px; border-left:3px solid var(--line); background:#f8f9fb;
                   unicode-bidi:plaintext; }
aside .src { font-size:12px; color:var(--muted); }
.zoom button { min-width:28px; }
g.edge { cursor:pointer; }
g.edge.selected path { stroke-width:5px; }
g.edge .hitbox { stroke:transparent; fill:none; stroke-width:12px; pointer-events:stroke; }
g.node.hit polygon, g.node.hit ellipse, g.node.hit path { stroke:var(--accent); stroke-width:4px; }
g.node.dim, g.edge.dim { opacity:.22; }
g.node.faded { opacity:.25; }
</style>
</head>
<body>
<header>
  <h1 id="title">@@TITLE@@</h1>
  <fieldset id="classes"><legend>Relations</legend></fieldset>
  <fieldset><legend>As of</legend>
    <input type="range" id="date" min="0" max="0" value="0" step="1" aria-label="date">
    <span id="date-label">all dates</span></fieldset>
  <fieldset><legend>Find</legend><input type="search" id="search" placeholder="name, alias or id"></fieldset>
  <fieldset class="zoom"><button id="zoom-in" title="zoom in">+</button><button id="zoom-out" title="zoom out">&minus;</button><button id="zoom-fit" title="fit">fit</button></fieldset>
  <span id="status" role="status"></span>
</header>
<main>
  <div id="diagram">@@SVG@@</div>
  <aside id="evidence" aria-live="polite"><h2>Evidence</h2><p class="meta">Click a relation (an arrow) to see the sentences behind it.</p></aside>
</main>
<script type="application/json" id="geokg-data">@@DATA@@</script>
<script>
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('geokg-data').textContent);
  const svg = document.querySelector('#diagram svg');
  const edgeEl = new Map(), nodeEl = new Map(), nodeById = new Map();
  const fold = s => (s || '').normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
  for (const n of data.nodes) {
    nodeById.set(n.id, n);
    const el = document.getElementById(n.svg);
    if (el) nodeEl.set(n.svg, el);
    n.keys = [n.id, n.name].concat(n.aliases || []).map(fold);
    n.degree = 0;
  }
  for (const e of data.edges) {
    const el = document.getElementById(e.svg);
    if (el) edgeEl.set(e.svg, el);
    nodeById.get(e.s).degree++;
    nodeById.get(e.t).degree++;
  }
  const state = { classes: new Set(data.classes.map(c => c.name)), date: '', query: '' };

  // Class filter checkboxes, only for classes present.
  const present = new Set(data.edges.map(e => e.cls));
  const classBox = document.getElementById('classes');
  for (const c of data.classes) {
    if (!present.has(c.name)) continue;
    const label = document.createElement('label');
    label.className = 'cls';
    const box = document.createElement('input');
    box.type = 'checkbox'; box.checked = true; box.id = 'cls-' + c.name;
    box.addEventListener('change', () => {
      if (box.checked) state.classes.add(c.name); else state.classes.delete(c.name);
      update();
    });
    const swatch = document.createElement('i');
    swatch.style.background = c.color;
    label.append(box, swatch, document.createTextNode(c.title));
    classBox.append(label);
  }

  // Time slider: every date where an interval starts or ends; the last
  // position shows everything.
  const slider = document.getElementById('date');
  const dateLabel = document.getElementById('date-label');
  slider.max = String(data.dates.length);
  slider.value = slider.max;
  function setDateIndex(i) {
    state.date = i >= data.dates.length ? '' : data.dates[i];
    dateLabel.textContent = state.date || 'all dates';
    update();
  }
  slider.addEventListener('input', () => setDateIndex(Number(slider.value)));

  const search = document.getElementById('search');
  search.addEventListener('input', () => { state.query = fold(search.value.trim()); update(); });

  // Relations valid at the chosen date; one-off events count from their date on.
  function edgeVisible(e) {
    if (!state.classes.has(e.cls)) return false;
    if (state.date) {
      if (e.from && e.from > state.date) return false;
      if (e.until && e.until < state.date) return false;
    }
    return true;
  }

  function update() {
    const live = new Map();
    let shown = 0;
    for (const e of data.edges) {
      const v = edgeVisible(e);
      const el = edgeEl.get(e.svg);
      if (el) el.style.display = v ? '' : 'none';
      if (v) { shown++; live.set(e.s, 1); live.set(e.t, 1); }
    }
    let hits = 0;
    for (const n of data.nodes) {
      const hit = state.query !== '' && n.keys.some(k => k.includes(state.query));
      if (hit) hits++;
      n.hit = hit;
    }
    for (const n of data.nodes) {
      const el = nodeEl.get(n.svg);
      if (!el) continue;
      el.classList.toggle('faded', n.degree > 0 && !live.has(n.id));
      el.classList.toggle('hit', n.hit);
      el.classList.toggle('dim', hits > 0 && !n.hit);
    }
    for (const e of data.edges) {
      const el = edgeEl.get(e.svg);
      if (el) el.classList.toggle('dim', hits > 0 && !nodeById.get(e.s).hit && !nodeById.get(e.t).hit);
    }
    let text = shown + ' of ' + data.edges.length + ' relations shown';
    if (state.query) text += '; ' + hits + (hits === 1 ? ' match' : ' matches');
    document.getElementById('status').textContent = text;
  }

  function el(tag, cls, text) {
    const x = document.createElement(tag);
    if (cls) x.className = cls;
    if (text !== undefined) x.textContent = text;
    return x;
  }

  function showEvidence(e) {
    for (const x of document.querySelectorAll('g.edge.selected')) x.classList.remove('selected');
    const g = edgeEl.get(e.svg);
    if (g) g.classList.add('selected');
    const panel = document.getElementById('evidence');
    panel.replaceChildren();
    panel.dataset.edge = e.svg;
    panel.append(el('h2', '', e.sn + ' \u2014 ' + e.label + ' \u2192 ' + e.tn));
    let when = e.status === 'event' ? 'event ' + e.first + (e.last && e.last !== e.first ? ' \u2026 ' + e.last : '')
                                    : 'valid ' + (e.start || '?') + ' \u2013 ' + (e.end || 'now');
    if (e.status === 'ended') when += ' (ended)';
    panel.append(el('div', 'meta', when + ' \u00b7 ' + e.ev + ' sentences from ' + e.src + ' sources \u00b7 ' +
                    e.relation + (e.cameo ? ' (CAMEO ' + e.cameo + ')' : '')));
    if (!e.evidence.length) {
      panel.append(el('p', 'meta', 'No evidence sentences were embedded for this relation.'));
      return;
    }
    const list = el('ol');
    for (const r of e.evidence) {
      const li = el('li');
      li.append(el('blockquote', 'sentence', r.text));
      const src = el('div', 'src', (r.date ? r.date + ' \u00b7 ' : '') + (r.modality && r.modality !== 'asserted' ? r.modality + ' \u00b7 ' : ''));
      if (r.speaker) src.append(document.createTextNode('said by ' + r.speaker + ' \u00b7 '));
      if (/^https?:\/\//i.test(r.url || '')) {
        const a = el('a', '', r.title || r.url);
        a.href = r.url; a.target = '_blank'; a.rel = 'noopener noreferrer';
        src.append(a);
      } else {
        src.append(document.createTextNode(r.title || r.doc));
      }
      li.append(src);
      list.append(li);
    }
    panel.append(list);
    if (e.more > 0) panel.append(el('p', 'meta', e.more + (e.more === 1 ? ' more sentence is' : ' more sentences are') + ' in the store (geokg evidence).'));
  }

  for (const e of data.edges) {
    const g = edgeEl.get(e.svg);
    if (!g) continue;
    // A wide transparent copy of each line makes thin edges easy to hit.
    for (const p of g.querySelectorAll('path')) {
      const hit = p.cloneNode(false);
      hit.setAttribute('class', 'hitbox');
      p.parentNode.insertBefore(hit, p.nextSibling);
    }
    g.addEventListener('click', ev => { ev.preventDefault(); showEvidence(e); });
  }

  // Zoom: scale the SVG's width; 'fit' fits the window width.
  let zoom = 0;
  const natural = svg ? (svg.viewBox.baseVal && svg.viewBox.baseVal.width) || svg.getBBox().width : 0;
  function applyZoom() {
    if (!svg) return;
    svg.removeAttribute('height');
    if (zoom === 0) { svg.style.width = '100%'; svg.style.maxWidth = (natural * 1.5) + 'px'; }
    else { svg.style.maxWidth = ''; svg.style.width = (natural * zoom) + 'px'; }
  }
  document.getElementById('zoom-in').addEventListener('click', () => { zoom = (zoom || 1) * 1.25; applyZoom(); });
  document.getElementById('zoom-out').addEventListener('click', () => { zoom = (zoom || 1) / 1.25; applyZoom(); });
  document.getElementById('zoom-fit').addEventListener('click', () => { zoom = 0; applyZoom(); });
  if (svg) svg.removeAttribute('width');
  applyZoom();
  update();

  // Test hooks (see the page template's header comment).
  const hooks = new URLSearchParams(location.hash.replace(/^#/, ''));
  if (hooks.has('test-search')) { search.value = hooks.get('test-search'); state.query = fold(search.value); update(); }
  if (hooks.has('test-date')) {
    const d = hooks.get('test-date');
    const i = data.dates.findIndex(x => x > d);
    slider.value = String(Math.max(0, (i < 0 ? data.dates.length : i) - 1));
    state.date = d;
    dateLabel.textContent = d;
    update();
  }
  if (hooks.has('test-click')) {
    const g = edgeEl.get(hooks.get('test-click'));
    document.body.dataset.testClick = g ? 'clicked' : 'missing';
    if (g) g.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
  }
  document.body.dataset.ready = 'yes';
})();
</script>
</body>
</html>
)HTML";

}  // namespace geokg::export_internal
