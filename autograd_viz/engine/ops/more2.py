"""Nodes of the names teaching code reaches for less often (``engine/api_names.py``):
``addmv`` / ``addr`` / ``addbmm`` (one node each, as PyTorch), ``fmax`` / ``fmin``,
``hardshrink`` / ``softshrink``, ``dist``, ``renorm``, ``put``, ``as_strided``,
``narrow_copy`` and the ``*_scatter`` family.  First derivatives as PyTorch's
``derivatives.yaml`` writes them; the backward formulas run on ndarrays (and on Tensors
under ``create_graph`` where they use only operators)."""

from __future__ import annotations

import numpy as np

from ..function import Function, Local
from ..functional_array import _is_array, mT


def _arr(g):
    return g if _is_array(g) else g._data


def _masked(g, mask):
    """``g`` where ``mask``, else +0 (PyTorch's ``where`` / ``masked_fill``: no -0)."""
    if _is_array(g):
        return np.where(mask, g, np.zeros((), g.dtype))
    return g.masked_fill(_tensor_of(~np.broadcast_to(mask, g.shape)), 0)


def _scaled(x, c):
    return x if c == 1 else x * c


def _beta_alpha(c, prod, beta, dtype):
    """``beta·c + prod`` of the ``add*`` ops (``prod`` already times alpha), in ``dtype``;
    ``beta == 0``: ``c`` is ignored (nan and inf included), as PyTorch does."""
    if beta == 0:
        return np.array(prod, dtype=dtype)
    return np.asarray(prod + _scaled(c, beta), dtype=dtype)


class AddmvBackward0(Function):
    """``beta·input + alpha·(mat @ vec)`` in one node."""

    op, symbol = "addmv", "+@"
    formula = "∂/∂input = β,  ∂/∂mat = α·G ⊗ vec,  ∂/∂vec = α·matᵀ @ G"
    local = (
        Local("β", lambda x, o, k: k.get("beta", 1)),
        Local("α · G ⊗ {2}", rule=True),
        Local("α · {1}ᵀ @ G", rule=True),
    )

    @staticmethod
    def forward(ctx, c, m, v, beta=1, alpha=1):
        ctx.beta, ctx.alpha = beta, alpha
        ctx.save_for_backward(m, v)
        return _beta_alpha(c, _scaled(m @ v, alpha), beta, m.dtype)

    @staticmethod
    def backward(ctx, g):
        n = ctx.needs_input_grad
        m, v = ctx.saved_tensors
        a, b = ctx.alpha, ctx.beta
        gc = gm = gv = None
        if n[0]:
            gc = _scaled(g, b)
        if n[1]:
            gm = _scaled(np.outer(_arr(g), _arr(v)) if _is_array(g) else g.outer(v), a)
        if n[2]:
            gv = _scaled(mT(m) @ g, a)
        return gc, gm, gv


class AddrBackward0(Function):
    """``beta·input + alpha·outer(vec1, vec2)`` in one node."""

    op, symbol = "addr", "+⊗"
    formula = "∂/∂input = β,  ∂/∂vec1 = α·G @ vec2,  ∂/∂vec2 = α·Gᵀ @ vec1"
    local = (
        Local("β", lambda x, o, k: k.get("beta", 1)),
        Local("α · G @ {2}", rule=True),
        Local("α · Gᵀ @ {1}", rule=True),
    )

    @staticmethod
    def forward(ctx, c, v1, v2, beta=1, alpha=1):
        ctx.beta, ctx.alpha = beta, alpha
        ctx.save_for_backward(v1, v2)
        prod = _scaled(np.outer(v1, v2), alpha)
        if c.dtype.kind == "b" and beta != 0:  # (a bool input is added as it is)
            return np.asarray(prod + c, dtype=v1.dtype)
        return _beta_alpha(c, prod, beta, v1.dtype)

    @staticmethod
    def backward(ctx, g):
        n = ctx.needs_input_grad
        v1, v2 = ctx.saved_tensors
        a, b = ctx.alpha, ctx.beta
        gc = g1 = g2 = None
        if n[0]:
            gc = _scaled(g, b)
        if n[1]:
            g1 = _scaled(g @ v2, a)
        if n[2]:
            g2 = _scaled(mT(g) @ v1, a)
        return gc, g1, g2


