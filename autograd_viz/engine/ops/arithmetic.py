"""Elementwise arithmetic with numpy broadcasting: + - * / ** maximum, negation.

Gradients are returned at the broadcast shape; the backward engine sums them to
each input's shape.  Only what a needed gradient uses is saved (as PyTorch does:
``a * c`` with a constant ``c`` saves ``c`` only, so changing ``a`` in place later
is no error).
"""

from __future__ import annotations

import numpy as np

from .._errstate import DIVIDE, DIVIDE_INVALID, DIVIDE_INVALID_OVER, OVER, quiet, restore
from .._errstate import errstate as _errstate
from ..derivatives import mse_local, mse_text, num_text, pick_share, power_text
from ..function import Function, Local
from ..functional_array import _tensor, log, mask, scale, sub_scalar, where
from .double import MseLossBackwardBackward0
from .fsum import sum32 as _sum32

_F32 = np.dtype(np.float32)


def _sum_all(a):
    """The sum of all of ``a``: float32 (up to 8192 values, as ``sum``) in PyTorch's order
    (its loss kernels reduce with ``sum``), else numpy's."""
    if a.dtype == _F32 and a.size <= 8192 and a.flags.c_contiguous:
        return _sum32(a)
    return np.add.reduce(a, axis=None)


_ndarray = np.ndarray

# A node whose output is 0-d (``ctx._shape == ()``) has 0-d inputs (or Python numbers):
# outside a graph of gradients its backward computes on numpy scalars (``x[()]``), whose
# arithmetic is the same float operation as a 0-d ufunc's at a tenth of its cost (the
# scalar graphs of the lessons and of micrograd).  Gradients may be numpy scalars: the
# backward engine and ``.grad`` take them as 0-d arrays.


def saved0(ctx):
    """``ctx.saved_tensors`` of a 0-d node outside a graph of gradients: the saved
    values when none was freed or changed in place since (else the property raises
    PyTorch's error), without the property's general steps."""
    saved = ctx._saved
    if saved is not None:
        for m in ctx._saved_meta or ():
            if m[1][0] != m[2]:
                return ctx.saved_tensors
        return saved
    return ctx.saved_tensors


class AddBackward0(Function):
    op, symbol = "add", "+"
    formula = "∂(a+b)/∂a = 1,  ∂(a+b)/∂b = 1"
    local = (
        Local("1", lambda x, o, k: 1.0),
        Local(lambda k, x: num_text(k.get("alpha", 1)), lambda x, o, k: float(k.get("alpha", 1))),
    )

    @staticmethod
    def forward(ctx, a, b, alpha=1):
        ctx.alpha = alpha
        return a + b if alpha == 1 else a + alpha * b

    @staticmethod
    def backward(ctx, g):
        return g, (g if ctx.alpha == 1 else scale(g, ctx.alpha))


class AddBackward1(Function):
    """``tensor + number`` inside a graph of gradients (one slot)."""

    op, symbol = "add", "+"
    formula = "∂(a+c)/∂a = 1"
    local = (Local("1", lambda x, o, k: 1.0),)

    @staticmethod
    def forward(ctx, a, other=0):
        return a + other

    @staticmethod
    def backward(ctx, g):
        return (g,)


class SubBackward1(Function):
    """``tensor - number`` as PyTorch's C++ composes it (``sub(Tensor, Scalar)``): one
    slot."""

    op, symbol = "sub", "-"
    formula = "∂(a−c)/∂a = 1"
    local = (Local("1", lambda x, o, k: 1.0),)

    @staticmethod
    def forward(ctx, a, other=0):
        return a - other

    @staticmethod
    def backward(ctx, g):
        return (g,)


class SubBackward0(Function):
    op, symbol = "sub", "-"
    formula = "∂(a−b)/∂a = 1,  ∂(a−b)/∂b = −1"
    local = (
        Local("1", lambda x, o, k: 1.0),
        Local(lambda k, x: num_text(-k.get("alpha", 1)), lambda x, o, k: -float(k.get("alpha", 1))),
    )

    @staticmethod
    def forward(ctx, a, b, alpha=1):
        ctx.alpha = alpha
        return a - b if alpha == 1 else a - alpha * b

    @staticmethod
    def backward(ctx, g):
        if not ctx.needs_input_grad[1]:  # ``out - y`` with a constant y: no -g to make
            return g, None
        if g.__class__ is _ndarray and not g.shape:
            g = g[()]
        return g, (-g if ctx.alpha == 1 else scale(g, -ctx.alpha))


