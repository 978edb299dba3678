"""PyTorch's parsing of ``int[]`` arguments (sizes, shapes, dims, repeats), for the error
path only: callers keep their own quick all-``int`` check and come here when it fails.

The rules are those of PyTorch's Python argument parser (checked against PyTorch 2.13 by
the differential fuzz, ``tests/oracle/tools``):

* a tuple or list is an ``int[]`` when it is empty or its *first* element is an index
  (an int that is not a bool, a numpy integer, a one-element integer tensor, anything with
  ``__index__``); the other elements are unpacked one by one (a bool is 1 there) and the
  first that is not an index fails with ``failed to unpack the object at pos N``;
* a function whose only positional parameter is the ``int[]`` (``zeros(*size)``,
  ``t.view(*shape)``, ``t.permute(*dims)``) takes all its positional arguments as the list
  when the first one is an index (``zeros(2, 3)``); otherwise more than one positional
  argument is ``takes 1 positional argument but N were given``;
* a parameter with a fixed length (``kernel_size: int[2]``) also takes a single int.
"""

from __future__ import annotations

import operator

import numpy as np

from .tensor import Tensor

#: "not given" (``None`` may be what the caller passed)
NO = object()


def tp_name(value) -> str:
    """The type name PyTorch prints (CPython's ``tp_name``: ``numpy.int64``, ``Tensor``)."""
    cls = type(value)
    if cls.__module__ == "numpy":
        return "numpy." + cls.__name__
    return cls.__name__


def is_index(value) -> bool:
    """PyTorch's ``is_int_or_symint``: may ``value`` stand for one int of an ``int[]``?"""
    cls = value.__class__
    if cls is int or isinstance(value, np.integer):
        return True
    if cls is bool or isinstance(value, np.bool_):
        return False
    if isinstance(value, Tensor):
        return value._data.size == 1 and value._data.dtype.kind in "iub"
    if isinstance(value, int):
        return True
    try:
        operator.index(value)
    except TypeError:
        return False
    return True


def _unpack(value, fn, name, pos):
    """One element of an ``int[]`` (``pos``: 1-based, for the message)."""
    if isinstance(value, int | np.integer):  # (a bool is 1 here, as in PyTorch)
        return int(value)
    if isinstance(value, Tensor) and value._data.size == 1 and value._data.dtype.kind in "iu":
        return int(value._data.reshape(()))
    if not isinstance(value, Tensor | np.ndarray | np.bool_):
        try:
            return operator.index(value)
        except TypeError:
            pass
    if isinstance(value, np.ndarray) and value.ndim == 0 and value.dtype.kind in "iu":
        return int(value)
    raise TypeError(
        f"{fn}(): argument '{name}' failed to unpack the object at pos {pos} with error "
        f'"type must be tuple of ints,but got {tp_name(value)}"'
    )


def unpack_all(seq, fn, name) -> tuple:
    return tuple(_unpack(v, fn, name, i + 1) for i, v in enumerate(seq))


def intlist(fn, name, value, pos=None, size=0) -> tuple:
    """``value`` passed for the ``int[]`` parameter ``name`` of ``fn``: at 1-based position
    ``pos`` (None: by keyword); ``size`` > 0 for a fixed-length parameter (``int[2]``)."""
    if isinstance(value, tuple | list):
        if not value or is_index(value[0]):
            return unpack_all(value, fn, name)
        if pos is not None:
            raise TypeError(
                f"{fn}(): argument '{name}' (position {pos}) must be tuple of ints, but found "
                f"element of type {tp_name(value[0])} at pos 0"
            )
    elif size and is_index(value):
        return (_unpack(value, fn, name, 1),) * size
    where = "" if pos is None else f" (position {pos})"
    raise TypeError(f"{fn}(): argument '{name}'{where} must be tuple of ints, not {tp_name(value)}")


def varargs_intlist(fn, name, args, kw=NO) -> tuple:
    """The ``int[]`` of a function whose only positional parameter it is: ``args`` the
    positional arguments (after the tensor for a method), ``kw`` the keyword value."""
    if kw is not NO:
        if args:
            raise TypeError(f"{fn}() got multiple values for argument '{name}'")
        return intlist(fn, name, kw)
    if not args:
        raise TypeError(f'{fn}() missing 1 required positional arguments: "{name}"')
    if is_index(args[0]):
        return unpack_all(args, fn, name)
    if len(args) > 1:
        raise TypeError(f"{fn}() takes 1 positional argument but {len(args)} were given")
    return intlist(fn, name, args[0], 1)


_SEQS = {tuple, list}


def _all_ints(value) -> bool:
    if value.__class__ not in _SEQS and not isinstance(value, tuple):
        return False
    return all(v.__class__ is int for v in value)


