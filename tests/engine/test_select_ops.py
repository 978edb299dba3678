"""``median`` / ``nanmedian`` / ``kthvalue`` / ``mode`` / ``nansum`` / ``nanmean``
(``engine/api_select.py``): first and second derivatives against finite differences
(``gradcheck`` / ``gradgradcheck``, float64) and the replayed C++ orderings
(``engine/stl_order.py``) against plain sorting.  PyTorch's own values, tie indices, node
names and errors are in ``tests/oracle/programs/ops_median_mode.py``."""

from __future__ import annotations

import random

import numpy as np
import pytest

import autograd_viz as torch
from autograd_viz.autograd import gradcheck, gradgradcheck
from autograd_viz.engine.stl_order import nth_element, quick_select, std_sort


def _x(*shape):
    n = int(np.prod(shape))
    vals = np.sin(np.arange(n) * 1.3 + 0.2) * 2  # distinct values: no ties
    return torch.tensor(vals.reshape(shape), dtype=torch.float64, requires_grad=True)


def _nan(*shape):
    t = _x(*shape).detach()
    t[0, 1] = float("nan")
    t[1, 0] = float("nan")
    return t.requires_grad_()


CASES = [
    ("median", lambda a: a.median()),
    ("median_dim", lambda a: a.median(1)[0]),
    ("median_dim0_keepdim", lambda a: torch.median(a, 0, keepdim=True).values),
    ("nanmedian", lambda a: a.nanmedian()),
    ("nanmedian_dim", lambda a: a.nanmedian(0)[0]),
    ("kthvalue", lambda a: a.kthvalue(2)[0]),
    ("kthvalue_dim0", lambda a: torch.kthvalue(a, 3, 0, True)[0]),
    ("mode", lambda a: a.mode(1)[0]),
    ("nansum", lambda a: a.nansum()),
    ("nansum_dim", lambda a: torch.nansum(a, (0, 1), keepdim=True)),
    ("nanmean", lambda a: a.nanmean(1)),
]


@pytest.mark.parametrize(("name", "f"), CASES, ids=[c[0] for c in CASES])
def test_derivatives(name, f):
    a = _x(4, 5)
    assert gradcheck(f, (a,))
    assert gradgradcheck(f, (a,))


@pytest.mark.parametrize("name", ["nanmedian", "nanmedian_dim", "nansum", "nanmean"])
def test_derivatives_with_nan(name):
    f = dict(CASES)[name]
    a = _nan(4, 5)
    out = f(a)
    assert not np.isnan(out.detach().numpy()).any()
    (g,) = torch.autograd.grad(out.sum(), a)
    assert g.numpy()[0, 1] == 0 and g.numpy()[1, 0] == 0
    b = a.detach().clone()
    keep = ~np.isnan(b.numpy())
    eps = 1e-6
    num = np.zeros(b.shape)
    for i, j in zip(*np.nonzero(keep), strict=True):
        hi, lo = b.clone(), b.clone()
        hi[i, j] += eps
        lo[i, j] -= eps
        num[i, j] = (f(hi).sum().item() - f(lo).sum().item()) / (2 * eps)
    assert np.allclose(g.numpy(), num, atol=1e-6)


def test_full_median_shares_the_gradient_among_ties():
    a = torch.tensor([[3.0, 1.0, 2.0], [2.0, 5.0, 2.0]], requires_grad=True)
    a.median().backward()
    third = np.float32(1) / np.float32(3)
    assert np.array_equal(a.grad.numpy(), [[0, 0, third], [third, 0, third]])


def test_orderings_are_orderings():
    rng = random.Random(0)
    for _ in range(300):
        n = rng.choice([0, 1, 2, 3, 5, 16, 17, 40, 200])
        v = [rng.randrange(6) for _ in range(n)]
        s = list(v)
        std_sort(s, lambda p, q: p < q)
        assert s == sorted(v)
        if n:
            k = rng.randrange(n)
            m = list(v)
            nth_element(m, k, lambda p, q: p < q)
            assert m[k] == sorted(v)[k]
            assert all(x <= m[k] for x in m[:k]) and all(x >= m[k] for x in m[k:])
            q, ids = [float(x) for x in v], list(range(n))
            quick_select(q, ids, k, lambda p, r: p > r)
            assert q[k] == sorted(v)[k] and v[ids[k]] == q[k]


def test_recorded_with_captions():
    a = _x(3, 4)
    with torch.record() as rec:
        m = a.median(1).values
        s = a.nansum(0)
        k = a.kthvalue(2, 0)[0]
        (m.sum() + s.sum() + k.sum() + a.nanmedian() + a.mode(0)[0].sum()).backward()
    assert rec.internal_errors == []
    ops = {n.name for n in rec.graph.nodes.values() if n.kind == "op"}
    assert {"median", "kthvalue", "nanmedian", "mode"} <= ops
    assert any("median" in f.caption for f in rec.frames)
