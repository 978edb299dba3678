"""``nn.Conv2d``, ``nn.MaxPool2d``, ``nn.AvgPool2d``, ``nn.AdaptiveAvgPool2d`` and their
functions (``F.conv2d``, ``F.max_pool2d``, ``F.avg_pool2d``, ``F.adaptive_avg_pool2d``),
on numpy windows (``sliding_window_view``): one ``ConvolutionBackward0`` /
``MaxPool2DWithIndicesBackward0`` / ``AvgPool2DBackward0`` node each, as PyTorch records
them.  The backward loops over the kernel's positions (a few slices), never over elements.
Under ``create_graph=True`` each gradient is a node of its own
(``ConvolutionBackwardBackward0``, ``MaxPool2DWithIndicesBackwardBackward0``, ...), as
PyTorch names them, whose backward is again a convolution / pooling: derivatives of any
order."""

from __future__ import annotations

import collections.abc
import math
import numbers

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from ..engine import api as _api
from ..engine import creation
from ..engine.argtypes_shape import tp_name
from ..engine.device import factory_dtype
from ..engine.function import Function, Local
from ..engine.functional_array import _is_array
from ..engine.tensor import Tensor
from . import functional as _functional
from . import padding as _padding
from ._argcheck import adaptive_size, pool_pair
from .layers import _tensor_arg
from .modules import Module, _check_param_shape
from .parameter import Parameter

__all__ = [
    "AdaptiveAvgPool1d",
    "AdaptiveAvgPool2d",
    "AvgPool1d",
    "AvgPool2d",
    "Conv1d",
    "Conv2d",
    "MaxPool1d",
    "MaxPool2d",
]


def _pair(v):
    if isinstance(v, numbers.Integral):
        return (int(v), int(v))
    return tuple(int(x) for x in v)


def _windows(xp, k, s, d, out_hw):
    """(N, C, OH, OW, kh, kw) view of the padded input."""
    kh, kw = k
    eh, ew = d[0] * (kh - 1) + 1, d[1] * (kw - 1) + 1
    w = sliding_window_view(xp, (eh, ew), axis=(2, 3))
    w = w[:, :, :: s[0], :: s[1], :: d[0], :: d[1]]
    return w[:, :, : out_hw[0], : out_hw[1]]


def _pad(x, pads, value=0.0):
    (t, b), (left, r) = pads
    if not (t or b or left or r):
        return x
    return np.pad(x, ((0, 0), (0, 0), (t, b), (left, r)), constant_values=value)


def _conv_out(x, w, stride, pads, dilation, groups):
    """The convolution of ``x`` (N, C, H, W) with ``w`` (O, C/groups, kh, kw), no bias."""
    xp = _pad(x, pads)
    hp, wp = xp.shape[2], xp.shape[3]
    o, cg, kh, kw = w.shape
    oh = (hp - dilation[0] * (kh - 1) - 1) // stride[0] + 1
    ow = (wp - dilation[1] * (kw - 1) - 1) // stride[1] + 1
    win = _windows(xp, (kh, kw), stride, dilation, (oh, ow))
    og = o // groups
    outs = []
    for gi in range(groups):
        wg = win[:, gi * cg : (gi + 1) * cg]
        outs.append(np.tensordot(wg, w[gi * og : (gi + 1) * og], axes=([1, 4, 5], [1, 2, 3])))
    out = np.concatenate(outs, axis=-1) if groups > 1 else outs[0]
    return out.transpose(0, 3, 1, 2)


def _conv_grad_input(g, w, x_shape, stride, pads, dilation, groups):
    """The gradient of the convolution with respect to its input: ``g`` (N, O, oh, ow)
    spread back through the kernel ``w`` onto an input of shape ``x_shape``."""
    o, cg, kh, kw = w.shape
    og = o // groups
    oh, ow = g.shape[2], g.shape[3]
    (t, b), (left, r) = pads
    gxp = np.zeros((x_shape[0], x_shape[1], x_shape[2] + t + b, x_shape[3] + left + r), g.dtype)
    for gi in range(groups):
        gg = g[:, gi * og : (gi + 1) * og]
        wg = w[gi * og : (gi + 1) * og]
        cs = slice(gi * cg, (gi + 1) * cg)
        for i in range(kh):
            for j in range(kw):
                part = np.tensordot(gg, wg[:, :, i, j], axes=([1], [0]))
                r0, c0 = i * dilation[0], j * dilation[1]
                gxp[
                    :,
                    cs,
                    r0 : r0 + stride[0] * (oh - 1) + 1 : stride[0],
                    c0 : c0 + stride[1] * (ow - 1) + 1 : stride[1],
                ] += part.transpose(0, 3, 1, 2)
    return gxp[:, :, t : t + x_shape[2], left : left + x_shape[3]]


def _conv_grad_weight(g, x, w_shape, stride, pads, dilation, groups):
    """The gradient of the convolution with respect to its kernel (shape ``w_shape``):
    ``g`` correlated with the windows of ``x``."""
    o, cg, kh, kw = w_shape
    og = o // groups
    win = _windows(_pad(x, pads), (kh, kw), stride, dilation, g.shape[2:])
    parts = []
    for gi in range(groups):
        gg = g[:, gi * og : (gi + 1) * og]
        wg = win[:, gi * cg : (gi + 1) * cg]
        parts.append(np.tensordot(gg, wg, axes=([0, 2, 3], [0, 2, 3])))
    gw = np.concatenate(parts, axis=0) if groups > 1 else parts[0]
    return gw.astype(g.dtype, copy=False)


def _as4(a, one_d):
    """conv1d's arrays as height-1 conv2d arrays."""
    return a[:, :, None, :] if one_d else a


def _as3(a, one_d):
    return a[:, :, 0, :] if one_d else a


class ConvolutionBackward0(Function):
    op, symbol = "conv2d", "conv"
    formula = (
        "∂out/∂x: G convolved back with the kernel; ∂out/∂w: G correlated with the input "
        "windows; ∂out/∂b = Σ G"
    )
    local = (
        Local(
            (
                "G spread back through the kernel {1} onto the windows of {0:r}",
                "G 经卷积核 {1} 散回 {0:r} 的各个窗口",
            ),
            rule=True,
        ),
        Local(
            (
                "Σ over positions of G × the input window of {0:r}",
                "对各位置求和：G × {0:r} 的输入窗口",
            ),
            rule=True,
        ),
        Local(("Σ G over batch and positions", "G 在批次和各位置上求和"), rule=True),
    )

    @staticmethod
    def forward(
        ctx,
        x,
        w,
        b,
        stride=(1, 1),
        pads=((0, 0), (0, 0)),
        dilation=(1, 1),
        groups=1,
        one_d=False,
        transposed=None,
    ):
        # transposed: None, or conv_transpose's output (height, width): the input spread
        # through the kernel (w: (in, out/groups, kh, kw)) as a convolution's input gradient
        ctx.one_d = one_d
        ctx.conf = (stride, pads, dilation, groups)
        ctx.transposed = transposed is not None
        ctx.save_for_backward(x, w)  # the inputs themselves (conv1d's too)
        if transposed is None:
            out = _conv_out(_as4(x, one_d), _as4(w, one_d), stride, pads, dilation, groups)
        else:
            x4, w4 = _as4(x, one_d), _as4(w, one_d)
            shape = (x4.shape[0], w4.shape[1] * groups, *transposed)
            out = _conv_grad_input(x4, w4, shape, stride, pads, dilation, groups)
        if b is not None:
            out = out + b.reshape(1, -1, 1, 1)
        out = np.ascontiguousarray(out, dtype=x.dtype)
        return _as3(out, one_d)

    @staticmethod
    def _graph_backward(ctx, g):
        # PyTorch: ONE ConvolutionBackwardBackward0 node, slots (grad_output, input,
        # weight), outputs (grad_input, grad_weight, grad_bias)
        if ctx.transposed:
            return ConvolutionBackward0.backward(ctx, g)
        from ._ops import _double_node

        x, w = ctx.saved_tensors
        one_d, conf = ctx.one_d, ctx.conf
        need = ctx.needs_input_grad
        g4 = _as4(g._data, one_d)
        gx = gw = gb = None
        if need[0]:
            x4 = _as4(x._data, one_d)
            gx = _as3(_conv_grad_input(g4, _as4(w._data, one_d), x4.shape, *conf), one_d)
        if need[1]:
            w4 = _as4(w._data, one_d)
            gw = _as3(_conv_grad_weight(g4, _as4(x._data, one_d), w4.shape, *conf), one_d)
        if len(need) > 2 and need[2]:
            gb = g4.sum(axis=(0, 2, 3))
        vals = tuple(
            None if v is None else np.ascontiguousarray(v, dtype=x._data.dtype)
            for v in (gx, gw, gb)
        )
        outs = _double_node(_ConvDouble, ctx, (g, x, w), vals, tuple(w.shape))
        made = next((o for o in outs if o is not None), None)
        if made is not None:  # (the bias gradient's shape: one value per output channel)
            node = made._grad_fn
            node._out_shapes = (*node._out_shapes[:2], (w.shape[0],))
        return outs[: len(need)]

    @staticmethod
    def backward(ctx, g):
        x, w = ctx.saved_tensors
        one_d, conf = ctx.one_d, ctx.conf
        need = ctx.needs_input_grad
        gx = gw = gb = None
        if ctx.transposed:
            return _transposed_backward(g, x, w, conf, one_d, need)
        if not _is_array(g):  # create_graph: nodes whose own backward is a convolution
            kw = {"conf": conf, "one_d": one_d}
            if need[0]:
                gx = ConvolutionBackwardBackward0.apply(g, w, wrt="input", shape=x.shape, **kw)
            if need[1]:
                gw = ConvolutionBackwardBackward0.apply(g, x, wrt="weight", shape=w.shape, **kw)
            if len(need) > 2 and need[2]:
                gb = g.sum(dim=(0, 2) if one_d else (0, 2, 3))
            return gx, gw, gb
        g4 = _as4(g, one_d)
        if need[0]:
            x4 = _as4(x, one_d)
            gx = _as3(_conv_grad_input(g4, _as4(w, one_d), x4.shape, *conf), one_d)
        if need[1]:
            w4 = _as4(w, one_d)
            gw = _as3(_conv_grad_weight(g4, _as4(x, one_d), w4.shape, *conf), one_d)
        if len(need) > 2 and need[2]:
            gb = g4.sum(axis=(0, 2, 3))
        return gx, gw, gb


