"""``cummax`` / ``cummin`` (``torch.return_types``), ``logcumsumexp``, ``broadcast_to`` /
``broadcast_tensors`` / ``broadcast_shapes``, ``take_along_dim``, ``tril_indices`` /
``triu_indices``, ``diag_embed``, ``isin``: torch functions and Tensor methods, built
from the ops PyTorch builds them from (``ExpandBackward0``, ``GatherBackward0``) or one
node each (ops/scans2.py), with PyTorch's errors."""

from __future__ import annotations

import numbers

import numpy as np

from . import api as _api
from . import api_more as _more
from .api import _check_tensor, _ReturnType
from .grad_mode import STATE as _GRAD
from .ops import scans2 as SC
from .tensor import Size, Tensor, _wrap_dim

__all__ = [
    "block_diag",
    "broadcast_shapes",
    "broadcast_tensors",
    "broadcast_to",
    "cummax",
    "cummin",
    "diag_embed",
    "isin",
    "logcumsumexp",
    "take_along_dim",
    "tril_indices",
    "triu_indices",
    "unique_consecutive",
]


def _dim_arg(fn, dim):
    if isinstance(dim, bool) or not isinstance(dim, numbers.Integral):
        raise TypeError(
            f"{fn}() received an invalid combination of arguments - got (Tensor, "
            f"{type(dim).__name__}), but expected one of:\n * (Tensor input, int dim)\n"
            " * (Tensor input, name dim)\n"
        )
    return int(dim)


def _cum_extreme(cls, name, input, dim):
    _check_tensor(input, name)
    _need_dim(name, dim)
    dim = _dim_arg(name, dim)
    a = input._data
    d = _wrap_dim(dim, a.ndim)
    if a.dtype.kind == "b" or input.requires_grad is False:
        vals, idx = SC.cum_extreme(a, d, cls._max)
        values = Tensor._make(np.asarray(vals))
    else:
        values = cls.apply(input, dim=d)
        idx = values.grad_fn.idx if values.grad_fn is not None else None
        if idx is None:
            idx = SC.cum_extreme(a, d, cls._max)[1]
    return _ReturnType(values, Tensor._make(np.asarray(idx, dtype=np.int64)), name=name)


_NO_DIM = object()


def _need_dim(fn, dim):
    if dim is _NO_DIM:
        raise TypeError(f'{fn}() missing 1 required positional arguments: "dim"')


def cummax(input, dim=_NO_DIM):
    """``torch.cummax(x, dim)``: (values, indices) of the running maximum
    (``CummaxBackward0``: the gradient goes to where each maximum was reached)."""
    return _cum_extreme(SC.CummaxBackward0, "cummax", input, dim)


def cummin(input, dim=_NO_DIM):
    """``torch.cummin(x, dim)``: (values, indices) of the running minimum."""
    return _cum_extreme(SC.CumminBackward0, "cummin", input, dim)


def logcumsumexp(input, dim=_NO_DIM):
    """``torch.logcumsumexp(x, dim)``: log of the running sum of exp, without overflow
    (``LogcumsumexpBackward0``)."""
    _check_tensor(input, "logcumsumexp")
    _need_dim("logcumsumexp", dim)
    dim = _dim_arg("logcumsumexp", dim)
    a = input._data
    d = _wrap_dim(dim, a.ndim)
    if a.dtype.kind not in "fc":
        raise NotImplementedError(
            f"\"logcumsumexp_out_cpu\" not implemented for '{_api._scalar_type_name(a.dtype)}'"
        )
    return SC.LogcumsumexpBackward0.apply(input, dim=d if a.ndim else 0)


def broadcast_to(input, size):
    """``torch.broadcast_to(x, shape)``: ``x.expand(shape)`` (``ExpandBackward0``)."""
    _check_tensor(input, "broadcast_to")
    return _api.expand(input, *tuple(size))


def broadcast_shapes(*shapes):
    """``torch.broadcast_shapes(*shapes)``: the broadcast ``torch.Size``."""
    dims = []
    for s in shapes:
        if isinstance(s, numbers.Integral) and not isinstance(s, bool):
            s = (s,)
        dims.append(tuple(int(v) for v in s))
    out: list = []
    for j, s in enumerate(dims):
        for v in s:
            if v < 0:
                raise RuntimeError(
                    f"Trying to create tensor with negative dimension {v}: {list(s)}"
                )
        n = max(len(out), len(s))
        new = [1] * (n - len(out)) + out
        for i in range(1, len(s) + 1):
            v, have = s[-i], new[-i]
            if have == 1:
                new[-i] = v
            elif v != 1 and v != have:
                raise RuntimeError(
                    f"Attempting to broadcast a dimension of length {v} at {-i}! Mismatching "
                    f"argument at index {j} had {tuple(s)}; but expected shape should be "
                    f"broadcastable to {out}"
                )
        out = new
    return Size(out)


