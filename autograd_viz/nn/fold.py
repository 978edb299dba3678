"""``F.unfold`` / ``nn.Unfold`` (im2col: every sliding block of a (N, C, H, W) batch as a
column of an (N, C·kh·kw, L) tensor, the way convolution is taught as a matrix product)
and ``F.fold`` / ``nn.Fold`` (col2im: the columns summed back into an image).  One
``Im2ColBackward0`` / ``Col2ImBackward0`` node, each the other's gradient (also under
``create_graph=True``, as PyTorch records them), with PyTorch's checks and messages."""

from __future__ import annotations

import numbers

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from ..engine import api as _api
from ..engine.function import Function, Local
from ..engine.functional_array import _is_array
from .layers import _tensor_arg
from .modules import Module

__all__ = ["Fold", "Unfold", "fold", "unfold"]


def _im2col(a, k, d, p, s):
    """(N, C, H, W) -> (N, C·kh·kw, L)."""
    n, c = a.shape[:2]
    (kh, kw), (dh, dw), (ph, pw), (sh, sw) = k, d, p, s
    ap = np.pad(a, ((0, 0), (0, 0), (ph, ph), (pw, pw))) if ph or pw else a
    oh = (ap.shape[2] - (dh * (kh - 1) + 1)) // sh + 1
    ow = (ap.shape[3] - (dw * (kw - 1) + 1)) // sw + 1
    win = sliding_window_view(ap, (dh * (kh - 1) + 1, dw * (kw - 1) + 1), axis=(2, 3))
    win = win[:, :, ::sh, ::sw, ::dh, ::dw][:, :, :oh, :ow]  # (N, C, oh, ow, kh, kw)
    return np.ascontiguousarray(win.transpose(0, 1, 4, 5, 2, 3)).reshape(n, c * kh * kw, oh * ow)


