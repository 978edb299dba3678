"""``torch.utils`` subset: ``data``, ``checkpoint``, ``hooks``."""

from . import checkpoint, data, hooks

__all__ = ["checkpoint", "data", "hooks"]


# (a missing name fails as in PyTorch: "module 'torch.utils' has no attribute ...")
from .._torch_alias import missing_attribute as _missing_attribute

__getattr__ = _missing_attribute("torch.utils")
