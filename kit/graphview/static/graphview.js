// kit graphview: the one renderer of the explorable citation graph, for the notebook widget (anywidget) and the
// published page. Plain JavaScript, no framework; it draws SVG from the data of kit.graphview.data.graph_data, whose
// layout is computed in Python. Case text is only ever set with textContent or setAttribute, never parsed as HTML.
const SVGNS = "http://www.w3.org/2000/svg";
const DASH = { solid: "", dashed: "6 4", dotted: "2 3" };
const R = 7;
let instances = 0;

function svg(tag, attrs, parent) {
  const e = document.createElementNS(SVGNS, tag);
  for (const k in attrs) { e.setAttribute(k, attrs[k]); }
  if (parent) { parent.appendChild(e); }
  return e;
}

function tag(name, attrs, parent, text) {
  const e = document.createElement(name);
  for (const k in attrs) { e.setAttribute(k, attrs[k]); }
  if (text !== undefined) { e.textContent = text; }
  if (parent) { parent.appendChild(e); }
  return e;
}

function nodeShape(g, n) {
  if (n.kind === "source") {
    return svg("rect", { class: "kgv-shape", x: -R, y: -R, width: 2 * R, height: 2 * R, fill: n.colour }, g);
  }
  return svg("circle", { class: "kgv-shape", r: R, fill: n.colour }, g);
}

// An edge from the citing claim to what it cites: a quadratic curve, bent more for each further edge of the pair.
// A long edge is drawn as two stubs (out of the citing claim, into what it cites) until it is traced: a dashed line
// thousands of pixels long costs seconds to paint, and a graph of thousands of them is a hairball anyway.
const LONG = 1400, STUB = 70;
function edgePath(a, b, bend) {
  const dx = b.x - a.x, dy = b.y - a.y, len = Math.hypot(dx, dy) || 1;
  const cx = (a.x + b.x) / 2 - (dy / len) * bend, cy = (a.y + b.y) / 2 + (dx / len) * bend;
  const ex = b.x - cx, ey = b.y - cy, el = Math.hypot(ex, ey) || 1;
  const sl = Math.hypot(cx - a.x, cy - a.y) || 1;
  const sx = a.x + ((cx - a.x) / sl) * R, sy = a.y + ((cy - a.y) / sl) * R;
  const tx = b.x - (ex / el) * (R + 3), ty = b.y - (ey / el) * (R + 3);
  const f = (v) => v.toFixed(1);
  const full = `M${f(sx)},${f(sy)}Q${f(cx)},${f(cy)} ${f(tx)},${f(ty)}`;
  const box = (pts) => [Math.min(...pts.map((q) => q[0])), Math.min(...pts.map((q) => q[1])),
    Math.max(...pts.map((q) => q[0])), Math.max(...pts.map((q) => q[1]))];
  if (len <= LONG) { return { full, stub: null, boxes: [box([[sx, sy], [cx, cy], [tx, ty]])] }; }
  const pt = (t) => {   // a point of the curve
    const u = 1 - t;
    return [u * u * sx + 2 * u * t * cx + t * t * tx, u * u * sy + 2 * u * t * cy + t * t * ty];
  };
  const s = STUB / len;
  const p = [0, s / 2, s, 1 - s, 1 - s / 2, 1].map(pt);
  const q = p.map((v) => `${f(v[0])},${f(v[1])}`);
  const stub = `M${q[0]}L${q[1]}L${q[2]}M${q[3]}L${q[4]}L${q[5]}`;
  return { full, stub, boxes: [box(p.slice(0, 3)), box(p.slice(3))] };
}

function legend(host, data, prefix) {
  const box = tag("div", { class: "kgv-legend", role: "group", "aria-label": "Legend" }, host);
  const item = (draw, words) => {
    const it = tag("span", { class: "kgv-key" }, box);
    const s = svg("svg", { width: 26, height: 14, viewBox: "0 0 26 14", "aria-hidden": "true", focusable: "false" }, it);
    draw(s);
    tag("span", {}, it, words);
  };
  item((s) => svg("circle", { cx: 13, cy: 7, r: 5.5, fill: "#888" }, s), "claim (colour of its outlet)");
  item((s) => svg("rect", { x: 7.5, y: 1.5, width: 11, height: 11, fill: "#888" }, s), "source");
  for (const k of data.legend.kinds) {
    item((s) => svg("rect", { x: 7, y: 1, width: 12, height: 12, rx: 2, fill: k.colour }, s), k.kind);
  }
  for (const r of data.legend.relations) {
    item((s) => svg("line", { x1: 1, y1: 7, x2: 25, y2: 7, stroke: r.colour, "stroke-width": 2,
      "stroke-dasharray": DASH[r.style] || "" }, s), r.relation.replace("_", " "));
  }
  if (data.legend.uncheckable) {
    item((s) => svg("rect", { x: 7.5, y: 1.5, width: 11, height: 11, fill: "#d62728", class: "kgv-unchecked" }, s),
      "cannot be checked (anonymous, social)");
  }
  item((s) => svg("circle", { cx: 13, cy: 7, r: 5.5, fill: "#bbbbbb", class: "kgv-fallen-key" }, s),
    "discredited, or falls with a discredited source");
  return box;
}

