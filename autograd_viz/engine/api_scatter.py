"""``scatter`` / ``scatter_add`` (and their in-place methods, the one-hot idiom
``torch.zeros(n, c).scatter_(1, y.unsqueeze(1), 1)``), ``masked_select``, ``take``, ``roll``,
``trace``, ``nan_to_num``, ``count_nonzero``, ``flipud`` / ``fliplr``, ``Tensor.unsqueeze_``
and the storage queries ``data_ptr`` / ``storage_offset`` / ``nbytes``, with PyTorch's node
names and messages.  The Tensor methods are attached at the bottom (never shadowing one
``tensor.py`` defines)."""

from __future__ import annotations

import numbers

import numpy as np

from . import api as _api
from . import events
from .api import _check_tensor
from .api_transpose_ import relayout_in_place
from .grad_mode import STATE
from .ops import scatter as S
from .ops import shape as _shape
from .tensor import Tensor, _method_position, _wrap_dim

__all__ = [
    "addcdiv",
    "addcmul",
    "baddbmm",
    "bincount",
    "count_nonzero",
    "cumprod",
    "det",
    "diff",
    "fliplr",
    "flipud",
    "index_add",
    "inverse",
    "kron",
    "lerp",
    "masked_select",
    "nan_to_num",
    "roll",
    "rot90",
    "scatter",
    "scatter_add",
    "std_mean",
    "take",
    "tensordot",
    "trace",
    "var_mean",
]


def _scatter_grid(name, input, dim, index, src):
    """The checks PyTorch makes, and the tuple index of the written positions."""
    a = input._data
    if not isinstance(index, Tensor) or index._data.dtype.kind not in "iu":
        raise RuntimeError(f"{name}(): Expected dtype int32/int64 for index")
    idx = index._data
    d = _wrap_dim(int(dim), max(a.ndim, 1))
    if isinstance(src, Tensor) and src._data.dtype != a.dtype:
        raise RuntimeError(f"{name}(): Expected self.dtype to be equal to src.dtype")
    if max(idx.ndim, 1) != max(a.ndim, 1):  # (a 0-d tensor counts as 1-d, as in PyTorch)
        if idx.size == 0:  # PyTorch checks nothing more for an empty index
            return () if a.ndim == 0 else tuple(np.zeros(0, np.intp) for _ in range(a.ndim))
        raise RuntimeError("Index tensor must have the same number of dimensions as self tensor")
    if isinstance(src, Tensor) and max(src._data.ndim, 1) != max(idx.ndim, 1) and idx.size:
        raise RuntimeError("Index tensor must have the same number of dimensions as src tensor")
    a_shape = a.shape if a.ndim else (1,)
    idx2 = idx.reshape(idx.shape if idx.ndim else (1,))
    s_shape = None
    if isinstance(src, Tensor):
        s_shape = src._data.shape if src._data.ndim else (1,)
    bad = any(k != d and idx2.shape[k] > a_shape[k] for k in range(idx2.ndim)) or (
        s_shape is not None
        and (
            len(s_shape) != idx2.ndim
            or any(i > s for i, s in zip(idx2.shape, s_shape, strict=True))
        )
    )
    if bad:
        msg = (
            f"Expected index {list(idx2.shape)} to be no larger than self {list(a_shape)} apart "
            f"from dimension {d}"
        )
        if s_shape is not None:
            msg += f" and to be no larger size than src {list(src._data.shape)}"
        raise RuntimeError(msg)
    size = a_shape[d]
    if idx2.size and (idx2.min() < 0 or idx2.max() >= size):
        flat = idx2.ravel()
        b = int(flat[np.flatnonzero((flat < 0) | (flat >= size))[0]])
        raise RuntimeError(f"index {b} is out of bounds for dimension {d} with size {size}")
    if a.ndim == 0:
        return ()
    grid = list(np.indices(idx2.shape, sparse=True))
    grid[d] = idx2
    return tuple(grid)


def _bad_args(name, input, dim, index, src):
    got = ", ".join(type(v).__name__ for v in (input, dim, index, src))
    raise TypeError(
        f"{name}() received an invalid combination of arguments - got ({got}), but expected "
        "one of:\n"
        " * (Tensor input, int dim, Tensor index, Tensor src, *, Tensor out = None)\n"
        " * (Tensor input, int dim, Tensor index, Tensor src, *, str reduce, Tensor out = None)\n"
        " * (Tensor input, int dim, Tensor index, Number value, *, Tensor out = None)\n"
        " * (Tensor input, int dim, Tensor index, Number value, *, str reduce, "
        "Tensor out = None)\n"
    )


def scatter(input, dim, index, src=None, *, value=None, reduce=None):
    """``input`` with ``src``'s elements (or ``value``) written at ``index`` along ``dim``:
    ``out[i][index[i][j]] = src[i][j]`` (dim 1).  One ``ScatterBackward0`` (src tensor) or
    ``ScatterBackward1`` (a number); ``reduce='add'/'multiply'``: api_scatter_reduce."""
    if src is None:
        src = value
    if not isinstance(input, Tensor) or not isinstance(src, Tensor | numbers.Number):
        _bad_args("scatter", input, dim, index, src)
    if reduce is not None:
        from .api_scatter_reduce import scatter_with_reduce

        return scatter_with_reduce(input, dim, index, src, reduce)
    grid = _scatter_grid("scatter", input, dim, index, src)
    mask = np.zeros(input._data.shape, dtype=bool)
    mask[grid] = True
    if isinstance(src, Tensor):
        if input._data.ndim == 0:
            src = src.reshape(())
        i0 = index._data.ndim == 0 and input._data.ndim > 0
        return S.ScatterBackward0.apply(input, src, grid=grid, mask=mask, index_0d=i0)
    return S.ScatterBackward1.apply(input, grid=grid, mask=mask, value=src)


