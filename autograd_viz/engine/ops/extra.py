"""More ops learners paste from PyTorch code: sin, cos, softmax, log_softmax, var, std,
prod, vector norm, leaky_relu, nll_loss, binary_cross_entropy.

Same conventions as the other op modules: one ``Function`` per PyTorch node, named as
PyTorch names the ``grad_fn``; ``forward`` on ndarrays; ``backward`` written with
operators and the helpers below / in :mod:`..functional_array`, so it runs on ndarrays
and, under ``create_graph=True``, on Tensors (real higher derivatives).
"""

from __future__ import annotations

import math

import numpy as np

from .._errstate import DIVIDE_INVALID, INVALID
from .._errstate import errstate as _errstate
from ..derivatives import bce_local, norm_local, num_text, std_local, var_local
from ..function import Function, Local, _record
from ..functional_array import (
    _is_array,
    _tensor,
    add_scalar,
    exp,
    expand_to,
    log,
    mask,
    scale,
    sign,
    unsqueeze_dims,
    where,
    zeros_like,
)
from .double import (
    LeakyReluBackwardBackward0,
    LogSoftmaxBackwardDataBackward0,
    NllLoss2DBackwardBackward0,
    NllLossBackwardBackward0,
    SoftmaxBackwardDataBackward0,
    edge_tensor,
)
from .fsum import nll_sum
from .unary import EXACT_MAX, exact32
from .vexp import sleef_exp

_I64 = np.dtype(np.int64)

_ndarray = np.ndarray
_new = object.__new__
_TRUE1 = (True,)
_F32 = np.dtype(np.float32)
_array, _contiguous, _exp, _log = np.array, np.ascontiguousarray, np.exp, np.log
_subtract, _add_reduce, _max_reduce = np.subtract, np.add.reduce, np.maximum.reduce
_max_reduceat, _add_reduceat = np.maximum.reduceat, np.add.reduceat
#: float32 sin / cos computed in float64, rounded once (PyTorch's bits far more often)
_sin32 = exact32(np.sin, math.sin)
_cos32 = exact32(np.cos, math.cos)
#: PyTorch clamps ``x * (1 - x)`` from below in the gradient of binary_cross_entropy
_BCE_EPS = 1e-12


def _nd(x):
    return x if type(x) is _ndarray else np.asarray(x)


def _raw(x):
    return getattr(x, "_data", x)


# ---------------------------------------------------------------- array/Tensor helpers


def _sum_keep(x, dims):
    """Sum over ``dims`` (a tuple, or ``None`` for everything) keeping them (size 1)."""
    if _is_array(x):
        return np.add.reduce(x, axis=dims, keepdims=True)  # (np.sum: the same, plus a wrapper)
    if dims is None:
        return x.sum()
    return x.sum(dims, keepdim=True)


def _mean_keep(x, dims):
    if _is_array(x):
        return np.mean(x, axis=dims, keepdims=True)
    return x.mean(dims, keepdim=True)


def _sin(x):
    if _is_array(x):
        return _sin32(np.asarray(x))
    from ..api_extra import sin

    return sin(x)


def _cos(x):
    if _is_array(x):
        return _cos32(np.asarray(x))
    from ..api_extra import cos

    return cos(x)


def _times(g, arr):
    """``g * arr`` for a constant ndarray ``arr`` (a Tensor constant in graph mode)."""
    if _is_array(g):
        return g * arr
    return g * _tensor(arr)


def _clamp_min(x, lo):
    if _is_array(x):
        return np.maximum(x, lo)
    return x.clamp(min=lo)


def _restore_dims(g, dims, keepdim):
    """The gradient of a reduction over ``dims`` with its reduced dims back (size 1)."""
    return g if keepdim else unsqueeze_dims(g, dims)


# ---------------------------------------------------------------- elementwise


class SinBackward0(Function):
    op, symbol = "sin", "sin"
    formula = "∂sin(a)/∂a = cos(a)"
    local = (Local("cos({0})", lambda x, o, k: np.cos(x[0])),)

    @staticmethod
    def forward(ctx, a):
        ctx.save_for_backward(a)
        return _nd(_sin32(a))

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        return (g * _cos(a),)


class CosBackward0(Function):
    op, symbol = "cos", "cos"
    formula = "∂cos(a)/∂a = −sin(a)"
    local = (Local("-sin({0})", lambda x, o, k: -np.sin(x[0])),)

    @staticmethod
    def forward(ctx, a):
        ctx.save_for_backward(a)
        return _nd(_cos32(a))

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        return (g * -_sin(a),)


class LeakyReluBackward0(Function):
    op, symbol = "leaky_relu", "leaky_relu"
    formula = "∂leaky_relu(a)/∂a = 1 if a > 0 else negative_slope"
    local = (
        Local(
            lambda k, x: f"1 where {{0}} > 0, else {num_text(k.get('negative_slope', 0.01))}",
            lambda x, o, k: np.where(np.asarray(x[0]) > 0, 1.0, k.get("negative_slope", 0.01)),
            zh=lambda k, x: f"{{0}} > 0 处为 1，其余为 {num_text(k.get('negative_slope', 0.01))}",
        ),
    )

    @staticmethod
    def _graph_backward(ctx, g):
        (a,) = ctx.saved_tensors
        return (LeakyReluBackwardBackward0.apply(g, a, negative_slope=ctx.slope),)

    @staticmethod
    def forward(ctx, a, negative_slope=0.01):
        ctx.save_for_backward(a)
        ctx.slope = negative_slope
        return _nd(np.where(a > 0, a, a * negative_slope).astype(a.dtype, copy=False))

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        ra = _raw(a)
        factor = np.where(ra > 0, 1, ctx.slope).astype(ra.dtype)
        return (_times(g, factor),)


