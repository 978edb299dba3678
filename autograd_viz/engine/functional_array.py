"""Tiny array helpers that work on ndarrays *and* Tensors.

Backward formulas use these (plus ordinary operators), so the same formula runs
on numpy arrays in a plain backward and on Tensors under ``create_graph=True``
(where each helper records graph nodes, giving real higher derivatives).
"""

from __future__ import annotations

import numpy as np

from .ops.fsum import sum32 as _sum32

_ndarray = np.ndarray
_generic = np.generic


def _is_array(x) -> bool:
    return type(x) is _ndarray or isinstance(x, _ndarray | _generic | float | int)


_add_reduce = np.add.reduce


_F32 = np.dtype(np.float32)
_F64 = np.dtype(np.float64)
_ONES: dict = {}
_SUM_EXACT_MAX = 8192  # (ops.reduce.SUM_EXACT_MAX: sums up to this size in PyTorch's order)


def _ones(n, dtype):
    """A cached read-only vector of ``n`` ones."""
    key = (n, dtype)
    o = _ONES.get(key)
    if o is None:
        o = np.ones(n, dtype)
        o.flags.writeable = False
        if len(_ONES) < 64:
            _ONES[key] = o
    return o


#: per float dtype: Python number -> the same number as a read-only 0-d array of that dtype
_CONSTS: dict = {_F32: {}, _F64: {}}


def const(c, dt):
    """The Python number ``c`` as a read-only 0-d array of the float dtype ``dt`` (cached).

    ``arr * const(c, arr.dtype)`` gives the bits of ``arr * c`` (numpy converts a Python
    number to the array's float dtype first) in about half the time: numpy 2 spends
    ~0.2 µs turning a Python scalar into an array on every call.  ``None`` when ``dt``
    is not float32/float64, or ``c`` does not convert to ``dt`` as it is (overflow to
    inf, or nan: left to numpy's own path and its warnings)."""
    table = _CONSTS.get(dt)
    if table is None:
        return None
    a = table.get(c)
    if a is None:
        with np.errstate(all="ignore"):
            a = np.array(c, dt)
        if not (-np.inf < a < np.inf) or (a == 0 and c != 0):  # overflow, nan, underflow
            return None
        a.flags.writeable = False
        if len(table) >= 256:  # (a loop uses a few numbers: start again)
            table.clear()
        table[c] = a
    return a


def sum_to(g, shape):
    """Reduce a broadcast gradient ``g`` back to ``shape`` (numpy broadcasting rules)."""
    if g.__class__ is _ndarray and g.ndim == 2 and len(shape) == 1 and g.shape[1] == shape[0] != 1:
        # a bias's gradient: the column sums, as one matrix-vector product (BLAS is
        # several times faster than ``add.reduce`` over axis 0 for small matrices; one
        # column is one contiguous sum, in PyTorch's order below)
        dt = g.dtype
        if dt is _F32 or dt is _F64 or dt in (_F32, _F64):
            return _ones(g.shape[0], dt) @ g
    gshape = tuple(g.shape)
    shape = tuple(shape)
    if gshape == shape:
        return g
    if (
        g.__class__ is _ndarray
        and g.dtype is _F32
        and g.size <= _SUM_EXACT_MAX
        and (not shape or shape.count(1) == len(shape))
        and g.flags.c_contiguous
    ):
        # a 0-d / (1,) parameter's gradient (``w * x + b``): PyTorch's sum kernel order,
        # for its float32 bits (as the forward ``sum``)
        return _sum32(g).reshape(shape)
    lead = len(gshape) - len(shape)
    keep = tuple(i + lead for i, s in enumerate(shape) if s == 1 and gshape[i + lead] != 1)
    if _is_array(g):
        if not keep:  # only leading dims to remove (a bias): one reduction
            return _add_reduce(g, axis=tuple(range(lead)))
        r = _add_reduce(g, axis=tuple(range(lead)) + keep, keepdims=True)
        return np.reshape(r, shape)
    if not shape:  # (PyTorch's at::sum_to: a plain sum to a 0-d shape)
        return g.sum()
    axes = tuple(range(lead)) + keep
    r = g.sum(dim=axes, keepdim=True) if axes else g
    # (as PyTorch's at::sum_to: a view only when leading dimensions went away)
    return r.view(shape) if lead else r


