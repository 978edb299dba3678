"""``torch.autograd.variable``: where old course notes import ``Variable`` from."""

from __future__ import annotations

from ..engine.variable import Variable

__all__ = ["Variable"]
