"""Second derivatives through batch_norm (train and eval), layer_norm, conv1d/conv2d and
the pools: values and first gradients against numpy float64 references (central
differences), Hessian-vector products through ``create_graph=True`` against central
differences of the first gradient (``check_second_order``), and third derivatives where a
gradient's node is again a convolution or a pooling.  PyTorch's own values and node names
are in ``tests/oracle/programs/nn_double_backward.py``."""

from __future__ import annotations

import numpy as np
import pytest

import autograd_viz as torch
from autograd_viz.nn import functional as F

from .op_cases import OpCase
from .test_gradcheck import check_first_order, check_second_order

# ---------------------------------------------------------------------- references


def _bn_train_ref(x, w, b, eps=1e-5):
    axes = (0, *range(2, x.ndim))
    shape = [1] * x.ndim
    shape[1] = x.shape[1]
    m = x.mean(axes, keepdims=True)
    v = x.var(axes, keepdims=True)
    return (x - m) / np.sqrt(v + eps) * w.reshape(shape) + b.reshape(shape)


_RM = np.array([0.3, -0.2, 0.1])
_RV = np.array([1.5, 0.6, 2.0])


def _bn_eval_ref(x, w, b, eps=1e-5):
    shape = [1] * x.ndim
    c = x.shape[1]
    shape[1] = c
    m, v = _RM[:c].reshape(shape), _RV[:c].reshape(shape)
    return (x - m) / np.sqrt(v + eps) * w.reshape(shape) + b.reshape(shape)


def _bn_eval(x, w, b):
    c = x.shape[1]
    rm = torch.tensor(_RM[:c])
    rv = torch.tensor(_RV[:c])
    return F.batch_norm(x, rm, rv, w, b, training=False)


def _ln_ref(x, w, b, nd=1, eps=1e-5):
    axes = tuple(range(x.ndim - nd, x.ndim))
    m = x.mean(axes, keepdims=True)
    v = x.var(axes, keepdims=True)
    return (x - m) / np.sqrt(v + eps) * w + b


def _conv_ref(x, w, b=None, stride=(1, 1), padding=(0, 0), dilation=(1, 1), groups=1):
    """A 2-D convolution (cross-correlation) by a loop over the output positions."""
    n = x.shape[0]
    o, cg, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (padding[0],) * 2, (padding[1],) * 2))
    oh = (xp.shape[2] - dilation[0] * (kh - 1) - 1) // stride[0] + 1
    ow = (xp.shape[3] - dilation[1] * (kw - 1) - 1) // stride[1] + 1
    out = np.zeros((n, o, oh, ow))
    og = o // groups
    for oc in range(o):
        gi = oc // og
        for i in range(oh):
            for j in range(ow):
                r, s = i * stride[0], j * stride[1]
                win = xp[
                    :,
                    gi * cg : (gi + 1) * cg,
                    r : r + dilation[0] * (kh - 1) + 1 : dilation[0],
                    s : s + dilation[1] * (kw - 1) + 1 : dilation[1],
                ]
                out[:, oc, i, j] = (win * w[oc]).sum(axis=(1, 2, 3))
    if b is not None:
        out += b.reshape(1, -1, 1, 1)
    return out


def _pool_ref(x, k, s, p, reduce):
    fill = -np.inf if reduce is np.max else 0.0
    xp = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)), constant_values=fill)
    oh = (xp.shape[2] - k) // s + 1
    ow = (xp.shape[3] - k) // s + 1
    out = np.empty((*x.shape[:2], oh, ow))
    for i in range(oh):
        for j in range(ow):
            out[:, :, i, j] = reduce(xp[:, :, i * s : i * s + k, j * s : j * s + k], axis=(2, 3))
    return out


def _adaptive_ref(x, oh, ow):
    h, w = x.shape[2:]
    out = np.empty((*x.shape[:2], oh, ow))
    for i in range(oh):
        for j in range(ow):
            r0, r1 = i * h // oh, -(-(i + 1) * h // oh)
            c0, c1 = j * w // ow, -(-(j + 1) * w // ow)
            out[:, :, i, j] = x[:, :, r0:r1, c0:c1].mean(axis=(2, 3))
    return out


# ---------------------------------------------------------------------- cases: (case, shapes)

