"""A complex Python number written into a real tensor: PyTorch's real part when the
imaginary part is 0, else PyTorch's error; never the real part dropped silently (numpy's
casting would). Messages as PyTorch 2.13 gives them."""

import pytest

import autograd_viz as torch

OVERFLOW = "value cannot be converted to type float without overflow"


@pytest.mark.parametrize(
    "make",
    [
        lambda: torch.full((2,), 1j, dtype=torch.float32),
        lambda: torch.full_like(torch.zeros(2), 1j),
        lambda: torch.zeros(2).new_full((2,), 1j),
        lambda: torch.addcmul(torch.zeros(2), torch.ones(2), torch.ones(2), value=1j),
        lambda: torch.addcdiv(torch.zeros(2), torch.ones(2), torch.ones(2), value=1j),
        lambda: torch.zeros(2).addcmul_(torch.ones(2), torch.ones(2), value=1j),
        lambda: torch.zeros(2).masked_fill(torch.tensor([True, False]), 1j),
        lambda: torch.zeros(2).masked_fill_(torch.tensor([True, False]), 1j),
    ],
)
def test_an_imaginary_part_is_refused(make):
    with pytest.raises(RuntimeError, match=OVERFLOW):
        make()


def test_int_dtype_names_its_c_type():
    with pytest.raises(RuntimeError, match="type int64_t without overflow"):
        torch.zeros(2, dtype=torch.int64).new_full((2,), 1j)


def test_no_imaginary_part_is_the_real_part():
    assert torch.full((2,), 2 + 0j, dtype=torch.int64).tolist() == [2, 2]
    assert torch.full_like(torch.zeros(2), 2 + 0j).tolist() == [2.0, 2.0]
    assert torch.zeros(2).new_full((2,), 2 + 0j).tolist() == [2.0, 2.0]
    out = torch.addcmul(torch.zeros(2), torch.ones(2), torch.ones(2), value=2 + 0j)
    assert out.tolist() == [2.0, 2.0]
    t = torch.zeros(2).masked_fill_(torch.tensor([True, False]), 2 + 0j)
    assert t.tolist() == [2.0, 0.0]


def test_index_fill_refuses_any_complex_scalar():
    for v in (1j, 2 + 0j):
        with pytest.raises(RuntimeError, match="Converting complex Scalar to non-complex type"):
            torch.zeros(2).index_fill(0, torch.tensor([0]), v)


def test_a_complex_tensor_is_refused_not_made_real():
    # PyTorch makes a complex64 tensor; this engine has none: it says so
    with pytest.raises(TypeError, match="complex tensors are not supported"):
        torch.full((2,), 1j)
