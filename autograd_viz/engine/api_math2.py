"""Special functions as torch functions, Tensor methods and in-place methods: ``erfc``,
``erfinv``, ``lgamma``, ``digamma``, ``polygamma``, ``logit``, ``sinc``, ``i0`` (nodes in
``ops/special.py``), and the functions behind the ``torch.special`` namespace
(``autograd_viz/special.py``): ``entr``, ``ndtr``, ``ndtri``, ``log_ndtr``, ``i1``,
``xlog1py``, ``round``... with PyTorch's argument errors and dtype rules (integer and
bool inputs give the default float dtype)."""

from __future__ import annotations

import numbers

import numpy as np

from . import api as _api
from .api import _check_tensor, _floating, _scalar_type_name
from .device import DEFAULT_FLOAT
from .ops import arithmetic as A
from .ops import special as SP
from .ops import unary as U
from .saved import _RESULT0, _SELF0, _T, _ctx_attr
from .tensor import Tensor

__all__ = [
    "digamma",
    "erfc",
    "erfinv",
    "i0",
    "lgamma",
    "logit",
    "polygamma",
    "sinc",
]


def _unary(cls, name):
    """``torch.<name>(input)``: one ``cls`` node; integer / bool inputs become floats."""

    def fn(input):
        _check_tensor(input, name)
        return cls.apply(_floating(input))

    fn.__name__ = fn.__qualname__ = name
    fn.__doc__ = f"``torch.{name}`` elementwise (grad_fn ``{cls.__name__}``)."
    return fn


erfc = _unary(SP.ErfcBackward0, "erfc")
erfinv = _unary(SP.ErfinvBackward0, "erfinv")
lgamma = _unary(SP.LgammaBackward0, "lgamma")
digamma = _unary(SP.DigammaBackward0, "digamma")
sinc = _unary(SP.SincBackward0, "sinc")
i0 = _unary(SP.I0Backward0, "i0")


def _int_arg(fn, arg, v, pos):
    if isinstance(v, bool) or not isinstance(v, numbers.Integral):
        raise TypeError(f"{fn}(): argument '{arg}' (position {pos}) must be int, not {_tn(v)}")
    return int(v)


def _tn(v):
    return type(v).__name__


def polygamma(n, input):
    """``torch.polygamma(n, x)``: the n-th derivative of digamma (``PolygammaBackward0``;
    digamma / trigamma / Hurwitz zeta as ATen computes them)."""
    n = _int_arg("polygamma", "n", n, 1)
    _check_tensor(input, "polygamma", pos=2)
    if n < 0:
        raise RuntimeError("polygamma(n, x) does not support negative n.")
    return SP.PolygammaBackward0.apply(_floating(input), n=n)


def logit(input, eps=None):
    """``torch.logit(x, eps=None)``: log(x/(1-x)), ``x`` clamped to [eps, 1-eps] first when
    ``eps`` is given (``LogitBackward0``: 0 outside that interval, nan outside [0, 1]
    without eps)."""
    _check_tensor(input, "logit")
    if eps is not None:
        if isinstance(eps, bool) or not isinstance(eps, numbers.Real):
            raise TypeError(f"logit(): argument 'eps' (position 2) must be float, not {_tn(eps)}")
        eps = float(eps)
    return SP.LogitBackward0.apply(_floating(input), eps=eps)


# ---------------------------------------------------------------------- torch.special only

special_entr = _unary(SP.SpecialEntrBackward0, "special_entr")
special_ndtri = _unary(SP.SpecialNdtriBackward0, "special_ndtri")
special_log_ndtr = _unary(SP.SpecialLogNdtrBackward0, "special_log_ndtr")
special_i1 = _unary(SP.SpecialI1Backward0, "special_i1")

_SQRT1_2 = float(np.sqrt(0.5))


def special_ndtr(input):
    """``torch.special.ndtr``: the standard normal CDF, built as PyTorch builds it:
    ``(1 + erf(x·√½))·½`` (MulBackward1 <- AddBackward1 <- ErfBackward0 <- MulBackward1)."""
    _check_tensor(input, "special_ndtr")
    t = A.MulBackward1.apply(_floating(input), other=_SQRT1_2)
    t = A.AddBackward1.apply(U.ErfBackward0.apply(t), other=1)
    return A.MulBackward1.apply(t, other=0.5)


def special_round(input, *, decimals=0):
    """``torch.special.round``: ``round`` with its ``decimals`` always given
    (``RoundBackward1``)."""
    _check_tensor(input, "special_round")
    if input._data.dtype.kind != "f":
        raise NotImplementedError(
            f"\"round_vml_cpu\" not implemented for '{_scalar_type_name(input._data.dtype)}'"
        )
    return U.RoundBackward1.apply(input, decimals=int(decimals))


