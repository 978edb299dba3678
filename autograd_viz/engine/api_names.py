"""Public names teaching code uses that the engine lacked (issue 13): Tensor methods that
are another name or the in-place form of an existing op (``greater``, ``eq_``,
``tril_``, ``cumsum_``, ``subtract_``, ``logical_and_``...), the one-node products
``addmv`` / ``addr`` / ``addbmm`` (and ``addmm_`` / ``baddbmm_``), ``fmax`` / ``fmin``,
``hardshrink``, ``dist``, ``renorm``, ``put`` / ``index_put``, ``as_strided``,
``narrow_copy``, the ``*_scatter`` family, ``matrix_power``, ``diagflat``,
``sum_to_size``, ``fill_diagonal_``, ``apply_`` / ``map_``, ``gcd`` / ``lcm`` and small
predicates.  Each is wired onto ``Tensor`` here (never over a method ``tensor.py``
defines) and the functions are exported through ``engine/__init__.py``."""

from __future__ import annotations

import numbers

import numpy as np

from . import api as _api
from .api import _check_tensor, _scalar_type_name
from .ops import more2 as N
from .tensor import Tensor, _wrap_dim

_NO = object()


def _dtype_name(dt):
    from .api_scatter import _scalar_name

    return _scalar_name(dt)


def _float_check(x, fn):
    if x._data.dtype.kind not in "fc":
        raise RuntimeError(
            f"{fn}: Expected a floating point or complex tensor as input. Got "
            f"{_dtype_name(x._data.dtype)}"
        )


def _not_impl(kernel, x):
    raise NotImplementedError(f"\"{kernel}\" not implemented for '{_dtype_name(x._data.dtype)}'")


def _number(fn, name, v, pos=None):
    if isinstance(v, numbers.Number):
        return v
    if isinstance(v, Tensor) and v.ndim == 0:
        return v.item()
    where = f" (position {pos})" if pos else ""
    raise TypeError(f"{fn}(): argument '{name}'{where} must be Number, not {type(v).__name__}")


# ---------------------------------------------------------------------- addmv / addr / addbmm


def _check_beta_alpha(fn, beta, alpha):
    for k, v in (("beta", beta), ("alpha", alpha)):
        if isinstance(v, Tensor) or not isinstance(v, numbers.Number):
            raise TypeError(f"{fn}(): argument '{k}' must be Number, not {type(v).__name__}")


def addmv(input, mat, vec, *, beta=1, alpha=1, out=None):
    """``beta·input + alpha·(mat @ vec)``: one ``AddmvBackward0``."""
    _check_tensor(input, "addmv")
    _check_tensor(mat, "addmv", "mat", 2)
    _check_tensor(vec, "addmv", "vec", 3)
    _check_beta_alpha("addmv", beta, alpha)
    m, v, c = mat._data, vec._data, input._data
    if m.ndim != 2 or v.ndim != 1 or c.ndim > 1:
        raise RuntimeError(f"vector + matrix @ vector expected, got {c.ndim}, {m.ndim}, {v.ndim}")
    if m.shape[1] != v.shape[0] or (c.ndim == 1 and c.shape[0] not in (m.shape[0], 1)):
        ins = "x".join(str(n) for n in c.shape)
        raise RuntimeError(
            f"size mismatch, got input ({ins}), mat ({m.shape[0]}x{m.shape[1]}), vec ({v.shape[0]})"
        )
    if not (c.dtype == m.dtype == v.dtype):
        raise RuntimeError(
            "addmv input tensors must have the same dtype, but got "
            f"{_dtype_name(c.dtype)}, {_dtype_name(m.dtype)}, and {_dtype_name(v.dtype)}"
        )
    r = N.AddmvBackward0.apply(input, mat, vec, beta=beta, alpha=alpha)
    return _out(r, out)


def _out(r, out):
    if out is None:
        return r
    out.resize_(r.shape) if out.shape != r.shape else None
    out.copy_(r)
    return out


def addr(input, vec1, vec2, *, beta=1, alpha=1, out=None):
    """``beta·input + alpha·outer(vec1, vec2)``: one ``AddrBackward0``."""
    _check_tensor(input, "addr")
    _check_tensor(vec1, "addr", "vec1", 2)
    _check_tensor(vec2, "addr", "vec2", 3)
    _check_beta_alpha("addr", beta, alpha)
    for name, v in (("vec1", vec1), ("vec2", vec2)):
        if v._data.ndim != 1:
            raise RuntimeError(f"addr: Expected 1-D argument {name}, but got {v._data.ndim}-D")
    target = (vec1.shape[0], vec2.shape[0])
    _api._check_expand(input, target)
    dts = {input._data.dtype, vec1._data.dtype, vec2._data.dtype}
    if len(dts) > 1:
        other = input if input._data.dtype != vec1._data.dtype else vec2
        raise RuntimeError(
            f"expected scalar type {_dtype_name(vec1._data.dtype)} but found "
            f"{_dtype_name(other._data.dtype)}"
        )
    return _out(N.AddrBackward0.apply(input, vec1, vec2, beta=beta, alpha=alpha), out)


