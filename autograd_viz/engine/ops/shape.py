"""Shape and indexing ops: views (t, permute, transpose, view, unsqueeze, squeeze,
expand, select, slice), copies (clone, to, reshape's copy, advanced indexing),
cat / stack, and the nodes in-place writes leave behind (CopySlices, CopyBackwards,
ZeroBackward0, FillBackward2).

Nodes with ``is_view = True`` return a numpy view: the output shares memory and the
version counter with its input, as in PyTorch.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import as_strided

from .. import backward as _backward_mod
from .. import events
from .. import function as _function_mod
from ..function import Function, Local, _record
from ..functional_array import _is_array, sum_to, t
from ..grad_mode import STATE as _GRAD

_ARANGE: dict = {}
_new = object.__new__
_TRUE1 = (True,)
_LISTENERS = events.LISTENERS  # (the list itself, mutated in place)


def _arange(n):
    """``np.arange(n)``, cached read-only for the sizes a training loop repeats."""
    r = _ARANGE.get(n)
    if r is None:
        r = np.arange(n)
        r.flags.writeable = False
        if len(_ARANGE) < 64:
            _ARANGE[n] = r
    return r


def _raw_array(g):
    return g if _is_array(g) else g._data


def _reshape(g, shape):
    if g.__class__ is np.ndarray:
        return g.reshape(shape)  # (``np.reshape`` adds a wrapper's cost)
    return np.reshape(g, shape) if _is_array(g) else g.reshape(*shape)


class TBackward0(Function):
    op, symbol = "t", "ᵀ"
    formula = "∂aᵀ/∂a: transpose the gradient back"
    local = (Local("Gᵀ", rule=True),)
    is_view = True

    @staticmethod
    def forward(ctx, a):
        return a.T

    @staticmethod
    def backward(ctx, g):
        return (t(g),)


class PermuteBackward0(Function):
    op, symbol = "permute", "ᵀ"
    formula = "∂permute(a)/∂a: permute the gradient back"
    local = (
        Local(
            lambda k, x: (
                "Gᵀ"
                if tuple(k.get("dims", ())) == tuple(range(len(k.get("dims", ())) - 1, -1, -1))
                else "G permuted back"
            ),
            rule=True,
        ),
    )
    is_view = True

    @staticmethod
    def forward(ctx, a, dims=()):
        ctx.dims = dims
        return np.transpose(a, dims)

    @staticmethod
    def backward(ctx, g):
        inv = tuple(int(i) for i in np.argsort(ctx.dims))
        return (np.transpose(g, inv) if _is_array(g) else g.permute(*inv),)


class TransposeBackward0(Function):
    op, symbol = "transpose", "ᵀ"
    formula = "∂transpose(a)/∂a: swap the dims of the gradient back"
    local = (Local(lambda k, x: f"G.transpose({k.get('dim0', 0)}, {k.get('dim1', 1)})", rule=True),)
    is_view = True

    @staticmethod
    def forward(ctx, a, dim0=0, dim1=1):
        ctx.d = (dim0, dim1)
        return np.swapaxes(a, dim0, dim1) if a.ndim else a.view()  # (0-d: dims 0 / -1)

    @staticmethod
    def backward(ctx, g):
        d0, d1 = ctx.d
        if _is_array(g):
            return (np.swapaxes(g, d0, d1) if g.ndim else g,)
        return (g.transpose(d0, d1),)


class ViewBackward0(Function):
    op, symbol = "view", "view"
    formula = "∂view(a)/∂a: reshape the gradient back"
    local = (Local(("G reshaped to the shape of {0:r}", "G 变回 {0:r} 的形状"), rule=True),)
    is_view = True

    @staticmethod
    def forward(ctx, a, shape=()):
        ctx.in_shape = a.shape
        v = a.view()
        v.shape = shape  # raises instead of copying
        return v

    @staticmethod
    def backward(ctx, g):
        return (_reshape(g, ctx.in_shape),)


class ReshapeAliasBackward0(ViewBackward0):
    op, symbol = "reshape", "reshape"


class UnsafeViewBackward0(Function):
    op, symbol = "reshape", "reshape"
    formula = "∂reshape(a)/∂a: reshape the gradient back"
    local = (Local(("G reshaped to the shape of {0:r}", "G 变回 {0:r} 的形状"), rule=True),)

    @staticmethod
    def forward(ctx, a, shape=()):
        ctx.in_shape = a.shape
        return np.reshape(a, shape)

    @staticmethod
    def backward(ctx, g):
        return (_reshape(g, ctx.in_shape),)


def _one_dim_between(short, long):
    """The position of the size-1 dim that makes shape ``short`` into shape ``long``."""
    for i in range(len(long)):
        if long[i] == 1 and tuple(short) == tuple(long[:i]) + tuple(long[i + 1 :]):
            return i
    return None


class UnsqueezeBackward0(ViewBackward0):
    op, symbol = "unsqueeze", "unsqueeze"
    formula = "∂unsqueeze(a)/∂a: drop the added dim of the gradient"
    local = (Local(("G without the added dim", "G 去掉添加的维度"), rule=True),)

    @staticmethod
    def backward(ctx, g):
        if not _is_array(g):  # create_graph: squeeze(dim), as PyTorch (SqueezeBackward1)
            d = _one_dim_between(ctx.in_shape, tuple(g.shape))
            if d is not None:
                return (g.squeeze(d),)
        return (_reshape(g, ctx.in_shape),)


class SqueezeBackward0(ViewBackward0):
    op, symbol = "squeeze", "squeeze"
    formula = "∂squeeze(a)/∂a: put the size-1 dims back"
    local = (
        Local(
            ("G with the size-1 dims of {0:r} put back", "G 补回 {0:r} 长度为 1 的维度"), rule=True
        ),
    )


class SqueezeBackward1(SqueezeBackward0):
    @staticmethod
    def backward(ctx, g):
        if not _is_array(g):  # create_graph: unsqueeze(dim), as PyTorch (UnsqueezeBackward0)
            d = _one_dim_between(tuple(g.shape), ctx.in_shape)
            if d is not None:
                return (g.unsqueeze(d),)
        return (_reshape(g, ctx.in_shape),)


class SqueezeBackward2(SqueezeBackward0):
    pass


class SqueezeBackward4(UnsafeViewBackward0):
    """``squeeze_(dim)`` (in place, as ``matmul`` of a vector and a matrix uses it)."""

    op, symbol = "squeeze", "squeeze"


class ExpandBackward0(Function):
    op, symbol = "expand", "expand"
    formula = "∂expand(a)/∂a: sum the gradient over the expanded dims"
    local = (Local(("G summed over the expanded dims", "G 沿扩展的维度求和"), rule=True),)
    is_view = True

    @staticmethod
    def forward(ctx, a, shape=()):
        ctx.in_shape = a.shape
        return np.broadcast_to(a, shape)

    @staticmethod
    def backward(ctx, g):
        return (sum_to(g, ctx.in_shape),)


class SelectBackward0(Function):
    """``a[i]`` along one dim (a view)."""

    op, symbol = "select", "[]"
    formula = "∂a[i]/∂a: the gradient goes to position i, 0 elsewhere"
    local = (
        Local(
            (
                "G at the selected positions of {0:r}, 0 elsewhere",
                "G 放在 {0:r} 被选中的位置，其余为 0",
            ),
            rule=True,
        ),
    )
    is_view = True

    @staticmethod
    def forward(ctx, a, index=()):
        ctx.in_shape, ctx.index = a.shape, index
        return a[index]

    @staticmethod
    def backward(ctx, g):
        return (scatter(g, ctx.in_shape, ctx.index),)

    @staticmethod
    def _graph_backward(ctx, g):
        # PyTorch: select_backward / slice_backward, one node each
        return (ctx._double.apply(g, shape=ctx.in_shape, index=ctx.index),)


class MultiViewBackward(SelectBackward0):
    _graph_backward = None  # (several outputs: their own backward under create_graph)

    """Base of the nodes of ``split`` / ``chunk`` / ``unbind``: ONE node for all the pieces
    (views of the input), as PyTorch makes it.  Piece ``k`` is output ``k`` of the node
    (its tensor's ``output_nr``; a consumer's ``next_functions`` holds ``(node, k)``), and
    the backward engine calls :meth:`backward` once with one gradient per piece (``None``
    for a piece that received none: zeros there)."""

    _multi = True
    _stack = False  # unbind: the pieces lost the dim (their gradients are stacked)

    @staticmethod
    def backward(ctx, grads):
        in_shape, indices = ctx.in_shape, ctx.indices
        if any(not _is_array(g) for g in grads if g is not None):
            # create_graph: as PyTorch, a CatBackward0 (split) / StackBackward0 (unbind) of
            # the pieces' gradients, zeros for the pieces that received none
            from .. import api
            from ..tensor import Tensor

            parts = [
                g
                if g is not None
                else Tensor._make(np.zeros(shape, dtype=ctx._out_dtypes[0]), False, None)
                for g, shape in zip(grads, ctx._out_shapes, strict=True)
            ]
            if ctx._stack:
                return (api.stack(parts, ctx.dim),)
            return (api.cat(parts, ctx.dim),)
        out = np.zeros(in_shape, dtype=ctx._out_dtypes[0])
        for g, idx in zip(grads, indices, strict=True):
            if g is not None:
                out[idx] = g
        return (out,)

    def _shares(self, grads):
        """Per piece that received a gradient: (its number, what it alone sends to the
        input) -- for a recording's frames (the backward itself adds them in one go)."""
        return [
            (k, (scatter(_raw_array(g), self.in_shape, idx),))
            for k, (g, idx) in enumerate(zip(grads, self.indices, strict=True))
            if g is not None
        ]

    @classmethod
    def apply_pieces(cls, x, indices, dim):
        """The pieces ``x[idx]`` for ``idx`` in ``indices`` (views of ``x`` along ``dim``),
        with one node of this class when a gradient is needed."""
        from .. import events
        from ..function import _edge_of, _make_view, _next_seq
        from ..grad_mode import STATE
        from ..tensor import Tensor

        arr = x._data
        pieces = [arr[idx] for idx in indices]
        if not cls.is_view:  # (``unsafe_split``: pieces of their own, so that changing one in
            pieces = [p.copy() for p in pieces]  # place never reaches the input's values)
        listening = bool(events.LISTENERS)
        node = None
        if STATE.enabled and x._requires_grad:
            node = object.__new__(cls)
            node.needs_input_grad = (True,)
            node.next_functions = (_edge_of(x),)
            node._seq = _next_seq()
            node.in_shape = arr.shape
            node.indices = tuple(indices)
            node.dim = dim
            node._out_shapes = tuple(p.shape for p in pieces)
            node._out_dtypes = tuple(p.dtype for p in pieces)
            node._shape = pieces[0].shape if pieces else arr.shape
            node._dtype = arr.dtype
            _backward_mod.MULTI_OUTPUT.add(node)
        outs = []
        for k, p in enumerate(pieces):
            o = Tensor._make(p, node is not None, node)
            if cls.is_view:
                _make_view(o, x)
            if k and node is not None:
                o._output_nr = k
            outs.append(o)
        if node is not None and outs:
            # (kept also when nobody listens: ``draw()`` names and shows every piece)
            import weakref

            node._out_refs = {k: weakref.ref(o) for k, o in enumerate(outs)}
            if listening:
                node._out_ref = node._out_refs[0]
        if listening:
            for o, idx in zip(outs, indices, strict=True):
                events.emit(
                    "forward",
                    node=node,
                    op=cls.op,
                    cls=cls,
                    inputs=(x,),
                    output=o,
                    kwargs={"index": idx},
                )
        return tuple(outs)


