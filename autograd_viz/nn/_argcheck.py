"""PyTorch's argument errors for the nn functions' ``int[]`` arguments (pooling windows,
adaptive output sizes, convolution strides / paddings / dilations), on the error path:
the usual call (ints, tuples of ints) is let through after an exact-type look.  Found by
the differential fuzz (tests/oracle/tools)."""

from __future__ import annotations

import functools
import inspect

from ..engine import argtypes
from ..engine.argtypes_shape import intlist, is_index, tp_name
from ..engine.tensor import Tensor

_PAIR_WORDS = {
    "kernel_size": "kernel_size must either be a single int, or a tuple of two ints",
    "stride": "stride must either be omitted, a single int, or a tuple of two ints",
    "padding": "padding must either be a single int, or a tuple of two ints",
    "dilation": "dilation must be either a single int, or a tuple of two ints",
}


def pool_pair(fn, name, value, pos):
    """A 2-d pooling's ``int[2]`` argument as PyTorch reads it: one int (or a one-element
    list) for both dimensions, or two."""
    if value.__class__ is int:
        return (value, value)
    if value.__class__ is tuple and len(value) == 2:
        a, b = value
        if a.__class__ is int and b.__class__ is int:
            return value
    vals = intlist(fn, name, value, pos, size=2)
    if len(vals) == 1:
        return (vals[0], vals[0])
    if len(vals) != 2:
        raise RuntimeError(f"{fn}: {_PAIR_WORDS[name]}")
    return vals


def adaptive_size(fn, input, output_size, n=2):
    """``output_size`` of ``adaptive_avg_pool2d`` as PyTorch's Python wrapper
    (``_list_with_default``) and then its parser read it; returns a tuple of ``n`` ints."""
    if not isinstance(output_size, int):
        try:
            k = len(output_size)
        except TypeError:
            if isinstance(output_size, Tensor):
                raise TypeError("len() of a 0-d tensor") from None
            raise TypeError(f"object of type '{tp_name(output_size)}' has no len()") from None
        defaults = input.shape if isinstance(input, Tensor) else ()
        if len(defaults) <= k:
            raise ValueError(f"Input dimension should be at least {k + 1}")
        output_size = [
            v if v is not None else d for v, d in zip(output_size, defaults[-k:], strict=False)
        ]
    vals = intlist(fn, "output_size", output_size, 2, size=n)
    if len(vals) != n:
        raise RuntimeError(f"{fn}: output_size must be {n}")
    if any(v < 0 for v in vals):
        shown = ", ".join(str(v) for v in vals)
        raise RuntimeError(
            f"{fn}: elements of output_size must be greater than or equal to 0 but received "
            f"{{{shown}}}"
        )
    return vals


# ------------------------------------------------------------------ F.conv1d / F.conv2d

_CONV_SIGS = (
    "(Tensor input, Tensor weight, Tensor bias = None, tuple of ints stride = 1, "
    "tuple of ints padding = 0, tuple of ints dilation = 1, int groups = 1)",
    "(Tensor input, Tensor weight, Tensor bias = None, tuple of ints stride = 1, "
    'str padding = "valid", tuple of ints dilation = 1, int groups = 1)',
)


def _plain(v, n):
    if v.__class__ is int:
        return True
    if v.__class__ is tuple and len(v) == n:
        return all(e.__class__ is int for e in v)
    return False


def conv_checked(fn, name, n):
    """``fn`` (F.conv1d / F.conv2d, ``n`` spatial dimensions) behind PyTorch's parse of its
    arguments: the usual call goes straight through."""
    sigs = argtypes.signatures(*_CONV_SIGS)
    params = inspect.signature(fn)

    @functools.wraps(fn)
    def conv(*args, **kwargs):
        if len(args) == 2 and not kwargs and args[1].__class__ is args[0].__class__ is Tensor:
            return fn(*args)
        try:
            bound = params.bind(*args, **kwargs)
        except TypeError:
            bound = None
        if bound is not None:
            a = bound.arguments
            p = a.get("padding", 0)
            if (
                _plain(a.get("stride", 1), n)
                and _plain(a.get("dilation", 1), n)
                and (p.__class__ is str or _plain(p, n))
                and a.get("groups", 1).__class__ is int
                and all(isinstance(x, Tensor) for x in args[:2])
            ):
                return fn(*args, **kwargs)
        argtypes.check(name, sigs, args, kwargs)  # PyTorch's TypeError, if any
        if bound is None:  # (matched PyTorch but not the engine's names)
            return fn(*args, **kwargs)
        a = bound.arguments
        for key in ("stride", "padding", "dilation"):
            v = a.get(key)
            if v is None or isinstance(v, str):
                continue
            vals = intlist(name, key, v, None, size=n)
            if len(vals) == 1:
                vals = vals * n
            if len(vals) != n:
                raise RuntimeError(
                    f"expected {key} to be a single integer value or a list of {n} values to "
                    f"match the convolution dimensions, but got {key}={list(vals)}"
                )
            a[key] = vals if n > 1 else vals[0]
        if "groups" in a and is_index(a["groups"]):
            a["groups"] = intlist(name, "groups", [a["groups"]])[0]
        return fn(*bound.args, **bound.kwargs)

    return conv


