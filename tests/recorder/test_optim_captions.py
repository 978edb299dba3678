"""An optimizer step's caption shows `w − lr × grad` only when that is what happened."""

from __future__ import annotations

import pytest

import autograd_viz
import autograd_viz as torch
from autograd_viz import nn, optim


def _update_captions(opt_cls, **kw):
    w = nn.Parameter(torch.tensor([1.0, 2.0]))
    opt = opt_cls([w], **kw)
    with autograd_viz.record() as rec:
        for _ in range(2):
            opt.zero_grad()
            (w * w).sum().backward()
            opt.step()
    assert not rec.internal_errors
    return [f.captions for f in rec.frames if f.phase == "update"]


def test_plain_sgd_shows_the_formula_with_numbers():
    caps = _update_captions(optim.SGD, lr=0.1)
    assert len(caps) == 2
    assert caps[0]["en"] == (
        "optimizer.step() (SGD): w ← w − lr × w.grad = [1, 2] − 0.1 × [2, 4] = [0.8, 1.6]."
    )
    assert "学习率" in caps[1]["zh"]


@pytest.mark.parametrize(
    ("cls", "kw"), [(optim.SGD, {"lr": 0.1, "momentum": 0.9}), (optim.Adam, {"lr": 0.1})]
)
def test_other_rules_do_not_claim_lr_times_grad(cls, kw):
    caps = _update_captions(cls, **kw)
    last = caps[-1]["en"]
    assert "w − lr × w.grad =" not in last
    assert "moves from" in last and "not just lr × grad" in last
    assert "从" in caps[-1]["zh"]