class UnbindBackward0(MultiViewBackward):
    """The slices of ``unbind`` (views; one node, an output per slice)."""

    op, symbol = "unbind", "unbind"
    _stack = True
    formula = "∂unbind(a)[i]/∂a: the gradient goes to slice i, 0 elsewhere"
    local = (
        Local(
            ("G at slice i of {0:r}, 0 elsewhere", "G 放在 {0:r} 的第 i 片，其余为 0"), rule=True
        ),
    )


class SliceBackward0(SelectBackward0):
    op, symbol = "slice", "[:]"
    formula = "∂a[i:j]/∂a: the gradient goes to the slice, 0 elsewhere"


class SelectBackwardBackward0(Function):
    """``select_backward(g, sizes, dim, index)``: zeros with ``g`` written at the
    selected position (the gradient of ``a[i]`` as a node under create_graph); its own
    gradient reads the position back (``SelectBackward0``)."""

    op, symbol = "select_backward", "[]'"
    formula = "zeros with G at the selected position;  its gradient: G read back there"
    local = (Local(("G read back at the selected position", "G 在被选位置上的值"), rule=True),)
    _read = SelectBackward0

    @staticmethod
    def forward(ctx, g, shape=(), index=()):
        ctx.index = index
        z = np.zeros(shape, dtype=g.dtype)
        z[index] = g
        return z

    @classmethod
    def backward(cls, ctx, gg):
        if _is_array(gg):
            return (gg[ctx.index],)
        return (cls._read.apply(gg, index=ctx.index),)


