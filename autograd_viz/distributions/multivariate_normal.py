"""``torch.distributions.multivariate_normal``."""

from .dists import MultivariateNormal

__all__ = ["MultivariateNormal"]
