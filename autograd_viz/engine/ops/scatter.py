"""Nodes of ``scatter`` / ``scatter_add`` and of further indexing and reduction ops tutorials
use: ``ScatterBackward0`` (a src tensor), ``ScatterBackward1`` (a number),
``ScatterAddBackward0``, ``MaskedSelectBackward0``, ``TakeBackward0``, ``RollBackward0``,
``CumprodBackward0``, ``TraceBackward0``, ``NanToNumBackward0``, ``LerpBackward0/1``,
``AddcmulBackward0``, ``AddcdivBackward0``, ``IndexAddBackward0``.  Backward formulas also
run on Tensors (``create_graph=True``)."""

from __future__ import annotations

import numpy as np

from ..function import Function, Local
from ..functional_array import _is_array, _tensor
from .more import GatherBackward0, _keep
from .shape import scatter as _put


def _gather(g, grid):
    """``g`` read at ``grid`` (a tuple index), on arrays or Tensors."""
    if _is_array(g):
        return np.ascontiguousarray(g[grid])
    return GatherBackward0.apply(g, index=grid)


def _grad_src(node, g, grid, idx_shape, src_shape, index_0d=False):
    """The gradient of ``scatter``'s src: ``g`` gathered at the index (PyTorch's formula,
    which it refuses when the index is smaller than src).  A 0-d index gathers a 0-d
    gradient; a 0-d src (written at a 1-element index) gets the gathered value summed, as
    PyTorch's engine sums a gradient to its input's shape."""
    gshape = () if index_0d else tuple(idx_shape)
    if gshape != tuple(src_shape) and src_shape != ():
        raise RuntimeError(
            f"Function {node} returned an invalid gradient at index 1 - got "
            f"{list(gshape)} but expected shape compatible with {list(src_shape)}"
        )
    gs = _gather(g, grid)
    if src_shape == () and gs.shape != ():
        gs = gs.sum() if not _is_array(gs) else np.asarray(gs.sum())
    return gs


def _src_values(src, idx_shape):
    """``src``'s values for an index of ``idx_shape`` (its leading block; a 0-d src: its
    one value, broadcast)."""
    if src.ndim == 0:
        return np.broadcast_to(src, idx_shape)
    return src[tuple(slice(0, s) for s in idx_shape)]


class ScatterBackward0(Function):
    """``a`` with ``src``'s elements written at ``index`` along ``dim``."""

    op, symbol = "scatter", "scatter"
    formula = "∂/∂a = 1 where nothing is written, 0 where src is; ∂/∂src: G read at the index"
    local = (
        Local(("G, 0 where src was written", "G，写入 src 的位置为 0"), rule=True),
        Local(("G read at the scattered positions", "在 scatter 位置读取的 G"), rule=True),
    )

    @staticmethod
    def forward(ctx, a, src, grid=None, mask=None, index_0d=False):
        ctx.grid, ctx.mask, ctx.src_shape = grid, mask, src.shape
        ctx.idx_shape = np.broadcast_shapes(*(np.shape(i) for i in grid))
        ctx.index_0d = index_0d
        out = np.array(a, copy=True)
        out[grid] = _src_values(src, ctx.idx_shape)
        return out

    @staticmethod
    def backward(ctx, g):
        ga = gs = None
        if ctx.needs_input_grad[0]:
            ga = _keep(g, ctx.mask)
        if ctx.needs_input_grad[1]:
            gs = _grad_src(
                type(ctx).__name__, g, ctx.grid, ctx.idx_shape, ctx.src_shape, ctx.index_0d
            )
        return ga, gs


class ScatterBackward1(Function):
    """``a`` with ``value`` (a number) written at ``index`` along ``dim``."""

    op, symbol = "scatter", "scatter"
    formula = "∂/∂a = 1 where nothing is written, 0 where the value is"
    local = (Local(("G, 0 where the value was written", "G，写入值的位置为 0"), rule=True),)

    @staticmethod
    def forward(ctx, a, grid=None, mask=None, value=0):
        ctx.mask = mask
        out = np.array(a, copy=True)
        out[grid] = value
        return out

    @staticmethod
    def backward(ctx, g):
        return (_keep(g, ctx.mask),)


