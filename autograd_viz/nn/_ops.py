"""Graph nodes of the ``nn`` functions PyTorch implements as one node: ``GeluBackward0``,
``BinaryCrossEntropyWithLogitsBackward0``, ``EmbeddingBackward0``,
``NativeBatchNormBackward0`` (and the nodes of their gradients under ``create_graph``).

Engine ``Function`` subclasses (ndarrays in, ndarray out; see
:mod:`autograd_viz.engine.function`), kept beside ``nn`` which owns them.
"""

from __future__ import annotations

import math
import weakref

import numpy as np

from ..engine import events
from ..engine.dtypes import float64 as _f64
from ..engine.function import Function, Local
from ..engine.functional_array import _is_array, _tensor, expand_to, scale, sum_to
from ..engine.functional_array import add_scalar as _add_scalar
from ..engine.functional_array import scale as _scale
from ..engine.functional_array import sub_scalar as _sub_scalar
from ..engine.ops.double import (
    HardtanhBackwardBackward0,
    SigmoidBackwardBackward0,
    _GradNode,
    edge_tensor,
)
from ..engine.ops.unary import EXACT_MAX
from ..engine.tensor import Tensor

_SQRT1_2 = 1.0 / math.sqrt(2.0)
_INV_SQRT_2PI = 1.0 / math.sqrt(2.0 * math.pi)
_SQRT_2_PI = math.sqrt(2.0 / math.pi)
_TWO_SQRT_PI = 2.0 / math.sqrt(math.pi)


def erf(x):
    """``erf`` of a float64 array to double precision, vectorised (numpy has none):
    ``erf(y) = 2/√π · e^{-y²} · Σ 2ⁿ y^{2n+1} / (1·3·…·(2n+1))`` (all terms positive,
    no cancellation) for ``|y| < 6``; ``±1`` beyond (``erfc(6) < 3e-17``)."""
    x = np.asarray(x, dtype=np.float64)
    y = np.clip(x, -6.0, 6.0)
    y2 = y * y
    term = y.copy()
    total = y.copy()
    for n in range(1, 200):
        term = term * (2.0 * y2 / (2 * n + 1))
        total += term
        if not np.any(np.abs(term) > 1e-17 * np.abs(total)):
            break
    out = _TWO_SQRT_PI * np.exp(-y2) * total
    out = np.where(np.abs(x) >= 6.0, np.sign(x), out)
    return np.where(np.isnan(x), np.nan, out)


def _gelu_arrays(a, approximate):
    """(gelu(a), dgelu/da) in float64."""
    x = a.astype(np.float64)
    if approximate == "tanh":
        inner = _SQRT_2_PI * (x + 0.044715 * x**3)
        th = np.tanh(inner)
        out = 0.5 * x * (1 + th)
        d = 0.5 * (1 + th) + 0.5 * x * (1 - th * th) * _SQRT_2_PI * (1 + 3 * 0.044715 * x * x)
        return out, d
    cdf = 0.5 * (1 + erf(x * _SQRT1_2))
    return x * cdf, cdf + x * np.exp(-0.5 * x * x) * _INV_SQRT_2PI


def _gelu_second(a, approximate):
    x = a.astype(np.float64)
    if approximate == "tanh":
        k = _SQRT_2_PI
        inner = k * (x + 0.044715 * x**3)
        th = np.tanh(inner)
        sech2 = 1 - th * th
        di = k * (1 + 3 * 0.044715 * x * x)
        ddi = k * 6 * 0.044715 * x
        return sech2 * di + 0.5 * x * (-2 * th * sech2 * di * di + sech2 * ddi)
    pdf = np.exp(-0.5 * x * x) * _INV_SQRT_2PI
    return pdf * (2 - x * x)


class GeluBackward0(Function):
    op, symbol = "gelu", "gelu"
    formula = "∂gelu(a)/∂a = Φ(a) + a·φ(a)"
    local = (
        Local(
            "Φ({0}) + {0}·φ({0})",
            lambda x, o, k: _gelu_arrays(np.asarray(x[0]), k.get("approximate", "none"))[1],
        ),
    )
    _slow = False

    @staticmethod
    def forward(ctx, a, approximate="none"):
        ctx.save_for_backward(a)
        ctx.approximate = approximate
        out, _ = _gelu_arrays(a, approximate)
        return np.asarray(out.astype(a.dtype, copy=False))

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        if _is_array(g):
            _, d = _gelu_arrays(a, ctx.approximate)
            return ((g * d).astype(a.dtype, copy=False),)
        return (GeluBackwardBackward0.apply(g, a, approximate=ctx.approximate),)


class GeluBackwardBackward0(Function):
    """``g · gelu'(a)`` as a node (a second derivative of gelu)."""

    op, symbol = "gelu_backward", "gelu'"
    formula = "∂(g·gelu'(a))/∂g = gelu'(a), ∂/∂a = g·gelu''(a)"
    local = (
        Local(
            "gelu'({1})",
            rule=False,
            value=lambda x, o, k: _gelu_arrays(np.asarray(x[1]), k.get("approximate", "none"))[1],
        ),
        Local(
            "{0}·gelu''({1})",
            value=lambda x, o, k: (
                np.asarray(x[0]) * _gelu_second(np.asarray(x[1]), k.get("approximate", "none"))
            ),
        ),
    )
    _slow = False

    @staticmethod
    def forward(ctx, g, a, approximate="none"):
        ctx.save_for_backward(g, a)
        ctx.approximate = approximate
        _, d = _gelu_arrays(a, approximate)
        return np.asarray((g * d).astype(a.dtype, copy=False))

    @staticmethod
    def backward(ctx, gg):
        g, a = ctx.saved_tensors
        if not _is_array(gg) and ctx.approximate == "none":
            # create_graph (third derivatives): PyTorch's gelu_double_backward with
            # Tensor ops, gelu''(x) = kBeta·pdf·(2 − x²), pdf = exp(−x²/2)
            k_beta = 0.5 * math.sqrt(2.0) / math.sqrt(math.pi)
            right = (a * a) * _scale(_scale(a * a, -0.5).exp(), k_beta)
            left = _scale(_scale(_scale(a * a, -0.5).exp(), k_beta), 2)
            d_x = (gg * g) * (left - right)
            return GeluBackwardBackward0.apply(gg, a, approximate="none"), d_x
        ga = _raw(a)
        _, d = _gelu_arrays(ga, ctx.approximate)
        d2 = _gelu_second(ga, ctx.approximate)
        return _times(gg, d.astype(ga.dtype)), _times(_times(gg, _raw(g)), d2.astype(ga.dtype))


def _raw(x):
    return getattr(x, "_data", x)


def _times(g, arr):
    if _is_array(g):
        return g * arr
    return g * _tensor(np.asarray(arr))


def _sigmoid(x):
    if _is_array(x):
        with np.errstate(over="ignore"):
            return 1.0 / (1.0 + np.exp(-x))
    return x.sigmoid()


