"""Functions teaching material calls that the other api modules do not cover yet.

``meshgrid``: each output is a view of one input (``ViewBackward0``) expanded to the grid
(``ExpandBackward0``), as PyTorch builds it.
"""

from __future__ import annotations

import warnings

from .argtypes_shape import tp_name as _tp_name
from .tensor import Tensor

__all__ = [
    "bitwise_and",
    "bitwise_not",
    "bitwise_or",
    "bitwise_xor",
    "cross",
    "logical_xor",
    "meshgrid",
    "repeat_interleave",
    "unique",
]

_MESHGRID_WARNING = (
    "torch.meshgrid: in an upcoming release, it will be required to pass the indexing argument."
)


def meshgrid(*tensors, indexing=None):
    """``torch.meshgrid(*tensors, indexing='ij'|'xy')``: coordinate grids (views)."""
    if len(tensors) == 1 and isinstance(tensors[0], (list, tuple)):
        tensors = tuple(tensors[0])
    for i, x in enumerate(tensors):
        if not isinstance(x, Tensor):
            raise TypeError(
                f"expected Tensor as element {i} in argument 0, but got {type(x).__name__}"
            )
    if indexing is None:
        warnings.warn(_MESHGRID_WARNING, UserWarning, stacklevel=2)
        indexing = "ij"
    if not tensors:
        raise RuntimeError("meshgrid expects a non-empty TensorList")
    if indexing not in ("ij", "xy"):
        raise RuntimeError(
            f'torch.meshgrid: indexing must be one of "xy" or "ij", but received: {indexing}'
        )
    for x in tensors:
        if x.dim() > 1:
            raise RuntimeError(
                "torch.meshgrid: Expected 0D or 1D tensor in the tensor list but got: " + str(x)
            )
    dt = tensors[0].dtype
    for x in tensors[1:]:
        if x.dtype != dt:
            raise RuntimeError("meshgrid expects all tensors to have the same dtype")
    order = list(range(len(tensors)))
    if indexing == "xy" and len(tensors) >= 2:
        order[0], order[1] = 1, 0  # 'xy': the first two axes of the grid are swapped
    sizes = [x.numel() for x in tensors]
    out_shape = tuple(sizes[k] for k in order)
    grids = []
    for i, x in enumerate(tensors):
        pos = order.index(i)
        shape = [1] * len(tensors)
        shape[pos] = -1
        grids.append(x.view(*shape).expand(*out_shape))
    return tuple(grids)


# ---------------------------------------------------------------------- out=

_RESIZED = (
    "An output with one or more elements was resized since it had shape {old}, which does not "
    "match the required output shape {new}. This behavior is deprecated, and in a future "
    "PyTorch release outputs will not be resized unless they have zero elements. You can "
    "explicitly reuse an out tensor t by resizing it, inplace, to zero elements with "
    "t.resize_(0)."
)


def _tensors_in(args):
    for a in args:
        if isinstance(a, Tensor):
            yield a
        elif isinstance(a, (list, tuple)):
            yield from _tensors_in(a)


_NO_OUT = object()


def _none_out(name, args, kwargs):
    """``out=None`` given: PyTorch's parser error where no signature of ``name`` that the
    call fits takes ``out`` (``torch.sum(x, out=None)``)."""
    from . import argtypes

    if "f:" + name in argtypes._SIG_TEXT or "f:" + name in argtypes._SIG_ALIAS:
        argtypes.check_call(name, args, {**kwargs, "out": None}, True)


