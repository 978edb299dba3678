"""``torch.tensor(a_tensor)`` warns as PyTorch (a detached copy); ``torch.as_tensor`` of a
tensor with another dtype is ``a.to(dtype)`` (the graph kept), without the warning."""

import warnings

import pytest

import autograd_viz as torch


def test_tensor_of_a_tensor_warns_and_detaches():
    a = torch.ones(2, requires_grad=True) * 2
    with pytest.warns(UserWarning, match=r"sourceTensor.detach\(\).clone\(\)"):
        c = torch.tensor(a)
    assert c.is_leaf and not c.requires_grad and c.tolist() == [2.0, 2.0]
    c[0] = 5.0
    assert a.tolist() == [2.0, 2.0]  # a copy


def test_as_tensor_of_a_tensor_keeps_the_graph():
    a = torch.ones(2, requires_grad=True) * 2
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        b = torch.as_tensor(a, dtype=torch.float64)
        assert torch.as_tensor(a) is a
    assert b.dtype == torch.float64 and type(b.grad_fn).__name__ == "ToCopyBackward0"
    b.sum().backward()  # (reaches the leaf through the copy)


def test_lists_of_tensors_do_not_warn():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert torch.tensor([torch.tensor(1.0), torch.tensor(2.0)]).tolist() == [1.0, 2.0]
