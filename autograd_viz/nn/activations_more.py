"""More activations and small layers, as PyTorch 2.13 builds them on the CPU:
``prelu`` (``PreluKernelBackward0``, the weight viewed to broadcast), ``glu``
(``GluBackward0``), ``tanhshrink`` (``x - tanh(x)``), ``threshold`` (``ThresholdBackward0``;
in place ``ThresholdBackward1``), ``hardswish`` / ``hardsigmoid``, ``Softmax2d`` (softmax
over the channels), ``alpha_dropout`` (ATen's ``_dropout_impl``: ``x * a·mask + b``),
``bilinear`` (``TrilinearBackward0`` between views) and ``gumbel_softmax`` (PyTorch's
Python composite)."""

from __future__ import annotations

import math
import warnings

import numpy as np

from ..engine import api as _api
from ..engine import creation
from ..engine.device import factory_dtype
from ..engine.function import Function, Local
from ..engine.functional_array import _is_array, _tensor, sum_to
from ..engine.ops.double import _GradNode
from ..engine.tensor import Tensor
from . import functional as _functional
from . import init
from .layers import _DropoutNd, _float_unary, _scalar_type, _tensor_arg
from .modules import Module, _check_param_shape
from .parameter import Parameter

__all__ = [
    "GLU",
    "AlphaDropout",
    "Bilinear",
    "FeatureAlphaDropout",
    "Hardsigmoid",
    "Hardswish",
    "PReLU",
    "RReLU",
    "Softmax2d",
    "Tanhshrink",
    "Threshold",
    "alpha_dropout",
    "bilinear",
    "feature_alpha_dropout",
    "glu",
    "gumbel_softmax",
    "hardsigmoid",
    "hardswish",
    "prelu",
    "rrelu",
    "rrelu_",
    "tanhshrink",
    "threshold",
]


def _raw(x):
    return x if _is_array(x) else x._data


def _const(arr, like):
    return arr if _is_array(like) else _tensor(np.asarray(arr))


# ---------------------------------------------------------------------- nodes


class PreluKernelBackward0(Function):
    op, symbol = "prelu", "prelu"
    formula = "∂prelu(a, w)/∂a = 1 for a > 0, w otherwise;  ∂/∂w = a for a ≤ 0, 0 otherwise"
    local = (
        Local(
            ("1 if {0} > 0 else {1}", "{0} > 0 时为 1，否则为 {1}"),
            lambda x, o, k: np.where(np.asarray(x[0]) > 0, 1.0, np.asarray(x[1], float)),
        ),
        Local(
            ("0 if {0} > 0 else {0}", "{0} > 0 时为 0，否则为 {0}"),
            lambda x, o, k: np.where(np.asarray(x[0]) > 0, 0.0, np.asarray(x[0], float)),
        ),
    )

    @staticmethod
    def forward(ctx, a, w):
        ctx.save_for_backward(a, w)
        return np.where(a > 0, a, w * a).astype(a.dtype, copy=False)

    @staticmethod
    def backward(ctx, g):
        a, w = ctx.saved_tensors
        pos = (_raw(a) > 0).astype(_raw(a).dtype)
        neg = 1 - pos
        n = ctx.needs_input_grad
        ga = g * _const(pos, g) + g * w * _const(neg, g) if n[0] else None
        gw = sum_to(g * a * _const(neg, g), tuple(w.shape)) if n[1] else None
        return ga, gw


def _sigmoid(x):
    if _is_array(x):
        with np.errstate(over="ignore"):
            return (1.0 / (1.0 + np.exp(-x))).astype(x.dtype, copy=False)
    return x.sigmoid()


def _halves(x, dim):
    n = x.shape[dim] // 2
    if _is_array(x):
        return np.split(x, 2, axis=dim)
    return x.narrow(dim, 0, n), x.narrow(dim, n, n)


