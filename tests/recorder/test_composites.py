"""Composite ops: a public function PyTorch builds from several nodes is one op in the
data-flow view (named as the learner wrote it), PyTorch's nodes in the autograd view."""

import contextlib

import autograd_viz as torch
from autograd_viz import nn
from autograd_viz.engine import events
from autograd_viz.recorder import fmt
from autograd_viz.render import text_table


def _seed000():
    X = torch.tensor([4.0, 4.0, 3.0, 0.0])
    W_1 = torch.tensor([[3.0, 4.0, 2.0, 3.0], [2.0, 3.0, 1.0, 1.0]], requires_grad=True)
    W_2 = torch.tensor([1.0, 4.0], requires_grad=True)
    with torch.record() as rec:
        Z = X.matmul(W_1.T)
        Y = Z.matmul(W_2)
        Y.backward()
    assert rec.internal_errors == []
    return rec


def _ids(rec, name):
    return [d for d, n in rec.graph.nodes.items() if n.name == name]


def test_seed000_dataflow_names_the_learners_ops():
    rec = _seed000()
    g = rec.graph
    tensors = [n.name for n in g.nodes.values() if n.kind == "tensor"]
    ops = [n.name for n in g.nodes.values() if n.kind == "op"]
    assert sorted(tensors) == sorted(["X", "W_1", "W_1.T", "Z", "W_2", "Y"])
    assert ops == ["ᵀ", "@", "@"]
    for leak in ("permute", "mm", "tensor", "squeeze", "dot", "unsqueeze"):
        assert leak not in tensors + ops
    (w1t,) = _ids(rec, "W_1.T")
    (z,) = _ids(rec, "Z")
    (x,) = _ids(rec, "X")
    mat = [d for d, n in g.nodes.items() if n.kind == "op" and (d, z) in g.edges]
    assert len(mat) == 1 and (x, mat[0]) in g.edges and (w1t, mat[0]) in g.edges
    assert g.nodes[mat[0]].inner == ("MmBackward0", "SqueezeBackward4")


def test_seed000_autograd_view_keeps_pytorchs_nodes():
    rec = _seed000()
    classes = sorted(n.grad_fn for n in rec.autograd_graph.nodes.values())
    assert classes == sorted(
        [
            "DotBackward0",
            "SqueezeBackward4",
            "MmBackward0",
            "PermuteBackward0",
            "AccumulateGrad",
            "AccumulateGrad",
        ]
    )
    ag = rec.autograd_graph
    by_cls = {n.grad_fn: d for d, n in ag.nodes.items() if n.kind == "grad_fn"}
    assert (by_cls["DotBackward0"], by_cls["SqueezeBackward4"]) in ag.edges
    assert (by_cls["SqueezeBackward4"], by_cls["MmBackward0"]) in ag.edges
    assert (by_cls["MmBackward0"], by_cls["PermuteBackward0"]) in ag.edges
    # the data-flow @ node knows its autograd nodes
    (mat,) = [n for n in rec.graph.nodes.values() if n.inner == ("MmBackward0", "SqueezeBackward4")]
    assert mat.inner_ids == (by_cls["MmBackward0"], by_cls["SqueezeBackward4"])


