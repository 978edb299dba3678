"""``F.affine_grid`` (2-D: ``AffineGridGeneratorBackward0``, the base grid times θᵀ) and
``F.grid_sample`` (4-D input, modes ``bilinear`` / ``nearest``, padding modes ``zeros`` /
``border`` / ``reflection``, ``align_corners``: one ``GridSampler2DBackward0`` node with
slots input and grid), PyTorch's source-index formulas (``grid_sampler_compute_source_index``
and its gradient factors), warnings and argument errors.  ``bicubic`` mode, 3-D (5-D
input) sampling and second derivatives through ``grid_sample`` are not implemented (a
clear ``NotImplementedError``)."""

from __future__ import annotations

import warnings

import numpy as np

from ..engine import api as _api
from ..engine.function import Function, Local
from ..engine.functional_array import _is_array
from ..engine.tensor import Tensor
from .layers import _tensor_arg

__all__ = ["affine_grid", "grid_sample"]

_DEFAULT_WARNING = (
    "Default grid_sample and affine_grid behavior has changed to align_corners=False since "
    "1.3.0. Please specify align_corners=True if the old behavior is desired. See the "
    "documentation of grid_sample for details."
)


# ---------------------------------------------------------------------------------------
# affine_grid


def _linspace(n, align_corners, dt):
    if n <= 1:
        return np.zeros(max(n, 0), dtype=dt)
    r = np.linspace(-1, 1, n, dtype=np.float64).astype(dt)
    if not align_corners:
        r = (r * dt(n - 1) / dt(n)).astype(dt)
    return r


def _base_grid(h, w, align_corners, dt):
    """(H·W, 3): x, y, 1 for every output position, row-major."""
    xs = _linspace(w, align_corners, dt)
    ys = _linspace(h, align_corners, dt)
    base = np.empty((h, w, 3), dtype=dt)
    base[..., 0] = xs[None, :]
    base[..., 1] = ys[:, None]
    base[..., 2] = 1
    return base.reshape(h * w, 3)


class AffineGridGeneratorBackward0(Function):
    op, symbol = "affine_grid", "grid"
    formula = "grid = base · θᵀ; ∂/∂θ = (baseᵀ · G)ᵀ"
    local = (Local(("(baseᵀ · G)ᵀ, base the grid of (x, y, 1)", "(baseᵀ · G)ᵀ"), rule=True),)

    @staticmethod
    def forward(ctx, theta, size=(), align_corners=False):
        n, _, h, w = size
        base = _base_grid(h, w, align_corners, theta.dtype.type)
        ctx.base, ctx.hw = base, (h, w)
        return np.matmul(base[None], theta.transpose(0, 2, 1)).reshape(n, h, w, 2)

    @staticmethod
    def backward(ctx, g):
        if not ctx.needs_input_grad[0]:
            return (None,)
        h, w = ctx.hw
        if _is_array(g):
            gg = g.reshape(g.shape[0], h * w, 2)
            return (np.matmul(ctx.base.T[None], gg).transpose(0, 2, 1),)
        gg = _api.reshape(g, (g.shape[0], h * w, 2))
        base_t = Tensor._make(np.ascontiguousarray(ctx.base.T).astype(g._data.dtype))
        return (_api.transpose(_api.matmul(base_t, gg), 1, 2),)


