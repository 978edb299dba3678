"""Helpers for the local-derivative declarations (``Function.local``, a
:class:`~.function.Local` per input slot) of the op modules: formula text with numbers
and the values of derivatives that need a few lines of numpy.  Read only by the recorder
(captions, inspector); the backward passes never call them.
"""

from __future__ import annotations

import numpy as np


def num_text(x) -> str:
    """A number as a formula writes it: ``2``, ``0.5``, ``-1``."""
    try:
        f = float(x)
    except (TypeError, ValueError):
        return str(x)
    if f == int(f) and abs(f) < 1e9:
        return str(int(f))
    return f"{f:.4g}"


def power_text(n) -> str:
    """``∂(aⁿ)/∂a`` written with the exponent: ``2·{0}``, ``3·{0}^2``, ``-1·{0}^(-2)``."""
    if isinstance(n, np.ndarray) and n.size != 1:
        return "n·{0}^(n - 1)"
    if n == 0:
        return "0"
    if n == 1:
        return "1"
    if n == 2:
        return "2·{0}"
    m = num_text(n - 1)
    return f"{num_text(n)}·{{0}}^{m if not m.startswith('-') else '(' + m + ')'}"


def pick_share(a, b, wins):
    """Where ``a`` is picked by ``maximum`` / ``minimum``: 1, ½ on ties, else 0."""
    a, b = np.asarray(a, float), np.asarray(b, float)
    return np.where(wins(a, b), 1.0, np.where(a == b, 0.5, 0.0))


def clamp_text(lo, hi) -> str:
    parts = []
    if lo is not None:
        parts.append(f"{num_text(lo)} ≤ ")
    parts.append("{0}")
    if hi is not None:
        parts.append(f" ≤ {num_text(hi)}")
    return "[" + "".join(parts) + "]"


def clamp_mask(a, lo, hi):
    a = np.asarray(a)
    keep = np.ones(a.shape, dtype=bool)
    if lo is not None:
        keep &= a >= lo
    if hi is not None:
        keep &= a <= hi
    return keep.astype(float)


def mse_text(kw, ins, head) -> str:
    red = kw.get("reduction", "mean")
    if red == "mean":
        n = np.size(ins[0]) if ins else "N"
        return f"{head}/{n}"
    return head


def mse_local(ins, kw, sign):
    d = np.asarray(ins[0], float) - np.asarray(ins[1], float)
    n = max(d.size, 1) if kw.get("reduction", "mean") == "mean" else 1
    return sign * 2.0 * d / n


def count(ins, kw) -> int:
    shape = np.shape(ins[0])
    dims = kw.get("dim", ())
    if isinstance(dims, int):
        dims = (dims,)
    return int(np.prod([shape[d] for d in dims])) if dims else max(int(np.prod(shape)), 1)


def hits(a, out):
    """1 where ``a`` equals the reduced extremum, shared evenly among ties."""
    h = (np.asarray(a) == np.asarray(out)).astype(float)
    return h / max(h.sum(), 1.0)


def one_hot(a, kw):
    """1 at the index ``max(dim)`` / ``min(dim)`` picked along ``dim``."""
    a = np.asarray(a)
    dim = kw.get("dim", 0)
    idx = np.asarray(kw.get("indices"))
    if not kw.get("keepdim", False):
        idx = np.expand_dims(idx, dim)
    pos = np.arange(a.shape[dim]).reshape([-1 if i == dim else 1 for i in range(a.ndim)])
    return (pos == idx).astype(float)


def _dims(a, kw):
    dims = kw.get("dims", ())
    return tuple(dims) if dims else tuple(range(np.ndim(a)))


def var_local(a, kw):
    a = np.asarray(a, float)
    dims = _dims(a, kw)
    n = int(np.prod([a.shape[d] for d in dims])) if a.ndim else 1
    dof = max(n - kw.get("correction", 1), 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        return 2.0 * (a - a.mean(axis=dims, keepdims=True)) / dof


def std_local(a, out, kw):
    a = np.asarray(a, float)
    dims = _dims(a, kw)
    s = np.asarray(out, float)
    if not kw.get("keepdim", False) and a.ndim:
        s = np.expand_dims(s, dims)
    with np.errstate(divide="ignore", invalid="ignore"):
        return var_local(a, kw) / (2.0 * s)


def norm_local(a, out, kw):
    a = np.asarray(a, float)
    p = kw.get("ord", 2)
    if p == 1:
        return np.sign(a)
    n = np.asarray(out, float)
    dims = kw.get("dims", ())
    if dims and not kw.get("keepdim", False):
        n = np.expand_dims(n, tuple(dims))
    with np.errstate(divide="ignore", invalid="ignore"):
        if p == 2:
            return np.where(n == 0, 0.0, a / n)
        if p == 0:
            return np.zeros_like(a)
        if np.isinf(p):  # the entries at the maximum (minimum) share the gradient
            at = (np.abs(a) == n) | np.isnan(a)
            axes = tuple(dims) if dims else None
            return np.sign(a) * at / at.sum(axis=axes, keepdims=True)
        if p < 1:
            return np.sign(a) * np.where(a == 0, 0.0, np.abs(a) ** (p - 1)) * n ** (1 - p)
        return np.where(n == 0, 0.0, np.sign(a) * np.abs(a) ** (p - 1) / n ** (p - 1))


def bce_local(ins, kw, slot):
    x, t = np.asarray(ins[0], float), np.asarray(ins[1], float)
    with np.errstate(divide="ignore", invalid="ignore"):
        v = (x - t) / np.maximum(x * (1 - x), 1e-12) if slot == 0 else np.log(1 - x) - np.log(x)
    w = kw.get("weight")
    if w is not None:
        v = v * np.asarray(w, float)
    if kw.get("reduction", "mean") == "mean":
        v = v / max(x.size, 1)
    return v