def with_out(fn, name=None, differentiable=True):
    """``fn`` taking PyTorch's ``out=`` keyword: the result written into ``out`` (resized
    with PyTorch's warning when its shape differs, cast to its dtype when PyTorch allows
    it) and ``out`` returned; with grad mode on and an argument that requires grad,
    PyTorch's error (``differentiable`` ops only: comparisons write bools without it).
    Without ``out=``, ``fn`` itself runs (Tensor methods and operators never come here)."""
    import functools

    import numpy as np

    from . import api as _api
    from .grad_mode import STATE, no_grad

    opname = name or fn.__name__

    @functools.wraps(fn)
    def _into_out(*args, out=_NO_OUT, **kwargs):
        if out is _NO_OUT:
            try:
                return fn(*args, **kwargs)
            except TypeError:  # PyTorch's parser error for the call as written, if any
                from .argcheck import parser_error

                parser_error(opname, args, kwargs)
                raise
        if out is None:
            _none_out(opname, args, kwargs)
            return fn(*args, **kwargs)
        if not isinstance(out, Tensor):
            raise TypeError(f"{opname}(): argument 'out' must be Tensor, not {type(out).__name__}")
        if (
            differentiable
            and STATE.enabled
            and (
                out.requires_grad
                or any(t.requires_grad for t in _tensors_in((args, kwargs.values())))
            )
        ):
            raise RuntimeError(
                f"{opname}(): functions with out=... arguments don't support automatic "
                "differentiation, but one of the arguments requires grad."
            )
        with no_grad():
            res = fn(*args, **kwargs)
        rt, ot = res._data.dtype, out._data.dtype
        if opname in ("argmax", "argmin") and ot != np.int64:
            from .torch_rng import _C_NAMES, _INT_C_NAMES

            cname = _C_NAMES.get(ot) or _INT_C_NAMES.get(ot.str[1:], str(ot))
            raise RuntimeError(
                f"Expected out tensor to have dtype long int, but got {cname} instead"
            )
        if _api._CAT[rt.kind] > _api._CAT[ot.kind]:
            raise RuntimeError(
                f"result type {_api._scalar_type_name(rt)} can't be cast to the desired output "
                f"type {_api._scalar_type_name(ot)}"
            )
        if out._data.shape != res._data.shape:
            if out._data.size:
                warnings.warn(
                    _RESIZED.format(old=list(out._data.shape), new=list(res._data.shape)),
                    UserWarning,
                    stacklevel=2,
                )
            out._data = np.empty(res._data.shape, dtype=ot)
        out._data[...] = res._data
        out._vbox[0] += 1
        return out

    return _into_out


def with_out_creation(fn, name):
    """``with_out`` for a creation function: without ``dtype=``, the result is made in
    ``out``'s dtype (``torch.full((2,), 1.5, out=long_tensor)`` holds ones)."""
    import functools

    inner = with_out(fn, name, False)

    @functools.wraps(fn)
    def _creation_out(*args, out=None, **kwargs):
        if out is None:
            return fn(*args, **kwargs)
        if isinstance(out, Tensor) and kwargs.get("dtype") is None:
            kwargs["dtype"] = out.dtype
        return inner(*args, out=out, **kwargs)

    return _creation_out


def with_out_pair(fn, name):
    """``torch.max(x, dim, out=(values, indices))`` (and ``min``): the two results written
    into the two tensors; ``out=None`` is the plain call."""
    import functools

    @functools.wraps(fn)
    def _pair_out(*args, out=None, **kwargs):
        if out is None:
            return fn(*args, **kwargs)
        res = fn(*args, **kwargs)
        if not isinstance(res, tuple) or not (
            isinstance(out, tuple | list)
            and len(out) == 2
            and all(isinstance(o, Tensor) for o in out)
        ):
            from . import argtypes

            argtypes.check(name, argtypes.sigs_of("f:max"), args, {**kwargs, "out": out})
            raise TypeError(f"{name}(): argument 'out' must be tuple of Tensors")
        for o, r in zip(out, res, strict=True):
            o._data = r._data.astype(o._data.dtype, copy=True)
            o._vbox[0] += 1
        from .return_types import get

        return get(name + "_out", ("values", "indices"))(*out)

    return _pair_out


#: creation functions taking ``out=`` (the result made in out's dtype)
OUT_CREATION = (
    "full",
    "linspace",
    "eye",
    "zeros",
    "ones",
    "empty",
    "rand",
    "randn",
    "randint",
    "randperm",
    "arange",
)
#: functions whose ``out=`` is a (values, indices) pair
OUT_PAIR = ("max", "min")