def scatter_add(input, dim, index, src):
    """``input`` with ``src``'s elements added at ``index`` along ``dim`` (repeated
    positions add up): one ``ScatterAddBackward0``."""
    _check_tensor(input, "scatter_add")
    _check_tensor(src, "scatter_add", "src", 4)
    grid = _scatter_grid("scatter", input, dim, index, src)
    if input._data.ndim == 0:
        src = src.reshape(())
    i0 = index._data.ndim == 0 and input._data.ndim > 0
    return S.ScatterAddBackward0.apply(input, src, grid=grid, index_0d=i0)


def _m_scatter(self, dim, index, src=None, *, value=None, reduce=None):
    return scatter(self, dim, index, src, value=value, reduce=reduce)


def _inplace_with(self, name, graph_fn, src):
    """``api.inplace`` for an op whose other operand (``src``) need not broadcast with
    ``self``: a graph is recorded when ``src`` requires grad, too."""
    flag = _api._NO_OTHER
    if isinstance(src, Tensor) and src._requires_grad:
        flag = Tensor._make(np.zeros((), dtype=self._data.dtype), True, None)
    return _api.inplace(self, name, graph_fn, flag)


def _m_scatter_(self, dim, index, src=None, *, value=None, reduce=None):
    if src is None:
        src = value
    if not isinstance(src, Tensor | numbers.Number):
        _bad_args("scatter_", self, dim, index, src)
    if reduce is None:
        _scatter_grid("scatter", self, dim, index, src)
    fn = lambda old: scatter(old, dim, index, src, reduce=reduce)  # noqa: E731
    return _inplace_with(self, "scatter_", fn, src)


def _m_scatter_add(self, dim, index, src):
    try:
        return scatter_add(self, dim, index, src)
    except TypeError as e:  # (positions counted after ``self``)
        raise _method_position(e) from None


def _m_scatter_add_(self, dim, index, src):
    _check_tensor(src, "scatter_add_", "src", 3)
    _scatter_grid("scatter", self, dim, index, src)
    fn = lambda old: scatter_add(old, dim, index, src)  # noqa: E731
    return _inplace_with(self, "scatter_add_", fn, src)


def masked_select(input, mask):
    """The elements of ``input`` where ``mask`` (broadcast) is True, as a 1-D tensor: one
    ``MaskedSelectBackward0``."""
    _check_tensor(input, "masked_select")
    _check_tensor(mask, "masked_select", "mask")
    m = mask._data
    if m.dtype != np.bool_:
        raise RuntimeError("masked_select: expected BoolTensor for mask")
    a = input._data
    try:
        shape = np.broadcast_shapes(a.shape, m.shape)
    except ValueError:
        nd = max(a.ndim, m.ndim)
        sa, sm = (1,) * (nd - a.ndim) + a.shape, (1,) * (nd - m.ndim) + m.shape
        k = max(i for i in range(nd) if sa[i] != sm[i] and 1 not in (sa[i], sm[i]))
        raise RuntimeError(
            f"The size of tensor a ({sm[k]}) must match the size of tensor b ({sa[k]}) at "
            f"non-singleton dimension {k}"
        ) from None
    return S.MaskedSelectBackward0.apply(input, mask=m, shape=shape)


def take(input, index):
    """``input.flatten()[index]`` in ``index``'s shape: one ``TakeBackward0``."""
    _check_tensor(input, "take")
    _check_tensor(index, "take", "index")
    idx = index._data
    if idx.dtype != np.int64:
        from .dtypes import type_name

        tn = {"float32": "Float", "float64": "Double", "int32": "Int", "bool": "Bool"}.get(
            idx.dtype.name, type_name(idx.dtype)
        )
        raise RuntimeError(f"take(): Expected a long tensor for index, but got {tn}")
    n = input._data.size
    if idx.size and (idx.min() < -n or idx.max() >= n):
        flat = idx.ravel()
        b = int(flat[np.flatnonzero((flat < -n) | (flat >= n))[0]])
        raise IndexError(f"out of range: tried to access index {b} on a tensor of {n} elements.")
    if input._data.ndim == 0:
        input = input.reshape(1)
    return S.TakeBackward0.apply(input, index=np.where(idx < 0, idx + n, idx))


def _int_list(v):
    return (int(v),) if isinstance(v, numbers.Integral) else tuple(int(s) for s in v)


def roll(input, shifts, dims=None):
    """``input`` shifted cyclically by ``shifts`` along ``dims`` (flattened when ``dims`` is
    not given): one ``RollBackward0``."""
    _check_tensor(input, "roll")
    sh = _int_list(shifts)
    if not sh:
        raise RuntimeError("`shifts` required")
    nd = max(input._data.ndim, 1)
    if dims is None or (not isinstance(dims, numbers.Integral) and len(dims) == 0):
        if len(sh) != 1:
            raise RuntimeError(f"shifts and dimensions must align. shifts: {len(sh)}, dims:0")
        return S.RollBackward0.apply(input, shifts=sh, dims=None)
    ds = _int_list(dims)
    if len(sh) != len(ds):
        raise RuntimeError(f"shifts and dimensions must align. shifts: {len(sh)}, dims:{len(ds)}")
    ds = tuple(_wrap_dim(d, nd) for d in ds)
    if input._data.ndim == 0:
        return input.clone()
    return S.RollBackward0.apply(input, shifts=sh, dims=ds)


def trace(input):
    """The sum of the main diagonal of a matrix: one ``TraceBackward0`` (integer matrices
    give int64, as PyTorch's sum)."""
    _check_tensor(input, "trace")
    if input._data.ndim != 2:
        raise RuntimeError(f"trace: expected a matrix, but got tensor with dim {input._data.ndim}")
    if input._data.dtype.kind in "biu" and input._data.dtype != np.int64:
        input = _api._cast(input, np.dtype(np.int64))
    return S.TraceBackward0.apply(input)


