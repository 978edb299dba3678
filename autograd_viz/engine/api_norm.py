"""Norms as PyTorch computes them: ``torch.linalg.vector_norm`` (any order: inf, -inf,
0, 1, 2, fractional, negative; one ``LinalgVectorNormBackward0``),
``torch.linalg.matrix_norm`` ('fro', 'nuc', 1, -1, inf, -inf, 2, -2, built from the ops
PyTorch's C++ builds them from), ``torch.linalg.norm``, ``torch.linalg.svdvals``
(``LinalgSvdBackward0``) and ``torch.norm`` / ``Tensor.norm`` (which dispatch to them as
``torch/functional.py`` does)."""

from __future__ import annotations

import math
import numbers
import weakref

import numpy as np

from . import api as _api
from . import api_more as _more
from .dtypes import to_numpy_dtype
from .function import Function, Local
from .functional_array import _is_array
from .ops import extra as X
from .tensor import Tensor, _wrap_dim

__all__ = ["matrix_norm", "norm", "svdvals", "vector_norm"]


def _type_name(npd):
    return _api._scalar_type_name(npd)


def _fmt_ord(o):
    if isinstance(o, str):
        return o
    o = float(o)
    return f"{o:g}" if not o.is_integer() or math.isinf(o) else str(int(o))


def _norm_dims(dim, ndim):
    """``dim`` as a tuple of wrapped dims (None or [] = all), PyTorch's duplicate check."""
    if dim is None:
        return tuple(range(ndim))
    if isinstance(dim, numbers.Integral) and not isinstance(dim, bool):
        dim = (dim,)
    dims = [_wrap_dim(int(d), ndim) for d in dim]
    if not dims:
        return tuple(range(ndim))
    seen = set()
    for d in dims:
        if d in seen:
            raise RuntimeError(f"dim {d} appears multiple times in the list of dims")
        seen.add(d)
    return tuple(sorted(dims))


def _check_dtype(dtype, name):
    npd = to_numpy_dtype(dtype)
    if npd is not None and np.dtype(npd).kind not in "fc":
        raise RuntimeError(
            f"{name}: dtype should be floating point or complex, but got {_type_name(npd)}"
        )
    return npd


def _check_float(a, name):
    if a.dtype.kind not in "fc":
        raise RuntimeError(
            f"{name}: Expected a floating point or complex tensor as input. Got "
            f"{_type_name(a.dtype)}"
        )


def vector_norm(x, ord=2, dim=None, keepdim=False, *, dtype=None, out=None):
    """``torch.linalg.vector_norm``: one ``LinalgVectorNormBackward0`` (a ``dtype`` casts
    the input inside the op, no node of its own)."""
    _api._check_tensor(x, "linalg_vector_norm")
    if isinstance(ord, Tensor) and ord.ndim == 0:  # (PyTorch's Number takes a 0-d tensor)
        ord = ord.item()
    if type(ord) is complex:
        raise RuntimeError(
            "linalg.vector_norm: Expected a non-complex scalar as the order of norm."
        )
    if not (
        dim is None
        or dim.__class__ is int
        or (dim.__class__ in (tuple, list) and all(e.__class__ is int for e in dim))
    ):
        from .argtypes import fail, signatures

        sig = signatures(
            "(Tensor input, Number ord = 2, tuple of ints? dim = None, bool keepdim = False, *, "
            "torch.dtype dtype = None, Tensor out = None)"
        )
        fail("linalg_vector_norm", sig, (x, ord, dim), {})
        dim = [int(e) for e in dim] if isinstance(dim, tuple | list) else int(dim)
    if isinstance(ord, str) or not isinstance(ord, numbers.Real):
        raise TypeError(
            "linalg_vector_norm(): argument 'ord' (position 2) must be Number, not "
            f"{type(ord).__name__}"
        )
    a = x._data
    _check_float(a, "linalg.vector_norm")
    npd = _check_dtype(dtype, "linalg.vector_norm")
    dims = _norm_dims(dim, a.ndim)
    p = float(ord)
    if p < 0 or math.isinf(p):
        if a.size == 0 and dim is None:
            raise RuntimeError(
                f"linalg.vector_norm cannot compute the {_fmt_ord(p)} norm on an empty "
                "tensor because the operation does not have an identity"
            )
        for d in dims:
            if a.ndim and a.shape[d] == 0:
                raise RuntimeError(
                    f"linalg.vector_norm cannot compute the {_fmt_ord(p)} norm on the "
                    f"dimension {d}because this dimension is empty and the operation does "
                    "not have an identity"
                )
    if npd is not None and npd != a.dtype:
        x = _api._cast(x, npd)
    if a.ndim == 0:
        dims = ()
    order = int(p) if p.is_integer() else p
    return X.LinalgVectorNormBackward0.apply(x, ord=order, dims=dims, keepdim=bool(keepdim))


