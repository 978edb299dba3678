"""``torch.return_types``: the named tuples ``max(dim)``, ``sort``, ``topk``, ``linalg.qr``...
return.  Each is a tuple (unpacks as ``values, indices = x.max(1)``) whose fields are also
attributes, printed as PyTorch prints it (``torch.return_types.max(\\nvalues=...,
\\nindices=...)``), and whose class prints as ``<class 'torch.return_types.max'>``.
``torch.return_types.max`` (any name below) is that class."""

from __future__ import annotations

import operator

from .shown import ShownAs

_VI = ("values", "indices")
#: PyTorch 2.13's field names
FIELDS = {
    **dict.fromkeys(
        ("max", "min", "sort", "topk", "kthvalue", "median", "nanmedian", "mode", "cummax"),
        _VI,
    ),
    "cummin": _VI,
    "aminmax": ("min", "max"),
    "frexp": ("mantissa", "exponent"),
    "slogdet": ("sign", "logabsdet"),
    "linalg_slogdet": ("sign", "logabsdet"),
    "qr": ("Q", "R"),
    "linalg_qr": ("Q", "R"),
    "svd": ("U", "S", "V"),
    "linalg_svd": ("U", "S", "Vh"),
    "linalg_eigh": ("eigenvalues", "eigenvectors"),
    "linalg_lstsq": ("solution", "residuals", "rank", "singular_values"),
    "linalg_solve_ex": ("result", "info"),
    "linalg_cholesky_ex": ("L", "info"),
    "linalg_inv_ex": ("inverse", "info"),
    "histogram": ("hist", "bin_edges"),
}


class _ReturnTuple(tuple, metaclass=ShownAs):
    __slots__ = ()
    _fields: tuple = ()

    def __new__(cls, *values):
        return tuple.__new__(cls, values)

    def __repr__(self) -> str:
        body = ",\n".join(f"{f}={v!r}" for f, v in zip(self._fields, self, strict=True))
        return f"torch.return_types.{type(self).__name__}(\n{body})"


def _rebuild(name, fields, values):
    return get(name, fields)(*values)


_CLASSES: dict = {}


def get(name, fields=None):
    """The class ``torch.return_types.<name>`` (made once)."""
    cls = _CLASSES.get(name)
    if cls is None:
        fields = tuple(fields or FIELDS[name])
        ns = {
            "__slots__": (),
            "_fields": fields,
            "_torch_class": f"torch.return_types.{name}",
            "__module__": "torch.return_types",
            "__reduce__": lambda self: (_rebuild, (type(self).__name__, self._fields, tuple(self))),
        }
        for i, f in enumerate(fields):
            ns[f] = property(operator.itemgetter(i))
        cls = _CLASSES[name] = ShownAs(name, (_ReturnTuple,), ns)
    return cls


def __getattr__(name):
    if name in FIELDS:
        return get(name)
    raise AttributeError(f"module 'torch.return_types' has no attribute '{name}'")
