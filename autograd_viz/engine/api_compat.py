"""Small torch-level names teaching code uses: the constants ``torch.pi``, ``torch.e``,
``torch.inf``, ``torch.nan``, ``torch.newaxis``; numpy-style aliases PyTorch has
(``absolute``, ``multiply``, ``divide``, ``subtract``, ``positive``, ``ravel``, ``msort``);
dtype questions (``result_type``, ``promote_types``, ``can_cast``, ``is_complex``,
``is_nonzero``, ``typename``); switches that only matter on other hardware
(``use_deterministic_algorithms``, ``set_float32_matmul_precision``), kept as PyTorch
keeps them."""

from __future__ import annotations

import math
import warnings

import numpy as np

from . import api as _api
from .dtypes import dtype as _dtype_cls
from .dtypes import from_numpy_dtype, to_numpy_dtype
from .tensor import Tensor

pi = math.pi
e = math.e
inf = math.inf
nan = math.nan
newaxis = None


# ---------------------------------------------------------------------- aliases
# (``absolute``, ``multiply``, ``divide``, ``subtract``: the functions themselves, bound
# in engine/__init__.py)


def positive(input):
    _check(input, "positive", "input")
    if input._data.dtype.kind == "b":
        raise RuntimeError("The `+` operator, on a bool tensor is not supported.")
    return input


def ravel(input):
    _check(input, "ravel", "input")
    return input.reshape(-1)


def msort(input):
    _check(input, "msort", "input")
    from .api_more import sort

    return sort(input, dim=0)[0]


def is_complex(input):
    _check(input, "is_complex", "input")
    return input._data.dtype.kind == "c"


def is_storage(obj):
    return False


def is_nonzero(input):
    _check(input, "is_nonzero", "input")
    n = input._data.size
    if n == 0:
        raise RuntimeError("Boolean value of Tensor with no values is ambiguous")
    if n > 1:
        raise RuntimeError("Boolean value of Tensor with more than one value is ambiguous")
    return bool(input._data.reshape(-1)[0])


_LEGACY = {
    "float32": "FloatTensor",
    "float64": "DoubleTensor",
    "float16": "HalfTensor",
    "int64": "LongTensor",
    "int32": "IntTensor",
    "int16": "ShortTensor",
    "int8": "CharTensor",
    "uint8": "ByteTensor",
    "bool": "BoolTensor",
}


def typename(obj):
    """``torch.typename``: 'torch.FloatTensor' for a float32 tensor, else the
    object's module and class name as PyTorch gives them."""
    if isinstance(obj, Tensor):
        return "torch." + _LEGACY.get(obj._data.dtype.name, "Tensor")
    module = ""
    class_name = ""
    if hasattr(obj, "__module__") and obj.__module__ not in ("builtins", "__builtin__", None):
        module = obj.__module__ + "."
    if hasattr(obj, "__qualname__"):
        class_name = obj.__qualname__
    elif hasattr(obj, "__name__"):
        class_name = obj.__name__
    else:
        class_name = obj.__class__.__name__
    return module + class_name


def _check(x, fn, arg):
    if not isinstance(x, Tensor):
        raise TypeError(
            f"{fn}(): argument '{arg}' (position 1) must be Tensor, not {type(x).__name__}"
        )


# ---------------------------------------------------------------------- dtypes


def _np_of(x, fn, arg, pos):
    if isinstance(x, _dtype_cls):
        return to_numpy_dtype(x)
    raise TypeError(
        f"{fn}(): argument '{arg}' (position {pos}) must be torch.dtype, not {type(x).__name__}"
    )


def promote_types(type1, type2):
    """The dtype two tensors of these dtypes give (PyTorch's table: no value-based
    promotion, as numpy 2's)."""
    a = _np_of(type1, "promote_types", "type1", 1)
    b = _np_of(type2, "promote_types", "type2", 2)
    if a.kind == "b" and b.kind == "b":
        return _BOOL
    # the dtype of the sum of two empty tensors of these dtypes (PyTorch's table: an
    # integer with a float gives that float, not numpy's float64)
    return _api.add(Tensor._make(np.empty(0, a)), Tensor._make(np.empty(0, b))).dtype


