"""Recorder frames for the seed lessons' programs (each test can fail)."""

import tracemalloc

import numpy as np
import pytest

import autograd_viz as torch
from autograd_viz.engine import events
from autograd_viz.recorder import PHASES, Frame, set_language


def _by_phase(rec, phase):
    return [f for f in rec.frames if f.phase == phase]


def _node(rec, name):
    ids = [d for d, n in rec.graph.nodes.items() if n.name == name]
    assert ids, f"no node named {name!r} in {[n.name for n in rec.graph.nodes.values()]}"
    return ids[0]


def _ok(rec):
    assert rec.internal_errors == []
    for f in rec.frames:
        assert f.phase in PHASES
        assert f.captions["en"] and f.captions["zh"]
        assert "0x" not in f.captions["en"]


def test_skeleton_z_equals_x_w_plus_b():
    x = torch.Tensor([2])
    w = torch.tensor([3.0], requires_grad=True)
    b = torch.tensor([1.0], requires_grad=True)
    with torch.record() as rec:
        y = x * w
        z = y + b
        z.backward()
    _ok(rec)
    assert [f.phase for f in rec.frames] == [
        "forward",
        "forward",
        "backward",
        "accumulate",
        "backward",
        "accumulate",
        "freed",
    ]
    assert isinstance(rec.frames[0], Frame)
    names = {n.name for n in rec.graph.nodes.values() if n.kind == "tensor"}
    assert names == {"x", "w", "b", "y", "z"}
    f_mul = rec.frames[0]
    assert f_mul.node == next(d for d, n in rec.graph.nodes.items() if n.op == "mul")
    assert f_mul.caption == "Forward: y = x * w = 2 * 3 = 6."
    root = rec.frames[2]
    # local derivatives with ∂, totals with d: the two are never written the same way
    assert root.caption == (
        "Backward through z = y + b: the gradient arriving is dz/dz = 1. Local derivative "
        "∂z/∂y = 1, so y receives dz/dy = 1 × 1 = 1; local derivative ∂z/∂b = 1, so b "
        "receives dz/db = 1 × 1 = 1."
    )
    assert root.captions["zh"] == (
        "反向传播经过 z = y + b：传入的梯度 dz/dz = 1。局部导数 ∂z/∂y = 1，所以 y 得到 "
        "dz/dy = 1 × 1 = 1；局部导数 ∂z/∂b = 1，所以 b 得到 dz/db = 1 × 1 = 1。"
    )
    assert root.detail["upstream"] == "dz/dz = 1"
    assert root.detail["local"] == "∂z/∂y = 1; ∂z/∂b = 1"
    assert root.detail["product"] == "dz/dy = 1 × 1 = 1; dz/db = 1 × 1 = 1"
    bw = rec.frames[4]
    assert bw.caption == (
        "Backward through y = x * w: the gradient arriving is dz/dy = 1. "
        "Local derivative ∂y/∂w = x = 2, so w receives dz/dw = 1 × 2 = 2."
    )
    assert "局部导数 ∂y/∂w = x = 2" in bw.captions["zh"]
    assert bw.detail["upstream"] == "dz/dy = 1"
    assert bw.detail["local"] == "∂y/∂w = x = 2" and bw.detail["product"] == "dz/dw = 1 × 2 = 2"
    # the gradient is sent along the edge w -> mul only (x needs none)
    assert bw.edges == ((_node(rec, "w"), bw.node),)
    acc = rec.frames[5]
    assert acc.node == _node(rec, "w") and "w.grad = 2" in acc.caption
    st = rec.state(5)
    assert st[_node(rec, "w")].grad == "2"
    assert st[_node(rec, "w")].status == "current"
    assert rec.state(0)[_node(rec, "z")].status == "pending"
    assert rec.state(1)[_node(rec, "z")].value == "7"
    # every caption differs (the stepper shows a new sentence each step)
    assert len({f.caption for f in rec.frames}) == len(rec.frames)


