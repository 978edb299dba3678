"""In-place transposes: ``transpose_`` / ``swapdims_`` / ``swapaxes_`` and ``t_``.

The tensor itself takes the swapped layout (the same memory), its version goes up, and
in a graph it gets PyTorch's node for the in-place form (``TransposeBackward1``,
``TBackward1``: the gradient is swapped back).  PyTorch's ``nn.RNN`` / ``nn.GRU`` end a
``batch_first`` run with ``output.transpose_(0, 1)``.
"""

from __future__ import annotations

import weakref

import numpy as np

from . import api as _api
from . import events
from .grad_mode import STATE
from .ops import shape as S
from .tensor import Tensor, _wrap_dim


class TransposeBackward1(S.TransposeBackward0):
    """``x.transpose_(dim0, dim1)``: the in-place form (not a view node)."""

    op, symbol = "transpose_", "ᵀ"
    is_view = False


class TBackward1(S.TBackward0):
    """``x.t_()``: the in-place form (not a view node)."""

    op, symbol = "t_", "ᵀ"
    is_view = False


def relayout_in_place(x, name, node_fn, new_of):
    """``x`` takes the array ``new_of(old)`` (a new layout of the same memory: swapped or
    inserted dims) in place; ``node_fn(alias)``: the op that records the node when a
    gradient is needed (PyTorch's checks first); the version goes up.  ``transpose_``,
    ``t_``, ``unsqueeze_``."""
    grad = STATE.enabled and x._requires_grad
    if grad:
        _api._check_leaf_inplace(x)
        _api._check_view_of_leaf(x)
    old = x._data
    new = new_of(old)
    if grad:
        out = node_fn(_api._alias(x, old))
        node = out.grad_fn
        x._grad_fn = node
        if x._output_nr:
            del x._output_nr
        if events.LISTENERS:
            node._out_ref = weakref.ref(x)
    x._data = new
    x._vbox[0] += 1
    if events.LISTENERS:
        events.emit("inplace", tensor=x, op=name, old=old.copy(), new=new, grad_enabled=grad)
    return x


def transpose_(self, dim0, dim1):
    nd = self._data.ndim
    d0, d1 = _wrap_dim(dim0, max(nd, 1)), _wrap_dim(dim1, max(nd, 1))
    if not nd:
        return self
    return relayout_in_place(
        self,
        "transpose_",
        lambda a: TransposeBackward1.apply(a, dim0=d0, dim1=d1),
        lambda arr: np.swapaxes(arr, d0, d1),
    )


def t_(self):
    nd = self._data.ndim
    if nd > 2:
        raise RuntimeError(f"t_() expects a tensor with <= 2 dimensions, but self is {nd}D")
    return relayout_in_place(self, "t_", TBackward1.apply, np.transpose)


for _name, _fn in (
    ("transpose_", transpose_),
    ("swapdims_", transpose_),
    ("swapaxes_", transpose_),
    ("t_", t_),
):
    if _name not in Tensor.__dict__:
        setattr(Tensor, _name, _fn)
del _name, _fn
