"""The layout once, then every frame as a compact state (what the browser Stepper applies).

``stepper_data(rec)`` -> a dict (JSON-ready) holding, per view (data-flow, autograd), the
Graphviz layout as one cleaned SVG plus the geometry of each node's value / grad lines, and
for every frame a small *delta*: which nodes changed status or texts, which edges are
active.  Texts live once in a string table.  Captions (en, zh), phases, iterations, the
current node, the frame's detail and the loss / parameter series are stored once too.  No
per-frame SVG exists anywhere: the browser restyles the one layout.

The seam with the recorder is read in one place, :func:`frame_states`: ``rec.frames``,
``rec.graph`` / ``rec.autograd_graph`` and ``rec.state(i, view)``.
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor

from . import engine as E
from .frames import (
    FLOWED,
    GRAD_PREFIX,
    MAX_NODES,
    VALUE_PT,
    _graph_for,
    _prefix,
    _static_lines,
    build_dot,
    flows_only,
    split_rows,
    text_width,
    visible_nodes,
)

VIEWS = ("dataflow", "autograd")
#: status codes in the compact state (index = code)
STATUSES = ("pending", "done", "grad", "current", "freed", "outside")
_CODE = {s: k for k, s in enumerate(STATUSES)}
#: a data-flow picture estimated wider than this (pt) is laid out top to bottom instead
LR_MAX_WIDTH = 720
#: ... when it has at most this many nodes (``dot`` took over a minute on a 200-node chain
#: sharing one weight top to bottom, 2 s left to right)
TB_MAX_NODES = 80
#: above this many frames x drawn nodes, states are followed frame to frame (deltas)
FAST_LIMIT = 200_000


# ---------------------------------------------------------------------- states
def _status(st):
    if st is None:
        return "pending"
    if st.status == "done" and st.grad:
        return "grad"
    return st.status


def _texts(node, st):
    """(value text, grad text) a node shows: none for grad_fn nodes, no value for
    AccumulateGrad."""
    if st is None or node.kind == "grad_fn":
        return None, None
    v = None if node.kind == "accumulate" else st.value
    return v, st.grad


def frame_states(rec, view, ids=None):
    """Per frame, ``{node id: (status, value text, grad text)}`` for ``ids`` (default: every
    node of the view's graph).  The one place that reads ``rec.state``."""
    return [dict(row) for row in iter_states(rec, view, ids)]


def iter_states(rec, view, ids=None):
    """:func:`frame_states` one frame at a time (the row yielded may be reused for the next
    frame: use it before asking for the next one)."""
    graph = _graph_for(rec, view)
    ids = list(graph.nodes) if ids is None else list(ids)
    n = len(rec.frames)
    if _fast_ok(rec):
        yield from _fast_states(rec, view, ids)
        return
    for i in range(max(n, 1)):
        st = rec.state(i if n else 0, view=view)
        row = {}
        for d in ids:
            s = st.get(d)
            v, g = _texts(graph.nodes[d], s)
            row[d] = (_status(s), v, g)
        yield row


def _fast_ok(rec):
    deltas = getattr(rec, "_deltas", None)
    checkpoints = getattr(rec, "_checkpoints", None)
    return (
        isinstance(deltas, list)
        and len(deltas) == len(rec.frames)
        and bool(checkpoints)
        and 0 in checkpoints
    )


def _fast_states(rec, view, ids):
    """Rows following the recorder's per-frame deltas (only the nodes a frame touches are
    recomputed, instead of a full ``rec.state`` per frame); used when :func:`_fast_ok`.
    Tests compare it with ``rec.state`` frame by frame, in both views."""
    from ..recorder.model import NodeState

    deltas = rec._deltas
    n = len(rec.frames)
    graph = _graph_for(rec, view)
    base = {d: (d[2:] if d.startswith("a:") else d) for d in ids}
    by_base = {}
    for d, b in base.items():
        by_base.setdefault(b, []).append(d)
    raw = dict(rec._checkpoints[0])
    pending = NodeState(None, None, "pending")

    def one(d, current):
        s = raw.get(base[d])
        if view == "autograd":
            if s is None:
                s = pending
            if d.startswith("a:"):
                s = NodeState(None, s.grad, "done" if s.status != "pending" else "pending")
        if s is not None and d in current:
            s = s._replace(status="current")
        v, g = _texts(graph.nodes[d], s)
        return (_status(s), v, g)

    prev_cur: set = set()
    row = {}
    for i in range(n):
        f = rec.frames[i]
        cur = set(f.nodes if view == "dataflow" else f.anodes)
        if i == 0:
            row = {d: one(d, cur) for d in ids}
        else:
            raw.update(deltas[i])
            touched = {d for b in deltas[i] for d in by_base.get(b, ())}
            touched |= {d for d in prev_cur | cur if d in base}
            for d in touched:
                row[d] = one(d, cur)
        yield row
        prev_cur = cur


# ---------------------------------------------------------------------- layout
_NODE_RE = re.compile(r'<g id="av_([A-Za-z0-9_]+)" class="node[^"]*">(.*?)</g>', re.S)
_EDGE_RE = re.compile(r'<g id="ave_(\d+)" class="edge">(.*?)</g>', re.S)
_TEXT_RE = re.compile(r"<text([^>]*)>(.*?)</text>\s*", re.S)
_ATTR_RE = re.compile(r'\b(x|y|text-anchor)="([^"]*)"')
_SHAPE_GEOM_RE = re.compile(r'<(path|polygon|ellipse) [^>]*?(?:d|points|cx)="([^"]*)"')
_PAINT_RE = re.compile(r'\s(?:fill|stroke|stroke-width|stroke-dasharray)="[^"]*"')


_ROUND = re.compile(r"-?\d+\.\d+")
_XY = re.compile(r"(-?[\d.]+),(-?[\d.]+)")


def _rounded_rect(m):
    """A node's rounded box (a Graphviz path of curves) as the same ``<rect rx>``."""
    pts = [(float(a), float(b)) for a, b in _XY.findall(m.group(1))]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    x, y, w, h = min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)
    r = min(6, w / 6, h / 6)
    return (
        f'<rect x="{round(x)}" y="{round(y)}" width="{round(w)}" height="{round(h)}" '
        f'rx="{round(r, 1):g}"/>'
    )


