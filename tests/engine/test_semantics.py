"""The autograd behaviour lessons teach, one test each (expected numbers by hand)."""

from __future__ import annotations

import subprocess
import sys
import warnings

import numpy as np
import pytest

import autograd_viz as torch
from autograd_viz import nn, optim
from autograd_viz.engine import events


def test_leaf_grads_accumulate_until_zeroed():
    w = torch.tensor([1.0, 2.0], requires_grad=True)
    (w * 3).sum().backward()
    (w * 3).sum().backward()
    assert w.grad.tolist() == [6.0, 6.0]
    g = w.grad
    w.grad.zero_()
    (w * 2).sum().backward()
    assert w.grad is g and w.grad.tolist() == [2.0, 2.0]
    w.grad = None
    (w * 5).sum().backward()
    assert w.grad.tolist() == [5.0, 5.0]


def test_non_leaf_grad_is_none_unless_retain_grad():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = x * 3
    z = y * y
    z.retain_grad()
    z.sum().backward()
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        assert y.grad is None
    assert "not a leaf" in str(w[0].message)
    assert z.grad.tolist() == [1.0, 1.0]
    assert x.grad.tolist() == [18.0, 36.0]  # d(9x²)/dx
    assert not y.retains_grad and z.retains_grad


def test_backward_frees_graph_unless_retain_graph():
    w = torch.tensor([2.0], requires_grad=True)
    z = (w * w).sum()
    z.backward(retain_graph=True)
    z.backward()
    assert w.grad.tolist() == [8.0]
    with pytest.raises(RuntimeError, match="Trying to backward through the graph a second"):
        z.backward()
    # no saved tensors -> a second backward is fine (as in PyTorch)
    u = torch.tensor([2.0], requires_grad=True)
    s = (u + 1).sum()
    s.backward()
    s.backward()
    assert u.grad.tolist() == [2.0]


def test_hooks_see_and_replace_grads():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    seen = []
    h = x.register_hook(lambda g: seen.append(g.tolist()) or g * 10)
    (x * x).sum().backward()
    assert seen == [[2.0, 4.0]] and x.grad.tolist() == [20.0, 40.0]
    h.remove()
    x.grad = None
    (x * x).sum().backward()
    assert x.grad.tolist() == [2.0, 4.0]
    y = x * 2
    y.register_hook(lambda g: g + 1)
    x.grad = None
    (y * torch.tensor([3.0, 4.0])).sum().backward()
    assert x.grad.tolist() == [8.0, 10.0]


def test_data_edits_are_invisible_to_autograd():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = x.exp()
    d = y.data
    assert not d.requires_grad and d.is_leaf
    d.mul_(0)  # no version bump on y: backward uses the edited values, no error
    y.sum().backward()
    assert x.grad.tolist() == [0.0, 0.0]
    w = torch.tensor([1.0], requires_grad=True)
    w.data = w.data - 0.5
    assert w.requires_grad and w.is_leaf and w.tolist() == [0.5]


def test_no_grad_tensors_do_not_require_grad():
    x = torch.tensor([1.0], requires_grad=True)
    with torch.no_grad():
        y = x * 2
        assert not torch.is_grad_enabled()
    assert not y.requires_grad and y.grad_fn is None and y.is_leaf
    torch.set_grad_enabled(False)
    try:
        assert (x + 1).grad_fn is None
    finally:
        torch.set_grad_enabled(True)


def test_detach_in_place_makes_a_leaf():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    z = x * 2
    assert not z.is_leaf
    assert z.detach_() is z
    assert z.is_leaf and z.grad_fn is None and not z.requires_grad
    z.requires_grad_()
    (z * z).sum().backward()
    assert z.grad.tolist() == [4.0, 8.0] and x.grad is None


def test_version_counter_detects_in_place_change():
    w = torch.tensor([1.0, 2.0], requires_grad=True)
    h = w.exp()
    out = h.sum()
    h.add_(1)
    assert h._version == 1
    with pytest.raises(RuntimeError, match="output 0 of Exp, is at version 1; expected version 0"):
        out.backward()


def test_views_share_memory_and_version():
    x = torch.arange(6.0).reshape(2, 3)
    v = x.view(6)
    v[0] = 100.0
    assert x[0, 0].item() == 100.0 and x._version == v._version == 1
    t = x.t()
    assert not t.is_contiguous()
    with pytest.raises(RuntimeError, match="view size is not compatible"):
        t.view(6)