def _log_sigmoid(x):
    """``min(x, 0) − log1p(exp(−|x|))`` (PyTorch's stable form)."""
    with np.errstate(over="ignore"):
        return np.minimum(x, 0) - np.log1p(np.exp(-np.abs(x)))


class BinaryCrossEntropyWithLogitsBackward0(Function):
    op, symbol = "binary_cross_entropy_with_logits", "bce_logits"
    formula = "∂ℓ/∂x = σ(x) − t (pos_weight p: (p·t + 1 − t)·σ(x) − p·t); ∂ℓ/∂t = −x"
    local = (
        Local(
            (
                "G·(σ({0}) − {1}) (÷ the count for the mean; pos_weight and weight scale it)",
                "G·(σ({0}) − {1})（mean 时除以元素个数；pos_weight 和 weight 会缩放它）",
            ),
            rule=True,
        ),
        Local(("−G·{0} (÷ the count for the mean)", "−G·{0}（mean 时除以元素个数）"), rule=True),
    )
    _slow = False

    @staticmethod
    def forward(ctx, x, t, weight=None, pos_weight=None, reduction="mean"):
        ctx.save_for_backward(x, t)
        ctx.weight, ctx.pos_weight, ctx.reduction, ctx.shape = (
            weight,
            pos_weight,
            reduction,
            x.shape,
        )
        # PyTorch's steps: log σ(x) in the input's dtype (scaled in place), the rest in
        # the target's: ``(1 - t).mul_(x).sub_(ls)``, ``loss.mul_(weight)``
        dt = t.dtype
        ls = _log_sigmoid(x)
        if pos_weight is not None:
            ls = np.asarray(ls * ((pos_weight - 1) * t + 1), dtype=x.dtype)
        loss = np.asarray(np.asarray((1 - t) * x, dtype=dt) - ls, dtype=dt)
        if weight is not None:
            loss = np.asarray(loss * weight, dtype=dt)
        if reduction == "none":
            return loss
        if reduction == "sum":
            return np.asarray(np.sum(loss, dtype=dt))
        return np.asarray(np.mean(loss, dtype=dt) if loss.size else np.nan, dtype=dt)

    @staticmethod
    def _graph_backward(ctx, g):
        # PyTorch's binary_cross_entropy_with_logits_backward (no weights, input only):
        # (input.sigmoid() - target) * grad, divided by numel for the mean
        if ctx.pos_weight is not None or ctx.weight is not None or ctx.needs_input_grad[1]:
            return BinaryCrossEntropyWithLogitsBackward0.backward(ctx, g)
        from ..engine.ops.extra import DivBackward1

        x, t = ctx.saved_tensors
        gx = (x.sigmoid() - t) * g
        if ctx.reduction == "mean":
            gx = DivBackward1.apply(gx, other=max(int(np.prod(ctx.shape)), 1))
        return gx, None

    @staticmethod
    def backward(ctx, g):
        x, t = ctx.saved_tensors
        if ctx.reduction != "none":
            g = expand_to(g, ctx.shape)
            if ctx.reduction == "mean":
                g = scale(g, 1.0 / max(int(np.prod(ctx.shape)), 1))
        if ctx.weight is not None:
            g = _times(g, ctx.weight)
        pw = ctx.pos_weight
        gx = gt = None
        if ctx.needs_input_grad[0]:
            s = _sigmoid(x)
            if pw is None:
                gx = g * (s - t)
            else:
                pt = _times(t, pw)
                gx = g * ((pt + 1 - t) * s - pt)
        if ctx.needs_input_grad[1]:
            if pw is None:
                gt = -(g * x)
            else:
                ls = _log_sigmoid(_raw(x))
                gt = -(g * x) - _times(g, (pw - 1) * ls)
        if _is_array(g):  # (mixed dtypes: a float32 input, a float64 target or weight)
            if gx is not None and gx.dtype != x.dtype:
                gx = gx.astype(x.dtype)
            if gt is not None and gt.dtype != t.dtype:
                gt = gt.astype(t.dtype)
        return gx, gt


class EmbeddingBackward0(Function):
    op, symbol = "embedding", "embedding"
    formula = "∂E[i]/∂E = one row per index: the rows looked up receive the gradient"
    local = (
        Local(
            (
                "G's rows added at the looked-up rows of {0:r}, 0 elsewhere",
                "G 的各行加到 {0:r} 被查找的行，其余为 0",
            ),
            rule=True,
        ),
    )
    _slow = False

    @staticmethod
    def forward(ctx, weight, indices=None, padding_idx=-1, by_freq=False):
        ctx.indices, ctx.padding_idx, ctx.num = indices, padding_idx, weight.shape[0]
        ctx.by_freq = by_freq
        return weight[indices]

    @staticmethod
    def backward(ctx, g):
        if _is_array(g):
            return (_embedding_dense(g, ctx.indices, ctx.num, ctx.padding_idx, ctx.by_freq),)
        kw = {"by_freq": True} if ctx.by_freq else {}
        return (
            EmbeddingDenseBackwardBackward0.apply(
                g, indices=ctx.indices, num=ctx.num, padding_idx=ctx.padding_idx, **kw
            ),
        )


def _freq_scale(indices, num, dtype):
    """``scale_grad_by_freq``: 1 / (how often each looked-up index occurs), per lookup."""
    flat = indices.reshape(-1)
    counts = np.bincount(flat, minlength=num)
    return (1.0 / counts[flat]).astype(dtype)


def _embedding_dense(g, indices, num, padding_idx, by_freq=False):
    d = g.shape[indices.ndim :]
    out = np.zeros((num, *d), dtype=g.dtype)
    rows = g.reshape((-1, *d))
    if by_freq:
        rows = rows * _freq_scale(indices, num, g.dtype).reshape((-1,) + (1,) * len(d))
    np.add.at(out, indices.reshape(-1), rows)
    if padding_idx is not None and padding_idx >= 0:
        out[padding_idx] = 0
    return out


class EmbeddingDenseBackwardBackward0(Function):
    """``embedding_dense_backward`` as a node (``create_graph=True``), named as PyTorch
    names it; its own gradient reads the rows back at the looked-up indices."""

    op, symbol = "embedding_backward", "scatter"
    formula = "rows of g added at the looked-up indices"
    local = (Local(("the rows of G at the looked-up indices", "G 在被查找索引处的行"), rule=True),)
    _slow = False

    @staticmethod
    def forward(ctx, g, indices=None, num=0, padding_idx=-1, by_freq=False):
        ctx.indices, ctx.padding_idx, ctx.by_freq, ctx.num = indices, padding_idx, by_freq, num
        return _embedding_dense(g, indices, num, padding_idx, by_freq)

    @staticmethod
    def backward(ctx, gg):
        # (as PyTorch's embedding_dense_double_backward: the rows read back, without the
        # scale_grad_by_freq factors)
        idx = ctx.indices
        if ctx.padding_idx is not None and ctx.padding_idx >= 0:
            keep = (idx != ctx.padding_idx)[(...,) + (None,) * (_raw(gg).ndim - 1)]
            if _is_array(gg):
                return (gg[idx] * keep,)
            return (gg[_tensor(idx)] * _tensor(keep.astype(_raw(gg).dtype)),)
        if _is_array(gg):
            return (gg[idx],)
        return (gg[_tensor(idx)],)


