"""Order-statistic reductions: ``median`` / ``nanmedian`` (of everything: the lower median,
one ``MedianBackward0`` / ``NanmedianBackward0`` sharing the gradient among the elements equal
to it; along a dim: ``torch.return_types.median`` values + indices, ``MedianBackward1`` /
``NanmedianBackward1``), ``kthvalue`` (``KthvalueBackward0``), ``mode`` (``ModeBackward0``),
``nansum`` (``NansumBackward0``) and ``nanmean`` (``nansum / count``: ``DivBackward0``), as
functions and Tensor methods, with PyTorch's argument checks and messages.

The index returned for a tie is PyTorch's: ``median`` along a dim picks by value then index
(a total order: numpy's stable sort answers); ``kthvalue`` and ``mode`` keep what ATen's
``quick_select_template`` and libstdc++'s ``std::sort`` leave, replayed by
``stl_order`` for the rows with ties (numpy answers the others)."""

from __future__ import annotations

import numbers

import numpy as np

from . import api as _api
from .derivatives import one_hot
from .function import Function, Local
from .functional_array import _is_array, expand_to, mask, unsqueeze_dims
from .ops.reduce import MaxBackward0
from .stl_order import nth_element, quick_select, std_sort
from .tensor import Tensor, _wrap_dim

__all__ = ["kthvalue", "median", "mode", "nanmean", "nanmedian", "nansum"]

_REQ = object()
_I64 = np.dtype(np.int64)


# ---------------------------------------------------------------------- arguments


def _bind(fn, params, args, kwargs, first):
    """PyTorch's argument parser for ``fn(params...)``: ``{name: (value, position)}``, the
    position (counted from ``first``) ``None`` for a keyword and ``0`` for a default."""
    kwargs = dict(kwargs)
    if first == 2 and kwargs.get("out", 0) is None:  # (the function's out=None default)
        del kwargs["out"]
    names = [p for p, _ in params]
    for alias, name in (("axis", "dim"), ("keepdims", "keepdim")):
        if alias in kwargs and name in names:
            if names.index(name) < len(args) or name in kwargs:
                raise TypeError(f"{fn}() got an unexpected keyword argument '{alias}'")
            kwargs[name] = kwargs.pop(alias)
    if len(args) > len(params):
        if fn in ("median", "nanmedian") and first == 1:  # the method's two overloads
            got = ", ".join(type(a).__name__ for a in args)
            raise TypeError(
                f"{fn}() received an invalid combination of arguments - got ({got}), but "
                "expected one of:\n * ()\n * (int dim, bool keepdim = False)\n"
            )
        lo = sum(1 for _, d in params if d is _REQ) + (fn in ("median", "nanmedian"))
        extra = first - 1  # the input, counted by the function form
        raise TypeError(
            f"{fn}() takes from {lo + extra} to {len(params) + extra} positional arguments "
            f"but {len(args) + extra} were given"
        )
    out = {}
    for i, (name, default) in enumerate(params):
        if i < len(args):
            out[name] = (args[i], first + i)
        elif name in kwargs:
            out[name] = (kwargs.pop(name), None)
        elif default is _REQ:
            raise TypeError(f'{fn}() missing 1 required positional arguments: "{name}"')
        else:
            out[name] = (default, 0)
    if kwargs:
        raise TypeError(f"{fn}() got an unexpected keyword argument '{next(iter(kwargs))}'")
    return out


def _where(pos):
    return f" (position {pos})" if pos else ""


def _tname(v):
    """A type as PyTorch's argument parser names it (``Tensor``, ``numpy.ndarray``)."""
    from .dtypes import dtype as _dtype_cls

    if isinstance(v, _dtype_cls):
        return "torch.dtype"
    return "Tensor" if isinstance(v, Tensor) else _api._pytype(v)


def _int(fn, name, v, pos):
    if isinstance(v, Tensor) and v._data.ndim == 0 and v._data.dtype.kind in "iu":
        return int(v._data)
    if isinstance(v, bool | np.bool_) or not isinstance(v, numbers.Integral):
        raise TypeError(f"{fn}(): argument '{name}'{_where(pos)} must be int, not {_tname(v)}")
    return int(v)


def _bool(fn, v, pos):
    if not isinstance(v, bool):
        raise TypeError(f"{fn}(): argument 'keepdim'{_where(pos)} must be bool, not {_tname(v)}")
    return v