#: torch functions that take ``out=``: name -> (PyTorch's name in its messages, differentiable)
OUT_FUNCTIONS = {
    **{
        n: (n, True)
        for n in [
            "add",
            "sub",
            "mul",
            "div",
            "floor_divide",
            "remainder",
            "pow",
            "matmul",
            "mm",
            "bmm",
            "mv",
            "dot",
            "outer",
            "addmm",
            "exp",
            "exp2",
            "expm1",
            "log",
            "log2",
            "log10",
            "log1p",
            "sin",
            "cos",
            "tan",
            "asin",
            "acos",
            "atan",
            "atan2",
            "sinh",
            "cosh",
            "tanh",
            "sigmoid",
            "sqrt",
            "rsqrt",
            "square",
            "abs",
            "neg",
            "reciprocal",
            "sign",
            "floor",
            "ceil",
            "round",
            "trunc",
            "frac",
            "clamp",
            "maximum",
            "minimum",
            "sum",
            "mean",
            "prod",
            "cumsum",
            "cat",
            "stack",
            "where",
            "erf",
        ]
    },
    "concat": ("cat", True),
    "concatenate": ("cat", True),
    "clip": ("clamp", True),
    "negative": ("neg", True),
    "true_divide": ("div", True),
    "arcsin": ("asin", True),
    "arccos": ("acos", True),
    "arctan": ("atan", True),
    "arctan2": ("atan2", True),
    **{
        n: (n, False)
        for n in [
            "eq",
            "ne",
            "lt",
            "le",
            "gt",
            "ge",
            "logical_and",
            "logical_or",
            "logical_not",
            "argmax",
            "argmin",
        ]
    },
    "nansum": ("nansum", True),
    "nanmean": ("nanmean", True),
    "scatter_reduce": ("scatter_reduce", True),
    "histc": ("histc", False),
    "greater": ("gt", False),
    "greater_equal": ("ge", False),
    "less": ("lt", False),
    "less_equal": ("le", False),
    "not_equal": ("ne", False),
}


# ---------------------------------------------------------------------- repeat_interleave

_RI_SIGS = (
    " * (Tensor input, Tensor repeats, int dim = None, *, int output_size = None)\n"
    " * (Tensor repeats, *, int output_size = None)\n"
    " * (Tensor input, int repeats, int dim = None, *, int output_size = None)\n"
)


def _repeat_counts(r, n=None, d=0):
    """The int64 counts of a repeats tensor, checked as PyTorch checks them (its rank, its
    length against ``n``, the input's size along ``d``, then its dtype)."""
    import numpy as np

    from .api import _scalar_type_name

    if r._data.ndim > 1:
        raise RuntimeError("repeats must be 0-dim or 1-dim tensor")
    if n is not None and r._data.size != 1 and r._data.size != n:
        raise RuntimeError(
            "repeats must have the same size as input along dim, but got repeats.size(0) = "
            f"{r._data.size} and input.size({d}) = {n}"
        )
    if r._data.dtype.kind not in "iu":
        raise NotImplementedError(
            f"\"repeat_interleave_cpu\" not implemented for '{_scalar_type_name(r._data.dtype)}'"
        )
    counts = np.asarray(r._data, dtype=np.int64).reshape(-1)
    if (counts < 0).any():
        raise RuntimeError("repeats can not be negative")
    return counts


_NO_REPEATS = object()


def repeat_interleave(input, repeats=_NO_REPEATS, dim=None, *, output_size=None):
    """``torch.repeat_interleave``: int repeats as PyTorch builds them (unsqueeze, expand,
    clone, view: ``ViewBackward0``), tensor repeats by ``index_select``
    (``IndexSelectBackward0``); ``repeat_interleave(repeats)`` alone gives the indices."""
    import numbers

    import numpy as np

    from .api_more import index_select as _index_select
    from .tensor import _wrap_dim

    if repeats is _NO_REPEATS:  # torch.repeat_interleave(repeats): the indices 0, 0, 1, ...
        counts = _repeat_counts(input)
        return Tensor._make(np.repeat(np.arange(counts.size, dtype=np.int64), counts))
    if isinstance(repeats, Tensor):
        x = input.flatten() if dim is None else input
        d = 0 if dim is None else _wrap_dim(dim, input.dim())
        n = x.shape[d]
        counts = _repeat_counts(repeats, n, d)
        if counts.size == 1:
            counts = np.full(n, counts[0], dtype=np.int64)
        elif counts.size != n:
            raise RuntimeError(
                "repeats must have the same size as input along dim, but got repeats.size(0) = "
                f"{counts.size} and input.size({d}) = {n}"
            )
        idx = Tensor._make(np.repeat(np.arange(n, dtype=np.int64), counts))
        return _index_select(x, d, idx)
    if isinstance(repeats, bool) or not isinstance(repeats, numbers.Integral):
        raise TypeError(
            "repeat_interleave() received an invalid combination of arguments - got (Tensor, "
            f"{_tp_name(repeats)}), but expected one of:\n" + _RI_SIGS
        )
    if repeats < 0:
        raise RuntimeError("Repeats must be non-negative")
    x = input.flatten() if dim is None else input
    d = 0 if dim is None else _wrap_dim(dim, x.dim())
    u = x.unsqueeze(d + 1)
    shape = list(x.shape)
    e = u.expand(*shape[: d + 1], int(repeats), *shape[d + 1 :]).clone()
    return e.view(*shape[:d], shape[d] * int(repeats), *shape[d + 1 :])


