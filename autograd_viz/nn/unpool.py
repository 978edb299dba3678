"""``F.max_unpool1d`` / ``F.max_unpool2d`` and ``nn.MaxUnpool1d`` / ``nn.MaxUnpool2d``:
the partial inverse of a max pooling given its ``return_indices``.  One
``MaxUnpool2DBackward0`` node (1-D: between ``UnsqueezeBackward0`` and
``SqueezeBackward1``, as PyTorch builds it): every input value is written at its index in
a zero output plane; the gradient reads the incoming gradient back at those indices (under
``create_graph=True`` as PyTorch's ``max_pool_double_backward``: a view, a ``gather``, a
view)."""

from __future__ import annotations

import numbers

import numpy as np

from ..engine import api as _api
from ..engine import api_more as _more
from ..engine.function import Function, Local
from ..engine.functional_array import _is_array
from ..engine.tensor import Tensor
from .layers import _tensor_arg
from .modules import Module


def _planes(a, nd):
    """``a`` as (planes, positions) over its last ``nd`` dimensions."""
    return a.reshape(-1, int(np.prod(a.shape[a.ndim - nd :], dtype=np.int64)))


class MaxUnpool2DBackward0(Function):
    op, symbol = "max_unpool2d", "unpool"
    formula = "∂/∂x: the gradient at each value's index"
    local = (
        Local(
            ("G read at the index of each value of {0:r}", "在 {0:r} 每个值的索引处读取 G"),
            rule=True,
        ),
    )

    @staticmethod
    def forward(ctx, x, indices=None, out_hw=(1, 1)):
        ctx.indices = indices
        out = np.zeros((*x.shape[:-2], *out_hw), dtype=x.dtype)
        flat = _planes(out, 2)
        rows = np.arange(flat.shape[0])[:, None]
        flat[rows, _planes(indices, 2)] = _planes(x, 2)
        return out

    @staticmethod
    def backward(ctx, g):
        idx = ctx.indices
        lead = idx.shape[:-2]
        if _is_array(g):
            flat = _planes(g, 2)
            rows = np.arange(flat.shape[0])[:, None]
            return (np.ascontiguousarray(flat[rows, _planes(idx, 2)]).reshape(idx.shape),)
        view = _api.reshape(g, (*lead, -1))
        picked = _more.gather(view, -1, Tensor._make(idx.reshape(*lead, -1)))
        return (_api.reshape(picked, idx.shape),)


def _tuple(v, n):
    if isinstance(v, numbers.Integral):
        return (int(v),) * n
    return tuple(int(x) for x in v)


def _output_size(input, kernel, stride, padding, output_size):
    """PyTorch's ``_unpool_output_size``."""
    n = len(kernel)
    size = input.shape
    default = [(size[-n + d] - 1) * stride[d] + kernel[d] - 2 * padding[d] for d in range(n)]
    if output_size is None:
        ret = default
    else:
        if len(output_size) == n + 2:
            output_size = output_size[2:]
        if len(output_size) != n:
            raise ValueError(
                f"output_size should be a sequence containing {n} or {n + 2} elements, but it "
                f"has a length of '{len(output_size)}'"
            )
        for d in range(n):
            lo, hi = default[d] - stride[d], default[d] + stride[d]
            if not lo < output_size[d] < hi:
                raise ValueError(
                    f'invalid output_size "{output_size}" (dim {d} must be between {lo} and {hi})'
                )
        ret = output_size
    for d in range(n):
        if ret[d] < 0:
            raise ValueError(
                "max_unpooling: output_size must contain non-negative spatial dimensions, "
                f"but got output_size[{d}]={ret[d]}"
            )
    return [int(v) for v in ret]


def _type_name(a):
    return _api._scalar_type_name(a.dtype)


def _unpool(input, indices, out_hw):
    """``torch._C._nn.max_unpool2d`` with its checks."""
    x, idx = input._data, indices._data
    if idx.dtype != np.int64:
        raise RuntimeError(f"elements in indices should be type int64 but got: {_type_name(idx)}")
    if x.ndim not in (3, 4):
        raise RuntimeError(
            "Input to max_unpooling2d should be a 3d or 4d Tensor, but got a tensor with "
            f"{x.ndim} dimensions."
        )
    if x.shape != idx.shape:
        raise RuntimeError(
            "Expected shape of indices to be same as that of the input tensor "
            f"({_sizes(x.shape)}) but got indices tensor with shape: {_sizes(idx.shape)}"
        )
    for i in range(1, x.ndim):
        if x.shape[i] == 0:
            raise RuntimeError(
                "max_unpooling2d(): Expected input to have non-zero size for non-batch "
                f"dimensions, but got {_sizes(x.shape)} with dimension {i} being empty."
            )
    oh, ow = out_hw
    bad = (idx < 0) | (idx >= oh * ow)
    if bad.any():
        raise RuntimeError(
            f"Found an invalid max index: {int(idx[bad].reshape(-1)[-1])} (output volumes are "
            f"of size {oh}x{ow})"
        )
    return MaxUnpool2DBackward0.apply(input, indices=idx, out_hw=(oh, ow))


def _sizes(shape):
    return "[" + ", ".join(str(v) for v in shape) + "]"


def _unpool_size(n, input, indices, kernel_size, stride, padding, output_size):
    """The output's spatial size (``_output_size``'s checks first, then the arguments'
    types, in PyTorch's order; the 1-D form reports as ``max_unpool2d``, as PyTorch's)."""
    k = _tuple(kernel_size, n)
    s = _tuple(stride, n) if stride is not None else k
    size = _output_size(input, k, s, _tuple(padding, n), output_size)
    _tensor_arg(input, "max_unpool2d", "input", 1)
    _tensor_arg(indices, "max_unpool2d", "indices", 2)
    return size


def max_unpool2d(input, indices, kernel_size, stride=None, padding=0, output_size=None):
    size = _unpool_size(2, input, indices, kernel_size, stride, padding, output_size)
    return _unpool(input, indices, size)


def max_unpool1d(input, indices, kernel_size, stride=None, padding=0, output_size=None):
    size = _unpool_size(1, input, indices, kernel_size, stride, padding, output_size)
    x = _api.unsqueeze(input, -1)
    idx = Tensor._make(np.expand_dims(indices._data, -1))
    return _api.squeeze(_unpool(x, idx, (size[0], 1)), -1)


class _MaxUnpoolNd(Module):
    _n = 2

    def __init__(self, kernel_size, stride=None, padding=0):
        super().__init__()
        self.kernel_size = _tuple(kernel_size, self._n)
        self.stride = _tuple(stride if stride is not None else kernel_size, self._n)
        self.padding = _tuple(padding, self._n)

    def extra_repr(self) -> str:
        return f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}"


class MaxUnpool1d(_MaxUnpoolNd):
    _n = 1

    def forward(self, input, indices, output_size=None):
        return max_unpool1d(
            input, indices, self.kernel_size, self.stride, self.padding, output_size
        )


class MaxUnpool2d(_MaxUnpoolNd):
    _n = 2

    def forward(self, input, indices, output_size=None):
        return max_unpool2d(
            input, indices, self.kernel_size, self.stride, self.padding, output_size
        )