def install(functional) -> None:
    for name, n in (("conv1d", 1), ("conv2d", 2)):
        fn = getattr(functional, name, None)
        if fn is not None and not hasattr(fn, "__wrapped__"):
            setattr(functional, name, conv_checked(fn, name, n))


#: PyTorch 2.13's public modules whose ``__init__`` is inherited (from the class named):
#: Python's argument errors name that class (``_MaxPoolNd.__init__() got an unexpected
#: keyword argument``); every other module defines its own (``Conv2d.__init__() ...``)
TORCH_INHERITED_INIT = {
    **dict.fromkeys(
        ("AdaptiveAvgPool1d", "AdaptiveAvgPool2d", "AdaptiveAvgPool3d"), "_AdaptiveAvgPoolNd"
    ),
    **dict.fromkeys(
        ("AdaptiveMaxPool1d", "AdaptiveMaxPool2d", "AdaptiveMaxPool3d"), "_AdaptiveMaxPoolNd"
    ),
    **dict.fromkeys(
        ("AlphaDropout", "Dropout", "Dropout1d", "Dropout2d", "Dropout3d", "FeatureAlphaDropout"),
        "_DropoutNd",
    ),
    **dict.fromkeys(("BCELoss", "MultiLabelSoftMarginLoss"), "_WeightedLoss"),
    **dict.fromkeys(("BatchNorm1d", "BatchNorm2d", "BatchNorm3d"), "_BatchNorm"),
    **dict.fromkeys(("InstanceNorm1d", "InstanceNorm2d", "InstanceNorm3d"), "_InstanceNorm"),
    **dict.fromkeys(("L1Loss", "MSELoss", "MultiLabelMarginLoss", "SoftMarginLoss"), "_Loss"),
    **dict.fromkeys(("LPPool1d", "LPPool2d", "LPPool3d"), "_LPPoolNd"),
    **dict.fromkeys(("MaxPool1d", "MaxPool2d", "MaxPool3d"), "_MaxPoolNd"),
    # (PyTorch's LSTM and GRU pass *args, **kwargs on to RNNBase's __init__, which names the
    # error; the engine's _RNNBase.__init__ is named RNNBase.__init__ for RNN's)
    **dict.fromkeys(("LSTM", "GRU"), "RNNBase"),
    **dict.fromkeys(("LazyBatchNorm1d", "LazyBatchNorm2d", "LazyBatchNorm3d"), "_LazyNormBase"),
    **dict.fromkeys(
        ("LogSigmoid", "Sigmoid", "Softmax2d", "Softsign", "Tanh", "Tanhshrink"), "Module"
    ),
}


def name_inits_as_torch(namespace) -> None:
    """Each public module class's ``__init__`` gets the qualified name PyTorch's has, so
    that Python's own argument errors read as PyTorch's (``nn.Conv2d(1, 2, 3, foo=1)``:
    ``Conv2d.__init__() got an unexpected keyword argument 'foo'``, where the engine's
    ``__init__`` is its base ``_ConvNd``'s).  An inherited ``__init__`` is copied onto the
    class under the new name (same code, defaults and ``super()`` cell); once, at import."""
    import types

    from .modules import Module

    for name, cls in list(namespace.items()):
        if not (isinstance(cls, type) and issubclass(cls, Module)) or name.startswith("_"):
            continue
        init = cls.__init__
        code = getattr(init, "__code__", None)
        if code is None or hasattr(init, "__wrapped__") or cls.__name__ != name:
            continue
        want = TORCH_INHERITED_INIT.get(name, name) + ".__init__"
        if getattr(code, "co_qualname", init.__qualname__) == want:
            continue
        if want.startswith("Module.") and init is Module.__init__:
            continue
        if hasattr(code, "co_qualname"):  # (Python 3.11+: the name its errors print)
            code = code.replace(co_qualname=want)
        new = types.FunctionType(
            code,
            init.__globals__,
            init.__name__,
            init.__defaults__,
            init.__closure__,
        )
        new.__kwdefaults__ = init.__kwdefaults__
        new.__doc__, new.__qualname__, new.__module__ = init.__doc__, want, init.__module__
        new.__dict__.update(init.__dict__)
        cls.__init__ = new