class NativeBatchNormBackward0(Function):
    """``(x − mean)/√(var + eps)·w + b`` over the batch (and length) dimensions; in
    training the batch statistics (biased variance), else the running ones."""

    op, symbol = "batch_norm", "BN"
    formula = "∂y/∂x = w/σ·(g − mean(g) − x̂·mean(g·x̂)) (training); ∂y/∂w = x̂, ∂y/∂b = 1"
    local = (
        Local(
            (
                "(w/σ)·(G − mean(G) − x̂·mean(G·x̂)) in training, (w/σ)·G in eval",
                "训练时 (w/σ)·(G − mean(G) − x̂·mean(G·x̂))，评估时 (w/σ)·G",
            ),
            rule=True,
        ),
        Local(("Σ G·x̂ over the batch", "Σ G·x̂（在批次上求和）"), rule=True),
        Local(("Σ G over the batch", "Σ G（在批次上求和）"), rule=True),
    )
    _slow = False

    @staticmethod
    def forward(ctx, x, w, b, training=True, mean=None, invstd=None, eps=1e-5):
        axes = (0, *tuple(range(2, x.ndim)))
        shape = [1] * x.ndim
        shape[1] = x.shape[1]
        ctx.axes, ctx.bshape, ctx.training = axes, tuple(shape), training
        m = mean.reshape(shape)
        s = invstd.reshape(shape)
        xhat = ((x - m) * s).astype(x.dtype, copy=False)
        # the input too (as PyTorch saves it): a second derivative recomputes the
        # statistics from it as a graph
        ctx.save_for_backward(xhat, w, x)
        ctx.invstd, ctx.mean, ctx.eps = s, m, eps
        if x.dtype == np.float32:
            # as PyTorch's kernel: y = x·α + β by a fused multiply-add, α = invstd·w,
            # β = b − mean·α (fused too), per channel in float32
            alpha = s if w is None else s * w.reshape(shape)
            b64 = 0.0 if b is None else b.reshape(shape).astype(np.float64)
            beta = (b64 - m.astype(np.float64) * alpha).astype(np.float32)
            return (x.astype(np.float64) * alpha + beta).astype(np.float32)
        out = xhat
        if w is not None:
            out = out * w.reshape(shape)
        if b is not None:
            out = out + b.reshape(shape)
        return np.asarray(out, dtype=x.dtype)

    @staticmethod
    def backward(ctx, g):
        if not _is_array(g):
            return _bn_double(ctx, g)
        xhat, w, x = ctx.saved_tensors
        return _bn_arrays(ctx, g, xhat, w, x)


def _bn_arrays(ctx, g, xhat, w, x=None):
    """batch_norm's gradients (input, weight, bias) from arrays."""
    axes, shape = ctx.axes, ctx.bshape
    if (
        x is not None
        and ctx.training
        and g.dtype == np.float32
        and x.size <= EXACT_MAX
        and x.size == x.shape[0] * x.shape[1]
    ):
        return _bn_rows32(ctx, g, x, w)
    gx = gw = gb = None
    if ctx.needs_input_grad[0]:
        scale_ = ctx.invstd if w is None else ctx.invstd * w.reshape(shape)
        if ctx.training:
            n = g.size // g.shape[1]
            mg = np.sum(g, axis=axes, keepdims=True) / n
            mgx = np.sum(g * xhat, axis=axes, keepdims=True) / n
            gx = (g - mg - xhat * mgx) * scale_
        else:
            gx = g * scale_
        gx = gx.astype(g.dtype, copy=False)
    if ctx.needs_input_grad[1]:
        gw = np.sum(g * xhat, axis=axes).astype(g.dtype, copy=False)
    if ctx.needs_input_grad[2]:
        gb = np.sum(g, axis=axes).astype(g.dtype, copy=False)
    return gx, gw, gb


def _bn_rows32(ctx, g, x, w):
    """batch_norm's training backward of an (N, C) float32 batch as PyTorch's
    channels-last kernel: Σ G down the rows in float32, Σ (x − mean)·G by fused
    multiply-adds, k = Σ(x − mean)G·invstd²/N, ∂x = (G − ΣG/N − (x − mean)·k)·invstd·w,
    ∂w = Σ(x − mean)G·invstd, ∂b = ΣG.  (Measured: the 16-lane columns 100%, the
    columns after them about 96%.)"""
    n, c = x.shape[0], x.shape[1]
    rows, xr = g.reshape(n, c), x.reshape(n, c)
    mean, invstd = ctx.mean.reshape(c), ctx.invstd.reshape(c)
    total = np.add.accumulate(rows, axis=0)[-1]
    d = xr - mean
    dotp = np.zeros(c, np.float32)
    for r in range(n):
        dotp = (d[r].astype(np.float64) * rows[r] + dotp).astype(np.float32)
    gx = gw = gb = None
    if ctx.needs_input_grad[0]:
        k = dotp * invstd * invstd / np.float32(n)
        gm = total / np.float32(n)
        gx = (rows - gm - d * k) * invstd
        v = c - c % 16  # the 16-lane vectors fuse (G − ΣG/N) − d·k into one operation
        if v:
            fused = (rows[:, :v] - gm[:v]).astype(np.float64) - d[:, :v].astype(np.float64) * k[:v]
            gx[:, :v] = fused.astype(np.float32) * invstd[:v]
        if w is not None:
            gx = gx * w
        gx = gx.reshape(x.shape)
    if ctx.needs_input_grad[1]:
        gw = dotp * invstd
    if ctx.needs_input_grad[2]:
        gb = total
    return gx, gw, gb


def _bn_double(ctx, g):
    """``create_graph=True``: the gradients are the outputs of ONE
    ``NativeBatchNormBackwardBackward0`` node (slots G, input, weight and two empty
    ones, as PyTorch's), with the plain backward's values."""
    xhat, w, x = ctx.saved_tensors  # (Tensors here: the input and weight themselves)
    vals = _bn_arrays(ctx, g._data, xhat._data, None if w is None else w._data)
    slots = (g, x, w, None, None)
    return _double_node(NativeBatchNormBackwardBackward0, ctx, slots, vals, x.shape[1:2])