class AddbmmBackward0(Function):
    """``beta·input + alpha·Σ_b batch1[b] @ batch2[b]`` in one node."""

    op, symbol = "addbmm", "+Σ@"
    formula = "∂/∂input = β,  ∂/∂B1[b] = α·G @ B2[b]ᵀ,  ∂/∂B2[b] = α·B1[b]ᵀ @ G"
    local = (
        Local("β", lambda x, o, k: k.get("beta", 1)),
        Local("α · G @ {2}[b]ᵀ", rule=True),
        Local("α · {1}[b]ᵀ @ G", rule=True),
    )

    @staticmethod
    def forward(ctx, c, b1, b2, beta=1, alpha=1):
        ctx.beta, ctx.alpha = beta, alpha
        ctx.save_for_backward(b1, b2)
        return _beta_alpha(c, _scaled((b1 @ b2).sum(0), alpha), beta, b1.dtype)

    @staticmethod
    def backward(ctx, g):
        n = ctx.needs_input_grad
        b1, b2 = ctx.saved_tensors
        a, b = ctx.alpha, ctx.beta
        gc = g1 = g2 = None
        if n[0]:
            gc = _scaled(g, b)
        if _is_array(g):
            ge = np.broadcast_to(g, (b1.shape[0], *g.shape))
        else:
            ge = g.unsqueeze(0).expand(b1.shape[0], *g.shape)
        if n[1]:
            g1 = _scaled(ge @ mT(b2), a)
        if n[2]:
            g2 = _scaled(mT(b1) @ ge, a)
        return gc, g1, g2


def _fminmax_masks(a, b, pick_a):
    """PyTorch's ``fmax`` backward: ``grad * (self >= other or isnan(other))`` for self,
    ``grad * (self < other or isnan(self))`` for other (``fmin``: the comparisons turned)."""
    ma = (a >= b) if pick_a == "max" else (a <= b)
    ma = ma | np.isnan(b)
    mb = ~ma
    return ma, mb


class FmaxBackward0(Function):
    op, symbol = "fmax", "fmax"
    formula = "∂fmax(a, b)/∂a = 1 where a ≥ b or b is nan, else 0 (b: the rest)"
    _which = "max"
    local = (
        Local(
            ("1 where {0} is picked, else 0", "选中 {0} 处为 1，否则为 0"),
            lambda x, o, k: _fminmax_masks(np.asarray(x[0]), np.asarray(x[1]), "max")[0],
        ),
        Local(
            ("1 where {1} is picked, else 0", "选中 {1} 处为 1，否则为 0"),
            lambda x, o, k: _fminmax_masks(np.asarray(x[0]), np.asarray(x[1]), "max")[1],
        ),
    )

    @classmethod
    def forward(cls, ctx, a, b):
        ma, mb = _fminmax_masks(a, b, cls._which)
        ctx.ma, ctx.mb = ma, mb
        f = np.fmax if cls._which == "max" else np.fmin
        return np.asarray(f(a, b))

    @staticmethod
    def backward(ctx, g):
        n = ctx.needs_input_grad
        return (_masked(g, ctx.ma) if n[0] else None), (_masked(g, ctx.mb) if n[1] else None)


class FminBackward0(FmaxBackward0):
    op, symbol = "fmin", "fmin"
    formula = "∂fmin(a, b)/∂a = 1 where a ≤ b or b is nan, else 0 (b: the rest)"
    _which = "min"
    local = (
        Local(
            ("1 where {0} is picked, else 0", "选中 {0} 处为 1，否则为 0"),
            lambda x, o, k: _fminmax_masks(np.asarray(x[0]), np.asarray(x[1]), "min")[0],
        ),
        Local(
            ("1 where {1} is picked, else 0", "选中 {1} 处为 1，否则为 0"),
            lambda x, o, k: _fminmax_masks(np.asarray(x[0]), np.asarray(x[1]), "min")[1],
        ),
    )


