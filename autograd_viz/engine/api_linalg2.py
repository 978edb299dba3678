"""More of ``torch.linalg``: ``solve``, ``solve_triangular``, ``cholesky``, ``qr``,
``eigh`` / ``eigvalsh``, ``svd``, ``pinv``, ``slogdet``, ``lstsq``, ``matrix_rank``
(``eig`` / ``eigvals`` raise: complex dtypes are not supported), and the legacy names
PyTorch 2.13 still has (``torch.svd``, ``torch.cholesky``, ``torch.qr``, ``torch.slogdet``,
``torch.logdet``, ``torch.pinverse``).

Each differentiable one is ONE node named as PyTorch names it (``LinalgSolveExBackward0``,
``LinalgCholeskyExBackward0``, ``LinalgQrBackward0``, ``LinalgEighBackward0``,
``LinalgSvdBackward0``, ``LinalgPinvBackward0``, ``LinalgSlogdetBackward0``,
``LinalgLstsqBackward0``, ``LinalgSolveTriangularBackward0``); a factorization with several
outputs is one node with several outputs (``Q.grad_fn is R.grad_fn``, ``output_nr`` 0, 1).
The backward formulas are PyTorch's (``FunctionsManual.cpp``: ``linalg_solve_backward``,
``cholesky_backward``, ``linalg_qr_backward``, ``linalg_eig_backward`` for eigh,
``svd_backward``, ``pinv_backward``, ``slogdet_backward``, ``linalg_lstsq_backward``),
written with the engine's own Tensor ops so that they also run under ``create_graph``
(second derivatives).  Real dtypes only.
"""

from __future__ import annotations

import weakref

import numpy as np

from . import api as _api
from . import events
from . import return_types as _return_types
from .api_norm import _check_float
from .api_scatter import _LinAlgError, _square
from .function import Function, Local, _edge_of, _next_seq
from .grad_mode import STATE
from .tensor import Tensor

__all__ = [
    "cholesky",
    "cholesky_ex",
    "eig",
    "eigh",
    "eigvals",
    "eigvalsh",
    "legacy_cholesky",
    "legacy_qr",
    "legacy_svd",
    "logdet",
    "lstsq",
    "matrix_rank",
    "pinv",
    "qr",
    "slogdet",
    "solve",
    "solve_ex",
    "solve_triangular",
    "svd",
]

_RULE = (
    Local(("PyTorch's formula for this factorization", "PyTorch 的该分解求导公式"), rule=True),
)


# ---------------------------------------------------------------------- helpers
def _rt(name, fields):
    """A ``torch.return_types.<name>`` (engine/return_types.py)."""
    return _return_types.get(name, fields)


_WARNED: set = set()


def _warn_once(msg):
    """PyTorch's TORCH_WARN_ONCE: once per process."""
    if msg not in _WARNED:
        import warnings

        _WARNED.add(msg)
        warnings.warn(msg, UserWarning, stacklevel=3)


def _T(a):
    """An ndarray as a Tensor that needs no grad (formulas run on Tensors)."""
    return a if isinstance(a, Tensor) else Tensor._make(np.asarray(a))


def _mH(x):
    return x.transpose(-2, -1)


def _eye_like(x, n):
    return Tensor._make(np.eye(n, dtype=x._data.dtype))


def _diag_embed(v):
    n = v.shape[-1]
    return v.unsqueeze(-1) * _eye_like(v, n)


def _out(res, graph):
    return tuple(r if (r is None or graph) else r._data for r in res)


def _graph(*gs):
    return any(isinstance(g, Tensor) for g in gs)


def _solve_arr(a, b):
    return np.linalg.solve(a, b)


def _tri_solve(a, b, upper, left):
    """``solve_triangular`` on Tensors (via this module's op)."""
    return solve_triangular(a, b, upper=upper, left=left)


def _multi(cls, name, inputs, outs, diff, attrs):
    """ONE node of class ``cls`` with several outputs (``outs``: ndarrays); the outputs
    whose index is in ``diff`` get the node as ``grad_fn`` (``output_nr`` = index), the
    others are plain tensors.  ``attrs`` are set on the node (saved values)."""
    need = [isinstance(x, Tensor) and x._requires_grad for x in inputs]
    if not (STATE.enabled and any(need)):
        return [Tensor._make(o) for o in outs]
    from . import backward as _backward

    node = object.__new__(cls)
    node.needs_input_grad = tuple(need)
    node.next_functions = tuple(
        _edge_of(x) if r else (None, 0) for x, r in zip(inputs, need, strict=True)
    )
    node._seq = _next_seq()
    node._out_shapes = tuple(o.shape for o in outs)
    node._out_dtypes = tuple(o.dtype for o in outs)
    node._shape, node._dtype = outs[diff[0]].shape, outs[diff[0]].dtype
    node._ins = tuple(inputs)
    for k, v in attrs.items():
        setattr(node, k, v)
    node._saved = tuple(outs)
    _backward.MULTI_OUTPUT.add(node)
    res = []
    refs = {}
    for k, o in enumerate(outs):
        if k in diff:
            t = Tensor._make(o, True, node)
            if k:
                t._output_nr = k
            refs[k] = weakref.ref(t)
        else:
            t = Tensor._make(o)
        res.append(t)
    node._out_refs = refs
    if events.LISTENERS:
        node._out_ref = refs[diff[0]]
        events.emit(
            "forward",
            node=node,
            op=name,
            cls=cls,
            inputs=tuple(inputs),
            output=res[diff[0]],
            kwargs={},
        )
    return res