def _torch_level(fn, name, impl):
    """``torch.fn(input, name)``: the ``int[]`` is the second positional parameter (no
    var-args form, unlike the method ``t.fn(*name)``)."""

    def checked(input, *args, **kwargs):
        if len(args) == 1 and not kwargs:
            value = args[0]
        elif kwargs.keys() == {name} and not args:
            value = kwargs[name]
        elif args and name in kwargs:
            raise TypeError(f"{fn}() got multiple values for argument '{name}'")
        elif len(args) > 1:
            raise TypeError(f"{fn}() takes 2 positional arguments but {len(args) + 1} were given")
        elif not args and not kwargs:
            raise TypeError(f'{fn}() missing 1 required positional arguments: "{name}"')
        else:
            bad = next(k for k in kwargs if k != name)
            raise TypeError(f"{fn}() got an unexpected keyword argument '{bad}'")
        if not _all_ints(value):
            value = intlist(fn, name, value, 2 if args else None)
        return impl(input, value)

    checked.__name__ = checked.__qualname__ = fn
    checked.__doc__ = impl.__doc__
    return checked


_FACTORY_KW = (
    "*, Tensor out = None, torch.dtype dtype = None, torch.layout layout = None, "
    "torch.device device = None, bool pin_memory = False, bool requires_grad = False)"
)

#: PyTorch's printed signatures of rarely used factories put behind the parser model
#: (``argtypes.gate``: an exact-type look first, so the usual call goes straight through)
_FACTORY_SIGS = {
    "eye": (f"(int n, {_FACTORY_KW}", f"(int n, int m, {_FACTORY_KW}"),
    "linspace": (
        f"(Tensor start, Tensor end, int steps, {_FACTORY_KW}",
        f"(Number start, Tensor end, int steps, {_FACTORY_KW}",
        f"(Tensor start, Number end, int steps, {_FACTORY_KW}",
        f"(Number start, Number end, int steps, {_FACTORY_KW}",
    ),
}


def install(namespace) -> None:
    """torch.reshape / torch.permute / torch.tile with PyTorch's signatures; torch.eye and
    torch.linspace behind the parser model of theirs."""
    for fn, name in (("reshape", "shape"), ("permute", "dims"), ("tile", "dims")):
        if fn in namespace:
            namespace[fn] = _torch_level(fn, name, namespace[fn])
    from . import argtypes

    for fn, texts in _FACTORY_SIGS.items():
        if fn in namespace and hasattr(argtypes, "gate"):
            argtypes._SIG_TEXT.setdefault("f:" + fn, texts)
            namespace[fn] = _factory_gate(namespace[fn], fn, argtypes)


def _factory_gate(fn, name, argtypes):
    """``argtypes.gate`` for a factory; ``device=`` / ``layout=`` (which the parser model
    does not know) go straight to the engine's function (it checks them itself)."""
    gated = argtypes.gate(fn, name, True)

    def factory(*args, **kwargs):
        if "device" not in kwargs and "layout" not in kwargs:
            return gated(*args, **kwargs)
        extra = {k: kwargs.pop(k) for k in ("device", "layout") if k in kwargs}
        return argtypes.gate(lambda *a, **k: fn(*a, **k, **extra), name, True)(*args, **kwargs)

    factory.__name__ = factory.__qualname__ = name
    factory.__doc__ = fn.__doc__
    factory.__wrapped__ = fn
    return factory


#: PyTorch's Tensor methods written in Python (torch/_tensor.py): their errors say
#: ``Tensor.backward() got an unexpected keyword argument ...``
PYTHON_METHODS = frozenset(
    {
        "backward",
        "dim_order",
        "eig",
        "index",
        "is_shared",
        "istft",
        "lstsq",
        "lu",
        "module_load",
        "norm",
        "register_hook",
        "register_post_accumulate_grad_hook",
        "reinforce",
        "resize",
        "resize_as",
        "share_memory_",
        "solve",
        "split",
        "stft",
        "storage",
        "storage_type",
        "symeig",
        "to_sparse_coo",
        "unflatten",
        "unique",
        "unique_consecutive",
    }
)


def name_methods_as_torch(cls) -> None:
    """Python's own argument errors name a function by its qualified name
    (``Tensor.permute() got an unexpected keyword argument 'out'``, ``_m_chunk() ...``);
    PyTorch's C methods say ``permute() got ...`` (its Python ones ``Tensor.split() got
    ...``).  Each Python-level method of ``cls``
    gets its public name as its qualified name (once, at import: no per-call cost)."""
    seen = {}
    for attr, fn in list(vars(cls).items()):
        code = getattr(fn, "__code__", None)
        if code is None or attr.startswith("_"):
            continue
        # a function bound under several names keeps its own name when that is one of them
        if id(code) in seen and attr != fn.__name__:
            continue
        seen[id(code)] = attr
        name = "Tensor." + attr if attr in PYTHON_METHODS else attr
        if fn.__qualname__ != name:
            fn.__qualname__ = name