def _bn_composite(src, g, x, w):
    """batch_norm's backward as a graph of ordinary ops (what the double-backward node
    differentiates): in training the batch statistics are recomputed from the input,
    so the derivatives through the mean and the variance come out; in eval the running
    statistics are constants.  In double for a float32 input (the plain backward's
    statistics are double too), cast back at the end."""
    axes, shape = src.axes, src.bshape
    dt = x.dtype
    if dt != _f64:
        x, g = x.double(), g.double()
        w = None if w is None else w.double()
    if src.training:
        mean = x.mean(dim=axes, keepdim=True)
        xc = x - mean
        invstd = ((xc * xc).mean(dim=axes, keepdim=True) + src.eps).rsqrt()
    else:
        xc = x - _tensor(src.mean.astype(np.float64))
        invstd = _tensor(src.invstd.astype(np.float64))
    xhat = xc * invstd
    scale_ = invstd if w is None else invstd * w.reshape(shape)
    if src.training:
        mg = g.mean(dim=axes, keepdim=True)
        mgx = (g * xhat).mean(dim=axes, keepdim=True)
        gx = (g - mg - xhat * mgx) * scale_
    else:
        gx = g * scale_
    gw = (g * xhat).sum(dim=axes)
    gb = g.sum(dim=axes)
    return _cast(gx, dt), _cast(gw, dt), _cast(gb, dt)


def _cast(t, dt):
    return t if t is None or t.dtype == dt else t.to(dt)


class _Quiet:
    """No events while a double-backward node differentiates its formula: the node is
    one op in a recording."""

    def __enter__(self):
        self.saved = list(events.LISTENERS)
        events.LISTENERS.clear()

    def __exit__(self, *exc):
        events.LISTENERS[:] = self.saved


def _double_node(cls, src, slots, values, wshape):
    """One multi-output node of class ``cls`` whose outputs are the gradients
    ``values`` (arrays, ``None`` where not wanted) of ``src``'s backward, with edges to
    the tensors in ``slots`` (PyTorch's slot order; ``cls.pos`` says where G, the input
    and the weight are; ``wshape``: the weight's and bias's shape); returns the output
    tensors."""
    from ..engine import backward as _backward_mod
    from ..engine.function import _edge_of, _next_seq

    node = object.__new__(cls)
    edges = tuple(_edge_of(t) if t is not None and t._requires_grad else (None, 0) for t in slots)
    node.next_functions = edges
    node.needs_input_grad = tuple(e[0] is not None for e in edges)
    node._seq = _next_seq()
    node.src = src
    gi, xi, wi = cls.pos
    kept = (slots[gi], slots[xi], slots[wi])
    node._saved = tuple(None if t is None else t._data for t in kept)
    node._saved_meta = [(i, t._vbox, t._vbox[0], t) for i, t in enumerate(kept) if t is not None]
    x = slots[xi]
    node._out_shapes = (x._data.shape, wshape, wshape)
    node._out_dtypes = (x._data.dtype,) * 3
    node._shape, node._dtype = x._data.shape, x._data.dtype
    _backward_mod.MULTI_OUTPUT.add(node)
    outs = []
    for k, v in enumerate(values):
        if v is None:
            outs.append(None)
            continue
        o = Tensor._make(v, True, node)
        if k:
            o._output_nr = k
        outs.append(o)
    if events.LISTENERS:
        made = [(k, o) for k, o in enumerate(outs) if o is not None]
        node._out_ref = weakref.ref(made[0][1])
        node._out_refs = {k: weakref.ref(o) for k, o in made}
        ins = tuple(t for t in slots if t is not None)
        for _, o in made:
            events.emit("forward", node=node, op=cls.op, cls=cls, inputs=ins, output=o, kwargs={})
    return tuple(outs)


def _double_backward(node, grads, composite):
    """The backward of a double-backward node: the gradient of ``composite`` (the
    backward formula as ordinary ops) with respect to G, the input and the weight, for
    the gradients ``grads`` arriving at the node's outputs; as a graph when they are
    Tensors (third derivatives)."""
    from ..autograd import grad as _grad
    from ..engine.grad_mode import enable_grad

    g, x, w = node.saved_tensors
    graph = any(gg is not None and not _is_array(gg) for gg in grads)
    need = node.needs_input_grad
    pos = type(node).pos
    wants = [need[p] for p in pos]
    with _Quiet(), enable_grad():
        if graph:
            # fresh nodes on the saved tensors: the gradient reaching each is the partial
            # derivative through that slot alone (G depends on the input too), and the
            # results stay functions of the real tensors (derivatives of any order)
            ins = tuple(None if t is None else t.clone() for t in (g, x, w))
        else:
            ins = tuple(
                None if a is None else Tensor._make(a, bool(want), None)
                for a, want in zip((g, x, w), wants, strict=True)
            )
        outs = composite(node.src, *ins)
        pairs = [
            (o, gg)
            for o, gg in zip(outs, grads, strict=False)
            if o is not None and gg is not None and o.requires_grad
        ]
        targets = [(k, t) for k, t in enumerate(ins) if wants[k] and t is not None]
        res = [None] * 3
        if pairs and targets:
            got = _grad(
                [o for o, _ in pairs],
                [t for _, t in targets],
                [gg if not _is_array(gg) else Tensor._make(gg) for _, gg in pairs],
                allow_unused=True,
                create_graph=graph,
            )
            for (k, t), r in zip(targets, got, strict=True):
                if r is not None:
                    res[k] = r if graph else r._data.astype(t._data.dtype, copy=False)
    out = [None] * len(need)
    for k, p in enumerate(pos):
        out[p] = res[k]
    return tuple(out)


class NativeBatchNormBackwardBackward0(Function):
    """batch_norm's gradients as ONE node under ``create_graph=True``, as PyTorch makes
    it: slots (G, input, weight, -, -), outputs (∂input, ∂weight, ∂bias)."""

    op, symbol = "batch_norm_backward", "BN'"
    formula = "the gradients of batch_norm, as functions of G, the input and the weight"
    local = (
        Local(
            ("the gradient of batch_norm's backward formula", "batch_norm 反向公式的梯度"),
            rule=True,
        ),
    )
    _multi = True
    pos = (0, 1, 2)

    @staticmethod
    def backward(ctx, grads):
        return _double_backward(ctx, grads, _bn_composite)


class NativeLayerNormBackward0(Function):
    """``(x − mean)/√(var + eps)·w + b`` over the last ``len(normalized_shape)``
    dimensions (biased variance)."""

    op, symbol = "layer_norm", "LN"
    formula = "∂y/∂x = (1/σ)·(Gw − mean(Gw) − x̂·mean(Gw·x̂)); ∂y/∂w = x̂, ∂y/∂b = 1"
    local = (
        Local(
            (
                "(1/σ)·(G·w − mean(G·w) − x̂·mean(G·w·x̂)) over the normalised dims",
                "(1/σ)·(G·w − mean(G·w) − x̂·mean(G·w·x̂))，在被归一化的维度上",
            ),
            rule=True,
        ),
        Local(("Σ G·x̂ over the other dims", "Σ G·x̂（在其余维度上求和）"), rule=True),
        Local(("Σ G over the other dims", "Σ G（在其余维度上求和）"), rule=True),
    )
    _slow = False

    @staticmethod
    def forward(ctx, x, w, b, nd=1, eps=1e-5):
        axes = tuple(range(x.ndim - nd, x.ndim))
        x64 = x.astype(np.float64)
        mean = x64.mean(axis=axes, keepdims=True)
        var = x64.var(axis=axes, keepdims=True)
        rstd = 1.0 / np.sqrt(var + eps)
        xhat = ((x64 - mean) * rstd).astype(x.dtype)
        ctx.save_for_backward(xhat, w, x, b)  # (input and bias, as PyTorch saves them)
        ctx.axes, ctx.rstd, ctx.eps = axes, rstd.astype(x.dtype), eps
        out = xhat
        if w is not None:
            out = out * w
        if b is not None:
            out = out + b
        return np.asarray(out, dtype=x.dtype)

    @staticmethod
    def backward(ctx, g):
        if not _is_array(g):
            return _ln_double(ctx, g)
        xhat, w, _, _ = ctx.saved_tensors
        return _ln_arrays(ctx, g, xhat, w)


