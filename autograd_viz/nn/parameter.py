"""``nn.Parameter``: a leaf tensor that a ``Module`` registers as a parameter."""

from __future__ import annotations

import numpy as np

from ..engine.argtypes_shape import tp_name as _tp_name
from ..engine.grad_mode import STATE
from ..engine.tensor import _INFERENCE_RG, Tensor, _float_rg_error


class Parameter(Tensor):
    """A tensor that requires grad by default and prints ``Parameter containing:``.

    It shares memory with the tensor it is made from, as in PyTorch.
    """

    def __init__(self, data=None, requires_grad=True):
        if data is not None and not isinstance(data, Tensor):
            # PyTorch's Parameter calls ``data.detach()``
            raise AttributeError(f"'{_tp_name(data)}' object has no attribute 'detach'")
        if requires_grad is not True and requires_grad is not False:
            raise TypeError(
                "_make_subclass(): argument 'require_grad' (position 3) must be bool, not "
                f"{type(requires_grad).__name__}"
            )
        arr = np.zeros((0,), dtype=np.float32) if data is None else data._data
        self._init(arr, False, None)
        if requires_grad:
            if arr.dtype.kind not in "fc":
                raise _float_rg_error(initial=True)
            if data is not None and data._inference and not STATE.inference:
                raise RuntimeError(_INFERENCE_RG)
            self._requires_grad = True

    def __repr__(self, *, tensor_contents=None) -> str:
        return "Parameter containing:\n" + super().__repr__()

    def __reduce_ex__(self, proto):
        return (Parameter, (Tensor._make(self._data), self._requires_grad))


_UNINIT_SHAPE = (
    "Can't access the shape of an uninitialized parameter or buffer. This error usually "
    "happens in `load_state_dict` when trying to load an uninitialized parameter into an "
    "initialized one. Call `forward` to initialize the parameters before accessing their "
    "attributes."
)


def _uninit_use(cls_name, what):
    return ValueError(
        f"Attempted to use an uninitialized parameter in {what}. This error happens when you "
        f"are using a `LazyModule` or explicitly manipulating `torch.nn.parameter.{cls_name}` "
        "objects. When using LazyModules Call `forward` with a dummy batch to initialize the "
        "parameters before calling torch functions"
    )


class _UninitializedMixin:
    """What a lazy module's parameters and buffers share until ``materialize(shape)``
    gives them an array and their class becomes ``cls_to_become``."""

    cls_to_become = None

    @property
    def shape(self):
        raise RuntimeError(_UNINIT_SHAPE)

    def numel(self):
        raise _uninit_use(type(self).__name__, "<method 'numel' of 'torch._C.TensorBase' objects>")

    def dim(self):
        raise _uninit_use(type(self).__name__, "<method 'dim' of 'torch._C.TensorBase' objects>")

    def detach(self):  # (what Module.state_dict calls: the lazy object itself, as PyTorch)
        return self

    def materialize(self, shape, device=None, dtype=None):
        from ..engine.device import factory_dtype

        npd = self._data.dtype if dtype is None else factory_dtype(dtype, device)
        self._data = np.empty(tuple(shape), dtype=npd)  # (as ``.data =``: no version bump)
        self.__class__ = self.cls_to_become

    def __repr__(self, *, tensor_contents=None) -> str:
        return f"<{type(self).__name__}>"

    def __reduce_ex__(self, proto):
        return (type(self), (self._requires_grad,))


class UninitializedParameter(_UninitializedMixin, Parameter):
    """A parameter of a lazy module (``nn.LazyLinear``...) before its first forward."""

    cls_to_become = Parameter

    def __init__(self, requires_grad=True, device=None, dtype=None):
        from ..engine.device import factory_dtype

        Parameter.__init__(
            self, Tensor._make(np.zeros((0,), dtype=factory_dtype(dtype, device))), requires_grad
        )


class UninitializedBuffer(_UninitializedMixin, Tensor):
    """A buffer of a lazy module (``nn.LazyBatchNorm2d``'s running statistics)."""

    cls_to_become = Tensor

    def __init__(self, requires_grad=False, device=None, dtype=None, persistent=True):
        from ..engine.device import factory_dtype

        self._init(np.zeros((0,), dtype=factory_dtype(dtype, device)), False, None)
        self._requires_grad = bool(requires_grad)
