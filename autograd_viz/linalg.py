"""``torch.linalg`` subset: ``vector_norm``, ``matrix_norm``, ``norm``, ``svdvals``
(engine/api_norm.py); ``solve``, ``cholesky``, ``qr``, ``eigh``, ``svd``, ``pinv``, ``slogdet``,
``lstsq``, ``matrix_rank``... (engine/api_linalg2.py)."""

from .engine.api import matmul
from .engine.api_linalg2 import (
    cholesky,
    cholesky_ex,
    eig,
    eigh,
    eigvals,
    eigvalsh,
    lstsq,
    matrix_rank,
    pinv,
    qr,
    slogdet,
    solve,
    solve_ex,
    solve_triangular,
    svd,
)
from .engine.api_matrix_exp import householder_product, matrix_exp
from .engine.api_norm import linalg_norm as norm
from .engine.api_norm import matrix_norm, svdvals, vector_norm
from .engine.api_scatter import _LinAlgError as LinAlgError
from .engine.api_scatter import det, inv
from .engine.api_teach import linalg_cross as cross

__all__ = [
    "LinAlgError",
    "cholesky",
    "cholesky_ex",
    "cross",
    "det",
    "eig",
    "eigh",
    "eigvals",
    "eigvalsh",
    "householder_product",
    "inv",
    "lstsq",
    "matmul",
    "matrix_exp",
    "matrix_norm",
    "matrix_rank",
    "norm",
    "pinv",
    "qr",
    "slogdet",
    "solve",
    "solve_ex",
    "solve_triangular",
    "svd",
    "svdvals",
    "vector_norm",
]
