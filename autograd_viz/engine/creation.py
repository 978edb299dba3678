"""Tensor factories: tensor, ones, zeros, arange, randn, ... and the random functions.

Random numbers are PyTorch's CPU stream (:mod:`.torch_rng`, :mod:`.random`): after
``manual_seed(s)`` they are PyTorch's numbers.  ``device=`` is accepted everywhere: the
CPU works, CUDA raises as a CPU-only PyTorch does.
"""

from __future__ import annotations

import numbers
import warnings

import numpy as np

from .argtypes_shape import NO as _NO
from .argtypes_shape import intlist, varargs_intlist
from .argtypes_shape import tp_name as _tp_name
from .device import DEFAULT_FLOAT as _DF
from .device import check_device
from .dtypes import to_numpy_dtype
from .grad_mode import STATE as _GM
from .random import (  # noqa: F401  (re-exported: the random state lives in random.py)
    Generator,
    _rng,
    default_generator,
    float_dtype_check,
    get_rng_state,
    in_memory_order,
    initial_seed,
    like_args,
    manual_seed,
    memory_order,
    randint_like_args,
    rng_of,
    seed,
    set_rng_state,
)
from .tensor import Size, Tensor, _float_rg_error, _legacy_device, as_array
from .torch_rng import _fma64, float_int_bounds
from .views import make_inference as _make_inference


def _finish(arr, requires_grad):
    t = Tensor._make(arr, False, None)
    if _GM.inference:
        _make_inference(t)
    if requires_grad:
        if arr.dtype.kind not in "fc":
            raise _float_rg_error(initial=True)
        t._requires_grad = True
    return t


def _shape(size, fn="zeros", kw=_NO):
    """The ``int[]`` of ``fn(*size)`` (``zeros(2, 3)``, ``zeros((2, 3))``; ``kw``: the
    ``size=`` keyword), checked as PyTorch does."""
    seq = size[0] if len(size) == 1 and size[0].__class__ in _SEQS else size
    if kw is not _NO:
        seq = varargs_intlist(fn, "size", size, kw)
    else:
        for s in seq:
            if s.__class__ is not int:
                seq = varargs_intlist(fn, "size", size)
                break
    return _dims_check(tuple(seq), fn)


def _shape_arg(size, fn, pos=1):
    """The ``int[]`` ``size`` given as the positional parameter ``pos`` of ``fn``
    (``full(size, fill_value)``, ``randint(low, high, size)``)."""
    if size.__class__ in _SEQS:
        for s in size:
            if s.__class__ is not int:
                break
        else:
            return _dims_check(tuple(size), fn)
    return _dims_check(intlist(fn, "size", size, pos), fn)


_SEQS = {tuple, list, Size}


def _dims_check(size, fn):
    if len(size) > 64:  # PyTorch allows more; say so rather than numpy's traceback
        raise RuntimeError(
            f"autograd_viz keeps a tensor in a numpy array, which has at most 64 dimensions "
            f"(got {len(size)}); PyTorch allows more"
        )
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


_NO_DATA = object()

#: the defaults of the factories' keyword parameters (a value left at it was not passed)
_KW_DEFAULTS = {"requires_grad": False, "pin_memory": False}


def _factory_error(name, args, given, extra=()):
    """The failure path of a factory with several PyTorch signatures (``arange``, ``rand``,
    ``randint``...): PyTorch's TypeError for the call when it matches none of them
    ("received an invalid combination of arguments - got (int, dtype=str)"); returns when it
    does match (the caller raises its own error).  ``args``: the positional arguments;
    ``given``: the keyword parameters' values (those at their default were not passed);
    ``extra``: the keywords the function does not take."""
    from .argtypes import check_call

    kwargs = {
        k: v
        for k, v in given.items()
        if v is not _NO and v is not _KW_DEFAULTS.get(k) and (v is not None or k in ("size",))
    }
    kwargs.update(extra)
    check_call(name, tuple(args), kwargs, True)


def tensor(data=_NO_DATA, dtype=None, device=None, requires_grad=False, pin_memory=False):
    """A new tensor (a copy of ``data``): float32 (the default dtype) from floats, int64
    from ints."""
    if (
        data.__class__ is float
        and dtype is None
        and device is None
        and (requires_grad is True or requires_grad is False)
    ):
        # ``torch.tensor(2.0, requires_grad=True)`` (scalar graphs): nothing to infer (the
        # default dtype is always a floating one, so requires_grad is allowed)
        return Tensor._make(np.array(data, _DF[0]), requires_grad, None)  # (positional: quicker)
    if data is _NO_DATA:
        raise TypeError('tensor() missing 1 required positional arguments: "data"')
    if requires_grad is not False and requires_grad is not True:
        raise TypeError(
            f"tensor(): argument 'requires_grad' must be bool, not {type(requires_grad).__name__}"
        )
    check_device(device)
    if isinstance(data, np.ndarray):
        _np_layout_check(data)
    elif isinstance(data, Tensor):
        warnings.warn(
            "To copy construct from a tensor, it is recommended to use "
            "sourceTensor.detach().clone() or sourceTensor.detach().clone()."
            "requires_grad_(True), rather than torch.tensor(sourceTensor).",
            stacklevel=2,
        )
    arr = as_array(data, _dtype_arg(dtype, "tensor") if dtype is not None else None)
    if isinstance(data, Tensor) or (isinstance(data, np.ndarray) and arr is data):
        arr = arr.copy()
    return _finish(arr, requires_grad)


