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
from . import api_more as _more
from . import return_types as _return_types
from .api import _check_tensor, _floating, _scalar_type_name
from .argtypes_shape import tp_name as _tp_name
from .device import DEFAULT_FLOAT
from .grad_mode import STATE as _GRAD
from .ops import arithmetic as A
from .ops import math2 as M2
from .ops import special as SP
from .ops import unary as U
from .saved import _RESULT0, _SELF0, _T, _ctx_attr
from .tensor import Tensor

__all__ = [
    "acosh",
    "acosh_",
    "arccosh",
    "arccosh_",
    "arcsinh",
    "arcsinh_",
    "arctanh",
    "arctanh_",
    "asinh",
    "asinh_",
    "atanh",
    "atanh_",
    "copysign",
    "deg2rad",
    "deg2rad_",
    "digamma",
    "erfc",
    "erfinv",
    "float_power",
    "fmod",
    "frexp",
    "heaviside",
    "hypot",
    "i0",
    "ldexp",
    "ldexp_",
    "lgamma",
    "logaddexp",
    "logaddexp2",
    "logit",
    "nextafter",
    "polygamma",
    "rad2deg",
    "rad2deg_",
    "sgn",
    "signbit",
    "sinc",
    "xlogy",
    "xlogy_",
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
    return _tp_name(v)  # (PyTorch prints ``tp_name``: ``numpy.ndarray``)


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
        try:
            return fn(self, *args, **kwargs)
        except TypeError as e:  # the function's argument error, as the method's
            raise method_type_error(name, e, args, kwargs) from None

    m.__name__ = m.__qualname__ = name
    m.__doc__ = f"``Tensor.{name}`` (``torch.{name}``)."
    return m


def method_type_error(name, e, args, kwargs):
    """A TypeError of ``torch.name(t, ...)`` as ``t.name(...)`` raises it: the parser's
    error for the method's own signatures when PyTorch's are known (``fmod() received an
    invalid combination of arguments - got (list)``), else the positions counted after
    ``self`` (``argument 'other' (position 1)``)."""
    from . import argtypes
    from .tensor import _method_position

    if name in argtypes._SIG_TEXT or name in argtypes._SIG_ALIAS:
        argtypes.check_call(name, args, kwargs)
    return _method_position(e)


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


def _polygamma_inplace_node(n, input):
    """``polygamma`` recorded as ``PolygammaBackward1`` (the in-place form's node)."""
    n = _int_arg("polygamma", "n", n, 1)
    if n < 0:
        raise RuntimeError("polygamma(n, x) does not support negative n.")
    return SP.PolygammaBackward1.apply(input, n=n)


if "polygamma_" not in Tensor.__dict__:
    Tensor.polygamma_ = _inplace("polygamma", _polygamma_inplace_node, first_n=True)
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
    (SP.PolygammaBackward1, {"_saved_self": _T(0), "_saved_n": _ctx_attr("n")}),
    (SP.LogitBackward0, {"_saved_self": _T(0), "_saved_eps": _ctx_attr("eps")}),
    (SP.SpecialXlog1PyBackward0, {"_saved_self": _T(0), "_saved_other": _T(1)}),
):
    for _k, _v in _attrs.items():
        if _k not in _cls.__dict__:
            setattr(_cls, _k, _v)
del _cls, _attrs, _k, _v


# ---------------------------------------------------------------------- more elementwise
# logaddexp / logaddexp2, hypot, fmod, asinh / acosh / atanh (+ arc* names), sgn, signbit,
# heaviside, float_power, copysign, nextafter, ldexp, frexp, deg2rad / rad2deg, xlogy
# with a number operand (nodes in ops/math2.py)


def _other_tensor(fn, other):
    if not isinstance(other, Tensor):
        raise TypeError(f"{fn}(): argument 'other' (position 2) must be Tensor, not {_tn(other)}")


