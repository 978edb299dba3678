"""Statistics and numerics teaching code calls (issue 13): ``quantile`` / ``nanquantile``,
``cov`` / ``corrcoef``, ``histogram``, ``trapezoid`` / ``trapz`` /
``cumulative_trapezoid``, ``gradient``, ``vander`` (and ``linalg.vander``), the window
functions.  Each is composed from the engine's ops the way ATen composes it (so the
nodes are PyTorch's: ``quantile`` is a sort, two gathers and an in-place ``lerp_``,
``cov`` an ``mm`` over centred observations...)."""

from __future__ import annotations

import math
import numbers
import warnings

import numpy as np

from . import api as _api
from .api import _check_tensor
from .ops.arithmetic import MulBackward1
from .ops.extra import DivBackward1
from .tensor import Tensor, _wrap_dim


def _dtype_name(dt):
    from .api_scatter import _scalar_name

    return _scalar_name(dt)


def _const(a):
    return Tensor._make(np.asarray(a))


# ---------------------------------------------------------------------- quantile

_MODES = ("linear", "lower", "higher", "midpoint", "nearest")


def _quantile(input, q, dim, keepdim, interpolation, fn, ignore_nan):
    _check_tensor(input, fn)
    a = input._data
    if a.size == 0:
        raise RuntimeError(f"{fn}() input tensor must be non-empty")
    if a.dtype not in (np.float32, np.float64):
        raise RuntimeError(f"{fn}() input tensor must be either float or double dtype")
    if interpolation not in _MODES:
        raise RuntimeError(
            f"{fn}() interpolation must be one of linear, lower, higher, midpoint or nearest, "
            f"but got {interpolation}"
        )
    if isinstance(q, Tensor):
        if q.ndim > 1:
            raise RuntimeError(f"{fn}() q must be a scalar or 1D tensor")
        if q._data.dtype != a.dtype:
            raise RuntimeError(f"{fn}() q tensor must be same dtype as the input tensor")
        qa = q._data
        if qa.size and ((qa < 0).any() or (qa > 1).any()):
            raise RuntimeError(f"{fn}() q values must be in the range [0, 1]")
        q_scalar = q.ndim == 0
    else:
        if not isinstance(q, numbers.Number):
            raise TypeError(f"{fn}(): argument 'q' must be float, not {type(q).__name__}")
        if not 0 <= q <= 1:
            raise RuntimeError(f"{fn}() q must be in the range [0, 1] but got {q:g}")
        qa = np.asarray(q, dtype=a.dtype)
        q_scalar = True
    nd = a.ndim
    if dim is not None:
        d = _wrap_dim(dim, max(nd, 1))
    # the output shape (ATen's quantile_output_shape)
    if dim is None:
        out_shape = [1] * nd if keepdim else []
    else:
        out_shape = list(a.shape)
        if nd == 0:
            out_shape = [1] if keepdim else []
        elif keepdim:
            out_shape[d] = 1
        else:
            del out_shape[d]
    if not q_scalar:
        out_shape.insert(0, qa.size)
    # sort: flattened, the last dim, or ``dim`` moved last
    if dim is None:
        sorted_ = input.flatten().sort()[0]
    elif nd == 0 or d == nd - 1:
        sorted_ = input.sort()[0]
    else:
        sorted_ = input.unsqueeze(-1).transpose(d, -1).sort()[0]
    q1 = qa.reshape(-1)
    in_shape = (list(out_shape) if q_scalar else list(out_shape[1:])) + [sorted_.shape[-1]]
    sorted_ = sorted_.view(*in_shape)
    s = sorted_._data
    last = s.shape[-1] - 1
    qv = q1.reshape((1,) * (s.ndim - 1) + (q1.size,)).astype(a.dtype)
    if ignore_nan:
        count = (~np.isnan(s)).sum(-1, keepdims=True) - 1
        ranks = (qv * count).astype(a.dtype)
        ranks = np.where(ranks < 0, np.zeros((), a.dtype), ranks)
    else:
        ranks = (qv * a.dtype.type(last)).astype(a.dtype)
        ranks = np.where(np.isnan(s).any(-1, keepdims=True), a.dtype.type(last), ranks)
    ranks = np.broadcast_to(ranks, (*s.shape[:-1], q1.size)).astype(a.dtype)
    if interpolation == "lower":
        ranks = np.floor(ranks)
    elif interpolation == "higher":
        ranks = np.ceil(ranks)
    elif interpolation == "nearest":
        ranks = np.round(ranks)
    below = ranks.astype(np.int64)
    values = sorted_.gather(-1, _const(below))
    if interpolation in ("linear", "midpoint"):
        if interpolation == "midpoint":
            weights = np.where(np.isnan(ranks), 0, np.full_like(ranks, 0.5)).astype(a.dtype)
        else:
            weights = (ranks - below).astype(a.dtype)
        above = np.ceil(ranks).astype(np.int64)
        values_above = sorted_.gather(-1, _const(above))
        values.lerp_(values_above, _const(weights))
    if q_scalar:
        values.squeeze_(-1)
    else:
        values.unsqueeze_(0).transpose_(0, -1).squeeze_(-1)
    return values


