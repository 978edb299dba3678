"""``torch.nn.functional`` subset."""

from __future__ import annotations

from ..engine import api as _api
from ..engine.api_extra import _legacy_reduction, one_hot, relu_  # noqa: F401  (owned by the engine)


def mse_loss(input, target, size_average=None, reduce=None, reduction="mean"):
    """Mean squared error (one ``MseLossBackward0`` node)."""
    if size_average is not None or reduce is not None:
        reduction = _legacy_reduction(size_average, reduce)
    return _api.mse_loss(input, target, reduction=reduction)


def linear(input, weight, bias=None):
    """``input @ weight.T + bias`` (one ``AddmmBackward0`` node for a 2-D input)."""
    return _api.linear(input, weight, bias)


def sigmoid(input):
    try:
        return _api.sigmoid(input)
    except TypeError:
        _method_error(input, "sigmoid")
        raise


def tanh(input):
    try:
        return _api.tanh(input)
    except TypeError:
        _method_error(input, "tanh")
        raise


def _method_error(input, name):
    """PyTorch's ``F.sigmoid(x)`` is ``x.sigmoid()``: a non-tensor has no such method."""
    if not isinstance(input, _api.Tensor):
        raise AttributeError(f"'{type(input).__name__}' object has no attribute '{name}'")


def relu(input, inplace=False):
    if inplace:
        return _api.inplace(input, "relu_", _api.relu)
    return _api.relu(input)


# (a missing name fails as in PyTorch: "module 'torch.nn.functional' has no attribute ...")
from .._torch_alias import missing_attribute as _missing_attribute  # noqa: E402

__getattr__ = _missing_attribute("torch.nn.functional")