# ---------------------------------------------------------------- singular values


class LinalgSvdBackward0(Function):
    """The SVD ``A = U diag(S) Vᴴ`` of a (batch of) matrices as PyTorch records it: ONE
    node with three outputs (U, S, Vh); ``svdvals`` returns output 1 (S) only.  The
    gradient of the singular values is ``U diag(G) Vᴴ``."""

    op, symbol = "svdvals", "σ"
    formula = "∂σ/∂A: U diag(G) Vᵀ"
    local = (
        Local(("U · diag(G) · Vᵀ of the SVD of {0:r}", "{0:r} 的 SVD 的 U·diag(G)·Vᵀ"), rule=True),
    )
    _multi = True

    @staticmethod
    def forward(ctx, a):
        u, s, vh = np.linalg.svd(a, full_matrices=False)
        ctx.uv = (u, vh)
        return np.ascontiguousarray(s, dtype=a.dtype)

    @staticmethod
    def backward(ctx, grads):
        g = grads[1]
        if g is None:
            return (None,)
        if not _is_array(g):
            raise NotImplementedError(
                "autograd_viz: the double backward of the singular values (svdvals, "
                "matrix norms 'nuc', 2, -2) is not implemented"
            )
        u, vh = ctx.uv
        return ((u * g[..., None, :]) @ vh,)


def _svdvals(A):
    """The singular values as output 1 of a three-output ``LinalgSvdBackward0``."""
    from . import backward as _backward
    from . import events
    from .function import _edge_of, _next_seq
    from .grad_mode import STATE

    a = A._data
    u, s, vh = np.linalg.svd(a, full_matrices=False)
    s = np.ascontiguousarray(s, dtype=a.dtype)
    if not (STATE.enabled and A._requires_grad):
        return Tensor._make(s)
    node = object.__new__(LinalgSvdBackward0)
    node.needs_input_grad = (True,)
    node.next_functions = (_edge_of(A),)
    node._seq = _next_seq()
    node.uv = (u.astype(a.dtype, copy=False), vh.astype(a.dtype, copy=False))
    node._out_shapes = (u.shape, s.shape, vh.shape)
    node._out_dtypes = (a.dtype,) * 3
    node._shape, node._dtype = s.shape, a.dtype
    _backward.MULTI_OUTPUT.add(node)
    out = Tensor._make(s, True, node)
    out._output_nr = 1
    node._out_refs = {1: weakref.ref(out)}
    if events.LISTENERS:
        node._out_ref = node._out_refs[1]
        events.emit(
            "forward",
            node=node,
            op="svdvals",
            cls=LinalgSvdBackward0,
            inputs=(A,),
            output=out,
            kwargs={},
        )
    return out


def svdvals(A, *, driver=None, out=None):
    _api._check_tensor(A, "linalg_svdvals")
    a = A._data
    if a.ndim < 2:
        raise RuntimeError("linalg.svd: The input tensor A must have at least 2 dimensions.")
    _check_float(a, "linalg.svd")
    return _svdvals(A)


def _backshift(d0, d1, ndim):
    return [d for d in range(ndim) if d not in (d0, d1)] + [d0, d1]


def _matrix_checks(A, dim, dtype, name="linalg.matrix_norm"):
    a = A._data
    if a.ndim < 2:
        raise RuntimeError(f"{name}: The input tensor A must have at least 2 dimensions.")
    _check_float(a, name)
    dim = [dim] if isinstance(dim, numbers.Integral) else list(dim)
    if len(dim) != 2:
        raise RuntimeError(f"{name}: dim must be a 2-tuple. Got {' '.join(map(str, dim))}")
    dim = [_wrap_dim(int(d), a.ndim) for d in dim]
    if dim[0] == dim[1]:
        raise RuntimeError(f"{name}: dims must be different. Got ({dim[0]}, {dim[1]})")
    npd = _check_dtype(dtype, name)
    return dim, npd