class _MultiNode(Function):
    """Base of this module's several-output nodes: the saved outputs as Tensors (this
    node's outputs under ``create_graph``, as PyTorch unpacks saved outputs)."""

    _multi = True
    local = _RULE
    # no ``forward``: ``_multi`` builds these nodes (``Function.forward`` raises)

    def _outs(self, graph):
        saved = self._saved
        if saved is None:
            from .function import _SECOND_BACKWARD

            raise RuntimeError(_SECOND_BACKWARD)
        if not graph:
            return [Tensor._make(s) for s in saved]
        res = []
        for k, s in enumerate(saved):
            t = Tensor._make(s, True, self)
            if k:
                t._output_nr = k
            res.append(t)
        return res

    def _input(self, i, graph):
        x = self._ins[i]
        return x if graph else Tensor._make(x._data)


# ---------------------------------------------------------------------- solve
def _is_vector_rhs(a, b):
    """PyTorch's rule: ``B`` is a (batch of) vector(s) when it is 1-D or has one dim less
    than ``A`` and ``A``'s batch shape."""
    return b.ndim == 1 or (b.ndim == a.ndim - 1 and b.shape == a.shape[:-1])


class LinalgSolveExBackward0(Function):
    op, symbol = "solve", "A⁻¹B"
    formula = "∂X: G_B = A⁻ᵀ G, G_A = -G_B Xᵀ"
    local = (
        Local(("-A⁻ᵀ G Xᵀ", "-A⁻ᵀ G Xᵀ"), rule=True),
        Local(("A⁻ᵀ G", "A⁻ᵀ G"), rule=True),
    )

    @staticmethod
    def forward(ctx, a, b, vector=False, left=True):
        x = np.linalg.solve(a, b[..., None])[..., 0] if vector else np.linalg.solve(a, b)
        x = np.ascontiguousarray(x.astype(np.result_type(a, b), copy=False))
        ctx.vector = vector
        ctx.save_for_backward(a, x)
        return x

    @staticmethod
    def backward(ctx, g):
        graph = _graph(g)
        a, x = ctx.saved_tensors
        a, x, g = _T(a), _T(x), _T(g)
        if ctx.vector:
            g, x = g.unsqueeze(-1), x.unsqueeze(-1)
        gb = solve(_mH(a), g)
        ga = -(gb @ _mH(x)) if ctx.needs_input_grad[0] else None
        if ctx.vector:
            gb = gb.squeeze(-1)
        return _out((ga, gb if ctx.needs_input_grad[1] else None), graph)


def _check_singular(name, a):
    flat = a.reshape(-1, *a.shape[-2:])
    from .api_scatter import _lu_zero

    for bi, m in enumerate(flat):
        z = _lu_zero(m)
        if z:
            where = f"(Batch element {bi}): " if a.ndim > 2 else ""
            raise _LinAlgError(
                f"{name}: {where}The solver failed because the input matrix is singular."
            )


def solve(A, B, *, left=True, out=None):
    """``torch.linalg.solve``: ``X`` with ``A X = B`` (one ``LinalgSolveExBackward0``)."""
    a = _square("linalg.solve", A)
    _api._check_tensor(B, "linalg_solve", "B", 2)
    b = B._data
    if a.dtype != b.dtype:
        raise RuntimeError(
            f"linalg.solve: Expected A and B to have the same dtype, but found A of type "
            f"{_tn(a.dtype)} and B of type {_tn(b.dtype)} instead"
        )
    if not left:
        return _api.transpose(solve(_api.transpose(A, -2, -1), _api.transpose(B, -2, -1)), -2, -1)
    vector = _is_vector_rhs(a, b)
    rows = b.shape[-1] if vector else (b.shape[-2] if b.ndim >= 2 else None)
    if rows != a.shape[-1]:
        bs = "x".join(str(d) for d in (b.shape if b.ndim >= 2 else (b.shape[0], 1)))
        raise RuntimeError(
            f"linalg.solve: Incompatible shapes of A and B for the equation AX = B "
            f"({a.shape[-2]}x{a.shape[-1]} and {bs})"
        )
    _check_singular("torch.linalg.solve", a)
    return LinalgSolveExBackward0.apply(A, B, vector=vector)


def solve_ex(A, B, *, left=True, check_errors=False, out=None):
    x = solve(A, B, left=left)
    info = Tensor._make(np.zeros(A._data.shape[:-2], dtype=np.int32))
    return _SolveEx(x, info)


_SolveEx = _rt("linalg_solve_ex", ["result", "info"])


def _tn(dt):
    from .dtypes import type_name

    return type_name(dt).replace("Tensor", "").replace("torch.", "")


