"""Each error of the issue's list: PyTorch's type and message (copied from torch 2.13)."""

from __future__ import annotations

import re

import pytest

import autograd_viz as torch
from autograd_viz import nn

CASES = {
    "freed graph": (
        lambda: _twice(),
        RuntimeError,
        "Trying to backward through the graph a second time",
    ),
    "implicit non-scalar": (
        lambda: (torch.ones(2, requires_grad=True) * 2).backward(),
        RuntimeError,
        "grad can be implicitly created only for scalar outputs",
    ),
    "no grad": (
        lambda: torch.tensor([1.0]).sum().backward(),
        RuntimeError,
        "element 0 of tensors does not require grad and does not have a grad_fn",
    ),
    "leaf in-place": (
        lambda: torch.ones(2, requires_grad=True).add_(1),
        RuntimeError,
        "a leaf Variable that requires grad is being used in an in-place operation.",
    ),
    "view of leaf in-place": (
        lambda: torch.ones(2, requires_grad=True)[0].mul_(2),
        RuntimeError,
        "a view of a leaf Variable that requires grad is being used in an in-place operation.",
    ),
    "matmul shapes": (
        lambda: torch.ones(2, 3) @ torch.ones(4, 5),
        RuntimeError,
        "mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)",
    ),
    "broadcast": (
        lambda: torch.ones(2, 3) + torch.ones(2),
        RuntimeError,
        "The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 1",
    ),
    "item": (
        lambda: torch.ones(3).item(),
        RuntimeError,
        "a Tensor with 3 elements cannot be converted to Scalar",
    ),
    "int requires_grad": (
        lambda: torch.tensor([1, 2], requires_grad=True),
        RuntimeError,
        "Only Tensors of floating point and complex dtype can require gradients",
    ),
    "int requires_grad_": (
        lambda: torch.arange(3).requires_grad_(),
        RuntimeError,
        "only Tensors of floating point dtype can require gradients",
    ),
    "unused input": (
        lambda: _unused(),
        RuntimeError,
        "The differentiated Tensor at index 1 appears to not have been used in "
        "the graph. Set allow_unused=True if this is the desired behavior.",
    ),
    "string": (lambda: torch.tensor("abc"), TypeError, "new(): invalid data type 'str'"),
    "ragged": (
        lambda: torch.tensor([[1, 2], [3]]),
        ValueError,
        "expected sequence of length 2 at dim 1 (got 1)",
    ),
    "None": (lambda: torch.tensor(None), RuntimeError, "Could not infer dtype of NoneType"),
    "add str": (
        lambda: torch.ones(2) + "a",
        TypeError,
        "unsupported operand type(s) for +: 'Tensor' and 'str'",
    ),
    "linear shape": (
        lambda: nn.Linear(3, 2)(torch.ones(2, 4)),
        RuntimeError,
        "mat1 and mat2 shapes cannot be multiplied (2x4 and 3x2)",
    ),
    "zeros str": (
        lambda: torch.zeros("a"),
        TypeError,
        "zeros(): argument 'size' (position 1) must be tuple of ints, not str",
    ),
    # tensor(): PyTorch's messages for nested lists and objects it cannot read
    "ragged number": (lambda: torch.tensor([[1, 2], 3]), TypeError, "not a sequence"),
    "ragged int list": (
        lambda: torch.tensor([1, [2, 3]]),
        TypeError,
        "'list' object cannot be interpreted as an integer",
    ),
    "ragged float list": (
        lambda: torch.tensor([1.0, [2.0, 3.0]]),
        TypeError,
        "must be real number, not list",
    ),
    "dict": (lambda: torch.tensor({"a": 1}), RuntimeError, "Could not infer dtype of dict"),
    "None in list": (
        lambda: torch.tensor([1.0, None]),
        RuntimeError,
        "Could not infer dtype of NoneType",
    ),
    # operators return NotImplemented for operands they cannot take (Python's messages)
    "str + tensor": (
        lambda: "a" + torch.ones(2),
        TypeError,
        'can only concatenate str (not "Tensor") to str',
    ),
    "tensor * list": (
        lambda: torch.ones(2) * [1, 2],
        TypeError,
        "only integer tensors of a single element can be converted to an index",
    ),
    "matmul str": (
        lambda: torch.ones(2) @ "a",
        TypeError,
        "unsupported operand type(s) for @: 'Tensor' and 'str'",
    ),
    "lt str": (
        lambda: torch.ones(2) < "a",
        TypeError,
        "'<' not supported between instances of 'Tensor' and 'str'",
    ),
    "str - tensor": (
        lambda: "a" - torch.ones(2),
        TypeError,
        "unsupported operand type(s) for -: 'str' and 'Tensor'",
    ),
    "iadd str": (
        lambda: _iadd(torch.ones(2), "a"),
        TypeError,
        "unsupported operand type(s) for +=: 'Tensor' and 'str'",
    ),
    # tensor methods
    "size str": (
        lambda: torch.ones(2).size("a"),
        TypeError,
        "size(): argument 'dim' (position 1) must be int, not str",
    ),
    "fill_ str": (
        lambda: torch.ones(2).fill_("a"),
        TypeError,
        "fill_() received an invalid combination of arguments - got (str), but "
        "expected one of:\n * (Tensor value)\n",
    ),
    "fill_ 1-d": (
        lambda: torch.ones(2).fill_(torch.ones(2)),
        RuntimeError,
        "fill_ only supports 0-dimension value tensor but got tensor with 1 dimensions.",
    ),
    "to dtype string": (
        lambda: torch.ones(2).to("float32"),
        RuntimeError,
        "Invalid device string: 'float32'",
    ),
    "to unknown device": (
        lambda: torch.ones(2).to("xyz"),
        RuntimeError,
        "device type at start of device string: xyz",
    ),
    "mT 1-d": (
        lambda: torch.ones(2).mT,
        RuntimeError,
        "tensor.mT is only supported on matrices or batches of matrices. Got 1-D tensor.",
    ),
    # nn / optim
    "linear float features": (
        lambda: nn.Linear(3.0, 2),
        TypeError,
        "empty(): argument 'size' failed to unpack the object at pos 2 "
        'with error "type must be tuple of ints,but got float"',
    ),
    "linear negative features": (
        lambda: nn.Linear(3, -2),
        RuntimeError,
        "Trying to create tensor with negative dimension -2: [-2, 3]",
    ),
    "sequential of int": (lambda: nn.Sequential(5), TypeError, "int is not a Module subclass"),
    "module name int": (
        lambda: nn.Module().add_module(3, nn.ReLU()),
        TypeError,
        "module name should be a string. Got int",
    ),
    "parameter of list": (
        lambda: nn.Parameter([1.0]),
        AttributeError,
        "'list' object has no attribute 'detach'",
    ),
    "sgd not iterable": (
        lambda: torch.optim.SGD(5, lr=0.1),
        TypeError,
        "'int' object is not iterable",
    ),
    "sgd of ints": (
        lambda: torch.optim.SGD([1, 2], lr=0.1),
        TypeError,
        "optimizer can only optimize Tensors, but one of the params is int",
    ),
    "sgd of tensor": (
        lambda: torch.optim.SGD(torch.ones(2, requires_grad=True), lr=0.1),
        TypeError,
        "params argument given to the optimizer should be an "
        "iterable of Tensors or dicts, but got torch.FloatTensor",
    ),
    # bad Python input to functions and methods (more in tests/oracle/programs/errors_more.py)
    "exp str": (
        lambda: torch.exp("a"),
        TypeError,
        "exp(): argument 'input' (position 1) must be Tensor, not str",
    ),
    "maximum float": (
        lambda: torch.maximum(torch.ones(2), 1.0),
        TypeError,
        "maximum(): argument 'other' (position 2) must be Tensor, not float",
    ),
    "sum str": (
        lambda: torch.sum("a"),
        TypeError,
        "sum(): argument 'input' (position 1) must be Tensor, not str",
    ),
    "getitem str": (lambda: torch.ones(2)["a"], TypeError, "new(): invalid data type 'str'"),
    "mul_ str": (
        lambda: torch.ones(2).mul_("a"),
        TypeError,
        "mul_(): argument 'other' (position 1) must be Tensor, not str",
    ),
    "zeros negative": (
        lambda: torch.zeros(-1),
        RuntimeError,
        "zeros: Dimension size must be non-negative.",
    ),
    "arange str": (
        lambda: torch.arange("a"),
        TypeError,
        "arange(): argument 'end' (position 1) must be Number, not str",
    ),
    "tensor dtype str": (
        lambda: torch.tensor([1.0], dtype="float32"),
        TypeError,
        "tensor(): argument 'dtype' must be torch.dtype, not str",
    ),
    "bool - bool": (
        lambda: torch.tensor([True]) - torch.tensor([False]),
        RuntimeError,
        "Subtraction, the `-` operator, with two bool tensors is not supported.",
    ),
    "setitem str": (
        lambda: _setitem(torch.zeros(2), 0, "a"),
        TypeError,
        "can't assign a str to a torch.FloatTensor",
    ),
    "setitem shape": (
        lambda: _setitem(torch.zeros(2), slice(None), torch.ones(3)),
        RuntimeError,
        "The expanded size of the tensor (2) must match the "
        "existing size (3) at non-singleton dimension 0.  Target sizes: [2].  "
        "Tensor sizes: [3]",
    ),
    "setitem shape, grad": (
        lambda: _setitem(torch.zeros(2), slice(None), torch.ones(3, requires_grad=True)),
        RuntimeError,
        "The expanded size of the tensor (2) must match",
    ),
    "backward str": (
        lambda: (torch.ones(2, requires_grad=True) * 2).sum().backward("a"),
        TypeError,
        "gradients can be either Tensors or None, but got str",
    ),
    "linear list": (
        lambda: nn.Linear(3, 2)([1.0, 2.0, 3.0]),
        TypeError,
        "linear(): argument 'input' (position 1) must be Tensor, not list",
    ),
    "mse list": (
        lambda: nn.functional.mse_loss(torch.ones(1), [1.0]),
        AttributeError,
        "'list' object has no attribute 'size'",
    ),
    "where float condition": (
        lambda: torch.where(torch.ones(2), torch.ones(2), torch.ones(2)),
        RuntimeError,
        "where expected condition to be a boolean tensor, but got a tensor with dtype Float",
    ),
    "mse int": (
        lambda: nn.functional.mse_loss(torch.tensor([1, 2]), torch.tensor([1, 3])),
        NotImplementedError,
        "\"mse_cpu\" not implemented for 'Long'",
    ),
}


