"""Gradients as nodes: what ``create_graph=True`` records for the ops whose PyTorch
derivative is itself one ATen function (``tanh_backward``, ``sigmoid_backward``,
``threshold_backward``, ``_softmax_backward_data``, ``mse_loss_backward``...).

PyTorch computes the gradient of ``tanh`` with ``tanh_backward(grad, output)``, an op
of its own, so a graph of gradients shows ONE ``TanhBackwardBackward0`` node where the
formula ``g * (1 - out * out)`` written with Tensor ops would show four.  Each class
here is such an op: ``first`` is the first backward formula (on arrays), ``second`` its
own gradient, one entry per slot (PyTorch's ``derivatives.yaml`` formula for it); the
class's ``forward`` is ``first``, its ``backward`` is ``second``.

An op opts in with a ``graph_backward(ctx, grad)`` staticmethod: the backward engine
calls it instead of ``backward`` under ``create_graph=True`` (and ``grad_fn(grad)``
does), so the plain backward (arrays in, arrays out) is untouched.
"""

from __future__ import annotations

import numpy as np

from .._errstate import ALL
from .._errstate import errstate as _errstate
from ..function import AccumulateGrad, Function, Local
from ..functional_array import _is_array, _tensor, add_scalar, scale

_ndarray = np.ndarray
_F32 = np.dtype(np.float32)


def _nd(x):
    return x if type(x) is _ndarray else np.asarray(x)


def _arrays(*xs) -> bool:
    return all(x is None or _is_array(x) for x in xs)


def _exp(x):
    """exp of an array or a Tensor (float32 arrays through float64: PyTorch's bits)."""
    if not _is_array(x):
        return x.exp()
    x = np.asarray(x)
    with _errstate(ALL):
        if x.dtype == _F32:
            return np.exp(x, dtype=np.float64).astype(_F32)
        return np.exp(x)


def _sum_keep(x, dim):
    if _is_array(x):
        return np.add.reduce(x, axis=dim, keepdims=True)
    if dim is None:
        return x.sum()
    return x.sum(dim, keepdim=True)


def _sum(x):
    return np.add.reduce(x, axis=None) if _is_array(x) else x.sum()


def _zeros(x):
    """Zeros shaped as ``x`` (PyTorch's ``zeros_like(grad)``: no graph)."""
    a = np.asarray(getattr(x, "_data", x))
    z = np.zeros(a.shape, a.dtype)
    return z if _is_array(x) else _tensor(z)


def _const(arr, like):
    """An ndarray constant as ``like`` computes: itself, or a Tensor in graph mode."""
    return arr if _is_array(like) else _tensor(arr)


def edge_tensor(ctx, slot, shape, dtype):
    """A Tensor standing for input ``slot`` of ``ctx`` (for an op that does not save
    that input: its gradient of a gradient is zeros, but PyTorch's node has the edge):
    the leaf itself, or a placeholder whose ``grad_fn`` is the input's node."""
    from ..tensor import Tensor

    fn, nr = ctx.next_functions[slot]
    if fn is None:
        return None
    if fn.__class__ is AccumulateGrad:
        return fn.variable
    t = Tensor._make(np.zeros(shape, dtype), True, fn)
    if nr:
        t._output_nr = nr
    return t


class _GradNode(Function):
    """A first backward formula as a node: ``forward(g, x, **kw) = first(g, x, **kw)``,
    ``backward`` its gradient per slot (``second``)."""

    #: the ``op`` / ``symbol`` of the forward op this node is the gradient of
    _of = "?"

    @classmethod
    def first(cls, g, x, **kw):  # pragma: no cover - abstract
        raise NotImplementedError

    @classmethod
    def second(cls, gg, g, x, **kw):  # pragma: no cover - abstract
        raise NotImplementedError

    @classmethod
    def grad(cls, g, x, **kw):
        """``first(g, x)``: on arrays directly, else recorded as this node."""
        if _arrays(g, x):
            with _errstate(ALL):
                return cls.first(g, x, **kw)
        return cls.apply(g, x, **kw)

    @classmethod
    def forward(cls, ctx, g, x, **kw):
        ctx.kw = kw
        ctx.save_for_backward(g, x)
        with _errstate(ALL):
            return _nd(cls.first(g, x, **kw))

    @classmethod
    def backward(cls, ctx, gg):
        g, x = ctx.saved_tensors
        n = ctx.needs_input_grad
        r = cls.second(gg, g, x, **ctx.kw)
        return tuple(v if need else None for v, need in zip(r, n, strict=False))


