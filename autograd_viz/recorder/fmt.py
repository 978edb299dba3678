"""Short, stable text for values (captions, node labels, text tables)."""

from __future__ import annotations

import numpy as np

#: arrays with at most this many elements are written out in full (a 2×4 matrix too)
MAX_INLINE = 12
#: operands with at most this many elements are also substituted into a caption's
#: expression (``[34, 23] @ [1, 4]``); bigger ones are named only (``X @ W_1.T``)
MAX_IN_EXPR = 6


def num(x) -> str:
    """One number: integers without a point, else 4 significant digits."""
    x = float(x)
    if x != x:
        return "nan"
    if x in (float("inf"), float("-inf")):
        return "inf" if x > 0 else "-inf"
    if x == int(x) and abs(x) < 1e9:
        return str(int(x))
    s = f"{x:.4g}"
    return s


def value(a) -> str:
    """An array (or number) in one short line: ``2``, ``[34, 23]``, ``512×512 all 666``."""
    if a is None:
        return ""
    if not isinstance(a, np.ndarray):
        if isinstance(a, (bool, np.bool_)):
            return str(bool(a))
        try:
            return num(a)
        except (TypeError, ValueError):
            return str(a)
    if a.dtype.kind == "b":
        a = a.astype(np.int64)
    if a.size == 1 and a.ndim < 2:
        # a one-element tensor reads as its number (shape is in the node table); a 1×1
        # matrix keeps its brackets (``[[1]]``: the result of ``W @ x`` is a matrix)
        return num(a.reshape(()).item())
    if a.size <= MAX_INLINE:
        return _nested(a.tolist())
    shape = "×".join(str(d) for d in a.shape)
    if a.size == 0:
        return f"{shape} empty"
    flat = a.reshape(-1)
    lo, hi = flat.min(), flat.max()
    if lo == hi:
        return f"{shape} all {num(lo)}"
    return f"{shape} [{num(flat[0])}, {num(flat[1])}, …] min {num(lo)} max {num(hi)}"


def _nested(x) -> str:
    if isinstance(x, list):
        return "[" + ", ".join(_nested(y) for y in x) + "]"
    return num(x)


def shape(a) -> tuple:
    return tuple(getattr(a, "shape", ()))
