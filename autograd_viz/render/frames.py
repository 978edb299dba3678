"""DOT text, the once-laid-out SVG template, per-frame restyling, the text table.

Layout once: :class:`FrameRenderer` writes every node with, line by line, the *widest*
text it shows in any frame (name; the value, a matrix row per line; the grad), runs
Graphviz one time, then cuts the SVG into static pieces and slots (node class, node
fill/stroke, the node's text lines, edge colours).  ``svg(i)`` fills the slots for frame
``i`` on the layout's own line positions: positions never move and Graphviz never runs
again.  A box is as wide as its longest line, not as its widest frame's text in one line.
"""

from __future__ import annotations

import html
import re

from ..recorder.lang import PHASE_ZH
from . import engine as E

#: graphs with more nodes are cut to the last MAX_NODES (nearest the outputs), with a note
MAX_NODES = 250
#: above this many drawn nodes Graphviz gets iteration limits (see build_dot)
BIG_LAYOUT = 100

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
LEGEND = (
    "colours: orange = current step, blue = computed, green = a gradient reached it, "
    "dashed grey = not computed yet, dashed red = freed, dotted = outside the graph"
)


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


# ---------------------------------------------------------------------- node texts
#: font sizes (pt): names a little larger (and tensor names bold) than the value lines
NAME_PT, FN_PT, VALUE_PT, LEGEND_PT = 12, 11, 10, 9.5
FONT = "Helvetica,sans-Serif"

#: how the gradient that flowed through a non-leaf tensor is written (PyTorch keeps no
#: ``.grad`` for it unless ``retain_grad()`` was called): ``∂ 1`` in grey italic in the
#: picture (its legend says what it means), ``∂ 1 (not kept)`` in the text table
FLOWED = {"en": ("∂ ", " (not kept)"), "zh": ("∂ ", "（未保留）")}
FLOW_FILL = "#595959"
FLOWED_STYLE = f'font-style="italic" fill="{FLOW_FILL}"'
GRAD_PREFIX = "grad "
#: the legend under a picture that shows a ∂ line
FLOW_LEGEND = {
    "en": (
        "∂ … (grey, italic): the gradient that flowed through this tensor in backward; "
        "PyTorch keeps no .grad for it (not a leaf, no retain_grad()).",
        "grad … : a .grad PyTorch keeps (a leaf, or a tensor with retain_grad()).",
    ),
    "zh": (
        "∂ …（灰色斜体）：反向传播时流经这个张量的梯度；它不是叶子节点，也没有调用 "
        "retain_grad()，PyTorch 不保留它的 .grad。",
        "grad … ：PyTorch 保留的 .grad（叶子节点，或调用了 retain_grad() 的张量）。",
    ),
}


def _lang(rec, lang=None):
    from ..recorder.lang import resolve  # the one language setting

    return resolve(lang, getattr(rec, "lang", None))


def flows_only(node) -> bool:
    """A non-leaf tensor whose ``.grad`` PyTorch does not keep (no ``retain_grad()``)."""
    return node.kind == "tensor" and not node.is_leaf and not getattr(node, "retains_grad", False)


def grad_text(node, g, lang="en"):
    """The grad of a node in one line, as the text table writes it: ``2`` is not used
    here; ``grad 2`` (a kept ``.grad``) or ``∂ 1 (not kept)`` (a gradient that only
    flowed through)."""
    if not g:
        return None
    if flows_only(node):
        a, b = FLOWED.get(lang, FLOWED["en"])
        return f"{a}{g}{b}"
    return f"{GRAD_PREFIX}{g}"


def split_rows(s) -> list:
    """A value as picture lines: a matrix row per line (``[[3, 4], [5, 6]]`` ->
    ``["[[3, 4],", "[5, 6]]"]``; deeper nesting splits at the outer level), a summary
    (``512×512 [..] min .. max ..``) before ``min``; anything else one line."""
    if not s:
        return []
    rows = getattr(s, "rows", None)  # a recorder value keeps its lines (fmt.Text)
    if rows:
        return list(rows)
    s = str(s)
    if s.startswith("[["):
        rows, depth, last = [], 0, 0
        for k, c in enumerate(s):
            if c == "[":
                depth += 1
            elif c == "]":
                depth -= 1
            elif c == "," and depth == 1:
                rows.append(s[last : k + 1])
                last = k + 1
        rows.append(s[last:])
        return [r.strip() for r in rows if r.strip()]
    if "×" in s and " min " in s:
        a, b = s.split(" min ", 1)
        return [a, "min " + b]
    return [s]