def nan_to_num(input, nan=0.0, posinf=None, neginf=None):
    """nan, +inf and -inf replaced by ``nan``, ``posinf`` and ``neginf`` (the dtype's
    largest / lowest finite values by default): one ``NanToNumBackward0``."""
    _check_tensor(input, "nan_to_num")
    for name, v in (("nan", nan), ("posinf", posinf), ("neginf", neginf)):
        if v is not None and (isinstance(v, bool) or not isinstance(v, numbers.Real)):
            raise TypeError(
                f"nan_to_num(): argument '{name}' must be float, not {type(v).__name__}"
            )
    if input._data.dtype.kind not in "fc":
        return input.clone()
    return S.NanToNumBackward0.apply(
        input,
        nan=float(nan) if nan is not None else 0.0,
        posinf=None if posinf is None else float(posinf),
        neginf=None if neginf is None else float(neginf),
    )


def count_nonzero(input, dim=None):
    """The number of non-zero elements (over ``dim``: an int or a tuple), as int64."""
    _check_tensor(input, "count_nonzero")
    a = input._data
    if dim is None:
        return Tensor._make(np.asarray(np.count_nonzero(a), dtype=np.int64), False, None)
    nd = max(a.ndim, 1)
    from .api_more import _no_repeats

    ds = _no_repeats(tuple(_wrap_dim(d, nd) for d in _int_list(dim)))
    if a.ndim == 0:
        return Tensor._make(np.asarray(np.count_nonzero(a), dtype=np.int64), False, None)
    out = np.count_nonzero(a, axis=ds)
    return Tensor._make(np.asarray(out, dtype=np.int64), False, None)


def flipud(input):
    """``flip(input, [0])``: one ``FlipBackward0``."""
    _check_tensor(input, "flipud")
    if input._data.ndim < 1:
        raise RuntimeError("Input must be >= 1-d.")
    return input.flip(0)


def fliplr(input):
    """``flip(input, [1])``: one ``FlipBackward0``."""
    _check_tensor(input, "fliplr")
    if input._data.ndim < 2:
        raise RuntimeError("Input must be >= 2-d.")
    return input.flip(1)


class UnsqueezeBackward1(_shape.UnsqueezeBackward0):
    """``x.unsqueeze_(dim)``: the in-place form (not a view node)."""

    op, symbol = "unsqueeze_", "unsqueeze"
    is_view = False


def unsqueeze_(self, dim):
    """``x`` with a dimension of size 1 inserted at ``dim``, in place (the same memory;
    ``UnsqueezeBackward1`` in a graph)."""
    shape = _api.unsqueeze(self.detach(), dim)._data.shape
    return relayout_in_place(
        self,
        "unsqueeze_",
        lambda a: UnsqueezeBackward1.apply(a, shape=shape),
        lambda arr: arr.reshape(shape),
    )


def _root(a):
    while isinstance(a.base, np.ndarray):
        a = a.base
    return a


def data_ptr(self):
    """The address of the first element (an int; equal for tensors sharing it)."""
    return int(self._data.__array_interface__["data"][0])


def storage_offset(self):
    """The first element's offset, in elements, from the start of the memory the tensor
    shares with its base."""
    a = self._data
    root = _root(a)
    if not a.itemsize:
        return 0
    return (a.__array_interface__["data"][0] - root.__array_interface__["data"][0]) // a.itemsize


def _nbytes(self):
    return int(self._data.size * self._data.itemsize)


class _Storage:
    """What ``Tensor.storage()`` / ``untyped_storage()`` show: the whole memory the tensor
    shares with its base (an expanded tensor's storage is the original elements), as typed
    elements or as bytes, printed one per line as PyTorch prints them."""

    def __init__(self, root, dtype=None):
        self._root = root  # the base ndarray
        self._dtype = dtype  # a torch dtype, or None for the untyped (byte) storage

    def _flat(self):
        raw = np.ascontiguousarray(self._root).reshape(-1).view(np.uint8)
        if self._dtype is None:
            return raw
        from .dtypes import to_numpy_dtype

        return raw.view(to_numpy_dtype(self._dtype))

    def __len__(self):
        return int(self._flat().size)

    def size(self):
        return len(self)

    def nbytes(self):
        return int(self._root.nbytes)

    def element_size(self):
        return 1 if self._dtype is None else self._dtype.itemsize

    def tolist(self):
        return self._flat().tolist()

    def __getitem__(self, i):
        if isinstance(i, slice) and self._dtype is not None:
            raise RuntimeError("slices are only supported in UntypedStorage.__getitem__")
        return self._flat()[i].item()

    def __setitem__(self, i, value):
        """Write elements in place: every tensor sharing this memory sees them (PyTorch's
        ``points.storage()[0] = 2.0``)."""
        flat = self._flat()
        if not np.shares_memory(flat, self._root):  # (a non-contiguous base: write back)
            flat = flat.copy()
            flat[i] = value
            self._root[...] = flat.view(self._root.dtype).reshape(self._root.shape)
            return
        flat[i] = value

    def fill_(self, value):
        self[:] = value
        return self

    def data_ptr(self):
        return int(self._root.__array_interface__["data"][0])

    @property
    def dtype(self):
        from .dtypes import uint8

        return uint8 if self._dtype is None else self._dtype

    @property
    def device(self):
        from .device import device

        return device("cpu")

    def __repr__(self):
        if self._dtype is None:
            info = f"[torch.storage.UntypedStorage(device=cpu) of size {len(self)}]"
        else:
            info = (
                f"[torch.storage.TypedStorage(dtype={self._dtype}, device=cpu) of size {len(self)}]"
            )
        return " " + "\n ".join(str(v) for v in self.tolist()) + "\n" + info

    __str__ = __repr__