def _broadcastable(a, b):
    """PyTorch's size-mismatch RuntimeError when two tensors do not broadcast."""
    err = _api._broadcast_error(a, b)
    if err is not None:
        raise err


def _float_binary(cls, name, input, other, kernel=None):
    """Two tensors, broadcast; integer results become the default float dtype unless
    ``kernel`` (PyTorch's kernel name) refuses integers."""
    _check_tensor(input, name)
    _other_tensor(name, other)
    _broadcastable(input, other)
    dt = _api.result_type(input, other)
    if dt.kind not in "fc":
        if kernel is not None:
            raise NotImplementedError(f"\"{kernel}\" not implemented for '{_scalar_type_name(dt)}'")
        dt = np.dtype(DEFAULT_FLOAT[0])
    return cls.apply(_api._cast(input, dt), _api._cast(other, dt))


def logaddexp(input, other):
    """``torch.logaddexp(a, b)``: log(eᵃ + eᵇ) without overflow (``LogaddexpBackward0``)."""
    return _float_binary(M2.LogaddexpBackward0, "logaddexp", input, other, "logaddexp_cpu")


def logaddexp2(input, other):
    """``torch.logaddexp2(a, b)``: log₂(2ᵃ + 2ᵇ) (``Logaddexp2Backward0``)."""
    return _float_binary(M2.Logaddexp2Backward0, "logaddexp2", input, other, "logaddexp2_cpu")


def hypot(input, other):
    """``torch.hypot(a, b)``: √(a² + b²) (``HypotBackward0``)."""
    return _float_binary(M2.HypotBackward0, "hypot", input, other, "hypot_cpu")


def fmod(input, other):
    """``torch.fmod(a, b)``: C's remainder (the sign of ``a``); ``FmodBackward0`` for a
    number ``b``, ``FmodBackward1`` for a tensor; integer division by zero raises
    PyTorch's ``ZeroDivisionError`` RuntimeError."""
    _check_tensor(input, "fmod")
    if isinstance(other, Tensor):
        _broadcastable(input, other)
        dt = _api.result_type(input, other)
        a, b = _api._cast(input, dt), _api._cast(other, dt)
        if dt.kind in "iub" and (b._data == 0).any():
            raise RuntimeError("ZeroDivisionError")
        return M2.FmodBackward1.apply(a, b)
    if isinstance(other, bool) or not isinstance(other, numbers.Real):
        raise TypeError(
            "fmod() received an invalid combination of arguments - got (Tensor, "
            f"{_tn(other)}), but expected one of:\n"
            " * (Tensor input, Tensor other, *, Tensor out = None)\n"
            " * (Tensor input, Number other, *, Tensor out = None)\n"
        )
    dt = _api.result_type(input, other)
    if dt.kind in "iub" and other == 0:
        raise RuntimeError("ZeroDivisionError")
    return M2.FmodBackward0.apply(_api._cast(input, dt), other=other)


asinh = _unary(M2.AsinhBackward0, "asinh")
acosh = _unary(M2.AcoshBackward0, "acosh")
atanh = _unary(M2.AtanhBackward0, "atanh")
arcsinh = _unary(M2.AsinhBackward0, "arcsinh")
arccosh = _unary(M2.AcoshBackward0, "arccosh")
arctanh = _unary(M2.AtanhBackward0, "arctanh")
deg2rad = _unary(M2.Deg2RadBackward0, "deg2rad")
rad2deg = _unary(M2.Rad2DegBackward0, "rad2deg")


def sgn(input):
    """``torch.sgn``: the sign (``SgnBackward0``; for real tensors the same as ``sign``)."""
    _check_tensor(input, "sgn")
    return M2.SgnBackward0.apply(input)


def signbit(input):
    """``torch.signbit``: True where the sign bit is set (also ``-0.0``); bool, no grad."""
    _check_tensor(input, "signbit")
    return Tensor._make(np.signbit(input._data))


