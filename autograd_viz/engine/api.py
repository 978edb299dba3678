"""The torch-level functions (``torch.add``, ``torch.matmul``, ``torch.cat`` ...).

Each checks its arguments the way PyTorch does (same error type and message),
applies PyTorch's type promotion, and calls one ``Function`` per graph node, composing
them where PyTorch composes them (``matmul`` of a vector and a matrix is
``unsqueeze -> mm -> squeeze``; a reshape that cannot be a view is
``clone -> _unsafe_view``), so ``grad_fn`` names and ``next_functions`` come out as
PyTorch's.  ``Tensor`` methods call these.
"""

from __future__ import annotations

import builtins
import collections
import math
import numbers
import warnings
import weakref

import numpy as np

from . import events
from . import return_types as _return_types
from . import views as _views
from .device import DEFAULT_FLOAT as _DF
from .dtypes import from_numpy_dtype, to_numpy_dtype, type_name
from .function import _BACKWARD_SUFFIX, AccumulateGrad, _apply1t, _seq_counter
from .grad_mode import STATE
from .ops import arithmetic as A
from .ops import linalg as L
from .ops import reduce as R
from .ops import shape as S
from .ops import unary as U
from .tensor import _NO_DIM, Size, Tensor, _dim_keyword, _wrap_dim
from .tensor import _NO_KW as _NO_KW_T

_ndarray = np.ndarray
_F32 = np.dtype(np.float32)
_I64 = np.dtype(np.int64)
_BOOL = np.dtype(np.bool_)
_CAT = {"b": 0, "u": 1, "i": 1, "f": 2, "c": 3}
_LISTENERS = events.LISTENERS  # the list itself (mutated in place, never rebound)
#: names of the composites whose body is running (only while someone listens)
_OPEN: list = []


def _composite(name, fn, args, kwargs=None, inputs=None, info=None):
    """Run ``fn(*args, **kwargs)`` between ``composite_begin`` / ``composite_end`` events:
    a public function that PyTorch (and this engine) builds from several nodes.  Called
    only when someone listens (``if _LISTENERS and _OPEN[-1:] != [name]`` at the top of
    the public function), so an unrecorded program pays one truthiness check."""
    kwargs = kwargs or {}
    _OPEN.append(name)
    events.emit(
        "composite_begin",
        op=name,
        inputs=tuple(args if inputs is None else inputs),
        kwargs=dict(kwargs if info is None else info),
    )
    out = None
    try:
        out = fn(*args, **kwargs)
    finally:
        _OPEN.pop()
        events.emit("composite_end", op=name, output=out)
    return out


def _tagged(out, op, inputs, info=None, seq0=0):
    """Mark the node that made a composite's result (built while nobody listens) with
    ``_av_comp = (op, inputs, info, seq0)``: ``draw()`` draws the nodes made after
    sequence number ``seq0`` and reachable from it (before the inputs' own nodes) as one
    op, as a recording does (``recorder.core._Recorder.snapshot_composites``).  One
    attribute on one node: an unrecorded program pays a tuple per composite call."""
    fn = out.grad_fn if isinstance(out, Tensor) else None
    if fn is not None and fn._seq > seq0:
        fn._av_comp = (op, inputs, info, seq0)
    return out


# ---------------------------------------------------------------------- promotion


def promote_types(a, b):
    """PyTorch's ``promote_types`` on numpy dtypes (int64 with float32 is float32)."""
    if a is None:
        return b
    if b is None or a == b:
        return a
    ca, cb = _CAT[a.kind], _CAT[b.kind]
    if ca != cb:
        return a if ca > cb else b
    return np.promote_types(a, b)


def _combine(higher, lower):
    if higher is None:
        return lower
    if higher.kind in "fc":
        return higher
    if higher.kind == "b" or (lower is not None and lower.kind in "fc"):
        return promote_types(higher, lower)
    return higher


def result_type(*xs) -> np.dtype:
    """PyTorch's result type: dimensioned tensors, then 0-dim tensors, then numbers."""
    dim = zero = wrapped = None
    for x in xs:
        if isinstance(x, Tensor):
            d = x._data
            if d.ndim:
                dim = promote_types(dim, d.dtype)
            else:
                zero = promote_types(zero, d.dtype)
        elif isinstance(x, bool):
            wrapped = promote_types(wrapped, _BOOL)
        elif isinstance(x, numbers.Integral):
            wrapped = promote_types(wrapped, _I64)
        else:
            wrapped = promote_types(wrapped, _DF[0])
    return _combine(dim, _combine(zero, wrapped))


def _alias(t, arr):
    """A tensor holding ``arr`` with ``t``'s autograd identity (same ``grad_fn`` or
    leaf accumulator): used for dtype casts PyTorch makes inside an op, which record
    no node of their own, and for the old value of a tensor modified in place."""
    a = Tensor._make(arr, t._requires_grad, t.grad_fn)
    if t._requires_grad and t.grad_fn is None:
        a._accumulator = t._get_accumulator()
        if a._accumulator is None:  # a view made under no_grad (views.py): no edge either
            a._view_mode = (t._view_mode[0], 0)
            a._base = t._base
    if t._output_nr:
        a._output_nr = t._output_nr
    return a


def _cast(x, dt):
    if isinstance(x, Tensor):
        if x._data.dtype != dt:
            return _alias(x, x._data.astype(dt))
        return x
    return x


def _operand(x, opname="", other=None):
    if isinstance(x, Tensor):
        return x
    if isinstance(x, np.generic):  # before float: np.float64 is a float
        return x.item()
    if isinstance(x, bool | int | float):
        return x
    if isinstance(x, numbers.Number) and not isinstance(x, complex):
        return float(x)
    if isinstance(x, _ndarray):
        if opname:  # ``t.add(arr)``, ``torch.mul(t, arr)``: PyTorch takes no ndarray
            raise TypeError(_bad_operand(opname, x, other))
        return Tensor._make(x, False, None)  # (the engine's own array operands)
    raise TypeError(_bad_operand(opname, x, other))


_OP_SYMBOL = {
    "add": "+",
    "sub": "-",
    "mul": "*",
    "div": "/",
    "pow": "** or pow()",
    "matmul": "@",
    "floor_divide": "//",
    "remainder": "%",
}


def _pytype(x):
    """A Python type as PyTorch's argument parser names it (``str``, ``numpy.ndarray``)."""
    tp = type(x)
    mod = tp.__module__
    return tp.__qualname__ if mod == "builtins" else f"{mod}.{tp.__qualname__}"


def _bad_operand(opname, x, other):
    """PyTorch's message for an operand that is neither a tensor nor a number: the
    in-place method ``mul_(x)`` names ``other`` at position 1, the function
    ``torch.mul(t, x)`` at position 2 (operators turn the TypeError into
    NotImplemented, so Python writes its own message for ``t * x``)."""
    if not opname:
        sym = _OP_SYMBOL.get(opname, opname)
        return f"unsupported operand type(s) for {sym}: 'Tensor' and '{type(x).__name__}'"
    if opname == "pow_":
        what = type(x).__name__
        return (
            "pow_() received an invalid combination of arguments - got "
            f"({what}), but expected one of:\n * (Tensor exponent)\n      didn't match "
            f"because some of the arguments have invalid types: (!{what}!)\n * (Number "
            "exponent)\n      didn't match because some of the arguments have invalid "
            f"types: (!{what}!)\n"
        )
    pos = 1 if opname.endswith("_") else 2
    return f"{opname}(): argument 'other' (position {pos}) must be Tensor, not {_pytype(x)}"


def _broadcast_error(a, b):
    sa = np.shape(a._data if isinstance(a, Tensor) else a)
    sb = np.shape(b._data if isinstance(b, Tensor) else b)
    n = builtins.max(len(sa), len(sb))
    for i in range(1, n + 1):
        x = sa[-i] if i <= len(sa) else 1
        y = sb[-i] if i <= len(sb) else 1
        if x != y and x != 1 and y != 1:
            return RuntimeError(
                f"The size of tensor a ({x}) must match the size of tensor b ({y}) at "
                f"non-singleton dimension {n - i}"
            )
    return None


def _binary(cls, a, b, opname, float_only=False, **kw):
    """Promote, then ``cls.apply(a, b)``, with PyTorch's broadcast error."""
    ta = type(a) is Tensor or isinstance(a, Tensor)
    tb = type(b) is Tensor or isinstance(b, Tensor)
    if not (
        ta
        and tb
        and a._data.dtype is b._data.dtype
        and (not float_only or a._data.dtype.kind == "f")
    ):
        a = _operand(a, opname)
        b = _operand(b, opname, a)
        dt = result_type(a, b)
        if float_only and dt.kind in "biu":
            dt = _DF[0]
        a = _cast(a, dt)
        b = _cast(b, dt)
        if not isinstance(a, Tensor) and not isinstance(b, Tensor):
            raise TypeError(f"{opname}(): argument 'input' must be Tensor")
        if dt.kind == "f" and isinstance(b, int | bool) and not isinstance(a, Tensor):
            a = float(a)
        if not isinstance(a, Tensor) and not isinstance(b, Tensor):
            raise TypeError(f"{opname}(): expected a Tensor")
        if not isinstance(a, Tensor):
            a = Tensor._make(np.asarray(a, dtype=dt), False, None)
        elif not isinstance(b, Tensor) and dt.kind != a._data.dtype.kind:
            b = dt.type(b)
        elif type(b) is int and dt.kind in "iu":
            b = _wrap_int(b, dt)
    try:
        return cls.apply(a, b, **kw)
    except ValueError:
        err = _broadcast_error(a, b)
        if err is None:
            raise
        raise err from None


def _wrap_int(v, dt):
    """A Python int cast to an integer dtype the way PyTorch casts it (wrapping)."""
    info = np.iinfo(dt)
    if info.min <= v <= info.max:
        return v
    return int((v - info.min) % (1 << info.bits) + info.min)


def _check_int_zero_division(a, b):
    if isinstance(b, Tensor | _ndarray | numbers.Number) and not isinstance(b, float):
        bt = b._data if isinstance(b, Tensor) else np.asarray(b)
        at = a._data if isinstance(a, Tensor) else np.asarray(a)
        if (
            np.result_type(at, bt).kind in "iub"
            and bt.dtype.kind in "iub"
            and at.dtype.kind in "iub"
            and not bt.all()
        ):
            raise RuntimeError("ZeroDivisionError")


def _scalar_ok(x):
    return isinstance(x, bool | int | float)


# ---------------------------------------------------------------------- arithmetic


def _check_first(input, fn):
    """``torch.add("a", t)``: PyTorch names the first argument."""
    if not isinstance(input, bool | int | float | numbers.Number | np.generic | _ndarray):
        _check_tensor(input, fn)


def _check_alpha(input, other, alpha, name="add"):
    """PyTorch's checks of ``alpha`` (a Number: a 0-d tensor is read as one); returns it."""
    if (isinstance(alpha, Tensor) and alpha._data.ndim == 0) or isinstance(alpha, np.generic):
        alpha = alpha.item()
    if not isinstance(alpha, numbers.Number):
        what = "Tensor" if isinstance(alpha, Tensor) else _pytype(alpha)
        raise TypeError(f"{name}(): argument 'alpha' must be Number, not {what}")
    tensors = [x for x in (input, other) if isinstance(x, Tensor)]
    if isinstance(alpha, bool) and not builtins.all(x._data.dtype.kind == "b" for x in tensors):
        raise RuntimeError("Boolean alpha only supported for Boolean results.")
    if isinstance(alpha, complex) and not builtins.any(x._data.dtype.kind == "c" for x in tensors):
        raise RuntimeError(
            "For non-complex input tensors, argument alpha must not be a complex number."
        )
    if (
        isinstance(alpha, float)
        and tensors
        and builtins.all(x._data.dtype.kind in "iub" for x in tensors)
    ):
        raise RuntimeError(
            "For integral input tensors, argument alpha must not be a floating point number."
        )
    return alpha


def _numbers_input(input, other):
    """``torch.add(1.5, 2.5)``: PyTorch takes two numbers, the first as a 0-d tensor (a
    wrapped number: float -> the default dtype, int -> int64, bool -> bool); anything else
    is returned unchanged (for the usual errors)."""
    if (
        isinstance(input, numbers.Number)
        and isinstance(other, numbers.Number)
        and not isinstance(input, complex | np.complexfloating)
        and not isinstance(other, complex | np.complexfloating)
    ):
        if isinstance(input, bool | np.bool_):
            return Tensor._make(np.asarray(bool(input)), False, None)
        if isinstance(input, numbers.Integral):
            return Tensor._make(np.asarray(int(input), dtype=np.int64), False, None)
        return Tensor._make(np.asarray(float(input), dtype=_DF[0]), False, None)
    return input


def add(input, other, *, alpha=1):
    if alpha.__class__ is not int or alpha != 1:
        alpha = _check_alpha(input, other, alpha)
    if not isinstance(input, Tensor) and not isinstance(other, Tensor):
        input = _numbers_input(input, other)
    if not isinstance(input, Tensor) and isinstance(other, Tensor):
        _check_first(input, "add")
        if alpha == 1:
            input, other = other, input
        else:
            return _binary(A.AddBackward0, _as_tensor(input), other, "add", alpha=alpha)
    return _binary(A.AddBackward0, input, other, "add", alpha=alpha)


