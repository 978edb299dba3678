"""NAdam / RAdam / Adamax / ASGD / Rprop / LBFGS emit the update event as the other
optimizers do, so a recording shows the step, and recording does not change the result
(PyTorch's values: tests/oracle/programs/optim_more2.py)."""

from __future__ import annotations

import numpy as np
import pytest

import autograd_viz
import autograd_viz as torch

OPTIMIZERS = {
    "NAdam": lambda p: torch.optim.NAdam(p, lr=0.1, weight_decay=0.1),
    "RAdam": lambda p: torch.optim.RAdam(p, lr=0.1, betas=(0.9, 0.6)),
    "Adamax": lambda p: torch.optim.Adamax(p, lr=0.1),
    "ASGD": lambda p: torch.optim.ASGD(p, lr=0.1, t0=1),
    "Rprop": lambda p: torch.optim.Rprop(p, lr=0.1),
    "LBFGS": lambda p: torch.optim.LBFGS(p, lr=0.5, max_iter=3),
    "LBFGS_wolfe": lambda p: torch.optim.LBFGS(p, max_iter=3, line_search_fn="strong_wolfe"),
}
SCALE = np.array([1.0, 2.0, 3.0], dtype=np.float32)


def _steps(opt, w, n):
    def closure():
        opt.zero_grad()
        loss = (w**2 * torch.tensor(SCALE)).sum()
        loss.backward()
        return loss

    for _ in range(n):
        opt.step(closure)


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_step_is_recorded_as_an_update(name):
    w = torch.tensor([0.5, -1.5, 2.0], requires_grad=True)
    opt = OPTIMIZERS[name]([w])
    before = w.detach().clone().numpy()
    with autograd_viz.record() as rec:
        _steps(opt, w, 1)
    assert rec.internal_errors == []
    assert [f for f in rec.frames if f.phase == "update"], [f.phase for f in rec.frames]
    assert not np.array_equal(before, w.detach().numpy())


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_recorded_and_plain_steps_agree(name):
    def run():
        w = torch.tensor([0.5, -1.5, 2.0], requires_grad=True)
        _steps(OPTIMIZERS[name]([w]), w, 3)
        return w.detach().numpy().copy()

    plain = run()
    with autograd_viz.record():
        recorded = run()
    np.testing.assert_array_equal(plain, recorded)


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_state_dict_round_trip_resumes(name):
    w1 = torch.tensor([0.5, -1.5, 2.0], requires_grad=True)
    o1 = OPTIMIZERS[name]([w1])
    _steps(o1, w1, 2)
    w2 = w1.detach().clone().requires_grad_()
    o2 = OPTIMIZERS[name]([w2])
    o2.load_state_dict(o1.state_dict())
    _steps(o1, w1, 2)
    _steps(o2, w2, 2)
    np.testing.assert_array_equal(w1.detach().numpy(), w2.detach().numpy())


def test_lbfgs_minimises_a_quadratic():
    w = torch.tensor([0.5, -1.5, 2.0], requires_grad=True)
    opt = torch.optim.LBFGS([w], line_search_fn="strong_wolfe")
    _steps(opt, w, 2)
    assert np.abs(w.detach().numpy()).max() < 1e-4