class SliceBackwardBackward0(SelectBackwardBackward0):
    """``slice_backward``: zeros with ``g`` written in the slice."""

    op, symbol = "slice_backward", "[:]'"
    formula = "zeros with G in the slice;  its gradient: G read back from the slice"
    local = (Local(("G read back from the slice", "G 在切片上的值"), rule=True),)
    _read = SliceBackward0


SelectBackward0._double = SelectBackwardBackward0
SliceBackward0._double = SliceBackwardBackward0


class IndexBackward0(Function):
    """Advanced indexing (integer lists/tensors, boolean masks): a copy."""

    op, symbol = "index", "[]"
    formula = "∂a[idx]/∂a: the gradient is added at the indexed positions"
    local = (
        Local(
            (
                "G added at the indexed positions of {0:r}, 0 elsewhere",
                "G 加到 {0:r} 被索引的位置，其余为 0",
            ),
            rule=True,
        ),
    )

    rows = False  # (True: made by ``index_rows``, whose backward is a one-hot product)

    @staticmethod
    def forward(ctx, a, index=()):
        ctx.in_shape, ctx.index = a.shape, index
        if len(index) == 1:
            k = index[0]
            if k.__class__ is np.ndarray and k.dtype.kind == "i" and k.ndim:
                return a.take(k, axis=0)  # (``C[X]``: the same rows, quicker than a[k])
        return a[index]

    @staticmethod
    def backward(ctx, g):
        if ctx.rows and g.__class__ is np.ndarray:
            # ``scatter``'s one-hot product, its checks done when the node was made (the
            # gradient arriving has the output's shape and dtype)
            k = ctx.index[0]
            n = k.size
            onehot = _eye(ctx.in_shape[0], g.dtype).take(k.reshape(n), axis=0).T
            return ((onehot @ g.reshape(n, -1)).reshape(ctx.in_shape),)
        return (scatter(g, ctx.in_shape, ctx.index, accumulate=True),)


