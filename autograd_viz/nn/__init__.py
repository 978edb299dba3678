"""``torch.nn`` subset: ``Parameter``, ``Module``, ``Linear``, ``Sequential``, activations,
``MSELoss`` and ``functional``."""

from . import functional
from .modules import (Identity, Linear, Module, MSELoss, ReLU, Sequential, Sigmoid, Tanh)
from .parameter import Parameter
from .extra import BCELoss, CrossEntropyLoss, LeakyReLU, LogSoftmax, NLLLoss, Softmax

__all__ = ["Identity", "Linear", "MSELoss", "Module", "Parameter", "ReLU", "Sequential",
           "Sigmoid", "Tanh", "functional", "BCELoss", "CrossEntropyLoss", "LeakyReLU",
           "LogSoftmax", "NLLLoss", "Softmax"]
