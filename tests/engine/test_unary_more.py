"""The elementwise ops added for teaching code (log10 ... clamp_max, their in-place
variants): finite-difference gradient checks in float64 over hypothesis shapes and
Hessian-vector products through ``create_graph=True`` (the machinery of
``test_gradcheck.py``), plus in-place autograd rules and ``_saved_*``.

References are numpy float64 versions of the maths (erf: ``math.erf``), never the
engine.  Node names, values, errors against real PyTorch are in
``tests/oracle/programs/api_unary_inplace_saved.py``.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import autograd_viz as torch

from .op_cases import OpCase
from .test_gradcheck import check_first_order, check_second_order, shapes_for, values

_erf = np.vectorize(math.erf, otypes=[float])

CASES = [
    OpCase("log10", torch.log10, np.log10, domain="positive"),
    OpCase("log2", lambda a: a.log2(), np.log2, domain="positive"),
    OpCase("log1p", torch.log1p, np.log1p, domain="positive"),
    OpCase("expm1", lambda a: a.expm1(), np.expm1),
    OpCase("exp2", torch.exp2, np.exp2),
    OpCase("rsqrt", torch.rsqrt, lambda a: 1 / np.sqrt(a), domain="positive"),
    OpCase("reciprocal", lambda a: a.reciprocal(), lambda a: 1 / a, domain="nonzero"),
    OpCase("sinh", torch.sinh, np.sinh),
    OpCase("cosh", lambda a: a.cosh(), np.cosh),
    OpCase("tan", lambda a: torch.tan(a * 0.5), lambda a: np.tan(a * 0.5)),
    OpCase("asin", lambda a: torch.asin(a * 0.4), lambda a: np.arcsin(a * 0.4)),
    OpCase("acos", lambda a: (a * 0.4).acos(), lambda a: np.arccos(a * 0.4)),
    OpCase("arctan", torch.arctan, np.arctan),
    OpCase("erf", torch.erf, _erf),
    OpCase("atan2", torch.atan2, np.arctan2, 2, domain="nonzero", shapes="bcast"),
    OpCase("floor", lambda a: torch.floor(a) * a, lambda a: np.floor(a) * a),
    OpCase("ceil", lambda a: a.ceil() * a, lambda a: np.ceil(a) * a),
    OpCase("round", lambda a: torch.round(a) + a, lambda a: np.rint(a) + a),
    OpCase("trunc", lambda a: a.trunc() * a, lambda a: np.trunc(a) * a),
    OpCase("frac", lambda a: torch.frac(a) * a, lambda a: (a - np.trunc(a)) * a),
    OpCase(
        "clamp_min",
        lambda a: torch.clamp_min(a, 0.3) * a,
        lambda a: np.maximum(a, 0.3) * a,
        domain="away_clamp",
    ),
    OpCase(
        "clamp_max",
        lambda a: a.clamp_max(0.7) * a,
        lambda a: np.minimum(a, 0.7) * a,
        domain="away_clamp",
    ),
    OpCase(
        "clamp_min_tensor",
        torch.clamp_min,
        np.maximum,
        2,
        domain="distinct",
        shapes="bcast",
    ),
    OpCase("clamp_max_tensor", torch.clamp_max, np.minimum, 2, domain="distinct", shapes="same"),
    # in-place variants on a non-leaf: same values and gradients as the ops
    OpCase("exp_", lambda a: (a * 1).exp_(), np.exp),
    OpCase("tanh_", lambda a: (a * 1).tanh_(), np.tanh),
    OpCase("sigmoid_", lambda a: (a + 0).sigmoid_(), lambda a: 1 / (1 + np.exp(-a))),
    OpCase("cos_", lambda a: (a * 1).cos_(), np.cos),
    OpCase("log1p_", lambda a: (a * 1).log1p_(), np.log1p, domain="positive"),
    OpCase(
        "clamp_",
        lambda a: (a * 1).clamp_(-0.5, 0.7),
        lambda a: np.clip(a, -0.5, 0.7),
        domain="away_clamp",
    ),
    OpCase("relu_", lambda a: (a * 1).relu_(), lambda a: np.maximum(a, 0), domain="away0"),
    OpCase("sqrt_", lambda a: (a * 1).sqrt_(), np.sqrt, domain="positive"),
    OpCase("neg_abs_", lambda a: (a * 1).neg_().abs_(), np.abs, domain="away0"),
    OpCase("pow_", lambda a: (a * 1).pow_(3), lambda a: a**3),
]

SETTINGS = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _setup(case, data):
    shapes = data.draw(shapes_for(case.shapes, case.arity))
    rng = np.random.default_rng(data.draw(st.integers(0, 2**32 - 1)))
    xs = [values(rng, s, case.domain, salt=i) for i, s in enumerate(shapes)]
    return xs, rng


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
@SETTINGS
@given(data=st.data())
def test_gradcheck(case, data):
    check_first_order(case, *_setup(case, data))


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_second_derivative(case, data):
    check_second_order(case, *_setup(case, data))


def test_erf_against_math_erf():
    x = np.concatenate([np.linspace(-7, 7, 4001), [0.0, -0.0, 1e-12, 2.9999, 3.0, 3.0001]])
    got = torch.erf(torch.tensor(x, dtype=torch.float64)).numpy()
    np.testing.assert_allclose(got, _erf(x), rtol=5e-15, atol=1e-300)
    inf = torch.erf(torch.tensor([float("inf"), float("-inf"), float("nan")]))
    assert inf[0].item() == 1.0 and inf[1].item() == -1.0 and math.isnan(inf[2].item())


def test_inplace_on_a_leaf_that_requires_grad_raises():
    w = torch.tensor([0.5], requires_grad=True)
    for name in ("exp_", "tanh_", "sigmoid_", "cos_", "clamp_min_", "floor_"):
        args = (0.1,) if name == "clamp_min_" else ()
        with pytest.raises(RuntimeError, match="a leaf Variable that requires grad"):
            getattr(w, name)(*args)
    assert w._version == 0


def test_inplace_bumps_the_version_and_takes_the_node():
    a = torch.tensor([0.2, 0.4], requires_grad=True)
    b = a * 1
    v0 = b._version
    b.exp_()
    assert b._version == v0 + 1
    assert b.grad_fn.name() == "ExpBackward0"
    assert b.grad_fn.next_functions[0][0].name() == "MulBackward0"
    b.sum().backward()
    np.testing.assert_allclose(a.grad.numpy(), np.exp(np.array([0.2, 0.4], np.float32)))


def test_saved_output_of_an_inplace_op_is_the_tensor():
    a = torch.tensor([0.2, 0.4], requires_grad=True)
    b = a * 1
    b.exp_()
    assert torch.equal(b.grad_fn._saved_result, b)
    b.mul_(2)  # the saved result changed: backward refuses, as PyTorch
    with pytest.raises(RuntimeError, match="output 0 of Exp, is at version 2"):
        b.sum().backward()


def test_saved_attributes_follow_the_graph():
    a = torch.tensor([1.0, 2.0], requires_grad=True)
    b = torch.tensor([3.0, 4.0], requires_grad=True)
    y = a * b
    assert y.grad_fn._saved_self is a and y.grad_fn._saved_other is b
    e = a.exp()
    r = e.grad_fn._saved_result
    assert r is not e and r.grad_fn is e.grad_fn and torch.equal(r, e)
    y.sum().backward()
    with pytest.raises(RuntimeError, match="backward through the graph a second time"):
        y.grad_fn._saved_self  # noqa: B018
    assert (a**3).grad_fn._saved_exponent == 3
