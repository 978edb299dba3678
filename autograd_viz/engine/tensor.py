"""``Tensor``: a numpy array plus the autograd state PyTorch gives a tensor."""

from __future__ import annotations

import numbers
import warnings
import weakref

import numpy as np

from . import backward as _backward_mod
from . import events
from . import function as _function_mod
from .dtypes import from_numpy_dtype, to_numpy_dtype, type_name
from .function import AccumulateGrad
from .grad_mode import STATE
from .ops import arithmetic as A
from .ops import linalg as L
from .ops import reduce as R
from .ops import unary as U

DEFAULT_FLOAT = np.dtype(np.float32)


class Size(tuple):
    """``torch.Size``: a tuple that prints as PyTorch prints it."""

    def __repr__(self) -> str:
        return f"torch.Size([{', '.join(str(d) for d in self)}])"

    __str__ = __repr__

    def numel(self) -> int:
        n = 1
        for d in self:
            n *= d
        return n


def _check_data(data):
    """Reject what PyTorch rejects with a clear TypeError/ValueError, not numpy's."""
    if isinstance(data, str | bytes):
        raise TypeError(f"new(): invalid data type '{type(data).__name__}'")
    if isinstance(data, list | tuple):
        for x in data:
            if isinstance(x, str | bytes):
                raise TypeError(f"new(): invalid data type '{type(x).__name__}'")


def as_array(data, dtype=None) -> np.ndarray:
    """Convert user data to an ndarray with PyTorch's default dtypes."""
    if isinstance(data, Tensor):
        arr = data._data
        return arr.astype(dtype) if dtype is not None and arr.dtype != dtype else arr.copy()
    _check_data(data)
    try:
        arr = np.array(data, dtype=dtype)
    except ValueError as e:
        if "inhomogeneous" in str(e) or "sequence" in str(e):
            raise ValueError(_ragged_message(data)) from None
        raise
    if arr.dtype == object:
        raise TypeError(f"Could not infer dtype of {type(data).__name__}")
    if dtype is None:
        if arr.dtype.kind == "f":
            arr = arr.astype(DEFAULT_FLOAT)
        elif arr.dtype.kind in "iu":
            arr = arr.astype(np.int64)
        elif arr.dtype.kind == "c":
            raise TypeError("complex tensors are not supported by autograd_viz")
    return arr


def _ragged_message(data) -> str:
    def shape_at(x, depth):
        while depth and isinstance(x, list | tuple):
            x = x[0]
            depth -= 1
        return x

    # PyTorch: "expected sequence of length 2 at dim 1 (got 3)"
    def walk(x, dim):
        if not isinstance(x, list | tuple) or not x:
            return None
        first = x[0]
        if isinstance(first, list | tuple):
            n = len(first)
            for y in x[1:]:
                if not isinstance(y, list | tuple):
                    return f"Could not infer dtype of {type(y).__name__}"
                if len(y) != n:
                    return f"expected sequence of length {n} at dim {dim + 1} (got {len(y)})"
            for y in x:
                r = walk(y, dim + 1)
                if r:
                    return r
        return None

    return walk(data, 0) or "could not convert data to a tensor"


