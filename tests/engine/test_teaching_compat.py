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
