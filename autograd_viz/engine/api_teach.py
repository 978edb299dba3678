"""Functions teaching material calls that the other api modules do not cover yet.

``meshgrid``: each output is a view of one input (``ViewBackward0``) expanded to the grid
(``ExpandBackward0``), as PyTorch builds it.
"""

from __future__ import annotations

import warnings

from .tensor import Tensor

__all__ = ["meshgrid", "repeat_interleave"]

_MESHGRID_WARNING = (
    "torch.meshgrid: in an upcoming release, it will be required to pass the indexing argument."
)


def meshgrid(*tensors, indexing=None):
    """``torch.meshgrid(*tensors, indexing='ij'|'xy')``: coordinate grids (views)."""
    if len(tensors) == 1 and isinstance(tensors[0], (list, tuple)):
        tensors = tuple(tensors[0])
    for i, x in enumerate(tensors):
        if not isinstance(x, Tensor):
            raise TypeError(
                f"expected Tensor as element {i} in argument 0, but got {type(x).__name__}"
            )
    if indexing is None:
        warnings.warn(_MESHGRID_WARNING, UserWarning, stacklevel=2)
        indexing = "ij"
    if not tensors:
        raise RuntimeError("meshgrid expects a non-empty TensorList")
    if indexing not in ("ij", "xy"):
        raise RuntimeError(
            f'torch.meshgrid: indexing must be one of "xy" or "ij", but received: {indexing}'
        )
    for x in tensors:
        if x.dim() > 1:
            raise RuntimeError(
                "torch.meshgrid: Expected 0D or 1D tensor in the tensor list but got: " + str(x)
            )
    dt = tensors[0].dtype
    for x in tensors[1:]:
        if x.dtype != dt:
            raise RuntimeError("meshgrid expects all tensors to have the same dtype")
    order = list(range(len(tensors)))
    if indexing == "xy" and len(tensors) >= 2:
        order[0], order[1] = 1, 0  # 'xy': the first two axes of the grid are swapped
    sizes = [x.numel() for x in tensors]
    out_shape = tuple(sizes[k] for k in order)
    grids = []
    for i, x in enumerate(tensors):
        pos = order.index(i)
        shape = [1] * len(tensors)
        shape[pos] = -1
        grids.append(x.view(*shape).expand(*out_shape))
    return tuple(grids)


# ---------------------------------------------------------------------- out=

_RESIZED = (
    "An output with one or more elements was resized since it had shape {old}, which does not "
    "match the required output shape {new}. This behavior is deprecated, and in a future "
    "PyTorch release outputs will not be resized unless they have zero elements. You can "
    "explicitly reuse an out tensor t by resizing it, inplace, to zero elements with "
    "t.resize_(0)."
)


def _tensors_in(args):
    for a in args:
        if isinstance(a, Tensor):
            yield a
        elif isinstance(a, (list, tuple)):
            yield from _tensors_in(a)


def with_out(fn, name=None, differentiable=True):
    """``fn`` taking PyTorch's ``out=`` keyword: the result written into ``out`` (resized
    with PyTorch's warning when its shape differs, cast to its dtype when PyTorch allows
    it) and ``out`` returned; with grad mode on and an argument that requires grad,
    PyTorch's error (``differentiable`` ops only: comparisons write bools without it).
    Without ``out=``, ``fn`` itself runs (Tensor methods and operators never come here)."""
    import functools

    import numpy as np

    from . import api as _api
    from .grad_mode import STATE, no_grad

    opname = name or fn.__name__

    @functools.wraps(fn)
    def _into_out(*args, out=None, **kwargs):
        if out is None:
            return fn(*args, **kwargs)
        if not isinstance(out, Tensor):
            raise TypeError(f"{opname}(): argument 'out' must be Tensor, not {type(out).__name__}")
        if (
            differentiable
            and STATE.enabled
            and (
                out.requires_grad
                or any(t.requires_grad for t in _tensors_in((args, kwargs.values())))
            )
        ):
            raise RuntimeError(
                f"{opname}(): functions with out=... arguments don't support automatic "
                "differentiation, but one of the arguments requires grad."
            )
        with no_grad():
            res = fn(*args, **kwargs)
        rt, ot = res._data.dtype, out._data.dtype
        if _api._CAT[rt.kind] > _api._CAT[ot.kind]:
            raise RuntimeError(
                f"result type {_api._scalar_type_name(rt)} can't be cast to the desired output "
                f"type {_api._scalar_type_name(ot)}"
            )
        if out._data.shape != res._data.shape:
            if out._data.size:
                warnings.warn(
                    _RESIZED.format(old=list(out._data.shape), new=list(res._data.shape)),
                    UserWarning,
                    stacklevel=2,
                )
            out._data = np.empty(res._data.shape, dtype=ot)
        out._data[...] = res._data
        out._vbox[0] += 1
        return out

    return _into_out


