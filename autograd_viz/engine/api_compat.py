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
from . import return_types as _return_types
from .dtypes import dtype as _dtype_cls
from .dtypes import from_numpy_dtype, to_numpy_dtype, type_name
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


def typename(obj):
    """``torch.typename``: 'torch.FloatTensor' for a float32 tensor, else the
    object's module and class name as PyTorch gives them."""
    if isinstance(obj, Tensor):
        return type_name(obj._data.dtype)
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


# ---------------------------------------------------------------------- small compositions


def aminmax(input, *, dim=None, keepdim=False):
    """``torch.aminmax``: ``(amin, amax)`` over everything or along ``dim``."""
    from .api_more import amax, amin

    _check(input, "aminmax", "input")
    if input._data.size == 0 and dim is None:
        raise RuntimeError(
            "aminmax(): cannot compute aminmax over an empty dimension as the operation has "
            "no identity."
        )
    d = () if dim is None else dim
    return _return_types.get("aminmax")(amin(input, d, keepdim), amax(input, d, keepdim))


def cartesian_prod(*tensors):
    """``torch.cartesian_prod``: the rows of every combination, as PyTorch builds it
    (``meshgrid(indexing='ij')``, each grid flattened, stacked as columns)."""
    from .api_teach import meshgrid

    for t in tensors:
        if not isinstance(t, Tensor) or t.ndim != 1:
            raise RuntimeError("Expect a 1D vector, but got shape " + str(list(t.shape)))
    if len(tensors) == 1:
        return tensors[0]
    grids = meshgrid(*tensors, indexing="ij")
    return _api.stack([g.flatten() for g in grids], 1)


def combinations(input, r=2, with_replacement=False):
    """``torch.combinations``: the length-``r`` combinations of a 1-D tensor's elements
    (rows of an index into it)."""
    _check(input, "combinations", "input")
    if input.ndim != 1:
        raise RuntimeError(f"Expect a 1D vector, but got shape {list(input.shape)}")
    if r < 0:
        raise RuntimeError(f"Expect a non-negative number, but got {r}")
    if r == 0:
        return Tensor._make(np.empty((0,), dtype=input._data.dtype))
    n = input.shape[0]
    # as PyTorch's: r meshgrid copies of the vector, each masked by the increasing index
    # tuples (non-decreasing with replacement), stacked as columns
    from .api_scatter import masked_select
    from .api_teach import meshgrid

    grid = np.indices((n,) * r)
    keep = np.ones((n,) * r, dtype=bool)
    for k in range(r - 1):
        keep &= grid[k] <= grid[k + 1] if with_replacement else grid[k] < grid[k + 1]
    mask = Tensor._make(keep)
    return _api.stack([masked_select(g, mask) for g in meshgrid(*([input] * r), indexing="ij")], 1)


def inner(input, other):
    """``torch.inner``: the sum over the last dims (``dot`` of vectors, a product with a
    number)."""
    _check(input, "inner", "input")
    if input.ndim == 0 or other.ndim == 0:
        return _api.mul(input, other)
    if input.shape[-1] != other.shape[-1]:
        raise RuntimeError(
            "inner() the last dimension must match on both input tensors but got shapes "
            f"{list(input.shape)} and {list(other.shape)}"
        )
    if input.ndim == 1 and other.ndim == 1:
        # (PyTorch's tensordot of two vectors: each permuted, a dot, a view of it)
        return _api.dot(input.permute(0), other.permute(0)).view(())
    from .api_scatter import tensordot

    return tensordot(input, other, dims=([-1], [-1]))


_CHAIN_WARNED = [False]


def chain_matmul(*matrices, out=None):
    """``torch.chain_matmul`` (deprecated in PyTorch, which warns once): the products left
    to right."""
    if not _CHAIN_WARNED[0]:
        _CHAIN_WARNED[0] = True
        warnings.warn(
            "torch.chain_matmul is deprecated and will be removed in a future PyTorch "
            "release. Use torch.linalg.multi_dot instead, which accepts a list of two or "
            "more tensors rather than multiple parameters.",
            UserWarning,
            stacklevel=2,
        )
    if not matrices:
        raise RuntimeError("chain_matmul(): Expected one or more matrices")
    out_t = matrices[0]
    for m in matrices[1:]:
        out_t = _api.matmul(out_t, m)
    return out_t
