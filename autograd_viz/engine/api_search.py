"""``searchsorted`` / ``bucketize`` (PyTorch's binary search, NaN included), ``argwhere``,
``histc`` (PyTorch's bin arithmetic) and ``cdist`` (``CdistBackward0``; for p = 2 with more
than 25 rows, or ``compute_mode='use_mm_for_euclid_dist'``, PyTorch's matrix-product form:
``ViewBackward0`` of ``EuclideanDistBackward0``), with PyTorch's argument checks and
messages."""

from __future__ import annotations

import math
import numbers

import numpy as np

from . import api as _api
from .function import Function, Local
from .functional_array import _is_array, mT, sum_to, where
from .tensor import Tensor

__all__ = ["argwhere", "bucketize", "cdist", "histc", "searchsorted"]

_I64 = np.dtype(np.int64)


def _sizes(shape):
    return "[" + ", ".join(str(s) for s in shape) + "]"


# ---------------------------------------------------------------------- searchsorted


_SS_SIGS = (
    " * (Tensor sorted_sequence, Tensor input, *, bool out_int32 = False, bool right = False, "
    "str side = None, Tensor sorter = None, Tensor out = None)\n"
    " * (Tensor sorted_sequence, Number self, *, bool out_int32 = False, bool right = False, "
    "str side = None, Tensor sorter = None, Tensor out = None)\n"
)
_BK_SIGS = (
    " * (Tensor input, Tensor boundaries, *, bool out_int32 = False, bool right = False, "
    "Tensor out = None)\n"
    " * (Number self, Tensor boundaries, *, bool out_int32 = False, bool right = False)\n"
)


def _invalid(fn, args, sigs):
    got = ", ".join(_api._pytype(a) if not isinstance(a, Tensor) else "Tensor" for a in args)
    return TypeError(
        f"{fn}() received an invalid combination of arguments - got ({got}), but expected one "
        f"of:\n{sigs}"
    )


def _is_number(v):
    return isinstance(v, numbers.Number) and not isinstance(v, Tensor)


def _bounds(seq, vals, right, sorter):
    """PyTorch's ``cus_lower_bound`` / ``cus_upper_bound`` for every value at once: the
    same comparisons (``!(mid >= v)`` / ``!(mid > v)``), so NaN lands where PyTorch puts
    it."""
    n = seq.shape[-1]
    if seq.ndim == 1:
        rows = seq.reshape(1, n)
        flat = vals.reshape(1, -1)
        order = None if sorter is None else sorter.reshape(1, n)
    else:
        rows = seq.reshape(-1, n)
        flat = vals.reshape(rows.shape[0], -1)
        order = None if sorter is None else sorter.reshape(-1, n)
    if order is not None:
        rows = np.take_along_axis(rows, order, axis=1)
    start = np.zeros(flat.shape, dtype=_I64)
    end = np.full(flat.shape, n, dtype=_I64)
    r = np.arange(rows.shape[0])[:, None]
    with np.errstate(invalid="ignore"):
        while True:
            active = start < end
            if not active.any():
                break
            mid = start + ((end - start) >> 1)
            mv = rows[r, np.minimum(mid, n - 1)] if n else np.zeros(flat.shape)
            go = ~(mv > flat) if right else ~(mv >= flat)
            start = np.where(active & go, mid + 1, start)
            end = np.where(active & ~go, mid, end)
    return start.reshape(vals.shape)


