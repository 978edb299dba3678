"""Renderer: one layout per recording, escaping, big graphs, engine selection, no engine."""

import html
import re
import shutil
import sys
import xml.dom.minidom

import graphviz
import pytest

import autograd_viz as torch
from autograd_viz.render import (
    Drawing,
    FrameRenderer,
    engine,
    graphviz_engine,
    node_positions,
    text_table,
)

ENGINES = [
    pytest.param("dot", marks=pytest.mark.skipif(not shutil.which("dot"), reason="no dot")),
    pytest.param(
        "graphviz-pure",
        marks=pytest.mark.skipif(engine._which_pure() is None, reason="no graphviz-pure"),
    ),
]


@pytest.fixture(params=ENGINES)
def gv(request, monkeypatch):
    monkeypatch.setenv("AUTOGRAD_VIZ_GRAPHVIZ", request.param)
    assert graphviz_engine() == request.param
    return request.param


def _zxwb():
    x = torch.Tensor([2])
    w = torch.tensor([3.0], requires_grad=True)
    b = torch.tensor([1.0], requires_grad=True)
    with torch.record() as rec:
        y = x * w
        z = y + b
        z.backward()
    return rec, z


def test_draw_names_and_text_plain(gv):
    x = torch.Tensor([2])
    w = torch.tensor([3.0], requires_grad=True)
    b = torch.tensor([1.0], requires_grad=True)
    z = x * w + b
    before = torch.draw(z)._repr_mimebundle_()["image/svg+xml"]
    for name in ("x", "w", "b", "z"):
        assert f">{name}</text>" in before
    z.backward()
    # after backward the graph no longer holds the constant x (saved values are freed,
    # as in PyTorch): w, b, z and the grads are drawn
    d = torch.draw(z)
    assert isinstance(d, graphviz.Digraph) and isinstance(d, Drawing)
    bundle = d._repr_mimebundle_()
    svg = bundle["image/svg+xml"]
    xml.dom.minidom.parseString(svg)
    for name in ("w", "b", "z"):
        assert f">{name}</text>" in svg
    assert ">grad 2</text>" in svg
    text = bundle["text/plain"]
    assert "0x" not in text
    lines = text.splitlines()
    assert lines[0].split() == ["node", "kind", "value", "grad", "status"]
    w_row = next(ln for ln in lines if ln.startswith("w "))
    assert w_row.split()[-3:] == ["3", "2", "done"]  # value, grad, status
    assert "<B>z</B>" in d.source and "MulBackward0" not in d.source  # data-flow view


def test_frames_share_one_layout(gv):
    rec, _ = _zxwb()
    fr = FrameRenderer(rec)
    assert fr.engine == gv
    svgs = [fr.svg(i) for i in range(len(rec.frames))]
    pos = [node_positions(s) for s in svgs]
    assert len(pos[0]) == len(rec.graph.nodes)
    assert all(p == pos[0] for p in pos)
    assert len(set(svgs)) == len(svgs)  # but every frame looks different
    for s in svgs:
        xml.dom.minidom.parseString(s)
    # the current node carries av-current and moves
    cur = [re.findall(r'<g id="av_(\w+)" class="node av-current"', s) for s in svgs]
    assert cur[0] and cur[0] != cur[2]
    assert fr.layout_svg is not None and fr.svg(-1) == svgs[-1]


def test_switching_frames_never_runs_graphviz(gv, monkeypatch):
    rec, _ = _zxwb()
    fr = FrameRenderer(rec)

    def fail(*a, **k):
        raise AssertionError("graphviz ran again")

    monkeypatch.setattr(engine.subprocess, "run", fail)
    for i in range(len(rec.frames)):
        fr.svg(i)


