"""``scatter_reduce`` / ``Tensor.scatter_reduce_`` (``reduce`` = sum, prod, mean, amax,
amin; ``include_self``; one ``ScatterReduceBackward0`` whose backward is PyTorch's
``scatter_reduce_backward``), ``scatter(..., reduce='add' / 'multiply')`` (PyTorch's
deprecated form: its node is ``NotImplemented``, whose backward raises), and
``Tensor.index_add_``, with PyTorch's checks and messages."""

from __future__ import annotations

import warnings

import numpy as np

from . import api as _api
from . import creation as _creation
from .function import Function, Local
from .functional_array import _is_array
from .grad_mode import no_grad
from .tensor import Tensor, _wrap_dim

__all__ = ["scatter_reduce"]

_REDUCES = {"sum": "sum", "prod": "prod", "mean": "mean", "amax": "amax", "amin": "amin"}
_REDUCES.update({"max": "amax", "min": "amin"})  # (older names PyTorch still takes)


def _check_index_src(input, index, src):
    """The first checks of PyTorch's scatter family (index dtype, then src dtype)."""
    if not isinstance(index, Tensor) or index._data.dtype.kind not in "iu":
        raise RuntimeError("scatter(): Expected dtype int32/int64 for index")
    if isinstance(src, Tensor) and src._data.dtype != input._data.dtype:
        raise RuntimeError("scatter(): Expected self.dtype to be equal to src.dtype")


def _grid(input, dim, index, src):
    """The written positions as a tuple index (a 0-d tensor as one element)."""
    from .api_scatter import _scatter_grid

    grid = _scatter_grid("scatter", input, dim, index, src)
    if input._data.ndim == 0:
        return (np.zeros(1, dtype=np.int64),)
    return grid


def _flat(a):
    return a.reshape(1) if a.ndim == 0 else a


def _reduce(a, src, grid, reduce, include_self):
    """``a`` with ``src`` (the part the index covers) reduced into the ``grid``
    positions."""
    out = np.array(_flat(a), copy=True)
    shape = np.broadcast_shapes(*(np.shape(i) for i in grid))
    s = _flat(src)[tuple(slice(0, n) for n in shape)]
    if reduce in ("sum", "mean"):
        if not include_self:
            out[grid] = 0
        np.add.at(out, grid, s)
        if reduce == "mean":
            count = np.zeros(out.shape, dtype=np.int64)
            np.add.at(count, grid, 1)
            count += 1 if include_self else 0
            count[count == 0] = 1
            if out.dtype.kind in "iu":
                out = np.floor_divide(out, count).astype(out.dtype)
            else:
                out = (out / count).astype(out.dtype)
    elif reduce == "prod":
        if not include_self:
            out[grid] = 1
        np.multiply.at(out, grid, s)
    else:
        if not include_self:
            if out.dtype.kind == "f":
                out[grid] = -np.inf if reduce == "amax" else np.inf
            elif out.dtype.kind == "b":
                out[grid] = reduce != "amax"
            else:
                info = np.iinfo(out.dtype)
                out[grid] = info.min if reduce == "amax" else info.max
        (np.maximum if reduce == "amax" else np.minimum).at(out, grid, s)
    return out.reshape(a.shape)


class ScatterReduceBackward0(Function):
    """``a`` with ``src``'s elements reduced (sum, prod, mean, amax, amin) into the
    positions ``index`` names along ``dim``."""

    op, symbol = "scatter_reduce", "scatter_reduce"
    formula = "∂/∂a, ∂/∂src: as PyTorch's scatter_reduce_backward for the reduction"
    local = (
        Local(("G where {0:r} takes part in the reduction", "{0:r} 参与归约处的 G"), rule=True),
        Local(("G read back at the index, per the reduction", "按归约在索引处读回的 G"), rule=True),
    )

    @staticmethod
    def forward(ctx, a, src, dim=0, index=None, grid=(), reduce="sum", include_self=True):
        ctx.dim, ctx.index, ctx.reduce, ctx.include_self = dim, index, reduce, include_self
        ctx.shape_self, ctx.shape_src = a.shape, src.shape
        out = _reduce(a, src, grid, reduce, include_self)
        ctx.save_for_backward(a, src, out)
        return out

    @staticmethod
    def backward(ctx, g):
        a, src, out = ctx.saved_tensors
        if _is_array(g):
            with no_grad():
                t = [Tensor._make(np.asarray(v), False, None) for v in (g, a, src, out)]
                gs, gsrc = _sr_backward(ctx, *t)
            gs, gsrc = gs._data, gsrc._data
        else:
            gs, gsrc = _sr_backward(ctx, g, a, src, out)
        want = tuple(np.shape(getattr(src, "_data", src)))
        got = tuple(gsrc.shape)
        if got != want:
            if np.broadcast_shapes(want, got) != got:
                raise RuntimeError(
                    f"Function ScatterReduceBackward0 returned an invalid gradient at index 1 - "
                    f"got {list(got)} but expected shape compatible with {list(want)}"
                )
            from .functional_array import sum_to

            gsrc = sum_to(gsrc, want)
        return (gs if ctx.needs_input_grad[0] else None), (
            gsrc if ctx.needs_input_grad[1] else None
        )