def _searchsorted(fn, seq, values, out_int32, right, side, sorter):
    if side is not None:
        if side not in ("left", "right"):
            raise RuntimeError(
                f"torch.searchsorted(): side can only be 'left' or 'right' but got {side}"
            )
        if right and side != "right":
            raise RuntimeError(
                "torch.searchsorted(): side and right can't be set to opposites, got side of "
                f"{side} while right was True"
            )
        right = side == "right"
    b = seq._data
    if sorter is not None:
        s = sorter._data
        if s.shape != b.shape:
            raise RuntimeError(
                "torch.searchsorted(): boundary and sorter must have the same size, but got "
                f"boundary tensor {_sizes(b.shape)}and got sorter tensor {_sizes(s.shape)}"
            )
        if s.dtype != _I64:
            raise RuntimeError(
                "torch.searchsorted(): sorter must be a tensor of long dtype but got dtype "
                f"{_api._scalar_type_name(s.dtype)}"
            )
        if s.size and (s.min() < 0 or s.max() >= s.shape[-1]):
            raise RuntimeError("torch.searchsorted(): sorter index out of range")
    v = values._data
    if v.ndim == 0 and b.ndim != 1:
        raise RuntimeError(
            "torch.searchsorted(): input value can be a scalar only when boundaries tensor "
            f"dimension is 1, but we got boundaries tensor dim({b.ndim}) and input value's "
            f"dim({v.ndim}) numel({v.size})"
        )
    if b.ndim == 0:
        raise RuntimeError(
            "torch.searchsorted(): boundaries tensor should have positive dimension, but got 0 "
            "dimension"
        )
    if b.ndim != 1 and (b.ndim != v.ndim or b.shape[:-1] != v.shape[:-1]):
        raise RuntimeError(
            "torch.searchsorted(): boundaries tensor should be 1 dimension or the first N-1 "
            "dimensions of boundaries tensor and input value tensor must match, but we got "
            f"boundaries tensor {_sizes(b.shape)} and input value tensor {_sizes(v.shape)}"
        )
    dt = np.result_type(b, v) if b.dtype != v.dtype else b.dtype
    out = _bounds(
        b.astype(dt, copy=False),
        v.astype(dt, copy=False),
        right,
        None if sorter is None else sorter._data,
    )
    return Tensor._make(np.asarray(out, dtype=np.int32 if out_int32 else _I64))


_SS_KW = {"out_int32": bool, "right": bool, "side": str, "sorter": Tensor, "out": Tensor}
_BK_KW = {"out_int32": bool, "right": bool, "out": Tensor}


def _kwargs(fn, args, kwargs, allowed, sigs):
    """PyTorch's parser for the keyword-only arguments: an unknown name or a wrong type is
    its 'invalid combination of arguments' error, naming every keyword given."""
    ok = all(
        k in allowed
        and (
            (v is None and k in ("side", "sorter", "out"))
            or type(v) is allowed[k]
            or (allowed[k] is Tensor and isinstance(v, Tensor))
        )
        for k, v in kwargs.items()
    )
    if not ok:
        from .api_select import _tname

        got = [_tname(a) for a in args] + [f"{k}={_tname(v)}" for k, v in kwargs.items()]
        raise TypeError(
            f"{fn}() received an invalid combination of arguments - got ({', '.join(got)}), "
            f"but expected one of:\n{sigs}"
        )
    out = {"out_int32": False, "right": False, "side": None, "sorter": None, "out": None}
    out.update(kwargs)
    return out


def searchsorted(sorted_sequence, input, **kwargs):
    """The indices where ``input``'s values would be inserted into the last dim of
    ``sorted_sequence`` to keep it sorted (``right``/``side='right'``: after equal
    values; ``sorter``: the sequence taken in that order)."""
    ok = isinstance(sorted_sequence, Tensor) and (isinstance(input, Tensor) or _is_number(input))
    if not ok:
        raise _invalid("searchsorted", (sorted_sequence, input), _SS_SIGS)
    k = _kwargs("searchsorted", (sorted_sequence, input), kwargs, _SS_KW, _SS_SIGS)
    if not isinstance(input, Tensor):
        input = _api._as_tensor(input)
    res = _searchsorted(
        "searchsorted", sorted_sequence, input, k["out_int32"], k["right"], k["side"], k["sorter"]
    )
    return _into(k["out"], res, k["out_int32"], "searchsorted")


def bucketize(input, boundaries, **kwargs):
    """The index of the bucket of ``boundaries`` (1-D, sorted) each value falls in."""
    ok = (isinstance(input, Tensor) or _is_number(input)) and isinstance(boundaries, Tensor)
    if not ok:
        raise _invalid("bucketize", (input, boundaries), _BK_SIGS)
    k = _kwargs("bucketize", (input, boundaries), kwargs, _BK_KW, _BK_SIGS)
    if boundaries._data.ndim != 1:
        raise RuntimeError(
            f"boundaries tensor must be 1 dimension, but got dim({boundaries._data.ndim})"
        )
    if not isinstance(input, Tensor):
        input = _api._as_tensor(input)
    res = _searchsorted("bucketize", boundaries, input, k["out_int32"], k["right"], None, None)
    return _into(k["out"], res, k["out_int32"], "bucketize")