def affine_grid(theta, size, align_corners=None):
    """The sampling grid (N, H, W, 2) of the 2-D affine maps θ (N, 2, 3)."""
    _tensor_arg(theta, "affine_grid")
    if align_corners is None:
        warnings.warn(_DEFAULT_WARNING, stacklevel=2)
        align_corners = False
    if theta._data.dtype.kind != "f":
        raise ValueError(f"Expected theta to have floating point type, but got {theta.dtype}")
    size = tuple(int(v) for v in size) if not isinstance(size, tuple) else size
    if len(size) == 4:
        if theta.dim() != 3 or theta.shape[-2] != 2 or theta.shape[-1] != 3:
            raise ValueError(
                "Expected a batch of 2D affine matrices of shape Nx2x3 for size "
                f"{size}. Got {theta.shape}."
            )
        spatial = size[-2:]
    elif len(size) == 5:
        if theta.dim() != 3 or theta.shape[-2] != 3 or theta.shape[-1] != 4:
            raise ValueError(
                "Expected a batch of 3D affine matrices of shape Nx3x4 for size "
                f"{size}. Got {theta.shape}."
            )
        raise NotImplementedError("autograd_viz: affine_grid for 3-D (5-D sizes) is not supported")
    else:
        raise NotImplementedError(
            "affine_grid only supports 4D and 5D sizes, for 2D and 3D affine transforms, "
            f"respectively. Got size {size}."
        )
    if align_corners and min(spatial) == 1:
        warnings.warn(
            "Since version 1.3.0, affine_grid behavior has changed for unit-size grids when "
            "align_corners=True. This is not an intended use case of affine_grid. See the "
            "documentation of affine_grid for details.",
            stacklevel=2,
        )
    elif min(size) <= 0:
        raise ValueError(f"Expected non-zero, positive output size. Got {size}")
    if theta.shape[0] != size[0]:
        raise RuntimeError(
            "Expected size for first two dimensions of batch2 tensor to be: "
            f"[{size[0]}, 3] but got: [{theta.shape[0]}, 3]."
        )
    return AffineGridGeneratorBackward0.apply(
        theta, size=tuple(size), align_corners=bool(align_corners)
    )


# ---------------------------------------------------------------------------------------
# grid_sample


def _clip(c, size):
    """PyTorch's clip_coordinates_set_grad: the value and its derivative."""
    lim = size - 1
    out = np.clip(c, 0, lim)
    grad = ((c > 0) & (c < lim)).astype(c.dtype)
    return out.astype(c.dtype), grad


def _reflect(c, twice_low, twice_high):
    if twice_low == twice_high:
        return np.zeros_like(c), np.zeros_like(c)
    dt = c.dtype.type
    lo = dt(twice_low / 2)
    span = dt((twice_high - twice_low) / 2)
    c = c - lo
    mult = np.where(c < 0, dt(-1), dt(1))
    c = np.abs(c)
    extra = np.fmod(c, span)
    flips = np.floor(c / span).astype(np.int64)
    even = flips % 2 == 0
    out = np.where(even, extra + lo, span - extra + lo).astype(c.dtype)
    grad = np.where(even, mult, -mult).astype(c.dtype)
    return out, grad


def _source(coord, size, padding_mode, align_corners):
    """Input positions of the grid's coordinates and d(position)/d(coordinate)."""
    dt = coord.dtype.type
    if align_corners:
        grad = np.full_like(coord, dt(size - 1) / dt(2))
        c = ((coord + dt(1)) / dt(2)) * dt(size - 1)
    else:
        grad = np.full_like(coord, dt(size) / dt(2))
        c = ((coord + dt(1)) * dt(size) - dt(1)) / dt(2)
    if padding_mode == "border":
        c, gc = _clip(c, size)
        grad = grad * gc
    elif padding_mode == "reflection":
        if align_corners:
            c, gr = _reflect(c, 0, 2 * (size - 1))
        else:
            c, gr = _reflect(c, -1, 2 * size - 1)
        c, gc = _clip(c, size)
        grad = grad * gr * gc
    return c.astype(coord.dtype), grad.astype(coord.dtype)


def _taps(x, iy, ix):
    """x (N, C, H, W) at integer positions (N, Ho, Wo): (N, C, Ho, Wo), 0 outside, and the
    in-bounds mask."""
    n, _, h, w = x.shape
    ok = (ix >= 0) & (ix < w) & (iy >= 0) & (iy < h)
    yy, xx = np.where(ok, iy, 0), np.where(ok, ix, 0)
    b = np.arange(n)[:, None, None]
    vals = x[b, :, yy, xx]  # (N, Ho, Wo, C)
    vals = np.where(ok[..., None], vals, 0).transpose(0, 3, 1, 2)
    return vals, ok