def _ln_arrays(ctx, g, xhat, w):
    """layer_norm's gradients (input, weight, bias) from arrays."""
    axes = ctx.axes
    outer = tuple(range(g.ndim - len(axes)))
    gx = gw = gb = None
    if ctx.needs_input_grad[0]:
        gw_ = g if w is None else g * w
        m1 = np.mean(gw_, axis=axes, keepdims=True)
        m2 = np.mean(gw_ * xhat, axis=axes, keepdims=True)
        gx = ((gw_ - m1 - xhat * m2) * ctx.rstd).astype(g.dtype, copy=False)
    if ctx.needs_input_grad[1]:
        gw = np.sum(g * xhat, axis=outer).astype(g.dtype, copy=False)
    if ctx.needs_input_grad[2]:
        gb = np.sum(g, axis=outer).astype(g.dtype, copy=False)
    return gx, gw, gb


def _ln_double(ctx, g):
    """``create_graph=True``: the gradients are the outputs of ONE
    ``NativeLayerNormBackwardBackward0`` node (slots G, input, -, -, weight, bias, as
    PyTorch's), with the plain backward's values."""
    xhat, w, x, b = ctx.saved_tensors  # (Tensors here: the input, weight and bias)
    vals = _ln_arrays(ctx, g._data, xhat._data, None if w is None else w._data)
    nd = len(ctx.axes)
    slots = (g, x, None, None, w, b)
    return _double_node(NativeLayerNormBackwardBackward0, ctx, slots, vals, x.shape[x.dim() - nd :])


def _ln_composite(src, g, x, w):
    """layer_norm's backward as a graph of ordinary ops (what the double-backward node
    differentiates), the statistics recomputed from the input (in double for a float32
    input, as the forward has them)."""
    axes = src.axes
    outer = tuple(range(g.dim() - len(axes)))
    dt = x.dtype
    if dt != _f64:
        x, g = x.double(), g.double()
        w = None if w is None else w.double()
    xc = x - x.mean(dim=axes, keepdim=True)
    rstd = ((xc * xc).mean(dim=axes, keepdim=True) + src.eps).rsqrt()
    xhat = xc * rstd
    gw_ = g if w is None else g * w
    m1 = gw_.mean(dim=axes, keepdim=True)
    m2 = (gw_ * xhat).mean(dim=axes, keepdim=True)
    gx = (gw_ - m1 - xhat * m2) * rstd
    gw = (g * xhat).sum(dim=outer) if outer else g * xhat
    gb = g.sum(dim=outer) if outer else g
    return _cast(gx, dt), _cast(gw, dt), _cast(gb, dt)


class NativeLayerNormBackwardBackward0(Function):
    """layer_norm's gradients as ONE node under ``create_graph=True``, as PyTorch makes
    it: slots (G, input, -, -, weight, bias), outputs (∂input, ∂weight, ∂bias)."""

    op, symbol = "layer_norm_backward", "LN'"
    formula = "the gradients of layer_norm, as functions of G, the input and the weight"
    local = (
        Local(
            ("the gradient of layer_norm's backward formula", "layer_norm 反向公式的梯度"),
            rule=True,
        ),
    )
    _multi = True
    pos = (0, 1, 4)

    @staticmethod
    def backward(ctx, grads):
        return _double_backward(ctx, grads, _ln_composite)


def _sigmoid_arr(x):
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-x))


class SiluBackward0(Function):
    op, symbol = "silu", "silu"
    formula = "∂silu(a)/∂a = σ(a)·(1 + a·(1 − σ(a)))"
    local = (
        Local(
            "σ({0})·(1 + {0}·(1 − σ({0})))",
            lambda x, o, k: (
                _sigmoid_arr(np.asarray(x[0], float))
                * (1 + np.asarray(x[0], float) * (1 - _sigmoid_arr(np.asarray(x[0], float))))
            ),
        ),
    )
    _slow = False

    @staticmethod
    def forward(ctx, a):
        ctx.save_for_backward(a)
        return np.asarray(a * _sigmoid_arr(a), dtype=a.dtype)

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        s = _sigmoid(a)
        return (g * (s * (1 + a * (1 - s))),)


class SoftplusBackward0(Function):
    op, symbol = "softplus", "softplus"
    formula = "∂softplus(a)/∂a = σ(β·a) (1 above the threshold)"
    local = (
        Local(
            "σ(β·{0})",
            lambda x, o, k: np.where(
                np.asarray(x[0], float) * k.get("beta", 1) > k.get("threshold", 20),
                1.0,
                _sigmoid_arr(np.asarray(x[0], float) * k.get("beta", 1)),
            ),
        ),
    )
    _slow = False

    @staticmethod
    def forward(ctx, a, beta=1.0, threshold=20.0):
        ctx.save_for_backward(a)
        ctx.beta, ctx.threshold = beta, threshold
        xb = a * beta
        with np.errstate(over="ignore"):
            soft = np.log1p(np.exp(xb)) / beta
        return np.asarray(np.where(xb > threshold, a, soft), dtype=a.dtype)

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        ra = _raw(a)
        above = (ra * ctx.beta > ctx.threshold).astype(ra.dtype)
        s = _sigmoid(a * ctx.beta)
        return (g * (_times(s, 1 - above) + _as_const(above, g)),)


def _as_const(arr, like):
    return arr if _is_array(like) else _tensor(np.asarray(arr))


