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
    "topk": (("k", "int"), ("dim", "int"), ("largest", "bool"), ("sorted", "bool")),
    "tril": (("diagonal", "int"),),
    "triu": (("diagonal", "int"),),
    "cumsum": (("dim", "int"),),
    "cumprod": (("dim", "int"),),
    "index_select": (("dim", "int"),),
    "gather": (("dim", "int"),),
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
