"""``torch.nn`` subset: ``Parameter``, ``Module``, ``Linear``, ``Sequential``, activations,
``MSELoss`` and ``functional``."""

from . import functional
from .modules import (Identity, Linear, Module, MSELoss, ReLU, Sequential, Sigmoid, Tanh)
from .parameter import Parameter

__all__ = ["Identity", "Linear", "MSELoss", "Module", "Parameter", "ReLU", "Sequential",
           "Sigmoid", "Tanh", "functional"]