def _prefix(node, which):
    """(first-row prefix, continuation indent text) of a dynamic block."""
    if which == "value":
        return "", "["
    p = FLOWED["en"][0] if flows_only(node) else GRAD_PREFIX
    return p, p + "["


def _rows(node, which, text):
    """Picture lines of a value / grad text (prefix on the first row)."""
    rows = split_rows(text)
    if not rows:
        return []
    p, _ = _prefix(node, which)
    return [p + rows[0], *rows[1:]]


def _dyn(node, st):
    """(value rows, grad rows) a node shows for a NodeState (no prefix on continuations)."""
    if node.kind == "grad_fn" or st is None:
        return [], []
    v = None if node.kind == "accumulate" else st.value
    return _rows(node, "value", v), _rows(node, "grad", st.grad)


def _static_lines(node):
    if node.kind == "accumulate":
        return ["AccumulateGrad", f"({node.name})"]
    return [node.name]


def _static_style(node, k):
    """(pt, bold) of static line ``k``: tensor names bold, grad_fn classes a little smaller."""
    if node.kind == "tensor":
        return NAME_PT, True
    if node.kind == "op":
        return NAME_PT, False
    return FN_PT, k > 0 and node.kind == "accumulate"


_CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")

# Helvetica advance widths (em) of the characters values use; others ~0.56 em
_EM = {c: 0.556 for c in "0123456789abdeghnopqu$"}
_EM.update({c: 0.278 for c in " .,:;![]ijl|'"})
_EM.update(
    {
        "-": 0.333,
        "(": 0.333,
        ")": 0.333,
        "r": 0.333,
        "t": 0.278,
        "f": 0.278,
        "c": 0.5,
        "k": 0.5,
        "s": 0.5,
        "v": 0.5,
        "x": 0.5,
        "y": 0.5,
        "z": 0.5,
        "m": 0.833,
        "w": 0.722,
        "∂": 0.494,
        "×": 0.584,
        "…": 1.0,
        "*": 0.389,
        "=": 0.584,
        "+": 0.584,
        "_": 0.556,
    }
)


def text_width(s, pt) -> float:
    """Rough width (pt) of ``s`` in Helvetica at ``pt`` (CJK and full-width as 1 em)."""
    w = 0.0
    for c in str(s):
        if _CJK.match(c):
            w += 1.0
        else:
            w += _EM.get(c, 0.667 if c.isupper() else 0.556)
    return w * pt


def _layout_text(s):
    """What Graphviz measures for a line: CJK / full-width characters as ``W`` (about
    their real width; Graphviz's own tables count them as narrow)."""
    return _CJK.sub("W", str(s))


def _sid(node_id) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", node_id)


def _graph_for(rec, view):
    if view not in ("dataflow", "autograd"):
        raise ValueError(f"view must be 'dataflow' or 'autograd', got {view!r}")
    return rec.graph if view == "dataflow" else rec.autograd_graph


def _html_label(lines) -> str:
    """A Graphviz HTML-like label of ``[(text, pt, bold, italic, colour)]``, every text
    HTML-escaped (labels are data, never markup)."""
    out = []
    for text, pt, bold, italic, colour in lines:
        t = html.escape(str(text).replace("\r", " ").replace("\n", " "), quote=True)
        t = t.replace("]", "&#93;")  # (no ``]]>``-style surprises in any parser)
        if bold:
            t = f"<B>{t}</B>"
        if italic:
            t = f"<I>{t}</I>"
        col = f' COLOR="{colour}"' if colour else ""
        out.append(f'<FONT POINT-SIZE="{pt}"{col}>{t}</FONT>')
    return "<" + "<BR/>".join(out) + ">"


#: above this many frames × nodes, the layout reserves the recorder's widest texts only
SCAN_LIMIT = 2_000_000