def test_language_switch():
    x = torch.tensor([2.0], requires_grad=True)
    with torch.record(lang="zh") as rec:
        y = x * 3
    assert rec.frames[0].caption.startswith("前向计算")
    with torch.record() as rec2:
        y = x * 3  # noqa: F841
    set_language("zh")
    try:
        assert rec2.frames[0].caption.startswith("前向计算")
    finally:
        set_language("en")
    assert rec2.frames[0].caption.startswith("Forward")


def test_seed000_accumulate_across_backward_calls():
    X = torch.tensor([4.0, 4.0, 3.0, 0.0])
    W_1 = torch.tensor([[3.0, 4.0, 2.0, 3.0], [2.0, 3.0, 1.0, 1.0]], requires_grad=True)
    W_2 = torch.tensor([1.0, 4.0], requires_grad=True)
    with torch.record() as rec:
        Z = X.matmul(W_1.T)
        Y = Z.matmul(W_2)
        Y.backward()
        Z.detach_()
        W_2.detach_().requires_grad_(True)
        Z_2 = Z.matmul(W_2)
        Z_2.backward()
    _ok(rec)
    acc = [f for f in _by_phase(rec, "accumulate") if f.node == _node(rec, "W_2")]
    assert [f.detail["new"] for f in acc] == ["[34, 23]", "[68, 46]"]
    assert "[34, 23] + [34, 23] = [68, 46]" in acc[1].caption
    assert {n.name for n in rec.graph.nodes.values()} >= {"X", "W_1", "Z", "W_2", "Y", "Z_2"} - {
        "X"
    }
    # detach_() outside an update is a frame: the learner sees the tensor leave the graph
    det = [f for f in _by_phase(rec, "update") if f.detail["code"] == "detach_"]
    assert [f.node for f in det] == [_node(rec, "Z"), _node(rec, "W_2")]
    z, w2 = det
    assert z.index < w2.index < [f.index for f in acc][1]
    assert z.caption.startswith("Z.detach_() takes Z out of the graph: it forgets its grad_fn")
    assert "becomes a leaf" in z.caption and "[34, 23]" in z.caption
    assert "离开" in z.captions["zh"] or "取出" in z.captions["zh"]
    assert z.detail["grad_fn"] and z.anodes and not z.anodes[0].startswith("a:")
    assert "already a leaf" in w2.caption and "requires_grad_(True)" in w2.caption
    assert "W_2.grad = [34, 23]" in w2.caption and w2.anodes == ("a:" + _node(rec, "W_2"),)
    assert len({f.caption for f in rec.frames}) == len(rec.frames)


def test_seed000_rebind_update_loop_keeps_identity_and_groups_iterations():
    X = torch.tensor([4.0, 0.0, 1.0, 2.0])
    W_1 = torch.tensor([[3.0, 0.0, 0.0, 0.0], [2.0, 4.0, 1.0, 3.0]], requires_grad=True)
    W_2 = torch.tensor([3.0, 3.0], requires_grad=True)

    def forward(X, W_1, W_2):
        Z = X.matmul(W_1.T)
        Y = Z.matmul(W_2)
        return Y

    learning_rate = 0.01
    losses = []
    with torch.record() as rec:
        for epoch in range(10):  # noqa: B007 (the seed's code, verbatim)
            if W_1.grad is not None:
                W_1.grad.zero_()
            if W_2.grad is not None:
                W_2.grad.zero_()
            Y = forward(X, W_1, W_2)
            Y.backward()
            W_1 = W_1 - learning_rate * W_1.grad
            W_2 = W_2 - learning_rate * W_2.grad
            W_1.detach_().requires_grad_(True)
            W_2.detach_().requires_grad_(True)
            losses.append(float(Y.item()))
    _ok(rec)
    assert losses[0] == 81.0
    ups = _by_phase(rec, "update")
    w1 = _node(rec, "W_1")
    assert [f.node for f in ups if f.node == w1] == [w1] * 3  # one node, 3 full iterations
    assert all(f.detail["code"] == "rebind" for f in ups)
    assert "lr × W_1.grad" in ups[0].caption and "0.01" in ups[0].caption
    assert {f.iteration for f in rec.frames} == {1, 2, 3}
    # one picture: names are not repeated per iteration
    names = [n.name for n in rec.graph.nodes.values() if n.kind == "tensor"]
    assert names.count("W_1") == 1 and not any("iter" in n for n in names)
    assert not [f for f in ups if f.detail["code"] == "detach_"]  # rebinding is one frame
    assert len(rec.iterations) == 10
    assert [round(it["loss"], 3) for it in rec.iterations] == [round(v, 3) for v in losses]
    assert set(rec.iterations[-1]["params"]) == {"W_1", "W_2"}
    assert np.allclose(rec.iterations[-1]["params"]["W_2"], W_2.tolist())
    # W_2 shown in frame of iteration 2's forward has the updated value
    st = rec.state(ups[1].index)
    assert st[_node(rec, "W_2")].value == "[2.88, 2.85]"  # [3, 3] - 0.01 * [12, 15]


