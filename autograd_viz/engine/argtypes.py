"""PyTorch's argument-type errors for a few single-signature functions whose optional
arguments the engine would otherwise coerce: ``t.topk(2, largest=1)`` raises
``TypeError: topk(): argument 'largest' must be bool, not int`` (with ``(position N)``
when the argument was given by position: counted from the tensor for ``torch.topk``, from
the first argument for the method), where a silent ``bool(1)`` would hide the mistake.
Found by the differential fuzz (tests/oracle/tools); wrapped once at import."""

from __future__ import annotations

import functools
import numbers

import numpy as np

from .tensor import Tensor

#: name -> the arguments after the tensor, in order: (name, kind) with kind "int" or
#: "bool"; a name after "*" is keyword-only
SPECS = {
    "tril": (("diagonal", "int"),),
    "triu": (("diagonal", "int"),),
    "multinomial": (("num_samples", "int"), ("replacement", "bool")),
    "round": (("*", ""), ("decimals", "int")),
}


def _ok(value, kind) -> bool:
    if kind == "bool":
        return value is True or value is False or isinstance(value, np.bool_)
    if isinstance(value, bool | np.bool_):
        return False
    if isinstance(value, numbers.Integral):
        return True
    return isinstance(value, Tensor) and value.ndim == 0 and value._data.dtype.kind in "iu"


def _check(name, spec, args, kwargs, first_pos):
    for i, value in enumerate(args):
        if i < len(spec) and spec[i][0] == "*":
            break
        if i < len(spec) and not _ok(value, spec[i][1]):
            arg, kind = spec[i]
            raise TypeError(
                f"{name}(): argument '{arg}' (position {first_pos + i}) must be {kind}, not "
                f"{type(value).__name__}"
            )
    for arg, kind in spec:
        if kind and arg in kwargs and not _ok(kwargs[arg], kind):
            raise TypeError(
                f"{name}(): argument '{arg}' must be {kind}, not {type(kwargs[arg]).__name__}"
            )


def _wrap(fn, name, spec, first_pos, method):
    if method:

        @functools.wraps(fn)
        def checked_method(self, *args, **kwargs):
            _check(name, spec, args, kwargs, first_pos)
            return fn(self, *args, **kwargs)

        return checked_method

    @functools.wraps(fn)
    def checked(input, *args, **kwargs):
        _check(name, spec, args, kwargs, first_pos)
        return fn(input, *args, **kwargs)

    return checked


#: only the method has a single signature (``torch.round`` has two: its message differs)
METHOD_ONLY = {"round"}


def _multinomial(self, num_samples, replacement=False, *, generator=None):
    """``Tensor.multinomial``: ``torch.multinomial(self, ...)``."""
    from .creation import multinomial

    return multinomial(self, num_samples, replacement, generator=generator)


def install(namespace) -> None:
    """Wrap the torch-level functions in ``namespace`` and the Tensor methods of the
    names in ``SPECS``."""
    if not hasattr(Tensor, "multinomial"):
        Tensor.multinomial = _multinomial
    for name, spec in SPECS.items():
        if name in namespace and name not in METHOD_ONLY:
            namespace[name] = _wrap(namespace[name], name, spec, 2, False)
        meth = getattr(Tensor, name, None)
        if meth is not None:
            setattr(Tensor, name, _wrap(meth, name, spec, 1, True))


# ------------------------------------------------------------------ PyTorch's argument parser
# A model of torch/csrc/utils/python_arg_parser.cpp and invalid_arguments.cpp, used on the
# failure path of the engine's functions (and to check the arguments of a few rarely used
# ones): given the signatures PyTorch prints for a function, it decides whether a call
# matches one of them and, when none does, raises the TypeError PyTorch raises.
# Signatures are written as PyTorch prints them; a "?" after the type marks an argument that
# accepts None although PyTorch prints no "= None" (``int[1]? dim`` in native_functions).


def tp_name(x) -> str:
    """``Py_TYPE(x)->tp_name``: ``float``, ``Tensor``, ``numpy.ndarray``, ``torch.dtype``."""
    t = type(x)
    if t.__module__ == "builtins":
        return t.__name__
    if t.__module__.startswith("numpy"):
        return f"numpy.{t.__name__}"
    if t.__name__ == "dtype" and t.__module__.startswith("autograd_viz"):
        return "torch.dtype"
    return t.__name__


class _Param:
    __slots__ = ("default", "kind", "kwonly", "list_only", "name", "nullable", "numbers_ok", "text")

    def __init__(self, text, kwonly, numbers_ok=False):
        self.kwonly = kwonly
        self.numbers_ok = numbers_ok
        decl, _, default = text.partition(" = ")
        self.default = default or None
        kind, _, name = decl.rpartition(" ")
        self.nullable = "?" in kind
        #: "#": a list only (``int[] dims``), where ``int[1] dim`` also takes one int
        self.list_only = "#" in kind
        self.kind = kind.replace("?", "").replace("#", "")
        self.name = name
        self.text = text.replace("? ", " ").replace("# ", " ").replace("?# ", " ")


