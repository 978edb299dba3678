"""Gradient checks for F.pad's reflect / replicate / circular modes, the padding modules
and Conv padding_mode, the pools' options (``return_indices``, ``ceil_mode``,
``count_include_pad``, ``divisor_override``), ``max_unpool``, the norms' ``p`` values,
``Embedding(max_norm=)`` and the Huber losses' second derivatives: values against numpy
float64 references, gradients against central finite differences, Hessian-vector
products through ``create_graph=True`` (the machinery of ``test_gradcheck.py``).
PyTorch's own values, names and errors: ``tests/oracle/programs/nn_padding_modes.py``,
``nn_pool_norm_more.py``."""

from __future__ import annotations

import numpy as np
import pytest

import autograd_viz as torch
from autograd_viz import nn
from autograd_viz.nn import functional as F

from .op_cases import OpCase
from .test_gradcheck import check_first_order, check_second_order, values

_NP_MODE = {"reflect": "reflect", "replicate": "edge", "circular": "wrap"}


def _np_pad(a, pad, mode):
    """numpy's padding (non-negative amounts), pad listed from the last dimension."""
    k = len(pad) // 2
    widths = [(0, 0)] * (a.ndim - k) + [
        (pad[2 * (k - 1 - j)], pad[2 * (k - 1 - j) + 1]) for j in range(k)
    ]
    return np.pad(a, widths, mode=_NP_MODE[mode])


PAD_CASES = []
for _mode in ("reflect", "replicate", "circular"):
    for _shape, _pad in (
        ((2, 3, 4), (2, 1)),
        ((3, 5), (0, 3)),
        ((1, 2, 3, 4), (1, 2, 2, 1)),
        ((2, 3, 4), (1, 0, 2, 2)),
        ((1, 2, 3, 3, 2), (1, 1, 0, 2, 2, 1)),
    ):
        PAD_CASES.append(
            (
                OpCase(
                    f"pad_{_mode}_{len(_pad) // 2}d",
                    lambda a, p=_pad, m=_mode: F.pad(a, list(p), mode=m),
                    lambda a, p=_pad, m=_mode: _np_pad(a, p, m),
                ),
                _shape,
            )
        )


@pytest.mark.parametrize("case,shape", PAD_CASES, ids=lambda c: getattr(c, "name", ""))
@pytest.mark.parametrize("seed", [0, 1])
def test_pad_modes_gradcheck(case, shape, seed):
    rng = np.random.default_rng(seed)
    xs = [values(rng, shape, "any")]
    check_first_order(case, xs, rng)
    check_second_order(case, xs, rng)


def test_pad_negative_amounts_crop_then_pad():
    x = torch.arange(12.0).reshape(1, 3, 4)
    for mode in ("reflect", "replicate", "circular"):
        y = F.pad(x, [-1, 2], mode=mode).numpy()
        ref = _np_pad(x.numpy()[..., 1:], (0, 2), mode)  # as PyTorch: crop, then pad
        np.testing.assert_array_equal(y, ref)


def test_pad_node_names():
    x = torch.ones(1, 2, 3, 4, requires_grad=True)
    assert F.pad(x[0], [1, 1], mode="reflect").grad_fn.name() == "ReflectionPad1DBackward0"
    assert F.pad(x, [1, 1, 1, 1], mode="replicate").grad_fn.name() == "ReplicationPad2DBackward0"
    assert F.pad(x, [1, 1, 1, 1], mode="circular").grad_fn.name() == ("torch::autograd::CopySlices")
    y = F.pad(x[None], [1] * 6, "replicate")
    assert y.grad_fn.name() == "ReplicationPad3DBackward0"


