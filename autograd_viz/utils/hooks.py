"""``torch.utils.hooks``: the handle every ``register_*hook`` returns."""

from ..engine.function import _ListHandle as RemovableHandle

__all__ = ["RemovableHandle"]