def _setitem(x, key, value):
    x[key] = value


def _iadd(x, other):
    x += other


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
    _saved_modified,
    RuntimeError,
    "one of the variables needed for gradient computation has been modified by an inplace "
    "operation: [torch.FloatTensor [2]], which is output 0 of Add, is at version 1; "
    "expected version 0 instead.",
)


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


def test_comparison_with_none_is_python_identity():
    x = torch.ones(2)
    assert (x == None) is False  # noqa: E711 - PyTorch: NotImplemented, then identity
    assert (x != None) is True  # noqa: E711


def test_valid_devices_and_operands_still_work():
    x = torch.ones(2)
    assert x.to("cpu") is x and x.to("cpu:0").tolist() == [1.0, 1.0]
    assert (x + 1).tolist() == [2.0, 2.0] and (2**x).tolist() == [2.0, 2.0]
    assert nn.Linear(True, 2).weight.shape == (2, 1)


@pytest.mark.parametrize(
    "name", [n for n in CASES if n.startswith(("setitem", "mse", "linear", "bool", "sum"))]
)
def test_no_numpy_or_internal_words(name):
    fn = CASES[name][0]
    with pytest.raises(Exception) as info:
        fn()
    msg = str(info.value)
    assert "numpy" not in msg and "_data" not in msg and "broadcast input array" not in msg


def test_operators_still_defer_to_python():
    x = torch.ones(2)
    with pytest.raises(
        TypeError, match=re.escape("unsupported operand type(s) for @: 'Tensor' and 'str'")
    ):
        x @ "a"
    with pytest.raises(
        TypeError, match=re.escape("unsupported operand type(s) for *=: 'Tensor' and 'str'")
    ):
        x *= "a"
    assert torch.where(torch.tensor([True, False]), x, 0.0).tolist() == [1.0, 0.0]
    y = torch.zeros(2)
    y[:] = torch.ones(1, 2)  # leading 1s are dropped, as PyTorch does
    assert y.tolist() == [1.0, 1.0]


def test_more_than_64_dims_is_a_clear_error_not_a_numpy_traceback():
    # PyTorch allows torch.ones(*[1] * 70); numpy arrays stop at 64 dimensions
    assert torch.ones(*[1] * 64).dim() == 64
    with pytest.raises(
        RuntimeError, match=re.escape("at most 64 dimensions (got 70); PyTorch allows more")
    ):
        torch.ones(*[1] * 70)
    with pytest.raises(RuntimeError, match="at most 64 dimensions"):
        torch.zeros([1] * 65)