class Tensor:
    """A multi-dimensional array that can record the operations made on it."""

    __slots__ = ("_data", "_grad", "_requires_grad", "grad_fn", "_version", "_retains_grad",
                 "_hooks", "_accumulator", "label", "_grad_owner", "__weakref__",
                 "_is_param")

    # ------------------------------------------------------------------ construction
    def __init__(self, *args, dtype=None, requires_grad=False):
        # Legacy constructor: Tensor([1, 2]) -> float32; Tensor(2, 3) -> shape (2, 3)
        if len(args) == 1 and not isinstance(args[0], numbers.Number):
            arr = as_array(args[0], np.float32 if dtype is None else to_numpy_dtype(dtype))
        elif all(isinstance(a, numbers.Integral) for a in args):
            arr = np.zeros(args, dtype=np.float32)
        else:
            raise TypeError(
                "new(): data must be a sequence (got " + type(args[0]).__name__ + ")")
        self._init(arr, False, None)
        if requires_grad:
            self.requires_grad = True

    def _init(self, arr, requires_grad, grad_fn):
        self._data = arr
        self._grad = None
        self._requires_grad = requires_grad
        self.grad_fn = grad_fn
        self._version = [0]
        self._retains_grad = False
        self._hooks = None
        self._accumulator = None
        self.label = None
        self._grad_owner = None
        self._is_param = False

    @classmethod
    def _make(cls, arr, requires_grad=False, grad_fn=None):
        if type(arr) is not np.ndarray:
            arr = np.asarray(arr)
        t = object.__new__(Tensor)
        t._init(arr, requires_grad, grad_fn)
        return t

    # ------------------------------------------------------------------ autograd state
    @property
    def requires_grad(self) -> bool:
        return self._requires_grad

    @requires_grad.setter
    def requires_grad(self, value):
        value = bool(value)
        if self.grad_fn is not None:
            if not value:
                raise RuntimeError(
                    "you can only change requires_grad flags of leaf variables. If you want "
                    "to use a computed variable in a subgraph that doesn't require "
                    "differentiation use var_no_grad = var.detach().")
            return
        if value and self._data.dtype.kind not in "fc":
            raise RuntimeError(
                "only Tensors of floating point and complex dtype can require gradients")
        self._requires_grad = value
        if events.LISTENERS:
            events.emit("requires_grad_", tensor=self)

    def requires_grad_(self, requires_grad=True):
        self.requires_grad = requires_grad
        return self

    @property
    def is_leaf(self) -> bool:
        return self.grad_fn is None

    @property
    def grad(self):
        if self.grad_fn is not None and not self._retains_grad and self._grad is None:
            warnings.warn(
                "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. "
                "Its .grad attribute won't be populated during autograd.backward(). If you "
                "indeed want the .grad field to be populated for a non-leaf Tensor, use "
                ".retain_grad() on the non-leaf Tensor. If you access the non-leaf Tensor by "
                "mistake, make sure you access the leaf Tensor instead. See "
                "github.com/pytorch/pytorch/pull/30531 for more informations. (Triggered "
                "internally at /pytorch/build/aten/src/ATen/core/TensorBody.h:489.)",
                UserWarning, stacklevel=2)
        return self._grad

    @grad.setter
    def grad(self, value):
        if value is not None:
            if not isinstance(value, Tensor):
                raise TypeError(
                    f"assigned grad expected to be a Tensor or None but got grad of type "
                    f"{type(value).__name__}")
            if value._data.shape != self._data.shape:
                raise RuntimeError("assigned grad has data of a different size")
            if value._data.dtype != self._data.dtype:
                raise RuntimeError("assigned grad has data of a different type")
            value._grad_owner = weakref.ref(self)
        old = self._grad
        self._grad = value
        if events.LISTENERS:
            events.emit("grad_set", tensor=self, old=None if old is None else old._data,
                        new=None if value is None else value._data)

    @property
    def retains_grad(self) -> bool:
        return self._retains_grad

    def retain_grad(self) -> None:
        if not self._requires_grad:
            raise RuntimeError("can't retain_grad on Tensor that has requires_grad=False")
        if self.grad_fn is None or self._retains_grad:
            return
        self._retains_grad = True
        self.grad_fn._retain_ref = weakref.ref(self)

    def register_hook(self, hook):
        """``hook(grad) -> Tensor or None`` runs when this tensor's gradient is computed."""
        if not self._requires_grad:
            raise RuntimeError(
                "cannot register a hook on a tensor that doesn't require gradient")
        if self.grad_fn is None:
            if self._hooks is None:
                self._hooks = []
            hooks = self._hooks
        else:
            hooks = self.grad_fn.__dict__.setdefault("_tensor_hooks", [])
        hooks.append(hook)
        return _function_mod._ListHandle(hooks, hook)

    def _get_accumulator(self):
        acc = self._accumulator
        if acc is None:
            acc = AccumulateGrad(self)
            self._accumulator = acc
        return acc

    def backward(self, gradient=None, retain_graph=None, create_graph=False, inputs=None):
        """Compute the gradient of this tensor with respect to the graph's leaves."""
        if gradient is None:
            if self._data.size != 1:
                raise RuntimeError("grad can be implicitly created only for scalar outputs")
            if not self._requires_grad:
                raise RuntimeError(
                    "element 0 of tensors does not require grad and does not have a grad_fn")
            g = np.ones_like(self._data)
        else:
            if not self._requires_grad:
                raise RuntimeError(
                    "element 0 of tensors does not require grad and does not have a grad_fn")
            g = gradient._data if isinstance(gradient, Tensor) else np.asarray(gradient)
            if g.shape != self._data.shape:
                raise RuntimeError(
                    f"Mismatch in shape: grad_output[0] has a shape of {Size(g.shape)} and "
                    f"output[0] has a shape of {Size(self._data.shape)}.")
        if create_graph:
            g = gradient if isinstance(gradient, Tensor) else Tensor._make(g)
        if retain_graph is None:
            retain_graph = create_graph
        _backward_mod.run_backward(
            (self,), (g,), retain_graph=retain_graph, create_graph=create_graph,
            inputs=None if inputs is None else tuple(inputs))

    # ------------------------------------------------------------------ data views
    @property
    def data(self):
        t = Tensor._make(self._data, False, None)
        t._is_param = False
        return t

    @data.setter
    def data(self, value):
        if not isinstance(value, Tensor):
            raise TypeError(
                f"Variable data has to be a tensor, but got {type(value).__name__}")
        old = self._data
        self._data = value._data
        if events.LISTENERS:
            events.emit("data_set", tensor=self, old=old, new=value._data)

    def detach(self):
        return Tensor._make(self._data, False, None)

    def detach_(self):
        if events.LISTENERS:
            events.emit("detach_", tensor=self)
        self.grad_fn = None
        self._requires_grad = False
        return self

    def clone(self):
        return CloneBackward0.apply(self)

    # ------------------------------------------------------------------ metadata
    @property
    def shape(self) -> Size:
        return Size(self._data.shape)

    def size(self, dim=None):
        if dim is None:
            return Size(self._data.shape)
        return self._data.shape[_wrap_dim(dim, self._data.ndim)]

    def dim(self) -> int:
        return self._data.ndim

    ndim = property(dim)

    def numel(self) -> int:
        return int(self._data.size)

    def nelement(self) -> int:
        return int(self._data.size)

    @property
    def dtype(self):
        return from_numpy_dtype(self._data.dtype)

    def is_floating_point(self) -> bool:
        return self._data.dtype.kind == "f"

    @property
    def device(self):
        return "cpu"

    def type(self, dtype=None):
        if dtype is None:
            return type_name(self._data.dtype)
        return self.to(dtype)

    def __len__(self) -> int:
        if self._data.ndim == 0:
            raise TypeError("len() of a 0-d tensor")
        return self._data.shape[0]

    # ------------------------------------------------------------------ conversion
    def item(self):
        if self._data.size != 1:
            raise RuntimeError(
                f"a Tensor with {self._data.size} elements cannot be converted to Scalar")
        return self._data.reshape(()).item()

    def tolist(self):
        return self._data.tolist()

    def numpy(self):
        if self._requires_grad:
            raise RuntimeError(
                "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() "
                "instead.")
        return self._data

    def __array__(self, dtype=None, copy=None):
        arr = self._data
        return arr if dtype is None else arr.astype(dtype)

    def __float__(self):
        return float(self.item())

    def __int__(self):
        return int(self.item())

    def __bool__(self):
        if self._data.size != 1:
            raise RuntimeError(
                f"Boolean value of Tensor with more than one value is ambiguous")
        return bool(self._data.reshape(()).item())

    def __index__(self):
        if self._data.dtype.kind not in "iub" or self._data.size != 1:
            raise TypeError(
                "only integer tensors of a single element can be converted to an index")
        return int(self.item())

    def to(self, dtype=None, *args, **kwargs):
        if isinstance(dtype, str) or dtype is None:
            return self
        npd = to_numpy_dtype(dtype)
        if npd == self._data.dtype:
            return self
        return ToCopyBackward0.apply(self, dtype=npd)

    def float(self):
        return self.to(_dt("float32"))

    def double(self):
        return self.to(_dt("float64"))

    def long(self):
        return self.to(_dt("int64"))

    def int(self):
        return self.to(_dt("int32"))

    def bool(self):
        return self.to(_dt("bool"))

    # ------------------------------------------------------------------ printing
    def __repr__(self) -> str:
        from .printing import tensor_repr

        return tensor_repr(self)

    __str__ = __repr__

    def __format__(self, spec):
        if self._data.ndim == 0 and spec:
            return format(self.item(), spec)
        return format(repr(self), spec)

    # ------------------------------------------------------------------ in-place
    def _check_inplace(self):
        if self.grad_fn is None and self._requires_grad and STATE.enabled:
            raise RuntimeError(
                "a leaf Variable that requires grad is being used in an in-place operation.")

    def _inplace(self, opname, new_arr):
        self._check_inplace()
        old = self._data.copy() if events.LISTENERS else None
        if self.grad_fn is not None and STATE.enabled:
            raise NotImplementedError(
                f"in-place {opname} on a tensor that is part of a graph is not supported by "
                "autograd_viz")
        np.copyto(self._data, new_arr, casting="unsafe")
        self._version[0] += 1
        if events.LISTENERS:
            events.emit("inplace", tensor=self, op=opname, old=old, new=self._data,
                        grad_enabled=STATE.enabled)
        return self

    def zero_(self):
        return self._inplace("zero_", 0)

    def fill_(self, value):
        return self._inplace("fill_", _raw(value))

    def add_(self, other, alpha=1):
        return self._inplace("add_", self._data + alpha * _raw(other))

    def sub_(self, other, alpha=1):
        return self._inplace("sub_", self._data - alpha * _raw(other))

    def mul_(self, other):
        return self._inplace("mul_", self._data * _raw(other))

    def div_(self, other):
        return self._inplace("div_", self._data / _raw(other))

    def copy_(self, src):
        return self._inplace("copy_", np.broadcast_to(_raw(src), self._data.shape))

    def __iadd__(self, other):
        return self.add_(other)

    def __isub__(self, other):
        return self.sub_(other)

    def __imul__(self, other):
        return self.mul_(other)

    def __itruediv__(self, other):
        return self.div_(other)

    # ------------------------------------------------------------------ math
    def __add__(self, other):
        return add(self, other)

    def __radd__(self, other):
        return add(other, self)

    def __sub__(self, other):
        return sub(self, other)

    def __rsub__(self, other):
        return sub(other, self)

    def __mul__(self, other):
        return mul(self, other)

    def __rmul__(self, other):
        return mul(other, self)

    def __truediv__(self, other):
        return div(self, other)

    def __rtruediv__(self, other):
        return div(other, self)

    def __pow__(self, other):
        return pow(self, other)

    def __rpow__(self, other):
        return pow(other, self)

    def __neg__(self):
        return A.NegBackward0.apply(self)

    def __matmul__(self, other):
        return matmul(self, other)

    def __rmatmul__(self, other):
        return matmul(other, self)

    def add(self, other, alpha=1):
        return add(self, other, alpha=alpha)

    def sub(self, other, alpha=1):
        return sub(self, other, alpha=alpha)

    def mul(self, other):
        return mul(self, other)

    def div(self, other):
        return div(self, other)

    def pow(self, other):
        return pow(self, other)

    def neg(self):
        return A.NegBackward0.apply(self)

    def exp(self):
        return U.ExpBackward0.apply(_floating(self))

    def log(self):
        return U.LogBackward0.apply(_floating(self))

    def sigmoid(self):
        return U.SigmoidBackward0.apply(_floating(self))

    def matmul(self, other):
        return matmul(self, other)

    def mm(self, other):
        return mm(self, other)

    def mv(self, other):
        return mv(self, other)

    def dot(self, other):
        return dot(self, other)

    def sum(self, dim=None, keepdim=False, dtype=None):
        return sum(self, dim, keepdim, dtype=dtype)

    def mean(self, dim=None, keepdim=False):
        return mean(self, dim, keepdim)

    def new_zeros(self, shape):
        return Tensor._make(np.zeros(shape, dtype=self._data.dtype))


