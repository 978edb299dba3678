"""``torch.linalg`` names teaching code calls that the engine lacked (issue 13):
``multi_dot`` (PyTorch's matrix-chain order), ``vecdot``, ``diagonal``, ``inv_ex``,
``tensorinv`` / ``tensorsolve``, ``cond``; composed from the engine's ops as ATen
composes them (so the nodes are PyTorch's)."""

from __future__ import annotations

import numpy as np

from . import api as _api
from .api import _check_tensor
from .tensor import Tensor


def _dtype_name(dt):
    from .api_scatter import _scalar_name

    return _scalar_name(dt)


def _chain_order(dims):
    """ATen's ``matrix_chain_order``: the split points of the cheapest product."""
    n = len(dims) - 1
    cost = [[0] * n for _ in range(n)]
    order = [[0] * n for _ in range(n)]
    for length in range(1, n):
        for i in range(n - length):
            j = i + length
            cost[i][j] = None
            for k in range(i, j):
                q = cost[i][k] + cost[k + 1][j] + dims[i] * dims[k + 1] * dims[j + 1]
                if cost[i][j] is None or q < cost[i][j]:
                    cost[i][j] = q
                    order[i][j] = k
    return order


def _chain(ts, order, i, j):
    if i == j:
        return ts[i]
    k = order[i][j]
    return _api.mm(_chain(ts, order, i, k), _chain(ts, order, k + 1, j))


def multi_dot(tensors, *, out=None):
    """The product of a list of matrices (first / last may be vectors) in the cheapest
    order."""
    n = len(tensors)
    if n < 2:
        raise RuntimeError(f"multi_dot(): expected at least 2 tensors but got {n}")
    ts = list(tensors)
    for i, t in enumerate(ts):
        _check_tensor(t, "linalg_multi_dot", "tensors", 1)
        if i not in (0, n - 1) and t.ndim != 2:
            raise RuntimeError(f"multi_dot(): tensor {i} must be 2D but got {t.ndim}D")
    if ts[0].ndim not in (1, 2):
        raise RuntimeError(f"multi_dot(): the first tensor must be 1D or 2D but got {ts[0].ndim}D")
    if ts[-1].ndim not in (1, 2):
        raise RuntimeError(f"multi_dot(): the last tensor must be 1D or 2D but got {ts[-1].ndim}D")
    out_shape = []
    if ts[0].ndim == 1:
        ts[0] = ts[0].unsqueeze(0)
    else:
        out_shape.append(ts[0].shape[0])
    if ts[-1].ndim == 1:
        ts[-1] = ts[-1].unsqueeze(-1)
    else:
        out_shape.append(ts[-1].shape[1])
    dt = ts[0]._data.dtype
    for i, t in enumerate(ts):
        if t._data.dtype != dt:
            raise RuntimeError(
                f"multi_dot(): all tensors must have be the same dtype but tensor 0 is "
                f"{_dtype_name(dt)} and tensor {i} {_dtype_name(t._data.dtype)}"
            )
    for i in range(n - 1):
        if ts[i].shape[1] != ts[i + 1].shape[0]:
            a, b = ts[i].shape, ts[i + 1].shape
            raise RuntimeError(
                f"multi_dot(): tensors {i} and {i + 1} with shapes [{a[0]}, {a[1]}] and "
                f"[{b[0]}, {b[1]}] cannot be multiplied"
            )
    if n == 2:
        r = _api.mm(ts[0], ts[1])
    elif n == 3:
        a, b = ts[0].shape
        c, d = ts[2].shape[0], ts[2].shape[1]
        c = ts[1].shape[1]
        cost1 = (a * c) * (b + d)
        cost2 = (b * d) * (a + c)
        if cost1 > cost2:
            r = _api.mm(ts[0], _api.mm(ts[1], ts[2]))
        else:
            r = _api.mm(_api.mm(ts[0], ts[1]), ts[2])
    else:
        dims = [ts[0].shape[0]] + [t.shape[1] for t in ts]
        r = _chain(ts, _chain_order(dims), 0, n - 1)
    return r.view(tuple(out_shape))


