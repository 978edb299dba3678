"""One table of differentiable ops, shared by the gradient checks.

Each case: ``name``, ``fn`` (Tensors -> Tensor, written as a learner writes it),
``arity``, ``domain`` (how to draw valid inputs: "any", "positive", "nonzero", "away0"
(|x| > 0.1, away from kinks), ``shapes`` (a hypothesis strategy name: "bcast" draws two
broadcastable shapes, "same" equal shapes, "matmul" compatible matrix shapes, ...).

The expected values never come from the engine: gradients are checked against central
finite differences of the *forward* computed in float64 with numpy (``ref``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

import autograd_viz as torch
from autograd_viz import nn
from autograd_viz.nn import functional as F


@dataclass(frozen=True)
class OpCase:
    name: str
    fn: Callable
    ref: Callable  # the same maths on numpy float64 arrays
    arity: int = 1
    domain: str = "any"
    shapes: str = "any"
    second_order: bool = True  # include in the create_graph checks
    extra: dict = field(default_factory=dict)


def _sig(x):
    return 1 / (1 + np.exp(-x))


CASES = [
    # binary, broadcasting
    OpCase("add", lambda a, b: a + b, lambda a, b: a + b, 2, shapes="bcast"),
    OpCase("sub", lambda a, b: a - b, lambda a, b: a - b, 2, shapes="bcast"),
    OpCase("mul", lambda a, b: a * b, lambda a, b: a * b, 2, shapes="bcast"),
    OpCase("div", lambda a, b: a / b, lambda a, b: a / b, 2, domain="nonzero", shapes="bcast"),
    OpCase("pow_tt", lambda a, b: a**b, lambda a, b: a**b, 2, domain="positive", shapes="bcast"),
    OpCase("maximum", torch.maximum, np.maximum, 2, domain="distinct", shapes="bcast"),
    OpCase("minimum", torch.minimum, np.minimum, 2, domain="distinct", shapes="bcast"),
    OpCase(
        "add_alpha",
        lambda a, b: torch.add(a, b, alpha=2.5),
        lambda a, b: a + 2.5 * b,
        2,
        shapes="bcast",
    ),
    OpCase("sub_alpha", lambda a, b: a.sub(b, alpha=3), lambda a, b: a - 3 * b, 2, shapes="bcast"),
    # with Python numbers
    OpCase("rsub", lambda a: 2 - a, lambda a: 2 - a),
    OpCase("rdiv", lambda a: 3 / a, lambda a: 3 / a, domain="nonzero"),
    OpCase("pow_n", lambda a: a**3, lambda a: a**3),
    OpCase("pow_half", lambda a: a**0.5, lambda a: a**0.5, domain="positive"),
    OpCase("rpow", lambda a: 2.5**a, lambda a: 2.5**a),
    OpCase("neg", lambda a: -a, lambda a: -a),
    OpCase("square", torch.square, np.square),
    # unary
    OpCase("exp", torch.exp, np.exp),
    OpCase("log", torch.log, np.log, domain="positive"),
    OpCase("sqrt", torch.sqrt, np.sqrt, domain="positive"),
    OpCase("abs", torch.abs, np.abs, domain="away0"),
    OpCase("sigmoid", torch.sigmoid, _sig),
    OpCase("tanh", torch.tanh, np.tanh),
    OpCase("relu", torch.relu, lambda a: np.maximum(a, 0), domain="away0"),
    OpCase(
        "clamp", lambda a: a.clamp(-0.5, 0.7), lambda a: np.clip(a, -0.5, 0.7), domain="away_clamp"
    ),
    # reductions
    OpCase("sum", lambda a: a.sum(), np.sum),
    OpCase("sum_dim", lambda a: a.sum(-1), lambda a: a.sum(-1), shapes="atleast1"),
    OpCase(
        "sum_keepdim",
        lambda a: a.sum(0, keepdim=True),
        lambda a: a.sum(0, keepdims=True),
        shapes="atleast1",
    ),
    OpCase("mean", lambda a: a.mean(), np.mean, shapes="nonempty"),
    OpCase("mean_dim", lambda a: a.mean(0), lambda a: a.mean(0), shapes="atleast1"),
    OpCase("max", lambda a: a.max(), np.max, domain="distinct", shapes="nonempty"),
    OpCase(
        "max_dim", lambda a: a.max(-1)[0], lambda a: a.max(-1), domain="distinct", shapes="atleast1"
    ),
    # linear algebra
    OpCase("mm", torch.mm, lambda a, b: a @ b, 2, shapes="mm"),
    OpCase("matmul", torch.matmul, np.matmul, 2, shapes="matmul"),
    OpCase("mv", torch.mv, lambda a, b: a @ b, 2, shapes="mv"),
    OpCase("dot", torch.dot, np.dot, 2, shapes="dot"),
    OpCase(
        "linear",
        lambda x, w: F.linear(x, w, w[:, 0] * 2),
        lambda x, w: x @ w.T + w[:, 0] * 2,
        2,
        shapes="linear",
    ),
    OpCase(
        "mse", lambda a, b: F.mse_loss(a, b), lambda a, b: np.mean((a - b) ** 2), 2, shapes="same"
    ),
    # shapes and indexing
    OpCase("t", lambda a: a.t() * 1, lambda a: a.T, shapes="2d"),
    OpCase("T", lambda a: a.T * 1, lambda a: a.T, shapes="2d"),
    OpCase(
        "transpose",
        lambda a: a.transpose(0, -1),
        lambda a: np.swapaxes(a, 0, -1),
        shapes="atleast1",
    ),
    OpCase("reshape", lambda a: a.reshape(-1), lambda a: a.reshape(-1)),
    OpCase("reshape_T", lambda a: a.T.reshape(-1), lambda a: a.T.reshape(-1), shapes="2d"),
    OpCase("unsqueeze", lambda a: a.unsqueeze(0), lambda a: a[None]),
    OpCase("squeeze", lambda a: a.unsqueeze(1).squeeze(1), lambda a: a, shapes="atleast1"),
    OpCase(
        "expand",
        lambda a: a.unsqueeze(0).expand(3, *a.shape),
        lambda a: np.broadcast_to(a, (3, *a.shape)),
    ),
    OpCase("index_int", lambda a: a[0], lambda a: a[0], shapes="atleast1"),
    OpCase("index_slice", lambda a: a[1:], lambda a: a[1:], shapes="atleast1"),
    OpCase("index_list", lambda a: a[[0, 0, -1]], lambda a: a[[0, 0, -1]], shapes="atleast1"),
    OpCase("index_mask", lambda a: a[a > 0], lambda a: a[a > 0], second_order=False),
    OpCase(
        "cat",
        lambda a, b: torch.cat([a, b, a]),
        lambda a, b: np.concatenate([a, b, a]),
        2,
        shapes="same1",
    ),
    OpCase(
        "stack",
        lambda a, b: torch.stack([a, b], -1),
        lambda a, b: np.stack([a, b], -1),
        2,
        shapes="same",
    ),
    OpCase(
        "where",
        lambda a, b: torch.where(a > b, a, b * 2),
        lambda a, b: np.where(a > b, a, b * 2),
        2,
        domain="distinct",
        shapes="same",
    ),
    OpCase("clone", lambda a: a.clone(), lambda a: a.copy()),
    # composites a lesson writes
    OpCase(
        "mlp_layer",
        lambda x, w: torch.sigmoid(torch.mm(w, x)).sum() * 0.5,
        lambda x, w: _sig(w @ x).sum() * 0.5,
        2,
        shapes="mm_rev",
    ),
    OpCase("x2_exp", lambda x: x**2 * torch.exp(x), lambda x: x**2 * np.exp(x)),
    OpCase(
        "seq",
        lambda x, w: nn.Sequential(nn.Tanh())(x @ w).mean(),
        lambda x, w: np.tanh(x @ w).mean(),
        2,
        shapes="mm",
    ),
]

BY_NAME = {c.name: c for c in CASES}