def addbmm(input, batch1, batch2, *, beta=1, alpha=1, out=None):
    """``beta·input + alpha·Σ_b batch1[b] @ batch2[b]``: one ``AddbmmBackward0``."""
    _check_tensor(input, "addbmm")
    _check_tensor(batch1, "addbmm", "batch1", 2)
    _check_tensor(batch2, "addbmm", "batch2", 3)
    _check_beta_alpha("addbmm", beta, alpha)
    s1, s2 = batch1._data.shape, batch2._data.shape
    nd1, nd2 = max(len(s1), 1), max(len(s2), 1)
    _wrap_dim(2, nd1)
    _wrap_dim(2, nd2)
    target = (s1[1], s2[2])
    _api._check_expand(input, target)
    if len(s1) != 3:
        raise RuntimeError("batch1 must be a 3D tensor")
    if len(s2) != 3:
        raise RuntimeError("batch2 must be a 3D tensor")
    if s1[0] != s2[0]:
        raise RuntimeError(
            f"batch1 and batch2 must have same number of batches, got {s1[0]} and {s2[0]}"
        )
    if s1[2] != s2[1]:
        raise RuntimeError(
            f"Incompatible matrix sizes for bmm ({s1[1]}x{s1[2]} and {s2[1]}x{s2[2]})"
        )
    if batch1._data.dtype != batch2._data.dtype or input._data.dtype != batch1._data.dtype:
        other = batch2 if batch2._data.dtype != batch1._data.dtype else input
        raise RuntimeError(
            f"expected scalar type {_dtype_name(batch1._data.dtype)} but found "
            f"{_dtype_name(other._data.dtype)}"
        )
    return _out(N.AddbmmBackward0.apply(input, batch1, batch2, beta=beta, alpha=alpha), out)


def _addmm_checked(input, mat1, mat2, *, beta=1, alpha=1):
    for name, m in (("mat1", mat1), ("mat2", mat2)):
        if isinstance(m, Tensor) and m._data.ndim != 2:
            raise RuntimeError(f"{name} must be a matrix, got {m._data.ndim}-D tensor")
    if beta == 1 and alpha == 1:
        return _api.addmm(input, mat1, mat2)
    return addmm_scaled(input, mat1, mat2, beta, alpha)


def addmm_scaled(input, mat1, mat2, beta, alpha):
    """``addmm`` with ``beta`` / ``alpha``: one ``AddmmBackward0`` as PyTorch's (the
    checks of the plain form first)."""
    _check_beta_alpha("addmm", beta, alpha)
    sa, sb = mat1._data.shape, mat2._data.shape
    if sa[1] != sb[0]:
        raise RuntimeError(
            f"mat1 and mat2 shapes cannot be multiplied ({sa[0]}x{sa[1]} and {sb[0]}x{sb[1]})"
        )
    if mat1._data.dtype != mat2._data.dtype:
        raise RuntimeError(
            "mat1 and mat2 must have the same dtype, but got "
            f"{_scalar_type_name(mat1._data.dtype)} and {_scalar_type_name(mat2._data.dtype)}"
        )
    _api._check_expand(input, (sa[0], sb[1]))
    return N.AddmmBackward0.apply(input, mat1, mat2, beta=beta, alpha=alpha)


def _inplace_of(fn, name):
    def m(self, *args, **kwargs):
        return _api.inplace(self, name, lambda old: fn(old, *args, **kwargs))

    m.__name__ = m.__qualname__ = name
    m.__doc__ = f"In-place ``{name[:-1]}`` (``t.{name}(...)``)."
    return m


def _method(fn, name):
    def m(self, *args, **kwargs):
        return fn(self, *args, **kwargs)

    m.__name__ = m.__qualname__ = name
    m.__doc__ = f"``x.{name}(...)``: ``torch.{name}(x, ...)``."
    return m


# ---------------------------------------------------------------------- fmax / fmin, shrink


def _fminmax(cls, name):
    def f(input, other, *, out=None):
        _check_tensor(input, name)
        _check_tensor(other, name, "other", 2)
        a, b = input._data, other._data
        try:
            np.broadcast_shapes(a.shape, b.shape)
        except ValueError:
            raise _api._broadcast_error(input, other) from None
        rt = _api.result_type(input, other)
        x = input if a.dtype == rt else input.to(_api.from_numpy_dtype(rt))
        y = other if b.dtype == rt else other.to(_api.from_numpy_dtype(rt))
        return _out(cls.apply(x, y), out)

    f.__name__ = f.__qualname__ = name
    f.__doc__ = f"``torch.{name}``: the elementwise {name[1:]}imum, a nan losing to a number."
    return f


fmax = _fminmax(N.FmaxBackward0, "fmax")
fmin = _fminmax(N.FminBackward0, "fmin")


def hardshrink(input, lambd=0.5):
    """``x`` where ``|x| > lambd``, else 0: one ``HardshrinkBackward0``."""
    _check_tensor(input, "hardshrink")
    lambd = _number("hardshrink", "lambd", lambd, 2 if not isinstance(lambd, int | float) else None)
    if input._data.dtype.kind not in "f":
        _not_impl("hardshrink_cpu", input)
    return N.HardshrinkBackward0.apply(input, lambd=lambd)