def vecdot(x, y, *, dim=-1, out=None):
    """``Σ conj(x)·y`` along ``dim`` (broadcast)."""
    _check_tensor(x, "linalg_vecdot", "x")
    _check_tensor(y, "linalg_vecdot", "y", 2)
    if x._data.dtype != y._data.dtype:
        raise RuntimeError(
            "linalg.vecdot: Expected x and y to have the same dtype, but found x of type "
            f"{_dtype_name(x._data.dtype)} and y of type {_dtype_name(y._data.dtype)} instead"
        )
    return (x * y).sum(dim)


def diagonal(A, *, offset=0, dim1=-2, dim2=-1):
    """``torch.linalg.diagonal``: ``A.diagonal`` over the last two dims by default."""
    _check_tensor(A, "linalg_diagonal", "A")
    return A.diagonal(offset, dim1, dim2)


def inv_ex(A, *, check_errors=False, out=None):
    """``(inverse, info)``: info 0 (a singular matrix raises, as ``inv``)."""
    from .api_scatter import inv
    from .return_types import get as _rt

    r = inv(A)
    info = Tensor._make(np.zeros(A.shape[:-2], dtype=np.int32))
    return _rt("linalg_inv_ex")(r, info)


def tensorinv(A, ind=2, *, out=None):
    """The inverse of ``A`` seen as a matrix of its first ``ind`` dims by the rest."""
    from .api_scatter import inv

    _check_tensor(A, "linalg_tensorinv", "A")
    if ind <= 0:
        raise RuntimeError(f"Expected a strictly positive integer for 'ind', but got {ind}")
    shape = list(A.shape)
    rows = int(np.prod(shape[:ind], dtype=np.int64))
    cols = int(np.prod(shape[ind:], dtype=np.int64))
    if rows != cols:
        raise RuntimeError(
            "Expected self to satisfy the requirement prod(self.shape[ind:]) == "
            f"prod(self.shape[:ind]), but got {cols} != {rows}"
        )
    return inv(A.reshape(rows, -1)).reshape(*shape[ind:], *shape[:ind])


def tensorsolve(A, B, dims=None, *, out=None):
    """``X`` with ``tensordot(A, X, X.ndim) = B``."""
    from .api_linalg2 import solve

    _check_tensor(A, "linalg_tensorsolve", "A")
    _check_tensor(B, "linalg_tensorsolve", "B", 2)
    if dims is not None:
        nd = A.ndim
        dims = [d % nd for d in dims]
        rest = [d for d in range(nd) if d not in dims]
        A = A.permute(*(rest + dims))
    bn = int(np.prod(B.shape, dtype=np.int64))
    res_shape = list(A.shape[B.ndim :])
    rn = int(np.prod(res_shape, dtype=np.int64))
    if bn != rn:
        raise RuntimeError(
            "Expected self to satisfy the requirement prod(self.shape[other.ndim:]) == "
            f"prod(self.shape[:other.ndim]), but got {rn} != {bn}"
        )
    return solve(A.reshape(bn, bn), B.reshape(bn)).reshape(*res_shape)


def cond(A, p=None, *, out=None):
    """The condition number: ``σ_max/σ_min`` (``p`` None or ±2), else
    ``norm(A, p)·norm(A⁻¹, p)``."""
    from .api_norm import linalg_norm, svdvals
    from .api_scatter import inv

    _check_tensor(A, "linalg_cond", "A")
    if A.ndim < 2:
        raise RuntimeError("linalg.cond: The input tensor must have at least 2 dimensions.")
    if A._data.dtype.kind not in "fc":
        raise RuntimeError(
            "linalg.svd: Expected a floating point or complex tensor as input. Got "
            f"{_dtype_name(A._data.dtype)}"
        )
    if p is None or p in (2, -2):
        s = svdvals(A)
        if p == -2:
            r = s.narrow(-1, -1, 1) / s.narrow(-1, 0, 1)
        else:
            r = s.narrow(-1, 0, 1) / s.narrow(-1, -1, 1)
        return r.squeeze(-1)
    if A.shape[-1] != A.shape[-2]:
        raise RuntimeError(
            "linalg.cond(ord=" + str(p) + "): A must be batches of square matrices, but they "
            f"are {A.shape[-2]} by {A.shape[-1]} matrices"
        )
    return linalg_norm(A, p, dim=(-2, -1)) * linalg_norm(inv(A), p, dim=(-2, -1))