class LeakyReluBackward1(LeakyReluBackward0):
    """``leaky_relu_`` (in place): PyTorch saves the result, not the input (the same
    signs for a non-negative slope; a negative one fails in backward, as PyTorch's)."""

    op = "leaky_relu_"

    @staticmethod
    def forward(ctx, a, negative_slope=0.01):
        out = _nd(np.where(a > 0, a, a * negative_slope).astype(a.dtype, copy=False))
        ctx._saved = (out,)  # (the result, as save_for_backward of the output)
        ctx.slope = negative_slope
        return out

    @staticmethod
    def backward(ctx, g):
        if ctx.slope < 0:
            raise RuntimeError(
                "In-place leakyReLu backward calculation is triggered with a negative slope "
                "which is not supported. This is caused by calling in-place forward function "
                "with a negative slope, please call out-of-place version instead. File an "
                "issue at https://github.com/pytorch/pytorch if you do require supporting "
                "in-place leakRelu backward calculation with negative slope"
            )
        (out,) = ctx.saved_tensors
        ro = _raw(out)
        factor = np.where(ro > 0, 1, ctx.slope).astype(ro.dtype)
        return (_times(g, factor),)


# ---------------------------------------------------------------- softmax family


def _softmax(a, dim):
    # (an empty tensor has no max: its softmax is empty, as in PyTorch)
    if not a.size:
        return a.copy(), a.copy(), a.copy()
    two = a.ndim == 2 and dim == 1
    shifted = a - (_row_max(a) if two else np.maximum.reduce(a, axis=dim, keepdims=True))
    exact = _exact32(a, dim)
    if exact == "last":
        e = sleef_exp(shifted)
        return shifted, e, _lane_sum(e)
    if exact == "other":
        e, total = _columns_exp_sum(shifted, dim)
        return shifted, e, total
    e = np.exp(shifted)
    return shifted, e, np.add.reduce(e, axis=dim, keepdims=True)


def _exact32(a, dim):
    """A float32 softmax small enough (``EXACT_MAX // 4``) to be computed as PyTorch's CPU
    kernels compute it, for its bits: ``"last"`` over the last dimension (SLEEF's exp
    and ``_lane_sum``), ``"other"`` over another one (``_columns_exp_sum``); else ``None``."""
    if a.dtype != np.float32 or not 0 < a.size <= EXACT_MAX // 4 or not a.ndim or dim is None:
        return None
    d = dim % a.ndim
    if d == a.ndim - 1:
        return "last"
    return "other" if a.flags.c_contiguous else None


#: float lanes of PyTorch's vectorized softmax kernels (AVX-512, as recorded)
_LANES = 16


def _columns_exp_sum(shifted, dim):
    """``exp`` and its sum along a dimension that is not the last one, as PyTorch's
    ``_vec_softmax`` / ``_vec_logsoftmax`` do: viewed as (outer, n, inner), the first
    ``inner // 16 * 16`` columns in vectors (SLEEF's exp), the rest with the C library's
    ``expf`` (nearly always the correctly rounded value: float64, rounded), each
    column summed down the dimension one value after the other."""
    x = _as3(shifted, dim)
    e = _columns_exp(x)
    total = np.add.accumulate(e, axis=1)[:, -1:, :]  # strictly one after the other
    return e.reshape(shifted.shape), total.reshape(_kept(shifted.shape, dim))


def _as3(a, dim):
    """``a`` viewed as (outer, n, inner) around ``dim``."""
    d = dim % a.ndim
    return a.reshape(-1, a.shape[d], int(np.prod(a.shape[d + 1 :])))


def _kept(shape, dim):
    d = dim % len(shape)
    return (*shape[:d], 1, *shape[d + 1 :])


def _columns_exp(x):
    """``exp`` of an (outer, n, inner) float32 array as the non-last-dim kernels take
    it: SLEEF's for the first ``inner // 16 * 16`` columns (vectors), the C library's
    ``expf`` (nearly always correctly rounded: float64, rounded) for the rest."""
    inner = x.shape[2]
    v = inner - inner % _LANES
    if v == inner:
        return sleef_exp(x)
    e = np.empty_like(x)
    e[:, :, :v] = sleef_exp(x[:, :, :v])
    e[:, :, v:] = np.exp(x[:, :, v:], dtype=np.float64)
    return e


def _exact_grad(ctx, g):
    """The backward of a softmax that took the exact route, with a float32 array
    gradient of the same layout: PyTorch's backward kernels can be followed too."""
    return ctx.exact is not None and g.__class__ is np.ndarray and g.dtype == np.float32


def _lane_sum(e):
    """Sum over the last axis in PyTorch's order: fewer than 16 values one after the
    other; else 16 lanes, each summing every 16th value, then the lanes pairwise
    (16 -> 8 -> 4 -> 2 -> 1), as its vectorized reduction does."""
    n = e.shape[-1]
    if n < 16:
        s = e[..., 0:1].copy()
        for j in range(1, n):
            s += e[..., j : j + 1]
        return s
    acc = e[..., :16].copy()
    for j in range(16, n, 16):
        part = e[..., j : j + 16]
        acc[..., : part.shape[-1]] += part
    acc = acc[..., :8] + acc[..., 8:]
    acc = acc[..., :4] + acc[..., 4:]
    acc = acc[..., :2] + acc[..., 2:]
    return acc[..., :1] + acc[..., 1:]


def _lane_dot(g, s):
    """Σ G·s over the last axis as ``map2_reduce_all`` does it: fewer than 16 values, the
    rounded products one after the other; else 16 lanes, the first products rounded
    and each further one added by a fused multiply-add, then the lanes pairwise."""
    n = g.shape[-1]
    if n < 16:
        return _lane_sum(g * s)
    acc = g[..., :16] * s[..., :16]
    for j in range(16, n, 16):
        k = min(16, n - j)
        part = g[..., j : j + k].astype(np.float64) * s[..., j : j + k] + acc[..., :k]
        acc[..., :k] = part
    return _lane_sum(acc)


