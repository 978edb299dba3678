"""Formulas as text: precedence-aware operands and the local derivatives the engine's
Functions declare (``Function.local``).

Names come in as the learner wrote them (``y_2 - y``, ``x**2``, ``W_1.T``); wherever a
name becomes an operand it is parenthesised exactly when precedence needs it
(``(y_2 - y)**2``, ``2·(y_2 - y)``, ``1/(b + c)``), and a negative number is
parenthesised after an operator (``0 × (-1)``).
"""

from __future__ import annotations

import functools

import numpy as np

from . import fmt

#: binary operators by precedence (a product sign with or without spaces)
_SPACED = {
    " ** ": 4,
    " + ": 1,
    " - ": 1,
    " * ": 2,
    " / ": 2,
    " @ ": 2,
    " × ": 2,
    " ⊙ ": 2,
    " ⊗ ": 2,
}
_TIGHT = {"·": 2, "/": 2, "**": 4, "^": 4}
ATOM = 5
_OPCHARS = frozenset(" ·/*^@×⊙⊗+-")


@functools.lru_cache(maxsize=8192)
def prec(e: str) -> int:
    """Precedence of the loosest top-level operator of ``e`` (5: an atom such as ``x``,
    ``W_1.T``, ``sigmoid(h)``, ``[1, 2]``; 3: a unary minus; 0: words with spaces, which
    are always parenthesised as operands)."""
    e = e.strip()
    if not e or not (_OPCHARS.intersection(e) or e.startswith("-")):
        return ATOM
    depth, low, i, n = 0, ATOM, 0, len(e)
    while i < n:
        ch = e[i]
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif depth == 0:
            hit = _op_at(e, i)
            if hit is not None:
                tok, p = hit
                low = min(low, p)
                i += len(tok)
                continue
            if ch == " ":
                low = 0
        i += 1
    if low > 3 and e.startswith("-"):
        low = 3
    return low


def _op_at(e, i):
    for tok, p in _SPACED.items():
        if e.startswith(tok, i):
            return tok, p
    for tok, p in _TIGHT.items():
        if e.startswith(tok, i) and i > 0:
            return tok, p
    return None


def paren(e: str) -> str:
    return f"({e})"


def atom(e: str) -> str:
    """``e`` where an atom is needed (after d and ∂, before ``ᵀ``): parenthesised unless
    it already is one."""
    if prec(e) == ATOM and not (" " in e and not e.startswith("[")):
        return e
    return paren(e)


_LEVEL = {"+": 1, "-": 1, "*": 2, "/": 2, "@": 2, "×": 2, "⊙": 2, "⊗": 2, "·": 2, "**": 4}


def infix(sym: str, a: str, b: str, spaced=True) -> str:
    """``a sym b`` with the parentheses precedence needs (``**`` binds right)."""
    p = _LEVEL[sym]
    pa, pb = prec(a), prec(b)
    if sym == "**":
        left = a if pa > p else paren(a)
        right = b if pb >= p and not b.startswith("-") else paren(b)
    else:
        left = a if pa >= p else paren(a)
        assoc = sym in ("+", "*", "×", "⊙", "·")
        right = b if (pb > p or (pb == p and assoc)) and not b.startswith("-") else paren(b)
    if spaced:
        return f"{left} {sym} {right}"
    return f"{left}{sym}{right}"


def neg(a: str) -> str:
    return "-" + (a if prec(a) > 3 else paren(a))


def operand(v) -> str:
    """A value written as an operand: ``-1`` becomes ``(-1)``."""
    s = fmt.value(v)
    return paren(s) if s.startswith("-") else s


def times(g, v) -> str:
    """The product sign between two values: ``⊙`` when both are arrays of several
    elements (elementwise), else ``×``."""
    return "⊙" if _many(g) and _many(v) else "×"


def _many(v) -> bool:
    return isinstance(v, np.ndarray) and v.size > 1


def fill(template: str, names, out=None, this=None) -> str:
    """Put the operands' names into a declared formula: ``{0}``, ``{1}``... (``names``),
    ``{out}`` (the result), ``{i}`` (the operand of this slot).  A name is
    parenthesised unless it stands alone, is a function's argument (``exp({0})``) or is
    already an atom."""
    out_s = []
    i, n = 0, len(template)
    while i < n:
        ch = template[i]
        if ch == "{":
            j = template.find("}", i)
            if j > i:
                key = template[i + 1 : j]
                raw = key.endswith(":r")
                val = _lookup(key[:-2] if raw else key, names, out, this)
                if val is not None:
                    alone = raw or template == "{" + key + "}"
                    arg = template[i - 1 : i] == "(" and template[j + 1 : j + 2] in (")", ",")
                    out_s.append(val if alone or arg else atom(val))
                    i = j + 1
                    continue
        out_s.append(ch)
        i += 1
    return "".join(out_s)


def _lookup(key, names, out, this):
    if key == "out":
        return out
    if key == "i":
        return this
    if key.isdigit():
        k = int(key)
        return names[k] if k < len(names) else None
    return None


def local_text(loc, names, kwargs, vals, out=None, this=None, lang="en") -> str:
    """The formula of a declared :class:`~autograd_viz.engine.function.Local` (its
    Chinese text for ``lang="zh"`` when it has one)."""
    text = loc.zh if lang == "zh" and getattr(loc, "zh", None) else loc.text
    if callable(text):
        text = text(kwargs or {}, vals)
    return fill(text, names, out, this)


def local_value(loc, vals, out_val, kwargs):
    """The declared derivative's value (an ndarray), or None when it cannot be computed
    (a rule written with G, or inputs no longer known)."""
    if loc.rule or loc.value is None or vals is None or any(v is None for v in vals):
        return None
    with np.errstate(all="ignore"):
        v = loc.value(tuple(vals), out_val, dict(kwargs or {}))
    return np.asarray(v, dtype=float)


def sum_to(g, shape):
    """A gradient summed down to an input's shape (what the backward engine does with
    a broadcast gradient before passing it on)."""
    g = np.asarray(g)
    shape = tuple(shape)
    if g.shape == shape:
        return g
    try:
        lead = g.ndim - len(shape)
        if lead > 0:
            g = g.sum(axis=tuple(range(lead)))
        axes = tuple(i for i, n in enumerate(shape) if n == 1 and g.shape[i] != 1)
        if axes:
            g = g.sum(axis=axes, keepdims=True)
        return g.reshape(shape)
    except (ValueError, IndexError):
        return g