def _dt(name):
    from . import dtypes

    return getattr(dtypes, name)


def _raw(x):
    return x._data if isinstance(x, Tensor) else x


def _wrap_dim(dim, ndim):
    n = max(ndim, 1)
    if not -n <= dim < n:
        raise IndexError(
            f"Dimension out of range (expected to be in range of [{-n}, {n - 1}], but got "
            f"{dim})")
    return dim % n


def _floating(t):
    if t._data.dtype.kind in "fc":
        return t
    return t.to(_dt("float32"))


# ---------------------------------------------------------------------- dtype promotion
_CATEGORY = {"b": 0, "u": 1, "i": 1, "f": 2, "c": 3}


def result_dtype(*xs) -> np.dtype:
    """PyTorch's type promotion: dimensioned tensors > 0-dim tensors > Python numbers."""
    dimmed, zero_dim, scalars = [], [], []
    for x in xs:
        if isinstance(x, Tensor):
            (dimmed if x._data.ndim else zero_dim).append(x._data.dtype)
        elif isinstance(x, np.ndarray):
            (dimmed if x.ndim else zero_dim).append(x.dtype)
        elif isinstance(x, bool | np.bool_):
            scalars.append(np.dtype(np.bool_))
        elif isinstance(x, numbers.Integral):
            scalars.append(np.dtype(np.int64))
        elif isinstance(x, numbers.Real):
            scalars.append(DEFAULT_FLOAT)
        else:
            scalars.append(np.dtype(np.complex64))
    result = np.result_type(*dimmed) if dimmed else None
    for group in (zero_dim, scalars):
        if not group:
            continue
        g = np.result_type(*group) if group is zero_dim else max(
            group, key=lambda d: _CATEGORY[d.kind])
        if result is None or _CATEGORY[g.kind] > _CATEGORY[result.kind]:
            result = g if group is zero_dim or g.kind != "f" else DEFAULT_FLOAT
            if group is scalars and g.kind == "f" and result is not None:
                result = DEFAULT_FLOAT
    return result


