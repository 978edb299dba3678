"""Tensor factories: tensor, ones, zeros, arange, randn, ... and the random seed.

Random numbers come from one numpy ``Generator`` (PCG64): ``manual_seed(s)`` gives
the same numbers in every run of this library, not PyTorch's numbers.
"""

from __future__ import annotations

import numbers

import numpy as np

from .dtypes import to_numpy_dtype
from .tensor import DEFAULT_FLOAT, Size, Tensor, _float_rg_error, as_array

_rng = [np.random.default_rng(0)]


class Generator:
    """What ``manual_seed`` returns: the default generator, shown as PyTorch's
    (``<torch._C.Generator object at 0x...>``; in a notebook ``<torch._C.Generator at
    0x...>``).  The numbers come from numpy's PCG64 (``.numpy``), not PyTorch's."""

    __module__ = "torch._C"

    def manual_seed(self, seed: int):
        self._seed = int(seed)
        _rng[0] = np.random.default_rng(self._seed)
        return self

    def initial_seed(self) -> int:
        return self._seed

    @property
    def numpy(self):
        return _rng[0]


_default_generator = Generator()
_default_generator._seed = 0


def manual_seed(seed: int):
    """Seed this library's generator (numpy's PCG64; not PyTorch's numbers)."""
    return _default_generator.manual_seed(seed)


def seed():
    """Seed with a non-deterministic number and return it (as ``torch.seed()``)."""
    s = int(np.random.SeedSequence().entropy % (2**63))
    manual_seed(s)
    return s


def _finish(arr, requires_grad):
    t = Tensor._make(arr, False, None)
    if requires_grad:
        if arr.dtype.kind not in "fc":
            raise _float_rg_error(initial=True)
        t._requires_grad = True
    return t


def _shape(size, fn="zeros"):
    if len(size) == 1 and isinstance(size[0], list | tuple | Size):
        size = tuple(size[0])
    for s in size:
        if isinstance(s, Tensor) and s._data.ndim == 0:
            s = s.item()
        if not isinstance(s, numbers.Integral) or isinstance(s, bool):
            raise TypeError(
                f"{fn}(): argument 'size' (position 1) must be tuple of ints, not "
                f"{type(s).__name__}"
            )
    size = tuple(int(s) for s in size)
    for s in size:
        if s < 0:
            if fn == "zeros":  # PyTorch checks zeros' sizes with its own message
                raise RuntimeError("zeros: Dimension size must be non-negative.")
            raise RuntimeError(f"Trying to create tensor with negative dimension {s}: {list(size)}")
    return size


def _dtype_arg(dtype, fn):
    """``to_numpy_dtype`` with PyTorch's message for a dtype that is not a torch.dtype
    (``tensor(): argument 'dtype' must be torch.dtype, not str``)."""
    try:
        return to_numpy_dtype(dtype)
    except TypeError:
        raise TypeError(
            f"{fn}(): argument 'dtype' must be torch.dtype, not {type(dtype).__name__}"
        ) from None


def tensor(data, dtype=None, device=None, requires_grad=False, pin_memory=False):
    """A new tensor (a copy of ``data``): float32 from floats, int64 from ints."""
    arr = as_array(data, _dtype_arg(dtype, "tensor") if dtype is not None else None)
    if isinstance(data, Tensor) or (isinstance(data, np.ndarray) and arr is data):
        arr = arr.copy()
    return _finish(arr, requires_grad)


def as_tensor(data, dtype=None, device=None):
    if isinstance(data, Tensor) and dtype is None:
        return data
    return tensor(data, dtype=dtype)


def _factory(fill, name):
    def make(*size, dtype=None, requires_grad=False, device=None, out=None, layout=None, **kw):
        if "size" in kw:
            size = (kw.pop("size"),)
        size = _shape(size, name)
        return _finish(fill(size, _dtype_arg(dtype, name) or DEFAULT_FLOAT), requires_grad)

    make.__name__ = name
    make.__doc__ = f"``torch.{name}(*size, dtype=None, requires_grad=False)``"
    return make


zeros = _factory(np.zeros, "zeros")
ones = _factory(np.ones, "ones")
empty = _factory(np.zeros, "empty")


def full(size, fill_value, dtype=None, requires_grad=False, device=None):
    npd = to_numpy_dtype(dtype)
    if isinstance(fill_value, Tensor):
        fill_value = fill_value.item()
    if npd is None:
        npd = (
            np.dtype(np.bool_)
            if isinstance(fill_value, bool)
            else np.dtype(np.int64)
            if isinstance(fill_value, numbers.Integral)
            else DEFAULT_FLOAT
        )
    size = _shape(tuple(size) if isinstance(size, list | tuple | Size) else (size,), "full")
    return _finish(np.full(size, fill_value, dtype=npd), requires_grad)


def _like(fill):
    def make(t, dtype=None, requires_grad=False, device=None, memory_format=None):
        npd = to_numpy_dtype(dtype) or t._data.dtype
        return _finish(fill(t._data.shape, dtype=npd), requires_grad)

    return make


zeros_like = _like(np.zeros)
ones_like = _like(np.ones)
empty_like = _like(np.zeros)


def full_like(t, fill_value, dtype=None, requires_grad=False):
    npd = to_numpy_dtype(dtype) or t._data.dtype
    return _finish(np.full(t._data.shape, fill_value, dtype=npd), requires_grad)