def _add_taps(gx, iy, ix, ok, contrib):
    """Scatter-add ``contrib`` (N, C, Ho, Wo) at the in-bounds positions."""
    c = gx.shape[1]
    nb, ho, wo = np.nonzero(ok)
    vals = contrib[nb, :, ho, wo]  # (K, C)
    np.add.at(
        gx,
        (nb[:, None], np.arange(c)[None, :], iy[nb, ho, wo][:, None], ix[nb, ho, wo][:, None]),
        vals,
    )


def _plan(grid, h, w, padding_mode, align_corners):
    ix, gmx = _source(grid[..., 0], w, padding_mode, align_corners)
    iy, gmy = _source(grid[..., 1], h, padding_mode, align_corners)
    return ix, iy, gmx, gmy


class GridSampler2DBackward0(Function):
    op, symbol = "grid_sampler_2d", "sample"
    formula = (
        "∂/∂input: G spread to the 4 (1) sampled neighbours with the bilinear weights; "
        "∂/∂grid: G · the slope of the interpolation, × the coordinate scale"
    )
    local = (
        Local(
            (
                "G spread onto the neighbours of each sampled point of {0:r} (bilinear weights)",
                "G 按双线性权重分到 {0:r} 中各采样点的邻居",
            ),
            rule=True,
        ),
        Local(
            (
                "G · ∂(interpolated value)/∂(x, y) × the grid's scale (0 for nearest)",
                "G · ∂(插值)/∂(x, y) × 网格的缩放（nearest 为 0）",
            ),
            rule=True,
        ),
    )

    @staticmethod
    def forward(ctx, x, grid, mode="bilinear", padding_mode="zeros", align_corners=False):
        ctx.conf = (mode, padding_mode, align_corners)
        ctx.save_for_backward(x, grid)
        h, w = x.shape[2:]
        ix, iy, _, _ = _plan(grid, h, w, padding_mode, align_corners)
        if mode == "nearest":
            vals, _ = _taps(x, np.rint(iy).astype(np.int64), np.rint(ix).astype(np.int64))
            return np.ascontiguousarray(vals, dtype=x.dtype)
        x0, y0 = np.floor(ix), np.floor(iy)
        x1, y1 = x0 + 1, y0 + 1
        out = np.zeros((x.shape[0], x.shape[1], *grid.shape[1:3]), dtype=x.dtype)
        for yy, xx, wgt in (
            (y0, x0, (x1 - ix) * (y1 - iy)),
            (y0, x1, (ix - x0) * (y1 - iy)),
            (y1, x0, (x1 - ix) * (iy - y0)),
            (y1, x1, (ix - x0) * (iy - y0)),
        ):
            vals, _ = _taps(x, yy.astype(np.int64), xx.astype(np.int64))
            out += vals * wgt[:, None].astype(x.dtype)
        return out

    @staticmethod
    def backward(ctx, g):
        if not _is_array(g):
            raise NotImplementedError(
                "autograd_viz: second derivatives through grid_sample (create_graph=True) are "
                "not implemented"
            )
        x, grid = ctx.saved_tensors
        mode, padding_mode, align_corners = ctx.conf
        need = ctx.needs_input_grad
        h, w = x.shape[2:]
        ix, iy, gmx, gmy = _plan(grid, h, w, padding_mode, align_corners)
        gx = np.zeros_like(x) if need[0] else None
        if mode == "nearest":
            if need[0]:
                nx, ny = np.rint(ix).astype(np.int64), np.rint(iy).astype(np.int64)
                _, ok = _taps(x[:, :1], ny, nx)
                _add_taps(gx, ny, nx, ok, g)
            return gx, (np.zeros_like(grid) if need[1] else None)
        x0, y0 = np.floor(ix), np.floor(iy)
        x1, y1 = x0 + 1, y0 + 1
        gix = np.zeros(ix.shape, dtype=x.dtype)
        giy = np.zeros(iy.shape, dtype=x.dtype)
        for yy, xx, wgt, dwx, dwy in (
            (y0, x0, (x1 - ix) * (y1 - iy), -(y1 - iy), -(x1 - ix)),
            (y0, x1, (ix - x0) * (y1 - iy), (y1 - iy), -(ix - x0)),
            (y1, x0, (x1 - ix) * (iy - y0), -(iy - y0), (x1 - ix)),
            (y1, x1, (ix - x0) * (iy - y0), (iy - y0), (ix - x0)),
        ):
            yi, xi = yy.astype(np.int64), xx.astype(np.int64)
            vals, ok = _taps(x, yi, xi)
            if need[0]:
                _add_taps(gx, yi, xi, ok, g * wgt[:, None].astype(x.dtype))
            if need[1]:
                s = (vals * g).sum(axis=1)
                gix += s * dwx
                giy += s * dwy
        gg = None
        if need[1]:
            gg = np.stack([gix * gmx, giy * gmy], axis=-1).astype(grid.dtype)
        return gx, gg