def result_type(tensor, other):
    """The dtype ``tensor + other`` gives (operands: tensors or Python numbers, with
    PyTorch's categories: a number or a 0-d tensor promotes only across categories)."""
    ops = (tensor, other)
    if not all(isinstance(x, Tensor | bool | int | float | complex) for x in ops):
        got = ", ".join(type(x).__name__ for x in ops)
        bad = ", ".join(
            ("" if isinstance(x, Tensor) else "!")
            + type(x).__name__
            + ("" if isinstance(x, Tensor) else "!")
            for x in ops
        )
        raise TypeError(
            f"result_type() received an invalid combination of arguments - got ({got}), but "
            "expected one of:\n"
            + "".join(
                f" * ({sig})\n      didn't match because some of the arguments have invalid "
                f"types: ({bad})\n"
                for sig in (
                    "Tensor tensor, Tensor other",
                    "Number scalar, Tensor tensor",
                    "Tensor tensor, Number other",
                    "Number scalar1, Number scalar2",
                )
            )
        )
    if not any(isinstance(x, Tensor) for x in ops):
        kind = max(_NUMBER_KIND[type(x)] for x in ops)
        return from_numpy_dtype(np.dtype(("?", "q", "f4", "c8")[kind]))
    # the dtype of the sum, taken on empty slices (no arithmetic on the values)
    a, b = (x[..., 0:0] if isinstance(x, Tensor) and x.ndim else x for x in ops)
    if all(isinstance(x, Tensor) and x.dtype == _BOOL for x in (a, b)):
        return _BOOL
    return _api.add(a, b).dtype


_NUMBER_KIND = {bool: 0, int: 1, float: 2, complex: 3}
_BOOL = from_numpy_dtype(np.dtype(bool))


_KIND_ORDER = {"b": 0, "u": 1, "i": 1, "f": 2, "c": 3}


def can_cast(from_, to):
    """``torch.can_cast``: whether PyTorch's same-kind rule allows it (a float to an
    integer, a complex to a float, anything but bool to bool are refused)."""
    a = _np_of(from_, "can_cast", "from_", 1)
    b = _np_of(to, "can_cast", "to", 2)
    return _KIND_ORDER[a.kind] <= _KIND_ORDER[b.kind]


# ---------------------------------------------------------------------- switches

_DETERMINISTIC = [False, False]  # (mode, warn_only)
_MATMUL_PRECISION = ["highest"]


def use_deterministic_algorithms(mode, *, warn_only=False):
    """Accepted as PyTorch does; numpy's CPU kernels here are deterministic anyway."""
    if mode is not True and mode is not False:
        raise TypeError(
            "_set_deterministic_algorithms(): argument 'mode' (position 1) must be bool, not "
            f"{type(mode).__name__}"
        )
    _DETERMINISTIC[0] = mode
    _DETERMINISTIC[1] = bool(warn_only)


def are_deterministic_algorithms_enabled():
    return _DETERMINISTIC[0]


def is_deterministic_algorithms_warn_only_enabled():
    return _DETERMINISTIC[0] and _DETERMINISTIC[1]


def set_float32_matmul_precision(precision):
    """Accepted as PyTorch does (it changes TF32 use on GPUs; products here are float32)."""
    if precision not in ("highest", "high", "medium"):
        warnings.warn(
            f"{precision} is not one of 'highest', 'high', or 'medium'; the current"
            "setFloat32MatmulPrecision call has no effect.",
            UserWarning,
            stacklevel=2,
        )
        return
    _MATMUL_PRECISION[0] = precision


def get_float32_matmul_precision():
    return _MATMUL_PRECISION[0]
