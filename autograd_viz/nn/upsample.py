"""``F.interpolate`` (modes ``nearest``, ``nearest-exact``, ``linear``, ``bilinear``,
``trilinear`` with ``align_corners``, and ``area``), ``nn.Upsample``,
``nn.UpsamplingNearest2d``, ``nn.UpsamplingBilinear2d``, the deprecated
``F.upsample*``, and ``F.pixel_shuffle`` / ``F.pixel_unshuffle`` with their modules.

An upsampling is one node as PyTorch records it (``UpsampleNearest2DBackward0``,
``UpsampleBilinear2DBackward0``...): along each spatial dimension an output position reads
one input position (nearest, PyTorch's ``nearest_idx``) or two weighted by λ₀, λ₁
(linear, PyTorch's ``area_pixel_compute_source_index``, in the input's precision), the
last dimension first as PyTorch's kernel nests them.  Its gradient spreads each output's
gradient back with the same weights (the transposed interpolation); under
``create_graph=True`` that is a node of its own (``UpsampleNearest2DBackwardBackward0``)
whose gradient is the upsampling again."""

from __future__ import annotations

import numbers
import warnings

import numpy as np

from ..engine import api as _api
from ..engine.function import Function, Local
from ..engine.functional_array import _is_array
from ..engine.tensor import Tensor
from .layers import _tensor_arg
from .modules import Module

__all__ = [
    "PixelShuffle",
    "PixelUnshuffle",
    "Upsample",
    "UpsamplingBilinear2d",
    "UpsamplingNearest2d",
    "interpolate",
    "pixel_shuffle",
    "pixel_unshuffle",
    "upsample",
    "upsample_bilinear",
    "upsample_nearest",
]


# ---------------------------------------------------------------------------------------
# source positions and weights along one dimension


def _scale_value(scale, in_size, out_size, dt):
    """PyTorch's ``compute_scales_value``: 1/scale_factor when one was given, else in/out."""
    if scale is not None and scale > 0:
        return dt(1.0 / scale)
    return dt(in_size) / dt(out_size)


def _nearest_index(in_size, out_size, scale, exact):
    """Input position read by each output position (``nearest_idx`` /
    ``nearest_exact_idx``)."""
    dst = np.arange(out_size)
    if not exact:
        if out_size == in_size:
            return dst
        if out_size == 2 * in_size:
            return dst >> 1
        s = _scale_value(scale, in_size, out_size, np.float32)
        src = np.floor(dst.astype(np.float32) * s).astype(np.int64)
    else:
        s = _scale_value(scale, in_size, out_size, np.float32)
        src = np.floor(((dst + 0.5) * np.float64(s)).astype(np.float32)).astype(np.int64)
    return np.minimum(src, in_size - 1)


def _linear_weights(in_size, out_size, align_corners, scale, dt):
    """(i0, i1, λ0, λ1) per output position (``compute_source_index_and_lambda``)."""
    dst = np.arange(out_size)
    if out_size == in_size and not align_corners:
        one = np.ones(out_size, dtype=dt)
        return dst, dst, one, np.zeros(out_size, dtype=dt)
    if align_corners:
        s = dt(in_size - 1) / dt(out_size - 1) if out_size > 1 else dt(0)
        real = s * dst.astype(dt)
    else:
        s = _scale_value(scale, in_size, out_size, dt)
        real = s * (dst.astype(dt) + dt(0.5)) - dt(0.5)
        real = np.where(real < 0, dt(0), real).astype(dt)
    i0 = real.astype(np.int64)
    i1 = i0 + (i0 < in_size - 1)
    lam1 = np.clip(real - i0.astype(dt), dt(0), dt(1)).astype(dt)
    lam0 = (dt(1) - lam1).astype(dt)
    return i0, i1, lam0, lam1


def _plan(shape, out_sizes, kind, align_corners, scales, dt):
    """Per spatial dimension, last first: (axis, in size, out size, what to read)."""
    nd = len(out_sizes)
    steps = []
    for k in range(nd - 1, -1, -1):
        axis = len(shape) - nd + k
        n_in, n_out = shape[axis], out_sizes[k]
        sc = None if scales is None else scales[k]
        if kind == "linear":
            read = _linear_weights(n_in, n_out, align_corners, sc, dt)
        else:
            read = _nearest_index(n_in, n_out, sc, kind == "nearest-exact")
        steps.append((axis, n_in, n_out, read))
    return steps


