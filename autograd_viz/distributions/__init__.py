"""``torch.distributions`` subset for VAE and policy-gradient teaching code: Normal,
Bernoulli, Categorical, Uniform, MultivariateNormal, Independent, ``kl_divergence``
(Normal-Normal, Categorical-Categorical, Bernoulli-Bernoulli, Independent-Independent),
``constraints``; argument validation on by default, as PyTorch's."""

from . import constraints, kl
from .distribution import Distribution
from .dists import Bernoulli, Categorical, Independent, MultivariateNormal, Normal, Uniform
from .kl import kl_divergence, register_kl

__all__ = [
    "Bernoulli",
    "Categorical",
    "Distribution",
    "Independent",
    "MultivariateNormal",
    "Normal",
    "Uniform",
    "constraints",
    "kl",
    "kl_divergence",
    "register_kl",
]
