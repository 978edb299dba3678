"""Grad-mode context managers used as decorators, as PyTorch's ``_DecoratorContextManager``."""

import warnings

import pytest

import autograd_viz as torch


def test_decorating_a_class_warns_and_decorates_its_constructor():
    w = torch.ones(2, requires_grad=True)
    with pytest.warns(FutureWarning, match="Decorating classes is deprecated"):

        @torch.no_grad()
        class Holder:
            def __init__(self):
                self.out = w * 2

    assert not Holder().out.requires_grad  # (the constructor ran under no_grad)
    assert torch.is_grad_enabled()


def test_generator_mode_is_restored_between_resumes():
    w = torch.ones(2, requires_grad=True)

    @torch.no_grad()
    def gen():
        yield torch.is_grad_enabled()
        yield (w * 3).requires_grad

    g = gen()
    assert next(g) is False
    assert torch.is_grad_enabled()  # outside, between resumes
    assert (w * 3).requires_grad
    assert next(g) is False
    with pytest.raises(StopIteration):
        next(g)


def test_set_grad_enabled_as_decorator_leaves_the_mode_alone():
    @torch.set_grad_enabled(False)
    def f():
        return torch.is_grad_enabled()

    assert torch.is_grad_enabled()
    assert f() is False
    assert torch.is_grad_enabled()


def test_bare_decorator_returns_a_function():
    def f(x):
        return x * torch.ones(1, requires_grad=True)

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        g = torch.no_grad(f)
    assert type(g).__name__ == "function" and g.__name__ == "f" and g.__wrapped__ is f
    assert not g(2.0).requires_grad
