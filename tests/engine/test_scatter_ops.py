"""First and second derivatives (``gradcheck`` / ``gradgradcheck``, float64) of the ops in
``engine/api_scatter.py``; PyTorch's own values, node names and errors are in
``tests/oracle/programs/ops_scatter.py`` and ``ops_index_more.py``."""

from __future__ import annotations

import numpy as np

import autograd_viz as torch
from autograd_viz.autograd import gradcheck, gradgradcheck


def _x(*shape):
    n = int(np.prod(shape))
    vals = np.sin(np.arange(n) * 1.3 + 0.2) * 2
    return torch.tensor(vals.reshape(shape), dtype=torch.float64, requires_grad=True)


IDX = torch.tensor([[0, 2], [1, 3], [3, 0]])


def test_scatter_src_and_self():
    x, src = _x(3, 4), _x(3, 2)
    f = lambda a, s: torch.scatter(a, 1, IDX, s)  # noqa: E731
    assert gradcheck(f, (x, src))
    assert gradgradcheck(f, (x, src))


def test_scatter_value():
    x = _x(3, 4)
    f = lambda a: a.scatter(0, torch.tensor([[2, 0, 1, 2]]), 0.5)  # noqa: E731
    assert gradcheck(f, (x,))
    assert gradgradcheck(f, (x,))


def test_scatter_add_repeated_positions():
    x, src = _x(3, 4), _x(3, 2)
    f = lambda a, s: torch.scatter_add(a, 1, torch.tensor([[0, 0], [3, 3], [1, 2]]), s)  # noqa: E731
    assert gradcheck(f, (x, src))
    assert gradgradcheck(f, (x, src))


def test_scatter_inplace_matches_out_of_place():
    x, src = _x(3, 4), _x(3, 2)
    y = (x * 1).scatter_(1, IDX, src)
    assert np.array_equal(y.detach().numpy(), torch.scatter(x, 1, IDX, src).detach().numpy())
    assert type(y.grad_fn).__name__ == "ScatterBackward0"
