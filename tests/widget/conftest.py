"""Real recordings of real programs for the widget tests."""

from __future__ import annotations

import pytest

import autograd_viz as torch


def record_zxwb():
    with torch.record() as rec:
        x = torch.tensor([2.0])
        w = torch.tensor([3.0], requires_grad=True)
        b = torch.tensor([1.0], requires_grad=True)
        z = x * w + b
        z.backward()
    return rec


def record_training(iterations=4):
    with torch.record() as rec:
        xs = torch.tensor([1.0, 2.0, 3.0])
        ys = torch.tensor([2.0, 4.0, 6.0])
        w = torch.tensor([0.5], requires_grad=True)
        for _ in range(iterations):
            loss = ((xs * w - ys) ** 2).sum()
            loss.backward()
            with torch.no_grad():
                w -= 0.01 * w.grad
            w.grad.zero_()
    return rec


def record_long(n_frames=3000):
    """A small training loop recorded in full (``full_iterations=1000``): one small graph,
    about ``n_frames`` frames (12 per iteration)."""
    with torch.record(full_iterations=1000) as rec:
        xs = torch.tensor([1.0, 2.0, 3.0])
        ys = torch.tensor([2.0, 4.0, 6.0])
        w = torch.tensor([0.5], requires_grad=True)
        for _ in range(max(1, n_frames // 12)):
            loss = ((xs * w - ys) ** 2).sum()
            loss.backward()
            with torch.no_grad():
                w -= 0.01 * w.grad
            w.grad.zero_()
    return rec


def record_chain(n_nodes):
    with torch.record() as rec:
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        w = torch.tensor([0.5, -0.25], requires_grad=True)
        h = x
        for _ in range(max(1, (n_nodes - 3) // 4)):
            h = h * w + 1.0
        out = h.sum()
        out.backward()
    return rec


@pytest.fixture(autouse=True)
def _english_default():
    from autograd_viz.widget import set_language

    set_language(None)
    try:
        from autograd_viz.recorder import set_language as rec_set

        rec_set("en")
    except ImportError:
        pass
    yield
    set_language(None)
    try:
        from autograd_viz.recorder import set_language as rec_set

        rec_set("en")
    except ImportError:
        pass


@pytest.fixture
def rec():
    return record_zxwb()


@pytest.fixture(scope="module")
def train_rec():
    return record_training()


@pytest.fixture(scope="module")
def chain200():
    return record_chain(200)


@pytest.fixture(scope="module")
def long_rec():
    return record_long(3000)


@pytest.fixture
def make_long():
    return record_long
