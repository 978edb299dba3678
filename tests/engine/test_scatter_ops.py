"""First and second derivatives (``gradcheck`` / ``gradgradcheck``, float64) of the ops in
``engine/api_scatter.py``; PyTorch's own values, node names and errors are in
``tests/oracle/programs/ops_scatter.py`` and ``ops_index_more.py``."""

from __future__ import annotations

import numpy as np

import autograd_viz as torch
from autograd_viz.autograd import gradcheck, gradgradcheck


def _x(*shape):
    n = int(np.prod(shape))
    vals = np.sin(np.arange(n) * 1.3 + 0.2) * 2
    return torch.tensor(vals.reshape(shape), dtype=torch.float64, requires_grad=True)


IDX = torch.tensor([[0, 2], [1, 3], [3, 0]])


def test_scatter_src_and_self():
    x, src = _x(3, 4), _x(3, 2)
    f = lambda a, s: torch.scatter(a, 1, IDX, s)  # noqa: E731
    assert gradcheck(f, (x, src))
    assert gradgradcheck(f, (x, src))


def test_scatter_value():
    x = _x(3, 4)
    f = lambda a: a.scatter(0, torch.tensor([[2, 0, 1, 2]]), 0.5)  # noqa: E731
    assert gradcheck(f, (x,))
    assert gradgradcheck(f, (x,))


def test_scatter_add_repeated_positions():
    x, src = _x(3, 4), _x(3, 2)
    f = lambda a, s: torch.scatter_add(a, 1, torch.tensor([[0, 0], [3, 3], [1, 2]]), s)  # noqa: E731
    assert gradcheck(f, (x, src))
    assert gradgradcheck(f, (x, src))


def test_scatter_inplace_matches_out_of_place():
    x, src = _x(3, 4), _x(3, 2)
    y = (x * 1).scatter_(1, IDX, src)
    assert np.array_equal(y.detach().numpy(), torch.scatter(x, 1, IDX, src).detach().numpy())
    assert type(y.grad_fn).__name__ == "ScatterBackward0"


def _y(*shape):
    return _x(*shape).detach().requires_grad_()


def test_group2_gradcheck():
    m = torch.tensor([True, False, True, True])
    cases = [
        lambda a: torch.masked_select(a, m),
        lambda a: a[0].masked_select(a.detach() > 0),
        lambda a: torch.take(a, torch.tensor([[0, 11], [5, 5], [-1, 3]])),
        lambda a: a.roll(5),
        lambda a: torch.roll(a, shifts=(1, -2), dims=(0, 1)),
        lambda a: torch.trace(a),
        lambda a: torch.trace(a.t()[:3]),
        lambda a: torch.nan_to_num(a.log(), posinf=1.0, neginf=-1.0),
        lambda a: torch.flipud(a) * torch.fliplr(a),
    ]
    for f in cases:
        assert gradcheck(f, (_y(3, 4),))
        assert gradgradcheck(f, (_y(3, 4),))


def test_unsqueeze_inplace_keeps_memory_and_grad():
    x = _y(2, 3)
    y = x * 3
    before = y.data_ptr()
    assert y.unsqueeze_(1) is y
    assert tuple(y.shape) == (2, 1, 3) and y.data_ptr() == before
    assert type(y.grad_fn).__name__ == "UnsqueezeBackward1"
    y.sum().backward()
    assert np.array_equal(x.grad.numpy(), np.full((2, 3), 3.0))


def test_storage_offset_of_views():
    base = torch.arange(12.0).reshape(3, 4)
    assert base[2:, 1:].storage_offset() == 9
    assert base.t()[1].storage_offset() == 1
    assert base[1:].nbytes == 32


def test_group3_gradcheck():
    z = torch.tensor([1.0, 0.0, 1.0, 1.0], dtype=torch.float64)
    cases = [
        lambda a, b: torch.lerp(a, b, 0.3),
        lambda a, b: a.lerp(b[0], b[1].sigmoid()),
        lambda a, b: torch.addcmul(a, b, a, value=2),
        lambda a, b: torch.addcdiv(a, a, b + 10, value=-0.5),
        lambda a, b: torch.index_add(a, 0, torch.tensor([0, 2, 0]), b),
        lambda a, b: a.index_add(1, torch.tensor([3, 1]), b[:, :2], alpha=2),
        lambda a, b: torch.rot90(a, 3) * torch.rot90(b, -1),
        lambda a, b: torch.cumprod(a * z, 1) * b,
        lambda a, b: (a * z[:3, None]).cumprod(0) * b,
        lambda a, b: torch.diff(a, n=2, dim=0, prepend=b[:1]),
    ]
    for f in cases:
        assert gradcheck(f, (_y(3, 4), _y(3, 4) + 0.5))
        assert gradgradcheck(f, (_y(3, 4), _y(3, 4) + 0.5))


