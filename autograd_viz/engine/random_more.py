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

    for fn in (new, type_as):
        if fn.__name__ not in Tensor.__dict__:
            setattr(Tensor, fn.__name__, fn)