class EluBackward0(Function):
    op, symbol = "elu", "elu"
    formula = "∂elu(a)/∂a = 1 for a > 0, α·eᵃ otherwise"
    local = (
        Local(
            ("1 if {0} > 0 else α·exp({0})", "{0} > 0 时为 1，否则为 α·exp({0})"),
            lambda x, o, k: np.where(
                np.asarray(x[0], float) > 0,
                1.0,
                k.get("alpha", 1.0) * np.exp(np.asarray(x[0], float)),
            ),
        ),
    )
    _slow = False

    @staticmethod
    def forward(ctx, a, alpha=1.0, scale=1.0):
        ctx.save_for_backward(a)
        ctx.alpha, ctx.scale = alpha, scale
        with np.errstate(over="ignore", invalid="ignore"):  # (alpha nan/inf: no warning)
            neg = alpha * np.expm1(np.minimum(a, 0))
        out = np.where(a >= 0, a, neg)  # (0 and -0 stay as they are, even for alpha nan/inf)
        if scale != 1.0:
            out = out * scale
        return np.asarray(out, dtype=a.dtype)

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        ra = _raw(a)
        pos = (ra > 0).astype(ra.dtype)
        e = np.exp(np.minimum(ra, 0)) if _is_array(a) else a.clamp(max=0).exp()
        d = _times(e, (1 - pos) * ctx.alpha) + _as_const(pos, g)
        if ctx.scale != 1.0:
            d = d * ctx.scale
        return (g * d,)


class CeluBackward0(Function):
    op, symbol = "celu", "celu"
    formula = "∂celu(a)/∂a = 1 for a > 0, exp(a/α) otherwise"
    local = (
        Local(
            ("1 if {0} > 0 else exp({0}/α)", "{0} > 0 时为 1，否则为 exp({0}/α)"),
            lambda x, o, k: np.where(
                np.asarray(x[0], float) > 0,
                1.0,
                np.exp(np.minimum(np.asarray(x[0], float), 0) / k.get("alpha", 1.0)),
            ),
        ),
    )
    _slow = False

    @staticmethod
    def forward(ctx, a, alpha=1.0):
        ctx.save_for_backward(a)
        ctx.alpha = alpha
        with np.errstate(invalid="ignore", over="ignore"):  # (alpha nan/inf: no warning)
            neg = alpha * np.expm1(np.minimum(a, 0) / alpha)
        # (0 and -0 stay as they are, as in PyTorch's kernel, whatever alpha is)
        return np.asarray(np.where(a >= 0, a, neg), dtype=a.dtype)

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        ra = _raw(a)
        pos = (ra > 0).astype(ra.dtype)
        if _is_array(a):
            e = np.exp(np.minimum(ra, 0) / ctx.alpha)
        else:
            e = (a.clamp(max=0) * (1.0 / ctx.alpha)).exp()
        return (g * (_times(e, 1 - pos) + _as_const(pos, g)),)


class HardtanhBackward0(Function):
    op, symbol = "hardtanh", "hardtanh"
    formula = "∂hardtanh(a)/∂a = 1 strictly between min_val and max_val, else 0"
    local = (
        Local(
            ("1 if min < {0} < max else 0", "min < {0} < max 时为 1，否则为 0"),
            lambda x, o, k: (
                (np.asarray(x[0]) > k.get("min_val", -1.0))
                & (np.asarray(x[0]) < k.get("max_val", 1.0))
            ).astype(float),
        ),
    )
    _slow = False

    @staticmethod
    def _graph_backward(ctx, g):
        # PyTorch's HardtanhBackwardBackward0: slots grad_output and self (an edge only:
        # the input is not saved here; its gradient of a gradient is zeros)
        m = ctx.mask
        x = edge_tensor(ctx, 0, m.shape, m.dtype)
        return (HardtanhBackwardBackward0.apply(g, x, mask=m),)

    @staticmethod
    def forward(ctx, a, min_val=-1.0, max_val=1.0):
        ctx.mask = ((a > min_val) & (a < max_val)).astype(a.dtype)
        return np.asarray(np.clip(a, min_val, max_val), dtype=a.dtype)

    @staticmethod
    def backward(ctx, g):
        return (_times(g, ctx.mask),)


class LogSigmoidBackward0(Function):
    op, symbol = "logsigmoid", "log σ"
    formula = "∂log σ(a)/∂a = 1 − σ(a)"
    local = (Local("1 − σ({0})", lambda x, o, k: _sigmoid_arr(-np.asarray(x[0], float))),)
    _slow = False

    @staticmethod
    def forward(ctx, a):
        ctx.save_for_backward(a)
        return np.asarray(_log_sigmoid(a), dtype=a.dtype)

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        return (g * _sigmoid(-a),)

    @staticmethod
    def _graph_backward(ctx, g):
        (a,) = ctx.saved_tensors
        return (LogSigmoidBackwardBackward0.apply(g, a),)


# ------------------------------------------------- create_graph: PyTorch's nodes
# (``engine/ops/double.py``): the gradients of softplus, elu and logsigmoid as ONE node
# each, silu's as PyTorch's silu_backward formula.


def _mask_like(cond, like):
    arr = np.asarray(cond).astype(np.result_type(_raw(like)))
    return arr if _is_array(like) else _tensor(arr)


class SoftplusBackwardBackward0(_GradNode):
    """``softplus_backward(g, x, beta, threshold) = g·σ(βx)`` (``g`` where βx > threshold)."""

    op, symbol = "softplus_backward", "softplus'"
    formula = "∂(g·σ(βx))/∂g = σ(βx),  ∂/∂x = g·β·σ(βx)(1 − σ(βx))"
    local = (
        Local("σ(β·{1})", rule=True),
        Local("{0}·β·σ(β·{1})·(1 - σ(β·{1}))", rule=True),
    )

    @classmethod
    def first(cls, g, x, beta=1.0, threshold=20.0):
        x = np.asarray(x)
        above = (x * beta > threshold).astype(x.dtype)
        return g * (_sigmoid(x * beta) * (1 - above) + above)

    @classmethod
    def second(cls, gg, g, x, beta=1.0, threshold=20.0):
        # softplus_double_backward(grad * grad_output, self, beta, threshold) =
        #   sigmoid_backward(grad, (self * beta).sigmoid()) * (x < threshold) * beta
        xb = _scale(x, beta)
        z = _sigmoid(xb)
        below = _mask_like(_raw(xb) < threshold, gg)
        d_x = _scale(SigmoidBackwardBackward0.grad(gg * g, z) * below, beta)
        return cls.grad(gg, x, beta=beta, threshold=threshold), d_x


