"""``torch.einsum`` (``engine/api_einsum.py``): first and second derivatives against finite
differences (``gradcheck`` / ``gradgradcheck``, float64), values against ``numpy.einsum``,
and one op in a recording.  PyTorch's own values, node graphs and errors are in
``tests/oracle/programs/ops_einsum.py``."""

from __future__ import annotations

import numpy as np
import pytest

import autograd_viz as torch
from autograd_viz.autograd import gradcheck, gradgradcheck


def _x(*shape, k=1.3):
    n = int(np.prod(shape))
    vals = np.sin(np.arange(n) * k + 0.2) * 2
    return torch.tensor(vals.reshape(shape), dtype=torch.float64, requires_grad=True)


CASES = [
    ("ij,jk->ik", [(2, 3), (3, 4)]),
    ("bhqd,bhkd->bhqk", [(2, 2, 3, 4), (2, 2, 5, 4)]),
    ("i,i->", [(3,), (3,)]),
    ("i,j->ij", [(2,), (3,)]),
    ("ii->i", [(3, 3)]),
    ("ij->j", [(2, 3)]),
    ("ii", [(3, 3)]),
    ("...ij,...jk->...ik", [(2, 2, 3), (1, 3, 4)]),
    ("ij,jk->ki", [(2, 3), (3, 4)]),
    ("bn,anm,bm->ba", [(2, 3), (4, 3, 5), (2, 5)]),
    ("jii,ij->ij", [(3, 2, 2), (2, 3)]),
    ("ij,ij->ij", [(1, 3), (2, 3)]),
]


@pytest.mark.parametrize(("eq", "shapes"), CASES, ids=[c[0] for c in CASES])
def test_einsum_values_and_derivatives(eq, shapes):
    ops = [_x(*s, k=1.3 + 0.4 * i) for i, s in enumerate(shapes)]
    want = np.einsum(eq, *(t.detach().numpy() for t in ops))
    got = torch.einsum(eq, *ops)
    assert got.shape == want.shape
    assert np.allclose(got.detach().numpy(), want, rtol=1e-12, atol=1e-12)
    f = lambda *ts: torch.einsum(eq, *ts)  # noqa: E731
    assert gradcheck(f, tuple(ops))
    assert gradgradcheck(f, tuple(ops))


def test_einsum_forms_agree():
    a, b = _x(2, 3), _x(3, 4)
    ref = torch.einsum("ij,jk->ik", a, b).detach().numpy()
    for out in (
        torch.einsum("ij,jk->ik", [a, b]),
        torch.einsum(a, [0, 1], b, [1, 2], [0, 2]),
        torch.einsum(a, [Ellipsis, 1], b, [1, 2]),
        a @ b,
    ):
        assert np.allclose(out.detach().numpy(), ref)


def test_einsum_is_one_op_in_a_recording():
    q, k = _x(2, 3, 4), _x(2, 5, 4, k=0.7)
    with torch.record() as rec:
        s = torch.einsum("bqd,bkd->bqk", q, k)
        s.sum().backward()
    assert rec.internal_errors == []
    assert rec.frames[0].caption.startswith("Forward: s = einsum('bqd,bkd->bqk', q, k) = ")
    ops = [n.name for n in rec.graph.nodes.values() if n.kind == "op"]
    assert "einsum" in ops
    for leak in ("permute", "bmm", "view", "unsqueeze"):
        assert leak not in ops
    assert np.allclose(q.grad.numpy(), np.einsum("bkd->bd", k.detach().numpy())[:, None, :])