class SoftmaxBackward0(Function):
    op, symbol = "softmax", "softmax"
    formula = "∂softmax(a)ᵢ/∂aⱼ = sᵢ(δᵢⱼ − sⱼ): grad = s·(g − Σ g·s)"
    local = (
        Local(
            ("s ⊙ (G - Σ G ⊙ s) with s = softmax({0})", "s ⊙ (G - Σ G ⊙ s)，其中 s = softmax({0})"),
            rule=True,
        ),
    )

    @staticmethod
    def _graph_backward(ctx, g):
        return (SoftmaxBackwardDataBackward0.apply(g, ctx.saved_tensors[0], dim=ctx.dim),)

    @staticmethod
    def forward(ctx, a, dim=None):
        ctx.dim = dim
        ctx.exact = _exact32(a, dim)
        _, e, total = _softmax(a, dim)
        # over the last dim PyTorch multiplies by 1 / the sum, over another it divides
        last = _exact32(a, dim) == "last"
        out = e * (np.float32(1) / total) if last else _nd(e / total)
        ctx.save_for_backward(out)
        return out

    @staticmethod
    def backward(ctx, g):
        (out,) = ctx.saved_tensors
        if ctx.exact == "other" and _exact_grad(ctx, g):
            # _vec_softmax_backward: Σ G·s down the dim by fused multiply-adds (the
            # compiler contracts them), then s·(G − Σ)
            g3, o3 = _as3(np.ascontiguousarray(g), ctx.dim), _as3(out, ctx.dim)
            acc = np.zeros((g3.shape[0], g3.shape[2]), np.float32)
            for d in range(g3.shape[1]):
                acc = (g3[:, d].astype(np.float64) * o3[:, d] + acc).astype(np.float32)
            total = acc.reshape(_kept(out.shape, ctx.dim))
            return (out * (g - total),)
        if ctx.exact == "last" and _exact_grad(ctx, g):
            # _vec_host_softmax_backward_lastdim: (G − Σ G·s)·s, Σ as map2_reduce_all
            return ((g - _lane_dot(g, out)) * out,)
        return (out * (g - _sum_keep(g * out, ctx.dim)),)


def _row_max(a):
    """The maximum of each row of a non-empty 2-D array, as a column (n, 1)."""
    n, c = a.shape
    if n <= 40:
        # numpy reduces a short last axis row by row, slowly: one reduceat over the flat
        # data is quicker for a few rows (32 x 27: 1.2x; its cost grows with the rows)
        return _max_reduceat(a.reshape(-1), _row_starts(n, c))[:, None]
    if c <= 64:
        # the maxima down a contiguous transposed copy are the same numbers, 1.4x
        # (32 x 27) to 4x (1000 x 27) quicker
        return _max_reduce(_contiguous(a.T), axis=0)[:, None]
    return _max_reduce(a, axis=1, keepdims=True)


def _row_sums(e):
    """The sums of the rows of a non-empty 2-D array, as a column (n, 1).  Up to 64
    columns (a vocabulary, a few classes) one add.reduceat over the flat data: each row
    summed one value after the other, 1.7x quicker than numpy's row-by-row pairwise
    sums (32 x 27) and as close to PyTorch's lane order (log_softmax of 32 x 27 random
    rows: 84.1% of PyTorch's bits, pairwise 84.0%); wider rows keep the pairwise sums."""
    n, c = e.shape
    if c <= 64:
        return _add_reduceat(e.reshape(-1), _row_starts(n, c))[:, None]
    return _add_reduce(e, axis=1, keepdims=True)


def _log_softmax_rows(a):
    """``log_softmax(a, 1)`` of a non-empty 2-D array outside the exact route:
    ``shifted − log(sum)``, with few temporaries."""
    shifted = a - _row_max(a)
    return np.subtract(shifted, np.log(_row_sums(np.exp(shifted))), out=shifted)


class LogSoftmaxBackward0(Function):
    op, symbol = "log_softmax", "log_softmax"
    formula = "∂log_softmax(a)ᵢ/∂aⱼ = δᵢⱼ − softmax(a)ⱼ: grad = g − softmax(a)·Σ g"
    local = (Local("G - softmax({0}) ⊙ Σ G", rule=True),)

    @staticmethod
    def forward(ctx, a, dim=None):
        ctx.dim = dim
        ctx.exact = exact = _exact32(a, dim)
        if exact is None and a.ndim == 2 and dim == 1 and a.size:
            out = _log_softmax_rows(a)
        else:
            shifted, _, total = _softmax(a, dim)
            if exact:  # (x − max) − log(sum), the log correctly rounded
                out = shifted - np.log(total, dtype=np.float64).astype(np.float32)
            else:
                out = _nd(shifted - np.log(total))
        ctx.save_for_backward(out)
        return out

    pair = None  # (see ``cross_entropy_nodes``)

    @staticmethod
    def _graph_backward(ctx, g):
        return (LogSoftmaxBackwardDataBackward0.apply(g, ctx.saved_tensors[0], dim=ctx.dim),)

    @staticmethod
    def backward(ctx, g):
        (out,) = ctx.saved_tensors
        total = None
        # (C-ordered arrays, the usual case: the steps below give the same layout as the
        # general formula; other layouts take it)
        c_order = g.__class__ is _ndarray and g.flags.c_contiguous and out.flags.c_contiguous
        pair = ctx.pair
        if pair is not None:
            sent, pair[0] = pair[0], None
            if c_order and sent is not None and sent[0] is g and sent[1] and not ctx._has_pre:
                # the gradient as cross_entropy's NllLossBackward0 sent it (no hook in
                # between): every row sums to the same v (one value, zeros), whatever
                # the order, so the formulas below take that number as the row sums
                total = sent[1]
        if (
            c_order
            and ctx.exact is None
            and (total is not None or (ctx.dim == 1 and g.ndim == 2 and g.dtype is out.dtype))
        ):
            # the usual case (cross_entropy of a batch): the formula below, with fewer
            # temporaries (same operations, same order, same bits)
            e = np.exp(out)
            np.multiply(
                e, np.add.reduce(g, axis=1, keepdims=True) if total is None else total, out=e
            )
            return (np.subtract(g, e, out=e),)
        if _exact_grad(ctx, g):
            # PyTorch's kernels: Σ G (lanes over the last dim, one after the other down
            # another), the exp of the output as the forward takes it, and G − exp·Σ as
            # one fused multiply-add
            if ctx.exact == "last":
                e, total = sleef_exp(out), _lane_sum(g) if total is None else total
            else:
                e = _columns_exp(_as3(out, ctx.dim)).reshape(out.shape)
                g3 = _as3(np.ascontiguousarray(g), ctx.dim)
                total = np.add.accumulate(g3, axis=1)[:, -1:, :].reshape(_kept(out.shape, ctx.dim))
            return ((g.astype(np.float64) - e.astype(np.float64) * total).astype(np.float32),)
        return (g - exp(out) * _sum_keep(g, ctx.dim),)


# ---------------------------------------------------------------- var / std


def _dof(shape, dims, correction):
    n = int(np.prod([shape[d] for d in dims])) if shape else 1
    return n, builtins_max(0, n - correction)