def _into(out, res, out_int32, name):
    """``out=``: PyTorch's dtype rule for the indices, then the result written into it."""
    if out is None:
        return res
    if isinstance(out, Tensor) and out._data.dtype != res._data.dtype:
        raise RuntimeError(
            "torch.searchsorted(): output tensor's dtype is wrong, it can only be Int(int32) or "
            "Long(int64) depending on whether out_int32 flag is True, but we got output "
            f"tensor's dtype {_api._scalar_type_name(out._data.dtype)} and out_int32 flag is "
            f"{bool(out_int32)}"
        )
    from .api_teach import with_out

    return with_out(lambda: res, name, False)(out=out)


def argwhere(input):
    """The indices of the non-zero elements, one row each: ``(n, input.dim())`` int64."""
    _api._check_tensor(input, "argwhere")
    return Tensor._make(np.ascontiguousarray(np.argwhere(input._data), dtype=_I64))


# ---------------------------------------------------------------------- histc


def _c_double(v):
    """A double as C++'s ``operator<<`` prints it (``%g``; NaN as ``-nan``)."""
    if math.isnan(v):
        return "-nan"
    return f"{v:g}"


def _histc(input, bins, min, max, first):
    _api._check_tensor(input, "histc")
    from .api_select import _int, _tname

    b = _int("histc", "bins", *bins)
    for name, (v, pos) in (("min", min), ("max", max)):
        at = f" (position {pos})" if pos else ""
        if isinstance(v, Tensor):
            if v._data.ndim:
                raise TypeError(f"histc(): argument '{name}'{at} must be Number, not Tensor")
        elif not isinstance(v, numbers.Number):
            raise TypeError(f"histc(): argument '{name}'{at} must be Number, not {_tname(v)}")
        elif isinstance(v, complex):
            raise RuntimeError("value cannot be converted to type double without overflow")
    bins = b
    lo = float(min[0].item() if isinstance(min[0], Tensor) else min[0])
    hi = float(max[0].item() if isinstance(max[0], Tensor) else max[0])
    a = input._data
    given = {"lo", "hi"}
    if lo == hi and a.size:
        with np.errstate(invalid="ignore"):
            lo, hi = float(np.min(a)), float(np.max(a))
        given = set()
    if lo == hi:
        lo, hi = lo - 1, hi + 1
    if math.isinf(lo) or math.isinf(hi) or math.isnan(lo) or math.isnan(hi):
        lo_t = f"{lo:g}" if "lo" in given else _c_double(lo)  # (a NaN given prints nan)
        hi_t = f"{hi:g}" if "hi" in given else _c_double(hi)
        raise RuntimeError(f"torch.histc: range of [{lo_t}, {hi_t}] is not finite")
    if not lo < hi:
        raise RuntimeError("torch.histc: max must be larger than min")
    if a.dtype.kind == "b":
        raise NotImplementedError("\"linspace_cpu\" not implemented for 'Bool'")
    if bins <= 0:
        raise RuntimeError(f"torch.histogram(): bins must be > 0, but got {bins} for dimension 0")
    if a.dtype.kind not in "f":
        raise NotImplementedError(
            f"\"histogram_cpu\" not implemented for '{_api._scalar_type_name(a.dtype)}'"
        )
    dt = a.dtype.type
    left, right = dt(lo), dt(hi)
    x = a.reshape(-1)
    with np.errstate(invalid="ignore"):
        keep = (x >= left) & (x <= right)  # (NaN is skipped)
        x = x[keep]
        pos = ((x - left) * dt(bins) / (right - left)).astype(_I64)
    pos[pos == bins] = bins - 1  # the last bin includes its right edge
    hist = np.bincount(pos, minlength=bins).astype(a.dtype)
    return Tensor._make(hist)