def _sr_backward(ctx, grad, self, src, result):
    """PyTorch's ``scatter_reduce_backward`` (torch/csrc/autograd/FunctionsManual.cpp),
    written with Tensor ops: run under ``no_grad`` on constants for a plain backward, on
    the graph's tensors under ``create_graph``."""
    from .api_more import gather, masked_fill
    from .api_scatter import scatter, scatter_add

    dim, reduce = ctx.dim, ctx.reduce
    index = Tensor._make(ctx.index, False, None)
    if self._data.ndim == 0:  # as one element
        grad, self, src, result = (t.reshape(1) for t in (grad, self, src, result))
    if reduce == "sum":
        grad_self = grad
        grad_src = gather(grad, dim, index)
    elif reduce == "prod":
        masked_self = masked_fill(self, self == 0, 1)
        masked_self_result = scatter_reduce(
            masked_self, dim, index, src, reduce, include_self=ctx.include_self
        )
        grad_self = grad * masked_self_result / masked_self
        src_zero = src == 0
        src_num_zeros = gather(
            scatter_add(_creation.zeros_like(self), dim, index, src_zero.to(self.dtype)), dim, index
        )
        src_single_zero = src_zero & (src_num_zeros == 1)
        masked_src = masked_fill(src, src_single_zero, 1)
        masked_src_result = scatter_reduce(
            self, dim, index, masked_src, reduce, include_self=ctx.include_self
        )
        grad_src = _api.where(
            src_single_zero,
            gather(grad * masked_src_result, dim, index),
            gather(grad * result, dim, index) / masked_fill(src, src_zero, 1),
        )
    elif reduce == "mean":
        n = _creation.ones_like(grad) if ctx.include_self else _creation.zeros_like(grad)
        n = scatter_add(n, dim, index, _creation.ones_like(src))
        n = masked_fill(n, n == 0, 1)
        grad_self = grad / n
        grad_src = gather(grad, dim, index) / gather(n, dim, index)
    else:  # amax / amin: shared evenly among the elements equal to the result
        value = gather(result, dim, index)
        self_is = (self == result).to(self.dtype)
        src_is = (src == value).to(self.dtype)
        n = scatter_add(self_is, dim, index, src_is)
        grad_distributed = grad / n
        grad_self = (self == result) * grad_distributed
        grad_src = (src == value) * gather(grad_distributed, dim, index)
    if not ctx.include_self:
        grad_self = scatter(grad_self, dim, index, value=0)
    if not ctx.shape_self:  # back to 0-d
        return grad_self.reshape(()), grad_src.reshape(ctx.shape_src)
    return grad_self, grad_src


def _sr_args(fn, input, dim, index, src, reduce, include_self, first):
    from .api_select import _int, _tname

    _api._check_tensor(input, fn)
    dim = _int(fn, "dim", dim, first)
    if not isinstance(index, Tensor):
        raise TypeError(
            f"{fn}(): argument 'index' (position {first + 1}) must be Tensor, not {_tname(index)}"
        )
    if not isinstance(src, Tensor):
        raise TypeError(
            f"{fn}(): argument 'src' (position {first + 2}) must be Tensor, not {_api._pytype(src)}"
        )
    if not isinstance(reduce, str):
        raise TypeError(
            f"{fn}(): argument 'reduce' (position {first + 3}) must be str, not "
            f"{_api._pytype(reduce)}"
        )
    if not isinstance(include_self, bool):
        raise TypeError(f"{fn}(): argument 'include_self' must be bool, not {_tname(include_self)}")
    _wrap_dim(dim, max(input._data.ndim, 1))
    _wrap_dim(dim, max(src._data.ndim, 1))  # (PyTorch checks dim against src too)
    _check_index_src(input, index, src)
    if reduce not in _REDUCES:
        raise RuntimeError(
            f"reduce argument must be either sum, prod, mean, amax or amin, got {reduce}"
        )
    _check_src_dims(input, index, src)
    return _REDUCES[reduce]


def _check_src_dims(input, index, src):
    """PyTorch's shape check: src has the index's number of dims (checked after self's)."""
    a, i = input._data, index._data
    nd = max(i.ndim, 1)
    if isinstance(src, Tensor) and i.size and max(a.ndim, 1) == nd != max(src._data.ndim, 1):
        raise RuntimeError("Index tensor must have the same number of dimensions as src tensor")


def _apply(input, dim, index, src, reduce, include_self):
    grid = _grid(input, dim, index, src)
    d = _wrap_dim(int(dim), max(input._data.ndim, 1))
    idx = _flat(index._data)
    return ScatterReduceBackward0.apply(
        input, src, dim=d, index=idx, grid=grid, reduce=reduce, include_self=include_self
    )


_MISSING = object()


def _missing_reduce(reduce):
    if reduce is _MISSING:
        raise TypeError('scatter_reduce() missing 1 required positional arguments: "reduce"')