def test_seed001_retain_graph_second_backward_error_and_freed():
    x = torch.Tensor([2])
    w = torch.tensor([3.0], requires_grad=True)
    b = torch.tensor([1.0], requires_grad=True)
    with pytest.raises(RuntimeError, match="second time"), torch.record() as rec:
        y = torch.mul(x, w)
        z = torch.add(y, b)
        z.backward(retain_graph=True)
        z.backward()
        z.backward()
    _ok(rec)
    phases = [f.phase for f in rec.frames]
    assert phases.count("freed") == 1
    assert phases[-1] == "error"
    err = rec.frames[-1]
    assert err.node == _node(rec, "z")
    assert "retain_graph=True" in err.caption and "RuntimeError" in err.detail["error"]
    freed = _by_phase(rec, "freed")[0]
    assert freed.node == next(d for d, n in rec.graph.nodes.items() if n.op == "mul")
    assert rec.state(freed.index + 1)[freed.node].status == "freed"
    acc = [f.detail["new"] for f in _by_phase(rec, "accumulate") if f.node == _node(rec, "w")]
    assert acc == ["2", "4"]


def test_seed001_no_grad_and_data_edit_are_outside():
    with torch.record() as rec:
        with torch.no_grad():
            x = torch.ones(1)
            w = torch.tensor([0.5], requires_grad=True)
            y = x.mul(w)  # noqa: F841 (the recorder names it)
        v = torch.tensor([1.0, 2.0], requires_grad=True)
        v.data *= 100
    _ok(rec)
    fw = _by_phase(rec, "forward")[0]
    assert rec.graph.nodes[fw.node].outside
    assert rec.state(len(rec.frames) - 1)[_node(rec, "y")].status == "outside"
    assert "Outside the graph" in fw.caption and "无" not in fw.caption
    up = _by_phase(rec, "update")[-1]
    assert up.node == _node(rec, "v")
    assert up.detail["old"] == "[1, 2]" and up.detail["new"] == "[100, 200]"


def test_seed001_same_leaf_twice_accumulate_edge():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    with torch.record() as rec:
        y = x**2 * torch.exp(x)
        y.backward(torch.ones(y.size()))
    _ok(rec)
    edge = [f for f in _by_phase(rec, "accumulate") if "used by more than one op" in f.caption]
    assert len(edge) == 1 and edge[0].node == _node(rec, "x")
    expected = 2 * np.array([1.0, 2.0]) * np.exp([1.0, 2.0]) + np.array([1.0, 4.0]) * np.exp(
        [1.0, 2.0]
    )
    assert np.allclose(x.grad.numpy(), expected)


def test_seed001_within_backward_accumulate_on_non_leaf():
    a = torch.tensor([2.0], requires_grad=True)
    with torch.record() as rec:
        h = a * 3
        out = h * h + h
        out.backward()
    _ok(rec)
    edge = [f for f in _by_phase(rec, "accumulate") if f.node == _node(rec, "h")]
    assert edge and edge[-1].detail["new"] == "13"


