"""Fixes from the usage fuzz (tests/oracle/tools/fuzz_gen_usage.py) that the oracle program
``bad_input_usage`` records only by value: in-place operators keep the tensor's identity,
containers' arithmetic builds new containers of the same modules."""

import pytest

import autograd_viz as torch
from autograd_viz import nn


@pytest.mark.parametrize(
    ("op", "other", "want"),
    [
        ("__ifloordiv__", 2, [2, 3]),
        ("__imod__", 3, [2, 1]),
        ("__ipow__", 2, [25, 49]),
        ("__iand__", 3, [1, 3]),
        ("__ior__", 8, [13, 15]),
        ("__ixor__", 1, [4, 6]),
        ("__ilshift__", 1, [10, 14]),
        ("__irshift__", 1, [2, 3]),
    ],
)
def test_inplace_operators_change_the_tensor_itself(op, other, want):
    x = torch.tensor([5, 7])
    alias = x
    y = x[:]
    out = getattr(x, op)(other)
    assert out is x and alias.tolist() == want and y.tolist() == want
    assert x._version == 1


def test_inplace_floordiv_of_a_leaf_requiring_grad_refuses():
    x = torch.tensor([5.0, 7.0], requires_grad=True)
    with pytest.raises(RuntimeError, match="leaf Variable that requires grad"):
        x //= 2


def test_sequential_arithmetic_shares_the_modules():
    a, b = nn.ReLU(), nn.Tanh()
    s = nn.Sequential(a) + nn.Sequential(b)
    assert list(s) == [a, b] and list(s._modules) == ["0", "1"]
    t = nn.Sequential(a) * 3
    assert list(t) == [a, a, a]
    u = nn.Sequential(a)
    u *= 2
    assert list(u) == [a, a]
    assert (nn.Sequential(a, b).pop(0) is a) and len(nn.ModuleList([a]) + [b]) == 2  # noqa: RUF005


def test_tensor_of_a_tensor_keeps_its_dtype_and_memory():
    x = torch.tensor([1, 2])
    y = torch.Tensor(x)
    assert y.dtype == torch.int64
    y[0] = 5
    assert x.tolist() == [5, 2]
    z = torch.LongTensor(x)
    z[1] = 7
    assert z is not x and x.tolist() == [5, 7]


def test_nonzero_of_a_0d_tensor():
    assert tuple(torch.nonzero(torch.tensor(2.0)).shape) == (1, 0)
    assert tuple(torch.nonzero(torch.tensor(0.0)).shape) == (0, 0)
    assert torch.tensor(3.0).nonzero(as_tuple=True)[0].tolist() == [0]


@pytest.mark.parametrize(
    ("lr", "want"),
    [
        # PyTorch 2.13's values: lr / bias_correction1 computed in the tensor's dtype
        (torch.tensor(0.1), [0.699999988079071, 1.3000000715255737, 0.699999988079071]),
        (torch.tensor([0.1]), [0.699999988079071, 1.3000000715255737, 0.699999988079071]),
        (
            torch.tensor(0.01, dtype=torch.float64),
            [0.9700000286102295, 1.0299999713897705, 0.9700000286102295],
        ),
    ],
)
def test_adam_with_a_tensor_lr(lr, want):
    p = torch.ones(3, requires_grad=True)
    p.grad = torch.tensor([1.0, -2.0, 0.5])
    opt = torch.optim.Adam([p], lr=lr)
    for _ in range(3):
        opt.step()
    assert p.tolist() == want