def rand_like(t, dtype=None, requires_grad=False):
    npd = to_numpy_dtype(dtype) or t._data.dtype
    return _finish(_rng[0].random(t._data.shape).astype(npd), requires_grad)


def randn_like(t, dtype=None, requires_grad=False):
    npd = to_numpy_dtype(dtype) or t._data.dtype
    return _finish(_rng[0].standard_normal(t._data.shape).astype(npd), requires_grad)


def _num(v):
    return v.item() if isinstance(v, Tensor) else v


_ARANGE_SIGS = (
    " * (Number end, *, Tensor out = None, torch.dtype dtype = None, torch.layout layout = "
    "None, torch.device device = None, bool pin_memory = False, bool requires_grad = False)\n"
    " * (Number start, Number end, *, torch.dtype dtype = None, torch.layout layout = None, "
    "torch.device device = None, bool pin_memory = False, bool requires_grad = False)\n"
    " * (Number start, Number end, Number step = 1, *, Tensor out = None, torch.dtype dtype "
    "= None, torch.layout layout = None, torch.device device = None, bool pin_memory = "
    "False, bool requires_grad = False)\n"
)


def _arange_error(given):
    """PyTorch's message for ``arange`` of something that is not a number."""
    if len(given) == 1:
        return TypeError(
            f"arange(): argument 'end' (position 1) must be Number, not {type(given[0]).__name__}"
        )
    got = ", ".join(type(v).__name__ for v in given)
    return TypeError(
        f"arange() received an invalid combination of arguments - got ({got}), "
        f"but expected one of:\n{_ARANGE_SIGS}"
    )


def arange(start, end=None, step=1, dtype=None, requires_grad=False, device=None):
    given = (
        (start,)
        if end is None
        else (start, end)
        if (isinstance(step, int) and step == 1)
        else (start, end, step)
    )
    start, end, step = _num(start), _num(end), _num(step)
    if end is None:
        start, end = 0, start
    if step == 0:
        raise RuntimeError("step must be nonzero")
    npd = to_numpy_dtype(dtype)
    if npd is None:
        is_int = all(isinstance(v, numbers.Integral) for v in (start, end, step))
        npd = np.dtype(np.int64) if is_int else DEFAULT_FLOAT
    try:
        n = max(int(np.ceil((end - start) / step)), 0)
    except TypeError:
        raise _arange_error(given) from None
    arr = (
        (start + step * np.arange(n, dtype=np.float64))
        if npd.kind == "f"
        else (np.arange(start, end, step))
    )
    return _finish(np.asarray(arr).astype(npd), requires_grad)


def linspace(start, end, steps, dtype=None, requires_grad=False, device=None):
    npd = to_numpy_dtype(dtype) or DEFAULT_FLOAT
    return _finish(np.linspace(_num(start), _num(end), steps).astype(npd), requires_grad)


def eye(n, m=None, dtype=None, requires_grad=False, device=None):
    return _finish(np.eye(n, m, dtype=to_numpy_dtype(dtype) or DEFAULT_FLOAT), requires_grad)


def randn(*size, dtype=None, requires_grad=False, generator=None, device=None):
    npd = _dtype_arg(dtype, "randn") or DEFAULT_FLOAT
    return _finish(_rng[0].standard_normal(_shape(size, "randn")).astype(npd), requires_grad)


def rand(*size, dtype=None, requires_grad=False, generator=None, device=None):
    npd = _dtype_arg(dtype, "rand") or DEFAULT_FLOAT
    return _finish(_rng[0].random(_shape(size, "rand")).astype(npd), requires_grad)


def randint(
    low, high=None, size=None, dtype=None, requires_grad=False, generator=None, device=None
):
    if size is None and isinstance(high, tuple | list | Size):
        low, high, size = 0, low, high
    elif high is None:
        low, high = 0, low
    if size is None:
        raise TypeError(
            "randint() received an invalid combination of arguments - got "
            f"({low}, {high}), but expected one of: (int high, tuple of ints "
            "size, ...) or (int low, int high, tuple of ints size, ...)"
        )
    npd = to_numpy_dtype(dtype) or np.dtype(np.int64)
    return _finish(
        _rng[0].integers(low, high, size=_shape(tuple(size), "randint")).astype(npd), requires_grad
    )


def randperm(n, dtype=None, requires_grad=False):
    npd = to_numpy_dtype(dtype) or np.dtype(np.int64)
    return _finish(_rng[0].permutation(n).astype(npd), requires_grad)


def normal(mean=0.0, std=1.0, size=None, requires_grad=False):
    arr = _rng[0].normal(mean, std, size=_shape(tuple(size), "normal")).astype(DEFAULT_FLOAT)
    return _finish(arr, requires_grad)


def FloatTensor(*args):
    return Tensor(*args)


def DoubleTensor(*args):
    return Tensor(*args).double()


def LongTensor(*args):
    if len(args) == 1 and not isinstance(args[0], numbers.Number):
        return Tensor._make(as_array(args[0], np.int64))
    return Tensor._make(np.zeros(args, dtype=np.int64))


def BoolTensor(*args):
    if len(args) == 1 and not isinstance(args[0], numbers.Number):
        return Tensor._make(as_array(args[0], np.bool_))
    return Tensor._make(np.zeros(args, dtype=np.bool_))


def from_numpy(arr):
    """A tensor sharing memory with ``arr`` (keeps its dtype)."""
    if not isinstance(arr, np.ndarray):
        raise TypeError(f"expected np.ndarray (got {type(arr).__name__})")
    return Tensor._make(arr)