def _upsample(a, steps):
    for axis, _n_in, _n_out, read in steps:
        if isinstance(read, tuple):
            i0, i1, l0, l1 = read
            shape = [1] * a.ndim
            shape[axis] = -1
            a = np.take(a, i0, axis=axis) * l0.reshape(shape) + np.take(
                a, i1, axis=axis
            ) * l1.reshape(shape)
        else:
            a = np.take(a, read, axis=axis)
    return a


def _matrix(n_in, n_out, read, dt):
    m = np.zeros((n_out, n_in), dtype=dt)
    rows = np.arange(n_out)
    if isinstance(read, tuple):
        i0, i1, l0, l1 = read
        np.add.at(m, (rows, i0), l0)
        np.add.at(m, (rows, i1), l1)
    else:
        m[rows, read] = 1
    return m


def _spread(g, steps):
    """The transposed interpolation: each output's gradient back onto its sources."""
    for axis, n_in, n_out, read in reversed(steps):
        m = _matrix(n_in, n_out, read, g.dtype)
        g = np.moveaxis(np.tensordot(g, m, axes=([axis], [0])), -1, axis)
    return np.ascontiguousarray(g)


class _UpsampleNode(Function):
    op, symbol = "upsample", "upsample"
    formula = "∂out/∂x: each output's gradient back onto the inputs it read, times their weights"
    local = (
        Local(
            (
                "G spread back onto the positions of {0:r} each output read (× its weights)",
                "G 按权重分回 {0:r} 中每个输出读取的位置",
            ),
            rule=True,
        ),
    )
    _double = None

    @staticmethod
    def forward(ctx, x, steps=()):
        ctx.steps = steps
        return _upsample(x, steps)

    @classmethod
    def backward(cls, ctx, g):
        if not ctx.needs_input_grad[0]:
            return (None,)
        if _is_array(g):
            return (_spread(g, ctx.steps),)
        return (cls._double.apply(g, steps=ctx.steps),)


class _UpsampleBackwardNode(Function):
    op, symbol = "upsample_backward", "upsample⁻"
    formula = "the gradient of an upsampling as a function of the incoming gradient: linear"
    local = (Local(("the upsampling of G", "G 的上采样"), rule=True),)
    _first = None

    @staticmethod
    def forward(ctx, g, steps=()):
        ctx.steps = steps
        return _spread(g, steps)

    @classmethod
    def backward(cls, ctx, gg):
        if not ctx.needs_input_grad[0]:
            return (None,)
        if _is_array(gg):
            return (_upsample(gg, ctx.steps),)
        return (cls._first.apply(gg, steps=ctx.steps),)


_NODES = {}
for _kind, _title in (("nearest", "Nearest"), ("nearest-exact", "NearestExact"), ("linear", "")):
    for _nd in (1, 2, 3):
        if _kind == "linear":
            _title = ("Linear", "Bilinear", "Trilinear")[_nd - 1]
        _name = f"Upsample{_title}{_nd}D"
        _op = "upsample_" + ("nearest_exact" if _kind == "nearest-exact" else _title.lower())
        _fwd = type(f"{_name}Backward0", (_UpsampleNode,), {"op": f"{_op}{_nd}d"})
        _bwd = type(f"{_name}BackwardBackward0", (_UpsampleBackwardNode,), {})
        _fwd._double, _bwd._first = _bwd, _fwd
        _fwd.__qualname__, _bwd.__qualname__ = _fwd.__name__, _bwd.__name__
        _NODES[_kind, _nd] = _fwd
del _kind, _title, _nd, _name, _op, _fwd, _bwd


_KERNEL = {  # (the kernel PyTorch's dtype error names)
    ("nearest", 2): "upsample_nearest2d_channels_last",
    ("nearest-exact", 2): "upsample_nearest2d_channels_last",
    ("linear", 2): "upsample_bilinear2d_channels_last",
}