def heaviside(input, values):
    """``torch.heaviside(x, values)``: 0 below 0, ``values`` at 0, 1 above; its node is
    PyTorch's ``NotImplemented`` (backward raises)."""
    _check_tensor(input, "heaviside")
    if not isinstance(values, Tensor):
        raise TypeError(
            f"heaviside(): argument 'values' (position 2) must be Tensor, not {_tn(values)}"
        )
    if input._data.dtype != values._data.dtype:
        raise RuntimeError("heaviside is not yet implemented for tensors with different dtypes.")
    operands = (input, values)
    if not _GRAD.enabled or not any(t.requires_grad for t in operands):
        return Tensor._make(_heaviside(input._data, values._data))
    grads = [t for t in operands if t.requires_grad]
    layout = tuple(None if t.requires_grad else t._data for t in operands)
    return M2.not_implemented_node("heaviside").apply(*grads, fn=_heaviside, layout=layout)


def _heaviside(a, v):
    with np.errstate(invalid="ignore"):
        out = np.where(a == 0, v, (a > 0).astype(a.dtype))
    return np.asarray(out, dtype=a.dtype)


def float_power(input, exponent):
    """``torch.float_power``: ``pow`` in float64 (the operands cast first:
    ``ToCopyBackward0`` then ``PowBackward0/1/2``)."""
    if isinstance(input, Tensor):
        base = _double(input)
        if isinstance(exponent, Tensor):
            return _api.pow(base, _double(exponent))
        if isinstance(exponent, bool) or not isinstance(exponent, numbers.Number):
            raise TypeError(
                "float_power() received an invalid combination of arguments - got (Tensor, "
                f"{_tn(exponent)}), but expected one of:\n"
                " * (Tensor input, Tensor exponent, *, Tensor out = None)\n"
                " * (Number self, Tensor exponent, *, Tensor out = None)\n"
                " * (Tensor input, Number exponent, *, Tensor out = None)\n"
            )
        return _api.pow(base, float(exponent))
    if not isinstance(exponent, Tensor) or not isinstance(input, numbers.Number):
        raise TypeError(
            "float_power() received an invalid combination of arguments - got "
            f"({_tn(input)}, {_tn(exponent)}), but expected one of:\n"
            " * (Tensor input, Tensor exponent, *, Tensor out = None)\n"
            " * (Number self, Tensor exponent, *, Tensor out = None)\n"
            " * (Tensor input, Number exponent, *, Tensor out = None)\n"
        )
    return _api.pow(float(input), _double(exponent))


def _double(t):
    """``t`` in float64 (``ToCopyBackward0`` when it is converted, as PyTorch's ``to``)."""
    return t if t._data.dtype == np.float64 else t.double()


def copysign(input, other):
    """``torch.copysign(a, b)``: |a| with b's sign (``CopysignBackward0`` / ``...1`` for
    a number ``b``); integers give the default float dtype."""
    _check_tensor(input, "copysign")
    if isinstance(other, Tensor):
        _broadcastable(input, other)
        dt = _api.result_type(input, other)
        if dt.kind not in "fc":
            dt = np.dtype(DEFAULT_FLOAT[0])
        return M2.CopysignBackward0.apply(_api._cast(input, dt), _api._cast(other, dt))
    if isinstance(other, bool) or not isinstance(other, numbers.Real):
        raise TypeError(
            "copysign() received an invalid combination of arguments - got (Tensor, "
            f"{_tn(other)}), but expected one of:\n"
            " * (Tensor input, Tensor other, *, Tensor out = None)\n"
            " * (Tensor input, Number other, *, Tensor out = None)\n"
        )
    dt = _api.result_type(input, other)
    if dt.kind not in "fc":
        dt = np.dtype(DEFAULT_FLOAT[0])
    return M2.CopysignBackward1.apply(_api._cast(input, dt), other=float(other))


