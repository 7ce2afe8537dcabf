// graphkit contact view. Reads the JSON block written by graphkit/view.py and draws it with vis-network.
// Article text is only ever put into the page with textContent (never innerHTML), so it cannot become markup.
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("graphkit-data").textContent);
  const byId = (id) => document.getElementById(id);
  const DAY = 86400000;

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  // Only web links become links: a "javascript:" URL in an article record must not run.
  function safeUrl(url) {
    return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
  }

  const kindColor = Object.fromEntries(data.kinds.map((k) => [k.value, k.color]));
  const statusDashes = Object.fromEntries(data.statuses.map((s) => [s.value, s.dashes]));
  const shapeOf = Object.fromEntries(data.shapes.map((s) => [s.type, s.shape]));
  const nodeById = new Map(data.nodes.map((n) => [n.id, n]));
  // Labels are drawn at LABEL_PX on screen for the actors that get one at the current zoom (see placeLabels).
  const LABEL_PX = 13;
  const [NODE_MIN, NODE_MAX] = [8, 36]; // node radius range, by number of contacts
  const MAX_LABELS = 80;
  const edgeById = new Map(data.edges.map((e) => [e.id, e]));
  const edgesOf = new Map(data.nodes.map((n) => [n.id, []]));
  for (const e of data.edges) for (const id of new Set([e.from, e.to])) edgesOf.get(id).push(e);
  const COUNTERPARTS_SHOWN = 8;

  // An actor's contact events and its counterparts, most shared events first (ties by id, as
  // graphkit.network.counterparts ranks them); with `shown`, only the contacts the filters leave.
  function contactsOf(id, shown) {
    const events = new Set();
    const byOther = new Map();
    for (const e of edgesOf.get(id)) {
      if (shown && !shown.has(e.id)) continue;
      const other = e.from === id ? e.to : e.from;
      events.add(e.event);
      if (!byOther.has(other)) byOther.set(other, new Set());
      byOther.get(other).add(e.event);
    }
    const ranked = [...byOther].map(([other, shared]) => [other, shared.size]);
    ranked.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return {
      contacts: events.size,
      counterparts: ranked.slice(0, COUNTERPARTS_SHOWN).map(([other, n]) => [nodeById.get(other).label, n]),
      moreCounterparts: Math.max(0, ranked.length - COUNTERPARTS_SHOWN),
    };
  }
  for (const n of data.nodes) Object.assign(n, contactsOf(n.id, null));

  // -- tooltips and details ----------------------------------------------------------------------

  function dateText(e) {
    if (!e.start) return "no date given";
    const span = e.start === e.end ? e.start : e.start + " – " + e.end;
    return span + (e.granularity ? " (" + e.granularity + ")" : "") + (e.expression ? ", “" + e.expression + "”" : "");
  }

  function nodeTip(n) {
    const tip = el("div", null, "tip");
    tip.append(el("div", n.label, "name"));
    tip.append(el("div", [n.type, n.countryName].filter(Boolean).join(" · "), "meta"));
    if (n.offices.length) tip.append(el("div", "Offices: " + n.offices.join("; ")));
    tip.append(el("div", n.contacts + (n.contacts === 1 ? " contact" : " contacts")));
    tip.shownContacts = n.contacts;
    if (n.counterparts.length) {
      tip.append(el("div", "Counterparts:"));
      const list = el("ul");
      for (const [name, count] of n.counterparts) list.append(el("li", name + " (" + count + ")"));
      if (n.moreCounterparts) list.append(el("li", "and " + n.moreCounterparts + " more"));
      tip.append(list);
    }
    return tip;
  }

  function edgeTip(e) {
    const tip = el("div", null, "tip");
    const names = [nodeById.get(e.from).label, nodeById.get(e.to).label];
    tip.append(el("div", e.kind + " · " + e.status, "name"));
    tip.append(el("div", names.join(e.directed ? " → " : " – ")));
    tip.append(el("div", dateText(e), "meta"));
    if (e.location) tip.append(el("div", "at " + e.location, "meta"));
    if (e.level) tip.append(el("div", e.level + " level", "meta"));
    if (e.evidence) tip.append(el("blockquote", e.evidence));
    for (const source of e.sources) {
      const line = el("div", null, "source");
      const label = source.title || source.id;
      const url = safeUrl(source.url);
      if (url) {
        const link = el("a", label);
        link.href = url;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        line.append("Source: ", link);
      } else {
        line.append("Source: " + label);
      }
      if (source.published) line.append(" (" + source.published + ")");
      tip.append(line);
    }
    return tip;
  }

  // The details panel counts what the filters show; the tooltip (made once) counts everything.
  function detailsOf(id) {
    const n = nodeById.get(id);
    const all = n.contacts;
    const tip = nodeTip(Object.assign({}, n, contactsOf(id, visibleEdges)));
    if (all !== tip.shownContacts) tip.append(el("div", "(" + all + " without the filters)", "meta"));
    return tip;
  }

  function showDetails(tip) {
    const panel = byId("details");
    panel.replaceChildren(tip);
  }

  // -- vis data --------------------------------------------------------------------------------------

  const nodes = new vis.DataSet(
    data.nodes.map((n) => ({
      id: n.id,
      label: n.label,
      shape: shapeOf[n.type] || "dot",
      color: { background: n.color, border: "#555", highlight: { background: n.color, border: "#000" } },
      value: Math.max(1, n.contacts),
      font: { size: LABEL_PX },
      title: nodeTip(n),
      x: n.x,
      y: n.y,
    }))
  );

  function smooth(e) {
    if (!data.physics) return false; // straight lines keep thousands of edges fast
    if (e.parallel === 0) return { enabled: true, type: "continuous", roundness: 0.2 };
    const side = e.parallel % 2 ? "curvedCW" : "curvedCCW";
    return { enabled: true, type: side, roundness: 0.3 * Math.ceil(e.parallel / 2) };
  }

  const edges = new vis.DataSet(
    data.edges.map((e) => ({
      id: e.id,
      from: e.from,
      to: e.to,
      color: {
        color: kindColor[e.kind] || "#666",
        highlight: kindColor[e.kind] || "#666",
        hover: kindColor[e.kind] || "#666",
        opacity: e.status === "negated" ? 0.35 : 0.85,
      },
      dashes: statusDashes[e.status] || false,
      arrows: e.directed ? { to: { enabled: true, scaleFactor: 0.5 } } : undefined,
      smooth: smooth(e),
      width: 1.5,
      title: edgeTip(e),
    }))
  );

  // -- filters -----------------------------------------------------------------------------------------

  const dated = data.edges.filter((e) => e.start).map((e) => [e.start, e.end]);
  const minDay = dated.length ? dated.map((d) => d[0]).sort()[0] : null;
  const maxDay = dated.length ? dated.map((d) => d[1]).sort().at(-1) : null;
  const toIndex = (iso) => Math.round((Date.parse(iso + "T00:00:00Z") - Date.parse(minDay + "T00:00:00Z")) / DAY);
  const toIso = (index) => new Date(Date.parse(minDay + "T00:00:00Z") + index * DAY).toISOString().slice(0, 10);

  const state = {
    from: minDay,
    to: maxDay,
    undated: true,
    kinds: new Set(data.kinds.map((k) => k.value)),
    statuses: new Set(data.statuses.map((s) => s.value)),
  };

  // Every filter but `skip` ("kind" or "status"), so a checkbox can count what ticking it would show.
  function passes(e, skip) {
    if (skip !== "kind" && !state.kinds.has(e.kind)) return false;
    if (skip !== "status" && !state.statuses.has(e.status)) return false;
    if (!e.start) return state.undated;
    return e.end >= state.from && e.start <= state.to; // the contact's span overlaps the period
  }
  const edgeVisible = (e) => passes(e, null);

  // Actors without any contact in the graph are always shown; the others while one of their contacts is.
  const degree = new Map();
  for (const e of data.edges) for (const id of [e.from, e.to]) degree.set(id, (degree.get(id) || 0) + 1);
  const visibleEdges = new Set();
  const visibleDegree = new Map();

  function recompute() {
    visibleEdges.clear();
    visibleDegree.clear();
    for (const e of data.edges) {
      if (!edgeVisible(e)) continue;
      visibleEdges.add(e.id);
      for (const id of [e.from, e.to]) visibleDegree.set(id, (visibleDegree.get(id) || 0) + 1);
    }
  }
  const nodeVisible = (id) => !degree.get(id) || visibleDegree.has(id);

  recompute();
  const edgesView = new vis.DataView(edges, { filter: (item) => visibleEdges.has(item.id) });
  const nodesView = new vis.DataView(nodes, { filter: (item) => nodeVisible(item.id) });

  // Counts are of events: a contact of three actors is three edges but one event.
  function eventCounts(field) {
    const events = new Map();
    for (const e of data.edges) {
      if (!passes(e, field)) continue;
      if (!events.has(e[field])) events.set(e[field], new Set());
      events.get(e[field]).add(e.event);
    }
    return events;
  }

  const countSpans = { kind: new Map(), status: new Map(), country: new Map() };

  function updateCounts() {
    const shown = new Set();
    for (const e of data.edges) if (visibleEdges.has(e.id)) shown.add(e.event);
    byId("count-nodes").textContent = String(nodesView.length);
    byId("count-edges").textContent = String(shown.size);
    for (const field of ["kind", "status"]) {
      const events = eventCounts(field);
      for (const [value, span] of countSpans[field]) span.textContent = "(" + (events.get(value) || new Set()).size + ")";
    }
    const actors = new Map();
    for (const id of nodesView.getIds()) {
      const country = nodeById.get(id).country;
      actors.set(country, (actors.get(country) || 0) + 1);
    }
    for (const [code, span] of countSpans.country) span.textContent = "(" + (actors.get(code) || 0) + ")";
  }

  function update() {
    recompute();
    edgesView.refresh();
    nodesView.refresh();
    updateCounts();
    if (api.ready) placeLabels();
  }

  function setupPeriod() {
    const undated = byId("undated");
    undated.addEventListener("change", () => {
      state.undated = undated.checked;
      update();
    });
    const inputs = ["date-from", "date-to", "slider-from", "slider-to"].map(byId);
    if (!minDay) {
      for (const input of inputs) input.disabled = true;
      return;
    }
    const [dateFrom, dateTo, sliderFrom, sliderTo] = inputs;
    const last = toIndex(maxDay);
    for (const input of [dateFrom, dateTo]) Object.assign(input, { min: minDay, max: maxDay });
    for (const slider of [sliderFrom, sliderTo]) slider.max = String(last);
    const show = () => {
      dateFrom.value = state.from;
      dateTo.value = state.to;
      sliderFrom.value = String(toIndex(state.from));
      sliderTo.value = String(toIndex(state.to));
    };
    const set = (from, to) => {
      if (from && to && from <= to) Object.assign(state, { from: from, to: to });
      show();
      update();
    };
    for (const type of ["input", "change"]) {
      dateFrom.addEventListener(type, () => set(dateFrom.value, state.to));
      dateTo.addEventListener(type, () => set(state.from, dateTo.value));
    }
    sliderFrom.addEventListener("input", () => set(toIso(Math.min(+sliderFrom.value, +sliderTo.value)), state.to));
    sliderTo.addEventListener("input", () => set(state.from, toIso(Math.max(+sliderFrom.value, +sliderTo.value))));
    show();
  }

  function checkboxes(containerId, field, entries, selected, swatch) {
    const container = byId(containerId);
    for (const entry of entries) {
      const count = el("span", "", "count");
      countSpans[field].set(entry.value, count);
      const box = el("input");
      Object.assign(box, { type: "checkbox", checked: true, value: entry.value });
      box.addEventListener("change", () => {
        if (box.checked) selected.add(entry.value);
        else selected.delete(entry.value);
        update();
      });
      const label = el("label");
      label.append(box, " ", swatch(entry), entry.value + " ", count);
      container.append(label);
    }
  }

  function lineSwatch(color, dashes) {
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("width", "28");
    svg.setAttribute("height", "10");
    const line = document.createElementNS("http://www.w3.org/2000/svg", "line");
    for (const [k, v] of Object.entries({ x1: 1, y1: 5, x2: 27, y2: 5, stroke: color, "stroke-width": 2 })) {
      line.setAttribute(k, String(v));
    }
    if (dashes) line.setAttribute("stroke-dasharray", dashes.join(" "));
    svg.append(line);
    svg.style.marginRight = "4px";
    return svg;
  }

  function legend() {
    const shapes = byId("legend-shapes");
    const glyph = { dot: "●", square: "■", diamond: "◆" };
    for (const s of data.shapes) shapes.append(el("div", (glyph[s.shape] || "●") + " " + s.type));
    const countries = byId("legend-countries");
    for (const c of data.countries) {
      const row = el("div");
      const swatch = el("span", null, "swatch");
      swatch.style.background = c.color;
      const count = el("span", "(" + c.actors + ")", "count");
      countSpans.country.set(c.code, count);
      row.append(swatch, c.name + " ", count);
      countries.append(row);
    }
  }

  // -- search ----------------------------------------------------------------------------------------

  function findActor(query) {
    const q = query.trim().toLocaleLowerCase();
    if (!q) return null;
    const tests = [
      (n) => n.label.toLocaleLowerCase() === q,
      (n) => n.aliases.some((a) => a.toLocaleLowerCase() === q),
      (n) => n.label.toLocaleLowerCase().startsWith(q),
      (n) => n.label.toLocaleLowerCase().includes(q),
    ];
    for (const test of tests) {
      const found = data.nodes.filter(test).sort((a, b) => b.contacts - a.contacts)[0];
      if (found) return found;
    }
    return null;
  }

  function focusActor(query) {
    const found = findActor(query);
    const result = byId("search-result");
    if (!found) {
      result.textContent = "No actor matches “" + query + "”.";
      return null;
    }
    if (!nodesView.get(found.id)) {
      result.textContent = found.label + " has no contact in the filtered period or kinds.";
      return null;
    }
    result.textContent = found.label;
    network.selectNodes([found.id]);
    network.focus(found.id, { scale: 1.2, animation: false });
    showDetails(detailsOf(found.id));
    return found.id;
  }

  function setupSearch() {
    const names = byId("actor-names");
    for (const n of data.nodes) names.append(Object.assign(el("option"), { value: n.label }));
    const search = byId("search");
    search.addEventListener("keydown", (event) => {
      if (event.key === "Enter") focusActor(search.value);
    });
    search.addEventListener("change", () => focusActor(search.value));
  }

  // -- the network -----------------------------------------------------------------------------------

  const options = {
    autoResize: true,
    layout: { randomSeed: data.seed, improvedLayout: data.physics && data.nodes.length < 150 },
    nodes: {
      // Label sizes are set per actor by placeLabels; a label under 11 px on screen is not drawn at all.
      scaling: { min: NODE_MIN, max: NODE_MAX, label: { enabled: false, drawThreshold: 12, maxVisible: 20 } },
      font: { size: LABEL_PX },
      borderWidth: 1,
    },
    edges: { selectionWidth: 2, hoverWidth: 1 },
    interaction: {
      hover: true,
      tooltipDelay: 150,
      hideEdgesOnDrag: !data.physics,
      hideEdgesOnZoom: !data.physics,
    },
    physics: data.physics
      ? { enabled: true, solver: "forceAtlas2Based", stabilization: { enabled: true, iterations: 400, fit: true } }
      : { enabled: false },
  };

  const api = { ready: false, data: data };
  window.graphkit = api;
  const network = new vis.Network(byId("graph"), { nodes: nodesView, edges: edgesView }, options);
  api.network = network;

  // Positions go into the data set, so an actor hidden by a filter comes back where it was.
  function keepPositions(ids) {
    const positions = network.getPositions(ids);
    nodes.update(Object.entries(positions).map(([id, p]) => ({ id: id, x: p.x, y: p.y })));
  }

  // At every zoom, labels go to the actors with most contacts whose labels do not overlap one another on
  // screen, at LABEL_PX; the others get a label too small to be drawn (under drawThreshold) until a zoom
  // leaves room for them. So a graph of hundreds of actors shows its main actors named, in letters one
  // can read, and more names as one zooms in.
  const labelSize = new Map(data.nodes.map((n) => [n.id, LABEL_PX]));
  const measure = document.createElement("canvas").getContext("2d");
  measure.font = LABEL_PX + "px arial"; // vis-network's default face
  // The radius vis-network gives a node: scaling.min to scaling.max, linear in its value (see options).
  const values = data.nodes.map((n) => Math.max(1, n.contacts));
  const [lowest, highest] = [Math.min(...values), Math.max(...values)];
  function radius(n) {
    const share = highest === lowest ? 0.5 : (Math.max(1, n.contacts) - lowest) / (highest - lowest);
    return NODE_MIN + (NODE_MAX - NODE_MIN) * share;
  }

  function placeLabels() {
    const scale = network.getScale();
    const ids = nodesView.getIds();
    const positions = network.getPositions(ids);
    const ranked = ids.map((id) => nodeById.get(id)).sort((a, b) => b.contacts - a.contacts || (a.label < b.label ? -1 : 1));
    const boxes = [];
    const chosen = new Set();
    const frame = byId("graph").getBoundingClientRect();
    for (const n of ranked) {
      if (chosen.size >= MAX_LABELS) break;
      const p = network.canvasToDOM(positions[n.id]);
      const half = measure.measureText(n.label).width / 2 + 2;
      // vis-network draws the label under the node's shape, whose radius follows the number of contacts
      const top = p.y + radius(n) * scale;
      const box = [p.x - half, top, p.x + half, top + 1.6 * LABEL_PX];
      if (box[2] < 0 || box[0] > frame.width || box[3] < 0 || box[1] > frame.height) continue;
      if (boxes.some((b) => b[0] < box[2] && box[0] < b[2] && b[1] < box[3] && box[1] < b[3])) continue;
      boxes.push(box);
      chosen.add(n.id);
    }
    const changed = [];
    for (const n of data.nodes) {
      const size = chosen.has(n.id) ? LABEL_PX / scale : 1;
      if (labelSize.get(n.id) !== size) {
        labelSize.set(n.id, size);
        changed.push({ id: n.id, font: { size: size } });
      }
    }
    if (changed.length) nodes.update(changed);
  }
  let zoomTimer = null;
  network.on("zoom", () => {
    clearTimeout(zoomTimer);
    zoomTimer = setTimeout(placeLabels, 150);
  });
  network.on("dragEnd", (params) => {
    if (params.nodes.length) keepPositions(params.nodes);
    else placeLabels();
  });

  function markReady() {
    placeLabels();
    api.ready = true;
    document.body.dataset.ready = "true";
  }
  if (data.physics && data.nodes.length) {
    // Stop the simulation once settled: nodes stay where the user drags them and the CPU rests.
    network.once("stabilizationIterationsDone", () => {
      network.setOptions({ physics: { enabled: false } });
      keepPositions(nodesView.getIds());
      network.fit();
      markReady();
    });
  } else {
    network.fit();
    markReady();
  }

  network.on("click", (params) => {
    if (params.nodes.length) showDetails(detailsOf(params.nodes[0]));
    else if (params.edges.length) showDetails(edgeTip(edgeById.get(params.edges[0])));
  });

  checkboxes("kinds", "kind", data.kinds, state.kinds, (k) => lineSwatch(k.color, false));
  checkboxes("statuses", "status", data.statuses, state.statuses, (s) => lineSwatch("#444", s.dashes));
  legend();
  setupPeriod();
  setupSearch();
  update();

  // For scripts and tests: what is on screen, and the search the box runs.
  api.visibleEdges = () => edgesView.getIds().map((id) => edgeById.get(id));
  api.visibleNodes = () => nodesView.getIds();
  api.visibleEvents = () => new Set(api.visibleEdges().map((e) => e.event)).size;
  api.counterparts = (id) => contactsOf(id, visibleEdges);
  api.focusActor = focusActor;
})();
