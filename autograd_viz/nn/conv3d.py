"""``nn.Conv3d`` / ``F.conv3d``: a convolution over (D, H, W), one ``ConvolutionBackward0``
node as PyTorch records it (slots input, weight, bias), batched or unbatched, with
stride, padding (numbers, ``'same'``, ``'valid'``, and the padding modes through
``F.pad``), dilation and groups, PyTorch's initialisation, repr and argument errors.  The
forward is numpy windows (``sliding_window_view``) contracted with the kernel; the
gradients loop over the kernel's positions; under ``create_graph=True`` each gradient is a
``ConvolutionBackwardBackward0`` node whose backward is a convolution again, as in 2-D."""

from __future__ import annotations

import numbers

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from ..engine import api as _api
from ..engine.functional_array import _is_array
from .conv import (
    ConvolutionBackward0,
    ConvolutionBackwardBackward0,
    _batched,
    _conv_arg_checks,
    _conv_bias_shape,
    _conv_groups_check,
    _conv_weight_dtype,
    _ConvNd,
    pad,
)
from .layers import _scalar_type

__all__ = ["Conv3d", "conv3d"]


def _pad3(x, pads):
    if not any(p for pair in pads for p in pair):
        return x
    return np.pad(x, ((0, 0), (0, 0), *pads))


def _out_size(n, k, s, d, p):
    return (n + p[0] + p[1] - d * (k - 1) - 1) // s + 1


def _windows(xp, k, s, d, out):
    ext = tuple(d[i] * (k[i] - 1) + 1 for i in range(3))
    win = sliding_window_view(xp, ext, axis=(2, 3, 4))
    win = win[:, :, :: s[0], :: s[1], :: s[2], :: d[0], :: d[1], :: d[2]]
    return win[:, :, : out[0], : out[1], : out[2]]  # (N, C, od, oh, ow, kd, kh, kw)


def _conv3_out(x, w, stride, pads, dilation, groups):
    xp = _pad3(x, pads)
    o, cg = w.shape[:2]
    k = w.shape[2:]
    out = [_out_size(x.shape[2 + i], k[i], stride[i], dilation[i], pads[i]) for i in range(3)]
    win = _windows(xp, k, stride, dilation, out)
    og = o // groups
    parts = []
    for gi in range(groups):
        wg = win[:, gi * cg : (gi + 1) * cg]
        parts.append(
            np.tensordot(wg, w[gi * og : (gi + 1) * og], axes=([1, 5, 6, 7], [1, 2, 3, 4]))
        )
    res = np.concatenate(parts, axis=-1) if groups > 1 else parts[0]
    return res.transpose(0, 4, 1, 2, 3)


def _conv3_grad_input(g, w, x_shape, stride, pads, dilation, groups):
    o, cg = w.shape[:2]
    kd, kh, kw = w.shape[2:]
    og = o // groups
    od, oh, ow = g.shape[2:]
    padded = tuple(x_shape[2 + i] + pads[i][0] + pads[i][1] for i in range(3))
    gxp = np.zeros((x_shape[0], x_shape[1], *padded), g.dtype)
    s, d = stride, dilation
    for gi in range(groups):
        gg = g[:, gi * og : (gi + 1) * og]
        wg = w[gi * og : (gi + 1) * og]
        cs = slice(gi * cg, (gi + 1) * cg)
        for a in range(kd):
            for b in range(kh):
                for c in range(kw):
                    part = np.tensordot(gg, wg[:, :, a, b, c], axes=([1], [0]))
                    z0, r0, c0 = a * d[0], b * d[1], c * d[2]
                    gxp[
                        :,
                        cs,
                        z0 : z0 + s[0] * (od - 1) + 1 : s[0],
                        r0 : r0 + s[1] * (oh - 1) + 1 : s[1],
                        c0 : c0 + s[2] * (ow - 1) + 1 : s[2],
                    ] += part.transpose(0, 4, 1, 2, 3)
    return gxp[
        :,
        :,
        pads[0][0] : pads[0][0] + x_shape[2],
        pads[1][0] : pads[1][0] + x_shape[3],
        pads[2][0] : pads[2][0] + x_shape[4],
    ]