class LinalgSolveTriangularBackward0(Function):
    op, symbol = "solve_triangular", "A⁻¹B"
    formula = "∂X: G_B = A⁻ᵀ G, G_A = -(G_B Xᵀ) masked to A's triangle"
    local = (
        Local(("-(A⁻ᵀ G Xᵀ) on the triangle of A", "-(A⁻ᵀ G Xᵀ) 取 A 的三角部分"), rule=True),
        Local("A⁻ᵀ G", rule=True),
    )

    @staticmethod
    def forward(ctx, a, b, upper=True, left=True, unitriangular=False):
        t = np.triu(a) if upper else np.tril(a)
        if unitriangular:
            t = t.copy()
            idx = np.arange(t.shape[-1])
            t[..., idx, idx] = 1
        if left:
            x = np.linalg.solve(t, b)
        else:
            x = np.swapaxes(np.linalg.solve(np.swapaxes(t, -2, -1), np.swapaxes(b, -2, -1)), -2, -1)
        x = np.ascontiguousarray(x.astype(np.result_type(a, b), copy=False))
        ctx.upper, ctx.left, ctx.unit = upper, left, unitriangular
        ctx.save_for_backward(a, x)
        return x

    @staticmethod
    def backward(ctx, g):
        graph = _graph(g)
        a, x = ctx.saved_tensors
        a, x, g = _T(a), _T(x), _T(g)
        upper, left = ctx.upper, ctx.left
        # PyTorch's linalg_solve_triangular_backward
        gb = solve_triangular(_mH(a), g, upper=not upper, left=left, unitriangular=ctx.unit)
        ga = None
        if ctx.needs_input_grad[0]:
            ga = -(gb @ _mH(x)) if left else -(_mH(x) @ gb)
            ga = ga.triu(int(ctx.unit)) if upper else ga.tril(-int(ctx.unit))
        return _out((ga, gb if ctx.needs_input_grad[1] else None), graph)


def solve_triangular(A, B, *, upper, left=True, unitriangular=False, out=None):
    """``torch.linalg.solve_triangular`` (one ``LinalgSolveTriangularBackward0``)."""
    _api._check_tensor(A, "linalg_solve_triangular", "input", 1)
    _api._check_tensor(B, "linalg_solve_triangular", "B", 2)
    return LinalgSolveTriangularBackward0.apply(
        A, B, upper=upper, left=left, unitriangular=unitriangular
    )


# ---------------------------------------------------------------------- cholesky
def _cholesky_backward(gL, L, upper):
    if upper:
        L, gL = _mH(L), _mH(gL)
    gA = (_mH(L) @ gL).tril()
    gA = (gA + _mH(gA.tril(-1))) * 0.5
    gA = _tri_solve(_mH(L), gA, upper=True, left=True)
    return _tri_solve(L, gA, upper=False, left=False)


class LinalgCholeskyExBackward0(Function):
    op, symbol = "cholesky", "chol"
    formula = "∂L: L⁻ᵀ Φ(Lᵀ G) L⁻¹ (Φ: lower triangle, diagonal halved, symmetrized)"
    local = (Local("L⁻ᵀ Φ(Lᵀ G) L⁻¹", rule=True),)

    @staticmethod
    def forward(ctx, a, upper=False):
        L = np.linalg.cholesky(a).astype(a.dtype, copy=False)
        if upper:
            L = np.ascontiguousarray(np.swapaxes(L, -2, -1))
        ctx.upper = upper
        ctx.save_for_backward(L)
        return L

    @staticmethod
    def backward(ctx, g):
        graph = _graph(g)
        (L,) = ctx.saved_tensors
        return _out((_cholesky_backward(_T(g), _T(L), ctx.upper),), graph)


class CholeskyBackward0(LinalgCholeskyExBackward0):
    """``torch.cholesky`` (deprecated): PyTorch's node of its own name."""


def _check_pd(name, a):
    flat = a.reshape(-1, *a.shape[-2:])
    for bi, m in enumerate(flat):
        try:
            np.linalg.cholesky(m)
        except np.linalg.LinAlgError:
            # the order of the leading minor that is not positive-definite
            k = next(
                (i for i in range(1, m.shape[0] + 1) if not _is_pd(m[:i, :i])),
                m.shape[0],
            )
            where = f"(Batch element {bi}): " if a.ndim > 2 else ""
            raise _LinAlgError(
                f"{name}: {where}The factorization could not be completed because the input is "
                f"not positive-definite (the leading minor of order {k} is not "
                "positive-definite)."
            ) from None


def _is_pd(m):
    try:
        np.linalg.cholesky(m)
        return True
    except np.linalg.LinAlgError:
        return False


def cholesky(A, *, upper=False, out=None):
    """``torch.linalg.cholesky``: lower ``L`` with ``A = L Lᵀ`` (``upper=True``: ``Lᵀ``)."""
    a = _square("linalg.cholesky", A)
    _check_pd("linalg.cholesky", a)
    return LinalgCholeskyExBackward0.apply(A, upper=upper)


_CholEx = _rt("linalg_cholesky_ex", ["L", "info"])


def cholesky_ex(A, *, upper=False, check_errors=False, out=None):
    a = _square("linalg.cholesky_ex", A)
    flat = a.reshape(-1, *a.shape[-2:])
    info = np.zeros(len(flat), dtype=np.int32)
    for bi, m in enumerate(flat):
        if not _is_pd(m):
            info[bi] = next(i for i in range(1, m.shape[0] + 1) if not _is_pd(m[:i, :i]))
    if info.any():
        if check_errors:
            _check_pd("linalg.cholesky_ex", a)
        L = Tensor._make(np.zeros_like(a))
    else:
        L = LinalgCholeskyExBackward0.apply(A, upper=upper)
    return _CholEx(L, Tensor._make(info.reshape(a.shape[:-2])))