def _transposed_backward(g, x, w, conf, one_d, need):
    """conv_transpose's gradients: for the input, the convolution of ``g`` with the kernel;
    for the kernel, the kernel gradient of that convolution with ``x`` as its output's."""
    gx = gw = gb = None
    if not _is_array(g):  # create_graph
        stride, pads, dilation, groups = conf
        if need[0]:
            gx = ConvolutionBackward0.apply(
                g, w, None, stride=stride, pads=pads, dilation=dilation, groups=groups, one_d=one_d
            )
        if need[1]:
            gw = ConvolutionBackwardBackward0.apply(
                x, g, wrt="weight", shape=tuple(w.shape), conf=conf, one_d=one_d
            )
        if len(need) > 2 and need[2]:
            gb = g.sum(dim=(0, 2) if one_d else (0, 2, 3))
        return gx, gw, gb
    g4, x4, w4 = _as4(g, one_d), _as4(x, one_d), _as4(w, one_d)
    if need[0]:
        gx = np.ascontiguousarray(_as3(_conv_out(g4, w4, *conf), one_d), dtype=x.dtype)
    if need[1]:
        gw = _as3(_conv_grad_weight(x4, g4, w4.shape, *conf), one_d).astype(w.dtype, copy=False)
    if len(need) > 2 and need[2]:
        gb = g4.sum(axis=(0, 2, 3))
    return gx, gw, gb


class ConvolutionBackwardBackward0(Function):
    """A convolution's gradient as a node (``create_graph=True``): ``wrt="input"``:
    slots (G, kernel) -> the input's gradient; ``wrt="weight"``: slots (G, input) -> the
    kernel's gradient.  Both are bilinear, so their own gradients are a convolution and
    the other gradient: real higher derivatives, one node per gradient."""

    op, symbol = "conv2d_backward", "conv'"
    formula = "the gradient of a convolution, as a function of G and the kernel or the input"
    local = (
        Local(("the convolution of the incoming gradient", "传入梯度的卷积"), rule=True),
        Local(
            ("the convolution's other gradient, with G", "卷积的另一个梯度（与 G 一起）"),
            rule=True,
        ),
    )

    @staticmethod
    def forward(ctx, g, other, wrt="input", shape=(), conf=(), one_d=False):
        ctx.save_for_backward(g, other)
        ctx.wrt, ctx.shape, ctx.conf, ctx.one_d = wrt, shape, conf, one_d
        g4, o4 = _as4(g, one_d), _as4(other, one_d)
        shape4 = (*shape[:2], 1, shape[2]) if one_d else shape
        if wrt == "input":
            out = _conv_grad_input(g4, o4, shape4, *conf)
        else:
            out = _conv_grad_weight(g4, o4, shape4, *conf)
        return np.ascontiguousarray(_as3(out, one_d), dtype=g.dtype)

    @staticmethod
    def backward(ctx, u):
        g, other = ctx.saved_tensors
        wrt, conf, one_d = ctx.wrt, ctx.conf, ctx.one_d
        need = ctx.needs_input_grad
        dg = dother = None
        if not _is_array(u):
            stride, pads, dilation, groups = conf
            # out = conv_grad_input(g, w) (u has the input's shape) or conv_grad_weight(g, x)
            # (u has the kernel's shape): its gradient for g is the convolution of u with the
            # other operand, for the other operand a gradient of the other kind
            x, w = (u, other) if wrt == "input" else (other, u)
            if need[0]:
                dg = ConvolutionBackward0.apply(
                    x,
                    w,
                    None,
                    stride=stride,
                    pads=pads,
                    dilation=dilation,
                    groups=groups,
                    one_d=one_d,
                )
            if need[1]:
                dother = ConvolutionBackwardBackward0.apply(
                    g,
                    u,
                    wrt="weight" if wrt == "input" else "input",
                    shape=tuple(other.shape),
                    conf=conf,
                    one_d=one_d,
                )
            return dg, dother
        g4, o4, u4 = _as4(g, one_d), _as4(other, one_d), _as4(u, one_d)
        if wrt == "input":
            if need[0]:
                dg = _conv_out(u4, o4, *conf)
            if need[1]:
                dother = _conv_grad_weight(g4, u4, o4.shape, *conf)
        else:
            if need[0]:
                dg = _conv_out(o4, u4, *conf)
            if need[1]:
                dother = _conv_grad_input(g4, u4, o4.shape, *conf)
        dg = None if dg is None else np.ascontiguousarray(_as3(dg, one_d), dtype=u.dtype)
        dother = None if dother is None else _as3(dother, one_d).astype(u.dtype, copy=False)
        return dg, dother


def _conv_composite(src, g, x, w):
    """A convolution's three gradients as ops (what ``_ConvDouble`` differentiates)."""
    kw = {"conf": src.conf, "one_d": src.one_d}
    gx = ConvolutionBackwardBackward0.apply(g, w, wrt="input", shape=tuple(x.shape), **kw)
    gw = ConvolutionBackwardBackward0.apply(g, x, wrt="weight", shape=tuple(w.shape), **kw)
    gb = g.sum(dim=(0, 2) if src.one_d else (0, 2, 3))
    return gx, gw, gb


class _ConvDouble(Function):
    """A convolution's gradients as ONE node under ``create_graph=True``, as PyTorch
    makes it: slots (G, input, weight), outputs (∂input, ∂weight, ∂bias)."""

    _torch_class = "ConvolutionBackwardBackward0"
    op, symbol = "conv2d_backward", "conv'"
    formula = "the gradients of a convolution, as functions of G, the input and the kernel"
    local = (
        Local(
            ("the gradient of the convolution's backward formula", "卷积反向公式的梯度"),
            rule=True,
        ),
    )
    _multi = True
    pos = (0, 1, 2)

    @staticmethod
    def backward(ctx, grads):
        from ._ops import _double_backward

        return _double_backward(ctx, grads, _conv_composite)


