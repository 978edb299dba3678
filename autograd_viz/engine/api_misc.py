"""Small ``torch.`` names teaching code calls (issue 13): ``asarray``, ``fill``,
``empty_strided``, ``scalar_tensor``, ``frombuffer``, ``detach_``, the legacy
``IntTensor`` / ``ByteTensor`` / ``CharTensor`` / ``ShortTensor`` constructors,
``get_device``, ``unravel_index``, the runtime switches PyTorch has on a CPU build
(interop threads, ``set_warn_always``, ``set_flush_denormal``), ``index_reduce``, and
the older factorization names (``cholesky_solve`` / ``cholesky_inverse``,
``triangular_solve``, ``lu`` / ``lu_solve`` / ``lu_unpack``) composed from the engine's
linear-algebra ops."""

from __future__ import annotations

import numbers
import warnings

import numpy as np

from . import api as _api
from .api import _check_tensor
from .tensor import Tensor, _wrap_dim


def _dtype_name(dt):
    from .api_scatter import _scalar_name

    return _scalar_name(dt)


# ---------------------------------------------------------------------- creation


def asarray(obj, *, dtype=None, device=None, copy=None, requires_grad=False):
    """A tensor from ``obj``, sharing memory when it can (a tensor, an ndarray)."""
    from .creation import from_numpy, tensor

    if isinstance(obj, Tensor):
        t = obj
        if dtype is not None and _api.to_numpy_dtype(dtype) != obj._data.dtype:
            t = obj.to(dtype)
        elif copy:
            t = obj.clone()
    elif isinstance(obj, np.ndarray) and not copy:
        t = from_numpy(obj)
        if dtype is not None and _api.to_numpy_dtype(dtype) != obj.dtype:
            t = t.to(dtype)
    else:
        t = tensor(obj, dtype=dtype)
    if requires_grad:
        t = t.detach() if t is obj else t
        t.requires_grad_(True)
    return t


def fill(input, value):
    """``torch.fill(x, v)``: a new tensor like ``x`` full of ``v`` (``FillBackward0``:
    no gradient reaches ``x``)."""
    from .ops.more2 import FillBackward0

    _check_tensor(input, "fill")
    if isinstance(value, Tensor):
        value = value.item()
    return FillBackward0.apply(input, value=value)


def empty_strided(
    size, stride, *, dtype=None, layout=None, device=None, requires_grad=False, pin_memory=False
):
    """An uninitialised (here: zero) tensor of ``size`` with the given strides."""
    from .device import DEFAULT_FLOAT, check_device

    check_device(device)
    size = tuple(int(n) for n in size)
    stride = tuple(int(s) for s in stride)
    if len(size) != len(stride):
        raise RuntimeError("mismatch in length of strides and shape")
    npd = np.dtype(DEFAULT_FLOAT[0] if dtype is None else _api.to_numpy_dtype(dtype))
    need = 1 + sum((n - 1) * s for n, s in zip(size, stride, strict=True)) if all(size) else 0
    base = np.zeros(max(need, 0), dtype=npd)
    arr = np.lib.stride_tricks.as_strided(
        base, shape=size, strides=tuple(s * npd.itemsize for s in stride)
    )
    t = Tensor._make(arr)
    if requires_grad:
        t.requires_grad_(True)
    return t


def scalar_tensor(
    s, *, dtype=None, layout=None, device=None, requires_grad=False, pin_memory=False
):
    """A 0-d tensor of the number ``s`` (default dtype: the default float)."""
    from .device import DEFAULT_FLOAT, check_device

    check_device(device)
    if isinstance(s, Tensor):
        if s.ndim != 0:
            raise TypeError("scalar_tensor(): argument 's' (position 1) must be Number, not Tensor")
        s = s.item()
    if not isinstance(s, numbers.Number):
        raise TypeError(
            f"scalar_tensor(): argument 's' (position 1) must be Number, not {type(s).__name__}"
        )
    npd = np.dtype(DEFAULT_FLOAT[0] if dtype is None else _api.to_numpy_dtype(dtype))
    t = Tensor._make(np.asarray(s).astype(npd))
    if requires_grad:
        t.requires_grad_(True)
    return t


