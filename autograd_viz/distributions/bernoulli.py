"""``torch.distributions.bernoulli``."""

from .dists import Bernoulli

__all__ = ["Bernoulli"]