def legacy_cholesky(A, upper=False, *, out=None):
    """``torch.cholesky`` (deprecated in PyTorch, warns once; node ``CholeskyBackward0``)."""
    _warn_once(
        "torch.cholesky is deprecated in favor of torch.linalg.cholesky and will be removed in "
        "a future PyTorch release.\nL = torch.cholesky(A)\nshould be replaced with\nL = "
        "torch.linalg.cholesky(A)\nand\nU = torch.cholesky(A, upper=True)\nshould be replaced "
        "with\nU = torch.linalg.cholesky(A).mH\nThis transform will produce equivalent results "
        "for all valid (symmetric positive definite) inputs. (Triggered internally at "
        "/__w/pytorch/pytorch/aten/src/ATen/native/BatchLinearAlgebra.cpp:1765.)",
    )
    a = _square("cholesky", A)
    _check_pd("cholesky", a)
    return CholeskyBackward0.apply(A, upper=upper)


# ---------------------------------------------------------------------- qr
_QR = _rt("linalg_qr", ["Q", "R"])
_QRlegacy = _rt("qr", ["Q", "R"])


class LinalgQrBackward0(_MultiNode):
    op, symbol = "qr", "QR"
    formula = "PyTorch's linalg_qr_backward"

    @staticmethod
    def backward(ctx, grads):
        gQ, gR = grads
        graph = _graph(gQ, gR)
        Q, R = ctx._outs(graph)
        m, n = Q.shape[-2], R.shape[-1]
        if ctx.mode == "complete" and m > n:
            raise RuntimeError(
                "The QR decomposition is not differentiable when mode='complete' and nrows > ncols."
            )
        gQ = None if gQ is None else _T(gQ)
        gR = None if gR is None else _T(gR)
        if gQ is not None:
            gA = (gR @ _mH(R) - _mH(Q) @ gQ) if gR is not None else -(_mH(Q) @ gQ)
        else:
            gA = gR @ _mH(R)
        if m >= n:
            sym = gA.triu()
            sym = sym + _mH(sym)
            sym = sym - _diag_embed(sym.diagonal(0, -2, -1) * 0.5)
            gA = Q @ sym
            if gQ is not None:
                gA = gA + gQ
            return _out((_tri_solve(_mH(R), gA, upper=False, left=False),), graph)
        X = -gA
        skew = (X - _mH(X)).tril()
        gA = Q @ skew
        gA = _tri_solve(_mH(R.narrow(-1, 0, m)), gA, upper=False, left=False)
        zeros = Tensor._make(np.zeros((*R.shape[:-1], n - m), dtype=gA._data.dtype))
        gA = _api.cat([gA, zeros], -1)
        if gR is not None:
            gA = gA + Q @ gR
        return _out((gA,), graph)


def qr(A, mode="reduced", *, out=None, _legacy=False):
    """``torch.linalg.qr``: ``(Q, R)`` of one ``LinalgQrBackward0`` (outputs 0 and 1)."""
    _api._check_tensor(A, "linalg_qr", "A", 1)
    a = A._data
    if a.ndim < 2:
        raise RuntimeError("linalg.qr: The input tensor A must have at least 2 dimensions.")
    _check_float(a, "linalg.qr")
    if mode not in ("reduced", "complete", "r"):
        raise RuntimeError(
            f"qr received unrecognized mode '{mode}' but expected one of 'reduced' (default), "
            "'r', or 'complete'"
        )
    q, r = np.linalg.qr(a, mode="complete" if mode == "complete" else "reduced")
    q = np.ascontiguousarray(q.astype(a.dtype, copy=False))
    r = np.ascontiguousarray(r.astype(a.dtype, copy=False))
    kind = _QRlegacy if _legacy else _QR
    if mode == "r":
        return kind(Tensor._make(np.zeros((0,), dtype=a.dtype)), _no_grad_r(A, r))
    Q, R = _multi(LinalgQrBackward0, "qr", (A,), (q, r), (0, 1), {"mode": mode})
    return kind(Q, R)


def _no_grad_r(A, r):
    return Tensor._make(r)


def legacy_qr(A, some=True, *, out=None):
    """``torch.qr`` (deprecated): ``linalg.qr`` with ``some`` for the mode."""
    _warn_once(
        "torch.qr is deprecated in favor of torch.linalg.qr and will be removed in a future "
        "PyTorch release.\nThe boolean parameter 'some' has been replaced with a string "
        "parameter 'mode'.\nQ, R = torch.qr(A, some)\nshould be replaced with\nQ, R = "
        "torch.linalg.qr(A, 'reduced' if some else 'complete') (Triggered internally at "
        "/__w/pytorch/pytorch/aten/src/ATen/native/BatchLinearAlgebra.cpp:2505.)",
    )
    return qr(A, "reduced" if some else "complete", _legacy=True)


# ---------------------------------------------------------------------- eigh
_Eigh = _rt("linalg_eigh", ["eigenvalues", "eigenvectors"])