def reserved_rows(rec, graph, ids):
    """{node id: (value rows, grad rows)}: per row, the longest text the node shows in any
    frame (so one layout fits every frame)."""
    seen = {}

    def see(d, v, g):
        s = seen.setdefault(d, (set(), set()))
        if v:
            s[0].add(v)
        if g:
            s[1].add(g)

    base = {d: (d[2:] if d.startswith("a:") else d) for d in ids}
    for b in base.values():
        wv, wg = rec.widest(b)
        see(b, wv, wg)
    n = len(rec.frames)
    if n and n * max(len(rec.graph.nodes), 1) <= SCAN_LIMIT:
        for i in range(n):
            for d, st in rec.state(i).items():
                see(d, st.value, st.grad)
    out = {}
    for d in ids:
        node = graph.nodes[d]
        if node.kind == "grad_fn":
            out[d] = ([], [])
            continue
        vals, grads = seen.get(base[d], (set(), set()))
        res = []
        for which, texts in (("value", vals), ("grad", grads)):
            if which == "value" and node.kind == "accumulate":
                res.append([])
                continue
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


def build_dot(
    rec,
    view="dataflow",
    state=None,
    limit=MAX_NODES,
    layout=False,
    lang=None,
    reserved=None,
    rankdir=None,
):
    """DOT source (HTML-like labels: names 12 pt, value / grad lines 10 pt, a matrix row
    per line).  ``layout=True``: neutral styling and, per line, the widest text the node
    shows in any frame (the template every frame restyles); else the texts and colours
    of ``state``.  ``reserved``: the widest rows per node when already known (else scanned);
    ``rankdir``: ``LR`` / ``TB`` instead of the view's default.  Returns (source, spec,
    cut); ``spec["nodes"]`` maps node id ->
    (static lines, reserved value rows, reserved grad rows), ``spec["edges"]`` the edges."""
    graph = _graph_for(rec, view)
    lang = _lang(rec, lang)
    ids, cut = visible_nodes(graph, limit)
    vis = set(ids)
    if layout and reserved is None:
        reserved = reserved_rows(rec, graph, ids)
    rankdir = rankdir or ("LR" if view == "dataflow" else "TB")
    if rankdir == "LR":
        rankattrs = "rankdir=LR, nodesep=0.15, ranksep=0.22"
    else:
        rankattrs = "rankdir=TB, nodesep=0.18, ranksep=0.22"
    if len(ids) > BIG_LAYOUT:
        # big graphs: fewer network-simplex / crossing passes (a 250-node autograd graph
        # with one weight shared by 120 ops took over a minute; about 10 s with these)
        rankattrs += ", nslimit=1, nslimit1=1, mclimit=0.5"
    # no minimum node size (Graphviz's default is 0.75 x 0.5 in): a box is its text
    out = [
        "digraph autograd_viz {",
        f'  graph [{rankattrs}, bgcolor="white", pad=0.05];',
        f'  node [fontname="Helvetica", fontsize={VALUE_PT}, margin="0.08,0.04", '
        f"width=0.3, height=0.3];",
        '  edge [color="#555555", arrowsize=0.7];',
    ]
    spec = {"nodes": {}, "edges": [], "flows": False}
    for d in ids:
        n = graph.nodes[d]
        st = None if state is None else state.get(d)
        static = _static_lines(n)
        lines = [
            (_layout_text(t) if layout else t, *_static_style(n, k), False, None)
            for k, t in enumerate(static)
        ]
        if layout:
            vrows, grows = reserved[d]
        else:
            vrows, grows = _dyn(n, st)
        flow = flows_only(n)
        if flow and grows:
            spec["flows"] = True
        lines += [(_layout_text(r) if layout else r, VALUE_PT, False, False, None) for r in vrows]
        lines += [
            (
                _layout_text(r) if layout else r,
                VALUE_PT,
                False,
                flow,
                FLOW_FILL if flow and not layout else None,
            )
            for r in grows
        ]
        spec["nodes"][d] = (static, len(vrows), len(grows))
        if n.kind in ("tensor", "accumulate"):
            shape = 'shape=box, style="rounded,filled"'
        elif n.kind == "grad_fn":
            shape = 'shape=box, style="filled"'
        else:
            shape = 'shape=ellipse, style="filled", margin="0.02,0.01"'
        if layout:
            colours = 'fillcolor="#FFFFFF", color="#A0A0A0"'
            cls = "av-node"
        else:
            pal, status = _style(n, st)
            colours = f'fillcolor="{pal["fill"]}", color="{pal["stroke"]}", penwidth={pal["width"]}'
            if pal["dash"] != "none":
                colours += (
                    ', style="'
                    + ("rounded,filled," if n.kind in ("tensor", "accumulate") else "filled,")
                    + 'dashed"'
                )
                shape = shape.split(", style=")[0]
            cls = f"av-{status}"
        out.append(
            f"  {dot_quote(d)} [id={dot_quote('av_' + _sid(d))}, "
            f"class={dot_quote(cls)}, {shape}, {colours}, label={_html_label(lines)}];"
        )
    for a, b in graph.edges:
        if a in vis and b in vis:
            spec["edges"].append((a, b))
            out.append(
                f"  {dot_quote(a)} -> {dot_quote(b)} "
                f"[id={dot_quote('ave_' + str(len(spec['edges']) - 1))}];"
            )
    if cut:
        note = (
            f"{cut} earlier nodes not shown (graph has {len(graph.nodes)} nodes; "
            f"showing the last {len(ids)})"
        )
        out.append(
            f'  "av_note" [id="av_note", shape=note, style=filled, '
            f'fillcolor="#FFF5D6", label={_label([note])}];'
        )
    out.append("}")
    return "\n".join(out) + "\n", spec, cut