def histc(input, *args, **kwargs):
    """A histogram of ``input`` in ``bins`` equal bins between ``min`` and ``max`` (the
    data's own range when both are equal)."""
    return _histc(input, *_histc_args(args, kwargs, 2), 2)


def _histc_args(args, kwargs, first):
    from .api_select import _bind

    p = _bind("histc", [("bins", 100), ("min", 0), ("max", 0)], args, kwargs, first)
    return p["bins"], p["min"], p["max"]


def _m_histc(self, *args, **kwargs):
    return _histc(self, *_histc_args(args, kwargs, 1), 1)


# ---------------------------------------------------------------------- cdist


def _sum(x, axis, keepdim=False):
    return x.sum(axis=axis, keepdims=keepdim) if _is_array(x) else x.sum(axis, keepdim)


def _expand_dims(x, axis):
    return np.expand_dims(x, axis) if _is_array(x) else x.unsqueeze(axis)


def _cdist_grad(g, a, b, p, dist):
    """PyTorch's ``cdist_backward`` kernel: the gradient of ``dist = cdist(a, b)`` with
    respect to ``a`` (batch, r1, c), given ``g`` (batch, r1, r2), one formula per p (0
    where the distance is 0; for p < 1 also where a coordinate difference is 0)."""
    if p == 0:
        return np.zeros(a.shape, g.dtype)
    diff = a[..., :, None, :] - b[..., None, :, :]  # (batch, r1, r2, c)
    ge = g[..., None]
    de = dist[..., None]
    zero = de == 0
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        if p == 1:
            term = ge * np.sign(diff)
        elif p == 2:
            term = np.where(zero, 0, ge * diff / de)
        elif math.isinf(p):
            term = ge * np.sign(diff) * (np.abs(diff) == de)
        elif p < 2:
            term = np.sign(diff) * np.power(np.abs(diff), p - 1) * ge / np.power(de, p - 1)
            term = np.where(zero | ((diff == 0) & (p < 1)), 0, term)
        else:
            term = diff * np.power(np.abs(diff), p - 2) * ge / np.power(de, p - 1)
            term = np.where(zero, 0, term)
    return np.asarray(term.sum(-2), dtype=g.dtype)


def _reduce_to(g, shape):
    return sum_to(g, tuple(shape)) if tuple(g.shape) != tuple(shape) else g


class CdistBackward0(Function):
    """The p-norm distance between each row of ``x1`` and each row of ``x2``."""

    op, symbol = "cdist", "cdist"
    formula = "∂‖x1ᵢ − x2ⱼ‖ₚ/∂x1ᵢ = sign(x1ᵢ − x2ⱼ)·|x1ᵢ − x2ⱼ|^(p−1) / ‖x1ᵢ − x2ⱼ‖ₚ^(p−1)"
    local = (
        Local(
            ("G·(x1ᵢ − x2ⱼ)-direction of each distance", "G 乘以每个距离对 x1 的方向导数"),
            rule=True,
        ),
        Local(("minus the same for x2", "对 x2 取相反方向"), rule=True),
    )

    @staticmethod
    def forward(ctx, x1, x2, p=2.0, batch=()):
        ctx.p, ctx.shapes = p, (x1.shape, x2.shape)
        a = np.broadcast_to(x1, (*batch, *x1.shape[-2:]))
        b = np.broadcast_to(x2, (*batch, *x2.shape[-2:]))
        with np.errstate(invalid="ignore", over="ignore", divide="ignore"):
            diff = np.abs(a[..., :, None, :] - b[..., None, :, :])
            if a.shape[-1] == 0:
                out = np.zeros(diff.shape[:-1], dtype=x1.dtype)
            elif p == 0:
                out = np.count_nonzero(diff, axis=-1).astype(x1.dtype)
            elif p == 1:
                out = diff.sum(-1)
            elif p == 2:
                out = np.sqrt((diff * diff).sum(-1))
            elif math.isinf(p):
                out = diff.max(-1)
            else:
                out = np.power(np.power(diff, p).sum(-1), 1.0 / p)
        out = np.asarray(out, dtype=x1.dtype)
        ctx.save_for_backward(x1, x2, out)
        return out

    @staticmethod
    def backward(ctx, g):
        x1, x2, dist = ctx.saved_tensors
        s1, s2 = ctx.shapes
        g1 = g2 = None
        if not _is_array(g):  # create_graph: PyTorch's node, whose own derivative it lacks
            if ctx.needs_input_grad[0]:
                g1 = CdistBackwardBackward0.apply(g, x1, x2, dist, p=ctx.p, shape=s1)
            if ctx.needs_input_grad[1]:
                g2 = CdistBackwardBackward0.apply(mT(g), x2, x1, mT(dist), p=ctx.p, shape=s2)
            return g1, g2
        if ctx.needs_input_grad[0]:
            g1 = _cdist_backward(g, x1, x2, ctx.p, dist, s1)
        if ctx.needs_input_grad[1]:
            g2 = _cdist_backward(mT(g), x2, x1, ctx.p, mT(dist), s2)
        return g1, g2


