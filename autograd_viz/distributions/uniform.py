"""``torch.distributions.uniform``."""

from .dists import Uniform

__all__ = ["Uniform"]
