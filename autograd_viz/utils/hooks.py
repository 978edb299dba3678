"""``torch.utils.hooks``: the handle every ``register_*hook`` returns."""

from ..engine.function import _ListHandle as RemovableHandle
from ..nn._backward_hooks import BackwardHook

__all__ = ["BackwardHook", "RemovableHandle"]
