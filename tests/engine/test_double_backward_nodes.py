"""Gradients recorded with ``create_graph=True`` are PyTorch's nodes
(``engine/ops/double.py``: ``TanhBackwardBackward0``, ``ThresholdBackwardBackward0``,
``SoftmaxBackwardDataBackward0``, ``NllLossBackwardBackward0``, ``MseLossBackwardBackward0``
...; ``mm`` / ``addmm`` placed as ``mm_mat1_backward`` / ``mm_mat2_backward``), their
second and third derivatives are right (finite differences), and the plain backward
never makes them."""

import numpy as np
import pytest

import autograd_viz as torch
import autograd_viz.nn.functional as F
from autograd_viz.engine.ops import double, unary


def _names(fn, depth=0):
    if fn is None:
        return None
    return [fn.name(), [_names(f, depth + 1) for f, _ in fn.next_functions]]


def _x(shape=(3, 4), seed=0, positive=False):
    r = np.random.RandomState(seed)
    a = r.rand(*shape) + 0.5 if positive else r.randn(*shape)
    return torch.tensor(a, requires_grad=True)


ACC = "torch::autograd::AccumulateGrad"
TARGET = torch.tensor([0, 3, 1])
T2 = torch.tensor(np.random.RandomState(9).randn(3, 4))

# (name, function, PyTorch 2.13's graph of the gradient with create_graph=True)
CASES = [
    ("tanh", torch.tanh, ["TanhBackwardBackward0", [None, ["TanhBackward0", [[ACC, []]]]]]),
    (
        "sigmoid",
        torch.sigmoid,
        ["SigmoidBackwardBackward0", [None, ["SigmoidBackward0", [[ACC, []]]]]],
    ),
    ("relu", F.relu, ["ThresholdBackwardBackward0", [None, ["ReluBackward0", [[ACC, []]]]]]),
    (
        "leaky_relu",
        lambda a: F.leaky_relu(a, 0.1),
        ["LeakyReluBackwardBackward0", [None, [ACC, []]]],
    ),
    ("hardtanh", F.hardtanh, ["HardtanhBackwardBackward0", [None, [ACC, []]]]),
    (
        "softmax",
        lambda a: F.softmax(a, dim=1),
        ["SoftmaxBackwardDataBackward0", [None, ["SoftmaxBackward0", [[ACC, []]]]]],
    ),
    (
        "log_softmax",
        lambda a: F.log_softmax(a, dim=1),
        ["LogSoftmaxBackwardDataBackward0", [None, ["LogSoftmaxBackward0", [[ACC, []]]]]],
    ),
    (
        "cross_entropy",
        lambda a: F.cross_entropy(a, TARGET),
        [
            "LogSoftmaxBackwardDataBackward0",
            [
                ["NllLossBackwardBackward0", [None, ["LogSoftmaxBackward0", [[ACC, []]]]]],
                ["LogSoftmaxBackward0", [[ACC, []]]],
            ],
        ],
    ),
    (
        "mse_loss",
        lambda a: F.mse_loss(a, T2),
        ["MseLossBackwardBackward0", [None, [ACC, []], None]],
    ),
]


@pytest.mark.parametrize("name,fn,expected", CASES, ids=[c[0] for c in CASES])
def test_gradient_graph_names(name, fn, expected):
    x = _x()
    y = fn(x)
    w = torch.tensor(np.random.RandomState(2).randn(*y.shape))
    (g,) = torch.autograd.grad((y * w).sum(), x, create_graph=True)
    assert _names(g.grad_fn) == expected


def _hvp_fd(fn, x0, w, v, eps=1e-6):
    """d/dε of ∇ₓ Σ w·fn(x + εv) · v at 0, by central differences (plain backward)."""

    def grad_at(a):
        x = torch.tensor(a, requires_grad=True)
        (g,) = torch.autograd.grad((fn(x) * w).sum(), x)
        return g.numpy()

    return (grad_at(x0 + eps * v) - grad_at(x0 - eps * v)) / (2 * eps)