class RsubBackward1(Function):
    """``number - tensor``: PyTorch records it as one node with a single slot."""

    op, symbol = "rsub", "-"
    formula = "∂(c−a)/∂a = −1"
    local = (
        Local(lambda k, x: num_text(-k.get("alpha", 1)), lambda x, o, k: -float(k.get("alpha", 1))),
    )

    @staticmethod
    def forward(ctx, a, other=0, alpha=1):
        ctx.alpha = alpha
        return other - a if alpha == 1 else other - alpha * a

    @staticmethod
    def backward(ctx, g):
        if g.__class__ is _ndarray and not g.shape:
            g = g[()]
        return (-g if ctx.alpha == 1 else scale(g, -ctx.alpha),)


class MulBackward0(Function):
    op, symbol = "mul", "*"
    formula = "∂(a·b)/∂a = b,  ∂(a·b)/∂b = a"
    local = (Local("{1}", lambda x, o, k: x[1]), Local("{0}", lambda x, o, k: x[0]))

    @staticmethod
    def forward(ctx, a, b):
        n = ctx.needs_input_grad
        ctx.save_for_backward(a if n[1] else None, b if n[0] else None)
        return a * b

    @staticmethod
    def backward(ctx, g):
        n = ctx.needs_input_grad
        if not ctx._shape and not ctx._graph_mode:  # 0-d: numpy scalars
            a, b = saved0(ctx)
            if g.__class__ is _ndarray:
                g = g[()]
            ga = gb = None
            if n[0]:
                ga = g * (b[()] if b.__class__ is _ndarray else b)
            if n[1]:
                gb = g * (a[()] if a.__class__ is _ndarray else a)
            return ga, gb
        a, b = ctx.saved_tensors
        return (g * b if n[0] else None), (g * a if n[1] else None)


class MulBackward1(Function):
    """``tensor * number`` inside a graph of gradients (one slot)."""

    op, symbol = "mul", "*"
    formula = "∂(a·c)/∂a = c"
    local = (Local(lambda k, x: num_text(k.get("other", 1)), lambda x, o, k: k.get("other", 1)),)

    @staticmethod
    def forward(ctx, a, other=1.0):
        ctx.other = other
        return a * other

    @staticmethod
    def backward(ctx, g):
        return (scale(g, ctx.other),)


class DivBackward0(Function):
    op, symbol = "div", "/"
    formula = "∂(a/b)/∂a = 1/b,  ∂(a/b)/∂b = −a/b²"
    local = (
        Local("1/{1}", lambda x, o, k: 1.0 / np.asarray(x[1], float)),
        Local("-{0}/{1}²", lambda x, o, k: -np.asarray(x[0], float) / np.asarray(x[1], float) ** 2),
    )

    @staticmethod
    def forward(ctx, a, b):
        n = ctx.needs_input_grad
        ctx.save_for_backward(a if n[1] else None, b)
        with _errstate(DIVIDE_INVALID):
            return a / b

    @staticmethod
    def _graph_backward(ctx, g):
        # (other's gradient made first, as PyTorch's DivBackward0: the order of a later
        # backward follows)
        n = ctx.needs_input_grad
        a, b = ctx.saved_tensors
        with _errstate(DIVIDE_INVALID):
            gb = -g * ((a / b) / b) if n[1] else None
            return (g / b if n[0] else None), gb

    @staticmethod
    def backward(ctx, g):
        n = ctx.needs_input_grad
        if not ctx._shape and not ctx._graph_mode:  # 0-d: numpy scalars
            a, b = saved0(ctx)
            if g.__class__ is _ndarray:
                g = g[()]
            if b.__class__ is _ndarray:
                b = b[()]
            if a.__class__ is _ndarray:
                a = a[()]
        else:
            a, b = ctx.saved_tensors
        tok = quiet(DIVIDE_INVALID)
        try:
            ga = g / b if n[0] else None
            gb = -g * ((a / b) / b) if n[1] else None
        finally:
            restore(tok)
        return ga, gb


