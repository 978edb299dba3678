"""``torch.nn`` subset: ``Parameter``, ``Module``, ``Linear``, ``Sequential``, activations,
``MSELoss`` and ``functional``."""

from . import functional
from .extra import BCELoss, CrossEntropyLoss, LeakyReLU, LogSoftmax, NLLLoss, Softmax
from .modules import Identity, Linear, Module, MSELoss, ReLU, Sequential, Sigmoid, Tanh
from .parameter import Parameter

__all__ = [
    "BCELoss",
    "CrossEntropyLoss",
    "Identity",
    "LeakyReLU",
    "Linear",
    "LogSoftmax",
    "MSELoss",
    "Module",
    "NLLLoss",
    "Parameter",
    "ReLU",
    "Sequential",
    "Sigmoid",
    "Softmax",
    "Tanh",
    "functional",
]