class EluBackwardBackward0(_GradNode):
    """``elu_backward(g, x, alpha, scale) = g·scale·(1 if x > 0 else α·eˣ)``."""

    op, symbol = "elu_backward", "elu'"
    formula = "∂(g·elu'(x))/∂g = elu'(x),  ∂/∂x = g·scale·α·eˣ for x < 0"
    local = (
        Local(
            ("scale·(1 if {1} > 0 else α·exp({1}))", "scale·({1} > 0 时为 1，否则为 α·exp({1}))"),
            rule=True,
        ),
        Local(
            (
                "{0}·scale·α·exp({1}) where {1} < 0, else 0",
                "{1} < 0 处为 {0}·scale·α·exp({1})，否则为 0",
            ),
            rule=True,
        ),
    )

    @classmethod
    def first(cls, g, x, alpha=1.0, scale=1.0, input_scale=1.0):
        x = np.asarray(x)
        pos = (x > 0).astype(x.dtype)
        if input_scale != 1.0:  # celu: exp(x / alpha) below 0
            d = np.exp(np.minimum(x, 0) * input_scale) * ((1 - pos) * alpha * input_scale) + pos
        else:
            d = np.exp(np.minimum(x, 0)) * ((1 - pos) * alpha) + pos
        if scale != 1.0:
            d = d * scale
        return g * d

    @classmethod
    def second(cls, gg, g, x, alpha=1.0, scale=1.0, input_scale=1.0):
        # elu_double_backward: elu_backward(grad * grad_output * input_scale, ..., self)
        # * (self < 0)
        kw = {"alpha": alpha, "scale": scale, "input_scale": input_scale}
        neg = _mask_like(_raw(x) < 0, gg)
        gi = gg * g if input_scale == 1.0 else _scale(gg * g, input_scale)
        d_x = cls.grad(gi, x, **kw) * neg
        return cls.grad(gg, x, **kw), d_x


class LogSigmoidBackwardBackward0(_GradNode):
    """``log_sigmoid_backward(g, x) = g·σ(−x)``."""

    op, symbol = "log_sigmoid_backward", "logσ'"
    formula = "∂(g·σ(−x))/∂g = σ(−x),  ∂/∂x = g·(σ(x) − 1)·σ(x)"
    local = (
        Local("σ(-{1})", lambda x, o, k: _sigmoid_arr(-np.asarray(x[1], float))),
        Local(
            "{0}·(σ({1}) - 1)·σ({1})",
            lambda x, o, k: (
                np.asarray(x[0])
                * (_sigmoid_arr(np.asarray(x[1], float)) - 1)
                * _sigmoid_arr(np.asarray(x[1], float))
            ),
        ),
    )

    @classmethod
    def first(cls, g, x):
        return g * _sigmoid(-np.asarray(x))

    @classmethod
    def second(cls, gg, g, x):
        # log_sigmoid_double_backward(grad * grad_output, self): grad * (z - 1) * z
        z = _sigmoid(x)
        return cls.grad(gg, x), gg * g * _sub_scalar(z, 1) * z


def _silu_graph(ctx, g):
    # silu_backward: grad_output * (sigmoid * (1 + self * (1 - sigmoid))), with PyTorch's
    # nodes: (grad * sigmoid) * (1 + self * (1 - sigmoid)), ``1 -`` a tensor subtraction
    (a,) = ctx.saved_tensors
    s = a.sigmoid()
    one = _tensor(np.ones((), a._data.dtype))
    right = _add_scalar(a * (one - s), 1)  # (made first: the C++ operands' order)
    return ((g * s) * right,)


def _softplus_graph(ctx, g):
    (a,) = ctx.saved_tensors
    return (SoftplusBackwardBackward0.apply(g, a, beta=ctx.beta, threshold=ctx.threshold),)


def _elu_graph(ctx, g):
    (a,) = ctx.saved_tensors
    return (EluBackwardBackward0.apply(g, a, alpha=ctx.alpha, scale=ctx.scale),)


def _celu_graph(ctx, g):  # celu is elu with input_scale = 1 / alpha
    (a,) = ctx.saved_tensors
    kw = {"alpha": ctx.alpha, "input_scale": 1.0 / ctx.alpha}
    return (EluBackwardBackward0.apply(g, a, **kw),)


CeluBackward0._graph_backward = staticmethod(_celu_graph)
SiluBackward0._graph_backward = staticmethod(_silu_graph)
SoftplusBackward0._graph_backward = staticmethod(_softplus_graph)
EluBackward0._graph_backward = staticmethod(_elu_graph)


class MishBackward0(Function):
    op, symbol = "mish", "mish"
    formula = "∂mish(a)/∂a = tanh(sp(a)) + a·σ(a)·(1 − tanh²(sp(a)))"
    local = (
        Local(
            "tanh(softplus({0})) + {0}·σ({0})·(1 − tanh²(softplus({0})))",
            lambda x, o, k: _mish_d(np.asarray(x[0], float)),
        ),
    )
    _slow = False

    @staticmethod
    def forward(ctx, a):
        ctx.save_for_backward(a)
        with np.errstate(over="ignore"):
            sp = np.where(a > 20, a, np.log1p(np.exp(a)))
        return np.asarray(a * np.tanh(sp), dtype=a.dtype)

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        if _is_array(a):
            return ((g * _mish_d(a)).astype(a.dtype, copy=False),)
        from .layers import softplus

        th = softplus(a).tanh()
        return (g * (th + a * a.sigmoid() * (1 - th * th)),)

    @staticmethod
    def _graph_backward(ctx, g):
        # PyTorch's infinitely_differentiable_mish_backward (operands made right to left,
        # as the C++ evaluates them)
        (a,) = ctx.saved_tensors
        s = a.sigmoid()
        t = a.exp().log1p().tanh()
        one = _tensor(np.ones((), a._data.dtype))
        sub = one - t * t
        right = a * s * sub
        return (g * (t + right),)


def _mish_d(a):
    with np.errstate(over="ignore"):
        sp = np.where(a > 20, a, np.log1p(np.exp(a)))
    th = np.tanh(sp)
    return th + a * _sigmoid_arr(a) * (1 - th * th)


_DTYPE_WORD = {"float16": "Half", "float32": "Float", "float64": "Double"}


class _PointwiseLoss(Function):
    """A loss of ``d = input − target`` elementwise, reduced; slots (input, target)."""

    _slow = False

    #: the result's dtype: the promoted one (smooth_l1_loss), or the input's (huber_loss,
    #: whose backward then refuses a target of another dtype, as PyTorch's)
    _promote = True

    @staticmethod
    def forward(ctx, x, t, reduction="mean", param=1.0):
        d = x - t
        ctx.save_for_backward(x, t)
        ctx.reduction, ctx.param, ctx.shape = reduction, param, x.shape
        dt = x.dtype
        if t.dtype is not dt and type(ctx)._promote and t.dtype.kind == "f" == dt.kind:
            dt = np.promote_types(dt, t.dtype)
        loss = np.asarray(type(ctx)._loss(d, param), dtype=dt)
        if reduction == "none":
            return loss
        if reduction == "sum":
            return np.asarray(loss.sum(dtype=dt))
        return np.asarray(loss.mean(dtype=dt) if loss.size else np.nan, dtype=dt)

    @staticmethod
    def backward(ctx, g):
        x, t = ctx.saved_tensors
        if not _is_array(g):  # create_graph: each gradient a node of its own, as PyTorch's
            need = ctx.needs_input_grad
            cls = _LOSS_DOUBLE[type(ctx)]
            kw = {"reduction": ctx.reduction, "param": ctx.param}
            gx = cls.apply(g, x, t, **kw) if need[0] else None
            gt = cls.apply(g, t, x, **kw) if need[1] else None
            return gx, gt
        if ctx.reduction != "none":
            g = np.broadcast_to(g, ctx.shape)
            if ctx.reduction == "mean":
                g = g / g.dtype.type(max(int(np.prod(ctx.shape)), 1))
        if not type(ctx)._promote and t.dtype != x.dtype:
            raise RuntimeError(
                f"Found dtype {_DTYPE_WORD.get(t.dtype.name, t.dtype.name)} but expected "
                f"{_DTYPE_WORD.get(x.dtype.name, x.dtype.name)}"
            )
        d = type(ctx)._grad(x - t, ctx.param) * g
        gx = d.astype(x.dtype, copy=False) if ctx.needs_input_grad[0] else None
        gt = (-d).astype(t.dtype, copy=False) if ctx.needs_input_grad[1] else None
        return gx, gt