class Signature:
    """One signature as PyTorch prints it: ``(Tensor input, int dim, *, bool stable)``."""

    def __init__(self, text, numbers_ok=False):
        self.params = []
        kwonly = False
        inner = text.strip()[1:-1]
        for part in inner.split(", ") if inner else ():
            if part == "*":
                kwonly = True
                continue
            self.params.append(_Param(part, kwonly, numbers_ok))
        shown = []
        kw_shown = False
        for p in self.params:
            if p.kwonly and not kw_shown:
                shown.append("*")
                kw_shown = True
            shown.append(p.text)
        self.text = "(" + ", ".join(shown) + ")"
        self.min_args = sum(1 for p in self.params if p.default is None)
        self.max_args = len(self.params)
        self.max_pos_args = sum(1 for p in self.params if not p.kwonly)
        # invalid_arguments.cpp's own parse of the printed text: "*" counts as an
        # argument, "()" as one unnamed argument, and a name followed by " = default"
        # keeps its trailing space (so a keyword never matches it)
        words = inner.split(", ") if inner else [""]
        self.fmt_args = []
        for w in words:
            if w == "*":
                self.fmt_args.append(("*", "*"))
                continue
            decl, eq, _ = w.partition(" = ")
            kind, _, name = decl.replace("?", "").replace("#", "").rpartition(" ")
            self.fmt_args.append((kind if not eq else "", name + (" " if eq else "")))


def _is_int(x) -> bool:
    if type(x) is int:
        return True
    if isinstance(x, bool | np.bool_):
        return False
    if isinstance(x, numbers.Integral):
        return True
    return isinstance(x, Tensor) and x.ndim == 0 and x._data.dtype.kind in "iu"


def _is_int_elem(x) -> bool:
    """An element of an int list: also a 0-d bool tensor."""
    return _is_int(x) or (isinstance(x, Tensor) and x.ndim == 0 and x._data.dtype.kind == "b")


def _unpack_check(name, sig, args, kwargs):
    """The int lists of a matched call, unpacked: a bad element after the first fails."""
    pos = 0
    for p in sig.params:
        if pos < len(args) and not p.kwonly:
            x = args[pos]
            pos += 1
        else:
            x = kwargs.get(p.name)
        if p.kind == "tuple of ints" and isinstance(x, tuple | list):
            for j, e in enumerate(x):
                if not (e is True or e is False or _is_int_elem(e)):
                    _raise(
                        f"{name}(): argument '{p.name}' failed to unpack the object at pos "
                        f'{j + 1} with error "type must be tuple of ints,but got {tp_name(e)}"'
                    )


def _accepts(p, x) -> tuple[bool, int]:
    """(PyTorch's ``param.check``, the index of a bad element of a sequence or -1)."""
    if x is None and (p.nullable or p.default == "None"):
        return True, -1
    k = p.kind
    if k == "Tensor":
        return isinstance(x, Tensor) or (p.numbers_ok and _is_number(x)), -1
    if k in ("int", "SymInt"):
        return _is_int(x), -1
    if k == "bool":
        return (x is True or x is False), -1
    if k in ("float", "Number", "Scalar"):
        if isinstance(x, Tensor):
            return x.ndim == 0, -1
        return isinstance(x, numbers.Number) and not isinstance(x, np.ndarray), -1
    if k == "tuple of ints":
        if isinstance(x, tuple | list):
            # the parser looks at the first element only (the rest fail when unpacked)
            if x and not _is_int_elem(x[0]):
                return False, 0
            return True, -1
        return not p.list_only and _is_int_elem(x), -1
    if k == "torch.dtype":  # also Python's float, int, bool, complex
        return tp_name(x) == "torch.dtype" or x in (float, int, bool, complex), -1
    if k == "str":
        return isinstance(x, str), -1
    if k in _OBJECT_KINDS:  # (the class names the engine's objects print as PyTorch's)
        return (isinstance(x, str | int) and k == "torch.device") or (
            type(x).__name__ == _OBJECT_KINDS[k]
        ), -1
    if k == "tuple of Tensors":  # (its elements are checked when unpacked: "expected
        # Tensor as element 1 in argument 0")
        return isinstance(x, tuple | list), -1
    return False, -1


#: the parser's object kinds: the class name of the engine's objects of that kind
_OBJECT_KINDS = {"torch.Generator": "Generator", "torch.layout": "layout", "torch.device": "device"}


def _raise(msg):
    raise TypeError(msg)