_NODE_RE = re.compile(r'<g id="av_([A-Za-z0-9_]+)" class="node[^"]*">(.*?)</g>', re.S)
_EDGE_RE = re.compile(r'<g id="ave_(\d+)" class="edge">(.*?)</g>', re.S)
_SHAPE_RE = re.compile(
    r'(<(?:path|polygon|ellipse) )fill="[^"]*" stroke="[^"]*"'
    r'(?: stroke-width="[^"]*")?(?: stroke-dasharray="[^"]*")?'
)
_SHAPE_GEOM_RE = re.compile(
    r'<(path|polygon|ellipse) [^>]*?(?:d|points|cx)="([^"]*)"'
    r'(?: cy="([^"]*)" rx="([^"]*)")?'
)
_TEXT_RE = re.compile(r"<text([^>]*)>(.*?)</text>\s*", re.S)
_ATTR_RE = re.compile(r'\b(x|y|text-anchor)="([^"]*)"')
_EPATH_RE = re.compile(r'(<path fill="none" )stroke="[^"]*"')
_EHEAD_RE = re.compile(r'(<polygon )fill="[^"]*" stroke="[^"]*"')
_SVG_SIZE_RE = re.compile(
    r'<svg width="([\d.]+)pt" height="([\d.]+)pt"\s+'
    r'viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"'
)
_MARK = "\x00"


def _num(v) -> str:
    return f"{v:.2f}".rstrip("0").rstrip(".")


def _centre_x(body):
    """x of the middle of a node's shape (path / polygon / ellipse) in a Graphviz SVG."""
    m = _SHAPE_GEOM_RE.search(body)
    if not m:
        return None
    if m.group(1) == "ellipse":
        return float(m.group(2))
    xs = [float(a) for a, _ in re.findall(r"(-?[\d.]+),(-?[\d.]+)", m.group(2))]
    return (min(xs) + max(xs)) / 2 if xs else None


def _text_el(x, y, anchor, pt, s, bold=False, extra=""):
    w = ' font-weight="bold"' if bold else ""
    return (
        f'<text text-anchor="{anchor}" x="{_num(x)}" y="{_num(y)}" font-family="{FONT}" '
        f'font-size="{pt:.2f}"{w}{extra}>{s}</text>\n'
    )


