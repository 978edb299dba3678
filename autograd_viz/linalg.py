"""``torch.linalg`` subset: ``vector_norm``, ``matrix_norm``, ``norm``, ``svdvals``
(engine/api_norm.py)."""

from .engine.api import matmul
from .engine.api_norm import linalg_norm as norm
from .engine.api_norm import matrix_norm, svdvals, vector_norm
from .engine.api_scatter import _LinAlgError as LinAlgError
from .engine.api_scatter import det, inv
from .engine.api_teach import linalg_cross as cross

__all__ = [
    "LinAlgError",
    "cross",
    "det",
    "inv",
    "matmul",
    "matrix_norm",
    "norm",
    "svdvals",
    "vector_norm",
]