def _parse(name, sig, args, kwargs, raise_) -> bool:
    """python_arg_parser.cpp's ``FunctionSignature::parse``."""
    nargs = len(args)
    params = sig.params
    varargs_intlist = sig.max_pos_args == 1 and params[0].kind == "tuple of ints"
    if nargs > sig.max_pos_args and not varargs_intlist:
        if raise_:
            _extra_args(name, sig, nargs)
        return False
    remaining = len(kwargs)
    arg_pos = 0
    for i, p in enumerate(params):
        is_kwd = False
        if arg_pos < nargs:
            if p.kwonly:
                if raise_:
                    _extra_args(name, sig, nargs)
                return False
            obj, present = args[arg_pos], True
        else:
            present = p.name in kwargs
            obj = kwargs.get(p.name)
            if not present and p.name in _NUMPY_NAMES:
                for alias in _NUMPY_NAMES[p.name]:
                    if alias in kwargs:
                        present, obj = True, kwargs[alias]
                        break
            is_kwd = True
        takes_none = p.nullable or p.default == "None"
        skip = (not present and p.default is not None) or (present and obj is None and takes_none)
        if skip:
            pass
        elif not present:
            if raise_:
                missing = [f'"{q.name}"' for q in params[i:] if q.default is None]
                n = len(missing)
                _raise(
                    f"{name}() missing {n} required positional argument"
                    f"{'s' if n == 1 else ''}: {', '.join(missing)}"
                )
            return False
        else:
            ok, failed = _accepts(p, obj)
            # ``x.flip(0, 1)``: the positional arguments are the list
            varargs = varargs_intlist and arg_pos == 0 and not is_kwd
            if not ok and varargs and _is_int_elem(args[0]):
                if remaining:
                    _bad_kwargs(name, sig, kwargs, nargs, raise_)
                    return False
                for j, e in enumerate(args):
                    if not (e is True or e is False or _is_int_elem(e)):
                        _raise(
                            f"{name}(): argument '{p.name}' failed to unpack the object "
                            f'at pos {j + 1} with error "type must be tuple of ints,but '
                            f'got {tp_name(e)}"'
                        )
                return True
            if not ok:
                if raise_:
                    if failed >= 0 and not is_kwd:
                        _raise(
                            f"{name}(): argument '{p.name}' (position {arg_pos + 1}) must be "
                            f"{p.kind}, but found element of type {tp_name(obj[failed])} at pos "
                            f"{failed}"
                        )
                    if is_kwd:
                        _raise(
                            f"{name}(): argument '{p.name}' must be {p.kind}, not {tp_name(obj)}"
                        )
                    _raise(
                        f"{name}(): argument '{p.name}' (position {arg_pos + 1}) must be "
                        f"{p.kind}, not {tp_name(obj)}"
                    )
                return False
        if not is_kwd:
            arg_pos += 1
        elif present:
            remaining -= 1
    if remaining > 0:
        _bad_kwargs(name, sig, kwargs, nargs, raise_)
        return False
    return True


#: NumPy spellings PyTorch's parser accepts for these arguments
_NUMPY_NAMES = {
    "dim": ("axis",),
    "keepdim": ("keepdims",),
    "input": ("x", "a", "x1"),
    "other": ("x2",),
}


def _bad_kwargs(name, sig, kwargs, nargs, raise_):
    if not raise_:
        return True
    names = [p.name for p in sig.params]
    for key in kwargs:
        if key not in names:
            _raise(f"{name}() got an unexpected keyword argument '{key}'")
        if names.index(key) < nargs:
            _raise(f"{name}() got multiple values for argument '{key}'")
    _raise("invalid keyword arguments")


def _extra_args(name, sig, nargs):
    mx, mn = sig.max_pos_args, sig.min_args
    if mn != mx:
        _raise(f"{name}() takes from {mn} to {mx} positional arguments but {nargs} were given")
    _raise(
        f"{name}() takes {mx} positional argument{'' if mx == 1 else 's'} but {nargs} "
        f"{'was' if nargs == 1 else 'were'} given"
    )


def _seq_desc(x) -> str:
    if isinstance(x, tuple | list):
        inner = ", ".join(tp_name(e) for e in x)
        if isinstance(x, tuple):
            return f"{tp_name(x)} of ({inner}{',' if len(x) == 1 else ''})"
        return f"{tp_name(x)} of [{inner}]"
    return tp_name(x)


def _fmt_matches(kind, x) -> bool:
    """invalid_arguments.cpp's ``is_matching``: the type's printed name."""
    if kind == "float":
        return tp_name(x) in ("float", "int")
    return tp_name(x) == kind


def _invalid_combination(name, sigs, args, kwargs) -> str:
    kw = list(reversed(list(kwargs.items())))  # std::unordered_map's iteration order
    got = [tp_name(a) for a in args] + [f"{k}={tp_name(v)}" for k, v in kw]
    desc = "(" + ", ".join(got) + (", " if kw else "") + ")"
    if args:
        desc = "(" + ", ".join(got) + ")"
    msg = f"{name}() received an invalid combination of arguments - got {desc}, but expected"
    if len(sigs) == 1:
        return f"{msg} {sigs[0].text}"
    lines = [f"{msg} one of:"]
    n_got = len(args) + len(kwargs)
    for s in sigs:
        lines.append(f" * {s.text}")
        fa = s.fmt_args
        if n_got != len(fa):
            continue
        start = builtins_max(len(fa) - len(kwargs), 0)
        tail = [a[1] for a in fa[start:]]
        bad = [k for k, _ in kw if k not in tail]
        if bad:
            lines.append(
                "      didn't match because some of the keywords were incorrect: " + ", ".join(bad)
            )
            continue
        parts = []
        for j in range(n_got):
            if j < len(args):
                x, pre = args[j], ""
            else:
                pre = fa[j][1] + "="
                x = kwargs[fa[j][1]]
            ok = _fmt_matches(fa[j][0], x)
            parts.append(pre + _seq_desc(x) if ok else f"!{pre}{_seq_desc(x)}!")
        lines.append(
            "      didn't match because some of the arguments have invalid types: ("
            + ", ".join(parts)
            + (", )" if kw and not args else ")")
        )
    return "\n".join(lines) + "\n"


builtins_max = max


def signatures(*texts, numbers_ok=False):
    """The parsed form of PyTorch's printed signatures (``numbers_ok``: a Python number
    passes for a Tensor, as PyTorch allows for the arithmetic and comparison functions)."""
    return tuple(Signature(t, numbers_ok) for t in texts)


