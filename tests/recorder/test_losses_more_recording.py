"""The losses of ``nn/losses_more.py`` recorded: each composed loss is one op of the
data-flow view, named as the learner wrote it, its first frame telling how many nodes
PyTorch records; the backward steps through PyTorch's nodes; nothing goes wrong inside
the recorder."""

import pytest

import autograd_viz as torch
from autograd_viz.nn import functional as F

X = [[0.5, -1.0, 2.0, -3.5], [1.5, 0.25, -0.8, 7.0]]
X2 = [[1.0, 0.4, -2.0, 0.5], [-1.5, 0.75, 0.25, 3.0]]
X3 = [[0.0, 1.0, 1.0, -1.0], [2.0, -0.5, 0.5, 1.0]]

CASES = {
    "cosine_embedding_loss": (
        lambda x, b, c: F.cosine_embedding_loss(x, b, torch.tensor([1.0, -1.0])),
        15,
    ),
    "hinge_embedding_loss": (lambda x, b, c: F.hinge_embedding_loss(x, b.sign()), 6),
    "poisson_nll_loss": (lambda x, b, c: F.poisson_nll_loss(x, b.abs()), 4),
    "gaussian_nll_loss": (lambda x, b, c: F.gaussian_nll_loss(x, b, c.abs() + 0.1), 6),
    "triplet_margin_loss": (lambda x, b, c: F.triplet_margin_loss(x, b, c), 10),
    "triplet_margin_with_distance_loss": (
        lambda x, b, c: F.triplet_margin_with_distance_loss(x, b, c),
        10,
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_composed_loss_is_one_op(name):
    fn, nodes = CASES[name]
    x = torch.tensor(X, requires_grad=True)
    b, c = torch.tensor(X2), torch.tensor(X3)
    with torch.record() as rec:
        loss = fn(x, b, c)
        loss.backward()
    assert rec.internal_errors == []
    ops = [n.name for n in rec.graph.nodes.values() if n.kind == "op"]
    assert ops.count(name) == 1, ops
    first = rec.frames[0]
    assert first.phase == "forward"
    assert f"loss = {name}(x, " in first.captions["en"]
    assert f"PyTorch records it as {nodes} nodes" in first.captions["en"]
    assert [f.phase for f in rec.frames].count("backward") >= nodes


def test_single_node_losses_record_their_node():
    x = torch.tensor(X, requires_grad=True)
    with torch.record() as rec:
        loss = F.multi_margin_loss(x, torch.tensor([0, 2])) + F.soft_margin_loss(
            x, torch.tensor(X2).sign()
        )
        loss.backward()
    assert rec.internal_errors == []
    text = " ".join(f.captions["en"] for f in rec.frames)
    assert "multi_margin_loss(x) = 2.081" in text and "soft_margin_loss(x) = 1.362" in text
    assert x.grad is not None and x.grad.shape == (2, 4)
