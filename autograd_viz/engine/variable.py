"""``torch.autograd.Variable``: the pre-0.4 wrapper, today a function returning a Tensor.

``Variable(t, requires_grad=True)`` gives a new leaf sharing ``t``'s data (as PyTorch
does), ``isinstance(x, Variable)`` holds for every tensor (``issubclass(Tensor,
Variable)`` does not, as in PyTorch), and the removed ``volatile`` flag warns as PyTorch
warns (``Variable(t, volatile=True)``, ``t.volatile``).
"""

from __future__ import annotations

import operator
import warnings

import numpy as np

from .device import DEFAULT_FLOAT
from .tensor import Tensor

_VOLATILE_ARG = "volatile was removed and now has no effect. Use `with torch.no_grad():` instead."
_VOLATILE_ATTR = "volatile was removed (Variable.volatile is always False)"


class VariableMeta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, Tensor)


def _flag(value) -> bool:
    """PyTorch parses these flags as integers: ``1`` is fine, ``1.5`` or ``None`` not."""
    try:
        return bool(operator.index(value))
    except TypeError:
        raise TypeError(
            f"'{type(value).__name__}' object cannot be interpreted as an integer"
        ) from None


class Variable(metaclass=VariableMeta):
    """``Variable(data, requires_grad=False, volatile=False)``: a leaf tensor sharing
    ``data``."""

    def __new__(cls, *args, **kwargs):
        names = ("data", "requires_grad", "volatile", "_grad_fn")
        if len(args) > len(names):
            raise TypeError(f"Variable() takes at most {len(names)} arguments ({len(args)} given)")
        vals = dict(zip(names, args, strict=False))
        for k, v in kwargs.items():
            if k not in names:
                raise TypeError(f"'{k}' is an invalid keyword argument for this function")
            vals[k] = v
        data = vals.get("data")
        requires_grad = _flag(vals.get("requires_grad", False))
        volatile = _flag(vals.get("volatile", False))
        grad_fn = vals.get("_grad_fn")
        if grad_fn is not None:
            raise TypeError(
                f"_grad_fn has to be a Function object or None, but got {type(grad_fn).__name__}"
            )
        if volatile:
            warnings.warn(_VOLATILE_ARG, UserWarning, stacklevel=2)
            if requires_grad:
                raise ValueError("Variable can't be volatile and require_grad at the same time!")
        if data is None:
            t = Tensor._make(np.zeros((0,), dtype=DEFAULT_FLOAT[0]))
        elif not isinstance(data, Tensor):
            raise TypeError(f"Variable data has to be a tensor, but got {type(data).__name__}")
        else:
            t = data.detach()  # shares the data and its version counter
        if requires_grad:
            if t._data.dtype.kind not in "fc":
                raise RuntimeError(
                    "Only Tensors of floating point and complex dtype can require gradients"
                )
            t._requires_grad = True
        return t


def _volatile(self):
    warnings.warn(_VOLATILE_ATTR, UserWarning, stacklevel=2)
    return False


Tensor.volatile = property(_volatile)