def _is_number(x) -> bool:
    return isinstance(x, numbers.Number)


#: functions whose Tensor arguments take Python numbers (``should_allow_numbers_as_tensors``)
_NUMBERS_AS_TENSORS = frozenset(
    (
        "add",
        "sub",
        "mul",
        "div",
        "true_divide",
        "floor_divide",
        "remainder",
        "fmod",
        "eq",
        "ne",
        "lt",
        "le",
        "gt",
        "ge",
    )
)


def check(name, sigs, args, kwargs) -> int:
    """The index of the first signature the call matches; PyTorch's TypeError when none
    does (``raw_parse``: one signature raises its own error; with several, the only one
    whose argument count fits does, else the "invalid combination" message)."""
    if len(sigs) == 1:
        _parse(name, sigs[0], args, kwargs, True)
        _unpack_check(name, sigs[0], args, kwargs)
        return 0
    for i, s in enumerate(sigs):
        if _parse(name, s, args, kwargs, False):
            _unpack_check(name, s, args, kwargs)
            return i
    n = len(args) + len(kwargs)
    plausible = [s for s in sigs if s.min_args <= n <= s.max_args]
    if len(plausible) == 1:
        _parse(name, plausible[0], args, kwargs, True)
    raise TypeError(_invalid_combination(name, sigs, args, kwargs))


def fail(name, sigs, args, kwargs):
    """For a failure path: PyTorch's error for a call the engine found wrong (a TypeError
    from ``check``); returns quietly when the call does match (the caller then raises
    its own error)."""
    check(name, sigs, args, kwargs)