def builtins_max(a, b):
    return a if a > b else b


class VarBackward0(Function):
    op, symbol = "var", "var"
    formula = "∂var(a)/∂aᵢ = 2(aᵢ − mean(a)) / (N − correction)"
    local = (
        Local(
            ("2·({0} - mean({0}))/(N - correction)", "2·({0} - mean({0}))/(N - correction)"),
            lambda x, o, k: var_local(x[0], k),
        ),
    )

    @staticmethod
    def forward(ctx, a, dims=(), correction=1, keepdim=False):
        ctx.dims, ctx.keepdim = dims, keepdim
        ctx.n, ctx.dof = _dof(a.shape, dims, correction)
        ctx.save_for_backward(a)
        d = a - np.mean(a, axis=dims, keepdims=True)
        with _errstate(DIVIDE_INVALID):
            return _nd(np.sum(d * d, axis=dims, keepdims=keepdim) / a.dtype.type(ctx.dof))

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        g = _restore_dims(g, ctx.dims, ctx.keepdim)
        with _errstate(DIVIDE_INVALID):
            c = 2.0 / ctx.dof if ctx.dof else np.inf
            return (scale(g * (a - _mean_keep(a, ctx.dims)), c),)

    @staticmethod
    def _graph_backward(ctx, g):
        (a,) = ctx.saved_tensors
        return (_var_graph(ctx, a, g),)


class StdBackward0(Function):
    op, symbol = "std", "std"
    formula = "∂std(a)/∂aᵢ = (aᵢ − mean(a)) / ((N − correction)·std(a))"
    local = (
        Local(
            "({0} - mean({0}))/((N - correction)·std({0}))", lambda x, o, k: std_local(x[0], o, k)
        ),
    )

    @staticmethod
    def forward(ctx, a, dims=(), correction=1, keepdim=False):
        ctx.dims, ctx.keepdim = dims, keepdim
        ctx.n, ctx.dof = _dof(a.shape, dims, correction)
        d = a - np.mean(a, axis=dims, keepdims=True)
        with _errstate(DIVIDE_INVALID):
            out = _nd(np.sqrt(np.sum(d * d, axis=dims, keepdims=keepdim) / a.dtype.type(ctx.dof)))
        ctx.save_for_backward(a, out)
        return out

    @staticmethod
    def backward(ctx, g):
        a, out = ctx.saved_tensors
        g = _restore_dims(g, ctx.dims, ctx.keepdim)
        out = _restore_dims(out, ctx.dims, ctx.keepdim)
        with _errstate(DIVIDE_INVALID):
            c = 1.0 / ctx.dof if ctx.dof else np.inf
            return (scale(g * (a - _mean_keep(a, ctx.dims)) / out, c),)

    @staticmethod
    def _graph_backward(ctx, g):
        # std_backward: (grad / (result * 2)).masked_fill_(result == 0, 0), then var's
        from .more import MaskedFillBackward0

        a, out = ctx.saved_tensors
        with _errstate(DIVIDE_INVALID):
            gv = g / scale(out, 2)
        gv = MaskedFillBackward0.apply(gv, mask=out._data == 0, value=0)
        return (_var_graph(ctx, a, gv),)


def _var_graph(ctx, a, g):
    """PyTorch's var_backward under create_graph: ``(2 / dof) * grad * (self - mean)``
    (``self.mean()`` over everything, else ``mean(dim, keepdim=True)`` with the gradient
    unsqueezed first)."""
    nd = a._data.ndim
    full = nd == 0 or len(ctx.dims) == nd
    if not full and not ctx.keepdim and nd > 1:
        g = unsqueeze_dims(g, ctx.dims)
    mean = a.mean() if full else a.mean(dim=tuple(ctx.dims), keepdim=True)
    with _errstate(DIVIDE_INVALID):
        c = 2.0 / ctx.dof if ctx.dof else np.inf
        return scale(g, c) * (a - mean)


# ---------------------------------------------------------------- prod


def _others_array(a, axis):
    """Product of the other entries along ``axis`` (exact with zeros): exclusive
    cumulative products from the left and from the right."""
    m = np.moveaxis(a, axis, -1)
    one = np.ones((*m.shape[:-1], 1), dtype=a.dtype)
    left = np.concatenate([one, np.cumprod(m, axis=-1)[..., :-1]], axis=-1)
    right = np.flip(
        np.concatenate([one, np.cumprod(np.flip(m, -1), axis=-1)[..., :-1]], axis=-1), -1
    )
    return np.moveaxis(left * right, -1, axis)


def _others_tensor(a, axis):
    """The same on a Tensor, differentiably (graph mode, input with zeros): row ``i`` of
    a ``k × k`` stack is ``a`` with entry ``i`` replaced by 1; its product is the
    product of the others."""
    from ..api import where

    k = a.shape[axis]
    nd = a.dim()
    stacked = a.unsqueeze(axis).expand(*a.shape[:axis], k, *a.shape[axis:])
    eye = np.eye(k, dtype=bool).reshape([k if i in (axis, axis + 1) else 1 for i in range(nd + 1)])
    return where(eye, 1.0, stacked).prod(axis + 1)


def _prod_grad(g, a, out, axis):
    """``g · ∏_{j≠i} a_j`` (``g`` and ``out`` broadcast over ``axis``; ``axis=None``:
    everything)."""
    ra = _raw(a)
    if not (ra == 0).any():
        with _errstate(DIVIDE_INVALID):
            return g * out / a
    if _is_array(a):
        if axis is None:
            return g * _others_array(ra.reshape(-1), 0).reshape(ra.shape)
        return g * _others_array(ra, axis)
    if axis is None:
        return g * _others_tensor(a.reshape(-1), 0).reshape(*ra.shape)
    return g * _others_tensor(a, axis)


class ProdBackward0(Function):
    op, symbol = "prod", "∏"
    formula = "∂(∏ a)/∂aᵢ = ∏_{j≠i} aⱼ"
    local = (
        Local(
            ("the product of the other elements of {0:r}", "{0:r} 其余元素的乘积"),
            lambda x, o, k: _others_array(np.asarray(x[0]).reshape(-1), 0).reshape(np.shape(x[0])),
        ),
    )

    @staticmethod
    def forward(ctx, a, dtype=None):
        out = _nd(np.prod(a, dtype=dtype))
        ctx.save_for_backward(a, out)
        return out

    @staticmethod
    def backward(ctx, g):
        a, out = ctx.saved_tensors
        return (_prod_grad(g, a, out, None),)

    @staticmethod
    def _graph_backward(ctx, g):
        # PyTorch's prod_backward without zeros: grad * (result / input)
        a, out = ctx.saved_tensors
        if (a._data == 0).any():
            return ProdBackward0.backward(ctx, g)
        with _errstate(DIVIDE_INVALID):
            return (g * (out / a),)