def quantile(input, q, dim=None, keepdim=False, *, interpolation="linear", out=None):
    """The ``q``-th quantiles (of everything, or along ``dim``), interpolated as told."""
    return _quantile(input, q, dim, keepdim, interpolation, "quantile", False)


def nanquantile(input, q, dim=None, keepdim=False, *, interpolation="linear", out=None):
    """``quantile`` ignoring nan (all nan: nan)."""
    return _quantile(input, q, dim, keepdim, interpolation, "nanquantile", True)


# ---------------------------------------------------------------------- cov / corrcoef


def cov(input, *, correction=1, fweights=None, aweights=None):
    """The covariance of the rows (variables) over the columns (observations)."""
    _check_tensor(input, "cov")
    a = input._data
    if a.ndim > 2:
        raise RuntimeError(
            "cov(): expected input to have two or fewer dimensions but got an input with "
            f"{a.ndim} dimensions"
        )
    if a.dtype == np.bool_:
        raise RuntimeError("cov(): bool dtype is not supported for input")
    x = input.view(1, -1) if a.ndim < 2 else input
    n_obs = x.shape[1]
    w = None
    if fweights is not None:
        if fweights.ndim > 1:
            raise RuntimeError(
                f"cov(): expected fweights to have one or fewer dimensions but got fweights "
                f"with {fweights.ndim} dimensions"
            )
        if fweights._data.dtype.kind not in "iu":
            raise RuntimeError(
                "cov(): expected fweights to have integral dtype but got fweights with "
                f"{_dtype_name(fweights._data.dtype)} dtype"
            )
        w = fweights
    if aweights is not None:
        if aweights.ndim > 1:
            raise RuntimeError(
                f"cov(): expected aweights to have one or fewer dimensions but got aweights "
                f"with {aweights.ndim} dimensions"
            )
        if aweights._data.dtype.kind != "f":
            raise RuntimeError(
                "cov(): expected aweights to have floating point dtype but got aweights with "
                f"{_dtype_name(aweights._data.dtype)} dtype"
            )
        w = aweights if w is None else w * aweights
    w_sum = w.sum() if w is not None else _const(np.asarray(n_obs, dtype=np.int64))
    if w is not None and not bool(w_sum._data != 0):
        raise RuntimeError("cov(): weights sum to zero, can't be normalized")
    avg = (x * w if w is not None else x).sum(1) / w_sum
    if w is not None and correction != 0:
        if aweights is None:
            norm = w_sum - correction
        else:
            norm = w_sum - correction * (w * aweights).sum() / w_sum
    else:
        norm = w_sum - correction
    if bool(norm._data <= 0):
        warnings.warn(
            "cov(): degrees of freedom is <= 0. Correction should be strictly less than the "
            "number of observations.",
            UserWarning,
            stacklevel=2,
        )
        norm = _const(np.zeros((), dtype=norm._data.dtype))
    x = x - avg.unsqueeze(1)
    c = _api.mm(x, (x * w if w is not None else x).t())
    return _api.div(c, norm).squeeze()


def corrcoef(input):
    """Pearson's correlation coefficients of the rows (clipped to [-1, 1])."""
    _check_tensor(input, "corrcoef")
    if input._data.ndim > 2:
        raise RuntimeError(
            "corrcoef(): expected input to have two or fewer dimensions but got an input with "
            f"{input._data.ndim} dimensions"
        )
    c = cov(input)
    if c.ndim == 0:
        return c / c
    d = c.diagonal()
    std = _api.sqrt(d)
    c = c / std.view(-1, 1)
    c = c / std.view(1, -1)
    return _api.clip(c, -1, 1)


