"""``F.pad``'s ``reflect``, ``replicate`` and ``circular`` modes and the padding modules
(``nn.ReflectionPad1d/2d/3d``, ``nn.ReplicationPad1d/2d/3d``, ``nn.CircularPad1d/2d/3d``,
``nn.ConstantPad1d/2d/3d``, ``nn.ZeroPad1d/2d/3d``).

Reflection and replication padding are one node each, named as PyTorch names them
(``ReflectionPad1DBackward0`` ... ``ReplicationPad3DBackward0``): every output position
reads one input position (an index map per padded dimension), so the backward adds each
output gradient onto the position it was read from, in the order of the outputs (the
order PyTorch's kernels add them).  Under ``create_graph=True`` the gradient is a node of
its own (``ReflectionPad1DBackwardBackward0``: slots ``(grad_output, self)`` as PyTorch's)
whose gradient is the padding again.  Circular padding is built as PyTorch's C++ builds it
(``_pad_circular``): an empty output, a copy of the (sliced) input into its middle, then
copies of slices of the output into the borders: a chain of ``CopySlices`` nodes.
"""

from __future__ import annotations

import numbers

import numpy as np

from ..engine import api as _api
from ..engine import creation
from ..engine.function import Function, Local
from ..engine.functional_array import _is_array
from ..engine.grad_mode import STATE
from ..engine.ops import shape as S
from .modules import Module

_COMBOS = (
    "Padding size {n} is not supported for {d}D input tensor.\n"
    "Supported combinations for non-constant padding:\n"
    "  - 2D or 3D input: padding size = 2 (pads last dimension)\n"
    "  - 3D or 4D input: padding size = 4 (pads last 2 dimensions)\n"
    "  - 4D or 5D input: padding size = 6 (pads last 3 dimensions)"
)


def _index_maps(in_sizes, widths, mode):
    """For each padded dimension, the input position each output position reads."""
    maps = []
    for n, (lo, hi) in zip(in_sizes, widths, strict=True):
        i = np.arange(-lo, n + hi, dtype=np.int64)
        i = n - 1 - np.abs(n - 1 - np.abs(i)) if mode == "reflect" else np.clip(i, 0, n - 1)
        maps.append(i)
    return tuple(maps)


def _take(a, maps):
    return np.ascontiguousarray(a[(Ellipsis, *np.ix_(*maps))])


def _scatter(g, maps, in_sizes):
    """The gradient of ``_take``: each output gradient added onto the position it read,
    in the outputs' order."""
    k = len(maps)
    lead = g.shape[: g.ndim - k]
    rows = int(np.prod(lead, dtype=np.int64))
    flat = np.ravel_multi_index(np.ix_(*maps), in_sizes).reshape(-1)
    out = np.zeros((rows, int(np.prod(in_sizes, dtype=np.int64))), dtype=g.dtype)
    if out.size and flat.size:
        np.add.at(out, (slice(None), flat), g.reshape(rows, -1))
    return out.reshape(*lead, *in_sizes)


class _PadNdBackward(Function):
    """Reflection / replication padding of the last ``k`` dimensions (``k`` = 1, 2, 3);
    ``conf`` given: the padding of a gradient (the double backward's own gradient)."""

    op, symbol, mode = "pad", "pad", "reflect"
    formula = "∂/∂x: each output's gradient added onto the input position it copies"
    local = (
        Local(
            (
                "G of every output position added onto the position of {0:r} it copies",
                "每个输出位置的 G 加到它所复制的 {0:r} 的位置上",
            ),
            rule=True,
        ),
    )

    @staticmethod
    def forward(ctx, x, widths=(), conf=None):
        if conf is None:
            k = len(widths)
            in_sizes = x.shape[x.ndim - k :]
            conf = (_index_maps(in_sizes, widths, ctx.mode), in_sizes)
        ctx.conf = conf
        ctx.save_for_backward(x)
        return _take(x, conf[0])

    @staticmethod
    def backward(ctx, g):
        if not _is_array(g):
            (x,) = ctx.saved_tensors
            return (_DOUBLE[type(ctx)].apply(g, x, conf=ctx.conf),)
        return (_scatter(g, *ctx.conf),)


