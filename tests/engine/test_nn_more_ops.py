"""Gradient checks for the nn nodes (``nn/_ops.py``) and the tensor ops of
``engine/api_more.py``: central finite differences of numpy float64 references over
hypothesis shapes, and Hessian-vector products through ``create_graph=True`` (the
machinery of ``test_gradcheck.py``).  PyTorch's own values, names and errors are in
``tests/oracle/programs/{nn_layers,nn_layers_more,ops_more}.py``."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import autograd_viz as torch
from autograd_viz.nn import functional as F

from .op_cases import OpCase
from .test_gradcheck import check_first_order, check_second_order, shapes_for, values

_erf = np.vectorize(math.erf)


def _sig(x):
    return 1 / (1 + np.exp(-x))


def _ln_ref(a):
    m = a.mean(-1, keepdims=True)
    v = a.var(-1, keepdims=True)
    return (a - m) / np.sqrt(v + 1e-5)


def _bn_ref(a):
    m = a.mean(0, keepdims=True)
    v = a.var(0, keepdims=True)
    return (a - m) / np.sqrt(v + 1e-5) * 1.5 + 0.25


def _lse(a, axis):
    m = a.max(axis=axis, keepdims=True)
    return np.squeeze(np.log(np.exp(a - m).sum(axis=axis, keepdims=True)) + m, axis)


def _bce_logits_ref(x, t):
    return np.mean((1 - t) * x + np.log1p(np.exp(-x)))


def _emb_weight(w):
    idx = np.array([[0, 1], [1, 1]]) % w.shape[0]
    return w[idx]


def _bn(a):
    w = torch.full((a.shape[1],), 1.5, dtype=a.dtype)
    b = torch.full((a.shape[1],), 0.25, dtype=a.dtype)
    return F.batch_norm(a, None, None, w, b, training=True)


CASES = [
    OpCase("gelu", F.gelu, lambda a: 0.5 * a * (1 + _erf(a / np.sqrt(2)))),
    OpCase(
        "gelu_tanh",
        lambda a: F.gelu(a, approximate="tanh"),
        lambda a: 0.5 * a * (1 + np.tanh(np.sqrt(2 / np.pi) * (a + 0.044715 * a**3))),
    ),
    OpCase("silu", F.silu, lambda a: a * _sig(a)),
    OpCase("softplus", F.softplus, lambda a: np.log1p(np.exp(a))),
    OpCase(
        "softplus_beta",
        lambda a: F.softplus(a, beta=2.0, threshold=1.4),
        lambda a: np.where(2 * a > 1.4, a, np.log1p(np.exp(2 * a)) / 2),
        domain="away_clamp",
    ),
    OpCase("elu", F.elu, lambda a: np.where(a > 0, a, np.expm1(a)), domain="away0"),
    OpCase(
        "layer_norm",
        lambda a: F.layer_norm(a, (a.shape[-1],)),
        _ln_ref,
        shapes="n2",
    ),
    OpCase("batch_norm", _bn, _bn_ref, shapes="2d_n2"),
    OpCase(
        "bce_with_logits",
        F.binary_cross_entropy_with_logits,
        _bce_logits_ref,
        2,
        shapes="same",
    ),
    OpCase(
        "embedding",
        lambda w: F.embedding(torch.tensor([[0, 1], [1, 1]]) % w.shape[0], w),
        _emb_weight,
        shapes="2d",
    ),
    OpCase("logsumexp", lambda a: a.logsumexp(-1), lambda a: _lse(a, -1), shapes="atleast1"),
    OpCase("cumsum", lambda a: a.cumsum(0), lambda a: np.cumsum(a, 0), shapes="atleast1"),
    OpCase("flip", lambda a: a.flip(0), lambda a: np.flip(a, 0), shapes="atleast1"),
    OpCase("tril", lambda a: a.tril(), np.tril, shapes="2d"),
    OpCase("triu", lambda a: torch.triu(a, 1), lambda a: np.triu(a, 1), shapes="2d"),
    OpCase(
        "masked_fill",
        lambda a: a.masked_fill(a > 0.7, 2.0),
        lambda a: np.where(a > 0.7, 2.0, a),
        domain="away_clamp",
    ),
    OpCase(
        "gather",
        lambda a: a.gather(1, torch.zeros((a.shape[0], 2), dtype=torch.int64)),
        lambda a: a[:, [0, 0]],
        shapes="2d",
    ),
    OpCase(
        "index_select",
        lambda a: a.index_select(0, torch.tensor([0, 0])),
        lambda a: a[[0, 0]],
        shapes="atleast1",
    ),
    OpCase(
        "repeat",
        lambda a: a.repeat(2, *([1] * a.dim())),
        lambda a: np.tile(a, (2,) + (1,) * a.ndim),
    ),
    OpCase("amax", lambda a: a.amax(-1), lambda a: a.max(-1), domain="distinct", shapes="atleast1"),
    OpCase(
        "sort",
        lambda a: a.sort(-1, descending=True).values,
        lambda a: -np.sort(-a, -1),
        domain="distinct",
        shapes="atleast1",
    ),
    OpCase(
        "topk",
        lambda a: a.topk(1).values,
        lambda a: a.max(-1, keepdims=True),
        domain="distinct",
        shapes="atleast1",
    ),
    OpCase(
        "split",
        lambda a: a.split(1, -1)[-1] * 3,
        lambda a: a[..., -1:] * 3,
        shapes="atleast1",
    ),
    OpCase("outer", torch.outer, np.outer, 2, shapes="1d2"),
]

SETTINGS = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def _shapes(draw, kind, arity):
    if kind == "n2":
        return (tuple(draw(st.lists(st.integers(2, 3), min_size=1, max_size=3))),) * arity
    if kind == "2d_n2":
        return ((draw(st.integers(2, 4)), draw(st.integers(1, 3))),)
    if kind == "1d2":
        return tuple((draw(st.integers(1, 4)),) for _ in range(arity))
    return draw(shapes_for(kind, arity))


def _setup(case, data):
    shapes = data.draw(_shapes(case.shapes, case.arity))
    rng = np.random.default_rng(data.draw(st.integers(0, 2**32 - 1)))
    xs = [values(rng, s, case.domain, salt=i) for i, s in enumerate(shapes)]
    return xs, rng


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
@SETTINGS
@given(data=st.data())
def test_gradcheck_nn_more(case, data):
    check_first_order(case, *_setup(case, data))


@pytest.mark.parametrize("case", [c for c in CASES if c.second_order], ids=lambda c: c.name)
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_second_derivative_nn_more(case, data):
    check_second_order(case, *_setup(case, data))


def test_erf_is_double_precision():
    from autograd_viz.nn._ops import erf

    xs = np.linspace(-7, 7, 2001)
    np.testing.assert_allclose(erf(xs), _erf(xs), rtol=2e-15, atol=2e-16)
