"""``torch.distributions.independent``."""

from .dists import Independent

__all__ = ["Independent"]
