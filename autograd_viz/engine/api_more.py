"""Tensor ops tutorials use beyond the core set (``tril``, ``masked_fill``, ``gather``,
``split``/``chunk``, ``cumsum``, ``logsumexp``, ``amax``, ``topk``, ``sort``, ``repeat``,
``outer``, ``isnan``...), with PyTorch's node names and messages, and ``save``/``load``.
The Tensor methods are attached at the bottom (never shadowing one ``tensor.py`` defines).
"""

from __future__ import annotations

import numbers
import pickle

import numpy as np

from . import api as _api
from .api import _check_tensor, _ReturnType
from .ops import more as M
from .tensor import Tensor, _wrap_dim

__all__ = [
    "amax",
    "amin",
    "argsort",
    "chunk",
    "cumsum",
    "flip",
    "gather",
    "ger",
    "index_select",
    "isfinite",
    "isinf",
    "isnan",
    "load",
    "logsumexp",
    "masked_fill",
    "outer",
    "save",
    "sort",
    "split",
    "topk",
    "tril",
    "triu",
    "xlogy",
]


def _dims(dim, ndim):
    if dim is None or (isinstance(dim, (tuple, list)) and len(dim) == 0):
        return tuple(range(ndim))
    if isinstance(dim, numbers.Integral):
        dim = (dim,)
    return _no_repeats(tuple(_wrap_dim(int(d), max(ndim, 1)) for d in dim))


def _no_repeats(ds):
    """Sorted wrapped dims; PyTorch's error for a dim listed twice."""
    seen = set()
    for d in ds:
        if d in seen:
            raise RuntimeError(f"dim {d} appears multiple times in the list of dims")
        seen.add(d)
    return tuple(sorted(ds))


def _tri(cls, name, input, diagonal):
    _check_tensor(input, name)
    if input._data.ndim < 2:
        raise RuntimeError(f"{name}: input tensor must have at least 2 dimensions")
    return cls.apply(input, diagonal=int(diagonal))


def tril(input, diagonal=0):
    return _tri(M.TrilBackward0, "tril", input, diagonal)


def triu(input, diagonal=0):
    return _tri(M.TriuBackward0, "triu", input, diagonal)


def _bool_mask(mask, name):
    if not isinstance(mask, Tensor):
        raise TypeError(
            f"{name}() received an invalid combination of arguments - got "
            f"({type(mask).__name__}, ...)"
        )
    m = mask._data
    if m.dtype != np.bool_:
        from .dtypes import type_name

        tn = {"int64": "long int", "int32": "int", "float32": "float", "float64": "double"}.get(
            m.dtype.name, type_name(m.dtype)
        )
        raise RuntimeError(
            f"masked_fill_ only supports boolean masks, but got mask with dtype {tn}"
        )
    return m


_F32_MAX = float(np.finfo(np.float32).max)
_C_INT = {
    "int64": "int64_t",
    "int32": "int",
    "int16": "int16_t",
    "int8": "int8_t",
    "uint8": "uint8_t",
}


def _check_fill_value(input, value, name):
    """A Number or a tensor (else PyTorch's parser error, in the method's form), that fits
    ``input``'s dtype (else PyTorch's overflow error); returns it (a complex number with no
    imaginary part: its real part, as PyTorch takes it)."""
    if isinstance(value, Tensor):
        return value
    if not isinstance(value, numbers.Number):
        got = _api._type_list(value) if isinstance(value, list | tuple) else _api._pytype(value)
        why = (
            f"      didn't match because some of the arguments have invalid types: "
            f"(Tensor, !{got}!)\n"
        )
        raise TypeError(
            f"{name}() received an invalid combination of arguments - got (Tensor, "
            f"{type(value).__name__}), but expected one of:\n * (Tensor mask, Tensor value)\n"
            f"{why} * (Tensor mask, Number value)\n{why}"
        )
    dt = input._data.dtype
    if isinstance(value, complex | np.complexfloating):
        from .creation import real_scalar

        return real_scalar(value, dt)
    if isinstance(value, bool):
        return value
    if dt.kind in "iu":
        info = np.iinfo(dt)
        if isinstance(value, numbers.Integral):
            bad = not info.min <= int(value) <= info.max
        else:
            v = float(value)
            bad = not np.isfinite(v) or not info.min <= v <= info.max
        if bad:
            raise RuntimeError(
                f"value cannot be converted to type {_C_INT.get(dt.name, dt.name)} without overflow"
            )
    elif dt == np.float32:
        v = float(value)
        if abs(v) > _F32_MAX and v - v == 0:  # finite and too big
            raise RuntimeError("value cannot be converted to type float without overflow")
    return value