def _run(input, kind, output_size, scales, align_corners=False):
    """``torch._C._nn.upsample_*``: output size from the scales, PyTorch's checks."""
    shape = tuple(input.shape)
    nd = len(shape) - 2
    if output_size is None:
        output_size = [int(shape[2 + k] * float(scales[k])) for k in range(nd)]
    output_size = [int(v) for v in output_size]
    letters = ("D", "H", "W")[3 - nd :]
    ins = ", ".join(f"{c}: {v}" for c, v in zip(letters, shape[2:], strict=True))
    outs = ", ".join(f"{c}: {v}" for c, v in zip(letters, output_size, strict=True))
    if any(v <= 0 for v in shape[2:]) or any(v <= 0 for v in output_size):
        raise RuntimeError(
            f"Input and output sizes should be greater than 0, but got input ({ins}) "
            f"{'and ' if nd == 1 else ''}output ({outs})"
        )
    if any(v == 0 for v in shape[1:]):
        raise RuntimeError(
            f"Non-empty {nd + 2}D data tensor expected but got a tensor with sizes {list(shape)}"
        )
    a = input._data
    if a.dtype.kind not in "fc":
        name = _api._scalar_type_name(a.dtype)
        fallback = "compute_indices_weights_" + ("linear" if kind == "linear" else "nearest")
        kernel = _KERNEL.get((kind, nd), fallback)
        raise NotImplementedError(f"\"{kernel}\" not implemented for '{name}'")
    steps = _plan(shape, output_size, kind, align_corners, scales, a.dtype.type)
    return _NODES[kind, nd].apply(input, steps=tuple(steps))


def _is_integer(x):
    return isinstance(x, numbers.Integral) or (isinstance(x, Tensor) and x.dim() == 0)


def interpolate(
    input,
    size=None,
    scale_factor=None,
    mode="nearest",
    align_corners=None,
    recompute_scale_factor=None,
    antialias=False,
):
    """Resize the spatial dimensions of an (N, C, ...) batch (PyTorch's checks and modes)."""
    if mode in ("nearest", "area", "nearest-exact"):
        if align_corners is not None:
            raise ValueError(
                "align_corners option can only be set with the interpolating modes: "
                "linear | bilinear | bicubic | trilinear"
            )
    elif align_corners is None:
        align_corners = False
    if not isinstance(input, Tensor):  # (PyTorch's Python reads input.dim() here)
        from ..engine.argtypes_shape import tp_name

        raise AttributeError(f"'{tp_name(input)}' object has no attribute 'dim'")
    dim = input.dim() - 2
    if size is not None and scale_factor is not None:
        raise ValueError("only one of size or scale_factor should be defined")
    if size is not None:
        scale_factors = None
        if isinstance(size, (list, tuple)):
            if len(size) != dim:
                raise ValueError(
                    "Input and output must have the same number of spatial dimensions, but got "
                    f"input with spatial dimensions of {list(input.shape[2:])} and output size "
                    f"of {size}. Please provide input tensor in (N, C, d1, d2, ...,dK) format "
                    "and output size in (o1, o2, ...,oK) format."
                )
            if not all(_is_integer(x) for x in size):
                raise TypeError(
                    "expected size to be one of int or Tuple[int] or Tuple[int, int] or "
                    "Tuple[int, int, int], but got size with types "
                    f"{[type(x) for x in size]}"
                )
            output_size = list(size)
        else:
            output_size = [size for _ in range(dim)]
    elif scale_factor is not None:
        output_size = None
        if isinstance(scale_factor, (list, tuple)):
            if len(scale_factor) != dim:
                raise ValueError(
                    "Input and scale_factor must have the same number of spatial dimensions, "
                    f"but got input with spatial dimensions of {list(input.shape[2:])} and "
                    f"scale_factor of shape {scale_factor}. Please provide input tensor in "
                    "(N, C, d1, d2, ...,dK) format and scale_factor in (s1, s2, ...,sK) format."
                )
            scale_factors = list(scale_factor)
        else:
            scale_factors = [scale_factor for _ in range(dim)]
    else:
        raise ValueError("either size or scale_factor should be defined")
    if recompute_scale_factor and size is not None:
        raise ValueError("recompute_scale_factor is not meaningful with an explicit size.")
    if mode == "area" and output_size is None:
        recompute_scale_factor = True
    if recompute_scale_factor:
        output_size = [int(input.size(i + 2) * scale_factors[i]) for i in range(dim)]
        scale_factors = None
    if antialias and not (mode in ("bilinear", "bicubic", "lanczos") and input.dim() == 4):
        raise ValueError(
            "Anti-alias option is restricted to bilinear, bicubic, and lanczos modes and "
            "requires a 4-D tensor as input"
        )
    nd = input.dim()
    if mode in ("nearest", "nearest-exact") and nd in (3, 4, 5):
        return _run(input, mode, output_size, scale_factors)
    if mode == "area" and nd in (3, 4):
        from .conv import adaptive_avg_pool1d, adaptive_avg_pool2d

        pool = adaptive_avg_pool1d if nd == 3 else adaptive_avg_pool2d
        return pool(input, output_size if nd == 4 else output_size[0])
    want = {"linear": 3, "bilinear": 4, "trilinear": 5}
    if mode in want and nd == want[mode]:
        if antialias:
            raise NotImplementedError("autograd_viz: interpolate(antialias=True) is not supported")
        return _run(input, "linear", output_size, scale_factors, bool(align_corners))
    if mode in ("bicubic", "lanczos") or (mode == "area" and nd == 5):
        raise NotImplementedError(f"autograd_viz: interpolate mode '{mode}' is not supported")
    for m, need in want.items():
        if mode == m and nd in (3, 4, 5):
            raise NotImplementedError(f"Got {nd}D input, but {m} mode needs {need}D input")
    raise NotImplementedError(
        f"Input Error: Only 3D, 4D and 5D input Tensors supported (got {nd}D) for the modes: "
        "nearest | linear | bilinear | bicubic | trilinear | lanczos | area | nearest-exact "
        f"(got {mode})"
    )