def as_tensor(data, dtype=None, device=None):
    check_device(device)
    if isinstance(data, Tensor) and (
        dtype is None or _dtype_arg(dtype, "as_tensor") == data._data.dtype
    ):
        return data
    if dtype is not None:
        npd = _dtype_arg(dtype, "as_tensor")
    if isinstance(data, Tensor):  # (another dtype: a copy as ``data.to(dtype)``, graph kept)
        return data.to(dtype)
    if isinstance(data, np.ndarray) and (dtype is None or npd == data.dtype):
        return from_numpy(data)  # (PyTorch shares the array's memory, as from_numpy)
    return tensor(data, dtype=dtype)


def _factory(fill, name):
    def make(
        *size,
        dtype=None,
        requires_grad=False,
        device=None,
        out=None,
        layout=None,
        pin_memory=False,
        **kw,
    ):
        size_kw = _NO
        if kw:
            size_kw = kw.pop("size", _NO)
            for k in kw:
                raise TypeError(f"{name}() got an unexpected keyword argument '{k}'")
        size = _shape(size, name, size_kw)
        check_device(device)
        if requires_grad is not False and requires_grad is not True and requires_grad is not None:
            _bool_arg_error(name, requires_grad)
        return _finish(fill(size, _dtype_arg(dtype, name) or _DF[0]), requires_grad)

    make.__name__ = name
    make.__doc__ = f"``torch.{name}(*size, dtype=None, device=None, requires_grad=False)``"
    return make


zeros = _factory(np.zeros, "zeros")
ones = _factory(np.ones, "ones")
empty = _factory(np.zeros, "empty")


def _bool_arg_error(fn, value, arg="requires_grad"):
    """(``None`` is accepted: PyTorch's parser reads it as the default.)"""
    raise TypeError(f"{fn}(): argument '{arg}' must be bool, not {type(value).__name__}")


def _check_fill_value(fn, fill_value):
    """PyTorch's ``Number`` argument: a Python or numpy scalar, or a 0-d tensor."""
    if isinstance(fill_value, Tensor):
        if fill_value._data.ndim == 0:
            return fill_value.item()
    elif isinstance(fill_value, numbers.Number):
        return fill_value
    t = type(fill_value)
    what = (
        t.__name__
        if t.__module__ == "builtins" or isinstance(fill_value, Tensor)
        else f"{t.__module__}.{t.__qualname__}"
    )
    raise TypeError(f"{fn}(): argument 'fill_value' (position 2) must be Number, not {what}")


def complex_to_real_error(npd):
    """PyTorch's error for a complex Python number written into a real tensor."""
    npd = np.dtype(npd)
    word = {
        "f4": "float",
        "f8": "double",
        "f2": "c10::Half",
        "i8": "int64_t",
        "i4": "int",
        "i2": "int16_t",
        "i1": "int8_t",
        "u1": "uint8_t",
    }.get(npd.str[1:], str(npd))
    return RuntimeError(f"value cannot be converted to type {word} without overflow")


def real_scalar(value, npd):
    """A complex number (Python or numpy) written into a real tensor of dtype ``npd``, as
    PyTorch takes it: its real part when the imaginary part is 0, else its error."""
    if value.imag:
        raise complex_to_real_error(npd)
    return value.real


def full(size, fill_value, dtype=None, requires_grad=False, device=None, layout=None):
    npd = _dtype_arg(dtype, "full")
    fill_value = _check_fill_value("full", fill_value)
    if requires_grad is not False and requires_grad is not True and requires_grad is not None:
        _bool_arg_error("full", requires_grad)
    if isinstance(fill_value, (complex, np.complexfloating)):
        if npd is None:  # (PyTorch: a complex tensor, which this engine does not have)
            raise TypeError("complex tensors are not supported by autograd_viz")
        fill_value = real_scalar(fill_value, npd)
    if npd is None:
        npd = (
            np.dtype(np.bool_)
            if isinstance(fill_value, bool)
            else np.dtype(np.int64)
            if isinstance(fill_value, numbers.Integral)
            else _DF[0]
        )
    size = _shape_arg(size, "full")
    check_device(device)
    return _finish(np.full(size, fill_value, dtype=npd), requires_grad)


def _check_like_input(t, fn):
    if not isinstance(t, Tensor):
        raise TypeError(f"{fn}(): argument 'input' (position 1) must be Tensor, not {_tp_name(t)}")


def _like(fill, name):
    def make(input, dtype=None, requires_grad=False, device=None, memory_format=None, layout=None):
        _check_like_input(input, name)
        npd = _dtype_arg(dtype, name) or input._data.dtype
        check_device(device)
        if requires_grad is not False and requires_grad is not True and requires_grad is not None:
            _bool_arg_error(name, requires_grad)
        return _finish(fill(input._data.shape, dtype=npd), requires_grad)

    # Python's own argument errors name the function as PyTorch's do ("zeros_like() got an
    # unexpected keyword argument 'axis'")
    code = make.__code__
    qual = {"co_qualname": name} if hasattr(code, "co_qualname") else {}  # (Python 3.11+)
    make.__code__ = code.replace(co_name=name, **qual)
    make.__name__ = make.__qualname__ = name
    return make


zeros_like = _like(np.zeros, "zeros_like")
ones_like = _like(np.ones, "ones_like")
empty_like = _like(np.zeros, "empty_like")


def full_like(input, fill_value, dtype=None, requires_grad=False, device=None, memory_format=None):
    t = input
    _check_like_input(t, "full_like")
    fill_value = _check_fill_value("full_like", fill_value)
    if requires_grad is not False and requires_grad is not True and requires_grad is not None:
        _bool_arg_error("full_like", requires_grad)
    npd = _dtype_arg(dtype, "full_like") or t._data.dtype
    check_device(device)
    if isinstance(fill_value, complex | np.complexfloating):
        fill_value = real_scalar(fill_value, npd)
    return _finish(np.full(t._data.shape, fill_value, dtype=npd), requires_grad)


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


