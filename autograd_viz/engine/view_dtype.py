"""``Tensor.view(dtype)``: the same memory read as another dtype, as PyTorch's
``view_dtype``.  Same element size: the same shape (any strides); a smaller element size
multiplies the last dimension, a bigger one divides it (the last dimension contiguous,
the other strides and the storage offset divisible).  As in PyTorch the result records
no gradient (it does not require grad, whatever the input) but shares the input's memory
and version counter: a write through either is seen by the other."""

from __future__ import annotations

import numpy as np

from .dtypes import to_numpy_dtype
from .tensor import Tensor


def _name(npd):
    from .api import _scalar_type_name

    return _scalar_type_name(npd)


def _root(a):
    root = a
    while isinstance(root.base, np.ndarray):
        root = root.base
    return root


def _byte_offset(a):
    return a.__array_interface__["data"][0] - _root(a).__array_interface__["data"][0]


def view_dtype(input, dtype):
    npd = np.dtype(to_numpy_dtype(dtype))
    a = input._data
    old, new = a.itemsize, npd.itemsize
    if old == new:
        out = a.view(npd)
    else:
        what = f"to view {_name(a.dtype)} as {_name(npd)} (different element sizes)"
        if a.ndim == 0:
            raise RuntimeError(f"self.dim() cannot be 0 {what}")
        strides = input.stride()
        if strides[-1] != 1:
            raise RuntimeError(f"self.stride(-1) must be 1 {what}, but got {strides[-1]}")
        if new > old:
            ratio = new // old
            if a.shape[-1] % ratio:
                raise RuntimeError(
                    f"self.size(-1) must be divisible by {ratio} {what}, but got {a.shape[-1]}"
                )
            off = _byte_offset(a) // old
            if off % ratio:
                raise RuntimeError(
                    f"self.storage_offset() must be divisible by {ratio} {what}, but got {off}"
                )
            for i, s in enumerate(strides[:-1]):
                if s % ratio:
                    raise RuntimeError(
                        f"self.stride({i}) must be divisible by {ratio} {what}, but got {s}"
                    )
        shape = (*a.shape[:-1], a.shape[-1] * old // new)
        if a.size == 0:
            out = np.empty(shape, dtype=npd)
        else:  # the same bytes: the last axis read as ``npd``, the other strides kept
            root = _root(a)
            out = np.ndarray(
                shape,
                dtype=npd,
                buffer=root if root.flags.c_contiguous else np.ascontiguousarray(root),
                offset=_byte_offset(a),
                strides=(*a.strides[:-1], new),
            )
    t = Tensor._make(out)
    t._vbox = input._vbox  # one version counter, as PyTorch's
    return t