export function draw(host, data, options) {
  const opts = options || {};
  const prefix = `kgv${++instances}`;
  host.textContent = "";
  host.classList.add("kgv");
  const nodes = data.nodes, edges = data.edges;
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const out = nodes.map(() => []), inc = nodes.map(() => []), touch = nodes.map(() => []);
  edges.forEach((e, k) => {
    const a = index.get(e.from), b = index.get(e.to);
    if (a === undefined || b === undefined) { return; }
    e.a = a; e.b = b;
    touch[a].push(k); touch[b].push(k);
    if (e.followed) { out[a].push(k); inc[b].push(k); }
  });
  // a story's step shows only some nodes (off: hidden, not focusable, not traced through); all are on otherwise
  const off = new Uint8Array(nodes.length);

  const bar = tag("div", { class: "kgv-bar", role: "toolbar", "aria-label": "Graph view" }, host);
  const zin = tag("button", { type: "button", "aria-label": "Zoom in", title: "Zoom in" }, bar, "+");
  const zout = tag("button", { type: "button", "aria-label": "Zoom out", title: "Zoom out" }, bar, "\u2212");
  const fit = tag("button", { type: "button", title: "Show the whole graph", "aria-label": "Fit: show the whole graph" },
    bar, "Fit");
  const reset = tag("button", { type: "button", title: "Back to full size", "aria-label": "1:1: back to full size" },
    bar, "1:1");
  tag("span", { class: "kgv-hint" }, bar, opts.hint ||
    "Hover or Tab to a node for its words. Click or Enter traces it; Esc clears. Drag to pan, wheel to zoom.");
  const stage = tag("div", { class: "kgv-stage" }, host);
  // the stage's size, read here, before the drawing is in it (reading it later lays out thousands of nodes: 90 ms
  // at 2,000 claims), then kept: the heights are set here, and a resize reports the new size
  let cw = stage.clientWidth, ch = 0;
  const root = svg("svg", { class: "kgv-svg", role: "group", "aria-label": data.summary }, stage);
  const defs = svg("defs", {}, root);
  const colours = [...new Set(edges.map((e) => e.colour))];
  const marker = new Map();
  colours.forEach((c, i) => {
    const m = svg("marker", { id: `${prefix}-arrow${i}`, viewBox: "0 0 10 10", refX: 8, refY: 5, markerWidth: 7,
      markerHeight: 7, orient: "auto-start-reverse", markerUnits: "userSpaceOnUse" }, defs);
    svg("path", { d: "M0,0L10,5L0,10z", fill: c }, m);
    marker.set(c, `url(#${prefix}-arrow${i})`);
  });
  const tip = tag("div", { class: "kgv-tip", role: "tooltip", id: `${prefix}-tip`, hidden: "" }, stage);
  const status = tag("div", { class: "kgv-status", "aria-live": "polite" }, host);
  legend(host, data, prefix);

  // ---- the drawing: dates, lanes, edges, nodes (one DocumentFragment: one layout for thousands of nodes)
  const frag = document.createDocumentFragment();
  const gTicks = svg("g", { class: "kgv-ticks", "aria-hidden": "true" }, frag);
  const tickEls = data.ticks.map((t) => {
    const line = svg("line", { x1: t.x, x2: t.x, y1: t.label.y + t.label.h, y2: data.height - 8, class: "kgv-tickline" }, gTicks);
    const tx = svg("text", { x: t.x, y: t.label.y + t.label.h / 2, "text-anchor": "middle" }, gTicks);
    tx.textContent = t.text;
    return [line, tx];
  });
  const gLanes = svg("g", { class: "kgv-lanes", "aria-hidden": "true" }, frag);
  const laneEls = new Map();
  for (const l of data.lanes) {
    const tx = svg("text", { x: l.label.x + l.label.w, y: l.y, "text-anchor": "end" }, gLanes);
    tx.textContent = l.label.text;
    laneEls.set(l.name, tx);
  }
  const laneList = data.lanes.map((l) => laneEls.get(l.name));
  const gEdges = svg("g", { class: "kgv-edges", "aria-hidden": "true" }, frag);
  // every edge's path is computed now; its element is made when it first comes near the view (or is traced):
  // thousands of elements nobody sees would cost most of the first draw
  const pairCount = new Map(), longPaths = new Map(), edgeBoxes = [], edgePaths = [];
  edges.forEach((e) => {
    if (e.a === undefined) { edgeBoxes.push([]); edgePaths.push(null); return; }
    const key = e.a < e.b ? `${e.a} ${e.b}` : `${e.b} ${e.a}`;
    const k = pairCount.get(key) || 0;
    pairCount.set(key, k + 1);
    const a = nodes[e.a], b = nodes[e.b];
    const bend = 14 + 16 * k + (Math.abs(a.y - b.y) < 1 ? 0.12 * Math.abs(a.x - b.x) : 0);   // along a lane: clear of its nodes
    const path = edgePath(a, b, k % 2 ? -bend : bend);
    edgeBoxes.push(path.boxes);
    edgePaths.push(path);
  });
  const edgeEls = edges.map(() => null);
  function edgeEl(k) {
    if (!edgeEls[k] && edgePaths[k]) {
      const e = edges[k], path = edgePaths[k];
      const p = svg("path", { d: path.stub || path.full, stroke: e.colour, "stroke-dasharray": DASH[e.style] || "",
        "marker-end": marker.get(e.colour), class: path.stub ? "kgv-edge kgv-long" : "kgv-edge" }, gEdges);
      if (off[e.a] || off[e.b]) { p.classList.add("kgv-off"); }
      if (path.stub) { longPaths.set(p, path); }
      edgeEls[k] = p;
    }
    return edgeEls[k];
  }
  // tabindex -1: Chromium puts a group of focusable SVG elements in the Tab order itself (an unnamed stop)
  const gNodes = svg("g", { class: "kgv-nodes", tabindex: -1 }, frag);
  // every node is a focusable element now (Tab reaches each); its circle and label are made when it first comes
  // near the view
  const nodeEls = nodes.map((n, i) => {
    const g = svg("g", { class: `kgv-node kgv-${n.kind}`, transform: `translate(${n.x},${n.y})`, tabindex: 0,
      role: "button", "aria-label": n.aria, "aria-pressed": "false", "data-id": n.id, "data-i": i }, gNodes);
    if (n.uncheckable) { g.classList.add("kgv-uncheckable"); }
    return g;
  });
  const built = new Uint8Array(nodes.length);
  const labelEls = nodes.map(() => null);
  function build(i) {
    const n = nodes[i], g = nodeEls[i];
    svg("circle", { class: "kgv-ring", r: R + 4 }, g);
    nodeShape(g, n);
    const b = n.box;
    const anchorX = n.kind === "source" ? b[0] + b[2] : b[0] + b[2] / 2;
    const t = svg("text", { x: (anchorX - n.x).toFixed(1), y: (b[1] + b[3] / 2 - n.y).toFixed(1),
      "text-anchor": n.kind === "source" ? "end" : "middle", class: "kgv-label", "aria-hidden": "true" }, g);
    t.textContent = n.label;
    labelEls[i] = t;
    built[i] = 1;
  }
  // tracing draws a veil over everything, then copies of the lit nodes and edges above it: the cost of a click
  // grows with the lineage, not with the graph
  const veil = svg("rect", { class: "kgv-veil", x: data.left - 4000, y: -4000, width: data.width + 8000,
    height: data.height + 8000, display: "none" }, frag);
  const gLit = svg("g", { class: "kgv-litlayer", "aria-hidden": "true" }, frag);
  root.appendChild(frag);

  // ---- zoom and pan: the viewBox follows {x, y, k} (k screen px per unit)
  const view = { x: data.left, y: 0, k: 1 };
  const size = () => [cw || 600, ch || 400];
  // only the edges near the view are drawn (display none elsewhere): painting thousands of edges nobody sees
  // would cost more than everything else together. Nodes all stay, each reachable with Tab.
  // A node far from the view keeps its (empty) focusable element, and gets its circle and label back when near.
  const shown = edgeEls.map(() => false);
  const kids = nodes.map(() => null);
  const nodeBox = nodes.map((n) => [Math.min(n.x - R - 4, n.box[0]), Math.min(n.y - R - 4, n.box[1]),
    Math.max(n.x + R + 4, n.box[0] + n.box[2]), Math.max(n.y + R + 4, n.box[1] + n.box[3])]);
  function fill(i, on) {
    const g = nodeEls[i];
    if (on && !built[i]) { build(i); }
    else if (on && kids[i]) { g.appendChild(kids[i]); kids[i] = null; }
    else if (!on && built[i] && !kids[i]) {
      const f = document.createDocumentFragment();
      while (g.firstChild) { f.appendChild(g.firstChild); }
      kids[i] = f;
    }
  }
  let culling = 0;
  function cull() {
    if (culling) { cancelAnimationFrame(culling); }
    culling = 0;
    const [w, h] = size();
    const vw = w / view.k, vh = h / view.k;
    const x0 = view.x - vw / 2, x1 = view.x + vw * 1.5, y0 = view.y - vh / 2, y1 = view.y + vh * 1.5;
    nodeBox.forEach((b, i) => fill(i, b[0] <= x1 && b[2] >= x0 && b[1] <= y1 && b[3] >= y0));
    edgeBoxes.forEach((boxes, k) => {
      const on = boxes.some((b) => b[0] <= x1 && b[2] >= x0 && b[1] <= y1 && b[3] >= y0);
      if (on !== shown[k]) {
        shown[k] = on;
        const p = on ? edgeEl(k) : edgeEls[k];
        if (!p) { return; }
        if (on) { p.removeAttribute("display"); } else { p.setAttribute("display", "none"); }
      }
    });
    relabel();
  }
  // ---- labels legible at any zoom: their font keeps >= MIN_PX on screen (scaled by s against the drawing), each
  // label's offset from its node grows with it; where labels would overlap one another or a node, the more important
  // are shown (sources, outlets, dates, the step's new claims, claims with a figure) and the others hidden (a node's
  // words stay in its tooltip and its accessible name). Names too long for the room left are cut at a word with "…".
  // (an outlet's name is bold: about 12 % wider than the regular text kit.graphview.positions estimates)
  const MIN_PX = 10.5, FONT = 11, BOLD = 1.12;
  let labelScale = 0;
  const plain = (t) => t.replace(/[\u2066-\u2069]/g, "");
  function cutTo(full, box, room) {       // the text that fits `room` user units, estimated from the full box
    const bare = plain(full), per = box / Math.max(bare.length, 1);
    let m = Math.floor(room / per) - 1;
    if (m >= bare.length) { return full; }
    if (m < 4) { return null; }
    let cut = bare.slice(0, m);
    const word = cut.slice(0, cut.lastIndexOf(" "));
    if (word.length >= m / 2) { cut = word; }
    cut = cut.replace(/[ ,;:(]+$/, "").replace(/\u2026$/, "") + "\u2026";
    return bare === full ? cut : `\u2068${cut}\u2069`;
  }
  let labelling = 0;
  function relabelSoon() { if (!labelling && !culling) { labelling = requestAnimationFrame(relabel); } }
  function relabel() {
    if (labelling) { cancelAnimationFrame(labelling); }
    labelling = 0;
    const s = Math.max(1, MIN_PX / (FONT * view.k));
    if (s !== labelScale) { root.style.setProperty("--kgv-s", s.toFixed(3)); labelScale = s; }
    const cell = 80 * s, grid = new Map();
    const cells = (b, f) => {
      for (let gx = Math.floor(b[0] / cell); gx <= Math.floor(b[2] / cell); gx++) {
        for (let gy = Math.floor(b[1] / cell); gy <= Math.floor(b[3] / cell); gy++) { if (f(`${gx} ${gy}`)) { return true; } }
      }
      return false;
    };
    const hits = (b) => cells(b, (c) => (grid.get(c) || []).some((o) =>
      !(b[2] <= o[0] || b[0] >= o[2] || b[3] <= o[1] || b[1] >= o[3])));
    const add = (b) => cells(b, (c) => { if (!grid.has(c)) { grid.set(c, []); } grid.get(c).push(b); return false; });
    const pad = s;
    // the nodes drawn are taken first
    nodes.forEach((n, i) => {
      if (!off[i] && built[i] && !kids[i]) {
        add([n.x - R, n.y - R, n.x + R, n.y + R]);
      }
    });
    // try a label: its box [x0, y0, x1, y1]; `end` labels (names) may be cut to the room left of their right edge
    // (returns the text to show, or null: no room)
    const place = (b, full, wFull, end) => {
      if ((!end || b[0] >= data.left) && !hits([b[0] - pad, b[1], b[2] + pad, b[3]])) { add(b); return full; }
      if (!end) { return null; }
      let left = Math.max(b[0], data.left);
      for (let x = b[2] - 6 * pad; x > b[0]; x -= wFull / Math.max(plain(full).length, 1)) {
        if (hits([x - pad, b[1], b[2] + pad, b[3]])) { left = x + wFull / Math.max(plain(full).length, 1); break; }
      }
      const text = cutTo(full, wFull, b[2] - left);
      if (text === null) { return null; }
      const nb = [b[2] - (wFull * (plain(text).length + 1)) / Math.max(plain(full).length, 1), b[1], b[2], b[3]];
      if (hits([nb[0] - pad, nb[1], nb[2] + pad, nb[3]])) { return null; }
      add(nb);
      return text;
    };
    // the DOM is written only where it changes: a step of a long story re-places every label drawn
    const at = (el, name, v) => { if (el.getAttribute(name) !== v) { el.setAttribute(name, v); } };
    const show = (el, text) => {
      if (text === null) { at(el, "display", "none"); return; }
      if (el.textContent !== text) { el.textContent = text; }
      if (el.hasAttribute("display")) { el.removeAttribute("display"); }
    };
    const nodeLabel = (i) => {
      const n = nodes[i], t = labelEls[i], b = n.box;
      if (!t) { return; }
      if (off[i] || kids[i]) { show(t, null); return; }
      // the box grows away from its node: the side nearest the node stays where positions put it
      const end = n.kind === "source", bw = b[2] * s, bh = b[3] * s;
      const gx = b[0] > n.x ? 1 : (b[0] + b[2] < n.x ? -1 : 0), gy = b[1] > n.y ? 1 : (b[1] + b[3] < n.y ? -1 : 0);
      const cx = b[0] + b[2] / 2 + (gx * (bw - b[2])) / 2, cy = b[1] + b[3] / 2 + (gy * (bh - b[3])) / 2;
      const box = [cx - bw / 2, cy - bh / 2, cx + bw / 2, cy + bh / 2];
      at(t, "x", ((end ? box[2] : cx) - n.x).toFixed(1)); at(t, "y", (cy - n.y).toFixed(1));
      show(t, place(box, n.label, bw, end));
    };
    // sources, then the outlets' names, the dates, the step's new claims, claims with a figure, the rest
    nodes.forEach((n, i) => { if (n.kind === "source") { nodeLabel(i); } });
    data.lanes.forEach((l, k) => {
      const el = laneList[k], bw = l.label.w * s * BOLD, bh = l.label.h * s, r = l.label.x + l.label.w;
      show(el, el.classList.contains("kgv-off") ? null : place([r - bw, l.y - bh / 2, r, l.y + bh / 2], l.label.text, bw, true));
    });
    data.ticks.forEach((t, k) => {
      const [line, el] = tickEls[k], bw = t.label.w * s, y0 = t.label.y * s, bh = t.label.h * s;
      at(el, "y", (y0 + bh / 2).toFixed(1));
      at(line, "y1", (y0 + bh).toFixed(1));
      show(el, place([t.x - bw / 2, y0, t.x + bw / 2, y0 + bh], t.text, bw, false));
    });
    const rank = (i) => (nodeEls[i].classList.contains("kgv-new") ? 0 : nodes[i].figure ? 1 : 2);
    const claimsOn = [];
    nodes.forEach((n, i) => { if (n.kind === "claim" && labelEls[i]) { claimsOn.push(i); } });
    claimsOn.sort((a, b) => rank(a) - rank(b) || nodes[b].x - nodes[a].x);
    claimsOn.forEach(nodeLabel);
    // the lit lineage's copies (above the veil) follow their nodes' labels
    for (const c of gLit.querySelectorAll("[data-copy-of]")) {
      const j = index.get(c.getAttribute("data-copy-of")), t = c.querySelector("text"), o = labelEls[j];
      if (!t || !o) { continue; }
      for (const a of ["x", "y", "display"]) { if (o.hasAttribute(a)) { t.setAttribute(a, o.getAttribute(a)); } else { t.removeAttribute(a); } }
      t.textContent = o.textContent;
    }
  }
  function apply() {
    const [w, h] = size();
    root.setAttribute("width", w);
    root.setAttribute("height", h);
    root.setAttribute("viewBox", `${view.x.toFixed(1)} ${view.y.toFixed(1)} ${(w / view.k).toFixed(1)} ${(h / view.k).toFixed(1)}`);
    if (!culling) { culling = requestAnimationFrame(cull); }
  }
  function zoom(f, px, py) {
    touched = true;
    const [w, h] = size();
    const cx = px === undefined ? w / 2 : px, cy = py === undefined ? h / 2 : py;
    const k = Math.min(4, Math.max(0.05, view.k * f));
    view.x += cx / view.k - cx / k;
    view.y += cy / view.k - cy / k;
    view.k = k;
    apply();
  }
  function fitAll() {
    touched = true;
    const [w, h] = size();
    view.k = Math.min(1, w / data.width, h / data.height);
    view.x = data.left; view.y = 0;
    apply();
  }
  const most = opts.height || Math.max(260, window.innerHeight * 0.7);
  const least = opts.height ? Math.min(240, opts.height) : 0;
  if (least) { stage.style.minHeight = `${least}px`; }  // a small view asked for
  const setHeight = (px) => { stage.style.height = `${Math.round(px)}px`; ch = Math.max(Math.round(px), least); };
  // first view: the whole graph when it fits at 60 % or more (at 40 % in a story's pane, which has the
  // drawing of every step to show); at 60 % when that is at most 2.5 screens wide (a phone); else its start.
  // Made again when the view first gets its width (a widget is drawn before it is on the page: no width yet),
  // or a new one, until the reader zooms or pans.
  let firstWidth = 0, touched = false;
  function firstView() {
    setHeight(Math.min(data.height + 6, most));
    const [w, h] = size();
    firstWidth = cw;
    const fitK = Math.min(1, w / data.width, h / data.height);
    const smallest = opts.height ? 0.4 : 0.6;
    view.k = fitK >= smallest ? fitK : (data.width * 0.6 <= 2.5 * w ? 0.6 : 1);
    view.x = data.left; view.y = 0;
    setHeight(Math.min(data.height * view.k + 6, most));
  }
  firstView();
  apply();
  cull();
  zin.addEventListener("click", () => zoom(1.25));
  zout.addEventListener("click", () => zoom(0.8));
  fit.addEventListener("click", fitAll);
  reset.addEventListener("click", () => { touched = true; view.k = 1; view.x = data.left; view.y = 0; apply(); });
  root.addEventListener("wheel", (e) => {
    e.preventDefault();
    const r = root.getBoundingClientRect();
    zoom(Math.exp(-e.deltaY * 0.0015), e.clientX - r.left, e.clientY - r.top);
  }, { passive: false });
  let drag = null, dragged = false;
  root.addEventListener("pointerdown", (e) => {
    if (e.button !== 0) { return; }
    drag = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y, id: e.pointerId };
    dragged = false;
  });
  root.addEventListener("pointermove", (e) => {
    if (!drag || e.pointerId !== drag.id) { return; }
    const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (!dragged && Math.hypot(dx, dy) < 4) { return; }
    if (!dragged) { dragged = touched = true; root.setPointerCapture(e.pointerId); root.classList.add("kgv-dragging"); }
    view.x = drag.vx - dx / view.k; view.y = drag.vy - dy / view.k;
    apply();
  });
  const endDrag = () => { drag = null; root.classList.remove("kgv-dragging"); };
  root.addEventListener("pointerup", endDrag);
  root.addEventListener("pointercancel", endDrag);
  let resizer = null;
  const resized = (entries) => {
    const r = entries[entries.length - 1].contentRect;  // no layout forced: the observer has the size
    cw = r.width; ch = r.height;
    if (!touched && cw && cw !== firstWidth) { firstView(); }
    apply();
  };
  if (typeof ResizeObserver !== "undefined") { resizer = new ResizeObserver(resized); resizer.observe(stage); }

  // ---- the tooltip: the claim's words, outlet, date, figure and grade (text only)
  let tipFor = -1;
  function showTip(i) {
    const n = nodes[i];
    tip.textContent = "";
    tag("strong", {}, tip, n.kind === "claim" ? `${n.outlet} \u00b7 ${n.date}` : n.outlet);
    if (n.words) { tag("span", { class: "kgv-words" }, tip, `\u201c${n.words}\u201d`); }
    const facts = n.kind === "claim"
      ? [n.figure || "no figure", n.certainty, n.grade].filter(Boolean).join(" \u00b7 ")
      : [n.source_kind, n.grade, n.uncheckable ? "cannot be checked by a reader" : ""].filter(Boolean).join(" \u00b7 ");
    tag("span", { class: "kgv-facts" }, tip, facts);
    if (n.kind === "claim" && data.proposition && n.proposition && n.proposition !== data.proposition) {
      tag("span", { class: "kgv-facts" }, tip, `about another question: ${n.proposition.replace(/[_-]+/g, " ")}`);
    }
    if (fallenNow.has(i)) { tag("span", { class: "kgv-facts kgv-warn" }, tip, n.kind === "claim"
      ? "loses all support: every origin is discredited" : "discredited"); }
    tip.hidden = false;
    const sr = stage.getBoundingClientRect(), nr = nodeEls[i].getBoundingClientRect();
    const tw = tip.offsetWidth, th = tip.offsetHeight;
    const left = Math.max(4, Math.min(sr.width - tw - 4, (nr.left + nr.right) / 2 - sr.left - tw / 2));
    let top = nr.bottom - sr.top + 8;                       // below the node, else above it
    if (top + th > sr.height - 4) { top = Math.max(4, nr.top - sr.top - th - 8); }
    tip.style.left = `${left}px`; tip.style.top = `${top}px`;
    if (tipFor >= 0 && tipFor !== i) { nodeEls[tipFor].removeAttribute("aria-describedby"); }
    nodeEls[i].setAttribute("aria-describedby", tip.id);
    tipFor = i;
  }
  function hideTip() {
    tip.hidden = true;
    if (tipFor >= 0) { nodeEls[tipFor].removeAttribute("aria-describedby"); }
    tipFor = -1;
  }

  // ---- tracing: a claim lights its lineage (followed supporting citations, down to its origins); a source
  // lights the claims resting on it. Everything else is dimmed.
  let selected = -1;
  const lit = { nodes: new Set(), edges: new Set() };
  function walk(i, forward) {
    const seen = new Set([i]), used = new Set(), todo = [i];
    while (todo.length) {
      const j = todo.pop();
      for (const k of (forward ? out[j] : inc[j])) {
        const m = forward ? edges[k].b : edges[k].a;
        if (off[m]) { continue; }
        used.add(k);
        if (!seen.has(m)) { seen.add(m); todo.push(m); }
      }
    }
    return { nodes: seen, edges: used };
  }
  function clear() {
    for (const i of lit.nodes) { nodeEls[i].classList.remove("kgv-lit"); }
    lit.nodes = new Set(); lit.edges = new Set();
    gLit.textContent = "";
    veil.setAttribute("display", "none");
    if (selected >= 0) { nodeEls[selected].setAttribute("aria-pressed", "false"); }
    selected = -1;
    status.textContent = "";
    if (opts.onSelect) { opts.onSelect(""); }
  }
  const names = (ids) => ids.map((id) => nodes[index.get(id)] ? nodes[index.get(id)].outlet : id);
  function select(i) {
    const again = i === selected;
    clear();
    if (again) { return; }
    const n = nodes[i];
    const w = walk(i, n.kind === "claim");
    lit.nodes = w.nodes; lit.edges = w.edges;
    selected = i;
    nodeEls[i].setAttribute("aria-pressed", "true");
    const layer = document.createDocumentFragment();
    for (const k of lit.edges) {
      const p = edgeEl(k);
      if (!p) { continue; }
      const c = p.cloneNode(false);
      c.setAttribute("class", "kgv-edge kgv-lit");
      if (longPaths.has(p)) { c.setAttribute("d", longPaths.get(p).full); }
      layer.appendChild(c);
    }
    for (const j of lit.nodes) {
      fill(j, true);
      nodeEls[j].classList.add("kgv-lit");
      const c = nodeEls[j].cloneNode(true);
      for (const a of ["tabindex", "role", "aria-label", "aria-pressed", "aria-describedby", "data-i", "data-id"]) {
        c.removeAttribute(a);
      }
      c.setAttribute("data-copy-of", nodes[j].id);
      layer.appendChild(c);
    }
    gLit.appendChild(layer);
    veil.removeAttribute("display");
    status.textContent = "";
    if (n.kind === "claim") {
      const o = n.origins || [];
      tag("p", {}, status, `Traced: ${n.aria}. It rests on ${o.length === 1 ? "1 origin" : o.length + " origins"}`
        + (o.length ? `: ${names(o).join(", ")}.` : "."));
    } else {
      const resting = [...lit.nodes].filter((j) => j !== i && nodes[j].kind === "claim").length;
      tag("p", {}, status, `${n.outlet}: ${resting === 1 ? "1 claim rests" : resting + " claims rest"} on it here, `
        + "directly or through other claims.");
      const on = discredited.has(n.id);
      const b = tag("button", { type: "button", class: "kgv-discredit", "aria-pressed": on ? "true" : "false" }, status,
        on ? `Trust ${n.outlet} again` : `What if ${n.outlet} is discredited?`);
      b.addEventListener("click", () => { toggleDiscredit(n.id); select(i); select(i); });
    }
    if (opts.onSelect) { opts.onSelect(n.id); }
  }

  // ---- discredited sources, and the claims whose every origin is discredited, greyed
  const discredited = new Set(data.discredited || []);
  let fallenNow = new Set();
  function regrey() {
    for (const i of fallenNow) { nodeEls[i].classList.remove("kgv-fallen"); }
    fallenNow = new Set();
    nodes.forEach((n, i) => {
      const o = n.origins || [];
      if ((n.kind === "source" && discredited.has(n.id)) || (n.kind === "claim" && o.length && o.every((s) => discredited.has(s)))) {
        fallenNow.add(i); nodeEls[i].classList.add("kgv-fallen");
      }
    });
  }
  function toggleDiscredit(id) {
    if (discredited.has(id)) { discredited.delete(id); } else { discredited.add(id); }
    regrey();
    if (opts.onDiscredit) { opts.onDiscredit([...discredited]); }
  }
  regrey();

  // ---- events on the nodes (delegated: one listener each, for thousands of nodes)
  const which = (e) => {
    const g = e.target.closest ? e.target.closest(".kgv-node") : null;
    return g ? Number(g.getAttribute("data-i")) : -1;
  };
  // the tooltip is the hovered node's while the pointer is on it, else the node focused from the keyboard
  // (:focus-visible): a click focuses its node too, but the tip leaves with the pointer, off the lit lineage
  const keyFocused = (i) => document.activeElement === nodeEls[i] && nodeEls[i].matches(":focus-visible");
  gNodes.addEventListener("pointerover", (e) => { const i = which(e); if (i >= 0) { showTip(i); } });
  gNodes.addEventListener("pointerout", (e) => {
    const i = which(e);
    if (i < 0 || i !== tipFor) { return; }
    const f = nodeEls.findIndex((g) => g === document.activeElement);
    if (f >= 0 && keyFocused(f)) { showTip(f); } else { hideTip(); }
  });
  gNodes.addEventListener("focusin", (e) => {
    const i = which(e);
    if (i < 0) { return; }
    const [w, h] = size(), n = nodes[i];
    const sx = (n.x - view.x) * view.k, sy = (n.y - view.y) * view.k;
    if (sx < 20 || sy < 20 || sx > w - 20 || sy > h - 20) {  // keep the focused node in view
      touched = touched || cw > 0;
      view.x = n.x - w / (2 * view.k); view.y = n.y - h / (2 * view.k); apply();
    }
    cull();
    if (keyFocused(i)) { showTip(i); }
  });
  gNodes.addEventListener("focusout", () => { if (!gNodes.matches(":hover")) { hideTip(); } });
  gNodes.addEventListener("click", (e) => {
    if (dragged) { dragged = false; return; }
    const i = which(e);
    if (i >= 0) { select(i); }
  });
  host.addEventListener("keydown", (e) => {
    const i = which(e);
    const pan = { ArrowLeft: [-60, 0], ArrowRight: [60, 0], ArrowUp: [0, -60], ArrowDown: [0, 60] }[e.key];
    if (e.key === "Escape") { clear(); hideTip(); }
    else if ((e.key === "Enter" || e.key === " ") && i >= 0) { select(i); showTip(i); }
    else if (pan && (i >= 0 || e.target === root)) {
      touched = true; view.x += pan[0] / view.k; view.y += pan[1] / view.k; apply();
    }
    else if ((e.key === "+" || e.key === "=") && i >= 0) { zoom(1.25); }
    else if (e.key === "-" && i >= 0) { zoom(0.8); }
    else { return; }
    e.preventDefault();
    e.stopPropagation();   // the page's own arrow keys (step through the story) stay out of the graph
  });

  // ---- a story's step: which nodes are on (by index), which are new and which is newest (ringed)
  let marked = [];
  function showStep(add, drop, fresh, newest) {
    if (selected >= 0) { clear(); }
    hideTip();
    const changed = new Set();
    for (const i of drop) { if (!off[i]) { off[i] = 1; nodeEls[i].classList.add("kgv-off"); changed.add(i); } }
    for (const i of add) { if (off[i]) { off[i] = 0; nodeEls[i].classList.remove("kgv-off"); changed.add(i); } }
    for (const i of changed) {
      for (const k of touch[i]) {
        const p = edgeEls[k];
        if (p) { p.classList.toggle("kgv-off", Boolean(off[edges[k].a] || off[edges[k].b])); }
      }
    }
    for (const i of marked) { nodeEls[i].classList.remove("kgv-new", "kgv-newest"); }
    marked = [...fresh];
    for (const i of marked) { nodeEls[i].classList.add("kgv-new"); }
    if (newest >= 0) { nodeEls[newest].classList.add("kgv-newest"); marked.push(newest); }
    if (newest >= 0) {                  // the newest claim in view (the zoom kept): a long story moves along
      const [w, h] = size(), nd = nodes[newest], m = 30 / view.k;
      // as little as brings it 30 px inside, never past the drawing's edges (a drawing that fits stays whole:
      // centring on a claim near its edge used to push half the story out of view)
      const along = (at, p, span, lo, len) => {
        const want = p < at + m ? p - m : (p > at + span - m ? p - span + m : at);
        return Math.max(Math.min(lo, lo + len - span), Math.min(want, Math.max(lo, lo + len - span)));
      };
      const x = along(view.x, nd.x, w / view.k, data.left, data.width);
      const y = along(view.y, nd.y, h / view.k, 0, data.height);
      if (Math.abs(x - view.x) > 0.5 || Math.abs(y - view.y) > 0.5) {
        touched = touched || cw > 0;  // (on the page: not before it has its width)
        view.x = x; view.y = y; apply();
      }
    }
    if (changed.size) {
      const on = new Set();
      nodes.forEach((n, i) => { if (!off[i] && n.kind === "claim") { on.add(n.outlet); } });
      for (const [name, el] of laneEls) { el.classList.toggle("kgv-off", !on.has(name)); }
    }
    relabelSoon();   // (in the frame's cull when the view moved)
  }
  function hideAll() { showStep([], nodes.map((_, i) => i), [], -1); }

  return {
    select: (id) => { if (index.has(id)) { select(index.get(id)); } },
    // trace `id` (or clear for ""), without toggling: the widget's `selected`, set from Python (the ClaimTracer)
    trace: (id) => {
      if (!id) { if (selected >= 0) { clear(); } return; }
      if (index.has(id) && index.get(id) !== selected) { select(index.get(id)); }
    },
    clear, fit: fitAll, zoom, showStep, hideAll,
    setDiscredited: (ids) => {
      discredited.clear();
      for (const id of ids || []) { discredited.add(id); }
      regrey();
      if (selected >= 0) { const i = selected; select(i); select(i); }  // the lit copies greyed too
    },
    destroy: () => {
      if (resizer) { resizer.disconnect(); }
      if (culling) { cancelAnimationFrame(culling); }
      if (labelling) { cancelAnimationFrame(labelling); }
      host.textContent = "";
    },
  };
}


