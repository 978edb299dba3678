"""``torch.special``: the special functions under PyTorch's names (aliases of the torch
functions where PyTorch's are: ``expit`` is ``sigmoid``, ``gammaln`` is ``lgamma``,
``psi`` is ``digamma``...; engine/api_math2.py, engine/ops/special.py)."""

from __future__ import annotations

from .engine import api as _api
from .engine import api_extra as _extra
from .engine import api_math2 as _m
from .engine import api_more as _more
from .engine.api_extra import _named
from .engine.api_igamma import gammainc, gammaincc


def _alias(fn, name):
    """``fn`` as ``torch.special.<name>``: PyTorch's messages say ``special_<name>()``."""
    return _named(fn, "special_" + name)


erf = _alias(_extra.erf, "erf")
erfc = _alias(_m.erfc, "erfc")
erfinv = _alias(_m.erfinv, "erfinv")
expit = _alias(_api.sigmoid, "expit")
logit = _alias(_m.logit, "logit")
gammaln = _alias(_m.lgamma, "gammaln")
digamma = _alias(_m.digamma, "digamma")
psi = _alias(_m.digamma, "psi")
exp2 = _alias(_extra.exp2, "exp2")
expm1 = _alias(_extra.expm1, "expm1")
log1p = _alias(_extra.log1p, "log1p")
sinc = _alias(_m.sinc, "sinc")
i0 = _alias(_m.i0, "i0")
i1 = _m.special_i1
entr = _m.special_entr
ndtr = _m.special_ndtr
ndtri = _m.special_ndtri
log_ndtr = _m.special_log_ndtr
round = _m.special_round
xlog1py = _m.special_xlog1py
xlogy = _m.xlogy


def polygamma(n, input):
    return _m.polygamma(n, input)


_NO_DIM = object()


def _need_dim(name, input, dim):
    _api._check_tensor(input, name)
    if dim is _NO_DIM:
        raise TypeError(f'{name}() missing 1 required positional arguments: "dim"')


def softmax(input, dim=_NO_DIM, *, dtype=None):
    _need_dim("special_softmax", input, dim)
    return _extra.softmax(input, dim, dtype=dtype)


def log_softmax(input, dim=_NO_DIM, *, dtype=None):
    _need_dim("special_log_softmax", input, dim)
    return _extra.log_softmax(input, dim, dtype=dtype)


def logsumexp(input, dim=_NO_DIM, keepdim=False):
    _need_dim("special_logsumexp", input, dim)
    return _more.logsumexp(input, dim, keepdim)


__all__ = [
    "digamma",
    "entr",
    "erf",
    "erfc",
    "erfinv",
    "exp2",
    "expit",
    "expm1",
    "gammainc",
    "gammaincc",
    "gammaln",
    "i0",
    "i1",
    "log1p",
    "log_ndtr",
    "log_softmax",
    "logit",
    "logsumexp",
    "ndtr",
    "ndtri",
    "polygamma",
    "psi",
    "round",
    "sinc",
    "softmax",
    "xlog1py",
    "xlogy",
]


# (a missing name fails as in PyTorch: "module 'torch.special' has no attribute ...")
from ._torch_alias import missing_attribute as _missing_attribute  # noqa: E402

__getattr__ = _missing_attribute("torch.special")