class _PadNdBackwardBackward(Function):
    """The gradient of a reflection / replication padding as a node: slots
    ``(grad_output, self)`` as PyTorch's; linear in G, its own gradient is the padding
    of the incoming gradient (and zeros for ``self``)."""

    op, symbol = "pad_backward", "pad'"
    formula = "the gradient of a padding; its gradient: the padding of the incoming gradient"
    local = (
        Local(("the padding of the incoming gradient", "传入梯度的填充"), rule=True),
        Local(("0", "0"), rule=True),
    )

    @staticmethod
    def forward(ctx, g, x, conf=()):
        ctx.conf = conf
        ctx.x_shape = x.shape
        return _scatter(g, *conf)

    @staticmethod
    def backward(ctx, u):
        maps, _ = ctx.conf
        need = ctx.needs_input_grad
        if _is_array(u):
            gu = _take(u, maps) if need[0] else None
            gx = np.zeros(ctx.x_shape, dtype=u.dtype) if need[1] else None
            return gu, gx
        gu = _FORWARD[type(ctx)].apply(u, conf=ctx.conf) if need[0] else None
        gx = creation.zeros(ctx.x_shape, dtype=u.dtype) if need[1] else None
        return gu, gx


_DOUBLE = {}
_FORWARD = {}
_NODES = {}
for _mode, _word in (("reflect", "Reflection"), ("replicate", "Replication")):
    for _k in (1, 2, 3):
        _cls = type(
            f"{_word}Pad{_k}DBackward0",
            (_PadNdBackward,),
            {
                "op": f"{_mode}_pad{_k}d",
                "symbol": f"{_mode}pad",
                "mode": _mode,
                "__module__": __name__,
            },
        )
        _dcls = type(
            f"{_word}Pad{_k}DBackwardBackward0",
            (_PadNdBackwardBackward,),
            {
                "op": f"{_mode}_pad{_k}d_backward",
                "symbol": f"{_mode}pad'",
                "__module__": __name__,
            },
        )
        _DOUBLE[_cls] = _dcls
        _FORWARD[_dcls] = _cls
        _NODES[_mode, _k] = _cls
        globals()[_cls.__name__] = _cls
        globals()[_dcls.__name__] = _dcls
del _mode, _word, _k, _cls, _dcls


def _dims_list(shape):
    return "[" + ", ".join(str(s) for s in shape) + "]"


def pad_nonconstant(input, pad, mode):
    """``F.pad(input, pad, mode)`` for ``reflect`` / ``replicate`` / ``circular``; ``pad``
    is a list of ints of even length, at most twice the input's dimension (checked by
    ``F.pad``)."""
    a = input._data
    nd, k = a.ndim, len(pad) // 2
    if k not in (1, 2, 3) or nd not in (k + 1, k + 2):
        raise NotImplementedError(_COMBOS.format(n=len(pad), d=nd))
    widths = tuple((pad[2 * (k - 1 - j)], pad[2 * (k - 1 - j) + 1]) for j in range(k))
    if mode == "circular":
        return _circular(input, pad, widths)
    shape = a.shape
    batched = nd == k + 2
    rest = shape[1:] if batched else shape
    if any(s == 0 for s in rest):
        raise RuntimeError(
            f"Expected {k + 1}D or {k + 2}D (batch mode) tensor with possibly 0 batch size "
            f"and other non-zero dimensions for input, but got: {_dims_list(shape)}"
        )
    if mode == "reflect":
        for j in range(k):  # the last dimension first, as PyTorch checks
            d = nd - 1 - j
            lo, hi = pad[2 * j], pad[2 * j + 1]
            if lo >= shape[d] or hi >= shape[d]:
                raise RuntimeError(
                    f"Argument #{4 + 2 * j}: Padding size should be less than the "
                    "corresponding input dimension, but got: padding "
                    f"({lo}, {hi}) at dimension {d} of input {_dims_list(shape)}"
                )
    in_sizes = shape[nd - k :]
    out_sizes = [n + lo + hi for n, (lo, hi) in zip(in_sizes, widths, strict=True)]
    if k == 1 and out_sizes[0] < 1:
        raise RuntimeError(
            f"input (W: {in_sizes[0]}) is too small. Calculated output W: {out_sizes[0]}"
        )
    if any(s < 0 for s in out_sizes):
        if k == 2 and mode == "reflect":
            raise RuntimeError("numel: integer multiplication overflow")
        full = list(shape[: nd - k]) + out_sizes
        neg = next(s for s in full if s < 0)
        raise RuntimeError(
            f"Trying to create tensor with negative dimension {neg}: {_dims_list(full)}"
        )
    if a.dtype == np.bool_:
        kernel = "reflection" if mode == "reflect" else "replication"
        raise NotImplementedError(f"\"{kernel}_pad{k}d\" not implemented for 'Bool'")
    return _NODES[mode, k].apply(input, widths=widths)