def _index_graph_backward(ctx, g):
    # PyTorch: index_backward = zeros_like(self).index_put_(indices, grad, accumulate=True)
    base = _function_mod._Tensor._make(np.zeros(ctx.in_shape, g._data.dtype))
    return (IndexPutImplBackward0.apply(base, g, index=ctx.index),)


IndexBackward0._graph_backward = staticmethod(_index_graph_backward)


class IndexPutImplBackward0(Function):
    """``base`` with ``values`` added at ``index`` (``_index_put_impl_`` with
    ``accumulate=True``: the gradient of ``a[idx]`` as a node under create_graph).  Slots:
    the base (zeros) and the values; the values' gradient reads ``index`` back."""

    op, symbol = "index_put", "[]+="
    formula = "∂/∂base = G,  ∂/∂values = G read at the indexed positions"
    local = (
        Local("1", lambda x, o, k: 1.0),
        Local(("G read at the indexed positions", "G 在被索引位置上的值"), rule=True),
    )
    #: reads the values' gradient back (``IndexBackward0``: ``G[index]``)
    _read = IndexBackward0

    @staticmethod
    def forward(ctx, base, values, index=()):
        ctx.index = index
        out = np.array(base, dtype=np.result_type(base, values), copy=True)
        np.add.at(out, index, values)
        return out

    @classmethod
    def backward(cls, ctx, gg):
        n = ctx.needs_input_grad
        gv = None
        if n[1]:
            gv = gg[ctx.index] if _is_array(gg) else cls._read.apply(gg, index=ctx.index)
        return (gg if n[0] else None), gv