class ProdBackward1(Function):
    op, symbol = "prod", "∏"
    formula = "∂(∏_dim a)/∂aᵢ = ∏_{j≠i} aⱼ (along dim)"
    local = (
        Local(
            lambda k, x: f"the product of the other elements along dim {k.get('dim', 0)}",
            lambda x, o, k: _others_array(np.asarray(x[0]), k.get("dim", 0)),
            zh=lambda k, x: f"沿第 {k.get('dim', 0)} 维其余元素的乘积",
        ),
    )

    @staticmethod
    def forward(ctx, a, dim=0, keepdim=False, dtype=None):
        ctx.dim, ctx.keepdim = dim, keepdim
        out = _nd(np.prod(a, axis=dim, keepdims=keepdim, dtype=dtype))
        ctx.save_for_backward(a, out)
        return out

    @staticmethod
    def backward(ctx, g):
        a, out = ctx.saved_tensors
        dims = (ctx.dim,)
        return (
            _prod_grad(
                _restore_dims(g, dims, ctx.keepdim),
                a,
                _restore_dims(out, dims, ctx.keepdim),
                ctx.dim,
            ),
        )

    @staticmethod
    def _graph_backward(ctx, g):
        # PyTorch's prod_backward along a dim, without zeros: grad and result unsqueezed,
        # grad * (result / input)
        a, out = ctx.saved_tensors
        if (a._data == 0).any():
            return ProdBackward1.backward(ctx, g)
        dims = (ctx.dim,)
        g, out = _restore_dims(g, dims, ctx.keepdim), _restore_dims(out, dims, ctx.keepdim)
        with _errstate(DIVIDE_INVALID):
            return (g * (out / a),)


# ---------------------------------------------------------------- vector norm


class LinalgVectorNormBackward0(Function):
    """``‖a‖_p`` over ``dims`` for any order ``p`` (inf, -inf, 0, 1, 2, fractional,
    negative); the backward is PyTorch's ``norm_backward`` case by case (written with
    the array/Tensor helpers, so that it builds a graph under ``create_graph``)."""

    op, symbol = "norm", "‖·‖"
    formula = "∂‖a‖₂/∂a = a/‖a‖₂ (0 where ‖a‖ = 0); ∂‖a‖₁/∂a = sign(a)"
    local = (
        Local(
            lambda k, x: (
                "sign({0})"
                if k.get("ord", 2) == 1
                else "{0}/‖{0}‖"
                if k.get("ord", 2) == 2
                else "0"
                if k.get("ord", 2) == 0
                else "sign({0}) at the entries where |{0}| = ‖{0}‖, shared"
                if math.isinf(k.get("ord", 2))
                else "sign({0})·|{0}|^(p-1)/‖{0}‖^(p-1)"
            ),
            lambda x, o, k: norm_local(x[0], o, k),
        ),
    )

    @staticmethod
    def forward(ctx, a, ord=2, dims=(), keepdim=False):
        ctx.ord, ctx.dims, ctx.keepdim = ord, dims, keepdim
        if ord == 1:
            ctx.save_for_backward(a)
            return _nd(np.sum(np.abs(a), axis=dims, keepdims=keepdim))
        if ord == 2:
            out = _nd(np.sqrt(np.sum(a * a, axis=dims, keepdims=keepdim)))
        elif ord == 0:
            out = _nd(np.sum(a != 0, axis=dims, keepdims=keepdim).astype(a.dtype))
        elif ord == math.inf:
            out = _nd(np.max(np.abs(a), axis=dims, keepdims=keepdim))
        elif ord == -math.inf:
            out = _nd(np.min(np.abs(a), axis=dims, keepdims=keepdim))
        else:
            with _errstate(DIVIDE_INVALID):
                s = np.sum(np.abs(a) ** a.dtype.type(ord), axis=dims, keepdims=keepdim)
                out = _nd(s ** a.dtype.type(1.0 / ord))
        out = out.astype(a.dtype, copy=False)
        ctx.save_for_backward(a, out)
        return out

    @staticmethod
    def backward(ctx, g):
        g = _restore_dims(g, ctx.dims, ctx.keepdim)
        p = ctx.ord
        if p == 1:
            (a,) = ctx.saved_tensors
            return (g * sign(a),)
        a, out = ctx.saved_tensors
        out = _restore_dims(out, ctx.dims, ctx.keepdim)
        if p == 2:
            with _errstate(DIVIDE_INVALID):
                q = mask(g / out, _raw(out) != 0)
            return (a * q,)
        if p == 0:  # PyTorch returns an undefined gradient: the input gets none
            return (None,)
        ra, rout = _raw(a), _raw(out)
        with _errstate(DIVIDE_INVALID):
            if math.isinf(p):  # the entries at the maximum (or minimum) share G
                at = (np.abs(ra) == rout) | np.isnan(ra)
                count = at.sum(axis=ctx.dims, keepdims=True).astype(ra.dtype)
                return (sign(a) * mask(g / _like(g, count), at),)
            if p < 1:
                scaled = sign(a) * _masked(abs(a) ** (p - 1), ra != 0)
                return (scaled * g * out ** (1 - p),)
            v = _masked(g / out ** (p - 1), rout != 0)
            if p < 2:
                return (sign(a) * abs(a) ** (p - 1) * v,)
            return (a * abs(a) ** (p - 2) * v,)

    @staticmethod
    def _graph_backward(ctx, g):
        # PyTorch's norm_backward for p = 2: grad * (self / norm).masked_fill_(norm == 0, 0)
        # (grad and norm unsqueezed when some dims were reduced and not kept)
        if ctx.ord != 2:
            return LinalgVectorNormBackward0.backward(ctx, g)
        from .more import MaskedFillBackward0

        a, out = ctx.saved_tensors
        if not ctx.keepdim and len(ctx.dims) != a._data.ndim:
            g = unsqueeze_dims(g, ctx.dims)
            out = unsqueeze_dims(out, ctx.dims)
        with _errstate(DIVIDE_INVALID):
            q = a / out
        return (g * MaskedFillBackward0.apply(q, mask=out._data == 0, value=0),)