class SmoothL1LossBackward0(_PointwiseLoss):
    op, symbol = "smooth_l1_loss", "smooth_l1"
    formula = "∂/∂x = (x − t)/β if |x − t| < β else sign(x − t)"
    local = (
        Local(
            (
                "clip(({0} − {1})/β, −1, 1) (÷ the count for the mean)",
                "clip(({0} − {1})/β, −1, 1)（mean 时除以元素个数）",
            ),
            rule=True,
        ),
        Local(
            (
                "−clip(({0} − {1})/β, −1, 1) (÷ the count for the mean)",
                "−clip(({0} − {1})/β, −1, 1)（mean 时除以元素个数）",
            ),
            rule=True,
        ),
    )

    @staticmethod
    def _loss(d, beta):
        ad = np.abs(d)
        if beta == 0:
            return ad
        return np.where(ad < beta, 0.5 * d * d / beta, ad - 0.5 * beta)

    @staticmethod
    def _grad(d, beta):
        if beta == 0:
            return np.sign(d)
        return np.clip(d / beta, -1, 1)

    @staticmethod
    def _curv(d, beta):
        if beta == 0:
            return np.zeros_like(d)
        return (np.abs(d) < beta).astype(d.dtype) / d.dtype.type(beta)


class HuberLossBackward0(_PointwiseLoss):
    op, symbol = "huber_loss", "huber"
    _promote = False
    formula = "∂/∂x = x − t if |x − t| ≤ δ else δ·sign(x − t)"
    local = (
        Local(
            (
                "clip({0} − {1}, −δ, δ) (÷ the count for the mean)",
                "clip({0} − {1}, −δ, δ)（mean 时除以元素个数）",
            ),
            rule=True,
        ),
        Local(
            (
                "−clip({0} − {1}, −δ, δ) (÷ the count for the mean)",
                "−clip({0} − {1}, −δ, δ)（mean 时除以元素个数）",
            ),
            rule=True,
        ),
    )

    @staticmethod
    def _loss(d, delta):
        ad = np.abs(d)
        return np.where(ad <= delta, 0.5 * d * d, delta * (ad - 0.5 * delta))

    @staticmethod
    def _grad(d, delta):
        return np.clip(d, -delta, delta)

    @staticmethod
    def _curv(d, delta):
        return (np.abs(d) < delta).astype(d.dtype)


class _PointwiseLossBackwardBackward(Function):
    """A Huber-type loss's gradient as a node (``create_graph=True``), as PyTorch's
    ``smooth_l1_loss_backward(grad_output, self, target)``: slots (G, self, target); the
    target's gradient is the same node with self and target swapped.  Its gradients:
    for G the loss's gradient again (summed to G's shape), for self / target ±U·G times
    the loss's curvature (1/β or 1 inside the quadratic zone, 0 outside)."""

    @staticmethod
    def forward(ctx, g, a, b, reduction="mean", param=1.0):
        ctx.reduction, ctx.param, ctx.shape = reduction, param, a.shape
        ctx.save_for_backward(g, a, b)
        loss = _DOUBLE_LOSS[type(ctx)]
        n = a.dtype.type(max(int(np.prod(a.shape)), 1))
        gb = np.broadcast_to(g, a.shape)
        if reduction == "mean":
            gb = gb / n
        return np.asarray(loss._grad(a - b, param) * gb, dtype=a.dtype)

    @staticmethod
    def backward(ctx, u):
        g, a, b = ctx.saved_tensors
        loss = _DOUBLE_LOSS[type(ctx)]
        ra, rb = (v._data if isinstance(v, Tensor) else v for v in (a, b))
        d = ra - rb
        n = max(int(np.prod(ctx.shape)), 1)
        slope = loss._grad(d, ctx.param).astype(ra.dtype, copy=False)
        curv = loss._curv(d, ctx.param).astype(ra.dtype, copy=False)
        if ctx.reduction == "mean":
            slope, curv = slope / ra.dtype.type(n), curv / ra.dtype.type(n)
        # (the Tensor path uses ``curv`` only: the slope's own node is applied again)
        need = ctx.needs_input_grad
        arr = _is_array(u)
        const = (lambda v: v) if arr else (lambda v: Tensor._make(v))
        gg = None
        if need[0]:  # the loss's gradient of U: again this node (its slope depends on
            if arr:  # self and target: higher derivatives)
                gg = sum_to(u * slope, tuple(g.shape))
            else:
                kw = {"reduction": ctx.reduction, "param": ctx.param}
                gg = sum_to(type(ctx).apply(u, a, b, **kw), tuple(g.shape))
        ug = u * g * const(curv) if need[1] or need[2] else None
        ga = ug if need[1] else None
        gb = -ug if need[2] else None
        return gg, ga, gb


class SmoothL1LossBackwardBackward0(_PointwiseLossBackwardBackward):
    op, symbol = "smooth_l1_loss_backward", "smooth_l1'"
    formula = "the gradient of smooth_l1_loss, as a function of G, the input and the target"
    local = (
        Local(
            ("clip((a − b)/β, −1, 1) (÷ the count for the mean)", "clip((a − b)/β, −1, 1)"),
            rule=True,
        ),
        Local(("G·[|a − b| < β]/β", "G·[|a − b| < β]/β"), rule=True),
        Local(("−G·[|a − b| < β]/β", "−G·[|a − b| < β]/β"), rule=True),
    )


class HuberLossBackwardBackward0(_PointwiseLossBackwardBackward):
    op, symbol = "huber_loss_backward", "huber'"
    formula = "the gradient of huber_loss, as a function of G, the input and the target"
    local = (
        Local(("clip(a − b, −δ, δ) (÷ the count for the mean)", "clip(a − b, −δ, δ)"), rule=True),
        Local(("G·[|a − b| < δ]", "G·[|a − b| < δ]"), rule=True),
        Local(("−G·[|a − b| < δ]", "−G·[|a − b| < δ]"), rule=True),
    )


_LOSS_DOUBLE = {
    SmoothL1LossBackward0: SmoothL1LossBackwardBackward0,
    HuberLossBackward0: HuberLossBackwardBackward0,
}
_DOUBLE_LOSS = {v: k for k, v in _LOSS_DOUBLE.items()}
