"""``torch.utils.data._utils.worker``: ``get_worker_info`` (no worker processes here)."""

from .. import get_worker_info

__all__ = ["get_worker_info"]