def test_autograd_view_matches_next_functions(gv):
    x = torch.Tensor([2])
    w = torch.tensor([3.0], requires_grad=True)
    b = torch.tensor([1.0], requires_grad=True)
    with torch.record() as rec:
        y = x * w
        z = y + b
    g = rec.autograd_graph
    kinds = sorted(n.grad_fn for n in g.nodes.values())
    assert kinds == ["AccumulateGrad", "AccumulateGrad", "AddBackward0", "MulBackward0"]
    by_name = {n.name if n.kind == "grad_fn" else "acc " + n.name: d for d, n in g.nodes.items()}
    assert set(g.edges) == {
        (by_name["AddBackward0"], by_name["MulBackward0"]),
        (by_name["AddBackward0"], by_name["acc b"]),
        (by_name["MulBackward0"], by_name["acc w"]),
    }
    # same edges as the engine's next_functions
    assert [type(f).__name__ for f, _ in z.grad_fn.next_functions] == [
        "MulBackward0",
        "AccumulateGrad",
    ]
    fr = FrameRenderer(rec, "autograd")
    svg = fr.svg(0)
    assert "AddBackward0" in svg and "AccumulateGrad" in svg


def test_labels_are_escaped(gv):
    evil = ['<b>"x"</b>', "{a|b}", "a\\nb", "&amp; <i>", "</script><script>"]

    def labelled(s):
        t = torch.tensor([1.0], requires_grad=True)
        t.label = s
        return t

    ts = [labelled(s) for s in evil]
    out = ts[0] * ts[1] + ts[2] * ts[3] * ts[4]
    d = torch.draw(out)
    svg = d._repr_mimebundle_()["image/svg+xml"]
    xml.dom.minidom.parseString(svg)
    texts = [xml.dom.minidom.parseString(svg).toxml()]
    dom = xml.dom.minidom.parseString(svg)
    shown = {n.firstChild.data for n in dom.getElementsByTagName("text") if n.firstChild}
    for s in evil:
        assert s in shown, (s, shown)
    assert "<script>" not in svg and "<b>" not in svg
    assert texts


