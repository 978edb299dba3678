"""``hstack``, ``vstack`` / ``row_stack``, ``dstack``, ``column_stack``, ``atleast_1d/2d/3d``,
``tile`` and ``logspace``, built from the ops PyTorch builds them from (``CatBackward0`` of
``UnsqueezeBackward0`` / ``ViewBackward0`` pieces, ``RepeatBackward0``)."""

from __future__ import annotations

import numpy as np

from . import api as _api
from .creation import _finish, linspace
from .tensor import Tensor

__all__ = [
    "atleast_1d",
    "atleast_2d",
    "atleast_3d",
    "column_stack",
    "dstack",
    "hstack",
    "logspace",
    "row_stack",
    "tile",
    "vstack",
]


def _atleast(n, tensors):
    """``atleast_<n>d`` of one tensor, or a tuple of them (PyTorch's two forms)."""
    if len(tensors) == 1 and isinstance(tensors[0], list | tuple):
        return tuple(_atleast(n, (t,)) for t in tensors[0])
    if len(tensors) != 1:
        return tuple(_atleast(n, (t,)) for t in tensors)
    t = tensors[0]
    _api._check_tensor(t, f"atleast_{n}d")
    nd = t._data.ndim
    if nd >= n and not (n == 3 and nd == 2):
        return t
    if nd == 0:
        return _api.reshape(t, (1,) * n)  # (ViewBackward0)
    if n == 2 or nd == 2:  # a row; a matrix gets a last dim of 1
        return _api.unsqueeze(t, 0 if n == 2 else -1)
    return _api.unsqueeze(_api.unsqueeze(t, 0), -1)  # 1-D to 3-D: (1, n, 1)


def atleast_1d(*tensors):
    return _atleast(1, tensors)


def atleast_2d(*tensors):
    return _atleast(2, tensors)


def atleast_3d(*tensors):
    return _atleast(3, tensors)


def _tensor_list(tensors, name):
    if isinstance(tensors, Tensor) or not isinstance(tensors, list | tuple):
        raise TypeError(
            f"{name}(): argument 'tensors' (position 1) must be tuple of Tensors, not "
            f"{type(tensors).__name__}"
        )
    if not tensors:
        raise RuntimeError(f"{name} expects a non-empty TensorList")
    return list(tensors)


def hstack(tensors):
    ts = [atleast_1d(t) for t in _tensor_list(tensors, "hstack")]
    return _api.cat(ts, 0 if ts[0]._data.ndim == 1 else 1)


def vstack(tensors):
    return _api.cat([atleast_2d(t) for t in _tensor_list(tensors, "vstack")], 0)


def row_stack(tensors):
    return vstack(tensors)


def dstack(tensors):
    return _api.cat([atleast_3d(t) for t in _tensor_list(tensors, "dstack")], 2)


def column_stack(tensors):
    ts = _tensor_list(tensors, "column_stack")
    cols = [_api.reshape(t, (t._data.size, 1)) if t._data.ndim <= 1 else t for t in ts]
    return hstack(cols)


_NO = object()


def tile(input, dims):
    """(``torch.tile``'s argument checks: engine/argtypes_shape.py)"""
    _api._check_tensor(input, "tile")
    dims = tuple(dims)
    nd = input._data.ndim
    if len(dims) < nd:  # PyTorch pads the repeats with 1s in front
        dims = (1,) * (nd - len(dims)) + dims
    return input.repeat(*dims)


def logspace(start, end, steps, base=10.0, *, dtype=None, requires_grad=False, device=None):
    """``base ** linspace(start, end, steps)``, the powers taken in double and rounded once
    to the result dtype."""
    pts = linspace(start, end, steps, dtype=dtype, device=device)
    arr = pts._data
    with np.errstate(all="ignore"):
        vals = np.power(np.float64(base), arr.astype(np.float64))
    if arr.dtype.kind != "f":
        vals = np.trunc(vals)
    return _finish(vals.astype(arr.dtype), requires_grad)


def _m_tile(self, *args, dims=_NO):
    from .api import _size_args
    from .argtypes_shape import varargs_intlist

    if dims is not _NO:
        return tile(self, varargs_intlist("tile", "dims", args, dims))
    if not args:
        raise TypeError('tile() missing 1 required positional arguments: "dims"')
    return tile(self, _size_args(args, "tile"))


if "tile" not in Tensor.__dict__:
    Tensor.tile = _m_tile