def _cdist_backward(g, x1, x2, p, dist, shape):
    """PyTorch's ``_cdist_backward``: the gradient for ``x1`` (batch dims expanded, then
    summed back to ``shape``)."""
    batch = tuple(dist.shape[:-2])
    if 0 in x1.shape[-2:] or 0 in x2.shape[-2:] or 0 in batch:
        return np.zeros(shape, g.dtype)
    a = np.broadcast_to(x1, (*batch, *x1.shape[-2:]))
    b = np.broadcast_to(x2, (*batch, *x2.shape[-2:]))
    return _reduce_to(_cdist_grad(g, a, b, p, dist), shape)


class CdistBackwardBackward0(Function):
    """The gradient of ``cdist`` as a node of a graph (``create_graph=True``); PyTorch
    does not differentiate it further."""

    op, symbol = "cdist_backward", "cdist_backward"
    formula = "the gradient of cdist (not differentiable again)"
    local = (
        Local(("not implemented in PyTorch", "PyTorch 未实现"), rule=True),
        Local(("not implemented in PyTorch", "PyTorch 未实现"), rule=True),
        Local(("not implemented in PyTorch", "PyTorch 未实现"), rule=True),
        Local(("not implemented in PyTorch", "PyTorch 未实现"), rule=True),
    )

    @staticmethod
    def forward(ctx, g, x1, x2, dist, p=2.0, shape=()):
        return np.ascontiguousarray(_cdist_backward(g, x1, x2, p, dist, shape))

    @staticmethod
    def backward(ctx, g):
        raise NotImplementedError("the derivative for '_cdist_backward' is not implemented.")


class EuclideanDistBackward0(Function):
    """PyTorch's matrix-product form of the euclidean distance:
    ``sqrt(clamp_min([-2·x1, ‖x1‖², 1] @ [x2, 1, ‖x2‖²]ᵀ, 1e-30))``."""

    op, symbol = "cdist", "cdist"
    formula = "∂dist/∂x1ᵢ = Σⱼ G·(x1ᵢ − x2ⱼ)/dist"
    local = (
        Local(
            ("x1 · rowsum(G/dist) − (G/dist) @ x2", "x1·(G/dist 的行和) − (G/dist) @ x2"), rule=True
        ),
        Local(
            ("x2 · colsum(G/dist) − (G/dist)ᵀ @ x1", "x2·(G/dist 的列和) − (G/dist)ᵀ @ x1"),
            rule=True,
        ),
    )

    @staticmethod
    def forward(ctx, x1, x2):
        n1 = (x1 * x1).sum(-1, keepdims=True)
        n2 = (x2 * x2).sum(-1, keepdims=True)
        a = np.concatenate([x1 * x1.dtype.type(-2), n1, np.ones_like(n1)], -1)
        b = np.concatenate([x2, np.ones_like(n2), n2], -1)
        res = np.sqrt(np.maximum(a @ np.swapaxes(b, -1, -2), x1.dtype.type(1e-30)))
        res = np.asarray(res, dtype=x1.dtype)
        ctx.save_for_backward(x1, x2, res)
        return res

    @staticmethod
    def backward(ctx, g):
        x1, x2, res = ctx.saved_tensors
        r = getattr(res, "_data", res)
        ratio = g / res
        ratio = where(r == 0, ratio * 0, ratio)
        g1 = g2 = None
        if ctx.needs_input_grad[0]:
            g1 = x1 * _sum(ratio, -1, True) - ratio @ x2
        if ctx.needs_input_grad[1]:
            g2 = x2 * _expand_dims(_sum(ratio, -2), -1) - mT(ratio) @ x1
        return g1, g2