def sub(input, other, *, alpha=1):
    if alpha.__class__ is not int or alpha != 1:
        alpha = _check_alpha(input, other, alpha, "sub")
    if not isinstance(input, Tensor) and not isinstance(other, Tensor):
        input = _numbers_input(input, other)
    if not isinstance(input, Tensor):
        _check_first(input, "sub")
        return rsub(other, input, alpha=alpha)
    if (
        input._data.dtype.kind == "b"
        or isinstance(other, bool)
        or (isinstance(other, Tensor) and other._data.dtype.kind == "b")
    ):
        _sub_bool_error(input, other)
    return _binary(A.SubBackward0, input, other, "sub", alpha=alpha)


def _sub_bool_error(input, other):
    """PyTorch refuses ``-`` with any bool operand (a Python bool too)."""
    if isinstance(other, bool) or (isinstance(other, Tensor) and other._data.dtype.kind == "b"):
        if input._data.dtype.kind == "b":
            raise RuntimeError(
                "Subtraction, the `-` operator, with two bool tensors is not supported. Use "
                "the `^` or `logical_xor()` operator instead."
            )
    elif input._data.dtype.kind != "b" or not isinstance(other, Tensor | numbers.Number):
        return
    raise RuntimeError(
        "Subtraction, the `-` operator, with a bool tensor is not supported. If you are "
        "trying to invert a mask, use the `~` or `logical_not()` operator instead."
    )


def rsub(input, other, *, alpha=1):
    """``other - alpha * input`` (``2 - x`` is ``RsubBackward1``)."""
    if isinstance(other, Tensor):
        return sub(other, input, alpha=alpha)
    other = _operand(other, "sub")
    if isinstance(other, bool) or input._data.dtype.kind == "b":
        _sub_bool_error(input, other)
    dt = result_type(input, other)
    x = _cast(input, dt)
    if dt.kind == "f":
        other = float(other)
    return A.RsubBackward1.apply(x, other=other, alpha=alpha)


def mul(input, other):
    if not isinstance(input, Tensor) and not isinstance(other, Tensor):
        input = _numbers_input(input, other)
    if not isinstance(input, Tensor):
        _check_first(input, "mul")
        input, other = other, input
    return _binary(A.MulBackward0, input, other, "mul")


def _rounded_div(input, other, rounding_mode):
    """The array of ``div(input, other, rounding_mode=...)`` (its checks and errors)."""
    if rounding_mode not in ("trunc", "floor"):
        raise RuntimeError(
            "div expected rounding_mode to be one of None, 'trunc', or 'floor' but found "
            f"'{rounding_mode}'"
        )
    _no_bool_kernel(input, other, f"div_{rounding_mode}_cpu")
    _check_int_zero_division(input, other)
    a, b = _raw(input), _raw(other)
    try:
        with np.errstate(divide="ignore", invalid="ignore"):
            q = (
                np.floor_divide(a, b)
                if rounding_mode == "floor"
                else np.trunc(np.true_divide(a, b))
            )
    except ValueError:
        _raise_broadcast_error(input, other)
    dt = result_type(_operand(input), _operand(other))
    return np.asarray(q).astype(dt, copy=False)


def div(input, other, *, rounding_mode=None):
    if not isinstance(input, Tensor) and not isinstance(other, Tensor):
        input = _numbers_input(input, other)
    if rounding_mode is not None:
        out = _rounded_div(input, other, rounding_mode)
        if (
            STATE.enabled
            and out.dtype.kind == "f"
            and (
                (isinstance(input, Tensor) and input._requires_grad)
                or (isinstance(other, Tensor) and other._requires_grad)
            )
        ):  # a node whose gradients are zeros (the quotient is piecewise constant)
            return A.DivBackward2.apply(input, other, result=out)
        return Tensor._make(out)
    if not isinstance(input, Tensor):
        if _LISTENERS and _OPEN[-1:] != ["div"]:
            return _composite("div", div, (input, other))
        # c / x  ==  c * reciprocal(x), as PyTorch records it
        seq0 = _seq_counter[0]
        x = _floating(other)
        return _tagged(
            mul(A.ReciprocalBackward0.apply(x), _operand(input, "div")),
            "div",
            (input, other),
            None,
            seq0,
        )
    return _binary(A.DivBackward0, input, other, "div", float_only=True)


true_divide = div


def floor_divide(input, other):
    if not isinstance(input, Tensor) and not isinstance(other, Tensor):
        input = _numbers_input(input, other)
    out = Tensor._make(_rounded_div(input, other, "floor"))
    rg = [x for x in (input, other) if isinstance(x, Tensor) and x._requires_grad]
    if rg and STATE.enabled and out._data.dtype.kind == "f":
        # PyTorch records a node without a derivative: backward raises
        return A.NotImplementedFn.apply(rg[0], result=out._data)
    return out


def _no_bool_kernel(input, other, kernel):
    """Two bool operands: PyTorch has no kernel for them."""
    if (
        getattr(getattr(input, "_data", None), "dtype", None) == _BOOL
        and getattr(getattr(other, "_data", None), "dtype", None) == _BOOL
    ):
        raise NotImplementedError(f"\"{kernel}\" not implemented for 'Bool'")


def _shift(input, other, kernel, fn):
    """``x << n`` / ``x >> n`` on integer tensors (PyTorch has no float kernel)."""
    dt = result_type(_operand(input), _operand(other))
    if dt.kind not in "iu":
        raise NotImplementedError(f"\"{kernel}\" not implemented for '{_scalar_type_name(dt)}'")
    a, b = np.asarray(_raw(input)).astype(dt), np.asarray(_raw(other)).astype(dt)
    try:
        return Tensor._make(np.asarray(fn(a, b)).astype(dt, copy=False))
    except ValueError:
        _raise_broadcast_error(input, other)


def bitwise_left_shift(input, other):
    return _shift(input, other, "lshift_cpu", np.left_shift)


def bitwise_right_shift(input, other):
    return _shift(input, other, "rshift_cpu", np.right_shift)


def remainder(input, other):
    _no_bool_kernel(input, other, "remainder_cpu")
    _check_int_zero_division(input, other)
    a, b = _raw(input), _raw(other)
    dt = result_type(_operand(input), _operand(other))
    try:
        with np.errstate(divide="ignore", invalid="ignore"):
            r = np.asarray(np.remainder(a, b)).astype(dt, copy=False)
            if dt.kind == "f" and r.size and not r.all():
                # PyTorch's kernel keeps fmod's zero (its sign follows a: -0. % 3 is -0.);
                # numpy's takes the sign of b
                r = np.where(r == 0, np.asarray(np.fmod(a, b)).astype(dt, copy=False), r)
            return Tensor._make(r)
    except ValueError:
        _raise_broadcast_error(input, other)


def _raise_broadcast_error(a, b):
    """On numpy's broadcasting ValueError: PyTorch's message (or the numpy error itself)."""
    err = _broadcast_error(a, b)
    if err is None:
        raise
    raise err from None


def pow(input, exponent):
    if isinstance(input, Tensor) and not isinstance(exponent, Tensor):
        exponent = _operand(exponent, "pow")
        dt = result_type(input, exponent)
        x = _cast(input, dt)
        if dt.kind in "iu" and isinstance(exponent, int) and exponent < 0:
            raise RuntimeError("Integers to negative integer powers are not allowed.")
        return A.PowBackward0.apply(x, exponent=exponent)
    if not isinstance(input, Tensor):
        base = _operand(input, "pow")
        dt = result_type(exponent, base)
        x = _cast(exponent, dt)
        if dt.kind == "f":
            base = float(base)
        return A.PowBackward2.apply(x, base=base)
    if isinstance(exponent, Tensor) and exponent._data.dtype.kind == "b":
        return _binary(A.PowBackward1, input, exponent, "pow", bool_exponent=True)
    return _binary(A.PowBackward1, input, exponent, "pow")


def square(input):
    _check_tensor(input, "square")
    return pow(input, 2)


def neg(input):
    if input.__class__ is not Tensor:
        _check_tensor(input, "neg")
    if input._data.dtype.kind == "b":
        raise RuntimeError(
            "Negation, the `-` operator, on a bool tensor is not supported. If you are "
            "trying to invert a mask, use the `~` or `logical_not()` operator instead."
        )
    return A.NegBackward0.apply(input)


negative = neg


def maximum(input, other):
    _check_tensor(input, "maximum")
    _check_tensor(other, "maximum", "other")
    return _binary(A.MaximumBackward0, input, other, "maximum")


def minimum(input, other):
    _check_tensor(input, "minimum")
    _check_tensor(other, "minimum", "other")
    return _binary(A.MinimumBackward0, input, other, "minimum")


def _check_tensor(x, fn, arg="input", pos=None):
    """PyTorch's ``fn(): argument 'input' (position 1) must be Tensor, not str`` (the
    first argument is at position 1, the others at 2 unless told)."""
    if not isinstance(x, Tensor):
        if pos is None:
            pos = 1 if arg in ("input", "condition") else 2
        raise TypeError(
            f"{fn}(): argument '{arg}' (position {pos}) must be Tensor, not {_pytype(x)}"
        )


def _as_tensor(x):
    if isinstance(x, Tensor):
        return x
    x = _operand(x)
    return Tensor._make(np.asarray(x, dtype=result_type(x)), False, None)


def _raw(x):
    return x._data if isinstance(x, Tensor) else x


def _floating(t):
    if t._data.dtype.kind in "fc":
        return t
    return Tensor._make(t._data.astype(_DF[0]), False, None)


# ---------------------------------------------------------------------- unary


def _unary_float(cls):
    def fn(input):
        if input.__class__ is Tensor and input._data.dtype.kind == "f":
            return _apply1t(cls, input)  # the usual case: nothing to check or convert
        _check_tensor(input, cls.op)
        return cls.apply(_floating(input))

    fn.__name__ = cls.op
    fn.__doc__ = f"``{cls.op}`` elementwise (grad_fn ``{cls.__name__}``)."
    return fn


exp = _unary_float(U.ExpBackward0)
log = _unary_float(U.LogBackward0)
sqrt = _unary_float(U.SqrtBackward0)
sigmoid = _unary_float(U.SigmoidBackward0)
tanh = _unary_float(U.TanhBackward0)


def abs(input):
    _check_tensor(input, "abs")
    if input._data.dtype.kind == "b":
        raise NotImplementedError("\"abs_cpu\" not implemented for 'Bool'")
    return U.AbsBackward0.apply(input)


def relu(input):
    _check_tensor(input, "relu")
    if input._data.dtype.kind == "b":
        raise RuntimeError("Boolean inputs not supported for relu")
    return U.ReluBackward0.apply(input)


def sign(input):
    _check_tensor(input, "sign")
    return U.SignBackward0.apply(input)


def clamp(input, min=None, max=None):
    _check_tensor(input, "clamp")
    if min is None and max is None:
        raise RuntimeError("torch.clamp: At least one of 'min' or 'max' must not be None")
    if isinstance(min, Tensor) or isinstance(max, Tensor):
        from . import api_extra

        return api_extra._clamp_tensors(input, min, max)
    if not isinstance(min, numbers.Number | None) or not isinstance(max, numbers.Number | None):
        from .argtypes import fail, sigs_of

        kw = {k: v for k, v in (("min", min), ("max", max)) if v is not None}
        fail("clamp", sigs_of("f:clamp"), (input,), kw)
    lo, hi = _raw(min), _raw(max)
    dt = result_type(input, *(v for v in (min, max) if v is not None))
    x = _cast(input, dt)
    return U.ClampBackward1.apply(x, min=lo, max=hi)


clip = clamp


# ---------------------------------------------------------------------- reductions


def _bad_dim_arg(fn, dim):
    return TypeError(
        f"{fn}() received an invalid combination of arguments - got (dim="
        f"{type(dim).__name__}, ), but expected one of:\n * (*, torch.dtype dtype = None)\n"
        " * (tuple of ints dim, bool keepdim = False, *, torch.dtype dtype = None)\n"
    )


def _dims(dim, ndim, fn="sum", keepdim=False):
    """PyTorch's reduction dims: wrapped, no repeats; ``()`` is every dim; a 0-d tensor
    takes dim 0 / -1."""
    if keepdim is not False and keepdim is not True:
        raise TypeError(f"{fn}(): argument 'keepdim' must be bool, not {type(keepdim).__name__}")
    if isinstance(dim, int | np.integer) and not isinstance(dim, bool):
        dim = (dim,)
    elif not isinstance(dim, list | tuple) or not builtins.all(
        isinstance(d, int | np.integer) and not isinstance(d, bool) for d in dim
    ):
        raise _bad_dim_arg(fn, dim)
    seen = set()
    for d in dim:
        w = _wrap_dim(int(d), ndim)
        if w in seen:
            raise RuntimeError(f"dim {w} appears multiple times in the list of dims")
        seen.add(w)
    if ndim == 0:
        return ()
    if not dim:
        return tuple(range(ndim))
    return tuple(sorted(seen))


