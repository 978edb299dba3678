"""``torch.distributions.normal``."""

from .dists import Normal

__all__ = ["Normal"]