class TanhBackwardBackward0(_GradNode):
    """``tanh_backward(g, out) = g·(1 − out²)`` (slots: g, tanh's output)."""

    op, symbol = "tanh_backward", "tanh'"
    formula = "∂(g·(1 − y²))/∂g = 1 − y²,  ∂/∂y = −2·y·g"
    local = (
        Local("1 - {1}²", lambda x, o, k: 1 - np.asarray(x[1]) ** 2),
        Local("-2·{1}·{0}", lambda x, o, k: -2 * np.asarray(x[1]) * np.asarray(x[0])),
    )

    @classmethod
    def first(cls, g, out):
        if np.result_type(out) == _F32:
            # PyTorch's kernel: 1 - out² by a fused multiply-add (one rounding; the
            # square is exact in float64), as TanhBackward0's plain backward
            o = np.asarray(out, np.float64)
            return g * (1.0 - o * o).astype(_F32)
        return g * (1 - out * out)

    @classmethod
    def second(cls, gg, g, out):
        # derivatives.yaml: grad_output: tanh_backward(grad, output);
        # output: grad * (-2 * output * grad_output)
        return cls.grad(gg, out), gg * (scale(out, -2) * g)


class SigmoidBackwardBackward0(_GradNode):
    """``sigmoid_backward(g, out) = g·(1 − out)·out`` (slots: g, sigmoid's output)."""

    op, symbol = "sigmoid_backward", "σ'"
    formula = "∂(g·(1 − y)·y)/∂g = (1 − y)·y,  ∂/∂y = g·(1 − 2y)"
    local = (
        Local("(1 - {1})·{1}", lambda x, o, k: (1 - np.asarray(x[1])) * np.asarray(x[1])),
        Local("{0}·(1 - 2·{1})", lambda x, o, k: np.asarray(x[0]) * (1 - 2 * np.asarray(x[1]))),
    )

    @classmethod
    def first(cls, g, out):
        return g * (1 - out) * out

    @classmethod
    def second(cls, gg, g, out):
        # grad_output: sigmoid_backward(grad, output);
        # output: grad * grad_output * (-2 * output + 1)
        return cls.grad(gg, out), gg * g * add_scalar(scale(out, -2), 1)


class ThresholdBackwardBackward0(_GradNode):
    """``threshold_backward(g, x, threshold)``: ``g`` where ``x > threshold``, else 0
    (relu's gradient, ``x`` its output)."""

    op, symbol = "threshold_backward", "relu'"
    formula = "∂([x > t]·g)/∂g = [x > t],  ∂/∂x = 0"
    local = (
        Local(
            lambda k, x: f"[{{1}} > {k.get('threshold', 0)}]",
            lambda x, o, k: (np.asarray(x[1]) > k.get("threshold", 0)).astype(float),
        ),
        Local("0", lambda x, o, k: 0.0),
    )

    @classmethod
    def first(cls, g, x, threshold=0):
        x = np.asarray(x)
        return np.where(x <= threshold, 0, g).astype(np.result_type(g), copy=False)

    @classmethod
    def second(cls, gg, g, x, threshold=0):
        # grad_output: threshold_backward(grad, self, threshold); self: zeros_like(grad)
        return cls.grad(gg, x, threshold=threshold), _zeros(gg)


class LeakyReluBackwardBackward0(_GradNode):
    """``leaky_relu_backward(g, x, slope)``: ``g`` where ``x > 0``, else ``slope·g``."""

    op, symbol = "leaky_relu_backward", "leaky_relu'"
    formula = "∂(g·(1 if x > 0 else s))/∂g = 1 if x > 0 else s,  ∂/∂x = 0"
    local = (
        Local(
            lambda k, x: f"1 where {{1}} > 0, else {k.get('negative_slope', 0.01)}",
            lambda x, o, k: np.where(np.asarray(x[1]) > 0, 1.0, k.get("negative_slope", 0.01)),
            zh=lambda k, x: f"{{1}} > 0 处为 1，其余为 {k.get('negative_slope', 0.01)}",
        ),
        Local("0", lambda x, o, k: 0.0),
    )

    @classmethod
    def first(cls, g, x, negative_slope=0.01):
        x = np.asarray(x)
        return g * np.where(x > 0, 1, negative_slope).astype(x.dtype)

    @classmethod
    def second(cls, gg, g, x, negative_slope=0.01):
        return cls.grad(gg, x, negative_slope=negative_slope), _zeros(gg)