def wrap_words(text, width, pt):
    """Lines of ``text`` at most ``width`` pt wide (words; CJK text breaks anywhere)."""
    lines, cur = [], ""
    cjk = "\u2e80-\u9fff\uff00-\uffef"
    tokens = re.findall(f"[{cjk}]\\s*|[^\\s{cjk}]+\\s*|\\s+", text)
    for tok in tokens:
        if cur and text_width((cur + tok).rstrip(), pt) > width:
            lines.append(cur.rstrip())
            cur = tok.lstrip()
        else:
            cur += tok
    if cur.strip():
        lines.append(cur.rstrip())
    return lines


def add_legend(svg, lang="en", min_width=360):
    """Grow a Graphviz SVG at the bottom by the ∂ legend (wrapped to the picture's width,
    at least ``min_width`` pt).  Positions of everything else stay as they are."""
    m = _SVG_SIZE_RE.search(svg)
    if not m:
        return svg
    w, h = float(m.group(1)), float(m.group(2))
    width = max(w, min_width)
    lines = [
        ln
        for item in FLOW_LEGEND.get(lang, FLOW_LEGEND["en"])
        for ln in wrap_words(item, width - 12, LEGEND_PT)
    ]
    step = LEGEND_PT * 1.3
    nh = h + 4 + step * len(lines)
    texts = "".join(
        f'<text x="6" y="{_num(h + 2 + step * (k + 1) - 2)}" font-family="{FONT}" '
        f'font-size="{LEGEND_PT:.2f}" fill="{FLOW_FILL}">'
        f"{html.escape(s, quote=False)}</text>\n"
        for k, s in enumerate(lines)
    )
    head = (
        f'<svg width="{_num(width)}pt" height="{_num(nh)}pt" '
        f'viewBox="{m.group(3)} {m.group(4)} {_num(width)} {_num(nh)}"'
    )
    svg = svg[: m.start()] + head + svg[m.end() :]
    i = svg.rfind("</svg>")
    return svg[:i] + f'<g class="av-legend">\n{texts}</g>\n' + svg[i:]