def broadcast_tensors(*tensors):
    """``torch.broadcast_tensors(*ts)``: each tensor expanded to the common shape
    (``ExpandBackward0``; a tensor already of that shape is returned as is)."""
    if len(tensors) == 1 and isinstance(tensors[0], list | tuple):
        tensors = tuple(tensors[0])
    for i, t in enumerate(tensors):
        if not isinstance(t, Tensor):
            raise TypeError(
                f"expected Tensor as element {i} in argument 0, but got {type(t).__name__}"
            )
    try:
        shape = np.broadcast_shapes(*(t._data.shape for t in tensors))
    except ValueError:
        ref = tensors[0]
        for t in tensors[1:]:
            err = _api._broadcast_error(ref, t)
            if err is not None:
                raise err from None
        raise
    return tuple(t if t._data.shape == shape else _api.expand(t, *shape) for t in tensors)


def take_along_dim(input, indices, dim=None):
    """``torch.take_along_dim(x, idx, dim)``: ``gather`` after broadcasting ``x`` and
    ``idx`` against each other (``GatherBackward0`` of ``ExpandBackward0``); no dim:
    the flattened tensor (``ViewBackward0``)."""
    _check_tensor(input, "take_along_dim")
    _check_tensor(indices, "take_along_dim", "indices", 2)
    if indices._data.dtype != np.int64:
        raise RuntimeError(
            "torch.take_along_dim(): dtype of indices should be Long but got "
            f"{_api._scalar_type_name(indices._data.dtype)}"
        )
    if dim is None:
        return _more.gather(_api.reshape(input, -1), 0, _api.reshape(indices, -1))
    a, ix = input._data, indices._data
    if a.ndim != ix.ndim:
        raise RuntimeError(
            "torch.take_along_dim(): input and indices should have the same number of "
            f"dimensions, but got {a.ndim} dimensions for input, and {ix.ndim} dimensions "
            "for indices"
        )
    d = _wrap_dim(int(dim), a.ndim)
    sa, si = list(a.shape), list(ix.shape)
    sa[d] = si[d] = 1
    b = list(np.broadcast_shapes(tuple(sa), tuple(si)))
    ea, ei = list(b), list(b)
    ea[d], ei[d] = a.shape[d], ix.shape[d]
    x = _api.expand(input, *ea)  # (always: PyTorch's graph has the ExpandBackward0)
    idx = _api.expand(indices, *ei)
    return _more.gather(x, d, idx)


def _tri_indices(name, row, col, offset, lower, dtype):
    for pos, (arg, v) in enumerate((("row", row), ("col", col), ("offset", offset)), 1):
        if isinstance(v, bool) or not isinstance(v, numbers.Integral):
            raise TypeError(
                f"{name}(): argument '{arg}' (position {pos}) must be int, not {type(v).__name__}"
            )
    if row < 0:
        raise RuntimeError(f"row must be non-negative, got{row}")
    if col < 0:
        raise RuntimeError(f"col must be non-negative, got{col}")
    r, c = np.indices((row, col))
    keep = (c - r <= offset) if lower else (c - r >= offset)
    out = np.stack([r[keep], c[keep]]).astype(np.int64)
    t = Tensor._make(out)
    return t if dtype is None else t.to(dtype)


def tril_indices(row, col, offset=0, *, dtype=None, device=None, layout=None):
    """``torch.tril_indices(row, col, offset=0)``: 2 x N int64, row-major."""
    return _tri_indices("tril_indices", row, col, offset, True, dtype)


def triu_indices(row, col, offset=0, *, dtype=None, device=None, layout=None):
    """``torch.triu_indices(row, col, offset=0)``."""
    return _tri_indices("triu_indices", row, col, offset, False, dtype)


def diag_embed(input, offset=0, dim1=-2, dim2=-1):
    """``torch.diag_embed(x, offset=0, dim1=-2, dim2=-1)``: the last dim of ``x`` on the
    diagonals of new matrices (``DiagEmbedBackward0``)."""
    _check_tensor(input, "diag_embed")
    nd = input._data.ndim + 1
    d1, d2 = _wrap_dim(dim1, nd), _wrap_dim(dim2, nd)
    if d1 == d2:
        raise RuntimeError(f"diagonal dimensions cannot be identical {dim1}, {dim2}")
    return SC.DiagEmbedBackward0.apply(input, offset=int(offset), dim1=d1, dim2=d2)


