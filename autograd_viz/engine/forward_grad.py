"""Where forward-mode AD keeps tangents (``autograd.forward_ad``): a dual tensor's
tangent, by the tensor's identity, while a dual level is open.  The engine only reads
it to print ``tangent=...``; the tangents are computed in ``autograd/forward_ad.py``."""

from __future__ import annotations

import weakref

#: id(tensor) -> (weak reference to the tensor, its tangent Tensor)
TANGENTS: dict = {}
#: the open dual level (0), or None
LEVEL: list = [None]


def tangent_of(t):
    """The tangent of ``t`` at the open level, or None."""
    e = TANGENTS.get(id(t))
    if e is not None and e[0]() is t:
        return e[1]
    return None


def set_tangent(t, tangent) -> None:
    key = id(t)
    if tangent is None:
        TANGENTS.pop(key, None)
        return
    TANGENTS[key] = (weakref.ref(t, lambda _r, k=key: TANGENTS.pop(k, None)), tangent)


def clear() -> None:
    TANGENTS.clear()