def sum(input, dim=None, keepdim=False, *, dtype=None, axis=None, keepdims=None):
    try:
        if axis is not None:  # numpy's names, which PyTorch accepts too
            dim = _numpy_dim("sum", dim, axis)
        if keepdims is not None:
            keepdim = _keepdims_alias("sum", input, dim, keepdims, True)
        npd = to_numpy_dtype(dtype)
        try:
            kind = input._data.dtype.kind
        except AttributeError:
            _check_tensor(input, "sum")
            raise
        if npd is None and kind in "biu":
            npd = _I64
        if dim is None:
            if keepdim is not False:  # ``dim=None, keepdim=True``: every dim kept
                return _reduce_all_keepdim(R.SumBackward1, input, keepdim, dtype=npd)
            return R.SumBackward0.apply(input, dtype=npd)
        return R.SumBackward1.apply(
            input, dim=_dims(dim, input._data.ndim, "sum", keepdim), keepdim=keepdim, dtype=npd
        )
    except TypeError:
        return _arg_retry(
            sum, "sum", input, dim, keepdim, dtype=dtype, axis=axis, keepdims=keepdims
        )


def mean(input, dim=None, keepdim=False, *, dtype=None, axis=None, keepdims=None):
    try:
        if axis is not None:  # numpy's names, which PyTorch accepts too
            dim = _numpy_dim("mean", dim, axis)
        if keepdims is not None:
            keepdim = _keepdims_alias("mean", input, dim, keepdims, True)
        _check_tensor(input, "mean")
        if dtype is not None:
            if isinstance(dtype, str):  # (the parser's TypeError, from the except below)
                raise TypeError("mean(): dtype must be torch.dtype")
            input = input.to(dtype)
        if input._data.dtype.kind not in "fc":
            raise RuntimeError(
                f"mean(): could not infer output dtype. {'Input' if dtype is None else 'Optional'}"
                " dtype must be either a floating point or complex dtype. Got: "
                f"{_scalar_type_name(input._data.dtype)}"
            )
        if dim is None:
            if keepdim is not False:  # ``dim=None, keepdim=True``: every dim kept
                return _reduce_all_keepdim(R.MeanBackward1, input, keepdim)
            return R.MeanBackward0.apply(input)
        return R.MeanBackward1.apply(
            input, dim=_dims(dim, input._data.ndim, "mean", keepdim), keepdim=keepdim
        )
    except TypeError:
        return _arg_retry(
            mean, "mean", input, dim, keepdim, dtype=dtype, axis=axis, keepdims=keepdims
        )


def _keepdims_alias(name, input, dim, keepdims, function):
    """``keepdims=`` (NumPy's name): PyTorch's parser takes it only beside a dim."""
    if dim is None:
        from .argtypes import check_call

        args = (input,) if function else ()
        check_call(name, args, {"keepdims": keepdims}, function)
    return keepdims


def _reduce_all_keepdim(cls, input, keepdim, **kw):
    if keepdim is not True:
        raise TypeError(f"argument 'keepdim' must be bool, not {type(keepdim).__name__}")
    return cls.apply(input, dim=tuple(range(input._data.ndim)), keepdim=True, **kw)


def _numpy_dim(name, dim, axis):
    """``axis=`` for ``dim`` (PyTorch's parser takes NumPy's name), not both."""
    if dim is not None:
        raise TypeError(f"{name}() got an unexpected keyword argument 'axis'")
    return axis


def _arg_retry(fn, name, input, dim, keepdim, **kwargs):
    """A reduction's failure path (from its ``except TypeError``): PyTorch's argument-parser
    error, or the call again with a 0-d tensor / NumPy integer dim as an int."""
    from . import argtypes

    absent = dim is _NO_DIM or (dim is None and name not in ("max", "min"))
    args = (input,) if absent else (input, dim)  # (a guess: ``sum(x, 1, keepdim=..)``)
    kwargs = {k: v for k, v in kwargs.items() if v is not None}
    if keepdim is not False:
        kwargs = {"keepdim": keepdim, **kwargs}
    return argtypes.retry(name, fn, args, kwargs)


def _scalar_type_name(npd):
    return {
        "float32": "Float",
        "float64": "Double",
        "int64": "Long",
        "int32": "Int",
        "bool": "Bool",
        "float16": "Half",
        "int16": "Short",
        "int8": "Char",
        "uint8": "Byte",
    }[np.dtype(npd).name]


_ret = collections.namedtuple("max", ["values", "indices"])


def _ReturnType(values, indices, name="max"):
    """``torch.return_types.<name>(values, indices)`` (engine/return_types.py)."""
    return _return_types.get(name)(values, indices)


def _minmax(input, dim, keepdim, other, full_cls, dim_cls, name):
    _check_tensor(input, name)
    if isinstance(dim, Tensor):
        other, dim = dim, None
    if other is not None:
        return (maximum if name == "max" else minimum)(input, other)
    a = input._data
    if dim is None:
        if a.size == 0:
            raise RuntimeError(
                f"{name}(): Expected reduction dim to be specified for input.numel() == 0. "
                "Specify the reduction dim with the 'dim' argument."
            )
        return full_cls.apply(input)
    if isinstance(dim, bool) or not isinstance(dim, int | np.integer):
        raise TypeError(
            f"{name}() received an invalid combination of arguments - got (dim="
            f"{type(dim).__name__}, ), but expected one of:\n * ()\n * (Tensor other)\n"
            " * (int dim, bool keepdim = False)\n"
        )
    if keepdim is not False and keepdim is not True:
        raise TypeError(f"{name}(): argument 'keepdim' must be bool, not {type(keepdim).__name__}")
    d = _wrap_dim(int(dim), a.ndim)
    if a.ndim and a.shape[d] == 0:
        raise IndexError(f"{name}(): Expected reduction dim {d} to have non-zero size.")
    if a.ndim == 0:
        return _ReturnType(
            dim_cls.apply(
                input,
                dim=None,
                keepdim=False,
                indices=None,
                reduce=lambda x, axis, keepdims: x.copy(),
            ),
            Tensor._make(np.array(0)),
            name,
        )
    arg = np.argmax if name == "max" else np.argmin
    idx = arg(a, axis=d, keepdims=keepdim)
    red = np.max if name == "max" else np.min
    values = dim_cls.apply(input, dim=d, keepdim=keepdim, indices=idx, reduce=red)
    return _ReturnType(values, Tensor._make(np.asarray(idx, dtype=np.int64)), name)


def max(input, dim=_NO_DIM, keepdim=False, *, other=None, axis=None, keepdims=None):
    try:
        if dim is None or (dim is _NO_DIM and keepdim is not False):
            raise TypeError("max(): dim None")
        d = None if dim is _NO_DIM else dim
        if axis is not None:  # numpy's names, which PyTorch accepts too
            d = _numpy_dim("max", d, axis)
        if keepdims is not None:
            keepdim = keepdims
        return _minmax(input, d, keepdim, other, R.MaxBackward1, R.MaxBackward0, "max")
    except TypeError:
        if other is not None:
            raise
        return _arg_retry(max, "max", input, dim, keepdim, axis=axis, keepdims=keepdims)


def min(input, dim=_NO_DIM, keepdim=False, *, other=None, axis=None, keepdims=None):
    try:
        if dim is None or (dim is _NO_DIM and keepdim is not False):
            raise TypeError("min(): dim None")
        d = None if dim is _NO_DIM else dim
        if axis is not None:  # numpy's names, which PyTorch accepts too
            d = _numpy_dim("min", d, axis)
        if keepdims is not None:
            keepdim = keepdims
        return _minmax(input, d, keepdim, other, R.MinBackward1, R.MinBackward0, "min")
    except TypeError:
        if other is not None:
            raise
        return _arg_retry(min, "min", input, dim, keepdim, axis=axis, keepdims=keepdims)


max = _dim_keyword(max)  # (``max(x, dim=torch.tensor(0))``: a dim, not ``other``)
min = _dim_keyword(min)


def argmax(input, dim=None, keepdim=False, *, axis=None, keepdims=None):
    try:
        if axis is not None:  # numpy's names, which PyTorch accepts too
            dim = _numpy_dim("argmax", dim, axis)
        if keepdims is not None:
            keepdim = keepdims
        a = input._data
        if a.dtype.kind == "b":
            raise RuntimeError("argmax(): does not support bool input")
        return _argext(a, dim, keepdim, np.argmax, "argmax")
    except TypeError:
        return _arg_retry(argmax, "argmax", input, dim, keepdim, axis=axis, keepdims=keepdims)


def _argext(a, dim, keepdim, fn, name):
    if dim is None:
        if a.size == 0:
            raise IndexError(
                f"{name}(): Expected reduction dim to be specified for input.numel() == 0."
            )
        out = np.asarray(fn(a), dtype=np.int64)
        return Tensor._make(out.reshape((1,) * a.ndim) if keepdim else out)
    if keepdim is not False and keepdim is not True:
        raise TypeError(f"{name}(): argument 'keepdim' must be bool, not {type(keepdim).__name__}")
    d = _wrap_dim(dim, a.ndim)
    if a.ndim == 0:
        return Tensor._make(np.asarray(0, dtype=np.int64))
    if a.shape[d] == 0:
        raise IndexError(f"{name}(): Expected reduction dim {d} to have non-zero size.")
    return Tensor._make(np.asarray(fn(a, axis=d, keepdims=keepdim), dtype=np.int64))


def argmin(input, dim=None, keepdim=False, *, axis=None, keepdims=None):
    try:
        if axis is not None:  # numpy's names, which PyTorch accepts too
            dim = _numpy_dim("argmin", dim, axis)
        if keepdims is not None:
            keepdim = keepdims
        if input._data.dtype.kind == "b":
            raise RuntimeError("argmin(): does not support bool input")
        a = input._data
        return _argext(a, dim, keepdim, np.argmin, "argmin")
    except TypeError:
        return _arg_retry(argmin, "argmin", input, dim, keepdim, axis=axis, keepdims=keepdims)


def any(input, dim=None, keepdim=False, *, axis=None, keepdims=None):
    try:
        if axis is not None:  # numpy's names, which PyTorch accepts too
            dim = _numpy_dim("any", dim, axis)
        if keepdims is not None:
            keepdim = keepdims
        a = input._data
        if dim is None:
            ax = None
        elif isinstance(dim, tuple | list):
            ax = _dims(dim, a.ndim, "any", keepdim)
        else:
            ax = _wrap_dim(dim, a.ndim)
        return Tensor._make(np.asarray(np.any(a, axis=ax, keepdims=keepdim)))
    except TypeError:
        return _arg_retry(any, "any", input, dim, keepdim, axis=axis, keepdims=keepdims)


def all(input, dim=None, keepdim=False, *, axis=None, keepdims=None):
    try:
        if axis is not None:  # numpy's names, which PyTorch accepts too
            dim = _numpy_dim("all", dim, axis)
        if keepdims is not None:
            keepdim = keepdims
        a = input._data
        if dim is None:
            ax = None
        elif isinstance(dim, tuple | list):
            ax = _dims(dim, a.ndim, "all", keepdim)
        else:
            ax = _wrap_dim(dim, a.ndim)
        return Tensor._make(np.asarray(np.all(a, axis=ax, keepdims=keepdim)))
    except TypeError:
        return _arg_retry(all, "all", input, dim, keepdim, axis=axis, keepdims=keepdims)


# ---------------------------------------------------------------------- linear algebra


def _dtype_word(npd):
    return {
        "float32": "float",
        "float64": "double",
        "int64": "long int",
        "int32": "int",
        "bool": "bool",
        "float16": "c10::Half",
    }.get(np.dtype(npd).name, str(npd))


def _check_mm_dtype(a, b):
    if a._data.dtype != b._data.dtype:
        raise RuntimeError(
            f"expected m1 and m2 to have the same dtype, but got: "
            f"{_dtype_word(a._data.dtype)} != {_dtype_word(b._data.dtype)}"
        )


def mm(input, mat2):
    _check_tensor(input, "mm")
    _check_tensor(mat2, "mm", "mat2")
    if input._data.ndim != 2:
        raise RuntimeError("self must be a matrix")
    if mat2._data.ndim != 2:
        raise RuntimeError("mat2 must be a matrix")
    sa, sb = input._data.shape, mat2._data.shape
    if sa[1] != sb[0]:
        raise RuntimeError(
            f"mat1 and mat2 shapes cannot be multiplied ({sa[0]}x{sa[1]} and {sb[0]}x{sb[1]})"
        )
    _check_mm_dtype(input, mat2)
    return L.MmBackward0.apply(input, mat2)


def mv(input, vec):
    _check_tensor(input, "mv")
    _check_tensor(vec, "mv", "vec")
    sa, sv = input._data.shape, vec._data.shape
    if input._data.ndim != 2 or vec._data.ndim != 1:
        raise RuntimeError(
            f"vector + matrix @ vector expected, got 1, {input._data.ndim}, {vec._data.ndim}"
        )
    if sa[1] != sv[0]:
        raise RuntimeError(
            f"size mismatch, got input ({sa[0]}), mat ({sa[0]}x{sa[1]}), vec ({sv[0]})"
        )
    if input._data.dtype != vec._data.dtype:
        dts = (vec._data.dtype, input._data.dtype, vec._data.dtype)
        raise RuntimeError(
            "addmv input tensors must have the same dtype, but got "
            + ", ".join(_scalar_type_name(d) for d in dts[:2])
            + ", and "
            + _scalar_type_name(dts[2])
        )
    return L.MvBackward0.apply(input, vec)