def upsample(input, size=None, scale_factor=None, mode="nearest", align_corners=None):
    warnings.warn(
        "`nn.functional.upsample` is deprecated. Use `nn.functional.interpolate` instead.",
        stacklevel=2,
    )
    return interpolate(input, size, scale_factor, mode, align_corners)


def upsample_nearest(input, size=None, scale_factor=None):
    warnings.warn(
        "`nn.functional.upsample_nearest` is deprecated. Use `nn.functional.interpolate` instead.",
        stacklevel=2,
    )
    return interpolate(input, size, scale_factor, mode="nearest")


def upsample_bilinear(input, size=None, scale_factor=None):
    warnings.warn(
        "`nn.functional.upsample_bilinear` is deprecated. Use `nn.functional.interpolate` instead.",
        stacklevel=2,
    )
    return interpolate(input, size, scale_factor, mode="bilinear", align_corners=True)


class Upsample(Module):
    def __init__(
        self,
        size=None,
        scale_factor=None,
        mode="nearest",
        align_corners=None,
        recompute_scale_factor=None,
    ):
        super().__init__()
        self.name = type(self).__name__
        self.size = size
        if isinstance(scale_factor, tuple):
            self.scale_factor = tuple(float(f) for f in scale_factor)
        else:
            self.scale_factor = float(scale_factor) if scale_factor else None
        self.mode = mode
        self.align_corners = align_corners
        self.recompute_scale_factor = recompute_scale_factor

    def forward(self, input):
        return interpolate(
            input,
            self.size,
            self.scale_factor,
            self.mode,
            self.align_corners,
            recompute_scale_factor=self.recompute_scale_factor,
        )

    def extra_repr(self) -> str:
        if self.scale_factor is not None:
            info = "scale_factor=" + repr(self.scale_factor)
        else:
            info = "size=" + repr(self.size)
        return info + ", mode=" + repr(self.mode)


class UpsamplingNearest2d(Upsample):
    def __init__(self, size=None, scale_factor=None):
        super().__init__(size, scale_factor, mode="nearest")


class UpsamplingBilinear2d(Upsample):
    def __init__(self, size=None, scale_factor=None):
        super().__init__(size, scale_factor, mode="bilinear", align_corners=True)


# ---------------------------------------------------------------------------------------
# pixel shuffle


def _shuffle(a, r):
    *lead, c, h, w = a.shape
    oc = c // (r * r)
    a = a.reshape(*lead, oc, r, r, h, w)
    n = len(lead)
    perm = (*range(n), n, n + 3, n + 1, n + 4, n + 2)
    return np.ascontiguousarray(a.transpose(perm)).reshape(*lead, oc, h * r, w * r)