class ReciprocalBackward0(Function):
    """``1 / a`` (PyTorch computes ``c / a`` as ``c * reciprocal(a)``)."""

    op, symbol = "reciprocal", "1/"
    formula = "∂(1/a)/∂a = −1/a²"
    local = (Local("-1/{0}²", lambda x, o, k: -(np.asarray(o, float) ** 2)),)

    @staticmethod
    def forward(ctx, a):
        with _errstate(DIVIDE):
            out = np.reciprocal(a)
        if type(out) is not np.ndarray:
            out = np.asarray(out)
        ctx.save_for_backward(out)
        return out

    @staticmethod
    def backward(ctx, g):
        if not ctx._shape and not ctx._graph_mode:  # 0-d: numpy scalars
            out = saved0(ctx)[0][()]
            if g.__class__ is _ndarray:
                g = g[()]
            return (-g * (out * out),)
        (out,) = ctx.saved_tensors
        return (-g * (out * out),)


class NegBackward0(Function):
    op, symbol = "neg", "-"
    formula = "∂(−a)/∂a = −1"
    local = (Local("-1", lambda x, o, k: -1.0),)

    @staticmethod
    def forward(ctx, a):
        return -a

    @staticmethod
    def backward(ctx, g):
        if g.__class__ is _ndarray and not g.shape:
            g = g[()]
        return (-g,)


def _ipow(a, b):
    """Integer power as PyTorch computes it: a negative exponent gives 1 for a base of 1,
    +-1 for -1, else 0 (numpy refuses negative integer powers)."""
    a, b = np.asarray(a), np.asarray(b)
    neg = b < 0
    out = np.power(a, np.where(neg, 0, b))
    if neg.any():
        odd = np.where((-b) % 2 == 1, a, 1)
        out = np.where(neg, np.where(a == 1, 1, np.where(a == -1, odd, 0)), out).astype(out.dtype)
    return out


def _power(a, b):
    try:
        return np.power(a, b)
    except ValueError:  # integers to negative integer powers
        if np.result_type(a, b).kind not in "iu":
            raise
        return _ipow(a, b)


def _float_pow(a, n):
    """``a ** n`` for a float tensor as PyTorch's CPU kernel computes it: 2 and 3 as
    products, -1 / -2 as reciprocals, 0.5 / -0.5 as (r)sqrt; any other exponent as a
    correctly rounded power (float32: computed in float64, rounded once)."""
    if n == 2:
        return a * a
    if n == 3:
        return a * a * a
    if n == 0.5:
        return np.sqrt(a)
    if n == -1:
        return np.reciprocal(a)
    if n == -2:
        return np.reciprocal(a * a)
    if n == -0.5:
        return np.reciprocal(np.sqrt(a))
    if a.dtype == np.float32 and isinstance(n, int | float):
        out = np.power(a, n, dtype=np.float64).astype(np.float32)
        return out if type(out) is np.ndarray else np.asarray(out)
    return np.power(a, n)


class PowBackward0(Function):
    """``tensor ** number``."""

    op, symbol = "pow", "**"
    formula = "∂(aⁿ)/∂a = n·aⁿ⁻¹"
    local = (
        Local(
            lambda k, x: power_text(k.get("exponent", 1)),
            lambda x, o, k: (
                k.get("exponent", 1) * np.asarray(x[0], float) ** (k.get("exponent", 1) - 1)
            ),
        ),
    )

    @staticmethod
    def forward(ctx, a, exponent=1.0):
        ctx._saved = (a,)  # (save_for_backward)
        ctx.exponent = exponent
        if exponent == 2 and a.dtype.kind == "f":  # x ** 2: a product (same bits, quicker)
            tok = quiet(OVER)
            try:
                return a * a
            finally:
                restore(tok)
        with _errstate(DIVIDE_INVALID_OVER):
            if a.dtype.kind == "f":
                return _float_pow(a, exponent)
            return np.power(a, exponent)

    @staticmethod
    def backward(ctx, g):
        n = ctx.exponent
        if (n == 2 or n == 3) and not ctx._shape and not ctx._graph_mode:
            # 0-d: numpy scalars; ``a ** 2`` of an array is numpy's square, ``a * a``
            a = saved0(ctx)[0][()]
            if g.__class__ is _ndarray:
                g = g[()]
            if n == 2:
                tok = quiet(OVER)
                try:
                    return (g * (a * 2),)
                finally:
                    restore(tok)
            tok = quiet(DIVIDE_INVALID)
            try:
                return (g * ((a * a) * n),)
            finally:
                restore(tok)
        (a,) = ctx.saved_tensors
        if n == 0:
            return (g * 0,)
        if n == 2 and not ctx._graph_mode:  # (create_graph: a.pow(1), PyTorch's node)
            tok = quiet(OVER)
            try:
                return (g * scale(a, 2),)
            finally:
                restore(tok)
        with _errstate(DIVIDE_INVALID):
            return (g * scale(a ** (n - 1), n),)


