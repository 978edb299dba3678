"""``Tensor``: a numpy array plus the autograd state PyTorch gives a tensor.

The math lives in :mod:`autograd_viz.engine.api` (one function per torch function);
the methods and operators here call it.
"""

from __future__ import annotations

import builtins
import collections.abc
import numbers
import warnings
import weakref
from operator import attrgetter as _attrgetter

import numpy as np

from . import _errstate as _errstate_mod
from . import backward as _backward_mod
from . import events
from . import function as _function_mod
from . import views as _views
from ._stack import user_stacklevel
from .device import CPU as _CPU
from .device import DEFAULT_FLOAT as _DF
from .device import check_device as _check_device_arg
from .device import device as _device_cls
from .dtypes import dtype as _dtype_cls
from .dtypes import from_numpy_dtype, to_numpy_dtype, type_name
from .function import AccumulateGrad
from .functional_array import const as _const
from .grad_mode import STATE as _STATE
from .shown import ShownAs

DEFAULT_FLOAT = np.dtype(np.float32)  # the initial default; the current one is _DF[0]
_ndarray = np.ndarray
_new = object.__new__
_ONE: dict = {}  # dtype -> its numpy scalar 1 (the gradient of a 0-d root)


class Size(tuple, metaclass=ShownAs):
    """``torch.Size``: a tuple that prints as PyTorch prints it."""

    _torch_class = "torch.Size"

    __slots__ = ()

    def __repr__(self) -> str:
        return f"torch.Size([{', '.join(str(d) for d in self)}])"

    __str__ = __repr__

    def numel(self) -> int:
        n = 1
        for d in self:
            n *= d
        return n

    def __getitem__(self, item):
        r = tuple.__getitem__(self, item)
        return Size(r) if isinstance(item, slice) else r


_NO_DIM = object()  # ``x.max()`` (``x.max(None)`` is an error)


def _numpy_dim(name, dim, axis):
    """``axis=`` for ``dim`` (PyTorch's parser takes NumPy's name), not both."""
    if dim is not None:
        raise TypeError(f"{name}() got an unexpected keyword argument 'axis'")
    return axis


def _arg_retry(name, self, dim_keepdim, kwargs):
    """A reduction method's failure path: PyTorch's argument-parser error (or the call
    again, with a 0-d tensor / NumPy integer dim as an int)."""
    from . import argtypes

    dim, keepdim = dim_keepdim
    absent = dim is _NO_DIM or (dim is None and name not in ("max", "min"))
    args = () if absent else (dim,)  # (a guess: ``x.sum(1, keepdim=True)``)
    kwargs = {k: v for k, v in kwargs.items() if v is not None}
    if keepdim is not False:
        kwargs = {"keepdim": keepdim, **kwargs}
    return argtypes.retry(name, getattr(Tensor, name), args, kwargs, self)


def _dim_keyword(fn):
    """``fn`` (``max``/``min``, the function or the method) reading a tensor given as
    ``dim=`` as PyTorch does, an int (only a positional tensor is ``other``:
    ``torch.max(x, y)``, the elementwise maximum)."""

    def wrapper(input, /, *args, **kwargs):
        d = kwargs.get("dim")
        if d.__class__ is Tensor:
            if d._data.ndim or d._data.dtype.kind not in "iu":
                raise TypeError(
                    f"{fn.__name__}(): argument 'dim' must be int, not Tensor"
                    if d._data.ndim or d._data.dtype.kind != "b"
                    else f"{fn.__name__}(): argument 'dim' must be int, not bool"
                )
            kwargs["dim"] = int(d._data)
        return fn(input, *args, **kwargs)

    wrapper.__name__ = wrapper.__qualname__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    wrapper.__wrapped__ = fn
    return wrapper


def _dim_reduction(name, default):
    """The Tensor method ``name`` (``max``, ``argmax``, ``any``...): ``x.name(dim, keepdim)``
    through ``api.name``; NumPy's ``axis=``/``keepdims=``, which PyTorch accepts too; on a
    wrong argument, PyTorch's parser error (``_arg_retry``).  ``default``: ``dim`` left
    out (``_NO_DIM`` where that differs from ``dim=None``: max, min)."""

    def method(self, dim=default, keepdim=False, *, axis=None, keepdims=None):
        try:
            if axis is not None:
                dim = _numpy_dim(name, None if dim is _NO_DIM else dim, axis)
            if keepdims is not None:
                keepdim = keepdims
            return getattr(_api, name)(self, dim, keepdim)
        except TypeError:
            return _arg_retry(name, self, (dim, keepdim), dict(axis=axis, keepdims=keepdims))

    method.__name__ = method.__qualname__ = name  # (errors say ``max()``, as PyTorch's)
    return method


def _retain_arg(v):
    """``retain_graph=``: PyTorch reads it as an integer (``operator.index``)."""
    import operator

    if v is True or v is False:
        return v
    if isinstance(v, np.bool_):  # (numpy < 2.2 still gives np.bool_ an ``__index__``)
        raise TypeError("'numpy.bool' object cannot be interpreted as an integer")
    return bool(operator.index(v))


def _kw_dim(name, dim, kw):
    """The ``dim`` of ``t.name(dim, **kw)`` (a method whose only parameter is ``int dim``)
    called with keywords: ``axis=`` alone is the dim; anything else is PyTorch's parser
    error (``unsqueeze() missing 1 required positional arguments: "dim"``)."""
    if dim is _NO_KW and kw.keys() == {"axis"} and kw["axis"] is not None:
        return kw["axis"]
    from . import argtypes

    argtypes.check_call(name, () if dim is _NO_KW else (dim,), kw)
    raise TypeError(f"{name}() got an unexpected keyword argument '{next(iter(kw))}'")


def _method_position(e):
    """A function's argument TypeError as the Tensor method's (``self`` not counted):
    ``argument 'other' (position 2)`` -> ``(position 1)``."""
    import re

    msg = str(e)
    m = re.match(r"(\w+\(\): argument '\w+' \(position )(\d+)(\).*)", msg, re.S)
    if m and m.group(2) != "1":
        return TypeError(f"{m.group(1)}{int(m.group(2)) - 1}{m.group(3)}")
    return e


_NO_DIM = object()  # (Tensor.transpose's missing argument)


def _wrap_dim(dim, ndim):
    if dim.__class__ is not int:
        dim = _dim_index(dim)
    n = builtins.max(ndim, 1)
    if not -n <= dim < n:
        raise IndexError(
            f"Dimension out of range (expected to be in range of [{-n}, {n - 1}], but got {dim})"
        )
    return int(dim) % n


def _dim_index(dim):
    """A dim that is not a Python int: a numpy integer, or a 0-d integer tensor
    (PyTorch reads both as an int); anything else (a bool too) is refused."""
    if isinstance(dim, bool) or not isinstance(dim, numbers.Integral):
        if isinstance(dim, Tensor) and dim._data.ndim == 0 and dim._data.dtype.kind in "iu":
            return int(dim._data)
        raise TypeError(f"dim must be an int, not {type(dim).__name__}")
    return int(dim)


# ---------------------------------------------------------------------- data -> array


def _reject(x):
    if isinstance(x, str | bytes):
        raise TypeError(f"new(): invalid data type '{type(x).__name__}'")


_I64_MIN, _I64_MAX = -(2**63), 2**63 - 1


def _check_int_leaves(leaves):
    """Python ints beyond int64 (PyTorch reads each one as a C ``long long``)."""
    for x in leaves:
        if type(x) is int and not _I64_MIN <= x <= _I64_MAX:
            if not builtins.any(isinstance(y, float | np.floating) for y in leaves):
                raise ValueError("Overflow when unpacking long long")
            return True
    return False


def _check_fits(arr, dtype):
    """PyTorch's check when numbers are written into an integer dtype."""
    dtype = np.dtype(dtype)
    if dtype.kind not in "iu" or arr.size == 0:
        return
    info = np.iinfo(dtype)
    lo, hi = (-int(info.max), int(info.max)) if dtype.kind == "u" else (info.min, info.max)
    a = arr if arr.dtype.kind in "iuf" else arr.astype(np.float64)
    if (a.dtype.kind == "f" and not np.isfinite(a).all()) or a.min() < lo or a.max() > hi:
        raise RuntimeError(f"value cannot be converted to type {dtype.name} without overflow")


class _ScalarExpected(Exception):
    """A sequence where the first elements put a number (PyTorch's message for it
    depends on the dtype, known only once every element is seen)."""


def _first_shape(data) -> list:
    """The shape PyTorch infers from the first element at each depth."""
    shape = []
    while isinstance(data, list | tuple):
        shape.append(len(data))
        if not data:
            break
        data = data[0]
    return shape


def _walk(data, dim, shape, leaves):
    """Check a nested list against ``shape`` (PyTorch's messages) and collect leaves."""
    if dim < len(shape):
        if not isinstance(data, list | tuple):
            if isinstance(data, str | bytes):
                raise TypeError(f"new(): invalid data type '{type(data).__name__}'")
            raise TypeError("not a sequence")  # a number where a list was expected
        if len(data) != shape[dim]:
            raise ValueError(
                f"expected sequence of length {shape[dim]} at dim {dim} (got {len(data)})"
            )
        for x in data:
            _walk(x, dim + 1, shape, leaves)
        return
    if isinstance(data, list | tuple):
        raise _ScalarExpected(type(data).__name__)
    if isinstance(data, str | bytes):
        if not leaves:  # the first element at every depth: the shape saw a sequence
            raise ValueError(f"too many dimensions '{type(data).__name__}'")
        raise TypeError(f"new(): invalid data type '{type(data).__name__}'")
    leaves.append(data)


def _has_float(data) -> bool:
    if isinstance(data, list | tuple):
        return builtins.any(_has_float(x) for x in data)
    return isinstance(data, float | np.floating)


