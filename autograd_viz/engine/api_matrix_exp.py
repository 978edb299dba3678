"""``torch.linalg.matrix_exp`` / ``torch.matrix_exp`` (``LinalgMatrixExpBackward0``: the
gradient is the upper-right block of the exponential of ``[[Aᴴ, G], [0, Aᴴ]]``, as
PyTorch's ``backward_analytic_function_of_a_matrix``), ``torch.geqrf`` (LAPACK's
Householder QR, ``GeqrfBackward0`` without a derivative) and
``torch.linalg.householder_product`` (the product of the reflectors, composed from engine
ops: its gradient is right, its graph shows those ops, not
``LinalgHouseholderProductBackward0``). What ``nn.utils.parametrizations.orthogonal``
needs."""

from __future__ import annotations

import numpy as np

from .function import Function, Local
from .functional_array import _is_array

__all__ = ["geqrf", "householder_product", "matrix_exp"]

_PADE13 = (
    64764752532480000.0,
    32382376266240000.0,
    7771770303897600.0,
    1187353796428800.0,
    129060195264000.0,
    10559470521600.0,
    670442572800.0,
    33522128640.0,
    1323241920.0,
    40840800.0,
    960960.0,
    16380.0,
    182.0,
    1.0,
)


def _expm2(a):
    """exp of one square float64 matrix: scaling and squaring with the [13/13] Padé
    approximant (Higham 2005)."""
    n = a.shape[0]
    norm = np.abs(a).sum(axis=0).max() if n else 0.0
    s = max(0, int(np.ceil(np.log2(norm / 5.371920351148152)))) if norm > 0 else 0
    a = a / (2.0**s)
    b = _PADE13
    ident = np.eye(n)
    a2 = a @ a
    a4 = a2 @ a2
    a6 = a4 @ a2
    u = a @ (
        a6 @ (b[13] * a6 + b[11] * a4 + b[9] * a2)
        + b[7] * a6
        + b[5] * a4
        + b[3] * a2
        + b[1] * ident
    )
    v = (
        a6 @ (b[12] * a6 + b[10] * a4 + b[8] * a2)
        + b[6] * a6
        + b[4] * a4
        + b[2] * a2
        + b[0] * ident
    )
    r = np.linalg.solve(v - u, v + u)
    for _ in range(s):
        r = r @ r
    return r


def _expm(a):
    a64 = np.asarray(a, np.float64)
    flat = a64.reshape(-1, *a64.shape[-2:])
    out = np.stack([_expm2(m) for m in flat]) if flat.shape[0] else flat.copy()
    return out.reshape(a64.shape).astype(np.asarray(a).dtype)


class LinalgMatrixExpBackward0(Function):
    op, symbol = "linalg_matrix_exp", "exp"
    formula = "∂exp(A): G ↦ the upper-right block of exp([[Aᵀ, G], [0, Aᵀ]])"
    local = (Local(("exp([[Aᵀ, G], [0, Aᵀ]])₁₂", "exp([[Aᵀ, G], [0, Aᵀ]])₁₂"), rule=True),)

    @staticmethod
    def forward(ctx, a):
        ctx.save_for_backward(a)
        return _expm(a)

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        n = a.shape[-1]
        if _is_array(g):
            at = np.swapaxes(a, -1, -2)
            z = np.zeros_like(at)
            big = np.concatenate([np.concatenate([at, g], -1), np.concatenate([z, at], -1)], -2)
            return (_expm(big)[..., :n, n:].astype(g.dtype),)
        from . import api as _api

        at = a.mT
        big = _api.cat([_api.cat([at, g], -1), _api.cat([at * 0, at], -1)], -2)
        return (matrix_exp(big)[..., :n, n:],)


def matrix_exp(A):
    from .api import _check_tensor

    _check_tensor(A, "linalg_matrix_exp", "input")
    if A.dim() < 2 or A.shape[-1] != A.shape[-2]:
        raise RuntimeError(
            "linalg.matrix_exp: A must be batches of square matrices, but they are "
            f"{A.shape[-2] if A.dim() >= 2 else A.dim()} by {A.shape[-1] if A.dim() else 0} "
            "matrices"
        )
    return LinalgMatrixExpBackward0.apply(A)


class GeqrfBackward0(Function):
    op, symbol = "geqrf", "geqrf"
    formula = "no derivative"
    local = (Local(("not implemented", "未实现"), lambda x, o, k: np.nan),)

    @staticmethod
    def forward(ctx, a, out=None):
        return out

    @staticmethod
    def backward(ctx, g):
        raise NotImplementedError("the derivative for 'geqrf' is not implemented.")


def geqrf(input):
    """``torch.geqrf(A)``: LAPACK's compact Householder QR ``(a, tau)``."""
    from .tensor import Tensor

    arr = input._data
    flat = arr.reshape(-1, *arr.shape[-2:])
    hs, taus = [], []
    for m in flat:
        h, tau = np.linalg.qr(m, mode="raw")
        hs.append(h.T)
        taus.append(tau)
    a = np.stack(hs).reshape(arr.shape).astype(arr.dtype)
    tau = np.stack(taus).reshape(*arr.shape[:-2], -1).astype(arr.dtype)
    if input.requires_grad:
        from .grad_mode import is_grad_enabled

        if is_grad_enabled():
            return GeqrfBackward0.apply(input, out=a), GeqrfBackward0.apply(input, out=tau)
    return Tensor._make(a), Tensor._make(tau)


def householder_product(A, tau, *, out=None):
    """``torch.linalg.householder_product(A, tau)`` (LAPACK's orgqr): the first ``n``
    columns of ``H₁ H₂ ⋯ H_k``, ``H_i = I - tau_i v_i v_iᵀ`` with ``v_i`` the i-th column
    of ``A`` below the diagonal and a 1 on it."""
    from . import api as _api
    from . import creation

    m, n = A.shape[-2], A.shape[-1]
    k = tau.shape[-1]
    if A.dim() != 2:
        return _api.stack(
            [
                householder_product(a, t)
                for a, t in zip(A.reshape(-1, m, n), tau.reshape(-1, k), strict=True)
            ]
        ).reshape(*A.shape)
    q = creation.eye(m, dtype=A.dtype)
    mask = Tensor_from(np.tril(np.ones((m, n), dtype=A._data.dtype), -1))
    eye_mn = Tensor_from(np.eye(m, n, dtype=A._data.dtype))
    vs = A * mask + eye_mn
    for i in reversed(range(k)):
        v = vs[:, i : i + 1]
        q = q - tau[i] * (v @ (v.mT @ q))
    return q[:, :n]


def Tensor_from(arr):
    from .tensor import Tensor

    return Tensor._make(arr)