_STORAGE_WARNED = [False]


def resize_(self, *sizes, memory_format=None):
    """``Tensor.resize_``: the same elements (in memory order) under a new shape, kept where
    the count allows (a view of the same memory), zeros appended when it grows (PyTorch's
    are uninitialised); a tensor that requires grad cannot be resized."""
    if len(sizes) == 1 and isinstance(sizes[0], list | tuple):
        sizes = tuple(sizes[0])
    shape = tuple(int(n) for n in sizes)
    if self._requires_grad:
        raise RuntimeError("cannot resize variables that require grad")
    if any(n < 0 for n in shape):
        raise RuntimeError(
            f"Trying to create tensor with negative dimension {min(shape)}: {list(shape)}"
        )
    old = self._data
    if shape == old.shape:
        return self
    n = int(np.prod(shape, dtype=np.int64))
    flat = old.reshape(-1) if old.flags.c_contiguous else np.ascontiguousarray(old).reshape(-1)
    if n <= flat.size:
        new = flat[:n].reshape(shape)
    else:
        new = np.zeros(n, dtype=old.dtype)
        new[: flat.size] = flat
        new = new.reshape(shape)
    self._data = new
    self._vbox[0] += 1
    if events.LISTENERS:
        events.emit(
            "inplace", tensor=self, op="resize_", old=old.copy(), new=new, grad_enabled=False
        )
    return self


def storage(self):
    """``Tensor.storage()`` (deprecated in PyTorch: its warning, once)."""
    if not _STORAGE_WARNED[0]:
        import warnings

        _STORAGE_WARNED[0] = True
        warnings.warn(
            "TypedStorage is deprecated. It will be removed in the future and UntypedStorage "
            "will be the only storage class. This should only matter to you if you are using "
            "storages directly.  To access UntypedStorage directly, use "
            "tensor.untyped_storage() instead of tensor.storage()",
            UserWarning,
            stacklevel=2,
        )
    return _Storage(_root(self._data), self.dtype)


def untyped_storage(self):
    return _Storage(_root(self._data))


_NAMES = {
    "float32": ("float", "Float"),
    "float64": ("double", "Double"),
    "float16": ("c10::Half", "Half"),
    "int64": ("long int", "Long"),
    "int32": ("int", "Int"),
    "int16": ("short int", "Short"),
    "int8": ("signed char", "Char"),
    "uint8": ("unsigned char", "Byte"),
    "bool": ("bool", "Bool"),
}


def _c_name(dt):
    return _NAMES.get(np.dtype(dt).name, (np.dtype(dt).name,) * 2)[0]


def _scalar_name(dt):
    return _NAMES.get(np.dtype(dt).name, (np.dtype(dt).name,) * 2)[1]


def _same_shape_error(a, b):
    nd = max(len(a), len(b))
    sa, sb = (1,) * (nd - len(a)) + tuple(a), (1,) * (nd - len(b)) + tuple(b)
    k = max(i for i in range(nd) if sa[i] != sb[i] and 1 not in (sa[i], sb[i]))
    return RuntimeError(
        f"The size of tensor a ({sa[k]}) must match the size of tensor b ({sb[k]}) at "
        f"non-singleton dimension {k}"
    )


def _broadcast(*ts):
    shapes = [t._data.shape for t in ts]
    try:
        return np.broadcast_shapes(*shapes)
    except ValueError:
        for j in range(1, len(shapes)):
            try:
                np.broadcast_shapes(*shapes[: j + 1])
            except ValueError:
                raise _same_shape_error(np.broadcast_shapes(*shapes[:j]), shapes[j]) from None
        raise


def lerp(input, end, weight):
    """``input + weight·(end − input)``: ``LerpBackward0`` (a number weight) or
    ``LerpBackward1`` (a tensor weight)."""
    if (
        not isinstance(input, Tensor)
        or not isinstance(end, Tensor)
        or not isinstance(weight, Tensor | numbers.Number)
    ):
        got = ", ".join(type(v).__name__ for v in (input, end, weight))
        raise TypeError(
            f"lerp() received an invalid combination of arguments - got ({got}), but expected "
            "one of:\n * (Tensor input, Tensor end, Tensor weight, *, Tensor out = None)\n"
            " * (Tensor input, Tensor end, Number weight, *, Tensor out = None)\n"
        )
    for name, t in (("end", end), ("weight", weight)):
        if isinstance(t, Tensor) and t._data.dtype != input._data.dtype:
            raise RuntimeError(
                f"expected dtype {_c_name(input._data.dtype)} for `{name}` but got dtype "
                f"{_c_name(t._data.dtype)}"
            )
    if input._data.dtype.kind not in "fc":
        kernel = "lerp_kernel_tensor" if isinstance(weight, Tensor) else "lerp_kernel_scalar"
        raise NotImplementedError(
            f"\"{kernel}\" not implemented for '{_scalar_name(input._data.dtype)}'"
        )
    if isinstance(weight, Tensor):
        _broadcast(input, end, weight)
        return S.LerpBackward1.apply(input, end, weight)
    _broadcast(input, end)
    return S.LerpBackward0.apply(input, end, weight=weight)


_ADDCDIV_INT = (
    "Integer division with addcdiv is no longer supported, and in a future  release addcdiv "
    "will perform a true division of tensor1 and tensor2. The historic addcdiv behavior can "
    "be implemented as (input + value * torch.trunc(tensor1 / tensor2)).to(input.dtype) for "
    "integer inputs and as (input + value * tensor1 / tensor2) for float inputs. The future "
    "addcdiv behavior is just the latter implementation: (input + value * tensor1 / tensor2), "
    "for all dtypes."
)