def as_array(data, dtype=None) -> np.ndarray:
    """Convert user data to an ndarray with PyTorch's default dtypes (a copy)."""
    if isinstance(data, Tensor):
        arr = data._data
        return arr.astype(dtype) if dtype is not None else arr.copy()
    if isinstance(data, range):
        data = list(data)
    if isinstance(data, np.ndarray):
        if data.dtype.kind not in "biufc":
            from .dtypes import _unsupported_np

            raise TypeError(_unsupported_np(data.dtype))
        arr = np.array(data, dtype=dtype)
        if dtype is None:
            arr = _default_dtype(arr, data)
        return arr
    _reject(data)
    if isinstance(data, list | tuple):
        if _holds_arrays(data):  # [np.ones(2), np.zeros(2)]: read as sequences, as PyTorch
            warnings.warn(
                "Creating a tensor from a list of numpy.ndarrays is extremely slow. Please "
                "consider converting the list to a single numpy.ndarray with numpy.array() "
                "before converting to a tensor.",
                stacklevel=user_stacklevel(),
            )
            data = _arrays_as_lists(data)
        leaves: list = []
        try:
            _walk(data, 0, _first_shape(data), leaves)
        except _ScalarExpected as e:
            kind = np.dtype(dtype).kind if dtype is not None else ("f" if _has_float(data) else "i")
            if kind in "fc":
                raise TypeError(f"must be real number, not {e}") from None
            raise TypeError(f"'{e}' object cannot be interpreted as an integer") from None
        if _check_int_leaves(leaves):  # huge ints beside floats: all become floats
            data = np.array(data, dtype=np.float64).tolist()
        for x in leaves:
            if isinstance(x, Tensor):
                if x._data.size != 1:
                    raise ValueError("only one element tensors can be converted to Python scalars")
            elif not isinstance(x, numbers.Number | np.generic):
                if _is_sequence(x):  # [deque(...), ...]: read as lists
                    return as_array(_seq_list(data), dtype)
                raise RuntimeError(f"Could not infer dtype of {type(x).__name__}")
        if dtype is None and builtins.any(isinstance(x, np.generic | Tensor) for x in leaves):
            dtype = _infer_leaves(leaves)  # [np.float64(1.5), 2.0] is float64, as in PyTorch
        if builtins.any(isinstance(x, Tensor) for x in leaves):
            data = _untensor(data)
    elif not isinstance(data, numbers.Number | np.generic):
        if _is_sequence(data):  # a deque, a user sequence: read as PyTorch's PySequence_Check
            return as_array(_seq_list(data), dtype)
        raise RuntimeError(f"Could not infer dtype of {type(data).__name__}")
    else:
        _check_int_leaves((data,))
        if dtype is None and isinstance(data, np.generic):
            dtype = data.dtype  # np.float64(2.5) is float64, np.int32(3) int32
    if dtype is not None and np.dtype(dtype).kind in "iu":
        arr = np.array(data)
        _check_fits(arr, dtype)
        arr = np.trunc(arr).astype(dtype) if arr.dtype.kind == "f" else arr.astype(dtype)
        return arr
    arr = np.array(data, dtype=dtype)
    if dtype is None:
        arr = _default_dtype(arr, data)
    return arr


def _holds_arrays(data) -> bool:
    return builtins.any(
        isinstance(x, np.ndarray) or (isinstance(x, list | tuple) and _holds_arrays(x))
        for x in data
    )


def _arrays_as_lists(x):
    """ndarrays inside a list as lists of numpy scalars (their dtype kept for the
    inference), as PyTorch reads them: as sequences (a 0-d one has no ``len``)."""
    if isinstance(x, np.ndarray):
        if x.ndim == 0:
            raise TypeError("len() of unsized object")
        return [_arrays_as_lists(y) for y in x]
    if isinstance(x, list | tuple):
        return [_arrays_as_lists(y) for y in x]
    return x


def _infer_leaves(leaves):
    """PyTorch's ``infer_scalar_type`` over a list's items: each numpy scalar or tensor
    its dtype, a Python bool / int / float bool / int64 / the default float dtype,
    combined by ``promote_types``."""
    from .api import promote_types

    dt = None
    for x in leaves:
        if isinstance(x, Tensor):
            d = x._data.dtype
        elif isinstance(x, np.generic):
            d = x.dtype
        elif isinstance(x, bool):
            d = np.dtype(np.bool_)
        elif isinstance(x, int):
            d = np.dtype(np.int64)
        elif isinstance(x, float):
            d = np.dtype(_DF[0])
        else:
            return None
        dt = promote_types(dt, d)
    return dt


def _is_sequence(x) -> bool:
    """What CPython's ``PySequence_Check`` accepts (``__getitem__`` and not a mapping),
    besides list / tuple: ``torch.tensor(deque(...))`` reads it as a list."""
    t = type(x)
    return (
        hasattr(t, "__getitem__")
        and hasattr(t, "__len__")
        and not isinstance(x, dict | str | bytes | Tensor | np.ndarray)
        and not issubclass(t, collections.abc.Mapping)
    )


def _seq_list(x):
    """A sequence (nested sequences too) as lists, for ``as_array``."""
    if isinstance(x, Tensor | np.ndarray | str | bytes) or not (
        isinstance(x, list | tuple) or _is_sequence(x)
    ):
        return x
    return [_seq_list(y) for y in x]


def _untensor(x):
    if isinstance(x, list | tuple):
        return [_untensor(y) for y in x]
    return x.item() if isinstance(x, Tensor) else x


def _default_dtype(arr, data):
    k = arr.dtype.kind
    if k == "f":
        if isinstance(data, np.ndarray):
            return arr
        return arr.astype(_DF[0])
    if k in "iu":
        return arr if isinstance(data, np.ndarray) else arr.astype(np.int64)
    if k == "c":
        raise TypeError("complex tensors are not supported by autograd_viz")
    if k == "b":
        return arr
    if arr.size == 0:
        return arr.astype(_DF[0])
    raise TypeError(f"Could not infer dtype of {type(data).__name__}")


def _float_rg_error(initial=True):
    return RuntimeError(
        ("Only" if initial else "only")
        + " Tensors of floating point and complex dtype can require gradients"
    )


def _binary_operator(op):
    """PyTorch's wrapper of binary operators: a TypeError becomes NotImplemented."""

    def wrapped(self, other):
        try:
            return op(self, other)
        except TypeError:
            return NotImplemented

    wrapped.__name__ = wrapped.__qualname__ = op.__name__
    wrapped.__doc__ = op.__doc__
    return wrapped


def _no_ndarray(op):
    """PyTorch's reflected operators (``ndarray - tensor``) and comparisons do not take an
    ndarray: NotImplemented, so Python raises its own TypeError."""

    def wrapped(self, other):
        if isinstance(other, _ndarray):
            return NotImplemented
        try:
            return op(self, other)
        except TypeError:
            return NotImplemented

    wrapped.__name__ = wrapped.__qualname__ = op.__name__
    wrapped.__doc__ = op.__doc__
    return wrapped


def _type_path(x) -> str:
    """``numpy.ndarray``, ``list``: a type named as PyTorch's messages name it."""
    t = type(x)
    return t.__name__ if t.__module__ == "builtins" else f"{t.__module__}.{t.__qualname__}"


def _not_writable(name):
    def setter(self, value):
        raise AttributeError(f"attribute '{name}' of 'torch._C.TensorBase' objects is not writable")

    return setter


def _method_arg_error(e):
    """``t.mul("a")``: PyTorch counts the method's arguments after ``self`` (``other`` is
    at position 1, at 2 in ``torch.mul(t, "a")``)."""
    msg = str(e)
    if "argument 'other' (position 2)" in msg:
        return TypeError(msg.replace("(position 2)", "(position 1)", 1))
    return e


_INFERENCE_RG = (
    "Setting requires_grad=True on inference tensor outside InferenceMode is not allowed."
)


_NO_KW = object()


def _kw_intlist(fn, name, args, value):
    """``t.reshape(shape=(2, 3))``: the keyword form of a method's single ``int[]``."""
    from .argtypes_shape import varargs_intlist

    return varargs_intlist(fn, name, args, value)