def _like(g, arr):
    """``arr`` (an ndarray) as an operand of ``g``: itself, or a constant Tensor."""
    return arr if _is_array(g) else _tensor(arr)


def _masked(x, keep):
    """``x`` where ``keep``, 0 elsewhere, even where ``x`` is inf or nan (PyTorch's
    ``masked_fill_``)."""
    if _is_array(x):
        return np.where(keep, x, 0).astype(x.dtype, copy=False)
    return where(keep, x, zeros_like(x))


# ---------------------------------------------------------------- losses


def _nll_mean_rows(ctx, logp, t):
    """``nll_loss(logp, t)`` of (N, C) log-probabilities, every target (int64, in range)
    counted, mean: the picked values summed in PyTorch's order (its cascade), negated,
    divided by N.  The gradient's coefficients (−1/N at each row's target) are kept as
    flat positions (``ctx.rows``), written out by ``backward``."""
    n, c = logp.shape
    dt = logp.dtype.type
    total = dt(n)
    flat = _row_starts(n, c) + t
    ctx.reduction, ctx.batched = "mean", True
    ctx.rows = (flat, dt(-1) / total, logp.shape, logp.size, logp.dtype)
    return np.array(-nll_sum(logp.take(flat)) / total)


def _nll_coef(ctx):
    """The dense coefficients of ``_nll_mean_rows`` (for a graph of the gradient)."""
    flat, scale, shape, size, dtype = ctx.rows
    coef = np.zeros(size, dtype)
    coef[flat] = scale
    return coef.reshape(shape)


_ROW_STARTS = {}


def _row_starts(n, c):
    """``arange(n) * c``: where each row of an (n, c) array starts in its flat data
    (cached for the sizes a training loop repeats)."""
    r = _ROW_STARTS.get((n, c))
    if r is None:
        r = np.arange(n) * c
        r.flags.writeable = False
        if len(_ROW_STARTS) < 64:
            _ROW_STARTS[n, c] = r
    return r


def cross_entropy_nodes(input, flat):
    """``cross_entropy(input, t)`` of an (N, C) float tensor that requires grad (grad
    mode on, nobody listening), int64 targets all in [0, C) (given as ``flat``: where
    each row's target is in the flat data, ``arange(N) * C + t``), mean: the nodes
    ``LogSoftmaxBackward0 -> NllLossBackward0`` built as ``apply`` builds them (the same
    fields, edges, saved values and sequence numbers), their forwards inlined."""
    a = input._data
    n = a.shape[0]
    ls = _new(LogSoftmaxBackward0)
    ls.needs_input_grad = _TRUE1
    if a.size <= EXACT_MAX // 4 and a.dtype == _F32:  # the exact route (``_exact32``)
        logp = LogSoftmaxBackward0.forward(ls, a, dim=1)
    else:  # ``_log_softmax_rows``, inlined
        ls.dim, ls.exact = 1, None
        shifted = a - _row_max(a)
        logp = _subtract(shifted, _log(_row_sums(_exp(shifted))), out=shifted)
        ls._saved = (logp,)
    lp = _record(ls, logp, logp.shape, input)
    ls._saved_meta = [(0, lp._vbox, 0, None)]  # (the saved output, as apply notes it)
    # ``_nll_mean_rows``, inlined
    nl = _new(NllLossBackward0)
    nl.needs_input_grad = _TRUE1
    dt = a.dtype.type
    total = dt(n)
    nl.reduction, nl.batched = "mean", True
    nl.rows = (flat, dt(-1) / total, logp.shape, logp.size, logp.dtype)
    # the gradient NllLossBackward0 sends (one value v at each row's target, zeros
    # elsewhere: every row sums to v) and v, handed to LogSoftmaxBackward0
    nl.pair = ls.pair = [None]
    return _record(nl, _array(-nll_sum(logp.take(flat)) / total), (), lp)


class NllLossBackward0(Function):
    """Negative log-likelihood of class indices: one slot (the log-probabilities); the
    target and the class weights are constants."""

    coef = None  # (None: ``rows`` holds them, see ``_nll_mean_rows``)
    pair = None  # (see ``cross_entropy_nodes``)
    _double = NllLossBackwardBackward0  # (its gradient's node under create_graph)

    op, symbol = "nll_loss", "nll_loss"
    formula = "∂nll/∂logpᵢ,c = −w_c/Σw if c = targetᵢ else 0 (mean)"
    local = (
        Local(
            "-G at each row's target class (weighted; ÷ the weights' total for the mean), "
            "0 elsewhere",
            rule=True,
            zh="每行目标类别处为 -G（有权重时加权；mean 时除以权重之和），其余为 0",
        ),
    )

    @staticmethod
    def _graph_backward(ctx, g):
        # PyTorch's NllLossBackwardBackward0: slots grad_output and self (the
        # log-probabilities: an edge only, their gradient of a gradient is zeros)
        coef = ctx.coef if ctx.coef is not None else _nll_coef(ctx)
        rows = ctx.reduction == "none" and ctx.batched
        logp = edge_tensor(ctx, 0, coef.shape, coef.dtype)
        return (ctx._double.apply(g, logp, coef=coef, rows=rows),)

    @staticmethod
    def forward(ctx, logp, target=None, weight=None, reduction="mean", ignore_index=-100):
        if weight is None and reduction == "mean" and logp.ndim == 2 and logp.shape[0]:
            # the usual case (cross_entropy of a batch): same numbers, fewer steps
            t = target if target.__class__ is np.ndarray else np.asarray(target)
            if t.ndim != 1:
                t = t.reshape(-1)
            if t.dtype is not _I64 and t.dtype != _I64:
                t = t.astype(np.int64)
            # (targets are checked: in range, or equal to ignore_index)
            if (np.minimum.reduce(t) >= 0) if ignore_index < 0 else not (t == ignore_index).any():
                return _nll_mean_rows(ctx, logp, t)
        batched = logp.ndim == 2
        lp = logp if batched else logp[None]
        t = np.asarray(target).reshape(-1).astype(np.int64)
        keep = t != ignore_index
        safe = np.where(keep, t, 0)
        rows = np.arange(lp.shape[0])
        w = np.ones(lp.shape[1], dtype=lp.dtype) if weight is None else weight
        wt = np.where(keep, w[safe], 0).astype(lp.dtype)
        picked = -(lp[rows, safe] * wt)
        onehot = np.zeros(lp.shape, dtype=lp.dtype)
        onehot[rows[keep], safe[keep]] = -wt[keep]  # (an ignored row stays +0, not -0)
        ctx.reduction, ctx.batched = reduction, batched
        if reduction == "none":
            ctx.coef = onehot if batched else onehot[0]
            return _nd(picked if batched else picked[0])
        # sums in PyTorch's order (its cascade; ignored targets skipped)
        if reduction == "sum":
            out = nll_sum(picked, keep)
            ctx.coef = onehot if batched else onehot[0]
        else:
            total = nll_sum(wt, keep) if weight is not None else lp.dtype.type(keep.sum())
            with _errstate(DIVIDE_INVALID):
                out = nll_sum(picked, keep) / total
                coef = onehot / total
            if not total:  # every target ignored: PyTorch writes no gradient (0, not nan)
                coef[~keep] = 0
            ctx.coef = coef if batched else coef[0]
        return _nd(np.asarray(out, dtype=lp.dtype))

    @staticmethod
    def backward(ctx, g):
        coef = ctx.coef
        if coef is None:  # (the usual case: _nll_mean_rows)
            if _is_array(g):
                # PyTorch's nll_loss_backward: zeros, −g/N at each row's target
                flat, scale, shape, size, dtype = ctx.rows
                z = np.zeros(size, dtype)
                z[flat] = v = g * scale
                z = z.reshape(shape)
                pair = ctx.pair
                if pair is not None and ctx._node_hooks is None:
                    pair[0] = (z, v)  # (no hook of this node can change z)
                return (z,)
            coef = _nll_coef(ctx)
        if ctx.reduction == "none" and ctx.batched:
            g = unsqueeze_dims(g, (1,))
        return (_times(g, coef),)