#: PyTorch's read-only C attributes of a tensor: assigning one raises ``AttributeError:
#: attribute 'T' of 'torch._C.TensorBase' objects is not writable``
READ_ONLY_ATTRS = (
    "H",
    "T",
    "mH",
    "mT",
    "device",
    "dtype",
    "grad_fn",
    "is_cpu",
    "is_cuda",
    "is_leaf",
    "is_meta",
    "is_mps",
    "is_nested",
    "is_quantized",
    "is_sparse",
    "is_sparse_csr",
    "is_xla",
    "is_xpu",
    "itemsize",
    "layout",
    "name",
    "nbytes",
    "ndim",
    "output_nr",
    "retains_grad",
    "shape",
    "_base",
    "_version",
)


def read_only_attrs(cls) -> None:
    """Each of ``READ_ONLY_ATTRS`` that ``cls`` has as a property without a setter gets
    PyTorch's error for an assignment (Python's own says ``property 'T' of 'Tensor'
    object has no setter``); once, at import."""

    def setter_of(name):
        def refuse(self, value):
            raise AttributeError(
                f"attribute '{name}' of 'torch._C.TensorBase' objects is not writable"
            )

        return refuse

    for name in READ_ONLY_ATTRS:
        prop = cls.__dict__.get(name)
        if isinstance(prop, property) and prop.fset is None:
            setattr(cls, name, prop.setter(setter_of(name)))


def float_arg(fn, name, value, pos=None):
    """PyTorch's ``float`` parameter: a real Python / numpy number (a bool too) or a
    one-element tensor; else ``fn(): argument 'name' (position N) must be float, not T``."""
    if isinstance(value, int | float | np.integer | np.floating):
        return value
    if isinstance(value, Tensor) and value._data.size == 1:
        return value.item()
    where = "" if pos is None else f" (position {pos})"
    raise TypeError(f"{fn}(): argument '{name}'{where} must be float, not {tp_name(value)}")


def size_probe(*objs) -> None:
    """PyTorch's Python losses begin with ``target.size() == input.size()`` (in that
    order): a non-tensor fails there (``'list' object has no attribute 'size'``, an
    ndarray's ``size`` is an int: ``'int' object is not callable``)."""
    for obj in objs:
        if isinstance(obj, Tensor):
            continue
        try:
            attr = obj.size
        except AttributeError:
            raise AttributeError(f"'{tp_name(obj)}' object has no attribute 'size'") from None
        if not callable(attr):
            raise TypeError(f"'{tp_name(attr)}' object is not callable")


def int_arg(fn, name, value, pos=None):
    """PyTorch's ``int`` parameter (not a bool; a numpy integer or a one-element integer
    tensor is one); else ``fn(): argument 'name' (position N) must be int, not T``."""
    if isinstance(value, Tensor):  # (a 0-d integer tensor only, unlike an int[] element)
        if value._data.ndim == 0 and value._data.dtype.kind in "iu":
            return int(value._data)
    elif value.__class__ is not bool and is_index(value):
        return _unpack(value, fn, name, 1)
    where = "" if pos is None else f" (position {pos})"
    raise TypeError(f"{fn}(): argument '{name}'{where} must be int, not {tp_name(value)}")


_SPLIT_SIGS = []


def split_args(tensor, split_size, dim):
    """PyTorch's ``Tensor.split`` (Python): a tensor ``split_size`` becomes an int when it
    can; an int goes to ``split(Tensor input, int split_size, int dim)``, anything else to
    ``split_with_sizes(Tensor input, int[] split_sizes, int dim)``, each with its own
    argument errors.  Returns ``(split_size or the tuple of sizes, dim)``."""
    if isinstance(split_size, Tensor) and split_size._data.size == 1:
        split_size = int(split_size.item())  # (PyTorch: ``int(split_size)``)
    if isinstance(split_size, int):
        if split_size.__class__ is bool or not (dim.__class__ is not bool and is_index(dim)):
            from . import argtypes

            if not _SPLIT_SIGS:
                _SPLIT_SIGS.extend(
                    argtypes.signatures(
                        "(Tensor input, int split_size, int dim = 0)",
                        "(Tensor input, tuple of ints split_size, int dim = 0)",
                    )
                )
            argtypes.check("split", tuple(_SPLIT_SIGS), (tensor, split_size, dim), {})
        return split_size, int_arg("split", "dim", dim, 3)
    sizes = intlist("split_with_sizes", "split_sizes", split_size, 2)
    return sizes, int_arg("split_with_sizes", "dim", dim, 3)


def number_arg(fn, name, value, pos=None, real=False):
    """PyTorch's ``Number`` parameter: a Python / numpy number or a one-element tensor
    (its value); else ``fn(): argument 'name' (position N) must be Number, not T``."""
    if isinstance(value, int | float | np.integer | np.floating):
        return value
    if isinstance(value, Tensor) and value._data.size == 1:
        return value.item()
    if real and type(value) is complex:  # a Number to the parser; the float op refuses it
        raise RuntimeError("value cannot be converted to type float without overflow")
    where = "" if pos is None else f" (position {pos})"
    raise TypeError(f"{fn}(): argument '{name}'{where} must be Number, not {tp_name(value)}")