def nextafter(input, other):
    """``torch.nextafter(a, b)``: the next float after ``a`` towards ``b``."""
    _check_tensor(input, "nextafter")
    _other_tensor("nextafter", other)
    _broadcastable(input, other)
    dt = _api.result_type(input, other)
    if dt.kind != "f":
        raise NotImplementedError(
            f"\"nextafter_cpu\" not implemented for '{_scalar_type_name(dt)}'"
        )
    return M2.NextafterBackward0.apply(_api._cast(input, dt), _api._cast(other, dt))


def ldexp(input, other):
    """``torch.ldexp(a, e)``: a·2ᵉ (``LdexpBackward0``; integers give floats)."""
    _check_tensor(input, "ldexp")
    _other_tensor("ldexp", other)
    _broadcastable(input, other)
    dt = _api.result_type(input, other)
    if dt.kind not in "fc":
        dt = np.dtype(DEFAULT_FLOAT[0])
    return M2.LdexpBackward0.apply(_api._cast(input, dt), _api._cast(other, dt))


def frexp(input):
    """``torch.frexp(x)``: mantissa in [0.5, 1) and int32 exponent (no gradient)."""
    _check_tensor(input, "frexp")
    a = input._data
    if a.dtype.kind != "f":
        raise RuntimeError("torch.frexp() only supports floating-point dtypes")
    m, e = np.frexp(a)
    return _return_types.get("frexp")(
        Tensor._make(np.asarray(m)), Tensor._make(np.asarray(e, dtype=np.int32))
    )


def xlogy(input, other):
    """``torch.xlogy``: the two-tensor form is ``XlogyBackward0`` (engine/api_more.py);
    a number ``input`` gives ``XlogyBackward1``, a number ``other`` ``XlogyBackward2``
    (one slot each, as PyTorch)."""
    ti, to = isinstance(input, Tensor), isinstance(other, Tensor)
    if not ti and not to:
        raise TypeError(
            f"xlogy() received an invalid combination of arguments - got ({_tn(input)}, "
            f"{_tn(other)}), but expected one of:\n" + _XLOG1PY_SIGS
        )
    if ti == to or not isinstance(other if ti else input, numbers.Real):
        return _more.xlogy(input, other)
    t, num = (input, other) if ti else (other, input)
    dt = _api.result_type(t, num)
    if dt.kind not in "fc":
        dt = np.dtype(DEFAULT_FLOAT[0])
    t = _api._cast(t, dt)
    if ti:
        return M2.XlogyBackward2.apply(t, other=float(num))
    return M2.XlogyBackward1.apply(t, self=float(num))


def _xlogy_method(self, other):
    return xlogy(self, other)


def _inplace_binary(name, fn, float_only):
    """``t.<name>_(other)``: PyTorch's in-place checks for the second operand (its cast
    to ``t``'s dtype, its broadcast to ``t``'s shape), then the op written into ``t``."""

    def m(self, other):
        return _api.inplace(
            self, name + "_", lambda old: fn(old, other), other=other, float_only=float_only
        )

    m.__name__ = m.__qualname__ = name + "_"
    m.__doc__ = f"In-place ``{name}`` (``t.{name}_(other)``)."
    return m


def _float_power_(self, exponent):
    if self._data.dtype != np.float64:
        raise RuntimeError(
            f"the base given to float_power_ has dtype {_scalar_type_name(self._data.dtype)} "
            "but the operation's result requires dtype Double"
        )
    return _api.inplace(self, "float_power_", lambda old: float_power(old, exponent))


def _heaviside_(self, values):
    return _api.inplace(self, "heaviside_", lambda old: heaviside(old, values))


def _sgn_(self):
    return _api.inplace(self, "sgn_", sgn)