def _operand(x, name="other"):
    """A Tensor, a Python number or an ndarray, as the op wants it."""
    if isinstance(x, Tensor | numbers.Number):
        return x
    if isinstance(x, np.ndarray):
        return Tensor._make(x)
    raise TypeError(
        f"unsupported operand type: expected Tensor or number for '{name}', got "
        f"{type(x).__name__}")


def _binary(cls, a, b, promote_int_to_float=False, **kw):
    a, b = _operand(a, "input"), _operand(b)
    target = result_dtype(a, b)
    if promote_int_to_float and target.kind in "biu":
        target = DEFAULT_FLOAT
    _check_broadcast(a, b)
    a = _cast(a, target)
    b = _cast(b, target)
    return cls.apply(a, b, **kw)


def _cast(x, target):
    if isinstance(x, Tensor):
        if x._data.dtype != target:
            return x.to(from_numpy_dtype(target))
        return x
    if target.kind == "f":
        return target.type(x)
    return x


def _check_broadcast(a, b):
    if isinstance(a, Tensor) and isinstance(b, Tensor):
        sa, sb = a._data.shape, b._data.shape
        if sa == sb:
            return
        for i, (x, y) in enumerate(zip(reversed(sa), reversed(sb))):
            if x != y and x != 1 and y != 1:
                dim = max(len(sa), len(sb)) - 1 - i
                raise RuntimeError(
                    f"The size of tensor a ({x}) must match the size of tensor b ({y}) at "
                    f"non-singleton dimension {dim}")