class LinalgEighBackward0(_MultiNode):
    op, symbol = "eigh", "eigh"
    formula = "PyTorch's linalg_eig_backward (Hermitian)"

    @staticmethod
    def backward(ctx, grads):
        gL, gV = grads
        graph = _graph(gL, gV)
        L, V = ctx._outs(graph)
        if not ctx.compute_v:
            raise RuntimeError(
                "linalg_eigh_backward: torch.linalg.eigvalsh does not support backpropagation "
                "yet. Use torch.linalg.eigh instead."
            )
        Vh = _mH(V)
        if gV is None:
            return _out(((V * _T(gL).unsqueeze(-2)) @ Vh,), graph)
        VhgV = Vh @ _T(gV)
        VhgV = (VhgV - _mH(VhgV)) * 0.5
        n = L.shape[-1]
        E = L.unsqueeze(-2) - L.unsqueeze(-1) + _eye_like(L, n)
        gA = VhgV / E
        if gL is not None:
            gA = gA - _diag_embed(gA.diagonal(0, -2, -1)) + _diag_embed(_T(gL))
        return _out((V @ (gA @ Vh),), graph)


def _eigh_arrays(A, UPLO, name):
    a = _square(name, A)
    if UPLO not in ("L", "U"):
        raise RuntimeError(f"{name}: Expected UPLO argument to be 'L' or 'U', but got {UPLO}")
    w, v = np.linalg.eigh(a, UPLO=UPLO)
    return (
        np.ascontiguousarray(w.astype(a.dtype, copy=False)),
        np.ascontiguousarray(v.astype(a.dtype, copy=False)),
    )


def eigh(A, UPLO="L", *, out=None):
    """``torch.linalg.eigh``: ``(eigenvalues, eigenvectors)`` of one
    ``LinalgEighBackward0``."""
    w, v = _eigh_arrays(A, UPLO, "linalg.eigh")
    L, V = _multi(LinalgEighBackward0, "eigh", (A,), (w, v), (0, 1), {"compute_v": True})
    return _Eigh(L, V)


def eigvalsh(A, UPLO="L", *, out=None):
    """``torch.linalg.eigvalsh``: output 0 of a ``LinalgEighBackward0`` (PyTorch computes
    the eigenvectors when a gradient is needed)."""
    w, v = _eigh_arrays(A, UPLO, "linalg.eigvalsh")
    return _multi(LinalgEighBackward0, "eigvalsh", (A,), (w, v), (0,), {"compute_v": True})[0]


def eig(A, *, out=None):
    raise NotImplementedError(
        "autograd_viz: torch.linalg.eig returns complex eigenvalues and eigenvectors, and "
        "complex dtypes are not supported; for a symmetric matrix use torch.linalg.eigh"
    )


def eigvals(A, *, out=None):
    raise NotImplementedError(
        "autograd_viz: torch.linalg.eigvals returns complex eigenvalues, and complex dtypes "
        "are not supported; for a symmetric matrix use torch.linalg.eigvalsh"
    )


# ---------------------------------------------------------------------- svd
_SVD = _rt("linalg_svd", ["U", "S", "Vh"])
_SVDlegacy = _rt("svd", ["U", "S", "V"])


def _svd_backward(gU, gS, gVh, U, S, Vh):
    m, n = U.shape[-2], Vh.shape[-1]
    if gU is None and gVh is None:
        if m >= n:
            return U @ (gS.unsqueeze(-1) * Vh)
        return (U * gS.unsqueeze(-2)) @ Vh
    UhgU = None if gU is None else (lambda X: X - _mH(X))(_mH(U) @ gU)
    VhgV = None if gVh is None else (lambda X: X - _mH(X))(Vh @ _mH(gVh))
    S2 = S * S
    k = S.shape[-1]
    E = S2.unsqueeze(-2) - S2.unsqueeze(-1) + _eye_like(S, k)
    if gU is not None and gVh is not None:
        gA = (UhgU * S.unsqueeze(-2) + S.unsqueeze(-1) * VhgV) / E
    elif gU is not None:
        gA = (UhgU / E) * S.unsqueeze(-2)
    else:
        gA = S.unsqueeze(-1) * (VhgV / E)
    if gS is not None:
        gA = gA + _diag_embed(gS)
    if m > n and gU is not None:
        gA = U @ gA
        gUSinv = gU / S.unsqueeze(-2)
        gA = gA + gUSinv - U @ (_mH(U) @ gUSinv)
        return gA @ Vh
    if m < n and gVh is not None:
        gA = gA @ Vh
        SinvgVh = gVh / S.unsqueeze(-1)
        gA = gA + SinvgVh - (SinvgVh @ _mH(Vh)) @ Vh
        return U @ gA
    return U @ (gA @ Vh) if m >= n else (U @ gA) @ Vh


class LinalgSvdBackward0(_MultiNode):
    op, symbol = "svd", "SVD"
    formula = "PyTorch's svd_backward"

    @staticmethod
    def backward(ctx, grads):
        gU, gS, gVh = grads
        graph = _graph(gU, gS, gVh)
        U, S, Vh = ctx._outs(graph)
        gU = None if gU is None else _T(gU)
        gS = None if gS is None else _T(gS)
        gVh = None if gVh is None else _T(gVh)
        if ctx.full:
            k = S.shape[-1]
            U, Vh = U.narrow(-1, 0, k), Vh.narrow(-2, 0, k)
            gU = None if gU is None else gU.narrow(-1, 0, k)
            gVh = None if gVh is None else gVh.narrow(-2, 0, k)
        return _out((_svd_backward(gU, gS, gVh, U, S, Vh),), graph)