class GluBackward0(Function):
    op, symbol = "glu", "glu"
    formula = "glu(a) = a₁ ⊙ σ(a₂) (the two halves along dim)"
    local = (
        Local(
            (
                "[G ⊙ σ(a₂), G ⊙ a₁ ⊙ σ(a₂)(1 − σ(a₂))] for the two halves",
                "两半分别为 G ⊙ σ(a₂) 与 G ⊙ a₁ ⊙ σ(a₂)(1 − σ(a₂))",
            ),
            rule=True,
        ),
    )

    @staticmethod
    def forward(ctx, a, dim=-1):
        ctx.dim = dim
        ctx.save_for_backward(a)
        first, second = np.split(a, 2, axis=dim)
        return first * _sigmoid(second)

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        first, second = _halves(a, ctx.dim)
        s = _sigmoid(second)
        ga, gb = g * s, g * first * s * (1 - s)
        if _is_array(g):
            return (np.concatenate([ga, gb], axis=ctx.dim),)
        return (_api.cat([ga, gb], ctx.dim),)


class ThresholdBackward0(Function):
    op, symbol = "threshold", "threshold"
    formula = "∂threshold(a)/∂a = 1 for a > threshold, else 0"
    local = (
        Local(
            ("1 if {0} > threshold else 0", "{0} > threshold 时为 1，否则为 0"),
            lambda x, o, k: (np.asarray(x[0]) > k.get("threshold", 0)).astype(float),
        ),
    )

    @staticmethod
    def forward(ctx, a, threshold=0.0, value=0.0):
        ctx.mask = a > threshold
        out = np.where(ctx.mask, a, value).astype(a.dtype, copy=False)
        return out

    @staticmethod
    def backward(ctx, g):
        return (g * _const(ctx.mask.astype(g.dtype if _is_array(g) else g._data.dtype), g),)


class ThresholdBackward1(ThresholdBackward0):
    """``threshold_`` (in place): the same gradient (where the input was above the
    threshold), under PyTorch's in-place node name."""


class HardswishBackward0(Function):
    op, symbol = "hardswish", "hardswish"
    formula = "∂hardswish(a)/∂a = 0 for a ≤ −3, a/3 + 1/2 for −3 < a < 3, 1 for a ≥ 3"
    local = (
        Local(
            (
                "0 if {0} ≤ −3, {0}/3 + 1/2 if {0} < 3, else 1",
                "{0} ≤ −3 时为 0，{0} < 3 时为 {0}/3 + 1/2，否则为 1",
            ),
            lambda x, o, k: np.where(
                np.asarray(x[0]) <= -3,
                0.0,
                np.where(np.asarray(x[0]) < 3, np.asarray(x[0], float) / 3 + 0.5, 1.0),
            ),
        ),
    )

    @staticmethod
    def forward(ctx, a):
        ctx.save_for_backward(a)
        t = a.dtype.type
        return a * np.minimum(np.maximum(a + t(3), t(0)), t(6)) / t(6)

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        raw = _raw(a)
        mid = ((raw > -3) & (raw < 3)).astype(raw.dtype)
        up = (raw >= 3).astype(raw.dtype)
        return (g * (a * (1.0 / 3) + 0.5) * _const(mid, g) + g * _const(up, g),)

    @staticmethod
    def _graph_backward(ctx, g):
        (a,) = ctx.saved_tensors
        return (HardswishBackwardBackward0.apply(g, a),)


class HardswishBackwardBackward0(_GradNode):
    """``hardswish_backward(g, x)``: ``g·(x/3 + ½)`` for −3 < x < 3, ``g`` above, 0 below."""

    op, symbol = "hardswish_backward", "hardswish'"
    formula = "∂(g·hardswish'(x))/∂g = hardswish'(x),  ∂/∂x = g/3 for −3 < x < 3"
    local = (
        Local(
            (
                "{1}/3 + ½ for -3 < {1} < 3, 1 above, 0 below",
                "-3 < {1} < 3 时为 {1}/3 + ½，以上为 1，以下为 0",
            ),
            rule=True,
        ),
        Local(("{0}/3 for -3 < {1} < 3, else 0", "-3 < {1} < 3 时为 {0}/3，否则为 0"), rule=True),
    )

    @classmethod
    def first(cls, g, x):
        x = np.asarray(x)
        mid = ((x > -3) & (x < 3)).astype(x.dtype)
        up = (x >= 3).astype(x.dtype)
        return g * (x * (1.0 / 3) + 0.5) * mid + g * up

    @classmethod
    def second(cls, gg, g, x):
        # self: where(-3 < self < 3, grad * grad_output / 3, 0)
        raw = np.asarray(getattr(x, "_data", x))
        mid = ((raw > -3) & (raw < 3)).astype(raw.dtype)
        d_x = gg * g / 3.0
        d_x = d_x * mid if _is_array(d_x) else d_x * _tensor(mid)
        return cls.grad(gg, x), d_x