def softshrink(input, lambd=0.5):
    """``x ∓ lambd`` where ``|x| > lambd``, else 0: one ``SoftshrinkBackward0``."""
    _check_tensor(input, "softshrink")
    lambd = _number("softshrink", "lambd", lambd)
    if input._data.dtype.kind not in "f":
        _not_impl("softshrink_check", input)
    if lambd < 0:
        big = "3.40282e+38" if input._data.dtype == np.float32 else "1.79769e+308"
        raise RuntimeError(
            f"lambda must be in range [0, {big}] for input dtype "
            f"{_dtype_name(input._data.dtype)}, but found {lambd:g}"
        )
    return N.SoftshrinkBackward0.apply(input, lambd=lambd)


# ---------------------------------------------------------------------- dist / renorm


def dist(input, other, p=2):
    """``‖input − other‖_p`` (broadcast): one ``DistBackward0``."""
    _check_tensor(input, "dist")
    _check_tensor(other, "dist", "other", 2)
    if isinstance(p, str) or not isinstance(p, numbers.Number):
        raise TypeError(f"dist(): argument 'p' must be Number, not {type(p).__name__}")
    try:
        np.broadcast_shapes(input._data.shape, other._data.shape)
    except ValueError:
        raise _api._broadcast_error(input, other) from None
    rt = _api.result_type(input, other)
    if rt.kind not in "fc":
        raise RuntimeError(
            "norm(): input dtype should be either floating point or complex. Got "
            f"{_dtype_name(rt)} instead."
        )
    x = input if input._data.dtype == rt else input.to(_api.from_numpy_dtype(rt))
    y = other if other._data.dtype == rt else other.to(_api.from_numpy_dtype(rt))
    return N.DistBackward0.apply(x, y, p=float(p))


def renorm(input, p, dim, maxnorm):
    """Each slice along ``dim`` with p-norm above ``maxnorm`` scaled down to it."""
    _check_tensor(input, "renorm")
    p = float(_number("renorm", "p", p))
    maxnorm = float(_number("renorm", "maxnorm", maxnorm))
    if p <= 0:
        raise RuntimeError("renorm: non-positive-norm not supported")
    if maxnorm < 0:
        raise RuntimeError(f"renorm: expected maxnorm to be >= 0 but got {maxnorm:g}")
    nd = input._data.ndim
    if nd < 2:
        raise RuntimeError(f"renorm: input needs at least 2 dimensions, got {nd} dimensions")
    d = _wrap_dim(dim, nd)
    _float_check(input, "linalg.vector_norm")
    return N.RenormBackward0.apply(input, p=p, dim=d, maxnorm=maxnorm)


# ---------------------------------------------------------------------- put / index_put


def _check_put(self, index, source):
    _check_tensor(index, "put", "index", 1)
    _check_tensor(source, "put", "source", 2)
    if index._data.dtype != np.int64:
        raise RuntimeError(
            f"put_(): Expected a long tensor for index, but got {_dtype_name(index._data.dtype)}"
        )
    if source._data.dtype != self._data.dtype:
        raise RuntimeError(
            "put_(): self and source expected to have the same dtype, but got self.dtype = "
            f"{_dtype_name(self._data.dtype)} and source.dtype = "
            f"{_dtype_name(source._data.dtype)}"
        )
    if index._data.size != source._data.size:
        raise IndexError(
            "put_(): Expected source and index to have the same number of elements, but got "
            f"source.numel() = {source._data.size}, index.numel() = {index._data.size}"
        )
    n = self._data.size
    idx = index._data.reshape(-1)
    bad = idx[(idx >= n) | (idx < -n)]
    if bad.size:
        raise IndexError(
            f"out of range: tried to access index {int(bad[0])} on a tensor of {n} elements."
        )
    return Tensor._make(np.where(idx < 0, idx + n, idx).reshape(index._data.shape))


def put(input, index, source, accumulate=False):
    """``input`` with ``source`` written (or added) at the flat positions ``index``."""
    _check_tensor(input, "put")
    idx = _check_put(input, index, source)
    return N.PutBackward0.apply(input, source, index=idx._data, accumulate=bool(accumulate))


def put_(self, index, source, accumulate=False):
    idx = _check_put(self, index, source)
    return inplace_with(
        self,
        "put_",
        lambda old: N.PutBackward0.apply(old, source, index=idx._data, accumulate=bool(accumulate)),
        (source,),
    )


def _check_indices(indices, fn="index_put"):
    if not isinstance(indices, tuple | list) or not all(
        isinstance(i, Tensor) or i is None for i in indices
    ):
        raise TypeError(
            f"{fn}(): argument 'indices' (position 1) must be tuple of Tensors, not "
            f"{type(indices).__name__}"
        )
    return tuple(slice(None) if i is None else i for i in indices)


def inplace_with(x, name, graph_fn, others):
    """``inplace`` for an op whose other operands need not broadcast to ``x``
    (``index_put_``): the graph form when any operand requires grad."""
    if _api.STATE.enabled and not x._requires_grad and any(o._requires_grad for o in others):
        _api._check_view_of_leaf(x)
        arr = x._data
        out = graph_fn(_api._alias(x, arr.copy()))
        _api._rebase(x, out, name, arr)
        return x
    return _api.inplace(x, name, graph_fn)