def test_large_graph_is_cut_and_laid_out_once(gv, monkeypatch):
    # what keeps a big recording quick, checked as behaviour (its speed is measured in
    # benchmarks/bench_record.py): Graphviz lays out at most MAX_NODES nodes, once, and
    # every frame restyles that one layout without running Graphviz again
    from autograd_viz.render import MAX_NODES
    from autograd_viz.render import engine as render_engine

    x = torch.tensor([1.0], requires_grad=True)
    with torch.record() as rec:
        h = x
        for _ in range(600):
            h = h * 1.001
        h.backward()
    assert len(rec.graph.nodes) > 1000
    layouts = []
    real_run_svg = render_engine.run_svg

    def counting_run_svg(source, *args, **kwargs):
        layouts.append(source)
        return real_run_svg(source, *args, **kwargs)

    monkeypatch.setattr(render_engine, "run_svg", counting_run_svg)
    fr = FrameRenderer(rec)
    svg = fr.svg(len(rec.frames) // 2)
    assert "earlier nodes not shown" in svg
    assert svg.count('class="node') <= MAX_NODES + 1
    assert len(layouts) == 1
    assert 0 < layouts[0].count('[id="av_') <= MAX_NODES + 1  # node statements laid out
    frames = range(0, len(rec.frames), 50)
    svgs = [fr.svg(i) for i in frames]
    assert len(layouts) == 1, "a frame ran Graphviz again"
    assert all(s.count('class="node') <= MAX_NODES + 1 for s in svgs)
    assert len(set(svgs)) > 1  # the frames differ (restyled), on the one layout


def test_no_engine_env_none(monkeypatch):
    monkeypatch.setenv("AUTOGRAD_VIZ_GRAPHVIZ", "none")
    rec, z = _zxwb()
    assert graphviz_engine() == "none"
    d = torch.draw(z)
    b = d._repr_mimebundle_()
    assert "image/svg+xml" not in b
    # the fallback says the variable turned pictures off (issue 11)
    for text in (b["text/plain"], b["text/html"]):
        assert "AUTOGRAD_VIZ_GRAPHVIZ=none" in text and "turned off" in text
    assert "leaf requires_grad  3      2     done" in b["text/plain"]
    fr = FrameRenderer(rec)
    s = fr.svg(1)
    assert s.startswith("<svg") and "turned off" in s and "av-fallback" in s
    rb = rec._repr_mimebundle_()
    assert "Recording:" in rb["text/plain"] and "image/svg+xml" not in rb


def test_no_engine_on_path(monkeypatch, tmp_path):
    monkeypatch.delenv("AUTOGRAD_VIZ_GRAPHVIZ", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    monkeypatch.setattr(sys, "prefix", str(tmp_path))
    assert graphviz_engine() == "none"
    rec, z = _zxwb()
    b = torch.draw(z)._repr_mimebundle_()
    assert "Install one with" in b["text/plain"]
    assert FrameRenderer(rec).engine == "none"


def test_forced_engine_missing_means_none(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("AUTOGRAD_VIZ_GRAPHVIZ", "dot")
    assert graphviz_engine() == "none"


def test_pure_sets_graphviz_package_binary(monkeypatch):
    p = engine._which_pure()
    if p is None:
        pytest.skip("no graphviz-pure")
    import graphviz.backend.dot_command as dc

    monkeypatch.setattr(dc, "DOT_BINARY", dc.DOT_BINARY)
    monkeypatch.setenv("AUTOGRAD_VIZ_GRAPHVIZ", "graphviz-pure")
    w = torch.tensor([1.0], requires_grad=True)
    d = torch.draw(w * 2)
    assert str(dc.DOT_BINARY) == p
    assert d.pipe(format="svg").startswith(b"<?xml")


def test_recording_displays_as_svg_with_summary(gv):
    rec, _ = _zxwb()
    b = rec._repr_mimebundle_()
    assert b["image/svg+xml"].startswith("<svg")
    assert b["text/plain"].startswith("Recording: 7 frames")
    assert "0x" not in b["text/plain"]
    d = rec.draw(3)
    assert d.frame == 3 and "frame 4/7 (accumulate" in d._repr_mimebundle_()["text/plain"]


def test_text_table_states_frame():
    rec, _ = _zxwb()
    t = text_table(rec, 0)
    assert t.startswith("frame 1/7 (forward; iteration 1): Forward: y = x * w = 2 * 3 = 6.")
    assert "current" in t


def _texts(svg):
    dom = xml.dom.minidom.parseString(svg)
    out = []
    for n in dom.getElementsByTagName("text"):
        out.append(
            "".join(
                c.data if c.nodeType == c.TEXT_NODE else c.firstChild.data
                for c in n.childNodes
                if c.nodeType == c.TEXT_NODE or c.firstChild
            )
        )
    return out


def test_non_leaf_gradient_is_shown_as_flowed_not_kept(gv):
    rec, _ = _zxwb()
    last = len(rec.frames) - 1
    fr = FrameRenderer(rec, lang="en")
    svg = fr.svg(last)
    texts = _texts(svg)
    # PyTorch keeps no .grad for the non-leaves y and z: the picture writes the gradient
    # that flowed through them as "∂ 1" (grey italic), never as "grad 1"
    assert "∂ 1" in texts and "grad 1" in texts  # (b's is a real .grad)
    assert "grad 2" in texts
    assert texts.count("∂ 1") == 2
    assert len(re.findall(r'font-style="italic" fill="#595959">∂ 1</text>', svg)) == 2
    # ... and its legend says what that means
    assert any("(not a leaf, no retain_grad())" in t for t in texts)
    assert 'class="av-legend"' in svg
    # positions still identical in every frame
    pos = [node_positions(fr.svg(i)) for i in range(len(rec.frames))]
    assert all(p == pos[0] for p in pos)
    table = fr.text(last)
    y_row = next(ln for ln in table.splitlines() if ln.startswith("y "))
    assert "∂ 1 (not kept)" in y_row
    b_row = next(ln for ln in table.splitlines() if ln.startswith("b "))
    assert b_row.split()[-2:] == ["1", "done"]
    zh = FrameRenderer(rec, lang="zh")
    zt = _texts(zh.svg(last))
    assert "∂ 1" in zt and any("PyTorch 不保留它的 .grad" in t for t in zt)
    assert "∂ 1（未保留）" in zh.text(last)
    d = rec.draw(last)
    assert "∂ 1" in _texts(d._repr_mimebundle_()["image/svg+xml"])
    assert "∂ 1 (not kept)" in d.table


def test_retain_grad_non_leaf_shows_grad_like_a_leaf(gv):
    x = torch.Tensor([2])
    w = torch.tensor([3.0], requires_grad=True)
    b = torch.tensor([1.0], requires_grad=True)
    with torch.record() as rec:
        y = x * w
        y.retain_grad()
        z = y + b
        z.backward()
    assert y.grad is not None
    fr = FrameRenderer(rec, lang="en")
    texts = _texts(fr.svg(len(rec.frames) - 1))
    assert texts.count("∂ 1") == 1  # z only
    assert texts.count("grad 1") == 2  # b and the retained y
    ynode = next(n for n in rec.graph.nodes.values() if n.name == "y")
    assert ynode.retains_grad and not ynode.is_leaf
    # draw() of the live graph: y's kept .grad, no invented grad on z
    d = torch.draw(z)
    t = _texts(d._repr_mimebundle_()["image/svg+xml"])
    assert "grad 1" in t and not any(s.startswith("∂") for s in t)
    assert 'class="av-legend"' not in d.svg()  # no ∂ line: no legend


def test_draw_shows_python_number_operands(gv):
    x1 = torch.tensor([100], dtype=torch.float, requires_grad=True)
    x2 = torch.tensor([200], dtype=torch.float, requires_grad=True)
    x3 = torch.tensor([300], dtype=torch.float, requires_grad=True)
    constant = torch.tensor([30], dtype=torch.float)
    f = 10 * x1 + 20 * x2 + constant * x3
    d = torch.draw(f)
    texts = _texts(d._repr_mimebundle_()["image/svg+xml"])
    assert "* 10" in texts and "* 20" in texts
    assert "constant" in texts and texts.count("*") == 1  # constant * x3: a tensor input
    ops = [ln.split("  ")[0] for ln in d.table.splitlines() if " op " in ln]
    assert ops == ["* 10", "* 20", "+", "*", "+"]
    g = 2 - x1**2 / 4
    names = {n.name for n in torch.draw(g).recording.graph.nodes.values() if n.kind == "op"}
    # (``2 - x``: RsubBackward1 keeps no number, so draw() cannot show it; a recording does)
    assert {"** 2", "/ 4"} <= names


def test_recorded_ops_show_numbers_in_label_unless_they_vary():
    a = torch.tensor([1.0], requires_grad=True)
    with torch.record() as rec:
        f = 10 * a + 20 * a  # noqa: F841 (the recorder names it)
        for i in range(2):
            h = a * 3 + i
            h.backward()
    ops = [n.name for n in rec.graph.nodes.values() if n.kind == "op"]
    assert ops == ["* 10", "* 20", "+", "* 3", "+"]  # the loop's "+ i" varies: symbol only
    plus_i = [d for d, n in rec.graph.nodes.items() if n.kind == "op"][-1]
    vals = [
        rec.state(fr.index)[plus_i].value
        for fr in rec.frames
        if fr.phase == "forward" and fr.node == plus_i
    ]
    assert vals == ["0", "1"]
    assert (
        rec.state(0)[next(d for d, n in rec.graph.nodes.items() if n.name == "* 10")].value is None
    )


def test_autograd_view_positions_identical_in_every_frame(gv):
    rec, _ = _zxwb()
    fr = FrameRenderer(rec, "autograd")
    svgs = [fr.svg(i) for i in range(len(rec.frames))]
    pos = [node_positions(s) for s in svgs]
    assert len(pos[0]) == len(rec.autograd_graph.nodes)
    assert all(p == pos[0] for p in pos)
    cur = [re.findall(r'<g id="av_(\w+)" class="node av-current"', s) for s in svgs]
    assert len({tuple(c) for c in cur if c}) > 2  # the highlight moves along the grad_fns


def test_recording_labels_are_escaped_in_every_frame(gv):
    evil = ['<b>"x"</b>', "{a|b}", "</script><script>", "a & b \\"]

    def labelled(s):  # no variable of the test names them: the label is shown
        t = torch.tensor([1.0], requires_grad=True)
        t.label = s
        return t

    ts = [labelled(s) for s in evil]
    with torch.record() as rec:
        out = ts[0] * ts[1] + ts[2] * ts[3]
        out.backward()
    for view in ("dataflow", "autograd"):
        fr = FrameRenderer(rec, view)
        for i in range(len(rec.frames)):
            svg = fr.svg(i)
            dom = xml.dom.minidom.parseString(svg)
            shown = {
                "".join(c.data for c in n.childNodes if c.nodeType == c.TEXT_NODE)
                for n in dom.getElementsByTagName("text")
            }
            for s in evil:
                assert s in shown or f"({s})" in shown, (view, i, s)
            assert "<script>" not in svg and "<b>" not in svg
    # captions name the labelled tensors literally; the HTML fallback escapes them
    assert any('<b>"x"</b>' in f.caption for f in rec.frames)


def test_no_engine_fallback_escapes_labels(monkeypatch):
    monkeypatch.setenv("AUTOGRAD_VIZ_GRAPHVIZ", "none")

    def labelled():
        t = torch.tensor([1.0], requires_grad=True)
        t.label = "<script>alert(1)</script>"
        return t

    b = torch.draw(labelled() * 2)._repr_mimebundle_()
    assert "<script>" not in b["text/html"] and "&lt;script&gt;" in b["text/html"]
    s = FrameRenderer(torch.draw(labelled() * 2).recording).svg(0)
    xml.dom.minidom.parseString(s)
    assert "<script>" not in s


def test_saved_lessons_hold_static_svg():
    """A draw() or a recording shows as SVG in the committed notebooks (GitHub, HTML)."""
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "notebooks"
    books = sorted(root.glob("0*.ipynb")) + sorted((root / "zh").glob("0*.ipynb"))
    assert books
    for nb in books:
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        drawn = [
            c
            for c in cells
            if c["cell_type"] == "code"
            and ("draw(" in "".join(c["source"]) or "".join(c["source"]).strip() == "rec")
        ]
        for c in drawn:
            svgs = [
                o["data"]["image/svg+xml"]
                for o in c.get("outputs", ())
                if "image/svg+xml" in o.get("data", {})
            ]
            assert svgs, (nb.name, "".join(c["source"])[:80])
            s = "".join(svgs[0]) if isinstance(svgs[0], list) else svgs[0]
            assert s.lstrip().startswith("<svg") and 'class="node' in s, nb.name


def _seed_004():
    """seed 004's 2-layer sigmoid network (torch.mm, retain_grad on every non-leaf)."""
    x = torch.tensor([[1.0]])
    y = torch.tensor([[1.0], [0.0]])
    w1 = torch.tensor([[1.0], [2.0]], requires_grad=True)
    w2 = torch.tensor([[3.0, 4.0], [5.0, 6.0]], requires_grad=True)
    with torch.record() as rec:
        z_1 = torch.mm(w1, x)
        y_1 = torch.sigmoid(z_1)
        z_2 = torch.mm(w2, y_1)
        y_2 = torch.sigmoid(z_2)
        loss = 1 / 2 * (((y_2 - y) ** 2).sum())
        loss.backward()
    return rec


def _box_widths(svg):
    """{node id attr: (box width, [its text lines])} of an SVG."""
    out = {}
    for m in re.finditer(r'<g id="(av_\w+)" class="node[^"]*">(.*?)</g>', svg, re.S):
        body = m.group(2)
        xs = (
            [
                float(a)
                for a in re.findall(
                    r"(-?[\d.]+),-?[\d.]+", re.search(r'(?:d|points)="([^"]*)"', body).group(1)
                )
            ]
            if re.search(r"<(?:path|polygon) ", body)
            else []
        )
        e = re.search(r'<ellipse [^>]*rx="([\d.]+)"', body)
        w = 2 * float(e.group(1)) if e else max(xs) - min(xs)
        out[m.group(1)] = (w, re.findall(r"<text[^>]*>([^<]*)</text>", body))
    return out


def test_boxes_are_as_wide_as_their_longest_line(gv):
    from autograd_viz.render.frames import text_width

    rec = _seed_004()
    for view in ("dataflow", "autograd"):
        fr = FrameRenderer(rec, view, lang="en")
        svgs = [fr.svg(i) for i in range(len(rec.frames))]
        pos = [node_positions(s) for s in svgs]
        assert all(p == pos[0] for p in pos)
        longest = {}
        for s in svgs:
            for d, (w, lines) in _box_widths(s).items():
                # the first line is the name, in bold (about 15% wider than regular text)
                lw = max(
                    (
                        text_width(html.unescape(t), 12) * (1.15 if k == 0 else 1.0)
                        for k, t in enumerate(lines)
                    ),
                    default=0,
                )
                longest[d] = (w, max(lw, longest.get(d, (0, 0))[1]))
        for d, (w, lw) in longest.items():
            # the box fits its longest line (at most the name's 12 pt) plus margins,
            # never the sum of the lines nor a one-line "flowed: ... (not kept)"
            assert w <= lw + 30, (view, d, w, lw)
        width = float(re.search(r'<svg width="([\d.]+)pt"', svgs[-1]).group(1))
        # was 2512 pt (data-flow) / 493 pt (autograd) with one line per value
        assert width <= (1400 if view == "dataflow" else 360), (view, width)


def test_matrix_values_are_a_row_per_line(gv):
    from autograd_viz.render import split_rows

    assert split_rows("[[3, 4], [5, 6]]") == ["[[3, 4],", "[5, 6]]"]
    assert split_rows("[[1]]") == ["[[1]]"] and split_rows("[34, 23]") == ["[34, 23]"]
    assert split_rows("[[[1, 2], [3, 4]], [[5, 6], [7, 8]]]") == [
        "[[[1, 2], [3, 4]],",
        "[[5, 6], [7, 8]]]",
    ]
    assert split_rows("512×512 [1, 2, …] min 0 max 3") == ["512×512 [1, 2, …]", "min 0 max 3"]
    rec = _seed_004()
    fr = FrameRenderer(rec, lang="en")
    texts = _texts(fr.svg(len(rec.frames) - 1))
    assert "[[3, 4]," in texts and "[5, 6]]" in texts  # w2 = [[3, 4], [5, 6]]: two lines
    assert "grad [[-7.843e-06, -9.45e-06]," in texts and "[9.575e-05, 0.0001154]]" in texts
    assert "((y_2 - y)**2).sum()" in texts and "∂ 0.5" in texts  # not retained: not kept
    # the text table keeps a value per cell
    row = next(ln for ln in fr.text(len(rec.frames) - 1).splitlines() if ln.startswith("w2 "))
    assert "[[3, 4], [5, 6]]" in row


def test_fit_width_scales_wide_drawings_only():
    from autograd_viz.render import FIT_MIN_SCALE, fit_width

    narrow = '<svg width="300pt" height="90pt"\n viewBox="0 0 300 90">'
    assert fit_width(narrow) == narrow
    wide = '<svg width="800pt" height="100pt"\n viewBox="0.00 0.00 800 100"><g/></svg>'
    out = fit_width(wide)
    assert out.startswith('<svg width="640.00pt" height="80.00pt"')
    assert 'viewBox="0.00 0.00 800 100"' in out and out.endswith("<g/></svg>")
    huge = '<svg width="2000pt" height="100pt" viewBox="0 0 2000 100">'
    assert fit_width(huge).startswith(f'<svg width="{2000 * FIT_MIN_SCALE:.2f}pt"')