def expand_to(g, shape):
    """Broadcast ``g`` to ``shape`` (the backward of a sum)."""
    if _is_array(g):
        # (a numpy value's own dtype: ``np.result_type`` costs about 1 µs)
        dt = g.dtype if g.__class__ is _ndarray or isinstance(g, _generic) else np.result_type(g)
        out = np.empty(shape, dtype=dt)
        out[...] = g
        return out
    return g.expand(*shape)


def unsqueeze_dims(g, dims):
    """Re-insert reduced dimensions ``dims`` (non-negative, sorted) of size 1."""
    if not _is_array(g):  # create_graph: one unsqueeze per dim, as PyTorch's sum_backward
        for d in sorted(dims):
            g = g.unsqueeze(d)
        return g
    shape = list(g.shape)
    for d in sorted(dims):
        shape.insert(d, 1)
    return np.reshape(g, shape)


def mT(x):
    """Swap the last two dimensions."""
    if _is_array(x):
        return np.swapaxes(x, -1, -2)
    return x.transpose(-1, -2)


def t(x):
    """Transpose a matrix (``TBackward0`` in graph mode)."""
    return x.T if type(x) is _ndarray or _is_array(x) else x.t()


def outer(a, b):
    if _is_array(a) and _is_array(b):
        return np.multiply.outer(a, b)
    return _tensor(a).unsqueeze(1) * _tensor(b).unsqueeze(0)


def scale(x, c):
    """``x * c`` for a Python number ``c`` (``MulBackward1`` in graph mode)."""
    if x.__class__ is _ndarray:
        k = const(c, x.dtype)
        return x * (c if k is None else k)
    if _is_array(x):
        return x * c
    from .ops.arithmetic import MulBackward1

    return MulBackward1.apply(x, other=c)


def add_scalar(x, c):
    """``x + c`` for a Python number ``c`` (``AddBackward1`` in graph mode, as PyTorch's
    C++ formulas add a Scalar)."""
    if _is_array(x):
        return x + c
    from .ops.arithmetic import AddBackward1

    return AddBackward1.apply(x, other=c)


def sub_scalar(x, c):
    """``x - c`` for a Python number ``c`` (``SubBackward1`` in graph mode)."""
    if _is_array(x):
        return x - c
    from .ops.arithmetic import SubBackward1

    return SubBackward1.apply(x, other=c)


def exp(x):
    return np.exp(x) if _is_array(x) else x.exp()


def log(x):
    if _is_array(x):
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.log(x)
    return x.log()


def sign(x):
    return np.sign(x) if _is_array(x) else x.sign()


def where(cond, a, b):
    """Elementwise choice; ``cond`` is a boolean ndarray."""
    if _is_array(a) and _is_array(b):
        return np.where(cond, a, b)
    from .api import where as twhere

    return twhere(cond, a, b)


def mask(g, cond):
    """``g`` where ``cond`` holds, 0 elsewhere (cond: a boolean ndarray)."""
    if _is_array(g):
        dt = g.dtype if g.__class__ is _ndarray or isinstance(g, _generic) else np.result_type(g)
        return np.where(cond, g, 0).astype(dt, copy=False)
    return g * _tensor(cond.astype(g._data.dtype))


def zeros_like(x):
    if _is_array(x):
        return np.zeros_like(x)
    return _tensor(np.zeros_like(x._data))


def _tensor(a):
    from .tensor import Tensor

    if isinstance(a, Tensor):
        return a
    return Tensor._make(np.asarray(a), False, None)