def _num(v) -> float:
    return round(float(v), 1)


def _centre_x(body):
    m = _SHAPE_GEOM_RE.search(body)
    if not m:
        return None
    if m.group(1) == "ellipse":
        return float(m.group(2))
    xs = [float(a) for a, _ in re.findall(r"(-?[\d.]+),(-?[\d.]+)", m.group(2))]
    if not xs:  # a path: d="M91,-169C91,-169 12,-169 ..."
        xs = [float(a) for a in re.findall(r"(-?[\d.]+),-?[\d.]+", m.group(2))]
    return (min(xs) + max(xs)) / 2 if xs else None


def _reserved(graph, ids, states):
    """{id: (value rows, grad rows)} widest per line over all frames (one layout fits all);
    ``states``: rows per frame (a list or an iterator)."""
    seen = {d: (set(), set()) for d in ids}
    for row in states:
        for d in ids:
            _, v, g = row.get(d, (None, None, None))
            if v:
                seen[d][0].add(v)
            if g:
                seen[d][1].add(g)
    out = {}
    for d in ids:
        node = graph.nodes[d]
        res = []
        for which, texts in (("value", seen[d][0]), ("grad", seen[d][1])):
            best = []
            for t in texts:
                for k, r in enumerate(split_rows(t)):
                    if k == len(best):
                        best.append(r)
                    elif text_width(r, 10) > text_width(best[k], 10):
                        best[k] = r
            p, ind = _prefix(node, which)
            res.append([(p if k == 0 else ind) + r for k, r in enumerate(best)])
        out[d] = tuple(res)
    return out


def _rank_dir(graph, ids, reserved):
    """``LR`` unless the left-to-right picture would be wider than ``LR_MAX_WIDTH`` (a long
    chain): then ``TB`` (a tall picture scrolls; the current node is kept in view)."""
    if len(ids) > TB_MAX_NODES:
        return "LR"
    vis = set(ids)
    rank = {}
    preds = {}
    for a, b in graph.edges:
        if a in vis and b in vis:
            preds.setdefault(b, []).append(a)
    for d in ids:  # ids come in creation order: inputs before outputs
        rank[d] = 1 + max((rank.get(p, 0) for p in preds.get(d, ())), default=0)
    widths = {}
    for d in ids:
        node = graph.nodes[d]
        lines = [*_static_lines(node), *reserved[d][0], *reserved[d][1]]
        w = max((text_width(s, 12 if k == 0 else VALUE_PT) for k, s in enumerate(lines)), default=8)
        r = rank[d]
        widths[r] = max(widths.get(r, 0), w + 12)
    total = sum(widths.values()) + 16 * len(widths)
    return "LR" if total <= LR_MAX_WIDTH else "TB"