# ---------------------------------------------------------------------- histogram


def histogram(input, bins, *, range=None, weight=None, density=False, out=None):
    """``(hist, bin_edges)``: counts (or weights) in ``bins`` equal bins over ``range``
    (default the data's min..max), or in the bins a tensor of edges gives."""
    from .creation import linspace
    from .return_types import get as _rt

    _check_tensor(input, "histogram")
    a = input._data
    if a.dtype.kind != "f":
        raise NotImplementedError(f"\"histogramdd\" not implemented for '{_dtype_name(a.dtype)}'")
    if isinstance(bins, Tensor):
        edges = bins
        if edges._data.dtype != a.dtype:
            raise RuntimeError(
                "torch.histogramdd: input tensor and bins tensors should have the same dtype, "
                f"but got input {a.dtype.name} and bins {edges._data.dtype.name}"
            )
    else:
        n = int(bins)
        if n <= 0:
            raise RuntimeError(f"torch.histogram(): bins must be > 0, but got {n} for dimension 0")
        if range is not None:
            lo, hi = float(range[0]), float(range[1])
        elif a.size:
            lo, hi = float(a.min()), float(a.max())
        else:
            lo, hi = 0.0, 0.0
        if lo > hi:
            raise RuntimeError(
                f"torch.histogramdd: min should not exceed max, but got min {lo:g} max {hi:g} "
                "for dimension 0"
            )
        if not (math.isfinite(lo) and math.isfinite(hi)):
            raise RuntimeError(
                f"torch.histogramdd: dimension 0's range [{lo:g}, {hi:g}] is not finite"
            )
        if lo == hi:
            lo, hi = lo - 0.5, hi + 0.5
        edges = linspace(lo, hi, n + 1, dtype=_api.from_numpy_dtype(a.dtype))
    e = edges._data
    data = a.reshape(-1)
    wts = None if weight is None else weight._data.reshape(-1)
    hist, _ = np.histogram(data, bins=e.astype(np.float64), weights=wts)
    hist = hist.astype(a.dtype)
    if density:
        widths = np.diff(e)
        total = hist.sum()
        hist = (hist / (total * widths)).astype(a.dtype)
    return _rt("histogram")(Tensor._make(hist), Tensor._make(np.array(e)))


# ---------------------------------------------------------------------- trapezoid


def _trap_checks(y, dim, name="trapezoid"):
    _check_tensor(y, name, "y")
    if y._data.dtype == np.bool_:
        raise RuntimeError("trapezoid: received a bool input for `y`, but bool is not supported")
    return _wrap_dim(dim, max(y.ndim, 1))


def _zeros_except(y, d):
    shape = tuple(n for i, n in enumerate(y.shape) if i != d)
    return Tensor._make(np.zeros(shape, dtype=y._data.dtype))


def _x_viewed(y, x, d):
    if x._data.dtype == np.bool_:
        raise RuntimeError("trapezoid: received a bool input for `x`, but bool is not supported")
    if x.ndim == 1:
        if x.shape[0] != y.shape[d]:
            raise RuntimeError("trapezoid: There must be one `x` value for each sample point")
        shape = [1] * y.ndim
        shape[d] = x.shape[0]
        return x.view(*shape)
    if x.ndim < y.ndim:
        return x.view(*([1] * (y.ndim - x.ndim) + list(x.shape)))
    return x


def _slice(t, d, start, end=None):
    key = (slice(None),) * d + (slice(start, end),)
    return t[key]


def trapezoid(y, x=None, *, dx=None, dim=-1):
    """The trapezoid rule along ``dim`` (spacing ``dx``, default 1, or sample points ``x``)."""
    d = _trap_checks(y, dim)
    if isinstance(x, Tensor):
        if y.shape[d] == 0:
            return _zeros_except(y, d)
        xv = _x_viewed(y, x, d)
        dxt = _slice(xv, d, 1) - _slice(xv, d, 0, -1)
        left, right = _slice(y, d, 0, -1), _slice(y, d, 1)
        return DivBackward1.apply(((left + right) * dxt).sum(d), other=2.0)
    step = 1.0 if dx is None else dx
    if x is not None:
        step = x
    if isinstance(step, bool | complex):
        raise RuntimeError("trapezoid: Currently, we only support dx as a real number.")
    if y.shape[d] == 0:
        return _zeros_except(y, d)
    ends = MulBackward1.apply(y.select(d, 0) + y.select(d, -1), other=0.5)
    return MulBackward1.apply(y.sum(d) - ends, other=float(step))