def scatter_reduce(input, dim, index, src, reduce=_MISSING, *, include_self=True):
    """``input`` with ``src``'s elements reduced into the positions ``index`` names along
    ``dim`` (``include_self=False``: those positions' own values left out)."""
    _missing_reduce(reduce)
    reduce = _sr_args("scatter_reduce", input, dim, index, src, reduce, include_self, 2)
    return _apply(input, dim, index, src, reduce, include_self)


def _m_scatter_reduce(self, dim, index, src, reduce=_MISSING, *, include_self=True):
    _missing_reduce(reduce)
    reduce = _sr_args("scatter_reduce", self, dim, index, src, reduce, include_self, 1)
    return _apply(self, dim, index, src, reduce, include_self)


def _m_scatter_reduce_(self, dim, index, src, reduce=_MISSING, *, include_self=True):
    from .api_scatter import _inplace_with

    _missing_reduce(reduce)
    reduce = _sr_args("scatter_reduce_", self, dim, index, src, reduce, include_self, 1)
    _grid(self, dim, index, src)
    return _inplace_with(
        self,
        "scatter_reduce_",
        lambda old: _apply(old, dim, index, src, reduce, include_self),
        src,
    )


# ---------------------------------------------------------------------- scatter(reduce=)


class _NotImplementedNode(Function):
    """PyTorch's ``NotImplemented`` node: ``scatter`` with ``reduce=`` has no derivative."""

    op, symbol = "scatter", "scatter"
    formula = "no derivative (PyTorch does not implement it)"
    local = (
        Local(("not implemented in PyTorch", "PyTorch 未实现"), rule=True),
        Local(("not implemented in PyTorch", "PyTorch 未实现"), rule=True),
    )

    @staticmethod
    def forward(ctx, a, src, grid=(), reduce="sum"):
        return _reduce(a, src, grid, reduce, True)

    @staticmethod
    def backward(ctx, g):
        raise RuntimeError("derivative for aten::scatter is not implemented")

    def name(self) -> str:
        return "torch::autograd::NotImplemented"


_NotImplementedNode.__name__ = _NotImplementedNode.__qualname__ = "NotImplemented"

_WARNED = [False]
_DEPRECATED = (
    "The reduce argument of torch.scatter with Tensor src is deprecated and will be removed in "
    "a future PyTorch release. Use torch.scatter_reduce instead for more reduction options. "
    "(Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/"
    "TensorAdvancedIndexing.cpp:225.)"
)


def scatter_with_reduce(input, dim, index, src, reduce):
    """``scatter(input, dim, index, src or value, reduce='add' | 'multiply')``: the result
    has a ``NotImplemented`` grad_fn (its backward raises, as PyTorch's).  Only the inputs
    that require grad get edges."""
    _check_index_src(input, index, src)
    if reduce not in ("add", "multiply"):
        raise RuntimeError("reduce argument must be either add or multiply.")
    _check_src_dims(input, index, src)
    grid = _grid(input, dim, index, src if isinstance(src, Tensor) else None)
    if isinstance(src, Tensor):
        if not _WARNED[0]:
            _WARNED[0] = True
            warnings.warn(_DEPRECATED, UserWarning, stacklevel=3)
        vals = src._data
    else:
        shape = np.broadcast_shapes(*(np.shape(i) for i in grid))
        vals = np.full(shape, src, dtype=input._data.dtype)
    red = "sum" if reduce == "add" else "prod"
    ins = [t for t in (input, src) if isinstance(t, Tensor) and t._requires_grad]
    arr = _reduce(input._data, vals, grid, red, True)
    from .grad_mode import STATE

    if not (STATE.enabled and ins):
        return Tensor._make(arr, False, None)
    # one slot per input that requires grad, as PyTorch's NotImplemented node
    if len(ins) == 2:
        return _NotImplementedNode.apply(input, src, grid=grid, reduce=red)
    return _NotImplementedOne.apply(ins[0], value=arr)


class _NotImplementedOne(_NotImplementedNode):
    local = (Local(("not implemented in PyTorch", "PyTorch 未实现"), rule=True),)

    @staticmethod
    def forward(ctx, a, value=None):
        return np.array(value, copy=True)


_NotImplementedOne.__name__ = _NotImplementedOne.__qualname__ = "NotImplemented"


# ---------------------------------------------------------------------- index_add_


def _m_index_add_(self, dim, index, source, *, alpha=1):
    from .api_scatter import _inplace_with, index_add

    _api._check_tensor(source, "index_add_", "source", 3)
    return _inplace_with(
        self, "index_add_", lambda old: index_add(old, dim, index, source, alpha=alpha), source
    )


for _fn, _name in ((_m_scatter_reduce, "scatter_reduce"), (_m_scatter_reduce_, "scatter_reduce_")):
    _fn.__name__ = _fn.__qualname__ = _name  # (Python's own argument errors name it)

for _name, _fn in (
    ("scatter_reduce", _m_scatter_reduce),
    ("scatter_reduce_", _m_scatter_reduce_),
    ("index_add_", _m_index_add_),
):
    if _name not in Tensor.__dict__:
        setattr(Tensor, _name, _fn)
del _name, _fn
