"""The legacy ``Tensor.new`` / ``Tensor.type_as``, which torch.distributions' code
calls."""

from __future__ import annotations

import numbers

import numpy as np

__all__ = ["attach"]


def new(self, *args, **kwargs):
    """The legacy constructor: ``x.new(*sizes)`` (uninitialised: zeros here),
    ``x.new(data)`` (a copy in ``x``'s dtype), ``x.new()`` (empty)."""
    from .tensor import Size, Tensor

    npd = self._data.dtype
    if len(args) == 1 and isinstance(args[0], Tensor):
        return Tensor._make(np.array(args[0]._data, dtype=npd))
    if len(args) == 1 and isinstance(args[0], list | tuple) and not isinstance(args[0], Size):
        return Tensor._make(np.array(args[0], dtype=npd))
    if len(args) == 1 and isinstance(args[0], Size):
        args = tuple(args[0])
    for a in args:
        if isinstance(a, bool) or not isinstance(a, numbers.Integral):
            raise TypeError(f"new(): data must be a sequence (got {type(a).__name__})")
    if not args:
        return Tensor._make(np.zeros((0,), dtype=npd))
    return Tensor._make(np.zeros(tuple(int(a) for a in args), dtype=npd))


def type_as(self, other):
    from .tensor import Tensor

    if not isinstance(other, Tensor):
        raise TypeError(
            f"type_as(): argument 'other' (position 1) must be Tensor, not {type(other).__name__}"
        )
    return self.to(other.dtype)


def attach():
    from .tensor import Tensor

    for fn in (new, type_as, set_, is_complex):
        if fn.__name__ not in Tensor.__dict__:
            setattr(Tensor, fn.__name__, fn)
    if "H" not in Tensor.__dict__:
        Tensor.H = property(_H)
    if "mH" not in Tensor.__dict__:
        Tensor.mH = property(_mH)


def set_(self, source=None, *args, **kwargs):
    """``x.set_(source)``: ``x`` now shares ``source``'s data (its shape and dtype too);
    ``x.set_()`` empties it."""
    from .tensor import Tensor

    if source is None:
        self._data = np.zeros((0,), self._data.dtype)
    elif isinstance(source, Tensor):
        self._data = source._data
    else:
        raise TypeError(f"set_(): argument 'source' must be Tensor, not {type(source).__name__}")
    self._vbox[0] += 1
    return self


def is_complex(self):
    return self._data.dtype.kind == "c"


def _H(self):
    """``x.H``: the conjugate transpose of a matrix (the transpose for real dtypes)."""
    if self.dim() not in (0, 2):
        raise RuntimeError(
            "tensor.H is only supported on matrices (2-D tensors). Got "
            f"{self.dim()}-D tensor. For batches of matrices, consider using tensor.mH"
        )
    return self.transpose(0, 1) if self.dim() == 2 else self


def _mH(self):
    if self.dim() < 2:
        raise RuntimeError(
            "tensor.mH is only supported on matrices or batches of matrices. Got "
            f"{self.dim()}-D tensor."
        )
    return self.transpose(-2, -1)


def _vdot_node():
    """``VdotBackward0``: the dot product's node under vdot's name (made on first use:
    ops.linalg is not imported yet when this module loads)."""
    if not _VDOT:
        from .ops.linalg import DotBackward0

        _VDOT.append(type("VdotBackward0", (DotBackward0,), {"op": "vdot"}))
    return _VDOT[0]


_VDOT: list = []


def vdot(input, other, *, out=None):
    """``torch.vdot(a, b)``: ``Σ conj(a)·b`` (for real tensors the dot product, one
    ``VdotBackward0``)."""
    from . import api as _api

    _api.dot(input, other)  # (dot's checks and errors: PyTorch's vdot says the same)
    return _vdot_node().apply(input, other)