class Tensor(metaclass=ShownAs):
    """A multi-dimensional array that can record the operations made on it."""

    _torch_class = "torch.Tensor"  # how ``type(x)`` prints (engine/shown.py)

    # hot fields are slots; rarely set ones are class defaults (an instance dict is made
    # only for the few tensors that set them)
    #: numpy defers ``ndarray + tensor`` (and numpy scalars) to the tensor's reflected
    #: operator, as it does for PyTorch's tensors: the result is a tensor, in the graph.
    __array_priority__ = 1000
    #: _NDARRAY: ``t + arr`` (``-``, ``*``, ``/``, ``**``, ``@``, ``//``, ``%``, and the
    #: in-place forms) with a numpy array: NotImplemented, as PyTorch's operators, so
    #: numpy computes it on ``t.__array__()`` (PyTorch's error when ``t`` requires grad)
    #: and ``__array_wrap__`` makes the result a tensor of numpy's dtype

    __slots__ = (
        "__dict__",
        "__weakref__",
        "_accumulator",
        "_base",
        "_data",
        "_grad",
        "_grad_fn",
        "_requires_grad",
        "_vbox",
    )
    #: ``t.grad_fn``: read-only, as PyTorch's (the engine sets ``_grad_fn``)
    grad_fn = property(_attrgetter("_grad_fn"), _not_writable("grad_fn"))
    _retains_grad = False
    _hooks = None
    label = None
    _grad_owner = None

    # ------------------------------------------------------------------ construction
    def __init__(self, *args, dtype=None, requires_grad=False, device=None):
        if device is not None:
            _legacy_device(device)
        npd = to_numpy_dtype(dtype) or _DF[0]
        if not args:
            arr = np.zeros((0,), dtype=npd)
        elif len(args) == 1 and not isinstance(args[0], numbers.Number):
            a = args[0]
            if a is None:
                raise TypeError("new(): data must be a sequence (got NoneType)")
            if isinstance(a, Tensor) and dtype is None:  # (PyTorch: an alias, its dtype)
                arr = a._data
            else:
                arr = np.zeros(tuple(a), dtype=npd) if isinstance(a, Size) else as_array(a, npd)
        elif builtins.all(isinstance(a, numbers.Integral) for a in args):
            for a in args:
                if a < 0:
                    raise RuntimeError(
                        f"Trying to create tensor with negative dimension {a}: {list(args)}"
                    )
            arr = np.zeros(args, dtype=npd)
        else:
            if isinstance(args[0], numbers.Integral):  # (a size with a non-int in it)
                k, bad = next(
                    (k, a) for k, a in enumerate(args) if not isinstance(a, numbers.Integral)
                )
                raise TypeError(
                    f"new(): argument 'size' failed to unpack the object at pos {k + 1} with error "
                    f'"type must be tuple of ints,but got {type(bad).__name__}"'
                )
            raise TypeError("new(): data must be a sequence (got " + type(args[0]).__name__ + ")")
        self._init(arr, False, None)
        if requires_grad:
            self.requires_grad = True

    def _init(self, arr, requires_grad, grad_fn):
        self._data = arr
        self._grad = None
        self._requires_grad = requires_grad
        self._grad_fn = grad_fn
        self._vbox = [0]
        self._retains_grad = False
        self._hooks = None
        self._accumulator = None
        self.label = None
        self._grad_owner = None
        self._base = None

    @staticmethod
    def _make(arr, requires_grad=False, grad_fn=None):
        """A Tensor around ``arr`` (no copy, no checks): the engine's constructor."""
        if type(arr) is not _ndarray:
            arr = np.asarray(arr)
        t = _new(Tensor)
        t._data = arr
        t._grad = None
        t._requires_grad = requires_grad
        t._grad_fn = grad_fn
        t._vbox = [0]
        t._accumulator = None
        t._base = None
        return t

    # ------------------------------------------------------------------ autograd state
    @property
    def requires_grad(self) -> bool:
        if self._requires_grad:
            return True
        base = self._base  # a view requires grad while its base does (as PyTorch's)
        return base is not None and base._requires_grad

    @requires_grad.setter
    def requires_grad(self, value):
        self._set_requires_grad(value, "attr")

    def _set_requires_grad(self, value, how):
        if value is not True and value is not False:
            if how == "attr":
                raise RuntimeError("requires_grad must be a bool")
            if how == "method":
                raise TypeError(
                    "requires_grad_(): argument 'requires_grad' (position 1) must be bool, "
                    f"not {type(value).__name__}"
                )
            value = bool(value)
        if self._grad_fn is not None:
            if value and how == "attr":
                raise RuntimeError("you can only change requires_grad flags of leaf variables.")
            if not value:
                raise RuntimeError(
                    "you can only change requires_grad flags of leaf variables. If you want "
                    "to use a computed variable in a subgraph that doesn't require "
                    "differentiation use var_no_grad = var.detach()."
                )
            return
        if value and self._data.dtype.kind not in "fc":
            if how == "method":
                raise RuntimeError("only Tensors of floating point dtype can require gradients")
            raise _float_rg_error(initial=how == "ctor")
        if value and self._inference and not _STATE.inference:
            raise RuntimeError(_INFERENCE_RG)
        if self._view_mode is not None:  # a view made under no_grad: views.py
            value = _views.set_requires_grad(self, value)
        self._requires_grad = value
        if events.LISTENERS:
            events.emit("requires_grad_", tensor=self)

    def requires_grad_(self, requires_grad=_NO_KW, /, **kw):
        if kw:  # (PyTorch's parser names a keyword argument without its position)
            for k in kw:
                if k != "requires_grad":
                    raise TypeError(f"requires_grad_() got an unexpected keyword argument '{k}'")
            if requires_grad is not _NO_KW:
                raise TypeError("requires_grad_() got multiple values for argument 'requires_grad'")
            requires_grad = kw["requires_grad"]
            if requires_grad is not True and requires_grad is not False:
                raise TypeError(
                    "requires_grad_(): argument 'requires_grad' must be bool, not "
                    f"{type(requires_grad).__name__}"
                )
        elif requires_grad is _NO_KW:
            requires_grad = True
        self._set_requires_grad(requires_grad, "method")
        return self

    @property
    def is_leaf(self) -> bool:
        if self._view_mode is not None and _views.repr_invalid(self):
            raise RuntimeError(_views.message(self, True))
        return self._grad_fn is None

    is_leaf = is_leaf.setter(_not_writable("is_leaf"))

    _inference = False  # made under inference_mode (set by grad_mode / creation)
    #  (views of inference tensors made outside inference mode are not marked)
    #: (mode, version) for a view made under no_grad / inference_mode: engine/views.py
    _view_mode = None
    #: which output of ``grad_fn`` this tensor is (set only on the outputs after the
    #: first of a node with several outputs: ``split``, ``unbind``, a custom Function)
    _output_nr = 0

    @property
    def output_nr(self) -> int:
        return self._output_nr

    def is_inference(self) -> bool:
        return self._inference or self._vbox.__class__ is _views.InferenceBox

    @property
    def _version(self) -> int:
        box = self._vbox
        if box.__class__ is _views.InferenceBox:
            raise RuntimeError(_views.NO_VERSION)
        return box[0]

    @property
    def grad(self):
        if self._grad_fn is not None and not self._retains_grad and self._grad is None:
            warnings.warn(
                "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. "
                "Its .grad attribute won't be populated during autograd.backward(). If you "
                "indeed want the .grad field to be populated for a non-leaf Tensor, use "
                ".retain_grad() on the non-leaf Tensor. If you access the non-leaf Tensor by "
                "mistake, make sure you access the leaf Tensor instead. See "
                "github.com/pytorch/pytorch/pull/30531 for more information. (Triggered "
                "internally at /__w/pytorch/pytorch/build/aten/src/ATen/core/TensorBody.h:493.)",
                UserWarning,
                stacklevel=2,
            )
        return self._grad

    @grad.setter
    def grad(self, value):
        if value is not None:
            if not isinstance(value, Tensor):
                raise TypeError(
                    f"assigned grad expected to be a Tensor or None but got grad of type "
                    f"{_type_path(value)}"
                )
            if value._data.dtype != self._data.dtype:
                from .api import _dtype_word, _scalar_type_name

                raise RuntimeError(
                    f"attempting to assign a gradient with dtype "
                    f"'{_dtype_word(value._data.dtype)}' to a tensor with grad_dtype "
                    f"'{_scalar_type_name(self._data.dtype)}'. The gradient must match the "
                    "tensor's grad_dtype (defaults to the tensor's dtype). You can set the "
                    "tensor's grad_dtype attribute with a specific dtype, or None to allow "
                    "any dtype. Set grad_dtype with caution. Diverging the dtypes of a "
                    "tensor and its gradient may break downstream systems that assume they "
                    "match."
                )
            if value._data.shape != self._data.shape:
                raise RuntimeError(
                    f"attempting to assign a gradient of size "
                    f"'{list(value._data.shape)}' to a tensor of size "
                    f"'{list(self._data.shape)}'. Please ensure that the gradient and the "
                    "tensor are the same size"
                )
            value._grad_owner = weakref.ref(self)
        old = self._grad
        self._grad = value
        if events.LISTENERS:
            events.emit(
                "grad_set",
                tensor=self,
                old=None if old is None else old._data,
                new=None if value is None else value._data,
            )

    @grad.deleter
    def grad(self):
        self._grad = None

    @property
    def retains_grad(self) -> bool:
        return self._retains_grad

    def retain_grad(self) -> None:
        if not self._requires_grad:
            raise RuntimeError("can't retain_grad on Tensor that has requires_grad=False")
        if self._grad_fn is None or self._retains_grad:
            return
        self._retains_grad = True
        if self._grad_fn._multi:  # one per output of the node
            if self._grad_fn._retain_ref is None:
                self._grad_fn._retain_ref = {}
            self._grad_fn._retain_ref[self._output_nr] = weakref.ref(self)
        else:
            self._grad_fn._retain_ref = weakref.ref(self)
        self._grad_fn._has_pre = True
        self._grad_fn._slow = True

    def register_hook(self, hook):
        """``hook(grad) -> Tensor or None`` runs when this tensor's gradient is computed;
        a returned tensor replaces the gradient."""
        if not self._requires_grad:
            raise RuntimeError("cannot register a hook on a tensor that doesn't require gradient")
        if self._grad_fn is None:
            if self._hooks is None:
                self._hooks = []
            hooks = self._hooks
            acc = self._get_accumulator()
            if acc is not None:  # (None: a view made under no_grad, never reached)
                acc._has_pre = True
                _backward_mod.HOOKED_LEAVES.add(acc)
        else:
            self._grad_fn._has_pre = True
            self._grad_fn._slow = True
            if self._grad_fn._multi:  # one list for the node: (output number, hook)
                if self._grad_fn._tensor_hooks is None:
                    self._grad_fn._tensor_hooks = []
                hooks = self._grad_fn._tensor_hooks
                hook = (self._output_nr, hook)
            else:
                if self._grad_fn._tensor_hooks is None:
                    self._grad_fn._tensor_hooks = []
                hooks = self._grad_fn._tensor_hooks
        hooks.append(hook)
        return _function_mod._ListHandle(hooks, hook)

    def register_post_accumulate_grad_hook(self, hook):
        """``hook(tensor)`` after a backward has accumulated this leaf's ``.grad`` (the
        "optimizer step in backward" pattern); returns a removable handle."""
        if not self._requires_grad:
            raise RuntimeError("cannot register a hook on a tensor that doesn't require gradient")
        if self._grad_fn is not None:
            raise RuntimeError(
                "post accumulate grad hooks cannot be registered on non-leaf tensors"
            )
        acc = self._get_accumulator()
        if acc._post_hooks is None:
            acc._post_hooks = []
        _backward_mod.HOOKED_LEAVES.add(acc)  # (the general backward loop runs them)
        acc._post_hooks.append(hook)
        return _function_mod._ListHandle(acc._post_hooks, hook)

    def _get_accumulator(self):
        acc = self._accumulator
        if acc is None:
            if self._view_mode is not None:  # a view made under no_grad: no edge
                return _views.no_edge(self)
            acc = AccumulateGrad(self)
            self._accumulator = acc
        return acc

    def backward(self, gradient=None, retain_graph=None, create_graph=False, inputs=None):
        """Compute the gradient of this tensor with respect to the graph's leaves."""
        if (
            gradient is None
            and inputs is None
            and not create_graph
            and self._requires_grad
            and self._data.size == 1
            and self._view_mode is None  # (a view made under no_grad: views.py)
        ):
            # the usual ``loss.backward()``: what ``autograd.backward`` does, directly
            arr = self._data
            if arr.shape:
                one = np.ones(arr.shape, arr.dtype)
            else:  # 0-d: the numpy scalar 1 of its dtype (immutable: made once)
                dt = arr.dtype
                one = _ONE.get(dt)
                if one is None:
                    one = _ONE[dt] = dt.type(1)
            _backward_mod.run_backward(
                (self,), [one], False if retain_graph is None else _retain_arg(retain_graph), False
            )
            return
        if gradient is not None and not isinstance(gradient, Tensor):
            # PyTorch reads a non-tensor as a sequence of gradients (one per output)
            for g in tuple(gradient):
                if g is not None and not isinstance(g, Tensor):
                    raise TypeError(
                        f"gradients can be either Tensors or None, but got {type(g).__name__}"
                    )
        from .. import autograd

        autograd.backward(self, gradient, retain_graph, create_graph, inputs=inputs)

    # ------------------------------------------------------------------ data views
    @property
    def data(self):
        t = _new(Tensor)  # (``_make``'s fields: ``p.data += -lr * p.grad`` runs it per step)
        t._data = self._data
        t._grad = None
        t._requires_grad = False
        t._grad_fn = None
        t._vbox = [0]
        t._accumulator = None
        t._base = None
        return t

    @data.setter
    def data(self, value):
        if value.__class__ is Tensor and value._data is self._data and not events.LISTENERS:
            return  # ``p.data += x``: the same array, changed in place: nothing to set
        if not isinstance(value, Tensor):
            raise TypeError(f"Variable data has to be a tensor, but got {_type_path(value)}")
        if self._requires_grad and value._data.dtype.kind not in "fc":
            raise RuntimeError(
                "data set to a tensor that requires gradients must be floating point or complex "
                "dtype"
            )
        old = self._data
        self._data = value._data
        if self._accumulator is not None:
            self._accumulator._shape = value._data.shape
            self._accumulator._dtype = value._data.dtype
        if events.LISTENERS:
            events.emit("data_set", tensor=self, old=old, new=value._data)

    def detach(self):
        t = Tensor._make(self._data, False, None)
        t._vbox = self._vbox
        if self._inference:  # a detached inference tensor is one too (PyTorch lets it
            t._inference = True  # change in place: its own version counter)
            t._vbox = [0]
        return t

    def detach_(self):
        if self._base is not None and self._requires_grad:
            raise RuntimeError(
                "Can't detach views in-place. Use detach() instead. If you are using "
                "DistributedDataParallel (DDP) for training, and gradient_as_bucket_view is set "
                "as True, gradients are views of DDP buckets, and hence detach_() cannot be "
                "called on these gradients. To fix this error, please refer to the "
                "Optimizer.zero_grad() function in torch/optim/optimizer.py as the solution."
            )
        if events.LISTENERS:
            events.emit("detach_", tensor=self)
        self._grad_fn = None
        self._requires_grad = False
        if self._output_nr:
            del self._output_nr
        return self

    def clone(self, *, memory_format=None):
        return _api.clone(self)

    def contiguous(self, memory_format=None):
        return _api.contiguous(self)

    def is_contiguous(self, memory_format=None) -> bool:
        return bool(self._data.flags.c_contiguous)

    def stride(self, dim=None):
        """The strides in elements (a contiguous tensor's as PyTorch computes them)."""
        a = self._data
        if a.flags.c_contiguous:
            st, acc = [], 1
            for n in reversed(a.shape):
                st.append(acc)
                acc *= n if n > 1 else 1
            st = tuple(reversed(st))
        else:
            st = tuple(s // a.itemsize for s in a.strides)
        if dim is None:
            return st
        return st[_wrap_dim(dim, a.ndim)]

    # ------------------------------------------------------------------ metadata
    @property
    def shape(self) -> Size:
        return Size(self._data.shape)

    shape = shape.setter(_not_writable("shape"))

    def size(self, dim=None):
        if dim is None:
            return Size(self._data.shape)
        if isinstance(dim, bool) or not isinstance(dim, numbers.Integral):
            if isinstance(dim, Tensor) and dim.ndim == 0 and dim._data.dtype.kind in "iu":
                dim = int(dim._data)  # (PyTorch's parser takes a 0-d integer tensor)
            else:
                raise TypeError(
                    f"size(): argument 'dim' (position 1) must be int, not {type(dim).__name__}"
                )
        if not self._data.ndim:
            raise IndexError(f"Dimension specified as {dim} but tensor has no dimensions")
        return self._data.shape[_wrap_dim(dim, self._data.ndim)]

    def dim(self) -> int:
        return self._data.ndim

    ndimension = dim

    @property
    def ndim(self) -> int:
        return self._data.ndim

    def numel(self) -> int:
        return int(self._data.size)

    nelement = numel

    def element_size(self) -> int:
        return self._data.itemsize

    @property
    def dtype(self):
        return from_numpy_dtype(self._data.dtype)

    dtype = dtype.setter(_not_writable("dtype"))

    def is_floating_point(self) -> bool:
        return self._data.dtype.kind == "f"

    @property
    def device(self):
        return _CPU

    is_cuda = False

    def type(self, dtype=None):
        if dtype is None:
            return type_name(self._data.dtype)
        if isinstance(dtype, str):
            from .dtypes import from_type_name

            dtype = from_type_name(dtype)
        elif isinstance(dtype, type) or callable(dtype):
            # the legacy tensor types: t.type(torch.LongTensor), t.type(torch.Tensor)
            from .dtypes import from_type_name

            name = getattr(dtype, "__name__", type(dtype).__name__)
            dtype = from_type_name("FloatTensor" if name == "Tensor" else name)
        return self.to(dtype)

    def __len__(self) -> int:
        if self._data.ndim == 0:
            raise TypeError("len() of a 0-d tensor")
        return self._data.shape[0]

    def __iter__(self):
        if self._data.ndim == 0:
            raise TypeError("iteration over a 0-d tensor")
        return (self[i] for i in range(self._data.shape[0]))

    __hash__ = object.__hash__

    # ------------------------------------------------------------------ conversion
    def item(self):
        if self._data.size != 1:
            raise RuntimeError(
                f"a Tensor with {self._data.size} elements cannot be converted to Scalar"
            )
        return self._data.reshape(()).item()

    def tolist(self):
        return self._data.tolist()

    def numpy(self, *, force=False):
        if self._requires_grad and not force:
            raise RuntimeError(
                "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() "
                "instead."
            )
        return self._data

    def __array__(self, dtype=None, copy=None):
        if self._requires_grad:
            self.numpy()  # PyTorch's error
        arr = self._data
        return arr if dtype is None else arr.astype(dtype)

    def __array_wrap__(self, arr, context=None, return_scalar=False):
        # ``np.exp(t)`` gives a tensor, as with PyTorch's tensors
        return Tensor._make(np.asarray(arr))

    def __contains__(self, element):
        if not isinstance(element, Tensor | numbers.Number | np.generic):
            raise RuntimeError(
                "Tensor.__contains__ only supports Tensor or scalar, but you passed in a "
                f"{type(element)}."
            )
        return bool((element == self).any())

    def _scalar(self):
        if self._data.size != 1:
            raise ValueError("only one element tensors can be converted to Python scalars")
        return self._data.reshape(()).item()

    def __float__(self):
        return float(self._scalar())

    def __int__(self):
        return int(self._scalar())

    def __complex__(self):
        return complex(self._scalar())

    def __bool__(self):
        if self._data.size == 0:
            raise RuntimeError("Boolean value of Tensor with no values is ambiguous")
        if self._data.size != 1:
            raise RuntimeError("Boolean value of Tensor with more than one value is ambiguous")
        return bool(self._data.reshape(()).item())

    def __index__(self):
        if self._data.dtype.kind not in "iub" or self._data.size != 1:
            raise TypeError("only integer tensors of a single element can be converted to an index")
        return int(self._data.reshape(()).item())

    def to(self, *args, **kwargs):
        """``to(dtype)``, ``to(device, dtype)``, ``to(other)``, ``to("cpu")``, with
        ``non_blocking=`` / ``copy=``: the tensor itself when nothing changes."""
        dtype, device, copy = _to_args(args, kwargs)
        _check_device_arg(device)
        if dtype is None:
            dtype = self.dtype
        npd = to_numpy_dtype(dtype)
        if npd == self._data.dtype and not copy:
            return self
        return _api.to_dtype(self, dtype, copy=True)

    def cpu(self, memory_format=None):
        return self

    def cuda(self, device=None, non_blocking=False, memory_format=None):
        if device is not None and not isinstance(device, str | _device_cls):
            _check_device_arg(device)  # an int: no accelerator
        raise AssertionError("Torch not compiled with CUDA enabled")

    def get_device(self) -> int:
        return -1

    def float(self):
        return self.to(_dt("float32"))

    def double(self):
        return self.to(_dt("float64"))

    def half(self):
        return self.to(_dt("float16"))

    # (dtypes this engine has no tensors of: the cast raises NotImplementedError, saying so)
    def bfloat16(self):
        return self.to(_dt("bfloat16"))

    def cfloat(self):
        return self.to(_dt("complex64"))

    def cdouble(self):
        return self.to(_dt("complex128"))

    def chalf(self):
        return self.to(_dt("complex32"))

    def long(self):
        return self.to(_dt("int64"))

    def byte(self):
        return self.to(_dt("uint8"))

    def char(self):
        return self.to(_dt("int8"))

    @property
    def itemsize(self) -> int:
        """The bytes of one element (``element_size()``)."""
        return self._data.itemsize

    def int(self):
        return self.to(_dt("int32"))

    def bool(self):
        return self.to(_dt("bool_"))

    # ------------------------------------------------------------------ printing
    def __repr__(self, *, tensor_contents=None) -> str:
        from .printing import tensor_repr

        return tensor_repr(self)

    def __str__(self) -> str:
        return self.__repr__()

    def __format__(self, spec):
        if self._data.ndim == 0 and type(self) is Tensor:
            return self.item().__format__(spec)
        return object.__format__(self, spec)

    # ------------------------------------------------------------------ indexing
    def __getitem__(self, key):
        if key.__class__ is Tensor and not _LISTENERS:
            # ``C[X]`` (an embedding lookup): one IndexBackward0, as getitem makes it
            k = key._data
            arr = self._data
            if k.dtype.char in "lqi" and k.ndim and k.size and arr.ndim:  # int64/int32 keys
                seq0 = _function_mod._seq_counter[0]
                out = _S.index_rows(self, k)  # (None: a key out of range)
                if out is not None:
                    return _api._tagged(out, "getitem", (self,), {"key": key}, seq0)
        return _api.getitem(self, key)

    def __setitem__(self, key, value):
        _api.setitem(self, key, value)

    # ------------------------------------------------------------------ in-place
    def zero_(self, *args):
        if args:  # (an empty ``args`` costs nothing: Python passes its empty-tuple singleton)
            from .api_extra import no_arguments_error

            no_arguments_error("zero_", args, {})
        # direct path (``p.grad.zero_()``): nothing to record, nobody listening
        if (
            self._base is None
            and not events.LISTENERS
            and not (self._requires_grad and _STATE.enabled)
        ):
            try:
                self._data.fill(0)
            except ValueError:  # a read-only array: the general path says why
                pass
            else:
                self._vbox[0] += 1
                return self
        return _api.inplace(self, "zero_", _S.ZeroBackward0.apply)

    def _direct_inplace(self, ufunc, other):
        """``self op= other`` straight into the array when nothing needs recording (no
        grad needed or grad mode off, nobody listening, not a view recorded in a graph or,
        with grad mode on, of a tensor requiring grad: ``w[i] -= lr * g`` under no_grad
        takes it) and ``other`` is a tensor of the same floating dtype or a Python
        number; None when it does not apply (the general path then runs, with PyTorch's
        checks and errors)."""
        arr = self._data
        base = self._base
        if (
            (
                base is not None
                and (self._grad_fn is not None or (base._requires_grad and _STATE.enabled))
            )
            or _LISTENERS
            or arr.dtype.kind != "f"
        ):
            return None
        tp = other.__class__
        if tp is Tensor:
            if other._data.dtype is not arr.dtype or (
                _STATE.enabled and (self._requires_grad or other._requires_grad)
            ):
                return None
            o = other._data
        elif tp is float or tp is int:
            if _STATE.enabled and self._requires_grad:
                return None
            o = other
        else:
            return None
        try:
            ufunc(arr, o, out=arr)
        except (ValueError, TypeError):  # shapes, a read-only array: the general path
            return None  # raises PyTorch's error
        self._vbox[0] += 1
        return self

    def fill_(self, value):
        if isinstance(value, Tensor):
            if value._data.ndim:
                raise RuntimeError(
                    "fill_ only supports 0-dimension value tensor but got "
                    f"tensor with {value._data.ndim} dimensions."
                )
            v = value.item()
        elif isinstance(value, numbers.Number | np.generic):
            v = value
        else:
            what = type(value).__name__
            raise TypeError(
                f"fill_() received an invalid combination of arguments - got ({what}), but "
                "expected one of:\n * (Tensor value)\n      didn't match because some of "
                f"the arguments have invalid types: (!{what}!)\n * (Number value)\n      "
                f"didn't match because some of the arguments have invalid types: (!{what}!)\n"
            )
        if isinstance(value, Tensor):  # fill_(Tensor): FillBackward3, with the value's slot
            val = value if value._data.dtype == self._data.dtype else value.to(self._data.dtype)
            return _api.inplace(
                self, "fill_", lambda old: _S.FillBackward3.apply(old, val, index=Ellipsis)
            )
        return _api.inplace(self, "fill_", lambda old: _S.FillBackward2.apply(old, value=v))

    def add_(self, other, *, alpha=1):
        if alpha == 1 and self._direct_inplace(_np_add, other) is not None:
            return self
        return _api.inplace(self, "add_", lambda old: _api.add(old, other, alpha=alpha), other)

    def sub_(self, other, *, alpha=1):
        if alpha == 1 and self._direct_inplace(_np_subtract, other) is not None:
            return self
        return _api.inplace(self, "sub_", lambda old: _api.sub(old, other, alpha=alpha), other)

    def mul_(self, other):
        if self._direct_inplace(_np_multiply, other) is not None:
            return self
        return _api.inplace(self, "mul_", lambda old: _api.mul(old, other), other)

    def div_(self, other, *, rounding_mode=None):
        return _api.inplace(
            self,
            "div_",
            lambda old: _api.div(old, other, rounding_mode=rounding_mode),
            other,
            float_only=rounding_mode is None,
        )

    def pow_(self, exponent):
        return _api.inplace(self, "pow_", lambda old: _api.pow(old, exponent), exponent)

    def clamp_(self, min=None, max=None):
        if isinstance(min, Tensor) or isinstance(max, Tensor):
            from .api_extra import clamp_tensors_

            return clamp_tensors_(self, min, max)
        if self._data.dtype.kind in "iub" and builtins.any(
            isinstance(v, float) or (isinstance(v, Tensor) and v._data.dtype.kind == "f")
            for v in (min, max)
        ):
            raise RuntimeError(
                "result type Float can't be cast to the desired output type "
                + _api._dtype_word(self._data.dtype)
            )
        return _api.inplace(self, "clamp_", lambda old: _api.clamp(old, min, max))

    clip_ = clamp_

    def copy_(self, src, non_blocking=False):
        if isinstance(src, numbers.Number) and not isinstance(src, complex):
            src = Tensor._make(np.asarray(src))  # (PyTorch takes a number: it fills)
        if not isinstance(src, Tensor):
            from .argtypes import tp_name

            raise TypeError(
                f"copy_(): argument 'other' (position 1) must be Tensor, not {tp_name(src)}"
            )
        try:
            np.broadcast_to(src._data, self._data.shape)
        except ValueError:
            err = _api._broadcast_error(self, src)  # (the first mismatch from the right)
            if err is not None:
                raise err from None
            raise RuntimeError(
                f"The size of tensor a ({self._data.shape[-1] if self._data.ndim else 1}) "
                f"must match the size of tensor b ({src._data.shape[-1]}) at non-singleton "
                f"dimension {builtins.max(self._data.ndim - 1, 0)}"
            ) from None
        return _api.inplace(self, "copy_", lambda old: _S.CopyBackwards.apply(old, src))

    def __iadd__(self, other):
        if self._direct_inplace(_np_add, other) is not None:
            return self
        if other.__class__ is _ndarray:  # ``t += arr``: ``t = t + arr`` (numpy's result)
            return NotImplemented
        try:
            return self.add_(other)
        except TypeError:
            return NotImplemented

    def __isub__(self, other):
        # ``p -= lr * p.grad`` under no_grad: straight into the array
        if self._direct_inplace(_np_subtract, other) is not None:
            return self
        if other.__class__ is _ndarray:
            return NotImplemented
        try:
            return self.sub_(other)
        except TypeError:
            return NotImplemented

    def __imul__(self, other):
        if self._direct_inplace(_np_multiply, other) is not None:
            return self
        if other.__class__ is _ndarray:
            return NotImplemented
        try:
            return self.mul_(other)
        except TypeError:
            return NotImplemented

    @_binary_operator
    def __itruediv__(self, other):
        if other.__class__ is _ndarray:
            return NotImplemented
        return self.div_(other)

    def _inplace_dunder(name):
        """``x //= y`` and the like: the in-place method, as PyTorch's (``x`` itself
        changes; a leaf that requires grad refuses)."""

        @_binary_operator
        def op(self, other):
            if other.__class__ is _ndarray:
                return NotImplemented
            return getattr(self, name)(other)

        return op

    __ifloordiv__ = _inplace_dunder("floor_divide_")
    __imod__ = _inplace_dunder("remainder_")
    __ipow__ = _inplace_dunder("pow_")
    __iand__ = _inplace_dunder("bitwise_and_")
    __ior__ = _inplace_dunder("bitwise_or_")
    __ixor__ = _inplace_dunder("bitwise_xor_")
    __ilshift__ = _inplace_dunder("bitwise_left_shift_")
    __irshift__ = _inplace_dunder("bitwise_right_shift_")
    del _inplace_dunder

    # ------------------------------------------------------------------ operators
    # As in PyTorch, an operator given an operand it cannot take returns NotImplemented
    # (``_binary_operator``; inlined in the hot ones), so Python tries the other operand
    # and then raises its own error: ``t + "a"`` -> "unsupported operand type(s) for +:
    # 'Tensor' and 'str'", ``t < "a"`` -> "'<' not supported ...", ``t == None`` -> False.
    # ``+ - * /`` (``__add__``, ``__sub__``, ``__mul__``, ``__truediv__``): one body,
    # made by ``_arithmetic`` below (it needs the op classes, imported after Tensor)

    @_no_ndarray
    def __radd__(self, other):
        tp = other.__class__
        if (tp is float or tp is int) and self._data.dtype.kind == "f":
            return _add(self, other)  # a number and a float tensor: what __add__ does
        return _api.add(self, other)

    @_no_ndarray
    def __rsub__(self, other):
        tp = other.__class__
        if (tp is float or tp is int) and self._data.dtype.kind == "f":
            if not self._data.shape:
                x = _one0(self)
                if x is not None:
                    ctx = _new(_RsubB)
                    ctx.alpha = 1
                    return _node1(ctx, self, float(other) - x)
            return _A.RsubBackward1.apply(
                self, other=float(other), alpha=1
            )  # a number and a float tensor: what api.rsub does
        return _api.rsub(self, other)

    def __rmul__(self, other):
        tp = other.__class__
        if (tp is float or tp is int) and self._data.dtype.kind == "f":
            if not self._data.shape and self._requires_grad and _STATE.enabled:
                return _mul(self, other)  # (its 0-d path)
            if not (_STATE.enabled and self._requires_grad) and not _LISTENERS:
                # ``lr * p.grad`` (under no_grad, or of a gradient, which needs none): the
                # product, no node to build (``lr`` as a cached 0-d array: same bits)
                a = self._data
                k = _const(other, a.dtype)
                r = a * (other if k is None else k)
                if r.__class__ is not _ndarray:  # (0-d: a numpy scalar)
                    r = _asarray(r)
                t = _new(Tensor)  # (``Tensor._make``'s fields)
                t._data = r
                t._grad = None
                t._requires_grad = False
                t._grad_fn = None
                t._vbox = [0]
                t._accumulator = None
                t._base = None
                return t
            return _A.MulBackward0.apply(self, other)  # what mul does
        if isinstance(other, _ndarray):
            return NotImplemented
        try:
            return _api.mul(self, other)
        except TypeError:
            return NotImplemented

    @_binary_operator
    def __rtruediv__(self, other):
        tp = other.__class__
        if (tp is float or tp is int) and self._data.dtype.kind == "f" and not _LISTENERS:
            # ``c / x``: ``reciprocal(x) * c``, as div records it
            seq0 = _function_mod._seq_counter[0]
            if not self._data.shape:
                x = _one0(self)
                if x is not None:
                    tok = _quiet(_DIVIDE)
                    try:
                        r = _node1(_new(_RecB), self, 1 / x, True)
                    finally:
                        _restore(tok)
                    ctx = _new(_MulB)
                    ctx._saved = (None, other)
                    ctx._saved_meta = []
                    ctx.needs_input_grad = _TRUE_FALSE
                    out = _record(ctx, _asarray(r._data[()] * other), (), r, other, True, False)
                    ctx._av_comp = ("div", (other, self), None, seq0)  # as api._tagged
                    return out
            out = _A.MulBackward0.apply(_A.ReciprocalBackward0.apply(self), other)
            return _api._tagged(out, "div", (other, self), None, seq0)
        if tp is _ndarray:  # PyTorch's ``reciprocal() * other``: numpy multiplies
            return self.reciprocal() * other
        return _api.div(other, self)

    @_binary_operator
    def __floordiv__(self, other):
        if other.__class__ is _ndarray:
            return NotImplemented
        return _api.floor_divide(self, other)

    @_no_ndarray
    @_binary_operator
    def __rfloordiv__(self, other):
        return _api.floor_divide(other, self)

    @_binary_operator
    def __mod__(self, other):
        if other.__class__ is _ndarray:
            return NotImplemented
        return _api.remainder(self, other)

    @_binary_operator
    def __lshift__(self, other):
        return _api.bitwise_left_shift(self, other)

    @_no_ndarray
    @_binary_operator
    def __rlshift__(self, other):
        return _api.bitwise_left_shift(other, self)

    @_binary_operator
    def __rshift__(self, other):
        return _api.bitwise_right_shift(self, other)

    @_no_ndarray
    @_binary_operator
    def __rrshift__(self, other):
        return _api.bitwise_right_shift(other, self)

    @_no_ndarray
    @_binary_operator
    def __rmod__(self, other):  # ``3.0 % t``: PyTorch's remainder(3.0, t)
        return _api.remainder(other, self)

    def __pow__(self, other):
        tp = other.__class__
        try:
            if (tp is float or tp is int) and self._data.dtype.kind == "f":
                if (other == 2 or other == 3) and not self._data.shape:
                    x = _one0(self)
                    if x is not None:  # as PowBackward0.forward: products
                        ctx = _new(_PowB)
                        ctx._saved = (self._data,)
                        ctx._saved_meta = [(0, self._vbox, self._vbox[0], self)]
                        ctx.exponent = other
                        tok = _quiet(_OVER if other == 2 else _DIVIDE_INVALID_OVER)
                        try:
                            return _node1(ctx, self, x * x if other == 2 else x * x * x)
                        finally:
                            _restore(tok)
                elif other == 2 and self._requires_grad and _STATE.enabled and not _LISTENERS:
                    # ``d ** 2`` of an array (the squared error): PowBackward0's node, its
                    # forward (a product, same bits as numpy's square) done here
                    a = self._data
                    tok = _quiet(_OVER)
                    try:
                        r = a * a
                    finally:
                        _restore(tok)
                    ctx = _new(_PowB)
                    ctx.needs_input_grad = _TRUE1
                    ctx.exponent = other
                    ctx._saved = (a,)
                    v = self._vbox
                    ctx._saved_meta = [(0, v, v[0], self)]
                    return _record(ctx, r, r.shape, self)
                # a number and a float tensor: what api.pow does
                return _apply1t(_A.PowBackward0, self, {"exponent": other})
            if tp is _ndarray:
                return NotImplemented
            return _api.pow(self, other)
        except TypeError:  # as ``_binary_operator``
            return NotImplemented

    @_no_ndarray
    def __rpow__(self, other):
        return _api.pow(other, self)

    def __neg__(self):
        if not self._data.shape:
            x = _one0(self)
            if x is not None:
                return _node1(_new(_NegB), self, -x)
        if self._data.dtype.kind == "f":
            return _apply1t(_A.NegBackward0, self)  # what neg does for a float tensor
        return _api.neg(self)

    def __pos__(self):
        return self

    def __abs__(self):
        return _api.abs(self)

    def __matmul__(self, other):
        if other.__class__ is Tensor and not _LISTENERS:
            a = self._data
            dt = a.dtype
            if (dt is _F32 or dt is _F64) and a.ndim == 2:
                b = other._data
                if b.ndim == 2 and b.dtype is dt:
                    try:  # ``x @ w``: what matmul does (its checks and errors on failure)
                        return _apply2(_L.MmBackward0, self, other)
                    except ValueError:
                        pass
        if other.__class__ is _ndarray:
            return NotImplemented
        try:
            return _api.matmul(self, other)
        except TypeError:
            return NotImplemented

    @_no_ndarray
    def __rmatmul__(self, other):
        return _api.matmul(other, self)

    @_binary_operator
    def __eq__(self, other):
        return _api.eq(self, other)

    @_binary_operator
    def __ne__(self, other):
        return _api.ne(self, other)

    @_no_ndarray
    def __lt__(self, other):
        return _api.lt(self, other)

    @_no_ndarray
    def __le__(self, other):
        return _api.le(self, other)

    @_no_ndarray
    def __gt__(self, other):
        return _api.gt(self, other)

    @_no_ndarray
    def __ge__(self, other):
        return _api.ge(self, other)

    @_binary_operator
    def __and__(self, other):
        return _api.bitwise_and(self, other)

    __rand__ = __and__

    @_binary_operator
    def __or__(self, other):
        return _api.bitwise_or(self, other)

    __ror__ = __or__

    @_binary_operator
    def __xor__(self, other):
        return _api.bitwise_xor(self, other)

    def __invert__(self):
        if self._data.dtype.kind not in "iub":
            raise TypeError(
                "~ (operator.invert) is only implemented on integer and Boolean-type tensors"
            )
        return _api.bitwise_not(self)

    # ------------------------------------------------------------------ math methods
    def add(self, other, *, alpha=1):
        try:
            return _api.add(self, other, alpha=alpha)
        except TypeError as e:
            raise _method_arg_error(e) from None

    def sub(self, other, *, alpha=1):
        try:
            return _api.sub(self, other, alpha=alpha)
        except TypeError as e:
            raise _method_arg_error(e) from None

    subtract = sub

    def mul(self, other):
        try:
            return _api.mul(self, other)
        except TypeError as e:
            raise _method_arg_error(e) from None

    multiply = mul

    def div(self, other, *, rounding_mode=None):
        try:
            return _api.div(self, other, rounding_mode=rounding_mode)
        except TypeError as e:
            raise _method_arg_error(e) from None

    divide = true_divide = div

    def pow(self, exponent):
        return _api.pow(self, exponent)

    def square(self):
        return _api.pow(self, 2)

    def neg(self):
        return _api.neg(self)

    negative = neg

    def exp(self):
        return _api.exp(self)

    def log(self):
        return _api.log(self)

    def sqrt(self):
        return _api.sqrt(self)

    def abs(self):
        return _api.abs(self)

    def sign(self):
        return _api.sign(self)

    sgn = sign

    def sigmoid(self):
        return _api.sigmoid(self)

    def tanh(self):
        if self._data.dtype.kind == "f":
            if not _LISTENERS and _STATE.enabled:
                return _apply1(_U.TanhBackward0, self, _NO_KWARGS)
            return _apply1t(_U.TanhBackward0, self)  # what tanh does for a float tensor
        return _api.tanh(self)

    def relu(self):
        if not self._data.shape:
            x = _one0(self)
            if x is not None:  # np.maximum(x, 0)'s value: x if x > 0 or nan, else +0
                if not (x > 0 or x != x):
                    dt = x.dtype
                    x = _ZERO0.get(dt)
                    if x is None:
                        x = _ZERO0[dt] = dt.type(0)
                return _node1(_new(_ReluB), self, x, True)
        if self._data.dtype.kind == "f":
            return _apply1t(_U.ReluBackward0, self)  # what relu does for a float tensor
        return _api.relu(self)

    def clamp(self, min=None, max=None):
        return _api.clamp(self, min, max)

    clip = clamp

    def maximum(self, other):
        try:
            return _api.maximum(self, other)
        except TypeError as e:
            raise _method_arg_error(e) from None

    def minimum(self, other):
        try:
            return _api.minimum(self, other)
        except TypeError as e:
            raise _method_arg_error(e) from None

    def sum(self, dim=None, keepdim=False, *, dtype=None, axis=None, keepdims=None):
        try:
            if axis is not None:  # numpy's names, which PyTorch accepts too
                dim = _numpy_dim("sum", dim, axis)
            if keepdims is not None:
                keepdim = _api._keepdims_alias("sum", self, dim, keepdims, False)
            return _api.sum(self, dim, keepdim, dtype=dtype)
        except TypeError:
            return _arg_retry(
                "sum", self, (dim, keepdim), dict(dtype=dtype, axis=axis, keepdims=keepdims)
            )

    def mean(self, dim=None, keepdim=False, *, dtype=None, axis=None, keepdims=None):
        try:
            if (
                dim is None
                and axis is None
                and dtype is None
                and keepdims is None
                and self._data.dtype.kind == "f"
                and keepdim is False
            ):
                return _apply1t(_R.MeanBackward0, self)  # ``loss.mean()``: what mean does
            if axis is not None:  # numpy's names, which PyTorch accepts too
                dim = _numpy_dim("mean", dim, axis)
            if keepdims is not None:
                keepdim = _api._keepdims_alias("mean", self, dim, keepdims, False)
            return _api.mean(self, dim, keepdim, dtype=dtype)
        except TypeError:
            return _arg_retry(
                "mean", self, (dim, keepdim), dict(dtype=dtype, axis=axis, keepdims=keepdims)
            )

    # ``x.max(dim, keepdim)``, ``argmax``, ``any``...: one body (``_dim_reduction``, below)
    max = _dim_keyword(_dim_reduction("max", _NO_DIM))
    min = _dim_keyword(_dim_reduction("min", _NO_DIM))
    argmax = _dim_reduction("argmax", None)
    argmin = _dim_reduction("argmin", None)
    any = _dim_reduction("any", None)
    all = _dim_reduction("all", None)

    def nonzero(self, *, as_tuple=False):
        return _api.nonzero(self, as_tuple=as_tuple)

    def eq(self, other):
        return _api.eq(self, other)

    def ne(self, other):
        return _api.ne(self, other)

    def lt(self, other):
        return _api.lt(self, other)

    def le(self, other):
        return _api.le(self, other)

    def gt(self, other):
        return _api.gt(self, other)

    def ge(self, other):
        return _api.ge(self, other)

    def equal(self, other):
        return _api.equal(self, other)

    def allclose(self, other, rtol=1e-05, atol=1e-08, equal_nan=False):
        return _api.allclose(self, other, rtol, atol, equal_nan)

    def matmul(self, other):
        try:
            return _api.matmul(self, other)
        except TypeError as e:
            raise _method_position(e) from None

    def mm(self, mat2):
        try:
            return _api.mm(self, mat2)
        except TypeError as e:
            raise _method_position(e) from None

    def mv(self, vec):
        try:
            return _api.mv(self, vec)
        except TypeError as e:
            raise _method_position(e) from None

    def dot(self, other):
        return _api.dot(self, other)

    def bmm(self, mat2):
        return _api.bmm(self, mat2)

    # ------------------------------------------------------------------ shape methods
    def t(self):
        return _api.t(self)

    @property
    def T(self):
        nd = self._data.ndim
        return _api.permute(self, *range(nd - 1, -1, -1))

    @property
    def mT(self):
        if self._data.ndim == 0:  # deprecated in PyTorch: the identity
            return self
        if self._data.ndim < 2:
            raise RuntimeError(
                "tensor.mT is only supported on matrices or batches of "
                f"matrices. Got {self._data.ndim}-D tensor."
            )
        return _api.transpose(self, -2, -1)

    def transpose(self, dim0=_NO_DIM, dim1=_NO_DIM, *extra):
        if dim1 is _NO_DIM or extra:  # (x.transpose(1), numpy's habit: PyTorch's parser error)
            from .argtypes import check_call

            check_call("transpose", tuple(v for v in (dim0, dim1) if v is not _NO_DIM) + extra, {})
        try:
            return _api.transpose(self, dim0, dim1)
        except TypeError:
            from .argtypes import check_call

            check_call("transpose", (dim0, dim1), {})  # PyTorch's TypeError, if any
            raise

    def unbind(self, dim=0):
        if dim.__class__ is not int:
            from .argtypes_shape import int_arg

            dim = int_arg("unbind", "dim", dim, 1)
        return _api.unbind(self, dim)

    swapaxes = transpose

    def permute(self, *args, dims=_NO_KW):
        if dims is not _NO_KW:  # (the keyword form: ``t.permute(dims=...)``)
            args = (_kw_intlist("permute", "dims", args, dims),)
        return _api.permute(self, *args)

    def view(self, *shape, dtype=_NO_KW):
        arr = self._data
        if arr.flags.c_contiguous and not _LISTENERS and dtype is _NO_KW:
            # direct path (``emb.view(-1, 30)``): ints, at most one -1, a contiguous array
            dims = shape[0] if len(shape) == 1 and shape[0].__class__ is tuple else shape
            n, known, free = arr.size, 1, -1
            for i, s in enumerate(dims):
                if s.__class__ is not int or s < -1 or (s == -1 and free >= 0):
                    break
                if s == -1:
                    free = i
                else:
                    known *= s
            else:
                if free >= 0:
                    if known and n % known == 0:
                        new = (*dims[:free], n // known, *dims[free + 1 :])
                        return _apply1t(_S.ViewBackward0, self, {"shape": new})
                elif known == n and shape:
                    return _apply1t(_S.ViewBackward0, self, {"shape": tuple(dims)})
        if dtype is not _NO_KW or not shape:
            return _api.view_kw(self, shape, dtype)
        return _api.view(self, *shape)

    def view_as(self, other):
        if not isinstance(other, Tensor):
            _api._check_tensor(other, "view_as", "other", 1)
        return _api.view(self, other.shape)

    def reshape(self, *args, shape=_NO_KW):
        if shape is not _NO_KW:  # (the keyword form: ``t.reshape(shape=...)``)
            args = (_kw_intlist("reshape", "shape", args, shape),)
        return _api.reshape(self, *args)

    def reshape_as(self, other):
        if not isinstance(other, Tensor):
            _api._check_tensor(other, "reshape_as", "other", 1)
        return _api.reshape(self, other.shape)

    def flatten(self, start_dim=0, end_dim=-1):
        if start_dim.__class__ is not int or end_dim.__class__ is not int:
            from .argtypes_shape import int_arg

            start_dim = int_arg("flatten", "start_dim", start_dim, 1)
            end_dim = int_arg("flatten", "end_dim", end_dim, 2)
        return _api.flatten(self, start_dim, end_dim)

    def ravel(self):
        return self.reshape(-1)

    def unsqueeze(self, dim=_NO_KW, **kw):
        if kw:  # ``axis=`` (numpy's name, which PyTorch accepts too) or PyTorch's error
            dim = _kw_dim("unsqueeze", dim, kw)
        if dim is None:
            raise TypeError("unsqueeze(): argument 'dim' (position 1) must be int, not NoneType")
        elif dim is _NO_KW:
            dim = None  # (the engine's "missing" error)
        return _api.unsqueeze(self, dim)

    def squeeze(self, *args, **kw):
        if not kw:
            if not args:
                return _api.squeeze(self)
            if args[0] is None:
                return _api.squeeze_error(args, kw, False)
            dim = args[0] if len(args) == 1 else args  # ``x.squeeze(1, 2)``
        else:
            rest = dict(kw)
            dim = rest.pop("dim", rest.pop("axis", _NO_KW))  # (numpy's name too)
            if rest or args or dim is _NO_KW or dim is None:
                return _api.squeeze_error(args, kw, False)
        try:
            return _api.squeeze(self, dim)
        except TypeError:
            from .argtypes import check_call

            check_call("squeeze", args, kw)  # PyTorch's TypeError, if any
            raise

    def expand(self, *args, size=_NO_KW):
        if size is not _NO_KW:  # (the keyword form: ``t.expand(size=...)``)
            args = (_kw_intlist("expand", "size", args, size),)
        return _api.expand(self, *args)

    def expand_as(self, other):
        if not isinstance(other, Tensor):
            _api._check_tensor(other, "expand_as", "other", 1)
        return _api.expand(self, *other.shape)

    def new_zeros(
        self, *size, dtype=None, device=None, requires_grad=False, layout=None, pin_memory=False
    ):
        _check_device_arg(device)
        from .api import _size_args

        npd = to_numpy_dtype(dtype) or self._data.dtype
        t = Tensor._make(np.zeros(_no_negative(_size_args(size, "new_zeros")), dtype=npd))
        return t.requires_grad_(requires_grad) if requires_grad else t

    def new_ones(
        self, *size, dtype=None, device=None, requires_grad=False, layout=None, pin_memory=False
    ):
        _check_device_arg(device)
        from .api import _size_args

        npd = to_numpy_dtype(dtype) or self._data.dtype
        t = Tensor._make(np.ones(_no_negative(_size_args(size, "new_ones")), dtype=npd))
        return t.requires_grad_(requires_grad) if requires_grad else t

    def new_empty(
        self, *size, dtype=None, device=None, requires_grad=False, layout=None, pin_memory=False
    ):
        """(PyTorch's memory is uninitialised; here zeros.)"""
        _check_device_arg(device)
        from .api import _size_args

        npd = to_numpy_dtype(dtype) or self._data.dtype
        t = Tensor._make(np.zeros(_no_negative(_size_args(size, "new_empty")), dtype=npd))
        return t.requires_grad_(requires_grad) if requires_grad else t

    def new_full(
        self, size, fill_value, *, dtype=None, device=None, requires_grad=False, layout=None,
        pin_memory=False,
    ):  # fmt: skip
        _check_device_arg(device)
        from .api import _size_args
        from .creation import _check_fill_value

        fill_value = _check_fill_value("new_full", fill_value)
        npd = to_numpy_dtype(dtype) or self._data.dtype
        if isinstance(fill_value, complex | np.complexfloating):
            from .creation import real_scalar

            fill_value = real_scalar(fill_value, npd)
        shape = _no_negative(_size_args((size,), "new_full"))
        t = Tensor._make(np.full(shape, fill_value, dtype=npd))
        return t.requires_grad_(requires_grad) if requires_grad else t

    def new_tensor(
        self, data, dtype=None, device=None, requires_grad=False, layout=None, pin_memory=False
    ):
        _check_device_arg(device)
        npd = to_numpy_dtype(dtype) or self._data.dtype
        t = Tensor._make(as_array(data, npd))
        return t.requires_grad_(requires_grad) if requires_grad else t


_TO_SIGS = (
    " * (torch.device device = None, torch.dtype dtype = None, bool non_blocking = False, "
    "bool copy = False, *, torch.memory_format memory_format = None)\n"
    " * (torch.dtype dtype, bool non_blocking = False, bool copy = False, *, "
    "torch.memory_format memory_format = None)\n"
    " * (Tensor tensor, bool non_blocking = False, bool copy = False, *, "
    "torch.memory_format memory_format = None)\n"
)


def _to_error(args, kwargs):
    def name(a):
        if isinstance(a, _device_cls):
            return "torch.device"
        if isinstance(a, _dtype_cls):
            return "torch.dtype"
        return type(a).__name__

    got = ", ".join(name(a) for a in args)
    if kwargs:
        got += (", " if got else "") + ", ".join(f"{k}={name(v)}" for k, v in kwargs.items())
        got += ", "
    return TypeError(
        f"to() received an invalid combination of arguments - got ({got}), but expected one "
        f"of:\n{_TO_SIGS}"
    )


def _to_args(args, kwargs):
    """Parse ``Tensor.to``'s three signatures -> (dtype or None, device or None, copy)."""
    kw = dict(kwargs)
    copy = bool(kw.pop("copy", False))
    kw.pop("non_blocking", None)
    kw.pop("memory_format", None)
    dtype = kw.pop("dtype", None)
    device = kw.pop("device", None)
    if kw:
        raise _to_error(args, kwargs)
    pos = [
        from_numpy_dtype(to_numpy_dtype(a) if isinstance(a, type) else a)
        if isinstance(a, np.dtype) or (isinstance(a, type) and a in _PY_DTYPES)
        else a
        for a in args
    ]
    if isinstance(dtype, np.dtype) or (isinstance(dtype, type) and dtype in _PY_DTYPES):
        dtype = from_numpy_dtype(to_numpy_dtype(dtype) if isinstance(dtype, type) else dtype)
    if pos and isinstance(pos[0], Tensor):
        if len(pos) > 3 or dtype is not None or device is not None:
            raise _to_error(args, kwargs)
        other = pos[0]
        if len(pos) > 2:
            copy = bool(pos[2])
        return other.dtype, None, copy
    if pos and (isinstance(pos[0], str | _device_cls) or _is_int(pos[0])):
        device = pos.pop(0)
    elif pos and pos[0] is None:
        pos.pop(0)
    if pos and isinstance(pos[0], _dtype_cls):
        if dtype is not None:
            raise _to_error(args, kwargs)
        dtype = pos.pop(0)
    elif pos and pos[0] is None:
        pos.pop(0)
    if pos and isinstance(pos[0], bool):  # non_blocking
        pos.pop(0)
    if pos and isinstance(pos[0], bool):
        copy = pos.pop(0)
    if pos or (dtype is not None and not isinstance(dtype, _dtype_cls)):
        raise _to_error(args, kwargs)
    return dtype, device, copy


_PY_DTYPES = (builtins.float, builtins.int, builtins.bool)


def _legacy_device(device):
    """``torch.Tensor(data, device=...)``: PyTorch's legacy constructor message."""
    from .device import as_device

    kind = as_device(device).type
    if kind != "cpu":
        raise RuntimeError(
            f"legacy constructor expects device type: cpu but device type: {kind} was passed"
        )


def _is_int(x):
    return isinstance(x, numbers.Integral) and not isinstance(x, bool)


def _no_negative(shape):
    """PyTorch's error for a negative size (numpy's would be a ValueError)."""
    for n in shape:
        if n < 0:
            raise RuntimeError(
                f"Trying to create tensor with negative dimension {n}: {list(shape)}"
            )
    return shape


def _dt(name):
    from . import dtypes

    return getattr(dtypes, name)


_function_mod._Tensor = Tensor
_backward_mod.Tensor = Tensor

from . import api as _api  # noqa: E402  (api imports Tensor from this module)

_np_add, _np_subtract, _np_multiply = np.add, np.subtract, np.multiply
from .ops import arithmetic as _A  # noqa: E402
from .ops import linalg as _L  # noqa: E402
from .ops import reduce as _R  # noqa: E402
from .ops import shape as _S  # noqa: E402
from .ops import unary as _U  # noqa: E402

# ---------------------------------------------------------------------- 0-d operators
# Scalar graphs (the seeds', micrograd's): ``a * b`` of 0-d float tensors.  A ufunc on
# 0-d arrays costs about ten times the same operation on numpy scalars (the same IEEE
# operation, the same result dtype under numpy 2's promotion), and the generic
# ``Function.apply`` about as much again, so the operators record such nodes directly:
# the same class, inputs' edges, sequence number, saved values and version checks as
# ``apply`` gives them.  Only with grad mode on, nobody listening, and an input that
# requires grad; anything else takes the general path.

_LISTENERS = events.LISTENERS  # the list itself (mutated in place, never rebound)
_asarray = np.asarray
_record = _function_mod._record
_apply2 = _function_mod._apply2
_apply1t = _function_mod._apply1t
_apply1 = _function_mod._apply1
_NO_KWARGS = _function_mod._NO_KWARGS
_TRUE1 = (True,)
_TRUE_FALSE = (True, False)
_AddB, _SubB, _RsubB, _MulB, _DivB = (
    _A.AddBackward0,
    _A.SubBackward0,
    _A.RsubBackward1,
    _A.MulBackward0,
    _A.DivBackward0,
)
_NegB, _RecB, _PowB = _A.NegBackward0, _A.ReciprocalBackward0, _A.PowBackward0
_ReluB = _U.ReluBackward0
_ZERO0: dict = {}  # dtype -> its numpy scalar 0
_F32 = np.dtype(np.float32)
_F64 = np.dtype(np.float64)
_quiet, _restore = _errstate_mod.quiet, _errstate_mod.restore
_DIVIDE, _DIVIDE_INVALID, _OVER = (
    _errstate_mod.DIVIDE,
    _errstate_mod.DIVIDE_INVALID,
    _errstate_mod.OVER,
)
_DIVIDE_INVALID_OVER = _errstate_mod.DIVIDE_INVALID_OVER


def _arithmetic(cls, api_name, fast_errors=ValueError, float_only=False):
    """``Tensor.__add__`` (``__sub__``, ``__mul__``, ``__truediv__``): ``cls`` is the
    node ``api.<api_name>`` records; ``fast_errors``: what ``cls.apply`` of two tensors
    of one dtype raises for operands it does not take as they are (they go to the api
    function's checks and promotions); ``float_only``: that shortcut only for floats.

    A 0-d float tensor with a Python number or a 0-d tensor of its dtype, one of them
    requiring grad, grad mode on and nobody listening, is recorded directly (the value
    from numpy scalars, the saved values and version checks ``cls.forward`` gives)."""
    kind = (_AddB, _SubB, _MulB, _DivB).index(cls)

    def operator(self, other):
        xa = self._data
        if xa.ndim:
            if other.__class__ is Tensor:
                # two tensors of one dtype, the usual case (the op's checks run only on
                # failure)
                if other._data.dtype is xa.dtype and (not float_only or xa.dtype.kind == "f"):
                    try:
                        return _apply2(cls, self, other)
                    except fast_errors:
                        pass
                try:
                    return getattr(_api, api_name)(self, other)
                except TypeError:
                    return NotImplemented
        elif not _LISTENERS and _STATE.enabled:
            dt = xa.dtype
            tp = other.__class__
            if tp is Tensor:
                xb = other._data
                ra = self._requires_grad
                rb = other._requires_grad
                direct = not xb.shape and xb.dtype is dt and (ra or rb)
            else:
                ra, rb, xb = True, False, None
                direct = (tp is float or tp is int) and self._requires_grad
            if direct and (dt is _F32 or dt.kind == "f"):
                x = xa[()]
                y = other if xb is None else xb[()]
                ctx = _new(cls)
                if kind == 0:
                    ctx.alpha = 1
                    value = x + y
                elif kind == 1:
                    ctx.alpha = 1
                    value = x - y
                else:  # what MulBackward0 / DivBackward0 save, with their version checks
                    div = kind == 3
                    if xb is None:
                        ctx._saved = (None, other)
                        ctx._saved_meta = []
                    else:
                        ctx._saved = (xa if rb else None, xb if ra or div else None)
                        meta = []
                        if rb:
                            meta.append((0, self._vbox, self._vbox[0], self))
                        if ra or div:
                            src = self if xb is xa else other
                            meta.append((1, src._vbox, src._vbox[0], src))
                        ctx._saved_meta = meta
                    if div:
                        tok = _quiet(_DIVIDE_INVALID)
                        try:
                            value = x / y
                        finally:
                            _restore(tok)
                    else:
                        value = x * y
                ctx.needs_input_grad = (ra, rb)
                return _record(ctx, _asarray(value), (), self, other, ra, rb)
        tp = other.__class__
        if (tp is float or tp is int) and self._data.dtype.kind == "f":
            return cls.apply(self, other)  # a number and a float tensor: what api does
        # two tensors of one dtype (the op's checks run only on failure)
        if (
            type(other) is Tensor
            and other._data.dtype is self._data.dtype
            and (not float_only or self._data.dtype.kind == "f")
        ):
            try:
                return _apply2(cls, self, other)
            except fast_errors:
                pass
        if tp is _ndarray:  # PyTorch: NotImplemented, so numpy computes it (see _NDARRAY)
            return NotImplemented
        try:
            return getattr(_api, api_name)(self, other)
        except TypeError:
            return NotImplemented

    name = ("__add__", "__sub__", "__mul__", "__truediv__")[kind]
    operator.__name__, operator.__qualname__ = name, "Tensor." + name
    return operator


def _node1(ctx, a, value, save_out=False):
    """The output of the one-slot node ``ctx`` (of ``a``, which requires grad), around
    the 0-d ``value``; ``save_out``: the node saves its output (relu, reciprocal)."""
    out_arr = _asarray(value)
    ctx.needs_input_grad = _TRUE1
    out = _record(ctx, out_arr, (), a)
    if save_out:
        ctx._saved = (out_arr,)
        ctx._saved_meta = [(0, out._vbox, 0, None)]
    return out


def _one0(a):
    """``a``'s value as a numpy scalar when a one-slot op of ``a`` is recorded directly
    (``a._data`` 0-d float, ``a`` requires grad, grad mode on, nobody listening)."""
    if _LISTENERS or not _STATE.enabled or not a._requires_grad:
        return None
    xa = a._data
    if xa.dtype.kind != "f":
        return None
    return xa[()]


Tensor.__add__ = _add = _arithmetic(_AddB, "add")
Tensor.__sub__ = _arithmetic(_SubB, "sub", (ValueError, TypeError))  # (bool - bool)
Tensor.__mul__ = _mul = _arithmetic(_MulB, "mul")
Tensor.__truediv__ = _arithmetic(_DivB, "div", float_only=True)