def add(input, other, alpha=1):
    if not isinstance(input, Tensor):
        input, other = other, input
    return _binary(A.AddBackward0, input, other, alpha=alpha)


def sub(input, other, alpha=1):
    if not isinstance(input, Tensor):
        other = _operand(other)
        target = result_dtype(input, other)
        return A.RsubBackward1.apply(_cast(other, target), other=_cast(input, target))
    return _binary(A.SubBackward0, input, other, alpha=alpha)


def mul(input, other):
    if not isinstance(input, Tensor):
        input, other = other, input
    return _binary(A.MulBackward0, input, other)


def div(input, other):
    return _binary(A.DivBackward0, input, other, promote_int_to_float=True)


def pow(input, exponent):  # noqa: A001
    if isinstance(input, Tensor) and isinstance(exponent, numbers.Number):
        target = result_dtype(input, exponent)
        return A.PowBackward0.apply(_cast(input, target), exponent=exponent)
    if not isinstance(input, Tensor):
        target = result_dtype(input, exponent)
        return A.PowBackward2.apply(_cast(exponent, target), base=input)
    return _binary(A.PowBackward1, input, exponent)


def exp(input):
    return input.exp()


def log(input):
    return input.log()


def sigmoid(input):
    return input.sigmoid()


def _check_mm(a, b):
    sa, sb = a._data.shape, b._data.shape
    if sa[-1] != sb[0 if b._data.ndim == 1 else -2]:
        if a._data.ndim == 2 and b._data.ndim == 2:
            raise RuntimeError(
                f"mat1 and mat2 shapes cannot be multiplied ({sa[0]}x{sa[1]} and "
                f"{sb[0]}x{sb[1]})")
        raise RuntimeError(
            f"size mismatch, got input ({sa[0]}), mat ({sa[0]}x{sa[-1]}), vec ({sb[0]})")