def index_put_(self, indices, values, accumulate=False):
    """``self[indices] = values`` (``accumulate=True``: added, repeats adding up)."""
    key = _check_indices(indices, "index_put_")
    _check_tensor(values, "index_put_", "values", 2)
    if not accumulate:
        self[key] = values
        return self
    arr_key = tuple(k._data if isinstance(k, Tensor) else k for k in key)
    self.detach()[key]  # (the indexing errors PyTorch gives)
    if values._data.dtype != self._data.dtype:
        raise RuntimeError(
            "Index put requires the source and destination dtypes match, got "
            f"{_dtype_name(self._data.dtype)} for the destination and "
            f"{_dtype_name(values._data.dtype)} for the source."
        )
    return inplace_with(
        self,
        "index_put_",
        lambda old: N.IndexPutBackward0.apply(old, values, key=arr_key, accumulate=True),
        (values,),
    )


def index_put(input, indices, values, accumulate=False):
    """``input`` with ``input[indices] = values`` (a copy; ``IndexPutBackward0``)."""
    _check_tensor(input, "index_put")
    key = _check_indices(indices)
    _check_tensor(values, "index_put", "values", 2)
    arr_key = tuple(k._data if isinstance(k, Tensor) else k for k in key)
    shape = tuple(input.detach()[key].shape)  # (the indexing errors PyTorch gives)
    if values._data.dtype != input._data.dtype:
        raise RuntimeError(
            "Index put requires the source and destination dtypes match, got "
            f"{_dtype_name(input._data.dtype)} for the destination and "
            f"{_dtype_name(values._data.dtype)} for the source."
        )
    try:
        np.broadcast_to(values._data, shape)
    except ValueError:
        raise RuntimeError(
            f"shape mismatch: value tensor of shape {list(values.shape)} cannot be broadcast "
            f"to indexing result of shape {list(shape)}"
        ) from None
    return N.IndexPutBackward0.apply(input, values, key=arr_key, accumulate=bool(accumulate))


# ---------------------------------------------------------------------- as_strided / copies


def as_strided(input, size, stride, storage_offset=None):
    """The elements at ``storage_offset + Σ iₖ·strideₖ`` of the input's memory, as a
    (read-only) view: ``AsStridedBackward0``."""
    _check_tensor(input, "as_strided")
    size = tuple(int(n) for n in size)
    stride = tuple(int(s) for s in stride)
    if len(size) != len(stride):
        raise RuntimeError("mismatch in length of strides and shape")
    if any(s < 0 for s in stride):
        raise RuntimeError(
            f"as_strided: Negative strides are not supported at the moment, got strides: "
            f"{list(stride)}"
        )
    root, _, own_off = N.element_layout(input._data)
    off = own_off if storage_offset is None else int(storage_offset)
    need = off + 1 + sum((n - 1) * s for n, s in zip(size, stride, strict=True)) if all(size) else 0
    if need > root.size:
        item = root.itemsize
        raise RuntimeError(
            f"setStorage: sizes {list(size)}, strides {list(stride)}, storage offset {off}, and "
            f"itemsize {item} requiring a storage size of {need * item} are out of bounds for "
            f"storage of size {root.size * item}"
        )
    return N.AsStridedBackward0.apply(input, size=size, stride=stride, storage_offset=off)


def narrow_copy(input, dim, start, length):
    """``narrow`` as a new tensor: one ``NarrowCopyBackward0``."""
    _check_tensor(input, "narrow_copy")
    a = input._data
    if a.ndim == 0:
        raise RuntimeError("narrow() cannot be applied to a 0-dim tensor.")
    d = _wrap_dim(dim, a.ndim)
    n = a.shape[d]
    s = int(start)
    if s < 0:
        s += n
    if int(start) < -n or int(start) > n:
        raise IndexError(
            f"start out of range (expected to be in range of [{-n}, {n}], but got {int(start)})"
        )
    if s + int(length) > n:
        raise RuntimeError(f"start ({s}) + length ({int(length)}) exceeds dimension size ({n}).")
    return N.NarrowCopyBackward0.apply(input, dim=d, start=s, length=int(length))


def _scatter_like(cls, input, src, key, slice_shape):
    if tuple(src._data.shape) != tuple(slice_shape):
        raise RuntimeError(
            "expected src to have a size equal to the slice of self. src size = "
            f"{list(src._data.shape)}, slice size = {list(slice_shape)}"
        )
    if src._data.dtype != input._data.dtype:
        src = src.to(_api.from_numpy_dtype(input._data.dtype))
    return cls.apply(input, src, key=key)


def select_scatter(input, src, dim, index):
    """``input`` with ``src`` written at ``index`` along ``dim`` (a copy)."""
    _check_tensor(input, "select_scatter")
    _check_tensor(src, "select_scatter", "src", 2)
    sl = input.select(dim, index)
    d = _wrap_dim(dim, input.ndim)
    i = int(index) % input.shape[d]
    key = (slice(None),) * d + (i,)
    return _scatter_like(N.SelectScatterBackward0, input, src, key, sl.shape)


def slice_scatter(input, src, dim=0, start=None, end=None, step=1):
    """``input`` with ``src`` written into ``input[start:end:step]`` along ``dim``."""
    _check_tensor(input, "slice_scatter")
    _check_tensor(src, "slice_scatter", "src", 2)
    d = _wrap_dim(dim, max(input.ndim, 1))
    key = (slice(None),) * d + (slice(start, end, step),)
    shape = input._data[key].shape
    return _scatter_like(N.SliceScatterBackward0, input, src, key, shape)