VALUE_CASES = [
    ("tanh", torch.tanh, False),
    ("sigmoid", torch.sigmoid, False),
    ("relu", F.relu, False),
    ("leaky_relu", lambda a: F.leaky_relu(a, 0.1), False),
    ("hardtanh", lambda a: F.hardtanh(a, -0.5, 0.5), False),
    ("softmax", lambda a: F.softmax(a, dim=1), False),
    ("softmax0", lambda a: F.softmax(a, dim=0), False),
    ("log_softmax", lambda a: F.log_softmax(a, dim=-1), False),
    ("cross_entropy", lambda a: F.cross_entropy(a, TARGET), False),
    ("cross_entropy_none", lambda a: F.cross_entropy(a, TARGET, reduction="none"), False),
    ("nll_sum", lambda a: F.nll_loss(a.log_softmax(1), TARGET, reduction="sum"), False),
    ("mse", lambda a: F.mse_loss(a, T2), False),
    ("mse_sum", lambda a: F.mse_loss(a.tanh(), T2, reduction="sum"), False),
    ("mse_target", lambda a: F.mse_loss(T2.tanh() * 2, a * a), False),
    ("pow_tensor", lambda a: a ** (a * 0.5), True),
    ("div", lambda a: a / (a * a + 1), False),
    ("linear", lambda a: F.linear(a, T2 * 0.5, T2[0, :3]).tanh(), False),
    ("matmul_t", lambda a: (a.t() @ (a * 2)).sigmoid(), False),
    ("mlp", lambda a: F.cross_entropy(torch.tanh(a @ T2.t()) @ T2, TARGET), False),
    ("softplus", lambda a: F.softplus(a, beta=2.0, threshold=1.0), False),
    ("elu", lambda a: F.elu(a, alpha=0.5), False),
    ("selu", F.selu, False),
    ("celu", lambda a: F.celu(a, alpha=0.5), False),
    ("logsigmoid", F.logsigmoid, False),
    ("silu", F.silu, False),
    ("mish", F.mish, False),
    ("hardswish", lambda a: F.hardswish(a * 3), False),
    ("log1p", torch.log1p, True),
    ("rsqrt", torch.rsqrt, True),
    ("erf", torch.erf, False),
    ("asin", lambda a: torch.asin(a * 0.3), False),
    ("atan2", lambda a: torch.atan2(a, a * a + 0.5), False),
    ("var", lambda a: a.var(dim=1).exp(), False),
    ("std", lambda a: a.std() * a, False),
    ("logsumexp", lambda a: torch.logsumexp(a, 1).exp(), False),
    ("max", lambda a: a.max() * a, False),
    ("max_dim", lambda a: a.max(dim=1).values.exp(), False),
    ("amax", lambda a: a.amax(0).exp(), False),
    ("norm", lambda a: a.norm(dim=1) * a.sum(1), False),
    ("mean", lambda a: a.mean(1).exp(), False),
    ("index", lambda a: a[torch.tensor([0, 2, 2])][:, 1:].exp(), False),
    ("gather", lambda a: a.gather(1, torch.tensor([[0], [3], [1]])).exp(), False),
    ("masked_fill", lambda a: a.masked_fill(a > 0.5, 0.0).exp(), False),
    ("bce_logits", lambda a: F.binary_cross_entropy_with_logits(a, T2.sigmoid()), False),
    ("prod", lambda a: a.prod(1) + a.prod(), False),
    ("bce", lambda a: F.binary_cross_entropy(a.sigmoid(), T2.sigmoid()), False),
    (
        "bce_sum_target",
        lambda a: F.binary_cross_entropy(T2.sigmoid(), a.sigmoid(), reduction="sum"),
        False,
    ),
    (
        "bce_none_both",
        lambda a: F.binary_cross_entropy(a.sigmoid(), (a * 0.5).sigmoid(), reduction="none"),
        False,
    ),
    (
        "conv1d",
        lambda a: F.conv1d(a.unsqueeze(0), T2[:2, :3].reshape(2, 3, 1) * a[0, 0]).tanh(),
        False,
    ),
]


@pytest.mark.parametrize("name,fn,positive", VALUE_CASES, ids=[c[0] for c in VALUE_CASES])
def test_second_derivatives_match_finite_differences(name, fn, positive):
    x = _x(seed=3, positive=positive)
    x0 = x.detach().numpy().copy()
    y = fn(x)
    w = torch.tensor(np.random.RandomState(4).randn(*y.shape))
    v = np.random.RandomState(5).randn(*x0.shape)
    (g,) = torch.autograd.grad((y * w).sum(), x, create_graph=True)
    (h,) = torch.autograd.grad((g * torch.tensor(v)).sum(), x)
    np.testing.assert_allclose(h.numpy(), _hvp_fd(fn, x0, w, v), rtol=1e-5, atol=1e-6)


def test_mse_target_gradient_is_a_node_with_the_operands_swapped():
    a, t = _x(seed=1), _x(seed=2)
    ga, gt = torch.autograd.grad(F.mse_loss(a, t), (a, t), create_graph=True)
    assert ga.grad_fn.name() == gt.grad_fn.name() == "MseLossBackwardBackward0"
    assert ga.grad_fn.next_functions[1][0].variable is a
    assert gt.grad_fn.next_functions[1][0].variable is t  # (grad, target, self)
    np.testing.assert_array_equal(gt.detach().numpy(), -ga.detach().numpy())