def grid_sample(input, grid, mode="bilinear", padding_mode="zeros", align_corners=None):
    """Sample ``input`` (N, C, H, W) at the normalised positions ``grid`` (N, Ho, Wo, 2)."""
    _tensor_arg(input, "grid_sampler")
    _tensor_arg(grid, "grid_sampler", "grid", 2)
    if mode not in ("bilinear", "nearest", "bicubic"):
        raise ValueError(
            "nn.functional.grid_sample(): expected mode to be 'bilinear', 'nearest' or "
            f"'bicubic', but got: '{mode}'"
        )
    if padding_mode not in ("zeros", "border", "reflection"):
        raise ValueError(
            "nn.functional.grid_sample(): expected padding_mode to be 'zeros', 'border', or "
            f"'reflection', but got: '{padding_mode}'"
        )
    if align_corners is None:
        warnings.warn(_DEFAULT_WARNING, stacklevel=2)
        align_corners = False
    x, gr = input._data, grid._data
    if x.dtype != gr.dtype:
        raise RuntimeError(
            f"expected scalar type {_api._scalar_type_name(x.dtype)} but found "
            f"{_api._scalar_type_name(gr.dtype)}"
        )
    if x.shape[0] != gr.shape[0]:
        raise RuntimeError(
            "grid_sampler(): expected grid and input to have same batch size, but got input "
            f"with sizes {list(x.shape)} and grid with sizes {list(gr.shape)}"
        )
    if gr.shape[-1] != x.ndim - 2:
        raise RuntimeError(
            f"grid_sampler(): expected grid to have size {x.ndim - 2} in last dimension, but "
            f"got grid with sizes {list(gr.shape)}"
        )
    for i in range(2, x.ndim):
        if x.shape[i] <= 0:
            raise RuntimeError(
                "grid_sampler(): expected input to have non-empty spatial dimensions, but "
                f"input has sizes {list(x.shape)} with dimension {i} being empty"
            )
    want = 4 if x.ndim == 4 else 5
    if not (x.ndim == want and gr.ndim == want):
        raise RuntimeError(
            f"grid_sampler(): expected {want}D input and grid with same number of dimensions, "
            f"but got input with sizes {list(x.shape)} and grid with sizes {list(gr.shape)}"
        )
    if want == 5:
        raise NotImplementedError(
            "autograd_viz: grid_sample of 5-D (volumetric) input is not supported"
        )
    if mode == "bicubic":
        raise NotImplementedError("autograd_viz: grid_sample mode 'bicubic' is not supported")
    return GridSampler2DBackward0.apply(
        input, grid, mode=mode, padding_mode=padding_mode, align_corners=bool(align_corners)
    )


def _register():
    from . import functional as _functional

    for fn in (affine_grid, grid_sample):
        if not hasattr(_functional, fn.__name__):
            setattr(_functional, fn.__name__, fn)


_register()