def frombuffer(buffer, *, dtype, count=-1, offset=0, requires_grad=False):
    """A 1-D tensor over the bytes of a Python buffer (shares its memory)."""
    npd = np.dtype(_api.to_numpy_dtype(dtype))
    mv = memoryview(buffer)
    n = mv.nbytes
    if n == 0:
        raise ValueError("both buffer length (0) and count (-1) must not be 0")
    if offset < 0 or offset >= n:
        raise ValueError(
            f"offset ({offset} bytes) must be non-negative and no greater than buffer length "
            f"({n} bytes) minus 1"
        )
    if count <= 0 and (n - offset) % npd.itemsize:
        raise ValueError(
            f"buffer length ({n - offset} bytes) after offset ({offset} bytes) must be a "
            f"multiple of element size ({npd.itemsize})"
        )
    arr = np.frombuffer(buffer, dtype=npd, count=count, offset=offset)
    if not arr.flags.writeable:
        warnings.warn(
            "The given buffer is not writable, and PyTorch does not support non-writable "
            "tensors. This means you can write to the underlying (supposedly non-writable) "
            "buffer using the tensor. You may want to copy the buffer to protect its data or "
            "make it writable before converting it to a tensor. This type of warning will be "
            "suppressed for the rest of this program.",
            UserWarning,
            stacklevel=2,
        )
        arr = arr.copy()
    t = Tensor._make(arr)
    if requires_grad:
        t.requires_grad_(True)
    return t


def detach_(input):
    """``torch.detach_(x)``: ``x.detach_()``."""
    _check_tensor(input, "detach_")
    return input.detach_()


def _legacy(npd, name):
    def make(*args, device=None):
        from .creation import _legacy_device, as_array

        if device is not None:
            _legacy_device(device)
        if len(args) == 1 and not isinstance(args[0], numbers.Number):
            if isinstance(args[0], Tensor):
                return Tensor._make(args[0]._data.astype(npd))
            return Tensor._make(as_array(args[0], npd))
        return Tensor._make(np.zeros(tuple(int(a) for a in args), dtype=npd))

    from .creation import legacy_tensor_type

    return legacy_tensor_type(name, make, npd)


IntTensor = _legacy(np.int32, "IntTensor")
ShortTensor = _legacy(np.int16, "ShortTensor")
ByteTensor = _legacy(np.uint8, "ByteTensor")
CharTensor = _legacy(np.int8, "CharTensor")


def get_device(input):
    """-1 for a CPU tensor (what every tensor is here)."""
    _check_tensor(input, "get_device")
    return -1


def unravel_index(indices, shape):
    """The coordinates of flat ``indices`` in ``shape``: a tuple of int64 tensors."""
    if not isinstance(indices, Tensor):
        indices = Tensor._make(np.asarray(indices))
    if indices._data.dtype.kind not in "iu" or indices._data.dtype == np.bool_:
        raise TypeError(f"expected 'indices' to be integer dtype, but got {indices.dtype}")
    if isinstance(shape, int):
        shape = (shape,)
    shape = tuple(int(n) for n in shape)
    if any(n < 0 for n in shape):
        raise ValueError("'shape' cannot have negative values, but got " + str(shape))
    n = int(np.prod(shape, dtype=np.int64))
    a = indices._data.astype(np.int64)
    if a.size and ((a < -n).any() or (a >= n).any()):
        raise RuntimeError("'indices' must be in range [-" + str(n) + ", " + str(n - 1) + "]")
    a = np.where(a < 0, a + n, a)
    coords = np.unravel_index(a, shape) if shape else ()
    return tuple(Tensor._make(np.asarray(c, dtype=np.int64)) for c in coords)


# ---------------------------------------------------------------------- runtime switches

_INTEROP = [1]
_WARN_ALWAYS = [False]


def get_num_interop_threads():
    return _INTEROP[0]


def set_num_interop_threads(num):
    """Accepted once, before any inter-op work (as PyTorch); the engine runs in one thread."""
    if not isinstance(num, int) or num <= 0:
        raise RuntimeError("Expected positive number of threads")
    _INTEROP[0] = num


def set_warn_always(b):
    _WARN_ALWAYS[0] = bool(b)


def is_warn_always_enabled():
    return _WARN_ALWAYS[0]


