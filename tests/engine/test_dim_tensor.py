"""``x.max(dim=torch.tensor(0))``: PyTorch reads a 0-d integer tensor given as ``dim=`` as
an int; only a positional tensor is ``other`` (the elementwise maximum).  It used to be
taken as ``other``: ``x`` came back unchanged, a silently wrong result."""

import pytest

import autograd_viz as torch

X = [[1.0, 5.0, 2.0], [3.0, 4.0, 6.0]]


@pytest.mark.parametrize("name", ["max", "min"])
def test_a_tensor_dim_keyword_is_a_dim(name):
    x = torch.tensor(X)
    for call in (
        lambda d: getattr(torch, name)(x, dim=d),
        lambda d: getattr(x, name)(dim=d),
    ):
        got = call(torch.tensor(1))
        want = getattr(x, name)(1)
        assert got.values.tolist() == want.values.tolist()
        assert got.indices.tolist() == want.indices.tolist()


def test_a_positional_tensor_is_still_other():
    x = torch.tensor(X)
    assert torch.max(x, torch.tensor(4.0)).tolist() == [[4.0, 5.0, 4.0], [4.0, 4.0, 6.0]]
    assert x.min(torch.tensor(2.0)).tolist() == [[1.0, 2.0, 2.0], [2.0, 2.0, 2.0]]


def test_a_float_or_1d_tensor_dim_is_refused():
    x = torch.tensor(X)
    for d in (torch.tensor(0.0), torch.tensor([0])):
        with pytest.raises(TypeError, match="max"):
            torch.max(x, dim=d)
