"""bfloat16 and the complex dtypes exist as PyTorch's dtype objects (names, attributes:
tests/oracle/programs/api_dtype_names.py against PyTorch), but this engine has no tensors of
them: every way of asking for one raises NotImplementedError naming the dtype, never float32
numbers under another name."""

import pickle

import pytest

import autograd_viz as torch
from autograd_viz import nn

ASK = [
    lambda d: torch.ones(2, dtype=d),
    lambda d: torch.zeros(2, dtype=d),
    lambda d: torch.empty(2, dtype=d),
    lambda d: torch.randn(2, dtype=d),
    lambda d: torch.arange(3, dtype=d),
    lambda d: torch.full((2,), 1.0, dtype=d),
    lambda d: torch.tensor([1.0], dtype=d),
    lambda d: torch.zeros_like(torch.ones(2), dtype=d),
    lambda d: torch.ones(2).to(d),
    lambda d: torch.ones(2).to("cpu", d),
    lambda d: torch.ones(2).type(d),
    lambda d: torch.ones(2).sum(dtype=d),
    lambda d: nn.Linear(2, 2).to(d),
    lambda d: nn.Linear(2, 2, dtype=d),
]


@pytest.mark.parametrize("ask", ASK)
@pytest.mark.parametrize("name,word", [("bfloat16", "bfloat16"), ("complex64", "complex")])
def test_a_tensor_of_it_is_refused(ask, name, word):
    before = torch.get_default_dtype()
    with pytest.raises(NotImplementedError, match=f"{word} tensors are not supported"):
        ask(getattr(torch, name))
    assert torch.get_default_dtype() is before


def test_default_dtype():
    before = torch.get_default_dtype()
    with pytest.raises(NotImplementedError, match="bfloat16 tensors are not supported"):
        torch.set_default_dtype(torch.bfloat16)
    with pytest.raises(TypeError, match="only floating-point types"):  # (PyTorch's)
        torch.set_default_dtype(torch.complex64)
    assert torch.get_default_dtype() is before


def test_tensor_cast_methods():
    for m, word in [("bfloat16", "bfloat16"), ("cfloat", "complex"), ("cdouble", "complex")]:
        with pytest.raises(NotImplementedError, match=word):
            getattr(torch.ones(2), m)()


def test_cpu_autocast_to_bfloat16_says_it_cannot():
    with pytest.raises(NotImplementedError, match="bfloat16"):
        torch.autocast("cpu", dtype=torch.bfloat16)


def test_pickle_keeps_the_one_object():
    for d in (torch.bfloat16, torch.complex64, torch.float32, torch.int64):
        assert pickle.loads(pickle.dumps(d)) is d