class BinaryCrossEntropyBackward0(Function):
    op, symbol = "binary_cross_entropy", "bce"
    formula = (
        "∂bce/∂x = (x − t)/(x(1 − x)), ∂bce/∂t = log(1 − x) − log(x) "
        "(bce = −[t·log x + (1 − t)·log(1 − x)])"
    )
    local = (
        Local("({0} - {1})/({0}·(1 - {0}))", lambda x, o, k: bce_local(x, k, 0)),
        Local("ln(1 - {0}) - ln({0})", lambda x, o, k: bce_local(x, k, 1)),
    )

    @staticmethod
    def forward(ctx, x, t, weight=None, reduction="mean"):
        ctx.save_for_backward(x, t)
        ctx.weight, ctx.reduction, ctx.shape = weight, reduction, x.shape
        with _errstate(DIVIDE_INVALID):
            lx = np.maximum(np.log(x), -100)
            l1x = np.maximum(np.log1p(-x), -100)
            loss = -(t * lx + (1 - t) * l1x)
        if weight is not None:
            loss = loss * weight
        loss = loss.astype(x.dtype, copy=False)
        if reduction == "none":
            return _nd(loss)
        if reduction == "sum":
            return _nd(np.sum(loss))
        with _errstate(INVALID):
            return _nd(
                np.mean(loss, dtype=x.dtype) if loss.size else np.array(np.nan, dtype=x.dtype)
            )

    @staticmethod
    def backward(ctx, g):
        x, t = ctx.saved_tensors
        if ctx.reduction != "none":
            g = expand_to(g, ctx.shape)
            if ctx.reduction == "mean":
                g = scale(g, 1.0 / max(int(np.prod(ctx.shape)), 1))
        if ctx.weight is not None:
            g = _times(g, ctx.weight)
        gx = gt = None
        with _errstate(DIVIDE_INVALID):
            if ctx.needs_input_grad[0]:
                gx = g * (x - t) / _clamp_min((1 - x) * x, _BCE_EPS)
            if ctx.needs_input_grad[1]:
                gt = g * (log(1 - x) - log(x))
        return gx, gt

    @staticmethod
    def _graph_backward(ctx, g):
        # the input's gradient as ONE BinaryCrossEntropyBackwardBackward0 node (slots
        # grad_output, self, target), as PyTorch's; the target's as before
        n = ctx.needs_input_grad
        x, t = ctx.saved_tensors
        gx = None
        if n[0]:
            kw = {"weight": ctx.weight, "reduction": ctx.reduction}
            gx = BinaryCrossEntropyBackwardBackward0.apply(g, x, t, **kw)
        gt = BinaryCrossEntropyBackward0.backward(ctx, g)[1] if n[1] else None
        return gx, gt