def _clean_svg(svg, spec, graph, labels):
    """The layout SVG without paint (CSS styles nodes by class), without the value / grad
    lines (the browser writes them), plus each node's line geometry."""
    ids = {re.sub(r"[^A-Za-z0-9_]", "_", d): d for d in spec["nodes"]}
    order = {d: k for k, d in enumerate(spec["nodes"])}
    geom = {}

    def node_sub(m):
        d = ids.get(m.group(1))
        body = m.group(2)
        if d is None:
            return m.group(0)
        static, nv, ng = spec["nodes"][d]
        node = graph.nodes[d]
        texts = []
        for t in _TEXT_RE.finditer(body):
            a = dict(_ATTR_RE.findall(t.group(1)))
            texts.append((float(a.get("x", 0)), float(a.get("y", 0)), a.get("text-anchor", "")))
        cx = _centre_x(body)
        if cx is None:
            cx = texts[0][0] if texts else 0.0
        dyn = texts[len(static) :]
        starts = [x for x, _, anc in dyn if anc == "start"] or [cx]
        left = min(starts)
        geom[d] = [
            _num(cx),
            _num(left),
            [_num(y) for _, y, _ in dyn],
            nv,
            ng,
            1 if (nv > 1 or ng > 1) else 0,
            1 if flows_only(node) else 0,
        ]
        # keep the static lines (name, op), drop the dynamic ones; no paint on the shape
        kept = []
        k = 0

        def text_sub(t):
            nonlocal k
            k += 1
            if k <= len(static):
                kept.append(1)
                return re.sub(r'\sfont-family="[^"]*"', "", t.group(0)).rstrip() + "\n"
            return ""

        body = _TEXT_RE.sub(text_sub, body)
        body = re.sub(
            r"<(path|polygon|ellipse) ([^>]*)/>",
            lambda s: f"<{s.group(1)} {_PAINT_RE.sub('', ' ' + s.group(2)).strip()}/>",
            body,
            count=1,
        )
        body = re.sub(r"<title>.*?</title>\s*", "", body)  # (the inspector names it)
        body = re.sub(r'<path d="(M[^"]*C[^"]*)"/>', _rounded_rect, body, count=1)
        return f'<g id="av_{m.group(1)}" class="node" data-k="{order[d]}">{body.strip()}\n</g>'

    def edge_sub(m):
        body = re.sub(r"<title>.*?</title>\s*", "", m.group(2))
        body = re.sub(r'\s(?:stroke|stroke-width)="[^"]*"', "", body)
        body = re.sub(r'(<polygon)\s(?:fill)="[^"]*"', r"\1", body)
        return f'<g id="ave_{m.group(1)}" class="edge">{body.strip()}</g>'

    svg = re.sub(r"<!--.*?-->\s*", "", svg, flags=re.S)
    svg = _NODE_RE.sub(node_sub, svg)
    svg = _EDGE_RE.sub(edge_sub, svg)
    svg = svg.replace(' xmlns:xlink="http://www.w3.org/1999/xlink"', "")
    svg = re.sub(r'\sfont-family="[^"]*"', "", svg)
    # shapes, edges and texts to whole points (half a point at most: invisible)
    svg = re.sub(
        r'\b(d|points)="([^"]*)"',
        lambda m: (
            f'{m.group(1)}="{_ROUND.sub(lambda x: str(round(float(x.group(0)))), m.group(2))}"'
        ),
        svg,
    )
    svg = re.sub(r'font-size="(\d+)\.00"', r'font-size="\1"', svg)
    svg = re.sub(
        r'(<text[^>]*? )x="([-\d.]+)" y="([-\d.]+)"',
        lambda m: f'{m.group(1)}x="{round(float(m.group(2)))}" y="{round(float(m.group(3)))}"',
        svg,
    )
    svg = svg.replace('<path fill="none" ', "<path ").replace(' text-anchor="start"', "")
    # attribute values in single quotes: the SVG travels inside a JSON string inside a JSON
    # message, where every double quote costs three more bytes (texts hold no raw quotes:
    # Graphviz writes them as &quot;)
    svg = re.sub(r'(\s[\w:-]+)="([^"<>\']*)"', r"\1='\2'", svg)
    svg = re.sub(r"\n\s*\n", "\n", svg)
    return svg, [geom.get(d) for d in spec["nodes"]]


