"""Matrix products: mm, mv, dot, bmm, addmm (``matmul`` and ``nn.Linear`` are built
from them in :mod:`autograd_viz.engine.api`, as PyTorch builds them)."""

from __future__ import annotations

import numpy as np

from ..function import AccumulateGrad, Function, Local
from ..functional_array import mT, outer, t

_ndarray = np.ndarray
_F32 = np.dtype(np.float32)
_F64 = np.dtype(np.float64)


# ------------------------------------------------- create_graph: PyTorch's formulas
# (``mm_mat1_backward`` / ``mm_mat2_backward``): for an operand laid out column-major
# (a transposed matrix, ``w.t()`` of ``F.linear``) the gradient is computed transposed,
# so a graph of the gradients has PyTorch's ``TBackward0`` / ``MmBackward0`` placement.


def _column_major(ctx, slot, saved) -> bool:
    """Whether input ``slot`` was a column-major matrix (PyTorch's test: strides
    ``(1, rows)``): read from its saved array, else from the input's tensor (a leaf, or
    the live output of its node), else guessed from its node (a transpose)."""
    arr = None
    if saved is not None:
        arr = saved._data
    else:
        fn = ctx.next_functions[slot][0]
        if fn is None:
            return False
        if fn.__class__ is AccumulateGrad:
            arr = fn.variable._data
        else:
            ref = fn._out_ref
            out = ref() if ref is not None else None
            if out is None:
                return type(fn).__name__ in ("TBackward0", "TransposeBackward0")
            arr = out._data
    if arr.ndim != 2:
        return False
    item = arr.itemsize
    return arr.strides[0] == item and arr.strides[1] == arr.shape[0] * item


def _mm_grads(ctx, g, a, b, na, nb, sa, sb, mat2_first):
    """The gradients of ``a @ b`` (slots ``sa``, ``sb`` of ``ctx``) as PyTorch builds
    them under create_graph."""
    # (in PyTorch's order: mat2's first for mm, mat1's first for addmm; the order in
    # which the nodes are made decides the order of a later backward)
    mm = MmBackward0.apply
    ga = gb = None
    if nb and mat2_first:
        gb = mm(g.t(), a).t() if _column_major(ctx, sb, b) else mm(a.t(), g)
    if na:
        ga = mm(b, g.t()).t() if _column_major(ctx, sa, a) else mm(g, b.t())
    if nb and not mat2_first:
        gb = mm(g.t(), a).t() if _column_major(ctx, sb, b) else mm(a.t(), g)
    return ga, gb


def _mm(x, y):
    """``x @ y``; with an inner dimension of 1 (an outer product) the broadcast product,
    which has the same values and is several times faster in numpy."""
    if (
        x.__class__ is _ndarray
        and y.__class__ is _ndarray
        and x.ndim == 2
        and x.shape[1] == 1
        and y.ndim == 2
        and y.shape[0] == 1
    ):
        return np.multiply(x, y)
    return x @ y


class _Product(Function):
    """``a @ b`` with two slots: each operand is saved only when the other one needs a
    gradient (the gradient of one is a product with the other), as PyTorch saves them."""

    @staticmethod
    def forward(ctx, a, b):
        n = ctx.needs_input_grad
        ctx._saved = (a if n[1] else None, b if n[0] else None)  # (save_for_backward)
        return a @ b


class MmBackward0(_Product):
    op, symbol = "mm", "@"
    formula = "∂(A@B)/∂A = G@Bᵀ,  ∂(A@B)/∂B = Aᵀ@G"
    local = (Local("G @ {1}ᵀ", rule=True), Local("{0}ᵀ @ G", rule=True))

    @staticmethod
    def _graph_backward(ctx, g):
        a, b = ctx.saved_tensors
        n = ctx.needs_input_grad
        return _mm_grads(ctx, g, a, b, n[0], n[1], 0, 1, True)

    @staticmethod
    def backward(ctx, g):
        a, b = ctx.saved_tensors
        n = ctx.needs_input_grad
        if g.__class__ is _ndarray:  # plain arrays: ``_mm`` inlined (outer products too)
            ga = gb = None
            if n[0]:
                bt = b.T
                ga = np.multiply(g, bt) if g.shape[1] == 1 else g @ bt
            if n[1]:
                at = a.T
                gb = np.multiply(at, g) if at.shape[1] == 1 else at @ g
            return ga, gb
        return (_mm(g, t(b)) if n[0] else None), (_mm(t(a), g) if n[1] else None)


