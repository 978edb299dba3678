"""``index_fill`` / ``index_copy`` / ``masked_scatter`` and their in-place methods (the
Annotated Transformer's label smoothing: ``true_dist.index_fill_(0, mask.squeeze(), 0.0)``),
with PyTorch's checks and messages; nodes in ops/index_fill.py."""

from __future__ import annotations

import numbers

import numpy as np

from . import argtypes as _argtypes
from .api import _check_tensor
from .api_scatter import _inplace_with, _scalar_name
from .ops import index_fill as IF
from .tensor import Tensor, _wrap_dim


def _slices(input, dim, index, name, dtypes="l"):
    """The key of the slices ``index`` along ``dim`` and the mask of what they cover."""
    a = input._data
    nd = max(a.ndim, 1)
    d = _wrap_dim(int(dim), nd)
    idx = index._data
    if idx.dtype.char not in dtypes and not (dtypes == "l" and idx.dtype.char == "q"):
        if name == "index_fill":
            raise IndexError("index_fill_(): Expected dtype int64 for index.")
        raise RuntimeError(
            f"{name}_(): Expected a long tensor for index, but got {_scalar_name(idx.dtype)}"
        )
    if idx.ndim > 1:
        if name == "index_fill":
            raise RuntimeError("Index has to be a vector/scalar")
        raise IndexError(f"{name}_(): Index should have dimension 1 or 0 (got {idx.ndim})")
    flat = idx.reshape(-1).astype(np.int64)
    size = a.shape[d] if a.ndim else 1
    bad = np.flatnonzero((flat < -size) | (flat >= size))
    if bad.size:
        b = int(flat[bad[0]])
        pre = f"{name}_(): " if name == "index_copy" else ""
        raise IndexError(f"{pre}index {b} is out of bounds for dimension {d} with size {size}")
    flat = np.where(flat < 0, flat + size, flat)
    if not a.ndim:
        return Ellipsis, np.ones((), bool), d, flat
    key = (slice(None),) * d + (flat,)
    mask = np.zeros(a.shape, bool)
    mask[key] = True
    return key, mask, d, flat


_FILL_SIGS = _argtypes.signatures(
    "(int dim, Tensor index, Tensor value)", "(int dim, Tensor index, Number value)"
)


def index_fill(input, dim, index, value):
    """``input`` with ``value`` in the slices ``index`` along ``dim``: ``IndexFillBackward0``
    (a number) or ``IndexFillBackward1`` (a 0-d tensor)."""
    _check_tensor(input, "index_fill")
    if not isinstance(index, Tensor) or not isinstance(value, Tensor | numbers.Number):
        _argtypes.check("index_fill", _FILL_SIGS, (dim, index, value), {})
    key, mask, _, _ = _slices(input, dim, index, "index_fill")
    if isinstance(value, Tensor):
        if value._data.ndim:
            raise RuntimeError(
                "index_fill_ only supports a 0-dimensional value tensor, but got tensor with "
                f"{value._data.ndim} dimension(s)."
            )
        if value._requires_grad:
            v = value if value._data.dtype == input._data.dtype else value.to(input.dtype)
            return IF.IndexFillBackward1.apply(input, v, key=key, mask=mask)
        value = value.item()
    if isinstance(value, complex | np.complexfloating):  # (even with no imaginary part)
        raise RuntimeError(
            "index_fill_(): Converting complex Scalar to non-complex type is not supported"
        )
    return IF.IndexFillBackward0.apply(input, key=key, mask=mask, value=value)


def index_copy(input, dim, index, source):
    """``input`` with ``source``'s slices copied to the slices ``index`` along ``dim``:
    ``IndexCopyBackward0``."""
    _check_tensor(input, "index_copy")
    _check_tensor(source, "index_copy", "source", 4)
    if not isinstance(index, Tensor):
        _check_tensor(index, "index_copy", "index", 3)
    key, mask, d, flat = _slices(input, dim, index, "index_copy")
    a, s = input._data, source._data
    s_d = s.shape[d] if s.ndim else 1
    if flat.size != s_d:
        raise IndexError(
            f"index_copy_(): Number of indices ({flat.size}) should be equal to "
            f"source.size(dim) ({s_d})"
        )
    if s.dtype != a.dtype:
        raise RuntimeError(
            "index_copy_(): self and source expected to have the same dtype, but got (self) "
            f"{_scalar_name(a.dtype)} and (source) {_scalar_name(s.dtype)}"
        )
    want = (*a.shape[:d], flat.size, *a.shape[d + 1 :]) if a.ndim else (flat.size,)
    if tuple(s.shape if s.ndim else (1,)) != want:
        raise RuntimeError(
            "index_copy_(): Source/destination tensor must have same slice shapes. "
            f"Destination slice shape: {_slice_text(a.shape, d)} at dimension {d} and source "
            f"slice shape: {_slice_text(s.shape, d)} at dimension 0."
        )
    if not a.ndim:
        source = source.reshape(())
    return IF.IndexCopyBackward0.apply(input, source, key=key, mask=mask)


def _slice_text(shape, d):
    rest = tuple(shape[:d]) + tuple(shape[d + 1 :])
    return " ".join(str(n) for n in rest) if rest else "1"


def masked_scatter(input, mask, source):
    """``input`` with ``source``'s first elements, in order, where ``mask`` (broadcast) is
    True: ``MaskedScatterBackward0``."""
    _check_tensor(input, "masked_scatter")
    _check_tensor(mask, "masked_scatter", "mask")
    _check_tensor(source, "masked_scatter", "source", 3)
    m = mask._data
    if m.dtype != np.bool_:
        raise RuntimeError(
            "masked_scatter_ only supports boolean masks, but got mask with dtype "
            f"{_scalar_name(m.dtype)}"
        )
    a, s = input._data, source._data
    if s.dtype != a.dtype:
        raise RuntimeError(
            "masked_scatter: expected self and source to have same dtypes but got"
            f"{_scalar_name(a.dtype)} and {_scalar_name(s.dtype)}"
        )
    try:
        m = np.broadcast_to(m, a.shape)
    except ValueError:
        raise RuntimeError(
            f"The size of tensor a ({a.shape[-1] if a.ndim else 1}) must match the size of "
            f"tensor b ({m.shape[-1] if m.ndim else 1}) at non-singleton dimension "
            f"{max(a.ndim, m.ndim) - 1}"
        ) from None
    if int(m.sum()) > s.size:
        raise RuntimeError("Number of elements of source < number of ones in mask")
    return IF.MaskedScatterBackward0.apply(input, source, mask=np.ascontiguousarray(m))


def _m_index_fill_(self, dim, index, value):
    return _inplace_with(self, "index_fill_", lambda old: index_fill(old, dim, index, value), value)


def _m_index_copy_(self, dim, index, source):
    return _inplace_with(
        self, "index_copy_", lambda old: index_copy(old, dim, index, source), source
    )


def _m_masked_scatter_(self, mask, source):
    return _inplace_with(
        self, "masked_scatter_", lambda old: masked_scatter(old, mask, source), source
    )


for _name, _fn in (
    ("index_fill", index_fill),
    ("index_copy", index_copy),
    ("masked_scatter", masked_scatter),
    ("index_fill_", _m_index_fill_),
    ("index_copy_", _m_index_copy_),
    ("masked_scatter_", _m_masked_scatter_),
):
    _fn.__name__ = _fn.__qualname__ = _name
    if _name not in Tensor.__dict__:
        setattr(Tensor, _name, _fn)
del _name, _fn
