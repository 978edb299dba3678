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
from .engine.api_linalg3 import cond, diagonal, inv_ex, multi_dot, tensorinv, tensorsolve, vecdot
from .engine.api_matrix_exp import householder_product, matrix_exp
from .engine.api_misc import linalg_lu as lu
from .engine.api_misc import linalg_lu_solve as lu_solve
from .engine.api_misc import lu_factor, lu_factor_ex
from .engine.api_names import matrix_power
from .engine.api_norm import linalg_norm as norm
from .engine.api_norm import matrix_norm, svdvals, vector_norm
from .engine.api_scatter import _LinAlgError as LinAlgError
from .engine.api_scatter import det, inv
from .engine.api_stats import linalg_vander as vander
from .engine.api_teach import linalg_cross as cross
from .engine.argcheck import guard as _guard

__all__ = [
    "LinAlgError",
    "cholesky",
    "cholesky_ex",
    "cond",
    "cross",
    "det",
    "diagonal",
    "eig",
    "eigh",
    "eigvals",
    "eigvalsh",
    "householder_product",
    "inv",
    "inv_ex",
    "lstsq",
    "lu",
    "lu_factor",
    "lu_factor_ex",
    "lu_solve",
    "matmul",
    "matrix_exp",
    "matrix_norm",
    "matrix_power",
    "matrix_rank",
    "multi_dot",
    "norm",
    "pinv",
    "qr",
    "slogdet",
    "solve",
    "solve_ex",
    "solve_triangular",
    "svd",
    "svdvals",
    "tensorinv",
    "tensorsolve",
    "vander",
    "vecdot",
    "vector_norm",
]

# PyTorch's argument errors for a call as written (a keyword argument has no position):
# the engine's functions behind argcheck's guard, which consults the parser model on a
# TypeError only
vector_norm = _guard(vector_norm, "linalg_vector_norm")
norm = _guard(norm, "linalg_norm")


# (a missing name fails as in PyTorch: "module 'torch.linalg' has no attribute ...")
from ._torch_alias import missing_attribute as _missing_attribute  # noqa: E402

__getattr__ = _missing_attribute("torch.linalg")
