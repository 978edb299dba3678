"""``torch.linalg`` subset: ``vector_norm``, ``matrix_norm``, ``norm``, ``svdvals``
(engine/api_norm.py)."""

from .engine.api_norm import linalg_norm as norm
from .engine.api_norm import matrix_norm, svdvals, vector_norm

__all__ = ["matrix_norm", "norm", "svdvals", "vector_norm"]