def _conv3_grad_weight(g, x, w_shape, stride, pads, dilation, groups):
    o, cg = w_shape[:2]
    og = o // groups
    win = _windows(_pad3(x, pads), w_shape[2:], stride, dilation, g.shape[2:])
    parts = []
    for gi in range(groups):
        gg = g[:, gi * og : (gi + 1) * og]
        wg = win[:, gi * cg : (gi + 1) * cg]
        parts.append(np.tensordot(gg, wg, axes=([0, 2, 3, 4], [0, 2, 3, 4])))
    gw = np.concatenate(parts, axis=0) if groups > 1 else parts[0]
    return gw.astype(g.dtype, copy=False)


class Convolution3dBackward0(ConvolutionBackward0):
    """A 3-D convolution's node (PyTorch names it ``ConvolutionBackward0`` too)."""

    _graph_backward = None  # (its own backward builds its gradients' nodes)

    op = "conv3d"

    @staticmethod
    def forward(ctx, x, w, b, stride=(1, 1, 1), pads=((0, 0),) * 3, dilation=(1, 1, 1), groups=1):
        ctx.conf = (stride, pads, dilation, groups)
        ctx.save_for_backward(x, w)
        out = _conv3_out(x, w, stride, pads, dilation, groups)
        if b is not None:
            out = out + b.reshape(1, -1, 1, 1, 1)
        return np.ascontiguousarray(out, dtype=x.dtype)

    @staticmethod
    def backward(ctx, g):
        x, w = ctx.saved_tensors
        need = ctx.needs_input_grad
        gx = gw = gb = None
        if not _is_array(g):  # create_graph: nodes whose own backward is a convolution
            if need[0]:
                gx = Convolution3dBackwardBackward0.apply(
                    g, w, wrt="input", shape=tuple(x.shape), conf=ctx.conf
                )
            if need[1]:
                gw = Convolution3dBackwardBackward0.apply(
                    g, x, wrt="weight", shape=tuple(w.shape), conf=ctx.conf
                )
            if len(need) > 2 and need[2]:
                gb = g.sum(dim=(0, 2, 3, 4))
            return gx, gw, gb
        if need[0]:
            gx = _conv3_grad_input(g, w, x.shape, *ctx.conf)
        if need[1]:
            gw = _conv3_grad_weight(g, x, w.shape, *ctx.conf)
        if len(need) > 2 and need[2]:
            gb = g.sum(axis=(0, 2, 3, 4))
        return gx, gw, gb


Convolution3dBackward0.__name__ = Convolution3dBackward0.__qualname__ = "ConvolutionBackward0"


class Convolution3dBackwardBackward0(ConvolutionBackwardBackward0):
    """A 3-D convolution's gradient as a node (``create_graph=True``), as the 2-D one:
    ``wrt="input"``: slots (G, kernel); ``wrt="weight"``: slots (G, input)."""

    op = "conv3d_backward"

    @staticmethod
    def forward(ctx, g, other, wrt="input", shape=(), conf=()):
        ctx.save_for_backward(g, other)
        ctx.wrt, ctx.shape, ctx.conf = wrt, shape, conf
        if wrt == "input":
            out = _conv3_grad_input(g, other, shape, *conf)
        else:
            out = _conv3_grad_weight(g, other, shape, *conf)
        return np.ascontiguousarray(out, dtype=g.dtype)

    @staticmethod
    def backward(ctx, u):
        g, other = ctx.saved_tensors
        wrt, conf = ctx.wrt, ctx.conf
        need = ctx.needs_input_grad
        dg = dother = None
        if not _is_array(u):
            stride, pads, dilation, groups = conf
            x, w = (u, other) if wrt == "input" else (other, u)
            if need[0]:
                dg = Convolution3dBackward0.apply(
                    x, w, None, stride=stride, pads=pads, dilation=dilation, groups=groups
                )
            if need[1]:
                dother = Convolution3dBackwardBackward0.apply(
                    g,
                    u,
                    wrt="weight" if wrt == "input" else "input",
                    shape=tuple(other.shape),
                    conf=conf,
                )
            return dg, dother
        if wrt == "input":
            if need[0]:
                dg = _conv3_out(u, other, *conf)
            if need[1]:
                dother = _conv3_grad_weight(g, u, other.shape, *conf)
        else:
            if need[0]:
                dg = _conv3_out(other, u, *conf)
            if need[1]:
                dother = _conv3_grad_input(g, u, other.shape, *conf)
        dg = None if dg is None else np.ascontiguousarray(dg, dtype=u.dtype)
        dother = None if dother is None else dother.astype(u.dtype, copy=False)
        return dg, dother


Convolution3dBackwardBackward0.__name__ = "ConvolutionBackwardBackward0"
Convolution3dBackwardBackward0.__qualname__ = "ConvolutionBackwardBackward0"