def test_seed000_frames_at_the_public_op_level():
    rec = _seed000()
    caps = [f.caption for f in rec.frames]
    fw = [f for f in rec.frames if f.phase == "forward"]
    assert len(fw) == 3  # ᵀ, @, @: one forward frame per op the learner wrote
    assert fw[0].caption.startswith("Forward: W_1.T = [[3, 2], [4, 3], [2, 1], [3, 1]]")
    assert fw[1].caption.startswith("Forward: Z = X @ W_1.T = [34, 23].")
    assert "MmBackward0 → SqueezeBackward4" in fw[1].caption
    (mat,) = [
        d for d, n in rec.graph.nodes.items() if n.inner == ("MmBackward0", "SqueezeBackward4")
    ]
    assert fw[1].node == mat
    assert fw[1].anodes == rec.graph.nodes[mat].inner_ids  # both nodes made in one step
    bw = [f for f in rec.frames if f.phase == "backward"]
    inner = [f for f in bw if f.node == mat]
    assert len(inner) == 2  # one frame per PyTorch node, both on the @ node
    first, second = inner
    assert first.caption.startswith(
        "Backward through Z = X @ W_1.T: the gradient arriving is G = dY/dZ = [1, 4]. "
        "W_1.T receives dY/dW_1.T = X ⊗ G = [[4, 16], [4, 16], [3, 12], [0, 0]]."
    )
    assert "SqueezeBackward4" in first.caption and first.detail["op"] == "SqueezeBackward4"
    assert second.caption.startswith("Inside Z = X @ W_1.T")
    assert "MmBackward0" in second.caption and second.detail["composite"] == "matmul"
    ag = rec.autograd_graph.nodes
    assert ag[first.anodes[0]].grad_fn == "SqueezeBackward4"
    assert ag[second.anodes[0]].grad_fn == "MmBackward0"
    perm = next(f for f in bw if rec.graph.nodes[f.node].name == "ᵀ")
    assert perm.caption == (
        "Backward through W_1.T: the gradient arriving is G = dY/dW_1.T = "
        "[[4, 16], [4, 16], [3, 12], [0, 0]]. W_1 receives dY/dW_1 = Gᵀ = "
        "[[4, 4, 3, 0], [16, 16, 12, 0]]."
    )
    # W_1.T shows the gradient it received as soon as the @ frame explains it
    (w1t,) = _ids(rec, "W_1.T")
    assert rec.state(first.index)[w1t].grad == "[[4, 16], [4, 16], [3, 12], [0, 0]]"
    for c in caps:
        for leak in ("permute", " mm ", "tensor @", "squeeze("):
            assert leak not in c
    assert len(set(caps)) == len(caps)
    # the data-flow state has only data-flow nodes; the autograd one all of its nodes
    assert set(rec.state(0)) == set(rec.graph.nodes)
    assert set(rec.state(0, view="autograd")) == set(rec.autograd_graph.nodes)
    assert rec.state(first.index, view="autograd")[first.anodes[0]].status == "current"


def test_nn_linear_is_one_linear_op():
    torch.manual_seed(0)
    layer = nn.Linear(2, 1)
    x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
    with torch.record() as rec:
        y = layer(x)
        y.sum().backward()
    assert rec.internal_errors == []
    ops = [n for n in rec.graph.nodes.values() if n.kind == "op"]
    assert [n.name for n in ops] == ["linear", "Σ"]
    assert ops[0].inner == ("TBackward0", "AddmmBackward0")
    assert "t" not in [n.name for n in rec.graph.nodes.values()]
    assert sorted(n.grad_fn for n in rec.autograd_graph.nodes.values()) == sorted(
        ["TBackward0", "AddmmBackward0", "SumBackward0", "AccumulateGrad", "AccumulateGrad"]
    )
    fw = rec.frames[0]
    assert fw.caption.startswith(
        "Forward: y = linear(x; layer.weight, layer.bias) = x @ layer.weight.T + layer.bias = "
    )
    lin = [f for f in rec.frames if f.phase == "backward" and f.node == fw.node]
    assert len(lin) == 2
    assert "Gᵀ @ x = [[4, 6]]" in lin[0].caption
    assert "G summed over rows = 2" in lin[0].caption  # summed to the bias's shape


def test_expression_names_for_unnamed_results():
    a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    with torch.record() as rec:
        b = (a**2).sum()
        c = (-a).sum()
        (b + c).backward()
    names = {n.name for n in rec.graph.nodes.values() if n.kind == "tensor"}
    assert {"a**2", "-a", "b", "c"} <= names
    assert "pow" not in names and "neg" not in names
    assert any(f.caption == "Forward: b = (a**2).sum() = [1, 4, 9].sum() = 14." for f in rec.frames)