def _unshuffle(a, r):
    *lead, c, h, w = a.shape
    a = a.reshape(*lead, c, h // r, r, w // r, r)
    n = len(lead)
    perm = (*range(n), n, n + 2, n + 4, n + 1, n + 3)
    return np.ascontiguousarray(a.transpose(perm)).reshape(*lead, c * r * r, h // r, w // r)


class PixelShuffleBackward0(Function):
    op, symbol = "pixel_shuffle", "shuffle"
    formula = "∂out/∂x: the gradient un-shuffled back (pixel_unshuffle)"
    local = (Local(("pixel_unshuffle(G)", "pixel_unshuffle(G)"), rule=True),)

    @staticmethod
    def forward(ctx, x, r=1):
        ctx.r = r
        return _shuffle(x, r)

    @staticmethod
    def backward(ctx, g):
        if _is_array(g):
            return (_unshuffle(g, ctx.r),)
        return (PixelUnshuffleBackward0.apply(g, r=ctx.r),)


class PixelUnshuffleBackward0(Function):
    op, symbol = "pixel_unshuffle", "unshuffle"
    formula = "∂out/∂x: the gradient shuffled back (pixel_shuffle)"
    local = (Local(("pixel_shuffle(G)", "pixel_shuffle(G)"), rule=True),)

    @staticmethod
    def forward(ctx, x, r=1):
        ctx.r = r
        return _unshuffle(x, r)

    @staticmethod
    def backward(ctx, g):
        if _is_array(g):
            return (_shuffle(g, ctx.r),)
        return (PixelShuffleBackward0.apply(g, r=ctx.r),)


def _factor(v, fn, arg):
    if isinstance(v, bool) or not isinstance(v, numbers.Integral):
        raise TypeError(
            f"{fn}(): argument '{arg}' (position 2) must be int, not {type(v).__name__}"
        )
    return int(v)


def pixel_shuffle(input, upscale_factor):
    """(*, C·r², H, W) -> (*, C, H·r, W·r)."""
    _tensor_arg(input, "pixel_shuffle")
    r = _factor(upscale_factor, "pixel_shuffle", "upscale_factor")
    shape = input.shape
    if len(shape) < 3:
        raise RuntimeError(
            "pixel_shuffle expects input to have at least 3 dimensions, but got input with "
            f"{len(shape)} dimension(s)"
        )
    if r <= 0:
        raise RuntimeError(f"pixel_shuffle expects a positive upscale_factor, but got {r}")
    if shape[-3] % (r * r):
        raise RuntimeError(
            "pixel_shuffle expects its input's 'channel' dimension to be divisible by the "
            f"square of upscale_factor, but input.size(-3)={shape[-3]} is not divisible by "
            f"{r * r}"
        )
    return PixelShuffleBackward0.apply(input, r=r)


def pixel_unshuffle(input, downscale_factor):
    """(*, C, H·r, W·r) -> (*, C·r², H, W)."""
    _tensor_arg(input, "pixel_unshuffle")
    r = _factor(downscale_factor, "pixel_unshuffle", "downscale_factor")
    shape = input.shape
    if len(shape) < 3:
        raise RuntimeError(
            "pixel_unshuffle expects input to have at least 3 dimensions, but got input with "
            f"{len(shape)} dimension(s)"
        )
    if r <= 0:
        raise RuntimeError(f"pixel_unshuffle expects a positive downscale_factor, but got {r}")
    if shape[-2] % r:
        raise RuntimeError(
            "pixel_unshuffle expects height to be divisible by downscale_factor, but "
            f"input.size(-2)={shape[-2]} is not divisible by {r}"
        )
    if shape[-1] % r:
        raise RuntimeError(
            "pixel_unshuffle expects width to be divisible by downscale_factor, but "
            f"input.size(-1)={shape[-1]} is not divisible by {r}"
        )
    return PixelUnshuffleBackward0.apply(input, r=r)


class PixelShuffle(Module):
    def __init__(self, upscale_factor):
        super().__init__()
        self.upscale_factor = upscale_factor

    def forward(self, input):
        return pixel_shuffle(input, self.upscale_factor)

    def extra_repr(self) -> str:
        return f"upscale_factor={self.upscale_factor}"


class PixelUnshuffle(Module):
    def __init__(self, downscale_factor):
        super().__init__()
        self.downscale_factor = downscale_factor

    def forward(self, input):
        return pixel_unshuffle(input, self.downscale_factor)

    def extra_repr(self) -> str:
        return f"downscale_factor={self.downscale_factor}"


def _register():
    from . import functional as _functional

    for fn in (
        interpolate,
        upsample,
        upsample_nearest,
        upsample_bilinear,
        pixel_shuffle,
        pixel_unshuffle,
    ):
        if not hasattr(_functional, fn.__name__):
            setattr(_functional, fn.__name__, fn)


_register()
