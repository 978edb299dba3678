"""Tensor factories: tensor, ones, zeros, arange, randn, ... and the random seed."""

from __future__ import annotations

import numbers

import numpy as np

from .dtypes import to_numpy_dtype
from .grad_mode import STATE  # noqa: F401  (re-exported for symmetry)
from .tensor import DEFAULT_FLOAT, Tensor, as_array

_rng = [np.random.default_rng(0)]


def manual_seed(seed: int):
    """Seed this library's generator (numpy's PCG64; not PyTorch's numbers)."""
    _rng[0] = np.random.default_rng(int(seed))
    return _rng[0]


def seed():
    return manual_seed(np.random.SeedSequence().entropy % (2**63))


def _finish(arr, requires_grad):
    t = Tensor._make(arr, False, None)
    if requires_grad:
        t.requires_grad = True
    return t


def _shape(size):
    if len(size) == 1 and isinstance(size[0], list | tuple):
        size = tuple(size[0])
    for s in size:
        if not isinstance(s, numbers.Integral):
            raise TypeError(
                f"{'zeros'}(): argument 'size' must be tuple of ints, but found element of "
                f"type {type(s).__name__}")
        if s < 0:
            raise RuntimeError(
                f"Trying to create tensor with negative dimension {s}: {list(size)}")
    return tuple(int(s) for s in size)


def tensor(data, dtype=None, device=None, requires_grad=False):
    arr = as_array(data, to_numpy_dtype(dtype))
    if isinstance(data, Tensor):
        arr = arr.copy()
    return _finish(arr, requires_grad)


def _factory(fill):
    def make(*size, dtype=None, requires_grad=False, device=None, out=None):
        size = _shape(size)
        return _finish(fill(size, to_numpy_dtype(dtype) or DEFAULT_FLOAT), requires_grad)

    return make


zeros = _factory(np.zeros)
ones = _factory(np.ones)
empty = _factory(np.zeros)


def full(size, fill_value, dtype=None, requires_grad=False, device=None):
    npd = to_numpy_dtype(dtype)
    if npd is None:
        npd = (np.dtype(np.bool_) if isinstance(fill_value, bool) else
               np.dtype(np.int64) if isinstance(fill_value, numbers.Integral) else DEFAULT_FLOAT)
    return _finish(np.full(_shape(tuple(size)), fill_value, dtype=npd), requires_grad)


def zeros_like(t, dtype=None, requires_grad=False):
    return _finish(np.zeros_like(t._data, dtype=to_numpy_dtype(dtype)), requires_grad)


def ones_like(t, dtype=None, requires_grad=False):
    return _finish(np.ones_like(t._data, dtype=to_numpy_dtype(dtype)), requires_grad)


def full_like(t, fill_value, dtype=None, requires_grad=False):
    return _finish(np.full_like(t._data, fill_value, dtype=to_numpy_dtype(dtype)),
                   requires_grad)


def arange(start, end=None, step=1, dtype=None, requires_grad=False, device=None):
    if end is None:
        start, end = 0, start
    npd = to_numpy_dtype(dtype)
    if npd is None:
        is_int = all(isinstance(v, numbers.Integral) for v in (start, end, step))
        npd = np.dtype(np.int64) if is_int else DEFAULT_FLOAT
    return _finish(np.arange(start, end, step).astype(npd), requires_grad)


def linspace(start, end, steps, dtype=None, requires_grad=False):
    npd = to_numpy_dtype(dtype) or DEFAULT_FLOAT
    return _finish(np.linspace(start, end, steps).astype(npd), requires_grad)


def eye(n, m=None, dtype=None, requires_grad=False):
    return _finish(np.eye(n, m, dtype=to_numpy_dtype(dtype) or DEFAULT_FLOAT), requires_grad)


def randn(*size, dtype=None, requires_grad=False, generator=None, device=None):
    npd = to_numpy_dtype(dtype) or DEFAULT_FLOAT
    return _finish(_rng[0].standard_normal(_shape(size)).astype(npd), requires_grad)


def rand(*size, dtype=None, requires_grad=False, generator=None, device=None):
    npd = to_numpy_dtype(dtype) or DEFAULT_FLOAT
    return _finish(_rng[0].random(_shape(size)).astype(npd), requires_grad)


def randint(low, high=None, size=None, dtype=None, requires_grad=False, generator=None):
    if size is None:
        low, high, size = 0, low, high
    elif high is None:
        low, high = 0, low
    if size is None:
        raise TypeError("randint() missing 1 required positional arguments: \"size\"")
    npd = to_numpy_dtype(dtype) or np.dtype(np.int64)
    return _finish(_rng[0].integers(low, high, size=_shape(tuple(size))).astype(npd),
                   requires_grad)


def FloatTensor(*args):  # noqa: N802
    return Tensor(*args)


def DoubleTensor(*args):  # noqa: N802
    return Tensor(*args).double()


def LongTensor(*args):  # noqa: N802
    if len(args) == 1 and not isinstance(args[0], numbers.Number):
        return Tensor._make(as_array(args[0], np.int64))
    return Tensor._make(np.zeros(args, dtype=np.int64))


def from_numpy(arr):
    return Tensor._make(arr)