def index_rows(x, k):
    """``x[k]`` for a tensor ``x`` (at least 1-D) and a non-empty integer array ``k`` (an
    embedding lookup, ``C[X]``; negative keys count from the end): one
    ``IndexBackward0``, built as ``apply`` builds it (nobody listening), without its
    general steps.  ``None`` when a key is out of range (``take`` checks them all: the
    general path then raises PyTorch's error)."""
    a = x._data
    try:
        out = a.take(k, axis=0)
    except IndexError:
        return None
    if _LISTENERS:
        return IndexBackward0.apply(x, index=(k,))
    if not (x._requires_grad and _GRAD.enabled):
        return _function_mod._Tensor._make(out)  # (as ``apply`` without a node)
    ctx = _new(IndexBackward0)
    ctx.needs_input_grad = _TRUE1
    ctx.in_shape, ctx.index = a.shape, (k,)
    # (the gradient's one-hot product: a float array, a small identity, a small product)
    ctx.rows = a.dtype.kind == "f" and a.shape[0] <= _EYE_MAX and a.shape[0] * k.size <= 65536
    return _record(ctx, out, out.shape, x)


class IndexPutBackward0(Function):
    """Scatter ``g`` into zeros at ``index`` (the backward of indexing, as a node for
    second derivatives)."""

    op, symbol = "index_put", "[]="
    formula = "∂/∂g: read the indexed positions back"
    local = (Local(("G read at the indexed positions", "G 在被索引位置上的值"), rule=True),)

    @staticmethod
    def forward(ctx, g, shape=(), index=(), accumulate=False):
        ctx.index = index
        return scatter(g, shape, index, accumulate)

    @staticmethod
    def backward(ctx, gg):
        return (gg[ctx.index],)


_EYE_MAX = 128  # (an identity of 128 rows: 64 KB in float32)
_EYES: dict = {}


def _eye(n, dtype):
    """The identity matrix of size ``n`` (read-only, cached per size and dtype)."""
    e = _EYES.get((n, dtype))
    if e is None:
        e = np.eye(n, dtype=dtype)
        e.flags.writeable = False
        if len(_EYES) < 16:
            _EYES[n, dtype] = e
    return e


def scatter(g, shape, index, accumulate=False):
    """Zeros of ``shape`` with ``g`` written (or added) at ``index``."""
    if not _is_array(g):
        return IndexPutBackward0.apply(g, shape=shape, index=index, accumulate=accumulate)
    if accumulate and g.dtype.kind == "f" and shape:
        # an embedding lookup's gradient (``C[X]``): rows summed by a one-hot product,
        # a few times quicker than ``np.add.at`` while the one-hot matrix stays small
        idx = index[0] if isinstance(index, tuple) and len(index) == 1 else index
        if (
            idx.__class__ is np.ndarray
            and idx.dtype.kind in "iu"
            and g.shape == idx.shape + tuple(shape[1:])
            and shape[0] * idx.size <= 65536
        ):
            n, rows = idx.size, shape[0]
            flat = idx.reshape(-1)
            if rows <= _EYE_MAX:
                # the one-hot rows taken from a cached identity (negative indices wrap),
                # transposed for the product (a flag for BLAS, not a copy)
                onehot = _eye(rows, g.dtype).take(flat, axis=0).T
            else:
                if idx.dtype.kind == "i" and np.minimum.reduce(flat) < 0:
                    flat = np.where(flat < 0, flat + rows, flat)
                onehot = np.zeros((rows, n), dtype=g.dtype)
                onehot[flat, _arange(n)] = 1
            return (onehot @ g.reshape(n, -1)).reshape(shape)
    z = np.zeros(shape, dtype=np.result_type(g))
    if accumulate:
        np.add.at(z, index, g)
    else:
        z[index] = g
    return z


