"""The compact frame states (render/state.py) against the recorder's own ``rec.state``."""

from __future__ import annotations

import re

import pytest

from autograd_viz.render import PALETTE
from autograd_viz.render import state as S
from autograd_viz.widget.stepper import STATIC


def _slow_states(rec, view):
    graph = rec.graph if view == "dataflow" else rec.autograd_graph
    out = []
    for i in range(len(rec.frames)):
        st = rec.state(i, view=view)
        out.append(
            {d: (S._status(st.get(d)), *S._texts(graph.nodes[d], st.get(d))) for d in graph.nodes}
        )
    return out


@pytest.mark.parametrize("view", ["dataflow", "autograd"])
@pytest.mark.parametrize("which", ["training", "two_layer", "error"])
def test_fast_states_equal_rec_state(train_rec, view, which):
    import sys
    from pathlib import Path

    import autograd_viz as torch

    if which == "training":
        rec = train_rec
    elif which == "two_layer":
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))
        from e2e_programs import TWO_LAYER, run

        rec = run(TWO_LAYER)["rec"]
    else:
        with pytest.raises(RuntimeError), torch.record() as rec:
            x = torch.ones(2, requires_grad=True)
            y = (x * 2).sum()
            y.backward()
            y.backward()
    assert S._fast_ok(rec)
    assert S.frame_states(rec, view) == _slow_states(rec, view)


def test_deltas_rebuild_every_frame(train_rec):
    data = S.stepper_data(train_rec)
    for view in S.VIEWS:
        vd = data["views"][view]
        states = S.frame_states(train_rec, view, vd["ids"])
        cur = [[0, 0, 0] for _ in vd["ids"]]
        for i, dl in enumerate(vd["deltas"]):
            for k in range(0, len(dl), 4):
                cur[dl[k]] = dl[k + 1 : k + 4]
            for j, d in enumerate(vd["ids"]):
                s, v, g = states[i][d]
                assert S.STATUSES[cur[j][0]] == s
                assert data["strings"][cur[j][1]] == (v or "")
                assert data["strings"][cur[j][2]] == (g or "")
        assert len(vd["deltas"]) == len(train_rec.frames)
        # the layout is one SVG with every drawn node, no paint, no per-frame texts
        assert vd["svg"].count("<svg") == 1
        assert len(re.findall(r"class='node' data-k=", vd["svg"])) == len(vd["ids"])
        assert "fill=" not in re.sub(r"<polygon fill='white'[^>]*>", "", vd["svg"])
        assert '"' not in vd["svg"]  # (single quotes: cheaper inside JSON)


def test_css_node_colours_are_the_renderers():
    css = (STATIC / "stepper.css").read_text(encoding="utf-8")
    for status, pal in PALETTE.items():
        rule = re.search(r"g\.av-" + status + r" > ellipse \{([^}]*)\}", css).group(1)
        assert f"fill: {pal['fill']}" in rule and f"stroke: {pal['stroke']}" in rule, status
        assert f"stroke-width: {pal['width']}" in rule, status


def test_string_table_keeps_the_recorders_own_rows():
    from autograd_viz.recorder.fmt import Text

    table = S._Strings()
    plain = Text("[[1, 2], [3, 4]]")
    plain.rows = ("[[1, 2],", "[3, 4]]")  # what the browser parses anyway: not sent
    odd = Text("[[[1]], [[2]]]")
    odd.rows = ("[[[1]],", " [[2]]]")
    assert table(plain) == 1 and table(odd) == 2 and table(None) == 0
    assert table.items == ["", "[[1, 2], [3, 4]]", "[[[1]], [[2]]]"]
    assert table.rows == {2: ["[[[1]],", " [[2]]]"]}