#: PyTorch 2.13's printed signatures of Tensor methods (without ``self``) and of the
#: ``torch.`` functions ("f:" prefix), for the functions whose bad arguments the engine
#: reports through ``check`` / ``fail``
_SIG_TEXT = {
    "transpose": ("(int dim0, int dim1)",),
    "unsqueeze": ("(int dim)",),
    "repeat_interleave": (
        "(Tensor repeats, int dim = None, *, int output_size = None)",
        "(int repeats, int dim = None, *, int output_size = None)",
    ),
    "f:cat": ("(tuple of Tensors tensors, int dim = 0, *, Tensor out = None)",),
    "f:stack": ("(tuple of Tensors tensors, int dim = 0, *, Tensor out = None)",),
    "view": ("(torch.dtype dtype)", "(tuple of ints size)"),
    "squeeze": ("()", "(int dim)", "(tuple of ints dim)"),
    "f:squeeze": ("(Tensor input)", "(Tensor input, int dim)", "(Tensor input, tuple of ints dim)"),
    "sum": (
        "(*, torch.dtype dtype = None)",
        "(tuple of ints? dim, bool keepdim = False, *, torch.dtype dtype = None)",
    ),
    "f:sum": (
        "(Tensor input, *, torch.dtype dtype = None)",
        "(Tensor input, tuple of ints? dim, bool keepdim = False, *, torch.dtype dtype = None, "
        "Tensor out = None)",
    ),
    "mean": (
        "(*, torch.dtype dtype = None)",
        "(tuple of ints? dim, bool keepdim = False, *, torch.dtype dtype = None)",
    ),
    "f:mean": (
        "(Tensor input, *, torch.dtype dtype = None, Tensor out = None)",
        "(Tensor input, tuple of ints? dim, bool keepdim = False, *, torch.dtype dtype = None, "
        "Tensor out = None)",
    ),
    "max": ("()", "(Tensor other)", "(int dim, bool keepdim = False)"),
    "f:max": (
        "(Tensor input, *, Tensor out = None)",
        "(Tensor input, Tensor other, *, Tensor out = None)",
        "(Tensor input, int dim, bool keepdim = False, *, tuple of Tensors out = None)",
    ),
    "std": (
        "(tuple of ints? dim, bool unbiased = True, bool keepdim = False)",
        "(tuple of ints dim = None, *, Number correction = None, bool keepdim = False)",
        "(bool unbiased = True)",
    ),
    "f:std": (
        "(Tensor input, tuple of ints? dim, bool unbiased = True, bool keepdim = False, *, "
        "Tensor out = None)",
        "(Tensor input, tuple of ints dim = None, *, Number correction = None, "
        "bool keepdim = False, Tensor out = None)",
        "(Tensor input, bool unbiased = True)",
    ),
    "sort": (
        "(*, bool? stable, int dim = -1, bool descending = False)",
        "(int dim = -1, bool descending = False)",
    ),
    "f:sort": (
        "(Tensor input, *, bool? stable, int dim = -1, bool descending = False, "
        "tuple of Tensors out = None)",
        "(Tensor input, int dim = -1, bool descending = False, *, tuple of Tensors out = None)",
    ),
    "argsort": (
        "(*, bool stable, int dim = -1, bool descending = False)",
        "(int dim = -1, bool descending = False)",
    ),
    "f:argsort": (
        "(Tensor input, *, bool stable, int dim = -1, bool descending = False, Tensor out = None)",
        "(Tensor input, int dim = -1, bool descending = False)",
    ),
    "prod": (
        "(*, torch.dtype dtype = None)",
        "(int dim, bool keepdim = False, *, torch.dtype dtype = None)",
    ),
    "f:prod": (
        "(Tensor input, *, torch.dtype dtype = None)",
        "(Tensor input, int dim, bool keepdim = False, *, torch.dtype dtype = None, "
        "Tensor out = None)",
    ),
    "all": (
        "()",
        "(tuple of ints dim = None, bool keepdim = False)",
        "(int dim, bool keepdim = False)",
    ),
    "f:all": (
        "(Tensor input, *, Tensor out = None)",
        "(Tensor input, tuple of ints dim = None, bool keepdim = False, *, Tensor out = None)",
        "(Tensor input, int dim, bool keepdim = False, *, Tensor out = None)",
    ),
    "count_nonzero": ("(int dim = None)", "(tuple of ints# dim)"),
    "f:count_nonzero": ("(Tensor input, int dim = None)", "(Tensor input, tuple of ints# dim)"),
    "clamp": ("(Tensor min = None, Tensor max = None)", "(Number min = None, Number max = None)"),
    "f:clamp": (
        "(Tensor input, Tensor min = None, Tensor max = None, *, Tensor out = None)",
        "(Tensor input, Number min = None, Number max = None, *, Tensor out = None)",
    ),
    "clamp_min": ("(Tensor min)", "(Number min)"),
    "clamp_max": ("(Tensor max)", "(Number max)"),
    "topk": ("(int k, int dim = -1, bool largest = True, bool sorted = True)",),
    "f:topk": (
        "(Tensor input, int k, int dim = -1, bool largest = True, bool sorted = True, *, "
        "tuple of Tensors out = None)",
    ),
    "argmax": ("(int dim = None, bool keepdim = False)",),
    "f:argmax": ("(Tensor input, int dim = None, bool keepdim = False, *, Tensor out = None)",),
    "cumsum": ("(int dim, *, torch.dtype dtype = None)",),
    "f:cumsum": ("(Tensor input, int dim, *, torch.dtype dtype = None, Tensor out = None)",),
    "softmax": ("(int dim, torch.dtype dtype = None)",),
    "f:softmax": ("(Tensor input, int dim, torch.dtype dtype = None, *, Tensor out = None)",),
    "logsumexp": ("(tuple of ints dim, bool keepdim = False)",),
    "f:logsumexp": (
        "(Tensor input, tuple of ints dim, bool keepdim = False, *, Tensor out = None)",
    ),
    "amax": ("(tuple of ints? dim = (), bool keepdim = False)",),
    "f:amax": (
        "(Tensor input, tuple of ints? dim = (), bool keepdim = False, *, Tensor out = None)",
    ),
    "flip": ("(tuple of ints# dims)",),
    "f:flip": ("(Tensor input, tuple of ints# dims)",),
    "roll": ("(tuple of ints shifts, tuple of ints? dims = ())",),
    "f:roll": ("(Tensor input, tuple of ints shifts, tuple of ints? dims = ())",),
    "pow": ("(Tensor exponent)", "(Number exponent)"),
    "f:pow": (
        "(Tensor input, Tensor exponent, *, Tensor out = None)",
        "(Number self, Tensor exponent, *, Tensor out = None)",
        "(Tensor input, Number exponent, *, Tensor out = None)",
    ),
    "eq": ("(Tensor other)", "(Number other)"),
    "f:eq": (
        "(Tensor input, Tensor other, *, Tensor out = None)",
        "(Tensor input, Number other, *, Tensor out = None)",
    ),
    "gather": ("(int dim, Tensor index, *, bool sparse_grad = False)",),
    "f:gather": (
        "(Tensor input, int dim, Tensor index, *, bool sparse_grad = False, Tensor out = None)",
    ),
    "index_select": ("(int dim, Tensor index)",),
    "f:index_select": ("(Tensor input, int dim, Tensor index, *, Tensor out = None)",),
    "f:scatter": (
        "(Tensor input, int dim, Tensor index, Tensor src, *, Tensor out = None)",
        "(Tensor input, int dim, Tensor index, Tensor src, *, str reduce, Tensor out = None)",
        "(Tensor input, int dim, Tensor index, Number value, *, Tensor out = None)",
        "(Tensor input, int dim, Tensor index, Number value, *, str reduce, Tensor out = None)",
    ),
    "f:masked_fill": (
        "(Tensor input, Tensor mask, Tensor value)",
        "(Tensor input, Tensor mask, Number value)",
    ),
    "f:where": (
        "(Tensor condition)",
        "(Tensor condition, Tensor input, Tensor other, *, Tensor out = None)",
        "(Tensor condition, Number self, Tensor other)",
        "(Tensor condition, Tensor input, Number other)",
        "(Tensor condition, Number self, Number other)",
    ),
    "f:lerp": (
        "(Tensor input, Tensor end, Tensor weight, *, Tensor out = None)",
        "(Tensor input, Tensor end, Number weight, *, Tensor out = None)",
    ),
    "logical_and": ("(Tensor other)",),
    "f:logical_and": ("(Tensor input, Tensor other, *, Tensor out = None)",),
    "logical_not": ("()",),
    "masked_select": ("(Tensor mask)",),
    "f:masked_select": ("(Tensor input, Tensor mask, *, Tensor out = None)",),
    "equal": ("(Tensor other)",),
    "f:equal": ("(Tensor input, Tensor other)",),
    "allclose": ("(Tensor other, float rtol = 1e-05, float atol = 1e-08, bool equal_nan = False)",),
    "f:allclose": (
        "(Tensor input, Tensor other, float rtol = 1e-05, float atol = 1e-08, "
        "bool equal_nan = False)",
    ),
    "scatter": (
        "(int dim, Tensor index, Tensor src)",
        "(int dim, Tensor index, Tensor src, *, str reduce)",
        "(int dim, Tensor index, Number value)",
        "(int dim, Tensor index, Number value, *, str reduce)",
    ),
    "masked_fill": ("(Tensor mask, Tensor value)", "(Tensor mask, Number value)"),
    "where": ("(Tensor condition, Tensor other)", "(Tensor condition, Number other)"),
    "fill_": ("(Tensor value)", "(Number value)"),
    "lerp": ("(Tensor end, Tensor weight)", "(Tensor end, Number weight)"),
    "div": (
        "(Tensor other)",
        "(Tensor other, *, str? rounding_mode)",
        "(Number other, *, str? rounding_mode)",
    ),
    "f:div": (
        "(Tensor input, Tensor other, *, Tensor out = None)",
        "(Tensor input, Tensor other, *, str? rounding_mode, Tensor out = None)",
        "(Tensor input, Number other, *, str? rounding_mode)",
    ),
}
_FACTORY_TAIL = (
    "torch.dtype dtype = None, torch.layout layout = None, torch.device device = None, "
    "bool pin_memory = False, bool requires_grad = False)"
)
_OUT_TAIL = "Tensor out = None, " + _FACTORY_TAIL
_GEN_TAIL = "*, torch.Generator generator, " + _OUT_TAIL
_SIG_TEXT.update(
    {
        "f:arange": (
            "(Number end, *, " + _OUT_TAIL,
            "(Number start, Number end, *, " + _FACTORY_TAIL,
            "(Number start, Number end, Number step = 1, *, " + _OUT_TAIL,
        ),
        "f:rand": ("(tuple of ints size, " + _GEN_TAIL, "(tuple of ints size, *, " + _OUT_TAIL),
        "f:randint": (
            "(int high, tuple of ints size, " + _GEN_TAIL,
            "(int high, tuple of ints size, *, " + _OUT_TAIL,
            "(int low, int high, tuple of ints size, " + _GEN_TAIL,
            "(int low, int high, tuple of ints size, *, " + _OUT_TAIL,
        ),
        "f:randperm": ("(int n, " + _GEN_TAIL, "(int n, *, " + _OUT_TAIL),
        "f:add": ("(Tensor input, Tensor other, *, Number alpha = 1, Tensor out = None)",),
        "f:mul": ("(Tensor input, Tensor other, *, Tensor out = None)",),
        "f:linalg_vector_norm": (
            "(Tensor input, Number ord = 2, tuple of ints? dim = None, bool keepdim = False, *, "
            "torch.dtype dtype = None, Tensor out = None)",
        ),
        "f:linalg_norm": (
            "(Tensor input, Number ord = None, tuple of ints dim = None, bool keepdim = False, "
            "*, torch.dtype dtype = None, Tensor out = None)",
            "(Tensor input, str ord, tuple of ints dim = None, bool keepdim = False, *, "
            "torch.dtype dtype = None, Tensor out = None)",
        ),
    }
)
_SIG_ALIAS = {
    "f:randn": "f:rand",
    "f:sub": "f:add",
    "min": "max",
    "f:min": "f:max",
    "var": "std",
    "f:var": "f:std",
    "any": "all",
    "f:any": "f:all",
    "argmin": "argmax",
    "f:argmin": "f:argmax",
    "cumprod": "cumsum",
    "f:cumprod": "f:cumsum",
    "log_softmax": "softmax",
    "f:log_softmax": "f:softmax",
    "amin": "amax",
    "f:amin": "f:amax",
    "fmod": "eq",
    "true_divide": "eq",
    "ne": "eq",
    "lt": "eq",
    "le": "eq",
    "gt": "eq",
    "ge": "eq",
    "f:ne": "f:eq",
    "f:lt": "f:eq",
    "f:le": "f:eq",
    "f:gt": "f:eq",
    "f:ge": "f:eq",
    "isclose": "allclose",
    "floor_divide": "eq",
    "remainder": "eq",
    "logical_or": "logical_and",
    "logical_xor": "logical_and",
    "f:logical_or": "f:logical_and",
    "f:logical_xor": "f:logical_and",
    "f:isclose": "f:allclose",
}
_SIGS: dict = {}