class HardsigmoidBackward0(Function):
    op, symbol = "hardsigmoid", "hardsigmoid"
    formula = "∂hardsigmoid(a)/∂a = 1/6 for −3 < a < 3, else 0"
    local = (
        Local(
            ("1/6 if −3 < {0} < 3 else 0", "−3 < {0} < 3 时为 1/6，否则为 0"),
            lambda x, o, k: np.where(np.abs(np.asarray(x[0], float)) < 3, 1 / 6, 0.0),
        ),
    )

    @staticmethod
    def forward(ctx, a):
        ctx.save_for_backward(a)
        ctx.mask = ((a > -3) & (a < 3)).astype(a.dtype) / a.dtype.type(6)
        t = a.dtype.type
        return np.minimum(np.maximum(a + t(3), t(0)), t(6)) / t(6)

    @staticmethod
    def backward(ctx, g):
        if _is_array(g):
            return (g * ctx.mask,)
        # (PyTorch has no derivative of hardsigmoid_backward)
        from .attention import _NotImplemented

        value = g._data * ctx.mask
        return (_NotImplemented.apply(g, *ctx.saved_tensors, value=value, what="hardsigmoid"),)


class RreluWithNoiseBackward0(Function):
    op, symbol = "rrelu_with_noise", "rrelu"
    formula = "∂rrelu(a)/∂a = 1 for a > 0, else the slope a was multiplied by"
    local = (
        Local(
            ("1 where {0} > 0, else {out}/{0}", "{0} > 0 处为 1，其余为 {out}/{0}"),
            lambda x, o, k: np.where(
                np.asarray(x[0]) > 0, 1.0, np.asarray(o) / np.where(np.asarray(x[0]) == 0, 1, x[0])
            ),
        ),
    )

    @staticmethod
    def forward(ctx, a, noise=None, slope=0.0, noise_grad=True):
        """``noise``: the drawn slopes (1 where ``a > 0``) in training, else ``None`` and
        ``a * slope`` where ``a <= 0`` (``leaky_relu``)."""
        ctx.save_for_backward(a)
        ctx.noise, ctx.slope = (noise if noise_grad else None), slope
        if noise is not None:
            return a * noise
        return np.where(a > 0, a, a * a.dtype.type(slope))

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        if ctx.noise is not None:
            factor = ctx.noise
        else:
            ra = _raw(a)
            factor = np.where(ra > 0, 1, ctx.slope).astype(ra.dtype)
        if _is_array(g):
            return (g * factor,)
        return (_api.mul(g, _tensor(factor)),)


class RreluWithNoiseBackward1(RreluWithNoiseBackward0):
    op = "rrelu_with_noise_"


def _einsum(eq, *ops):
    if all(_is_array(o) for o in ops):
        return np.einsum(eq, *ops)
    from ..engine.api_einsum import einsum

    return einsum(eq, *(o if isinstance(o, Tensor) else _tensor(o) for o in ops))


