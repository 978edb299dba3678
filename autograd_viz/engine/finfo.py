"""``torch.finfo`` / ``torch.iinfo``: the numerical limits of a dtype (``eps``, ``max``,
``min``, ``tiny``, ``smallest_normal``, ``resolution``, ``bits``, ``dtype``), with
PyTorch's repr (``%g`` numbers), read-only attributes, equality and argument errors."""

from __future__ import annotations

import numpy as np

from .device import DEFAULT_FLOAT
from .dtypes import dtype as _dtype
from .dtypes import from_numpy_dtype
from .shown import ShownAs

__all__ = ["finfo", "iinfo"]


def _bad_type(name, args, kwargs):
    got = ", ".join(
        ["torch.dtype" if isinstance(a, _dtype) else type(a).__name__ for a in args]
        + [f"{k}={type(v).__name__}" for k, v in kwargs.items()]
    )
    return TypeError(
        f"{name}() received an invalid combination of arguments - got ({got}), but expected "
        "one of:\n * (torch.dtype type)\n * ()\n"
    )


def _one_type(name, args, kwargs, default):
    """The ``type`` argument as PyTorch's parser reads it (positional or ``type=``)."""
    if (kwargs and set(kwargs) != {"type"}) or len(args) + len(kwargs) > 1:
        raise _bad_type(name, args, kwargs)
    if kwargs:
        args = (kwargs["type"],)
    if not args:
        if default is None:
            raise TypeError(f'{name}() missing 1 required positional arguments: "type"')
        return default
    t = args[0]
    if not isinstance(t, _dtype):
        raise TypeError(
            f"{name}(): argument 'type' (position 1) must be torch.dtype, not {type(t).__name__}"
        )
    return t


class _Info(metaclass=ShownAs):
    __slots__ = ("_values",)
    _fields: tuple = ()

    def __getattr__(self, name):
        try:
            return object.__getattribute__(self, "_values")[name]
        except (KeyError, AttributeError):
            raise AttributeError(
                f"'torch.{type(self).__name__}' object has no attribute '{name}'"
            ) from None

    def __setattr__(self, name, value):
        if name in type(self)._fields:
            raise AttributeError(
                f"attribute '{name}' of 'torch.{type(self).__name__}' objects is not writable"
            )
        raise AttributeError(f"'torch.{type(self).__name__}' object has no attribute '{name}'")

    def __eq__(self, other):
        if type(other) is not type(self):
            return False
        return self._values == other._values

    def __ne__(self, other):
        return not self.__eq__(other)

    __hash__ = None  # as PyTorch's: unhashable

    def __dir__(self):
        return sorted(set(object.__dir__(self)) | set(type(self)._fields))

    def __reduce__(self):
        raise TypeError(f"cannot pickle 'torch.{type(self).__name__}' object")

    def __reduce_ex__(self, protocol):
        return self.__reduce__()

    def __str__(self):
        return self.__repr__()


class finfo(_Info):
    """``torch.finfo(dtype)``: machine limits of a floating dtype (``torch.finfo()``: the
    default dtype's)."""

    _torch_class = "torch.finfo"
    __slots__ = ()
    _fields = ("bits", "eps", "max", "min", "tiny", "smallest_normal", "resolution", "dtype")

    def __init__(self, *args, **kwargs):
        t = _one_type("finfo", args, kwargs, from_numpy_dtype(DEFAULT_FLOAT[0]))
        if not t.is_floating_point:
            raise TypeError(
                "torch.finfo() requires a floating point input type. Use torch.iinfo to "
                "handle 'torch.finfo'"
            )
        fi = np.finfo(t.np)
        values = {
            "bits": int(fi.bits),
            "eps": float(fi.eps),
            "max": float(fi.max),
            "min": float(fi.min),
            "tiny": float(fi.smallest_normal),
            "smallest_normal": float(fi.smallest_normal),
            "resolution": 10.0 ** -int(fi.precision),
            "dtype": t.name,
        }
        object.__setattr__(self, "_values", values)

    def __repr__(self):
        v = self._values
        return (
            f"finfo(resolution={v['resolution']:g}, min={v['min']:g}, max={v['max']:g}, "
            f"eps={v['eps']:g}, smallest_normal={v['smallest_normal']:g}, "
            f"tiny={v['tiny']:g}, dtype={v['dtype']})"
        )


class iinfo(_Info):
    """``torch.iinfo(dtype)``: the limits of an integer dtype."""

    _torch_class = "torch.iinfo"
    __slots__ = ()
    _fields = ("bits", "max", "min", "dtype")

    def __init__(self, *args, **kwargs):
        t = _one_type("iinfo", args, kwargs, None)
        if t.np == np.bool_:
            raise TypeError("torch.bool is not supported by torch.iinfo")
        if t.is_floating_point:
            raise TypeError(
                "torch.iinfo() requires an integer input type. Use torch.finfo to handle "
                "'torch.iinfo'"
            )
        ii = np.iinfo(t.np)
        values = {"bits": int(ii.bits), "max": int(ii.max), "min": int(ii.min), "dtype": t.name}
        object.__setattr__(self, "_values", values)

    def __repr__(self):
        v = self._values
        return f"iinfo(min={v['min']:g}, max={v['max']:g}, dtype={v['dtype']})"
