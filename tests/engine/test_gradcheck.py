"""Finite-difference gradient checks (float64) for every op in ``op_cases.CASES``, over
shapes drawn by hypothesis (broadcasting included), and Hessian-vector products through
``create_graph=True``.

The first-order reference is central differences of a numpy float64 version of the op
(``case.ref``): nothing expected is computed by the engine under test.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import autograd_viz as torch

from .op_cases import CASES

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
dims = st.integers(1, 3)


@st.composite
def shapes_for(draw, kind, arity):
    if kind in ("any", "nonempty"):
        s = tuple(draw(st.lists(dims, min_size=0, max_size=3)))
        return (s,) * arity
    if kind == "atleast1":
        return (tuple(draw(st.lists(dims, min_size=1, max_size=3))),) * arity
    if kind == "2d":
        return ((draw(dims), draw(dims)),)
    if kind == "same":
        return (tuple(draw(st.lists(dims, min_size=1, max_size=3))),) * 2
    if kind == "same1":
        s = tuple(draw(st.lists(dims, min_size=1, max_size=3)))
        return s, (draw(dims), *s[1:])
    if kind == "bcast":
        s = tuple(draw(st.lists(dims, min_size=0, max_size=3)))
        drop = draw(st.integers(0, len(s)))
        t = tuple(1 if draw(st.booleans()) else d for d in s[drop:])
        return (s, t) if draw(st.booleans()) else (t, s)
    n, k, m = draw(dims), draw(dims), draw(dims)
    if kind == "mm":
        return (n, k), (k, m)
    if kind == "mm_rev":
        return (k, m), (n, k)
    if kind == "mv":
        return (n, k), (k,)
    if kind == "dot":
        return (k,), (k,)
    if kind == "linear":
        return (n, k), (m, k)
    if kind == "matmul":
        b = draw(st.sampled_from([(), (2,), (1,), (2, 1)]))
        b2 = draw(st.sampled_from([(), (2,), (1,)]))
        left = draw(st.sampled_from([(k,), (n, k), (*b, n, k)]))
        right = draw(st.sampled_from([(k,), (k, m), (*b2, k, m)]))
        return left, right
    raise AssertionError(kind)


def values(rng, shape, domain, salt=0):
    n = int(np.prod(shape))
    if domain == "positive":
        v = rng.uniform(0.3, 2.0, n)
    elif domain in ("nonzero", "away0"):
        v = rng.uniform(0.2, 2.0, n) * rng.choice([-1.0, 1.0], n)
    elif domain == "distinct":
        # distinct values on a grid; the second operand uses the other half-steps
        v = (rng.permutation(200)[:n] - 100) * 0.02 + 0.01 * salt
    elif domain == "away_clamp":
        v = rng.uniform(-2, 2, n)
        for edge in (-0.5, 0.7):
            near = np.abs(v - edge) < 0.05
            v[near] += 0.1
    else:
        v = rng.uniform(-2.0, 2.0, n)
    return v.reshape(shape).astype(np.float64)


def numeric_grad(f, xs, i, eps=1e-6):
    """d f(xs) / d xs[i] by central differences (f returns a float)."""
    x = xs[i]
    g = np.zeros_like(x)
    flat, gflat = x.reshape(-1), g.reshape(-1)
    for j in range(flat.size):
        old = flat[j]
        flat[j] = old + eps
        hi = f(xs)
        flat[j] = old - eps
        lo = f(xs)
        flat[j] = old
        gflat[j] = (hi - lo) / (2 * eps)
    return g


def _setup(case, data):
    shapes = data.draw(shapes_for(case.shapes, case.arity))
    rng = np.random.default_rng(data.draw(st.integers(0, 2**32 - 1)))
    xs = [values(rng, s, case.domain, salt=i) for i, s in enumerate(shapes)]
    return xs, rng


def check_first_order(case, xs, rng):
    """Value against ``case.ref`` and grads against central differences (float64)."""
    ref_out = np.asarray(case.ref(*xs), dtype=np.float64)
    v = rng.uniform(-1, 1, ref_out.shape)

    ts = [torch.tensor(x, dtype=torch.float64, requires_grad=True) for x in xs]
    out = case.fn(*ts)
    assert out.dtype == torch.float64
    assert tuple(out.shape) == ref_out.shape
    np.testing.assert_allclose(out.detach().numpy(), ref_out, rtol=1e-10, atol=1e-12)
    (out * torch.tensor(v)).sum().backward()

    def loss(arrs):
        return float((np.asarray(case.ref(*arrs)) * v).sum())

    for i, t in enumerate(ts):
        expected = numeric_grad(loss, [x.copy() for x in xs], i)
        assert t.grad is not None, f"no grad for input {i}"
        assert t.grad.shape == t.shape
        np.testing.assert_allclose(
            t.grad.numpy(), expected, rtol=1e-5, atol=1e-6, err_msg=f"input {i}"
        )


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
@SETTINGS
@given(data=st.data())
def test_gradcheck(case, data):
    check_first_order(case, *_setup(case, data))


SECOND = [c for c in CASES if c.second_order]


@pytest.mark.parametrize("case", SECOND, ids=lambda c: c.name)
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_second_derivative(case, data):
    """Hessian-vector product from create_graph=True == finite differences of the
    (separately checked) first derivative along the same direction."""
    check_second_order(case, *_setup(case, data))


def check_second_order(case, xs, rng):
    """Hessian-vector product from create_graph=True == central differences of the
    first derivative along the same direction."""
    ref_out = np.asarray(case.ref(*xs))
    v = rng.uniform(-1, 1, ref_out.shape)
    us = [rng.uniform(-1, 1, x.shape) for x in xs]

    def first_grads(arrs, create_graph=False):
        ts = [torch.tensor(a, dtype=torch.float64, requires_grad=True) for a in arrs]
        loss = (case.fn(*ts) * torch.tensor(v)).sum()
        gs = torch.autograd.grad(loss, ts, create_graph=create_graph, allow_unused=True)
        return ts, gs

    ts, gs = first_grads(xs, create_graph=True)
    dot = None
    for g, u in zip(gs, us, strict=True):
        if g is not None and g.requires_grad:
            term = (g * torch.tensor(u)).sum()
            dot = term if dot is None else dot + term
    if dot is None:  # the op is linear: its gradient does not depend on the inputs
        hvp = [np.zeros_like(x) for x in xs]
    else:
        hvp = [
            np.zeros_like(x) if h is None else h.numpy()
            for x, h in zip(xs, torch.autograd.grad(dot, ts, allow_unused=True), strict=True)
        ]

    h = 1e-5
    plus = first_grads([x + h * u for x, u in zip(xs, us, strict=True)])[1]
    minus = first_grads([x - h * u for x, u in zip(xs, us, strict=True)])[1]
    for i in range(len(xs)):
        gp = np.zeros_like(xs[i]) if plus[i] is None else plus[i].numpy()
        gm = np.zeros_like(xs[i]) if minus[i] is None else minus[i].numpy()
        np.testing.assert_allclose(
            hvp[i], (gp - gm) / (2 * h), rtol=1e-4, atol=1e-6, err_msg=f"input {i}"
        )