def set_flush_denormal(mode):
    """``True`` where the CPU supports flushing denormals (x86 with SSE3); numpy cannot
    switch it, so nothing changes (the return value says whether PyTorch could)."""
    import platform

    return platform.machine().lower() in ("x86_64", "amd64", "i686", "x86")


# ---------------------------------------------------------------------- index_reduce


def _index_reduce(self, dim, index, source, reduce, include_self=True):
    if reduce not in ("prod", "mean", "amax", "amin"):
        raise RuntimeError(
            f"index_reduce(): Expected reduce to be one of prod, mean, amax or amin but got "
            f"{reduce}."
        )
    _check_tensor(index, "index_reduce", "index", 2)
    _check_tensor(source, "index_reduce", "source", 3)
    d = _wrap_dim(dim, max(self.ndim, 1))
    idx = index._data
    if idx.ndim > 1:
        raise IndexError("index_reduce_(): Index is supposed to be a vector")
    if idx.dtype not in (np.int64, np.int32):
        raise RuntimeError("index_reduce_(): Expected dtype int32/int64 for index")
    if self._data.dtype != source._data.dtype:
        raise RuntimeError("index_reduce_(): self and source must have same scalar type")
    if source.ndim and idx.size != source.shape[d]:
        raise RuntimeError(
            "index_reduce_(): Number of indices (" + str(idx.size) + ") should be equal to "
            "source.size(dim) (" + str(source.shape[d]) + ")"
        )
    return d, idx


_REDUCE_WARNED = [False]


def index_reduce(input, dim, index, source, reduce, *, include_self=True):
    """``input`` with the slices of ``source`` reduced (``prod``, ``mean``, ``amax``,
    ``amin``) into the slices ``index`` names along ``dim``; no gradient here (one that
    requires grad is refused rather than silently cut)."""
    if not _REDUCE_WARNED[0]:
        _REDUCE_WARNED[0] = True
        warnings.warn(
            "index_reduce() is in beta and the API may change at any time.",
            UserWarning,
            stacklevel=2,
        )
    if input._requires_grad or getattr(source, "_requires_grad", False):
        raise RuntimeError("index_reduce: the derivative is not implemented here")
    _check_tensor(input, "index_reduce")
    d, idx = _index_reduce(input, dim, index, source, reduce, include_self)
    out = np.array(input._data, copy=True)
    src = np.moveaxis(source._data, d, 0)
    o = np.moveaxis(out, d, 0)
    kind = out.dtype.kind
    if reduce == "prod":
        if not include_self:
            o[np.unique(idx)] = 1
        np.multiply.at(o, idx, src)
    elif reduce in ("amax", "amin"):
        if not include_self:
            fillv = -np.inf if reduce == "amax" else np.inf
            if kind != "f":
                info = np.iinfo(out.dtype)
                fillv = info.min if reduce == "amax" else info.max
            o[np.unique(idx)] = fillv
        (np.maximum if reduce == "amax" else np.minimum).at(o, idx, src)
    else:
        counts = np.zeros(o.shape[0], dtype=np.int64)
        np.add.at(counts, idx, 1)
        if not include_self:
            o[np.unique(idx)] = 0
        else:
            counts = counts + 1
        np.add.at(o, idx, src)
        c = counts.reshape((-1,) + (1,) * (o.ndim - 1))
        sel = np.unique(idx)
        if kind == "f":
            o[sel] = o[sel] / c[sel]
        else:
            o[sel] = np.floor_divide(o[sel], c[sel])
    return Tensor._make(out)


def _index_reduce_(self, dim, index, source, reduce, *, include_self=True):
    r = index_reduce(self, dim, index, source, reduce, include_self=include_self)
    return _api.inplace(self, "index_reduce_", lambda old: r)


# ---------------------------------------------------------------------- factorizations


def _solve_tri(a, b, upper, left=True, unitriangular=False):
    from .api_linalg2 import solve_triangular

    return solve_triangular(a, b, upper=upper, left=left, unitriangular=unitriangular)


def cholesky_solve(input, input2, upper=False):
    """``X`` with ``(L Lᴴ) X = B`` from the Cholesky factor ``L`` (``input2``)."""
    _check_tensor(input, "cholesky_solve")
    _check_tensor(input2, "cholesky_solve", "input2", 2)
    if input.ndim < 2 or input2.ndim < 2:
        raise RuntimeError(
            f"b should have at least 2 dimensions, but has {input.ndim} dimensions instead"
            if input.ndim < 2
            else f"u should have at least 2 dimensions, but has {input2.ndim} dimensions instead"
        )
    from .ops.more2 import CholeskySolveBackward0

    return CholeskySolveBackward0.apply(input, input2, upper=bool(upper))


