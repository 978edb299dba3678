"""``cdist`` and ``scatter_reduce`` against finite differences (``gradcheck`` /
``gradgradcheck``, float64); ``searchsorted`` / ``bucketize`` / ``histc`` against numpy
where numpy agrees with PyTorch (no NaN).  PyTorch's own values, graphs and errors are in
``tests/oracle/programs/ops_search_hist.py`` and ``ops_scatter_reduce.py``."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import autograd_viz as torch
from autograd_viz.autograd import gradcheck, gradgradcheck


def _x(*shape, k=1.3, phase=0.2):
    n = int(np.prod(shape))
    vals = np.sin(np.arange(n) * k + phase) * 2  # (distinct phases: no ties between inputs)
    return torch.tensor(vals.reshape(shape), dtype=torch.float64, requires_grad=True)


@pytest.mark.parametrize("p", [1.0, 2.0, 3.0, 1.5, 0.7, float("inf")])
def test_cdist_first_derivatives(p):
    a, b = _x(3, 2), _x(2, 4, 2, k=0.7)
    assert gradcheck(lambda u, v: torch.cdist(u, v, p=p), (a, b))


def test_cdist_matrix_product_form_twice_differentiable():
    a, b = _x(30, 3), _x(4, 3, k=0.7)
    f = lambda u, v: torch.cdist(u, v)  # noqa: E731
    assert type(f(a, b).grad_fn).__name__ == "ViewBackward0"
    assert gradcheck(f, (a, b))
    assert gradgradcheck(f, (a, b))


def test_cdist_double_backward_raises_as_pytorch():
    a, b = _x(3, 2), _x(4, 2, k=0.7)
    (g,) = torch.autograd.grad(torch.cdist(a, b).sum(), a, create_graph=True)
    assert type(g.grad_fn).__name__ == "CdistBackwardBackward0"
    with pytest.raises(NotImplementedError, match="_cdist_backward"):
        g.sum().backward()


IDX = torch.tensor([[0, 0, 2], [1, 3, 3]])


@pytest.mark.parametrize("reduce", ["sum", "prod", "mean", "amax", "amin"])
@pytest.mark.parametrize("include_self", [True, False])
def test_scatter_reduce_derivatives(reduce, include_self):
    x, s = _x(2, 4), _x(2, 3, k=0.9, phase=0.5)
    f = lambda a, b: torch.scatter_reduce(a, 1, IDX, b, reduce, include_self=include_self)  # noqa: E731
    assert gradcheck(f, (x, s))
    assert gradgradcheck(f, (x, s))


def test_scatter_with_reduce_has_no_derivative():
    x, s = _x(2, 4), _x(2, 3)
    with warnings.catch_warnings():  # (PyTorch's deprecation warning, once a process)
        warnings.simplefilter("ignore")
        y = x.scatter(1, IDX, s, reduce="add")
    assert y.grad_fn.name() == "torch::autograd::NotImplemented"
    with pytest.raises(RuntimeError, match="derivative for aten::scatter is not implemented"):
        y.sum().backward()


def test_searchsorted_bucketize_histc_agree_with_numpy():
    rng = np.random.default_rng(0)
    for _ in range(50):
        seq = np.sort(rng.integers(0, 6, rng.integers(0, 9))).astype(np.float64)
        vals = rng.integers(-1, 8, (3, 4)).astype(np.float64)
        for side in ("left", "right"):
            got = torch.searchsorted(torch.tensor(seq), torch.tensor(vals), side=side)
            assert np.array_equal(got.numpy(), np.searchsorted(seq, vals, side=side))
        got = torch.bucketize(torch.tensor(vals), torch.tensor(seq), right=True)
        assert np.array_equal(got.numpy(), np.searchsorted(seq, vals, side="right"))
        data = rng.random(30) * 8 - 2
        want, _ = np.histogram(data, bins=7, range=(-1.0, 5.0))
        assert np.array_equal(torch.histc(torch.tensor(data), 7, -1, 5).numpy(), want)


def test_recorded():
    a, b, x, s = _x(3, 2), _x(4, 2, k=0.7), _x(2, 4), _x(2, 3, k=0.9, phase=0.5)
    with torch.record() as rec:
        d = torch.cdist(a, b, p=1.0)
        r = x.scatter_reduce(1, IDX, s, "amax", include_self=False)
        (d.sum() + r.sum()).backward()
    assert rec.internal_errors == []
    ops = {n.name for n in rec.graph.nodes.values() if n.kind == "op"}
    assert {"cdist", "scatter_reduce"} <= ops