class TrilinearBackward0(Function):
    """``_trilinear`` as ``bilinear`` calls it: ``out[b, o] = Σᵢⱼ x₁[b, i] W[o, i, j] x₂[b, j]``."""

    op, symbol = "bilinear", "bilinear"
    formula = "out[b,o] = Σᵢⱼ x₁[b,i]·W[o,i,j]·x₂[b,j]"
    local = (
        Local(("Σₒⱼ G[b,o]·W[o,i,j]·x₂[b,j]", "Σₒⱼ G[b,o]·W[o,i,j]·x₂[b,j]"), rule=True),
        Local(("Σ_b G[b,o]·x₁[b,i]·x₂[b,j]", "Σ_b G[b,o]·x₁[b,i]·x₂[b,j]"), rule=True),
        Local(("Σₒᵢ G[b,o]·W[o,i,j]·x₁[b,i]", "Σₒᵢ G[b,o]·W[o,i,j]·x₁[b,i]"), rule=True),
    )

    @staticmethod
    def forward(ctx, x1, w, x2):
        ctx.save_for_backward(x1, w, x2)
        out = np.einsum("bi,oij,bj->bo", x1.astype(np.float64), w, x2.astype(np.float64))
        return out.astype(x1.dtype)

    @staticmethod
    def backward(ctx, g):
        x1, w, x2 = ctx.saved_tensors
        n = ctx.needs_input_grad
        g1 = _einsum("bo,oij,bj->bi", g, w, x2) if n[0] else None
        gw = _einsum("bo,bi,bj->oij", g, x1, x2) if n[1] else None
        g2 = _einsum("bo,oij,bi->bj", g, w, x1) if n[2] else None
        return g1, gw, g2


# ---------------------------------------------------------------------- functional


def prelu(input, weight):
    """``at::prelu``: the weight viewed to broadcast over the channels (dim 1), then one
    ``PreluKernelBackward0``."""
    _tensor_arg(input, "prelu")
    _tensor_arg(weight, "prelu", "weight", 2)
    if input._data.dtype != weight._data.dtype:
        raise RuntimeError(
            "prelu: Type promoting not supported. Got "
            f"{_scalar_type(input._data.dtype)} and {_scalar_type(weight._data.dtype)}"
        )
    nd = input.dim()
    if weight.numel() != 1:
        if nd == 0:
            raise RuntimeError("Not allow zero-dim input tensor.")
        channels = input.shape[1] if nd > 1 else 1
        if channels != weight.numel():
            raise RuntimeError(
                "Mismatch of parameter numbers and input channel size. Found parameter "
                f"numbers = {weight.numel()} and channel size = {channels}."
            )
    if weight.dim() not in (0, 1):
        raise RuntimeError(
            f"prelu: Expected `weight` to be a scalar or 1D tensor, but got: ndim = {weight.dim()}"
        )
    w = weight
    if nd >= 2:
        w = weight.view(*([1, weight.numel()] + [1] * (nd - 2)))
    elif weight.dim() == 0:
        w = weight.view(1)
    return PreluKernelBackward0.apply(input, w)


def glu(input, dim=-1):
    """``a₁ ⊙ σ(a₂)`` for the two halves of ``input`` along ``dim``: one ``GluBackward0``."""
    if not isinstance(input, Tensor):
        raise AttributeError(f"'{type(input).__name__}' object has no attribute 'dim'")
    if input.dim() == 0:
        raise RuntimeError("glu does not support scalars because halving size must be even")
    from ..engine.tensor import _wrap_dim

    d = _wrap_dim(dim, input.dim())
    if input.shape[d] % 2:
        raise RuntimeError(
            f"Halving dimension must be even, but dimension {d} is size {input.shape[d]}"
        )
    return GluBackward0.apply(input, dim=d)


def tanhshrink(input):
    """``input - tanh(input)`` (``SubBackward0``, ``TanhBackward0``)."""
    if not isinstance(input, Tensor):
        raise AttributeError(f"'{type(input).__name__}' object has no attribute 'tanh'")
    return _api.sub(input, _api.tanh(input))


def _threshold(input, threshold, value, inplace=False):
    """``input`` where it is above ``threshold``, else ``value``."""
    _tensor_arg(input, "threshold")
    if inplace:
        return _api.inplace(
            input,
            "threshold_",
            lambda t: ThresholdBackward1.apply(t, threshold=threshold, value=value),
        )
    return ThresholdBackward0.apply(input, threshold=threshold, value=value)


