"""The autograd engine: tensors, Functions, backward, grad mode, events (numpy only)."""

from . import events
from .creation import (DoubleTensor, FloatTensor, LongTensor, arange, empty, eye,
                       from_numpy, full, full_like, linspace, manual_seed, ones, ones_like,
                       rand, randint, randn, seed, tensor, zeros, zeros_like)
from .dtypes import (bool_, double, dtype, float, float16, float32, float64, half, int,
                     int8, int16, int32, int64, long, short, uint8)
from .function import AccumulateGrad, Function
from .grad_mode import enable_grad, is_grad_enabled, no_grad, set_grad_enabled
from .printing import set_printoptions
from .tensor import (Size, Tensor, add, div, dot, exp, log, matmul, mean, mm, mul, mv,
                     pow, sigmoid, sub, sum)

__all__ = [
    "AccumulateGrad", "DoubleTensor", "FloatTensor", "Function", "LongTensor", "Size",
    "Tensor", "add", "arange", "bool_", "div", "dot", "double", "dtype", "empty",
    "enable_grad", "events", "exp", "eye", "float", "float16", "float32", "float64",
    "from_numpy", "full", "full_like", "half", "int", "int8", "int16", "int32", "int64",
    "is_grad_enabled", "linspace", "log", "long", "manual_seed", "matmul", "mean", "mm",
    "mul", "mv", "no_grad", "ones", "ones_like", "pow", "rand", "randint", "randn", "seed",
    "set_grad_enabled", "set_printoptions", "short", "sigmoid", "sub", "sum", "tensor",
    "uint8", "zeros", "zeros_like",
]