class ScatterAddBackward0(Function):
    """``a`` with ``src``'s elements added at ``index`` along ``dim``."""

    op, symbol = "scatter_add", "scatter_add"
    formula = "∂/∂a = 1; ∂/∂src: G read at the index"
    local = (
        Local("G", rule=True),
        Local(("G read at the positions added to", "在被加位置读取的 G"), rule=True),
    )

    @staticmethod
    def forward(ctx, a, src, grid=None, index_0d=False):
        ctx.grid, ctx.src_shape = grid, src.shape
        ctx.idx_shape = np.broadcast_shapes(*(np.shape(i) for i in grid))
        ctx.index_0d = index_0d
        out = np.array(a, copy=True)
        np.add.at(out, grid, _src_values(src, ctx.idx_shape))
        return out

    @staticmethod
    def backward(ctx, g):
        ga = gs = None
        if ctx.needs_input_grad[0]:
            ga = g
        if ctx.needs_input_grad[1]:
            gs = _grad_src(
                type(ctx).__name__, g, ctx.grid, ctx.idx_shape, ctx.src_shape, ctx.index_0d
            )
        return ga, gs


class MaskedSelectBackward0(Function):
    """The elements of ``a`` where ``mask`` is True, as a 1-D tensor."""

    op, symbol = "masked_select", "masked_select"
    formula = "∂/∂a: each selected element's gradient goes back to its position, 0 elsewhere"
    local = (
        Local(("G at the selected positions of {0:r}", "G 放回 {0:r} 被选中的位置"), rule=True),
    )

    @staticmethod
    def forward(ctx, a, mask=None, shape=None):
        ctx.shape, ctx.a_shape = shape, a.shape
        ctx.index = np.nonzero(np.broadcast_to(mask, shape))
        return np.ascontiguousarray(np.broadcast_to(a, shape)[ctx.index])

    @staticmethod
    def backward(ctx, g):
        full = _put(g, ctx.shape, ctx.index)
        if tuple(ctx.shape) == tuple(ctx.a_shape):
            return (full,)
        return (_sum_to(full, ctx.a_shape),)


def _sum_to(g, shape):
    lead = g.ndim - len(shape) if _is_array(g) else g.dim() - len(shape)
    axes = tuple(range(lead)) + tuple(
        lead + i for i, s in enumerate(shape) if s == 1 and g.shape[lead + i] != 1
    )
    if _is_array(g):
        return g.sum(axis=axes).reshape(shape)
    return g.sum(axes).reshape(shape) if axes else g


class TakeBackward0(Function):
    """``a.flatten()[index]`` in ``index``'s shape."""

    op, symbol = "take", "take"
    formula = "∂/∂a: each gradient element is added at the flat position it was read from"
    local = (
        Local(("G added at the taken positions of {0:r}", "G 加到 {0:r} 被取的位置"), rule=True),
    )

    @staticmethod
    def forward(ctx, a, index=None):
        ctx.shape, ctx.index = a.shape, np.unravel_index(index, a.shape)
        return np.ascontiguousarray(a[ctx.index])

    @staticmethod
    def backward(ctx, g):
        return (_put(g, ctx.shape, ctx.index, accumulate=True),)


class RollBackward0(Function):
    op, symbol = "roll", "roll"
    formula = "∂roll(a)/∂a: G rolled back by the same shifts"
    local = (Local(("G rolled back", "G 反向滚动"), rule=True),)

    @staticmethod
    def forward(ctx, a, shifts=(), dims=None):
        ctx.shifts, ctx.dims = shifts, dims
        if dims is None:
            return np.roll(a, shifts[0])
        return np.roll(a, shifts, dims)

    @staticmethod
    def backward(ctx, g):
        back = tuple(-s for s in ctx.shifts)
        if _is_array(g):
            return (np.roll(g, back[0]) if ctx.dims is None else np.roll(g, back, ctx.dims),)
        return (RollBackward0.apply(g, shifts=back, dims=ctx.dims),)


class TraceBackward0(Function):
    op, symbol = "trace", "trace"
    formula = "∂trace(a)/∂a = I (the identity)"
    local = (Local(("G on the diagonal, 0 elsewhere", "对角线上为 G，其余为 0"), rule=True),)

    @staticmethod
    def forward(ctx, a):
        ctx.shape = a.shape
        return np.asarray(np.trace(a), dtype=a.dtype)

    @staticmethod
    def backward(ctx, g):
        n = min(ctx.shape)
        ar = np.arange(n)
        if _is_array(g):
            z = np.zeros(ctx.shape, dtype=g.dtype)
            z[ar, ar] = g
            return (z,)
        eye = np.zeros(ctx.shape, dtype=g._data.dtype)
        eye[ar, ar] = 1
        return (g * _tensor(eye),)


