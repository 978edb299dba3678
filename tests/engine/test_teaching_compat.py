"""Behaviours met while adapting public teaching programs (oracle programs tutorial_*)."""

from collections import deque

import numpy as np
import pytest

import autograd_viz as torch


def test_tensor_from_deque():
    # reinforce.py builds its returns in a deque: torch.tensor reads any sequence
    t = torch.tensor(deque([1.0, 2.5]))
    assert t.dtype == torch.float32 and t.tolist() == [1.0, 2.5]
    assert torch.tensor(deque([[1, 2], [3, 4]])).dtype == torch.int64
    assert torch.tensor([deque([1, 2]), deque([3, 4])]).tolist() == [[1, 2], [3, 4]]
    assert torch.tensor(deque()).shape == (0,)

    class Seq:
        def __len__(self):
            return 2

        def __getitem__(self, i):
            return [1.5, 2][i]

    np.testing.assert_array_equal(torch.tensor(Seq()).numpy(), np.array([1.5, 2.0], np.float32))
    with pytest.raises(RuntimeError, match="Could not infer dtype of dict"):
        torch.tensor({1: 2})
    with pytest.raises(ValueError, match=r"expected sequence of length 2 at dim 1 \(got 1\)"):
        torch.tensor([deque([1, 2]), deque([3])])


def test_sci_mode_false_widths():
    # LLMs-from-scratch appendix A prints probabilities after set_printoptions(sci_mode=False):
    # the forced mode decides the column width too (no sci-notation-wide padding)
    t = torch.tensor([[0.9991, 0.0009], [0.0491, 0.9509]])
    try:
        torch.set_printoptions(sci_mode=False)
        assert repr(t) == "tensor([[0.9991, 0.0009],\n        [0.0491, 0.9509]])"
        assert repr(torch.tensor([1.0, 2.0, 30000.0])) == "tensor([    1.,     2., 30000.])"
        torch.set_printoptions(sci_mode=True)
        assert repr(torch.tensor([1.0, 2.0])) == "tensor([1.0000e+00, 2.0000e+00])"
    finally:
        torch.set_printoptions(sci_mode=None)
    assert repr(torch.tensor([1e-5, 1.0])) == "tensor([1.0000e-05, 1.0000e+00])"


def test_storage_item_assignment_writes_through():
    # "Deep Learning with PyTorch" ch. 3: points.storage()[0] = 2.0 changes the tensor
    points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]])
    with pytest.warns(UserWarning):
        s = points.storage()
    s[0] = 2.0
    assert points.tolist() == [[2.0, 1.0], [5.0, 3.0], [2.0, 1.0]]
    points.t().storage()[1] = 7
    assert points[0, 1].item() == 7.0
    with pytest.raises(RuntimeError, match="slices are only supported in UntypedStorage"):
        s[0:2]


def test_scalar_parameter_gradient_sums_in_pytorchs_order():
    # w * t_u + b with 0-d w, b (DLWPT ch. 5): b's gradient is the sum of 11 values in
    # PyTorch's order (one after the other): -10.639999, where a pairwise sum gives -10.64
    t_c = torch.tensor([0.5, 14.0, 15.0, 28.0, 11.0, 8.0, 3.0, -4.0, 6.0, 13.0, 21.0])
    t_u = torch.tensor([35.7, 55.9, 58.2, 81.9, 56.3, 48.9, 33.9, 21.8, 48.4, 60.4, 68.4]) * 0.1
    w = torch.tensor(1.0, requires_grad=True)
    b = torch.tensor(0.0, requires_grad=True)
    ((w * t_u + b - t_c) ** 2).mean().backward()
    assert b.grad.numpy().tobytes() == np.float32(-10.639999).tobytes()
    assert w.grad.numpy().tobytes() == np.float32(-77.614044).tobytes()


def test_binary_functions_take_two_numbers():
    # MIT 6.S191 lab 1: torch.add(1.5, 2.5); the first number becomes a 0-d tensor
    assert torch.add(1.5, 2.5).dtype == torch.float32 and torch.add(1.5, 2.5).item() == 4.0
    assert torch.add(2, 3).dtype == torch.int64 and torch.sub(2, 3).item() == -1
    assert torch.mul(True, False).dtype == torch.bool
    assert torch.mul(2, True).dtype == torch.int64
    assert torch.div(2, 3).dtype == torch.float32
    assert torch.floor_divide(7, 2).item() == 3
    assert torch.add(np.float64(1.5), 2.5).dtype == torch.float32
    assert torch.subtract(1.5, 2.5, alpha=2).item() == -3.5
    with pytest.raises(RuntimeError, match="with two bool tensors is not supported"):
        torch.sub(True, False)
    with pytest.raises(TypeError, match="must be Tensor"):
        torch.add("a", 1)


def test_rnn_flatten_parameters_is_a_no_op():
    # d2l 16.2's BiRNN calls self.encoder.flatten_parameters() in every forward
    lstm = torch.nn.LSTM(3, 4, bidirectional=True)
    before = [p.detach().clone() for p in lstm.parameters()]
    assert lstm.flatten_parameters() is None
    for a, b in zip(before, lstm.parameters(), strict=True):
        assert torch.equal(a, b)
    out, _ = lstm(torch.zeros(2, 1, 3))
    assert out.shape == (2, 1, 8)