def _copy_into(out, index, src):
    """``out[index].copy_(src)`` as PyTorch's C++ writes it: a copy into a slice view,
    a ``CopySlices`` node (also when the slices span the whole tensor)."""
    if STATE.enabled and (src.requires_grad or out.requires_grad):
        old = _api._alias(out, out._data.copy())
        _api._rebase(out, S.CopySlices.apply(old, src, index=index), "copy_", out._data)
    else:
        out._data[index] = src._data


def _circular(input, pad, widths):
    """PyTorch's ``_pad_circular``: copies into an empty output (``CopySlices`` nodes)."""
    a = input._data
    nd, k = a.ndim, len(widths)
    in_shape = a.shape
    out_shape = list(in_shape)
    for j in range(k):
        d = nd - k + j
        lo, hi = widths[j]
        n = in_shape[d]
        out_shape[d] = n + lo + hi
        if lo > n or hi > n:
            raise RuntimeError("Padding value causes wrapping around more than once.")
        if out_shape[d] < 0:
            raise RuntimeError("Negative padding value is resulting in an empty dimension")
    out = creation.empty(tuple(out_shape), dtype=input.dtype)
    out_index = [slice(None)] * nd
    src = input
    for j in range(k):  # pad's pairs: the last dimension first
        d = nd - 1 - j
        lo, hi = pad[2 * j], pad[2 * j + 1]
        out_index[d] = slice(max(lo, 0), out_shape[d] - max(hi, 0))
        index = (slice(None),) * d + (slice(max(-lo, 0), in_shape[d] - max(-hi, 0)),)
        src = S.SliceBackward0.apply(src, index=index)
    _copy_into(out, tuple(out_index), src)
    for j in range(k):
        d = nd - 1 - j
        lo, hi = pad[2 * j], pad[2 * j + 1]
        pre = (slice(None),) * d
        if lo > 0:
            stop = out_shape[d] - max(hi, 0)
            src = S.SliceBackward0.apply(out, index=(*pre, slice(stop - lo, stop)))
            _copy_into(out, (*pre, slice(0, lo)), src)
        if hi > 0:
            start = max(lo, 0)
            src = S.SliceBackward0.apply(out, index=(*pre, slice(start, start + hi)))
            _copy_into(out, (*pre, slice(out_shape[d] - hi, out_shape[d])), src)
    return out


# ---------------------------------------------------------------------- modules


def _ntuple(v, n):
    if isinstance(v, numbers.Integral):
        return (v,) * n
    return tuple(v)


class _PadNd(Module):
    _mode = "constant"
    _n = 2

    def __init__(self, padding):
        super().__init__()
        self.padding = _ntuple(padding, self._n)

    def forward(self, input):
        from .conv import pad

        return pad(input, self.padding, self._mode)

    def extra_repr(self) -> str:
        return f"{self.padding}"


class _CircularPadNd(_PadNd):
    _mode = "circular"

    def forward(self, input):
        d = self._n // 2
        if input.dim() not in (d + 1, d + 2):
            raise ValueError(f"expected {d + 1}D or {d + 2}D input (got {input.dim()}D input)")
        return super().forward(input)


class _ConstantPadNd(Module):
    _n = 2

    def __init__(self, padding, value):
        super().__init__()
        self.value = value
        self.padding = _ntuple(padding, self._n)

    def forward(self, input):
        from .conv import pad

        return pad(input, self.padding, "constant", self.value)

    def extra_repr(self) -> str:
        return f"padding={self.padding}, value={self.value}"


def _module(name, base, n, **attrs):
    cls = type(name, (base,), {"_n": n, "__module__": __name__, **attrs})
    globals()[name] = cls
    return cls


for _k in (1, 2, 3):
    _module(f"ReflectionPad{_k}d", _PadNd, 2 * _k, _mode="reflect")
    _module(f"ReplicationPad{_k}d", _PadNd, 2 * _k, _mode="replicate")
    _module(f"CircularPad{_k}d", _CircularPadNd, 2 * _k)
    _cp = _module(f"ConstantPad{_k}d", _ConstantPadNd, 2 * _k)

    def _zero_init(self, padding):
        _ConstantPadNd.__init__(self, padding, 0.0)

    _module(
        f"ZeroPad{_k}d",
        _cp,
        2 * _k,
        __init__=_zero_init,
        extra_repr=lambda self: f"{self.padding}",
    )
del _k, _cp

__all__ = [
    f"{kind}Pad{k}d"
    for kind in ("Reflection", "Replication", "Circular", "Constant", "Zero")
    for k in (1, 2, 3)
]