class PowBackward1(Function):
    """``tensor ** tensor``."""

    op, symbol = "pow", "**"
    formula = "∂(aᵇ)/∂a = b·aᵇ⁻¹,  ∂(aᵇ)/∂b = aᵇ·ln a"
    local = (
        Local(
            "{1}·{0}^({1} - 1)",
            lambda x, o, k: (
                np.asarray(x[1], float) * np.asarray(x[0], float) ** (np.asarray(x[1], float) - 1)
            ),
        ),
        Local(
            "{0}^{1}·ln({0})",
            lambda x, o, k: np.asarray(o, float) * np.log(np.asarray(x[0], float)),
        ),
    )

    @staticmethod
    def _graph_backward(ctx, g):
        # PyTorch's pow_backward_self / pow_backward_exponent:
        #   where(exponent == 0, 0, grad * (exponent * self.pow(exponent - 1)))
        #   grad * where((self == 0) & (exponent >= 0), 0, result * self.log())
        if ctx.needs_input_grad[0] and ctx.bool_exponent:
            return PowBackward1.backward(ctx, g)  # (its error)
        from ..api import where as twhere

        a, b, out = ctx.saved_tensors
        n = ctx.needs_input_grad
        ra, rb = a._data, b._data
        shape = np.broadcast_shapes(ra.shape, rb.shape)
        zero = _tensor(np.zeros((), out._data.dtype))
        ga = gb = None
        with _errstate(DIVIDE_INVALID):
            if n[1]:  # (the exponent's first, as PyTorch's PowBackward1)
                cond = np.broadcast_to((ra == 0) & (rb >= 0), shape)
                gb = g * twhere(cond, zero, out * log(a))
            if n[0]:
                cond = np.broadcast_to(rb == 0, shape)
                ga = twhere(cond, zero, g * (b * a ** sub_scalar(b, 1)))
        return ga, gb

    @staticmethod
    def forward(ctx, a, b, bool_exponent=False):
        ctx.bool_exponent = bool_exponent
        with _errstate(DIVIDE_INVALID):
            out = np.asarray(_power(a, b))
        ctx.save_for_backward(a, b, out)
        return out

    @staticmethod
    def backward(ctx, g):
        a, b, out = ctx.saved_tensors
        n = ctx.needs_input_grad
        raw_a = getattr(a, "_data", a)
        raw_b = getattr(b, "_data", b)
        ga = gb = None
        if n[0] and ctx.bool_exponent:  # PyTorch computes ``b - 1`` on the bool tensor
            raise RuntimeError(
                "Subtraction, the `-` operator, with a bool tensor is not supported. If you "
                "are trying to invert a mask, use the `~` or `logical_not()` operator instead."
            )
        with _errstate(DIVIDE_INVALID):
            if n[0]:
                ga = mask(
                    g * (b * a ** (b - 1)), np.broadcast_to(raw_b != 0, np.shape(raw_a * raw_b))
                )
            if n[1]:
                zero = (raw_a == 0) & (raw_b >= 0)
                gb = mask(g * (out * log(a)), ~np.broadcast_to(zero, np.shape(raw_a * raw_b)))
        return ga, gb


