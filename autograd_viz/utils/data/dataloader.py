"""``torch.utils.data.dataloader``: ``DataLoader`` and its helpers, for code that imports
them from here (``from torch.utils.data.dataloader import DataLoader, default_collate``)."""

from . import DataLoader, default_collate, default_convert, get_worker_info

__all__ = ["DataLoader", "default_collate", "default_convert", "get_worker_info"]