class FrameRenderer:
    """Lay out a recording once; ``svg(i)`` restyles that SVG for frame ``i``."""

    def __init__(self, recording, view="dataflow", limit=MAX_NODES, lang=None):
        self.recording = recording
        self.view = view
        self.limit = limit
        self.lang = _lang(recording, lang)
        self.graph = _graph_for(recording, view)
        self.source, self.spec, self.cut = build_dot(
            recording, view, limit=limit, layout=True, lang=self.lang
        )
        self.engine = E.graphviz_engine()
        self.message = ""
        self.layout_svg = None
        self._parts = None
        self._slots = None
        self._geom = {}
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
            static, nv, ng = self.spec["nodes"][d]
            cx = _centre_x(body)
            texts = []
            for t in _TEXT_RE.finditer(body):
                a = dict(_ATTR_RE.findall(t.group(1)))
                texts.append(
                    (
                        float(a.get("x", 0)),
                        float(a.get("y", 0)),
                        a.get("text-anchor", "start"),
                        t.group(2),
                    )
                )
            if cx is None:
                cx = texts[0][0] if texts else 0.0
            ys = [t[1] for t in texts]
            # left edge of the value / grad block: where Graphviz started its widest line
            starts = [
                x if anc == "start" else x - text_width(html.unescape(s), VALUE_PT) / 2
                for x, _, anc, s in texts[len(static) :]
            ]
            left = min(starts) if starts else cx
            self._geom[d] = (cx, left, ys, nv > 1 or ng > 1)
            body = _SHAPE_RE.sub(lambda s: s.group(1) + slot(("shape", d)), body, count=1)
            first = _TEXT_RE.search(body)
            if first is not None:
                body = (
                    body[: first.start()]
                    + slot(("texts", d))
                    + _TEXT_RE.sub("", body[first.start() :])
                )
            head = f'<g id="av_{m.group(1)}" class="{slot(("class", d))}">'
            return head + body + "</g>"

        def edge_sub(m):
            k = int(m.group(1))
            body = _EPATH_RE.sub(lambda s: s.group(1) + slot(("epath", k)), m.group(2), count=1)
            body = _EHEAD_RE.sub(lambda s: s.group(1) + slot(("ehead", k)), body, count=1)
            return f'<g id="ave_{k}" class="edge">' + body + "</g>"

        svg = _NODE_RE.sub(node_sub, svg)
        svg = _EDGE_RE.sub(edge_sub, svg)
        if self.spec.get("flows"):
            svg = add_legend(svg, self.lang)
        pieces = svg.split(_MARK)
        # pieces alternate: static, slot index, static, ...
        self._parts = pieces
        self._slots = slots

    def _node_texts(self, d, st, status):
        """The ``<text>`` elements of node ``d`` in a frame (on the layout's lines)."""
        node = self.graph.nodes[d]
        static, nv, ng = self.spec["nodes"][d]
        cx, left, ys, block = self._geom[d]
        out = []
        for k, s in enumerate(static):
            if k >= len(ys):
                break
            pt, bold = _static_style(node, k)
            out.append(_text_el(cx, ys[k], "middle", pt, html.escape(s, quote=False), bold))
        vals, grads = _dyn(node, st)
        flow = flows_only(node)
        y = ys[len(static) :]
        for which, rows, n0, count in (("value", vals, 0, nv), ("grad", grads, nv, ng)):
            if len(rows) > count:  # (more rows than any frame the layout saw: keep them all)
                rows = [*rows[: max(count - 1, 0)], " ".join(rows[max(count - 1, 0) :])]
            _, ind = _prefix(node, which)
            indent = text_width(ind, VALUE_PT)  # continuation rows: under the inner "["
            extra = ""
            if which == "grad" and flow:
                fill = "#262626" if status == "current" else FLOW_FILL
                extra = f' font-style="italic" fill="{fill}"'
            for k, r in enumerate(rows[:count]):
                if n0 + k >= len(y):
                    break
                s = html.escape(r, quote=False)
                if block:
                    x = left + (indent if k else 0)
                    out.append(_text_el(x, y[n0 + k], "start", VALUE_PT, s, extra=extra))
                else:
                    out.append(_text_el(cx, y[n0 + k], "middle", VALUE_PT, s, extra=extra))
        return "".join(out)

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
                vals.append(
                    f'fill="{pal["fill"]}" stroke="{pal["stroke"]}" '
                    f'stroke-width="{pal["width"]}"{dash}'
                )
            elif kind == "texts":
                d = key[1]
                st = state.get(d)
                _, status = _style(self.graph.nodes[d], st)
                vals.append(self._node_texts(d, st, status))
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
#: the words of the text table, per language (zh: the widget's inspector terms; PyTorch's
#: own names - grad_fn classes, AccumulateGrad, requires_grad - stay as PyTorch writes them)
TABLE_WORDS = {
    "en": {
        "frame": "frame {k}/{n} ({phase}{it}): {caption}",
        "iteration": "; iteration {i}",
        "header": ("node", "kind", "value", "grad", "status"),
        "tensor": "tensor",
        "op": "op",
        "leaf": "leaf",
        "outside_op": "op {op} (outside)",
        "cut": "({cut} earlier nodes not shown)",
        "phases": {},
        "statuses": {},
    },
    "zh": {
        "frame": "第 {k}/{n} 帧（{phase}{it}）：{caption}",
        "iteration": "；第 {i} 次迭代",
        "header": ("节点", "类型", "值", "梯度", "状态"),
        "tensor": "张量",
        "op": "运算",
        "leaf": "叶子节点",
        "outside_op": "运算 {op}（在计算图之外）",
        "cut": "（最早的 {cut} 个节点没有列出）",
        "phases": PHASE_ZH,  # (as the widget labels them)
        "statuses": {
            "pending": "尚未计算",
            "done": "已计算",
            "current": "当前步骤",
            "freed": "已释放",
            "outside": "在计算图之外",
        },
    },
}


def _cell_width(s) -> int:
    """Columns ``s`` takes in a monospace font (CJK and full-width characters take two)."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _ljust(s, width) -> str:
    return s + " " * max(width - _cell_width(s), 0)


def _kind_text(nd, words) -> str:
    """The table's kind column of a node (``leaf requires_grad``, ``op MulBackward0``)."""
    op = words["op"]
    if nd.kind == "op" and len(getattr(nd, "inner", ()) or ()) > 1:
        return f"{op} " + "→".join(nd.inner)  # a composite op (``@``): PyTorch's nodes
    if nd.kind == "op" and nd.grad_fn:
        return f"{op} {nd.grad_fn}"
    if nd.kind == "op":
        return words["outside_op"].format(op=nd.op)
    if nd.kind == "tensor" and nd.is_leaf:
        return words["leaf"] + (" requires_grad" if nd.requires_grad else "")
    if nd.kind == "tensor":
        return words["tensor"]
    return {"accumulate": "AccumulateGrad"}.get(nd.kind, nd.kind)


