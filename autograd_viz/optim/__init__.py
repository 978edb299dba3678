"""``torch.optim`` subset: ``SGD`` (with momentum, dampening, weight decay, Nesterov)."""

from .adam import Adam
from .optimizer import Optimizer
from .sgd import SGD

__all__ = ["SGD", "Adam", "Optimizer"]