def test_values_up_to_twelve_elements_in_full():
    assert fmt.value(__import__("numpy").arange(12.0).reshape(3, 4)) == (
        "[[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]"
    )
    assert "min" in fmt.value(__import__("numpy").arange(13.0))
    rec = _seed000()
    table = text_table(rec, len(rec.frames) - 1)
    assert "[[4, 4, 3, 0], [16, 16, 12, 0]]" in table
    assert "[[3, 4, 2, 3], [2, 3, 1, 1]]" in table


def test_composite_events_only_when_listening_and_nested():
    seen = []
    a = torch.tensor([[1.0, 2.0]], requires_grad=True)
    w = torch.tensor([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]], requires_grad=True)
    with events.subscribe(lambda k, p: seen.append((k, p.get("op")))):
        torch.nn.functional.linear(a, w)
        a.matmul(w.T)
        x = torch.tensor([1.0, 2.0])
        x.matmul(w.T)
    kinds = [(k, op) for k, op in seen if k.startswith("composite")]
    assert kinds == [
        ("composite_begin", "linear"),
        ("composite_end", "linear"),
        ("composite_begin", "matmul"),
        ("composite_end", "matmul"),
        ("composite_begin", "matmul"),
        ("composite_end", "matmul"),
    ]
    before = len(seen)
    a.matmul(w.T)  # nobody listens: nothing is emitted
    assert len(seen) == before


def test_composite_end_is_emitted_when_the_op_raises():
    seen = []
    a = torch.tensor([1.0, 2.0])
    b = torch.tensor([1.0, 2.0, 3.0])
    with (
        events.subscribe(lambda k, p: seen.append((k, p.get("output", "-")))),
        contextlib.suppress(RuntimeError),
    ):
        a.matmul(b)
    assert [k for k, _ in seen] == ["composite_begin", "composite_end"]
    assert seen[-1][1] is None


def test_loop_draws_composites_on_one_picture():
    X = torch.tensor([4.0, 0.0, 1.0, 2.0])
    W_1 = torch.tensor([[3.0, 0.0, 0.0, 0.0], [2.0, 4.0, 1.0, 3.0]], requires_grad=True)
    W_2 = torch.tensor([3.0, 3.0], requires_grad=True)
    with torch.record() as rec:
        for _ in range(4):
            if W_1.grad is not None:
                W_1.grad.zero_()
                W_2.grad.zero_()
            Z = X.matmul(W_1.T)
            Y = Z.matmul(W_2)
            Y.backward()
            W_1 = W_1 - 0.01 * W_1.grad
            W_2 = W_2 - 0.01 * W_2.grad
            W_1.detach_().requires_grad_(True)
            W_2.detach_().requires_grad_(True)
    assert rec.internal_errors == []
    names = [n.name for n in rec.graph.nodes.values()]
    assert not any("iter" in n or "#" in n for n in names), names
    assert len(rec.autograd_graph.nodes) == 6
    assert {f.iteration for f in rec.frames} == {1, 2, 3}


def _dataflow(g):
    """(sorted tensor names, sorted op names, edges as name pairs) of a data-flow graph."""
    nm = {d: n.name for d, n in g.nodes.items()}
    return (
        sorted(n.name for n in g.nodes.values() if n.kind == "tensor"),
        sorted(n.name for n in g.nodes.values() if n.kind == "op"),
        sorted((nm[a], nm[b]) for a, b in g.edges),
    )