class HardtanhBackwardBackward0(_GradNode):
    """``hardtanh_backward(g, x, min_val, max_val)``: ``g`` strictly between the bounds."""

    op, symbol = "hardtanh_backward", "hardtanh'"
    formula = "∂([lo < x < hi]·g)/∂g = [lo < x < hi],  ∂/∂x = 0"
    local = (
        Local(
            ("1 if min < {1} < max else 0", "min < {1} < max 时为 1，否则为 0"),
            lambda x, o, k: (
                (np.asarray(x[1]) > k.get("min_val", -1.0))
                & (np.asarray(x[1]) < k.get("max_val", 1.0))
            ).astype(float),
        ),
        Local("0", lambda x, o, k: 0.0),
    )

    @classmethod
    def first(cls, g, x, min_val=-1.0, max_val=1.0, mask=None):
        if mask is None:
            x = np.asarray(x)
            mask = ((x > min_val) & (x < max_val)).astype(np.result_type(g))
        return g * mask

    @classmethod
    def second(cls, gg, g, x, min_val=-1.0, max_val=1.0, mask=None):
        return cls.grad(gg, x, min_val=min_val, max_val=max_val, mask=mask), _zeros(gg)


class SoftmaxBackwardDataBackward0(_GradNode):
    """``_softmax_backward_data(g, y, dim) = y·(g − Σ g·y)`` (slots: g, softmax's output)."""

    op, symbol = "softmax_backward", "softmax'"
    formula = "∂(y·(g − Σ g·y))/∂g = softmax's backward;  ∂/∂y = softmax_double_backward"
    local = (
        Local("{1} ⊙ (G - Σ G ⊙ {1})", rule=True),
        Local(
            (
                "{0} ⊙ G - (Σ {1} ⊙ {0})·G - {0}·Σ {1} ⊙ G",
                "{0} ⊙ G - (Σ {1} ⊙ {0})·G - {0}·Σ {1} ⊙ G",
            ),
            rule=True,
        ),
    )

    @classmethod
    def first(cls, g, out, dim=None):
        return out * (g - _sum_keep(g * out, dim))

    @classmethod
    def second(cls, gg, g, out, dim=None):
        # grad_output: _softmax_backward_data(grad, output, dim, input_dtype)
        # output: softmax_double_backward(grad, grad_output, dim, output) =
        #   grad_output * grad - (output * grad_output).sum(dim, true) * grad
        #   - grad_output * (output * grad).sum(dim, true)
        d_out = g * gg - _sum_keep(out * g, dim) * gg - g * _sum_keep(out * gg, dim)
        return cls.grad(gg, out, dim=dim), d_out


class LogSoftmaxBackwardDataBackward0(_GradNode):
    """``_log_softmax_backward_data(g, y, dim) = g − exp(y)·Σ g`` (slots: g,
    log_softmax's output)."""

    op, symbol = "log_softmax_backward", "log_softmax'"
    formula = "∂(g − exp(y)·Σ g)/∂g = log_softmax's backward;  ∂/∂y = −exp(y)·Σ g·G"
    local = (
        Local("G - exp({1})·Σ G", rule=True),
        Local("-exp({1})·(Σ {0})·G", rule=True),
    )

    @classmethod
    def first(cls, g, out, dim=None):
        return g - _exp(out) * _sum_keep(g, dim)

    @classmethod
    def second(cls, gg, g, out, dim=None):
        # grad_output: grad - (grad * output.exp()).sum(dim, true)
        # output: -grad_output.sum(dim, true) * output.exp() * grad
        e = _exp(out)
        return gg - _sum_keep(gg * e, dim), -_sum_keep(g, dim) * e * gg


