"""Warnings PyTorch gives for code that runs but probably does not do what was meant."""

import pytest

import autograd_viz as torch
from autograd_viz import nn


def test_rnn_dropout_with_one_layer_warns():
    with pytest.warns(UserWarning, match="dropout=0.5 and num_layers=1"):
        nn.LSTM(3, 3, num_layers=1, dropout=0.5)


@pytest.mark.parametrize("init", [nn.init.kaiming_uniform_, nn.init.kaiming_normal_])
def test_kaiming_of_an_empty_tensor_warns(init):
    with pytest.warns(UserWarning, match="Initializing zero-element tensors is a no-op"):
        assert init(torch.empty(0, 3)).shape == (0, 3)