def masked_fill(input, mask, value):
    """``input`` with ``value`` where ``mask`` is True (``MaskedFillBackward0`` for a number,
    ``MaskedFillBackward1`` for a 0-d tensor value)."""
    _check_tensor(input, "masked_fill")
    if isinstance(mask, Tensor):  # (PyTorch expands the two first: a size error comes first)
        try:
            np.broadcast_shapes(input._data.shape, mask._data.shape)
        except ValueError:
            raise _api._broadcast_error(mask._data, input) from None  # (PyTorch's a: the mask)
    m = _bool_mask(mask, "masked_fill")
    value = _check_fill_value(input, value, "masked_fill")
    if isinstance(value, Tensor):
        if value._data.ndim != 0:
            raise RuntimeError(
                "masked_fill_ only supports a 0-dimensional value tensor, but got tensor with "
                f"{value._data.ndim} dimension(s)."
            )
        return M.MaskedFillBackward1.apply(input, value, mask=m)
    return M.MaskedFillBackward0.apply(input, mask=m, value=value)


def _masked_fill_(self, mask, value):
    m = _bool_mask(mask, "masked_fill_")
    value = _check_fill_value(self, value, "masked_fill_")
    if np.broadcast_shapes(self._data.shape, m.shape) != self._data.shape:
        raise RuntimeError(
            f"output with shape {list(self._data.shape)} doesn't match the broadcast shape "
            f"{list(np.broadcast_shapes(self._data.shape, m.shape))}"
        )
    return _api.inplace(self, "masked_fill_", lambda old: masked_fill(old, mask, value))


def _index_check(index, name):
    if not isinstance(index, Tensor) or index._data.dtype.kind not in "iu":
        if name == "gather":
            raise RuntimeError("gather(): Expected dtype int32/int64 for index")
        raise RuntimeError("index_select(): Expected dtype int32 or int64 for index")
    return index._data


def gather(input, dim, index, *, sparse_grad=False):
    """``out[i][j] = input[i][index[i][j]]`` (dim 1): one ``GatherBackward0``."""
    _check_tensor(input, "gather")
    idx = _index_check(index, "gather")
    a = input._data
    d = _wrap_dim(int(dim), max(a.ndim, 1))
    if idx.ndim != a.ndim or a.ndim == 0:
        if idx.size == 0 and a.ndim:  # PyTorch checks nothing more for an empty index
            grid = tuple(np.zeros(idx.shape, np.intp) for _ in range(a.ndim))
            return M.GatherBackward0.apply(input, index=grid)
        if max(idx.ndim, 1) == max(a.ndim, 1):  # a 0-d input or index: as 1-d ones
            x = input.reshape(a.shape or (1,))
            return gather(x, d, index.reshape(idx.shape or (1,))).reshape(idx.shape)
        raise RuntimeError("Index tensor must have the same number of dimensions as input tensor")
    if idx.size == 0:
        grid = tuple(np.zeros(idx.shape, np.intp) for _ in range(a.ndim))
        return M.GatherBackward0.apply(input, index=grid)
    size = a.shape[d]
    for k in range(a.ndim):
        if k != d and idx.shape[k] > a.shape[k]:
            raise RuntimeError(
                f"Size does not match at dimension {k} expected index {list(idx.shape)} to be "
                f"no larger than self {list(a.shape)} apart from dimension {d}"
            )
    if idx.size and (idx.min() < 0 or idx.max() >= size):
        bad = int(idx.ravel()[np.flatnonzero((idx.ravel() < 0) | (idx.ravel() >= size))[0]])
        raise RuntimeError(f"index {bad} is out of bounds for dimension {d} with size {size}")
    grid = list(np.indices(idx.shape, sparse=True))
    grid[d] = idx
    return M.GatherBackward0.apply(input, index=tuple(grid))