def _fmt_num(v):
    """A number as PyTorch's C++ ``<<`` prints it in messages (``1e+10``, ``inf``, ``2``)."""
    v = float(v)
    if v != v:
        return "nan"
    if v in (float("inf"), float("-inf")):
        return "inf" if v > 0 else "-inf"
    return f"{v:g}"


def arange(
    *args,
    start=_NO,
    end=_NO,
    step=_NO,
    dtype=None,
    requires_grad=False,
    device=None,
    layout=None,
    out=None,
    **kw,
):
    """``torch.arange``: the length is ``ceil((end - start) / step)`` in double, and each
    value ``start + i * step`` is computed in double (int64 for integer dtypes), then cast,
    as PyTorch's CPU kernel does."""
    as_given = start, end, step  # (for the parser's error: start/end/step by keyword)
    if kw:
        kws = dict(start=start, end=end, step=step, dtype=dtype, requires_grad=requires_grad)
        _factory_error("arange", args, dict(kws, device=device, layout=layout, out=out), kw)
        raise TypeError(f"arange() got an unexpected keyword argument '{next(iter(kw))}'")
    if len(args) > 3:
        raise TypeError(
            f"arange() takes from 1 to 3 positional arguments but {len(args)} were given"
        )
    if len(args) == 1 and end is _NO:
        if step is not _NO or start is not _NO:
            kws = [(k, v) for k, v in (("start", start), ("step", step)) if v is not _NO]
            got = ", ".join(
                [type(args[0]).__name__] + [f"{k}={type(v).__name__}" for k, v in kws[::-1]]
            )
            raise TypeError(
                f"arange() received an invalid combination of arguments - got ({got}), "
                f"but expected one of:\n{_ARANGE_SIGS}"
            )
        end = args[0]
    else:
        for name in ("start", "end", "step")[: len(args)]:
            if {"start": start, "end": end, "step": step}[name] is not _NO:
                raise TypeError(f"arange() got multiple values for argument '{name}'")
        start, end, step = (*args, *(start, end, step)[len(args) :])
    if end is _NO:
        raise TypeError('arange() missing 1 required positional arguments: "end"')
    if start is _NO:
        start = 0
        given = (end,)
    else:
        given = (start, end) if step is _NO else (start, end, step)
    if step is _NO:
        step = 1
    vals = []
    for v in (start, end, step):
        if isinstance(v, Tensor):
            if v.ndim != 0:
                raise _arange_error(given)
            v = v.item()
        if type(v) is complex:
            raise RuntimeError("value cannot be converted to type double without overflow")
        if not isinstance(v, numbers.Real):
            raise _arange_error(given)
        vals.append(int(v) if isinstance(v, bool | np.bool_) else v)
    start, end, step = vals
    try:
        npd = _dtype_arg(dtype, "arange")
    except TypeError:
        kws = dict(zip(("start", "end", "step"), as_given, strict=True))
        kws.update(dtype=dtype, requires_grad=requires_grad, device=device, layout=layout, out=out)
        _factory_error("arange", args, kws)
        raise
    if npd is not None and npd.kind == "b":
        raise NotImplementedError("\"arange_cpu\" not implemented for 'Bool'")
    if npd is None:
        is_int = all(isinstance(v, numbers.Integral) for v in (start, end, step))
        npd = np.dtype(np.int64) if is_int else _DF[0]
    check_device(device)
    if npd.kind in "iub" and all(isinstance(v, numbers.Integral) for v in (start, end, step)):
        xs, xe, xst = int(start), int(end), int(step)
    else:
        xs, xe, xst = float(start), float(end), float(step)
    if npd.kind in "iu" and isinstance(xs, float) and np.isfinite([xs, xe, xst]).all():
        # PyTorch's integer kernel: the length in double, the values from the start and
        # the step cast to int64
        a, b, c = int(xs), int(xe), int(xst)
        if xst == 0:
            raise RuntimeError("step must be nonzero")
        if not ((xst > 0 and xe >= xs) or (xst < 0 and xe <= xs)):
            raise RuntimeError("upper bound and lower bound inconsistent with step sign")
        if npd == np.int64:  # its length in int64 arithmetic (C division)
            if c == 0:
                raise ValueError("step must be nonzero")
            if not ((c > 0 and b >= a) or (c < 0 and b <= a)):
                raise RuntimeError("upper bound and lower bound inconsistent with step sign")
            q = b - a + c - (1 if c > 0 else -1)
            n = abs(q) // abs(c) * (1 if (q >= 0) == (c > 0) else -1)
        else:
            n = int(np.ceil((xe - xs) / xst))
        arr = a + np.arange(max(n, 0), dtype=np.int64) * c
        return _finish(arr.astype(npd), requires_grad)
    if not (xst > 0 or xst < 0):  # (a NaN step too, as PyTorch's check)
        raise RuntimeError("step must be nonzero")
    if isinstance(xs, float) and not (np.isfinite(xs) and np.isfinite(xe)):
        raise RuntimeError(f"unsupported range: {_fmt_num(xs)} -> {_fmt_num(xe)}")
    if not ((xst > 0 and xe >= xs) or (xst < 0 and xe <= xs)):
        raise RuntimeError("upper bound and lower bound inconsistent with step sign")
    if isinstance(xs, int):
        arr = np.arange(xs, xe, xst, dtype=np.int64)
    else:
        n = int(np.ceil((float(end) - float(start)) / float(step)))
        arr = _arange_values(xs, xst, n, npd)
    return _finish(np.asarray(arr).astype(npd), requires_grad)