def _addc(cls, name, input, tensor1, tensor2, value):
    _check_tensor(input, name)
    _check_tensor(tensor1, name, "tensor1")
    _check_tensor(tensor2, name, "tensor2", 3)
    if name == "addcdiv" and (
        tensor1._data.dtype.kind in "biu" and tensor2._data.dtype.kind in "biu"
    ):
        raise RuntimeError(_ADDCDIV_INT)
    _broadcast(input, tensor1, tensor2)
    dt = _api.result_type(input, tensor1, tensor2)
    if isinstance(value, complex | np.complexfloating):
        from .creation import real_scalar

        value = real_scalar(value, dt)
    ts = [t if t._data.dtype == dt else _api._cast(t, dt) for t in (input, tensor1, tensor2)]
    return cls.apply(*ts, value=value)


def addcmul(input, tensor1, tensor2, *, value=1):
    """``input + value·tensor1·tensor2``: one ``AddcmulBackward0``."""
    return _addc(S.AddcmulBackward0, "addcmul", input, tensor1, tensor2, value)


def addcdiv(input, tensor1, tensor2, *, value=1):
    """``input + value·tensor1/tensor2``: one ``AddcdivBackward0``."""
    return _addc(S.AddcdivBackward0, "addcdiv", input, tensor1, tensor2, value)


def index_add(input, dim, index, source, *, alpha=1):
    """``input`` with ``alpha·source``'s slices added at ``index`` along ``dim`` (repeated
    indices add up): one ``IndexAddBackward0``."""
    _check_tensor(input, "index_add")
    _check_tensor(source, "index_add", "source", 4)
    if not isinstance(index, Tensor) or index._data.dtype.kind not in "iu":
        got = _scalar_name(index._data.dtype) if isinstance(index, Tensor) else "?"
        raise RuntimeError(f"index_add_(): Expected dtype int32/int64 for index but got: {got}")
    a, s, idx = input._data, source._data, index._data
    nd = max(a.ndim, 1)
    d = _wrap_dim(int(dim), nd)
    if idx.ndim > 1:
        raise IndexError("index_add_(): Index is supposed to be a vector")
    s_d = s.shape[d] if s.ndim else 1
    if idx.size != s_d:
        raise RuntimeError(
            f"index_add_(): Number of indices ({idx.size}) should be equal to source.size(dim): "
            f"({s_d}), for dim: {d}"
        )
    if (
        a.ndim
        and s.ndim
        and (s.ndim != a.ndim or any(s.shape[i] != a.shape[i] for i in range(a.ndim) if i != d))
    ):
        raise RuntimeError(
            "source tensor shape must match self tensor shape, excluding the specified "
            f"dimension. Got self.shape = {list(a.shape)} source.shape = {list(s.shape)}"
        )
    if s.dtype != a.dtype:
        raise RuntimeError(
            f"index_add_(): self ({_scalar_name(a.dtype)}) and source "
            f"({_scalar_name(s.dtype)}) must have the same scalar type"
        )
    size = a.shape[d] if a.ndim else 1
    flat = idx.reshape(-1)
    if flat.size and (flat.min() < 0 or flat.max() >= size):
        if a.ndim <= 1:  # (PyTorch's 1-D kernel words it so)
            raise IndexError("index out of range in self")
        b = int(flat[np.flatnonzero((flat < 0) | (flat >= size))[0]])
        raise RuntimeError(f"index {b} is out of bounds for dimension {d} with size {size}")
    key = (slice(None),) * d + (flat,)
    return S.IndexAddBackward0.apply(input, source, key=key, alpha=alpha)


def rot90(input, k=1, dims=(0, 1)):
    """``input`` rotated by 90° ``k`` times from the first towards the second of ``dims``:
    one ``Rot90Backward0``."""
    _check_tensor(input, "rot90")
    dims = list(dims)
    nd = input._data.ndim
    if len(dims) != 2:
        raise RuntimeError(f"expected total rotation dims == 2, but got dims = {len(dims)}")
    if nd < 2:
        raise RuntimeError(f"expected total dims >= 2, but got total dims = {nd}")
    d0, d1 = _wrap_dim(int(dims[0]), nd), _wrap_dim(int(dims[1]), nd)
    if d0 == d1:
        raise RuntimeError(
            f"expected rotation dims to be different, but got dim0 = {d0} and dim1 = {d1}"
        )
    return S.Rot90Backward0.apply(input, k=int(k) % 4, dims=(d0, d1))


def cumprod(input, dim=_api._NO_OTHER, *, dtype=None):
    """The cumulative product along ``dim``: one ``CumprodBackward0`` (integer and bool
    tensors give int64)."""
    _check_tensor(input, "cumprod")
    if dim is _api._NO_OTHER:
        raise TypeError('cumprod() missing 1 required positional arguments: "dim"')
    a = input._data
    d = _wrap_dim(int(dim), max(a.ndim, 1))
    from .dtypes import to_numpy_dtype

    npd = to_numpy_dtype(dtype) if dtype is not None else None
    if npd is not None and npd.kind == "b":
        raise NotImplementedError("\"cumprod_out_cpu\" not implemented for 'Bool'")
    if npd is None and a.dtype.kind in "biu":
        npd = np.dtype(np.int64)
    if npd is not None and npd != a.dtype:
        input = _api._cast(input, npd)
    if a.ndim == 0:
        return S.CumprodBackward0.apply(input.reshape(1), dim=0).reshape(())
    return S.CumprodBackward0.apply(input, dim=d)