threshold = _threshold  # (PyTorch's F.threshold is a function named _threshold)


def threshold_(input, threshold, value):
    return _threshold(input, threshold, value, inplace=True)


def hardswish(input, inplace=False):
    """``x · relu6(x + 3) / 6``: one ``HardswishBackward0``."""
    _float_unary("hardswish", input)
    if inplace:
        return _api.inplace(input, "hardswish_", HardswishBackward0.apply)
    return HardswishBackward0.apply(input)


def hardsigmoid(input, inplace=False):
    """``relu6(x + 3) / 6``: one ``HardsigmoidBackward0``."""
    _float_unary("hardsigmoid", input)
    if inplace:
        return _api.inplace(input, "hardsigmoid_", HardsigmoidBackward0.apply)
    return HardsigmoidBackward0.apply(input)


_SELU_ALPHA_PRIME = 1.7580993408473766  # (SELU's scale · alpha)


def alpha_dropout(input, p=0.5, training=False, inplace=False):
    """ATen's alpha dropout: ``x · a·mask + b`` with ``a = 1/√((α²p + 1)(1 − p))`` and
    ``b = (mask − 1)·α·a + α·a·p`` (``MulBackward0``, then ``AddBackward0``), keeping
    SELU's mean and variance; the input itself when not training or ``p == 0``."""
    return _alpha_dropout(input, p, training, inplace, "alpha_dropout", False)


def feature_alpha_dropout(input, p=0.5, training=False, inplace=False):
    """Alpha dropout with one mask value per (batch, channel) (ATen's feature noise of
    shape ``(N, C, 1, ...)``)."""
    return _alpha_dropout(input, p, training, inplace, "feature_alpha_dropout", True)


def _alpha_dropout(input, p, training, inplace, name, feature):
    if p < 0.0 or p > 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
    _tensor_arg(input, name)
    if p == 0 or not training or input.numel() == 0:
        return input
    arr = input._data
    if p == 1:
        zero = Tensor._make(np.zeros((), dtype=arr.dtype))
        return input.mul_(zero) if inplace else _api.mul(input, zero)
    shape = arr.shape
    if feature:
        if arr.ndim < 2:
            raise RuntimeError("Feature dropout requires at least 2 dimensions in the input")
        shape = shape[:2] + (1,) * (arr.ndim - 2)
    keep = (creation._rng[0].random(shape) < 1 - p).astype(arr.dtype)  # bernoulli_(1 - p)
    alpha = _SELU_ALPHA_PRIME
    a = 1.0 / math.sqrt((alpha * alpha * p + 1) * (1 - p))
    b = (keep - 1) * arr.dtype.type(alpha * a) + arr.dtype.type(alpha * a * p)
    noise = Tensor._make(keep * arr.dtype.type(a))
    out = input.mul_(noise) if inplace else _api.mul(input, noise)
    return out.add_(Tensor._make(b.astype(arr.dtype, copy=False)))


def rrelu(input, lower=1.0 / 8, upper=1.0 / 3, training=False, inplace=False):
    """Randomized leaky ReLU: in training each value ``<= 0`` is multiplied by a slope
    drawn from ``U(lower, upper)`` (PyTorch's draws: one double uniform per such value, in
    order, as ``rrelu_with_noise``), else by ``(lower + upper) / 2``."""
    _tensor_arg(input, "rrelu")
    arr = input._data
    if arr.dtype not in (np.float32, np.float64):
        raise NotImplementedError(
            f"\"rrelu_with_noise_out_cpu\" not implemented for '{_scalar_type(arr.dtype)}'"
        )
    if lower > upper:
        raise RuntimeError("Lower bound should be less than or equal to the upper bound")
    kw = {"slope": (float(lower) + float(upper)) / 2}
    if training:
        flat = np.ascontiguousarray(arr).reshape(-1)
        neg = flat <= 0
        noise = np.ones(flat.shape, arr.dtype)
        # uniform_real_distribution<double>(lower, upper) with the bounds as opmath_t, in
        # ATen's generic code (no fused multiply-add there)
        lo, hi = float(arr.dtype.type(lower)), float(arr.dtype.type(upper))
        draws = creation._rng[0].unit(int(neg.sum()), np.dtype(np.float64)) * (hi - lo) + lo
        noise[neg] = draws.astype(arr.dtype)
        kw["noise"] = noise.reshape(arr.shape)
        # PyTorch's backward takes leaky_relu's when the bounds (nearly) meet
        kw["noise_grad"] = upper - lower > 1e-6
    if inplace:
        return _api.inplace(input, "rrelu_", lambda t: RreluWithNoiseBackward1.apply(t, **kw))
    return RreluWithNoiseBackward0.apply(input, **kw)