class CloneBackward0(Function):
    op, symbol = "clone", "clone"
    formula = "∂clone(a)/∂a = 1"
    local = (Local("1", lambda x, o, k: 1.0),)

    @staticmethod
    def forward(ctx, a):
        return np.array(a, order="C", copy=True)

    @staticmethod
    def backward(ctx, g):
        return (g,)


class ToCopyBackward0(Function):
    op, symbol = "to", "to"
    formula = "∂a.to(dtype)/∂a = 1 (cast back)"
    local = (Local("1", lambda x, o, k: 1.0),)

    @staticmethod
    def forward(ctx, a, dtype=None):
        return a.astype(dtype)

    @staticmethod
    def backward(ctx, g):
        return (g,)


def _channels_last_like(a) -> bool:
    """PyTorch's ``is_channels_last_strides_2d`` / ``_3d`` for array ``a``, which
    ``suggest_memory_format`` reads."""
    shape, item = a.shape, a.itemsize
    strides = [st // item for st in a.strides]
    order = {4: (1, 3, 2, 0), 5: (1, 4, 3, 2, 0)}.get(len(shape))
    if order is None or strides[1] == 0:
        return False
    low = 0
    for d in order:
        if shape[d] == 0 or strides[d] < low or (d == 0 and low == strides[1]):
            return False
        low = strides[d] * (shape[d] if shape[d] > 1 else 1)
    return True


def _cat_pytorch_layout(arrays, dim, dtype):
    """``np.concatenate`` in the layout PyTorch's ``cat`` gives
    (``compute_output_memory_format``): channels-last when every input suggests it, else
    contiguous.  numpy follows the inputs' stride order instead (a batch of permuted images,
    李宏毅 HW8's ``permute(0, 3, 1, 2)`` dataset, came out permuted and ``.view(n, -1)``
    failed)."""
    if all(_channels_last_like(a) for a in arrays):
        nd = arrays[0].ndim
        perm = (0, *range(2, nd), 1)  # NCHW -> NHWC: concatenated there, viewed back
        inv = tuple(np.argsort(perm))
        out = np.concatenate(
            [a.transpose(perm) for a in arrays], axis=perm.index(dim), dtype=dtype, casting="unsafe"
        )
        return out.transpose(inv)
    out = np.concatenate(arrays, axis=dim, dtype=dtype, casting="unsafe")
    return out if out.flags.c_contiguous else np.ascontiguousarray(out)


class CatBackward0(Function):
    op, symbol = "cat", "cat"
    formula = "∂cat(a, b)/∂a: the gradient's slice where a was placed"
    local = (Local(("the part of G where {i:r} was placed", "G 中 {i:r} 所在的那一段"), rule=True),)

    @staticmethod
    def forward(ctx, *arrays, dim=0, dtype=None):
        ctx.dim = dim
        ctx.sizes = [a.shape[dim] for a in arrays]
        out = np.concatenate(arrays, axis=dim, dtype=dtype, casting="unsafe")
        if out.flags.c_contiguous and arrays[0].flags.c_contiguous:
            return out
        return _cat_pytorch_layout(arrays, dim, dtype)

    @staticmethod
    def backward(ctx, g):
        out, start = [], 0
        pre = (slice(None),) * ctx.dim
        for n, need in zip(ctx.sizes, ctx.needs_input_grad, strict=False):
            out.append(g[(*pre, slice(start, start + n))] if need else None)
            start += n
        return tuple(out)


class StackBackward0(Function):
    op, symbol = "stack", "stack"
    formula = "∂stack(a, b)/∂a: the gradient's entry where a was placed"
    local = (
        Local(("the entry of G where {i:r} was placed", "G 中 {i:r} 所在的那一项"), rule=True),
    )

    @staticmethod
    def forward(ctx, *arrays, dim=0, dtype=None):
        ctx.dim = dim
        out = np.stack(arrays, axis=dim, dtype=dtype, casting="unsafe")
        if out.flags.c_contiguous and arrays[0].flags.c_contiguous:
            return out
        # (PyTorch's stack: a cat along ``dim`` viewed with the new dimension, or, for a new
        # last dimension, a cat of the inputs unsqueezed there)
        if dim < arrays[0].ndim:
            return _cat_pytorch_layout(arrays, dim, dtype).reshape(out.shape)
        # (unsqueezed as PyTorch does it: the new last dimension's stride is 1)
        ups = [as_strided(a, (*a.shape, 1), (*a.strides, a.itemsize)) for a in arrays]
        return _cat_pytorch_layout(ups, dim, dtype)

    @staticmethod
    def backward(ctx, g):
        pre = (slice(None),) * ctx.dim
        return tuple(g[(*pre, i)] if need else None for i, need in enumerate(ctx.needs_input_grad))


class CopySlices(Function):
    """``a[idx] = v`` on a tensor that is part of a graph."""

    op, symbol = "setitem", "[]="
    formula = "∂/∂a: the gradient with the written positions zeroed;  ∂/∂v: g[idx]"
    local = (
        Local(("G with the written positions set to 0", "G 被写入的位置置为 0"), rule=True),
        Local(("G at the written positions", "G 在被写入位置上的值"), rule=True),
    )

    def name(self) -> str:
        return "torch::autograd::CopySlices"

    @staticmethod
    def forward(ctx, a, value, index=()):
        ctx.index = index
        ctx.vshape = np.shape(value)
        out = np.array(a, copy=True)
        out[index] = value
        return out

    @staticmethod
    def backward(ctx, g):
        n = ctx.needs_input_grad
        ga = gv = None
        if n[0]:
            keep = np.ones(tuple(g.shape), dtype=bool)
            keep[ctx.index] = False
            ga = g * keep if _is_array(g) else g * g._make(keep.astype(g._data.dtype))
        if n[1]:
            gv = g[ctx.index]
        return ga, gv


class IndexPutBackward0Set(CopySlices):
    """``a[idx] = v`` with only advanced indices (lists, masks): PyTorch's ``index_put_``
    on ``a`` itself."""

    def name(self) -> str:
        return "IndexPutBackward0"


class FillBackward3(CopySlices):
    """``a[:] = number`` (or a 0-d tensor): PyTorch's ``fill_`` on ``a`` itself."""

    def name(self) -> str:
        return "FillBackward3"


IndexPutBackward0Set.__name__ = IndexPutBackward0Set.__qualname__ = "IndexPutBackward0"


class AliasBackward0(Function):
    """``x[...]`` / ``x[:, :]``: an alias of ``x`` (a view)."""

    op, symbol = "alias", "[...]"
    formula = "∂a/∂a = 1"
    local = (Local("1", lambda x, o, k: 1.0),)
    is_view = True

    @staticmethod
    def forward(ctx, a):
        return a.view()

    @staticmethod
    def backward(ctx, g):
        return (g,)


class CopyBackwards(Function):
    """``dst.copy_(src)``: the old values of ``dst`` get no gradient."""

    op, symbol = "copy_", "←"
    formula = "∂/∂dst = 0,  ∂/∂src = 1"
    local = (Local("0", lambda x, o, k: 0.0), Local("1", lambda x, o, k: 1.0))

    def name(self) -> str:
        return "torch::autograd::CopyBackwards"

    @staticmethod
    def forward(ctx, dst, src):
        if dst is None:
            return np.array(src, copy=True)
        return np.broadcast_to(np.asarray(src, dtype=dst.dtype), dst.shape).copy()

    @staticmethod
    def backward(ctx, g):
        return (g * 0 if ctx.needs_input_grad[0] else None), g


class ZeroBackward0(Function):
    op, symbol = "zero_", "0"
    formula = "∂0/∂a = 0"
    local = (Local("0", lambda x, o, k: 0.0),)

    @staticmethod
    def forward(ctx, a):
        return np.zeros_like(a)

    @staticmethod
    def backward(ctx, g):
        return (g * 0,)


class FillBackward2(Function):
    op, symbol = "fill_", "fill"
    formula = "∂c/∂a = 0"
    local = (Local("0", lambda x, o, k: 0.0),)

    @staticmethod
    def forward(ctx, a, value=0):
        return np.full_like(a, value)

    @staticmethod
    def backward(ctx, g):
        return (g * 0,)


_backward_mod.CopyBackwards = CopyBackwards


class AsStridedBackward0(Function):
    """A view whose base was changed in place: PyTorch regenerates its ``grad_fn`` as
    ``as_strided`` of the base. ``idx`` holds, per view element, its flat position in the
    base (C order)."""

    op, symbol = "as_strided", "view"
    formula = "∂view/∂base: the gradient goes back to the viewed positions, 0 elsewhere"
    local = (
        Local(
            (
                "G put back at the viewed positions of {0:r}, 0 elsewhere",
                "G 放回 {0:r} 被查看的位置，其余为 0",
            ),
            rule=True,
        ),
    )

    @staticmethod
    def forward(ctx, base, idx=None):
        ctx.base_shape = base.shape
        ctx.idx = idx
        return base.reshape(-1)[idx]

    @staticmethod
    def backward(ctx, g):
        raw = getattr(g, "_data", g)
        raw = np.broadcast_to(raw, ctx.idx.shape)
        size = int(np.prod(ctx.base_shape))
        flat = np.bincount(ctx.idx.ravel(), weights=raw.ravel(), minlength=size)
        out = flat.astype(raw.dtype, copy=False).reshape(ctx.base_shape)
        return (out if _is_array(g) else g._make(out),)


class _ViewCopySlices(Function):
    """An in-place op on a view ``v`` of ``base`` (PyTorch's ``CopySlices``): the base's
    new node. ``fn`` is the op's own node (its slot 0 is the view's old value);
    ``next_functions`` = the base's old edge + ``fn``'s other slots, as PyTorch builds it.
    Backward: the gradient outside the view passes unchanged; inside, ``fn``'s backward
    gives the old view's part (slot 0) and the other operands' grads."""

    op, symbol = "setitem", "[]="
    formula = "∂/∂base: the gradient outside the view, and the op's gradient inside it"
    local = (
        Local(
            (
                "G outside the written view; the in-place op's gradient inside it",
                "视图之外为 G；视图之内为原地运算的梯度",
            ),
            rule=True,
        ),
        Local(("the part of G at the written view", "G 在被写入视图上的部分"), rule=True),
    )

    def name(self) -> str:
        return "torch::autograd::CopySlices"

    @staticmethod
    def forward(ctx, base, value, idx=None, fn=None):
        ctx.idx, ctx.fn = idx, fn
        out = np.array(base, copy=True, order="C")
        out.reshape(-1)[idx.ravel()] = np.broadcast_to(value, idx.shape).ravel()
        return out

    @staticmethod
    def backward(ctx, g):
        is_arr = _is_array(g)
        raw = g if is_arr else g._data
        result = np.array(np.broadcast_to(raw, ctx._shape), copy=True, order="C")
        flat = result.reshape(-1)
        idx = ctx.idx
        fn = ctx.fn
        res = type(fn).backward(fn, flat[idx])
        r0 = res[0]
        if r0 is None:
            flat[idx.ravel()] = 0
        else:
            r0 = sum_to(np.asarray(getattr(r0, "_data", r0)), idx.shape)
            flat[idx.ravel()] = np.broadcast_to(r0, idx.shape).ravel()
        first = None
        if ctx.needs_input_grad[0]:
            first = result if is_arr else g._make(result)
        return (first, *res[1:])


_ViewCopySlices.__name__ = _ViewCopySlices.__qualname__ = "CopySlices"