class PowBackward2(Function):
    """``number ** tensor``."""

    op, symbol = "pow", "**"
    formula = "∂(cᵃ)/∂a = cᵃ·ln c"
    local = (
        Local(
            lambda k, x: f"{num_text(k.get('base', 1))}^{{0}}·ln({num_text(k.get('base', 1))})",
            lambda x, o, k: np.asarray(o, float) * np.log(float(k.get("base", 1))),
        ),
    )

    @staticmethod
    def forward(ctx, a, base=1.0):
        out = np.asarray(_power(np.asarray(base, dtype=a.dtype), a))
        ctx.save_for_backward(out)
        ctx.base = base
        return out

    @staticmethod
    def backward(ctx, g):
        (out,) = ctx.saved_tensors
        if ctx.base == 0:
            return (g * 0,)
        return (g * scale(out, float(np.log(ctx.base))),)


class _Extremum(Function):
    """``pick(a, b)`` elementwise (``np.maximum`` / ``np.minimum``): the gradient goes to
    the operand picked, half to each on ties (as PyTorch does)."""

    pick = staticmethod(np.maximum)
    loses = staticmethod(np.less)  # ``loses(a, b)``: a gets no gradient (nan never loses)

    @staticmethod
    def forward(ctx, a, b):
        ctx.save_for_backward(a, b)
        return ctx.pick(a, b)

    @staticmethod
    def backward(ctx, g):
        a, b = ctx.saved_tensors
        ra, rb = getattr(a, "_data", a), getattr(b, "_data", b)
        shape = np.broadcast_shapes(np.shape(ra), np.shape(rb), tuple(g.shape))
        tie = np.broadcast_to(ra == rb, shape)
        half = where(tie, scale(g, 0.5), g)
        n = ctx.needs_input_grad
        ga = mask(half, ~np.broadcast_to(ctx.loses(ra, rb), shape)) if n[0] else None
        gb = mask(half, ~np.broadcast_to(ctx.loses(rb, ra), shape)) if n[1] else None
        return ga, gb


class MaximumBackward0(_Extremum):
    op, symbol = "maximum", "max"
    formula = "∂max(a,b)/∂a = [a>b] (½ on ties),  ∂max(a,b)/∂b = [b>a] (½ on ties)"
    local = (
        Local(
            ("[{0} > {1}] (½ on ties)", "[{0} > {1}]（相等时各 ½）"),
            lambda x, o, k: pick_share(x[0], x[1], np.greater),
        ),
        Local(
            ("[{1} > {0}] (½ on ties)", "[{1} > {0}]（相等时各 ½）"),
            lambda x, o, k: pick_share(x[1], x[0], np.greater),
        ),
    )


class MinimumBackward0(_Extremum):
    op, symbol = "minimum", "min"
    formula = "∂min(a,b)/∂a = [a<b] (½ on ties),  ∂min(a,b)/∂b = [b<a] (½ on ties)"
    local = (
        Local(
            ("[{0} < {1}] (½ on ties)", "[{0} < {1}]（相等时各 ½）"),
            lambda x, o, k: pick_share(x[0], x[1], np.less),
        ),
        Local(
            ("[{1} < {0}] (½ on ties)", "[{1} < {0}]（相等时各 ½）"),
            lambda x, o, k: pick_share(x[1], x[0], np.less),
        ),
    )
    pick = staticmethod(np.minimum)
    loses = staticmethod(np.greater)