// ---- the figure over time: every claim of the story with a figure, as the timeline of kit.show draws it
// (▲ at least, ▼ at most, ● a figure, a bar for a range, a line for an uncertain date); claims not yet told faded
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAY = 86400000;
const dayWords = (ms) => { const d = new Date(ms); return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`; };
const symlog = (v) => Math.sign(v) * Math.log10(1 + Math.abs(v));

// at most 6 ticks: days ("13 Feb") over two months at most, else month starts ("Mar 2018"), else years
function timeTicks(t0, t1) {
  const days = (t1 - t0) / DAY, out = [];
  if (days <= 62) {
    const every = [1, 2, 3, 7, 14].find((d) => days / d <= 6) || 14;
    for (let t = Math.ceil(t0 / DAY) * DAY; t <= t1; t += every * DAY) { out.push([t, dayWords(t)]); }
    return out;
  }
  const months = days / 30.44, every = [1, 2, 3, 6, 12, 24, 60].find((m) => months / m <= 6) || 120;
  const a = new Date(t0);
  let y = a.getUTCFullYear(), m = a.getUTCMonth() + 1;
  for (;;) {
    if (m > 11) { y += Math.floor(m / 12); m %= 12; }
    const t = Date.UTC(y, m, 1);
    if (t > t1) { break; }
    if ((y * 12 + m) % every === 0) { out.push([t, every >= 12 ? `${y}` : `${MONTHS[m]} ${y}`]); }
    m += 1;
  }
  return out;
}

function timeline(host, T) {
  const W = 460, H = 330, L = 44, RM = 14, TM = 40, BM = 28;
  const root = svg("svg", { class: "kst-time", viewBox: `0 0 ${W} ${H}`, role: "img" }, host);
  const vals = [];
  for (const c of T.claims) { if (c.low !== null) { vals.push(c.low); } if (c.high !== null) { vals.push(c.high); } }
  const ylo = Math.min(0, ...vals.map(symlog)), yhi = Math.max(1, ...vals.map(symlog)) * 1.08;
  const span = Math.max(T.t1 - T.t0, DAY);
  const X = (t) => L + ((t - T.t0) / span) * (W - L - RM);
  const Y = (v) => H - BM - ((symlog(v) - ylo) / (yhi - ylo)) * (H - BM - TM);
  const axes = svg("g", { class: "kst-axes", "aria-hidden": "true" }, root);
  for (let p = 0; symlog(p ? 10 ** (p - 1) : 0) <= yhi; p++) {   // 0, 1, 10, 100, ...
    const v = p ? 10 ** (p - 1) : 0, y = Y(v);
    svg("line", { x1: L, x2: W - RM, y1: y, y2: y, class: "kst-grid" }, axes);
    svg("text", { x: L - 5, y, "text-anchor": "end" }, axes).textContent = v >= 1e6 ? `${v / 1e6}M` : v >= 1e4 ? `${v / 1e3}k` : `${v}`;
  }
  for (const [t, words] of timeTicks(T.t0, T.t1)) {
    svg("line", { x1: X(t), x2: X(t), y1: H - BM, y2: H - BM + 4, class: "kst-tick" }, axes);
    svg("text", { x: X(t), y: H - BM + 14, "text-anchor": "middle" }, axes).textContent = words;
  }
  svg("line", { x1: L, x2: W - RM, y1: H - BM, y2: H - BM, class: "kst-axis" }, axes);
  T.title.split("\n").forEach((line, k) => {             // a title of two lines, the key on the second
    svg("text", { x: 4, y: 9 + 13 * k, class: k ? "kst-key" : "kst-ttl" }, axes).textContent = line;
  });
  const marks = svg("g", { class: "kst-marks", "aria-hidden": "true" }, root);
  // one path a claim (its marks and bar filled in its colour; an uncertain date's span a second, dashed path):
  // thousands of claims stay a few thousand elements
  const tri = (x, y, up) => (up ? `M${x - 5},${y + 4}L${x + 5},${y + 4}L${x},${y - 5}z` : `M${x - 5},${y - 4}L${x + 5},${y - 4}L${x},${y + 5}z`);
  const dot = (x, y, r) => `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0z`;
  const f1 = (v) => Math.round(v * 10) / 10;
  const els = T.claims.map((c) => {
    const x = f1(X(c.t));
    let d = "";
    if (c.low !== null && c.high !== null && c.high !== c.low) {
      const y1 = f1(Y(c.high)), y2 = f1(Y(c.low));
      d += `M${x - 1.5},${y1}h3V${y2}h-3z`;                    // the range, a bar
    }
    if (c.low !== null && c.high === null) { d += tri(x, f1(Y(c.low)), true); }
    else if (c.high !== null && c.low === null) { d += tri(x, f1(Y(c.high)), false); }
    else if (c.high === c.low) { d += dot(x, f1(Y(c.low)), 4.5); }
    else { d += dot(x, f1(Y(c.low)), 3.5) + dot(x, f1(Y(c.high)), 3.5); }
    const mark = svg("path", { d, fill: c.colour, class: "kst-mark" }, marks);
    if (c.t2 !== null && c.t2 - c.t >= 3600000) {
      const y = f1(Y(c.low !== null ? c.low : c.high));
      return [mark, svg("path", { d: `M${x},${y}H${f1(X(c.t2))}`, stroke: c.colour, class: "kst-mark kst-span" }, marks)];
    }
    return [mark];
  });
  const labels = svg("g", { class: "kst-labels", "aria-hidden": "true" }, root);
  const now = svg("g", { class: "kst-now", "aria-hidden": "true" }, root);
  const nowLine = svg("line", { y1: TM - 4, y2: H - BM, class: "kst-nowline" }, now);
  const nowText = svg("text", { y: TM + 6 }, now);
  const byNode = new Map(T.claims.map((c, k) => [c.i, k]));
  return {
    // shown: a Set of node indices; fresh: those new at this step; now: the step's day (ms), its words
    set(shown, fresh, now, words, alt) {
      root.setAttribute("aria-label", alt);
      T.claims.forEach((c, k) => {
        const faded = !shown.has(c.i);
        if (faded !== (els[k][0].getAttribute("class") !== "kst-mark")) {
          for (const e of els[k]) { e.classList.toggle("kst-faded", faded); }
        }
      });
      labels.textContent = "";
      const boxes = [];
      const free = (b) => b[0] >= L && b[2] <= W - 2 && b[1] >= TM && b[3] <= H - BM
        && boxes.every((o) => b[2] < o[0] || b[0] > o[2] || b[3] < o[1] || b[1] > o[3]);
      // the marks themselves are taken; then labels, the new ones first (at most 30)
      for (const c of T.claims) {
        if (!shown.has(c.i)) { continue; }
        const lo = Y(c.high !== null ? c.high : c.low), hi = Y(c.low !== null ? c.low : c.high);
        boxes.push([X(c.t) - 6, lo - 6, X(c.t2 !== null ? Math.max(c.t, c.t2) : c.t) + 6, hi + 6]);
      }
      // "now" beside its line where no mark is (it once sat on the highest figure's mark and label), then kept free
      const x = Math.max(L, Math.min(W - RM, X(now))), nw = (5 + words.length) * 6.6, right = x <= W / 2;
      const nowAt = [TM + 6, TM + 22, H - BM - 10, (TM + H - BM) / 2].flatMap((y) => [right, !right].map((r) =>
        [r ? x + 4 : x - 4 - nw, y - 7, r ? x + 4 + nw : x - 4, y + 7, r]));
      const nb = nowAt.find((b) => b[0] >= 0 && b[2] <= W && boxes.every((o) => b[2] < o[0] || b[0] > o[2]
        || b[3] < o[1] || b[1] > o[3])) || nowAt[0];
      boxes.push(nb.slice(0, 4));
      const order = [...fresh].filter((i) => byNode.has(i)).concat([...shown].filter((i) => byNode.has(i) && !fresh.has(i)).reverse());
      for (const i of order.slice(0, 30)) {
        const c = T.claims[byNode.get(i)];
        const w = c.label.length * 6.6 + 4, h = 13, x = X(c.t), y = Y(c.high !== null ? c.high : c.low);
        const tries = [[x + 8, y - h / 2], [x - w / 2, y - h - 8], [x - w / 2, y + 8], [x - 8 - w, y - h / 2],
          [x + 8, y - h - 10], [x + 8, y + 10]];
        const at = tries.map((p) => [p[0], p[1], p[0] + w, p[1] + h]).find(free);
        if (!at) { continue; }
        boxes.push(at);
        svg("text", { x: at[0] + 2, y: at[1] + h / 2, class: fresh.has(i) ? "kst-label kst-fresh" : "kst-label" }, labels)
          .textContent = c.label;
      }
      nowLine.setAttribute("x1", x); nowLine.setAttribute("x2", x);
      nowText.setAttribute("x", nb[4] ? x + 4 : x - 4);
      nowText.setAttribute("y", (nb[1] + nb[3]) / 2);
      nowText.setAttribute("text-anchor", nb[4] ? "start" : "end");
      nowText.textContent = `now: ${words}`;
    },
  };
}

// ---- the story: its steps as kit.text.story.story_data computed them, one at a time, the graph (only what the
// step shows, the new claims ringed) beside the figure over time, then what changed and the claims so far
export function drawStory(host, data, options) {
  const opts = options || {};
  const steps = data.steps, n = steps.length, claims = data.claims;
  host.textContent = "";
  host.classList.add("kst");
  const controls = tag("div", { class: "kst-controls", role: "group", "aria-label": "Story steps" }, host);
  const prev = tag("button", { type: "button", class: "kst-prev", "aria-label": "Previous step" }, controls, "\u2190 Previous");
  const next = tag("button", { type: "button", class: "kst-next", "aria-label": "Next step" }, controls, "Next \u2192");
  const play = tag("button", { type: "button", class: "kst-play", "aria-pressed": "false" }, controls, "\u25b6 Play");
  const slider = tag("input", { type: "range", class: "kst-slider", min: 1, max: Math.max(n, 1), step: 1, value: 1,
    "aria-label": "Step" }, controls);
  const counter = tag("span", { class: "kst-counter", "aria-live": "polite" }, controls);
  const head = tag("div", { class: "kst-head" }, host);
  const title = tag(opts.heading || "h3", { class: "kst-title" }, head);
  const meta = tag("p", { class: "kst-meta" }, head);
  const text = tag("div", { class: "kst-text", tabindex: 0, role: "region", "aria-label": "The step's narrative" }, host);
  const panes = tag("div", { class: "kst-panes" }, host);
  const gFig = tag("figure", { class: "kst-graph" }, panes);
  const gHost = tag("div", {}, gFig);
  const side = tag("div", { class: "kst-side" }, panes);   // the figure over time, then the graph's key and caption
  const tFig = tag("figure", { class: "kst-timeline" }, side);
  const gCap = tag("figcaption", {}, gFig);
  const below = tag("div", { class: "kst-below" }, host);
  const changes = tag("div", { class: "kst-changes" }, below);
  const fold = tag("details", { class: "kst-table" }, below);
  const foldTitle = tag("summary", {}, fold);
  const tableWrap = tag("div", { class: "kst-table-wrap", tabindex: 0, role: "region", "aria-label": "Claims so far" }, fold);
  const view = draw(gHost, data.graph, { height: opts.height || 400,
    hint: "Hover or Tab to a node for its words; click or Enter traces it, Esc clears." });
  const time = data.timeline && data.timeline.claims.length ? timeline(tFig, data.timeline) : null;
  if (!time) { tFig.remove(); }
  const key = gHost.querySelector(".kgv-legend");
  if (key) { side.appendChild(key); }                      // beside the graph, not under it: one screen a step
  side.appendChild(gCap);
  const index = new Map(data.graph.nodes.map((nd, i) => [nd.id, i]));
  const order = Object.keys(claims);                        // the story's claims, in order of publication
  const shown = new Set();
  let cur = 0, timer = 0;
  view.hideAll();

  function row(id) {
    const c = claims[id], tr = tag("tr", {});
    const cells = [c.date, c.outlet, c.says, c.figure || "\u2014", c.certainty, c.rests_on, String(c.origins),
      c.echo ? "echo" : "", c.drift];
    cells.forEach((v, k) => {
      const td = tag("td", {}, tr);
      if (k === 1 && /^https?:\/\//i.test(c.url || "")) { tag("a", { href: c.url, rel: "noopener noreferrer" }, td, v); }
      else { td.textContent = v; }
    });
    return tr;
  }
  function go(k, fromUser) {
    k = Math.max(1, Math.min(n, Math.round(k)));
    if (!n || k === cur) { return; }
    // from the step shown to step k, one step at a time: each step's `add` and `drop` are against the step before
    const add = new Set(), drop = new Set();
    const on = (i) => { drop.delete(i); add.add(i); shown.add(i); };
    const offf = (i) => { add.delete(i); drop.add(i); shown.delete(i); };
    while (cur < k) { cur++; steps[cur - 1].drop.forEach(offf); steps[cur - 1].add.forEach(on); }
    while (cur > k) { steps[cur - 1].add.forEach(offf); steps[cur - 1].drop.forEach(on); cur--; }
    const st = steps[k - 1];
    const fresh = new Set(st.new);
    view.showStep([...add], [...drop], fresh, st.newest);
    if (time) { time.set(shown, fresh, st.now, st.day_short, st.timeline_alt); }
    prev.disabled = k <= 1; next.disabled = k >= n;
    slider.value = String(k);
    slider.setAttribute("aria-valuetext", `Step ${k} of ${n}: ${st.day}`);
    counter.textContent = `Step ${k} of ${n} \u00b7 ${st.day}`;
    title.textContent = st.title;
    meta.textContent = `Step ${k} of ${n} \u00b7 ${st.day} \u00b7 ${st.summary}`;
    text.textContent = "";
    for (const p of st.text.split(/\n+/)) { if (p.trim()) { tag("p", {}, text, p); } }
    text.hidden = !text.firstChild;
    text.scrollTop = 0;
    requestAnimationFrame(more);   // (read in the frame's own layout: none forced)
    gCap.textContent = st.graph_caption;
    changes.textContent = "";
    tag("h4", {}, changes, "What changed at this step");
    const ul = tag("ul", {}, changes);
    for (const line of st.changes) { tag("li", {}, ul, line); }
    if (!st.changes.length) { tag("li", {}, ul, "No new claim at this step."); }
    const ids = order.filter((id) => shown.has(index.get(id)));
    foldTitle.textContent = `All ${ids.length === 1 ? "1 claim" : ids.length + " claims"} so far`;
    if (fold.open) { fillTable(ids); } else { tableWrap.textContent = ""; }
    if (opts.onStep) { opts.onStep(k, fromUser); }
  }
  // a narrative longer than its box fades out at the bottom until scrolled to its end: overlay scrollbars (macOS,
  // many Linux set-ups) show nothing, and the cut fell mid-sentence with no sign of more
  function more() { text.classList.toggle("kst-more", text.scrollHeight - text.scrollTop - text.clientHeight > 2); }
  text.addEventListener("scroll", more, { passive: true });
  function fillTable(ids) {
    ids = ids || order.filter((id) => shown.has(index.get(id)));
    tableWrap.textContent = "";
    const most = 60, cut = ids.length > most ? ids.slice(-most) : ids;
    if (cut.length < ids.length) { tag("p", {}, tableWrap, `The latest ${most} of ${ids.length} claims.`); }
    const t = tag("table", {}, tableWrap), hr = tag("tr", {}, tag("thead", {}, t));
    for (const h of ["Published", "Outlet", "What it says", "Figure", "Certainty", "Rests on", "Origins", "Echo", "Drift"]) {
      tag("th", { scope: "col" }, hr, h);
    }
    const body = tag("tbody", {}, t);
    for (const id of cut) { body.appendChild(row(id)); }
  }
  fold.addEventListener("toggle", () => { if (fold.open) { fillTable(); } });
  function stop() {
    if (timer) { clearInterval(timer); timer = 0; }
    play.setAttribute("aria-pressed", "false");
    play.textContent = "\u25b6 Play";
  }
  prev.addEventListener("click", () => { stop(); go(cur - 1, true); });
  next.addEventListener("click", () => { stop(); go(cur + 1, true); });
  slider.addEventListener("input", () => { stop(); go(Number(slider.value), true); });
  play.addEventListener("click", () => {
    if (timer) { stop(); return; }                          // pause: the step stays where it is
    if (cur >= n) { go(1, true); }
    play.setAttribute("aria-pressed", "true");
    play.textContent = "\u275a\u275a Pause";
    timer = setInterval(() => { if (cur >= n) { stop(); } else { go(cur + 1, true); } }, opts.interval || 2000);
  });
  const keys = (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.defaultPrevented) { return; }
    const t = e.target;
    if (t && t.closest && t.closest("input, textarea, select, .kgv, .kst-table-wrap, [contenteditable]")) { return; }
    if (e.key === "ArrowRight") { stop(); go(cur + 1, true); } else if (e.key === "ArrowLeft") { stop(); go(cur - 1, true); }
    else { return; }
    e.preventDefault();
  };
  const keyTarget = opts.keys === "document" ? document : host;
  keyTarget.addEventListener("keydown", keys);
  go(opts.step || 1, false);
  return {
    go: (k) => go(k, false),
    step: () => cur,
    destroy: () => { stop(); keyTarget.removeEventListener("keydown", keys); view.destroy(); host.textContent = ""; },
  };
}

// anywidget: the widget's data is the traitlet `data` (a graph, or a story: its `steps` and its `graph`); clicks,
// discredited sources and the story's step go back to Python.
function render({ model, el }) {
  let view = null;
  // a large story comes as one JSON string (`data_json`): the widget protocol then has no object tree to walk
  const data = () => (model.get("data_json") ? JSON.parse(model.get("data_json")) : model.get("data"));
  const redraw = () => {
    if (view) { view.destroy(); }
    const d = data();
    view = Array.isArray(d.steps)
      ? drawStory(el, d, {
        step: model.get("step"),
        onStep: (k, fromUser) => { if (fromUser && model.get("step") !== k) { model.set("step", k); model.save_changes(); } },
      })
      : draw(el, d, {
        height: model.get("height") || undefined,
        onSelect: (id) => { model.set("selected", id); model.save_changes(); },
        onDiscredit: (ids) => { model.set("discredited", ids); model.save_changes(); },
      });
  };
  const regrey = () => { if (view && view.setDiscredited) { view.setDiscredited(model.get("discredited")); } };
  const restep = () => { if (view && view.go) { view.go(model.get("step")); } };
  const retrace = () => { if (view && view.trace) { view.trace(model.get("selected")); } };
  model.on("change:data", redraw);
  model.on("change:data", retrace);
  model.on("change:selected", retrace);
  model.on("change:data_json", redraw);
  model.on("change:discredited", regrey);
  model.on("change:step", restep);
  redraw();
  retrace();
  return () => {
    model.off("change:data", redraw);
    model.off("change:data_json", redraw);
    model.off("change:discredited", regrey);
    model.off("change:step", restep);
    model.off("change:data", retrace);
    model.off("change:selected", retrace);
    if (view) { view.destroy(); }
  };
}

export default { render };

// The published page: every element with data-kit-graphview names the JSON script holding a graph's data, every
// element with data-kit-story a story's; a story's element may name the static steps it replaces (data-replaces),
// take the arrow keys of the whole page (data-keys="document") and keep its step in the address (#step-N).
if (typeof document !== "undefined") {
  for (const host of document.querySelectorAll("[data-kit-graphview]")) {
    const src = document.getElementById(host.getAttribute("data-kit-graphview"));
    if (src && !host.hasAttribute("data-drawn")) {
      host.setAttribute("data-drawn", "");
      draw(host, JSON.parse(src.textContent));
    }
  }
  for (const host of document.querySelectorAll("[data-kit-story]")) {
    const src = document.getElementById(host.getAttribute("data-kit-story"));
    if (!src || host.hasAttribute("data-drawn")) { continue; }
    host.setAttribute("data-drawn", "");
    const fromHash = () => { const m = /^#step-(\d+)$/.exec(window.location.hash || ""); return m ? Number(m[1]) : 1; };
    const replaced = host.getAttribute("data-replaces");
    if (replaced && document.getElementById(replaced)) { document.getElementById(replaced).hidden = true; }
    host.hidden = false;
    const story = drawStory(host, JSON.parse(src.textContent), {
      heading: "h2",
      keys: host.getAttribute("data-keys") || "host",
      height: Math.max(300, Math.min(430, window.innerHeight - 470)),
      step: fromHash(),
      onStep: (k, fromUser) => {
        if (!fromUser) { return; }
        try { history.replaceState(null, "", `#step-${k}`); } catch (e) { /* file:// may refuse */ }
      },
    });
    window.addEventListener("hashchange", () => story.go(fromHash()));
  }
}
