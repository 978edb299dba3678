"""DOT text, the once-laid-out SVG template, per-frame restyling, the text table.

Layout once: :class:`FrameRenderer` writes every node with the *widest* text it shows in
any frame, runs Graphviz one time, then cuts the SVG into static pieces and slots (node
class, node fill/stroke, the dynamic text lines, edge colours).  ``svg(i)`` fills the
slots for frame ``i``: positions never move and Graphviz never runs again.
"""

from __future__ import annotations

import html
import re

from . import engine as E

#: graphs with more nodes are cut to the last MAX_NODES (nearest the outputs), with a note
MAX_NODES = 250

# Okabe–Ito colours (colour-blind safe); states also differ by line width and dash.
PALETTE = {
    "pending": {"fill": "#FFFFFF", "stroke": "#A0A0A0", "width": "1", "dash": "4,3"},
    "done": {"fill": "#D4E9F7", "stroke": "#0072B2", "width": "1.2", "dash": "none"},
    "grad": {"fill": "#CFEDE2", "stroke": "#009E73", "width": "1.6", "dash": "none"},
    "current": {"fill": "#E69F00", "stroke": "#000000", "width": "3", "dash": "none"},
    "freed": {"fill": "#EDEDED", "stroke": "#D55E00", "width": "1.6", "dash": "6,3"},
    "outside": {"fill": "#FFFFFF", "stroke": "#777777", "width": "1", "dash": "1,3"},
}
EDGE = {"normal": ("#555555", "1"), "active": ("#D55E00", "2.6")}
LEGEND = ("colours: orange = current step, blue = computed, green = a gradient reached it, "
          "dashed grey = not computed yet, dashed red = freed, dotted = outside the graph")


def dot_quote(s) -> str:
    """A DOT double-quoted string showing ``s`` literally (no HTML, no escapes)."""
    s = str(s).replace("\r", " ").replace("\n", " ")
    s = s.replace("&", "&amp;").replace("\\", "\\\\").replace('"', '\\"')
    return '"' + s + '"'


def _label(lines) -> str:
    parts = []
    for ln in lines:
        s = str(ln).replace("\r", " ").replace("\n", " ")
        parts.append(s.replace("&", "&amp;").replace("\\", "\\\\").replace('"', '\\"'))
    return '"' + "\\n".join(parts) + '"'


def _sid(node_id) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", node_id)


def _graph_for(rec, view):
    if view not in ("dataflow", "autograd"):
        raise ValueError(f"view must be 'dataflow' or 'autograd', got {view!r}")
    return rec.graph if view == "dataflow" else rec.autograd_graph


def _static_lines(node):
    if node.kind == "tensor":
        return [node.name]
    if node.kind == "op":
        return [node.name]
    if node.kind == "accumulate":
        return ["AccumulateGrad", f"({node.name})"]
    return [node.name]


#: how the gradient that flowed through a non-leaf tensor is written (PyTorch keeps no
#: ``.grad`` for it unless ``retain_grad()`` was called); drawn grey and italic
FLOWED = {"en": ("flowed: ", " (not kept)"), "zh": ("流经：", "（未保留）")}
FLOWED_STYLE = 'font-style="italic" fill="#666666"'


def _lang(rec, lang=None):
    if lang in FLOWED:
        return lang
    lang = getattr(rec, "lang", None)
    if lang in FLOWED:
        return lang
    from ..recorder import get_language

    return get_language()


def flows_only(node) -> bool:
    """A non-leaf tensor whose ``.grad`` PyTorch does not keep (no ``retain_grad()``)."""
    return (node.kind == "tensor" and not node.is_leaf
            and not getattr(node, "retains_grad", False))


def grad_text(node, g, lang="en"):
    """The grad line of a node: ``grad 2`` (a kept ``.grad``) or ``flowed: 1 (not kept)``."""
    if not g:
        return None
    if flows_only(node):
        a, b = FLOWED.get(lang, FLOWED["en"])
        return f"{a}{g}{b}"
    return f"grad {g}"


def _dyn_text(node, st, lang="en"):
    """The dynamic lines of a node for a NodeState: [value line, grad line]."""
    if node.kind == "grad_fn":
        return []
    if node.kind == "accumulate":
        return [None, None if st is None else grad_text(node, st.grad, lang)]
    v = None if st is None else st.value
    if node.kind == "tensor" and v is not None:
        v = f"= {v}" if "×" not in v else v
    g = None if st is None else grad_text(node, st.grad, lang)
    return [v, g]


def _widest_lines(rec, node, view, lang="en"):
    nid = node.id[2:] if node.id.startswith("a:") else node.id
    wv, wg = rec.widest(nid)
    if node.kind == "grad_fn":
        return []
    if node.kind == "accumulate":
        return [None, grad_text(node, wg, lang)]
    if node.kind == "tensor" and wv:
        wv = f"= {wv}" if "×" not in wv else wv
    return [wv or None, grad_text(node, wg, lang)]