def _m_repeat_interleave(self, repeats, dim=None, *, output_size=None):
    try:
        return repeat_interleave(self, repeats, dim, output_size=output_size)
    except TypeError:  # the parser's error for the method's own signatures, if any
        from .argtypes import check_call

        args = (repeats,) if dim is None else (repeats, dim)
        check_call(
            "repeat_interleave", args, {} if output_size is None else {"output_size": output_size}
        )
        raise


Tensor.repeat_interleave = _m_repeat_interleave


# ---------------------------------------------------------------------- "Introduction to
# PyTorch Tensors": bitwise ops, unique, cross, is_nonzero

from .function import Function, Local  # noqa: E402


def _bitwise(name, ufunc):
    def f(input, other=None):
        import numpy as np

        from .api import _scalar_type_name

        args = (input,) if other is None else (input, other)
        arrs = [a._data if isinstance(a, Tensor) else np.asarray(a) for a in args]
        for a in arrs:
            if a.dtype.kind not in "biu":
                raise NotImplementedError(
                    f"\"{name}_cpu\" not implemented for '{_scalar_type_name(a.dtype)}'"
                )
        return Tensor._make(np.asarray(ufunc(*arrs)))

    f.__name__ = name
    return f


def _np(name):
    import numpy as np

    return getattr(np, name)


bitwise_xor = _bitwise("bitwise_xor", _np("bitwise_xor"))
bitwise_and = _bitwise("bitwise_and", _np("bitwise_and"))
bitwise_or = _bitwise("bitwise_or", _np("bitwise_or"))
bitwise_not = _bitwise("bitwise_not", _np("invert"))


def logical_xor(input, other):
    import numpy as np

    b = other._data if isinstance(other, Tensor) else np.asarray(other)
    return Tensor._make(np.logical_xor(input._data, b))


def unique(input, sorted=True, return_inverse=False, return_counts=False, dim=None):
    """``torch.unique`` (sorted, as PyTorch's CPU kernel returns it either way)."""
    import numpy as np

    if dim is not None:
        from .tensor import _wrap_dim

        dim = _wrap_dim(dim, input._data.ndim)
    res = np.unique(
        input._data, return_inverse=return_inverse, return_counts=return_counts, axis=dim
    )
    if not (return_inverse or return_counts):
        return Tensor._make(np.asarray(res))
    out = [Tensor._make(np.asarray(res[0]))]
    k = 1
    if return_inverse:
        inv = np.asarray(res[k], dtype=np.int64)
        out.append(Tensor._make(inv.reshape(input._data.shape if dim is None else inv.shape)))
        k += 1
    if return_counts:
        out.append(Tensor._make(np.asarray(res[k], dtype=np.int64)))
    return tuple(out)


class LinalgCrossBackward0(Function):
    """``torch.linalg.cross(a, b, dim)``: ∂/∂a = b × G, ∂/∂b = G × a."""

    op, symbol = "cross", "×"
    formula = "∂(a×b)/∂a: G ↦ b × G;  ∂(a×b)/∂b: G ↦ G × a"
    local = (
        Local(("{1} × G", "{1} × G"), rule=True),
        Local(("G × {0}", "G × {0}"), rule=True),
    )

    @staticmethod
    def forward(ctx, a, b, dim=-1):
        import numpy as np

        ctx.dim = dim
        ctx.save_for_backward(a, b)
        return np.ascontiguousarray(np.cross(a, b, axis=dim))

    @staticmethod
    def backward(ctx, g):
        from .functional_array import _is_array

        a, b = ctx.saved_tensors
        d = ctx.dim
        need = ctx.needs_input_grad
        if _is_array(g):
            import numpy as np

            ga = np.cross(b, g, axis=d) if need[0] else None
            gb = np.cross(g, a, axis=d) if need[1] else None
            if ga is not None:
                ga = _sum_to(ga, a.shape)
            if gb is not None:
                gb = _sum_to(gb, b.shape)
            return ga, gb
        ga = LinalgCrossBackward0.apply(b, g, dim=d) if need[0] else None
        gb = LinalgCrossBackward0.apply(g, a, dim=d) if need[1] else None
        return ga, gb