class NllLossBackwardBackward0(_GradNode):
    """``nll_loss_backward(g, logp, target, ...)``: ``g`` times the dense coefficients
    (−w/Σw at each row's target); slots: g, the log-probabilities (its gradient of a
    gradient is zeros, as PyTorch's)."""

    op, symbol = "nll_loss_backward", "nll'"
    formula = "∂(g·coef)/∂g = Σ coef·G (nll_loss of G);  ∂/∂logp = 0"
    local = (
        Local(("nll_loss of G (the coefficients times G, summed)", "G 的 nll_loss"), rule=True),
        Local("0", lambda x, o, k: 0.0),
    )

    @classmethod
    def first(cls, g, logp, coef=None, rows=False):
        if rows:  # reduction="none" of a batch: one g per row (position)
            g = np.expand_dims(g, 1) if _is_array(g) else g.unsqueeze(1)
        return g * _const(coef, g)

    @classmethod
    def second(cls, gg, g, logp, coef=None, rows=False):
        # grad_output: nll_loss(grad, target, weight, reduction, ignore_index)
        p = gg * _const(coef, gg)
        d_g = (p.sum(1) if not _is_array(p) else np.add.reduce(p, axis=1)) if rows else _sum(p)
        return d_g, _zeros(gg)


class NllLoss2DBackwardBackward0(NllLossBackwardBackward0):
    """``nll_loss2d_backward`` (an (N, C, H, W) input): as ``NllLossBackwardBackward0``."""

    op = "nll_loss2d_backward"


class MseLossBackwardBackward0(Function):
    """``mse_loss_backward(g, x, t) = g·2(x − t)/n`` (mean; ``/n`` left out for sum),
    slots: g, x, t.  The target's gradient is this node with x and t swapped, as
    PyTorch's (``mse_loss_backward(grad, target, self)``)."""

    op, symbol = "mse_loss_backward", "mse'"
    formula = "∂(2g(x − t)/n)/∂g = 2(x − t)/n,  ∂/∂x = 2G·g/n,  ∂/∂t = −2G·g/n"
    local = (
        Local(("Σ 2·({1} - {2})·G/n", "Σ 2·({1} - {2})·G/n"), rule=True),
        Local("2·{0}/n", lambda x, o, k: 2 * np.asarray(x[0]) / _mse_n(x[1], k)),
        Local("-2·{0}/n", lambda x, o, k: -2 * np.asarray(x[0]) / _mse_n(x[1], k)),
    )

    @staticmethod
    def forward(ctx, g, x, t, reduction="mean"):
        ctx.reduction = reduction
        ctx.save_for_backward(g, x, t)
        d = x - t
        factor = 2.0 / max(d.size, 1) if reduction == "mean" else 2.0
        gd = d * factor  # (as the plain backward: same values)
        gd *= g
        return _nd(gd)

    @classmethod
    def grad(cls, g, x, t, reduction="mean"):
        if _arrays(g, x, t):
            return cls.forward(_Scratch(), g, x, t, reduction)
        return cls.apply(g, x, t, reduction=reduction)

    @staticmethod
    def backward(ctx, gg):
        g, x, t = ctx.saved_tensors
        red = ctx.reduction
        n = ctx.needs_input_grad
        size = np.size(getattr(x, "_data", x))
        factor = 2.0 / max(size, 1) if red == "mean" else 2.0
        d_g = None
        if n[0]:  # mse_loss_double_backward_grad_output: (grad * 2(x − t)/n) summed to g
            p = gg * (x - t) * factor
            gshape = np.shape(getattr(g, "_data", g))
            d_g = _sum(p) if gshape == () else p
        # self: mse_loss_double_backward(grad * grad_output, self, reduction)
        # target: -mse_loss_double_backward(grad * grad_output, target, reduction)
        dx = gg * g * factor if (n[1] or n[2]) else None
        return d_g, (dx if n[1] else None), (-dx if n[2] else None)


def _mse_n(x, k):
    return max(np.size(x), 1) if k.get("reduction", "mean") == "mean" else 1


class _Scratch:
    """A ctx for computing a forward on arrays without a node."""

    def save_for_backward(self, *values):
        pass