_asinh_ = _unary(M2.AsinhBackward1, "asinh")
_acosh_ = _unary(M2.AcoshBackward1, "acosh")
_atanh_ = _unary(M2.AtanhBackward1, "atanh")
for _name, _fn, _ifn in (
    ("asinh", asinh, _asinh_),
    ("acosh", acosh, _acosh_),
    ("atanh", atanh, _atanh_),
    ("arcsinh", asinh, _asinh_),
    ("arccosh", acosh, _acosh_),
    ("arctanh", atanh, _atanh_),
    ("deg2rad", deg2rad, deg2rad),
    ("rad2deg", rad2deg, rad2deg),
):
    setattr(Tensor, _name, _method(_fn, _name))
    setattr(Tensor, _name + "_", _inplace(_name, _ifn))
for _name, _fn, _float in (
    ("hypot", hypot, False),  # (an integer t: hypot's own "not implemented" error)
    ("fmod", fmod, False),
    ("copysign", copysign, True),
    ("nextafter", nextafter, True),
    ("ldexp", ldexp, True),
    ("xlogy", xlogy, True),
):
    setattr(Tensor, _name, _method(_fn, _name))
    setattr(Tensor, _name + "_", _inplace_binary(_name, _fn, _float))
for _name, _fn in (
    ("logaddexp", logaddexp),
    ("logaddexp2", logaddexp2),
    ("signbit", signbit),
    ("frexp", frexp),
    ("heaviside", heaviside),
    ("float_power", float_power),
    ("sgn", sgn),  # (was an alias of sign: PyTorch's node is SgnBackward0)
):
    setattr(Tensor, _name, _method(_fn, _name))
Tensor.float_power_ = _float_power_
del _ifn
Tensor.heaviside_ = _heaviside_
Tensor.sgn_ = _sgn_
del _name, _fn, _float


def _torch_inplace(name):
    def fn(input, *args):
        _check_tensor(input, name)
        return getattr(Tensor, name)(input, *args)

    fn.__name__ = fn.__qualname__ = name
    fn.__doc__ = f"``torch.{name}(t, ...)``: ``t.{name}(...)``."
    return fn


asinh_ = _torch_inplace("asinh_")
acosh_ = _torch_inplace("acosh_")
atanh_ = _torch_inplace("atanh_")
arcsinh_ = _torch_inplace("arcsinh_")
arccosh_ = _torch_inplace("arccosh_")
arctanh_ = _torch_inplace("arctanh_")
deg2rad_ = _torch_inplace("deg2rad_")
rad2deg_ = _torch_inplace("rad2deg_")
ldexp_ = _torch_inplace("ldexp_")
xlogy_ = _torch_inplace("xlogy_")

for _cls, _attrs in (
    (M2.LogaddexpBackward0, {"_saved_self": _T(0), "_saved_other": _T(1)}),
    (M2.Logaddexp2Backward0, {"_saved_self": _T(0), "_saved_other": _T(1)}),
    (M2.HypotBackward0, {"_saved_self": _T(0), "_saved_other": _T(1), "_saved_result": _T(2)}),
    (M2.FmodBackward1, {"_saved_self": _T(0), "_saved_other": _T(1)}),
    (M2.AsinhBackward0, _SELF0),
    (M2.AcoshBackward0, _SELF0),
    (M2.AtanhBackward0, _SELF0),
    (M2.CopysignBackward0, {"_saved_self": _T(0), "_saved_result": _T(1)}),
    (M2.CopysignBackward1, {"_saved_self": _T(0), "_saved_result": _T(1)}),
    (M2.LdexpBackward0, {"_saved_self": _T(0), "_saved_other": _T(1)}),
    (M2.XlogyBackward1, {"_saved_other": _T(0), "_saved_self": _ctx_attr("x")}),
    (M2.XlogyBackward2, {"_saved_self": _T(0), "_saved_other": _ctx_attr("y")}),
):
    for _k, _v in _attrs.items():
        if _k not in _cls.__dict__:
            setattr(_cls, _k, _v)
del _cls, _attrs, _k, _v
