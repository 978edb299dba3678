"""``torch.distributions.categorical``."""

from .dists import Categorical

__all__ = ["Categorical"]