def dot(input, tensor):
    _check_tensor(input, "dot")
    _check_tensor(tensor, "dot", "tensor")
    da, db = input._data.ndim, tensor._data.ndim
    if da != 1 or db != 1:
        raise RuntimeError(f"1D tensors expected, but got {da}D and {db}D tensors")
    if input._data.dtype != tensor._data.dtype:
        raise RuntimeError(
            "dot : expected both vectors to have same dtype, but found "
            f"{_scalar_type_name(input._data.dtype)} and "
            f"{_scalar_type_name(tensor._data.dtype)}"
        )
    n, m = input._data.shape[0], tensor._data.shape[0]
    if n != m:
        raise RuntimeError(
            f"inconsistent tensor size, expected tensor [{n}] and src [{m}] to have the "
            f"same number of elements, but got {n} and {m} elements respectively"
        )
    return L.DotBackward0.apply(input, tensor)


def bmm(input, mat2):
    _check_tensor(input, "bmm")
    _check_tensor(mat2, "bmm", "mat2")
    if input._data.ndim != 3:
        raise RuntimeError("batch1 must be a 3D tensor")
    if mat2._data.ndim != 3:
        raise RuntimeError("batch2 must be a 3D tensor")
    sa, sb = input._data.shape, mat2._data.shape
    if sa[0] != sb[0] or sa[2] != sb[1]:
        raise RuntimeError(
            f"Expected size for first two dimensions of batch2 tensor to be: "
            f"[{sa[0]}, {sa[2]}] but got: [{sb[0]}, {sb[1]}]."
        )
    if input._data.dtype != mat2._data.dtype:
        raise RuntimeError(
            f"expected scalar type {_scalar_type_name(input._data.dtype)} but found "
            f"{_scalar_type_name(mat2._data.dtype)}"
        )
    return L.BmmBackward0.apply(input, mat2)


def _should_fold(t1, t2):
    """PyTorch's ``should_fold`` (aten/src/ATen/native/LinearAlgebra.cpp)."""
    d1, d2 = t1._data.ndim, t2._data.ndim
    larger = d1 >= d2
    big = t1._data if larger else np.swapaxes(t2._data, -1, -2)
    small_t = t2 if larger else t1
    if not (big.ndim >= 3 and (d2 if larger else d1) <= 2):
        return False
    if small_t._requires_grad and STATE.enabled:
        return True
    if d1 == 2:
        return False
    if big.size == 0:
        return True
    shape, strides = big.shape, big.strides
    return builtins.all(strides[i] == strides[i + 1] * shape[i + 1] for i in range(big.ndim - 2))


def _tp(x):
    from .argtypes import tp_name

    return tp_name(x)


def matmul(input, other):
    """``@`` as PyTorch's ``at::matmul`` composes it (dot, mv, mm, folded mm, bmm)."""
    if _LISTENERS and _OPEN[-1:] != ["matmul"]:
        return _composite("matmul", matmul, (input, other))
    if not isinstance(input, Tensor) or not isinstance(other, Tensor):
        bad = other if isinstance(input, Tensor) else input
        raise TypeError(
            f"matmul(): argument '{'other' if bad is other else 'input'}' "
            f"(position {2 if bad is other else 1}) must be Tensor, not "
            f"{_tp(bad)}"
        )
    d1, d2 = input._data.ndim, other._data.ndim
    if d1 == 0 or d2 == 0:
        raise RuntimeError(
            f"both arguments to matmul need to be at least 1D, but they are {d1}D and {d2}D"
        )
    if input._data.dtype.kind == "b" and other._data.dtype.kind == "b":
        kernel = (
            "dot"
            if d1 == d2 == 1
            else "addmv_impl_cpu"
            if (d1, d2) == (2, 1)
            else "addmm_impl_cpu_"
            if d1 <= 2 and d2 <= 2
            else "bmm"
        )
        raise NotImplementedError(f"\"{kernel}\" not implemented for 'Bool'")
    if d1 == 1 and d2 == 1:
        return dot(input, other)
    if d1 == 2 and d2 == 1:
        return mv(input, other)
    if d1 == 1 and d2 == 2:
        seq0 = _seq_counter[0]
        return _tagged(
            _squeeze4(mm(unsqueeze(input, 0), other), 0), "matmul", (input, other), None, seq0
        )
    if d1 == 2 and d2 == 2:
        return mm(input, other)
    seq0 = _seq_counter[0]
    return _tagged(_matmul_nd(input, other, d1, d2), "matmul", (input, other), None, seq0)


def _matmul_nd(input, other, d1, d2):
    """``matmul`` with a 3-D or higher operand (folded ``mm`` / ``mv``, or ``bmm``)."""
    if _should_fold(input, other):
        transpose = d2 > d1
        t1 = other.mT if transpose else input
        t2 = (input.t() if d1 == 2 else input) if transpose else other
        sizes1 = t1._data.shape
        out_shape = sizes1[:-1] + ((t2._data.shape[-1],) if t2._data.ndim == 2 else ())
        folded = reshape(t1, (-1, sizes1[-1]))
        if t2._data.ndim == 2:
            _check_matmul_inner(folded, t2)
            out = _unsafe_view(mm(folded, t2), out_shape)
        else:
            out = _unsafe_view(mv(folded, t2), out_shape)
        if transpose and t2._data.ndim == 2:
            out = out.mT.contiguous()
        return out
    # batched: broadcast the batch dims, then bmm
    n = input._data.shape[-2] if d1 >= 2 else 1
    m1 = input._data.shape[-1]
    m2 = other._data.shape[-2] if d2 >= 2 else other._data.shape[-1]
    p = other._data.shape[-1] if d2 >= 2 else 1
    b1 = input._data.shape[:-2] if d1 >= 2 else ()
    b2 = other._data.shape[:-2] if d2 >= 2 else ()
    try:
        batch = tuple(np.broadcast_shapes(b1, b2))
    except ValueError:
        raise _broadcast_error(Tensor._make(np.empty(b1)), Tensor._make(np.empty(b2))) from None
    bn = int(np.prod(batch))
    if m1 != m2:  # bmm's check, on the broadcast batch
        raise RuntimeError(
            f"Expected size for first two dimensions of batch2 tensor to be: "
            f"[{bn}, {m1}] but got: [{bn}, {m2}]."
        )
    a = input if d1 >= 2 else unsqueeze(input, 0)
    b = other if d2 >= 2 else unsqueeze(other, -1)
    a = reshape(expand(a, *batch, n, m1), (bn, n, m1))
    b = reshape(expand(b, *batch, m2, p), (bn, m2, p))
    out_shape = batch + ((n,) if d1 >= 2 else ()) + ((p,) if d2 >= 2 else ())
    return _unsafe_view(bmm(a, b), out_shape)


def _check_matmul_inner(a, b):
    sa, sb = a._data.shape, b._data.shape
    if sa[1] != sb[0]:
        raise RuntimeError(
            f"mat1 and mat2 shapes cannot be multiplied ({sa[0]}x{sa[1]} and {sb[0]}x{sb[1]})"
        )


def addmm(input, mat1, mat2, *, beta=1, alpha=1):
    if _LISTENERS and _OPEN[-1:] != ["addmm"]:
        return _composite("addmm", addmm, (input, mat1, mat2), {"beta": beta, "alpha": alpha})
    if beta != 1 or alpha != 1:
        seq0 = _seq_counter[0]
        return _tagged(
            add(mul(input, beta), mul(mm(mat1, mat2), alpha)),
            "addmm",
            (input, mat1, mat2),
            {"beta": beta, "alpha": alpha},
            seq0,
        )
    sa, sb = mat1._data.shape, mat2._data.shape
    if len(sa) != 2 or len(sb) != 2 or sa[1] != sb[0]:
        for name, sh in (("mat1", sa), ("mat2", sb)):
            if len(sh) != 2:
                raise RuntimeError(f"{name} must be a matrix, got {len(sh)}-D tensor")
        raise RuntimeError(
            f"mat1 and mat2 shapes cannot be multiplied ({sa[0]}x{sa[1]} and {sb[0]}x{sb[1]})"
        )
    if mat1._data.dtype != mat2._data.dtype:
        raise RuntimeError(
            f"mat1 and mat2 must have the same dtype, but got "
            f"{_scalar_type_name(mat1._data.dtype)} and "
            f"{_scalar_type_name(mat2._data.dtype)}"
        )
    _check_expand(input, (sa[0], sb[1]))
    return L.AddmmBackward0.apply(input, mat1, mat2)


def _check_expand(x, target):
    """PyTorch's error when ``x`` cannot be expanded to ``target`` (addmm's bias)."""
    shape = np.shape(x._data if isinstance(x, Tensor) else x)
    n = len(target)
    for i in range(n - 1, -1, -1):
        j = i - (n - len(shape))
        if j < 0:
            break
        if shape[j] != 1 and shape[j] != target[i]:
            raise RuntimeError(
                f"The expanded size of the tensor ({target[i]}) must match the existing size "
                f"({shape[j]}) at non-singleton dimension {i}.  Target sizes: "
                f"{_fmt_list(target)}.  Tensor sizes: {_fmt_list(shape)}"
            )


def linear(input, weight, bias=None):
    """``input @ weight.T + bias`` as PyTorch records it (one ``AddmmBackward0`` for a
    2-D input)."""
    if _LISTENERS and _OPEN[-1:] != ["linear"]:
        return _composite("linear", linear, (input, weight, bias))
    try:
        x = input._data
        w = weight._data
    except AttributeError:
        _check_tensor(input, "linear")
        _check_tensor(weight, "linear", "weight")
        raise
    if (
        bias is not None
        and x.ndim == 2
        and w.ndim == 2
        and x.dtype is w.dtype
        and x.shape[1] == w.shape[1]
    ):
        # the usual case (checked as below, in fewer steps)
        seq0 = _seq_counter[0]
        try:
            out = _addmm_apply(bias, input, _t_apply(weight))
        except AttributeError:
            _check_tensor(bias, "linear", "bias", 3)
            raise
        except ValueError:
            _check_expand(bias, (x.shape[0], w.shape[0]))
            raise
        fn = out.grad_fn
        if fn is not None:  # (see _tagged)
            fn._av_comp = ("linear", (input, weight, bias), None, seq0)
        return out
    seq0 = _seq_counter[0]
    return _tagged(_linear(input, weight, bias), "linear", (input, weight, bias), None, seq0)


def _linear(input, weight, bias):
    if bias is not None:
        _check_tensor(bias, "linear", "bias", 3)
    x = input._data
    if x.ndim == 0 or weight._data.ndim == 0:
        raise RuntimeError(
            "both arguments to linear need to be at least 1D, but they are "
            f"{x.ndim}D and {weight._data.ndim}D"
        )
    if x.ndim == 2 and bias is not None:
        if x.dtype != weight._data.dtype:
            raise RuntimeError(
                f"mat1 and mat2 must have the same dtype, but got "
                f"{_scalar_type_name(x.dtype)} and {_scalar_type_name(weight._data.dtype)}"
            )
        sa, sw = x.shape, weight._data.shape
        if weight._data.ndim != 2 or sa[1] != sw[1]:
            return addmm(bias, input, t(weight))  # raises PyTorch's error
        return L.AddmmBackward0.apply(bias, input, S.TBackward0.apply(weight))
    if weight._data.ndim != 2:  # (a 1-D weight: PyTorch's matmul with it)
        if bias is not None and x.ndim >= 3 and x.flags.c_contiguous:
            return addmm(bias, view(input, (-1, x.shape[-1])), t(weight))  # (its error)
        out = matmul(input, weight.t())
        return out if bias is None else add(out, bias)
    if x.ndim == 2:
        return mm(input, weight.t())
    if x.ndim == 1 or bias is not None:
        if x.ndim >= 3 and x.flags.c_contiguous:
            flat = view(input, (-1, x.shape[-1]))
            out = linear(flat, weight, bias)
            return view(out, (*x.shape[:-1], weight._data.shape[0]))
        if x.ndim == 1:
            out = linear(view(input, (1, x.shape[0])), weight, bias)
            return view(out, (weight._data.shape[0],))
    out = matmul(input, weight.t())
    return out if bias is None else add(out, bias)


# ---------------------------------------------------------------------- shape ops


def _size_args(args, fn="view"):
    # (no args: the empty shape; internal callers pass ``*shape`` of a 0-d tensor)
    seq = args[0] if len(args) == 1 and args[0].__class__ in _SEQS else args
    for a in seq:
        if a.__class__ is not int:
            return _size_args_slow(args, fn)
    return tuple(seq)


_SEQS = {tuple, list, Size}
_SIZE_ARG = {
    "reshape": "shape",
    "repeat": "repeats",
    "permute": "dims",
    "tile": "dims",
    "unflatten": "sizes",
}


def _size_args_slow(args, fn):
    """PyTorch's parse of ``fn(*args)`` whose only positional parameter is an ``int[]``."""
    from .argtypes_shape import varargs_intlist

    try:
        return varargs_intlist(fn, _SIZE_ARG.get(fn, "size"), args)
    except TypeError as e:
        if fn != "view" or "failed to unpack" in str(e):
            raise
        # view() has two signatures (dtype or sizes): PyTorch lists both
        given = args
        if len(args) == 1 and isinstance(args[0], list | tuple | Size):
            args = tuple(args[0])
        raise TypeError(_size_error(given, args, 0, fn)) from None