def test_seed002_updates_accumulation_and_zero_patterns():
    x1 = torch.tensor([100], dtype=torch.float, requires_grad=True)
    x2 = torch.tensor([200], dtype=torch.float, requires_grad=True)
    x3 = torch.tensor([300], dtype=torch.float, requires_grad=True)
    constant = torch.tensor([30], dtype=torch.float, requires_grad=False)
    learning_rate = 0.01
    with torch.record() as rec:
        f = 10 * x1 + 20 * x2 + constant * x3
        f.backward()
        with torch.no_grad():
            x1.data = x1.data - learning_rate * x1.grad
            x2.data = x2.data - learning_rate * x2.grad
            x3.data = x3.data - learning_rate * x3.grad
        f = 10 * x1 + 20 * x2 + constant * x3
        f.backward()
        with torch.no_grad():
            x1 -= learning_rate * x1.grad
        x1.grad.zero_()
        x2.grad.data.zero_()
        x3.grad = None
    _ok(rec)
    acc = {
        n: [f.detail["new"] for f in _by_phase(rec, "accumulate") if f.node == _node(rec, n)]
        for n in ("x1", "x2", "x3")
    }
    assert acc == {"x1": ["10", "20"], "x2": ["20", "40"], "x3": ["30", "60"]}
    ups = _by_phase(rec, "update")
    assert [u.detail["code"] for u in ups] == ["data_lr"] * 3 + ["inplace_lr:sub_"]
    assert ups[0].caption == (
        "Update x1 outside the graph: x1.data = x1.data − lr × x1.grad = 100 − 0.01 × 10 = 99.9."
    )
    assert ups[3].detail["lr"] == "0.01" and ups[3].detail["new"] == "99.7"
    zs = _by_phase(rec, "zero_grad")
    assert [z.detail["code"] for z in zs] == ["grad.zero_", "grad.data.zero_", "grad=None"]
    assert [z.node for z in zs] == [_node(rec, "x1"), _node(rec, "x2"), _node(rec, "x3")]
    last = rec.state(len(rec.frames) - 1)
    assert last[_node(rec, "x1")].grad == "0" and last[_node(rec, "x3")].grad is None
    assert "constant" in {n.name for n in rec.graph.nodes.values()}


def test_seed002_parameter_update_512():
    nn = pytest.importorskip("autograd_viz.nn")
    if not hasattr(nn, "Parameter"):
        pytest.skip("nn.Parameter not in the engine yet")
    weights = nn.Parameter(torch.ones(size=(512, 512)))
    with torch.record() as rec:
        X = torch.ones(size=(512, 512)) * 666
        output = (X * weights).sum()
        output.backward()
        with torch.no_grad():
            weights.data = weights.data - 2 * weights.grad.data
    _ok(rec)
    up = _by_phase(rec, "update")[0]
    assert up.detail["new"] == "512×512 all -1331" and up.detail["lr"] == "2"


def _seed003(rec_kw=None):
    x_data = [1.0, 2.0, 3.0]
    y_data = [2.0, 4.0, 6.0]
    w = torch.tensor([1.0])
    w.requires_grad = True

    def forward(x):
        return x * w

    def loss(x, y):
        y_pred = forward(x)
        return (y_pred - y) ** 2

    with torch.record(**(rec_kw or {})) as rec:
        for epoch in range(100):  # noqa: B007 (the seed's code, verbatim)
            for x, y in zip(x_data, y_data, strict=True):
                l = loss(x, y)
                l.backward()
                w.data = w.data - 0.01 * w.grad.data
                w.grad.data.zero_()
    return rec, w


