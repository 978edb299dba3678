"""View ops built on the existing view nodes, as PyTorch records them: ``narrow``
(``SliceBackward0``), ``select`` (``SelectBackward0``), ``movedim`` / ``moveaxis``
(``PermuteBackward0``), ``swapdims`` (``TransposeBackward0``), ``unflatten``
(``ViewBackward0``); and ``diagonal`` (``DiagonalBackward0``, a writable view), ``diag``
(``DiagEmbedBackward0`` of a vector, ``DiagonalBackward0_copy`` of a matrix)."""

from __future__ import annotations

import numbers

import numpy as np

from .api import permute, transpose, view
from .function import Function, Local
from .functional_array import _is_array
from .ops import shape as S
from .tensor import Tensor, _wrap_dim

__all__ = ["diag", "diagonal", "moveaxis", "movedim", "narrow", "select", "swapdims", "unflatten"]


def _int(v, fn, arg, pos):
    if isinstance(v, Tensor) and v._data.ndim == 0 and v._data.dtype.kind in "iu":
        return int(v._data)
    if isinstance(v, bool) or not isinstance(v, numbers.Integral):
        raise TypeError(
            f"{fn}(): argument '{arg}' (position {pos}) must be int, not {type(v).__name__}"
        )
    return int(v)


def narrow(input, dim, start, length):
    dim = _int(dim, "narrow", "dim", 1)
    start = _int(start, "narrow", "start", 2)
    length = _int(length, "narrow", "length", 3)
    shape = input._data.shape
    if not shape:
        raise RuntimeError("narrow() cannot be applied to a 0-dim tensor.")
    if length < 0:
        raise RuntimeError("narrow(): length must be non-negative.")
    d = _wrap_dim(dim, len(shape))
    size = shape[d]
    if not -size <= start <= size:
        raise IndexError(
            f"start out of range (expected to be in range of [{-size}, {size}], but got {start})"
        )
    if start < 0:
        start += size
    if start + length > size:
        raise RuntimeError(f"start ({start}) + length ({length}) exceeds dimension size ({size}).")
    index = (slice(None),) * d + (slice(start, start + length),)
    return S.SliceBackward0.apply(input, index=index)


def select(input, dim, index):
    dim = _int(dim, "select", "dim", 1)
    index = _int(index, "select", "index", 2)
    shape = input._data.shape
    if not shape:
        raise IndexError("select() cannot be applied to a 0-dim tensor.")
    d = _wrap_dim(dim, len(shape))
    if not -shape[d] <= index < shape[d]:
        raise IndexError(
            f"select(): index {index} out of range for tensor of size {list(shape)} at "
            f"dimension {d}"
        )
    return S.SelectBackward0.apply(input, index=(slice(None),) * d + (index,))


def movedim(input, source, destination):
    nd = input._data.ndim
    src = (source,) if isinstance(source, numbers.Integral) else tuple(source)
    dst = (destination,) if isinstance(destination, numbers.Integral) else tuple(destination)
    if len(src) != len(dst):
        raise RuntimeError(
            f"movedim: Invalid source or destination dims: source ({list(src)} dims) should "
            f"contain the same number of dims as destination ({list(dst)} dims)"
        )
    s = [_wrap_dim(int(d), nd) for d in src]
    t = [_wrap_dim(int(d), nd) for d in dst]
    if len(set(s)) != len(s):
        raise RuntimeError(f"movedim: repeated dim in `source` ({list(src)})")
    if len(set(t)) != len(t):
        raise RuntimeError(f"movedim: repeated dim in `destination` ({list(dst)})")
    order = [None] * nd
    for a, b in zip(s, t, strict=True):
        order[b] = a
    rest = iter(d for d in range(nd) if d not in s)
    order = tuple(next(rest) if o is None else o for o in order)
    return permute(input, *order) if nd else permute(input)


moveaxis = movedim


def swapdims(input, dim0, dim1):
    return transpose(input, dim0, dim1)


def _unflatten_sizes(sizes):
    """PyTorch's ``Tensor.unflatten`` (Python) asks ``not sizes`` first, then its C++ half
    parses ``sizes`` as an ``int[]`` at position 2."""
    from .argtypes_shape import intlist

    if isinstance(sizes, Tensor) and sizes._data.size > 1:
        raise RuntimeError("Boolean value of Tensor with more than one value is ambiguous")
    if not sizes:
        raise RuntimeError("unflatten: sizes must be non-empty")
    return intlist("unflatten", "sizes", sizes, 2)