def diagonal_scatter(input, src, offset=0, dim1=0, dim2=1):
    """``input`` with ``src`` written onto a diagonal (a copy)."""
    _check_tensor(input, "diagonal_scatter")
    _check_tensor(src, "diagonal_scatter", "src", 2)
    shape = input.diagonal(offset, dim1, dim2).shape
    nd = input.ndim
    key = ("diag", int(offset), _wrap_dim(dim1, nd), _wrap_dim(dim2, nd))
    return _scatter_like(N.DiagonalScatterBackward0, input, src, key, shape)


# ---------------------------------------------------------------------- matrix_power, diagflat


def matrix_power(input, n):
    """``A^n`` by PyTorch's binary decomposition (``n < 0``: of the inverse; ``n = 0``:
    the identity, copied into a clone of ``A``)."""
    _check_tensor(input, "matrix_power")
    n = int(n)
    a = input._data
    if a.ndim < 2:
        raise RuntimeError(
            "linalg.matrix_power: The input tensor A must have at least 2 dimensions."
        )
    if a.shape[-1] != a.shape[-2]:
        raise RuntimeError(
            "linalg.matrix_power: A must be batches of square matrices, but they are "
            f"{a.shape[-2]} by {a.shape[-1]} matrices"
        )
    from .api_scatter import inverse

    if n == 0:
        eye = np.broadcast_to(np.eye(a.shape[-1], dtype=a.dtype), a.shape)
        out = input.clone()
        out.copy_(Tensor._make(np.array(eye)))
        return out
    x = input
    if n < 0:
        _float_check(input, "linalg.inv")
        x = inverse(input)
        n = -n
    if n == 1:
        return x.clone()
    if n == 2:
        return _api.matmul(x, x)
    if n == 3:
        return _api.matmul(_api.matmul(x, x), x)
    z = result = None
    while n > 0:
        z = x if z is None else _api.matmul(z, z)
        if n & 1:
            result = z if result is None else _api.matmul(result, z)
        n >>= 1
    return result


def diagflat(input, offset=0):
    """The flattened input on a diagonal of a square matrix: ``DiagEmbedBackward0``."""
    _check_tensor(input, "diagflat")
    from .api_scans2 import diag_embed

    return diag_embed(input.contiguous().view(-1), int(offset))


def sum_to_size(self, *size):
    """Summed down to ``size`` (which ``self`` must be expandable from)."""
    if len(size) == 1 and isinstance(size[0], tuple | list):
        size = tuple(size[0])
    size = tuple(int(n) for n in size)
    shape = self._data.shape
    lead = len(shape) - len(size)
    ok = lead >= 0 and all(s in (1, t) for s, t in zip(size, shape[lead:], strict=True))
    if not ok:
        raise RuntimeError(f"size {{{list(size)}}} is not expandable to size {{{list(shape)}}}.")
    dims = tuple(range(lead)) + tuple(
        lead + i for i, s in enumerate(size) if s == 1 and shape[lead + i] != 1
    )
    if not dims:
        return self
    r = _api.sum(self, dims, True)
    if lead:
        r = r.view(size)
    return r


