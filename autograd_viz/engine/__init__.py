"""The autograd engine: tensors, Functions, backward, grad mode, events (numpy only)."""

from . import events
from .api import (abs, add, addmm, all, allclose, any, argmax, argmin, bmm, cat, clamp,
                  clip, clone, concat, concatenate, detach, div, dot, eq, equal, exp,
                  expand, flatten, floor_divide, ge, greater, greater_equal, gt, is_floating_point,
                  is_tensor, isclose, le, less, less_equal, log, logical_and, logical_not,
                  logical_or, lt, matmul, max, maximum, mean, min, minimum, mm, mul, mv,
                  ne, neg, negative, nonzero, not_equal, numel, permute, pow, relu, remainder,
                  reshape, rsub, sigmoid, sign, sqrt, square, squeeze, stack, sub, sum,
                  swapaxes, t, tanh, transpose, true_divide, unsqueeze, view, where)
from .api_extra import cos, log_softmax, norm, prod, sin, softmax, std, var
from .creation import (BoolTensor, DoubleTensor, FloatTensor, LongTensor, arange, as_tensor,
                       empty, empty_like, eye, from_numpy, full, full_like, linspace,
                       manual_seed, normal, ones, ones_like, rand, rand_like, randint, randn,
                       randn_like, randperm, seed, tensor, zeros, zeros_like)
from .dtypes import (bool_, double, dtype, float, float16, float32, float64, half, int,
                     int8, int16, int32, int64, long, short, uint8)
from .function import AccumulateGrad, Function
from .grad_mode import (enable_grad, inference_mode, is_grad_enabled, no_grad,
                        set_grad_enabled)
from .printing import set_printoptions
from .tensor import Size, Tensor

__all__ = [
    "AccumulateGrad", "BoolTensor", "DoubleTensor", "FloatTensor", "Function", "LongTensor",
    "Size", "Tensor", "abs", "add", "addmm", "all", "allclose", "any", "arange", "argmax",
    "argmin", "as_tensor", "bmm", "bool_", "cat", "clamp", "clip", "clone", "concat",
    "concatenate", "detach", "div", "dot", "double", "dtype", "empty", "empty_like",
    "enable_grad", "eq", "equal", "events", "exp", "expand", "eye", "flatten", "float",
    "float16", "float32", "float64", "floor_divide", "from_numpy", "full", "full_like", "ge",
    "greater", "greater_equal", "gt", "half", "inference_mode", "int", "int8", "int16",
    "int32", "int64", "is_floating_point", "is_grad_enabled", "is_tensor", "isclose", "le",
    "less", "less_equal", "linspace", "log", "logical_and", "logical_not", "logical_or",
    "long", "lt", "manual_seed", "matmul", "max", "maximum", "mean", "min", "minimum", "mm",
    "mul", "mv", "ne", "neg", "negative", "no_grad", "nonzero", "normal", "not_equal",
    "numel", "ones", "ones_like", "permute", "pow", "rand", "rand_like", "randint", "randn",
    "randn_like", "randperm", "relu", "remainder", "reshape", "rsub", "seed",
    "set_grad_enabled", "set_printoptions", "short", "sigmoid", "sign", "sqrt", "square",
    "squeeze", "stack", "sub", "sum", "swapaxes", "t", "tanh", "tensor", "transpose",
    "true_divide", "uint8", "unsqueeze", "view", "where", "zeros", "zeros_like",
    "cos", "log_softmax", "norm", "prod", "sin", "softmax", "std", "var",
]