def svd(A, full_matrices=True, *, driver=None, out=None):
    """``torch.linalg.svd``: ``(U, S, Vh)`` of one ``LinalgSvdBackward0``."""
    _api._check_tensor(A, "linalg_svd", "A", 1)
    a = A._data
    if a.ndim < 2:
        raise RuntimeError("linalg.svd: The input tensor A must have at least 2 dimensions.")
    _check_float(a, "linalg.svd")
    u, s, vh = np.linalg.svd(a, full_matrices=full_matrices)
    outs = tuple(np.ascontiguousarray(x.astype(a.dtype, copy=False)) for x in (u, s, vh))
    U, S, Vh = _multi(LinalgSvdBackward0, "svd", (A,), outs, (0, 1, 2), {"full": full_matrices})
    return _SVD(U, S, Vh)


def legacy_svd(input, some=True, compute_uv=True, *, out=None):
    """``torch.svd``: ``(U, S, V)`` with ``V = Vhᵀ`` (``TransposeBackward0``)."""
    U, S, Vh = svd(input, full_matrices=not some)
    if not compute_uv:
        z = input._data
        m, n = z.shape[-2], z.shape[-1]
        return _SVDlegacy(
            Tensor._make(np.zeros((*z.shape[:-2], m, m if not some else min(m, n)), z.dtype)),
            S.detach(),
            Tensor._make(np.zeros((*z.shape[:-2], n, n if not some else min(m, n)), z.dtype)),
        )
    return _SVDlegacy(U, S, _api.transpose(Vh, -2, -1))


# ---------------------------------------------------------------------- pinv
def _pinv_backward(grad, pinvA, A):
    m, n = A.shape[-2], A.shape[-1]
    pinvAh = _mH(pinvA)
    gradh = _mH(grad)
    if m <= n:
        K = gradh @ pinvA
        KpinvAh = K @ pinvAh
        return (
            -_mH(pinvA @ K) + KpinvAh - (A @ pinvA) @ KpinvAh + (pinvAh @ pinvA) @ (gradh - K @ A)
        )
    K = pinvA @ gradh
    pinvAhK = pinvAh @ K
    return -_mH(K @ pinvA) + ((gradh - A @ K) @ pinvA) @ pinvAh + pinvAhK - (pinvAhK @ pinvA) @ A


class LinalgPinvBackward0(Function):
    op, symbol = "pinv", "A⁺"
    formula = "PyTorch's pinv_backward"
    local = (Local(("PyTorch's pinv_backward", "PyTorch 的 pinv_backward 公式"), rule=True),)

    @staticmethod
    def forward(ctx, a, rtol=None, hermitian=False):
        p = np.linalg.pinv(
            a, rcond=rtol if rtol is not None else _default_rtol(a), hermitian=hermitian
        )
        p = np.ascontiguousarray(p.astype(a.dtype, copy=False))
        ctx.save_for_backward(a, p)
        return p

    @staticmethod
    def backward(ctx, g):
        graph = _graph(g)
        a, p = ctx.saved_tensors
        return _out((_pinv_backward(_T(g), _T(p), _T(a)),), graph)


def _default_rtol(a):
    return float(np.finfo(a.dtype).eps) * max(a.shape[-2], a.shape[-1])


def pinv(A, *, atol=None, rtol=None, hermitian=False, out=None):
    """``torch.linalg.pinv`` (one ``LinalgPinvBackward0``)."""
    _api._check_tensor(A, "linalg_pinv", "input", 1)
    a = A._data
    if a.ndim < 2:
        raise RuntimeError("linalg.pinv(A): The input tensor A must have at least 2 dimensions.")
    _check_float(a, "linalg.pinv")
    if isinstance(rtol, Tensor):
        rtol = rtol.item()
    return LinalgPinvBackward0.apply(A, rtol=rtol, hermitian=hermitian)


def pinverse(input, rcond=1e-15):
    """``torch.pinverse``."""
    _api._check_tensor(input, "pinverse", "input", 1)
    return LinalgPinvBackward0.apply(input, rtol=rcond)


# ---------------------------------------------------------------------- slogdet
_Slogdet = _rt("linalg_slogdet", ["sign", "logabsdet"])
_SlogdetLegacy = _rt("slogdet", ["sign", "logabsdet"])


class LinalgSlogdetBackward0(_MultiNode):
    op, symbol = "slogdet", "log|det|"
    formula = "∂log|det A|/∂A = A⁻ᵀ"

    @staticmethod
    def backward(ctx, grads):
        _, g = grads
        if g is None:
            return (None,)
        graph = _graph(g)
        A = ctx._input(0, graph)
        n = A.shape[-1]
        g = _T(g)
        # PyTorch's slogdet_backward: solve(Aᴴ, g·I)
        eye = _eye_like(A, n)
        return _out((solve(_mH(A), g.unsqueeze(-1).unsqueeze(-1) * eye),), graph)


