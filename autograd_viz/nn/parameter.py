"""``nn.Parameter``: a leaf tensor that a ``Module`` registers as a parameter."""

from __future__ import annotations

import numpy as np

from ..engine.grad_mode import STATE
from ..engine.tensor import _INFERENCE_RG, Tensor, _float_rg_error


class Parameter(Tensor):
    """A tensor that requires grad by default and prints ``Parameter containing:``.

    It shares memory with the tensor it is made from, as in PyTorch.
    """

    def __init__(self, data=None, requires_grad=True):
        if data is not None and not isinstance(data, Tensor):
            # PyTorch's Parameter calls ``data.detach()``
            raise AttributeError(f"'{type(data).__name__}' object has no attribute 'detach'")
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
