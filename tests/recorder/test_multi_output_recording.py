"""Recording code whose graph has nodes with several outputs (``split``, ``unbind``, a
custom Function returning two tensors): every piece gets its forward frame, the shared
node its backward frame, and nothing breaks inside the recorder."""

import autograd_viz as torch
from autograd_viz.recorder import record


def test_recording_split_and_unbind():
    x = torch.tensor([1.0, 2.0, 3.0, 4.0], requires_grad=True)
    with record() as rec:
        a, b = x.split(2)
        c = a * b
        d = torch.unbind(x)[3] * 2
        loss = c.sum() + d
        loss.backward()
    assert rec.internal_errors == []
    phases = [f.phase for f in rec.frames]
    assert phases.count("forward") == 2 + 1 + 4 + 1 + 2  # 2 pieces, c, 4 slices, d, sum, +
    caps = [f.captions["en"] for f in rec.frames if f.phase == "backward"]
    assert any("unbind" in c for c in caps)
    # one frame per piece that received a gradient, each with its own gradient and share
    split_caps = [c for c in caps if "split(x)" in c]
    assert len(split_caps) == 2
    assert "a = split(x)" in split_caps[0] and "= [3, 4]" in split_caps[0]
    assert "[3, 4, 0, 0]" in split_caps[0]
    assert "b = split(x)" in split_caps[1] and "= [1, 2]" in split_caps[1]
    assert "[0, 0, 1, 2]" in split_caps[1]
    # the autograd view's edges go to the op of the piece each consumer used
    ops = {f.captions["en"].split(" = ")[0].split()[-1]: f.nodes[0] for f in rec.frames[:2]}
    edges = rec.autograd_graph.edges
    mul = next(f.nodes[0] for f in rec.frames if f.captions["en"].startswith("Forward: c ="))
    assert (mul, ops["a"]) in edges and (mul, ops["b"]) in edges
    assert x.grad.tolist() == [3.0, 4.0, 1.0, 4.0]
    rec.state(len(rec.frames) - 1, view="autograd")  # the autograd view is buildable


def test_recording_custom_function_with_two_outputs():
    class Two(torch.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            return x * 2, x * 3

        @staticmethod
        def backward(ctx, ga, gb):
            return ga * 2 + gb * 3

    x = torch.tensor([1.0, 2.0], requires_grad=True)
    with record() as rec:
        p, s = Two.apply(x)
        (p * s).sum().backward()
    assert rec.internal_errors == []
    assert [f.phase for f in rec.frames].count("backward") == 3  # sum, *, Two (once)
    assert x.grad.tolist() == [12.0, 24.0]


def test_draw_of_a_graph_with_split_shows_each_piece():
    import sys

    from autograd_viz.recorder import snapshot

    x = torch.arange(4.0, requires_grad=True)
    a, b = x.split(2)
    y = (b * a).sum()
    rec = snapshot(y, names_from=sys._getframe())
    assert rec.internal_errors == []
    g = rec.graph
    pieces = {n.name: n for n in g.nodes.values() if n.kind == "tensor" and n.name in "ab"}
    assert set(pieces) == {"a", "b"}  # two tensors, not one drawn twice
    mul = next(n for n in g.nodes.values() if n.kind == "op" and n.op == "mul")
    srcs = {s for s, d in g.edges if d == mul.id}
    assert srcs == {pieces["a"].id, pieces["b"].id}


def test_recording_continues_a_split_made_before_it():
    x = torch.arange(4.0, requires_grad=True)
    a, b = x.split(2)
    with record() as rec:
        (a * b).sum().backward()
    assert rec.internal_errors == []
    assert x.grad.tolist() == [2.0, 3.0, 0.0, 1.0]
    assert [f.phase for f in rec.frames].count("backward") == 4  # sum, *, 2 pieces