def _hardshrink_mask(a, lambd):
    return (a > lambd) | (a < -lambd)


class HardshrinkBackward0(Function):
    op, symbol = "hardshrink", "hardshrink"
    formula = "∂hardshrink(a)/∂a = 1 where |a| > λ, else 0"
    local = (
        Local(
            ("1 where |{0}| > λ, else 0", "|{0}| > λ 处为 1，否则为 0"),
            lambda x, o, k: _hardshrink_mask(np.asarray(x[0]), k.get("lambd", 0.5)).astype(float),
        ),
    )

    @staticmethod
    def forward(ctx, a, lambd=0.5):
        m = _hardshrink_mask(a, lambd)
        ctx.mask = m
        return np.where(m, a, np.zeros((), a.dtype)).astype(a.dtype, copy=False)

    @staticmethod
    def backward(ctx, g):
        return (_masked(g, ctx.mask),)


class SoftshrinkBackward0(Function):
    op, symbol = "softshrink", "softshrink"
    formula = "∂softshrink(a)/∂a = 1 where |a| > λ, else 0"
    local = (
        Local(
            ("1 where |{0}| > λ, else 0", "|{0}| > λ 处为 1，否则为 0"),
            lambda x, o, k: _hardshrink_mask(np.asarray(x[0]), k.get("lambd", 0.5)).astype(float),
        ),
    )

    @staticmethod
    def forward(ctx, a, lambd=0.5):
        m = _hardshrink_mask(a, lambd)
        ctx.mask = m
        lam = np.asarray(lambd, dtype=a.dtype)
        out = np.where(a > lam, a - lam, np.where(a < -lam, a + lam, np.zeros((), a.dtype)))
        return out.astype(a.dtype, copy=False)

    @staticmethod
    def backward(ctx, g):
        return (_masked(g, ctx.mask),)


def _pnorm(d, p):
    a = np.abs(d)
    if p == 0:
        return np.asarray(np.count_nonzero(a), dtype=d.dtype)
    if p == np.inf:
        return a.max() if a.size else np.zeros((), d.dtype)
    if p == -np.inf:
        return a.min() if a.size else np.zeros((), d.dtype)
    if p == 1:
        return a.sum(dtype=np.float64).astype(d.dtype)
    if p == 2:
        return np.sqrt((a.astype(np.float64) ** 2).sum()).astype(d.dtype)
    return ((a.astype(np.float64) ** p).sum() ** (1.0 / p)).astype(d.dtype)


def _norm_grad(d, norm, p):
    """PyTorch's ``norm_backward`` for a full reduction (``d``: the difference)."""
    d = np.asarray(d)
    norm = np.asarray(norm, dtype=d.dtype)
    if p == 0:
        return np.zeros_like(d)
    if p == 1:
        return np.sign(d)
    if p == 2:
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(norm == 0, np.zeros((), d.dtype), d / norm)
    if p in (np.inf, -np.inf):
        a = np.abs(d)
        m = (a == norm).astype(d.dtype)
        return np.sign(d) * m / m.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        r = d * np.abs(d) ** (p - 2) / norm ** (p - 1)
        return np.where(norm == 0, np.zeros((), d.dtype), r)


class DistBackward0(Function):
    """``torch.dist(a, b, p)``: ‖a − b‖_p (broadcast), one node."""

    op, symbol = "dist", "dist"
    formula = "∂‖a − b‖_p/∂a = sign(a − b)·|a − b|^(p−1) / ‖a − b‖^(p−1);  ∂/∂b = −that"
    local = (
        Local(("the norm's gradient at {0} − {1}", "范数在 {0} − {1} 处的梯度"), rule=True),
        Local(
            ("minus the norm's gradient at {0} − {1}", "范数在 {0} − {1} 处梯度的相反数"), rule=True
        ),
    )

    @staticmethod
    def forward(ctx, a, b, p=2.0):
        d = np.asarray(a - b)
        out = np.asarray(_pnorm(d, p), dtype=d.dtype)
        ctx.d, ctx.p, ctx.out = d, p, out
        return out

    @staticmethod
    def backward(ctx, g):
        r = _norm_grad(ctx.d, ctx.out, ctx.p)
        ga = g * r if _is_array(g) else g * _tensor_of(r)
        n = ctx.needs_input_grad
        return (ga if n[0] else None), (-ga if n[1] else None)