def slogdet(A, *, out=None, _legacy=False):
    """``torch.linalg.slogdet``: ``(sign, logabsdet)`` of one ``LinalgSlogdetBackward0``."""
    a = _square("linalg.slogdet", A)
    s, ld = np.linalg.slogdet(a)
    s = np.array(s, dtype=a.dtype)
    ld = np.array(ld, dtype=a.dtype)
    S, LD = _multi(LinalgSlogdetBackward0, "slogdet", (A,), (s, ld), (0, 1), {})
    return (_SlogdetLegacy if _legacy else _Slogdet)(S, LD)


def legacy_slogdet(A):
    return slogdet(A, _legacy=True)


def logdet(A):
    """``torch.logdet``: ``log|det A|`` where ``det A >= 0``, nan where it is negative
    (PyTorch: ``where(sign == -1, nan, logabsdet)``: ``WhereBackward0``)."""
    sign, la = slogdet(A)
    nan = Tensor._make(np.asarray(np.nan, dtype=A._data.dtype))
    return _api.where(sign == -1, nan, la)


# ---------------------------------------------------------------------- lstsq
_Lstsq = _rt("linalg_lstsq", ["solution", "residuals", "rank", "singular_values"])


class LinalgLstsqBackward0(_MultiNode):
    op, symbol = "lstsq", "A⁺B"
    formula = "PyTorch's linalg_lstsq_backward"

    @staticmethod
    def backward(ctx, grads):
        gX, gRes = grads[0], grads[1]
        graph = _graph(gX, gRes)
        A = ctx._input(0, graph)
        B = ctx._input(1, graph)
        X = ctx._outs(graph)[0]
        vec = ctx.vector
        if vec:
            B, X = B.unsqueeze(-1), X.unsqueeze(-1)
        gA = gB = None
        if gX is not None:
            gX = _T(gX)
            if vec:
                gX = gX.unsqueeze(-1)
            pinvA = pinv(A)
            if ctx.needs_input_grad[0]:
                gA = _pinv_backward(gX @ _mH(B), pinvA, A)
            if ctx.needs_input_grad[1]:
                gB = _mH(pinvA) @ gX
        if gRes is not None and _T(gRes).numel() > 0:
            r = A @ X - B
            gL = _T(gRes).unsqueeze(-2)
            if ctx.needs_input_grad[0]:
                term = ((gL * r) @ _mH(X)) * 2
                gA = term if gA is None else gA + term
            if ctx.needs_input_grad[1]:
                term = gL * r * (-2)
                gB = term if gB is None else gB + term
        if vec and gB is not None:
            gB = gB.squeeze(-1)
        return _out((gA, gB), graph)


def lstsq(A, B, rcond=None, *, driver=None):
    """``torch.linalg.lstsq``: ``(solution, residuals, rank, singular_values)`` as the CPU
    default driver ``'gelsy'`` gives them (residuals empty, singular_values empty; rank
    filled)."""
    _api._check_tensor(A, "linalg_lstsq", "self", 1)
    _api._check_tensor(B, "linalg_lstsq", "b", 2)
    a, b = A._data, B._data
    if a.ndim < 2:
        raise RuntimeError("torch.linalg.lstsq: input must have at least 2 dimensions.")
    drivers = ("gels", "gelsy", "gelsd", "gelss")
    if driver is None:
        driver = "gelsy"
    if driver not in drivers:
        raise RuntimeError("parameter `driver` should be one of (gels, gelsy, gelsd, gelss)")
    vector = b.ndim == a.ndim - 1
    bb = b[..., None] if vector else b
    if bb.shape[-2] != a.shape[-2]:
        raise RuntimeError("torch.linalg.lstsq: input.size(-2) should match other.size(-2)")
    x = np.linalg.pinv(a) @ bb if a.ndim > 2 else np.linalg.lstsq(a, bb, rcond=rcond)[0]
    if vector:
        x = x[..., 0]
    x = np.ascontiguousarray(x.astype(a.dtype, copy=False))
    m, n = a.shape[-2], a.shape[-1]
    res = np.zeros((0,), dtype=a.dtype)
    if driver != "gelsy" and m > n:
        rk = np.linalg.matrix_rank(a)
        if np.all(rk == n):
            r = (a @ (x[..., None] if vector else x)) - bb
            res = np.ascontiguousarray((r * r).sum(-2).astype(a.dtype))
    rank = np.asarray(np.linalg.matrix_rank(a), dtype=np.int64)
    sv = np.zeros((0,), dtype=a.dtype)
    if driver in ("gelsd", "gelss"):
        sv = np.ascontiguousarray(np.linalg.svd(a, compute_uv=False).astype(a.dtype))
    if driver == "gels":
        rank = np.zeros((0,), dtype=np.int64)
    outs = (x, res, rank, sv)
    X, R, RK, SV = _multi(LinalgLstsqBackward0, "lstsq", (A, B), outs, (0, 1), {"vector": vector})
    return _Lstsq(X, R, RK, SV)