def _blocks(size, k, d, p, s):
    return [(size[i] + 2 * p[i] - d[i] * (k[i] - 1) - 1) // s[i] + 1 for i in range(2)]


def _col2im(a, out_hw, k, d, p, s):
    """(N, C·kh·kw, L) -> (N, C, H, W): every column added back at its block."""
    n = a.shape[0]
    (kh, kw), (dh, dw), (ph, pw), (sh, sw) = k, d, p, s
    c = a.shape[1] // (kh * kw)
    oh, ow = _blocks(out_hw, k, d, p, s)
    cols = a.reshape(n, c, kh, kw, oh, ow)
    out = np.zeros((n, c, out_hw[0] + 2 * ph, out_hw[1] + 2 * pw), dtype=a.dtype)
    for i in range(kh):
        for j in range(kw):
            r0, c0 = i * dh, j * dw
            out[:, :, r0 : r0 + sh * (oh - 1) + 1 : sh, c0 : c0 + sw * (ow - 1) + 1 : sw] += cols[
                :, :, i, j
            ]
    return out[:, :, ph : ph + out_hw[0], pw : pw + out_hw[1]]


def _batched(fn, a, nd):
    """``fn`` on a batch: an unbatched input gets a batch dim of 1 for the call."""
    if a.ndim == nd:
        return fn(a)
    return fn(a[None])[0]


class Im2ColBackward0(Function):
    op, symbol = "im2col", "unfold"
    formula = "∂out/∂x: each column's gradient added back at its block (col2im)"
    local = (
        Local(
            (
                "col2im(G): each column added back at its block of {0:r}",
                "col2im(G)：各列加回 {0:r} 中对应的块",
            ),
            rule=True,
        ),
    )

    @staticmethod
    def forward(ctx, x, conf=None, hw=None):
        ctx.conf, ctx.hw = conf, hw
        return _batched(lambda a: _im2col(a, *conf), x, 4)

    @staticmethod
    def backward(ctx, g):
        if not ctx.needs_input_grad[0]:
            return (None,)
        if _is_array(g):
            return (_batched(lambda a: _col2im(a, ctx.hw, *ctx.conf), g, 3),)
        return (Col2ImBackward0.apply(g, conf=ctx.conf, hw=ctx.hw),)


class Col2ImBackward0(Function):
    op, symbol = "col2im", "fold"
    formula = "∂out/∂x: the image's gradient cut into the same sliding blocks (im2col)"
    local = (
        Local(
            ("im2col(G): G's sliding blocks as columns", "im2col(G)：G 的滑动块排成列"), rule=True
        ),
    )

    @staticmethod
    def forward(ctx, x, conf=None, hw=None):
        ctx.conf, ctx.hw = conf, hw
        return _batched(lambda a: _col2im(a, hw, *conf), x, 3)

    @staticmethod
    def backward(ctx, g):
        if not ctx.needs_input_grad[0]:
            return (None,)
        if _is_array(g):
            return (_batched(lambda a: _im2col(a, *ctx.conf), g, 4),)
        return (Im2ColBackward0.apply(g, conf=ctx.conf, hw=ctx.hw),)


def _pair(v, fn, arg, pos):
    if not isinstance(v, (list, tuple)):
        v = (v, v)
    for i, e in enumerate(v):
        if isinstance(e, bool) or not isinstance(e, numbers.Integral):
            raise TypeError(
                f"{fn}(): argument '{arg}' (position {pos}) must be tuple of ints, but found "
                f"element of type {type(e).__name__} at pos {i}"
            )
    return tuple(int(e) for e in v)


def _check_len(v, name):
    if len(v) != 2:
        raise RuntimeError(f"It is expected {name} equals to 2, but got size {len(v)}")


def _check_positive(k, d, p, s, order):
    msgs = {
        "k": (k, "kernel size should be greater than zero", "kernel", lambda v: v > 0),
        "d": (d, "dilation should be greater than zero", "dilation", lambda v: v > 0),
        "p": (p, "padding should be non-negative", "pad", lambda v: v >= 0),
        "s": (s, "stride should be greater than zero", "stride", lambda v: v > 0),
    }
    for key in order:
        v, text, word, ok = msgs[key]
        if not (ok(v[0]) and ok(v[1])):
            raise RuntimeError(f"{text}, but got {word}_height: {v[0]} {word}_width: {v[1]}")


def _dtype_check(x, kernel):
    if x._data.dtype.kind not in "fc":
        name = _api._scalar_type_name(x._data.dtype)
        raise NotImplementedError(f"\"{kernel}\" not implemented for '{name}'")


def unfold(input, kernel_size, dilation=1, padding=0, stride=1):
    """im2col: (N, C, H, W) -> (N, C·kh·kw, L), L the number of sliding blocks."""
    _tensor_arg(input, "im2col")
    k = _pair(kernel_size, "im2col", "kernel_size", 2)
    d = _pair(dilation, "im2col", "dilation", 3)
    p = _pair(padding, "im2col", "padding", 4)
    s = _pair(stride, "im2col", "stride", 5)
    for v, name in ((k, "kernel_size"), (d, "dilation"), (p, "padding"), (s, "stride")):
        _check_len(v, name)
    _check_positive(k, d, p, s, "kdps")
    shape = tuple(input.shape)
    nd = len(shape)
    for i in (1, 2):  # (PyTorch reads these sizes first)
        if i >= nd:
            raise IndexError(
                f"Dimension out of range (expected to be in range of [{-nd}, {nd - 1}], but "
                f"got {i})"
            )
    valid = shape[1] != 0 and shape[2] != 0
    if not ((nd == 3 and shape[0] and valid) or (nd == 4 and valid and shape[3] != 0)):
        raise RuntimeError(
            "Expected 3D or 4D (batch mode) tensor with possibly 0 batch size and other "
            f"non-zero dimensions for input, but got: {list(shape)}"
        )
    hw = shape[-2:]
    oh, ow = _blocks(hw, k, d, p, s)
    if oh < 1 or ow < 1:
        raise RuntimeError(
            f"Given input with spatial size ({hw[0]}, {hw[1]}), kernel_size=({k[0]}, {k[1]}), "
            f"dilation=({d[0]}, {d[1]}), padding=({p[0]}, {p[1]}), calculated shape of the "
            f"array of sliding blocks as ({oh}, {ow}), but its components must be at least one."
        )
    _dtype_check(input, "im2col_out_cpu")
    return Im2ColBackward0.apply(input, conf=(k, d, p, s), hw=hw)


def fold(input, output_size, kernel_size, dilation=1, padding=0, stride=1):
    """col2im: (N, C·kh·kw, L) -> (N, C, H, W), overlapping blocks summed."""
    _tensor_arg(input, "col2im")
    o = _pair(output_size, "col2im", "output_size", 2)
    k = _pair(kernel_size, "col2im", "kernel_size", 3)
    d = _pair(dilation, "col2im", "dilation", 4)
    p = _pair(padding, "col2im", "padding", 5)
    s = _pair(stride, "col2im", "stride", 6)
    for v, name in (
        (o, "output_size"),
        (k, "kernel_size"),
        (d, "dilation"),
        (p, "padding"),
        (s, "stride"),
    ):
        _check_len(v, name)
    _check_positive(k, d, p, s, "ksdp")
    shape = tuple(input.shape)
    nd = len(shape)
    if not (
        (nd == 2 and shape[0] != 0 and shape[1] != 0)
        or (nd == 3 and shape[1] != 0 and shape[2] != 0)
    ):
        raise RuntimeError(
            "Expected 2D or 3D (batch mode) tensor for input with possibly 0 batch size and "
            f"non-zero dimensions for input, but got: {list(shape)}"
        )
    planes = shape[-2]
    if planes % (k[0] * k[1]):
        raise RuntimeError(
            "Expected size of input's dimension 1 to be divisible by the product of "
            f"kernel_size, but got input.size(1)={planes} and kernel_size=({k[0]}, {k[1]})."
        )
    bh, bw = _blocks(o, k, d, p, s)
    conf = (
        f"Given output_size=({o[0]}, {o[1]}), kernel_size=({k[0]}, {k[1]}), "
        f"dilation=({d[0]}, {d[1]}), padding=({p[0]}, {p[1]}), stride=({s[0]}, {s[1]}), "
    )
    if shape[-1] != bh * bw:
        raise RuntimeError(
            conf + "expected size of input's dimension 2 to match the calculated number of "
            f"sliding blocks {bh} * {bw} = {bh * bw}, but got input.size(2)={shape[-1]}."
        )
    if bh < 1 or bw < 1:
        raise RuntimeError(
            conf + f"calculated shape of the array of sliding blocks as ({bh}, {bw}), which is "
            "too small (non-positive)"
        )
    if o[0] < 1 or o[1] < 1:
        raise RuntimeError(
            f"Expected output spatial size to be positive, but got: output_size=({o[0]}, {o[1]})."
        )
    _dtype_check(input, "col2im_out_cpu")
    return Col2ImBackward0.apply(input, conf=(k, d, p, s), hw=o)


class Unfold(Module):
    def __init__(self, kernel_size, dilation=1, padding=0, stride=1):
        super().__init__()
        self.kernel_size = kernel_size
        self.dilation = dilation
        self.padding = padding
        self.stride = stride

    def forward(self, input):
        return unfold(input, self.kernel_size, self.dilation, self.padding, self.stride)

    def extra_repr(self) -> str:
        return (
            f"kernel_size={self.kernel_size}, dilation={self.dilation}, "
            f"padding={self.padding}, stride={self.stride}"
        )


class Fold(Module):
    def __init__(self, output_size, kernel_size, dilation=1, padding=0, stride=1):
        super().__init__()
        self.output_size = output_size
        self.kernel_size = kernel_size
        self.dilation = dilation
        self.padding = padding
        self.stride = stride

    def forward(self, input):
        return fold(
            input, self.output_size, self.kernel_size, self.dilation, self.padding, self.stride
        )

    def extra_repr(self) -> str:
        return (
            f"output_size={self.output_size}, kernel_size={self.kernel_size}, "
            f"dilation={self.dilation}, padding={self.padding}, stride={self.stride}"
        )


def _register():
    from . import functional as _functional

    for fn in (fold, unfold):
        if not hasattr(_functional, fn.__name__):
            setattr(_functional, fn.__name__, fn)


_register()
