// autograd_viz Stepper: the browser side (anywidget ES module; save_html embeds this file).
// The kernel sends one JSON string (`data`): per view the Graphviz layout once, then per
// frame a small delta. Everything below runs in the browser; no kernel is needed to step.
const ST = ["pending", "done", "grad", "current", "freed", "outside"];
const OI = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999999"];
const SIZE = [0.85, 1, 1.2, 1.45, 1.75]; // graph zoom per Size step 1-5
const CP = 32; // a full state every CP frames, deltas between
const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
// a row name: may wrap after "_" (requires_grad), never inside a word
const thText = (s) => esc(s).replace(/_/g, "_<wbr>");
const fmt = (s, kw) => s.replace(/\{(\w+)\}/g, (_, k) => (k in kw ? kw[k] : ""));

function h(tag, cls, attrs, kids) {
 const e = document.createElement(tag);
 if (cls) e.className = cls;
 for (const k in attrs || {}) {
  if (k === "text") e.textContent = attrs[k];
  else if (k.startsWith("on")) e.addEventListener(k.slice(2), attrs[k]);
  else e.setAttribute(k, attrs[k]);
 }
 for (const c of kids || []) if (c) e.appendChild(c);
 return e;
}

// a value as picture lines: a matrix row per line; "512×512 [..] min .. max .." in two
function splitRows(s) {
 if (!s) return [];
 if (s.startsWith("[[")) {
  const rows = [];
  let depth = 0, last = 0;
  for (let k = 0; k < s.length; k++) {
   const c = s[k];
   if (c === "[") depth++;
   else if (c === "]") depth--;
   else if (c === "," && depth === 1) { rows.push(s.slice(last, k + 1)); last = k + 1; }
  }
  rows.push(s.slice(last));
  return rows.map((r) => r.trim()).filter((r) => r);
 }
 const m = s.indexOf(" min ");
 if (s.includes("×") && m > 0) return [s.slice(0, m), "min " + s.slice(m + 5)];
 return [s];
}

// numbers in a text ("[[0.5], [-1e-3]]" -> [0.5, -0.001]) for checking a guess
const nums = (s) => (String(s).match(/-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?/gi) || []).map(Number);

function closeTo(a, b) {
 if (a.length !== b.length || !a.length) return false;
 return a.every((x, k) => Math.abs(x - b[k]) <= 1e-3 + 0.011 * Math.abs(b[k]));
}

// states of one view: Int32Array(3 * nodes) of [status, value text, grad text] per node
function States(V, n) {
 const N = V.ids.length, cps = [];
 let cur = new Int32Array(3 * N);
 const apply = (st, i) => {
  const d = V.deltas[i] || [];
  for (let k = 0; k < d.length; k += 4) {
   st[3 * d[k]] = d[k + 1]; st[3 * d[k] + 1] = d[k + 2]; st[3 * d[k] + 2] = d[k + 3];
  }
 };
 for (let i = 0; i < Math.max(n, V.deltas.length); i++) {
  apply(cur, i);
  if (i % CP === 0) cps.push(cur.slice());
 }
 return (i) => {
  i = Math.max(0, i);
  const b = Math.floor(i / CP), st = (cps[b] || new Int32Array(3 * N)).slice();
  for (let j = b * CP + 1; j <= i; j++) apply(st, j);
  return st;
 };
}