class NanToNumBackward0(Function):
    op, symbol = "nan_to_num", "nan_to_num"
    formula = "∂/∂a = 1 where a is finite, 0 where it is nan or ±inf"
    local = (
        Local(("G where {0:r} is finite, 0 elsewhere", "{0:r} 有限处为 G，其余为 0"), rule=True),
    )

    @staticmethod
    def forward(ctx, a, nan=0.0, posinf=None, neginf=None):
        ctx.mask = ~np.isfinite(a)
        return np.nan_to_num(a, copy=True, nan=nan, posinf=posinf, neginf=neginf)

    @staticmethod
    def backward(ctx, g):
        return (_keep(g, ctx.mask),)


class LerpBackward0(Function):
    """``a + weight·(end − a)`` with a number ``weight``."""

    op, symbol = "lerp", "lerp"
    formula = "∂/∂a = 1 − w,  ∂/∂end = w"
    local = (
        Local("1 − w", lambda x, o, k: 1 - k["weight"]),
        Local("w", lambda x, o, k: k["weight"]),
    )

    @staticmethod
    def forward(ctx, a, end, weight=0.5):
        ctx.weight = weight
        return np.asarray(a + weight * (end - a), dtype=np.result_type(a, end))

    @staticmethod
    def backward(ctx, g):
        n, w = ctx.needs_input_grad, ctx.weight
        return (g * (1 - w) if n[0] else None), (g * w if n[1] else None)


class LerpBackward1(Function):
    """``a + weight·(end − a)`` with a tensor ``weight``."""

    op, symbol = "lerp", "lerp"
    formula = "∂/∂a = 1 − w,  ∂/∂end = w,  ∂/∂w = end − a"
    local = (
        Local("1 − {2}", lambda x, o, k: 1 - x[2]),
        Local("{2}", lambda x, o, k: x[2]),
        Local("{1} − {0}", lambda x, o, k: x[1] - x[0]),
    )

    @staticmethod
    def forward(ctx, a, end, weight):
        ctx.save_for_backward(a, end, weight)
        return np.asarray(a + weight * (end - a), dtype=np.result_type(a, end, weight))

    @staticmethod
    def backward(ctx, g):
        n = ctx.needs_input_grad
        a, end, w = ctx.saved_tensors
        return (
            g * (1 - w) if n[0] else None,
            g * w if n[1] else None,
            g * (end - a) if n[2] else None,
        )


class AddcmulBackward0(Function):
    """``a + value·t1·t2``."""

    op, symbol = "addcmul", "addcmul"
    formula = "∂/∂a = 1,  ∂/∂t1 = value·t2,  ∂/∂t2 = value·t1"
    local = (
        Local("1", lambda x, o, k: 1),
        Local(("value·{2}", "value·{2}"), lambda x, o, k: k["value"] * x[2]),
        Local(("value·{1}", "value·{1}"), lambda x, o, k: k["value"] * x[1]),
    )

    @staticmethod
    def forward(ctx, a, t1, t2, value=1):
        ctx.value = value
        ctx.save_for_backward(t1, t2)
        dt = np.result_type(a, t1, t2)
        return np.asarray(a + value * (t1 * t2), dtype=dt)

    @staticmethod
    def backward(ctx, g):
        n, v = ctx.needs_input_grad, ctx.value
        t1, t2 = ctx.saved_tensors
        return (
            g if n[0] else None,
            g * (t2 * v) if n[1] else None,
            g * (t1 * v) if n[2] else None,
        )


class AddcdivBackward0(Function):
    """``a + value·t1/t2``."""

    op, symbol = "addcdiv", "addcdiv"
    formula = "∂/∂a = 1,  ∂/∂t1 = value/t2,  ∂/∂t2 = −value·t1/t2²"
    local = (
        Local("1", lambda x, o, k: 1),
        Local(("value / {2}", "value / {2}"), lambda x, o, k: k["value"] / x[2]),
        Local(
            ("−value·{1} / {2}²", "−value·{1} / {2}²"),
            lambda x, o, k: -k["value"] * x[1] / (x[2] * x[2]),
        ),
    )

    @staticmethod
    def forward(ctx, a, t1, t2, value=1):
        ctx.value = value
        ctx.save_for_backward(t1, t2)
        dt = np.result_type(a, t1, t2)
        return np.asarray(a + value * (t1 / t2), dtype=dt)

    @staticmethod
    def backward(ctx, g):
        n, v = ctx.needs_input_grad, ctx.value
        t1, t2 = ctx.saved_tensors
        return (
            g if n[0] else None,
            g * v / t2 if n[1] else None,
            -g * v * t1 / (t2 * t2) if n[2] else None,
        )


