"""``torch.nn.functional`` subset."""

from __future__ import annotations

from ..engine import api as _api


def mse_loss(input, target, size_average=None, reduce=None, reduction="mean"):  # noqa: A002
    """Mean squared error (one ``MseLossBackward0`` node)."""
    return _api.mse_loss(input, target, reduction=reduction)


def linear(input, weight, bias=None):  # noqa: A002
    """``input @ weight.T + bias`` (one ``AddmmBackward0`` node for a 2-D input)."""
    return _api.linear(input, weight, bias)


def sigmoid(input):  # noqa: A002
    return _api.sigmoid(input)


def tanh(input):  # noqa: A002
    return _api.tanh(input)


def relu(input, inplace=False):  # noqa: A002
    return _api.relu(input)