def diff(input, n=1, dim=-1, prepend=None, append=None):
    """The ``n``-th forward difference along ``dim`` (``prepend`` / ``append`` joined
    first): slices subtracted (``SubBackward0``), ``!=`` for bool tensors."""
    _check_tensor(input, "diff")
    if input._data.ndim == 0:
        raise RuntimeError("diff expects input to be at least one-dimensional")
    if n < 0:
        raise RuntimeError(f"order must be non-negative but got {n}")
    d = _wrap_dim(int(dim), input._data.ndim)
    parts = [t for t in (prepend, input, append) if t is not None]
    out = _api.cat(parts, d) if len(parts) > 1 else input
    for _ in range(n):
        length = out.shape[d]
        if length == 0:
            break
        hi = out.narrow(d, 1, length - 1)
        lo = out.narrow(d, 0, length - 1)
        out = hi != lo if out._data.dtype == np.bool_ else hi - lo
    return out


def bincount(input, weights=None, minlength=0):
    """How often each non-negative integer occurs in a 1-D tensor (the sum of ``weights``
    at each when given: float32 weights give float32, others float64)."""
    _check_tensor(input, "bincount")
    a = input._data
    if a.dtype.kind not in "biu":
        raise NotImplementedError(f"\"bincount_cpu\" not implemented for '{_scalar_name(a.dtype)}'")
    if minlength < 0:
        raise RuntimeError("minlength should be >= 0")
    if a.ndim != 1 or (a.size and a.min() < 0):
        raise RuntimeError("bincount only supports 1-d non-negative integral inputs.")
    if weights is None:
        out = np.bincount(a, minlength=int(minlength)).astype(np.int64)
    else:
        w = weights._data
        if w.ndim != 1 or w.shape[0] != a.shape[0]:
            raise RuntimeError("weights should be 1-d and have the same length as input")
        dt = np.float32 if w.dtype == np.float32 else np.float64
        out = np.bincount(a, weights=w.astype(np.float64), minlength=int(minlength)).astype(dt)
    return Tensor._make(out, False, None)


class _LinAlgError(RuntimeError):
    """PyTorch's ``torch.linalg.LinAlgError`` (a ``RuntimeError``)."""


def _square(name, A):
    _check_tensor(A, name.replace("linalg.", "linalg_"), "A", 1)
    a = A._data
    if a.ndim < 2:
        raise RuntimeError(f"{name}: The input tensor A must have at least 2 dimensions.")
    if a.shape[-1] != a.shape[-2]:
        raise RuntimeError(
            f"{name}: A must be batches of square matrices, but they are {a.shape[-2]} by "
            f"{a.shape[-1]} matrices"
        )
    if a.dtype.kind not in "fc":
        raise RuntimeError(
            f"{name}: Expected a floating point or complex tensor as input. Got "
            f"{_scalar_name(a.dtype)}"
        )
    return a


def _lu_zero(m):
    """PyTorch's (1-based) first zero pivot of the LU factorization with partial pivoting,
    or 0 when there is none."""
    u = np.array(m, dtype=np.float64)
    n = u.shape[0]
    for k in range(n):
        p = k + int(np.argmax(np.abs(u[k:, k])))
        if u[p, k] == 0:
            return k + 1
        u[[k, p]] = u[[p, k]]
        u[k + 1 :, k:] -= np.outer(u[k + 1 :, k] / u[k, k], u[k, k:])
    return 0


def inv(A, *, out=None):
    """``torch.linalg.inv``: the inverse of a (batch of) square matrices, one
    ``LinalgInvExBackward0``; a singular matrix raises PyTorch's ``LinAlgError``."""
    a = _square("linalg.inv", A)
    flat = a.reshape(-1, *a.shape[-2:])
    for b, m in enumerate(flat):
        z = _lu_zero(m)
        if z:
            where = f"(Batch element {b}): " if a.ndim > 2 else ""
            raise _LinAlgError(
                f"linalg.inv: {where}The diagonal element {z} is zero, the inversion could not "
                "be completed because the input matrix is singular."
            )
    return S.LinalgInvExBackward0.apply(A)


inverse = inv  # ``torch.inverse``


def det(A, *, out=None):
    """``torch.linalg.det`` / ``torch.det``: one ``LinalgDetBackward0``."""
    _square("linalg.det", A)
    return S.LinalgDetBackward0.apply(A)


def kron(input, other):
    """The Kronecker product, as PyTorch composes it: both operands viewed with their dims
    interleaved (``UnsafeViewBackward0``), multiplied (``MulBackward0``), viewed back."""
    _check_tensor(input, "kron")
    _check_tensor(other, "kron", "other")
    nd = max(input._data.ndim, other._data.ndim)
    sa = (1,) * (nd - input._data.ndim) + input._data.shape
    sb = (1,) * (nd - other._data.ndim) + other._data.shape
    va, vb = [], []
    for p, q in zip(sa, sb, strict=True):
        va += [p, 1]
        vb += [1, q]
    prod = _api.mul(_api._unsafe_view(input, tuple(va)), _api._unsafe_view(other, tuple(vb)))
    return _api._unsafe_view(prod, tuple(p * q for p, q in zip(sa, sb, strict=True)))