#: torch functions that take ``out=``: name -> (PyTorch's name in its messages, differentiable)
OUT_FUNCTIONS = {
    **{
        n: (n, True)
        for n in [
            "add",
            "sub",
            "mul",
            "div",
            "floor_divide",
            "remainder",
            "pow",
            "matmul",
            "mm",
            "bmm",
            "mv",
            "dot",
            "outer",
            "addmm",
            "exp",
            "exp2",
            "expm1",
            "log",
            "log2",
            "log10",
            "log1p",
            "sin",
            "cos",
            "tan",
            "asin",
            "acos",
            "atan",
            "atan2",
            "sinh",
            "cosh",
            "tanh",
            "sigmoid",
            "sqrt",
            "rsqrt",
            "square",
            "abs",
            "neg",
            "reciprocal",
            "sign",
            "floor",
            "ceil",
            "round",
            "trunc",
            "frac",
            "clamp",
            "maximum",
            "minimum",
            "sum",
            "mean",
            "prod",
            "cumsum",
            "cat",
            "stack",
            "where",
            "erf",
        ]
    },
    "concat": ("cat", True),
    "concatenate": ("cat", True),
    "clip": ("clamp", True),
    "negative": ("neg", True),
    "true_divide": ("div", True),
    "arcsin": ("asin", True),
    "arccos": ("acos", True),
    "arctan": ("atan", True),
    "arctan2": ("atan2", True),
    **{
        n: (n, False)
        for n in ["eq", "ne", "lt", "le", "gt", "ge", "logical_and", "logical_or", "logical_not"]
    },
    "greater": ("gt", False),
    "greater_equal": ("ge", False),
    "less": ("lt", False),
    "less_equal": ("le", False),
    "not_equal": ("ne", False),
}


# ---------------------------------------------------------------------- repeat_interleave

_RI_SIGS = (
    " * (Tensor input, Tensor repeats, int dim = None, *, int output_size = None)\n"
    " * (Tensor repeats, *, int output_size = None)\n"
    " * (Tensor input, int repeats, int dim = None, *, int output_size = None)\n"
)


def _repeat_counts(r):
    """The int64 counts of a repeats tensor, checked as PyTorch checks them."""
    import numpy as np

    from .api import _scalar_type_name

    if r._data.dtype.kind not in "iu":
        raise NotImplementedError(
            f"\"repeat_interleave_cpu\" not implemented for '{_scalar_type_name(r._data.dtype)}'"
        )
    if r._data.ndim > 1:
        raise RuntimeError("repeats must be 0-dim or 1-dim tensor")
    counts = np.asarray(r._data, dtype=np.int64).reshape(-1)
    if (counts < 0).any():
        raise RuntimeError("repeats can not be negative")
    return counts


def repeat_interleave(input, repeats=None, dim=None, *, output_size=None):
    """``torch.repeat_interleave``: int repeats as PyTorch builds them (unsqueeze, expand,
    clone, view: ``ViewBackward0``), tensor repeats by ``index_select``
    (``IndexSelectBackward0``); ``repeat_interleave(repeats)`` alone gives the indices."""
    import numbers

    import numpy as np

    from .api_more import index_select as _index_select
    from .tensor import _wrap_dim

    if repeats is None:  # torch.repeat_interleave(repeats): the indices 0, 0, 1, ...
        counts = _repeat_counts(input)
        return Tensor._make(np.repeat(np.arange(counts.size, dtype=np.int64), counts))
    if isinstance(repeats, Tensor):
        counts = _repeat_counts(repeats)
        x = input.flatten() if dim is None else input
        d = 0 if dim is None else _wrap_dim(dim, input.dim())
        n = x.shape[d]
        if counts.size == 1:
            counts = np.full(n, counts[0], dtype=np.int64)
        elif counts.size != n:
            raise RuntimeError(
                "repeats must have the same size as input along dim, but got repeats.size(0) = "
                f"{counts.size} and input.size({d}) = {n}"
            )
        idx = Tensor._make(np.repeat(np.arange(n, dtype=np.int64), counts))
        return _index_select(x, d, idx)
    if isinstance(repeats, bool) or not isinstance(repeats, numbers.Integral):
        raise TypeError(
            "repeat_interleave() received an invalid combination of arguments - got (Tensor, "
            f"{type(repeats).__name__}), but expected one of:\n" + _RI_SIGS
        )
    if repeats < 0:
        raise RuntimeError("Repeats must be non-negative")
    x = input.flatten() if dim is None else input
    d = 0 if dim is None else _wrap_dim(dim, x.dim())
    u = x.unsqueeze(d + 1)
    shape = list(x.shape)
    e = u.expand(*shape[: d + 1], int(repeats), *shape[d + 1 :]).clone()
    return e.view(*shape[:d], shape[d] * int(repeats), *shape[d + 1 :])


def _m_repeat_interleave(self, repeats, dim=None, *, output_size=None):
    return repeat_interleave(self, repeats, dim, output_size=output_size)


Tensor.repeat_interleave = _m_repeat_interleave
