"""More of ``torch.nn``: ``Softmax``, ``LogSoftmax``, ``LeakyReLU``, ``CrossEntropyLoss``,
``NLLLoss``, ``BCELoss``, and the matching ``nn.functional`` functions (``softmax``,
``log_softmax``, ``leaky_relu``, ``cross_entropy``, ``nll_loss``,
``binary_cross_entropy``).

The functions are defined here and attached to :mod:`.functional` at the bottom (so
``F.cross_entropy`` works as ``torch.nn.functional.cross_entropy`` does); this module
owns them, ``functional.py`` keeps the core set.
"""

from __future__ import annotations

from ..engine import api_extra as _x
from ..engine.api_extra import _legacy_reduction
from . import functional as _functional
from .modules import Module


def softmax(input, dim=None, _stacklevel=3, dtype=None):
    """``F.softmax``: without ``dim``, PyTorch's deprecated implicit choice (with its
    warning)."""
    if dim is None:  # (PyTorch reads input.dim() first: a list fails there)
        dim = _x.implicit_softmax_dim("softmax", input.dim(), _stacklevel)
    if dtype is None:  # PyTorch calls the method (its errors name argument positions so)
        return input.softmax(dim)
    return input.softmax(dim, dtype=dtype)


def log_softmax(input, dim=None, _stacklevel=3, dtype=None):
    if dim is None:
        dim = _x.implicit_softmax_dim("log_softmax", input.dim(), _stacklevel)
    if dtype is None:
        return input.log_softmax(dim)
    return input.log_softmax(dim, dtype=dtype)


def leaky_relu(input, negative_slope=0.01, inplace=False):
    return _x.leaky_relu(input, negative_slope, inplace)


def cross_entropy(
    input,
    target,
    weight=None,
    size_average=None,
    ignore_index=-100,
    reduce=None,
    reduction="mean",
    label_smoothing=0.0,
):
    """Class-index targets: ``log_softmax`` then ``nll_loss`` (``NllLossBackward0`` after
    ``LogSoftmaxBackward0``)."""
    return _x.cross_entropy(
        input, target, weight, size_average, ignore_index, reduce, reduction, label_smoothing
    )


def nll_loss(
    input,
    target,
    weight=None,
    size_average=None,
    ignore_index=-100,
    reduce=None,
    reduction="mean",
):
    return _x.nll_loss(input, target, weight, size_average, ignore_index, reduce, reduction)


def binary_cross_entropy(
    input,
    target,
    weight=None,
    size_average=None,
    reduce=None,
    reduction="mean",
):
    return _x.binary_cross_entropy(input, target, weight, size_average, reduce, reduction)


class Softmax(Module):
    def __init__(self, dim=None):
        super().__init__()
        self.dim = dim

    def forward(self, input):
        return softmax(input, self.dim, _stacklevel=5)

    def extra_repr(self) -> str:
        return f"dim={self.dim}"


class LogSoftmax(Module):
    def __init__(self, dim=None):
        super().__init__()
        self.dim = dim

    def forward(self, input):
        return log_softmax(input, self.dim, _stacklevel=5)

    def extra_repr(self) -> str:
        return f"dim={self.dim}"


class LeakyReLU(Module):
    def __init__(self, negative_slope=0.01, inplace=False):
        super().__init__()
        self.negative_slope = negative_slope
        self.inplace = inplace

    def forward(self, input):
        return leaky_relu(input, self.negative_slope, self.inplace)

    def extra_repr(self) -> str:
        return f"negative_slope={self.negative_slope}" + (", inplace=True" if self.inplace else "")


class _Loss(Module):
    def __init__(self, size_average=None, reduce=None, reduction="mean"):
        super().__init__()
        if size_average is not None or reduce is not None:
            reduction = _legacy_reduction(size_average, reduce)
        self.reduction = reduction


class CrossEntropyLoss(_Loss):
    def __init__(
        self,
        weight=None,
        size_average=None,
        ignore_index=-100,
        reduce=None,
        reduction="mean",
        label_smoothing=0.0,
    ):
        super().__init__(size_average, reduce, reduction)
        self.register_buffer("weight", weight)  # (as PyTorch's _WeightedLoss)
        self.ignore_index = ignore_index
        self.label_smoothing = label_smoothing

    def forward(self, input, target):
        return cross_entropy(
            input,
            target,
            weight=self.weight,
            ignore_index=self.ignore_index,
            reduction=self.reduction,
            label_smoothing=self.label_smoothing,
        )


class NLLLoss(_Loss):
    def __init__(
        self, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction="mean"
    ):
        super().__init__(size_average, reduce, reduction)
        self.register_buffer("weight", weight)  # (as PyTorch's _WeightedLoss)
        self.ignore_index = ignore_index

    def forward(self, input, target):
        return nll_loss(
            input,
            target,
            weight=self.weight,
            ignore_index=self.ignore_index,
            reduction=self.reduction,
        )


class BCELoss(_Loss):
    def __init__(self, weight=None, size_average=None, reduce=None, reduction="mean"):
        super().__init__(size_average, reduce, reduction)
        self.register_buffer("weight", weight)  # (as PyTorch's _WeightedLoss)

    def forward(self, input, target):
        return binary_cross_entropy(input, target, weight=self.weight, reduction=self.reduction)


# ``torch.nn.functional`` names: attached to the functional module (see the docstring)
for _fn in (softmax, log_softmax, leaky_relu, cross_entropy, nll_loss, binary_cross_entropy):
    if not hasattr(_functional, _fn.__name__):  # never shadow one functional.py defines
        setattr(_functional, _fn.__name__, _fn)
del _fn

__all__ = ["BCELoss", "CrossEntropyLoss", "LeakyReLU", "LogSoftmax", "NLLLoss", "Softmax"]