def test_third_derivatives_through_tanh_and_sigmoid():
    x0 = np.array([-1.3, 0.2, 0.9])
    for fn, third in [
        (torch.tanh, lambda t: -2 * (1 - t * t) * (1 - 3 * t * t)),
        (torch.sigmoid, lambda s: s * (1 - s) * (1 - 6 * s + 6 * s * s)),
    ]:
        x = torch.tensor(x0, requires_grad=True)
        (g,) = torch.autograd.grad(fn(x).sum(), x, create_graph=True)
        (h,) = torch.autograd.grad(g.sum(), x, create_graph=True)
        (k,) = torch.autograd.grad(h.sum(), x)
        f = fn(torch.tensor(x0)).numpy()
        np.testing.assert_allclose(k.numpy(), third(f), rtol=1e-12, atol=1e-14)


def test_linear_weight_gradient_is_placed_as_pytorch_mm_mat2_backward():
    x, w, b = _x((3, 4), 1), _x((5, 4), 2), _x((5,), 3)
    y = F.linear(x, w, b).tanh()
    gx, gw, gb = torch.autograd.grad(y.sum(), (x, w, b), create_graph=True)
    # w.t() is column-major: PyTorch computes (gᵀ @ x)ᵀ, then t()'s backward
    assert _names(gw.grad_fn)[0] == "TBackward0"
    inner = gw.grad_fn.next_functions[0][0]
    assert inner.name() == "TBackward0"
    mm = inner.next_functions[0][0]
    assert mm.name() == "MmBackward0"
    assert mm.next_functions[0][0].name() == "TBackward0"
    assert mm.next_functions[1][0].variable is x
    assert gx.grad_fn.name() == "MmBackward0"
    assert [f.name() for f, _ in gb.grad_fn.next_functions] == ["SumBackward1"]


def test_plain_backward_makes_no_gradient_nodes(monkeypatch):
    def boom(*a, **k):
        raise AssertionError("a gradient node outside create_graph")

    monkeypatch.setattr(double._GradNode, "apply", classmethod(boom))
    x = _x()
    h = torch.sigmoid(torch.tanh(x).relu() @ T2.t()).softmax(1) + F.mse_loss(x, T2)
    y = F.cross_entropy(h, torch.tensor([0, 2, 1]))
    y.backward()
    assert x.grad is not None and x.grad.grad_fn is None


def test_calling_grad_fn_gives_the_gradient_node():
    x = _x()
    y = torch.tanh(x)
    out = y.grad_fn(torch.ones(3, 4))
    assert out.grad_fn.name() == "TanhBackwardBackward0"
    np.testing.assert_allclose(out.detach().numpy(), 1 - y.detach().numpy() ** 2)
    with torch.no_grad():
        assert y.grad_fn(torch.ones(3, 4)).grad_fn is None


def test_gradient_nodes_keep_float32_values_of_the_plain_backward():
    x = torch.tensor(np.random.RandomState(0).randn(4, 5).astype(np.float32), requires_grad=True)
    for fn in (
        torch.tanh,
        torch.sigmoid,
        F.relu,
        lambda a: F.mse_loss(a, torch.ones(4, 5) * 0.25),
    ):
        y = fn(x)
        w = torch.tensor(np.asarray(np.random.RandomState(1).randn(*y.shape), np.float32))
        (plain,) = torch.autograd.grad((y * w).sum(), x, retain_graph=True)
        (graph,) = torch.autograd.grad((y * w).sum(), x, create_graph=True)
        assert graph.dtype == torch.float32
        np.testing.assert_array_equal(graph.detach().numpy(), plain.numpy())


def test_gradgradcheck_of_the_gradient_nodes():
    for fn, args in [
        (torch.tanh, (_x((2, 3)),)),
        (torch.sigmoid, (_x((2, 3)),)),
        (lambda a: F.softmax(a, 1), (_x((2, 3)),)),
        (lambda a: F.log_softmax(a, 0), (_x((2, 3)),)),
        (lambda a, b: F.mse_loss(a, b), (_x((2, 3)), _x((2, 3), 1))),
        (lambda a: F.cross_entropy(a, torch.tensor([1, 2])), (_x((2, 3)),)),
        (lambda a, w: (a @ w.t()).tanh(), (_x((2, 3)), _x((4, 3), 2))),
    ]:
        assert torch.autograd.gradgradcheck(fn, args)


def test_the_tanh_node_is_used_only_under_create_graph():
    assert unary.TanhBackward0._graph_backward is not None
    assert double.TanhBackwardBackward0.op == "tanh_backward"
