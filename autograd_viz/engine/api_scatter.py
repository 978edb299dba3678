"""``scatter`` / ``scatter_add`` (and their in-place methods, the one-hot idiom
``torch.zeros(n, c).scatter_(1, y.unsqueeze(1), 1)``), ``masked_select``, ``take``, ``roll``,
``trace``, ``nan_to_num``, ``count_nonzero``, ``flipud`` / ``fliplr``, ``Tensor.unsqueeze_``
and the storage queries ``data_ptr`` / ``storage_offset`` / ``nbytes``, with PyTorch's node
names and messages.  The Tensor methods are attached at the bottom (never shadowing one
``tensor.py`` defines)."""

from __future__ import annotations

import numbers

import numpy as np

from . import api as _api
from .api import _check_tensor
from .ops import scatter as S
from .tensor import Tensor, _wrap_dim

__all__ = [
    "scatter",
    "scatter_add",
]


def _scatter_grid(name, input, dim, index, src):
    """The checks PyTorch makes, and the tuple index of the written positions."""
    a = input._data
    if not isinstance(index, Tensor) or index._data.dtype.kind not in "iu":
        raise RuntimeError(f"{name}(): Expected dtype int32/int64 for index")
    idx = index._data
    d = _wrap_dim(int(dim), max(a.ndim, 1))
    if isinstance(src, Tensor) and src._data.dtype != a.dtype:
        raise RuntimeError(f"{name}(): Expected self.dtype to be equal to src.dtype")
    if idx.ndim != max(a.ndim, 1) and not (idx.ndim == 0 and a.ndim == 0):
        raise RuntimeError("Index tensor must have the same number of dimensions as self tensor")
    a_shape = a.shape if a.ndim else (1,)
    idx2 = idx.reshape(idx.shape if idx.ndim else (1,))
    s_shape = None
    if isinstance(src, Tensor):
        s_shape = src._data.shape if src._data.ndim else (1,)
    bad = any(k != d and idx2.shape[k] > a_shape[k] for k in range(idx2.ndim)) or (
        s_shape is not None
        and (
            len(s_shape) != idx2.ndim
            or any(i > s for i, s in zip(idx2.shape, s_shape, strict=True))
        )
    )
    if bad:
        msg = (
            f"Expected index {list(idx2.shape)} to be no larger than self {list(a_shape)} apart "
            f"from dimension {d}"
        )
        if s_shape is not None:
            msg += f" and to be no larger size than src {list(s_shape)}"
        raise RuntimeError(msg)
    size = a_shape[d]
    if idx2.size and (idx2.min() < 0 or idx2.max() >= size):
        flat = idx2.ravel()
        b = int(flat[np.flatnonzero((flat < 0) | (flat >= size))[0]])
        raise RuntimeError(f"index {b} is out of bounds for dimension {d} with size {size}")
    if a.ndim == 0:
        return ()
    grid = list(np.indices(idx2.shape, sparse=True))
    grid[d] = idx2
    return tuple(grid)


def _bad_args(name, input, dim, index, src):
    got = ", ".join(type(v).__name__ for v in (input, dim, index, src))
    raise TypeError(
        f"{name}() received an invalid combination of arguments - got ({got}), but expected "
        "one of:\n"
        " * (Tensor input, int dim, Tensor index, Tensor src, *, Tensor out = None)\n"
        " * (Tensor input, int dim, Tensor index, Tensor src, *, str reduce, Tensor out = None)\n"
        " * (Tensor input, int dim, Tensor index, Number value, *, Tensor out = None)\n"
        " * (Tensor input, int dim, Tensor index, Number value, *, str reduce, "
        "Tensor out = None)\n"
    )


def scatter(input, dim, index, src=None, *, value=None):
    """``input`` with ``src``'s elements (or ``value``) written at ``index`` along ``dim``:
    ``out[i][index[i][j]] = src[i][j]`` (dim 1).  One ``ScatterBackward0`` (src tensor) or
    ``ScatterBackward1`` (a number)."""
    if src is None:
        src = value
    if not isinstance(input, Tensor) or not isinstance(src, Tensor | numbers.Number):
        _bad_args("scatter", input, dim, index, src)
    grid = _scatter_grid("scatter", input, dim, index, src)
    mask = np.zeros(input._data.shape, dtype=bool)
    mask[grid] = True
    if isinstance(src, Tensor):
        if input._data.ndim == 0:
            src = src.reshape(())
        return S.ScatterBackward0.apply(input, src, grid=grid, mask=mask)
    return S.ScatterBackward1.apply(input, grid=grid, mask=mask, value=src)


def scatter_add(input, dim, index, src):
    """``input`` with ``src``'s elements added at ``index`` along ``dim`` (repeated
    positions add up): one ``ScatterAddBackward0``."""
    _check_tensor(input, "scatter_add")
    _check_tensor(src, "scatter_add", "src", 4)
    grid = _scatter_grid("scatter", input, dim, index, src)
    if input._data.ndim == 0:
        src = src.reshape(())
    return S.ScatterAddBackward0.apply(input, src, grid=grid)


def _m_scatter(self, dim, index, src=None, *, value=None):
    return scatter(self, dim, index, src, value=value)


def _m_scatter_(self, dim, index, src=None, *, value=None):
    if src is None:
        src = value
    if not isinstance(src, Tensor | numbers.Number):
        _bad_args("scatter_", self, dim, index, src)
    _scatter_grid("scatter", self, dim, index, src)
    return _api.inplace(self, "scatter_", lambda old: scatter(old, dim, index, src))


def _m_scatter_add(self, dim, index, src):
    return scatter_add(self, dim, index, src)


def _m_scatter_add_(self, dim, index, src):
    _check_tensor(src, "scatter_add_", "src", 3)
    _scatter_grid("scatter", self, dim, index, src)
    return _api.inplace(self, "scatter_add_", lambda old: scatter_add(old, dim, index, src))


for _name, _fn in (
    ("scatter", _m_scatter),
    ("scatter_", _m_scatter_),
    ("scatter_add", _m_scatter_add),
    ("scatter_add_", _m_scatter_add_),
):
    if _name not in Tensor.__dict__:
        setattr(Tensor, _name, _fn)
del _name, _fn