class MseLossBackward0(Function):
    op, symbol = "mse_loss", "mse"
    formula = "∂mean((a−t)²)/∂a = 2(a−t)/n"
    local = (
        Local(lambda k, x: mse_text(k, x, "2·({0} - {1})"), lambda x, o, k: mse_local(x, k, 1.0)),
        Local(lambda k, x: mse_text(k, x, "-2·({0} - {1})"), lambda x, o, k: mse_local(x, k, -1.0)),
    )

    @staticmethod
    def _graph_backward(ctx, g):
        # PyTorch: self: mse_loss_backward(grad, self, target); target:
        # mse_loss_backward(grad, target, self): a node each
        a, target, _ = ctx.saved_tensors
        n, red = ctx.needs_input_grad, ctx.reduction
        return (
            MseLossBackwardBackward0.apply(g, a, target, reduction=red) if n[0] else None,
            MseLossBackwardBackward0.apply(g, target, a, reduction=red) if n[1] else None,
        )

    @staticmethod
    def forward(ctx, a, target, reduction="mean"):
        ctx.reduction = reduction
        d = a - target
        # ``d`` too (a fresh array: no version to track), so a plain backward need not
        # compute it again; with create_graph it is recomputed from the tensors
        ctx.save_for_backward(a, target, d)
        sq = d * d
        if reduction == "mean":
            if not sq.size:
                return np.array(np.nan, sq.dtype)
            return _sum_all(sq) / sq.dtype.type(sq.size)
        if reduction == "sum":
            return _sum_all(sq)
        return sq

    @staticmethod
    def backward(ctx, g):
        a, target, d = ctx.saved_tensors
        plain = d.__class__ is np.ndarray
        if not plain:
            d = a - target
        factor = 2.0
        if ctx.reduction == "mean":
            factor = 2.0 / max(d.size if plain else d.numel(), 1)
        if (
            plain
            and (g.__class__ is np.ndarray or isinstance(g, np.generic))  # (0-d: a scalar)
            and g.dtype == d.dtype
            and (g.ndim == 0 or g.shape == d.shape)
        ):
            gd = d * factor  # fresh: scaled in place (same values as g * (d * factor))
            gd *= g
        else:
            gd = g * scale(d, factor)
        n = ctx.needs_input_grad
        return (gd if n[0] else None), (-gd if n[1] else None)


class WhereBackward0(Function):
    """``where(cond, a, b)``; ``cond`` (a boolean array) is a keyword, not a slot."""

    op, symbol = "where", "where"
    formula = "∂where(c,a,b)/∂a = [c],  ∂/∂b = [not c]"
    local = (
        Local(
            ("1 where the condition holds, else 0", "条件成立处为 1，其余为 0"),
            lambda x, o, k: np.asarray(k["cond"], float),
        ),
        Local(
            ("1 where the condition fails, else 0", "条件不成立处为 1，其余为 0"),
            lambda x, o, k: 1.0 - np.asarray(k["cond"], float),
        ),
    )

    @staticmethod
    def forward(ctx, a, b, cond=None):
        ctx.cond = cond
        return np.where(cond, a, b)

    @staticmethod
    def backward(ctx, g):
        n = ctx.needs_input_grad
        c = np.broadcast_to(ctx.cond, tuple(g.shape))
        return (mask(g, c) if n[0] else None), (mask(g, ~c) if n[1] else None)


class NotImplementedFn(Function):
    """The node PyTorch records for an op it has no derivative for (``x // 2`` of a
    tensor that requires grad): the forward works, ``backward`` raises PyTorch's error."""

    op, symbol = "floor_divide", "//"
    formula = "no derivative"
    local = (Local(("not differentiable", "不可微"), lambda x, o, k: 0.0),)

    @staticmethod
    def forward(ctx, a, result=None, name="floor_divide"):
        ctx.aten = name  # (not ``name``: that is the node's ``name()``)
        return result

    @staticmethod
    def backward(ctx, g):
        raise RuntimeError(f"derivative for aten::{ctx.aten} is not implemented")


NotImplementedFn.__name__ = NotImplementedFn.__qualname__ = "NotImplemented"


class DivBackward2(Function):
    """``torch.div(a, b, rounding_mode='floor' | 'trunc')`` of tensors that require grad:
    the rounded quotient is piecewise constant, so both gradients are zeros (PyTorch's
    ``grad * 0``); a number ``b`` is its second slot, with no edge."""

    op, symbol = "div", "÷"
    formula = "∂round(a/b)/∂a = 0,  ∂round(a/b)/∂b = 0 (piecewise constant)"
    local = (Local("0", lambda x, o, k: 0.0), Local("0", lambda x, o, k: 0.0))

    @staticmethod
    def forward(ctx, a, b, result=None):
        ctx.shapes = (np.shape(a), np.shape(b))
        return result

    @staticmethod
    def backward(ctx, g):
        n = ctx.needs_input_grad
        return tuple(g * 0 if n[i] else None for i in range(2))