def layout(rec, view, states=None, limit=MAX_NODES, labels=None):
    """One Graphviz run for ``view``: (clean svg or None, node ids drawn, geometry, edges,
    cut, message, rankdir)."""
    graph = _graph_for(rec, view)
    ids, cut = visible_nodes(graph, limit)
    if states is None:
        states = iter_states(rec, view, ids)
    reserved = _reserved(graph, ids, states)
    rankdir = _rank_dir(graph, ids, reserved) if view == "dataflow" else "TB"
    source, spec, cut = build_dot(
        rec, view, limit=limit, layout=True, reserved=reserved, rankdir=rankdir
    )
    labels = labels or {d: node_label(graph.nodes[d]) for d in ids}
    try:
        svg = E.run_svg(source)
    except E.EngineError as exc:
        return None, list(spec["nodes"]), [], spec["edges"], cut, str(exc), rankdir
    svg, geom = _clean_svg(svg, spec, graph, labels)
    return svg, list(spec["nodes"]), geom, spec["edges"], cut, "", rankdir


# ---------------------------------------------------------------------- node facts
def node_label(node) -> str:
    name = getattr(node, "name", None) or getattr(node, "op", None) or str(node.id)
    if node.kind == "op":
        op = getattr(node, "op", None)
        return name if not op or op == name else f"{name} ({op})"
    if node.kind == "accumulate":
        return f"AccumulateGrad ({name})"
    return str(name)


def _producer(graph, node):
    if node.is_leaf:
        return None
    for a, b in graph.edges:
        if b == node.id:
            src = graph.nodes.get(a)
            if src is not None and src.kind == "op":
                return src.grad_fn or src.op
    return None


def node_info(graph, d, strings=None):
    """[label, kind, shape, requires_grad, is_leaf, grad_fn, forward symbol, local formula,
    flows only, local formula in Chinese] for the inspector (with ``strings``: the texts
    after ``is_leaf`` as indices into the string table; the Chinese formula is "" (0) when
    it is the same as the English one)."""
    n = graph.nodes[d]
    shape = list(n.shape) if n.shape is not None else None
    gf = n.grad_fn or (_producer(graph, n) if n.kind == "tensor" else None) or ""
    if n.kind in ("op", "grad_fn", "accumulate") and not gf:
        gf = n.op or ""
    sym = (n.symbol or n.op or "") if n.kind == "op" else ""
    formula = n.formula or ""
    formula_zh = getattr(n, "formula_zh", "") or ""
    if formula_zh == formula:
        formula_zh = ""
    if strings is not None:
        gf, sym = strings(gf), strings(sym)
        formula, formula_zh = strings(formula), strings(formula_zh)
    return [
        node_label(n),
        n.kind,
        shape,
        1 if n.requires_grad else 0,
        1 if n.is_leaf else 0,
        gf,
        sym,
        formula,
        1 if flows_only(n) else 0,
        formula_zh,
    ]


# ---------------------------------------------------------------------- the whole
class _Strings:
    """The string table: each text once; ``rows`` the picture lines of the values whose
    lines (the recorder's ``Text.rows``) differ from what the browser parses out of the
    text (``split_rows`` of the plain string, ported to ``stepper.js``)."""

    def __init__(self):
        self.items = [""]
        self.index = {"": 0}
        self.rows = {}

    def __call__(self, s) -> int:
        if not s:
            return 0
        k = self.index.get(str(s))
        if k is None:
            k = self.index[str(s)] = len(self.items)
            self.items.append(str(s))
            rows = getattr(s, "rows", None)
            if rows and list(rows) != split_rows(str(s)):
                self.rows[k] = list(rows)
        return k