def rrelu_(input, lower=1.0 / 8, upper=1.0 / 3, training=False):
    return rrelu(input, lower, upper, training, inplace=True)


def bilinear(input1, input2, weight, bias=None):
    """``x₁ᵀ W x₂ + b`` as ``at::bilinear``: both inputs flattened to rows (views), one
    ``TrilinearBackward0``, viewed back, ``+ bias``."""
    _tensor_arg(input1, "bilinear", "input1", 1)
    _tensor_arg(input2, "bilinear", "input2", 2)
    _tensor_arg(weight, "bilinear", "weight", 3)
    if input1.dim() != input2.dim():
        raise RuntimeError(
            f"bilinear(): input dimensions do not match: got {input1.dim()} and {input2.dim()}"
        )
    for i in range(input1.dim() - 1):
        if input1.shape[i] != input2.shape[i]:
            raise RuntimeError(
                f"bilinear(): input batch dimensions do not match at dim {i}: got "
                f"{input1.shape[i]} and {input2.shape[i]}"
            )
    if input1.shape[-1] != weight.shape[1]:
        raise RuntimeError(
            "bilinear(): input1 size does not match weight size: got "
            f"{input1.shape[-1]} but expected {weight.shape[1]}"
        )
    if input2.shape[-1] != weight.shape[2]:
        raise RuntimeError(
            "bilinear(): input2 size does not match weight size: got "
            f"{input2.shape[-1]} but expected {weight.shape[2]}"
        )
    if bias is not None and bias.shape[0] != weight.shape[0]:
        raise RuntimeError(
            "bilinear(): bias size does not match weight size: got "
            f"{bias.shape[0]} but expected {weight.shape[0]}"
        )
    out_shape = (*input1.shape[:-1], weight.shape[0])
    x1 = input1.reshape(-1, input1.shape[-1])
    x2 = input2.reshape(-1, input2.shape[-1])
    out = TrilinearBackward0.apply(x1, weight, x2).reshape(*out_shape)
    if bias is not None:
        out = _api.add(out, bias)
    return out


def gumbel_softmax(logits, tau=1, hard=False, eps=1e-10, dim=-1):
    """PyTorch's Python composite: softmax((logits + Gumbel noise) / tau); ``hard=True``
    gives the one-hot of the maximum, with the soft sample's gradient
    (``y_hard - y_soft.detach() + y_soft``)."""
    if eps != 1e-10:
        warnings.warn("`eps` parameter is deprecated and has no effect.", stacklevel=2)
    gumbels = _api.neg(creation.empty_like(logits).exponential_().log())
    gumbels = _api.div(_api.add(logits, gumbels), tau)
    y_soft = gumbels.softmax(dim)
    if not hard:
        return y_soft
    index = y_soft.max(dim, keepdim=True)[1]
    y_hard = creation.zeros_like(logits).scatter_(dim, index, 1.0)
    return _api.add(_api.sub(y_hard, y_soft.detach()), y_soft)


# ---------------------------------------------------------------------- modules


class PReLU(Module):
    def __init__(self, num_parameters=1, init=0.25, device=None, dtype=None):
        super().__init__()
        self.num_parameters = num_parameters
        self.init = init
        _check_param_shape((num_parameters,))
        npd = factory_dtype(dtype, device)
        self.weight = Parameter(Tensor._make(np.full(num_parameters, init, dtype=npd)))

    def reset_parameters(self):
        self.weight._data[...] = self.init

    def forward(self, input):
        return prelu(input, self.weight)

    def extra_repr(self) -> str:
        return f"num_parameters={self.num_parameters}"