def isin(elements, test_elements, *, assume_unique=False, invert=False):
    """``torch.isin(elements, test_elements)``: bool, no gradient (tensors or numbers)."""
    if not isinstance(elements, Tensor) and not isinstance(test_elements, Tensor):
        raise TypeError(
            "isin() received an invalid combination of arguments - got "
            f"({type(elements).__name__}, {type(test_elements).__name__}), but expected one "
            "of:\n * (Tensor elements, Tensor test_elements, *, bool assume_unique = False, "
            "bool invert = False, Tensor out = None)\n * (Number element, Tensor "
            "test_elements, *, bool assume_unique = False, bool invert = False, Tensor out "
            "= None)\n * (Tensor elements, Number test_element, *, bool assume_unique = False,"
            " bool invert = False, Tensor out = None)\n"
        )
    e = elements._data if isinstance(elements, Tensor) else np.asarray(elements)
    t = test_elements._data if isinstance(test_elements, Tensor) else np.asarray(test_elements)
    return Tensor._make(np.asarray(np.isin(e, t, invert=bool(invert))))


def _m(fn, name):
    def m(self, *args, **kwargs):
        return fn(self, *args, **kwargs)

    m.__name__ = m.__qualname__ = name
    return m


for _name, _fn in (
    ("cummax", cummax),
    ("cummin", cummin),
    ("logcumsumexp", logcumsumexp),
    ("broadcast_to", broadcast_to),
    ("take_along_dim", take_along_dim),
    ("diag_embed", diag_embed),
):
    if _name not in Tensor.__dict__:
        setattr(Tensor, _name, _m(_fn, _name))
del _name, _fn


def unique_consecutive(input, return_inverse=False, return_counts=False, dim=None):
    """``torch.unique_consecutive``: drop consecutive repeats (of elements, or of slices
    along ``dim``); ``inverse`` / ``counts`` as PyTorch returns them (nan never equals
    nan). A tensor that requires grad gets ``UniqueConsecutiveBackward0`` (no derivative)."""
    _check_tensor(input, "unique_consecutive")
    a = input._data
    if dim is None:
        flat = a.reshape(-1)
        with np.errstate(invalid="ignore"):
            new = np.ones(flat.shape[0], dtype=bool)
            new[1:] = flat[1:] != flat[:-1]
        vals = flat[new]
    else:
        d = _wrap_dim(int(dim), a.ndim)
        moved = np.moveaxis(a, d, 0)
        rows = moved.reshape(moved.shape[0], -1)
        new = np.ones(rows.shape[0], dtype=bool)
        if rows.shape[0] > 1:
            with np.errstate(invalid="ignore"):
                new[1:] = (rows[1:] != rows[:-1]).any(axis=1)
        vals = np.moveaxis(moved[new], 0, d)
    vals = np.ascontiguousarray(vals)
    if input.requires_grad and _GRAD.enabled:
        out = SC.UniqueConsecutiveBackward0.apply(input, values=vals)
    else:
        out = Tensor._make(vals)
    inverse = np.cumsum(new) - 1 if new.size else np.zeros(0, np.int64)
    result = [out]
    if return_inverse:
        inv = inverse.astype(np.int64)
        result.append(Tensor._make(inv.reshape(a.shape) if dim is None else inv))
    if return_counts:
        starts = np.flatnonzero(new)
        counts = np.diff(np.append(starts, new.size)).astype(np.int64)
        result.append(Tensor._make(counts))
    return result[0] if len(result) == 1 else tuple(result)


if "unique_consecutive" not in Tensor.__dict__:
    Tensor.unique_consecutive = _m(unique_consecutive, "unique_consecutive")


def block_diag(*tensors):
    """``torch.block_diag(*ts)``: the tensors (0-D, 1-D as a row, or 2-D) on the diagonal
    of one matrix (``BlockDiagBackward0``)."""
    for i, t in enumerate(tensors):
        if not isinstance(t, Tensor):
            raise TypeError(
                f"expected Tensor as element {i} in argument 0, but got {type(t).__name__}"
            )
        if t._data.ndim > 2:
            raise RuntimeError(
                "torch.block_diag: Input tensors must have 2 or fewer dimensions. Input "
                f"{i} has {t._data.ndim} dimensions"
            )
    if not tensors:
        return Tensor._make(np.zeros((1, 0), dtype=_api._DF[0]))
    dt = _api.result_type(*tensors)
    return SC.BlockDiagBackward0.apply(*tensors, dtype=dt)
