"""Small behaviours met while adapting public teaching programs (tests/oracle/programs/tutorial_pt_*)."""

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