def _type_list(seq):
    names = ", ".join(type(a).__name__ for a in seq)
    if isinstance(seq, list):
        return f"list of [{names}]"
    return f"tuple of ({names}{',' if len(seq) == 1 else ''})"


def _size_error(given, args, i, fn):
    """PyTorch's message for a size argument that is not a tuple of ints: ``given`` as
    the caller passed it, ``args`` its elements, ``i`` the first bad one."""
    arg = {"reshape": "shape", "repeat": "repeats"}.get(fn, "size")
    bad = type(args[i]).__name__
    if i:
        return (
            f"{fn}(): argument '{arg}' failed to unpack the object at pos {i + 1} with "
            f'error "type must be tuple of ints,but got {bad}"'
        )
    single = len(given) == 1
    if fn == "view":
        if single:
            what = given[0]
            got = type(what).__name__
            desc = _type_list(what) if isinstance(what, list | tuple) else got
            why = (
                f"      didn't match because some of the arguments have invalid types: (!{desc}!)\n"
            )
            return (
                f"view() received an invalid combination of arguments - got ({got}), but "
                f"expected one of:\n * (torch.dtype dtype)\n{why} * (tuple of ints "
                f"size)\n{why}"
            )
        got = ", ".join(type(a).__name__ for a in given)
        return (
            f"view() received an invalid combination of arguments - got ({got}), but "
            "expected one of:\n * (torch.dtype dtype)\n * (tuple of ints size)\n"
        )
    if single and not isinstance(given[0], list | tuple | Size):
        return f"{fn}(): argument '{arg}' (position 1) must be tuple of ints, not {bad}"
    return (
        f"{fn}(): argument '{arg}' (position 1) must be tuple of ints, but found element "
        f"of type {bad} at pos 0"
    )


def _infer_shape(shape, numel):
    shape = list(shape)
    neg = [i for i, s in enumerate(shape) if s == -1]
    if len(neg) > 1:
        raise RuntimeError("only one dimension can be inferred")
    known = 1
    for i, s in enumerate(shape):
        if s != -1:
            if s < 0:
                raise RuntimeError(
                    f"invalid shape dimension {s} at index {i} of shape {_fmt_list(shape)}"
                )
            known *= s
    if neg:
        if numel == 0 and known == 0:
            raise RuntimeError(
                f"cannot reshape tensor of 0 elements into shape {_fmt_list(shape)} because "
                "the unspecified dimension size -1 can be any value and is ambiguous"
            )
        if known == 0 or numel % known:
            raise RuntimeError(f"shape '{_fmt_list(shape)}' is invalid for input of size {numel}")
        shape[neg[0]] = numel // known
    elif known != numel:
        raise RuntimeError(f"shape '{_fmt_list(shape)}' is invalid for input of size {numel}")
    return tuple(shape)


def _fmt_list(shape):
    return "[" + ", ".join(str(s) for s in shape) + "]"


def _viewable(arr, shape):
    try:
        np.reshape(arr, shape, copy=False)
        return True
    except ValueError:
        return False


def view(input, *shape):
    if (len(shape) == 1 and isinstance(shape[0], np.dtype | type)) or (
        len(shape) == 1 and type(shape[0]).__name__ == "dtype"
    ):
        from .view_dtype import view_dtype

        return view_dtype(input, shape[0])
    shape = _infer_shape(_size_args(shape), input._data.size)
    if not _viewable(input._data, shape):
        raise RuntimeError(
            "view size is not compatible with input tensor's size and stride (at least one "
            "dimension spans across two contiguous subspaces). Use .reshape(...) instead."
        )
    return S.ViewBackward0.apply(input, shape=shape)


def view_kw(input, shape, dtype):
    """``x.view(dtype=...)`` and the calls without a shape: PyTorch's parse of
    ``view(torch.dtype dtype)`` / ``view(tuple of ints size)``."""
    from .argtypes import check_call, tp_name

    if (
        dtype is not _NO_KW_T
        and not shape
        and (tp_name(dtype) == "torch.dtype" or dtype in (float, int, bool, complex))
    ):
        return view(input, dtype)
    kwargs = {} if dtype is _NO_KW_T else {"dtype": dtype}
    check_call("view", shape, kwargs)
    raise TypeError("view(): invalid arguments")  # (not reached: the parse fails above)


def squeeze_error(args, kwargs, function):
    """PyTorch's TypeError for ``squeeze(None)`` (``None`` is no dim for squeeze)."""
    from .argtypes import check_call

    check_call("squeeze", args, kwargs, function)
    raise TypeError("squeeze(): invalid arguments")


def reshape(input, *shape):
    if _LISTENERS and _OPEN[-1:] != ["reshape"]:
        return _composite("reshape", reshape, (input, *shape), None, (input,), {"shape": shape})
    seq0 = _seq_counter[0]
    return _tagged(_reshape(input, shape), "reshape", (input,), {"shape": shape}, seq0)


def _reshape(input, shape):
    shape = _infer_shape(_size_args(shape, "reshape"), input._data.size)
    arr = input._data
    if arr.flags.c_contiguous:
        return S.ViewBackward0.apply(input, shape=shape)
    if _viewable(arr, shape):
        return S.ReshapeAliasBackward0.apply(input, shape=shape)
    return _unsafe_view(S.CloneBackward0.apply(input), shape)


def _unsafe_view(input, shape):
    return S.UnsafeViewBackward0.apply(input, shape=tuple(shape))


def flatten(input, start_dim=0, end_dim=-1):
    if _LISTENERS and _OPEN[-1:] != ["flatten"]:
        return _composite(
            "flatten",
            flatten,
            (input, start_dim, end_dim),
            None,
            (input,),
            {"start_dim": start_dim, "end_dim": end_dim},
        )
    nd = input._data.ndim
    if nd == 0:
        _wrap_dim(start_dim, nd)
        _wrap_dim(end_dim, nd)
        return reshape(input, (1,))
    s = _wrap_dim(start_dim, nd)
    e = _wrap_dim(end_dim, nd)
    if s > e:
        raise RuntimeError("flatten() has invalid args: start_dim cannot come after end_dim")
    if s == e:
        return input
    shape = input._data.shape
    new = (*shape[:s], int(np.prod(shape[s : e + 1])), *shape[e + 1 :])
    seq0 = _seq_counter[0]
    return _tagged(
        reshape(input, new), "flatten", (input,), {"start_dim": start_dim, "end_dim": end_dim}, seq0
    )


def t(input):
    nd = input._data.ndim
    if nd > 2:
        raise RuntimeError(f"t() expects a tensor with <= 2 dimensions, but self is {nd}D")
    return S.TBackward0.apply(input)


def transpose(input, dim0, dim1):
    nd = input._data.ndim
    d0, d1 = _wrap_dim(dim0, nd), _wrap_dim(dim1, nd)
    return S.TransposeBackward0.apply(input, dim0=d0, dim1=d1)


swapaxes = transpose


def permute(input, *dims):
    dims = _size_args(dims, "permute")
    nd = input._data.ndim
    if len(dims) != nd:
        raise RuntimeError(
            "permute(sparse_coo): number of dimensions in the tensor input does not match "
            "the length of the desired ordering of dimensions i.e. input.dim() = "
            f"{nd} is not equal to len(dims) = {len(dims)}"
        )
    dims = tuple(_wrap_dim(d, nd) for d in dims)
    if len(set(dims)) != nd:
        raise RuntimeError("permute(): duplicate dims are not allowed.")
    return S.PermuteBackward0.apply(input, dims=dims)


def unsqueeze(input, dim=None, *, axis=None):
    if axis is not None:  # numpy's names, which PyTorch accepts too
        dim = axis
    if dim is None:
        raise TypeError('unsqueeze() missing 1 required positional arguments: "dim"')
    if dim.__class__ is not int:
        from .argtypes_shape import int_arg

        dim = int_arg("unsqueeze", "dim", dim, 1)
    nd = input._data.ndim
    d = _wrap_dim(dim, nd + 1)
    shape = input._data.shape
    return S.UnsqueezeBackward0.apply(input, shape=(*shape[:d], 1, *shape[d:]))


def squeeze(input, dim=_NO_KW_T, *, axis=None):
    if axis is not None:  # numpy's names, which PyTorch accepts too
        dim = axis
    elif dim is _NO_KW_T:
        dim = None
    elif dim is None:
        squeeze_error((input, None), {}, True)
    shape = input._data.shape
    nd = len(shape)
    if dim is None:
        return S.SqueezeBackward0.apply(input, shape=tuple(s for s in shape if s != 1))
    if isinstance(dim, tuple | list):
        dims = set()
        for d in dim:
            w = _wrap_dim(d, nd)
            if w in dims:
                raise RuntimeError(f"dim {w} appears multiple times in the list of dims")
            dims.add(w)
        return S.SqueezeBackward2.apply(
            input, shape=tuple(s for i, s in enumerate(shape) if not (i in dims and s == 1))
        )
    d = _wrap_dim(dim, nd)
    new = shape[:d] + shape[d + 1 :] if nd and shape[d] == 1 else shape
    return S.SqueezeBackward1.apply(input, shape=new)


def _squeeze4(input, dim):
    shape = input._data.shape
    new = shape[:dim] + shape[dim + 1 :] if shape[dim] == 1 else shape
    return S.SqueezeBackward4.apply(input, shape=new)


def expand(input, *sizes):
    sizes = _size_args(sizes, "expand")
    shape = input._data.shape
    nd = len(shape)
    if len(sizes) < nd:
        raise RuntimeError(
            f"expand({type_name(input._data.dtype)}{{{_fmt_list(shape)}}}, "
            f"size={_fmt_list(sizes)}): the number of sizes provided ({len(sizes)}) must be "
            f"greater or equal to the number of dimensions in the tensor ({nd})"
        )
    lead = len(sizes) - nd
    out = [0] * len(sizes)
    for i in builtins.range(len(sizes) - 1, -1, -1):  # (PyTorch's order: from the right)
        s = sizes[i]
        if i < lead:
            if s == -1 and nd:  # (a 0-d tensor's sizes go to the numel check below)
                raise RuntimeError(
                    f"The expanded size of the tensor ({s}) isn't allowed in a leading, "
                    f"non-existing dimension {i}"
                )
            out[i] = s
            continue
        cur = shape[i - lead]
        if s == -1:
            s = cur
        if cur != 1 and s != cur:
            raise RuntimeError(
                f"The expanded size of the tensor ({s}) must match the existing size ({cur}) "
                f"at non-singleton dimension {i}.  Target sizes: {_fmt_list(sizes)}.  "
                f"Tensor sizes: {_fmt_list(shape)}"
            )
        out[i] = s
    if builtins.any(s < 0 for s in out):  # (a negative size: PyTorch's numel overflows)
        raise RuntimeError("numel: integer multiplication overflow")
    return S.ExpandBackward0.apply(input, shape=tuple(out))


def contiguous(input):
    if input._data.flags.c_contiguous:
        return input
    return S.CloneBackward0.apply(input)


def clone(input):
    return S.CloneBackward0.apply(input)


# ---------------------------------------------------------------------- indexing


def _index_error_oob(i, dim, size):
    return IndexError(f"index {i} is out of bounds for dimension {dim} with size {size}")


def _key_items(key):
    if not isinstance(key, tuple):
        key = (key,)
    out = []
    for k in key:
        if isinstance(k, Tensor):
            a = k._data
            if a.dtype == np.uint8:  # a byte tensor is a mask (deprecated in PyTorch)
                out.append(a.astype(np.bool_))
            elif a.dtype.kind in "iu" and a.ndim == 0:
                out.append(int(a))
            elif a.dtype.kind == "b" or (a.dtype.kind in "iu" and a.dtype.itemsize >= 4):
                out.append(a)  # (int16/int8 index tensors are refused, as PyTorch's)
            else:
                raise IndexError("tensors used as indices must be long, int, byte or bool tensors")
        elif isinstance(k, list | np.ndarray | range):
            if isinstance(k, range):  # PyTorch reads it as tensor(list(k))
                a = np.arange(k.start, k.stop, k.step, dtype=np.int64)
            else:
                a = np.asarray(
                    [x.item() if isinstance(x, Tensor) else x for x in k]
                    if isinstance(k, list)
                    else k
                )
            if a.dtype.kind not in "biu" and a.size:
                if a.dtype.kind in "USO":  # PyTorch reads the list as tensor(k)
                    bad = next((x for x in k if isinstance(x, str | bytes)), None)
                    if bad is not None:
                        raise TypeError(f"new(): invalid data type '{type(bad).__name__}'")
                raise IndexError("tensors used as indices must be long, int, byte or bool tensors")
            out.append(a.astype(np.int64) if a.dtype.kind == "f" else a)
        elif isinstance(k, bool):
            out.append(np.asarray(k))
        elif isinstance(k, numbers.Integral):
            out.append(int(k))
        elif k is None or k is Ellipsis or isinstance(k, slice):
            out.append(k)
        elif isinstance(k, str | bytes):  # PyTorch reads it as a sequence: tensor(k)
            raise TypeError(f"new(): invalid data type '{type(k).__name__}'")
        else:
            raise IndexError(
                "only integers, slices (`:`), ellipsis (`...`), None and long or byte "
                "Variables are valid indices (got " + type(k).__name__ + ")"
            )
    return out