_ConvDouble.__name__ = _ConvDouble.__qualname__ = "ConvolutionBackwardBackward0"


_ZERO_SELF = Local(("0 (the gradient does not depend on the input's values)", "0"), rule=True)


def _zeros_self(ctx, u):
    """A pooling gradient node's gradient for its ``self`` slot: zeros, as PyTorch's
    ``zeros_like(self)``."""
    if not ctx.needs_input_grad[1]:
        return None
    if _is_array(u):
        return np.zeros(ctx.x_shape, dtype=u.dtype)
    return creation.zeros(ctx.x_shape, dtype=u.dtype)


def _max_pool_index(arg, kernel, stride, dilation):
    """Rows and columns (in the padded input) of each window's maximum."""
    n, c, oh, ow = arg.shape
    ki, kj = np.divmod(arg, kernel[1])
    rows = np.arange(oh).reshape(1, 1, oh, 1) * stride[0] + ki * dilation[0]
    cols = np.arange(ow).reshape(1, 1, 1, ow) * stride[1] + kj * dilation[1]
    ni = np.arange(n).reshape(n, 1, 1, 1)
    ci = np.arange(c).reshape(1, c, 1, 1)
    return ni, ci, rows, cols


def _max_pool_arg(x4, kernel, stride, pads, dilation, out_hw):
    """Each window's maximum and its position in the window (the first maximum in the
    window's row-major order; NaN counts as the maximum, as PyTorch's kernel)."""
    # (integers are pooled too, as PyTorch 2.13's max_pool2d: the padding is their minimum)
    low = (
        -np.inf
        if x4.dtype.kind in "fc"
        else np.iinfo(x4.dtype).min
        if x4.dtype.kind in "iu"
        else False
    )
    xp = _pad(x4, pads, low)
    win = _windows(xp, kernel, stride, dilation, out_hw)
    n, c, oh, ow, kh, kw = win.shape
    flat = win.reshape(n, c, oh, ow, kh * kw)
    arg = np.argmax(flat, axis=-1)
    out = np.take_along_axis(flat, arg[..., None], axis=-1)[..., 0]
    return np.ascontiguousarray(out, dtype=x4.dtype), arg, xp.shape


def _max_pool_indices(arg, kernel, stride, dilation, pads, x_shape):
    """PyTorch's ``return_indices``: each maximum's flat position in its input plane."""
    _, _, rows, cols = _max_pool_index(arg, kernel, stride, dilation)
    (t, _), (left, _) = pads
    return ((rows - t) * x_shape[-1] + (cols - left)).astype(np.int64)


def _max_pool_scatter(g, conf):
    arg, kernel, stride, dilation, xp_shape, pads, x_shape, unb = conf
    g4 = g[None] if unb else g
    gxp = np.zeros(xp_shape, dtype=g.dtype)
    np.add.at(gxp, _max_pool_index(arg, kernel, stride, dilation), g4)
    (t, _), (left, _) = pads
    gx = gxp[:, :, t : t + x_shape[2], left : left + x_shape[3]]
    return gx[0] if unb else gx


class MaxPool2DWithIndicesBackward0(Function):
    """Batched ``(N, C, H, W)`` or unbatched ``(C, H, W)`` input, as PyTorch's kernel
    takes both (no unsqueeze node)."""

    op, symbol = "max_pool2d", "maxpool"
    formula = "∂/∂x: each window's gradient goes to the position of its maximum"
    local = (
        Local(
            (
                "G at the maximum of each window of {0:r}, 0 elsewhere",
                "G 放在 {0:r} 每个窗口的最大值处，其余为 0",
            ),
            rule=True,
        ),
    )

    @staticmethod
    def forward(
        ctx,
        x,
        kernel=(2, 2),
        stride=(2, 2),
        pads=((0, 0), (0, 0)),
        dilation=(1, 1),
        out_hw=(1, 1),
        pre=None,
    ):
        unb = x.ndim == 3
        x4 = x[None] if unb else x
        out, arg, xp_shape = pre or _max_pool_arg(x4, kernel, stride, pads, dilation, out_hw)
        ctx.conf = (arg, kernel, stride, dilation, xp_shape, pads, x4.shape, unb)
        ctx.save_for_backward(x)
        return out[0] if unb else out

    @staticmethod
    def backward(ctx, g):
        if not _is_array(g):
            (x,) = ctx.saved_tensors
            return (MaxPool2DWithIndicesBackwardBackward0.apply(g, x, conf=ctx.conf),)
        return (_max_pool_scatter(g, ctx.conf),)


class MaxPool2DWithIndicesBackwardBackward0(Function):
    """max_pool2d's gradient as a node (``create_graph=True``), slots ``(G, self)`` as
    PyTorch's: G placed at each window's maximum; its own gradient reads the incoming one
    back at those positions (and zeros for ``self``)."""

    op, symbol = "max_pool2d_backward", "maxpool'"
    formula = "the gradient of max_pool2d; its gradient: the values at the maxima"
    local = (
        Local(
            ("the incoming gradient at each window's maximum", "传入梯度在每个窗口最大值处的值"),
            rule=True,
        ),
        _ZERO_SELF,
    )

    @staticmethod
    def forward(ctx, g, x, conf=()):
        ctx.conf = conf
        ctx.x_shape = x.shape
        return _max_pool_scatter(g, conf)

    @staticmethod
    def backward(ctx, u):
        arg, kernel, stride, dilation, _, pads, _, unb = ctx.conf
        (t, b), (left, r) = pads
        index = _max_pool_index(arg, kernel, stride, dilation)
        if unb:
            index = tuple(i[0] for i in index[1:])
        if _is_array(u):
            lead = ((0, 0),) * (u.ndim - 2)
            up = np.pad(u, (*lead, (t, b), (left, r)))
            return np.ascontiguousarray(up[index]), _zeros_self(ctx, u)
        up = pad(u, [left, r, t, b])
        picked = up[tuple(Tensor._make(np.broadcast_to(i, arg.shape[unb:])) for i in index)]
        return picked, _zeros_self(ctx, u)


def _avg_pool_divisors(x_hw, kernel, stride, pads, out_hw, count_include_pad, divisor):
    """Each output cell's divisor as PyTorch's kernel computes it: the override, or the
    window's size clipped to the padded input (``count_include_pad``) or to the input."""
    if divisor:
        return None, divisor
    divs = []
    for size, k, s, (p, _), o in zip(x_hw, kernel, stride, pads, out_hw, strict=True):
        start = np.arange(o) * s - p
        end = np.minimum(start + k, size + p)
        full = end - start
        inside = np.minimum(end, size) - np.maximum(start, 0)
        divs.append(full if count_include_pad else inside)
    div = divs[0][:, None] * divs[1][None, :]
    if np.all(div == kernel[0] * kernel[1]):
        return None, kernel[0] * kernel[1]
    return div, None


def _div_by(a, div, scalar):
    if div is None:
        return a / a.dtype.type(scalar)
    return a / div.astype(a.dtype)


def _avg_pool(x, kernel, stride, pads, out_hw, div):
    """``div``: (the divisor array or None, the scalar divisor or None)."""
    unb = x.ndim == 3
    x4 = x[None] if unb else x
    win = _windows(_pad(x4, pads), kernel, stride, (1, 1), out_hw)
    out = np.ascontiguousarray(_div_by(win.sum(axis=(-2, -1)), *div), dtype=x.dtype)
    return out[0] if unb else out


def _avg_pool_spread(g, kernel, stride, pads, x_shape, out_hw, div):
    unb = g.ndim == 3
    g4 = g[None] if unb else g
    (t, b), (left, r) = pads
    oh, ow = out_hw
    gxp = np.zeros((*g4.shape[:2], x_shape[-2] + t + b, x_shape[-1] + left + r), dtype=g.dtype)
    share = _div_by(g4, *div)
    for i in range(kernel[0]):
        for j in range(kernel[1]):
            gxp[
                :,
                :,
                i : i + stride[0] * (oh - 1) + 1 : stride[0],
                j : j + stride[1] * (ow - 1) + 1 : stride[1],
            ] += share
    gx = gxp[:, :, t : t + x_shape[-2], left : left + x_shape[-1]]
    return gx[0] if unb else gx