def _dim_list(fn, v, pos, ndim):
    """A reduction's ``dim``: None, an int or a sequence of ints (every dim when empty)."""
    if v is None:
        return tuple(range(ndim))
    if isinstance(v, Tensor) and v._data.ndim == 0 and v._data.dtype.kind in "iu":
        v = int(v._data)
    if isinstance(v, numbers.Integral) and not isinstance(v, bool):
        v = (v,)
    if not isinstance(v, list | tuple) or not all(
        isinstance(d, numbers.Integral) and not isinstance(d, bool) for d in v
    ):
        raise TypeError(
            f"{fn}(): argument 'dim'{_where(pos)} must be tuple of ints, not {_tname(v)}"
        )
    return _api._dims(tuple(int(d) for d in v), ndim, fn)


def _type_name(dt):
    return _api._scalar_type_name(dt)


# ---------------------------------------------------------------------- nodes


class MedianBackward0(Function):
    """The (lower) median of all elements; the elements equal to it share the gradient
    (the NaNs, when the median is NaN), as PyTorch's ``evenly_distribute_backward``."""

    op, symbol = "median", "median"
    formula = "∂median(a)/∂aᵢ = [aᵢ = median]/#ties"
    local = (
        Local(
            (
                "1 where {0:r} equals its median (shared on ties), else 0",
                "{0:r} 等于中位数处为 1（并列时平分），其余为 0",
            ),
            lambda x, o, k: (
                _ties(np.asarray(x[0]), np.asarray(o)).astype(float)
                / max(_ties(np.asarray(x[0]), np.asarray(o)).sum(), 1)
            ),
        ),
    )

    @staticmethod
    def forward(ctx, a, ignore_nan=False):
        ctx.shape = a.shape
        flat = a.reshape(-1)
        nan = np.isnan(flat) if a.dtype.kind in "fc" else np.zeros(flat.shape, bool)
        if flat.size == 0 and a.dtype.kind in "iu":  # NaN cast to an integer
            out = np.asarray(np.iinfo(a.dtype).min, dtype=a.dtype)
        elif flat.size == 0 or (nan.any() and not ignore_nan) or nan.all():
            out = np.asarray(np.nan, dtype=a.dtype)
        else:
            vals = np.sort(flat[~nan])
            out = np.asarray(vals[(vals.size - 1) // 2], dtype=a.dtype)
        ctx.hit = _ties(a, out)
        return out

    @staticmethod
    def backward(ctx, g):
        n = int(ctx.hit.sum())
        return (mask(expand_to(g / n, ctx.shape), ctx.hit),)


def _ties(a, value):
    if np.isnan(value):
        return np.isnan(a)
    return a == value


class NanmedianBackward0(MedianBackward0):
    op, symbol = "nanmedian", "nanmedian"
    formula = "∂nanmedian(a)/∂aᵢ = [aᵢ = nanmedian]/#ties"


_PICKED = Local(
    lambda k, x: f"1 at the index picked along dim {k.get('dim', 0)}, else 0",
    lambda x, o, k: np.ones(np.shape(x[0])) if k.get("dim") is None else one_hot(x[0], k),
    zh=lambda k, x: f"沿第 {k.get('dim', 0)} 维选中的位置为 1，其余为 0",
)


class MedianBackward1(MaxBackward0):
    """A value picked along ``dim`` (its index in ``indices``): the gradient goes back to
    that index (PyTorch's ``value_selecting_reduction_backward``)."""

    op, symbol = "median", "median"
    formula = "∂median_dim(a)/∂aᵢ = [i = index of the median]"
    local = (_PICKED,)

    @staticmethod
    def forward(ctx, a, dim=0, keepdim=False, indices=None):
        ctx.shape, ctx.dim, ctx.keepdim, ctx.indices = a.shape, dim, keepdim, indices
        if dim is None:  # a 0-d input
            return a.copy()
        idx = indices if keepdim else np.expand_dims(indices, dim)
        out = np.take_along_axis(a, idx, dim)
        return out if keepdim else np.squeeze(out, dim)

    @staticmethod
    def backward(ctx, g):
        if ctx.dim is None:
            return (g,)
        if _is_array(g):
            return MaxBackward0.backward(ctx, g)
        # create_graph: zeros.scatter(dim, indices, grad), as PyTorch builds it
        from .api_scatter import scatter

        idx = ctx.indices if ctx.keepdim else np.expand_dims(ctx.indices, ctx.dim)
        if not ctx.keepdim:
            g = g.unsqueeze(ctx.dim)
        zeros = Tensor._make(np.zeros(ctx.shape, dtype=g._data.dtype), False, None)
        return (scatter(zeros, ctx.dim, Tensor._make(np.asarray(idx, dtype=_I64)), g),)


class NanmedianBackward1(MedianBackward1):
    op, symbol = "nanmedian", "nanmedian"
    formula = "∂nanmedian_dim(a)/∂aᵢ = [i = index of the median]"


class KthvalueBackward0(MedianBackward1):
    op, symbol = "kthvalue", "kthvalue"
    formula = "∂kthvalue(a)/∂aᵢ = [i = index of the k-th smallest]"


class ModeBackward0(MedianBackward1):
    op, symbol = "mode", "mode"
    formula = "∂mode(a)/∂aᵢ = [i = index of the mode]"


class NansumBackward0(Function):
    """The sum of the elements that are not NaN (over ``dims``)."""

    op, symbol = "nansum", "Σ"
    formula = "∂nansum(a)/∂aᵢ = [aᵢ is not NaN]"
    local = (
        Local(
            ("1 where {0:r} is not NaN, else 0", "{0:r} 不是 NaN 处为 1，其余为 0"),
            lambda x, o, k: (~np.isnan(np.asarray(x[0], dtype=float))).astype(float),
        ),
    )

    @staticmethod
    def forward(ctx, a, dims=(), keepdim=False, dtype=None):
        ctx.shape, ctx.dims, ctx.keepdim, ctx.in_dtype = a.shape, dims, keepdim, a.dtype
        ctx.keep = ~np.isnan(a) if a.dtype.kind in "fc" else np.ones(a.shape, bool)
        z = np.where(ctx.keep, a, 0) if a.dtype.kind in "fc" else a
        dtype = dtype or a.dtype
        return np.asarray(np.sum(z, axis=dims, keepdims=keepdim, dtype=dtype), dtype=dtype)

    @staticmethod
    def backward(ctx, g):
        if g.dtype != ctx.in_dtype:  # ``grad.to(self.scalar_type())``
            g = (
                g.astype(ctx.in_dtype)
                if _is_array(g)
                else g.to(_api.from_numpy_dtype(ctx.in_dtype))
            )
        if not ctx.keepdim and ctx.dims:
            g = unsqueeze_dims(g, ctx.dims)
        g = expand_to(g, ctx.shape)
        if _is_array(g):  # a product, as PyTorch's (a NaN gradient stays NaN)
            return (g * ctx.keep.astype(g.dtype),)
        return (mask(g, ctx.keep),)


# ---------------------------------------------------------------------- pickers


def _rows(a, d):
    """``a`` with dim ``d`` last, as (rows, n)."""
    m = np.moveaxis(a, d, -1)
    return m.reshape(-1, m.shape[-1]) if m.shape[-1] else m.reshape(-1, 0), m.shape[:-1]


def _nan_mask(r):
    return np.isnan(r) if r.dtype.kind in "fc" else np.zeros(r.shape, bool)


def _pick_median(r, ignore_nan):
    """PyTorch's ``median_with_indices_impl``: the element at rank ``(n - 1) // 2`` (of the
    non-NaN ones for ``nanmedian``) by value then index; a row with NaN gives its first
    NaN (``median``)."""
    n = r.shape[1]
    nan = _nan_mask(r)
    order = np.argsort(r, axis=1, kind="stable")  # NaN last, in index order
    if ignore_nan:
        rank = (n - nan.sum(axis=1) - 1) // 2
        rank = np.where(rank < 0, 0, rank)
    else:
        rank = np.full(r.shape[0], (n - 1) // 2)
    idx = order[np.arange(r.shape[0]), rank]
    if not ignore_nan:
        has = nan.any(axis=1)
        idx = np.where(has, np.argmax(nan, axis=1), idx)
    else:
        for i in np.flatnonzero(nan.all(axis=1) & (n > 3)):  # all NaN: libstdc++'s order
            v = list(range(n))
            nth_element(v, 0, lambda x, y: False)
            idx[i] = v[0]
    return idx


def _has_ties(r):
    s = np.sort(r, axis=1)
    same = s[:, 1:] == s[:, :-1]
    return same.any(axis=1) | _nan_mask(r).any(axis=1)


def _pick_kth(r, k):
    """ATen's ``kthvalue``: ``quick_select_template`` with NaN largest (numpy's order for
    the rows without ties)."""
    idx = np.argsort(r, axis=1, kind="stable")[:, k - 1]
    isnan = np.isnan if r.dtype.kind in "fc" else (lambda v: False)
    py = r.tolist()

    def gt_or_nan(x, y):
        return (isnan(x) and not isnan(y)) or x > y

    for i in np.flatnonzero(_has_ties(r)):
        vals, ids = list(py[i]), list(range(r.shape[1]))
        quick_select(vals, ids, k - 1, gt_or_nan)
        idx[i] = ids[k - 1]
    return idx


def _pick_mode(r):
    """ATen's CPU ``mode``: (value, index) pairs ``std::sort``-ed by value, the first
    longest run of equal values, the index of its last pair."""
    out = np.empty(r.shape[0], dtype=np.int64)
    py = r.tolist()
    nan = _nan_mask(r).any(axis=1)
    for i, row in enumerate(py):
        if not nan[i]:
            vals, counts = np.unique(r[i], return_counts=True)
            value = vals[np.argmax(counts)]  # the smallest of the most frequent
            if r.shape[1] <= 16 or counts.max() == 1:  # (insertion sort: stable)
                out[i] = np.flatnonzero(r[i] == value)[-1]
                continue
        pairs = [(v, j) for j, v in enumerate(row)]
        std_sort(pairs, lambda p, q: p[0] < q[0])
        best, modei, run = 0, 0, 0
        for j, (v, pos) in enumerate(pairs):
            run += 1
            if j == len(pairs) - 1 or v != pairs[j + 1][0]:
                if run > best:
                    best, modei = run, pos
                run = 0
        out[i] = modei
    return out


def _select(fn, cls, input, dim, keepdim, picker, name):
    """A (values, indices) reduction along ``dim``: one ``cls`` node for the values."""
    a = input._data
    d = _wrap_dim(dim, max(a.ndim, 1))
    if a.ndim == 0:
        values = cls.apply(input, dim=None, keepdim=keepdim, indices=None)
        return _api._ReturnType(values, Tensor._make(np.array(0, dtype=_I64)), name)
    if a.shape[d] == 0:
        raise IndexError(f"{fn}(): Expected reduction dim {d} to have non-zero size.")
    rows, lead = _rows(a, d)
    idx = picker(rows) if rows.shape[0] else np.zeros(0, dtype=_I64)
    idx = np.asarray(idx, dtype=_I64).reshape(lead)
    idx = np.moveaxis(np.expand_dims(idx, -1), -1, d)
    if not keepdim:
        idx = np.squeeze(idx, d)
    values = cls.apply(input, dim=d, keepdim=keepdim, indices=idx)
    return _api._ReturnType(values, Tensor._make(np.array(idx, dtype=_I64, order="C")), name)


# ---------------------------------------------------------------------- public


def _median(fn, input, args, kwargs, first, ignore_nan):
    _api._check_tensor(input, fn)
    a = input._data
    if not args and not kwargs:
        if a.dtype.kind == "b":
            raise NotImplementedError("\"median_cpu\" not implemented for 'Bool'")
        cls = NanmedianBackward0 if ignore_nan else MedianBackward0
        return cls.apply(input, ignore_nan=ignore_nan)
    p = _bind(fn, [("dim", -1), ("keepdim", False)], args, kwargs, first)
    dim = _int(fn, "dim", *p["dim"])
    keepdim = _bool(fn, *p["keepdim"])
    if a.dtype.kind == "b":
        raise NotImplementedError("\"median_out\" not implemented for 'Bool'")
    cls = NanmedianBackward1 if ignore_nan else MedianBackward1
    return _select(fn, cls, input, dim, keepdim, lambda r: _pick_median(r, ignore_nan), fn)


def median(input, *args, **kwargs):
    """The lower median of all elements, or ``(values, indices)`` along ``dim``."""
    return _median("median", input, args, kwargs, 2, False)


def nanmedian(input, *args, **kwargs):
    """``median`` of the elements that are not NaN (NaN when all are)."""
    return _median("nanmedian", input, args, kwargs, 2, True)


def _kthvalue(input, args, kwargs, first):
    _api._check_tensor(input, "kthvalue")
    p = _bind("kthvalue", [("k", _REQ), ("dim", -1), ("keepdim", False)], args, kwargs, first)
    k = _int("kthvalue", "k", *p["k"])
    dim = _int("kthvalue", "dim", *p["dim"])
    keepdim = _bool("kthvalue", *p["keepdim"])
    a = input._data
    if a.dtype.kind == "b":
        raise NotImplementedError("\"kthvalue_cpu\" not implemented for 'Bool'")
    d = _wrap_dim(dim, max(a.ndim, 1))
    size = a.shape[d] if a.ndim else 1
    if a.ndim and size == 0:
        raise IndexError(f"kthvalue(): Expected reduction dim {d} to have non-zero size.")
    if not 1 <= k <= size:
        raise RuntimeError(f"kthvalue(): selected number k out of range for dimension {d}")
    return _select(
        "kthvalue", KthvalueBackward0, input, dim, keepdim, lambda r: _pick_kth(r, k), "kthvalue"
    )


def kthvalue(input, *args, **kwargs):
    """The ``k``-th smallest element along ``dim`` (NaN counts as largest) and its index."""
    return _kthvalue(input, args, kwargs, 2)


def _mode(input, args, kwargs, first):
    _api._check_tensor(input, "mode")
    p = _bind("mode", [("dim", -1), ("keepdim", False)], args, kwargs, first)
    dim = _int("mode", "dim", *p["dim"])
    keepdim = _bool("mode", *p["keepdim"])
    return _select("mode", ModeBackward0, input, dim, keepdim, _pick_mode, "mode")


def mode(input, *args, **kwargs):
    """The most frequent value along ``dim`` (the smallest of the most frequent) and an
    index of it."""
    return _mode(input, args, kwargs, 2)


def _nansum(fn, input, args, kwargs, first):
    _api._check_tensor(input, fn)
    kwargs = dict(kwargs)
    dtype = kwargs.pop("dtype", None)
    p = _bind(fn, [("dim", None), ("keepdim", False)], args, kwargs, first)
    keepdim = _bool(fn, *p["keepdim"])
    a = input._data
    dims = _dim_list(fn, p["dim"][0], p["dim"][1], a.ndim)
    if dtype is not None:
        from . import dtypes as _dt
        from .dtypes import dtype as _dtype_cls

        if dtype in (float, int, bool) and not isinstance(dtype, str):  # Python's types
            dtype = {float: _dt.float64, int: _dt.int64, bool: _dt.bool_}[dtype]
        if not isinstance(dtype, _dtype_cls):
            raise TypeError(f"{fn}(): argument 'dtype' must be torch.dtype, not {_tname(dtype)}")
    return dims, keepdim, dtype


def _sum_dtype(a, dtype):
    from .dtypes import to_numpy_dtype

    npd = to_numpy_dtype(dtype)
    if npd is None and a.dtype.kind in "biu":
        npd = _I64
    return npd


def _do_nansum(input, dims, keepdim, dtype):
    npd = _sum_dtype(input._data, dtype)
    return NansumBackward0.apply(input, dims=dims, keepdim=keepdim, dtype=npd)


def nansum(input, *args, **kwargs):
    """The sum of the elements that are not NaN (over ``dim``)."""
    dims, keepdim, dtype = _nansum("nansum", input, args, kwargs, 2)
    return _do_nansum(input, dims, keepdim, dtype)


def _nanmean(input, args, kwargs, first):
    dims, keepdim, dtype = _nansum("nanmean", input, args, kwargs, first)
    a = input._data
    if a.dtype.kind not in "fc":
        raise RuntimeError(
            "nanmean(): expected input to have floating point or complex dtype but got "
            f"{_type_name(a.dtype)}"
        )
    npd = _sum_dtype(a, dtype)
    if npd is not None and npd.kind not in "fc":
        raise RuntimeError(
            "nanmean(): could not infer output dtype. Optional dtype must be either a floating "
            f"point or complex dtype. Got: {_type_name(npd)}"
        )
    count = np.sum(~np.isnan(a), axis=dims, keepdims=keepdim, dtype=_I64)
    total = _do_nansum(input, dims, keepdim, dtype)
    return _api.div(total, Tensor._make(np.asarray(count, dtype=_I64)))


def nanmean(input, *args, **kwargs):
    """The mean of the elements that are not NaN (over ``dim``): ``nansum / count``."""
    return _nanmean(input, args, kwargs, 2)


def _m_median(self, *args, **kwargs):
    return _median("median", self, args, kwargs, 1, False)


def _m_nanmedian(self, *args, **kwargs):
    return _median("nanmedian", self, args, kwargs, 1, True)


def _m_kthvalue(self, *args, **kwargs):
    return _kthvalue(self, args, kwargs, 1)


def _m_mode(self, *args, **kwargs):
    return _mode(self, args, kwargs, 1)


def _m_nansum(self, *args, **kwargs):
    dims, keepdim, dtype = _nansum("nansum", self, args, kwargs, 1)
    return _do_nansum(self, dims, keepdim, dtype)


def _m_nanmean(self, *args, **kwargs):
    return _nanmean(self, args, kwargs, 1)


for _name, _fn in (
    ("median", _m_median),
    ("nanmedian", _m_nanmedian),
    ("kthvalue", _m_kthvalue),
    ("mode", _m_mode),
    ("nansum", _m_nansum),
    ("nanmean", _m_nanmean),
):
    if _name not in Tensor.__dict__:
        setattr(Tensor, _name, _fn)
del _name, _fn
