// The interaction of a Compiled pipeline page (written for Compiled; no third-party code). The layout is computed
// when the page is written (MSAGL, in `viz`); this script only draws it and answers clicks: pipeline selector,
// tag filters, search, layers, focus mode, collapsible modular pipelines, the details panel and the last-run overlay.
// It makes no request when the page is opened from a file; when served by `viz --serve` it asks the server
// (same origin) whether the project was rebuilt and for the latest run.
(function () {
  'use strict';

  var SVG = 'http://www.w3.org/2000/svg';
  var data = JSON.parse(document.getElementById('viz-data').textContent);
  var state = { pipeline: 0, collapsed: {}, tags: {}, search: '', layer: null, focus: null, selected: null };
  var lastRun = data.lastRun;

  var $ = function (id) { return document.getElementById(id); };

  function el(name, attributes, text) {
    var element = document.createElementNS(SVG, name);
    Object.keys(attributes || {}).forEach(function (key) { element.setAttribute(key, attributes[key]); });
    if (text !== undefined) element.textContent = text;
    return element;
  }

  function html(name, attributes, text) {
    var element = document.createElement(name);
    Object.keys(attributes || {}).forEach(function (key) { element.setAttribute(key, attributes[key]); });
    if (text !== undefined) element.textContent = text;
    return element;
  }

  function pipeline() { return data.pipelines[state.pipeline]; }

  // The pipeline's vertex with this id (an index per pipeline, built on first use).
  function byId(id) {
    var p = pipeline();
    if (!p.index) {
      p.index = {};
      p.nodes.forEach(function (n) { p.index[n.id] = n; });
    }
    return p.index[id] || null;
  }

  // The outermost collapsed namespace that hides a vertex, or null.
  function collapsedParent(node) {
    if (!node.namespace) return null;
    var parts = node.namespace.split('.');
    for (var i = 1; i <= parts.length; i++) {
      var prefix = parts.slice(0, i).join('.');
      if (state.collapsed[prefix]) return prefix;
    }
    return null;
  }

  // Vertices the tag filter keeps: tasks with an active tag, and the datasets and parameters they touch.
  function tagVisible() {
    var active = Object.keys(state.tags).filter(function (t) { return state.tags[t]; });
    var p = pipeline();
    var keep = {};
    p.nodes.forEach(function (n) {
      keep[n.id] = active.length === 0 || (n.kind === 'task' && n.tags.some(function (t) { return active.indexOf(t) >= 0; }));
    });
    if (active.length > 0) {
      p.edges.forEach(function (e) {
        if (keep[e.target] && byId(e.target).kind === 'task') keep[e.source] = true;
        if (keep[e.source] && byId(e.source).kind === 'task') keep[e.target] = true;
      });
    }
    return keep;
  }

  // The focused vertex with everything upstream and downstream of it.
  function related(id) {
    var p = pipeline();
    var set = {};
    set[id] = true;
    [true, false].forEach(function (forward) {
      var seen = {};
      var queue = [id];
      while (queue.length > 0) {
        var current = queue.shift();
        p.edges.forEach(function (e) {
          var next = forward ? (e.source === current ? e.target : null) : (e.target === current ? e.source : null);
          if (next !== null && !seen[next]) {
            seen[next] = true;
            set[next] = true;
            queue.push(next);
          }
        });
      }
    });
    return set;
  }

  function runOf(name) {
    if (!lastRun || !lastRun.nodes) return null;
    if (!lastRun.byName) {
      lastRun.byName = {};
      lastRun.nodes.forEach(function (n) { lastRun.byName[n.name] = n; });
    }
    return lastRun.byName[name] || null;
  }

  function formatMs(ms) { return ms >= 1000 ? (ms / 1000).toFixed(2) + ' s' : Math.round(ms) + ' ms'; }

  function render() {
    var p = pipeline();
    var svg = $('graph');
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    svg.setAttribute('width', p.width);
    svg.setAttribute('height', p.height);
    svg.setAttribute('viewBox', '0 0 ' + p.width + ' ' + p.height);
    var defs = el('defs');
    var marker = el('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: '10', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto-start-reverse' });
    marker.appendChild(el('path', { d: 'M0,0 L10,5 L0,10 z', 'class': 'arrowhead' }));
    defs.appendChild(marker);
    svg.appendChild(defs);

    var keep = tagVisible();
    var focus = state.focus ? related(state.focus) : null;
    var search = state.search.toLowerCase();

    // Where each vertex is drawn: itself, or the collapsed namespace box that stands for it.
    var shown = {};
    var collapsedBoxes = {};
    p.nodes.forEach(function (n) {
      if (!keep[n.id]) return;
      var parent = collapsedParent(n);
      if (parent) {
        (collapsedBoxes[parent] = collapsedBoxes[parent] || []).push(n);
        shown[n.id] = 'ns:' + parent;
      } else {
        shown[n.id] = n.id;
      }
    });
    var boxes = {};
    p.nodes.forEach(function (n) { boxes[n.id] = n; });
    var clusters = {};
    p.clusters.forEach(function (c) { clusters[c.namespace] = c; });
    // A collapsed modular pipeline: one box in the middle of the place its cluster was laid out in.
    Object.keys(collapsedBoxes).forEach(function (ns) {
      var b = clusters[ns];
      var w = Math.max(120, ns.length * 7.2 + 40);
      boxes['ns:' + ns] = { x: b.x + b.w / 2 - w / 2, y: b.y + b.h / 2 - 18, w: w, h: 36 };
    });

    // Expanded modular pipelines: a labelled frame, the cluster MSAGL laid their vertices out in.
    var frames = el('g', { 'class': 'frames' });
    p.clusters.forEach(function (b) {
      var ns = b.namespace;
      if (state.collapsed[ns] || collapsedParent({ namespace: ns })) return;
      var frame = el('g', { 'class': 'frame', 'data-namespace': ns });
      frame.appendChild(el('rect', { x: b.x, y: b.y, width: b.w, height: b.h, rx: 8 }));
      frame.appendChild(el('text', { x: b.x + 6, y: b.y + 14 }, ns));
      frames.appendChild(frame);
    });
    svg.appendChild(frames);

    var edgeLayer = el('g', { 'class': 'edges' });
    var drawn = {};
    p.edges.forEach(function (e) {
      var from = shown[e.source], to = shown[e.target];
      if (!from || !to || from === to || drawn[from + '|' + to]) return;
      drawn[from + '|' + to] = true;
      var d = e.path;
      if (from !== e.source || to !== e.target) {
        var a = boxes[from], b = boxes[to];
        d = 'M' + (a.x + a.w / 2) + ',' + (a.y + a.h) + ' L' + (b.x + b.w / 2) + ',' + b.y;
      }
      var faded = focus && !(focus[e.source] && focus[e.target]);
      edgeLayer.appendChild(el('path', { d: d, 'class': 'edge' + (faded ? ' faded' : ''), 'marker-end': 'url(#arrow)', 'data-source': from, 'data-target': to }));
    });
    svg.appendChild(edgeLayer);

    var nodeLayer = el('g', { 'class': 'nodes' });
    Object.keys(collapsedBoxes).forEach(function (ns) {
      var b = boxes['ns:' + ns];
      var g = el('g', { 'class': 'node namespace', 'data-id': 'ns:' + ns, 'data-namespace': ns, transform: 'translate(' + b.x + ',' + b.y + ')' });
      g.appendChild(el('rect', { width: b.w, height: b.h, rx: 8 }));
      g.appendChild(el('text', { x: b.w / 2, y: b.h / 2 + 4 }, '\u25B8 ' + ns));
      g.addEventListener('click', function () { toggle(ns); });
      nodeLayer.appendChild(g);
    });
    p.nodes.forEach(function (n) {
      if (shown[n.id] !== n.id) return;
      var classes = ['node', n.kind];
      if (focus && !focus[n.id]) classes.push('faded');
      if (search && n.name.toLowerCase().indexOf(search) < 0) classes.push('dimmed');
      if (search && n.name.toLowerCase().indexOf(search) >= 0) classes.push('match');
      if (state.layer) classes.push(n.layer === state.layer ? 'in-layer' : 'dimmed');
      if (state.selected === n.id) classes.push('selected');
      var run = n.kind === 'task' ? runOf(n.name) : null;
      if (run) classes.push('run-' + run.status);
      var g = el('g', { 'class': classes.join(' '), 'data-id': n.id, 'data-name': n.name, transform: 'translate(' + n.x + ',' + n.y + ')' });
      g.appendChild(el('rect', { width: n.w, height: n.h, rx: n.kind === 'task' ? 4 : 15 }));
      g.appendChild(el('text', { x: n.w / 2, y: n.h / 2 + 4 }, n.name));
      if (run && run.durationMs !== undefined) g.appendChild(el('text', { 'class': 'duration', x: n.w + 4, y: n.h / 2 + 4 }, formatMs(run.durationMs)));
      g.addEventListener('click', function () { select(n.id); });
      nodeLayer.appendChild(g);
    });
    svg.appendChild(nodeLayer);
    renderSidebar();
  }

  function renderSidebar() {
    var p = pipeline();
    var tags = $('tags');
    tags.textContent = '';
    if (p.tags.length === 0) tags.appendChild(html('p', { 'class': 'muted' }, 'No tags.'));
    p.tags.forEach(function (tag) {
      var label = html('label');
      var box = html('input', { type: 'checkbox', 'data-tag': tag });
      box.checked = !!state.tags[tag];
      box.addEventListener('change', function () { state.tags[tag] = box.checked; render(); });
      label.appendChild(box);
      label.appendChild(document.createTextNode(' ' + tag));
      tags.appendChild(label);
    });

    var namespaces = $('namespaces');
    namespaces.textContent = '';
    if (p.namespaces.length === 0) namespaces.appendChild(html('p', { 'class': 'muted' }, 'No modular pipelines.'));
    p.namespaces.forEach(function (ns) {
      var button = html('button', { type: 'button', 'data-namespace': ns, 'class': state.collapsed[ns] ? 'collapsed' : 'expanded' },
        (state.collapsed[ns] ? '\u25B8 ' : '\u25BE ') + ns);
      button.style.paddingLeft = (6 + 12 * (ns.split('.').length - 1)) + 'px';
      button.addEventListener('click', function () { toggle(ns); });
      namespaces.appendChild(button);
    });

    var layers = $('layers');
    layers.textContent = '';
    if (p.layers.length === 0) layers.appendChild(html('p', { 'class': 'muted' }, 'No layers (metadata.kedro-viz.layer).'));
    p.layers.forEach(function (layer) {
      var button = html('button', { type: 'button', 'data-layer': layer, 'class': state.layer === layer ? 'active' : '' }, layer);
      button.addEventListener('click', function () { state.layer = state.layer === layer ? null : layer; render(); });
      layers.appendChild(button);
    });

    var run = $('last-run');
    run.textContent = '';
    if (!lastRun) {
      run.appendChild(html('p', { 'class': 'muted' }, 'No run recorded yet: run a pipeline with the project\'s run command.'));
    } else {
      run.appendChild(html('p', { id: 'last-run-summary' }, 'Pipeline ' + lastRun.pipeline + ' ' + lastRun.status + ' in ' + formatMs(lastRun.durationMs) +
        ' (run ' + lastRun.runId + ', ' + lastRun.startedAt + ')'));
    }
  }

  function toggle(ns) {
    state.collapsed[ns] = !state.collapsed[ns];
    render();
  }

  function row(list, label, value, className) {
    if (value === null || value === undefined || value === '') return;
    list.appendChild(html('dt', {}, label));
    list.appendChild(html('dd', className ? { 'class': className } : {}, String(value)));
  }

  function select(id) {
    state.selected = id;
    var n = byId(id);
    var panel = $('panel');
    panel.textContent = '';
    panel.hidden = false;
    var close = html('button', { type: 'button', id: 'panel-close', 'aria-label': 'Close' }, '\u00D7');
    close.addEventListener('click', function () { panel.hidden = true; state.selected = null; render(); });
    panel.appendChild(close);
    panel.appendChild(html('h2', {}, n.name));
    panel.appendChild(html('p', { 'class': 'kind' }, n.kind === 'task' ? 'Node' : n.kind === 'data' ? 'Dataset' : 'Parameters'));
    var list = html('dl');
    if (n.kind === 'task') {
      row(list, 'Signature', n.signature, 'signature');
      row(list, 'Source', n.source_location, 'source');
      row(list, 'Namespace', n.namespace);
      row(list, 'Tags', n.tags.join(', '));
      var run = runOf(n.name);
      if (run) row(list, 'Last run', run.status + (run.durationMs !== undefined ? ', ' + formatMs(run.durationMs) : ''), 'last-run');
    } else if (n.kind === 'data') {
      row(list, 'C# type', n.csharp_type, 'data-type');
      row(list, 'Catalog type', n.catalog_type, 'catalog-type');
      row(list, 'File path', n.filepath, 'file-path');
      row(list, 'Layer', n.layer, 'layer');
      row(list, 'Namespace', n.namespace);
    } else {
      row(list, 'C# type', n.csharp_type, 'data-type');
      row(list, 'Value (conf/base)', n.value, 'value');
    }
    panel.appendChild(list);
    var focus = html('button', { type: 'button', id: 'focus' }, state.focus === id ? 'Exit focus mode' : 'Focus: upstream and downstream');
    focus.addEventListener('click', function () { state.focus = state.focus === id ? null : id; select(id); });
    panel.appendChild(focus);
    render();
  }

  function choosePipeline(index) {
    state = { pipeline: index, collapsed: {}, tags: {}, search: state.search, layer: null, focus: null, selected: null };
    $('panel').hidden = true;
    render();
  }

  var selector = $('pipeline');
  data.pipelines.forEach(function (p, i) {
    var option = html('option', { value: String(i) }, p.name);
    if (p.name === data.selected) { option.selected = true; state.pipeline = i; }
    selector.appendChild(option);
  });
  selector.addEventListener('change', function () { choosePipeline(Number(selector.value)); });
  $('search').addEventListener('input', function (event) { state.search = event.target.value; render(); });

  render();
  document.documentElement.setAttribute('data-render-ms', String(Math.round(performance.now())));
  document.documentElement.setAttribute('data-ready', 'true');

  // Served by `viz --serve`: reload when the project is rebuilt, follow the latest run. Never from a file.
  if (data.live && location.protocol.indexOf('http') === 0) {
    var version = null;
    setInterval(function () {
      fetch('version', { cache: 'no-store' }).then(function (r) { return r.text(); }).then(function (v) {
        if (version !== null && v !== version) location.reload();
        version = v;
      }).catch(function () { /* the server stopped: keep the page as it is */ });
      fetch('last-run.json', { cache: 'no-store' }).then(function (r) { return r.ok ? r.json() : null; }).then(function (run) {
        if (run && (!lastRun || run.runId !== lastRun.runId)) { lastRun = run; render(); }
      }).catch(function () { /* no run yet */ });
    }, 1000);
  }
})();