def index_select(input, dim, index):
    _check_tensor(input, "index_select")
    idx = _index_check(index, "index_select")
    a = input._data
    d = _wrap_dim(int(dim), max(a.ndim, 1))
    if idx.ndim > 1:
        raise IndexError("index_select(): Index is supposed to be a vector")
    if a.ndim == 0:  # a scalar: its one element
        if idx.size != 1:
            raise RuntimeError(
                f"index_select(): Index to scalar can have only 1 value, got {idx.size} value(s)"
            )
        return index_select(input.reshape(1), 0, index.reshape(1)).reshape(())
    if idx.size and (idx.min() < 0 or idx.max() >= a.shape[d]):
        if d and a.ndim > 1:  # PyTorch's kernel for an inner dim words it so
            flat = idx.ravel()
            bad = int(flat[np.flatnonzero((flat < 0) | (flat >= a.shape[d]))[0]])
            raise RuntimeError(
                f"INDICES element is out of DATA bounds, id={bad} axis_dim={a.shape[d]}"
            )
        raise IndexError("index out of range in self")
    key = (slice(None),) * d + (idx.reshape(-1),)
    return M.IndexSelectBackward0.apply(input, index=key)


_NO_DIM = object()


def cumsum(input, dim=_NO_DIM, *, dtype=None, axis=_NO_DIM):
    _check_tensor(input, "cumsum")
    if axis is not _NO_DIM:  # numpy's name, which PyTorch accepts too
        if dim is not _NO_DIM:
            raise TypeError("cumsum() got an unexpected keyword argument 'axis'")
        dim = axis
    if dim is _NO_DIM:
        raise TypeError('cumsum() missing 1 required positional arguments: "dim"')
    a = input._data
    d = _wrap_dim(int(dim), max(a.ndim, 1))
    from .dtypes import to_numpy_dtype

    npd = to_numpy_dtype(dtype) if dtype is not None else None
    if npd is not None and npd.kind == "b":
        raise NotImplementedError("\"cumsum_out_cpu\" not implemented for 'Bool'")
    if npd is None and a.dtype.kind in "biu":
        npd = np.dtype(np.int64)
    if a.ndim == 0:
        return M.CumsumBackward0.apply(input.reshape(1), dim=0, dtype=npd).reshape(())
    return M.CumsumBackward0.apply(input, dim=d, dtype=npd)


def flip(input, dims):
    _check_tensor(input, "flip")
    if isinstance(dims, numbers.Integral):
        dims = [dims]
    nd = max(input._data.ndim, 1)
    ds = tuple(_wrap_dim(int(d), nd) for d in dims)
    _no_repeats(ds)
    return M.FlipBackward0.apply(input, dims=ds)


def logsumexp(input, dim, keepdim=False):
    _check_tensor(input, "logsumexp")
    a = input._data
    ds = _dims(dim, a.ndim)
    if a.dtype.kind in "biu":
        input = input.float()
    return M.LogsumexpBackward0.apply(input, dims=ds, keepdim=bool(keepdim))


def _amaxmin(cls, name, input, dim, keepdim):
    _check_tensor(input, name)
    a = input._data
    ds = _dims(dim, a.ndim)
    if a.size == 0 and (dim is None or dim == () or dim == []):
        raise RuntimeError(
            f"{name}(): Expected reduction dim to be specified for input.numel() == 0. "
            "Specify the reduction dim with the 'dim' argument."
        )
    if a.size == 0:
        raise IndexError(
            f"{name}(): Expected reduction dim {ds[0] if ds else 0} to have non-zero size."
        )
    if a.ndim == 0:
        return cls.apply(input.reshape(1), dims=(0,), keepdim=False)
    return cls.apply(input, dims=ds, keepdim=bool(keepdim))