def test_draw_without_recording_groups_composites_as_recorded():
    import sys

    from autograd_viz.recorder import snapshot

    rec = _seed000()
    X = torch.tensor([4.0, 4.0, 3.0, 0.0])
    W_1 = torch.tensor([[3.0, 4.0, 2.0, 3.0], [2.0, 3.0, 1.0, 1.0]], requires_grad=True)
    W_2 = torch.tensor([1.0, 4.0], requires_grad=True)
    Z = X.matmul(W_1.T)
    Y = Z.matmul(W_2)
    snap = snapshot(Y, names_from=sys._getframe())
    assert snap.internal_errors == []
    tensors, ops, _edges = _dataflow(snap.graph)
    assert tensors == sorted(["X", "W_1", "W_1.T", "Z", "W_2", "Y"])
    assert ops == sorted(["ᵀ", "@", "@"])
    assert _dataflow(snap.graph) == _dataflow(rec.graph)
    (mat,) = [n for n in snap.graph.nodes.values() if n.inner]
    assert mat.inner == ("MmBackward0", "SqueezeBackward4")
    # the autograd view still draws PyTorch's nodes, the @ knows its two
    ag = snap.autograd_graph.nodes
    assert sorted(n.grad_fn for n in ag.values()) == sorted(
        [
            "DotBackward0",
            "SqueezeBackward4",
            "MmBackward0",
            "PermuteBackward0",
            "AccumulateGrad",
            "AccumulateGrad",
        ]
    )
    assert [ag[a].grad_fn for a in mat.inner_ids] == ["MmBackward0", "SqueezeBackward4"]
    # shown through draw() (the data-flow source has no PyTorch decomposition)
    src = torch.draw(Y).source
    for leak in ("permute", "squeeze", "unsqueeze", '"tensor', '"mm'):
        assert leak not in src
    assert "W_1.T" in src


def test_draw_without_recording_nn_linear_is_one_linear_op():
    import sys

    from autograd_viz.recorder import snapshot

    torch.manual_seed(0)
    layer = nn.Linear(2, 1)
    x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
    y = layer(x)
    snap = snapshot(y, names_from=sys._getframe())
    tensors, ops, edges = _dataflow(snap.graph)
    assert ops == ["linear"]
    assert tensors == sorted(["x", "layer.weight", "layer.bias", "y"])
    assert sorted(edges) == sorted(
        [("x", "linear"), ("layer.weight", "linear"), ("layer.bias", "linear"), ("linear", "y")]
    )
    (lin,) = [n for n in snap.graph.nodes.values() if n.kind == "op"]
    assert lin.inner == ("TBackward0", "AddmmBackward0")
    # as recorded
    with torch.record() as rec:
        y2 = layer(x)
    assert _dataflow(rec.graph)[1] == ["linear"]
    assert y2.grad_fn is not None


def test_draw_without_recording_other_composites():
    import sys

    from autograd_viz.recorder import snapshot

    a = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
    v = torch.tensor([1.0, 2.0], requires_grad=True)
    cases = {
        "r": lambda: a.reshape(3, 2),
        "g": lambda: a[0, 1:],
        "q": lambda: 2 / a,
        "m": lambda: v @ a,
        "f": lambda: a.flatten(),
    }
    for key, make in cases.items():
        out = make()
        with torch.record() as rec:
            out2 = make()
        assert rec.internal_errors == []
        snap = snapshot(out, names_from=sys._getframe())
        assert snap.internal_errors == []
        got = _dataflow(snap.graph)
        want = _dataflow(rec.graph)
        # the same ops (named as written) on the same inputs; only the result's name differs
        assert got[1] == want[1], key
        assert len(got[0]) == len(want[0]) and len(got[2]) == len(want[2]), key
        assert out2 is not None


def test_composite_marks_cost_one_attribute_and_keep_fast_paths_plain():
    a = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
    assert getattr((a @ a).grad_fn, "_av_comp", None) is None  # one mm node: nothing to group
    out = a[0] @ a
    op, inputs, _info, seq0 = out.grad_fn._av_comp
    assert op == "matmul" and inputs[1] is a and seq0 < out.grad_fn._seq
    with torch.no_grad():
        assert (a[0] @ a).grad_fn is None


def test_freed_caption_names_each_op_by_what_it_made():
    rec = _seed000()
    (fr,) = [f for f in rec.frames if f.phase == "freed"]
    en, zh = fr.captions["en"], fr.captions["zh"]
    assert "@ (making Y), @ (making Z)" in en
    assert "@（生成 Y）、@（生成 Z）" in zh