def test_seed003_training_loop_small():
    # memory and frame counts bound the cost of a 300-iteration recording; its speed (the
    # recorded / unrecorded ratio) is measured in benchmarks/bench_record.py
    _seed003()  # warm up imports
    tracemalloc.start()
    rec, w = _seed003()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    _ok(rec)
    assert peak < 8e6, peak
    assert len(rec.iterations) == 300
    assert {f.iteration for f in rec.frames} == {1, 2, 3}
    assert abs(w.item() - 2.0) < 1e-3
    assert rec.iterations[0]["loss"] == 1.0 and rec.iterations[0]["grads"]["w"] == [-2.0]
    assert rec.iterations[-1]["loss"] < 1e-6
    names = {n.name for n in rec.graph.nodes.values() if n.kind == "tensor"}
    # ``y_pred - y`` with y a different number per iteration: no expression name
    assert names == {"w", "y_pred", "sub", "l"}
    zs = _by_phase(rec, "zero_grad")
    assert len(zs) == 3 and zs[0].detail["code"] == "grad.data.zero_"
    ups = _by_phase(rec, "update")
    assert ups[0].caption.endswith("= 1 − 0.01 × -2 = 1.02.")
    rec5, _ = _seed003({"full_iterations": 5})
    assert {f.iteration for f in rec5.frames} == {1, 2, 3, 4, 5}


def test_seed004_retain_grad_and_hooks():
    grads = {}

    def save_grad(name):
        def hook(grad):
            grads[name] = grad

        return hook

    x = torch.tensor([[1.0]])
    y = torch.tensor([[1.0], [0.0]])
    w1 = torch.tensor([[1.0], [2.0]], requires_grad=True)
    w2 = torch.tensor([[3.0, 4.0], [5.0, 6.0]], requires_grad=True)
    with torch.record() as rec:
        z_1 = torch.mm(w1, x)
        z_1.retain_grad()
        y_1 = torch.sigmoid(z_1)
        y_1.register_hook(save_grad("y_1"))
        z_2 = torch.mm(w2, y_1)
        y_2 = torch.sigmoid(z_2)
        loss = 1 / 2 * (((y_2 - y) ** 2).sum())
        loss.backward()
    _ok(rec)
    hooks = _by_phase(rec, "hook")
    kinds = {
        (rec.graph.nodes[f.node].name, "retain" if "retain_grad" in f.caption else "hook")
        for f in hooks
    }
    assert kinds == {("z_1", "retain"), ("y_1", "hook")}
    assert "returns None" in next(f for f in hooks if f.node == _node(rec, "y_1")).caption
    sig = next(f for f in _by_phase(rec, "backward") if rec.graph.nodes[f.node].op == "sigmoid")
    assert "σ(" in sig.caption and "Local derivative ∂y_2/∂z_2" in sig.caption
    assert np.allclose(grads["y_1"].numpy(), [[0.0006], [0.0007]], atol=1e-4)


def test_optimizer_step_and_zero_grad_events():
    """optim_step / zero_grad events as the optimizer and modules emit them."""
    w = torch.tensor([1.0, 2.0], requires_grad=True)

    class SGD:  # a stand-in emitting the documented payloads
        pass

    with torch.record() as rec:
        (w * w).sum().backward()
        old = w._data.copy()
        new = old - 0.1 * w.grad._data
        w._data = new
        events.emit("optim_step", optimizer=SGD(), params=[(w, old, new, w.grad._data)], lr=0.1)
        events.emit("zero_grad", owner=SGD(), params=[w], set_to_none=True)
        w._grad = None
    _ok(rec)
    up = _by_phase(rec, "update")[-1]
    assert (
        up.caption
        == "optimizer.step() (SGD): w ← w − lr × w.grad = [1, 2] − 0.1 × [2, 4] = [0.8, 1.6]."
    )
    z = _by_phase(rec, "zero_grad")[-1]
    assert z.node == _node(rec, "w") and "zero_grad()" in z.caption


