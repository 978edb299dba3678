"""``torch.autograd.Variable``, ``Tensor.is_inference()`` and the ``*_like`` random
functions' arguments (issue 13; PyTorch's behaviour is in
tests/oracle/programs/api_variable_inference_like.py)."""

import warnings

import numpy as np
import pytest

import autograd_viz as torch
from autograd_viz import events
from autograd_viz.autograd import Variable


def test_variable_shares_data_and_is_a_new_leaf():
    t = torch.ones(2)
    v = Variable(t, requires_grad=True)
    assert v is not t and v.is_leaf and v.requires_grad and not t.requires_grad
    with torch.no_grad():
        t.mul_(3)
    assert v.tolist() == [3.0, 3.0]  # same memory, as PyTorch's Variable(t)
    (v * v).sum().backward()
    assert v.grad.tolist() == [6.0, 6.0]
    assert isinstance(t, Variable) and not isinstance(3, Variable)
    assert not issubclass(torch.Tensor, Variable)


def test_variable_volatile_warns_and_errors():
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        v = Variable(torch.ones(2), volatile=True)
        assert not v.requires_grad
        assert v.volatile is False
    assert [str(x.message) for x in w] == [
        "volatile was removed and now has no effect. Use `with torch.no_grad():` instead.",
        "volatile was removed (Variable.volatile is always False)",
    ]
    with (
        pytest.raises(ValueError, match="can't be volatile and require_grad"),
        warnings.catch_warnings(),
    ):
        warnings.simplefilter("ignore")
        Variable(torch.ones(2), True, True)
    with pytest.raises(TypeError, match="'float' object cannot be interpreted as an integer"):
        Variable(torch.ones(2), requires_grad=1.5)
    with pytest.raises(TypeError, match="'foo' is an invalid keyword argument"):
        Variable(torch.ones(2), foo=1)
    assert torch.autograd.variable.Variable is Variable


def test_is_inference():
    x = torch.ones(2)
    lin = torch.nn.Linear(2, 1)
    with torch.inference_mode():
        assert torch.is_inference_mode_enabled()
        a, b, c = torch.zeros(2), x * 2, lin(x)
        with torch.inference_mode(False):
            d = x + 1
    assert not torch.is_inference_mode_enabled()
    assert (a.is_inference(), b.is_inference(), c.is_inference()) == (True, True, True)
    assert not d.is_inference() and not x.is_inference() and not (b * 2).is_inference()
    assert not events.LISTENERS  # the marking listener lives only inside inference_mode


def test_randint_like_generator_and_errors():
    x = torch.zeros(2, 3)
    r1 = torch.randint_like(x, 2, 9, generator=torch.Generator().manual_seed(4))
    r2 = torch.randint_like(x, 2, 9, generator=torch.Generator().manual_seed(4))
    assert r1.dtype == torch.float32 and np.array_equal(r1.numpy(), r2.numpy())
    assert ((r1 >= 2) & (r1 < 9)).all()
    assert (torch.randint_like(x, high=3) < 3).all()
    with pytest.raises(TypeError, match=r"got \(Tensor, int, generator=int\), but expected"):
        torch.randint_like(x, 10, generator=3)
    with pytest.raises(TypeError, match=r"got \(Tensor, int, low=int\)"):
        torch.randint_like(x, 10, low=2)
    with pytest.raises(TypeError, match=r"rand_like\(\) received an invalid combination"):
        torch.rand_like(x, torch.Generator())


def test_inference_tensor_cannot_require_grad_outside_inference_mode():
    with torch.inference_mode():
        t = torch.ones(2)
        assert t.requires_grad_().requires_grad  # inside: allowed
        u = torch.ones(2)
    msg = "Setting requires_grad=True on inference tensor outside InferenceMode"
    with pytest.raises(RuntimeError, match=msg):
        u.requires_grad_()
    with pytest.raises(RuntimeError, match=msg):
        torch.nn.Parameter(u)
    assert u.detach().is_inference() and not u.clone().is_inference()
