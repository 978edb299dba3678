"""3-D pooling and batch norm (issue 13; ``Conv3d`` is in ``conv3d.py``): ``F.max_pool3d``
(``MaxPool3DWithIndicesBackward0``), ``F.avg_pool3d`` (``AvgPool3DBackward0``),
``F.adaptive_avg_pool3d`` (``AdaptiveAvgPool3DBackward0``) and their modules, and
``BatchNorm3d``.  Windows are taken with numpy's sliding views (no Python loop over
elements); the gradient goes back to the picked (max) or covered (average) places."""

from __future__ import annotations

import math
import numbers

import numpy as np

from ..engine.function import Function, Local
from ..engine.functional_array import _is_array
from ..engine.tensor import Tensor
from .conv import _AdaptiveAvgPoolNd, _AvgPoolNd, _MaxPoolNd
from .layers import _BatchNorm


def _triple(v, name="kernel_size"):
    if isinstance(v, numbers.Integral):
        return (int(v),) * 3
    v = tuple(int(x) for x in v)
    if len(v) == 1:
        return v * 3
    if len(v) != 3:
        raise RuntimeError(
            f"max_pool3d: {name} must either be a single int, or a tuple of three ints"
        )
    return v


def _out_size(n, k, s, p, d, ceil):
    num = n + 2 * p - d * (k - 1) - 1
    o = (-(-num // s) if ceil else num // s) + 1
    if ceil and (o - 1) * s >= n + p:
        o -= 1
    return o


def _check_input(input, name):
    if not isinstance(input, Tensor):
        raise TypeError(
            f"{name}(): argument 'input' (position 1) must be Tensor, not {type(input).__name__}"
        )
    if input.dim() not in (4, 5):
        if name == "adaptive_avg_pool3d":
            raise RuntimeError(
                f"adaptive_avg_pool3d(): Expected 4D or 5D tensor, but got {list(input.shape)}"
            )
        raise RuntimeError("non-empty 4D or 5D (batch mode) tensor expected for input")


def _windows(a, k, s, d, out):
    """(N, C, oD, oH, oW, kD, kH, kW) views of the padded 5-D array ``a``."""
    full = np.lib.stride_tricks.sliding_window_view(
        a, tuple((kk - 1) * dd + 1 for kk, dd in zip(k, d, strict=True)), axis=(2, 3, 4)
    )
    full = full[
        :,
        :,
        : (out[0] - 1) * s[0] + 1 : s[0],
        : (out[1] - 1) * s[1] + 1 : s[1],
        : (out[2] - 1) * s[2] + 1 : s[2],
    ]
    return full[..., :: d[0], :: d[1], :: d[2]]


class _Pool3d(Function):
    """Unbatched (C, D, H, W) inputs run as a batch of one inside the node (PyTorch's
    kernels take both)."""

    @classmethod
    def forward(cls, ctx, a, **kw):
        ctx.unbatched = a.ndim == 4
        out = cls._fwd(ctx, a[None] if ctx.unbatched else a, **kw)
        return out[0] if ctx.unbatched else out

    @classmethod
    def backward(cls, ctx, g):
        if ctx.unbatched:
            g = g[None] if _is_array(g) else g.unsqueeze(0)
        (r,) = cls._bwd(ctx, g)
        if ctx.unbatched:
            r = r[0]
        return (r,)


class MaxPool3DWithIndicesBackward0(_Pool3d):
    op, symbol = "max_pool3d", "max_pool3d"
    formula = "∂/∂input: G sent to each window's maximum"
    local = (Local(("G to each window's maximum", "G 送到每个窗口的最大值处"), rule=True),)

    @staticmethod
    def _fwd(ctx, a, k=(), s=(), p=(), d=(), ceil=False):
        n, c, D, H, W = a.shape
        out = tuple(
            _out_size(x, *args, ceil)
            for x, args in zip((D, H, W), zip(k, s, p, d, strict=True), strict=True)
        )
        ext = [
            max(0, (o - 1) * ss + (kk - 1) * dd + 1 - x - pp)
            for o, ss, kk, dd, x, pp in zip(out, s, k, d, (D, H, W), p, strict=True)
        ]
        lowest = -np.inf if a.dtype.kind == "f" else np.iinfo(a.dtype).min
        padded = np.pad(
            a,
            ((0, 0), (0, 0), (p[0], p[0] + ext[0]), (p[1], p[1] + ext[1]), (p[2], p[2] + ext[2])),
            constant_values=lowest,
        )
        pos = np.arange(padded[0, 0].size).reshape(padded.shape[2:])
        win = _windows(padded, k, s, d, out).reshape(n, c, *out, -1)
        pwin = _windows(pos[None, None], k, s, d, out).reshape(1, 1, *out, -1)
        arg = np.argmax(win, axis=-1)
        isn = np.isnan(win) if a.dtype.kind == "f" else None
        if isn is not None and isn.any():
            first_nan = np.argmax(isn, axis=-1)
            arg = np.where(isn.any(-1), first_nan, arg)
        vals = np.take_along_axis(win, arg[..., None], -1)[..., 0]
        ppos = np.take_along_axis(np.broadcast_to(pwin, win.shape), arg[..., None], -1)[..., 0]
        ph, pw = padded.shape[3:]
        zd, r = np.divmod(ppos, ph * pw)
        zh, zw = np.divmod(r, pw)
        idx = (zd - p[0]) * H * W + (zh - p[1]) * W + (zw - p[2])
        ctx.idx, ctx.shape = idx.astype(np.int64), a.shape
        return np.ascontiguousarray(vals)

    @staticmethod
    def _bwd(ctx, g):
        ga = np.asarray(g if _is_array(g) else g._data)
        n, c = ctx.shape[:2]
        flat = np.zeros((n, c, int(np.prod(ctx.shape[2:]))), dtype=ga.dtype)
        idx = ctx.idx.reshape(n, c, -1)
        rows = np.arange(n)[:, None, None]
        cols = np.arange(c)[None, :, None]
        np.add.at(flat, (rows, cols, idx), ga.reshape(n, c, -1))
        out = flat.reshape(ctx.shape)
        return (out if _is_array(g) else Tensor._make(out, False, None),)


def max_pool3d(
    input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False
):
    _check_input(input, "max_pool3d")
    k = _triple(kernel_size)
    s = k if stride in (None, [], ()) else _triple(stride, "stride")
    p = _triple(padding, "padding")
    d = _triple(dilation, "dilation")
    for kk, pp in zip(k, p, strict=True):
        if pp > kk // 2:
            raise RuntimeError(
                f"pad should be at most half of effective kernel size, but got pad={pp}, "
                f"kernel_size={kk} and dilation={d[0]}"
            )

    out = MaxPool3DWithIndicesBackward0.apply(input, k=k, s=s, p=p, d=d, ceil=bool(ceil_mode))
    if not return_indices:
        return out
    node = out.grad_fn
    if node is None:  # (no graph: the indices computed again)
        node = MaxPool3DWithIndicesBackward0.__new__(MaxPool3DWithIndicesBackward0)
        MaxPool3DWithIndicesBackward0.forward(node, input._data, k=k, s=s, p=p, d=d, ceil=ceil_mode)
    idx = node.idx[0] if node.unbatched else node.idx
    return out, Tensor._make(idx)


class AvgPool3DBackward0(_Pool3d):
    op, symbol = "avg_pool3d", "avg_pool3d"
    formula = "∂/∂input: G / window size spread over each window"
    local = (Local(("G / divisor over each window", "G / 除数 分到每个窗口"), rule=True),)

    @staticmethod
    def _fwd(ctx, a, k=(), s=(), p=(), ceil=False, include_pad=True, divisor=None):
        D, H, W = a.shape[2:]
        out = tuple(
            _out_size(x, kk, ss, pp, 1, ceil)
            for x, kk, ss, pp in zip((D, H, W), k, s, p, strict=True)
        )
        ext = [
            max(0, (o - 1) * ss + kk - x - pp)
            for o, ss, kk, x, pp in zip(out, s, k, (D, H, W), p, strict=True)
        ]
        padded = np.pad(a, ((0, 0), (0, 0), *((pp, pp + e) for pp, e in zip(p, ext, strict=True))))
        win = _windows(padded, k, s, (1, 1, 1), out)
        sums = win.sum(axis=(-3, -2, -1), dtype=np.float64 if a.dtype == np.float64 else None)
        div = np.ones(out, dtype=np.float64)
        for axis, (o, ss, kk, x, pp) in enumerate(zip(out, s, k, (D, H, W), p, strict=True)):
            start = np.arange(o) * ss - pp
            end = np.minimum(start + kk, x + pp)
            cnt = end - start if include_pad else np.minimum(end, x) - np.maximum(start, 0)
            shape = [1, 1, 1]
            shape[axis] = o
            div = div * cnt.reshape(shape)
        if divisor:
            div = np.full(out, float(divisor))
        ctx.div, ctx.shape, ctx.k, ctx.s, ctx.p, ctx.out, ctx.ext = div, a.shape, k, s, p, out, ext
        return np.asarray(sums / div, dtype=a.dtype)

    @staticmethod
    def _bwd(ctx, g):
        ga = np.asarray(g if _is_array(g) else g._data)
        n, c, D, H, W = ctx.shape
        p, ext = ctx.p, ctx.ext
        padded = np.zeros(
            (n, c, *(x + 2 * pp + e for x, pp, e in zip((D, H, W), p, ext, strict=True))),
            dtype=ga.dtype,
        )
        share = (ga / ctx.div).astype(ga.dtype)
        k, s, out = ctx.k, ctx.s, ctx.out
        for i in range(k[0]):
            for j in range(k[1]):
                for m in range(k[2]):
                    padded[
                        :,
                        :,
                        i : i + (out[0] - 1) * s[0] + 1 : s[0],
                        j : j + (out[1] - 1) * s[1] + 1 : s[1],
                        m : m + (out[2] - 1) * s[2] + 1 : s[2],
                    ] += share
        res = padded[:, :, p[0] : p[0] + D, p[1] : p[1] + H, p[2] : p[2] + W]
        res = np.ascontiguousarray(res)
        return (res if _is_array(g) else Tensor._make(res, False, None),)


def avg_pool3d(
    input,
    kernel_size,
    stride=None,
    padding=0,
    ceil_mode=False,
    count_include_pad=True,
    divisor_override=None,
):
    _check_input(input, "avg_pool3d")
    k = _triple(kernel_size)
    s = k if stride in (None, [], ()) else _triple(stride, "stride")
    p = _triple(padding, "padding")
    for kk, pp in zip(k, p, strict=True):
        if pp > kk // 2:
            raise RuntimeError("pad should be smaller than or equal to half of kernel size")
    return AvgPool3DBackward0.apply(
        input,
        k=k,
        s=s,
        p=p,
        ceil=bool(ceil_mode),
        include_pad=bool(count_include_pad),
        divisor=divisor_override,
    )


class AdaptiveAvgPool3DBackward0(_Pool3d):
    op, symbol = "adaptive_avg_pool3d", "adaptive_avg_pool3d"
    formula = "∂/∂input: G / bin size spread over each bin"
    local = (Local(("G / bin size over each bin", "G / 区间大小 分到每个区间"), rule=True),)

    @staticmethod
    def _fwd(ctx, a, out=()):
        mats = []
        for x, o in zip(a.shape[2:], out, strict=True):
            m = np.zeros((o, x), dtype=np.float64)
            for i in range(o):
                lo = (i * x) // o
                hi = -(-((i + 1) * x) // o)
                m[i, lo:hi] = 1.0 / (hi - lo)
            mats.append(m)
        ctx.mats, ctx.shape = mats, a.shape
        r = np.einsum("ncdhw,id,jh,kw->ncijk", a.astype(np.float64), *mats)
        return np.asarray(r, dtype=a.dtype)

    @staticmethod
    def _bwd(ctx, g):
        ga = np.asarray(g if _is_array(g) else g._data)
        r = np.einsum("ncijk,id,jh,kw->ncdhw", ga.astype(np.float64), *ctx.mats).astype(ga.dtype)
        return (r if _is_array(g) else Tensor._make(r, False, None),)


def adaptive_avg_pool3d(input, output_size):
    _check_input(input, "adaptive_avg_pool3d")
    size = (output_size,) * 3 if isinstance(output_size, numbers.Integral) else tuple(output_size)
    if len(size) != 3:
        raise RuntimeError("adaptive_avg_pool3d: output_size must be 3")
    size = tuple(int(v) if v is not None else input.shape[-3 + i] for i, v in enumerate(size))
    if size == (1, 1, 1):  # (PyTorch's shortcut: a mean)
        return input.mean((-3, -2, -1), keepdim=True)
    return AdaptiveAvgPool3DBackward0.apply(input, out=size)


class MaxPool3d(_MaxPoolNd):
    _pool = staticmethod(max_pool3d)


class AvgPool3d(_AvgPoolNd):
    _pool = staticmethod(avg_pool3d)


class AdaptiveAvgPool3d(_AdaptiveAvgPoolNd):
    _pool = staticmethod(adaptive_avg_pool3d)


class BatchNorm3d(_BatchNorm):
    """Batch norm over (N, C, D, H, W)."""

    _expected_dims = (5,)

    def _check_input_dim(self, input):
        if input.dim() != 5:
            raise ValueError(f"expected 5D input (got {input.dim()}D input)")


_ = math