def cholesky_inverse(input, upper=False):
    """``(L Lᴴ)⁻¹`` from the Cholesky factor ``L``."""
    from .api_scatter import inverse

    _check_tensor(input, "cholesky_inverse")
    if input.ndim < 2:
        raise RuntimeError("The input tensor A must have at least 2 dimensions.")
    a = input.mT @ input if upper else input @ input.mT
    return inverse(a)


def triangular_solve(b, A, upper=True, transpose=False, unitriangular=False):
    """``(solution, cloned_coefficient)`` of ``A X = b`` (deprecated in PyTorch, which warns
    once)."""
    from .return_types import get as _rt

    _check_tensor(b, "triangular_solve")
    _check_tensor(A, "triangular_solve", "A", 2)
    if not _TRI_WARNED[0]:
        _TRI_WARNED[0] = True
        warnings.warn(
            "torch.triangular_solve is deprecated in favor of torch.linalg.solve_triangular"
            "and will be removed in a future PyTorch release.\n"
            "torch.linalg.solve_triangular has its arguments reversed and does not return a "
            "copy of one of the inputs.\n"
            "X = torch.triangular_solve(B, A).solution\n"
            "should be replaced with\n"
            "X = torch.linalg.solve_triangular(A, B).",
            UserWarning,
            stacklevel=2,
        )
    from .ops.more2 import TriangularSolveBackward0

    x = TriangularSolveBackward0.apply(
        b, A, upper=bool(upper), transpose=bool(transpose), unitriangular=bool(unitriangular)
    )
    return _rt("triangular_solve", ("solution", "cloned_coefficient"))(x, A.clone())


_TRI_WARNED = [False]


def _lu_arrays(a):
    """Partial-pivoting LU (LAPACK's getrf: the largest pivot in each column): the packed
    factors and the 1-based pivots, per matrix of a batch."""
    a = np.array(a, dtype=a.dtype, copy=True)
    shape = a.shape
    m, n = shape[-2], shape[-1]
    flat = a.reshape(-1, m, n)
    piv = np.zeros((flat.shape[0], min(m, n)), dtype=np.int32)
    info = np.zeros(flat.shape[0], dtype=np.int32)
    for b in range(flat.shape[0]):
        x = flat[b]
        for k in range(min(m, n)):
            p = k + int(np.argmax(np.abs(x[k:, k])))
            piv[b, k] = p + 1
            if p != k:
                x[[k, p]] = x[[p, k]]
            if x[k, k] == 0:
                if info[b] == 0:
                    info[b] = k + 1
                continue
            x[k + 1 :, k] /= x[k, k]
            x[k + 1 :, k + 1 :] -= np.outer(x[k + 1 :, k], x[k, k + 1 :])
    return flat.reshape(shape), piv.reshape((*shape[:-2], min(m, n))), info.reshape(shape[:-2])


def lu_factor(A, *, pivot=True):
    """``torch.linalg.lu_factor``: ``(LU, pivots)`` (no gradient here)."""
    from .return_types import get as _rt

    _check_tensor(A, "linalg_lu_factor", "A")
    if A.ndim < 2:
        raise RuntimeError(
            "torch.lu_factor: Expected tensor with 2 or more dimensions. Got size: "
            f"{list(A.shape)} instead"
        )
    if A._data.dtype.kind not in "fc":
        raise NotImplementedError(f"\"lu_cpu\" not implemented for '{_dtype_name(A._data.dtype)}'")
    if not pivot:
        raise RuntimeError("linalg.lu_factor: LU without pivoting is not implemented on the CPU")
    lu, piv, _ = _lu_arrays(A._data)
    return _rt("linalg_lu_factor", ("LU", "pivots"))(Tensor._make(lu), Tensor._make(piv))


def lu_factor_ex(A, *, pivot=True, check_errors=False):
    from .return_types import get as _rt

    lu, piv = lu_factor(A, pivot=pivot)
    _, _, info = _lu_arrays(A._data)
    return _rt("linalg_lu_factor_ex", ("LU", "pivots", "info"))(lu, piv, Tensor._make(info))


