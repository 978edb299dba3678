"""PyTorch dtypes mapped onto numpy dtypes."""

from __future__ import annotations

import numpy as np

from .shown import ShownAs


class dtype(metaclass=ShownAs):
    _torch_class = "torch.dtype"
    __slots__ = ("_legacy", "_np", "_word", "is_complex", "is_floating_point", "itemsize", "name")

    def __init__(self, name, np_dtype, is_floating_point, legacy):
        self.name = name
        self._np = np.dtype(np_dtype)
        self.is_floating_point = is_floating_point
        self.is_complex = False
        self.itemsize = self._np.itemsize
        self._legacy = legacy
        self._word = None

    @property
    def np(self):
        """The numpy dtype of this engine's tensors of this dtype."""
        d = self._np
        if d is None:  # (bfloat16, complex: see ``_unheld``; not a TypeError: the argument
            # parsers turn those into "must be torch.dtype", and it is one)
            raise NotImplementedError(
                f"{self._word} tensors are not supported by autograd_viz (its tensors are "
                "numpy arrays of float32, float64, float16, the integer types and bool)"
            )
        return d

    def __repr__(self) -> str:
        return f"torch.{self.name}"

    def __reduce__(self):
        if self._np is None:  # (bfloat16, complex)
            return (_named, (self.name,))
        return (from_numpy_dtype, (self._np,))  # (torch.load's weights_only allows it)


def _named(name):
    """(unpickling) the one dtype object of that name"""
    return _BY_NAME[name]


float32 = dtype("float32", np.float32, True, "FloatTensor")
float64 = dtype("float64", np.float64, True, "DoubleTensor")
float16 = dtype("float16", np.float16, True, "HalfTensor")
int64 = dtype("int64", np.int64, False, "LongTensor")
int32 = dtype("int32", np.int32, False, "IntTensor")
int16 = dtype("int16", np.int16, False, "ShortTensor")
int8 = dtype("int8", np.int8, False, "CharTensor")
uint8 = dtype("uint8", np.uint8, False, "ByteTensor")
bool_ = dtype("bool", np.bool_, False, "BoolTensor")
uint16 = dtype("uint16", np.uint16, False, "UInt16Tensor")
uint32 = dtype("uint32", np.uint32, False, "UInt32Tensor")
uint64 = dtype("uint64", np.uint64, False, "UInt64Tensor")


def _unheld(name, itemsize, is_floating_point, word, legacy):
    """A PyTorch dtype this engine has no tensors of (bfloat16, the complex types): it
    exists, prints and compares as PyTorch's (``torch.bfloat16``), so code that only names
    it runs (nanoGPT's ``{'bfloat16': torch.bfloat16, ...}[dtype]``); asking for a tensor of
    it (``dtype=``, ``.to()``) raises ``NotImplementedError`` saying so (``dtype.np``),
    never another dtype's numbers under its name."""
    d = dtype.__new__(dtype)
    d.name, d._np, d.itemsize, d._legacy, d._word = name, None, itemsize, legacy, word
    d.is_floating_point = is_floating_point
    d.is_complex = not is_floating_point
    return d


bfloat16 = _unheld("bfloat16", 2, True, "bfloat16", "BFloat16Tensor")
complex32 = _unheld("complex32", 4, False, "complex", "ComplexHalfTensor")
complex64 = _unheld("complex64", 8, False, "complex", "ComplexFloatTensor")
complex128 = _unheld("complex128", 16, False, "complex", "ComplexDoubleTensor")
chalf, cfloat, cdouble = complex32, complex64, complex128

float = float32
double = float64
half = float16
long = int64
int = int32
short = int16

ALL = (float32, float64, float16, int64, int32, int16, int8, uint8, bool_, uint16, uint32, uint64)
_BY_NP = {d.np: d for d in ALL}
_BY_NAME = {d.name: d for d in (*ALL, bfloat16, complex32, complex64, complex128)}


def from_numpy_dtype(np_dtype) -> dtype:
    try:
        return _BY_NP[np.dtype(np_dtype)]
    except KeyError:
        raise TypeError(_unsupported_np(np_dtype)) from None


def _unsupported_np(np_dtype) -> str:
    return (
        f"can't convert np.ndarray of type numpy.{np.dtype(np_dtype).type.__name__}. The only "
        "supported types are: float64, float32, float16, complex64, complex128, int64, int32, "
        "int16, int8, uint64, uint32, uint16, uint8, and bool."
    )


def from_type_name(name: str) -> dtype:
    """``"torch.DoubleTensor"`` -> ``torch.float64``."""
    for d in ALL:
        if name in ("torch." + d._legacy, d._legacy):
            return d
    raise ValueError(f"invalid type: '{name}'")


def type_name(np_dtype) -> str:
    """``torch.FloatTensor`` style name of an ndarray dtype."""
    return "torch." + from_numpy_dtype(np_dtype)._legacy


def to_numpy_dtype(d):
    if d is None:
        return None
    if isinstance(d, dtype):
        return d.np
    if d is builtins_float:
        return np.dtype(np.float64)
    if d is builtins_int:
        return np.dtype(np.int64)
    if d is builtins_bool:
        return np.dtype(np.bool_)
    raise TypeError(f"dtype must be a torch.dtype, not {type(d).__name__}")


import builtins as _b  # noqa: E402

builtins_float, builtins_int, builtins_bool = _b.float, _b.int, _b.bool