def style_flowed(svg: str, lang="en") -> str:
    """Grey italic for the "flowed: ..." lines of an SVG Graphviz drew from our DOT."""
    a, _ = FLOWED.get(lang, FLOWED["en"])
    pat = re.compile(r"(<text[^>]*>)(" + re.escape(html.escape(a, quote=False)) + r"[^<]*)(</text>)")
    return pat.sub(lambda m: f"{m.group(1)}<tspan {FLOWED_STYLE}>{m.group(2)}</tspan>"
                   f"{m.group(3)}", svg)


def _style(node, st):
    status = "pending" if st is None else st.status
    if status == "done" and st.grad:
        status = "grad"
    return PALETTE.get(status, PALETTE["done"]), status


def visible_nodes(graph, limit=MAX_NODES):
    ids = list(graph.nodes)
    if len(ids) <= limit:
        return ids, 0
    return ids[-limit:], len(ids) - limit


def build_dot(rec, view="dataflow", state=None, limit=MAX_NODES, layout=False, lang=None):
    """DOT source.  ``layout=True``: neutral styling and the widest texts (template);
    else the texts and colours of ``state``.  Returns (source, spec) where ``spec`` maps
    node id -> (number of static lines, number of dynamic lines) and lists edges."""
    graph = _graph_for(rec, view)
    lang = _lang(rec, lang)
    ids, cut = visible_nodes(graph, limit)
    vis = set(ids)
    rankdir = "LR" if view == "dataflow" else "TB"
    out = [f"digraph autograd_viz {{",
           f'  graph [rankdir={rankdir}, bgcolor="white", nodesep=0.25, ranksep=0.35];',
           '  node [fontname="Helvetica", fontsize=11];',
           '  edge [color="#555555", arrowsize=0.7];']
    spec = {"nodes": {}, "edges": []}
    for d in ids:
        n = graph.nodes[d]
        st = None if state is None else state.get(d)
        static = _static_lines(n)
        dyn = _widest_lines(rec, n, view, lang) if layout else _dyn_text(n, st, lang)
        if layout:
            dyn_present = [x is not None for x in dyn]
        else:
            wl = _widest_lines(rec, n, view, lang)
            dyn_present = [a is not None or b is not None for a, b in zip(dyn, wl)]
            dyn = [x if x is not None else "" for x in dyn]
        lines = static + [x for x, p in zip(dyn, dyn_present) if p]
        spec["nodes"][d] = (len(static), [i for i, p in enumerate(dyn_present) if p])
        if n.kind in ("tensor", "accumulate"):
            shape = 'shape=box, style="rounded,filled"'
        elif n.kind == "grad_fn":
            shape = 'shape=box, style="filled"'
        else:
            shape = 'shape=ellipse, style="filled", margin="0.04,0.02"'
        if layout:
            colours = 'fillcolor="#FFFFFF", color="#A0A0A0"'
            cls = "av-node"
        else:
            pal, status = _style(n, st)
            colours = (f'fillcolor="{pal["fill"]}", color="{pal["stroke"]}", '
                       f'penwidth={pal["width"]}')
            if pal["dash"] != "none":
                colours += ', style="' + ("rounded,filled," if n.kind in (
                    "tensor", "accumulate") else "filled,") + 'dashed"'
                shape = shape.split(", style=")[0]
            cls = f"av-{status}"
        out.append(f'  {dot_quote(d)} [id={dot_quote("av_" + _sid(d))}, '
                   f'class={dot_quote(cls)}, {shape}, {colours}, label={_label(lines)}];')
    for k, (a, b) in enumerate(graph.edges):
        if a in vis and b in vis:
            spec["edges"].append((a, b))
            out.append(f'  {dot_quote(a)} -> {dot_quote(b)} '
                       f'[id={dot_quote("ave_" + str(len(spec["edges"]) - 1))}];')
    if cut:
        note = (f"{cut} earlier nodes not shown (graph has {len(graph.nodes)} nodes; "
                f"showing the last {len(ids)})")
        out.append(f'  "av_note" [id="av_note", shape=note, style=filled, '
                   f'fillcolor="#FFF5D6", label={_label([note])}];')
    out.append("}")
    return "\n".join(out) + "\n", spec, cut


_NODE_RE = re.compile(r'<g id="av_([A-Za-z0-9_]+)" class="node[^"]*">(.*?)</g>', re.S)
_EDGE_RE = re.compile(r'<g id="ave_(\d+)" class="edge">(.*?)</g>', re.S)
_SHAPE_RE = re.compile(r'(<(?:path|polygon|ellipse) )fill="[^"]*" stroke="[^"]*"'
                       r'(?: stroke-width="[^"]*")?(?: stroke-dasharray="[^"]*")?')
