"""cummax / cummin, logcumsumexp, diag_embed, take_along_dim, broadcast_to (engine/
api_scans2.py): first and second derivatives against finite differences, and values."""

import math

import numpy as np
import pytest

import autograd_viz as torch
from autograd_viz.autograd import gradcheck, gradgradcheck

X = [[0.3, -1.2, 2.0, 0.9], [1.0, 0.5, -0.7, 1.7], [-0.2, 0.8, 0.1, -1.5]]

CASES = {
    "cummax_1": lambda t: torch.cummax(t, 1).values,
    "cummax_0": lambda t: torch.cummax(t, 0).values,
    "cummin_1": lambda t: torch.cummin(t, -1).values,
    "logcumsumexp_1": lambda t: torch.logcumsumexp(t, 1),
    "logcumsumexp_0": lambda t: torch.logcumsumexp(t, 0),
    "diag_embed": lambda t: torch.diag_embed(t, 1),
    "diag_embed_dims": lambda t: torch.diag_embed(t, -1, 0, 2),
    "take_along_dim": lambda t: torch.take_along_dim(t, torch.tensor([[3], [0], [1]]), 1),
    "take_along_dim_flat": lambda t: torch.take_along_dim(t, torch.tensor([5, 0, 11])),
    "broadcast_to": lambda t: torch.broadcast_to(t[:, :1], (3, 5)),
    "block_diag": lambda t: torch.block_diag(t[:2], t[2], t[0, 0]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_gradcheck_and_gradgradcheck(name):
    x = torch.tensor(X, dtype=torch.float64, requires_grad=True)
    assert gradcheck(CASES[name], (x,))
    assert gradgradcheck(lambda t: CASES[name](t) ** 2, (x,))


def test_logcumsumexp_values():
    a = np.array([1000.0, -1000.0, 3.0, 1000.0])
    got = torch.logcumsumexp(torch.tensor(a), 0).numpy()
    want = [1000.0, 1000.0, 1000.0, 1000.0 + math.log(2)]
    assert np.allclose(got, want, rtol=1e-15)
    small = np.array([0.1, -0.3, 0.25])
    assert np.allclose(
        torch.logcumsumexp(torch.tensor(small), 0).numpy(), np.log(np.cumsum(np.exp(small)))
    )


def test_cummax_ties_and_nan():
    v, i = torch.cummax(torch.tensor([1.0, 3.0, 3.0, 2.0, float("nan"), 5.0]), 0)
    assert i.tolist() == [0, 1, 2, 2, 4, 4]
    assert np.isnan(v.numpy()[4:]).all()
    v, i = torch.cummin(torch.tensor([2, 1, 1, 3]), 0)
    assert v.tolist() == [2, 1, 1, 1] and i.tolist() == [0, 1, 2, 2]
