/* Page logic for graph.html. All data arrives as JSON and is turned into DOM text with textContent, never HTML. */
(function () {
  "use strict";

  var DIM_NODE_OPACITY = 0.15;
  var DIM_FONT_COLOR = "rgba(34, 34, 34, 0.25)";
  var DIM_EDGE_OPACITY = 0.08;
  var LABEL_PAD = 0.3;  /* font sizes kept free around each node and its label */
  var SPREAD_ROUNDS = 8;
  var SEPARATE_PASSES = 200;
  var COMPACT_STEPS = 20;
  var MAX_FONT_GROWTH = 6;

  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var container = document.getElementById("kg-network");
  var statusEl = document.getElementById("kg-status");
  var records = new Map(data.nodes.map(function (rec) { return [rec.id, rec]; }));
  var hidden = new Map();
  var highlighted = null;

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function row(parent, key, value) {
    var line = el("div", null, "kg-tip-row");
    line.appendChild(el("span", key + ": ", "kg-tip-key"));
    line.appendChild(el("span", value));
    parent.appendChild(line);
  }

  function nodeTooltip(rec) {
    var box = el("div", null, "kg-tip");
    box.appendChild(el("div", rec.label, "kg-tip-name"));
    box.appendChild(el("div", rec.kind === "Event" && rec.type !== "Event" ? rec.type + " (event)" : rec.type,
      "kg-tip-type"));
    if (rec.dates) row(box, "When", rec.dates);
    if (rec.aliases) row(box, "Also known as", rec.aliases.join("; "));
    if (rec.posts) {
      box.appendChild(el("div", "Posts:", "kg-tip-key"));
      var list = el("ul");
      rec.posts.forEach(function (post) { list.appendChild(el("li", post)); });
      box.appendChild(list);
    }
    (rec.sources || []).forEach(function (source) {
      var quote = el("div", null, "kg-tip-source");
      quote.appendChild(el("span", "\u201c" + source.text + "\u201d"));
      if (source.doc) quote.appendChild(el("span", source.doc, "kg-tip-doc"));
      box.appendChild(quote);
    });
    var more = (rec.sourceCount || 0) - (rec.sources || []).length;
    if (more > 0) box.appendChild(el("div", "+ " + more + " more source" + (more > 1 ? "s" : ""), "kg-tip-more"));
    return box;
  }

  function edgeTooltip(rec) {
    var box = el("div", null, "kg-tip");
    box.appendChild(el("div", records.get(rec.from).label + " \u2014 " + records.get(rec.to).label, "kg-tip-name"));
    box.appendChild(el("div", rec.name || styleOfRel(rec).name, "kg-tip-type"));
    if (rec.confidence !== undefined) row(box, "Confidence", rec.confidence.toFixed(2));
    return box;
  }

  function meetingTooltip(rec) {
    var box = el("div", null, "kg-tip");
    box.appendChild(el("div", records.get(rec.from).label + " \u2014 " + records.get(rec.to).label, "kg-tip-name"));
    box.appendChild(el("div", rec.weight + (rec.weight === 1 ? " meeting" : " meetings") +
      (rec.area ? " \u00b7 mostly " + rec.area : ""), "kg-tip-type"));
    var list = el("ul", null, "kg-tip-meetings");
    rec.meetings.forEach(function (m) {
      var item = el("li");
      if (m.dates) item.appendChild(el("span", m.dates + " ", "kg-tip-key"));
      item.appendChild(el("span", (m.type || "Event") + ": " + (m.title || "")));
      if (m.topics) item.appendChild(el("span", " \u2014 about " + m.topics.join(", ")));
      if (m.areas) item.appendChild(el("span", " (" + m.areas.join(", ") + ")", "kg-tip-areas"));
      list.appendChild(item);
    });
    box.appendChild(list);
    var more = rec.weight - rec.meetings.length;
    if (more > 0) box.appendChild(el("div", "+ " + more + " more", "kg-tip-more"));
    return box;
  }

  function styleOfKind(rec) { return data.kinds[rec.kind] || data.kinds.Other; }
  function styleOfRel(rec) { return data.rels[rec.rel] || data.rels.other; }

  function nodeColor(color) {
    return { background: color, border: color,
      highlight: { background: color, border: "#000" }, hover: { background: color, border: "#000" } };
  }

  function edgeOpacity(rec) {
    if (rec.weight !== undefined) return 0.85;
    // Low-confidence links fade rather than vanish.
    return rec.confidence === undefined ? 0.9 : 0.3 + 0.6 * Math.max(0, Math.min(1, rec.confidence));
  }

  function edgeColor(rec, opacity) {
    var color = rec.color || styleOfRel(rec).color;
    return { color: color, highlight: color, hover: color, opacity: opacity };
  }

  function visNode(rec) {
    var style = styleOfKind(rec);
    var item = { id: rec.id, label: rec.short || rec.label, shape: style.shape, size: rec.size,
      color: nodeColor(style.color),
      font: { color: style.font }, opacity: 1, title: nodeTooltip(rec) };
    if (rec.x !== undefined) { item.x = rec.x; item.y = rec.y; }
    return item;
  }

  function visEdge(rec, i) {
    var style = styleOfRel(rec);
    return { id: "e" + i, from: rec.from, to: rec.to, width: rec.width || style.width,
      dashes: rec.weight === undefined ? style.dashes : false, color: edgeColor(rec, edgeOpacity(rec)),
      title: rec.meetings ? meetingTooltip(rec) : edgeTooltip(rec) };
  }

  var nodes = new vis.DataSet(data.nodes.map(visNode));
  var edges = new vis.DataSet(data.edges.map(visEdge));
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);

  /* Highlighting: the clicked node and its neighbours keep their colours, everything else fades. */

  function setDimmed(keepNodes, keepEdges) {
    nodes.update(data.nodes.map(function (rec) {
      var keep = !keepNodes || keepNodes.has(rec.id);
      return { id: rec.id, opacity: keep ? 1 : DIM_NODE_OPACITY,
        font: { color: keep ? styleOfKind(rec).font : DIM_FONT_COLOR } };
    }));
    edges.update(data.edges.map(function (rec, i) {
      var id = "e" + i;
      var keep = !keepEdges || keepEdges.has(id);
      return { id: id, color: edgeColor(rec, keep ? edgeOpacity(rec) : DIM_EDGE_OPACITY) };
    }));
  }

  function highlight(id) {
    var keepNodes = new Set(network.getConnectedNodes(id));
    keepNodes.add(id);
    setDimmed(keepNodes, new Set(network.getConnectedEdges(id)));
    highlighted = id;
  }

  function clearHighlight() {
    if (highlighted === null) return;
    setDimmed(null, null);
    highlighted = null;
    network.unselectAll();
  }

  network.on("click", function (params) {
    if (params.nodes.length) highlight(params.nodes[0]);
    else clearHighlight();
  });

  /* Filters: node classes (legend checkboxes) and a date range that applies to events only. */

  var kindBoxes = Array.prototype.slice.call(document.querySelectorAll(".kg-kind-filter"));
  var dateFrom = document.getElementById("kg-date-from");
  var dateTo = document.getElementById("kg-date-to");

  function inDateRange(rec, from, to) {
    if (rec.kind !== "Event" || !rec.dateLo) return true;
    if (from && rec.dateHi < from) return false;
    if (to && rec.dateLo > to) return false;
    return true;
  }

  function applyFilters() {
    var enabled = new Set(kindBoxes.filter(function (box) { return box.checked; })
      .map(function (box) { return box.value; }));
    var from = dateFrom.value, to = dateTo.value;
    var changes = [];
    var shown = 0;
    data.nodes.forEach(function (rec) {
      var hide = !enabled.has(rec.kind) || !inDateRange(rec, from, to);
      if (!hide) shown += 1;
      if (hide !== (hidden.get(rec.id) || false)) {
        hidden.set(rec.id, hide);
        changes.push({ id: rec.id, hidden: hide });
      }
    });
    if (changes.length) nodes.update(changes);
    setStatus(shown === data.nodes.length ? "" : shown + " of " + data.nodes.length + " nodes shown");
  }

  kindBoxes.forEach(function (box) { box.addEventListener("change", applyFilters); });
  dateFrom.addEventListener("change", applyFilters);
  dateTo.addEventListener("change", applyFilters);

  /* Search: by label or alias, case- and accent-insensitive substring. */

  function normalise(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  var searchNames = data.nodes.map(function (rec) {
    return { id: rec.id, degree: rec.degree, isEvent: rec.kind === "Event",
      names: [rec.label].concat(rec.aliases || []).map(normalise) };
  });

  function matchScore(names, query) {
    var best = 0;
    names.forEach(function (name) {
      var at = name.indexOf(query);
      if (at < 0) return;
      var score = name === query ? 4 : at === 0 ? 3 : name.charAt(at - 1) === " " ? 2 : 1;
      best = Math.max(best, score);
    });
    return best;
  }

  function findNode(text) {
    var query = normalise(text || "");
    if (!query) return null;
    var best = null, bestScore = 0, bestDegree = -1;
    searchNames.forEach(function (entry) {
      var score = matchScore(entry.names, query);
      if (!score) return;
      // Rank visible nodes first, then better matches, then named things over event titles that mention them.
      score = (hidden.get(entry.id) ? 0 : 100) + 10 * score + (entry.isEvent ? 0 : 1);
      if (score > bestScore || (score === bestScore && entry.degree > bestDegree)) {
        best = entry.id; bestScore = score; bestDegree = entry.degree;
      }
    });
    return best;
  }

  function kgSearch(text) {
    var id = findNode(text);
    if (id === null) {
      setStatus(text ? "No match for \u201c" + text + "\u201d" : "");
      return null;
    }
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    highlight(id);
    setStatus("Found " + records.get(id).label + (hidden.get(id) ? " (hidden by the filters)" : ""));
    return id;
  }

  function fillNameList() {
    var list = document.getElementById("kg-names");
    var seen = new Set();
    data.nodes.forEach(function (rec) {
      [rec.label].concat(rec.aliases || []).forEach(function (name) {
        if (seen.has(name)) return;
        seen.add(name);
        var option = document.createElement("option");
        option.value = name;
        list.appendChild(option);
      });
    });
  }

  document.getElementById("kg-search-form").addEventListener("submit", function (event) {
    event.preventDefault();
    kgSearch(document.getElementById("kg-search").value);
  });

  document.getElementById("kg-reset").addEventListener("click", function () {
    document.getElementById("kg-search").value = "";
    dateFrom.value = "";
    dateTo.value = "";
    kindBoxes.forEach(function (box) { box.checked = true; });
    applyFilters();
    clearHighlight();
    network.fit({ animation: { duration: 300 } });
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") clearHighlight();
  });

  function setStatus(text) { statusEl.textContent = text; }

  /* Layout: precomputed positions need no physics; otherwise stabilise a bounded number of steps, then stop. */

  /* Legible labels: fit the view, set the label font so that it is at least data.minLabelPx on screen, and move
     apart the nodes whose boxes (shape and label, as vis-network drew them) overlap; again until both hold, since
     moving nodes apart widens the drawing and so shrinks the fitted view. */

  function nodeBoxes(size) {
    var pad = LABEL_PAD * size;
    network.redraw();
    return network.body.nodeIndices.filter(function (id) { return !hidden.get(id); }).map(function (id) {
      var node = network.body.nodes[id], bb = node.shape.boundingBox;
      return { id: id, x: node.x, y: node.y, l: bb.left - node.x - pad, r: bb.right - node.x + pad,
        t: bb.top - node.y - pad, b: bb.bottom - node.y + pad };
    });
  }

  function separate(boxes) {
    /* Push overlapping pairs apart along the axis where they overlap least, a bounded number of passes; returns
       whether no two boxes overlap any more. */
    var order = boxes.slice();
    for (var pass = 0; pass < SEPARATE_PASSES; pass++) {
      var moved = false;
      /* sweep: sorted by left edge, a box meets only the boxes that start before it ends */
      order.sort(function (p, q) { return (p.x + p.l) - (q.x + q.l); });
      for (var i = 0; i < order.length; i++) {
        var a = order[i];
        for (var j = i + 1; j < order.length; j++) {
          var b = order[j];
          if (b.x + b.l >= a.x + a.r) break;
          var ox = Math.min(a.x + a.r, b.x + b.r) - Math.max(a.x + a.l, b.x + b.l);
          if (ox <= 0) continue;
          var oy = Math.min(a.y + a.b, b.y + b.b) - Math.max(a.y + a.t, b.y + b.t);
          if (oy <= 0) continue;
          moved = true;
          if (ox < oy) {
            var dx = (a.x + (a.l + a.r) / 2 <= b.x + (b.l + b.r) / 2 ? -1 : 1) * (ox / 2 + 0.5);
            a.x += dx; b.x -= dx;
          } else {
            var dy = (a.y + (a.t + a.b) / 2 <= b.y + (b.t + b.b) / 2 ? -1 : 1) * (oy / 2 + 0.5);
            a.y += dy; b.y -= dy;
          }
        }
      }
      if (!moved) return true;
    }
    return false;
  }

  function extent(boxes) {
    var e = { x0: Infinity, x1: -Infinity, y0: Infinity, y1: -Infinity };
    boxes.forEach(function (b) {
      e.x0 = Math.min(e.x0, b.x + b.l); e.x1 = Math.max(e.x1, b.x + b.r);
      e.y0 = Math.min(e.y0, b.y + b.t); e.y1 = Math.max(e.y1, b.y + b.b);
    });
    return e;
  }

  function scaled(boxes, kx, ky) {
    /* The boxes moved towards (k < 1) or away from (k > 1) the drawing's centre, per axis. */
    var e = extent(boxes), cx = (e.x0 + e.x1) / 2, cy = (e.y0 + e.y1) / 2;
    return boxes.map(function (b) {
      return { id: b.id, x: cx + (b.x - cx) * kx, y: cy + (b.y - cy) * ky, l: b.l, r: b.r, t: b.t, b: b.b };
    });
  }

  function compact(boxes) {
    /* Moving nodes apart leaves the drawing sparse where it was already loose: draw it together a step at a time
       while the boxes can still be kept apart, and while it does not fit the container unscaled (vis-network
       fits no closer than that). */
    for (var step = 0; step < COMPACT_STEPS; step++) {
      var e = extent(boxes);
      if (e.x1 - e.x0 <= container.clientWidth && e.y1 - e.y0 <= container.clientHeight) break;
      var tighter = scaled(boxes, 0.92, 0.92);
      if (!separate(tighter)) break;
      boxes = tighter;
    }
    return boxes;
  }

  function stretched(boxes) {
    /* Widen (or heighten) the drawing to the container's shape, so that fitting it wastes no room; stretching
       along one axis moves no two nodes closer. */
    var e = extent(boxes), k = (container.clientWidth / Math.max(1, container.clientHeight)) /
      ((e.x1 - e.x0) / Math.max(1, e.y1 - e.y0));
    return k > 1 ? scaled(boxes, k, 1) : scaled(boxes, 1, 1 / k);
  }

  function makeLegible() {
    var base = data.options.nodes.font.size, size = base;
    for (var round = 0; round < SPREAD_ROUNDS; round++) {
      network.redraw();
      network.fit();
      var wanted = Math.ceil(1.04 * data.minLabelPx / network.getScale());
      window.kgLegible = { rounds: round, size: size, scale: network.getScale() };
      if (round > 0 && (size >= wanted || size === MAX_FONT_GROWTH * base && round > 2)) break;
      if (wanted > size) {
        size = Math.min(wanted, MAX_FONT_GROWTH * base);  /* too dense to be read whole: as large as allowed */
        network.setOptions({ nodes: { font: { size: size }, widthConstraint: { maximum: 10 * size } } });
      }
      var boxes = nodeBoxes(size);
      separate(boxes);
      boxes = stretched(compact(boxes));
      boxes.forEach(function (box) { network.moveNode(box.id, box.x, box.y); });
    }
    network.redraw();
    network.fit();
  }

  /* Once laid out: select the focus of a `kg viz --focus` page, and mark the container ready (for tests). */
  function ready() {
    if (data.focus && records.has(data.focus)) network.selectNodes([data.focus]);
    container.setAttribute("data-ready", "true");
  }

  if (data.precomputed || !data.nodes.length) {
    network.fit();
    if (data.spread && data.nodes.length) makeLegible();
    ready();
  } else {
    network.on("stabilizationProgress", function (params) {
      setStatus("Laying out\u2026 " + Math.round(100 * params.iterations / params.total) + "%");
    });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      if (data.spread) makeLegible();
      setStatus("");
      ready();
    });
  }

  fillNameList();

  window.kgNetwork = network;
  window.kgNodes = nodes;
  window.kgEdges = edges;
  window.kgSearch = kgSearch;
  window.kgKind = function (id) { return records.get(id).kind; };
})();
