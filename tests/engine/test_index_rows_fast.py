"""``C[X]`` (an embedding lookup: a tensor indexed by an integer tensor) takes a direct
path (``ops.shape.index_rows``; its gradient a one-hot product from a cached identity).
It must give what the general indexing path gives, bit for bit: the recorded path (a
listener) and ``C[X.tolist()]`` (a list key), for every kind of key and table."""

from __future__ import annotations

import numpy as np
import pytest

import autograd_viz as torch
from autograd_viz.engine import events


def _bits(a):
    a = np.asarray(a)
    return a.view(np.uint32 if a.dtype == np.float32 else np.uint64).tolist()


def _run(table, keys, grad, how, requires_grad=True):
    c = torch.tensor(table, requires_grad=requires_grad)
    handle = events.subscribe(lambda kind, payload: None) if how == "recorded" else None
    try:
        key = torch.tensor(keys)
        if how == "list":  # (a list of lists alone is a tuple of indices, as in PyTorch)
            key = keys.tolist() if keys.ndim == 1 else (keys.tolist(),)
        out = c[key]
        name = out.grad_fn.name() if out.grad_fn is not None else None
        if requires_grad:
            out.backward(torch.tensor(grad))
        return (
            _bits(out.detach().numpy()),
            name,
            None if c.grad is None else _bits(c.grad.numpy()),
        )
    finally:
        if handle is not None:
            handle.remove()


# (rows, key shape, key dtype, low key, table dtype): the makemore lookup; negative keys;
# int32 keys; float64; more rows than the cached identities hold (the general scatter)
CASES = [
    (27, (32, 3), np.int64, 0, np.float32),
    (27, (32, 3), np.int64, -27, np.float32),
    (10, (7,), np.int32, -10, np.float32),
    (5, (4, 2), np.int64, 0, np.float64),
    (300, (50,), np.int64, -300, np.float32),
]


@pytest.mark.parametrize("rows,kshape,kdt,low,dt", CASES)
def test_lookup_matches_the_general_paths_bit_for_bit(rows, kshape, kdt, low, dt):
    rng = np.random.default_rng(rows)
    for _ in range(3):
        table = rng.standard_normal((rows, 6)).astype(dt)
        keys = rng.integers(low, rows, kshape).astype(kdt)
        grad = rng.standard_normal((*kshape, 6)).astype(dt)
        fast = _run(table, keys, grad, "fast")
        assert fast == _run(table, keys, grad, "recorded")
        assert fast == _run(table, keys, grad, "list")
        assert fast[1] == "IndexBackward0"
        # the sum of each row's gradients (PyTorch adds them one after the other in the
        # keys' order; the one-hot product's order is BLAS's: the same bits on the sizes
        # measured, not promised on every machine)
        want = np.zeros_like(table)
        for k, g in zip(keys.reshape(-1), grad.reshape(-1, 6), strict=True):
            want[k] += g
        got = np.array(fast[2], np.uint32 if dt == np.float32 else np.uint64).view(dt)
        np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)


def test_lookup_without_grad_and_out_of_range():
    table = np.arange(12, dtype=np.float32).reshape(4, 3)
    keys = np.array([[0, 3], [-1, 2]])
    assert _run(table, keys, None, "fast", requires_grad=False)[1:] == (None, None)
    with torch.no_grad():
        out = torch.tensor(table, requires_grad=True)[torch.tensor(keys)]
    assert out.grad_fn is None and out.tolist() == table[keys].tolist()
    for bad in (4, -5):
        with pytest.raises(IndexError, match=f"index {bad} is out of bounds for dimension 0"):
            torch.tensor(table)[torch.tensor([0, bad])]


def test_double_backward_through_the_lookup():
    c = torch.tensor(np.linspace(-1, 1, 12, dtype=np.float32).reshape(4, 3), requires_grad=True)
    keys = torch.tensor([1, 1, 3])
    (g,) = torch.autograd.grad((c[keys] ** 3).sum(), c, create_graph=True)
    (gg,) = torch.autograd.grad(g.sum(), c)
    x = c.detach().numpy()
    count = np.array([0, 2, 0, 1], np.float32)[:, None]
    np.testing.assert_allclose(g.detach().numpy(), count * 3 * x**2, rtol=1e-6)
    np.testing.assert_allclose(gg.numpy(), count * 6 * x, rtol=1e-6)
