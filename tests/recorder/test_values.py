"""Node values keep their numbers until the renderer draws them (fmt.Text): the picture
lines come from the array, not from parsing the caption text back."""

import numpy as np

import autograd_viz as torch
from autograd_viz.recorder import fmt
from autograd_viz.render.frames import split_rows


def test_node_states_carry_numbers_and_rows():
    W = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
    with torch.record() as rec:
        Y = W * 2
        Y.sum().backward()
    st = rec.state(-1)
    y = next(k for k, n in rec.graph.nodes.items() if n.name == "Y")
    v = st[y].value
    assert isinstance(v, fmt.Text) and v == "[[2, 4], [6, 8]]"
    assert np.array_equal(v.array, [[2.0, 4.0], [6.0, 8.0]])
    assert v.rows == ("[[2, 4],", "[6, 8]]")
    w = next(k for k, n in rec.graph.nodes.items() if n.name == "W")
    assert np.array_equal(st[w].grad.array, [[2.0, 2.0], [2.0, 2.0]])


def test_the_renderer_uses_the_rows_it_is_given():
    t = fmt.text(np.array([[1.0, 2.0], [3.0, 4.0]]))
    t.rows = ("row one", "row two")  # (not what parsing the text would give)
    assert split_rows(t) == ["row one", "row two"]
    assert split_rows("[[1, 2], [3, 4]]") == ["[[1, 2],", "[3, 4]]"]


def test_rows_match_the_text_for_every_shape():
    for a in (
        np.array([[3, 4], [5, 6]]),
        np.array([[1.0]]),
        np.arange(24.0).reshape(2, 3, 4)[:, :2, :1],
        np.arange(300.0).reshape(10, 30),
        np.array([1.0, 2.0]),
        np.array(2.5),
        np.array([[True, False], [False, True]]),
    ):
        t = fmt.text(a)
        assert list(t.rows) == split_rows(str(t)), a
