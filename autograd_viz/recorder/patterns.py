"""Named constants for what the timeline shows: frame phases and the patterns of
parameter updates and gradient zeroing the recorder recognises.

Phases are a ``str`` enum, so ``frame.phase == "forward"`` holds (lessons compare with
strings).  An update or zeroing is a :class:`How`: a pattern plus the in-place op or
optimizer it used; ``How.code`` is the string ``frame.detail["code"]`` shows
(``"inplace_lr:sub_"``, ``"optim:SGD"``, ``"optimizer.zero_grad:none"``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Phase(str, Enum):
    FORWARD = "forward"
    BACKWARD = "backward"
    ACCUMULATE = "accumulate"
    HOOK = "hook"
    UPDATE = "update"
    ZERO_GRAD = "zero_grad"
    FREED = "freed"
    ERROR = "error"

    def __str__(self) -> str:
        return self.value

    def __repr__(self) -> str:  # (lessons print frames: 'forward', as before)
        return repr(self.value)

    __format__ = str.__format__


class Status(str, Enum):
    """A node's status in a frame (how the picture styles it)."""

    PENDING = "pending"
    DONE = "done"
    CURRENT = "current"
    FREED = "freed"
    OUTSIDE = "outside"

    def __str__(self) -> str:
        return self.value

    __format__ = str.__format__


class Update(str, Enum):
    """How a parameter was changed outside the graph."""

    DATA_LR = "data_lr"  # w.data = w.data - lr * w.grad.data
    DATA = "data"  # w.data = something else
    INPLACE_LR = "inplace_lr"  # with no_grad(): w -= lr * w.grad
    INPLACE = "inplace"  # with no_grad(): w.<op>_(...)
    DATA_INPLACE = "data_inplace"  # w.data *= 100
    REBIND = "rebind"  # W = W - lr * W.grad, then detach_().requires_grad_()
    OPTIM = "optim"  # optimizer.step()
    DETACH = "detach_"  # t.detach_() on its own: the tensor leaves the graph


class Zeroing(str, Enum):
    """How gradients were cleared."""

    GRAD_ZERO = "grad.zero_"
    GRAD_DATA_ZERO = "grad.data.zero_"
    GRAD_NONE = "grad=None"
    OPTIMIZER = "optimizer.zero_grad"
    MODULE = "module.zero_grad"


@dataclass(frozen=True)
class How:
    """A pattern and its detail: the in-place op (``sub_``), the optimizer class
    (``SGD``) or the zero_grad mode (``none`` / ``zero``)."""

    kind: Update | Zeroing
    op: str = ""

    @property
    def code(self) -> str:
        return f"{self.kind.value}:{self.op}" if self.op else self.kind.value

    @property
    def by_owner(self) -> bool:
        """An optimizer's or module's own call (never merged with another frame)."""
        return self.kind in (Update.OPTIM, Zeroing.OPTIMIZER, Zeroing.MODULE)

    @property
    def to_none(self) -> bool:
        return self.kind is Zeroing.GRAD_NONE or self.op == "none"

    def __str__(self) -> str:
        return self.code