def sigs_of(key):
    """The parsed signatures of ``key`` ("sum" for ``Tensor.sum``, "f:sum" for ``torch.sum``)."""
    s = _SIGS.get(key)
    if s is None:
        s = _SIGS[key] = signatures(
            *_SIG_TEXT[_SIG_ALIAS.get(key, key)],
            numbers_ok=key.removeprefix("f:") in _NUMBERS_AS_TENSORS,
        )
    return s


def check_call(name, args, kwargs, function=False):
    """``check`` against the signatures of ``name`` (``Tensor.name`` without ``self``, or the
    ``torch.name`` function with ``function=True``)."""
    return check(name, sigs_of(("f:" if function else "") + name), args, kwargs)


# ------------------------------------------------------------------ gated functions
# Rarely used functions whose every call goes through the parser model: a quick look at
# the argument types (exact ``int`` / ``bool`` / ``Tensor``...) lets the usual call through;
# anything else is parsed as PyTorch parses it (its TypeError, or the call with 0-d
# integer tensors, NumPy integers and ``axis=`` / ``keepdims=`` turned into what the
# engine's function takes).

_FAST = {
    "int": (int,),
    "bool": (bool,),
    "Tensor": (Tensor,),
    "tuple of ints": (int,),
    "float": (float, int),
    "Number": (float, int),
    "str": (str,),
}


