"""Anomaly mode and saved-tensor hooks leave nothing behind (autograd/_watch.py): the
engine's listener list is empty again after the context managers, so the fast paths
come back; inside, they act (the oracle program autograd_anomaly_hooks compares the
details with PyTorch)."""

import warnings

import numpy as np
import pytest

import autograd_viz as torch
from autograd_viz.engine import events


def test_listener_only_while_on():
    assert not events.LISTENERS
    with torch.autograd.set_detect_anomaly(True):
        assert len(events.LISTENERS) == 1
        with torch.autograd.graph.saved_tensors_hooks(lambda t: t, lambda t: t):
            assert len(events.LISTENERS) == 1
        assert torch.is_anomaly_enabled()
    assert not events.LISTENERS
    with torch.autograd.graph.save_on_cpu():
        assert len(events.LISTENERS) == 1
    assert not events.LISTENERS
    assert not torch.is_anomaly_enabled()


def test_nan_raises_and_warns_with_forward_line():
    x = torch.tensor([0.0, 1.0], requires_grad=True)
    with warnings.catch_warnings(record=True) as ws:
        warnings.simplefilter("always")
        with torch.autograd.detect_anomaly():
            y = x.sqrt()
            with pytest.raises(
                RuntimeError, match="'SqrtBackward0' returned nan values in its 0th"
            ):
                (y * torch.tensor([0.0, 1.0])).sum().backward()
    texts = [str(w.message) for w in ws]
    assert texts[0].startswith("Anomaly Detection has been enabled.")
    assert "Error detected in SqrtBackward0." in texts[1]
    assert "y = x.sqrt()" in texts[1]
    assert not events.LISTENERS


def test_unpacked_values_are_used():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    with torch.autograd.graph.saved_tensors_hooks(lambda t: t * 4, lambda t: t):
        y = x.pow(2)
    y.sum().backward()
    np.testing.assert_allclose(x.grad.numpy(), [8.0, 16.0])