def fill_diagonal_(self, fill_value, wrap=False):
    """Writes ``fill_value`` on the main diagonal (all dims of equal length; a tall 2-D
    matrix with ``wrap`` restarts it every ``cols + 1`` rows)."""
    a = self._data
    if a.ndim < 2:
        raise RuntimeError("dimensions must larger than 1")
    if a.ndim > 2 and len(set(a.shape)) != 1:
        raise RuntimeError("all dimensions of input must be of equal length")
    n = min(a.shape)
    if a.size == 0:
        return self
    value = fill_value
    if isinstance(value, float) and a.dtype.kind in "iub":
        value = int(value) if a.dtype.kind != "b" else bool(value)
    if a.flags.c_contiguous:  # PyTorch's strided view of the diagonal, filled in place
        step = sum(s // a.itemsize for s in a.strides)
        end = a.size if (wrap and a.ndim == 2) else n * step
        flat = self.view(-1)
        flat[0:end:step].fill_(value)
        return self
    if a.ndim == 2 and wrap and a.shape[0] > a.shape[1] + 1:
        rows = []
        cols = []
        r = 0
        while r < a.shape[0]:
            k = min(a.shape[1], a.shape[0] - r)
            rows.extend(range(r, r + k))
            cols.extend(range(k))
            r += a.shape[1] + 1
        key = (Tensor._make(np.array(rows)), Tensor._make(np.array(cols)))
    else:
        idx = Tensor._make(np.arange(n))
        key = (idx,) * a.ndim
    if a.size == 0:
        return self
    value = fill_value
    if isinstance(value, float) and a.dtype.kind in "iub":
        value = int(value) if a.dtype.kind != "b" else bool(value)
    self[key] = value
    return self


# ---------------------------------------------------------------------- small predicates


def isposinf(input, *, out=None):
    _check_tensor(input, "isposinf")
    return _out(
        Tensor._make(
            np.isposinf(input._data)
            if input._data.dtype.kind == "f"
            else np.zeros(input._data.shape, bool)
        ),
        out,
    )


def isneginf(input, *, out=None):
    _check_tensor(input, "isneginf")
    return _out(
        Tensor._make(
            np.isneginf(input._data)
            if input._data.dtype.kind == "f"
            else np.zeros(input._data.shape, bool)
        ),
        out,
    )


def isreal(input):
    _check_tensor(input, "isreal")
    a = input._data
    return Tensor._make(np.isreal(a) if a.dtype.kind == "c" else np.ones(a.shape, bool))


def _intop(ufunc, kernel, name):
    def f(input, other, *, out=None):
        _check_tensor(input, name)
        _check_tensor(other, name, "other", 2)
        for t in (input, other):
            if t._data.dtype.kind not in "iu" or t._data.dtype == np.bool_:
                _not_impl(kernel, t)
        rt = _api.result_type(input, other)
        return _out(Tensor._make(np.asarray(ufunc(input._data, other._data)).astype(rt)), out)

    f.__name__ = f.__qualname__ = name
    return f


gcd = _intop(np.gcd, "gcd_cpu", "gcd")
lcm = _intop(np.lcm, "lcm_cpu", "lcm")


def _apply_(self, callable):
    if self._requires_grad:
        raise RuntimeError(
            "Can't call apply_() on Variable that requires grad. Use var.detach().apply_() instead."
        )
    vals = np.asarray([callable(v.item()) for v in self._data.ravel()])
    return _api.inplace(self, "apply_", lambda old: Tensor._make(vals.reshape(old.shape)))


def _map_(self, tensor, callable):
    if self._requires_grad or (isinstance(tensor, Tensor) and tensor._requires_grad):
        raise RuntimeError(
            "Can't call map_() on Variable that requires grad. Use var.detach().map_() instead."
        )
    other = np.broadcast_to(tensor._data, self._data.shape)
    vals = [
        callable(a.item(), b.item()) for a, b in zip(self._data.ravel(), other.ravel(), strict=True)
    ]
    vals = np.asarray(vals)
    return _api.inplace(self, "map_", lambda old: Tensor._make(vals.reshape(old.shape)))


def _squeeze_(self, dim=_NO):
    from .api_transpose_ import relayout_in_place
    from .ops import shape as S

    a = self._data
    if dim is _NO:
        shape = tuple(n for n in a.shape if n != 1)
        cls = SqueezeBackward3
    elif isinstance(dim, tuple | list):
        ds = {_wrap_dim(d, max(a.ndim, 1)) for d in dim}
        shape = tuple(n for i, n in enumerate(a.shape) if not (i in ds and n == 1))
        cls = SqueezeBackward5
    else:
        d = _wrap_dim(dim, max(a.ndim, 1))
        shape = tuple(n for i, n in enumerate(a.shape) if not (i == d and n == 1))
        cls = SqueezeBackward4
    if shape == a.shape:
        return self
    del S
    return relayout_in_place(
        self,
        "squeeze_",
        lambda t: cls.apply(t, shape=shape),
        lambda arr: arr.reshape(shape),
    )


def _squeeze_classes():
    from .ops import shape as S

    class SqueezeBackward3(S.UnsafeViewBackward0):
        """``squeeze_()`` (in place, every size-1 dim)."""

        op, symbol = "squeeze_", "squeeze"

    class SqueezeBackward5(S.UnsafeViewBackward0):
        """``squeeze_(dims)`` (in place, a tuple of dims)."""

        op, symbol = "squeeze_", "squeeze"

    return SqueezeBackward3, S.SqueezeBackward4, SqueezeBackward5


SqueezeBackward3, SqueezeBackward4, SqueezeBackward5 = _squeeze_classes()


def _split_with_sizes(self, split_sizes, dim=0):
    from .api_more import split

    sizes = [int(s) for s in split_sizes]
    d = _wrap_dim(dim, max(self.ndim, 1))
    n = self.shape[d]
    if sum(sizes) != n:
        raise RuntimeError(
            f"split_with_sizes expects split_sizes to sum exactly to {n} (input tensor's size "
            f"at dimension {dim}), but got split_sizes={sizes}"
        )
    return split(self, sizes, dim)


def split_with_sizes(input, split_sizes, dim=0):
    _check_tensor(input, "split_with_sizes")
    return _split_with_sizes(input, split_sizes, dim)


def _resize_as_(self, the_template, *, memory_format=None):
    from .api_scatter import resize_

    return resize_(self, tuple(the_template.shape))


def _is_same_size(self, other):
    return tuple(self.shape) == tuple(other.shape)


def _bernoulli_method(self, *args, generator=None, **kwargs):
    from .creation import bernoulli

    if args or "p" in kwargs:
        p = args[0] if args else kwargs.pop("p")
        out = Tensor._make(np.zeros(self._data.shape, dtype=self._data.dtype))
        return out.bernoulli_(p, generator=generator)
    return bernoulli(self, generator=generator)


def _positive(self):
    from .api_compat import positive

    return positive(self)


# ---------------------------------------------------------------------- wiring


def _install():
    from . import api_more, api_scatter
    from .api_compat import aminmax, inner, msort
    from .random_more import vdot

    T = Tensor
    methods = {
        "greater": T.gt,
        "greater_equal": T.ge,
        "less": T.lt,
        "less_equal": T.le,
        "not_equal": T.ne,
        "isclose": _method(_api_isclose(), "isclose"),
        "fmax": _method(fmax, "fmax"),
        "fmin": _method(fmin, "fmin"),
        "aminmax": _method(aminmax, "aminmax"),
        "dist": _method(dist, "dist"),
        "inner": _method(inner, "inner"),
        "ger": _method(api_more.outer, "ger"),
        "vdot": _method(vdot, "vdot"),
        "diagflat": _method(diagflat, "diagflat"),
        "msort": _method(msort, "msort"),
        "positive": _positive,
        "absolute": T.abs,
        "sum_to_size": sum_to_size,
        "split_with_sizes": _split_with_sizes,
        "index_put": _method(index_put, "index_put"),
        "index_put_": index_put_,
        "put": _method(put, "put"),
        "put_": put_,
        "renorm": _method(renorm, "renorm"),
        "renorm_": _inplace_of(renorm, "renorm_"),
        "apply_": _apply_,
        "map_": _map_,
        "matrix_power": _method(matrix_power, "matrix_power"),
        "hardshrink": _method(hardshrink, "hardshrink"),
        "isposinf": _method(isposinf, "isposinf"),
        "isneginf": _method(isneginf, "isneginf"),
        "isreal": _method(isreal, "isreal"),
        "as_strided": _method(as_strided, "as_strided"),
        "resize_as_": _resize_as_,
        "narrow_copy": _method(narrow_copy, "narrow_copy"),
        "select_scatter": _method(select_scatter, "select_scatter"),
        "slice_scatter": _method(slice_scatter, "slice_scatter"),
        "diagonal_scatter": _method(diagonal_scatter, "diagonal_scatter"),
        "gcd": _method(gcd, "gcd"),
        "lcm": _method(lcm, "lcm"),
        "gcd_": _inplace_of(gcd, "gcd_"),
        "lcm_": _inplace_of(lcm, "lcm_"),
        "addmv": _method(addmv, "addmv"),
        "addr": _method(addr, "addr"),
        "addbmm": _method(addbmm, "addbmm"),
        "addmm": _method(_addmm_checked, "addmm"),
        "addmv_": _inplace_of(addmv, "addmv_"),
        "addr_": _inplace_of(addr, "addr_"),
        "addbmm_": _inplace_of(addbmm, "addbmm_"),
        "addmm_": _inplace_of(_addmm_checked, "addmm_"),
        "baddbmm_": _inplace_of(api_scatter.baddbmm, "baddbmm_"),
        "squeeze_": _squeeze_,
        "tril_": _inplace_of(api_more.tril, "tril_"),
        "triu_": _inplace_of(api_more.triu, "triu_"),
        "cumsum_": _inplace_of(api_more.cumsum, "cumsum_"),
        "cumprod_": _inplace_of(api_scatter.cumprod, "cumprod_"),
        "nan_to_num_": _inplace_of(api_scatter.nan_to_num, "nan_to_num_"),
        "fill_diagonal_": fill_diagonal_,
        "is_same_size": _is_same_size,
        "bernoulli": _bernoulli_method,
        "is_signed": lambda self: self._data.dtype.kind in "if",
    }
    for name, fn in methods.items():
        if name not in T.__dict__:
            setattr(T, name, fn)
    # in-place forms of binary ops checked against the operand (``inplace``'s rules)
    for name, fn in (
        ("eq_", _api.eq),
        ("ne_", _api.ne),
        ("lt_", _api.lt),
        ("le_", _api.le),
        ("gt_", _api.gt),
        ("ge_", _api.ge),
        ("greater_", _api.gt),
        ("greater_equal_", _api.ge),
        ("less_", _api.lt),
        ("less_equal_", _api.le),
        ("not_equal_", _api.ne),
        ("floor_divide_", _api.floor_divide),
        ("remainder_", _api.remainder),
        ("logical_and_", _api.logical_and),
        ("logical_or_", _api.logical_or),
        ("logical_xor_", _logical_xor()),
        ("bitwise_and_", _api.bitwise_and),
        ("bitwise_or_", _api.bitwise_or),
        ("bitwise_xor_", _api.bitwise_xor),
        ("bitwise_left_shift_", _api.bitwise_left_shift),
        ("bitwise_right_shift_", _api.bitwise_right_shift),
        ("fmax_", fmax),
        ("fmin_", fmin),
    ):
        if name not in T.__dict__:
            setattr(T, name, _binary_inplace(fn, name))
    for name, fn in (
        ("bitwise_left_shift", _api.bitwise_left_shift),
        ("bitwise_right_shift", _api.bitwise_right_shift),
    ):
        if name not in T.__dict__:
            setattr(T, name, _method(fn, name))
    for alias, target in (
        ("subtract_", "sub_"),
        ("multiply_", "mul_"),
        ("divide_", "div_"),
        ("true_divide_", "div_"),
    ):
        if alias not in T.__dict__ and hasattr(T, target):
            setattr(T, alias, getattr(T, target))
    if "logical_not_" not in T.__dict__:
        T.logical_not_ = _inplace_of(_api.logical_not, "logical_not_")
    if "bitwise_not_" not in T.__dict__:
        T.bitwise_not_ = _inplace_of(_api.bitwise_not, "bitwise_not_")


def _api_isclose():
    from . import api

    return api.isclose


def _logical_xor():
    from .api_teach import logical_xor

    return logical_xor


_NO_PROMOTION = frozenset(("logical_and_", "logical_or_", "logical_xor_"))
_COMPARE = {
    "eq_": "eq",
    "ne_": "ne",
    "lt_": "lt",
    "le_": "le",
    "gt_": "gt",
    "ge_": "ge",
    "greater_": "gt",
    "greater_equal_": "ge",
    "less_": "lt",
    "less_equal_": "le",
    "not_equal_": "ne",
}


def _compare_graph(fn, base, other):
    """The comparison written into a tensor that requires grad: PyTorch's zero-gradient
    ``EqBackward0`` (a number) / ``EqBackward1`` (a tensor)..."""

    def graph(old):
        if old._requires_grad:
            node = N.COMPARE_NODES[(base, 1 if isinstance(other, Tensor) else 0)]
            return node.apply(old, other)
        return fn(old, other)

    return graph


def _binary_inplace(fn, name):
    def m(self, other):
        if name in _NO_PROMOTION:  # (a bool result: cast into any dtype)
            if isinstance(other, Tensor):
                shape = self._data.shape
                try:
                    b = np.broadcast_shapes(shape, other._data.shape)
                except ValueError:
                    raise _api._broadcast_error(self, other) from None
                if b != shape:
                    raise RuntimeError(
                        f"output with shape {list(shape)} doesn't match the broadcast shape "
                        f"{list(b)}"
                    )
            return _api.inplace(self, name, lambda old: fn(old, other))
        if name in _COMPARE:
            return _api.inplace(self, name, _compare_graph(fn, _COMPARE[name], other), other)
        return _api.inplace(self, name, lambda old: fn(old, other), other)

    m.__name__ = m.__qualname__ = name
    m.__doc__ = f"In-place ``{name[:-1]}``: the result written into ``self``."
    return m


_install()

__all_names__ = [
    "addbmm",
    "addmv",
    "addr",
    "as_strided",
    "diagflat",
    "diagonal_scatter",
    "dist",
    "fmax",
    "fmin",
    "gcd",
    "hardshrink",
    "index_put",
    "index_put_",
    "isneginf",
    "isposinf",
    "isreal",
    "lcm",
    "matrix_power",
    "narrow_copy",
    "put",
    "renorm",
    "select_scatter",
    "slice_scatter",
    "split_with_sizes",
]


# ---------------------------------------------------------------------- aminmax


def _aminmax_node():
    from .api_linalg2 import _MultiNode

    class AminmaxBackward0(_MultiNode):
        """``aminmax``: ONE node, the minimum output 0 and the maximum output 1; each
        gradient shared evenly among the tied elements (PyTorch's ``aminmax_backward``)."""

        op, symbol = "aminmax", "aminmax"
        formula = "G_min / #ties at the minimum + G_max / #ties at the maximum"

        @staticmethod
        def backward(ctx, grads):
            a = ctx._input
            total = None
            for g, r in zip(grads, ctx._saved, strict=True):
                if g is None:
                    continue
                ga = np.asarray(g if not isinstance(g, Tensor) else g._data)
                rr = np.asarray(r)
                if not ctx.keep and ctx.dims is not None:
                    ga = np.expand_dims(ga, ctx.dims)
                    rr = np.expand_dims(rr, ctx.dims)
                mask = rr == a
                count = mask.sum(axis=ctx.dims, keepdims=True)
                part = np.where(mask, ga / count, np.zeros((), ga.dtype)).astype(a.dtype)
                total = part if total is None else total + part
            if any(isinstance(g, Tensor) for g in grads):
                return (Tensor._make(total),)
            return (total,)

    return AminmaxBackward0


_AMINMAX = []


def aminmax(input, *, dim=None, keepdim=False, out=None):
    """``(min, max)`` over everything or along ``dim``: one ``AminmaxBackward0``."""
    from .api_linalg2 import _multi
    from .return_types import get as _rt

    _check_tensor(input, "aminmax")
    a = input._data
    if dim is None and a.size == 0:
        raise RuntimeError(
            "aminmax(): cannot compute aminmax over an empty dimension as the operation has "
            "no identity."
        )
    if dim is not None:
        d = _wrap_dim(dim, max(a.ndim, 1))
        if a.ndim and a.shape[d] == 0:
            raise IndexError(
                "aminmax: Expected reduction dim " + str(d) + " to have non-zero size."
            )
        axis = d if a.ndim else None
    else:
        axis = None
    mn = np.asarray(np.min(a, axis=axis, keepdims=keepdim and axis is not None))
    mx = np.asarray(np.max(a, axis=axis, keepdims=keepdim and axis is not None))
    if dim is None and keepdim:
        mn = mn.reshape((1,) * a.ndim)
        mx = mx.reshape((1,) * a.ndim)
    if a.dtype.kind == "f" and a.size:
        nan = np.isnan(a).any(axis=axis, keepdims=keepdim and axis is not None)
        if dim is None and keepdim:
            nan = np.asarray(nan).reshape((1,) * a.ndim)
        mn = np.where(nan, np.nan, mn).astype(a.dtype)
        mx = np.where(nan, np.nan, mx).astype(a.dtype)
    if not _AMINMAX:
        _AMINMAX.append(_aminmax_node())
    dims = None if axis is None else axis
    res = _multi(
        _AMINMAX[0],
        "aminmax",
        [input],
        [np.array(mn, copy=True), np.array(mx, copy=True)],
        (0, 1),
        {"_input": a, "dims": dims, "keep": keepdim or dim is None},
    )
    return _rt("aminmax")(res[0], res[1])


__all_names__.append("aminmax")
Tensor.aminmax = _method(aminmax, "aminmax")