def unflatten(input, dim, sizes):
    shape = input._data.shape
    d = _wrap_dim(_int(dim, "unflatten", "dim", 1), len(shape))
    if sizes.__class__ is not tuple or not all(s.__class__ is int for s in sizes):
        sizes = _unflatten_sizes(sizes)
    if not sizes:
        raise RuntimeError("unflatten: sizes must be non-empty")
    n = shape[d]
    known = 1
    for s in sizes:
        if s != -1:
            known *= s
    if sizes.count(-1) > 1:
        raise RuntimeError("unflatten got an unexpected error:\nonly one dimension can be inferred")
    if (-1 not in sizes and known != n) or (-1 in sizes and (known == 0 or n % known)):
        raise RuntimeError(
            f"unflatten: Provided sizes {list(sizes)} don't multiply up to the size of dim {d} "
            f"({n}) in the input tensor"
        )
    sizes = tuple(n // known if s == -1 else s for s in sizes)
    return view(input, *shape[:d], *sizes, *shape[d + 1 :])


def _diag_geometry(shape, offset, d1, d2):
    r0, c0 = max(0, -offset), max(0, offset)
    n = max(0, min(shape[d1] - r0, shape[d2] - c0))
    return r0, c0, n


def _diag_view(a, offset, d1, d2):
    """The writable view of ``a``'s diagonal (its dim last), as PyTorch's."""
    r0, c0, n = _diag_geometry(a.shape, offset, d1, d2)
    m = np.moveaxis(a, (d1, d2), (-2, -1))
    m = m[..., r0 : r0 + n, c0 : c0 + n] if n else m[..., :0, :0]
    st = m.strides
    return np.lib.stride_tricks.as_strided(m, m.shape[:-1], (*st[:-2], st[-2] + st[-1]))


class DiagonalBackward0(Function):
    """``diagonal(a, offset, dim1, dim2)`` (a view): the gradient goes to the diagonal."""

    op, symbol = "diagonal", "diag"
    formula = "∂diagonal(a)/∂a: the gradient goes to the diagonal, 0 elsewhere"
    local = (
        Local(
            ("G on the diagonal of {0:r}, 0 elsewhere", "G 放在 {0:r} 的对角线上，其余为 0"),
            rule=True,
        ),
    )
    is_view = True

    @staticmethod
    def forward(ctx, a, offset=0, dim1=0, dim2=1):
        ctx.in_shape, ctx.geo = a.shape, (offset, dim1, dim2)
        return _diag_view(a, offset, dim1, dim2)

    @staticmethod
    def backward(ctx, g):
        offset, d1, d2 = ctx.geo
        if _is_array(g):
            z = np.zeros(ctx.in_shape, dtype=g.dtype)
            _diag_view(z, offset, d1, d2)[...] = g
            return (z,)
        r0, c0, n = _diag_geometry(ctx.in_shape, offset, d1, d2)
        index = [slice(None)] * len(ctx.in_shape)
        index[d1] = np.arange(r0, r0 + n)
        index[d2] = np.arange(c0, c0 + n)
        pos = min(d1, d2) if abs(d1 - d2) == 1 else 0  # numpy's place for the index dim
        return (S.scatter(movedim(g, -1, pos), ctx.in_shape, tuple(index)),)


def diagonal(input, offset=0, dim1=0, dim2=1):
    nd = input._data.ndim
    offset = _int(offset, "diagonal", "offset", 1)
    d1 = _wrap_dim(_int(dim1, "diagonal", "dim1", 2), nd)
    d2 = _wrap_dim(_int(dim2, "diagonal", "dim2", 3), nd)
    if d1 == d2:
        raise RuntimeError(f"diagonal dimensions cannot be identical {dim1}, {dim2}")
    return DiagonalBackward0.apply(input, offset=offset, dim1=d1, dim2=d2)


class DiagonalBackward0_copy(DiagonalBackward0):  # (PyTorch's name)
    """``torch.diag`` of a matrix: its diagonal, copied (not a view)."""

    is_view = False

    @staticmethod
    def forward(ctx, a, offset=0, dim1=0, dim2=1):
        return DiagonalBackward0.forward(ctx, a, offset, dim1, dim2).copy()


class DiagEmbedBackward0(Function):
    """``torch.diag`` of a vector: a square matrix with the vector on a diagonal."""

    op, symbol = "diag_embed", "diag"
    formula = "∂diag(v)/∂v: the diagonal of the gradient"
    local = (Local(("the diagonal of G", "G 的对角线"), rule=True),)

    @staticmethod
    def forward(ctx, v, offset=0):
        n = v.shape[0] + abs(offset)
        out = np.zeros((n, n), dtype=v.dtype)
        _diag_view(out, offset, 0, 1)[...] = v
        ctx.offset = offset
        return out

    @staticmethod
    def backward(ctx, g):
        if _is_array(g):
            return (_diag_view(g, ctx.offset, 0, 1).copy(),)
        return (DiagonalBackward0.apply(g, offset=ctx.offset, dim1=0, dim2=1),)


def diag(input, diagonal=0):
    nd = input._data.ndim
    k = _int(diagonal, "diag", "diagonal", 2)
    if nd == 1:
        return DiagEmbedBackward0.apply(input, offset=k)
    if nd != 2:
        raise RuntimeError(f"diag(): Supports 1D or 2D tensors. Got {nd}D")
    return DiagonalBackward0_copy.apply(input, offset=k, dim1=0, dim2=1)


def _m_movedim(self, source, destination):
    return movedim(self, source, destination)


class UnfoldBackward0(Function):
    """``t.unfold(dimension, size, step)`` (a view): the windows of ``size`` elements taken
    every ``step`` along ``dimension``, which becomes the window count, a new last dimension
    holding each window.  Backward: each window's gradient added back where it was read."""

    op, symbol = "unfold", "unfold"
    formula = "∂unfold(a)/∂a: each window's gradient added back at its positions"
    local = (
        Local(
            (
                "G of every window added back at its positions in {0:r}",
                "每个窗口的 G 加回 {0:r} 中它所在的位置",
            ),
            rule=True,
        ),
    )
    is_view = True

    @staticmethod
    def forward(ctx, a, dim=0, size=1, step=1):
        ctx.in_shape, ctx.geo = a.shape, (dim, size, step)
        src = a.reshape(1) if a.ndim == 0 else a
        win = np.lib.stride_tricks.sliding_window_view(src, size, axis=dim)
        index = [slice(None)] * win.ndim
        index[dim] = slice(None, None, step)
        return win[tuple(index)]

    @staticmethod
    def backward(ctx, g):
        if not _is_array(g):
            raise NotImplementedError(
                "autograd_viz: unfold's backward with create_graph=True is not implemented"
            )
        dim, size, step = ctx.geo
        shape = ctx.in_shape if ctx.in_shape else (1,)
        z = np.zeros(shape, dtype=g.dtype)
        gm = np.moveaxis(g, -1, dim + 1)
        index = [slice(None)] * len(shape)
        for k in range(g.shape[dim]):
            index[dim] = slice(k * step, k * step + size)
            z[tuple(index)] += np.take(gm, k, axis=dim)
        return (z.reshape(ctx.in_shape),)


def unfold(self, dimension, size, step):
    """``Tensor.unfold``: sliding windows along ``dimension`` (a view)."""
    nd = self._data.ndim
    dim = _wrap_dim(dimension, max(nd, 1))
    length = self._data.shape[dim] if nd else 1
    if size < 0:
        raise RuntimeError(f"size is {size} but must be >= 0")
    if size > length:
        raise RuntimeError(
            f"maximum size for tensor at dimension {dim} is {length} but size is {size}"
        )
    if step <= 0:
        raise RuntimeError(f"step is {step} but must be > 0")
    return UnfoldBackward0.apply(self, dim=dim, size=size, step=step)


for _name, _fn in (
    ("unfold", unfold),
    ("narrow", narrow),
    ("select", select),
    ("movedim", _m_movedim),
    ("moveaxis", _m_movedim),
    ("swapdims", swapdims),
    ("unflatten", unflatten),
    ("diagonal", diagonal),
    ("diag", diag),
):
    if _name not in Tensor.__dict__:
        setattr(Tensor, _name, _fn)
del _name, _fn


def _is_view(self) -> bool:
    """``t._is_view()``: ``t`` shares its base's memory (``t._base`` is that base)."""
    return self._base is not None


if "_is_view" not in Tensor.__dict__:
    Tensor._is_view = _is_view