class AddmmBackward0(Function):
    """``bias + A @ B`` in one node (``nn.Linear`` on a 2-D input)."""

    op, symbol = "addmm", "+@"
    formula = "∂(c + A@B)/∂c = 1,  ∂/∂A = G@Bᵀ,  ∂/∂B = Aᵀ@G"
    local = (
        Local("1", lambda x, o, k: 1.0),
        Local("G @ {2}ᵀ", rule=True),
        Local("{1}ᵀ @ G", rule=True),
    )

    @staticmethod
    def _graph_backward(ctx, g):
        a, b = ctx.saved_tensors
        n = ctx.needs_input_grad
        ga, gb = _mm_grads(ctx, g, a, b, n[1], n[2], 1, 2, False)
        return (g if n[0] else None), ga, gb

    @staticmethod
    def forward(ctx, bias, a, b):
        n = ctx.needs_input_grad
        ctx.save_for_backward(a if n[2] else None, b if n[1] else None)
        if a.shape[1] == 1 and a.dtype == _F32 and b.dtype == _F32 and a.shape[0] > 1 < b.shape[1]:
            # one input feature: PyTorch's gemm adds each product to the bias in one fused
            # multiply-add (the float32 product is exact in float64, one rounding); one row
            # or one column goes through gemv (the product rounded, then the bias added)
            out = a.astype(_F64) * b.astype(_F64)
            out += bias
            return out.astype(_F32)
        out = a @ b
        out += bias
        return out

    @staticmethod
    def backward(ctx, g):
        a, b = ctx.saved_tensors
        n = ctx.needs_input_grad
        if g.__class__ is _ndarray and g.shape[1] != 1:
            # plain arrays, no outer product: the two products directly
            return ((g if n[0] else None), (g @ b.T if n[1] else None), (a.T @ g if n[2] else None))
        return (
            (g if n[0] else None),
            (_mm(g, t(b)) if n[1] else None),
            (_mm(t(a), g) if n[2] else None),
        )


class MvBackward0(_Product):
    op, symbol = "mv", "@"
    formula = "∂(A@v)/∂A = g⊗v,  ∂(A@v)/∂v = Aᵀ@g"
    local = (Local("G ⊗ {1}", rule=True), Local("{0}ᵀ @ G", rule=True))

    @staticmethod
    def _graph_backward(ctx, g):
        # PyTorch: self: grad.ger(vec) (= grad.reshape(n, 1) * vec); vec: self.t().mv(grad)
        a, v = ctx.saved_tensors
        n = ctx.needs_input_grad
        return (g.reshape(-1, 1) * v if n[0] else None), (t(a) @ g if n[1] else None)

    @staticmethod
    def backward(ctx, g):
        a, v = ctx.saved_tensors
        n = ctx.needs_input_grad
        return (outer(g, v) if n[0] else None), (t(a) @ g if n[1] else None)


class DotBackward0(_Product):
    op, symbol = "dot", "·"
    formula = "∂(a·b)/∂a = b,  ∂(a·b)/∂b = a"
    local = (Local("{1}", lambda x, o, k: x[1]), Local("{0}", lambda x, o, k: x[0]))

    @staticmethod
    def backward(ctx, g):
        a, b = ctx.saved_tensors
        n = ctx.needs_input_grad
        return (g * b if n[0] else None), (g * a if n[1] else None)


class BmmBackward0(_Product):
    op, symbol = "bmm", "@"
    formula = "∂(A@B)/∂A = G@Bᵀ,  ∂(A@B)/∂B = Aᵀ@G  (per batch)"
    local = (
        Local(("G @ {1}ᵀ (per batch)", "G @ {1}ᵀ（逐批）"), rule=True),
        Local(("{0}ᵀ @ G (per batch)", "{0}ᵀ @ G（逐批）"), rule=True),
    )

    @staticmethod
    def _graph_backward(ctx, g):
        # PyTorch: self: grad.bmm(mat2.transpose(1, 2)); mat2: self.transpose(1, 2).bmm(grad)
        bmm = BmmBackward0.apply
        a, b = ctx.saved_tensors
        n = ctx.needs_input_grad
        gb = bmm(a.transpose(1, 2), g) if n[1] else None  # (mat2's first, as PyTorch)
        return (bmm(g, b.transpose(1, 2)) if n[0] else None), gb

    @staticmethod
    def backward(ctx, g):
        a, b = ctx.saved_tensors
        n = ctx.needs_input_grad
        return (g @ mT(b) if n[0] else None), (mT(a) @ g if n[1] else None)
