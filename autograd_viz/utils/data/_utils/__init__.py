"""``torch.utils.data._utils``: the helpers' package, for code that reaches
``torch.utils.data._utils.collate.default_collate`` (《20天吃掉那只Pytorch》 5-1's own
DataLoader)."""

from . import collate, worker

__all__ = ["collate", "worker"]
