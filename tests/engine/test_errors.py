"""Each error of the issue's list: PyTorch's type and message (copied from torch 2.13)."""

from __future__ import annotations

import re

import pytest

import autograd_viz as torch
from autograd_viz import nn

CASES = {
    "freed graph": (lambda: _twice(), RuntimeError,
                    "Trying to backward through the graph a second time"),
    "implicit non-scalar": (lambda: (torch.ones(2, requires_grad=True) * 2).backward(),
                            RuntimeError, "grad can be implicitly created only for scalar "
                            "outputs"),
    "no grad": (lambda: torch.tensor([1.0]).sum().backward(), RuntimeError,
                "element 0 of tensors does not require grad and does not have a grad_fn"),
    "leaf in-place": (lambda: torch.ones(2, requires_grad=True).add_(1), RuntimeError,
                      "a leaf Variable that requires grad is being used in an in-place "
                      "operation."),
    "view of leaf in-place": (lambda: torch.ones(2, requires_grad=True)[0].mul_(2),
                              RuntimeError, "a view of a leaf Variable that requires grad "
                              "is being used in an in-place operation."),
    "matmul shapes": (lambda: torch.ones(2, 3) @ torch.ones(4, 5), RuntimeError,
                      "mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)"),
    "broadcast": (lambda: torch.ones(2, 3) + torch.ones(2), RuntimeError,
                  "The size of tensor a (3) must match the size of tensor b (2) at "
                  "non-singleton dimension 1"),
    "item": (lambda: torch.ones(3).item(), RuntimeError,
             "a Tensor with 3 elements cannot be converted to Scalar"),
    "int requires_grad": (lambda: torch.tensor([1, 2], requires_grad=True), RuntimeError,
                          "Only Tensors of floating point and complex dtype can require "
                          "gradients"),
    "int requires_grad_": (lambda: torch.arange(3).requires_grad_(), RuntimeError,
                           "only Tensors of floating point dtype can require gradients"),
    "unused input": (lambda: _unused(), RuntimeError,
                     "The differentiated Tensor at index 1 appears to not have been used in "
                     "the graph. Set allow_unused=True if this is the desired behavior."),
    "string": (lambda: torch.tensor("abc"), TypeError, "new(): invalid data type 'str'"),
    "ragged": (lambda: torch.tensor([[1, 2], [3]]), ValueError,
               "expected sequence of length 2 at dim 1 (got 1)"),
    "None": (lambda: torch.tensor(None), RuntimeError, "Could not infer dtype of NoneType"),
    "add str": (lambda: torch.ones(2) + "a", TypeError,
                "unsupported operand type(s) for +: 'Tensor' and 'str'"),
    "linear shape": (lambda: nn.Linear(3, 2)(torch.ones(2, 4)), RuntimeError,
                     "mat1 and mat2 shapes cannot be multiplied (2x4 and 3x2)"),
    "zeros str": (lambda: torch.zeros("a"), TypeError,
                  "zeros(): argument 'size' (position 1) must be tuple of ints, not str"),
}


def _twice():
    x = torch.ones(2, requires_grad=True)
    y = (x * x).sum()
    y.backward()
    y.backward()


def _unused():
    p = torch.tensor(1.0, requires_grad=True)
    q = torch.tensor(1.0, requires_grad=True)
    torch.autograd.grad(p * 2, [p, q])


def _saved_modified():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    a = x * 1
    b = a * a
    a.add_(1)
    b.sum().backward()


CASES["saved tensor modified"] = (
    _saved_modified, RuntimeError,
    "one of the variables needed for gradient computation has been modified by an inplace "
    "operation: [torch.FloatTensor [2]], which is output 0 of Add, is at version 1; "
    "expected version 0 instead.")


@pytest.mark.parametrize("name", list(CASES))
def test_error(name):
    fn, exc, msg = CASES[name]
    with pytest.raises(exc, match=re.escape(msg)):
        fn()


@pytest.mark.parametrize("bad", ["abc", [[1, 2], [3]], [1, "a"], {"a": 1}, object()])
def test_bad_python_input_is_a_clear_error(bad):
    with pytest.raises((TypeError, ValueError, RuntimeError)) as info:
        torch.tensor(bad)
    assert "numpy" not in str(info.value).lower()
    assert info.value.__traceback__ is not None
