"""More normalisation layers, as PyTorch 2.13 builds them on the CPU:

* ``F.group_norm`` / ``nn.GroupNorm``: one ``NativeGroupNormBackward0`` (slots input,
  weight, bias);
* ``F.instance_norm`` / ``nn.InstanceNorm1d/2d/3d``: PyTorch's ``at::instance_norm``: the
  input viewed as one batch of N·C channels (``ViewBackward0``), the weight and bias
  repeated N times (``RepeatBackward0``), ``batch_norm`` (``NativeBatchNormBackward0``),
  viewed back; running statistics averaged over the batch;
* ``F.local_response_norm`` / ``nn.LocalResponseNorm``: PyTorch's Python composite (x²,
  padded, averaged across channels by ``avg_pool2d`` / ``avg_pool3d``, then
  ``x / (k + α·avg)^β``);
* ``F.rms_norm`` / ``nn.RMSNorm``: ATen's composite ``x * rsqrt(mean(x²) + eps)`` (times the
  weight), eps by default the dtype's machine epsilon.
"""

from __future__ import annotations

import math
import numbers
import warnings

import numpy as np

from ..engine import api as _api
from ..engine.argtypes_shape import tp_name
from ..engine.device import factory_dtype
from ..engine.function import Function, Local
from ..engine.functional_array import _is_array
from ..engine.ops.arithmetic import AddBackward1
from ..engine.ops.extra import _mean_keep, _sum_keep
from ..engine.tensor import Size, Tensor
from . import functional as _functional
from .layers import _BatchNorm, _scalar_type, _tensor_arg, batch_norm
from .modules import Module, _check_param_shape
from .parameter import Parameter

__all__ = [
    "GroupNorm",
    "InstanceNorm1d",
    "InstanceNorm2d",
    "InstanceNorm3d",
    "LocalResponseNorm",
    "RMSNorm",
    "group_norm",
    "instance_norm",
    "local_response_norm",
    "rms_norm",
]


def _f64(t):
    return t.astype(np.float64) if _is_array(t) else t.double()


def _as(t, like):
    if _is_array(t):
        return t.astype(like.dtype, copy=False)
    return t if t.dtype == like.dtype else t.to(like.dtype)


def _gn_grads(ctx, g, x, w):
    """group_norm's gradients (input, weight, bias), written with operators and helpers
    that run on arrays and, under ``create_graph=True``, on Tensors (the statistics are
    recomputed from the input, so second derivatives go through them)."""
    n, c = x.shape[0], x.shape[1]
    groups, eps = ctx.groups, ctx.eps
    cshape = (1, c) + (1,) * (len(x.shape) - 2)
    other = (0, *range(2, len(x.shape)))
    x64, g64 = _f64(x), _f64(g)
    xg = x64.reshape(n, groups, _per_group(x, groups))
    xc = xg - _mean_keep(xg, (2,))
    rstd = (_mean_keep(xc * xc, (2,)) + eps) ** -0.5
    xhat = xc * rstd
    need = ctx.needs_input_grad
    gx = gw = gb = None
    if need[0]:
        gy = g64 if w is None else g64 * _f64(w).reshape(cshape)
        gyg = gy.reshape(n, groups, _per_group(x, groups))
        gx = (gyg - _mean_keep(gyg, (2,)) - xhat * _mean_keep(gyg * xhat, (2,))) * rstd
        gx = _as(gx.reshape(tuple(x.shape)), x)
    if need[1]:
        gw = _as(_sum_keep(g64 * xhat.reshape(tuple(x.shape)), other).reshape(c), x)
    if need[2]:
        gb = _as(_sum_keep(g64, other).reshape(c), x)
    return gx, gw, gb


