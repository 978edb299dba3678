"""``torch.autograd.Variable``: the pre-0.4 wrapper, today a function returning a Tensor.

``Variable(t, requires_grad=True)`` gives a new leaf sharing ``t``'s data (as PyTorch
does), and ``isinstance(x, Variable)`` holds for every tensor.
"""

from __future__ import annotations

import numpy as np

from .device import DEFAULT_FLOAT
from .tensor import Tensor


class _VariableMeta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, Tensor)

    def __subclasscheck__(cls, sub):
        return isinstance(sub, type) and issubclass(sub, Tensor)


class Variable(metaclass=_VariableMeta):
    """``Variable(data, requires_grad=False)``: a leaf tensor sharing ``data``."""

    def __new__(cls, data=None, requires_grad=False, volatile=False):
        if data is None:
            return Tensor._make(np.zeros((0,), dtype=DEFAULT_FLOAT[0]))
        if not isinstance(data, Tensor):
            raise TypeError(f"Variable data has to be a tensor, but got {type(data).__name__}")
        t = data.detach()
        if requires_grad:
            t._set_requires_grad(True, "ctor")
        return t
