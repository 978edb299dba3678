"""``torch.distributions.multivariate_normal``."""

from .dists import MultivariateNormal, _batch_mahalanobis, _batch_mv  # noqa: F401

__all__ = ["MultivariateNormal"]
