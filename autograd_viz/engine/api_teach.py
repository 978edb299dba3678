"""Functions teaching material calls that the other api modules do not cover yet.

``meshgrid``: each output is a view of one input (``ViewBackward0``) expanded to the grid
(``ExpandBackward0``), as PyTorch builds it.
"""

from __future__ import annotations

import warnings

from .tensor import Tensor

__all__ = ["meshgrid"]

_MESHGRID_WARNING = (
    "torch.meshgrid: in an upcoming release, it will be required to pass the indexing argument."
)


def meshgrid(*tensors, indexing=None):
    """``torch.meshgrid(*tensors, indexing='ij'|'xy')``: coordinate grids (views)."""
    if len(tensors) == 1 and isinstance(tensors[0], (list, tuple)):
        tensors = tuple(tensors[0])
    for i, x in enumerate(tensors):
        if not isinstance(x, Tensor):
            raise TypeError(
                f"expected Tensor as element {i} in argument 0, but got {type(x).__name__}"
            )
    if indexing is None:
        warnings.warn(_MESHGRID_WARNING, UserWarning, stacklevel=2)
        indexing = "ij"
    if not tensors:
        raise RuntimeError("meshgrid expects a non-empty TensorList")
    if indexing not in ("ij", "xy"):
        raise RuntimeError(
            f'torch.meshgrid: indexing must be one of "xy" or "ij", but received: {indexing}'
        )
    for x in tensors:
        if x.dim() > 1:
            raise RuntimeError(
                "torch.meshgrid: Expected 0D or 1D tensor in the tensor list but got: " + str(x)
            )
    dt = tensors[0].dtype
    for x in tensors[1:]:
        if x.dtype != dt:
            raise RuntimeError("meshgrid expects all tensors to have the same dtype")
    order = list(range(len(tensors)))
    if indexing == "xy" and len(tensors) >= 2:
        order[0], order[1] = 1, 0  # 'xy': the first two axes of the grid are swapped
    sizes = [x.numel() for x in tensors]
    out_shape = tuple(sizes[k] for k in order)
    grids = []
    for i, x in enumerate(tensors):
        pos = order.index(i)
        shape = [1] * len(tensors)
        shape[pos] = -1
        grids.append(x.view(*shape).expand(*out_shape))
    return tuple(grids)