class AvgPool2DBackward0(Function):
    """Batched or unbatched input; ``pads`` may be uneven (``ceil_mode``'s extra
    right/bottom cells are zeros that no divisor counts); ``div``: one divisor, or one per
    output cell (``count_include_pad=False`` or windows clipped by ``ceil_mode``)."""

    op, symbol = "avg_pool2d", "avgpool"
    formula = "∂/∂x: each window's gradient is shared evenly by its positions"
    local = (
        Local(
            (
                "G ÷ (window size) on every position of each window of {0:r}",
                "G ÷（窗口大小）分到 {0:r} 每个窗口的每个位置",
            ),
            rule=True,
        ),
    )

    @staticmethod
    def forward(
        ctx, x, kernel=(2, 2), stride=(2, 2), pads=((0, 0), (0, 0)), out_hw=(1, 1), div=(None, 4)
    ):
        ctx.conf = (kernel, stride, pads, x.shape, out_hw, div)
        ctx.save_for_backward(x)
        return _avg_pool(x, kernel, stride, pads, out_hw, div)

    @staticmethod
    def backward(ctx, g):
        if not _is_array(g):
            (x,) = ctx.saved_tensors
            return (AvgPool2DBackwardBackward0.apply(g, x, conf=ctx.conf),)
        return (_avg_pool_spread(g, *ctx.conf),)


class AvgPool2DBackwardBackward0(Function):
    """avg_pool2d's gradient as a node (``create_graph=True``), slots ``(G, self)`` as
    PyTorch's; being linear in G, its own gradient is the average pooling of the incoming
    gradient (and zeros for ``self``)."""

    op, symbol = "avg_pool2d_backward", "avgpool'"
    formula = "the gradient of avg_pool2d; its gradient: avg_pool2d of the incoming gradient"
    local = (
        Local(("avg_pool2d of the incoming gradient", "传入梯度的 avg_pool2d"), rule=True),
        _ZERO_SELF,
    )

    @staticmethod
    def forward(ctx, g, x, conf=()):
        ctx.conf = conf
        ctx.x_shape = x.shape
        return _avg_pool_spread(g, *conf)

    @staticmethod
    def backward(ctx, u):
        kernel, stride, pads, _, out_hw, div = ctx.conf
        kw = {"kernel": kernel, "stride": stride, "pads": pads, "out_hw": out_hw, "div": div}
        if _is_array(u):
            return _avg_pool(u, **kw), _zeros_self(ctx, u)
        return AvgPool2DBackward0.apply(u, **kw), _zeros_self(ctx, u)


