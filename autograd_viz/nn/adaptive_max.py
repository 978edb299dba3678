"""``F.adaptive_max_pool1d`` / ``F.adaptive_max_pool2d`` (``return_indices``) and
``nn.AdaptiveMaxPool1d`` / ``nn.AdaptiveMaxPool2d``: output cell (i, j) is the maximum of
rows ⌊iH/oh⌋..⌈(i+1)H/oh⌉ and the matching columns (PyTorch's adaptive windows), one
``AdaptiveMaxPool2DBackward0`` node (1-D: between ``UnsqueezeBackward0`` and
``SqueezeBackward1``, as PyTorch builds it).  The gradient goes to each window's first
maximum (a NaN wins, the last one, as PyTorch's kernel scans); under ``create_graph=True``
it is an ``AdaptiveMaxPool2DBackwardBackward0`` node whose gradient reads the incoming
gradient at those positions."""

from __future__ import annotations

import numbers

import numpy as np

from ..engine import api as _api
from ..engine import api_more as _more
from ..engine.function import Function, Local
from ..engine.functional_array import _is_array
from ..engine.tensor import Tensor
from .conv import _ZERO_SELF, _adaptive_windows, _zeros_self
from .layers import _tensor_arg
from .modules import Module

__all__ = ["AdaptiveMaxPool1d", "AdaptiveMaxPool2d", "adaptive_max_pool1d", "adaptive_max_pool2d"]