def _tensor_of(a):
    from ..tensor import Tensor

    return Tensor._make(np.asarray(a), False, None)


def _slice_norm(a, p, axes):
    aa = np.abs(a.astype(np.float64))
    if p == np.inf:
        return aa.max(axis=axes, keepdims=True)
    if p == 1:
        return aa.sum(axis=axes, keepdims=True)
    if p == 2:
        return np.sqrt((aa * aa).sum(axis=axes, keepdims=True))
    return (aa**p).sum(axis=axes, keepdims=True) ** (1.0 / p)


class RenormBackward0(Function):
    """``renorm(p, dim, maxnorm)``: each slice along ``dim`` whose p-norm exceeds
    ``maxnorm`` scaled down to it (the norms in double, as PyTorch's CPU kernel and its
    ``renorm_backward``)."""

    op, symbol = "renorm", "renorm"
    formula = "slices over maxnorm scaled by maxnorm/(‖slice‖_p + 1e-7)"
    local = (Local(("the scaling's gradient, slice by slice", "逐切片缩放的梯度"), rule=True),)

    @staticmethod
    def forward(ctx, a, p=2.0, dim=0, maxnorm=1.0):
        axes = tuple(i for i in range(a.ndim) if i != dim)
        norm = _slice_norm(a, p, axes)
        factor = np.where(norm > maxnorm, maxnorm / (norm + 1e-7), 1.0).astype(a.dtype)
        ctx.a, ctx.norm, ctx.p, ctx.axes, ctx.maxnorm = a, norm, p, axes, maxnorm
        return np.asarray(a * factor, dtype=a.dtype)

    @staticmethod
    def backward(ctx, g):
        ga = np.asarray(_arr(g))
        a, norm, p, axes = ctx.a, ctx.norm, ctx.p, ctx.axes
        go = (a * ga).sum(axis=axes, keepdims=True, dtype=np.float64)
        a64 = a.astype(np.float64)
        with np.errstate(divide="ignore", invalid="ignore"):
            if p == 2:
                nb = a64 * np.where(norm == 0, 0.0, go / norm)
            elif p == 1:
                nb = np.sign(a64) * go
            elif p == np.inf:
                m = (np.abs(a64) == norm).astype(np.float64)
                nb = np.sign(a64) * m / m.sum(axis=axes, keepdims=True) * go
            else:
                nb = a64 * np.abs(a64) ** (p - 2) * np.where(norm == 0, 0.0, go / norm ** (p - 1))
        invnorm = 1.0 / (norm + 1e-7)
        factor = invnorm * ctx.maxnorm
        out = np.where(norm > ctx.maxnorm, factor * (ga - invnorm * nb), ga).astype(a.dtype)
        return (out if _is_array(g) else _tensor_of(out),)


class PutBackward0(Function):
    """``input.put(index, source, accumulate)``: ``source`` written (or added) at the flat
    positions ``index``."""

    op, symbol = "put", "put"
    formula = "∂/∂input = G (0 at the written places unless accumulate),  ∂/∂source = G[index]"
    local = (
        Local(("G, 0 where overwritten", "G，被覆盖处为 0"), rule=True),
        Local(("G at the flat positions index", "G 在 index 处的值"), rule=True),
    )

    @staticmethod
    def forward(ctx, a, src, index=None, accumulate=False):
        out = np.array(a, copy=True)
        flat = out.reshape(-1)
        idx = np.asarray(index).reshape(-1)
        s = np.asarray(src, dtype=a.dtype).reshape(-1)
        if accumulate:
            np.add.at(flat, idx, s)
        else:
            flat[idx] = s
        ctx.idx, ctx.accumulate, ctx.src_shape = idx, accumulate, np.shape(src)
        return out

    @staticmethod
    def backward(ctx, g):
        ga = np.asarray(_arr(g))
        n = ctx.needs_input_grad
        gi = gs = None
        if n[0]:
            gi = np.array(ga, copy=True)
            if not ctx.accumulate:
                gi.reshape(-1)[ctx.idx] = 0
        if n[1]:
            gs = ga.reshape(-1)[ctx.idx].reshape(ctx.src_shape)
        if not _is_array(g):
            gi = None if gi is None else _tensor_of(gi)
            gs = None if gs is None else _tensor_of(gs)
        return gi, gs