function render({ model, el }) {
 const D = JSON.parse(model.get("data") || "{}");
 const n = D.n || 0, S = D.strings || [""];
 const UI = D.ui || { en: {}, zh: {} };
 let lang = model.get("lang") in UI ? model.get("lang") : "en";
 let view = model.get("view") === "autograd" ? "autograd" : "dataflow";
 let size = Math.min(5, Math.max(1, model.get("size") || 2));
 let quiz = !!model.get("quiz");
 let i = Math.min(Math.max(0, model.get("frame") || 0), Math.max(n - 1, 0));
 let timer = null, picked = -1, zoom = null, paramPick = "", revealed = new Set();
 const t = (k, kw) => { const s = UI[lang][k] ?? UI.en[k] ?? k; return kw ? fmt(s, kw) : s; };
 const V = () => D.views[view];
 // a frame's inspector entries in the current language (Chinese texts override where they differ)
 const detailOf = (k) => Object.assign({}, D.detail[k] || {}, lang === "zh" && D.detail_zh ? D.detail_zh[k] || {} : {});
 const states = {};
 const stateOf = (v) => (states[v] = states[v] || States(D.views[v], n));

 // ------------------------------------------------------------------ DOM
 const root = h("div", `av-stepper av-size-${size}`, { tabindex: "0", role: "group" });
 const btn = (cls, on) => h("button", cls, { type: "button", onclick: on });
 const bFirst = btn("av-first av-nav", () => go(0));
 const bPrev = btn("av-prev av-nav", () => go(i - 1));
 const bPlay = btn("av-play", () => play());
 const bNext = btn("av-next av-nav", () => go(i + 1));
 const bLast = btn("av-last av-nav", () => go(n - 1));
 const speed = h("select", "av-speed");
 for (const [ms, x] of [[1600, "0.5×"], [900, "1×"], [450, "2×"], [200, "4×"]])
  speed.appendChild(h("option", "", { value: ms, text: x }));
 speed.value = "900";
 speed.onchange = () => { if (timer) { stop(); play(); } };
 const slider = h("input", "av-slider", { type: "range", min: 0, max: Math.max(n - 1, 0), step: 1 });
 slider.oninput = () => { stop(); go(+slider.value, true); };
 const frameno = h("span", "av-frameno", { "aria-live": "polite" });
 const jumps = {}, jumpLbl = h("span", "av-label");
 for (const p of D.phases || []) {
  if (["forward", "backward", "accumulate", "hook", "update", "zero_grad", "error"].includes(p))
   jumps[p] = btn(`av-jump av-jump-${p}`, () => jump(p));
 }
 const iters = [...new Set((D.iteration || []).filter((x) => x !== null))];
 const itSel = h("select", "av-iteration");
 if (iters.length > 1) for (const k of iters) itSel.appendChild(h("option", "", { value: k, text: k }));
 itSel.onchange = () => { const j = D.iteration.indexOf(+itSel.value); if (j >= 0) go(j); };
 const nodeSel = h("select", "av-node-picker");
 nodeSel.onchange = () => { picked = +nodeSel.value; inspect(); };
 const vFlow = btn("av-view-dataflow", () => setView("dataflow"));
 const vAuto = btn("av-view-autograd", () => setView("autograd"));
 const viewBox = h("span", "av-view av-seg", { role: "group" }, [vFlow, vAuto]);
 const lEn = btn("av-lang-en", () => setLang("en"));
 const lZh = btn("av-lang-zh", () => setLang("zh"));
 lEn.textContent = "English"; lZh.textContent = "中文";
 const langBox = h("span", "av-lang av-seg", { role: "group" }, [lEn, lZh]);
 const sizeIn = h("input", "av-size", { type: "range", min: 1, max: 5, step: 1 });
 sizeIn.value = size;
 sizeIn.oninput = () => setSize(+sizeIn.value);
 const sizeLbl = h("label", "av-label", {}, [h("span"), sizeIn]);
 const row1 = h("div", "av-row", {}, [bFirst, bPrev, bPlay, bNext, bLast, speed, slider, frameno, sizeLbl]);
 const row2 = h("div", "av-row", {}, [jumpLbl, ...Object.values(jumps),
  iters.length > 1 ? itSel : null, nodeSel, viewBox, langBox]);
 const caption = h("div", "av-caption", { "aria-live": "polite" });
 const note = h("div", "av-note");
 const zOut = btn("av-zoom-out", () => setZoom(curZoom() / 1.25));
 const zFit = btn("av-zoom-fit", () => setZoom(null));
 const zIn = btn("av-zoom-in", () => setZoom(curZoom() * 1.25));
 zOut.textContent = "−"; zIn.textContent = "+";
 const graph = h("div", "av-graph");
 const legend = h("div", "av-legend");
 const card = h("div", "av-card", {}, [h("div", "av-zoom", {}, [zOut, zFit, zIn]), graph, legend]);
 const inspector = h("div", "av-inspector");
 const plotBox = h("div", "av-plot-area");
 const body = h("div", "av-body", {}, [card, inspector]);
 root.append(row1, row2, caption, note, body, plotBox);
 el.appendChild(root);

 // ------------------------------------------------------------------ graph
 let G = null; // {view, svg, nodes[], edges[], w, h, shown, hid, active}
 function buildGraph() {
  const v = V();
  graph.textContent = "";
  G = { view, nodes: [], edges: [], shown: new Int32Array(3 * v.ids.length).fill(-1), hid: [], active: [] };
  card.querySelector(".av-zoom").style.display = v.svg ? "" : "none";
  if (!v.svg) { G.table = h("table", "av-text-graph"); graph.appendChild(G.table); return; }
  graph.innerHTML = v.svg;
  const svg = graph.querySelector("svg");
  G.svg = svg;
  G.w = parseFloat(svg.getAttribute("width")) * 4 / 3;
  G.h = parseFloat(svg.getAttribute("height")) * 4 / 3;
  svg.removeAttribute("width"); svg.removeAttribute("height");
  for (const g of svg.querySelectorAll("g.node[data-k]")) G.nodes[+g.dataset.k] = g;
  for (const g of svg.querySelectorAll("g.edge")) G.edges[+g.id.slice(4)] = g;
  setZoom(zoom, true);
 }

 // picture lines of string k: the recorder's own rows when it sent them, else parsed
 const rowsOf = (k) => (D.rows && D.rows[k] ? D.rows[k] : splitRows(S[k]));

 function dyn(geo, v, g, hide) {
  const [cx, left, ys, nv, ng, block, flow] = geo, R = V().rows;
  const [, vind] = R.value, [gp, gind] = flow ? R.flow : R.grad;
  let out = "";
  const blocks = [[rowsOf(v), "", 0, nv, vind, "av-v"],
   [hide ? ["?"] : rowsOf(g), gp, nv, ng, gind, flow ? "av-g av-flow" : "av-g"]];
  for (let [rows, pre, n0, count, ind, cls] of blocks) {
   if (!rows.length) continue;
   rows = rows.slice();
   rows[0] = pre + rows[0];
   if (rows.length > count) rows = rows.slice(0, Math.max(count - 1, 0)).concat([rows.slice(Math.max(count - 1, 0)).join(" ")]);
   rows.slice(0, count).forEach((r, k) => {
    const y = ys[n0 + k];
    if (y === undefined) return;
    const x = block ? left + (k ? ind : 0) : cx, a = block ? "start" : "middle";
    out += `<text class="${cls}" x="${x}" y="${y}" text-anchor="${a}" font-size="10">${esc(r)}</text>`;
   });
  }
  return out;
 }

 // nodes whose gradient frame k produces (quiz): grad text changed since frame k-1, on a
 // node the step sends its gradient to (an end of an active edge) or the step's own node
 // (a leaf's accumulation); not the root's seed dL/dL = 1 that shares the first step's frame
 function producing(k, st) {
  if (!quiz || n === 0 || revealed.has(k)) return new Set();
  const v = V(), prev = k > 0 ? stateOf(view)(k - 1) : new Int32Array(st.length), out = new Set();
  const to = new Set([v.current[k]]);
  for (const e of v.active[k] || []) for (const x of (v.ends || [])[e] || []) to.add(x);
  for (let j = 0; 3 * j < st.length; j++)
   if (st[3 * j + 2] && st[3 * j + 2] !== prev[3 * j + 2] && to.has(j)) out.add(j);
  return out;
 }

 function paint() {
  const v = V();
  if (!G || G.view !== view) buildGraph();
  const st = stateOf(view)(i), hide = producing(i, st);
  G.hide = hide;
  if (!v.svg) return paintTable(st, hide);
  for (let j = 0; j < v.ids.length; j++) {
   const el = G.nodes[j];
   if (!el) continue;
   const s = st[3 * j], a = st[3 * j + 1], b = st[3 * j + 2], hd = hide.has(j) ? 1 : 0;
   if (G.shown[3 * j] !== s) el.setAttribute("class", "node av-" + ST[s]);
   if (G.shown[3 * j + 1] !== a || G.shown[3 * j + 2] !== b || G.hid[j] !== hd) {
    let d = el.querySelector("g.av-dyn");
    if (!d) { d = document.createElementNS("http://www.w3.org/2000/svg", "g"); d.setAttribute("class", "av-dyn"); el.appendChild(d); }
    d.innerHTML = v.geom[j] ? dyn(v.geom[j], a, b, hd) : "";
   }
   G.shown[3 * j] = s; G.shown[3 * j + 1] = a; G.shown[3 * j + 2] = b; G.hid[j] = hd;
  }
  if (G.focus) G.focus.classList.remove("av-focus");
  G.focus = n ? G.nodes[v.current[i]] : null;
  if (G.focus) G.focus.classList.add("av-focus");
  for (const e of G.active) G.edges[e] && G.edges[e].classList.remove("av-active");
  G.active = n ? v.active[i] || [] : [];
  for (const e of G.active) G.edges[e] && G.edges[e].classList.add("av-active");
  follow();
 }

 function paintTable(st, hide) {
  const v = V(), rows = [`<tr><th>${esc(t("node_col"))}</th><th>${esc(t("value"))}</th><th>${esc(t("grad"))}</th><th>${esc(t("status"))}</th></tr>`];
  v.ids.forEach((_, j) => {
   const s = ST[st[3 * j]];
   rows.push(`<tr class="${s === "current" ? "av-current" : ""}"><td>${esc(v.info[j][0])}</td><td>${esc(S[st[3 * j + 1]] || "-")}</td><td>${hide.has(j) ? "?" : st[3 * j + 2] ? esc((v.info[j][8] ? "∂ " : "") + S[st[3 * j + 2]]) : "-"}</td><td>${esc(t(s === "grad" ? "status_grad" : s))}</td></tr>`);
  });
  G.table.innerHTML = rows.join("");
 }

 // keep the current node inside the visible box (scroll the viewport, never the page):
 // all the highlighted nodes when they fit, else the frame's own node (class av-focus)
 function follow() {
  if (!G || !G.svg || n === 0) return;
  const focus = G.nodes[V().current[i]];
  // the highlighted nodes and the edges the step uses (where the gradient goes to)
  const all = [...G.svg.querySelectorAll("g.av-current"), ...G.active.map((e) => G.edges[e]).filter((e) => e)];
  if (focus) all.push(focus);
  if (!all.length) return;
  const box = (els) => {
   const rs = els.map((e) => e.getBoundingClientRect());
   return { left: Math.min(...rs.map((x) => x.left)), right: Math.max(...rs.map((x) => x.right)),
    top: Math.min(...rs.map((x) => x.top)), bottom: Math.max(...rs.map((x) => x.bottom)) };
  };
  const b = graph.getBoundingClientRect(), m = 24, W = graph.clientWidth, H = graph.clientHeight;
  let r = box(all);
  if ((r.right - r.left > W - 2 * m || r.bottom - r.top > H - 2 * m) && focus) r = box([focus]);
  if (!b.width || r.right <= r.left) return;
  const fitsX = r.right - r.left <= W - 2 * m, fitsY = r.bottom - r.top <= H - 2 * m;
  if (r.left < b.left + m || r.right > b.left + W - m)
   graph.scrollLeft += fitsX ? (r.left + r.right) / 2 - (b.left + W / 2) : r.left - b.left - m;
  if (r.top < b.top + m || r.bottom > b.top + H - m)
   graph.scrollTop += fitsY ? (r.top + r.bottom) / 2 - (b.top + H / 2) : r.top - b.top - m;
 }

 // fit: the width of the box; a small graph grows up to 1.5x (but not past the box's
 // height), a wide one shrinks down to 0.75x and then scrolls; all times the Size step
 // (0.75: its 10 pt value lines stay >= 10 px at Size 2; at 0.6 they were 8 px, unreadable).
 // From Size 3 up a wide graph does not shrink below the Size step (its text then grows
 // with the controls': the learner asked for big text; the box scrolls to the node)
 const fitZoom = () => {
  const w = graph.clientWidth - 8, S = SIZE[size - 1];
  if (!G || !G.w || w <= 0) return S;
  let z = Math.min(1.5 * S, w / G.w);
  const maxH = parseFloat(getComputedStyle(graph).maxHeight);
  if (z > S && maxH > 0) z = Math.max(S, Math.min(z, (maxH - 8) / G.h));
  return Math.max(z, (size >= 3 ? 1 : 0.75) * S);
 };
 const curZoom = () => (zoom === null ? fitZoom() : zoom);
 function setZoom(z, quiet) {
  zoom = z === null ? null : Math.min(Math.max(z, 0.2), 6);
  if (!G || !G.svg) return;
  const f = curZoom();
  G.svg.style.width = G.w * f + "px";
  G.svg.style.height = G.h * f + "px";
  zFit.setAttribute("aria-pressed", zoom === null ? "true" : "false");
  if (!quiet) follow();
 }
 graph.addEventListener("wheel", (e) => {
  if (!(e.ctrlKey || e.metaKey)) return; // plain wheel scrolls; ctrl+wheel zooms
  e.preventDefault();
  setZoom(curZoom() * (e.deltaY < 0 ? 1.1 : 1 / 1.1));
 }, { passive: false });
 let drag = null;
 graph.addEventListener("pointerdown", (e) => {
  if (e.button !== 0) return;
  drag = { x: e.clientX, y: e.clientY, l: graph.scrollLeft, t: graph.scrollTop };
  graph.setPointerCapture && graph.setPointerCapture(e.pointerId);
 });
 graph.addEventListener("pointermove", (e) => {
  if (!drag) return;
  graph.scrollLeft = drag.l - (e.clientX - drag.x);
  graph.scrollTop = drag.t - (e.clientY - drag.y);
  graph.classList.add("av-dragging");
 });
 const endDrag = () => { drag = null; graph.classList.remove("av-dragging"); };
 graph.addEventListener("pointerup", endDrag);
 graph.addEventListener("pointercancel", endDrag);
 const ro = typeof ResizeObserver !== "undefined" ? new ResizeObserver(() => { if (zoom === null) setZoom(null, true); plot(); }) : null;
 ro && ro.observe(root);

 // ------------------------------------------------------------------ texts
 function header() {
  const p = n ? D.phases[D.phase[i]] : "";
  const it = n && D.multi && D.iteration[i] !== null ? ` · ${t("iteration")} ${D.iteration[i]}` : "";
  return `<div class="av-caption-head"><span class="av-phase av-phase-${esc(p)}">${esc(t(p))}</span> <span class="av-frameno-c">${esc(t("frame_k", { k: i + 1, n }))}${esc(it)}</span></div>`;
 }

 function captionHTML() {
  if (!n) return `<div class="av-caption-text">${esc(D.empty[lang])}</div>`;
  const hide = G && G.hide ? G.hide : new Set();
  if (hide.size) {
   const v = V(), names = [...hide].map((j) => v.info[j][0]).join(", ");
   const d = detailOf(i), hints = ["upstream", "local", "old", "incoming", "grad_in"]
    .filter((k) => d[k]).map((k) => `<div><b>${esc(t("d_" + k))}:</b> <code>${esc(S[d[k]])}</code></div>`).join("");
   return header() + `<div class="av-quiz"><div class="av-caption-text">${esc(t("quiz_q", { names }))}</div>${hints}` +
    `<div class="av-quiz-row"><input class="av-guess" type="text" aria-label="${esc(t("guess"))}" placeholder="${esc(t("guess"))}">` +
    `<button type="button" class="av-check" aria-label="${esc(t("check"))}">${esc(t("check"))}</button>` +
    `<button type="button" class="av-reveal" aria-label="${esc(t("reveal"))}">${esc(t("reveal"))}</button>` +
    `<span class="av-verdict" aria-live="polite"></span></div></div>`;
  }
  return header() + `<div class="av-caption-text" lang="${lang}">${esc(D.caption[lang][i])}</div>`;
 }

 function wireQuiz() {
  const r = caption.querySelector(".av-reveal");
  if (!r) return;
  const guess = caption.querySelector(".av-guess"), verdict = caption.querySelector(".av-verdict");
  r.onclick = () => { revealed.add(i); show(); };
  const check = () => {
   const st = stateOf(view)(i), want = [...G.hide].flatMap((j) => nums(S[st[3 * j + 2]]));
   const ok = closeTo(nums(guess.value), want);
   verdict.textContent = ok ? t("right") : t("wrong");
   verdict.className = "av-verdict " + (ok ? "av-right" : "av-wrong");
   if (ok) setTimeout(() => { revealed.add(i); if (G) show(); }, 700);
  };
  caption.querySelector(".av-check").onclick = check;
  guess.onkeydown = (e) => { if (e.key === "Enter") check(); };
 }

 function inspect() {
  if (!n) { inspector.innerHTML = ""; return; }
  const v = V(), st = stateOf(view)(i), cur = v.current[i], j = picked >= 0 ? picked : cur;
  if (j < 0 || !v.info[j]) { inspector.innerHTML = `<div class="av-note">${esc(t("no_node"))}</div>`; return; }
  const [label, kind, shape, rg, leaf, gfk, symk, localk, flow, localZhk] = v.info[j];
  const gf = S[gfk], sym = S[symk], local = S[lang === "zh" && localZhk ? localZhk : localk];
  const s = ST[st[3 * j]], val = S[st[3 * j + 1]], gr = S[st[3 * j + 2]], hid = G && G.hide && G.hide.has(j);
  const rows = [], row = (k, x, pre) => rows.push(`<tr><th>${thText(t(k))}</th><td>${pre ? `<pre>${esc(x)}</pre>` : esc(x)}</td></tr>`);
  const isOp = kind !== "tensor";
  row("kind", t(isOp ? "op" : "tensor"));
  row("status", t(s === "grad" ? "status_grad" : s));
  if (!isOp) {
   row("shape", shape ? `(${shape.join(", ")}${shape.length === 1 ? "," : ""})` : t("none"));
   row("value", val || t("not_yet"), true);
   if (hid) row("grad", "?");
   else if (gr && flow) row("grad", `${t("none")} — ${t("flowed")} ${gr}`);
   else row("grad", gr || t("none"), true);
   row("requires_grad", rg ? "True" : "False");
   row("is_leaf", leaf ? "True" : "False");
   row("grad_fn", gf || t("none"));
  } else {
   if (gf) row("grad_fn", gf);
   if (sym) row("formula", sym);
   if (gr && !hid) row("grad", gr, true);
   // the frame's own local derivative (in the learner's names, with values) says it already
   if (local && !(j === cur && detailOf(i).local)) row("local", local, true);
  }
  let extra = "";
  if (j === cur) {
   const d = detailOf(i), secret = G && G.hide && G.hide.size ? ["product", "new", "grad_out"] : [];
   for (const k in d) {
    const x = S[d[k]];
    if (secret.includes(k) || x === local || x === gf || k === "lineno") continue;
    extra += `<tr><th>${thText(UI[lang]["d_" + k] ? t("d_" + k) : k)}</th><td><pre>${esc(x)}</pre></td></tr>`;
   }
  }
  inspector.innerHTML = `<div class="av-inspector-title">${esc(label)}</div><table>${rows.join("")}${extra}</table>`;
 }

 function legendHTML() {
  const items = ["current", "done", "grad", "pending", "freed", "outside"].map((s) =>
   `<span class="av-legend-item"><span class="av-swatch av-sw-${s}"></span>${esc(t(s === "grad" ? "status_grad" : s))}</span>`);
  items.push(`<span class="av-legend-item"><span class="av-swatch av-sw-edge"></span>${esc(t("current_edge"))}</span>`);
  let s = `<b>${esc(t("legend"))}:</b> ` + items.join(" ");
  if (V().info.some((x) => x[8])) s += `<div class="av-legend-flow">${esc(t("flow_legend"))}</div>`;
  return s;
 }

 // ------------------------------------------------------------------ plot
 function plot() {
  const P = D.plot;
  if (!P) { plotBox.innerHTML = ""; return; }
  const W = Math.max(260, plotBox.clientWidth || root.clientWidth || 600), fs = [12, 13, 16, 19, 22][size - 1];
  const it = n ? D.iteration[i] : null, k0 = P.iters.indexOf(it);
  const panel = (series, title, ylab, logOk) => {
   const vals = series.flatMap((s) => s.v).filter((x) => x !== null && isFinite(x));
   if (!vals.length) return "";
   const H = Math.round(fs * 12), L = fs * 5, R = 12, T = fs * 1.8, B = fs * 3.2;
   let lo = Math.min(...vals), hi = Math.max(...vals);
   const log = logOk && lo > 0 && hi / lo >= 100;
   const f = log ? Math.log10 : (x) => x;
   let a = f(lo), b = f(hi);
   if (a === b) { a -= 1; b += 1; }
   const X = (k) => L + (W - L - R) * (P.iters.length > 1 ? k / (P.iters.length - 1) : 0.5);
   const Y = (x) => H - B - (H - B - T) * (f(x) - a) / (b - a);
   const num = (x) => (Math.abs(x) >= 1e4 || (x !== 0 && Math.abs(x) < 1e-3) ? x.toExponential(1) : +x.toPrecision(3)) + "";
   let o = `<text x="${L}" y="${fs * 1.2}" font-size="${fs}" font-weight="bold">${esc(title)}${log ? " " + esc(t("log_scale")) : ""}</text>`;
   o += `<line x1="${L}" y1="${H - B}" x2="${W - R}" y2="${H - B}" class="av-axis"/><line x1="${L}" y1="${T}" x2="${L}" y2="${H - B}" class="av-axis"/>`;
   const ticks = log ? [] : [a, (a + b) / 2, b];
   if (log) for (let e = Math.ceil(a); e <= Math.floor(b); e++) ticks.push(e);
   if (log && ticks.length < 2) ticks.push(a, b);
   for (const tk of ticks) {
    const x = log ? 10 ** tk : tk, y = H - B - (H - B - T) * (tk - a) / (b - a);
    o += `<line x1="${L - 4}" y1="${y}" x2="${L}" y2="${y}" class="av-axis"/><text x="${L - 6}" y="${y + fs * 0.35}" font-size="${fs * 0.9}" text-anchor="end">${num(x)}</text>`;
   }
   const nI = P.iters.length, step = Math.max(1, Math.ceil(nI / 8));
   P.iters.forEach((v, k) => { if (k % step === 0 || k === nI - 1) o += `<text x="${X(k)}" y="${H - B + fs * 1.2}" font-size="${fs * 0.9}" text-anchor="middle">${v}</text>`; });
   o += `<text x="${(L + W - R) / 2}" y="${H - fs * 0.4}" font-size="${fs * 0.9}" text-anchor="middle">${esc(t("iteration"))}</text>`;
   o += `<text transform="translate(${fs},${(T + H - B) / 2}) rotate(-90)" font-size="${fs * 0.9}" text-anchor="middle">${esc(ylab)}</text>`;
   if (k0 >= 0) o += `<line class="av-plot-current" x1="${X(k0)}" y1="${T}" x2="${X(k0)}" y2="${H - B}"/>`;
   series.forEach((s, q) => {
    const c = OI[q % OI.length], dash = q >= OI.length ? ' stroke-dasharray="5 3"' : "";
    const pts = s.v.map((x, k) => (x === null || !isFinite(x) ? null : `${X(k).toFixed(1)},${Y(x).toFixed(1)}`)).filter((p) => p);
    o += `<polyline points="${pts.join(" ")}" fill="none" stroke="${c}" stroke-width="2.2"${dash}><title>${esc(s.name)}</title></polyline>`;
    if (k0 >= 0 && s.v[k0] !== null && isFinite(s.v[k0]))
     o += `<circle class="av-plot-mark" cx="${X(k0)}" cy="${Y(s.v[k0])}" r="${fs * 0.45}" fill="${c}"/>`;
   });
   const leg = series.length > 1 ? `<div class="av-plot-legend">${series.map((s, q) => `<span><i style="background:${OI[q % OI.length]}"></i>${esc(s.name)}</span>`).join(" ")}</div>` : "";
   return `<svg class="av-plot" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}">${o}</svg>${leg}`;
  };
  let out = "";
  if (P.loss.some((x) => x !== null)) out += panel([{ name: t("loss"), v: P.loss }], t("plot_title"), t("loss"), true);
  const names = Object.keys(P.params);
  if (names.length) {
   const series = [];
   for (const nm of names) {
    if (paramPick && nm !== paramPick) continue;
    const w = Math.max(...P.params[nm].map((v) => (v ? v.length : 0)));
    for (let e = 0; e < w && (paramPick || series.length < 8); e++)
     series.push({ name: w === 1 ? nm : `${nm}[${e}]`, v: P.params[nm].map((v) => (v && v[e] !== undefined ? v[e] : null)) });
   }
   let pick = "";
   if (names.length > 1 || series.length > 8) {
    pick = `<select class="av-param-picker" aria-label="${esc(t("param_pick"))}"><option value="">${esc(t("all_params"))}</option>` +
     names.map((nm) => `<option value="${esc(nm)}"${nm === paramPick ? " selected" : ""}>${esc(nm)}</option>`).join("") + "</select>";
   }
   out += `<div class="av-plot-params">${pick}${panel(series, t("params_title"), t("value"), false)}</div>`;
  }
  plotBox.innerHTML = out;
  const ps = plotBox.querySelector(".av-param-picker");
  if (ps) ps.onchange = () => { paramPick = ps.value; plot(); };
 }

 // ------------------------------------------------------------------ state changes
 function labels() {
  root.setAttribute("aria-label", t("title"));
  root.lang = lang;
  const lab = (e, k, txt) => { e.setAttribute("aria-label", t(k)); e.title = t(k); if (txt !== undefined) e.textContent = txt; };
  // arrow + word; on a narrow output the CSS shows the arrows only (aria-label keeps the name)
  const nav = (e, k, a, after) => {
   lab(e, k);
   e.innerHTML = after ? `<span class="av-txt">${esc(t(k + "_s"))} </span>${a}` : `${a}<span class="av-txt"> ${esc(t(k + "_s"))}</span>`;
  };
  nav(bFirst, "first", "«"); nav(bPrev, "prev", "‹"); nav(bNext, "next", "›", 1); nav(bLast, "last", "»", 1);
  lab(speed, "speed_tip");
  lab(slider, "frame_tip");
  lab(itSel, "iteration_tip");
  lab(nodeSel, "node_tip");
  lab(vFlow, "view_dataflow", t("dataflow"));
  lab(vAuto, "view_autograd", t("autograd"));
  lab(lEn, "lang_tip"); lab(lZh, "lang_tip");
  lab(sizeIn, "font_tip");
  lab(zOut, "zoom_out"); lab(zIn, "zoom_in"); lab(zFit, "zoom_fit", t("fit"));
  graph.setAttribute("aria-label", t("graph"));
  graph.setAttribute("role", "img");
  sizeLbl.firstChild.textContent = t("font") + " ";
  jumpLbl.textContent = t("jump");
  for (const p in jumps) {
   jumps[p].textContent = t(p);
   jumps[p].title = t("jump_tip", { phase: t(p) });
   jumps[p].setAttribute("aria-label", jumps[p].title);
  }
  for (const [b, v] of [[vFlow, "dataflow"], [vAuto, "autograd"]]) b.setAttribute("aria-pressed", view === v);
  for (const [b, v] of [[lEn, "en"], [lZh, "zh"]]) b.setAttribute("aria-pressed", lang === v);
  nodeSel.innerHTML = "";
  nodeSel.appendChild(h("option", "", { value: -1, text: t("current_node") }));
  V().info.forEach((x, j) => nodeSel.appendChild(h("option", "", { value: j, text: x[0] })));
  nodeSel.value = picked;
  playLabel();
  legend.innerHTML = legendHTML();
  note.textContent = (D.notes && D.notes[view] && D.notes[view][lang]) || "";
 }
 const playLabel = () => {
  const k = timer ? "pause" : "play";
  bPlay.textContent = (timer ? "❚❚ " : "▶ ") + t(k + "_s");
  bPlay.setAttribute("aria-label", t(k)); bPlay.title = t(k);
  bPlay.setAttribute("aria-pressed", timer ? "true" : "false");
 };

 function show() {
  paint();
  caption.innerHTML = captionHTML();
  wireQuiz();
  inspect();
  slider.value = i;
  slider.setAttribute("aria-valuenow", i);
  slider.setAttribute("aria-valuetext", t("frame_k", { k: i + 1, n }));
  frameno.textContent = t("frame_k", { k: n ? i + 1 : 0, n });
  bFirst.disabled = bPrev.disabled = i <= 0;
  bNext.disabled = bLast.disabled = i >= n - 1;
  root.dataset.frame = i;
  if (iters.length > 1 && D.iteration[i] !== null) itSel.value = D.iteration[i];
  if (D.plot && D.iteration[i] !== lastIt) { lastIt = D.iteration[i]; plot(); }
 }
 let lastIt;

 function go(k, fromSlider) {
  if (!n) return;
  k = Math.max(0, Math.min(n - 1, k | 0));
  if (!fromSlider) stop();
  if (k === i && G) return;
  i = k;
  show();
  model.set("frame", i);
  model.save_changes();
 }
 function jump(p) {
  for (let d = 1; d <= n; d++) { const j = (i + d) % n; if (D.phases[D.phase[j]] === p) return go(j); }
 }
 function stop() { if (timer) { clearInterval(timer); timer = null; playLabel(); } }
 function play() {
  if (timer) return stop();
  if (i >= n - 1) go(0);
  timer = setInterval(() => {
   if (i < n - 1) { i++; show(); model.set("frame", i); model.save_changes(); }
   if (i >= n - 1) stop();
  }, +speed.value);
  playLabel();
 }
 function setView(v) {
  if (v === view) return;
  view = v; picked = -1; labels(); show();
  model.set("view", v); model.save_changes();
 }
 function setLang(l) {
  if (l === lang || !(l in UI)) return;
  lang = l; labels(); show(); plot();
  model.set("lang", l); model.save_changes();
 }
 function setSize(s) {
  root.classList.remove("av-size-" + size);
  size = s; root.classList.add("av-size-" + size); sizeIn.value = s;
  setZoom(zoom); plot();
  if (model.get("size") !== s) { model.set("size", s); model.save_changes(); }
 }

 // keyboard: a window capture listener (Notebook 7 never delivers keys to the widget's
 // node), only while focus is inside this stepper
 const onKey = (e) => {
  if (!root.contains(document.activeElement)) return;
  const tag = (e.target && e.target.tagName) || "";
  if (tag === "SELECT" || (tag === "INPUT" && e.target.type !== "range" && e.target.type !== "button")) return;
  if (tag === "INPUT" && e.target.type === "range" && e.key !== " ") return; // native slider keys
  let done = true;
  if (e.type === "keyup") { if (e.key === " ") e.preventDefault(); return; }
  if (e.key === "ArrowRight") go(i + 1);
  else if (e.key === "ArrowLeft") go(i - 1);
  else if (e.key === "Home") go(0);
  else if (e.key === "End") go(n - 1);
  else if (e.key === " ") play();
  else done = false;
  if (done) { e.preventDefault(); e.stopPropagation(); }
 };
 window.addEventListener("keydown", onKey, true);
 window.addEventListener("keyup", onKey, true);

 const handlers = {
  "change:frame": () => { const k = model.get("frame"); if (k !== i && k >= 0 && k < n) { i = k; show(); } },
  "change:lang": () => { const l = model.get("lang"); if (l !== lang && l in UI) { lang = l; labels(); show(); plot(); } },
  "change:view": () => { const v = model.get("view"); if (v !== view && D.views[v]) { view = v; picked = -1; labels(); show(); } },
  "change:size": () => { const s = model.get("size"); if (s !== size && s >= 1 && s <= 5) setSize(s); },
  "change:quiz": () => { quiz = !!model.get("quiz"); show(); },
 };
 for (const k in handlers) model.on(k, handlers[k]);

 labels();
 show();
 plot();
 requestAnimationFrame(() => { setZoom(zoom, true); follow(); });
 return () => {
  stop();
  window.removeEventListener("keydown", onKey, true);
  window.removeEventListener("keyup", onKey, true);
  for (const k in handlers) model.off(k, handlers[k]);
  ro && ro.disconnect();
  el.textContent = "";
 };
}

export default { render };