def _pool(x, out_hw):
    """Maxima and their flat in-plane indices over the adaptive windows of ``x``."""
    rows, cols = _adaptive_windows(x.shape, out_hw)
    lead = x.shape[:-2]
    w = x.shape[-1]
    out = np.empty((*lead, *out_hw), dtype=x.dtype)
    idx = np.empty((*lead, *out_hw), dtype=np.int64)
    if not x.size:  # (an empty batch)
        return out, idx
    for i, (r0, r1) in enumerate(rows):
        for j, (c0, c1) in enumerate(cols):
            win = x[..., r0:r1, c0:c1].reshape(*lead, -1)
            k = np.argmax(win, axis=-1)
            nan = np.isnan(win)
            if nan.any():  # (PyTorch's scan keeps the last NaN)
                last = win.shape[-1] - 1 - np.argmax(nan[..., ::-1], axis=-1)
                k = np.where(nan.any(axis=-1), last, k)
            wc = c1 - c0
            out[..., i, j] = np.take_along_axis(win, k[..., None], -1)[..., 0]
            idx[..., i, j] = (r0 + k // wc) * w + c0 + k % wc
    return out, idx


def _planes(a):
    return a.reshape(-1, a.shape[-2] * a.shape[-1])


def _scatter(g, idx, shape):
    out = np.zeros((int(np.prod(shape[:-2], dtype=np.int64)), shape[-2] * shape[-1]), g.dtype)
    rows = np.arange(out.shape[0])[:, None]
    np.add.at(out, (rows, _planes(idx)), _planes(g))
    return out.reshape(shape)


def _gather(gg, idx):
    flat = gg.reshape(-1, gg.shape[-2] * gg.shape[-1])
    rows = np.arange(flat.shape[0])[:, None]
    return np.ascontiguousarray(flat[rows, _planes(idx)]).reshape(idx.shape)


def _gather_tensor(gg, idx):
    lead = idx.shape[:-2]
    view = _api.reshape(gg, (*lead, -1))
    picked = _more.gather(view, -1, Tensor._make(idx.reshape(*lead, -1)))
    return _api.reshape(picked, idx.shape)


class AdaptiveMaxPool2DBackward0(Function):
    op, symbol = "adaptive_max_pool2d", "maxpool"
    formula = "∂/∂x: each cell's gradient goes to its window's maximum, 0 elsewhere"
    local = (
        Local(
            (
                "G at the maximum of each adaptive window of {0:r}, 0 elsewhere",
                "G 落在 {0:r} 每个自适应窗口的最大值处，其余为 0",
            ),
            rule=True,
        ),
    )

    @staticmethod
    def forward(ctx, x, out_hw=(1, 1)):
        out, idx = _pool(x, out_hw)
        ctx.indices, ctx.in_shape = idx, x.shape
        ctx.save_for_backward(x)
        return out

    @staticmethod
    def backward(ctx, g):
        if not ctx.needs_input_grad[0]:
            return (None,)
        if _is_array(g):
            return (_scatter(g, ctx.indices, ctx.in_shape),)
        (x,) = ctx.saved_tensors
        return (AdaptiveMaxPool2DBackwardBackward0.apply(g, x, indices=ctx.indices),)


class AdaptiveMaxPool2DBackwardBackward0(Function):
    op, symbol = "adaptive_max_pool2d_backward", "maxpool⁻"
    formula = "the gradient of an adaptive max pooling as a function of G: linear"
    local = (
        Local(("G read at each window's maximum", "在每个窗口最大值处读取 G"), rule=True),
        _ZERO_SELF,
    )

    @staticmethod
    def forward(ctx, g, x, indices=None):
        ctx.indices, ctx.x_shape = indices, x.shape
        return _scatter(g, indices, x.shape)

    @staticmethod
    def backward(ctx, gg):
        if not ctx.needs_input_grad[0]:
            return None, _zeros_self(ctx, gg)
        if _is_array(gg):
            return _gather(gg, ctx.indices), _zeros_self(ctx, gg)
        return _gather_tensor(gg, ctx.indices), _zeros_self(ctx, gg)


def _sizes(shape):
    return "[" + ", ".join(str(s) for s in shape) + "]"


def _run(input, out_hw, fn_name):
    shape = input.shape
    a = input._data
    if any(v < 0 for v in out_hw):
        neg = next(v for v in out_hw if v < 0)
        full = [*shape[:-2], *out_hw]
        raise RuntimeError(f"Trying to create tensor with negative dimension {neg}: {_sizes(full)}")
    if a.dtype.kind != "f":
        name = _api._scalar_type_name(a.dtype)
        raise NotImplementedError(f"\"{fn_name}\" not implemented for '{name}'")
    node_out = AdaptiveMaxPool2DBackward0.apply(input, out_hw=tuple(out_hw))
    idx = node_out.grad_fn.indices if node_out.grad_fn is not None else _pool(a, out_hw)[1]
    return node_out, Tensor._make(idx)


def _list_with_default(out_size, defaults):
    if isinstance(out_size, numbers.Integral):
        return out_size
    if len(defaults) <= len(out_size):
        raise ValueError(f"Input dimension should be at least {len(out_size) + 1}")
    return [
        v if v is not None else d
        for v, d in zip(out_size, defaults[-len(out_size) :], strict=False)
    ]


def adaptive_max_pool2d(input, output_size, return_indices=False):
    """Max over adaptive windows: (N, C, H, W) -> (N, C, oh, ow)."""
    _tensor_arg(input, "adaptive_max_pool2d")
    size = _list_with_default(output_size, input.shape)
    shape = input.shape
    nd = len(shape)
    if nd not in (3, 4):
        raise RuntimeError(
            f"adaptive_max_pool2d(): Expected 3D or 4D tensor, but got: {_sizes(shape)}"
        )
    for i in range(1, nd):
        if shape[i] <= 0:
            raise RuntimeError(
                "adaptive_max_pool2d(): Expected input to have non-zero size for non-batch "
                f"dimensions, but input has sizes {_sizes(shape)} with dimension {i} being empty"
            )
    size = [size, size] if isinstance(size, numbers.Integral) else list(size)
    if len(size) != 2:
        raise RuntimeError("adaptive_max_pool2d(): internal error: output_size.size() must be 2")
    out, idx = _run(input, [int(v) for v in size], "adaptive_max_pool2d")
    return (out, idx) if return_indices else out


def adaptive_max_pool1d(input, output_size, return_indices=False):
    """Max over adaptive windows of the last dimension: (N, C, L) -> (N, C, out)."""
    _tensor_arg(input, "adaptive_max_pool1d")
    shape = input.shape
    nd = len(shape)
    if not 2 <= nd < 4:
        raise RuntimeError(
            f"Expected 2 to 3 dimensions, but got {nd}-dimensional tensor for argument #1 "
            "'self' (while checking arguments for adaptive_max_pool1d)"
        )
    size = [output_size] if isinstance(output_size, numbers.Integral) else list(output_size)
    if len(size) != 1:
        raise RuntimeError(
            f"adaptive_max_pool1d() argument 'output_size' should contain one int (got {len(size)})"
        )
    for i in range(1, nd):
        if shape[i] <= 0:
            raise RuntimeError(
                "adaptive_max_pool1d(): Expected input to have non-zero size for non-batch "
                f"dimensions, but input has sizes {_sizes(shape)} with dimension {i} being empty"
            )
    out, idx = _run(_api.unsqueeze(input, -2), [1, int(size[0])], "adaptive_max_pool2d")
    out = _api.squeeze(out, -2)
    idx = Tensor._make(idx._data.squeeze(-2))
    return (out, idx) if return_indices else out


class _AdaptiveMaxPoolNd(Module):
    def __init__(self, output_size, return_indices=False):
        super().__init__()
        self.output_size = output_size
        self.return_indices = return_indices

    def extra_repr(self) -> str:
        return f"output_size={self.output_size}"


class AdaptiveMaxPool1d(_AdaptiveMaxPoolNd):
    def forward(self, input):
        return adaptive_max_pool1d(input, self.output_size, self.return_indices)


class AdaptiveMaxPool2d(_AdaptiveMaxPoolNd):
    def forward(self, input):
        return adaptive_max_pool2d(input, self.output_size, self.return_indices)


def _register():
    from . import functional as _functional

    for fn in (adaptive_max_pool1d, adaptive_max_pool2d):
        if not hasattr(_functional, fn.__name__):
            setattr(_functional, fn.__name__, fn)


_register()