def text_table(rec, i=-1, view="dataflow", lang=None) -> str:
    """What frame ``i`` shows, as text (nbval compares this; no memory addresses), in
    ``lang`` (default: the recording's, else ``set_language()``'s).
    The grad column writes what the picture writes (``∂ 1 (not kept)`` for a
    non-leaf whose ``.grad`` PyTorch does not keep)."""
    graph = _graph_for(rec, view)
    lang = _lang(rec, lang)
    words = TABLE_WORDS.get(lang, TABLE_WORDS["en"])
    n = len(rec.frames)
    lines = []
    if n:
        if i < 0:
            i += n
        f = rec.frames[i]
        it = words["iteration"].format(i=f.iteration) if f.iteration is not None else ""
        caption = (f.captions or {}).get(lang) or f.caption
        phase = words["phases"].get(str(f.phase), str(f.phase))
        lines.append(words["frame"].format(k=i + 1, n=n, phase=phase, it=it, caption=caption))
        state = rec.state(i, view=view)
    else:
        state = rec.state(0, view=view)
    statuses = words["statuses"]
    rows = [words["header"]]
    ids, cut = visible_nodes(graph)
    for d in ids:
        nd = graph.nodes[d]
        st = state.get(d)
        g = st.grad if st else None
        if g and flows_only(nd):
            g = grad_text(nd, g, lang)
        status = str(st.status) if st else "pending"
        rows.append(
            (
                nd.name,
                _kind_text(nd, words),
                (st.value if st else None) or "-",
                g or "-",
                statuses.get(status, status),
            )
        )
    widths = [min(max(_cell_width(r[c]) for r in rows), 40) for c in range(5)]
    for r in rows:
        # values with up to 12 elements are written in full (fmt.MAX_INLINE)
        lines.append("  ".join(_ljust(r[c][:120], widths[c]) for c in range(5)).rstrip())
    if cut:
        lines.append(words["cut"].format(cut=cut))
    return "\n".join(lines)


def fallback_svg(message, table) -> str:
    """A plain SVG with the message and the table (monospace, columns kept), for
    no-engine setups.  The message and the caption line wrap at 110 characters."""
    import textwrap

    # (the install command stays on one line: the message puts two spaces around it)
    head = [
        ln
        for part in re.split(r"\s{2,}", message or "")
        if part
        for ln in textwrap.wrap(part, 110, break_on_hyphens=False)
    ]
    rows = table.splitlines()
    if rows and rows[0].startswith(("frame ", "第 ")):  # (the frame line)
        rows = textwrap.wrap(rows[0], 110, subsequent_indent="  ") + rows[1:]
    lines = head + rows
    h = 16 * len(lines) + 12
    w = min(max((len(s) for s in lines), default=10) * 7.3 + 20, 2000)
    red = ' fill="#D55E00"'
    body = "".join(
        f'<text x="8" y="{18 + 16 * k}" font-family="monospace" font-size="12" '
        f'xml:space="preserve" style="white-space:pre"{red if k < len(head) else ""}>'
        f"{html.escape(s, quote=False)}</text>"
        for k, s in enumerate(lines)
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="av-fallback" width="{_num(w)}" '
        f'height="{h}" viewBox="0 0 {_num(w)} {h}"><rect width="100%" height="100%" '
        f'fill="white"/>{body}</svg>'
    )


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
    k: {
        "fill": v["fill"],
        "color": v["stroke"],
        "style": "bold"
        if k == "current"
        else (
            "dashed" if v["dash"] in ("4,3", "6,3") else "dotted" if v["dash"] == "1,3" else "solid"
        ),
    }
    for k, v in PALETTE.items()
}