def _fast_tables(sig):
    pos = []
    kw = {}
    for p in sig.params:
        types = _FAST.get(p.kind, ())
        if p.kind == "Tensor" and p.numbers_ok:
            types = (Tensor, int, float)
        if p.kind == "tuple of ints" and p.list_only:
            types = ()
        if p.nullable or p.default == "None":
            types = (*types, type(None))
        if not p.kwonly:
            pos.append(types)
        kw[p.name] = types
    required = tuple(
        (i if not p.kwonly else 1 << 30, p.name)
        for i, p in enumerate(sig.params)
        if p.default is None
    )
    return tuple(pos), kw, required


def _fast_ok(tables, args, kwargs) -> bool:
    n = len(args)
    for pos, kw, required in tables:
        if n > len(pos):
            continue
        if any(type(a) not in pos[i] for i, a in enumerate(args)):
            continue
        if kwargs and any(type(v) not in kw.get(k, ()) for k, v in kwargs.items()):
            continue
        if any(i >= n and name not in kwargs for i, name in required):
            continue
        return True
    return False


def _as_int(x):
    return int(x.item()) if isinstance(x, Tensor) else int(x)


def _normalized(sig, args, kwargs):
    """The matched call in the engine's terms: positional values (gaps filled with the
    printed defaults), keyword-only values by name."""
    import ast

    values = {}
    pos = 0
    for p in sig.params:
        if pos < len(args) and not p.kwonly:
            if pos == 0 and len(args) > sig.max_pos_args:  # ``x.flip(0, 1)``
                values[p.name] = tuple(args)
                pos = len(args)
                continue
            values[p.name] = args[pos]
            pos += 1
            continue
        for key in (p.name, *_NUMPY_NAMES.get(p.name, ())):
            if key in kwargs:
                values[p.name] = kwargs[key]
                break
    for p in sig.params:
        if p.name not in values:
            continue
        v = values[p.name]
        if v is None:
            continue
        if p.kind in ("int", "SymInt"):
            values[p.name] = _as_int(v)
        elif p.kind == "tuple of ints":
            values[p.name] = (
                tuple(_as_int(e) for e in v) if isinstance(v, tuple | list) else _as_int(v)
            )
        elif p.kind in ("float", "Number") and isinstance(v, Tensor):
            values[p.name] = v.item()
    positional = [p for p in sig.params if not p.kwonly]
    last = max((i for i, p in enumerate(positional) if p.name in values), default=-1)
    out_args = []
    for p in positional[: last + 1]:
        if p.name in values:
            out_args.append(values[p.name])
        else:
            out_args.append(ast.literal_eval(p.default))
    out_kwargs = {
        p.name: values[p.name]
        for p in sig.params
        if p.kwonly
        and p.name in values
        and p.name not in _IGNORED
        and not (values[p.name] is None and p.nullable)
    }
    return out_args, out_kwargs


#: keyword-only arguments the engine has no use for (``gather(..., sparse_grad=True)``)
_IGNORED = frozenset({"sparse_grad"})


def _complex_check(name, args, kwargs, self):
    """A complex Python number for a real tensor's ``Number`` argument: PyTorch's error."""
    vals = list(args) + list(kwargs.values())
    if not any(type(v) is complex for v in vals):
        return
    if name in ("clamp_min", "clamp_max"):
        raise NotImplementedError("clamp is not supported for complex types")
    ref = self[0] if self else next((v for v in vals if isinstance(v, Tensor)), None)
    if ref is None or ref._data.dtype.kind == "c":
        return
    word = "double" if ref._data.dtype == np.float64 or name == "clamp" else "float"
    if ref._data.dtype.kind in "iub":
        word = {"b": "bool"}.get(ref._data.dtype.kind, "long")
    raise RuntimeError(f"value cannot be converted to type {word} without overflow")


def gate(fn, name, function):
    """``fn`` (``torch.name`` with ``function=True``, else the Tensor method) behind the
    parser model of its PyTorch signatures."""
    sigs = sigs_of(("f:" if function else "") + name)
    tables = tuple(_fast_tables(s) for s in sigs)

    if function:

        @functools.wraps(fn)
        def gated(*args, **kwargs):
            if _fast_ok(tables, args, kwargs):
                return fn(*args, **kwargs)
            i = check(name, sigs, args, kwargs)
            _complex_check(name, args, kwargs, ())
            a, k = _normalized(sigs[i], args, kwargs)
            return fn(*a, **k)

        return gated

    @functools.wraps(fn)
    def gated_method(self, *args, **kwargs):
        if _fast_ok(tables, args, kwargs):
            return fn(self, *args, **kwargs)
        i = check(name, sigs, args, kwargs)
        _complex_check(name, args, kwargs, (self,))
        a, k = _normalized(sigs[i], args, kwargs)
        return fn(self, *a, **k)

    return gated_method