class NativeGroupNormBackward0(Function):
    op, symbol = "group_norm", "group_norm"
    formula = "x̂ = (x − mean_group)/σ_group; out = x̂·w + b"
    local = (
        Local(
            (
                "(1/σ)·(G·w − mean(G·w) − x̂·mean(G·w·x̂)) over each group",
                "(1/σ)·(G·w − mean(G·w) − x̂·mean(G·w·x̂))，在每组内",
            ),
            rule=True,
        ),
        Local(("Σ G·x̂ over the batch and positions", "Σ G·x̂（在批和位置上求和）"), rule=True),
        Local(("Σ G over the batch and positions", "Σ G（在批和位置上求和）"), rule=True),
    )

    @staticmethod
    def forward(ctx, x, w, b, groups=1, eps=1e-5):
        """PyTorch's CPU kernel: the group's mean and 1/σ, then per channel
        ``y = x·scale + bias`` with ``scale = γ/σ``, ``bias = β − scale·mean`` (in the
        input's precision, so a float32 result rounds as PyTorch's)."""
        ctx.groups, ctx.eps = groups, eps
        n, c = x.shape[0], x.shape[1]
        dt = x.dtype
        xg = x.astype(np.float64).reshape(n, groups, _per_group(x, groups))
        mean64 = xg.mean(axis=2)
        rstd64 = 1.0 / np.sqrt(np.maximum(xg.var(axis=2), 0.0) + eps)
        ctx.mean, ctx.rstd = mean64.astype(dt), rstd64.astype(dt)
        ctx.save_for_backward(x, w)
        per = c // groups
        mean_c = np.repeat(ctx.mean, per, axis=1)  # (n, c)
        scale = np.repeat(ctx.rstd, per, axis=1)
        if w is not None:
            scale = scale * w
        bias = -scale * mean_c
        if b is not None:
            bias = bias + b
        shape = (n, c) + (1,) * (x.ndim - 2)
        return x * scale.reshape(shape) + bias.reshape(shape)

    @staticmethod
    def backward(ctx, g):
        x, w = ctx.saved_tensors
        if _is_array(g):
            return _gn_arrays(ctx, g, x, w)
        return _gn_grads(ctx, g, x, w)


def _gn_arrays(ctx, g, x, w):
    """PyTorch's CPU backward (GroupNormKernel.cpp) in the input's precision: per
    channel ds = Σ G·x, db = Σ G; per group c2 = (db·mean − ds)·σ⁻³/(D·HW),
    c3 = −c2·mean − db·σ⁻¹/(D·HW); ∂x = σ⁻¹·γ·G + c2·x + c3;
    ∂γ = Σₙ (ds − db·mean)·σ⁻¹, ∂β = Σₙ db."""
    n, c = x.shape[0], x.shape[1]
    groups, dt = ctx.groups, x.dtype
    per = c // groups
    spatial = tuple(range(2, x.ndim))
    g64, x64 = g.astype(np.float64), x.astype(np.float64)
    ds = (g64 * x64).sum(axis=spatial).astype(dt) if spatial else (g * x)
    db = g64.sum(axis=spatial).astype(dt) if spatial else g
    mean, rstd = ctx.mean, ctx.rstd  # (n, groups)
    need = ctx.needs_input_grad
    gx = gw = gb = None
    if need[0]:
        gamma = np.ones(c, dt) if w is None else w
        s = dt.type(1.0 / (per * int(np.prod(x.shape[2:], dtype=np.int64))))
        ds_g = (ds.astype(np.float64) * gamma).reshape(n, groups, per).sum(axis=2).astype(dt)
        db_g = (db.astype(np.float64) * gamma).reshape(n, groups, per).sum(axis=2).astype(dt)
        c2 = (db_g * mean - ds_g) * rstd * rstd * rstd * s
        c3 = -c2 * mean - db_g * rstd * s
        c1 = np.repeat(rstd, per, axis=1) * gamma
        shape = (n, c) + (1,) * (x.ndim - 2)
        rep = lambda a: np.repeat(a, per, axis=1).reshape(shape)  # noqa: E731
        gx = c1.reshape(shape) * g + rep(c2) * x + rep(c3)
    if need[1]:
        m = np.repeat(mean, per, axis=1)
        r = np.repeat(rstd, per, axis=1)
        gw = ((ds - db * m) * r).astype(np.float64).sum(axis=0).astype(dt)
    if need[2]:
        gb = db.astype(np.float64).sum(axis=0).astype(dt)
    return gx, gw, gb


def _shape_list(t):
    return "[" + ", ".join(str(d) for d in t.shape) + "]"