@pytest.mark.parametrize("mode", ["reflect", "replicate", "circular"])
def test_conv_padding_mode_is_pad_then_conv(mode):
    torch.manual_seed(0)
    conv = nn.Conv2d(2, 3, 3, padding=(1, 2), padding_mode=mode).double()
    x = torch.tensor(np.random.default_rng(0).uniform(-1, 1, (2, 2, 4, 5)), requires_grad=True)
    y = conv(x)
    ref = F.conv2d(F.pad(x, [2, 2, 1, 1], mode=mode), conv.weight, conv.bias)
    np.testing.assert_allclose(y.detach().numpy(), ref.detach().numpy(), rtol=1e-12)
    assert "padding_mode=" + mode in repr(conv)
    ok = torch.autograd.gradcheck(
        lambda a, w: F.conv2d(F.pad(a, [2, 2, 1, 1], mode=mode), w), (x, conv.weight)
    )
    assert ok


def _avg_ref(a, k, s, p, ceil_mode, count_include_pad, divisor):
    """avg_pool2d by its definition, one window at a time (PyTorch's formula for the
    divisor)."""
    h, w = a.shape[-2:]

    def out_size(n, k, s, p):
        o = -(-(n + 2 * p - k) // s) + 1 if ceil_mode else (n + 2 * p - k) // s + 1
        if ceil_mode and (o - 1) * s >= n + p:
            o -= 1
        return o

    oh, ow = out_size(h, k[0], s[0], p[0]), out_size(w, k[1], s[1], p[1])
    out = np.zeros((*a.shape[:-2], oh, ow))
    for i in range(oh):
        for j in range(ow):
            h0, w0 = i * s[0] - p[0], j * s[1] - p[1]
            h1, w1 = min(h0 + k[0], h + p[0]), min(w0 + k[1], w + p[1])
            size = (h1 - h0) * (w1 - w0)
            h0, w0, h1, w1 = max(h0, 0), max(w0, 0), min(h1, h), min(w1, w)
            div = divisor or (size if count_include_pad else (h1 - h0) * (w1 - w0))
            out[..., i, j] = a[..., h0:h1, w0:w1].sum(axis=(-2, -1)) / div
    return out


AVG_CASES = [
    (2, 2, 0, False, True, None),
    (3, 2, 1, True, True, None),
    (3, 2, 1, True, False, None),
    (3, 2, 1, False, False, 2),
    ((3, 2), (2, 3), (1, 1), True, False, None),
    (2, 2, 0, True, True, 3),
]


@pytest.mark.parametrize("conf", AVG_CASES, ids=str)
@pytest.mark.parametrize("shape", [(2, 2, 5, 6), (3, 5, 5)], ids=str)
def test_avg_pool_options_gradcheck(conf, shape):
    k, s, p, ceil_mode, cip, div = conf
    pair = lambda v: (v, v) if isinstance(v, int) else v  # noqa: E731
    case = OpCase(
        "avg_pool2d",
        lambda a: F.avg_pool2d(a, k, s, p, ceil_mode, cip, div),
        lambda a: _avg_ref(a, pair(k), pair(s), pair(p), ceil_mode, cip, div),
    )
    rng = np.random.default_rng(3)
    xs = [values(rng, shape, "any")]
    check_first_order(case, xs, rng)
    check_second_order(case, xs, rng)


def test_avg_pool1d_options_match_2d():
    x = torch.tensor(np.random.default_rng(1).uniform(-1, 1, (2, 3, 9)))
    y = F.avg_pool1d(x, 3, 2, 1, ceil_mode=True, count_include_pad=False)
    ref = _avg_ref(x.numpy()[:, :, None, :], (1, 3), (1, 2), (0, 1), True, False, None)[:, :, 0]
    np.testing.assert_allclose(y.numpy(), ref, rtol=1e-12)


def _max_ref_indices(a, k, s, p, d):
    """max_pool2d's maxima and their flat positions, one window at a time."""
    h, w = a.shape[-2:]
    oh = (h + 2 * p - d * (k - 1) - 1) // s + 1
    ow = (w + 2 * p - d * (k - 1) - 1) // s + 1
    lead = a.shape[:-2]
    out = np.zeros((*lead, oh, ow))
    idx = np.zeros((*lead, oh, ow), dtype=np.int64)
    for pos in np.ndindex(*lead):
        for i in range(oh):
            for j in range(ow):
                best, arg = -np.inf, None
                for ki in range(k):
                    for kj in range(k):
                        r, c = i * s - p + ki * d, j * s - p + kj * d
                        if 0 <= r < h and 0 <= c < w and a[(*pos, r, c)] > best:
                            best, arg = a[(*pos, r, c)], r * w + c
                out[(*pos, i, j)], idx[(*pos, i, j)] = best, arg
    return out, idx


@pytest.mark.parametrize("conf", [(2, 2, 0, 1), (3, 2, 1, 1), (2, 1, 1, 2)], ids=str)
@pytest.mark.parametrize("shape", [(2, 2, 5, 6), (3, 6, 5)], ids=str)
def test_max_pool_indices_and_unpool(conf, shape):
    k, s, p, d = conf
    rng = np.random.default_rng(5)
    a = values(rng, shape, "distinct")
    y, i = F.max_pool2d(torch.tensor(a), k, s, p, d, return_indices=True)
    ref, ref_i = _max_ref_indices(a, k, s, p, d)
    np.testing.assert_array_equal(y.numpy(), ref)
    np.testing.assert_array_equal(i.numpy(), ref_i)
    assert i.dtype == torch.int64 and not i.requires_grad
    if d == 1:  # unpooling puts each maximum back at its index, zeros elsewhere
        u = F.max_unpool2d(y, i, k, s, p, output_size=shape[-2:])
        flat = np.zeros((int(np.prod(shape[:-2])), shape[-2] * shape[-1]))
        np.put_along_axis(flat, ref_i.reshape(flat.shape[0], -1), ref.reshape(flat.shape[0], -1), 1)
        np.testing.assert_array_equal(u.numpy(), flat.reshape(shape))
        if s < k:  # overlapping windows repeat an index: the last write wins in the
            return  # forward while every copy reads the gradient back (PyTorch's too)
        case = OpCase(
            "max_unpool2d",
            lambda t: F.max_unpool2d(t, i, k, s, p, output_size=shape[-2:]),
            lambda t: _unpool_ref(t, ref_i, shape),
        )
        xs = [values(rng, tuple(y.shape), "any")]
        check_first_order(case, xs, rng)
        check_second_order(case, xs, rng)


def _unpool_ref(t, idx, shape):
    rows = int(np.prod(shape[:-2]))
    flat = np.zeros((rows, shape[-2] * shape[-1]))
    np.put_along_axis(flat, idx.reshape(rows, -1), t.reshape(rows, -1), 1)
    return flat.reshape(shape)


def test_max_pool_return_indices_gradcheck():
    x = torch.tensor(values(np.random.default_rng(2), (1, 2, 5, 5), "distinct"), requires_grad=True)
    assert torch.autograd.gradcheck(
        lambda a: F.max_pool2d(a, 3, 2, 1, return_indices=True)[0], (x,)
    )
    assert torch.autograd.gradgradcheck(
        lambda a: F.max_pool2d(a, 2, return_indices=True)[0] ** 2, (x,)
    )
    y, i = nn.MaxPool1d(2, return_indices=True)(x[0])
    assert y.shape == (2, 5, 2) and i.shape == (2, 5, 2)


def _vn_ref(a, p, axis):
    b = np.abs(a)
    if p == np.inf:
        return b.max(axis=axis)
    if p == -np.inf:
        return b.min(axis=axis)
    return (b**p).sum(axis=axis) ** (1 / p)


NORM_CASES = [
    OpCase(
        f"vector_norm_{p}_{axis}",
        lambda a, p=p, axis=axis: torch.linalg.vector_norm(a, p, axis),
        lambda a, p=p, axis=axis: _vn_ref(a, p, axis),
        domain="distinct" if np.isinf(p) else "nonzero",
        second_order=not np.isinf(p),
    )
    for p in (np.inf, -np.inf, 1, 2, 3, 0.5, 1.5, 2.5, -1, -0.5)
    for axis in (None, 1)
]


@pytest.mark.parametrize("case", NORM_CASES, ids=lambda c: c.name)
@pytest.mark.parametrize("seed", [0, 1])
def test_vector_norm_gradcheck(case, seed):
    rng = np.random.default_rng(seed)
    xs = [values(rng, (3, 4), case.domain)]
    check_first_order(case, xs, rng)
    if case.second_order:
        check_second_order(case, xs, rng)


@pytest.mark.parametrize("ord", ["fro", "nuc", 1, -1, np.inf, -np.inf, 2, -2])
def test_matrix_norm_values_and_grads(ord):
    rng = np.random.default_rng(4)
    a = values(rng, (2, 3, 4), "distinct")
    ref_ord = np.inf if ord == np.inf else ord
    case = OpCase(
        f"matrix_norm_{ord}",
        lambda t: torch.linalg.matrix_norm(t, ord),
        lambda t: np.linalg.norm(t, ref_ord, axis=(-2, -1)),
        second_order=ord not in ("nuc", 2, -2, np.inf, -np.inf, 1, -1),
    )
    check_first_order(case, [a], rng)
    if case.second_order:
        check_second_order(case, [a], rng)


def test_norm_p0_counts_and_has_no_gradient():
    x = torch.tensor([[1.0, 0.0, -2.0], [0.0, 0.0, 3.0]], requires_grad=True)
    y = torch.norm(x, 0, dim=1)
    np.testing.assert_array_equal(y.detach().numpy(), [2.0, 1.0])
    y.sum().backward()
    assert x.grad is None


def test_svd_double_backward_is_refused_not_wrong():
    x = torch.tensor(values(np.random.default_rng(0), (3, 3), "any"), requires_grad=True)
    (g,) = torch.autograd.grad(torch.linalg.matrix_norm(x, "nuc"), x)
    u, _, vh = np.linalg.svd(x.detach().numpy())
    np.testing.assert_allclose(g.numpy(), u @ vh, rtol=1e-10)
    with pytest.raises(NotImplementedError, match="double backward of the singular values"):
        torch.autograd.grad(torch.linalg.matrix_norm(x, "nuc"), x, create_graph=True)


def _sl1_ref(d, beta):
    ad = np.abs(d)
    return np.where(ad < beta, 0.5 * d * d / beta, ad - 0.5 * beta)


def _hub_ref(d, delta):
    ad = np.abs(d)
    return np.where(ad <= delta, 0.5 * d * d, delta * (ad - 0.5 * delta))


HUBER_CASES = [
    OpCase(
        f"{name}_{red}",
        lambda a, b, f=f, red=red: f(a, b, reduction=red),
        lambda a, b, ref=ref, red=red: (
            getattr(np, red)(ref(a - b, 0.8)) if red != "none" else ref(a - b, 0.8)
        ),
        2,
        domain="away_clamp",
        shapes="same",
    )
    for name, f, ref in (
        (
            "smooth_l1",
            lambda a, b, reduction: F.smooth_l1_loss(a, b, reduction=reduction, beta=0.8),
            _sl1_ref,
        ),
        (
            "huber",
            lambda a, b, reduction: F.huber_loss(a, b, reduction=reduction, delta=0.8),
            _hub_ref,
        ),
    )
    for red in ("mean", "sum", "none")
]


@pytest.mark.parametrize("case", HUBER_CASES, ids=lambda c: c.name)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_huber_losses_second_derivatives(case, seed):
    rng = np.random.default_rng(seed)
    xs = [values(rng, (2, 3), "any", salt=i) for i in range(2)]
    xs[1] = xs[0] + rng.choice([-1.3, -0.4, 0.3, 1.1], size=(2, 3))  # away from |d| = 0.8
    check_first_order(case, xs, rng)
    check_second_order(case, xs, rng)


def test_huber_double_backward_nodes_and_third_derivative():
    a = torch.tensor([0.3, -1.2, 2.0], dtype=torch.float64, requires_grad=True)
    b = torch.tensor([0.0, 0.5, 1.0], dtype=torch.float64, requires_grad=True)
    y = F.smooth_l1_loss(a * a, b, beta=1.5)
    _, gb = torch.autograd.grad(y, (a, b), create_graph=True)
    assert gb.grad_fn.name() == "SmoothL1LossBackwardBackward0"
    assert len(gb.grad_fn.next_functions) == 3
    # d/da of gb = -(2a clip((a^2 - b)/1.5, -1, 1))/3 summed: its derivative is the
    # loss's slope again (a node of its own), checked against central differences
    (h,) = torch.autograd.grad(gb.sum(), a, create_graph=True)

    def f(av):
        d = av * av - b.detach().numpy()
        return -(np.clip(d / 1.5, -1, 1) / 3).sum()

    eps = 1e-6
    num = np.array(
        [
            (f(a.detach().numpy() + eps * e) - f(a.detach().numpy() - eps * e)) / (2 * eps)
            for e in np.eye(3)
        ]
    )
    np.testing.assert_allclose(h.detach().numpy(), num, rtol=1e-6)


@pytest.mark.parametrize("dt", ["int32", "int16", "uint8", "float64", "int64", "float16"])
def test_view_dtype_reads_the_same_bytes(dt):
    a = np.random.default_rng(0).uniform(-5, 5, (3, 8)).astype(np.float32)
    x = torch.tensor(a)
    y = x.view(getattr(torch, dt))
    np.testing.assert_array_equal(y.numpy(), a.view(np.dtype(dt)))
    assert not y.requires_grad
    y[0, 0] = 0  # the same memory: the write shows through x
    assert (
        x.numpy().view(np.uint8)[0, : np.dtype(dt).itemsize].tolist() == [0] * np.dtype(dt).itemsize
    )


@pytest.mark.parametrize("norm_type", [2.0, 1.0, 3.0, np.inf])
def test_embedding_max_norm_renormalises_looked_up_rows(norm_type):
    rng = np.random.default_rng(7)
    w0 = rng.uniform(-3, 3, (6, 4))
    idx = np.array([[0, 3, 3], [5, 0, 1]])
    w = torch.tensor(w0, requires_grad=True)
    y = F.embedding(torch.tensor(idx), w, max_norm=2.0, norm_type=norm_type)
    ref = w0.copy()
    for k in np.unique(idx):
        n = np.linalg.norm(ref[k], norm_type)
        if n > 2.0:
            ref[k] *= 2.0 / (n + 1e-7)
    np.testing.assert_allclose(w.detach().numpy(), ref, rtol=1e-12)  # in place
    np.testing.assert_allclose(y.detach().numpy(), ref[idx], rtol=1e-12)
    assert w.is_leaf and w._version == 1
    # the gradient is the plain lookup's (the renorm is not recorded)
    case = OpCase(
        "embedding_after_renorm", lambda t: F.embedding(torch.tensor(idx), t), lambda t: t[idx]
    )
    check_first_order(case, [ref], rng)


def test_embedding_scale_grad_by_freq_divides_by_counts():
    idx = np.array([[0, 1, 1], [1, 3, 1]])
    w = torch.ones(5, 2, dtype=torch.float64, requires_grad=True)
    g = np.arange(12.0).reshape(2, 3, 2)
    F.embedding(torch.tensor(idx), w, scale_grad_by_freq=True).backward(torch.tensor(g))
    counts = np.bincount(idx.reshape(-1), minlength=5)
    ref = np.zeros((5, 2))
    for pos, k in enumerate(idx.reshape(-1)):
        ref[k] += g.reshape(-1, 2)[pos] / counts[k]
    np.testing.assert_allclose(w.grad.numpy(), ref, rtol=1e-12)


def test_embedding_sparse_is_refused_with_the_reason():
    with pytest.raises(NotImplementedError, match="sparse COO"):
        nn.Embedding(4, 2, sparse=True)(torch.tensor([1]))


XLOGY_CASES = [
    OpCase(
        "xlogy",
        torch.xlogy,
        lambda a, b: a * np.log(b),
        2,
        domain="positive",
        shapes="bcast",
    ),
    OpCase(
        "kl_div_target_grad",
        lambda a, b: F.kl_div(a, b, reduction="sum"),
        lambda a, b: (b * np.log(b) - b * a).sum(),
        2,
        domain="positive",
        shapes="same",
    ),
]


@pytest.mark.parametrize("case", XLOGY_CASES, ids=lambda c: c.name)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_xlogy_and_kl_div_gradcheck(case, seed):
    from hypothesis import HealthCheck, given, settings

    from .test_gradcheck import shapes_for

    @settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(shapes=shapes_for(case.shapes, case.arity))
    def run(shapes):
        rng = np.random.default_rng(seed)
        xs = [values(rng, s, case.domain, salt=i) for i, s in enumerate(shapes)]
        check_first_order(case, xs, rng)
        check_second_order(case, xs, rng)

    run()


def test_xlogy_zero_times_anything_is_zero_but_nan_stays():
    y = torch.xlogy(
        torch.tensor([0.0, 0.0, 0.0, 1.0]), torch.tensor([0.0, -1.0, float("nan"), 0.0])
    )
    assert y[0].item() == 0 and y[1].item() == 0
    assert np.isnan(y[2].item()) and y[3].item() == -np.inf


@pytest.mark.parametrize(
    "cfg",
    [
        dict(kdim=3, vdim=5),
        dict(add_bias_kv=True),
        dict(add_zero_attn=True),
        dict(kdim=2, vdim=3, add_bias_kv=True, add_zero_attn=True),
    ],
    ids=str,
)
def test_multihead_attention_options_gradcheck(cfg):
    torch.manual_seed(0)
    m = nn.MultiheadAttention(4, 2, dtype=torch.float64, **cfg)
    rng = np.random.default_rng(0)
    q = torch.tensor(rng.uniform(-1, 1, (3, 2, 4)), requires_grad=True)
    k = torch.tensor(rng.uniform(-1, 1, (5, 2, m.kdim)), requires_grad=True)
    v = torch.tensor(rng.uniform(-1, 1, (5, 2, m.vdim)), requires_grad=True)
    # (the parameters too for the config with everything: the others check the inputs)
    params = list(m.parameters()) if len(cfg) == 4 else []
    names = [n for n, _ in m.named_parameters()]
    if cfg.get("kdim"):
        assert "k_proj_weight" in names and "in_proj_weight" not in names
    if cfg.get("add_bias_kv"):
        assert "bias_k" in names and "bias_v" in names

    def f(a, b, c, *ps):
        return m(a, b, c)[0]

    assert torch.autograd.gradcheck(f, (q, k, v, *params))
    # the extra key positions change the weights' last dimension as PyTorch's do
    extra = int(bool(cfg.get("add_bias_kv"))) + int(bool(cfg.get("add_zero_attn")))
    assert m(q, k, v)[1].shape == (2, 3, 5 + extra)


@pytest.mark.parametrize("seed", [0, 1])
def test_leaky_relu_inplace_gradcheck(seed):
    case = OpCase(
        "leaky_relu_",
        lambda a: F.leaky_relu(a * 1, 0.2, inplace=True),
        lambda a: np.where(a > 0, a, 0.2 * a),
        domain="away0",
    )
    rng = np.random.default_rng(seed)
    xs = [values(rng, (3, 4), "away0")]
    check_first_order(case, xs, rng)
    check_second_order(case, xs, rng)


def test_leaky_relu_inplace_negative_slope_fails_in_backward():
    x = torch.tensor([-1.0, 2.0], requires_grad=True)
    y = x * 1
    F.leaky_relu(y, -0.5, inplace=True)
    assert y.grad_fn.name() == "LeakyReluBackward1"
    with pytest.raises(RuntimeError, match="negative slope which is not supported"):
        y.sum().backward()