def tensordot(a, b, dims=2, out=None):
    """Sum over the paired dims ``dims`` (an int: the last ``dims`` of ``a`` with the first
    of ``b``; or two lists), as PyTorch composes it: permute, reshape, ``mm``, view."""
    _check_tensor(a, "tensordot", "a", 1)
    _check_tensor(b, "tensordot", "b", 2)
    na, nb = a._data.ndim, b._data.ndim
    if isinstance(dims, Tensor):
        dims = dims.tolist()
    if isinstance(dims, numbers.Integral):
        n = int(dims)
        if n < 0:
            raise RuntimeError(f"tensordot expects dims >= 0, but got dims={n}")
        if n > min(na, nb):
            raise RuntimeError(f"tensordot expects dims < ndim_a or ndim_b, but got dims={n}")
        da, db = list(range(-n, 0)), list(range(n))
    else:
        da, db = dims
        da = [int(d) for d in ([da] if isinstance(da, numbers.Integral) else da)]
        db = [int(d) for d in ([db] if isinstance(db, numbers.Integral) else db)]
        if len(da) != len(db):
            raise RuntimeError("both dimension lists should have same length")
    if a._data.dtype != b._data.dtype:
        raise RuntimeError("both inputs should have same dtype")
    wa = [_wrap_dim(d, max(na, 1)) for d in da]
    wb = [_wrap_dim(d, max(nb, 1)) for d in db]
    for i, (x, y) in enumerate(zip(wa, wb, strict=True)):
        if a._data.shape[x] != b._data.shape[y]:
            raise RuntimeError(
                f"contracted dimensions need to match, but first has size {a._data.shape[x]} "
                f"in dim {da[i]} and second has size {b._data.shape[y]} in dim {db[i]}"
            )
    free_a = [d for d in range(na) if d not in wa]
    free_b = [d for d in range(nb) if d not in wb]
    sa = [a._data.shape[d] for d in free_a]
    sb = [b._data.shape[d] for d in free_b]
    k = int(np.prod([a._data.shape[d] for d in wa]))
    ma = _api.reshape(_api.permute(a, *(free_a + wa)), (int(np.prod(sa)), k))
    mb = _api.reshape(_api.permute(b, *(wb + free_b)), (k, int(np.prod(sb))))
    return _api.mm(ma, mb).view(tuple(sa + sb))


def baddbmm(input, batch1, batch2, *, beta=1, alpha=1):
    """``beta·input + alpha·(batch1 @ batch2)`` (batches of matrices; ``input``
    broadcast): one ``BaddbmmBackward0``.  ``beta=0`` ignores ``input`` (nan too)."""
    for v in (input, batch1, batch2):
        if not isinstance(v, Tensor):
            _check_tensor(v, "baddbmm", "input" if v is input else "batch1")
    for v in (beta, alpha):
        if isinstance(v, Tensor) or not isinstance(v, numbers.Number):
            kw = ", ".join(
                f"{k}={type(x).__name__}"
                for k, x in (("beta", beta), ("alpha", alpha))
                if not isinstance(x, numbers.Number)
            )
            raise TypeError(
                f"baddbmm() received an invalid combination of arguments - got (Tensor, Tensor, "
                f"Tensor, {kw}), but expected one of:\n"
                " * (Tensor input, Tensor batch1, Tensor batch2, *, Number beta = 1, "
                "Number alpha = 1, Tensor out = None)\n"
                " * (Tensor input, Tensor batch1, Tensor batch2, torch.dtype out_dtype, *, "
                "Number beta = 1, Number alpha = 1, Tensor out = None)\n"
            )
    s1, s2 = batch1._data.shape, batch2._data.shape
    nd1, nd2 = max(len(s1), 1), max(len(s2), 1)
    target = (
        s1[_wrap_dim(0, nd1)] if s1 else 1,
        s1[_wrap_dim(1, nd1)] if s1 else 1,
        s2[_wrap_dim(2, nd2)] if s2 else 1,
    )
    _api._check_expand(input, target)
    if len(s1) != 3:
        raise RuntimeError("batch1 must be a 3D tensor")
    if len(s2) != 3:
        raise RuntimeError("batch2 must be a 3D tensor")
    if batch1._data.dtype != batch2._data.dtype:
        raise RuntimeError(
            f"expected scalar type {_scalar_name(batch1._data.dtype)} but found "
            f"{_scalar_name(batch2._data.dtype)}"
        )
    if input._data.dtype != batch1._data.dtype:
        raise RuntimeError(
            f"Input dtypes must be the same, got: input {_c_name(input._data.dtype)}, batch1: "
            f"{_c_name(batch1._data.dtype)}, batch2: {_c_name(batch2._data.dtype)}"
        )
    if s1[0] != s2[0] or s1[2] != s2[1]:
        raise RuntimeError(
            f"Expected size for first two dimensions of batch2 tensor to be: "
            f"[{s1[0]}, {s1[2]}] but got: [{s2[0]}, {s2[1]}]."
        )
    return S.BaddbmmBackward0.apply(input, batch1, batch2, beta=beta, alpha=alpha)


def _stat_mean(cls, name, input, dim, unbiased, keepdim, correction):
    """``(var or std, mean)`` as the two outputs of one ``cls`` node."""
    import weakref as _weakref

    from . import backward as _backward
    from .api_extra import std as _std
    from .api_extra import var as _var
    from .function import _edge_of, _next_seq
    from .grad_mode import no_grad
    from .ops.extra import _dof

    if input._data.dtype.kind not in "fc":
        raise RuntimeError(f"{name} only support floating point and complex dtypes")
    with no_grad():
        stat = (_std if cls._std else _var)(
            input.detach(), dim, unbiased, keepdim, correction=correction
        )
    a = input._data
    dims = tuple(range(a.ndim)) if dim is None or isinstance(dim, bool) else None
    if dims is None:
        ds = (dim,) if isinstance(dim, numbers.Integral) else tuple(dim)
        dims = tuple(sorted(_wrap_dim(int(d), max(a.ndim, 1)) for d in ds)) if a.ndim else ()
    m = np.mean(a, axis=dims, keepdims=bool(keepdim)) if a.ndim else a.copy()
    m = np.asarray(m, dtype=a.dtype)
    s = stat._data
    if not (STATE.enabled and input._requires_grad):
        return (Tensor._make(s), Tensor._make(m))
    if isinstance(dim, bool):
        unbiased = dim
    corr = correction if correction is not None else (0 if unbiased is False else 1)
    node = object.__new__(cls)
    node.needs_input_grad = (True,)
    node.next_functions = (_edge_of(input),)
    node._seq = _next_seq()
    node.a, node.dims, node.keepdim = a, dims, bool(keepdim)
    node.n, node.dof = _dof(a.shape, dims, corr)
    node.std = s
    node._out_shapes = (s.shape, m.shape)
    node._out_dtypes = (a.dtype, a.dtype)
    node._shape, node._dtype = s.shape, a.dtype
    _backward.MULTI_OUTPUT.add(node)
    outs = (Tensor._make(s, True, node), Tensor._make(m, True, node))
    outs[1]._output_nr = 1
    node._out_refs = {k: _weakref.ref(o) for k, o in enumerate(outs)}
    if events.LISTENERS:
        node._out_ref = node._out_refs[0]
        for o in outs:
            events.emit(
                "forward", node=node, op=name, cls=cls, inputs=(input,), output=o, kwargs={}
            )
    return outs