_SEQ_WARNING = (
    "Using a non-tuple sequence for multidimensional indexing is deprecated and will be "
    "changed in pytorch 2.9; use x[tuple(seq)] instead of x[seq]. In pytorch 2.9 this will "
    "be interpreted as tensor index, x[torch.tensor(seq)], which will result either in an "
    "error or a different result (Triggered internally at /__w/pytorch/pytorch/torch/csrc/"
    "autograd/python_variable_indexing.cpp:349.)"
)


def _list_key(key, stacklevel=4):
    """PyTorch's ``treatSequenceAsTuple`` (NumPy's old heuristic): a list index shorter
    than 32 holding a tensor, a sequence, a slice, ``...`` or ``None`` is a tuple of
    indices (with a deprecation warning): ``t[[[0, 1]]]`` is ``t[[0, 1]]``."""
    if len(key) < 32:
        for k in key:
            if (
                isinstance(k, Tensor | list | tuple | str | range | _ndarray | slice)
                or k is Ellipsis
                or k is None
            ):
                warnings.warn(_SEQ_WARNING, UserWarning, stacklevel=stacklevel)
                return tuple(key)
    return key


_PLAIN_KEYS = frozenset(
    (tuple, int, bool, slice, type(None), type(Ellipsis), Tensor, _ndarray, range, str, bytes)
)


def _sequence_key(key):
    """A key of another class that Python sees as a sequence (``__getitem__`` and
    ``__len__``, not a mapping: a ``torch.utils.data.Subset``, a user's sequence class) is
    read as PyTorch reads it: its items, then ``treatSequenceAsTuple`` as for a list."""
    cls = key.__class__
    if (
        isinstance(key, Tensor | _ndarray | np.generic | numbers.Number | dict | str | bytes)
        or not hasattr(cls, "__getitem__")
        or not hasattr(cls, "__len__")
    ):
        return key
    return _list_key([key[i] for i in builtins.range(len(key))], 5)


def getitem(x, key):
    """``x[key]``: select / slice / unsqueeze nodes per basic index, then one
    ``IndexBackward0`` for the advanced ones (as PyTorch's ``applySlicing``)."""
    if key.__class__ is list:
        key = _list_key(key)
    elif key.__class__ not in _PLAIN_KEYS:
        key = _sequence_key(key)
    if _LISTENERS and _OPEN[-1:] != ["getitem"]:
        return _composite("getitem", getitem, (x, key), None, (x,), {"key": key})
    seq0 = _seq_counter[0]
    return _tagged(_getitem(x, key), "getitem", (x,), {"key": key}, seq0)


def _getitem(x, key):
    items = _key_items(key)
    single_slice = isinstance(key, slice)  # ``x[:]`` is a slice node even when full
    arr = x._data
    if arr.ndim == 0 and builtins.any(isinstance(k, int | slice) for k in items):
        raise _zero_dim_index_error(items)
    consumed = builtins.sum(
        (k.ndim if isinstance(k, np.ndarray) and k.dtype == np.bool_ else 1)
        for k in items
        if k is not None and k is not Ellipsis
    )
    if consumed > arr.ndim:
        raise IndexError(f"too many indices for tensor of dimension {arr.ndim}")
    result = x
    dim = 0  # position in result
    orig = 0  # position in x (for messages)
    adv = []
    for k in items:
        shape = result._data.shape
        if k is None:
            result = unsqueeze(result, dim)
            dim += 1
        elif k is Ellipsis:
            skip = arr.ndim - consumed
            dim += skip
            orig += skip
        elif isinstance(k, int):
            size = shape[dim]
            if not -size <= k < size:
                raise _index_error_oob(k, orig, size)
            index = (slice(None),) * dim + (k,)
            result = S.SelectBackward0.apply(result, index=index)
            orig += 1
        elif isinstance(k, slice):
            if k.step is not None and k.step <= 0:
                if k.step == 0:
                    raise ValueError("slice step cannot be zero")
                raise ValueError("step must be greater than zero")
            size = shape[dim]
            if single_slice or not _full_slice(k, size):
                index = (slice(None),) * dim + (k,)
                result = S.SliceBackward0.apply(result, index=index)
            dim += 1
            orig += 1
        else:  # advanced
            if k.dtype == np.bool_:
                want = shape[dim : dim + k.ndim]
                for j, (m, s) in enumerate(zip(k.shape, want, strict=False)):
                    if m != s:
                        raise IndexError(
                            f"The shape of the mask {_fmt_list(k.shape)} at index {j} does "
                            f"not match the shape of the indexed tensor {_fmt_list(shape)} at "
                            f"index {dim + j}"
                        )
                adv.append((dim, k))
                dim += k.ndim
                orig += k.ndim
            else:
                size = shape[dim]
                bad = k[(k >= size) | (k < -size)] if k.size else k[:0]
                if bad.size:  # (PyTorch counts the dimension among the indexed ones)
                    n_adv = builtins.sum(a.ndim if a.dtype == np.bool_ else 1 for _, a in adv)
                    raise _index_error_oob(int(bad.flat[0]), n_adv, size)
                adv.append((dim, k))
                dim += 1
                orig += 1
    if adv:
        ints = [k.shape for _, k in adv if k.dtype != np.bool_]
        if len(ints) > 1:
            try:
                np.broadcast_shapes(*ints)
            except ValueError:
                raise IndexError(
                    "shape mismatch: indexing tensors could not be broadcast together with "
                    "shapes " + ", ".join(_fmt_list(s) for s in ints)
                ) from None
        index = []
        pos = 0
        for d, k in adv:
            index.extend([slice(None)] * (d - pos))
            index.append(k)
            pos = d + (k.ndim if k.dtype == np.bool_ else 1)
        result = S.IndexBackward0.apply(result, index=tuple(index))
    if result is x:
        result = S.ViewBackward0.apply(x, shape=arr.shape) if False else _alias_view(x)
    return result


def _alias_view(x):
    """``x[...]`` / ``x[:, :]``: PyTorch returns an alias (``AliasBackward0``)."""
    return S.AliasBackward0.apply(x)


def _full_slice(k, size):
    """PyTorch skips a slice that is ``0:length:1`` as written (a negative start is not
    normalized first; a stop past the end is clamped)."""
    return (
        (k.start is None or k.start == 0)
        and (k.stop is None or k.stop >= size)
        and (k.step is None or k.step == 1)
    )


def _setitem_kind(items, shape):
    """How PyTorch writes ``x[items] = v``: ``"whole"`` (only full slices / Ellipsis: a
    ``fill_`` / ``copy_`` on ``x``), ``"advanced"`` (only lists / masks besides full
    slices: ``index_put_`` on ``x``), else ``"view"`` (a copy into a view: CopySlices)."""
    adv = False
    dim = 0
    consumed = builtins.sum(
        (k.ndim if isinstance(k, np.ndarray) and k.dtype == np.bool_ else 1)
        for k in items
        if k is not None and k is not Ellipsis
    )
    for k in items:
        if k is Ellipsis:
            if dim >= 0:
                dim += len(shape) - consumed
            continue
        if isinstance(k, slice):
            if dim < 0 or dim >= len(shape) or not _full_slice(k, shape[dim]):
                return "view"
            dim += 1
        elif isinstance(k, np.ndarray):
            adv = True
            dim = -1  # positions after an advanced index are not tracked
        else:
            return "view"
    return "advanced" if adv else "whole"


def _np_index(key):
    items = _key_items(key)
    return tuple(items) if len(items) != 1 else items[0]


def _setitem_value_error(x, value):
    """PyTorch's error for ``x[...] = value`` when ``value`` is neither a tensor nor a
    number."""
    return TypeError(f"can't assign a {_pytype(value)} to a {type_name(x._data.dtype)}")


def _index_error(e, arr, index):
    """numpy's IndexError of ``arr[index] = v`` in PyTorch's words."""
    msg = str(e)
    if msg.startswith("too many indices for array"):
        if arr.ndim == 0:
            return _zero_dim_index_error(index if isinstance(index, tuple) else (index,))
        return IndexError(f"too many indices for tensor of dimension {arr.ndim}")
    return IndexError(msg.replace(" for axis ", " for dimension "))


def _zero_dim_index_error(items):
    """PyTorch's error for indexing a 0-d tensor, by the first index."""
    k = items[0] if len(items) == 1 else None
    if isinstance(k, slice):
        return IndexError("slice() cannot be applied to a 0-dim tensor.")
    if k is None or isinstance(k, np.ndarray | Tensor):
        return IndexError("too many indices for tensor of dimension 0")
    if k < 0:
        return IndexError(f"index {k} is out of bounds for dimension 0 with size 0")
    return IndexError(
        "invalid index of a 0-dim tensor. Use `tensor.item()` in Python or "
        "`tensor.item<T>()` in C++ to convert a 0-dim tensor to a number"
    )


def _check_masks(items, shape):
    """A bool mask must have the shape of the dims it indexes (PyTorch's message)."""
    consumed = builtins.sum(
        (k.ndim if isinstance(k, np.ndarray) and k.dtype == np.bool_ else 1)
        for k in items
        if k is not None and k is not Ellipsis
    )
    dim = 0
    ints = []
    for k in items:
        if k is None:
            continue
        if k is Ellipsis:
            dim += len(shape) - consumed
        elif isinstance(k, np.ndarray) and k.dtype == np.bool_:
            want = shape[dim : dim + k.ndim]
            for j, (m, s) in enumerate(zip(k.shape, want, strict=False)):
                if m != s:
                    shown = [v for i, v in enumerate(shape) if i not in ints]
                    raise IndexError(
                        f"The shape of the mask {_fmt_list(k.shape)} at index {j} does not "
                        f"match the shape of the indexed tensor {_fmt_list(shown)} at index "
                        f"{dim + j}"
                    )
            dim += k.ndim
        else:
            if isinstance(k, numbers.Integral):
                ints.append(dim)
            dim += 1


def _setitem_number(arr, value):
    """A Python number written into an integer tensor must fit (PyTorch's check)."""
    if arr.dtype.kind in "iu" and isinstance(value, numbers.Real) and not isinstance(value, bool):
        info = np.iinfo(arr.dtype)
        ok = math.isfinite(value) and info.min <= value <= info.max
        if arr.dtype.kind == "u":  # PyTorch lets -max..max into unsigned types
            ok = math.isfinite(value) and -info.max <= value <= info.max
        if not ok:
            c_name = "int" if arr.dtype == np.int32 else f"{arr.dtype.name}_t"
            raise RuntimeError(f"value cannot be converted to type {c_name} without overflow")
        if value < 0 and arr.dtype.kind == "u":  # (wraps, as PyTorch's cast)
            return int(value) % (int(info.max) + 1)
    return value


def _setitem_shape_error(x, index, value):
    """PyTorch's error for ``x[index] = value`` whose shape does not fit: the value is
    expanded to the target's shape (after dropping its leading 1s), as ``copy_`` does."""
    target = x._data[index].shape
    vshape = tuple(np.shape(value._data if isinstance(value, Tensor) else value))
    items = index if isinstance(index, tuple) else (index,)
    if builtins.any(isinstance(k, np.ndarray) for k in items):
        core = vshape
        while core and core[0] == 1 and len(core) > len(target):
            core = core[1:]
        try:
            np.broadcast_shapes(vshape, target)
            if len(core) > len(target):
                raise ValueError
        except ValueError:
            return RuntimeError(
                f"shape mismatch: value tensor of shape {_fmt_list(vshape)} cannot be "
                f"broadcast to indexing result of shape {_fmt_list(target)}"
            )
        if len(vshape) <= len(target):
            return None
    while vshape and vshape[0] == 1 and len(vshape) > len(target):
        vshape = vshape[1:]
    probe = Tensor._make(np.empty(vshape, dtype=x._data.dtype))
    try:
        if len(target) < len(vshape) or builtins.any(
            c != 1 and c != s for c, s in zip(vshape[::-1], target[::-1], strict=False)
        ):
            expand(probe, *target)  # raises PyTorch's message
    except RuntimeError as e:
        return e
    return None


def setitem(x, key, value):
    if key.__class__ is list:
        key = _list_key(key)
    elif key.__class__ not in _PLAIN_KEYS:
        key = _sequence_key(key)
    elif (
        key.__class__ is Tensor
        and key._data.ndim == 0
        and key._data.dtype.kind == "b"
        and STATE.enabled
        and (x._requires_grad or getattr(value, "_requires_grad", False))
    ):
        # PyTorch: a 0-d bool index is a new dim sliced to 0 or 1 (CopySlices)
        x.unsqueeze(0)[0 : int(key._data)] = value
        return None
    try:
        return _setitem(x, key, value)
    except IndexError as e:  # numpy's wording -> PyTorch's
        msg = str(e)
        if " for axis " not in msg:
            raise
        raise IndexError(msg.replace(" for axis ", " for dimension ")) from None