class IndexAddBackward0(Function):
    """``a`` with ``alpha·source``'s slices added at ``index`` along ``dim``."""

    op, symbol = "index_add", "index_add"
    formula = "∂/∂a = 1;  ∂/∂source = alpha·G at the indexed slices"
    local = (
        Local("G", rule=True),
        Local(("alpha · G read at the indexed slices", "alpha · 在索引切片读取的 G"), rule=True),
    )

    @staticmethod
    def forward(ctx, a, source, key=None, alpha=1):
        ctx.key, ctx.alpha = key, alpha
        out = np.array(a, copy=True)
        np.add.at(out, key, source * alpha if alpha != 1 else source)
        return out

    @staticmethod
    def backward(ctx, g):
        n = ctx.needs_input_grad
        gs = None
        if n[1]:
            gs = _gather(g, ctx.key)
            if ctx.alpha != 1:
                gs = gs * ctx.alpha
        return (g if n[0] else None), gs


class Rot90Backward0(Function):
    op, symbol = "rot90", "rot90"
    formula = "∂rot90(a)/∂a: G rotated back"
    local = (Local(("G rotated back", "G 反向旋转"), rule=True),)

    @staticmethod
    def forward(ctx, a, k=1, dims=(0, 1)):
        ctx.k, ctx.dims = k, dims
        return np.ascontiguousarray(np.rot90(a, k, dims))

    @staticmethod
    def backward(ctx, g):
        if _is_array(g):
            return (np.ascontiguousarray(np.rot90(g, -ctx.k, ctx.dims)),)
        return (Rot90Backward0.apply(g, k=-ctx.k, dims=ctx.dims),)


class CumprodBackward0(Function):
    op, symbol = "cumprod", "cumprod"
    formula = "∂outⱼ/∂aᵢ = Π_{k ≤ j, k ≠ i} aₖ for j ≥ i"
    local = (
        Local(
            ("Σ_{j ≥ i} G_j · Π_{k ≤ j, k ≠ i} a_k", "Σ_{j ≥ i} G_j · Π_{k ≤ j, k ≠ i} a_k"),
            rule=True,
        ),
    )

    @staticmethod
    def forward(ctx, a, dim=0, dtype=None):
        ctx.dim = dim
        ctx.save_for_backward(a)
        return np.cumprod(a, axis=dim, dtype=dtype)

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        d = ctx.dim
        arr = _is_array(g)
        shape = a.shape
        n = shape[d]
        pieces = []
        for i in range(n):
            one = np.ones(n)
            one[i] = 0
            later = (np.arange(n) >= i).astype(float)
            view = [1] * len(shape)
            view[d] = n
            m_i = one.reshape(view).astype(np.result_type(a) if arr else a._data.dtype)
            m_j = later.reshape(view).astype(m_i.dtype)
            if arr:
                p = np.cumprod(a * m_i + (1 - m_i), axis=d)
                pieces.append((g * p * m_j).sum(axis=d, keepdims=True))
            else:
                t_i, t_j = _tensor(m_i), _tensor(m_j)
                p = CumprodBackward0.apply(a * t_i + (1 - t_i), dim=d)
                pieces.append((g * p * t_j).sum(d, keepdim=True))
        if arr:
            return (np.concatenate(pieces, axis=d),)
        from ..api import cat

        return (cat(pieces, d),)


def _mT(x):
    return np.swapaxes(x, -1, -2) if _is_array(x) else x.transpose(-2, -1)


class LinalgInvExBackward0(Function):
    """The inverse of a (batch of) square matrices."""

    op, symbol = "linalg_inv", "inv"
    formula = "∂A⁻¹ = −A⁻¹ (∂A) A⁻¹:  ∂L/∂A = −A⁻ᵀ G A⁻ᵀ"
    local = (Local(("−{out}ᵀ @ G @ {out}ᵀ", "−{out}ᵀ @ G @ {out}ᵀ"), rule=True),)

    @staticmethod
    def forward(ctx, a):
        out = np.linalg.inv(a)
        ctx.save_for_backward(out)
        return out

    @staticmethod
    def backward(ctx, g):
        (inv,) = ctx.saved_tensors
        it = _mT(inv)
        return (-(it @ g @ it),)