def matrix_norm(A, ord="fro", dim=(-2, -1), keepdim=False, *, dtype=None, out=None):
    """``torch.linalg.matrix_norm`` as PyTorch's C++ builds it: 'fro' a vector 2-norm;
    1 / -1 / inf / -inf a 1-norm down one dim then amax / amin over the other; 'nuc' /
    2 / -2 the singular values (of the dims moved to the end) summed / amax / amin."""
    _api._check_tensor(A, "linalg_matrix_norm")
    if isinstance(ord, str):
        if ord not in ("fro", "nuc"):
            raise RuntimeError(f"linalg.matrix_norm: Order {ord} not supported.")
    elif type(ord) is complex:
        raise RuntimeError(
            "linalg.matrix_norm: Expected a non-complex scalar as the order of norm."
        )
    elif abs(float(ord)) not in (1.0, 2.0, math.inf):
        raise RuntimeError(f"linalg.matrix_norm: Order {_fmt_ord(ord)} not supported.")
    dim, npd = _matrix_checks(A, dim, dtype)
    if ord == "fro":
        return vector_norm(A, 2, dim, keepdim, dtype=dtype)
    if ord == "nuc" or abs(float(ord)) == 2.0:
        if npd is not None and npd != A._data.dtype:
            A = _api._cast(A, npd)
        perm = _backshift(dim[0], dim[1], A._data.ndim)
        s = svdvals(_api.permute(A, *perm))
        if ord == "nuc":
            res = _api.sum(s, -1, keepdim=keepdim)
        else:
            res = (_more.amax if ord > 0 else _more.amin)(s, -1, keepdim=keepdim)
        if keepdim:
            back = [perm.index(i) for i in range(len(perm))]
            res = _api.permute(_api.unsqueeze(res, -1), *back)
        return res
    d0, d1 = dim
    if math.isinf(float(ord)):
        d0, d1 = d1, d0
    if not keepdim and d0 < d1:
        d1 -= 1
    col = vector_norm(A, 1.0, d0, keepdim, dtype=dtype)
    return (_more.amax if ord > 0 else _more.amin)(col, d1, keepdim=keepdim)


def linalg_norm(A, ord=None, dim=None, keepdim=False, *, dtype=None, out=None):
    """``torch.linalg.norm``."""
    _api._check_tensor(A, "linalg_norm")
    nd = A._data.ndim
    if dim is not None and isinstance(dim, numbers.Integral):
        dim = (dim,)
    if isinstance(ord, str):
        if dim is not None and len(dim) != 2:
            raise RuntimeError(
                f"linalg.norm: If dim is specified, it mut be of length 2. Got {list(dim)}"
            )
        if dim is None and nd < 2:  # (PyTorch's matrix_norm refuses it)
            raise RuntimeError(
                "linalg.matrix_norm: The input tensor A must have at least 2 dimensions."
            )
        if dim is None and nd != 2:
            raise RuntimeError(
                f"linalg.norm: If dim is not specified but ord is, the input must be 1D or 2D. "
                f"Got {nd}D."
            )
        return matrix_norm(A, ord, dim if dim is not None else (0, 1), keepdim, dtype=dtype)
    if dim is not None:
        if len(dim) not in (1, 2):
            raise RuntimeError(
                f"linalg.norm: If dim is specified, it must be of length 1 or 2. Got {list(dim)}"
            )
    elif ord is not None and nd not in (1, 2):
        raise RuntimeError(
            f"linalg.norm: If dim is not specified but ord is, the input must be 1D or 2D. "
            f"Got {nd}D."
        )
    if ord is not None and ((dim is not None and len(dim) == 2) or (dim is None and nd == 2)):
        return matrix_norm(A, ord, dim if dim is not None else (0, 1), keepdim, dtype=dtype)
    return vector_norm(A, 2.0 if ord is None else ord, dim, keepdim, dtype=dtype)


def norm(input, p="fro", dim=None, keepdim=False, out=None, dtype=None):
    """``torch.norm`` / ``Tensor.norm`` as ``torch/functional.py`` dispatches it."""
    _api._check_tensor(input, "norm")
    _dim = [dim] if isinstance(dim, int) else dim  # (a bool too: PyTorch's isinstance)
    if isinstance(p, str):
        if p == "fro" and (dim is None or isinstance(dim, numbers.Integral) or len(dim) <= 2):
            return vector_norm(input, 2, _dim, keepdim, dtype=dtype)
        if _dim is None:
            _dim = list(range(input._data.ndim))
        return matrix_norm(input, p, _dim, keepdim, dtype=dtype)
    return vector_norm(input, 2.0 if p is None else p, _dim, keepdim, dtype=dtype)