def _setitem(x, key, value):
    index = _np_index(key)
    if not isinstance(value, Tensor | numbers.Number | np.generic):
        raise _setitem_value_error(x, value)
    _check_masks(index if isinstance(index, tuple) else (index,), x._data.shape)
    value = _setitem_number(x._data, value)
    grad_on = STATE.enabled
    if grad_on and x._view_mode is not None:  # a view made under no_grad: views.py
        _views.check_inplace(x, isinstance(value, Tensor) and value._requires_grad, key)
    if grad_on and x._requires_grad and x.grad_fn is None:
        raise RuntimeError(
            "a view of a leaf Variable that requires grad is being used in an in-place operation."
        )
    _check_view_of_leaf(x, key)
    v_req = isinstance(value, Tensor) and value._requires_grad
    arr = x._data
    vraw = value._data if isinstance(value, Tensor) else value
    if grad_on and (x._requires_grad or v_req):
        old = _alias(x, arr.copy())
        vt = value if isinstance(value, Tensor) else Tensor._make(np.asarray(vraw, dtype=arr.dtype))
        if vt._data.dtype != arr.dtype:
            vt = _cast(vt, arr.dtype)
        err = _setitem_shape_error(x, index, vt)
        if err is not None:
            raise err
        kind = _setitem_kind(_key_items(key), arr.shape) if x._base is None else "view"
        if kind == "whole":
            if vt._data.ndim == 0:
                out = S.FillBackward3.apply(old, vt, index=Ellipsis)
            else:
                src = vt if vt._data.shape == arr.shape else expand(vt, *arr.shape)
                out = S.CopyBackwards.apply(old, src)
        elif kind == "advanced":
            out = S.IndexPutBackward0Set.apply(old, vt, index=index)
        else:
            out = S.CopySlices.apply(old, vt, index=index)
        _rebase(x, out, "setitem", arr)
        return
    old = arr.copy() if events.LISTENERS else None
    try:
        arr[index] = vraw
    except IndexError as e:
        raise _index_error(e, arr, index) from None
    except TypeError:
        if type(value) is complex:
            from .creation import complex_to_real_error

            raise complex_to_real_error(arr.dtype) from None
        err = _setitem_shape_error(x, index, value)
        if err is not None:
            raise err from None
        raise
    except ValueError as e:
        err = _setitem_shape_error(x, index, value)
        raise (err or RuntimeError(str(e))) from None
    x._vbox[0] += 1
    if events.LISTENERS:
        events.emit("inplace", tensor=x, op="setitem", old=old, new=arr, grad_enabled=grad_on)


def _check_leaf_inplace(x):
    """PyTorch's refusal (grad mode on) to change in place a leaf that requires grad, or a
    view of one whose base is such a leaf."""
    if x._requires_grad and x.grad_fn is None:
        view = x._base is not None and x._base.grad_fn is None
        raise RuntimeError(
            ("a view of a " if view else "a ")
            + "leaf Variable that requires grad is being used in an in-place operation."
        )


def _check_view_of_leaf(x, key=None):
    if STATE.enabled:
        fn = x.grad_fn
        while fn is not None and fn.is_view:  # a view of a piece of split/unbind too
            if fn._multi:
                name, nr = _BACKWARD_SUFFIX.sub("", x.grad_fn.name()), x._output_nr
                if isinstance(key, numbers.Integral):  # ``piece[i] = v``: PyTorch writes
                    name, nr = "Select", 0  # into a view of the piece
                elif isinstance(key, slice):
                    name, nr = "Slice", 0
                raise RuntimeError(
                    f"Output {nr} of {name} is a view and is being modified inplace. This view "
                    "is the output of a function that returns multiple views. Such functions "
                    "do not allow the output views to be modified inplace. You should replace "
                    "the inplace operation by an out-of-place one."
                )
            fn = fn.next_functions[0][0] if fn.next_functions else None
        base = x._base
        # a chain of view nodes down to a leaf's accumulator: a view of that leaf (its
        # ``_base`` may be an older tensor the leaf itself views: ``arange(6).view(2, 3)``)
        leaf_view = fn is not None and fn is not x.grad_fn and fn.__class__ is AccumulateGrad
        if leaf_view or (base is not None and base._requires_grad and base.grad_fn is None):
            raise RuntimeError(
                "a view of a leaf Variable that requires grad is being used in an in-place "
                "operation."
            )


def _view_index(x):
    """Per element of the view ``x``, its flat (C-order) position in ``x._base``; ``None``
    when ``x`` does not share the base's memory."""
    base = x._base
    if base is None:
        return None
    ba, xa = base._data, x._data
    if ba.dtype != xa.dtype or not np.shares_memory(ba, xa):
        return None
    isz = ba.itemsize
    shift = xa.__array_interface__["data"][0] - ba.__array_interface__["data"][0]
    xoff = np.zeros(xa.shape, dtype=np.int64) + shift
    for d, st in enumerate(xa.strides):
        xoff += (np.arange(xa.shape[d], dtype=np.int64) * st).reshape(
            (-1,) + (1,) * (xa.ndim - d - 1)
        )
    boff = np.zeros(ba.shape, dtype=np.int64)
    for d, st in enumerate(ba.strides):
        boff += (np.arange(ba.shape[d], dtype=np.int64) * st).reshape(
            (-1,) + (1,) * (ba.ndim - d - 1)
        )
    boff = boff.reshape(-1)
    if ba.flags.c_contiguous:
        return xoff // isz
    order = np.argsort(boff, kind="stable")
    return order[np.searchsorted(boff[order], xoff)]


def _rebase_view(x, out, opname, arr, idx):
    """In-place op on a view ``x`` recorded in a graph (PyTorch's ``CopySlices``): the base
    gets a ``CopySlices`` node over its old node and the op's node ``out.grad_fn``; the view
    gets ``AsStridedBackward0`` over the base."""
    base = x._base
    fn = out.grad_fn
    cs = S._ViewCopySlices.apply(_alias(base, base._data.copy()), out, idx=idx, fn=fn)
    node = cs.grad_fn
    base_edge = node.next_functions[0]
    node.next_functions = (base_edge, *fn.next_functions[1:])
    node.needs_input_grad = (
        base_edge[0] is not None,
        *fn.needs_input_grad[1 : len(fn.next_functions)],
    )
    old = arr.copy() if events.LISTENERS else None
    np.copyto(arr, out._data, casting="unsafe")
    base._grad_fn = node
    base._requires_grad = True
    if base._output_nr:
        del base._output_nr
    x._vbox[0] += 1
    _regenerate_view(x, idx)
    if events.LISTENERS:
        node._out_ref = weakref.ref(base)
        events.emit("inplace", tensor=x, op=opname, old=old, new=arr, grad_enabled=STATE.enabled)


def _regenerate_view(x, idx):
    """``x`` (a view) after its base changed in place: ``AsStridedBackward0`` of the base."""
    base = x._base
    if not base._requires_grad:
        return
    prev = STATE.enabled
    STATE.enabled = True
    try:
        v = S.AsStridedBackward0.apply(base, idx=idx)
    finally:
        STATE.enabled = prev
    x._grad_fn = v.grad_fn
    x._requires_grad = True


def _rebase(x, out, opname, arr):
    """After an in-place op that records a node: ``x`` takes ``out``'s values (in
    its own memory, so views see them) and its ``grad_fn``."""
    if x._base is not None and out.grad_fn is not None:
        idx = _view_index(x)
        if idx is not None:
            return _rebase_view(x, out, opname, arr, idx)
    old = arr.copy() if events.LISTENERS else None
    np.copyto(arr, out._data, casting="unsafe")
    node = out.grad_fn
    x._grad_fn = node
    x._requires_grad = node is not None
    if x._output_nr:
        del x._output_nr
    x._vbox[0] += 1
    if node is not None and node._saved_meta:
        _rebind_saved_output(node, out, x)
    if node is not None and events.LISTENERS:
        node._out_ref = weakref.ref(x)
    if events.LISTENERS:
        events.emit("inplace", tensor=x, op=opname, old=old, new=arr, grad_enabled=STATE.enabled)


def _rebind_saved_output(node, out, x):
    """An in-place op whose node saved its own output (``exp_``, ``tanh_``...): the
    saved output is ``x`` now, at its new version, so a later in-place change of ``x``
    is caught in backward (PyTorch's "output 0 of ExpBackward0 ... is at version 2")."""
    vbox = out._vbox
    meta = node._saved_meta
    saved = list(node._saved)
    for k, (i, box, _version, src) in enumerate(meta):
        if src is None and box is vbox:
            saved[i] = x._data
            meta[k] = (i, x._vbox, x._vbox[0], None)
    node._saved = tuple(saved)


# ---------------------------------------------------------------------- in-place

_NO_OTHER = object()  # ``inplace(...)`` of an op without an operand (``zero_``)


def inplace(x, opname, graph_fn, other=_NO_OTHER, float_only=False):
    """Run ``graph_fn(old_x)`` (an out-of-place op) and write the result into ``x``.

    PyTorch's rules: a leaf (or a view of a leaf) that requires grad cannot be changed
    in place while grad mode is on; the result type must be castable to ``x``'s dtype;
    the version counter goes up (so saved copies of ``x`` are detected as stale); if a
    grad is needed, ``x`` gets the op's node as its new ``grad_fn``.
    """
    grad_on = STATE.enabled
    if grad_on and x._view_mode is not None:  # a view made under no_grad: views.py
        _views.check_inplace(x, isinstance(other, Tensor) and other._requires_grad)
    if grad_on:
        _check_leaf_inplace(x)
    _check_view_of_leaf(x)
    arr = x._data
    if not arr.flags.writeable:  # an expanded tensor: several elements share memory
        raise RuntimeError(
            "unsupported operation: more than one element of the written-to tensor refers to "
            "a single memory location. Please clone() the tensor before performing the "
            "operation."
        )
    if other is not _NO_OTHER:
        o = _operand(other, opname)
        rt = result_type(x, o)
        if float_only and rt.kind in "biu":
            rt = _DF[0]
        if _CAT[rt.kind] > _CAT[arr.dtype.kind]:
            raise RuntimeError(
                f"result type {_scalar_type_name(rt)} can't be cast to the desired output "
                f"type {_scalar_type_name(arr.dtype)}"
            )
        if isinstance(o, Tensor):
            try:
                bshape = np.broadcast_shapes(arr.shape, o._data.shape)
            except ValueError:
                raise _broadcast_error(x, o) from None
            if bshape != arr.shape:
                raise RuntimeError(
                    f"output with shape {_fmt_list(arr.shape)} doesn't match the broadcast "
                    f"shape {_fmt_list(bshape)}"
                )
    needs = grad_on and (x._requires_grad or (isinstance(other, Tensor) and other._requires_grad))
    if needs:
        out = graph_fn(_alias(x, arr.copy()))
        _rebase(x, out, opname, arr)
        return x
    old = arr.copy() if events.LISTENERS else None
    prev = STATE.enabled
    STATE.enabled = False
    try:
        out = graph_fn(Tensor._make(arr, False, None))
    finally:
        STATE.enabled = prev
    np.copyto(arr, out._data, casting="unsafe")
    x._vbox[0] += 1
    if x._base is not None and x.grad_fn is not None:
        idx = _view_index(x)
        if idx is not None:
            _regenerate_view(x, idx)
    if events.LISTENERS:
        events.emit("inplace", tensor=x, op=opname, old=old, new=arr, grad_enabled=grad_on)
    return x


# ---------------------------------------------------------------------- cat / stack


def _tensor_list(tensors, fn):
    if isinstance(tensors, Tensor):
        raise TypeError(
            f"{fn}(): argument 'tensors' (position 1) must be tuple of Tensors, not Tensor"
        )
    if not isinstance(tensors, tuple | list):
        raise TypeError(
            f"{fn}(): argument 'tensors' (position 1) must be tuple of Tensors, not {_tp(tensors)}"
        )
    tensors = list(tensors)
    for i, x in enumerate(tensors):
        if not isinstance(x, Tensor):
            raise TypeError(f"expected Tensor as element {i} in argument 0, but got {_tp(x)}")
    return tensors


def cat(tensors, dim=0, *, axis=None):
    if axis is not None:  # numpy's names, which PyTorch accepts too
        dim = axis
    tensors = _tensor_list(tensors, "cat")
    if not tensors:
        raise ValueError("torch.cat(): expected a non-empty list of Tensors")
    for i, x in enumerate(tensors):
        if x._data.ndim == 0:
            raise RuntimeError(f"zero-dimensional tensor (at position {i}) cannot be concatenated")
    ref = next((x for x in tensors if x._data.shape != (0,)), tensors[0])
    nd = ref._data.ndim
    d = _wrap_dim(dim, nd)
    dt = None
    for x in tensors:
        dt = promote_types(dt, x._data.dtype)
    parts = []
    for i, x in enumerate(tensors):
        s = x._data.shape
        if s == (0,) and nd != 1:
            continue
        if len(s) != nd:
            raise RuntimeError(
                f"Tensors must have same number of dimensions: got {nd} and {len(s)}"
            )
        for j in range(nd):
            if j != d and s[j] != ref._data.shape[j]:
                raise RuntimeError(
                    f"Sizes of tensors must match except in dimension {d}. Expected size "
                    f"{ref._data.shape[j]} but got size {s[j]} for tensor number {i} in the "
                    "list."
                )
        parts.append(x)
    return S.CatBackward0.apply(*parts, dim=d, dtype=dt)