def amax(input, dim=(), keepdim=False):
    return _amaxmin(M.AmaxBackward0, "amax", input, dim, keepdim)


def amin(input, dim=(), keepdim=False):
    return _amaxmin(M.AminBackward0, "amin", input, dim, keepdim)


def _along(input, order, d, cls, name):
    """Values of ``input`` at ``order`` (indices along dim ``d``) and the indices."""
    grid = list(np.indices(order.shape, sparse=True))
    grid[d] = order
    values = cls.apply(input, index=tuple(grid))
    return _ReturnType(values, Tensor._make(order.astype(np.int64)), name)


def sort(input, dim=-1, descending=False, stable=False):
    _check_tensor(input, "sort")
    a = input._data
    if a.ndim == 0:
        return _ReturnType(input.clone(), Tensor._make(np.array(0, dtype=np.int64)), "sort")
    d = _wrap_dim(int(dim), a.ndim)
    key = -a if descending and a.dtype.kind != "b" else a
    order = np.argsort(key, axis=d, kind="stable")
    return _along(input, order, d, M.SortBackward0, "sort")


def argsort(input, dim=-1, descending=False, stable=False):
    return sort(input, dim, descending, stable).indices


def topk(input, k, dim=-1, largest=True, sorted=True):
    _check_tensor(input, "topk")
    a = input._data
    if a.dtype.kind == "b":
        raise RuntimeError("topk does not support bool dtypes on CPU")
    if a.ndim == 0:
        _wrap_dim(int(dim), 1)
        if k not in (0, 1):
            raise RuntimeError("selected index k out of range")
        return _ReturnType(input.clone(), Tensor._make(np.array(0, dtype=np.int64)), "topk")
    d = _wrap_dim(int(dim), max(a.ndim, 1))
    n = a.shape[d] if a.ndim else 1
    if k < 0 or k > n:
        raise RuntimeError("selected index k out of range")
    key = -a if largest else a
    order = np.argsort(key, axis=d, kind="stable")
    order = np.take(order, np.arange(k), axis=d)
    return _along(input, order, d, M.TopkBackward0, "topk")


def _pieces(input, sizes, d, cls):
    """The pieces of ``split`` (views), outputs of one ``cls`` node."""
    idx, start = [], 0
    pre = (slice(None),) * d
    for s in sizes:
        idx.append((*pre, slice(start, start + s)))
        start += s
    return cls.apply_pieces(input, idx, d)


def split(tensor, split_size_or_sections, dim=0):
    return _split(tensor, split_size_or_sections, dim, _SPLITS)


#: the nodes of ``split`` (by size, by sizes); ``api_split``'s unsafe forms give others
_SPLITS = (M.SplitBackward0, M.SplitWithSizesBackward0)