class LinalgDetBackward0(Function):
    """The determinant of a (batch of) square matrices."""

    op, symbol = "linalg_det", "det"
    formula = "∂det(A)/∂A = det(A)·A⁻ᵀ"
    local = (Local(("G · det({0:r}) · {0:r}⁻ᵀ", "G · det({0:r}) · {0:r}⁻ᵀ"), rule=True),)

    @staticmethod
    def forward(ctx, a):
        out = np.asarray(np.linalg.det(a), dtype=a.dtype)
        ctx.save_for_backward(a, out)
        return out

    @staticmethod
    def backward(ctx, g):
        a, det = ctx.saved_tensors
        if _is_array(g):
            s = (g * det)[..., None, None]
            return (s * _mT(np.linalg.inv(a)),)
        s = (g * det).unsqueeze(-1).unsqueeze(-1)
        return (s * _mT(LinalgInvExBackward0.apply(a)),)


class BaddbmmBackward0(Function):
    """``beta·input + alpha·(batch1 @ batch2)`` in one node."""

    op, symbol = "baddbmm", "+@"
    formula = "∂/∂input = β,  ∂/∂B1 = α·G @ B2ᵀ,  ∂/∂B2 = α·B1ᵀ @ G"
    local = (
        Local("β", lambda x, o, k: k["beta"]),
        Local("α · G @ {2}ᵀ", rule=True),
        Local("α · {1}ᵀ @ G", rule=True),
    )

    @staticmethod
    def forward(ctx, c, b1, b2, beta=1, alpha=1):
        ctx.beta, ctx.alpha = beta, alpha
        ctx.save_for_backward(b1, b2)
        prod = b1 @ b2
        if alpha != 1:
            prod = prod * alpha
        if beta == 0:
            return np.ascontiguousarray(prod, dtype=b1.dtype)
        return np.asarray(prod + (c if beta == 1 else c * beta), dtype=b1.dtype)

    @staticmethod
    def backward(ctx, g):
        n = ctx.needs_input_grad
        b1, b2 = ctx.saved_tensors
        a, beta = ctx.alpha, ctx.beta
        gc = g1 = g2 = None
        if n[0]:
            gc = g if beta == 1 else g * beta
        if n[1]:
            g1 = g @ _mT(b2)
            g1 = g1 if a == 1 else g1 * a
        if n[2]:
            g2 = _mT(b1) @ g
            g2 = g2 if a == 1 else g2 * a
        return gc, g1, g2


class VarMeanBackward0(Function):
    """``var_mean``: ONE node with two outputs (the variance is output 0, the mean output
    1), as PyTorch makes it.  No double backward (the input is kept as an array)."""

    op, symbol = "var_mean", "var_mean"
    formula = "∂var/∂aᵢ = 2(aᵢ − mean)/(N − correction),  ∂mean/∂aᵢ = 1/N"
    local = (
        Local(
            (
                "G_var · 2({0:r} − mean)/(N − correction) + G_mean / N",
                "G_var · 2({0:r} − mean)/(N − correction) + G_mean / N",
            ),
            rule=True,
        ),
    )
    _multi = True
    _std = False

    @staticmethod
    def backward(ctx, grads):
        gv, gm = grads
        if any(g is not None and not _is_array(g) for g in grads):
            raise NotImplementedError(
                f"autograd_viz: the double backward of {ctx.op} is not implemented"
            )
        from .extra import _restore_dims

        a, dims, keepdim = ctx.a, ctx.dims, ctx.keepdim
        out = np.zeros(a.shape, dtype=a.dtype)
        if gv is not None:
            d = a - np.mean(a, axis=dims, keepdims=True)
            g = _restore_dims(gv, dims, keepdim)
            with np.errstate(divide="ignore", invalid="ignore"):
                if ctx._std:
                    s = _restore_dims(ctx.std, dims, keepdim)
                    out = out + g * d / (a.dtype.type(ctx.dof) * s)
                else:
                    c = 2.0 / ctx.dof if ctx.dof else np.inf
                    out = out + g * d * a.dtype.type(c)
        if gm is not None:
            out = out + _restore_dims(gm, dims, keepdim) / a.dtype.type(ctx.n)
        return (out.astype(a.dtype, copy=False),)


class StdMeanBackward0(VarMeanBackward0):
    """``std_mean``: ONE node, the standard deviation is output 0, the mean output 1."""

    op, symbol = "std_mean", "std_mean"
    formula = "∂std/∂aᵢ = (aᵢ − mean)/((N − correction)·std),  ∂mean/∂aᵢ = 1/N"
    local = (
        Local(
            (
                "G_std · ({0:r} − mean)/((N − correction)·std) + G_mean / N",
                "G_std · ({0:r} − mean)/((N − correction)·std) + G_mean / N",
            ),
            rule=True,
        ),
    )
    _std = True