def mm(input, mat2):
    for t in (input, mat2):
        if not isinstance(t, Tensor):
            raise TypeError(f"mm(): argument must be Tensor, not {type(t).__name__}")
    if input._data.ndim != 2:
        raise RuntimeError("self must be a matrix")
    if mat2._data.ndim != 2:
        raise RuntimeError("mat2 must be a matrix")
    _check_same_dtype(input, mat2, "mm")
    _check_mm(input, mat2)
    return L.MmBackward0.apply(input, mat2)


def mv(input, vec):
    _check_same_dtype(input, vec, "mv")
    _check_mm(input, vec)
    return L.MvBackward0.apply(input, vec)


def dot(input, other):
    if input._data.ndim != 1 or other._data.ndim != 1:
        raise RuntimeError(
            f"1D tensors expected, but got {input._data.ndim}D and {other._data.ndim}D "
            "tensors")
    if input._data.shape[0] != other._data.shape[0]:
        raise RuntimeError(
            "inconsistent tensor size, expected tensor [{}] and src [{}] to have the same "
            "number of elements, but got {} and {} elements respectively".format(
                input._data.shape[0], other._data.shape[0], input._data.shape[0],
                other._data.shape[0]))
    _check_same_dtype(input, other, "dot")
    return L.DotBackward0.apply(input, other)


def _check_same_dtype(a, b, name):
    if a._data.dtype != b._data.dtype:
        raise RuntimeError(
            f"expected m1 and m2 to have the same dtype, but got: "
            f"{from_numpy_dtype(a._data.dtype).name} != {from_numpy_dtype(b._data.dtype).name}")


def matmul(input, other):
    input, other = _operand(input, "input"), _operand(other)
    da, db = input._data.ndim, other._data.ndim
    if da == 1 and db == 1:
        return dot(input, other)
    if da == 2 and db == 1:
        return mv(input, other)
    if da == 2 and db == 2:
        return mm(input, other)
    raise NotImplementedError(f"matmul of {da}-D and {db}-D tensors is not supported yet")


def sum(input, dim=None, keepdim=False, dtype=None):  # noqa: A001
    if dim is None:
        return R.SumBackward0.apply(input, dtype=to_numpy_dtype(dtype))
    dims = _dims(dim, input._data.ndim)
    return R.SumBackward1.apply(input, dim=dims, keepdim=keepdim)


def mean(input, dim=None, keepdim=False):
    if input._data.dtype.kind not in "fc":
        raise RuntimeError(
            "mean(): could not infer output dtype. Input dtype must be either a floating "
            f"point or complex dtype. Got: {from_numpy_dtype(input._data.dtype).name.capitalize()}")
    if dim is None:
        return R.MeanBackward0.apply(input)
    return R.MeanBackward1.apply(input, dim=_dims(dim, input._data.ndim), keepdim=keepdim)


def _dims(dim, ndim):
    if isinstance(dim, int | np.integer):
        dim = (dim,)
    return tuple(sorted(_wrap_dim(int(d), ndim) for d in dim))


def where(cond, a, b):
    raise NotImplementedError("where")


# ---------------------------------------------------------------------- simple nodes
class CloneBackward0(_function_mod.Function):
    op, symbol = "clone", "clone"
    formula = "∂clone(a)/∂a = 1"

    @staticmethod
    def forward(ctx, a):
        return a.copy()

    @staticmethod
    def backward(ctx, g):
        return (g,)


class ToCopyBackward0(_function_mod.Function):
    op, symbol = "to", "to"
    formula = "∂a.to(dtype)/∂a = 1"

    @staticmethod
    def forward(ctx, a, dtype=None):
        ctx.src = a.dtype
        return a.astype(dtype)

    @staticmethod
    def backward(ctx, g):
        return (g.astype(ctx.src) if isinstance(g, np.ndarray) else g.to(
            from_numpy_dtype(ctx.src)),)


_function_mod.Function._Tensor = Tensor
_backward_mod.Tensor = Tensor