_TEXT_RE = re.compile(r"(<text[^>]*>)(.*?)(</text>)", re.S)
_EPATH_RE = re.compile(r'(<path fill="none" )stroke="[^"]*"')
_EHEAD_RE = re.compile(r'(<polygon )fill="[^"]*" stroke="[^"]*"')
_MARK = "\x00"


class FrameRenderer:
    """Lay out a recording once; ``svg(i)`` restyles that SVG for frame ``i``."""

    def __init__(self, recording, view="dataflow", limit=MAX_NODES, lang=None):
        self.recording = recording
        self.view = view
        self.limit = limit
        self.lang = _lang(recording, lang)
        self.graph = _graph_for(recording, view)
        self.source, self.spec, self.cut = build_dot(recording, view, limit=limit, layout=True,
                                                     lang=self.lang)
        self.engine = E.graphviz_engine()
        self.message = ""
        self.layout_svg = None
        self._parts = None
        self._slots = None
        try:
            self.layout_svg = E.run_svg(self.source)
        except E.EngineError as exc:
            self.message = str(exc)
            self.engine = "none"
        else:
            self._make_template(self.layout_svg)

    def __len__(self):
        return max(len(self.recording.frames), 1)

    # ------------------------------------------------------------------ template
    def _make_template(self, svg):
        slots = []
        sid_to_id = {_sid(d): d for d in self.spec["nodes"]}

        def slot(key):
            slots.append(key)
            return f"{_MARK}{len(slots) - 1}{_MARK}"

        def node_sub(m):
            d = sid_to_id.get(m.group(1))
            body = m.group(2)
            if d is None:
                return m.group(0)
            n_static, dyn_idx = self.spec["nodes"][d]
            body = _SHAPE_RE.sub(lambda s: s.group(1) + slot(("shape", d)), body, count=1)
            count = [0]

            def text_sub(t):
                j = count[0]
                count[0] += 1
                if j < n_static or j - n_static >= len(dyn_idx):
                    return t.group(0)
                return t.group(1) + slot(("text", d, dyn_idx[j - n_static])) + t.group(3)

            body = _TEXT_RE.sub(text_sub, body)
            head = f'<g id="av_{m.group(1)}" class="{slot(("class", d))}">'
            return head + body + "</g>"

        def edge_sub(m):
            k = int(m.group(1))
            body = _EPATH_RE.sub(lambda s: s.group(1) + slot(("epath", k)), m.group(2), count=1)
            body = _EHEAD_RE.sub(lambda s: s.group(1) + slot(("ehead", k)), body, count=1)
            return f'<g id="ave_{k}" class="edge">' + body + "</g>"

        svg = _NODE_RE.sub(node_sub, svg)
        svg = _EDGE_RE.sub(edge_sub, svg)
        pieces = svg.split(_MARK)
        # pieces alternate: static, slot index, static, ...
        self._parts = pieces
        self._slots = slots

    # ------------------------------------------------------------------ frames
    def _frame_bits(self, i):
        rec = self.recording
        state = rec.state(i if rec.frames else 0, view=self.view)
        edges = set()
        if rec.frames:
            f = rec.frames[i]
            edges = set(f.edges if self.view == "dataflow" else f.aedges)
        return state, edges

    def svg(self, i=-1) -> str:
        """SVG of frame ``i`` (always an ``<svg>``: with no engine, the text table)."""
        state, active = self._frame_bits(i)
        if self._parts is None:
            return fallback_svg(self.message, text_table(self.recording, i, self.view, self.lang))
        texts = {}
        edges = self.spec["edges"]
        vals = []
        for key in self._slots:
            kind = key[0]
            if kind == "class":
                st = state.get(key[1])
                _, status = _style(self.graph.nodes[key[1]], st)
                vals.append(f"node av-{status}")
            elif kind == "shape":
                pal, _ = _style(self.graph.nodes[key[1]], state.get(key[1]))
                dash = "" if pal["dash"] == "none" else f' stroke-dasharray="{pal["dash"]}"'
                vals.append(f'fill="{pal["fill"]}" stroke="{pal["stroke"]}" '
                            f'stroke-width="{pal["width"]}"{dash}')
            elif kind == "text":
                d = key[1]
                t = texts.get(d)
                nd = self.graph.nodes[d]
                if t is None:
                    t = _dyn_text(nd, state.get(d), self.lang)
                    texts[d] = t
                s = t[key[2]] if key[2] < len(t) else None
                s = html.escape(s or "", quote=False)
                if s and key[2] == 1 and flows_only(nd):
                    s = f"<tspan {FLOWED_STYLE}>{s}</tspan>"
                vals.append(s)
            elif kind == "epath":
                c, w = EDGE["active" if edges[key[1]] in active else "normal"]
                vals.append(f'stroke="{c}" stroke-width="{w}"')
            else:  # ehead
                c, w = EDGE["active" if edges[key[1]] in active else "normal"]
                vals.append(f'fill="{c}" stroke="{c}"')
        parts = self._parts
        out = [parts[0]]
        for j in range(1, len(parts), 2):
            out.append(vals[int(parts[j])])
            out.append(parts[j + 1])
        return "".join(out)

    def text(self, i=-1) -> str:
        return text_table(self.recording, i, self.view, self.lang)