def trapz(y, x=None, *, dx=None, dim=-1):
    """``torch.trapz``: ``trapezoid``'s older name."""
    return trapezoid(y, x, dx=dx, dim=dim)


def cumulative_trapezoid(y, x=None, *, dx=None, dim=-1):
    """The running trapezoid-rule integral along ``dim``."""
    from .api_more import cumsum

    d = _trap_checks(y, dim, "cumulative_trapezoid")
    left, right = _slice(y, d, 0, -1), _slice(y, d, 1)
    if isinstance(x, Tensor):
        xv = _x_viewed(y, x, d)
        dxt = _slice(xv, d, 1) - _slice(xv, d, 0, -1)
        return DivBackward1.apply(cumsum((left + right) * dxt, d), other=2.0)
    step = 1.0 if dx is None else float(dx)
    if x is not None:
        step = float(x)
    return cumsum(MulBackward1.apply(left + right, other=step / 2.0), d)


# ---------------------------------------------------------------------- gradient


def gradient(input, *, spacing=1, dim=None, edge_order=1):
    """Central differences inside, one-sided at the ends (``edge_order`` 1 or 2): one
    tensor per differentiated dim."""
    _check_tensor(input, "gradient")
    if edge_order not in (1, 2):
        raise RuntimeError("torch.gradient only supports edge_order=1 and edge_order=2.")
    nd = input.ndim
    if dim is None:
        dims = list(range(nd))
    elif isinstance(dim, int):
        dims = [_wrap_dim(dim, nd)]
    else:
        dims = [_wrap_dim(k, nd) for k in dim]
    for k in dims:
        if input.shape[k] < edge_order + 1:
            raise RuntimeError(
                "torch.gradient expected each dimension size to be at least edge_order+1"
            )
    if isinstance(spacing, tuple | list):
        spacings = list(spacing)
        if len(spacings) != len(dims):
            raise RuntimeError(
                "torch.gradient expected spacing to be unspecified, a scalar, or a list of "
                f"length equal to 'self.dim() = {nd}', since dim argument was not given, but "
                f"got a list of length {len(spacings)}"
            )
    else:
        spacings = [spacing] * len(dims)
    out = []
    for k, h in zip(dims, spacings, strict=True):
        if isinstance(h, Tensor):
            out.append(_gradient_coords(input, h, k, edge_order))
            continue
        h = float(h)

        def div(t, h=h):
            return DivBackward1.apply(t, other=h)

        center = div(_slice(input, k, 2) - _slice(input, k, 0, -2))
        if edge_order == 1:
            pre = div(_slice(input, k, 1, 2) - _slice(input, k, 0, 1))
            app = div(_slice(input, k, -1) - _slice(input, k, -2, -1))
        else:
            pre = div(
                MulBackward1.apply(_slice(input, k, 0, 1), other=-1.5)
                + MulBackward1.apply(_slice(input, k, 1, 2), other=2.0)
                - MulBackward1.apply(_slice(input, k, 2, 3), other=0.5)
            )
            app = div(
                MulBackward1.apply(_slice(input, k, -3, -2), other=0.5)
                - MulBackward1.apply(_slice(input, k, -2, -1), other=2.0)
                + MulBackward1.apply(_slice(input, k, -1), other=1.5)
            )
        out.append(_api.cat([pre, DivBackward1.apply(center, other=2.0), app], k))
    return tuple(out)


