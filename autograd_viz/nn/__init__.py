"""``torch.nn`` subset: ``Parameter``, ``Module`` and containers, layers, activations,
losses, ``init`` and ``functional``."""

from . import functional, init
from .extra import BCELoss, CrossEntropyLoss, LeakyReLU, LogSoftmax, NLLLoss, Softmax
from .layers import (
    GELU,
    BatchNorm1d,
    BatchNorm2d,
    BCEWithLogitsLoss,
    Dropout,
    Embedding,
    Flatten,
    L1Loss,
    ModuleDict,
    ModuleList,
    Unflatten,
)
from .modules import Identity, Linear, Module, MSELoss, ReLU, Sequential, Sigmoid, Tanh
from .parameter import Parameter

__all__ = [
    "GELU",
    "BCELoss",
    "BCEWithLogitsLoss",
    "BatchNorm1d",
    "BatchNorm2d",
    "CrossEntropyLoss",
    "Dropout",
    "Embedding",
    "Flatten",
    "Identity",
    "L1Loss",
    "LeakyReLU",
    "Linear",
    "LogSoftmax",
    "MSELoss",
    "Module",
    "ModuleDict",
    "ModuleList",
    "NLLLoss",
    "Parameter",
    "ReLU",
    "Sequential",
    "Sigmoid",
    "Softmax",
    "Tanh",
    "Unflatten",
    "functional",
    "init",
]