def _per_group(x, groups):
    """The size of one group of one sample (an empty batch too)."""
    return (x.shape[1] // groups) * math.prod(x.shape[2:])


def group_norm(input, num_groups, weight=None, bias=None, eps=1e-05):
    """Normalise each group of ``C / num_groups`` channels of each sample: one
    ``NativeGroupNormBackward0``."""
    if not isinstance(input, Tensor):  # (PyTorch's Python reads input.dim() first)
        raise AttributeError(f"'{tp_name(input)}' object has no attribute 'dim'")
    if input.dim() < 2:
        raise RuntimeError(
            f"Expected at least 2 dimensions for input tensor but received {input.dim()}"
        )
    shape = tuple(input.shape)
    n, c = shape[0], shape[1]
    size_prods = n * c // num_groups  # (ZeroDivisionError for 0 groups, as PyTorch's)
    for d in shape[2:]:
        size_prods *= d
    if size_prods == 1:
        raise ValueError(
            "Expected more than 1 value per channel when training, got input size "
            f"{[n * c // num_groups, num_groups, *shape[2:]]}"
        )
    if c % num_groups:
        raise RuntimeError(
            "Expected number of channels in input to be divisible by num_groups, but got "
            f"input of shape {_shape_list(input)} and num_groups={num_groups}"
        )
    if weight is not None and (weight.dim() != 1 or weight.numel() != c):
        raise RuntimeError(
            "Expected weight to be a vector of size equal to the number of channels in "
            f"input, but got weight of shape {_shape_list(weight)} and input of shape "
            f"{_shape_list(input)}"
        )
    if bias is not None and (bias.dim() != 1 or bias.numel() != c):
        # (PyTorch's message prints the weight's shape, [0] when there is none)
        shown = "[0]" if weight is None else _shape_list(weight)
        raise RuntimeError(
            "Expected bias to be a vector of size equal to the number of channels in "
            f"input, but got bias of shape {shown} and input of shape {_shape_list(input)}"
        )
    dt = input._data.dtype
    for p in (weight, bias):
        if (
            p is not None
            and p._data.dtype != dt
            and not (dt == np.float16 and p._data.dtype == np.float32)
        ):
            raise RuntimeError("mixed dtype (CPU): all inputs must share same datatype.")
    if dt.kind != "f":
        raise NotImplementedError(
            f"\"GroupNormKernelImpl\" not implemented for '{_scalar_type(dt)}'"
        )
    return NativeGroupNormBackward0.apply(input, weight, bias, groups=num_groups, eps=eps)


def instance_norm(
    input,
    running_mean=None,
    running_var=None,
    weight=None,
    bias=None,
    use_input_stats=True,
    momentum=0.1,
    eps=1e-05,
):
    """``at::instance_norm``: batch_norm of the input viewed as one sample of N·C channels."""
    _tensor_arg(input, "instance_norm")
    shape = tuple(input.shape)
    if use_input_stats:
        prods = 1
        for d in shape[2:]:
            prods *= d
        if prods == 1:
            raise ValueError(
                f"Expected more than 1 spatial element when training, got input size {Size(shape)}"
            )
    b, c = shape[0], shape[1]
    x = input.contiguous().view(1, b * c, *shape[2:])

    def rep(t):
        return None if t is None else t.repeat(b)

    for name, t in (("running_mean", running_mean), ("running_var", running_var)):
        if t is not None and t.numel() * b != b * c:
            raise RuntimeError(f"{name} should contain {b * c} elements not {t.numel() * b}")
    rm = None if running_mean is None else Tensor._make(np.tile(running_mean._data, b))
    rv = None if running_var is None else Tensor._make(np.tile(running_var._data, b))
    out = batch_norm(x, rm, rv, rep(weight), rep(bias), use_input_stats, momentum, eps)
    for mine, theirs in ((running_mean, rm), (running_var, rv)):
        if mine is not None:
            mine._data[...] = theirs._data.reshape(b, c).mean(axis=0).astype(mine._data.dtype)
            mine._vbox[0] += 1
    return out.view(tuple(shape))


class AvgPool3DBackward0(Function):
    """``avg_pool3d`` with kernel (size, 1, 1) and stride 1, as local_response_norm uses
    it: the mean of ``size`` neighbouring channels (the input is padded beforehand)."""

    op, symbol = "avg_pool3d", "avg_pool3d"
    formula = "out[d] = mean(a[d : d + size])"
    local = (
        Local(
            ("G[d] / size spread over a[d : d + size]", "G[d] / size 分给 a[d : d + size]"),
            rule=True,
        ),
    )

    @staticmethod
    def forward(ctx, a, size=1):
        ctx.size, ctx.in_shape = size, a.shape
        depth = a.shape[2] - size + 1
        total = a[:, :, 0:depth].copy()
        for j in range(1, size):
            total += a[:, :, j : j + depth]
        return total / a.dtype.type(size)

    @staticmethod
    def backward(ctx, g):
        if not _is_array(g):
            raise NotImplementedError(
                "autograd_viz: the double backward of avg_pool3d is not implemented"
            )
        size = ctx.size
        out = np.zeros(ctx.in_shape, dtype=g.dtype)
        depth = g.shape[2]
        part = g / g.dtype.type(size)
        for j in range(size):
            out[:, :, j : j + depth] += part
        return (out,)


def local_response_norm(input, size, alpha=1e-4, beta=0.75, k=1.0):
    """PyTorch's composite: ``input / (k + alpha · mean of x² over size channels) ** beta``."""
    from .conv import avg_pool2d, pad

    _tensor_arg(input, "local_response_norm")
    dim = input.dim()
    if dim < 3:
        raise ValueError(
            "Expected 3D or higher dimensionality                          input (got "
            f"{dim} dimensions)"
        )
    if input.numel() == 0:
        return input
    div = input.mul(input)
    if dim == 3:
        div = div.unsqueeze(1)
        div = pad(div, (0, 0, size // 2, (size - 1) // 2))
        div = avg_pool2d(div, (size, 1), stride=1).squeeze(1)
    else:
        sizes = input.size()
        div = div.view(sizes[0], 1, sizes[1], sizes[2], -1)
        div = pad(div, (0, 0, 0, 0, size // 2, (size - 1) // 2))
        div = AvgPool3DBackward0.apply(div, size=size).squeeze(1)
        div = div.view(sizes)
    div = div.mul(alpha).add(k).pow(beta)
    return input / div


_EPS = {"float32": float(np.finfo(np.float32).eps), "float64": float(np.finfo(np.float64).eps)}


def rms_norm(input, normalized_shape, weight=None, eps=None):
    """ATen's ``rms_norm``: ``x * rsqrt(mean(x², last dims) + eps)`` (``PowBackward0``,
    ``MeanBackward1``, ``AddBackward1``, ``RsqrtBackward0``, ``MulBackward0``), times the
    weight (``MulBackward0``)."""
    _tensor_arg(input, "rms_norm")
    if isinstance(normalized_shape, numbers.Integral) or not isinstance(
        normalized_shape, tuple | list | Size
    ):
        raise TypeError(
            "rms_norm(): argument 'normalized_shape' (position 2) must be tuple of ints, not "
            f"{type(normalized_shape).__name__}"
        )
    normalized_shape = tuple(int(d) for d in normalized_shape)
    nd = len(normalized_shape)
    shape = tuple(input.shape)
    if weight is not None and tuple(weight.shape) != normalized_shape:
        raise RuntimeError(
            "Expected weight to be of same shape as normalized_shape, but got weight of "
            f"shape {_shape_list(weight)} and normalized_shape = {list(normalized_shape)}"
        )
    if nd == 0 or len(shape) < nd or shape[len(shape) - nd :] != normalized_shape:
        raise RuntimeError(
            f"Given normalized_shape={list(normalized_shape)}, expected input with shape "
            f"[*{', '.join(str(d) for d in normalized_shape)}], but got input of size"
            f"{_shape_list(input)}"
        )
    dtype = input._data.dtype
    if dtype.kind != "f":
        raise NotImplementedError(f"\"rms_norm\" not implemented for '{_scalar_type(dtype)}'")
    if eps is None:
        eps = _EPS.get(dtype.name, float(np.finfo(dtype).eps))
    dims = tuple(input.dim() - i - 1 for i in range(nd))
    ms = _api.pow(input, 2).mean(dims, keepdim=True)
    out = _api.mul(input, AddBackward1.apply(ms, other=eps).rsqrt())
    if weight is not None:
        out = _api.mul(out, weight)
    return out


# ---------------------------------------------------------------------- modules


class GroupNorm(Module):
    def __init__(
        self, num_groups, num_channels, eps=1e-5, affine=True, device=None, dtype=None, *, bias=True
    ):
        super().__init__()
        if num_channels % num_groups != 0:
            raise ValueError(
                f"num_channels ({num_channels}) must be divisible by num_groups ({num_groups})"
            )
        self.num_groups = num_groups
        self.num_channels = num_channels
        self.eps = eps
        self.affine = affine
        npd = factory_dtype(dtype, device)
        _check_param_shape((num_channels,))
        if affine:
            self.weight = Parameter(Tensor._make(np.ones(num_channels, dtype=npd)))
            if bias:
                self.bias = Parameter(Tensor._make(np.zeros(num_channels, dtype=npd)))
            else:
                self.register_parameter("bias", None)
        else:
            self.register_parameter("weight", None)
            self.register_parameter("bias", None)

    def reset_parameters(self):
        if self.affine:
            self.weight._data[...] = 1
            if self.bias is not None:
                self.bias._data[...] = 0

    def forward(self, input):
        return group_norm(input, self.num_groups, self.weight, self.bias, self.eps)

    def extra_repr(self) -> str:
        return (
            f"{self.num_groups}, {self.num_channels}, eps={self.eps}, affine={self.affine}, "
            f"bias={self.bias is not None}"
        )


class _InstanceNorm(_BatchNorm):
    _version = 1  # (PyTorch's _InstanceNorm)
    _no_batch_dim = 2

    def __init__(
        self,
        num_features,
        eps=1e-5,
        momentum=0.1,
        affine=False,
        track_running_stats=False,
        device=None,
        dtype=None,
        *,
        bias=True,
    ):
        super().__init__(
            num_features, eps, momentum, affine, track_running_stats, device, dtype, bias=bias
        )

    def _apply_instance_norm(self, input):
        return instance_norm(
            input,
            self.running_mean,
            self.running_var,
            self.weight,
            self.bias,
            self.training or not self.track_running_stats,
            self.momentum if self.momentum is not None else 0.0,
            self.eps,
        )

    def forward(self, input):
        self._check_input_dim(input)
        feature_dim = input.dim() - self._no_batch_dim
        if input.size(feature_dim) != self.num_features:
            if self.affine:
                raise ValueError(
                    f"expected input's size at dim={feature_dim} to match num_features"
                    f" ({self.num_features}), but got: {input.size(feature_dim)}."
                )
            warnings.warn(
                f"input's size at dim={feature_dim} does not match num_features. "
                "You can silence this warning by not passing in num_features, "
                "which is not used because affine=False",
                stacklevel=2,
            )
        if input.dim() == self._no_batch_dim:
            return self._apply_instance_norm(input.unsqueeze(0)).squeeze(0)
        return self._apply_instance_norm(input)


class InstanceNorm1d(_InstanceNorm):
    _expected_dims = (2, 3)
    _no_batch_dim = 2


class InstanceNorm2d(_InstanceNorm):
    _expected_dims = (3, 4)
    _no_batch_dim = 3


class InstanceNorm3d(_InstanceNorm):
    _expected_dims = (4, 5)
    _no_batch_dim = 4


class LocalResponseNorm(Module):
    def __init__(self, size, alpha=1e-4, beta=0.75, k=1.0):
        super().__init__()
        self.size, self.alpha, self.beta, self.k = size, alpha, beta, k

    def forward(self, input):
        return local_response_norm(input, self.size, self.alpha, self.beta, self.k)

    def extra_repr(self) -> str:
        return f"{self.size}, alpha={self.alpha}, beta={self.beta}, k={self.k}"


class RMSNorm(Module):
    def __init__(
        self, normalized_shape, eps=None, elementwise_affine=True, device=None, dtype=None
    ):
        super().__init__()
        if isinstance(normalized_shape, numbers.Integral):
            normalized_shape = (normalized_shape,)
        self.normalized_shape = tuple(normalized_shape)
        self.eps = eps
        self.elementwise_affine = elementwise_affine
        if elementwise_affine:
            _check_param_shape(self.normalized_shape)
            npd = factory_dtype(dtype, device)
            self.weight = Parameter(Tensor._make(np.ones(self.normalized_shape, dtype=npd)))
        else:
            self.register_parameter("weight", None)

    def reset_parameters(self):
        if self.elementwise_affine:
            self.weight._data[...] = 1

    def forward(self, x):
        return rms_norm(x, self.normalized_shape, self.weight, self.eps)

    def extra_repr(self) -> str:
        return (
            f"{self.normalized_shape}, eps={self.eps}, elementwise_affine={self.elementwise_affine}"
        )


for _fn in (group_norm, instance_norm, local_response_norm, rms_norm):
    if not hasattr(_functional, _fn.__name__):
        setattr(_functional, _fn.__name__, _fn)
del _fn