def _split(tensor, split_size_or_sections, dim, classes):
    _check_tensor(tensor, "split")
    if dim.__class__ is not int or (
        split_size_or_sections.__class__ is not int
        and split_size_or_sections.__class__ is not list
        and split_size_or_sections.__class__ is not tuple
    ):
        from .argtypes_shape import split_args

        split_size_or_sections, dim = split_args(tensor, split_size_or_sections, dim)
    a = tensor._data
    if a.ndim == 0:
        raise RuntimeError("split expects at least a 1-dimensional tensor")
    d = _wrap_dim(int(dim), max(a.ndim, 1))
    n = a.shape[d]
    if isinstance(split_size_or_sections, numbers.Integral):
        s = int(split_size_or_sections)
        if s < 0:
            raise RuntimeError(f"split expects split_size be non-negative, but got split_size={s}")
        if s == 0:
            if n != 0:
                raise RuntimeError(
                    "split_size can only be 0 if dimension size is 0, but got dimension size "
                    f"of {n}"
                )
            return (tensor,)
        sizes = [s] * (n // s) + ([n % s] if n % s else [])
        return _pieces(tensor, sizes or [0], d, classes[0])
    if not all(x.__class__ is int for x in split_size_or_sections):
        from .argtypes_shape import intlist

        split_size_or_sections = intlist(
            "split_with_sizes", "split_sizes", split_size_or_sections, 2
        )
    sizes = list(split_size_or_sections)
    if min(sizes, default=0) < 0:
        raise RuntimeError(
            "split_with_sizes expects split_sizes have only non-negative entries, but got "
            f"split_sizes={sizes}"
        )
    if sum(sizes) != n:
        raise RuntimeError(
            f"split_with_sizes expects split_sizes to sum exactly to {n} (input tensor's size "
            f"at dimension {dim}), but got split_sizes={sizes}"
        )
    return _pieces(tensor, sizes, d, classes[1])


def _int_arg(value, fn, arg, pos):
    """PyTorch's ``int`` argument: a Python/numpy integer or a 0-d integer tensor."""
    if isinstance(value, Tensor) and value._data.ndim == 0 and value._data.dtype.kind in "iu":
        return int(value._data)
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(
            f"{fn}(): argument '{arg}' (position {pos}) must be int, not {type(value).__name__}"
        )
    return int(value)


def chunk(input, chunks, dim=0):
    return _chunk(input, chunks, dim, _SPLITS)


def _chunk(input, chunks, dim, classes):
    _check_tensor(input, "chunk")
    chunks = _int_arg(chunks, "chunk", "chunks", 1)
    dim = _int_arg(dim, "chunk", "dim", 2)
    if input._data.ndim == 0:
        raise RuntimeError("chunk expects at least a 1-dimensional tensor")
    if chunks <= 0:
        raise RuntimeError(f"chunk expects `chunks` to be greater than 0, got: {chunks}")
    a = input._data
    d = _wrap_dim(int(dim), max(a.ndim, 1))
    n = a.shape[d]
    if n == 0:  # PyTorch: ``chunks`` empty pieces
        return _split(input, [0] * int(chunks), d, classes)
    return _split(input, -(-n // chunks), d, classes)


def outer(input, vec2):
    """``input.reshape(-1, 1) * vec2`` (a ``MulBackward0``, as PyTorch builds it)."""
    _check_tensor(input, "outer")
    _check_tensor(vec2, "outer", "vec2")
    for arg, x in (("self", input), ("vec2", vec2)):
        if x._data.ndim != 1:
            raise RuntimeError(f"outer: Expected 1-D argument {arg}, but got {x._data.ndim}-D")
    return _api.mul(_api.reshape(input, (input._data.size, 1)), vec2)


ger = outer


def _is(fn, name):
    def f(input):
        _check_tensor(input, name)
        a = input._data
        if a.dtype.kind not in "fc":
            return Tensor._make(np.full(a.shape, name == "isfinite"))
        return Tensor._make(fn(a))

    f.__name__ = name
    return f


isnan = _is(np.isnan, "isnan")
isinf = _is(np.isinf, "isinf")
isfinite = _is(np.isfinite, "isfinite")


def save(obj, f, pickle_module=pickle, pickle_protocol=2, **kwargs):
    """Pickle ``obj`` (tensors, state dicts, modules) to a path or a file object."""
    if isinstance(f, (str, bytes)) or hasattr(f, "__fspath__"):
        with open(f, "wb") as fh:
            pickle_module.dump(obj, fh, protocol=pickle_protocol)
    else:
        pickle_module.dump(obj, f, protocol=pickle_protocol)


#: what ``torch.load(weights_only=True)`` (PyTorch's default since 2.6) may rebuild:
#: tensors, parameters, sizes, dtypes, devices, containers and numpy's array pieces
_SAFE_GLOBALS = {
    ("collections", "OrderedDict"),
    ("builtins", "set"),
    ("builtins", "frozenset"),
    ("builtins", "complex"),
    ("builtins", "slice"),
    ("builtins", "bytearray"),
    ("_codecs", "encode"),
    ("numpy", "ndarray"),
    ("numpy", "dtype"),
    ("numpy._core.multiarray", "_reconstruct"),
    ("numpy._core.multiarray", "scalar"),
    ("numpy.core.multiarray", "_reconstruct"),
    ("numpy.core.multiarray", "scalar"),
    ("autograd_viz.engine.tensor", "Tensor"),
    ("autograd_viz.engine.tensor", "Size"),
    ("autograd_viz.engine.dtypes", "from_numpy_dtype"),
    ("autograd_viz.engine.device", "device"),
    ("autograd_viz.nn.parameter", "Parameter"),
    ("autograd_viz.nn.parameter", "UninitializedParameter"),
    ("autograd_viz.nn.parameter", "UninitializedBuffer"),
}

_WEIGHTS_ONLY_FAILED = (
    "Weights only load failed. This file can still be loaded, to do so you have two options, "
    "\x1b[1mdo those steps only if you trust the source of the checkpoint\x1b[0m. \n\t(1) In "
    "PyTorch 2.6, we changed the default value of the `weights_only` argument in `torch.load` "
    "from `False` to `True`. Re-running `torch.load` with `weights_only` set to `False` will "
    "likely succeed, but it can result in arbitrary code execution. Do it only if you got the "
    "file from a trusted source.\n\t(2) Alternatively, to load with `weights_only=True` please "
    "check the recommended steps in the following error message.\n\tWeightsUnpickler error: "
    "Unsupported global: GLOBAL {g} was not an allowed global by default. Please use "
    "`torch.serialization.add_safe_globals([{g}])` or the "
    "`torch.serialization.safe_globals([{g}])` context manager to allowlist this global if "
    "you trust this class/function.\n\nCheck the documentation of torch.load to learn more "
    "about types accepted by default with weights_only "
    "https://pytorch.org/docs/stable/generated/torch.load.html."
)


class _WeightsUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        if (module, name) in _SAFE_GLOBALS:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(_WEIGHTS_ONLY_FAILED.format(g=f"{module}.{name}"))


def load(f, map_location=None, pickle_module=pickle, *, weights_only=None, **kwargs):
    """Read back what :func:`save` wrote; ``weights_only`` (the default, as in PyTorch 2.6+)
    rebuilds only tensors, sizes, dtypes, devices and containers: anything else (a whole
    pickled module) raises PyTorch's ``UnpicklingError``."""
    safe = weights_only is None or bool(weights_only)

    def read(fh):
        return _WeightsUnpickler(fh).load() if safe else pickle_module.load(fh)

    if isinstance(f, (str, bytes)) or hasattr(f, "__fspath__"):
        with open(f, "rb") as fh:
            return read(fh)
    return read(f)


# ---------------------------------------------------------------------- Tensor methods

_NO = object()


def _m_repeat(self, *sizes, repeats=_NO):
    if repeats is not _NO:  # (the keyword form: ``t.repeat(repeats=(2, 1))``)
        from .argtypes_shape import varargs_intlist

        sizes = (varargs_intlist("repeat", "repeats", sizes, repeats),)
    if not sizes:
        raise TypeError('repeat() missing 1 required positional arguments: "repeats"')
    sizes = _api._size_args(sizes, "repeat")
    if len(sizes) < self._data.ndim:
        raise RuntimeError(
            "Number of dimensions of repeat dims can not be smaller than number of dimensions "
            "of tensor"
        )
    if min(sizes) < 0:
        shape = (1,) * (len(sizes) - self._data.ndim) + self._data.shape
        out = [r * n for r, n in zip(sizes, shape, strict=True)]
        neg = next(x for x in out if x < 0)
        raise RuntimeError(f"Trying to create tensor with negative dimension {neg}: {out}")
    return M.RepeatBackward0.apply(self, repeats=sizes)


def _m_sort(self, dim=-1, descending=False, stable=False):
    return sort(self, dim, descending, stable)


def _m_topk(self, k, dim=-1, largest=True, sorted=True):
    return topk(self, k, dim, largest, sorted)


def _m_amax(self, dim=(), keepdim=False):
    return amax(self, dim, keepdim)


def _m_amin(self, dim=(), keepdim=False):
    return amin(self, dim, keepdim)


def _m_logsumexp(self, dim, keepdim=False):
    return logsumexp(self, dim, keepdim)


def _m_cumsum(self, dim=_NO_DIM, dtype=None, *, axis=_NO_DIM):
    return cumsum(self, dim, dtype=dtype, axis=axis)


def _m_flip(self, *dims):
    if len(dims) == 1 and isinstance(dims[0], (tuple, list)):
        dims = dims[0]
    return flip(self, list(dims))


def _m_split(self, split_size, dim=0):
    return split(self, split_size, dim)


def _m_chunk(self, chunks, dim=0, *, axis=_NO):
    if axis is not _NO:  # numpy's name, which PyTorch's method accepts too
        if dim != 0:
            raise TypeError("chunk() got an unexpected keyword argument 'axis'")
        dim = axis
    return chunk(self, chunks, dim)


def _m_gather(self, dim, index, *, sparse_grad=False):
    return gather(self, dim, index)


def _m_index_select(self, dim, index):
    return index_select(self, dim, index)


def _m_argsort(self, dim=-1, descending=False, stable=False):
    return argsort(self, dim, descending, stable)


def _m_tril(self, diagonal=0):
    return tril(self, diagonal)


def _m_triu(self, diagonal=0):
    return triu(self, diagonal)


def _m_masked_fill(self, mask, value):
    return masked_fill(self, mask, value)


def _m_outer(self, vec2):
    return outer(self, vec2)


for _name, _fn in (
    ("repeat", _m_repeat),
    ("sort", _m_sort),
    ("argsort", _m_argsort),
    ("topk", _m_topk),
    ("amax", _m_amax),
    ("amin", _m_amin),
    ("logsumexp", _m_logsumexp),
    ("cumsum", _m_cumsum),
    ("flip", _m_flip),
    ("split", _m_split),
    ("chunk", _m_chunk),
    ("gather", _m_gather),
    ("index_select", _m_index_select),
    ("tril", _m_tril),
    ("triu", _m_triu),
    ("masked_fill", _m_masked_fill),
    ("masked_fill_", _masked_fill_),
    ("outer", _m_outer),
    ("isnan", isnan),
    ("isinf", isinf),
    ("isfinite", isfinite),
):
    if _name not in Tensor.__dict__:
        setattr(Tensor, _name, _fn)
del _name, _fn


def xlogy(input, other):
    """``torch.xlogy``: ``input·log(other)``, 0 where ``input`` is 0 (unless ``other`` is
    nan); one ``XlogyBackward0``.  A Python number on either side takes the tensor's
    dtype; integer tensors give the default float dtype."""
    from .device import DEFAULT_FLOAT

    if not isinstance(input, Tensor) and not isinstance(other, Tensor):
        raise TypeError(
            "xlogy() received an invalid combination of arguments - got "
            f"({type(input).__name__}, {type(other).__name__})"
        )
    ref = input if isinstance(input, Tensor) else other
    dts = [v._data.dtype for v in (input, other) if isinstance(v, Tensor)]
    dt = np.result_type(*dts)
    if dt.kind != "f":
        dt = np.dtype(DEFAULT_FLOAT[0])

    def operand(v):
        if isinstance(v, Tensor):
            return v if v._data.dtype == dt else _api._cast(v, dt)
        if isinstance(v, numbers.Real):
            return Tensor._make(np.asarray(v, dtype=dt))
        raise TypeError(
            f"xlogy(): argument 'other' must be Tensor or Number, not {type(v).__name__}"
        )

    del ref
    return M.XlogyBackward0.apply(operand(input), operand(other))