_MODES = {
    "use_mm_for_euclid_dist_if_necessary": 0,
    "use_mm_for_euclid_dist": 1,
    "donot_use_mm_for_euclid_dist": 2,
}


def cdist(x1, x2, p=2.0, compute_mode="use_mm_for_euclid_dist_if_necessary"):
    """The p-norm distances between the rows of ``x1`` (…, r1, c) and of ``x2``
    (…, r2, c): (…, r1, r2)."""
    if compute_mode not in _MODES:
        raise ValueError(f"{compute_mode} is not a valid value for compute_mode")
    mode = _MODES[compute_mode]
    _api._check_tensor(x1, "cdist", "x1", 1)
    _api._check_tensor(x2, "cdist", "x2", 2)
    if isinstance(p, Tensor) and p._data.ndim == 0 and p._data.dtype.kind in "biuf":
        p = p.item()
    if not isinstance(p, numbers.Real):
        what = "Tensor" if isinstance(p, Tensor) else _api._pytype(p)
        raise TypeError(f"cdist(): argument 'p' (position 3) must be float, not {what}")
    p = float(p)
    a, b = x1._data, x2._data
    if a.ndim < 2:
        raise RuntimeError(f"cdist only supports at least 2D tensors, X1 got: {a.ndim}D")
    if b.ndim < 2:
        raise RuntimeError(f"cdist only supports at least 2D tensors, X2 got: {b.ndim}D")
    if a.shape[-1] != b.shape[-1]:
        raise RuntimeError(
            f"X1 and X2 must have the same number of columns. X1: {a.shape[-1]} X2: {b.shape[-1]}"
        )
    for name, t in (("X1", a), ("X2", b)):
        if t.dtype.kind != "f":
            raise RuntimeError(
                f"cdist only supports floating-point dtypes, {name} got: "
                f"{_api._scalar_type_name(t.dtype)}"
            )
    if not p >= 0:  # (NaN too)
        raise RuntimeError("cdist only supports non-negative p values")
    err = _api._broadcast_error(np.empty(a.shape[:-2]), np.empty(b.shape[:-2]))
    if err is not None:
        raise err
    batch = tuple(np.broadcast_shapes(a.shape[:-2], b.shape[:-2]))
    r1, r2 = a.shape[-2], b.shape[-2]
    empty = a.size == 0 or b.size == 0
    if not empty and p == 2 and (mode == 1 or (mode == 0 and (r1 > 25 or r2 > 25))):
        if a.dtype != b.dtype:
            raise RuntimeError(
                "expected m1 and m2 to have the same dtype, but got: "
                f"{_api._dtype_word(a.dtype)} != {_api._dtype_word(b.dtype)}"
            )
        nb = int(np.prod(batch))
        if nb != 1:  # expand, contiguous (a clone when broadcast), view as 3-D
            x1 = _api.expand(x1, *batch, r1, a.shape[-1]).contiguous().view(nb, r1, a.shape[-1])
            x2 = _api.expand(x2, *batch, r2, b.shape[-1]).contiguous().view(nb, r2, b.shape[-1])
        dist = EuclideanDistBackward0.apply(x1, x2)
        return _api.view(dist, *batch, r1, r2)
    if a.dtype != b.dtype:
        raise RuntimeError(
            f"expected scalar type {_api._scalar_type_name(a.dtype)} but found "
            f"{_api._scalar_type_name(b.dtype)}"
        )
    return CdistBackward0.apply(x1, x2, p=p, batch=batch)


Tensor.argwhere = argwhere if "argwhere" not in Tensor.__dict__ else Tensor.argwhere
if "histc" not in Tensor.__dict__:
    Tensor.histc = _m_histc
