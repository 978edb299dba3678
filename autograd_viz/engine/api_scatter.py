"""``scatter`` / ``scatter_add`` (and their in-place methods, the one-hot idiom
``torch.zeros(n, c).scatter_(1, y.unsqueeze(1), 1)``), ``masked_select``, ``take``, ``roll``,
``trace``, ``nan_to_num``, ``count_nonzero``, ``flipud`` / ``fliplr``, ``Tensor.unsqueeze_``
and the storage queries ``data_ptr`` / ``storage_offset`` / ``nbytes``, with PyTorch's node
names and messages.  The Tensor methods are attached at the bottom (never shadowing one
``tensor.py`` defines)."""

from __future__ import annotations

import numbers
import weakref

import numpy as np

from . import api as _api
from . import events
from .api import _check_tensor
from .grad_mode import STATE
from .ops import scatter as S
from .ops import shape as _shape
from .tensor import Tensor, _wrap_dim

__all__ = [
    "count_nonzero",
    "fliplr",
    "flipud",
    "masked_select",
    "nan_to_num",
    "roll",
    "scatter",
    "scatter_add",
    "take",
    "trace",
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


def masked_select(input, mask):
    """The elements of ``input`` where ``mask`` (broadcast) is True, as a 1-D tensor: one
    ``MaskedSelectBackward0``."""
    _check_tensor(input, "masked_select")
    _check_tensor(mask, "masked_select", "mask")
    m = mask._data
    if m.dtype != np.bool_:
        raise RuntimeError("masked_select: expected BoolTensor for mask")
    a = input._data
    try:
        shape = np.broadcast_shapes(a.shape, m.shape)
    except ValueError:
        nd = max(a.ndim, m.ndim)
        sa, sm = (1,) * (nd - a.ndim) + a.shape, (1,) * (nd - m.ndim) + m.shape
        k = max(i for i in range(nd) if sa[i] != sm[i] and 1 not in (sa[i], sm[i]))
        raise RuntimeError(
            f"The size of tensor a ({sm[k]}) must match the size of tensor b ({sa[k]}) at "
            f"non-singleton dimension {k}"
        ) from None
    return S.MaskedSelectBackward0.apply(input, mask=m, shape=shape)


def take(input, index):
    """``input.flatten()[index]`` in ``index``'s shape: one ``TakeBackward0``."""
    _check_tensor(input, "take")
    _check_tensor(index, "take", "index")
    idx = index._data
    if idx.dtype != np.int64:
        from .dtypes import type_name

        tn = {"float32": "Float", "float64": "Double", "int32": "Int", "bool": "Bool"}.get(
            idx.dtype.name, type_name(idx.dtype)
        )
        raise RuntimeError(f"take(): Expected a long tensor for index, but got {tn}")
    n = input._data.size
    if idx.size and (idx.min() < -n or idx.max() >= n):
        flat = idx.ravel()
        b = int(flat[np.flatnonzero((flat < -n) | (flat >= n))[0]])
        raise IndexError(f"out of range: tried to access index {b} on a tensor of {n} elements.")
    if input._data.ndim == 0:
        input = input.reshape(1)
    return S.TakeBackward0.apply(input, index=np.where(idx < 0, idx + n, idx))


def _int_list(v):
    return (int(v),) if isinstance(v, numbers.Integral) else tuple(int(s) for s in v)


def roll(input, shifts, dims=None):
    """``input`` shifted cyclically by ``shifts`` along ``dims`` (flattened when ``dims`` is
    not given): one ``RollBackward0``."""
    _check_tensor(input, "roll")
    sh = _int_list(shifts)
    if not sh:
        raise RuntimeError("`shifts` required")
    nd = max(input._data.ndim, 1)
    if dims is None or (not isinstance(dims, numbers.Integral) and len(dims) == 0):
        if len(sh) != 1:
            raise RuntimeError(f"shifts and dimensions must align. shifts: {len(sh)}, dims:0")
        return S.RollBackward0.apply(input, shifts=sh, dims=None)
    ds = _int_list(dims)
    if len(sh) != len(ds):
        raise RuntimeError(f"shifts and dimensions must align. shifts: {len(sh)}, dims:{len(ds)}")
    ds = tuple(_wrap_dim(d, nd) for d in ds)
    if input._data.ndim == 0:
        return input.clone()
    return S.RollBackward0.apply(input, shifts=sh, dims=ds)


def trace(input):
    """The sum of the main diagonal of a matrix: one ``TraceBackward0`` (integer matrices
    give int64, as PyTorch's sum)."""
    _check_tensor(input, "trace")
    if input._data.ndim != 2:
        raise RuntimeError(f"trace: expected a matrix, but got tensor with dim {input._data.ndim}")
    if input._data.dtype.kind in "biu" and input._data.dtype != np.int64:
        input = _api._cast(input, np.dtype(np.int64))
    return S.TraceBackward0.apply(input)


def nan_to_num(input, nan=0.0, posinf=None, neginf=None):
    """nan, +inf and -inf replaced by ``nan``, ``posinf`` and ``neginf`` (the dtype's
    largest / lowest finite values by default): one ``NanToNumBackward0``."""
    _check_tensor(input, "nan_to_num")
    for name, v in (("nan", nan), ("posinf", posinf), ("neginf", neginf)):
        if v is not None and (isinstance(v, bool) or not isinstance(v, numbers.Real)):
            raise TypeError(
                f"nan_to_num(): argument '{name}' must be float, not {type(v).__name__}"
            )
    if input._data.dtype.kind not in "fc":
        return input.clone()
    return S.NanToNumBackward0.apply(
        input,
        nan=float(nan) if nan is not None else 0.0,
        posinf=None if posinf is None else float(posinf),
        neginf=None if neginf is None else float(neginf),
    )


def count_nonzero(input, dim=None):
    """The number of non-zero elements (over ``dim``: an int or a tuple), as int64."""
    _check_tensor(input, "count_nonzero")
    a = input._data
    if dim is None:
        return Tensor._make(np.asarray(np.count_nonzero(a), dtype=np.int64), False, None)
    nd = max(a.ndim, 1)
    ds = tuple(sorted({_wrap_dim(d, nd) for d in _int_list(dim)}))
    if a.ndim == 0:
        return Tensor._make(np.asarray(np.count_nonzero(a), dtype=np.int64), False, None)
    out = np.count_nonzero(a, axis=ds)
    return Tensor._make(np.asarray(out, dtype=np.int64), False, None)


def flipud(input):
    """``flip(input, [0])``: one ``FlipBackward0``."""
    _check_tensor(input, "flipud")
    if input._data.ndim < 1:
        raise RuntimeError("Input must be >= 1-d.")
    return input.flip(0)


def fliplr(input):
    """``flip(input, [1])``: one ``FlipBackward0``."""
    _check_tensor(input, "fliplr")
    if input._data.ndim < 2:
        raise RuntimeError("Input must be >= 2-d.")
    return input.flip(1)


class UnsqueezeBackward1(_shape.UnsqueezeBackward0):
    """``x.unsqueeze_(dim)``: the in-place form (not a view node)."""

    op, symbol = "unsqueeze_", "unsqueeze"
    is_view = False


def unsqueeze_(self, dim):
    """``x`` with a dimension of size 1 inserted at ``dim``, in place (the same memory;
    ``UnsqueezeBackward1`` in a graph)."""
    shape = _api.unsqueeze(self.detach(), dim)._data.shape
    grad = STATE.enabled and self._requires_grad
    if grad:
        if self.grad_fn is None:
            view = self._base is not None and self._base.grad_fn is None
            raise RuntimeError(
                ("a view of a " if view else "a ")
                + "leaf Variable that requires grad is being used in an in-place operation."
            )
        _api._check_view_of_leaf(self)
    old = self._data
    new = old.reshape(shape)
    if grad:
        out = UnsqueezeBackward1.apply(_api._alias(self, old), shape=shape)
        node = out.grad_fn
        self.grad_fn = node
        if self._output_nr:
            del self._output_nr
        if events.LISTENERS:
            node._out_ref = weakref.ref(self)
    self._data = new
    self._vbox[0] += 1
    if events.LISTENERS:
        events.emit(
            "inplace", tensor=self, op="unsqueeze_", old=old.copy(), new=new, grad_enabled=grad
        )
    return self


def _root(a):
    while isinstance(a.base, np.ndarray):
        a = a.base
    return a


def data_ptr(self):
    """The address of the first element (an int; equal for tensors sharing it)."""
    return int(self._data.__array_interface__["data"][0])


def storage_offset(self):
    """The first element's offset, in elements, from the start of the memory the tensor
    shares with its base."""
    a = self._data
    root = _root(a)
    if not a.itemsize:
        return 0
    return (a.__array_interface__["data"][0] - root.__array_interface__["data"][0]) // a.itemsize


def _nbytes(self):
    return int(self._data.size * self._data.itemsize)


def _m_masked_select(self, mask):
    return masked_select(self, mask)


def _m_take(self, index):
    return take(self, index)


def _m_roll(self, shifts, dims=None):
    return roll(self, shifts, dims)


def _m_nan_to_num(self, nan=0.0, posinf=None, neginf=None):
    return nan_to_num(self, nan, posinf, neginf)


def _m_count_nonzero(self, dim=None):
    return count_nonzero(self, dim)


for _name, _fn in (
    ("masked_select", _m_masked_select),
    ("take", _m_take),
    ("roll", _m_roll),
    ("trace", trace),
    ("nan_to_num", _m_nan_to_num),
    ("count_nonzero", _m_count_nonzero),
    ("flipud", flipud),
    ("fliplr", fliplr),
    ("unsqueeze_", unsqueeze_),
    ("data_ptr", data_ptr),
    ("storage_offset", storage_offset),
    ("nbytes", property(_nbytes)),
    ("scatter", _m_scatter),
    ("scatter_", _m_scatter_),
    ("scatter_add", _m_scatter_add),
    ("scatter_add_", _m_scatter_add_),
):
    if _name not in Tensor.__dict__:
        setattr(Tensor, _name, _fn)
del _name, _fn