def _root(a):
    while isinstance(a.base, np.ndarray):
        a = a.base
    return a


def _positions(shape, strides, offset):
    """The storage position of every element of a ``(shape, strides, offset)`` layout."""
    pos = np.full(tuple(shape), int(offset), dtype=np.int64)
    for d, (n, s) in enumerate(zip(shape, strides, strict=True)):
        step = np.arange(n, dtype=np.int64) * int(s)
        pos += step.reshape((n,) + (1,) * (len(shape) - d - 1))
    return pos


def element_layout(a):
    """``(root array, strides in elements, storage offset)`` of array ``a``."""
    root = _root(a)
    item = a.itemsize or 1
    off = (a.__array_interface__["data"][0] - root.__array_interface__["data"][0]) // item
    return root, tuple(s // item for s in a.strides), off


class AsStridedBackward0(Function):
    """``as_strided(size, stride, storage_offset)``: elements picked from the input's
    memory by strides (a read-only view here); the gradient is added back at the picked
    places (several times where windows overlap: im2col)."""

    op, symbol = "as_strided", "as_strided"
    formula = "∂/∂input: G added back at the places each element was picked from"
    local = (
        Local(("G added back where each element came from", "G 加回每个元素的来处"), rule=True),
    )
    is_view = True

    @staticmethod
    def forward(ctx, a, size=(), stride=(), storage_offset=0):
        root, own_strides, own_off = element_layout(a)
        positions = _positions(size, stride, storage_offset)
        ctx.positions = positions
        ctx.own = _positions(a.shape, own_strides, own_off)
        ctx.storage = root.size
        flat = root.reshape(-1) if root.flags.c_contiguous else np.ascontiguousarray(root).ravel()
        item = root.itemsize
        view = np.lib.stride_tricks.as_strided(
            flat[storage_offset:] if flat.size > storage_offset else flat[:0],
            shape=tuple(size),
            strides=tuple(s * item for s in stride),
            writeable=False,
        )
        return view

    @staticmethod
    def backward(ctx, g):
        ga = np.asarray(_arr(g))
        acc = np.zeros(ctx.storage, dtype=ga.dtype)
        np.add.at(acc, ctx.positions.reshape(-1), ga.reshape(-1))
        out = acc[ctx.own]
        return (out if _is_array(g) else _tensor_of(out),)


class NarrowCopyBackward0(Function):
    op, symbol = "narrow_copy", "narrow_copy"
    formula = "∂/∂input: G placed in the narrowed slice, 0 elsewhere"
    local = (Local(("G in the slice, 0 elsewhere", "切片处为 G，其余为 0"), rule=True),)

    @staticmethod
    def forward(ctx, a, dim=0, start=0, length=0):
        key = (slice(None),) * dim + (slice(start, start + length),)
        ctx.key, ctx.shape = key, a.shape
        return np.array(a[key], copy=True)

    @staticmethod
    def backward(ctx, g):
        ga = np.asarray(_arr(g))
        out = np.zeros(ctx.shape, dtype=ga.dtype)
        out[ctx.key] = ga
        return (out if _is_array(g) else _tensor_of(out),)


def _diag_index(shape, key):
    _, offset, d1, d2 = key
    n1, n2 = shape[d1], shape[d2]
    if offset >= 0:
        length = max(min(n1, n2 - offset), 0)
        r = np.arange(length)
        c = r + offset
    else:
        length = max(min(n1 + offset, n2), 0)
        c = np.arange(length)
        r = c - offset
    return r, c


def _slot_get(arr, key):
    if key and key[0] == "diag":
        r, c = _diag_index(arr.shape, key)
        return np.moveaxis(arr, (key[2], key[3]), (-2, -1))[..., r, c]
    return np.array(arr[key], copy=True)


def _slot_set(arr, key, value):
    if key and key[0] == "diag":
        r, c = _diag_index(arr.shape, key)
        np.moveaxis(arr, (key[2], key[3]), (-2, -1))[..., r, c] = value
    else:
        arr[key] = value


class _ScatterLike(Function):
    """``input`` with ``src`` written into one slice (a copy): the input's gradient is G
    with that slice zeroed, the source's is G's slice."""

    local = (
        Local(("G, 0 in the written slice", "G，被写入的切片为 0"), rule=True),
        Local(("G's slice", "G 的切片"), rule=True),
    )

    @staticmethod
    def forward(ctx, a, src, key=None):
        out = np.array(a, copy=True)
        ctx.key = key
        _slot_set(out, key, src)
        return out

    @staticmethod
    def backward(ctx, g):
        ga = np.asarray(_arr(g))
        key = ctx.key
        n = ctx.needs_input_grad
        gi = gs = None
        if n[0]:
            gi = np.array(ga, copy=True)
            _slot_set(gi, key, 0)
        if n[1]:
            gs = _slot_get(ga, key)
        if not _is_array(g):
            gi = None if gi is None else _tensor_of(gi)
            gs = None if gs is None else _tensor_of(gs)
        return gi, gs


class SelectScatterBackward0(_ScatterLike):
    op, symbol = "select_scatter", "select_scatter"
    formula = "∂/∂input = G with the selected slice 0,  ∂/∂src = G[selected]"


class SliceScatterBackward0(_ScatterLike):
    op, symbol = "slice_scatter", "slice_scatter"
    formula = "∂/∂input = G with the slice 0,  ∂/∂src = G[slice]"


class DiagonalScatterBackward0(_ScatterLike):
    op, symbol = "diagonal_scatter", "diagonal_scatter"
    formula = "∂/∂input = G with the diagonal 0,  ∂/∂src = diagonal(G)"


class AddmmBackward0(Function):
    """``beta·input + alpha·(mat1 @ mat2)`` with ``beta`` / ``alpha`` other than 1 (the
    plain form is ``ops/linalg.AddmmBackward0``, ``nn.Linear``'s node)."""

    op, symbol = "addmm", "+@"
    formula = "∂/∂input = β,  ∂/∂A = α·G @ Bᵀ,  ∂/∂B = α·Aᵀ @ G"
    local = (
        Local("β", lambda x, o, k: k.get("beta", 1)),
        Local("α · G @ {2}ᵀ", rule=True),
        Local("α · {1}ᵀ @ G", rule=True),
    )

    @staticmethod
    def forward(ctx, c, m1, m2, beta=1, alpha=1):
        ctx.beta, ctx.alpha = beta, alpha
        ctx.save_for_backward(m1, m2)
        return _beta_alpha(c, _scaled(m1 @ m2, alpha), beta, m1.dtype)

    @staticmethod
    def backward(ctx, g):
        n = ctx.needs_input_grad
        m1, m2 = ctx.saved_tensors
        a, b = ctx.alpha, ctx.beta
        gc = _scaled(g, b) if n[0] else None
        g1 = _scaled(g @ mT(m2), a) if n[1] else None
        g2 = _scaled(mT(m1) @ g, a) if n[2] else None
        return gc, g1, g2


class IndexPutBackward0(Function):
    """``index_put(indices, values, accumulate)`` out of place, and ``index_put_`` with
    ``accumulate=True``: the values written (or added, repeats adding up) at the indexed
    places."""

    op, symbol = "index_put", "index_put"
    formula = "∂/∂input = G (0 where overwritten),  ∂/∂values = G[indices]"
    local = (
        Local(("G, 0 where overwritten", "G，被覆盖处为 0"), rule=True),
        Local(("G at the indexed places", "G 在索引处的值"), rule=True),
    )

    @staticmethod
    def forward(ctx, a, v, key=None, accumulate=False):
        out = np.array(a, copy=True)
        shape = out[key].shape
        vals = np.broadcast_to(np.asarray(v, dtype=a.dtype), shape)
        if accumulate:
            np.add.at(out, key, vals)
        else:
            out[key] = vals
        ctx.key, ctx.vshape, ctx.accumulate = key, np.shape(v), accumulate
        return out

    @staticmethod
    def backward(ctx, g):
        from ..functional_array import sum_to

        ga = np.asarray(_arr(g))
        n = ctx.needs_input_grad
        gv = sum_to(ga[ctx.key], ctx.vshape) if n[1] else None
        gi = None
        if n[0]:
            if ctx.accumulate:
                gi = ga
            else:
                gi = np.array(ga, copy=True)
                gi[ctx.key] = 0
        if not _is_array(g):
            gi = None if gi is None else _tensor_of(gi)
            gv = None if gv is None else _tensor_of(gv)
        return gi, gv


def _compare_node(name, ufunc, nr):
    def forward(ctx, a, b):
        return np.asarray(ufunc(a, b)).astype(np.result_type(a), copy=False)

    def backward(ctx, g):
        z = np.zeros_like(np.asarray(_arr(g)))
        gz = z if _is_array(g) else _tensor_of(z)
        return (gz if ctx.needs_input_grad[0] else None), None

    ns = {
        "op": name,
        "symbol": name,
        "formula": f"∂{name}(a, b)/∂a = 0 (a comparison)",
        "local": (Local("0", lambda x, o, k: 0.0), Local("0", lambda x, o, k: 0.0)),
        "forward": staticmethod(forward),
        "backward": staticmethod(backward),
        "__doc__": f"``t.{name}_(other)`` on a tensor that requires grad: zero gradients.",
    }
    return type(f"{name.capitalize()}Backward{nr}", (Function,), ns)


#: ``t.eq_(2.0)`` -> ``EqBackward0``; ``t.eq_(tensor)`` -> ``EqBackward1``
COMPARE_NODES = {
    (name, nr): _compare_node(name, uf, nr)
    for name, uf in (
        ("eq", np.equal),
        ("ne", np.not_equal),
        ("lt", np.less),
        ("le", np.less_equal),
        ("gt", np.greater),
        ("ge", np.greater_equal),
    )
    for nr in (0, 1)
}


def _tri_solve(a, b, lower, unit=False):
    """``a⁻¹ b`` for a batch of triangular ``a`` (numpy's solve on the triangle)."""
    a = np.tril(a) if lower else np.triu(a)
    if unit:
        n = a.shape[-1]
        idx = np.arange(n)
        a = a.copy()
        a[..., idx, idx] = 1
    return np.linalg.solve(a, b)


def _mTa(x):
    return np.swapaxes(x, -1, -2)


class CholeskySolveBackward0(Function):
    """``cholesky_solve(B, L, upper)``: ``X = (L Lᵀ)⁻¹ B`` in one node (PyTorch's
    ``cholesky_solve_backward``)."""

    op, symbol = "cholesky_solve", "cholesky_solve"
    formula = "∂/∂B = (L Lᵀ)⁻¹ G,  ∂/∂L = −(C + Cᵀ) L with C = (∂/∂B) Xᵀ"
    local = (
        Local(("(L Lᵀ)⁻¹ G", "(L Lᵀ)⁻¹ G"), rule=True),
        Local(("−(C + Cᵀ) L, C = ((L Lᵀ)⁻¹ G) Xᵀ", "−(C + Cᵀ) L"), rule=True),
    )

    @staticmethod
    def forward(ctx, b, lt, upper=False):
        low = _mTa(lt) if upper else lt
        x = _tri_solve(_mTa(low), _tri_solve(low, b, True), False)
        ctx.low, ctx.x, ctx.upper, ctx.lt = low, x, upper, lt
        return np.asarray(x, dtype=b.dtype)

    @staticmethod
    def backward(ctx, g):
        ga = np.asarray(_arr(g))
        low = ctx.low
        gb = _tri_solve(_mTa(low), _tri_solve(low, ga, True), False).astype(ga.dtype)
        common = gb @ _mTa(ctx.x)
        common = common + _mTa(common)
        gl = -(ctx.lt @ common) if ctx.upper else -(common @ ctx.lt)
        n = ctx.needs_input_grad
        gb_ = gb if n[0] else None
        gl_ = gl.astype(ga.dtype) if n[1] else None
        if not _is_array(g):
            gb_ = None if gb_ is None else _tensor_of(gb_)
            gl_ = None if gl_ is None else _tensor_of(gl_)
        return gb_, gl_


class TriangularSolveBackward0(Function):
    """``triangular_solve(b, A, upper, transpose, unitriangular)``'s solution in one node
    (the gradient of A kept to its triangle, as PyTorch's)."""

    op, symbol = "triangular_solve", "triangular_solve"
    formula = "∂/∂b = op(A)⁻ᵀ G,  ∂/∂A = −(∂/∂b) Xᵀ on A's triangle"
    local = (
        Local(("op(A)⁻ᵀ G", "op(A)⁻ᵀ G"), rule=True),
        Local(("−(op(A)⁻ᵀ G) Xᵀ on the triangle", "−(op(A)⁻ᵀ G) Xᵀ（三角部分）"), rule=True),
    )

    @staticmethod
    def forward(ctx, b, a, upper=True, transpose=False, unitriangular=False):
        tri = np.triu(a) if upper else np.tril(a)
        if unitriangular:
            tri = tri.copy()
            idx = np.arange(a.shape[-1])
            tri[..., idx, idx] = 1
        op = _mTa(tri) if transpose else tri
        x = np.linalg.solve(op, b)
        ctx.op, ctx.x, ctx.upper, ctx.transpose, ctx.unit = op, x, upper, transpose, unitriangular
        return np.asarray(x, dtype=b.dtype)

    @staticmethod
    def backward(ctx, g):
        ga = np.asarray(_arr(g))
        gb = np.linalg.solve(_mTa(ctx.op), ga).astype(ga.dtype)
        ga_ = -(gb @ _mTa(ctx.x))
        if ctx.transpose:
            ga_ = _mTa(ga_)
        ga_ = (
            np.triu(ga_, 1 if ctx.unit else 0) if ctx.upper else np.tril(ga_, -1 if ctx.unit else 0)
        )
        n = ctx.needs_input_grad
        r0 = gb if n[0] else None
        r1 = ga_.astype(ga.dtype) if n[1] else None
        if not _is_array(g):
            r0 = None if r0 is None else _tensor_of(r0)
            r1 = None if r1 is None else _tensor_of(r1)
        return r0, r1


class LinalgLuSolveBackward0(Function):
    """``linalg.lu_solve(LU, pivots, B)``: ``X = A⁻¹ B`` from the packed factors (the
    gradient reaches ``B``; the factors come from ``lu_factor`` without a graph here)."""

    op, symbol = "lu_solve", "lu_solve"
    formula = "∂/∂B = A⁻ᵀ G"
    local = (
        Local(("none (the factors carry no graph here)", "无（此处因子不带计算图）"), rule=True),
        Local(("A⁻ᵀ G (A⁻ᴴ G with adjoint)", "A⁻ᵀ G"), rule=True),
    )

    @staticmethod
    def forward(ctx, lu, b, a=None, adjoint=False):
        op = _mTa(a) if adjoint else a
        ctx.op = op
        return np.asarray(np.linalg.solve(op, b), dtype=b.dtype)

    @staticmethod
    def backward(ctx, g):
        ga = np.asarray(_arr(g))
        gb = np.linalg.solve(_mTa(ctx.op), ga).astype(ga.dtype)
        return None, (gb if _is_array(g) else _tensor_of(gb))


def _fill_class():
    from .shape import FillBackward2

    class FillBackward0(FillBackward2):
        """``torch.fill(x, value)`` (out of place)."""

        op, symbol = "fill", "fill"

    return FillBackward0


FillBackward0 = _fill_class()
