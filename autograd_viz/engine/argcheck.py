"""PyTorch's argument-parser error for a first argument that is not a tensor.

``torch.reshape([1.0, 2.0], (2,))`` raises ``TypeError: reshape(): argument 'input'
(position 1) must be Tensor, not list`` (before looking at the other arguments); the engine's
functions would fail with an ``AttributeError`` on ``._data`` or accept the list. The
module-level functions listed in ``GUARDED`` (differential fuzzing against PyTorch 2.13 gave
exactly this message for a list, tuple, ``None``, str, ndarray and Python number first
argument) are wrapped once at import. Tensor methods do not go through these wrappers, and
the hot arithmetic functions (``add``, ``mul``, ``matmul``...) are not listed: they pay
nothing.
"""

from __future__ import annotations

import functools

from .tensor import Tensor

GUARDED = (
    "addmm",
    "allclose",
    "argmax",
    "argmin",
    "argsort",
    "atan2",
    "bernoulli",
    "chunk",
    "clone",
    "cumsum",
    "detach",
    "diagonal",
    "dot",
    "empty_like",
    "equal",
    "exp_",
    "flatten",
    "flip",
    "full_like",
    "gather",
    "ger",
    "index_select",
    "is_floating_point",
    "isclose",
    "logical_and",
    "logical_not",
    "logical_or",
    "logsumexp",
    "maximum",
    "minimum",
    "multinomial",
    "mv",
    "negative",
    "nonzero",
    "numel",
    "ones_like",
    "outer",
    "permute",
    "rand_like",
    "randn_like",
    "relu_",
    "reshape",
    "select",
    "sigmoid_",
    "squeeze",
    "swapaxes",
    "swapdims",
    "t",
    "tanh_",
    "topk",
    "transpose",
    "unflatten",
    "unsqueeze",
    "zeros_like",
)

_MISSING = object()


def _pytype(x) -> str:
    t = type(x)
    return t.__name__ if t.__module__ == "builtins" else f"{t.__module__}.{t.__qualname__}"


def guard(fn, name):
    @functools.wraps(fn)
    def guarded(*args, **kwargs):
        x = args[0] if args else kwargs.get("input", _MISSING)
        if not isinstance(x, Tensor) and x is not _MISSING:
            raise TypeError(
                f"{name}(): argument 'input' (position 1) must be Tensor, not {_pytype(x)}"
            )
        try:
            return fn(*args, **kwargs)
        except TypeError:
            parser_error(name, args, kwargs)
            raise

    return guarded


def parser_error(name, args, kwargs):
    """For a failure path where the call is known as written (``args``, ``kwargs``):
    PyTorch's TypeError for it when ``torch.name``'s signatures are known and it matches
    none (a keyword argument named without a position: ``argmax(): argument 'dim' must be
    int, not float``); returns otherwise."""
    from . import argtypes

    key = "f:" + name
    if key in argtypes._SIG_TEXT or key in argtypes._SIG_ALIAS:
        argtypes.check_call(name, args, kwargs, True)


def install(namespace: dict) -> None:
    """Replace each listed function in ``namespace`` by its guarded form."""
    for name in GUARDED:
        fn = namespace.get(name)
        if fn is not None and not hasattr(fn, "__wrapped__"):
            namespace[name] = guard(fn, name)