concat = concatenate = cat


def stack(tensors, dim=0, *, axis=None):
    if axis is not None:  # numpy's name, which PyTorch accepts too
        dim = axis
    tensors = _tensor_list(tensors, "stack")
    if not tensors:
        raise RuntimeError("stack expects a non-empty TensorList")
    s0 = tensors[0]._data.shape
    for i, x in enumerate(tensors):
        if x._data.shape != s0:
            raise RuntimeError(
                f"stack expects each tensor to be equal size, but got {_fmt_list(s0)} at "
                f"entry 0 and {_fmt_list(x._data.shape)} at entry {i}"
            )
    d = _wrap_dim(dim, len(s0) + 1)
    dt = None
    for x in tensors:
        dt = promote_types(dt, x._data.dtype)
    return S.StackBackward0.apply(*tensors, dim=d, dtype=dt)


def unbind(input, dim=0):
    """The slices of ``input`` along ``dim`` (views, ``UnbindBackward0``)."""
    _check_tensor(input, "unbind")
    if dim.__class__ is not int:
        from .argtypes_shape import int_arg

        dim = int_arg("unbind", "dim", dim, 2)
    nd = input._data.ndim
    if nd == 0:
        raise IndexError("Dimension specified as 0 but tensor has no dimensions")
    d = _wrap_dim(dim, nd)
    pre = (slice(None),) * d
    return S.UnbindBackward0.apply_pieces(
        input, [(*pre, i) for i in range(input._data.shape[d])], d
    )


# ---------------------------------------------------------------------- comparisons


def _compare(ufunc, name):
    def fn(input, other):
        # (an ndarray operand is taken: ``t == arr`` is numpy's comparison in PyTorch)
        a = _operand(input, "" if input.__class__ is _ndarray else name)
        b = _operand(other, "" if other.__class__ is _ndarray else name)
        if not isinstance(a, Tensor) and not isinstance(b, Tensor):
            raise TypeError(f"{name}(): argument 'input' must be Tensor")
        dt = result_type(a, b)
        ra = _raw(a) if not isinstance(a, Tensor) else a._data.astype(dt, copy=False)
        rb = _raw(b) if not isinstance(b, Tensor) else b._data.astype(dt, copy=False)
        try:
            return Tensor._make(np.asarray(ufunc(ra, rb)))
        except ValueError:
            err = _broadcast_error(a, b)
            if err is None:
                raise
            raise err from None

    fn.__name__ = name
    return fn


eq = _compare(np.equal, "eq")
ne = _compare(np.not_equal, "ne")
lt = _compare(np.less, "lt")
le = _compare(np.less_equal, "le")
gt = _compare(np.greater, "gt")
ge = _compare(np.greater_equal, "ge")
greater, less, greater_equal, less_equal, not_equal = gt, lt, ge, le, ne


def _logical(ufunc, name):
    def fn(input, other):
        a, b = _operand(input, name), _operand(other, name)
        dt = result_type(a, b)
        if dt.kind == "f":
            raise NotImplementedError(
                f"\"{name}_cpu\" not implemented for '{_scalar_type_name(dt)}'"
            )
        return Tensor._make(np.asarray(ufunc(_raw(a), _raw(b))).astype(dt, copy=False))

    return fn


bitwise_and = _logical(np.bitwise_and, "bitwise_and")
bitwise_or = _logical(np.bitwise_or, "bitwise_or")
bitwise_xor = _logical(np.bitwise_xor, "bitwise_xor")


def logical_and(input, other):
    try:
        return Tensor._make(np.logical_and(_raw(input), _raw(other)))
    except ValueError:
        _raise_broadcast_error(input, other)


def logical_or(input, other):
    try:
        return Tensor._make(np.logical_or(_raw(input), _raw(other)))
    except ValueError:
        _raise_broadcast_error(input, other)


def logical_not(input):
    return Tensor._make(np.logical_not(input._data))


def bitwise_not(input):
    a = input._data
    if a.dtype.kind == "f":
        raise TypeError("bitwise_not(): argument 'input' must be an integral or bool tensor")
    return Tensor._make(np.invert(a))


def _arg_desc(x):
    if isinstance(x, Tensor):
        return "Tensor"
    if isinstance(x, list | tuple):
        return _type_list(x)
    return type(x).__name__


_WHERE_SIGS = (
    (" * (Tensor condition)\n", None),
    (" * (Tensor condition, Tensor input, Tensor other, *, Tensor out = None)\n", None),
    (" * (Tensor condition, Number self, Tensor other)\n", "TNT"),
    (" * (Tensor condition, Tensor input, Number other)\n", "TTN"),
    (" * (Tensor condition, Number self, Number other)\n", "TNN"),
)


def _where_error(args):
    """PyTorch's ``where() received an invalid combination of arguments`` message."""
    got = ", ".join(type(a).__name__ for a in args)
    msg = (
        f"where() received an invalid combination of arguments - got ({got}), but "
        "expected one of:\n"
    )
    for sig, kinds in _WHERE_SIGS:
        msg += sig
        if kinds and len(args) == 3:
            marks = []
            for a, k in zip(args, kinds, strict=False):
                ok = (
                    isinstance(a, Tensor)
                    if k == "T"
                    else (isinstance(a, numbers.Number | np.generic) and not isinstance(a, complex))
                )
                marks.append(_arg_desc(a) if ok else f"!{_arg_desc(a)}!")
            msg += (
                "      didn't match because some of the arguments have invalid types: "
                f"({', '.join(marks)})\n"
            )
    return TypeError(msg)


_UNSET = object()


def where(condition, input=_UNSET, other=_UNSET):
    """``where(cond, a, b)``: ``a`` where ``cond`` holds, else ``b`` (differentiable in
    ``a`` and ``b``, built from multiplications by the mask)."""
    # (an ndarray condition: the double-backward formulas of engine/functional_array.py)
    if (
        not isinstance(condition, Tensor | _ndarray)
        or (input is _UNSET) != (other is _UNSET)
        or not (
            (
                isinstance(input, Tensor | numbers.Number | np.generic)
                and isinstance(other, Tensor | numbers.Number | np.generic)
            )
            or input is _UNSET
        )
    ):
        if input is _UNSET and other is _UNSET:
            _check_tensor(condition, "where", "condition")
        raise _where_error(tuple(a for a in (condition, input, other) if a is not _UNSET))
    cond = condition._data if isinstance(condition, Tensor) else condition
    if input is _UNSET:
        return tuple(Tensor._make(i.astype(np.int64)) for i in np.nonzero(cond))
    if isinstance(condition, Tensor) and cond.dtype.kind != "b" and cond.dtype != np.uint8:
        raise RuntimeError(
            "where expected condition to be a boolean tensor, but got a "
            f"tensor with dtype {_scalar_type_name(cond.dtype)}"
        )
    a, b = _operand(input), _operand(other)
    dt = result_type(a, b)
    a, b = _cast(a, dt), _cast(b, dt)
    # a Python number takes the result type (``where(m, t, 0)`` stays float32)
    a = a if isinstance(a, Tensor) else Tensor._make(np.asarray(a, dtype=dt), False, None)
    b = b if isinstance(b, Tensor) else Tensor._make(np.asarray(b, dtype=dt), False, None)
    try:
        return A.WhereBackward0.apply(a, b, cond=cond.astype(bool))
    except ValueError:
        c = Tensor._make(np.asarray(cond))
        err = _broadcast_error(c, a) or _broadcast_error(a, b) or _broadcast_error(c, b)
        if err is None:
            raise
        raise err from None


def equal(input, other):
    return bool(input._data.shape == other._data.shape and np.array_equal(input._data, other._data))


def allclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False):
    if isinstance(other, Tensor) and other._data.dtype != input._data.dtype:
        raise RuntimeError(
            f"{_scalar_type_name(input._data.dtype)} did not match "
            f"{_scalar_type_name(other._data.dtype)}"
        )
    err = _broadcast_error(input, other)
    if err is not None:
        raise err
    return bool(np.allclose(input._data, other._data, rtol=rtol, atol=atol, equal_nan=equal_nan))


def isclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False):
    if isinstance(other, Tensor) and other._data.dtype != input._data.dtype:
        raise RuntimeError(
            f"{_scalar_type_name(input._data.dtype)} did not match "
            f"{_scalar_type_name(other._data.dtype)}"
        )
    try:
        return Tensor._make(
            np.isclose(input._data, _raw(other), rtol=rtol, atol=atol, equal_nan=equal_nan)
        )
    except ValueError:
        _raise_broadcast_error(input, other)


def nonzero(input, *, as_tuple=False):
    if input._data.ndim == 0:  # (PyTorch: as a one-element 1-d tensor, no columns)
        n = int(bool(input._data))
        if as_tuple:
            return (Tensor._make(np.zeros(n, dtype=np.int64)),)
        return Tensor._make(np.zeros((n, 0), dtype=np.int64))
    idx = np.nonzero(input._data)
    if as_tuple:
        return tuple(Tensor._make(i.astype(np.int64)) for i in idx)
    return Tensor._make(
        np.stack(idx, axis=1).astype(np.int64) if idx else np.zeros((1, 0), dtype=np.int64)
    )


def numel(input):
    return int(input._data.size)


def is_tensor(obj):
    return isinstance(obj, Tensor)


def is_floating_point(input):
    return input._data.dtype.kind == "f"


def detach(input):
    return input.detach()


def mse_loss(input, target, size_average=None, reduce=None, reduction="mean"):
    if _LISTENERS and _OPEN[-1:] != ["mse_loss"]:
        return _composite(
            "mse_loss",
            mse_loss,
            (input, target, size_average, reduce, reduction),
            None,
            (input, target),
            {"reduction": reduction},
        )
    try:
        b = target._data
        a = input._data
    except AttributeError:  # PyTorch asks for ``target.size()`` first
        from .argtypes_shape import size_probe

        size_probe(target, input)
        raise
    if a.dtype is b.dtype and a.shape == b.shape and reduction == "mean" and a.dtype.kind == "f":
        return _mse_apply(input, target, reduction="mean")  # the usual case
    seq0 = _seq_counter[0]
    return _tagged(
        _mse_general(input, target, reduction),
        "mse_loss",
        (input, target),
        {"reduction": reduction},
        seq0,
    )


def _mse_general(input, target, reduction):
    """``mse_loss`` off the usual case: checks, and a broadcast target (expand nodes)."""
    if reduction not in ("mean", "sum", "none"):
        raise ValueError(f"{reduction} is not a valid value for reduction")
    if input._data.shape != target._data.shape:
        import warnings

        warnings.warn(
            f"Using a target size ({Size(target._data.shape)}) that is different to the "
            f"input size ({Size(input._data.shape)}). This will likely lead to incorrect "
            "results due to broadcasting. Please ensure they have the same size.",
            UserWarning,
            stacklevel=4,
        )
        try:
            np.broadcast_shapes(input._data.shape, target._data.shape)
        except ValueError:
            raise _broadcast_error(input, target) from None
        bshape = np.broadcast_shapes(input._data.shape, target._data.shape)
        input = expand(input, *bshape)
        target = expand(target, *bshape)
    dt = promote_types(input._data.dtype, target._data.dtype)
    if dt.kind not in "fc":
        raise NotImplementedError(f"\"mse_cpu\" not implemented for '{_scalar_type_name(dt)}'")
    return A.MseLossBackward0.apply(_cast(input, dt), _cast(target, dt), reduction=reduction)


_addmm_apply = L.AddmmBackward0.apply
_t_apply = S.TBackward0.apply
_mse_apply = A.MseLossBackward0.apply


def to_dtype(x, dtype, copy=False):
    npd = to_numpy_dtype(dtype)
    if npd == x._data.dtype and not copy:
        return x
    return (
        S.ToCopyBackward0.apply(x, dtype=npd)
        if npd.kind in "fc"
        else Tensor._make(x._data.astype(npd))
    )


__all_math__ = [
    "add",
    "sub",
    "rsub",
    "mul",
    "div",
    "true_divide",
    "floor_divide",
    "remainder",
    "pow",
    "square",
    "neg",
    "negative",
    "maximum",
    "minimum",
    "exp",
    "log",
    "sqrt",
    "sigmoid",
    "tanh",
    "abs",
    "relu",
    "sign",
    "clamp",
    "clip",
    "sum",
    "mean",
    "max",
    "min",
    "argmax",
    "argmin",
    "any",
    "all",
    "mm",
    "mv",
    "dot",
    "bmm",
    "matmul",
    "addmm",
    "view",
    "reshape",
    "flatten",
    "t",
    "transpose",
    "swapaxes",
    "permute",
    "unsqueeze",
    "squeeze",
    "expand",
    "clone",
    "cat",
    "concat",
    "concatenate",
    "stack",
    "eq",
    "ne",
    "lt",
    "le",
    "gt",
    "ge",
    "greater",
    "less",
    "greater_equal",
    "less_equal",
    "not_equal",
    "logical_and",
    "logical_or",
    "logical_not",
    "where",
    "equal",
    "allclose",
    "isclose",
    "nonzero",
    "numel",
    "is_tensor",
    "is_floating_point",
    "detach",
    "promote_types",
    "result_type",
]
_ = from_numpy_dtype  # re-exported for nn