def test_grad_fn_names_and_next_functions():
    a = torch.tensor([1.0, 2.0], requires_grad=True)
    m = torch.ones(2, 2, requires_grad=True)
    y = 2 * a
    assert y.grad_fn.name() == "MulBackward0"
    acc, none = y.grad_fn.next_functions
    assert acc[0].name() == "torch::autograd::AccumulateGrad" and acc[0].variable is a
    assert none == (None, 0)
    assert (m.T).grad_fn.name() == "PermuteBackward0"
    assert m.t().grad_fn.name() == "TBackward0"
    assert m.sum(0).grad_fn.name() == "SumBackward1" and m.sum().grad_fn.name() == "SumBackward0"
    assert (m @ a).grad_fn.name() == "MvBackward0"
    assert (a @ m).grad_fn.name() == "SqueezeBackward4"
    lin = nn.Linear(2, 3)
    assert lin(m).grad_fn.name() == "AddmmBackward0"
    assert (1 - a).grad_fn.name() == "RsubBackward1"


def test_create_graph_second_derivative():
    x = torch.tensor(2.0, requires_grad=True)
    (g,) = torch.autograd.grad(x**3, x, create_graph=True)
    assert g.item() == 12.0 and g.requires_grad
    (h,) = torch.autograd.grad(g, x)
    assert h.item() == 12.0  # 6x


def test_sgd_momentum_and_zero_grad_to_none():
    w = torch.tensor([1.0], requires_grad=True)
    opt = optim.SGD([w], lr=0.1, momentum=0.5)
    for _ in range(2):
        opt.zero_grad()
        assert w.grad is None
        (w * 2).sum().backward()
        opt.step()
    # buf: 2, then 0.5*2+2 = 3; w: 1 - 0.2 - 0.3
    assert w.item() == pytest.approx(0.5)


def test_promotion():
    i = torch.arange(5)
    assert i.dtype == torch.int64
    assert (i / 2).dtype == torch.float32
    assert (i * 2.5).dtype == torch.float32
    assert (torch.ones(2) * torch.tensor(2.0, dtype=torch.float64)).dtype == torch.float32
    assert (i + torch.tensor(2.0, dtype=torch.float64)).dtype == torch.float64
    assert (torch.tensor([True]) + 1).dtype == torch.int64


def test_events_only_when_listened_and_optim_events():
    seen = []
    handle = events.subscribe(lambda kind, p: seen.append(kind))
    try:
        w = nn.Parameter(torch.tensor([1.0]))
        opt = optim.SGD([w], lr=0.1)
        (w * 2).sum().backward()
        opt.step()
        opt.zero_grad()
    finally:
        handle.remove()
    for kind in (
        "forward",
        "backward_begin",
        "backward_node",
        "accumulate",
        "optim_step",
        "zero_grad",
        "backward_end",
    ):
        assert kind in seen
    n = len(seen)
    (w * 2).sum()
    assert len(seen) == n


def test_import_is_light_and_engine_layered():
    code = (
        "import sys, autograd_viz, autograd_viz.nn, autograd_viz.optim; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('ipywidgets', 'graphviz', "
        "'torch') or m.startswith(('autograd_viz.recorder', 'autograd_viz.render', "
        "'autograd_viz.widget'))]; print(bad)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=str(__import__("pathlib").Path(__file__).parents[2]),
    )
    assert out.stdout.strip() == "[]"


def test_printing_matches_pytorch_examples():
    assert repr(torch.tensor([4.0, 4.0, 3.0, 0.0])) == "tensor([4., 4., 3., 0.])"
    x = torch.tensor([1.0], requires_grad=True)
    assert repr(x) == "tensor([1.], requires_grad=True)"
    a = torch.tensor([3.0, 6.0, 9.0], requires_grad=True)
    assert repr(a.dot(torch.tensor([4.0, 5.0, 6.0]))) == "tensor(96., grad_fn=<DotBackward0>)"
    assert repr(torch.tensor([1e-5, 1.0])) == "tensor([1.0000e-05, 1.0000e+00])"
    assert repr(nn.Parameter(torch.tensor([0.5]))) == (
        "Parameter containing:\ntensor([0.5000], requires_grad=True)"
    )
    assert repr(x.grad_fn) == "None"
    assert np.array_equal(np.asarray(torch.tensor([1, 2])), [1, 2])