def var_mean(input, dim=None, unbiased=None, keepdim=False, *, correction=None):
    """``(var, mean)`` over ``dim``: one ``VarMeanBackward0`` with two outputs."""
    _check_tensor(input, "var_mean")
    return _stat_mean(S.VarMeanBackward0, "var_mean", input, dim, unbiased, keepdim, correction)


def std_mean(input, dim=None, unbiased=None, keepdim=False, *, correction=None):
    """``(std, mean)`` over ``dim``: one ``StdMeanBackward0`` with two outputs."""
    _check_tensor(input, "std_mean")
    return _stat_mean(S.StdMeanBackward0, "std_mean", input, dim, unbiased, keepdim, correction)


def _inplace_multi(self, name, graph_fn, operands):
    """``graph_fn`` written into ``self`` (``api.inplace``), with PyTorch's checks on every
    tensor operand (dtype castable to ``self``'s, broadcast shape equal to ``self``'s)."""
    ts = [o for o in operands if isinstance(o, Tensor)]
    arr = self._data
    rt = _api.result_type(self, *ts)
    if _api._CAT[rt.kind] > _api._CAT[arr.dtype.kind]:
        raise RuntimeError(
            f"result type {_scalar_name(rt)} can't be cast to the desired output type "
            f"{_scalar_name(arr.dtype)}"
        )
    bshape = _broadcast(self, *ts)
    if tuple(bshape) != arr.shape:
        raise RuntimeError(
            f"output with shape {list(arr.shape)} doesn't match the broadcast shape {list(bshape)}"
        )
    grad = [t for t in ts if t._requires_grad]
    return _api.inplace(self, name, graph_fn, *(grad[:1] or ts[:1]))


def _addcmul_(self, tensor1, tensor2, *, value=1):
    return _inplace_multi(
        self,
        "addcmul_",
        lambda old: addcmul(old, tensor1, tensor2, value=value),
        (tensor1, tensor2),
    )


def _addcdiv_(self, tensor1, tensor2, *, value=1):
    return _inplace_multi(
        self,
        "addcdiv_",
        lambda old: addcdiv(old, tensor1, tensor2, value=value),
        (tensor1, tensor2),
    )


def _lerp_(self, end, weight):
    return _inplace_multi(self, "lerp_", lambda old: lerp(old, end, weight), (end, weight))


def _m_baddbmm(self, batch1, batch2, *, beta=1, alpha=1):
    return baddbmm(self, batch1, batch2, beta=beta, alpha=alpha)


def _m_addcmul(self, tensor1, tensor2, *, value=1):
    return addcmul(self, tensor1, tensor2, value=value)


def _m_addcdiv(self, tensor1, tensor2, *, value=1):
    return addcdiv(self, tensor1, tensor2, value=value)


def _m_index_add(self, dim, index, source, *, alpha=1):
    return index_add(self, dim, index, source, alpha=alpha)


def _m_cumprod(self, dim=_api._NO_OTHER, *, dtype=None):
    return cumprod(self, dim, dtype=dtype)


def _m_masked_select(self, mask):
    return masked_select(self, mask)


def _m_take(self, index):
    return take(self, index)


def _m_roll(self, shifts, dims=None):
    return roll(self, shifts, dims)


def _m_nan_to_num(self, nan=0.0, posinf=None, neginf=None):
    return nan_to_num(self, nan, posinf, neginf)


def _m_count_nonzero(self, dim=None):
    return count_nonzero(self, dim)


for _name, _fn in (
    ("masked_select", _m_masked_select),
    ("lerp", lerp),
    ("lerp_", _lerp_),
    ("addcmul_", _addcmul_),
    ("addcdiv_", _addcdiv_),
    ("baddbmm", _m_baddbmm),
    ("kron", kron),
    ("det", det),
    ("inverse", inv),
    ("addcmul", _m_addcmul),
    ("addcdiv", _m_addcdiv),
    ("index_add", _m_index_add),
    ("rot90", rot90),
    ("cumprod", _m_cumprod),
    ("diff", diff),
    ("bincount", bincount),
    ("take", _m_take),
    ("roll", _m_roll),
    ("trace", trace),
    ("nan_to_num", _m_nan_to_num),
    ("count_nonzero", _m_count_nonzero),
    ("flipud", flipud),
    ("fliplr", fliplr),
    ("unsqueeze_", unsqueeze_),
    ("data_ptr", data_ptr),
    ("storage_offset", storage_offset),
    ("nbytes", property(_nbytes)),
    ("storage", storage),
    ("resize_", resize_),
    ("untyped_storage", untyped_storage),
    ("scatter", _m_scatter),
    ("scatter_", _m_scatter_),
    ("scatter_add", _m_scatter_add),
    ("scatter_add_", _m_scatter_add_),
):
    if _name not in Tensor.__dict__:
        setattr(Tensor, _name, _fn)
del _name, _fn