def range_(start, end=None, step=1, *, dtype=None, requires_grad=False, device=None, out=None):
    """``torch.range`` (deprecated in PyTorch, still in teaching notebooks): ``end`` included,
    ``floor((end - start) / step) + 1`` values, the default float dtype unless ``dtype``."""
    import warnings

    warnings.warn(
        "torch.range is deprecated and will be removed in a future release because its "
        "behavior is inconsistent with Python's range builtin. Instead, use torch.arange, "
        "which produces values in [start, end).",
        UserWarning,
        stacklevel=2,
    )
    start, end, step = _num(start), _num(end), _num(step)
    for name, pos, v in (("start", 1, start), ("end", 2, end), ("step", 3, step)):
        if isinstance(v, bool) or not isinstance(v, numbers.Real):
            raise TypeError(
                f"range(): argument '{name}' (position {pos}) must be Number, "
                f"not {type(v).__name__}"
            )
    npd = _dtype_arg(dtype, "range") or _DF[0]
    check_device(device)
    xs, xe, xst = float(start), float(end), float(step)
    if xst == 0:
        raise RuntimeError("step must be nonzero")
    if not ((xst > 0 and xe >= xs) or (xst < 0 and xe <= xs)):
        raise RuntimeError("upper bound and lower bound inconsistent with step sign")
    n = int(np.floor((xe - xs) / xst)) + 1
    arr = xs + np.arange(n, dtype=np.float64) * xst
    return _finish(arr.astype(npd), requires_grad)