def _sum_to(arr, shape):
    import numpy as np

    while arr.ndim > len(shape):
        arr = arr.sum(axis=0)
    for i, n in enumerate(shape):
        if n == 1 and arr.shape[i] != 1:
            arr = arr.sum(axis=i, keepdims=True)
    return np.ascontiguousarray(arr)


def linalg_cross(input, other, *, dim=-1):
    import numpy as np

    from .api import _scalar_type_name

    a, b = input._data, other._data
    if a.dtype != b.dtype:
        raise RuntimeError(
            f"expected scalar type {_scalar_type_name(a.dtype)} but found "
            f"{_scalar_type_name(b.dtype)}"
        )
    nd = max(a.ndim, b.ndim)
    d = dim + nd if dim < 0 else dim
    sa = a.shape[d - (nd - a.ndim)] if d - (nd - a.ndim) >= 0 else 1
    sb = b.shape[d - (nd - b.ndim)] if d - (nd - b.ndim) >= 0 else 1
    if sa != 3 or sb != 3:
        raise RuntimeError(
            f"linalg.cross: inputs dimension {dim} must have length 3. Got {sa} and {sb}"
        )
    from .api_extra import _size_mismatch

    try:
        np.broadcast_shapes(a.shape, b.shape)
    except ValueError:
        raise _size_mismatch(a.shape, b.shape) from None
    return LinalgCrossBackward0.apply(input, other, dim=d - nd)


def cross(input, other, dim=None):
    """``torch.cross``: ``dim=None`` takes the first dim of size 3 (with PyTorch's warning)."""
    if dim is None:
        warnings.warn(
            "Using torch.cross without specifying the dim arg is deprecated.\nPlease either "
            "pass the dim explicitly or simply use torch.linalg.cross.\nThe default value of "
            "dim will change to agree with that of linalg.cross in a future release.",
            UserWarning,
            stacklevel=2,
        )
        dim = next((i for i, n in enumerate(input.shape) if n == 3), -1)
    return linalg_cross(input, other, dim=dim)


def _is_nonzero(self):
    n = self._data.size
    if n == 0:
        raise RuntimeError("Boolean value of Tensor with no values is ambiguous")
    if n > 1:
        raise RuntimeError("Boolean value of Tensor with more than one value is ambiguous")
    return bool(self._data.reshape(()))


def _short(self, memory_format=None):
    from .dtypes import int16

    return self.to(int16)


def _byte(self, memory_format=None):
    from .dtypes import uint8

    return self.to(uint8)


def _char(self, memory_format=None):
    from .dtypes import int8

    return self.to(int8)


Tensor.is_nonzero = _is_nonzero
Tensor.short = _short
if "byte" not in Tensor.__dict__:
    Tensor.byte = _byte
if "char" not in Tensor.__dict__:
    Tensor.char = _char
Tensor.unique = unique
Tensor.bitwise_xor = bitwise_xor
Tensor.bitwise_and = bitwise_and
Tensor.bitwise_or = bitwise_or
Tensor.bitwise_not = bitwise_not
Tensor.logical_xor = logical_xor
Tensor.cross = cross


#: ``torch.sin_(t)`` and friends: the module-level spellings of in-place Tensor methods
INPLACE_FUNCTIONS = [
    "abs_",
    "acos_",
    "asin_",
    "atan_",
    "ceil_",
    "clamp_",
    "clamp_max_",
    "clamp_min_",
    "clip_",
    "cos_",
    "cosh_",
    "erf_",
    "exp2_",
    "expm1_",
    "fill_",
    "fix_",
    "floor_",
    "frac_",
    "log10_",
    "log1p_",
    "log2_",
    "log_",
    "neg_",
    "negative_",
    "reciprocal_",
    "round_",
    "rsqrt_",
    "sin_",
    "sinh_",
    "sqrt_",
    "square_",
    "tan_",
    "trunc_",
    "zero_",
]


def inplace_function(name):
    def f(input, *args, **kwargs):
        if not isinstance(input, Tensor):
            raise TypeError(
                f"{name}(): argument 'input' (position 1) must be Tensor, not "
                f"{type(input).__name__}"
            )
        return getattr(input, name)(*args, **kwargs)

    f.__name__ = f.__qualname__ = name
    return f
