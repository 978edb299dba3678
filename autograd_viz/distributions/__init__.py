"""``torch.distributions``: Normal, Bernoulli, Categorical, Uniform, MultivariateNormal,
Independent (dists.py), and PyTorch's own modules for the others (exponential, gamma,
beta, dirichlet, poisson, binomial, laplace, geometric, one_hot_categorical, transforms,
transformed_distribution, log_normal, relaxed_*...; ported with their formulas op by op,
so values, gradients and ``grad_fn`` names are PyTorch's); ``kl_divergence``,
``constraints``, ``biject_to`` / ``transform_to``; argument validation on by default, as
PyTorch's. The gamma-family, Poisson and binomial samplers replay ATen's CPU kernels
(``_sampling.py``), so seeded draws are PyTorch's numbers."""

from . import constraints, kl, transforms
from .beta import Beta
from .binomial import Binomial
from .cauchy import Cauchy
from .chi2 import Chi2
from .constraint_registry import biject_to, transform_to
from .continuous_bernoulli import ContinuousBernoulli
from .dirichlet import Dirichlet
from .distribution import Distribution
from .dists import Bernoulli, Categorical, Independent, MultivariateNormal, Normal, Uniform
from .exp_family import ExponentialFamily
from .exponential import Exponential
from .fishersnedecor import FisherSnedecor
from .gamma import Gamma
from .geometric import Geometric
from .gumbel import Gumbel
from .half_cauchy import HalfCauchy
from .half_normal import HalfNormal
from .inverse_gamma import InverseGamma
from .kl import kl_divergence, register_kl
from .kumaraswamy import Kumaraswamy
from .laplace import Laplace
from .log_normal import LogNormal
from .logistic_normal import LogisticNormal
from .lowrank_multivariate_normal import LowRankMultivariateNormal
from .mixture_same_family import MixtureSameFamily
from .multinomial import Multinomial
from .negative_binomial import NegativeBinomial
from .one_hot_categorical import OneHotCategorical, OneHotCategoricalStraightThrough
from .pareto import Pareto
from .poisson import Poisson
from .relaxed_bernoulli import LogitRelaxedBernoulli, RelaxedBernoulli
from .relaxed_categorical import ExpRelaxedCategorical, RelaxedOneHotCategorical
from .studentT import StudentT
from .transformed_distribution import TransformedDistribution
from .transforms import *  # noqa: F403
from .weibull import Weibull

_PORTED = (
    ExponentialFamily,
    TransformedDistribution,
    Gamma,
    Chi2,
    Exponential,
    Dirichlet,
    Beta,
    Poisson,
    Binomial,
    Laplace,
    Geometric,
    OneHotCategorical,
    OneHotCategoricalStraightThrough,
    LogNormal,
    LogitRelaxedBernoulli,
    RelaxedBernoulli,
    ExpRelaxedCategorical,
    RelaxedOneHotCategorical,
    Cauchy,
    HalfNormal,
    HalfCauchy,
    Gumbel,
    Multinomial,
    StudentT,
    Weibull,
    Pareto,
    Kumaraswamy,
    NegativeBinomial,
    ContinuousBernoulli,
    LogisticNormal,
    MixtureSameFamily,
    LowRankMultivariateNormal,
    FisherSnedecor,
    InverseGamma,
)
for _c in _PORTED:
    _c.__module__ = "torch.distributions." + _c.__module__.rsplit(".", 1)[1]
for _c in vars(transforms).values():
    if isinstance(_c, type) and _c.__module__ == transforms.__name__:
        _c.__module__ = "torch.distributions.transforms"
del _c

__all__ = [
    "Bernoulli",
    "Beta",
    "Binomial",
    "Categorical",
    "Cauchy",
    "Chi2",
    "ContinuousBernoulli",
    "Dirichlet",
    "Distribution",
    "ExpRelaxedCategorical",
    "Exponential",
    "ExponentialFamily",
    "FisherSnedecor",
    "Gamma",
    "Geometric",
    "Gumbel",
    "HalfCauchy",
    "HalfNormal",
    "Independent",
    "InverseGamma",
    "Kumaraswamy",
    "Laplace",
    "LogNormal",
    "LogisticNormal",
    "LogitRelaxedBernoulli",
    "LowRankMultivariateNormal",
    "MixtureSameFamily",
    "Multinomial",
    "MultivariateNormal",
    "NegativeBinomial",
    "Normal",
    "OneHotCategorical",
    "OneHotCategoricalStraightThrough",
    "Pareto",
    "Poisson",
    "RelaxedBernoulli",
    "RelaxedOneHotCategorical",
    "StudentT",
    "TransformedDistribution",
    "Uniform",
    "Weibull",
    "biject_to",
    "constraints",
    "kl",
    "kl_divergence",
    "register_kl",
    "transform_to",
    "transforms",
    *transforms.__all__,
]