def _arange_values(xs, xst, n, npd):
    """``start + i * step`` as PyTorch's CPU kernel computes it for float32: in double,
    except that its vectorized loop (pairs of 8-lane vectors) starts each group of 8 from
    ``float32(start + step * i0)``; the tail after the last 16 is computed in double."""
    idx = np.arange(n, dtype=np.int64)
    if npd != np.float32:
        return xs + idx.astype(np.float64) * xst
    m = (n // 16) * 16
    out = np.empty(n, dtype=np.float64)
    head = idx[:m]
    base = (xs + xst * (head // 8 * 8).astype(np.float64)).astype(np.float32)
    out[:m] = base.astype(np.float64) + (head % 8).astype(np.float64) * xst
    out[m:] = xs + xst * idx[m:].astype(np.float64)
    return out


def linspace(start, end, steps=None, *, dtype=None, requires_grad=False, device=None, layout=None):
    """``torch.linspace`` as PyTorch's CPU kernel computes it: ``step = (end - start) /
    (steps - 1)`` in the result dtype, the first half ``start + step * i``, the second
    half ``end - step * (steps - 1 - i)``."""
    start, end = _num(start), _num(end)
    if isinstance(steps, bool) or not isinstance(steps, numbers.Integral):
        got = ", ".join(type(v).__name__ for v in (start, end, steps) if v is not None)
        raise TypeError(
            f"linspace() received an invalid combination of arguments - got ({got}), but "
            "expected one of:\n * (Tensor start, Tensor end, int steps, ...)\n * (Number "
            "start, Number end, int steps, ...)\n"
        )
    if steps < 0:
        raise RuntimeError("number of steps must be non-negative")
    npd = _dtype_arg(dtype, "linspace") or _DF[0]
    if npd.kind == "b":
        raise NotImplementedError("\"linspace_cpu\" not implemented for 'Bool'")
    check_device(device)
    steps = int(steps)
    if npd.kind == "f":
        ct = npd.type
        s0, e0 = ct(start), ct(end)
        idx = np.arange(steps)
        if steps == 1:
            arr = np.full(1, s0, dtype=npd)
        else:
            with np.errstate(all="ignore"):
                step = (e0 - s0) / ct(steps - 1)
                half = steps // 2
                # PyTorch's vectorized kernel uses fused multiply-adds: for float32 the
                # product is exact in float64, so one rounding at the end matches
                w = np.float64 if npd.itemsize < 8 else npd.type
                st, s1, e1 = w(step), w(s0), w(e0)
                if npd.itemsize < 8:
                    lo = s1 + st * idx[:half].astype(w)
                    hi = e1 - st * (steps - idx[half:] - 1).astype(w)
                else:  # float64: the fused multiply-add's one rounding
                    lo = _fma64(idx[:half].astype(w), float(st), float(s1))
                    hi = _fma64((steps - idx[half:] - 1).astype(w), -float(st), float(e1))
            arr = np.concatenate([lo, hi]).astype(npd)
    else:
        s0, e0 = float(start), float(end)
        if steps <= 1:
            arr = np.full(steps, s0)
        else:
            step = (e0 - s0) / (steps - 1)
            idx = np.arange(steps)
            half = steps // 2
            arr = np.where(idx < half, s0 + step * idx, e0 - step * (steps - idx - 1))
        arr = np.trunc(arr).astype(npd)
    return _finish(arr, requires_grad)


def eye(n, m=None, *, dtype=None, requires_grad=False, device=None, layout=None):
    for name, v in (("n", n), ("m", m)):
        if v is None:
            continue
        if not isinstance(v, numbers.Integral) or isinstance(v, bool):
            raise TypeError(
                f"eye(): argument '{name}' (position {1 if name == 'n' else 2}) must be int, "
                f"not {type(v).__name__}"
            )
        if v < 0:
            raise RuntimeError(f"{name} must be greater or equal to 0, got {v}")
    check_device(device)
    return _finish(np.eye(n, m, dtype=to_numpy_dtype(dtype) or _DF[0]), requires_grad)


# ---------------------------------------------------------------------- random

_SIZE_SIGS = (
    "tuple of ints size, *, torch.Generator generator, Tensor out = None, torch.dtype dtype "
    "= None, torch.layout layout = None, torch.device device = None, bool pin_memory = "
    "False, bool requires_grad = False)\n * (tuple of ints size, *, Tensor out = None, "
    "torch.dtype dtype = None, torch.layout layout = None, torch.device device = None, bool "
    "pin_memory = False, bool requires_grad = False)\n"
)


def _rng_for(generator, fn, size):
    from .random import Generator as _G

    if generator is None or isinstance(generator, _G):
        return rng_of(generator, fn)
    got = ", ".join(type(s).__name__ for s in size)
    raise TypeError(
        f"{fn}() received an invalid combination of arguments - got ({got}, generator="
        f"{type(generator).__name__}), but expected one of:\n * ({_SIZE_SIGS}"
    )


def _uniform_or_normal(name, kernel, draw, size, generator, dtype, requires_grad, device, kw):
    """``rand`` / ``randn``: PyTorch's argument checks, then ``draw(rng, shape)`` as floats."""
    size_kw = kw.pop("size", _NO)
    if kw:
        given = dict(generator=generator, dtype=dtype, requires_grad=requires_grad)
        _factory_error(name, size, dict(given, device=device, size=size_kw), kw)
        raise TypeError(f"{name}() got an unexpected keyword argument '{next(iter(kw))}'")
    rng = _rng_for(generator, name, size)
    if requires_grad is not False and requires_grad is not True and requires_grad is not None:
        got = ", ".join(type(s).__name__ for s in size)
        raise TypeError(
            f"{name}() received an invalid combination of arguments - got ({got}, requires_grad="
            f"{type(requires_grad).__name__}), but expected one of:\n * ({_SIZE_SIGS}"
        )
    try:
        npd = _dtype_arg(dtype, name) or _DF[0]
    except TypeError:
        given = dict(generator=generator, dtype=dtype, requires_grad=requires_grad)
        _factory_error(name, size, dict(given, device=device, size=size_kw))
        raise
    float_dtype_check(npd, kernel)
    check_device(device)
    return _finish(draw(rng, _shape(size, name, size_kw), npd), requires_grad)


def randn(
    *size,
    generator=None,
    dtype=None,
    requires_grad=False,
    device=None,
    layout=None,
    out=None,
    pin_memory=False,
    **kw,
):
    return _uniform_or_normal(
        "randn",
        "normal_kernel_cpu",
        _standard_normal,
        size,
        generator,
        dtype,
        requires_grad,
        device,
        kw,
    )


def rand(
    *size,
    generator=None,
    dtype=None,
    requires_grad=False,
    device=None,
    layout=None,
    out=None,
    pin_memory=False,
    **kw,
):
    return _uniform_or_normal(
        "rand",
        "check_uniform_bounds",
        _uniform,
        size,
        generator,
        dtype,
        requires_grad,
        device,
        kw,
    )


def _standard_normal(rng, shape, npd):
    return rng.normal_t(shape, npd)


def _uniform(rng, shape, npd):
    return rng.uniform_t(shape, npd)


def rand_like(input, *args, dtype=None, requires_grad=False, device=None, **kw):
    rng = like_args("rand_like", input, args, kw)
    npd = to_numpy_dtype(dtype) or input._data.dtype
    float_dtype_check(npd, "check_uniform_bounds")
    check_device(device)
    arr = input._data
    perm = memory_order(arr)  # (filled in the input's memory order, as PyTorch's)
    return _finish(in_memory_order(lambda s: rng.uniform_t(s, npd), arr.shape, perm), requires_grad)


def randn_like(input, *args, dtype=None, requires_grad=False, device=None, **kw):
    rng = like_args("randn_like", input, args, kw)
    npd = to_numpy_dtype(dtype) or input._data.dtype
    float_dtype_check(npd, "normal_kernel_cpu")
    check_device(device)
    arr = input._data
    perm = memory_order(arr)  # (a non-contiguous like-tensor: PyTorch's serial sampler)
    fill = lambda s: rng.normal_t(s, npd, contiguous=perm is None)  # noqa: E731
    return _finish(in_memory_order(fill, arr.shape, perm), requires_grad)


_RANDINT_SIGS = (
    " * (int high, tuple of ints size, *, torch.Generator generator, Tensor out = None, "
    "torch.dtype dtype = None, torch.layout layout = None, torch.device device = None, bool "
    "pin_memory = False, bool requires_grad = False)\n * (int high, tuple of ints size, *, "
    "Tensor out = None, torch.dtype dtype = None, torch.layout layout = None, torch.device "
    "device = None, bool pin_memory = False, bool requires_grad = False)\n * (int low, int "
    "high, tuple of ints size, *, torch.Generator generator, Tensor out = None, torch.dtype "
    "dtype = None, torch.layout layout = None, torch.device device = None, bool pin_memory = "
    "False, bool requires_grad = False)\n * (int low, int high, tuple of ints size, *, Tensor "
    "out = None, torch.dtype dtype = None, torch.layout layout = None, torch.device device = "
    "None, bool pin_memory = False, bool requires_grad = False)\n"
)


def randint(
    low=_NO,
    high=_NO,
    size=_NO,
    *,
    generator=None,
    dtype=None,
    requires_grad=False,
    device=None,
    layout=None,
    out=None,
):
    given = [v for v in (low, high, size) if v is not _NO]
    low, high, size = (None if v is _NO else v for v in (low, high, size))
    if size is None and isinstance(high, tuple | list | Size):
        low, high, size = 0, low, high
    elif high is None and low is not None and size is not None:
        low, high = 0, low
    elif low is None and high is not None:
        low = 0
    from .argtypes import _is_int, _is_int_elem

    size_ok = isinstance(size, list | tuple | Size) and (not size or _is_int_elem(size[0]))
    if size is None or high is None or not size_ok or not (_is_int(low) and _is_int(high)):
        kws = dict(generator=generator, dtype=dtype, requires_grad=requires_grad)
        _factory_error("randint", given, dict(kws, device=device, layout=layout, out=out))
        if len(given) == 2 and size_ok and high is not None and not _is_int(high):
            raise TypeError(
                f"randint(): argument 'high' (position 1) must be int, not {_tp_name(high)}"
            )
        got = ", ".join(_tp_name(v) for v in given)
        raise TypeError(
            f"randint() received an invalid combination of arguments - got ({got}), but "
            f"expected one of:\n{_RANDINT_SIGS}"
        )
    for j, e in enumerate(size):
        if not _is_int_elem(e):
            raise TypeError(
                f"randint(): argument 'size' failed to unpack the object at pos {j + 1} with "
                f'error "type must be tuple of ints,but got {_tp_name(e)}"'
            )
    low, high = _num(low), _num(high)
    rng = rng_of(generator, "randint")
    try:
        npd = _dtype_arg(dtype, "randint") or np.dtype(np.int64)
    except TypeError:
        kws = dict(generator=generator, dtype=dtype, requires_grad=requires_grad)
        _factory_error("randint", given, dict(kws, device=device, layout=layout, out=out))
        raise
    shape = _shape(tuple(size) if isinstance(size, list | tuple | Size) else (size,), "randint")
    if low >= high:
        raise RuntimeError(
            f"random_ expects 'from' to be less than 'to', but got from={low} >= to={high}"
        )
    check_device(device)
    low, high = float_int_bounds(low, high, npd, 3)
    return _finish(rng.randint_t(low, high, shape).astype(npd), requires_grad)


def randint_like(input, *args, dtype=None, requires_grad=False, device=None, **kw):
    low, high, rng = randint_like_args(input, args, kw)
    npd = to_numpy_dtype(dtype) or input._data.dtype
    check_device(device)
    low, high = float_int_bounds(low, high, npd, 3)
    return _finish(rng.randint_t(low, high, input._data.shape).astype(npd), requires_grad)


def randperm(
    n, *, generator=None, dtype=None, requires_grad=False, device=None, layout=None, out=None
):
    rng = rng_of(generator, "randperm")
    if isinstance(n, Tensor) and n.ndim == 0 and n._data.dtype.kind in "iu":
        n = int(n.item())
    if isinstance(n, bool) or not isinstance(n, numbers.Integral):
        raise TypeError(
            f"randperm(): argument 'n' (position 1) must be int, not {type(n).__name__}"
        )
    if n < 0:
        raise RuntimeError(f"Trying to create tensor with negative dimension {n}: [{n}]")
    try:
        npd = _dtype_arg(dtype, "randperm") or np.dtype(np.int64)
    except TypeError:
        kws = dict(generator=generator, dtype=dtype, requires_grad=requires_grad, device=device)
        _factory_error("randperm", (n,), dict(kws, layout=layout, out=out))
        raise
    if npd.kind == "b":
        raise NotImplementedError("\"randperm\" not implemented for 'Bool'")
    check_device(device)
    return _finish(rng.randperm_t(int(n)).astype(npd), requires_grad)


_NORMAL_SIGS = (
    " * (Tensor mean, Tensor std, *, torch.Generator generator = None, Tensor out = None)\n"
    " * (Tensor mean, float std = 1, *, torch.Generator generator = None, Tensor out = None)\n"
    " * (float mean, Tensor std, *, torch.Generator generator = None, Tensor out = None)\n"
    " * (float mean, float std, tuple of ints size, *, torch.Generator generator = None, "
    "Tensor out = None, torch.dtype dtype = None, torch.layout layout = None, torch.device "
    "device = None, bool pin_memory = False, bool requires_grad = False)\n"
)


def normal(
    mean=None,
    std=1.0,
    *rest,
    size=_NO,
    generator=None,
    dtype=None,
    requires_grad=False,
    device=None,
    layout=None,
    out=None,
):
    """``torch.normal``: (Tensor mean, Tensor std), (Tensor mean, float std),
    (float mean, Tensor std) or (float mean, float std, size)."""
    from . import random as _R

    size_kw = size is not _NO
    if rest:
        if len(rest) > 1 or size_kw:
            raise TypeError(
                "normal() received an invalid combination of arguments - got (...), but "
                f"expected one of:\n{_NORMAL_SIGS}"
            )
        size = rest[0]
    elif not size_kw:
        size = None
    tm, ts = isinstance(mean, Tensor), isinstance(std, Tensor)
    rng = rng_of(generator, "normal")
    if not tm and not ts:
        from .argtypes import _is_int_elem

        if (
            size is None
            or not isinstance(size, list | tuple | Size)
            or (size and not _is_int_elem(size[0]))
            or mean is None
        ):
            got = ", ".join(
                [_tp_name(v) for v in (mean, std) if v is not None]
                + ([f"size={_tp_name(size)}"] if size_kw else [])
                + ([_tp_name(size)] if rest and size is not None else [])
            )
            raise TypeError(
                f"normal() received an invalid combination of arguments - got ({got}), but "
                f"expected one of:\n{_NORMAL_SIGS}"
            )
        if std < 0:
            raise RuntimeError(f"normal expects std >= 0.0, but found std {_fmt_num(std)}")
        npd = _dtype_arg(dtype, "normal") or _DF[0]
        float_dtype_check(npd, "normal_kernel_cpu")
        check_device(device)
        arr = rng.normal_t(_shape(tuple(size), "normal"), npd, mean, std)
        return _finish(arr, requires_grad)
    if size is not None:
        got = ", ".join(
            [_tp_name(mean), _tp_name(std)]
            + ([f"size={_tp_name(size)}"] if size_kw else [_tp_name(size)])
        )
        raise TypeError(
            f"normal() received an invalid combination of arguments - got ({got}), but "
            f"expected one of:\n{_NORMAL_SIGS}"
        )
    ref = mean if tm else std
    npd = ref._data.dtype
    float_dtype_check(npd, "normal_kernel_cpu")
    if ts:
        if (std._data < 0).any():
            raise RuntimeError("normal expects all elements of std >= 0.0")
    elif std < 0:
        raise RuntimeError(f"normal expects std >= 0.0, but found std {_fmt_num(std)}")
    if tm and ts and mean._data.shape != std._data.shape:
        try:
            np.broadcast_shapes(mean._data.shape, std._data.shape)
        except ValueError:
            from .api import _raise_broadcast_error

            _raise_broadcast_error(mean, std)
    arr = _normal_tensor_args(rng, mean, std, tm, ts, npd)
    if tm and ts:
        return _R.NormalBackward3.apply(mean, std, out=arr)
    if tm:
        return _R.NormalBackward1.apply(mean, out=arr)
    return _R.NormalBackward2.apply(std, out=arr)


def _normal_tensor_args(rng, mean, std, tm, ts, npd):
    """PyTorch's ``normal_out_impl``: a tensor mean and a float std draw ``normal_(0, std)``
    then add the mean; otherwise ``normal_(0, 1)``, then ``mul_(std)`` and ``add_(mean)``
    (each an in-place op of the result's dtype)."""
    if not ts:
        arr = rng.normal_t(mean._data.shape, npd, 0.0, std)
        return (arr + mean._data).astype(npd, copy=False)
    m = mean._data if tm else npd.type(mean)
    shape = np.broadcast_shapes(np.shape(m), std._data.shape)
    arr = rng.normal_t(shape, npd)
    arr = (arr * std._data).astype(npd, copy=False)
    return (arr + m).astype(npd, copy=False)


def _scalar_name(npd):
    from .api import _scalar_type_name

    return _scalar_type_name(npd)


def multinomial(input, num_samples, replacement=False, *, generator=None, out=None):
    """``torch.multinomial``: indices drawn from the rows of ``input`` (weights, need not
    sum to 1), with or without replacement."""
    if not isinstance(input, Tensor):
        raise TypeError(
            f"multinomial(): argument 'input' (position 1) must be Tensor, not "
            f"{type(input).__name__}"
        )
    rng = rng_of(generator, "multinomial")
    p = input._data
    if p.ndim not in (1, 2):
        raise RuntimeError("prob_dist must be 1 or 2 dim")
    if p.dtype.kind != "f":
        raise RuntimeError(
            "multinomial only supports floating-point dtypes for input, got: "
            + _scalar_name(p.dtype)
        )
    n = int(num_samples)
    if n <= 0:
        raise RuntimeError("cannot sample n_sample <= 0 samples")
    k = p.shape[-1]
    if not replacement and n > k:
        raise RuntimeError(
            "cannot sample n_sample > prob_dist.size(-1) samples without replacement"
        )
    rows = p.reshape(-1, k).astype(np.float64)
    if not np.isfinite(rows).all() or (rows < 0).any():
        raise RuntimeError("probability tensor contains either `inf`, `nan` or element < 0")
    sums = rows.sum(axis=1)
    if (sums <= 0).any():
        raise RuntimeError("invalid multinomial distribution (sum of probabilities <= 0)")
    if replacement and n > 1:
        # PyTorch's kernel: each row's running sum in the input's dtype, divided by the
        # total, the last bucket set to 1, then per sample a double uniform and a binary
        # search for the first bucket >= it
        rows_t = p.reshape(-1, k)
        u = rng.random((rows.shape[0], n))
        idx = np.empty((rows.shape[0], n), dtype=np.int64)
        for r in range(rows.shape[0]):
            cdf = np.cumsum(rows_t[r], dtype=p.dtype)
            total = cdf[-1]
            if total > 0:
                cdf = cdf / total
            cdf[-1] = 1
            idx[r] = np.searchsorted(cdf.astype(np.float64), u[r], side="left")
    else:
        # PyTorch's way without replacement, or for one sample: the largest p / Exp(1)
        # keys (q = exponential_ in the input's dtype)
        q = rng.exponential(size=rows.shape).astype(p.dtype)
        with np.errstate(divide="ignore"):
            keys = p.reshape(-1, k) / q
        idx = np.argsort(-keys, axis=1, kind="stable")[:, :n].astype(np.int64)
    return Tensor._make(idx.reshape((*p.shape[:-1], n)))


def bernoulli(input, p=None, *, generator=None, out=None):
    """``torch.bernoulli(probs)``: 1 with probability ``probs`` (or ``p``), else 0, in
    ``input``'s dtype."""
    from . import random as _R

    if not isinstance(input, Tensor):
        raise TypeError(
            f"bernoulli(): argument 'input' (position 1) must be Tensor, not {type(input).__name__}"
        )
    rng = rng_of(generator, "bernoulli")
    a = input._data
    if a.dtype.kind != "f":
        raise NotImplementedError(
            f"\"bernoulli_tensor_cpu_p_\" not implemented for '{_scalar_name(a.dtype)}'"
        )
    probs = a if p is None else p
    if p is not None and not 0 <= p <= 1:
        raise RuntimeError(f"bernoulli_ expects p to be in [0, 1], but got p={_fmt_num(p)}")
    if p is None and ((a < 0) | (a > 1) | np.isnan(a)).any():
        raise RuntimeError(
            "Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could this error "
            "message be improved?  If so, please report an enhancement request to PyTorch.)"
        )
    # PyTorch's tensor kernel: a uniform of the input's dtype per element; bernoulli_(p): a
    # double uniform
    u = rng.unit(a.size, a.dtype).reshape(a.shape) if p is None else rng.random(a.shape)
    arr = (u < probs).astype(a.dtype)
    if input._requires_grad and p is None:
        return _R.BernoulliBackward0.apply(input, out=arr)
    return Tensor._make(arr)


class tensortype(type):
    """The type of the legacy tensor types (``torch.FloatTensor``, ``torch.LongTensor``...):
    calling one makes a tensor (``torch.FloatTensor([1, 2])``, ``torch.LongTensor(2, 3)``),
    and ``isinstance(t, torch.FloatTensor)`` checks the dtype of ``t``, as PyTorch's."""

    def __call__(cls, *args, device=None):
        if len(args) == 1 and isinstance(args[0], Tensor):
            have = args[0]._data.dtype
            if have != cls._np:  # (PyTorch's legacy constructor takes its own dtype only)
                raise TypeError(f"expected {_options(cls._np)} (got {_options(have)})")
            return Tensor._make(args[0]._data)  # (an alias of the same memory)
        return cls._new(*args, device=device)

    def __instancecheck__(cls, obj):
        return isinstance(obj, Tensor) and obj._data.dtype == cls._np

    def __subclasscheck__(cls, sub):
        return type.__subclasscheck__(cls, sub)


tensortype.__module__ = "torch"

_C_TYPES = {
    "float32": "float",
    "float64": "double",
    "float16": "c10::Half",
    "int64": "long int",
    "int32": "int",
    "int16": "short int",
    "int8": "signed char",
    "uint8": "unsigned char",
    "bool": "bool",
}


def _options(npd):
    """PyTorch's printed ``TensorOptions`` of a CPU tensor of ``npd``."""
    name = _C_TYPES.get(np.dtype(npd).name, np.dtype(npd).name)
    return (
        f"TensorOptions(dtype={name}, device=cpu, layout=Strided, requires_grad=false "
        "(default), pinned_memory=false (default), memory_format=(nullopt))"
    )


def legacy_tensor_type(name, new, npd):
    """The class ``torch.<name>`` (of type ``torch.tensortype``) made by ``new``."""
    from . import dtypes

    return tensortype(
        name,
        (),
        {
            "__module__": "torch",
            "__doc__": f"``torch.{name}(data)`` / ``torch.{name}(*sizes)`` (legacy type).",
            "_new": staticmethod(new),
            "_np": np.dtype(npd),
            "dtype": dtypes.from_numpy_dtype(np.dtype(npd)),
            "is_sparse": False,
            "is_cuda": False,
        },
    )


def _float_tensor(*args, device=None):
    return Tensor(*args, dtype=_dt("float32"), device=device)


def _double_tensor(*args, device=None):
    return Tensor(*args, device=device).double()


def _long_tensor(*args, device=None):
    if device is not None:
        _legacy_device(device)
    if len(args) == 1 and not isinstance(args[0], numbers.Number):
        return Tensor._make(as_array(args[0], np.int64))
    return Tensor._make(np.zeros(args, dtype=np.int64))


def _bool_tensor(*args, device=None):
    if device is not None:
        _legacy_device(device)
    if len(args) == 1 and not isinstance(args[0], numbers.Number):
        return Tensor._make(as_array(args[0], np.bool_))
    return Tensor._make(np.zeros(args, dtype=np.bool_))


FloatTensor = legacy_tensor_type("FloatTensor", _float_tensor, np.float32)
DoubleTensor = legacy_tensor_type("DoubleTensor", _double_tensor, np.float64)
LongTensor = legacy_tensor_type("LongTensor", _long_tensor, np.int64)
BoolTensor = legacy_tensor_type("BoolTensor", _bool_tensor, np.bool_)


def _np_layout_check(arr):
    """PyTorch's refusals of an ndarray it cannot share: negative strides, a non-native
    byte order."""
    if any(st < 0 for st in arr.strides):
        raise ValueError(
            "At least one stride in the given numpy array is negative, and tensors with "
            "negative strides are not currently supported. (You can probably work around "
            "this by making a copy of your array  with array.copy().) "
        )
    if not arr.dtype.isnative:
        raise ValueError(
            "given numpy array has byte order different from the native byte order. "
            "Conversion between byte orders is currently not supported."
        )


def from_numpy(arr):
    """A tensor sharing memory with ``arr`` (keeps its dtype)."""
    if not isinstance(arr, np.ndarray):
        raise TypeError(f"expected np.ndarray (got {_tp_name(arr)})")
    _np_layout_check(arr)
    if arr.dtype.kind not in "biufc":
        from .dtypes import _unsupported_np

        raise TypeError(_unsupported_np(arr.dtype))
    return Tensor._make(arr)


def _dt(name):
    from . import dtypes

    return getattr(dtypes, name)