class GLU(Module):
    def __init__(self, dim=-1):
        super().__init__()
        self.dim = dim

    def forward(self, input):
        return glu(input, self.dim)

    def extra_repr(self) -> str:
        return f"dim={self.dim}"


class Tanhshrink(Module):
    def forward(self, input):
        return tanhshrink(input)


class Threshold(Module):
    def __init__(self, threshold, value, inplace=False):
        super().__init__()
        self.threshold, self.value, self.inplace = threshold, value, inplace

    def forward(self, input):
        return _threshold(input, self.threshold, self.value, self.inplace)

    def extra_repr(self) -> str:
        s = f"threshold={self.threshold}, value={self.value}"
        return s + (", inplace=True" if self.inplace else "")


class Hardswish(Module):
    def __init__(self, inplace=False):
        super().__init__()
        self.inplace = inplace

    def forward(self, input):
        return hardswish(input, self.inplace)


class Hardsigmoid(Module):
    def __init__(self, inplace=False):
        super().__init__()
        self.inplace = inplace

    def forward(self, input):
        return hardsigmoid(input, self.inplace)


class RReLU(Module):
    def __init__(self, lower=1.0 / 8, upper=1.0 / 3, inplace=False):
        super().__init__()
        self.lower, self.upper, self.inplace = lower, upper, inplace

    def forward(self, input):
        return rrelu(input, self.lower, self.upper, self.training, self.inplace)

    def extra_repr(self) -> str:
        inplace_str = ", inplace=True" if self.inplace else ""
        return f"lower={self.lower}, upper={self.upper}{inplace_str}"


class Softmax2d(Module):
    def forward(self, input):
        if input.dim() not in (3, 4):
            raise ValueError(
                f"Softmax2d: expected input to be 3D or 4D, got {input.dim()}D instead"
            )
        return _functional.softmax(input, -3, _stacklevel=5)


class AlphaDropout(_DropoutNd):
    def forward(self, input):
        return alpha_dropout(input, self.p, self.training)


class FeatureAlphaDropout(_DropoutNd):
    def forward(self, input):
        return feature_alpha_dropout(input, self.p, self.training)


class Bilinear(Module):
    def __init__(
        self, in1_features, in2_features, out_features, bias=True, device=None, dtype=None
    ):
        super().__init__()
        self.in1_features = in1_features
        self.in2_features = in2_features
        self.out_features = out_features
        _check_param_shape((out_features, in1_features, in2_features))
        npd = factory_dtype(dtype, device)
        shape = (out_features, in1_features, in2_features)
        self.weight = Parameter(Tensor._make(np.empty(shape, dtype=npd)))
        if bias:
            self.bias = Parameter(Tensor._make(np.empty(out_features, dtype=npd)))
        else:
            self.register_parameter("bias", None)
        self.reset_parameters()

    def reset_parameters(self):
        bound = 1 / math.sqrt(self.weight.size(1))
        init.uniform_(self.weight, -bound, bound)
        if self.bias is not None:
            init.uniform_(self.bias, -bound, bound)

    def forward(self, input1, input2):
        return bilinear(input1, input2, self.weight, self.bias)

    def extra_repr(self) -> str:
        return (
            f"in1_features={self.in1_features}, in2_features={self.in2_features}, "
            f"out_features={self.out_features}, bias={self.bias is not None}"
        )


_functional.threshold = _threshold
for _fn in (
    prelu,
    glu,
    tanhshrink,
    threshold_,
    hardswish,
    hardsigmoid,
    alpha_dropout,
    feature_alpha_dropout,
    bilinear,
    gumbel_softmax,
    rrelu,
    rrelu_,
):
    if not hasattr(_functional, _fn.__name__):
        setattr(_functional, _fn.__name__, _fn)
del _fn