def _triple_arg(v, name):
    if isinstance(v, numbers.Integral):
        return (int(v),) * 3
    v = tuple(int(e) for e in v)
    if len(v) == 1:
        return v * 3
    if len(v) != 3:
        raise RuntimeError(
            f"expected {name} to be a single integer value or a list of 3 values to match the "
            f"convolution dimensions, but got {name}={list(v)}"
        )
    return v


def conv3d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
    unbatched = _batched(input, "conv3d", 3, bias)
    if unbatched:
        input = _api.unsqueeze(input, 0)
    x, w = input._data, weight._data
    stride, dilation = _triple_arg(stride, "stride"), _triple_arg(dilation, "dilation")
    if w.ndim != 5:  # (PyTorch's generic convolution then expects weight.dim() - 2 values)
        raise RuntimeError(
            "expected stride to be a single integer value or a list of "
            f"{max(w.ndim - 2, 0)} values to match the convolution dimensions, but got "
            f"stride={list(stride)}"
        )
    k = w.shape[2:]
    if isinstance(padding, str):
        if padding == "valid":
            pads = ((0, 0),) * 3
        elif padding == "same":
            if stride != (1, 1, 1):
                raise RuntimeError("padding='same' is not supported for strided convolutions")
            total = [dilation[i] * (k[i] - 1) for i in range(3)]
            left = [t // 2 for t in total]
            extra = [t - 2 * lo for t, lo in zip(total, left, strict=True)]
            if any(extra):  # (the extra on the far side first, as PyTorch)
                input = pad(input, [0, extra[2], 0, extra[1], 0, extra[0]])
                x = input._data
            pads = tuple((lo, lo) for lo in left)
        else:
            raise RuntimeError(f"Invalid padding string: '{padding}'")
    else:
        p = _triple_arg(padding, "padding")
        pads = tuple((v, v) for v in p)
    # PyTorch's oneDNN path (its use_mkldnn for float32) words these two errors its own way
    mkldnn = x.dtype == np.float32 and (
        groups > 1
        or (w.shape[-1] > 3 and w.shape[-2] > 3)
        or x.shape[0] > 1
        or int(np.prod(x.shape[:4])) > 20480
    )
    if mkldnn and any(d <= 0 for d in dilation):
        _conv_arg_checks(x, bias, stride, pads, (1, 1, 1))
        raise RuntimeError("non-positive dilation is not supported")
    _conv_arg_checks(x, bias, stride, pads, dilation)
    _conv_groups_check(x, w, groups)
    _conv_bias_shape(w, bias)
    padded = [x.shape[2 + i] + pads[i][0] + pads[i][1] for i in range(3)]
    ext = [dilation[i] * (k[i] - 1) + 1 for i in range(3)]
    if any(padded[i] < ext[i] for i in range(3)):
        raise RuntimeError(
            "Calculated padded input size per channel: ("
            + " x ".join(str(v) for v in padded)
            + "). Kernel size: ("
            + " x ".join(str(v) for v in ext)
            + "). Kernel size can't be greater than actual input size"
        )
    if w.dtype != x.dtype and not mkldnn:
        _conv_weight_dtype(x, w)
    if w.dtype != x.dtype:
        raise RuntimeError(
            f"Input type (torch.{_scalar_type(x.dtype)}Tensor) and weight type "
            f"(torch.{_scalar_type(w.dtype)}Tensor) should be the same or input should be a "
            "MKLDNN tensor and weight is a dense tensor"
        )
    out = Convolution3dBackward0.apply(
        input, weight, bias, stride=stride, pads=pads, dilation=dilation, groups=groups
    )
    return _api.squeeze(out, 0) if unbatched else out


class Conv3d(_ConvNd):
    """A 3-D convolution (weight ``(out, in/groups, kd, kh, kw)``, PyTorch's init bounds)."""

    @staticmethod
    def _size(v):
        if isinstance(v, numbers.Integral):
            return (int(v),) * 3
        return tuple(int(e) for e in v)

    @staticmethod
    def _npd(dtype, device):
        return np.float64 if dtype is not None and dtype.name == "float64" else np.float32

    def forward(self, input):
        input, p = self._padded(input)
        return conv3d(input, self.weight, self.bias, self.stride, p, self.dilation, self.groups)


def _register():
    from . import functional as _functional

    if not hasattr(_functional, "conv3d"):
        _functional.conv3d = conv3d


_register()