CASES = [
    (
        OpCase(
            "bn_train", lambda x, w, b: F.batch_norm(x, None, None, w, b, True), _bn_train_ref, 3
        ),
        [(4, 3), (3,), (3,)],
    ),
    (
        OpCase(
            "bn_train_3d", lambda x, w, b: F.batch_norm(x, None, None, w, b, True), _bn_train_ref, 3
        ),
        [(2, 3, 4), (3,), (3,)],
    ),
    (OpCase("bn_eval", _bn_eval, _bn_eval_ref, 3), [(3, 2, 2, 2), (2,), (2,)]),
    (
        OpCase("ln", lambda x, w, b: F.layer_norm(x, (4,), w, b), _ln_ref, 3),
        [(2, 3, 4), (4,), (4,)],
    ),
    (
        OpCase(
            "ln_2d",
            lambda x, w, b: F.layer_norm(x, (2, 3), w, b),
            lambda x, w, b: _ln_ref(x, w, b, nd=2),
            3,
        ),
        [(3, 2, 3), (2, 3), (2, 3)],
    ),
    (
        OpCase(
            "conv2d",
            lambda x, w, b: F.conv2d(x, w, b, padding=1),
            lambda x, w, b: _conv_ref(x, w, b, padding=(1, 1)),
            3,
        ),
        [(2, 2, 4, 3), (3, 2, 2, 2), (3,)],
    ),
    (
        OpCase(
            "conv2d_stride_dil_groups",
            lambda x, w: F.conv2d(x, w, stride=(2, 1), padding=(1, 2), dilation=(1, 2), groups=2),
            lambda x, w: _conv_ref(x, w, stride=(2, 1), padding=(1, 2), dilation=(1, 2), groups=2),
            2,
        ),
        [(1, 4, 5, 5), (4, 2, 3, 2)],
    ),
    (
        OpCase(
            "conv1d",
            lambda x, w: F.conv1d(x, w, stride=2, padding=1),
            lambda x, w: _conv_ref(x[:, :, None], w[:, :, None], stride=(1, 2), padding=(0, 1))[
                :, :, 0
            ],
            2,
        ),
        [(2, 3, 6), (2, 3, 3)],
    ),
    (
        OpCase(
            "max_pool2d",
            lambda x: F.max_pool2d(x, 2, 2, 1),
            lambda x: _pool_ref(x, 2, 2, 1, np.max),
            domain="distinct",
        ),
        [(2, 2, 4, 5)],
    ),
    (
        OpCase(
            "avg_pool2d",
            lambda x: F.avg_pool2d(x, 3, 2, 1),
            lambda x: _pool_ref(x, 3, 2, 1, np.sum) / 9,
        ),
        [(1, 2, 5, 4)],
    ),
    (
        OpCase(
            "adaptive_avg_pool2d",
            lambda x: F.adaptive_avg_pool2d(x, (2, 3)),
            lambda x: _adaptive_ref(x, 2, 3),
        ),
        [(2, 1, 5, 4)],
    ),
]


def _inputs(case, shapes, seed):
    rng = np.random.default_rng(seed)
    if case.domain == "distinct":
        n = int(np.prod(shapes[0]))
        xs = [((rng.permutation(200)[:n] - 100) * 0.02).reshape(shapes[0])]
    else:
        xs = [rng.uniform(-2.0, 2.0, s) for s in shapes]
    return xs, rng


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize(("case", "shapes"), CASES, ids=[c.name for c, _ in CASES])
def test_first_and_second_order(case, shapes, seed):
    xs, rng = _inputs(case, shapes, seed)
    check_first_order(case, [x.copy() for x in xs], rng)
    check_second_order(case, xs, rng)


@pytest.mark.parametrize(("case", "shapes"), CASES, ids=[c.name for c, _ in CASES])
def test_gradgradcheck(case, shapes):
    xs, _ = _inputs(case, shapes, 7)
    ts = [torch.tensor(x, requires_grad=True) for x in xs]
    assert torch.autograd.gradgradcheck(case.fn, ts)


def test_float32_first_gradient_under_create_graph_equals_plain_backward():
    """The graph built for create_graph computes batch/layer norm's statistics in double
    (as the plain backward does): the first gradient's values agree closely."""
    rng = np.random.default_rng(3)
    x0 = rng.standard_normal((6, 3)).astype(np.float32) * 3
    for fn in (
        lambda a: F.batch_norm(a, None, None, training=True),
        lambda a: F.layer_norm(a, (3,)),
    ):
        gs = []
        for cg in (False, True):
            x = torch.tensor(x0, requires_grad=True)
            (g,) = torch.autograd.grad((fn(x) ** 3).sum(), x, create_graph=cg)
            assert g.dtype == torch.float32
            assert g.requires_grad is cg
            gs.append(g.detach().numpy())
        np.testing.assert_allclose(gs[1], gs[0], rtol=2e-6, atol=1e-6)