def _view_data(rec, view, strings, limit=MAX_NODES, laid=None):
    graph = _graph_for(rec, view)
    svg, ids, geom, edges, cut, message, rankdir = (
        laid["layout"] if laid else layout(rec, view, None, limit)
    )
    rows = laid.get("rows") if laid else None
    states = rows if rows is not None else iter_states(rec, view, ids)
    idx = {d: k for k, d in enumerate(ids)}
    eidx = {e: k for k, e in enumerate(edges)}
    frames = rec.frames
    deltas, active, current = [], [], []
    blank = ("pending", None, None)
    prev = dict.fromkeys(ids, blank)  # what the browser starts from
    first = None
    for i, row in enumerate(states):
        if not frames:
            first = dict(row)
            break
        dl = []
        for d in ids:
            cell = row.get(d, blank)
            if prev[d] != cell:  # (compares the texts, before any table lookup)
                prev[d] = cell
                dl.extend((idx[d], _CODE.get(cell[0], 1), strings(cell[1]), strings(cell[2])))
        deltas.append(dl)
        f = frames[i]
        es = f.edges if view == "dataflow" else f.aedges
        active.append(sorted({eidx[tuple(e)] for e in es if tuple(e) in eidx}))
        cur = (f.nodes if view == "dataflow" else f.anodes) or ((f.node,) if f.node else ())
        current.append(idx.get(cur[0], -1) if cur else -1)
    if not frames and first is not None:  # a frameless recording: its one state
        dl = []
        for d in ids:
            s, v, g = first.get(d, ("pending", None, None))
            dl.extend((idx[d], _CODE.get(s, 1), strings(v), strings(g)))
        deltas.append(dl)
    note = getattr(graph, "note", "") or ""
    return {
        "svg": svg,
        "ids": ids,
        "info": [node_info(graph, d, strings) for d in ids],
        "geom": geom,
        "edges": len(edges),
        # each edge's two nodes (indices into ids, -1 when not drawn): the quiz hides only the
        # grads a frame sends along its active edges (not the root's seed dL/dL = 1)
        "ends": [[idx.get(a, -1), idx.get(b, -1)] for a, b in edges],
        "cut": cut,
        "total": len(graph.nodes),
        # value / grad lines: [prefix, indent of continuation rows] (a kept .grad, a flowed one)
        "rows": {
            "value": ["", _num(text_width("[", VALUE_PT))],
            "grad": [GRAD_PREFIX, _num(text_width(GRAD_PREFIX + "[", VALUE_PT))],
            "flow": [FLOWED["en"][0], _num(text_width(FLOWED["en"][0] + "[", VALUE_PT))],
        },
        "message": message,
        "note": note,
        "rankdir": rankdir,
        "deltas": deltas,
        "active": active,
        "current": current,
    }


def stepper_data(rec, limit=MAX_NODES) -> dict:
    """Everything the browser Stepper needs for ``rec``, in both views and both languages
    (the UI strings are added by the widget layer)."""
    # states read once per view when they are small, else streamed (once for the layout's
    # widest texts, once for the deltas)
    rows = {}
    for v in VIEWS:
        ids, _ = visible_nodes(_graph_for(rec, v), limit)
        small = len(rec.frames) * max(len(ids), 1) <= FAST_LIMIT
        rows[v] = frame_states(rec, v, ids) if small else None
    # the two Graphviz runs are independent processes: run them side by side
    with ThreadPoolExecutor(max_workers=2) as pool:
        futs = {v: pool.submit(layout, rec, v, rows[v], limit) for v in VIEWS}
        laid = {v: {"layout": futs[v].result(), "rows": rows[v]} for v in VIEWS}
    strings = _Strings()
    views = {v: _view_data(rec, v, strings, limit, laid[v]) for v in VIEWS}
    frames = rec.frames
    phases = []
    for f in frames:
        if f.phase not in phases:
            phases.append(f.phase)
    iters = {f.iteration for f in frames}
    data = {
        "n": len(frames),
        "phases": phases,
        "phase": [phases.index(f.phase) for f in frames],
        "iteration": [f.iteration for f in frames],
        "multi": len(iters) > 1,
        "caption": {
            lang: [str((f.captions or {}).get(lang) or f.caption or "") for f in frames]
            for lang in ("en", "zh")
        },
        # detail values as indices into the string table (formulas repeat); ``detail_zh``
        # the entries whose Chinese text differs (the recorder's ``<key>_zh``)
        "detail": [_detail(f.detail, False, strings) for f in frames],
        "detail_zh": [_detail(f.detail, True, strings) for f in frames],
        "strings": strings.items,
        "rows": strings.rows,
        "views": views,
        "plot": plot_data(getattr(rec, "iterations", None) or []),
    }
    return data


def _detail(detail, zh, strings) -> dict:
    """A frame's inspector entries (``zh``: only the Chinese ``<key>_zh`` ones, under
    ``<key>``) as string-table indices."""
    out = {}
    for k, v in (detail or {}).items():
        if not str(v) or k == "code" or k.endswith("_zh") != zh:
            continue
        out[k[:-3] if zh else k] = strings(v)
    return out


def plot_data(iterations) -> dict | None:
    """Loss and parameter series over iterations (None with fewer than two)."""
    its = [it for it in iterations if isinstance(it, dict)]
    if len(its) < 2:
        return None
    loss = [it.get("loss") for it in its]
    params = {}
    for it in its:
        for name in it.get("params") or {}:
            params.setdefault(name, [])
    for name in params:
        for it in its:
            v = (it.get("params") or {}).get(name)
            if v is None:
                params[name].append(None)
            else:
                v = list(v) if isinstance(v, (list, tuple)) else [v]
                params[name].append([float(x) if isinstance(x, (int, float)) else None for x in v])
    return {
        "iters": [it.get("iteration", k) for k, it in enumerate(its)],
        "loss": [float(x) if isinstance(x, (int, float)) else None for x in loss],
        "params": params,
    }