def test_cumprod_grad_with_zeros_matches_products():
    a = torch.tensor([2.0, 0.0, 3.0, 0.0, 5.0], requires_grad=True)
    a.cumprod(0).sum().backward()
    # d/da_i of sum_j prod_{k<=j} a_k: only the terms without a second zero survive
    assert a.grad.tolist() == [1.0, 2.0 + 2.0 * 3.0, 0.0, 0.0, 0.0]


def test_det_inv_gradcheck():
    m = torch.tensor(
        [[1.5, 0.2, -0.3], [0.4, 2.0, 0.1], [-0.2, 0.3, 1.2]], dtype=torch.float64
    ).requires_grad_()
    batch = torch.stack([m.detach(), m.detach().t() * 0.5 + 0.1]).requires_grad_()
    for f in (torch.linalg.inv, torch.linalg.det, lambda a: a.inverse() * a.det()[..., None, None]):
        for a in (m, batch):
            assert gradcheck(f, (a,))
            assert gradgradcheck(f, (a,))
    prod = torch.linalg.inv(m) @ m
    assert np.allclose(prod.detach().numpy(), np.eye(3))


def test_kron_tensordot_gradcheck():
    cases = [
        (torch.kron, (_y(2, 3), _y(4, 3))),
        (lambda a, b: torch.kron(a[0], b), (_y(2, 3), _y(4, 3))),
        (lambda a, b: torch.tensordot(a, b, ([1], [1])), (_y(2, 3), _y(4, 3))),
        (lambda a, b: torch.tensordot(a, b, ([1, 2], [1, 0])), (_y(2, 3, 4), _y(4, 3, 5))),
    ]
    for f, args in cases:
        assert gradcheck(f, args)
        assert gradgradcheck(f, args)
    a, b = _y(2, 3, 4), _y(4, 3, 5)
    want = np.tensordot(a.detach().numpy(), b.detach().numpy(), ([1, 2], [1, 0]))
    assert np.allclose(torch.tensordot(a, b, ([1, 2], [1, 0])).detach().numpy(), want)


def test_baddbmm_gradcheck():
    args = (_y(2, 3, 5), _y(2, 3, 4), _y(2, 4, 5))
    for kw in ({}, {"beta": 0.5, "alpha": 2}, {"beta": 0}):
        f = lambda c, p, q, kw=kw: torch.baddbmm(c, p, q, **kw)  # noqa: E731
        assert gradcheck(f, args)
        assert gradgradcheck(f, args)
    c, p, q = (a.detach().numpy() for a in args)
    got = torch.baddbmm(*args, beta=0.5, alpha=2).detach().numpy()
    assert np.allclose(got, 0.5 * c + 2 * (p @ q))


def test_var_mean_std_mean_one_node_two_outputs():
    for fn in (torch.var_mean, torch.std_mean):
        for kw in ({"dim": 1}, {}, {"dim": 0, "keepdim": True, "correction": 0}):
            assert gradcheck(lambda a, fn=fn, kw=kw: fn(a, **kw), (_y(3, 4),))
        x = _y(3, 4)
        s, m = fn(x, 1)
        assert s.grad_fn is m.grad_fn and (s.output_nr, m.output_nr) == (0, 1)
        assert np.allclose(m.detach().numpy(), x.detach().numpy().mean(1))


def test_var_mean_records():
    x = _y(3, 4)
    with torch.record() as rec:
        v, m = torch.var_mean(x, 1)
        (v + m).sum().backward()
    assert any(getattr(f, "phase", None) == "backward" for f in rec.frames)
    assert np.allclose(
        x.grad.numpy(),
        2 * (x.detach().numpy() - x.detach().numpy().mean(1, keepdims=True)) / 3 + 0.25,
    )
