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
    try:
        x = float(x)
    except (TypeError, ValueError):  # (a string or complex value a hook handed back)
        return str(x)
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
    if a.dtype.kind not in "iuf":  # (strings, objects: shown as they are, shortened)
        text = str(a.tolist())
        return text if len(text) <= 60 else text[:59] + "…"
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


class Text(str):
    """A formatted value that keeps its numbers: a ``str`` for every reader (captions,
    tables, the browser), plus ``array`` (the ndarray or number it was made from) and
    ``rows`` (its picture lines, made from the numbers: a matrix row per line), so a
    renderer never parses the text back.  ``array`` is None for a summarised big array."""

    array = None
    rows: tuple = ()


def text(a):
    """:func:`value` as a :class:`Text` (None for None)."""
    if a is None:
        return None
    t = Text(value(a))
    # (a big array is shown as a summary: only small ones are kept, so a recording of
    # 512×512 matrices does not hold every one of them)
    t.array = a if np.size(a) <= MAX_INLINE else None
    t.rows = _picture_rows(a, t)
    return t


def _picture_rows(a, s):
    if isinstance(a, np.ndarray) and a.ndim >= 2 and 1 < a.size <= MAX_INLINE:
        b = a.astype(np.int64) if a.dtype.kind == "b" else a
        elems = [_nested(x) for x in b.tolist()]
        if len(elems) == 1:
            return (f"[{elems[0]}]",)
        return (f"[{elems[0]},", *(f"{e}," for e in elems[1:-1]), f"{elems[-1]}]")
    if "×" in s and " min " in s:
        head, tail = s.split(" min ", 1)
        return (head, "min " + tail)
    return (str(s),) if s else ()
