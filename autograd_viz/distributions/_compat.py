"""Names PyTorch's distribution modules import from ``torch`` / ``torch.types``."""

from __future__ import annotations

import math

from ..engine.tensor import Size, Tensor

__all__ = ["Number", "Size", "Tensor", "_Number", "_size", "inf", "nan"]

inf = math.inf
nan = math.nan
_Number = (int, float, bool)
Number = (int, float, bool, complex)
_size = tuple