_XLOG1PY_SIGS = (
    " * (Tensor input, Tensor other, *, Tensor out = None)\n"
    " * (Number self, Tensor other, *, Tensor out = None)\n"
    " * (Tensor input, Number other, *, Tensor out = None)\n"
)


def special_xlog1py(input, other):
    """``torch.special.xlog1py(x, y)``: x·log1p(y), 0 where x = 0 (unless y is nan);
    ``SpecialXlog1PyBackward0`` (two tensors), ``...1`` (a number x), ``...2`` (a number y)."""
    ti, to = isinstance(input, Tensor), isinstance(other, Tensor)

    def number(v):
        return isinstance(v, numbers.Real)

    if not (ti or to) or (not ti and not number(input)) or (not to and not number(other)):
        raise TypeError(
            f"special_xlog1py() received an invalid combination of arguments - got "
            f"({_tn(input)}, {_tn(other)}), but expected one of:\n" + _XLOG1PY_SIGS
        )
    if ti and to:
        dt = _api.result_type(input, other)
        if dt.kind not in "fc":
            dt = np.dtype(DEFAULT_FLOAT[0])
        return SP.SpecialXlog1PyBackward0.apply(_api._cast(input, dt), _api._cast(other, dt))
    t = input if ti else other
    dt = _api.result_type(t, other if ti else input)
    if dt.kind not in "fc":
        dt = np.dtype(DEFAULT_FLOAT[0])
    t = _api._cast(t, dt)
    if ti:
        return SP.SpecialXlog1PyBackward2.apply(t, other=float(other))
    return SP.SpecialXlog1PyBackward1.apply(t, self=float(input))


# ---------------------------------------------------------------------- Tensor methods


def _method(fn, name):
    def m(self, *args, **kwargs):
        return fn(self, *args, **kwargs)

    m.__name__ = m.__qualname__ = name
    m.__doc__ = f"``Tensor.{name}`` (``torch.{name}``)."
    return m


def _polygamma_method(self, n):
    return polygamma(n, self)


def _inplace(name, fn, first_n=False):
    """``t.<name>_()``: the op written into ``t`` (a float result needs a float ``t``)."""

    def m(self, *args, **kwargs):
        if self._data.dtype.kind not in "fc":
            raise RuntimeError(
                f"result type {_scalar_type_name(DEFAULT_FLOAT[0])} can't be cast to the "
                f"desired output type {_scalar_type_name(self._data.dtype)}"
            )
        if first_n:
            return _api.inplace(self, name + "_", lambda old: fn(*args, old, **kwargs))
        return _api.inplace(self, name + "_", lambda old: fn(old, *args, **kwargs))

    m.__name__ = m.__qualname__ = name + "_"
    m.__doc__ = f"In-place ``{name}`` (``t.{name}_()``)."
    return m


for _name, _fn in (
    ("erfc", erfc),
    ("erfinv", erfinv),
    ("lgamma", lgamma),
    ("digamma", digamma),
    ("sinc", sinc),
    ("i0", i0),
    ("logit", logit),
):
    if _name not in Tensor.__dict__:
        setattr(Tensor, _name, _method(_fn, _name))
    if _name + "_" not in Tensor.__dict__:
        setattr(Tensor, _name + "_", _inplace(_name, _fn))
if "polygamma" not in Tensor.__dict__:
    Tensor.polygamma = _polygamma_method
if "polygamma_" not in Tensor.__dict__:
    Tensor.polygamma_ = _inplace("polygamma", polygamma, first_n=True)
del _name, _fn

# grad_fn._saved_* (engine/saved.py's table, for these nodes)
for _cls, _attrs in (
    (SP.ErfcBackward0, _SELF0),
    (SP.ErfinvBackward0, _SELF0),
    (SP.LgammaBackward0, _SELF0),
    (SP.DigammaBackward0, _SELF0),
    (SP.SincBackward0, _SELF0),
    (SP.I0Backward0, _SELF0),
    (SP.SpecialEntrBackward0, _SELF0),
    (SP.SpecialNdtriBackward0, _RESULT0),
    (SP.SpecialLogNdtrBackward0, {"_saved_self": _T(0), "_saved_result": _T(1)}),
    (SP.SpecialI1Backward0, {"_saved_self": _T(0), "_saved_result": _T(1)}),
    (SP.PolygammaBackward0, {"_saved_self": _T(0), "_saved_n": _ctx_attr("n")}),
    (SP.LogitBackward0, {"_saved_self": _T(0), "_saved_eps": _ctx_attr("eps")}),
    (SP.SpecialXlog1PyBackward0, {"_saved_self": _T(0), "_saved_other": _T(1)}),
):
    for _k, _v in _attrs.items():
        if _k not in _cls.__dict__:
            setattr(_cls, _k, _v)
del _cls, _attrs, _k, _v