class BinaryCrossEntropyBackwardBackward0(Function):
    """``binary_cross_entropy_backward(g, x, t)``: ``g·(x − t)/max(x(1 − x), ε)`` (÷ n
    for the mean, × the weight), slots g, x, t; its gradients are PyTorch's
    ``binary_cross_entropy_double_backward`` formulas."""

    op, symbol = "binary_cross_entropy_backward", "bce'"
    formula = (
        "∂/∂g = Σ (x − t)/(x(1 − x)),  ∂/∂x = G·g·(x² − 2xt + t)/(x²(1 − x)²),  "
        "∂/∂t = −G·g/(x(1 − x))"
    )
    local = (
        Local(("Σ G·({1} - {2})/({1}·(1 - {1}))", "Σ G·({1} - {2})/({1}·(1 - {1}))"), rule=True),
        Local(
            (
                "G·{0}·({1}² - 2·{1}·{2} + {2})/({1}²·(1 - {1})²)",
                "G·{0}·({1}² - 2·{1}·{2} + {2})/({1}²·(1 - {1})²)",
            ),
            rule=True,
        ),
        Local(("-G·{0}/({1}·(1 - {1}))", "-G·{0}/({1}·(1 - {1}))"), rule=True),
    )

    @staticmethod
    def forward(ctx, g, x, t, weight=None, reduction="mean"):
        ctx.weight, ctx.reduction = weight, reduction
        ctx.save_for_backward(g, x, t)
        if reduction != "none":  # (as the plain backward: the same values)
            g = expand_to(g, x.shape)
            if reduction == "mean":
                g = scale(g, 1.0 / max(x.size, 1))
        if weight is not None:
            g = g * weight
        with _errstate(DIVIDE_INVALID):
            return _nd(g * (x - t) / np.maximum((1 - x) * x, _BCE_EPS))

    @staticmethod
    def backward(ctx, gg):
        g, x, t = ctx.saved_tensors
        n = ctx.needs_input_grad
        w = ctx.weight
        numel = max(int(np.prod(np.shape(_raw(x)))), 1)
        mean = ctx.reduction == "mean"
        d_g = d_x = d_t = None
        with _errstate(DIVIDE_INVALID):
            if n[1]:
                # binary_cross_entropy_double_backward
                eps = 1e-12
                num = x * x - scale(x, 2) * t + t
                den = add_scalar(x, eps) ** 2 * add_scalar(1 - x, eps) ** 2
                d_x = num / den * (gg * g)
                if w is not None:
                    d_x = _times(d_x, w)
                if mean:
                    d_x = d_x / numel
            if n[0]:
                # binary_cross_entropy_double_backward_grad_output
                ggo = (x - t) / _clamp_min((1 - x) * x, _BCE_EPS) * gg
                if w is not None:
                    ggo = _times(ggo, w)
                if ctx.reduction != "none":
                    ggo = _sum_keep(ggo, None)
                    ggo = ggo.reshape(()) if not _is_array(ggo) else np.reshape(ggo, ())
                    if mean:
                        ggo = ggo / numel
                d_g = ggo
            if n[2]:
                # binary_cross_entropy_double_backward_target
                res = -gg * g
                if w is not None:
                    res = _times(res, w)
                res = res / _clamp_min((1 - x) * x, _BCE_EPS)
                if mean:
                    res = res / numel
                d_t = res
        return d_g, d_x, d_t


class NllLoss2DBackward0(NllLossBackward0):
    """``nll_loss`` of an (N, C, H, W) input with (N, H, W) targets (PyTorch's
    ``nll_loss2d``; inputs of 3 or more than 4 dims are viewed as (N, C, 1, L) first).
    The positions are taken as rows (N·H·W, C) in PyTorch's order (batch, then position),
    so the sums are the 2-D kernel's."""

    _double = NllLoss2DBackwardBackward0

    @staticmethod
    def forward(ctx, logp, target=None, weight=None, reduction="mean", ignore_index=-100):
        n, c = logp.shape[0], logp.shape[1]
        spatial = logp.shape[2:]
        rows = np.moveaxis(logp, 1, -1).reshape(-1, c)
        out = NllLossBackward0.forward(
            ctx,
            rows,
            target=np.asarray(target).reshape(-1),
            weight=weight,
            reduction=reduction,
            ignore_index=ignore_index,
        )
        coef = ctx.coef if ctx.coef is not None else _nll_coef(ctx)
        coef = np.asarray(coef).reshape((n, *spatial, c))
        ctx.coef = np.ascontiguousarray(np.moveaxis(coef, -1, 1))
        ctx.batched = True
        if reduction == "none":
            return _nd(out).reshape((n, *spatial))
        return out


class DivBackward1(Function):
    """``tensor / number`` as PyTorch's C++ code records it (``div(Tensor, Scalar)``, one
    slot), e.g. inside ``cross_entropy`` with class-probability targets."""

    op, symbol = "div", "/"
    formula = "∂(a/c)/∂a = 1/c"
    local = (
        Local(
            lambda k, x: "1/" + num_text(k.get("other", 1)),
            lambda x, o, k: 1.0 / k.get("other", 1),
        ),
    )

    @staticmethod
    def forward(ctx, a, other=1):
        ctx.other = other
        with _errstate(DIVIDE_INVALID):
            return _nd(a / a.dtype.type(other))

    @staticmethod
    def backward(ctx, g):
        with _errstate(DIVIDE_INVALID):
            return (g / ctx.other,)


class ClampBackward0(Function):
    """``clamp(a, min, max)`` with tensor bounds (either may be ``None``): three slots;
    each bound gets the gradient where it decides the value, as PyTorch's
    ``clamp_backward_min_max``."""

    op, symbol = "clamp", "clamp"
    formula = "∂/∂a = [lo ≤ a ≤ hi],  ∂/∂lo = [a < lo < hi],  ∂/∂hi = [a > hi or hi < lo]"
    local = (
        Local("[{1} ≤ {0} ≤ {2}]", lambda x, o, k: _clamp_masks(x[0], x[1], x[2])[0]),
        Local("[{0} < {1} < {2}]", lambda x, o, k: _clamp_masks(x[0], x[1], x[2])[1]),
        Local("[{0} > {2} or {2} < {1}]", lambda x, o, k: _clamp_masks(x[0], x[1], x[2])[2]),
    )

    @staticmethod
    def forward(ctx, a, lo=None, hi=None):
        ctx.save_for_backward(a, lo, hi)
        out = a
        if lo is not None:
            out = np.maximum(out, lo)
        if hi is not None:
            out = np.minimum(out, hi)
        return _nd(out)

    @staticmethod
    def backward(ctx, g):
        a, lo, hi = ctx.saved_tensors
        ka, kl, kh = _clamp_masks(_raw(a), _raw(lo), _raw(hi))
        n = ctx.needs_input_grad
        return (
            mask(g, ka) if n[0] else None,
            mask(g, kl) if n[1] and kl is not None else None,
            mask(g, kh) if n[2] and kh is not None else None,
        )


def _clamp_masks(a, lo, hi):
    """Where the input, the lower and the upper bound each pass the gradient."""
    a = np.asarray(a)
    if lo is not None and hi is not None:
        lo, hi = np.asarray(lo), np.asarray(hi)
        ka = (a >= lo) & (a <= hi)
        kl = (a < lo) & (lo < hi)
        kh = (a > hi) | (hi < lo)
        shape = np.broadcast_shapes(a.shape, lo.shape, hi.shape)
        return (np.broadcast_to(ka, shape), np.broadcast_to(kl, shape), np.broadcast_to(kh, shape))
    if lo is not None:
        ka = a >= np.asarray(lo)
        return ka, ~ka, None
    ka = a <= np.asarray(hi)
    return ka, None, ~ka