# ---------------------------------------------------------------------- text forms
def text_table(rec, i=-1, view="dataflow", lang=None) -> str:
    """What frame ``i`` shows, as text (nbval compares this; no memory addresses).
    The grad column writes what the picture writes (``flowed: 1 (not kept)`` for a
    non-leaf whose ``.grad`` PyTorch does not keep)."""
    graph = _graph_for(rec, view)
    lang = _lang(rec, lang)
    n = len(rec.frames)
    lines = []
    if n:
        if i < 0:
            i += n
        f = rec.frames[i]
        it = f"; iteration {f.iteration}" if f.iteration is not None else ""
        lines.append(f"frame {i + 1}/{n} ({f.phase}{it}): {f.caption}")
        state = rec.state(i, view=view)
    else:
        state = rec.state(0, view=view)
    kinds = {"tensor": "tensor", "op": "op", "grad_fn": "grad_fn", "accumulate": "AccumulateGrad"}
    rows = [("node", "kind", "value", "grad", "status")]
    ids, cut = visible_nodes(graph)
    for d in ids:
        nd = graph.nodes[d]
        st = state.get(d)
        kind = kinds.get(nd.kind, nd.kind)
        if nd.kind == "op" and len(getattr(nd, "inner", ()) or ()) > 1:
            kind = "op " + "→".join(nd.inner)  # a composite op (``@``): PyTorch's nodes
        elif nd.kind == "op" and nd.grad_fn:
            kind = f"op {nd.grad_fn}"
        elif nd.kind == "op":
            kind = f"op {nd.op} (outside)"
        elif nd.kind == "tensor" and nd.is_leaf:
            kind = "leaf" + (" requires_grad" if nd.requires_grad else "")
        g = st.grad if st else None
        if g and flows_only(nd):
            g = grad_text(nd, g, lang)
        rows.append((nd.name, kind, (st.value if st else None) or "-",
                     g or "-", st.status if st else "pending"))
    widths = [min(max(len(r[c]) for r in rows), 40) for c in range(5)]
    for r in rows:
        # values with up to 12 elements are written in full (fmt.MAX_INLINE)
        lines.append("  ".join(r[c][:120].ljust(widths[c]) for c in range(5)).rstrip())
    if cut:
        lines.append(f"({cut} earlier nodes not shown)")
    return "\n".join(lines)


def fallback_svg(message, table) -> str:
    """A plain SVG with the message and the table (monospace), for no-engine setups."""
    lines = ([message] if message else []) + table.splitlines()
    h = 16 * len(lines) + 12
    w = min(max((len(s) for s in lines), default=10) * 7 + 20, 2000)
    red = ' fill="#D55E00"'
    body = "".join(
        f'<text x="8" y="{18 + 16 * k}" font-family="monospace" font-size="12"'
        f'{red if k == 0 and message else ""}>'
        f"{html.escape(s, quote=False)}</text>" for k, s in enumerate(lines))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="av-fallback" width="{w}" '
            f'height="{h}" viewBox="0 0 {w} {h}"><rect width="100%" height="100%" '
            f'fill="white"/>{body}</svg>')


def node_positions(svg: str) -> dict:
    """{node id attr: (x, y) of its first text} parsed from an SVG (used by tests)."""
    pos = {}
    for m in re.finditer(r'<g id="(av_[A-Za-z0-9_]+)" class="node[^"]*">(.*?)</g>', svg, re.S):
        t = re.search(r'<text[^>]*\bx="([-\d.]+)" y="([-\d.]+)"', m.group(2))
        shape = re.search(r'(?:points|d|cx)="([^"]*)"', m.group(2))
        pos[m.group(1)] = (t.groups() if t else None, shape.group(1) if shape else None)
    return pos


#: status -> {"fill", "color", "style"} for legends (the widget reads this)
STATUS_STYLE = {
    k: {"fill": v["fill"], "color": v["stroke"],
        "style": "bold" if k == "current" else ("dashed" if v["dash"] in ("4,3", "6,3")
                                                 else "dotted" if v["dash"] == "1,3"
                                                 else "solid")}
    for k, v in PALETTE.items()
}
