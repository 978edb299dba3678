"""The compact frame states (render/state.py) against the recorder's own ``rec.state``."""

from __future__ import annotations

import re

import pytest

from autograd_viz.render import PALETTE
from autograd_viz.render import state as S
from autograd_viz.widget.stepper import STATIC


@pytest.mark.parametrize("view", ["dataflow", "autograd"])
def test_fast_states_equal_rec_state(train_rec, view):
    slow = S.frame_states(train_rec, view)
    assert S._fast_ok(train_rec)
    graph = train_rec.graph if view == "dataflow" else train_rec.autograd_graph
    fast = [dict(r) for r in S._fast_states(train_rec, view, list(graph.nodes))]
    assert fast == slow


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