def _gradient_coords(input, coords, k, edge_order):
    """``spacing`` given as the coordinates along ``k`` (ATen's non-uniform formula)."""
    shape = [1] * input.ndim
    shape[k] = -1
    c = coords.view(*shape)
    ax_dx = _slice(c, k, 1) - _slice(c, k, 0, -1)
    dx1 = _slice(ax_dx, k, 0, -1)
    dx2 = _slice(ax_dx, k, 1)
    a = (-dx2 / (dx1 * (dx1 + dx2))).view(*shape)
    b = ((dx2 - dx1) / (dx1 * dx2)).view(*shape)
    cc = (dx1 / (dx2 * (dx1 + dx2))).view(*shape)
    center = a * _slice(input, k, 0, -2) + b * _slice(input, k, 1, -1) + cc * _slice(input, k, 2)
    if edge_order == 1:
        pre = (_slice(input, k, 1, 2) - _slice(input, k, 0, 1)) / _slice(ax_dx, k, 0, 1)
        app = (_slice(input, k, -1) - _slice(input, k, -2, -1)) / _slice(ax_dx, k, -1)
    else:
        raise RuntimeError("torch.gradient: edge_order=2 with coordinates is not supported here")
    return _api.cat([pre, center, app], k)


# ---------------------------------------------------------------------- vander


def vander(x, N=None, increasing=False):
    """Columns of powers of ``x`` (decreasing unless ``increasing``)."""
    from .api_scatter import cumprod

    _check_tensor(x, "vander", "x")
    if x.ndim != 1:
        raise RuntimeError("x must be a one-dimensional tensor.")
    n = x.shape[0] if N is None else int(N)
    if n < 0:
        raise RuntimeError("N must be non-negative.")
    dt = np.dtype(np.int64) if x._data.dtype.kind in "biu" else x._data.dtype
    result = Tensor._make(np.empty((x.shape[0], n), dtype=dt))
    if n > 0:
        result.fill_(1)
        if n > 1:
            result[:, 1:] = x.unsqueeze(1)
            result[:, 1:] = cumprod(result[:, 1:], 1)
    if not increasing:
        return result.flip(1)
    return result


def linalg_vander(x, *, N=None):
    """``torch.linalg.vander``: increasing powers along a new last dim."""
    from .api_scatter import cumprod

    _check_tensor(x, "linalg_vander", "x")
    k = x._data.dtype.kind
    if k not in "fciu" or x._data.dtype in (np.float16,):
        raise RuntimeError(
            "linalg.vander supports floating point, complex, and integer tensors, but got "
            f"{_dtype_name(x._data.dtype)}"
        )
    x_ = x.unsqueeze(-1) if x.ndim == 0 else x
    shape = list(x_.shape)
    n = shape[-1] if N is None else int(N)
    if n <= 1:
        raise RuntimeError("N must be greater than 1.")
    shape.append(n - 1)
    result = cumprod(x_.unsqueeze(-1).expand(*shape), -1)
    shape[-1] = 1
    ones = Tensor._make(np.ones(shape, dtype=result._data.dtype))
    return _api.cat([ones, result], -1)


# ---------------------------------------------------------------------- windows


def _window_args(name, window_length, dtype):
    from .device import DEFAULT_FLOAT

    if not isinstance(window_length, numbers.Integral) or isinstance(window_length, bool):
        raise TypeError(
            f"{name}(): argument 'window_length' (position 1) must be int, not "
            f"{type(window_length).__name__}"
        )
    if window_length < 0:
        raise RuntimeError(
            f"{name} requires non-negative window_length, got window_length={window_length}"
        )
    npd = DEFAULT_FLOAT[0] if dtype is None else _api.to_numpy_dtype(dtype)
    if np.dtype(npd).kind != "f":
        word = {"int64": "long int", "int32": "int", "bool": "bool"}.get(
            np.dtype(npd).name, np.dtype(npd).name
        )
        raise RuntimeError(
            f"{name} expects floating point dtypes, got: TensorOptions(dtype={word}, device=cpu, "
            "layout=Strided (default), requires_grad=false (default), pinned_memory=false, "
            "memory_format=(nullopt))"
        )
    return np.dtype(npd)


def _cos32(a, dt):
    return np.cos(a.astype(np.float64)).astype(dt)


def _finish(w, periodic, requires_grad):
    if periodic:
        w = w[:-1]
    t = Tensor._make(np.ascontiguousarray(w))
    if requires_grad:
        t.requires_grad_(True)
    return t