def _perm_from_pivots(piv, m):
    perm = np.arange(m)
    for k, p in enumerate(piv):
        p = int(p) - 1
        perm[[k, p]] = perm[[p, k]]
    return perm


def lu_unpack(LU_data, LU_pivots, unpack_data=True, unpack_pivots=True):
    """``(P, L, U)`` from the packed LU factors and pivots."""
    from .return_types import get as _rt

    lu = LU_data._data
    m, n = lu.shape[-2], lu.shape[-1]
    k = min(m, n)
    L = np.tril(lu[..., :, :k], -1) + np.eye(m, k, dtype=lu.dtype)
    U = np.triu(lu[..., :k, :])
    piv = LU_pivots._data.reshape(-1, LU_pivots.shape[-1])
    ps = []
    for row in piv:
        perm = _perm_from_pivots(row, m)
        P = np.zeros((m, m), dtype=lu.dtype)
        P[perm, np.arange(m)] = 1
        ps.append(P)
    P = np.stack(ps).reshape((*lu.shape[:-2], m, m))
    return _rt("lu_unpack", ("P", "L", "U"))(Tensor._make(P), Tensor._make(L), Tensor._make(U))


def linalg_lu(A, *, pivot=True):
    """``torch.linalg.lu``: ``(P, L, U)`` with ``A = P L U`` (no gradient here)."""
    from .return_types import get as _rt

    lu, piv = lu_factor(A, pivot=pivot)
    P, L, U = lu_unpack(lu, piv)
    return _rt("linalg_lu", ("P", "L", "U"))(P, L, U)


def linalg_lu_solve(LU, pivots, B, *, left=True, adjoint=False):
    """``X`` with ``A X = B`` from ``lu_factor``'s output (differentiable in ``B``)."""
    from .ops.more2 import LinalgLuSolveBackward0

    if LU._requires_grad:
        raise RuntimeError(
            "linalg.lu_solve: the derivative with respect to LU is not implemented here "
            "(factor with torch.no_grad() or detach LU)"
        )
    if not left:
        raise RuntimeError("linalg.lu_solve: left=False is not supported here")
    P, L, U = lu_unpack(LU, pivots)
    a = (P @ L @ U)._data
    return LinalgLuSolveBackward0.apply(LU, B, a=a, adjoint=bool(adjoint))


def lu(A, pivot=True, get_infos=False):
    """``torch.lu`` (deprecated in PyTorch): ``(LU, pivots[, infos])``."""
    lu_, piv = lu_factor(A, pivot=pivot)
    if get_infos:
        _, _, info = _lu_arrays(A._data)
        return lu_, piv, Tensor._make(info)
    return lu_, piv


def lu_solve(b, LU_data, LU_pivots):
    """``torch.lu_solve(b, LU, pivots)`` (deprecated: ``linalg.lu_solve(LU, pivots, b)``)."""
    return linalg_lu_solve(LU_data, LU_pivots, b)


__all_misc__ = [
    "ByteTensor",
    "CharTensor",
    "IntTensor",
    "ShortTensor",
    "asarray",
    "cholesky_inverse",
    "cholesky_solve",
    "detach_",
    "empty_strided",
    "fill",
    "frombuffer",
    "get_device",
    "get_num_interop_threads",
    "index_reduce",
    "is_warn_always_enabled",
    "lu",
    "lu_solve",
    "lu_unpack",
    "scalar_tensor",
    "set_flush_denormal",
    "set_num_interop_threads",
    "set_warn_always",
    "triangular_solve",
    "unravel_index",
]


def _install():
    def method(fn, name):
        def m(self, *args, **kwargs):
            return fn(self, *args, **kwargs)

        m.__name__ = m.__qualname__ = name
        return m

    for name, fn in (
        ("index_reduce", index_reduce),
        ("index_reduce_", _index_reduce_),
        ("cholesky_solve", cholesky_solve),
        ("cholesky_inverse", cholesky_inverse),
        ("triangular_solve", triangular_solve),
        ("lu", lu),
        ("lu_solve", lu_solve),
    ):
        if name not in Tensor.__dict__:
            setattr(Tensor, name, method(fn, name))


_install()