# ---------------------------------------------------------------------- matrix_rank
def matrix_rank(A, *, atol=None, rtol=None, hermitian=False, tol=None, out=None):
    """``torch.linalg.matrix_rank`` (int64, no gradient)."""
    _api._check_tensor(A, "linalg_matrix_rank", "input", 1)
    a = A._data
    if a.ndim < 2:
        raise RuntimeError(
            "torch.linalg.matrix_rank: The input tensor input must have at least 2 dimensions."
        )
    _check_float(a, "torch.linalg.matrix_rank")
    s = np.linalg.svd(a, compute_uv=False) if a.size else np.zeros((*a.shape[:-2], 0))
    smax = s.max(-1, initial=0.0)
    if tol is not None:
        atol = tol
    if isinstance(atol, Tensor):
        atol = atol._data
    if isinstance(rtol, Tensor):
        rtol = rtol._data
    atol_v = 0.0 if atol is None else atol
    if rtol is None:
        rtol_v = 0.0 if (atol is not None and atol_v > 0) else _default_rtol(a)
    else:
        rtol_v = rtol
    thresh = np.maximum(atol_v, rtol_v * smax)
    rank = (s > np.asarray(thresh)[..., None]).sum(-1)
    return Tensor._make(np.asarray(rank, dtype=np.int64))


# ---------------------------------------------------------------------- removed names
#: what PyTorch 2.13 raises for the functions it removed in 1.9 (old tutorials call them)
_REMOVED = {
    "eig": "This function was deprecated since version 1.9 and is now removed. "
    "`torch.linalg.eig` returns complex tensors of dtype `cfloat` or `cdouble` rather "
    "than real tensors mimicking complex tensors.\n"
    "\n"
    "L, _ = torch.eig(A) should be replaced with:\n"
    "L_complex = torch.linalg.eigvals(A)\n"
    "\n"
    "and\n"
    "\n"
    "L, V = torch.eig(A, eigenvectors=True) should be replaced with:\n"
    "L_complex, V_complex = torch.linalg.eig(A)",
    "lstsq": "This function was deprecated since version 1.9 and is now removed. `torch.lstsq` "
    "is deprecated in favor of `torch.linalg.lstsq`.\n"
    "`torch.linalg.lstsq` has reversed arguments and does not return the QR "
    "decomposition in the returned tuple (although it returns other information about "
    "the problem).\n"
    "\n"
    "To get the QR decomposition consider using `torch.linalg.qr`.\n"
    "\n"
    "The returned solution in `torch.lstsq` stored the residuals of the solution in the "
    "last m - n columns of the returned value whenever m > n. In torch.linalg.lstsq, "
    "the residuals are in the field 'residuals' of the returned named tuple.\n"
    "\n"
    "The unpacking of the solution, as in\n"
    "X, _ = torch.lstsq(B, A).solution[:A.size(1)]\n"
    "should be replaced with:\n"
    "X = torch.linalg.lstsq(A, B).solution",
    "matrix_rank": "This function was deprecated since version 1.9 and is now removed.\n"
    "Please use the `torch.linalg.matrix_rank` function instead. The parameter "
    "'symmetric' was renamed in `torch.linalg.matrix_rank()` to 'hermitian'.",
    "solve": "This function was deprecated since version 1.9 and is now removed. `torch.solve` "
    "is deprecated in favor of `torch.linalg.solve`. `torch.linalg.solve` has its "
    "arguments reversed and does not return the LU factorization.\n"
    "\n"
    "To get the LU factorization see `torch.lu`, which can be used with "
    "`torch.lu_solve` or `torch.lu_unpack`.\n"
    "X = torch.solve(B, A).solution should be replaced with:\n"
    "X = torch.linalg.solve(A, B)",
    "symeig": "This function was deprecated since version 1.9 and is now removed. The default "
    "behavior has changed from using the upper triangular portion of the matrix by "
    "default to using the lower triangular portion.\n"
    "\n"
    "L, _ = torch.symeig(A, upper=upper) should be replaced with:\n"
    "L = torch.linalg.eigvalsh(A, UPLO='U' if upper else 'L')\n"
    "\n"
    "and\n"
    "\n"
    "L, V = torch.symeig(A, eigenvectors=True) should be replaced with:\n"
    "L, V = torch.linalg.eigh(A, UPLO='U' if upper else 'L')",
}


def _removed(name):
    def fn(*args, **kwargs):
        raise RuntimeError(_REMOVED[name])

    fn.__name__ = name
    fn.__qualname__ = name
    return fn


removed_lstsq = _removed("lstsq")
removed_solve = _removed("solve")
removed_symeig = _removed("symeig")
removed_eig = _removed("eig")
removed_matrix_rank = _removed("matrix_rank")


# ---------------------------------------------------------------------- Tensor methods
def _m_svd(self, some=True, compute_uv=True):
    return legacy_svd(self, some, compute_uv)


def _m_cholesky(self, upper=False):
    return legacy_cholesky(self, upper)


def _m_qr(self, some=True):
    return legacy_qr(self, some)


def _m_pinverse(self, rcond=1e-15):
    return pinverse(self, rcond)


for _name, _fn in (
    ("svd", _m_svd),
    ("cholesky", _m_cholesky),
    ("qr", _m_qr),
    ("slogdet", legacy_slogdet),
    ("logdet", logdet),
    ("pinverse", _m_pinverse),
    ("lstsq", removed_lstsq),
    ("solve", removed_solve),
    ("symeig", removed_symeig),
    ("eig", removed_eig),
):
    if _name not in Tensor.__dict__:
        setattr(Tensor, _name, _fn)
del _name, _fn