def _window(name, window_length, periodic, dtype, requires_grad, values):
    """The window ``name``: ``values(n, dt)``, its ``n`` points (``periodic``: one point
    more, dropped at the end); lengths 0 and 1 as PyTorch gives them (empty, ``[1]``)."""
    dt = _window_args(name, window_length, dtype)
    if window_length == 0:
        return _finish(np.zeros(1, dt), True, requires_grad)
    if window_length == 1:
        return _finish(np.ones(2, dt), True, requires_grad)
    n = window_length + 1 if periodic else window_length
    return _finish(values(n, dt).astype(dt), periodic, requires_grad)


def hamming_window(
    window_length,
    periodic=True,
    alpha=0.54,
    beta=0.46,
    *,
    dtype=None,
    layout=None,
    device=None,
    requires_grad=False,
    pin_memory=False,
):
    """``alpha − beta·cos(2πn/(N−1))`` (``periodic``: one longer, the last value dropped)."""

    def values(n, dt):
        a = np.arange(n, dtype=dt) * dt.type(2.0 * math.pi / (n - 1))
        return _cos32(a, dt) * dt.type(-beta) + dt.type(alpha)

    return _window("hamming_window", window_length, periodic, dtype, requires_grad, values)


def hann_window(
    window_length,
    periodic=True,
    *,
    dtype=None,
    layout=None,
    device=None,
    requires_grad=False,
    pin_memory=False,
):
    """``0.5 − 0.5·cos(2πn/(N−1))``."""
    _window_args("hann_window", window_length, dtype)
    return hamming_window(
        window_length, periodic, 0.5, 0.5, dtype=dtype, requires_grad=requires_grad
    )


def blackman_window(
    window_length,
    periodic=True,
    *,
    dtype=None,
    layout=None,
    device=None,
    requires_grad=False,
    pin_memory=False,
):
    """``0.42 − 0.5·cos(2πn/(N−1)) + 0.08·cos(4πn/(N−1))``."""

    def values(n, dt):
        a = np.arange(n, dtype=dt) * dt.type(math.pi / (n - 1))
        w = _cos32(a * dt.type(4), dt) * dt.type(0.08) - _cos32(a * dt.type(2), dt) * dt.type(0.5)
        return w + dt.type(0.42)

    return _window("blackman_window", window_length, periodic, dtype, requires_grad, values)


def bartlett_window(
    window_length,
    periodic=True,
    *,
    dtype=None,
    layout=None,
    device=None,
    requires_grad=False,
    pin_memory=False,
):
    """The triangle ``1 − |2n/(N−1) − 1|``."""

    def values(n, dt):
        w = np.arange(n, dtype=dt) * dt.type(2.0 / (n - 1))
        first = ((n - 1) >> 1) + 1
        w[first:] = w[first:] * dt.type(-1) + dt.type(2)
        return w

    return _window("bartlett_window", window_length, periodic, dtype, requires_grad, values)


def kaiser_window(
    window_length,
    periodic=True,
    beta=12.0,
    *,
    dtype=None,
    layout=None,
    device=None,
    requires_grad=False,
    pin_memory=False,
):
    """``I0(β·√(1 − ((n − α)/α)²)) / I0(β)`` with ``α = (N − 1)/2``."""

    def values(n, dt):
        alpha = (n - 1) / 2.0
        k = np.arange(n, dtype=np.float64)
        return np.i0(beta * np.sqrt(np.abs(1 - ((k - alpha) / alpha) ** 2))) / np.i0(beta)

    return _window("kaiser_window", window_length, periodic, dtype, requires_grad, values)


__all_stats__ = [
    "bartlett_window",
    "blackman_window",
    "corrcoef",
    "cov",
    "cumulative_trapezoid",
    "gradient",
    "hamming_window",
    "hann_window",
    "histogram",
    "kaiser_window",
    "nanquantile",
    "quantile",
    "trapezoid",
    "trapz",
    "vander",
]


def _install():
    def method(fn, name):
        def m(self, *args, **kwargs):
            return fn(self, *args, **kwargs)

        m.__name__ = m.__qualname__ = name
        return m

    for name, fn in (
        ("quantile", quantile),
        ("nanquantile", nanquantile),
        ("cov", cov),
        ("corrcoef", corrcoef),
        ("histogram", histogram),
    ):
        if name not in Tensor.__dict__:
            setattr(Tensor, name, method(fn, name))


_install()