@pytest.mark.parametrize(
    "fn",
    [
        lambda x, w: F.conv2d(x, w, padding=1),
        lambda x, w: F.avg_pool2d(x * w.sum(), 2),
        lambda x, w: F.adaptive_avg_pool2d(x * w.sum(), 2),
        lambda x, w: F.max_pool2d(x * w.sum(), 2),
        lambda x, w: F.batch_norm(x, None, None, w[:, 0, 0, 0], w[0, :, 1, 1], training=True),
        lambda x, w: F.layer_norm(
            x, (4,), w[0, 0, 0, :3].repeat(2)[:4], w[1, 1, 1, :3].sum().expand(4)
        ),
    ],
    ids=["conv2d", "avg_pool2d", "adaptive", "max_pool2d", "batch_norm", "layer_norm"],
)
def test_third_derivative(fn):
    """Third derivatives: the gradient's node is again a convolution / pooling (or a
    batch/layer-norm double-backward node differentiating its formula as a graph), so
    differentiating twice more works; checked by central differences of the second."""
    rng = np.random.default_rng(5)
    x0 = ((rng.permutation(200)[:32] - 100) * 0.02).reshape(1, 2, 4, 4)
    w0 = rng.uniform(0.5, 1.0, (2, 2, 3, 3))
    u = rng.uniform(-1, 1, x0.shape)

    def second(xa, create_graph):
        x = torch.tensor(xa, requires_grad=True)
        w = torch.tensor(w0, requires_grad=True)
        (g,) = torch.autograd.grad((fn(x, w) ** 4).sum(), x, create_graph=True)
        (h,) = torch.autograd.grad((g * torch.tensor(u)).sum(), x, create_graph=create_graph)
        return x, h

    x, h = second(x0, True)
    (t,) = torch.autograd.grad((h * torch.tensor(u)).sum(), x)
    eps = 1e-6
    hp = second(x0 + eps * u, False)[1].numpy()
    hm = second(x0 - eps * u, False)[1].numpy()
    np.testing.assert_allclose(
        (t * torch.tensor(u)).sum().item(), ((hp - hm) / (2 * eps) * u).sum(), rtol=1e-5
    )


def test_norm_double_backward_is_one_node_as_pytorch():
    """batch_norm / layer_norm under create_graph: the three gradients are outputs 0, 1, 2
    of ONE node, with PyTorch's slots; a second backward through it matches the values of
    the formula differentiated as ordinary ops (test_first_and_second_order)."""
    x = torch.arange(12.0).reshape(4, 3).sin().requires_grad_()
    w = torch.ones(3, requires_grad=True)
    b = torch.zeros(3, requires_grad=True)
    for f, name, n_slots, w_slot in (
        (lambda: F.batch_norm(x, None, None, w, b, True), "NativeBatchNormBackwardBackward0", 5, 2),
        (lambda: F.layer_norm(x, (3,), w, b), "NativeLayerNormBackwardBackward0", 6, 4),
    ):
        gs = torch.autograd.grad((f() ** 3).sum(), (x, w, b), create_graph=True)
        node = gs[0].grad_fn
        assert node.name() == name
        assert all(g.grad_fn is node for g in gs)
        assert [g.output_nr for g in gs] == [0, 1, 2]
        assert len(node.next_functions) == n_slots
        assert node.next_functions[1][0] is x.grad_fn or node.next_functions[1][0].variable is x
        assert node.next_functions[w_slot][0].variable is w
        # retain_graph=False frees it: a second backward through it raises as PyTorch's
        s = sum((g * g).sum() for g in gs)
        torch.autograd.grad(s, (x, w))
        with pytest.raises(RuntimeError, match="backward through the graph a second time"):
            torch.autograd.grad(s, (x, w))


def test_create_graph_node_names():
    """A gradient through a convolution or a pooling is one node named as PyTorch's."""
    x = torch.arange(32.0).reshape(1, 2, 4, 4).sin().requires_grad_()
    w = torch.ones(3, 2, 2, 2, requires_grad=True)
    (gx, gw) = torch.autograd.grad(F.conv2d(x, w).pow(2).sum(), (x, w), create_graph=True)
    assert gx.grad_fn.name() == gw.grad_fn.name() == "ConvolutionBackwardBackward0"
    for f, name in (
        (lambda a: F.max_pool2d(a, 2), "MaxPool2DWithIndicesBackwardBackward0"),
        (lambda a: F.avg_pool2d(a, 2), "AvgPool2DBackwardBackward0"),
        (lambda a: F.adaptive_avg_pool2d(a, 3), "AdaptiveAvgPool2DBackwardBackward0"),
    ):
        (g,) = torch.autograd.grad(f(x).pow(2).sum(), x, create_graph=True)
        assert g.grad_fn.name() == name
