"""``tensor_split``, ``hsplit``, ``vsplit``, ``dsplit``: pieces that are slices of the
input (each its own ``SliceBackward0`` node, as PyTorch builds them; ``split`` / ``chunk``
/ ``unbind`` share one node instead: ``ops/shape.MultiViewBackward``); ``unsafe_split``,
``unsafe_split_with_sizes``, ``unsafe_chunk``: ``split``'s pieces, not tracked as views."""

from __future__ import annotations

import itertools
import numbers

import numpy as np

from .api import _check_tensor, _scalar_type_name
from .api_more import _chunk, _split
from .ops import more as M
from .ops import shape as S
from .tensor import Tensor, _wrap_dim

__all__ = [
    "dsplit",
    "hsplit",
    "tensor_split",
    "unsafe_chunk",
    "unsafe_split",
    "unsafe_split_with_sizes",
    "vsplit",
]

_TS_SIGS = (
    " * (tuple of ints indices, int dim = 0)\n"
    " * (Tensor tensor_indices_or_sections, int dim = 0)\n"
    " * (int sections, int dim = 0)\n"
)


def _slices(input, bounds, d):
    pre = (slice(None),) * d
    n = input._data.shape[d]
    out = []
    for start, stop in bounds:
        start = start + n if start < 0 else start  # as slicing: negative from the end
        stop = stop + n if stop < 0 else stop
        start = min(max(start, 0), n)
        stop = max(min(stop, n), start)
        out.append(S.SliceBackward0.apply(input, index=(*pre, slice(start, stop))))
    return tuple(out)


def _type_name(v):
    return "Tensor" if isinstance(v, Tensor) else type(v).__name__


def tensor_split(input, indices_or_sections, dim=0):
    _check_tensor(input, "tensor_split")
    ios = indices_or_sections
    if isinstance(ios, Tensor):
        if ios._data.dtype != np.int64:
            raise RuntimeError(
                "tensor_split expected tensor_indices_or_sections to have dtype of long, but "
                f"got {_scalar_type_name(ios._data.dtype)}"
            )
        if ios._data.ndim > 1:
            raise RuntimeError(
                "tensor_split expected tensor_indices_or_sections to be a zero-dimensional or "
                f"one-dimensional tensor, but got a tensor with {ios._data.ndim} dims"
            )
        ios = int(ios._data) if ios._data.ndim == 0 else [int(v) for v in ios._data]
    if input._data.ndim == 0:
        raise RuntimeError(
            "tensor_split expected at least a 1-dimensional tensor, but got a tensor with 0 dims"
        )
    d = _wrap_dim(int(dim), input._data.ndim)
    n = input._data.shape[d]
    if isinstance(ios, numbers.Integral) and not isinstance(ios, bool):
        s = int(ios)
        if s <= 0:
            raise RuntimeError(f"number of sections must be larger than 0, got {s}")
        q, r = divmod(n, s)
        bounds, start = [], 0
        for i in range(s):
            size = q + (1 if i < r else 0)
            bounds.append((start, start + size))
            start += size
        return _slices(input, bounds, d)
    if isinstance(ios, list | tuple) and all(
        isinstance(v, numbers.Integral) and not isinstance(v, bool) for v in ios
    ):
        edges = [0, *[int(v) for v in ios], n]
        return _slices(input, list(itertools.pairwise(edges)), d)
    raise TypeError(
        "tensor_split() received an invalid combination of arguments - got "
        f"({_type_name(indices_or_sections)}), but expected one of:\n{_TS_SIGS}"
    )


def _dsplit_like(name, dim, min_dims, input, indices_or_sections):
    _check_tensor(input, name)
    nd = input._data.ndim
    if nd < min_dims:
        raise RuntimeError(
            f"torch.{name} requires a tensor with at least {min_dims} dimension, but got a "
            f"tensor with {nd} dimensions!"
        )
    d = dim if name != "hsplit" else (1 if nd > 1 else 0)
    ios = indices_or_sections
    if isinstance(ios, numbers.Integral) and not isinstance(ios, bool):
        size = input._data.shape[d]
        if ios == 0 or size % ios:
            raise RuntimeError(
                f"torch.{name} attempted to split along dimension {d}, but the size of the "
                f"dimension {size} is not divisible by the split_size {ios}!"
            )
    return tensor_split(input, ios, d)


def hsplit(input, indices_or_sections):
    return _dsplit_like("hsplit", 1, 1, input, indices_or_sections)


def vsplit(input, indices_or_sections):
    return _dsplit_like("vsplit", 0, 2, input, indices_or_sections)


def dsplit(input, indices_or_sections):
    return _dsplit_like("dsplit", 2, 3, input, indices_or_sections)


#: ``unsafe_split``'s nodes (by size, by sizes)
_UNSAFE = (M.UnsafeSplitBackward0, M.UnsafeSplitWithSizesBackward0)


def unsafe_split(tensor, split_size, dim=0):
    if not isinstance(split_size, numbers.Integral) or isinstance(split_size, bool):
        raise TypeError(
            "unsafe_split(): argument 'split_size' (position 1) must be int, not "
            + type(split_size).__name__
        )
    return _split(tensor, split_size, dim, _UNSAFE)


def unsafe_split_with_sizes(tensor, split_sizes, dim=0):
    return _split(tensor, list(split_sizes), dim, _UNSAFE)


def unsafe_chunk(input, chunks, dim=0):
    return _chunk(input, chunks, dim, _UNSAFE)


def _m_tensor_split(self, indices_or_sections, dim=0):
    return tensor_split(self, indices_or_sections, dim)


for _name, _fn in (
    ("tensor_split", _m_tensor_split),
    ("hsplit", hsplit),
    ("vsplit", vsplit),
    ("dsplit", dsplit),
    ("unsafe_split", unsafe_split),
    ("unsafe_split_with_sizes", unsafe_split_with_sizes),
    ("unsafe_chunk", unsafe_chunk),
):
    if _name not in Tensor.__dict__:
        setattr(Tensor, _name, _fn)
del _name, _fn