def _adaptive_windows(shape, out_hw):
    h, w = shape[-2:]
    oh, ow = out_hw
    rows = [(i * h // oh, -(-(i + 1) * h // oh)) for i in range(oh)]
    cols = [(j * w // ow, -(-(j + 1) * w // ow)) for j in range(ow)]
    return rows, cols


def _adaptive_avg(x, out_hw):
    rows, cols = _adaptive_windows(x.shape, out_hw)
    out = np.empty((*x.shape[:-2], *out_hw), dtype=x.dtype)
    for i, (r0, r1) in enumerate(rows):
        for j, (c0, c1) in enumerate(cols):
            out[..., i, j] = x[..., r0:r1, c0:c1].mean(axis=(-2, -1))
    return out


def _adaptive_spread(g, shape):
    rows, cols = _adaptive_windows(shape, g.shape[-2:])
    gx = np.zeros(shape, dtype=g.dtype)
    for i, (r0, r1) in enumerate(rows):
        for j, (c0, c1) in enumerate(cols):
            n = (r1 - r0) * (c1 - c0)
            gx[..., r0:r1, c0:c1] += (g[..., i, j] / g.dtype.type(n))[..., None, None]
    return gx


class AdaptiveAvgPool2DBackward0(Function):
    """Output cell (i, j) is the mean of rows ⌊iH/oh⌋..⌈(i+1)H/oh⌉ and the matching
    columns (windows may overlap or differ in size)."""

    op, symbol = "adaptive_avg_pool2d", "avgpool"
    formula = "∂/∂x: each cell's gradient is shared evenly by its window"
    local = (
        Local(
            (
                "G ÷ (window size) on every position of each window of {0:r}",
                "G ÷（窗口大小）分到 {0:r} 每个窗口的每个位置",
            ),
            rule=True,
        ),
    )

    @staticmethod
    def forward(ctx, x, out_hw=(1, 1)):
        ctx.shape = x.shape
        ctx.save_for_backward(x)
        return _adaptive_avg(x, out_hw)

    @staticmethod
    def backward(ctx, g):
        if not _is_array(g):
            (x,) = ctx.saved_tensors
            return (AdaptiveAvgPool2DBackwardBackward0.apply(g, x, shape=ctx.shape),)
        return (_adaptive_spread(g, ctx.shape),)


class AdaptiveAvgPool2DBackwardBackward0(Function):
    """adaptive_avg_pool2d's gradient as a node (``create_graph=True``); its own gradient
    is the adaptive average pooling of the incoming gradient."""

    op, symbol = "adaptive_avg_pool2d_backward", "avgpool'"
    formula = "the gradient of adaptive_avg_pool2d; its gradient: the pooling of the incoming one"
    local = (
        Local(
            ("adaptive_avg_pool2d of the incoming gradient", "传入梯度的 adaptive_avg_pool2d"),
            rule=True,
        ),
        _ZERO_SELF,
    )

    @staticmethod
    def forward(ctx, g, x, shape=()):
        ctx.out_hw = g.shape[-2:]
        ctx.x_shape = x.shape
        return _adaptive_spread(g, shape)

    @staticmethod
    def backward(ctx, u):
        if _is_array(u):
            return _adaptive_avg(u, ctx.out_hw), _zeros_self(ctx, u)
        return AdaptiveAvgPool2DBackward0.apply(u, out_hw=ctx.out_hw), _zeros_self(ctx, u)


class ConstantPadNdBackward0(Function):
    op, symbol = "pad", "pad"
    formula = "∂pad(a)/∂a: the gradient of the unpadded part"
    local = (Local(("G without the padding", "G 去掉填充部分"), rule=True),)

    @staticmethod
    def forward(ctx, a, widths=(), value=0.0):
        neg = [(max(-lo, 0), max(-hi, 0)) for lo, hi in widths]
        pos = [(max(lo, 0), max(hi, 0)) for lo, hi in widths]
        core = a[tuple(slice(lo, a.shape[i] - hi) for i, (lo, hi) in enumerate(neg))]
        ctx.widths = widths
        ctx.in_shape = a.shape
        return np.pad(core, pos, constant_values=value)

    @staticmethod
    def backward(ctx, g):
        widths = ctx.widths
        if _is_array(g):
            pos = [(max(lo, 0), max(hi, 0)) for lo, hi in widths]
            core = g[tuple(slice(lo, g.shape[i] - hi) for i, (lo, hi) in enumerate(pos))]
            neg = [(max(-lo, 0), max(-hi, 0)) for lo, hi in widths]
            return (np.pad(core, neg) if any(lo or hi for lo, hi in neg) else core,)
        return (pad(g, [-v for lo, hi in reversed(widths) for v in (lo, hi)]),)


# ---------------------------------------------------------------------- functional


def _batched(input, name, nsp=2, bias=None):
    """PyTorch's checks of a convolution's or 2-D pooling's input: a Tensor with ``nsp``
    spatial dimensions, batched or not (a convolution's ``bias`` of another dtype is
    refused first).  True when it is unbatched."""
    _tensor_arg(input, name)
    if bias is not None:
        _bias_dtype_check(input._data, bias)
    nd = input._data.ndim
    if nd not in (nsp + 1, nsp + 2):
        raise RuntimeError(
            f"Expected {nsp + 1}D (unbatched) or {nsp + 2}D (batched) input to {name}, but got "
            f"input of size: {list(input._data.shape)}"
        )
    return nd == nsp + 1


def _pool2d_input(input, name):
    """PyTorch's checks of a 2-D pooling's input (max_pool2d's own first message; for
    avg_pool2d, the wrap of dim -3)."""
    _tensor_arg(input, name)
    shape = input._data.shape
    nd = len(shape)
    if name == "max_pool2d" and nd not in (3, 4):
        raise RuntimeError("non-empty 3D or 4D (batch mode) tensor expected for input")
    if nd == 0:
        raise IndexError("Dimension specified as -3 but tensor has no dimensions")
    if nd < 3:
        n = max(nd, 1)
        raise IndexError(
            f"Dimension out of range (expected to be in range of [{-n}, {n - 1}], but got -3)"
        )
    if nd > 4 or 0 in shape[nd - 3 :]:
        raise RuntimeError(
            "Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, "
            f"but got:{list(shape)}"
        )
    return nd == 3


_CTYPE = {
    "float32": "float",
    "float64": "double",
    "float16": "c10::Half",
    "int64": "long int",
    "int32": "int",
    "int16": "short int",
    "int8": "signed char",
    "uint8": "unsigned char",
}


def _bias_dtype_check(x, bias):
    if isinstance(bias, Tensor) and bias._data.dtype != x.dtype:
        a, b = x.dtype.name, bias._data.dtype.name
        raise RuntimeError(
            f"Input type ({_CTYPE.get(a, a)}) and bias type ({_CTYPE.get(b, b)}) should be the same"
        )


def _conv_arg_checks(x, bias, stride, pads, dilation):
    """PyTorch's checks of a convolution's arguments, in its order (before the shapes)."""
    if bias is not None:
        _bias_dtype_check(x, bias)
    if any(p < 0 for pair in pads for p in pair):
        raise RuntimeError("negative padding is not supported")
    if any(st <= 0 for st in stride):
        raise RuntimeError("non-positive stride is not supported")
    if any(d <= 0 for d in dilation):
        raise RuntimeError(f"dilation should be greater than zero, but got {list(dilation)}")


def _expand_param_check(nconv, **params):
    """PyTorch's ``expand_param_if_needed`` for conv2d's int[2] arguments: one value, or one
    per convolution dimension (the weight's dims after the first two)."""
    for name, v in params.items():
        if isinstance(v, str):
            continue
        vals = list(v) if isinstance(v, list | tuple) else [v, v]
        if len(vals) != 1 and len(vals) != nconv:
            shown = ", ".join(str(int(e)) for e in vals)
            raise RuntimeError(
                f"expected {name} to be a single integer value or a list of {nconv} values to "
                f"match the convolution dimensions, but got {name}=[{shown}]"
            )


def _pair_arg(v):
    """A functional conv's int-pair argument: an int, a 0-d tensor, or 1 or 2 of them."""
    if isinstance(v, Tensor) and v._data.ndim == 0 and v._data.dtype.kind in "iu":
        v = int(v._data)
    if isinstance(v, list | tuple) and len(v) == 1:
        v = v[0]
    return _pair(v)


def _conv_bias_shape(w, bias):
    if bias is not None and bias._data.shape != (w.shape[0],):
        raise RuntimeError(
            f"Given weight of size {list(w.shape)}, expected bias to be 1-dimensional with "
            f"{w.shape[0]} elements, but got bias of size {list(bias._data.shape)} instead"
        )


def _conv_groups_check(x, w, groups):
    """The input has ``groups`` times the weight's input channels (PyTorch's message)."""
    if groups > 0 and w.shape[0] % groups:
        raise RuntimeError(
            f"Given groups={groups}, expected weight to be divisible by {groups} at dimension 0, "
            f"but got weight of size [{list(w.shape)}] instead"
        )
    if x.shape[1] != w.shape[1] * groups:
        raise RuntimeError(
            f"Given groups={groups}, weight of size {list(w.shape)}, expected input"
            f"{list(x.shape)} to have {w.shape[1] * groups} channels, but got {x.shape[1]} "
            "channels instead"
        )


def _conv_weight_dtype(x, w):
    if w.dtype != x.dtype:
        raise RuntimeError(
            f"expected scalar type {_api._scalar_type_name(x.dtype)} but found "
            f"{_api._scalar_type_name(w.dtype)}"
        )


def conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
    unbatched = _batched(input, "conv2d", 2, bias)
    if unbatched:
        input = _api.unsqueeze(input, 0)
    x = input._data
    w = weight._data
    if w.ndim < 3:
        raise RuntimeError("weight should have at least three dimensions")
    if w.ndim != 4 or (isinstance(stride, list | tuple) and len(stride) > 2):
        _expand_param_check(w.ndim - 2, stride=stride, padding=padding, dilation=dilation)
    stride, dilation = _pair_arg(stride), _pair_arg(dilation)
    kh, kw = w.shape[2], w.shape[3]
    if isinstance(padding, str):
        if padding == "valid":
            pads = ((0, 0), (0, 0))
        elif padding == "same":
            if stride != (1, 1):
                raise RuntimeError("padding='same' is not supported for strided convolutions")
            th, tw = dilation[0] * (kh - 1), dilation[1] * (kw - 1)
            lh, lw = th // 2, tw // 2
            if (lh, lw) != (th - lh, tw - lw):
                # as PyTorch: pad the extra on the right/bottom first, then symmetrically
                input = pad(input, [0, tw - 2 * lw, 0, th - 2 * lh])
                x = input._data
            pads = ((lh, lh), (lw, lw))
        else:
            raise RuntimeError(f"Invalid padding string: '{padding}'")
    else:
        p = _pair_arg(padding)
        pads = ((p[0], p[0]), (p[1], p[1]))
    _conv_arg_checks(x, bias, stride, pads, dilation)
    _conv_groups_check(x, w, groups)
    _conv_bias_shape(w, bias)
    hp = x.shape[2] + pads[0][0] + pads[0][1]
    wp = x.shape[3] + pads[1][0] + pads[1][1]
    eh, ew = dilation[0] * (kh - 1) + 1, dilation[1] * (kw - 1) + 1
    if hp < eh or wp < ew:
        raise RuntimeError(
            f"Calculated padded input size per channel: ({hp} x {wp}). Kernel size: "
            f"({eh} x {ew}). Kernel size can't be greater than actual input size"
        )
    _conv_weight_dtype(x, w)
    out = ConvolutionBackward0.apply(
        input, weight, bias, stride=stride, pads=pads, dilation=dilation, groups=groups
    )
    return _api.squeeze(out, 0) if unbatched else out


def _pool_out(size, k, s, p, d, ceil_mode):
    """PyTorch's ``pooling_output_shape`` (with its checks of the stride and padding)."""
    if s == 0:
        raise RuntimeError("stride should not be zero")
    if p < 0:
        raise RuntimeError(f"pad must be non-negative, but got pad: {p}")
    if p > int(((k - 1) * d + 1) / 2):  # (C++'s division: towards zero)
        raise RuntimeError(
            "pad should be at most half of effective kernel size, but got pad="
            f"{p}, kernel_size={k} and dilation={d}"
        )
    num = size + 2 * p - d * (k - 1) - 1
    if ceil_mode:
        o = -(-num // s) + 1
        if (o - 1) * s >= size + p:
            o -= 1
        return o
    return num // s + 1


def _pool_shape(x, k, s, p, d, ceil_mode):
    """The output's height and width, and the padding (the bottom/right amounts also
    cover ``ceil_mode``'s last windows), after PyTorch's ``pool2d_shape_check``."""
    oh = _pool_out(x.shape[-2], k[0], s[0], p[0], d[0], ceil_mode)
    ow = _pool_out(x.shape[-1], k[1], s[1], p[1], d[1], ceil_mode)
    if k[0] <= 0 or k[1] <= 0:
        raise RuntimeError(
            f"kernel size should be greater than zero, but got kH: {k[0]} kW: {k[1]}"
        )
    if s[0] <= 0 or s[1] <= 0:
        raise RuntimeError(f"stride should be greater than zero, but got dH: {s[0]} dW: {s[1]}")
    if d[0] <= 0 or d[1] <= 0:
        raise RuntimeError(
            f"dilation should be greater than zero, but got dilationH: {d[0]} dilationW: {d[1]}"
        )
    if k[1] // 2 < p[1] or k[0] // 2 < p[0]:
        raise RuntimeError(
            "pad should be smaller than or equal to half of kernel size, but got "
            f"padW = {p[1]}, padH = {p[0]}, kW = {k[1]}, kH = {k[0]}"
        )
    c, h, w = x.shape[-3:]
    if oh <= 0 or ow <= 0:
        raise RuntimeError(
            f"Given input size: ({c}x{h}x{w}). Calculated output "
            f"size: ({c}x{oh}x{ow}). Output size is too small"
        )
    extra_h = max(0, (oh - 1) * s[0] + d[0] * (k[0] - 1) + 1 - (h + 2 * p[0]))
    extra_w = max(0, (ow - 1) * s[1] + d[1] * (k[1] - 1) + 1 - (w + 2 * p[1]))
    return (oh, ow), ((p[0], p[0] + extra_h), (p[1], p[1] + extra_w))


def max_pool2d(
    input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False
):
    """One ``MaxPool2DWithIndicesBackward0`` (batched or not); ``return_indices=True``:
    also each maximum's flat position in its input plane (int64, as PyTorch's)."""
    _pool2d_input(input, "max_pool2d")
    k = pool_pair("max_pool2d", "kernel_size", kernel_size, 2)
    s = (
        k
        if stride is None or (stride.__class__ is list and not stride)
        else pool_pair("max_pool2d", "stride", stride, 3)
    )
    p = pool_pair("max_pool2d", "padding", padding, 4)
    d = pool_pair("max_pool2d", "dilation", dilation, 5)
    x = input._data
    out_hw, pads = _pool_shape(x, k, s, p, d, ceil_mode)
    kw = {"kernel": k, "stride": s, "pads": pads, "dilation": d, "out_hw": out_hw}
    if not return_indices:
        return MaxPool2DWithIndicesBackward0.apply(input, **kw)
    x4 = x[None] if x.ndim == 3 else x
    pre = _max_pool_arg(x4, k, s, pads, d, out_hw)
    out = MaxPool2DWithIndicesBackward0.apply(input, pre=pre, **kw)
    idx = _max_pool_indices(pre[1], k, s, d, pads, x4.shape)
    return out, Tensor._make(idx[0] if x.ndim == 3 else idx)


def avg_pool2d(
    input,
    kernel_size,
    stride=None,
    padding=0,
    ceil_mode=False,
    count_include_pad=True,
    divisor_override=None,
):
    """One ``AvgPool2DBackward0`` (batched or not), each output cell divided as PyTorch's
    kernel divides it (``count_include_pad``, ``ceil_mode``'s clipped windows,
    ``divisor_override``)."""
    _pool2d_input(input, "avg_pool2d")
    if divisor_override is not None:
        if isinstance(divisor_override, bool) or not isinstance(divisor_override, numbers.Integral):
            raise TypeError(
                "avg_pool2d(): argument 'divisor_override' must be int, not "
                f"{type(divisor_override).__name__}"
            )
        if divisor_override == 0:
            raise RuntimeError("divisor must be not zero")
    k = pool_pair("avg_pool2d", "kernel_size", kernel_size, 2)
    s = (
        k
        if stride is None or (stride.__class__ is list and not stride)
        else pool_pair("avg_pool2d", "stride", stride, 3)
    )
    p = pool_pair("avg_pool2d", "padding", padding, 4)
    x = input._data
    out_hw, pads = _pool_shape(x, k, s, p, (1, 1), ceil_mode)
    if x.dtype.kind not in "fc" and x.dtype != np.int64:
        _not_implemented("avg_pool2d", x.dtype)
    div = _avg_pool_divisors(x.shape[-2:], k, s, pads, out_hw, count_include_pad, divisor_override)
    return AvgPool2DBackward0.apply(input, kernel=k, stride=s, pads=pads, out_hw=out_hw, div=div)


def adaptive_avg_pool2d(input, output_size):
    """Output 1 (or ``(1, 1)``): the mean over the last two dimensions
    (``MeanBackward1``, as PyTorch); other sizes: ``AdaptiveAvgPool2DBackward0``."""
    if not isinstance(input, Tensor):  # (PyTorch's Python reads input.size() first)
        from ..engine.argtypes_shape import size_probe

        size_probe(input)
    if output_size.__class__ is int and output_size >= 0:
        oh = ow = output_size
        _tensor_arg(input, "adaptive_avg_pool2d")
    else:
        oh, ow = adaptive_size("adaptive_avg_pool2d", input, output_size)
    if (oh, ow) == (1, 1):  # (PyTorch's mean over the last two dims: any rank)
        return _api.mean(input, (-1, -2), keepdim=True)
    if input._data.ndim not in (3, 4):
        raise RuntimeError(
            f"adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got {list(input._data.shape)}"
        )
    return AdaptiveAvgPool2DBackward0.apply(input, out_hw=(oh, ow))


def _pad_ints(pad):
    """``pad`` as PyTorch's argument parser reads an int list."""
    if not isinstance(pad, (tuple, list)):
        raise TypeError(
            f"pad(): argument 'pad' (position 2) must be tuple of ints, not {type(pad).__name__}"
        )
    out = []
    for i, p in enumerate(pad):
        if isinstance(p, Tensor) and p._data.size == 1 and p._data.dtype.kind in "iu":
            p = int(p._data.reshape(-1)[0])
        if isinstance(p, bool) and i:
            p = int(p)
        if isinstance(p, bool) or not isinstance(p, numbers.Integral):
            if i == 0:
                raise TypeError(
                    "pad(): argument 'pad' (position 2) must be tuple of ints, but found "
                    f"element of type {type(p).__name__} at pos 0"
                )
            raise TypeError(
                "pad(): argument 'pad' failed to unpack the object at pos 2 with error "
                f'"type must be tuple of ints,but got {type(p).__name__}"'
            )
        out.append(int(p))
    return out


def pad(input, pad, mode="constant", value=None):
    """``F.pad``: ``pad`` lists (left, right) amounts from the last dimension backwards;
    negative amounts crop.  Constant mode: one ``ConstantPadNdBackward0``; ``reflect``,
    ``replicate``, ``circular``: ``nn/padding.py``."""
    if not isinstance(input, Tensor):
        raise TypeError(
            f"pad(): argument 'input' (position 1) must be Tensor, not {tp_name(input)}"
        )
    if mode not in ("constant", "reflect", "replicate", "circular"):
        raise NotImplementedError(f"Unrecognised padding mode {mode}")
    if isinstance(value, Tensor) and value._data.ndim == 0:
        value = value.item()
    if value is not None and not isinstance(value, numbers.Real):
        raise TypeError(f"pad(): argument 'value' (position 4) must be float, not {tp_name(value)}")
    pad = _pad_ints(pad)
    if len(pad) % 2:
        raise RuntimeError("Padding length must be divisible by 2")
    nd = input._data.ndim
    if len(pad) // 2 > nd:
        raise RuntimeError(
            "Padding length should be less than or equal to two times the input dimension "
            f"but got padding length {len(pad)} and input of dimension {nd}"
        )
    if mode != "constant":
        if value is not None and value != 0:
            raise RuntimeError(f'Padding mode "{mode}" doesn\'t take in value argument')
        return _padding.pad_nonconstant(input, pad, mode)
    widths = [(0, 0)] * nd
    for k in range(len(pad) // 2):
        lo, hi = pad[2 * k], pad[2 * k + 1]
        widths[nd - 1 - k] = (lo, hi)
        if (lo < 0 or hi < 0) and input._data.shape[nd - 1 - k] + min(lo, 0) + min(hi, 0) < 0:
            raise RuntimeError("narrow(): length must be non-negative.")  # (PyTorch's crop)
    return ConstantPadNdBackward0.apply(
        input, widths=tuple(widths), value=0.0 if value is None else value
    )


def conv1d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
    """A 1-D convolution: one ``ConvolutionBackward0`` (computed as a height-1 conv2d)."""
    unbatched = _batched(input, "conv1d", 1, bias)
    if unbatched:
        input = _api.unsqueeze(input, 0)
    x, w = input._data, weight._data
    s, d = _one(stride), _one(dilation)
    k = w.shape[2]
    if isinstance(padding, str):
        if padding == "valid":
            p = (0, 0)
        elif padding == "same":
            t = d * (k - 1)
            if t % 2:
                input = pad(input, [0, 1])
                x = input._data
            p = (t // 2, t // 2)
        else:
            raise RuntimeError(f"Invalid padding string: '{padding}'")
    else:
        p = (_one(padding),) * 2
    _conv_arg_checks(x, bias, (1, s), ((0, 0), p), (1, d))
    _conv_groups_check(x, w, groups)
    if x.shape[2] + p[0] + p[1] < d * (k - 1) + 1:
        raise RuntimeError(
            f"Calculated padded input size per channel: ({x.shape[2] + p[0] + p[1]}). Kernel "
            f"size: ({d * (k - 1) + 1}). Kernel size can't be greater than actual input size"
        )
    _conv_weight_dtype(x, w)
    out = ConvolutionBackward0.apply(
        input,
        weight,
        bias,
        stride=(1, s),
        pads=((0, 0), p),
        dilation=(1, d),
        groups=groups,
        one_d=True,
    )
    return _api.squeeze(out, 0) if unbatched else out


def _one(v):
    return int(v[0]) if isinstance(v, (tuple, list)) else int(v)


def _dim_range(input, name):
    _tensor_arg(input, name)
    nd = input._data.ndim
    if nd not in (2, 3):
        raise RuntimeError(
            f"Expected 2 to 3 dimensions, but got {nd}-dimensional tensor for argument #1 "
            f"'self' (while checking arguments for {name})"
        )


def _check_max_pool1d(input, k, s, p, d):
    """PyTorch's checks on ``max_pool1d``'s path without indices (an input that records
    no gradient); the path with indices checks as ``max_pool2d``."""
    shape = list(input._data.shape)
    if len(shape) not in (2, 3) or 0 in shape[-2 if len(shape) == 3 else 0 :]:
        raise RuntimeError(
            "max_pool1d: Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size "
            f"for input, but got:{_fmt_sizes(shape)}"
        )
    if k <= 0:
        raise RuntimeError(f"max_pool1d() kernel_size must be greater than zero, but got {k}")
    if s <= 0:
        raise RuntimeError(f"max_pool1d() stride must be greater than zero, but got {s}")
    if p < 0:
        raise RuntimeError(f"max_pool1d() padding must be non-negative, but got {p}")
    if p > k // 2:
        raise RuntimeError(
            "max_pool1d() padding should be at most half of kernel size, but got "
            f"padding={p} and kernel_size={k}"
        )
    if d <= 0:
        raise RuntimeError(f"max_pool1d() dilation must be greater than zero, but got {d}")
    if input._data.dtype.kind not in "fc":
        _not_implemented("max_pool1d_impl", input._data.dtype)


def _not_implemented(kernel, dt):
    from .layers import _scalar_type

    raise NotImplementedError(f"\"{kernel}\" not implemented for '{_scalar_type(dt)}'")


def _fmt_sizes(shape):
    return "[" + ", ".join(str(v) for v in shape) + "]"


def max_pool1d(
    input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False
):
    """As PyTorch: ``max_pool2d`` of the input with a height-1 axis (``UnsqueezeBackward0``
    -> ``MaxPool2DWithIndicesBackward0`` -> ``SqueezeBackward1``)."""
    _tensor_arg(input, "max_pool1d")
    k = _one(kernel_size)
    s = _one(stride) if stride not in (None, []) else k
    p, d = _one(padding), _one(dilation)
    if not return_indices:
        _check_max_pool1d(input, k, s, p, d)
        size = input._data.shape[-1]
        out = _pool_out(size, k, s, p, d, ceil_mode)
        if out <= 0:
            raise RuntimeError(f"max_pool1d() Invalid computed output size: {out}")
    _dim_range(input, "max_pool1d")
    x = _api.unsqueeze(input, -2)
    res = max_pool2d(x, (1, k), (1, s), (0, p), (1, d), ceil_mode, return_indices)
    if return_indices:
        out, idx = res
        return _api.squeeze(out, -2), Tensor._make(idx._data.squeeze(-2))
    return _api.squeeze(res, -2)


def avg_pool1d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True):
    _dim_range(input, "avg_pool1d")
    k = _one(kernel_size)
    s = _one(stride) if stride not in (None, []) else k
    x = _api.unsqueeze(input, -2)
    out = avg_pool2d(x, (1, k), (1, s), (0, _one(padding)), ceil_mode, count_include_pad)
    return _api.squeeze(out, -2)


def adaptive_avg_pool1d(input, output_size):
    x = _api.unsqueeze(input, -2)
    return _api.squeeze(adaptive_avg_pool2d(x, (1, _one(output_size))), -2)


# ---------------------------------------------------------------------- modules


def _iterable(v):
    return isinstance(v, collections.abc.Iterable)


def _checked(name):
    """F.conv1d / F.conv2d behind PyTorch's argument parse (nn/_argcheck.py)."""
    from . import functional

    return getattr(functional, name)


def _as_ntuple(v, n, size):
    """PyTorch's ``_ntuple(n)``: an iterable as a tuple, anything else repeated ``n``
    times (kept as given: F's parser refuses a bad value in forward)."""
    return tuple(v) if _iterable(v) else (v,) * n


def _ints_or_raw(size, v):
    try:
        return size(v)
    except (TypeError, ValueError):
        return v


class _ConvNd(Module):
    """What Conv1d and Conv2d share: the argument checks, the fields, PyTorch's
    initialisation (weight and bias uniform in ±1/√fan_in) and the repr.  A subclass gives
    ``_size(v)`` (an int or a tuple -> a tuple of its dimensions), ``_npd(dtype, device)``
    and ``forward``."""

    def __init__(
        self,
        in_channels,
        out_channels,
        kernel_size,
        stride=1,
        padding=0,
        dilation=1,
        groups=1,
        bias=True,
        padding_mode="zeros",
        device=None,
        dtype=None,
    ):
        super().__init__()
        if groups <= 0:
            raise ValueError("groups must be a positive integer")
        if in_channels % groups != 0:
            raise ValueError("in_channels must be divisible by groups")
        if out_channels % groups != 0:
            raise ValueError("out_channels must be divisible by groups")
        size = self._size
        if isinstance(padding, str):
            valid_padding_strings = {"same", "valid"}
            if padding not in valid_padding_strings:
                raise ValueError(
                    f"Invalid padding string {padding!r}, should be one of {valid_padding_strings}"
                )
            if padding == "same" and any(s != 1 for s in _as_ntuple(stride, 1, size)):
                raise ValueError("padding='same' is not supported for strided convolutions")
        valid_padding_modes = {"zeros", "reflect", "replicate", "circular"}  # as PyTorch's
        if padding_mode not in valid_padding_modes:
            raise ValueError(
                f"padding_mode must be one of {valid_padding_modes}, but got "
                f"padding_mode='{padding_mode}'"
            )
        # PyTorch's ``_ntuple``: the weight's shape from the raw kernel_size ("2" fails there)
        n = len(size(1))
        raw = tuple(kernel_size) if _iterable(kernel_size) else (kernel_size,) * n
        _check_param_shape((out_channels, in_channels // groups, *raw))
        self.in_channels = in_channels
        self.out_channels = out_channels
        self.kernel_size = size(kernel_size)
        # stride, padding, dilation kept as given, as PyTorch's ``_ntuple`` keeps them (F's
        # parser refuses a bad one in forward); their int form for the padding amounts
        self.stride = _as_ntuple(stride, n, size)
        self.padding = padding if isinstance(padding, str) else _as_ntuple(padding, n, size)
        self.dilation = _as_ntuple(dilation, n, size)
        self.groups = groups
        self.padding_mode = padding_mode
        # F.pad's amounts (last dimension first) for the non-zeros padding modes
        ks = self.kernel_size
        if isinstance(self.padding, str):
            rev = [0, 0] * len(ks)
            if self.padding == "same":
                dil = _ints_or_raw(size, self.dilation)
                for d, k, i in zip(dil, ks, range(len(ks) - 1, -1, -1), strict=False):
                    rev[2 * i] = d * (k - 1) // 2
                    rev[2 * i + 1] = d * (k - 1) - d * (k - 1) // 2
        else:
            rev = [p for p in reversed(_ints_or_raw(size, self.padding)) for _ in range(2)]
        self._reversed_padding_repeated_twice = rev
        npd = self._npd(dtype, device)
        shape = (out_channels, in_channels // groups, *self.kernel_size)
        _check_param_shape(shape)
        fan_in = shape[1] * math.prod(self.kernel_size)
        bound = 1.0 / math.sqrt(fan_in) if fan_in > 0 else 0.0
        rng = creation._rng[0]
        # kaiming_uniform_(weight, a=sqrt(5)) with PyTorch's own arithmetic for the bound
        wb = math.sqrt(3.0) * (math.sqrt(2.0 / (1 + 5.0)) / math.sqrt(fan_in)) if fan_in else 0.0
        self.weight = Parameter(Tensor._make(rng.uniform_t(shape, npd, -wb, wb)))
        if bias:
            self.bias = Parameter(Tensor._make(rng.uniform_t((out_channels,), npd, -bound, bound)))
        else:
            self.register_parameter("bias", None)

    def extra_repr(self) -> str:
        s = (
            f"{self.in_channels}, {self.out_channels}, kernel_size={self.kernel_size}, "
            f"stride={self.stride}"
        )
        # (PyTorch's tests: each against its own length, e.g. a 2-tuple padding of a
        # Conv2d given a 3-tuple kernel)
        if self.padding != (0,) * len(self.padding):
            s += f", padding={self.padding}"
        if self.dilation != (1,) * len(self.dilation):
            s += f", dilation={self.dilation}"
        op = getattr(self, "output_padding", ())
        if op != (0,) * len(op):  # ConvTranspose1d/2d's
            s += f", output_padding={self.output_padding}"
        if self.groups != 1:
            s += f", groups={self.groups}"
        if self.bias is None:
            s += ", bias=False"
        if self.padding_mode != "zeros":
            s += f", padding_mode={self.padding_mode}"
        return s

    def _plain_args(self, p):
        """stride, padding, dilation all plain ints of the module's dimensions (else the
        forward goes through F's argument parse, as PyTorch's)."""
        n = len(self.kernel_size)
        return all(
            v.__class__ is tuple and len(v) == n and all(e.__class__ is int for e in v)
            for v in (self.stride, self.dilation, p if p.__class__ is tuple else (0,) * n)
        )

    def _padded(self, input):
        """The input and the padding for the convolution: a non-zeros ``padding_mode``
        pads with ``F.pad`` first (as PyTorch's ``_conv_forward``), then pads nothing."""
        if self.padding_mode == "zeros":
            return input, self.padding
        n = len(self.kernel_size)
        padded = pad(input, self._reversed_padding_repeated_twice, mode=self.padding_mode)
        return padded, (0,) * n


class Conv1d(_ConvNd):
    """A 1-D convolution (weight ``(out, in/groups, k)``, PyTorch's init bounds)."""

    @staticmethod
    def _size(v):
        return (_one(v),)

    @staticmethod
    def _npd(dtype, device):
        return np.float64 if dtype is not None and dtype.name == "float64" else np.float32

    def forward(self, input):
        input, p = self._padded(input)
        st, dl = self.stride, self.dilation
        if not self._plain_args(p) or not isinstance(input, Tensor):
            return _checked("conv1d")(input, self.weight, self.bias, st, p, dl, self.groups)
        p = p if isinstance(p, str) else p[0]
        return conv1d(input, self.weight, self.bias, st[0], p, dl[0], self.groups)


class _MaxPoolNd(Module):
    """MaxPool1d/2d: the arguments kept as given (as PyTorch's), ``forward`` through the
    subclass's ``_pool`` function."""

    def __init__(
        self, kernel_size, stride=None, padding=0, dilation=1, return_indices=False, ceil_mode=False
    ):
        super().__init__()
        self.kernel_size = kernel_size
        self.stride = stride if stride is not None else kernel_size
        self.padding = padding
        self.dilation = dilation
        self.return_indices = return_indices
        self.ceil_mode = ceil_mode

    def forward(self, input):
        return self._pool(
            input,
            self.kernel_size,
            self.stride,
            self.padding,
            self.dilation,
            self.ceil_mode,
            self.return_indices,
        )

    def extra_repr(self) -> str:
        return (
            f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}, "
            f"dilation={self.dilation}, ceil_mode={self.ceil_mode}"
        )


class MaxPool1d(_MaxPoolNd):
    _pool = staticmethod(max_pool1d)


class AvgPool1d(Module):
    def __init__(
        self, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True
    ):
        super().__init__()
        self.kernel_size = (_one(kernel_size),)
        self.stride = (_one(stride if stride is not None else kernel_size),)
        self.padding = (_one(padding),)
        self.ceil_mode, self.count_include_pad = ceil_mode, count_include_pad

    def forward(self, input):
        return avg_pool1d(
            input,
            self.kernel_size,
            self.stride,
            self.padding,
            self.ceil_mode,
            self.count_include_pad,
        )

    def extra_repr(self) -> str:
        return f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}"


class AdaptiveAvgPool1d(Module):
    def __init__(self, output_size):
        super().__init__()
        self.output_size = output_size

    def forward(self, input):
        return adaptive_avg_pool1d(input, self.output_size)

    def extra_repr(self) -> str:
        return f"output_size={self.output_size}"


class Conv2d(_ConvNd):
    """A 2-D convolution; weight ``(out, in/groups, kh, kw)`` and bias drawn uniformly in
    ±1/√fan_in, as PyTorch's default initialisation bounds them."""

    _size = staticmethod(_pair)
    _npd = staticmethod(factory_dtype)

    def forward(self, input):
        input, p = self._padded(input)
        fn = conv2d if self._plain_args(p) and isinstance(input, Tensor) else _checked("conv2d")
        return fn(input, self.weight, self.bias, self.stride, p, self.dilation, self.groups)


class MaxPool2d(_MaxPoolNd):
    _pool = staticmethod(max_pool2d)


class _AvgPoolNd(Module):
    """AvgPool2d/3d: the arguments kept as given, ``forward`` through the subclass's
    ``_pool`` function (AvgPool1d has no ``divisor_override``: its own class)."""

    def __init__(
        self,
        kernel_size,
        stride=None,
        padding=0,
        ceil_mode=False,
        count_include_pad=True,
        divisor_override=None,
    ):
        super().__init__()
        self.kernel_size = kernel_size
        self.stride = stride if stride is not None else kernel_size
        self.padding = padding
        self.ceil_mode = ceil_mode
        self.count_include_pad = count_include_pad
        self.divisor_override = divisor_override

    def forward(self, input):
        return self._pool(
            input,
            self.kernel_size,
            self.stride,
            self.padding,
            self.ceil_mode,
            self.count_include_pad,
            self.divisor_override,
        )

    def extra_repr(self) -> str:
        return f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}"


class AvgPool2d(_AvgPoolNd):
    _pool = staticmethod(avg_pool2d)


class _AdaptiveAvgPoolNd(Module):
    """AdaptiveAvgPool2d/3d: ``forward`` through the subclass's ``_pool`` function."""

    def __init__(self, output_size):
        super().__init__()
        self.output_size = output_size

    def forward(self, input):
        return self._pool(input, self.output_size)

    def extra_repr(self) -> str:
        return f"output_size={self.output_size}"


class AdaptiveAvgPool2d(_AdaptiveAvgPoolNd):
    _pool = staticmethod(adaptive_avg_pool2d)


from .unpool import max_unpool1d, max_unpool2d  # noqa: E402

for _fn in (
    max_unpool1d,
    max_unpool2d,
    conv1d,
    conv2d,
    max_pool1d,
    max_pool2d,
    avg_pool1d,
    avg_pool2d,
    adaptive_avg_pool1d,
    adaptive_avg_pool2d,
    pad,
):
    if not hasattr(_functional, _fn.__name__):
        setattr(_functional, _fn.__name__, _fn)
del _fn