def test_real_optimizer_and_module_if_available():
    optim = pytest.importorskip("autograd_viz.optim")
    nn = pytest.importorskip("autograd_viz.nn")
    if not (hasattr(optim, "SGD") and hasattr(nn, "Linear")):
        pytest.skip("optim.SGD / nn.Linear not in the engine yet")
    torch.manual_seed(0)
    model = nn.Linear(2, 1)
    opt = optim.SGD(model.parameters(), lr=0.1)
    with torch.record() as rec:
        out = model(torch.tensor([[1.0, 2.0]])).sum()
        out.backward()
        opt.step()
        opt.zero_grad()
        model.zero_grad()
    _ok(rec)
    ups = _by_phase(rec, "update")
    assert len(ups) == 2 and all("optimizer.step()" in u.caption for u in ups)
    zs = _by_phase(rec, "zero_grad")
    # both calls are frames (the module's call does not swallow the optimizer's)
    assert [z.detail["code"] for z in zs] == ["optimizer.zero_grad:none", "module.zero_grad:none"]
    assert zs[0].caption.startswith("opt.zero_grad() clears the gradients of model.weight")
    assert zs[1].caption.startswith("model.zero_grad() clears")
    assert any(n.name.startswith("model.") for n in rec.graph.nodes.values())
    # module.zero_grad() on gradients that exist: its own frame, named by the variable
    with torch.record() as rec2:
        model(torch.tensor([[1.0, 2.0]])).sum().backward()
        model.zero_grad()
    _ok(rec2)
    z2 = _by_phase(rec2, "zero_grad")
    assert [z.detail["code"] for z in z2] == ["module.zero_grad:none"]
    assert z2[0].caption.startswith("model.zero_grad() clears the gradients of model.weight")
    assert set(rec2.iterations[-1]["params"]) == {"model.weight", "model.bias"}


def test_names_label_fallback_and_rebinding():
    a = torch.tensor([1.0], requires_grad=True)
    with torch.record() as rec:
        t = a * 2
        t.label = "doubled"
        for i in range(2):
            h = (a * 3) + i  # noqa: F841 (the recorder names it)
        u = torch.tensor([5.0], requires_grad=True) * 1  # bound below, name captured
        keep = u  # noqa: F841 (the recorder names it)
    names = [n.name for n in rec.graph.nodes.values() if n.kind == "tensor"]
    # an explicit t.label wins over the variable name (issue 11), even when set later
    assert "doubled" in names and "t" not in names
    assert ("h" in names and "keep" in names) or "u" in names
    b = torch.tensor([1.0], requires_grad=True)
    with torch.record() as rec2:
        c = b * 2
        c.label = '<b>"x"</b>'
        (b * 2).label = "labelled"
    names2 = {n.name for n in rec2.graph.nodes.values()}
    assert '<b>"x"</b>' in names2 and "c" not in names2


def test_recorder_never_breaks_the_program(monkeypatch):
    from autograd_viz.recorder import core

    def boom(self, p):
        raise ValueError("recorder bug")

    monkeypatch.setattr(core._Recorder, "_backward_node", boom)
    w = torch.tensor([1.0], requires_grad=True)
    with torch.record() as rec:
        (w * 2).backward()
    assert w.grad.item() == 2.0
    assert rec.internal_errors and "recorder bug" in rec.internal_errors[0]


def test_no_listener_after_record():
    with torch.record():
        pass
    assert not events.LISTENERS


def test_iteration_params_are_the_trained_leaves_only():
    a = torch.tensor([1.0], requires_grad=True)  # requires grad, never used: not a param
    w = torch.tensor([1.0], requires_grad=True)
    with torch.record() as rec:
        for _ in range(4):
            loss = (w * 2.0 - 1.0) ** 2
            loss.backward()
            with torch.no_grad():
                for p in [w]:  # leaves `p` bound to w: listed once, as w
                    p -= 0.1 * p.grad
            w.grad.zero_()
    _ok(rec)
    assert a.grad is None
    assert len(rec.iterations) == 4
    for it in rec.iterations:
        assert list(it["params"]) == ["w"], it
        assert list(it["grads"]) == ["w"], it
    assert rec.iterations[-1]["params"]["w"] == [float(w.item())]