#: gated as both the Tensor method and the torch function
GATED = (
    "sort",
    "argsort",
    "std",
    "var",
    "prod",
    "count_nonzero",
    "cumsum",
    "cumprod",
    "logsumexp",
    "amax",
    "amin",
    "flip",
    "roll",
    "topk",
    "gather",
    "index_select",
    "scatter",
    "masked_fill",
    "masked_select",
    "where",
    "lerp",
    "pow",
    "div",
    "eq",
    "ne",
    "lt",
    "le",
    "gt",
    "ge",
    "equal",
    "allclose",
    "isclose",
    "logical_and",
    "logical_or",
    "logical_xor",
)
#: Tensor methods the engine lacked: ``x.name(...)`` is ``torch.name(x, ...)``
METHODS_FROM_FUNCTIONS = (
    "floor_divide",
    "remainder",
    "logical_and",
    "logical_or",
    "logical_xor",
    "logical_not",
)
#: gated as the Tensor method only
GATED_METHODS = ("clamp", "clamp_min", "clamp_max", "fill_", "true_divide")


#: Tensor methods whose Python-level errors ("got an unexpected keyword argument") name
#: them as PyTorch does: ``sum()``, not ``Tensor.sum()``
PLAIN_NAMES = (
    "sum",
    "mean",
    "max",
    "min",
    "argmax",
    "argmin",
    "any",
    "all",
    "softmax",
    "log_softmax",
    "index_select",
    "gather",
    "topk",
    "masked_select",
    "masked_fill",
    "scatter",
    "scatter_add",
    "add",
    "sub",
    "mul",
    "div",
    "pow",
    "eq",
    "ne",
    "where",
    "clamp",
)


def _method_of(fn, name):
    def method(self, *args, **kwargs):
        return fn(self, *args, **kwargs)

    method.__name__ = method.__qualname__ = name
    method.__doc__ = f"``x.{name}(...)``: ``torch.{name}(x, ...)``."
    return method


def guard(fn, name):
    """``fn`` (``torch.name``) as it is, its TypeErrors (on the failure path only) turned
    into PyTorch's parser errors when the call does not parse."""
    sigs = sigs_of("f:" + name)

    @functools.wraps(fn)
    def guarded(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except TypeError:
            seq = (args[0] if args else kwargs.get("tensors")) if name in _LISTS else None
            if isinstance(seq, tuple | list):  # (checked element by element when unpacked)
                for i, e in enumerate(seq):
                    if not isinstance(e, Tensor):
                        raise TypeError(
                            f"expected Tensor as element {i} in argument 0, but got {tp_name(e)}"
                        ) from None
            check(name, sigs, args, kwargs)
            raise

    return guarded


#: torch functions behind ``guard`` (those whose first argument is a list of tensors)
GUARDED = ("cat", "stack", "max", "min")
_LISTS = frozenset(("cat", "stack"))


def install_gates(namespace) -> None:
    for name in GUARDED:
        if name in namespace:
            namespace[name] = guard(namespace[name], name)
    if "where" not in Tensor.__dict__:
        where = namespace["where"]

        def _where(self, condition, other):
            """``x.where(condition, y)``: ``torch.where(condition, x, y)``."""
            return where(condition, self, other)

        _where.__qualname__ = _where.__name__ = "where"
        Tensor.where = _where
    for name in PLAIN_NAMES:
        meth = Tensor.__dict__.get(name)
        if hasattr(meth, "__code__"):
            meth.__qualname__ = name
    for name in GATED:
        if name in namespace and ("f:" + name in _SIG_TEXT or "f:" + name in _SIG_ALIAS):
            namespace[name] = gate(namespace[name], name, True)
        meth = getattr(Tensor, name, None)
        if meth is not None and (name in _SIG_TEXT or name in _SIG_ALIAS):
            setattr(Tensor, name, gate(meth, name, False))
    for name in METHODS_FROM_FUNCTIONS:
        if name not in Tensor.__dict__ and name in namespace:
            setattr(Tensor, name, gate(_method_of(namespace[name], name), name, False))
    for name in GATED_METHODS:
        meth = getattr(Tensor, name, None)
        if meth is not None:
            setattr(Tensor, name, gate(meth, name, False))


def _same(x, y) -> bool:
    if x is y:
        return True
    if type(x) is not type(y) or isinstance(x, Tensor):
        return False
    if isinstance(x, tuple | list):
        return len(x) == len(y) and all(_same(a, b) for a, b in zip(x, y, strict=True))
    if isinstance(x, dict):
        return x.keys() == y.keys() and all(_same(x[k], y[k]) for k in x)
    return x == y


def call_args(values, defaults):
    """The positional arguments of a call rebuilt from a function's parameters: the values
    up to the last one that is not its default."""
    n = len(values)
    while n and values[n - 1] is defaults[n - 1]:
        n -= 1
    return tuple(values[:n])


def retry(name, fn, args, kwargs, *self):
    """For the ``except TypeError:`` of a hot function (its failure path only): PyTorch's
    TypeError when the call does not parse (``name``'s signatures; the Tensor method's when
    ``self`` is given); when it does but holds what the engine's function does not take
    (a 0-d integer tensor or NumPy integer for an int, ``axis=``), ``fn`` called again with
    the plain values; otherwise the original error, re-raised."""
    sigs = sigs_of(name if self else "f:" + name)
    i = check(name, sigs, args, kwargs)
    a, k = _normalized(sigs[i], args, kwargs)
    if _same(list(args), a) and _same(kwargs, k):
        raise  # (called from an except block: the error being handled)
    return fn(*self, *a, **k)
