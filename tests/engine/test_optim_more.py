"""RMSprop / Adagrad / AdamW emit update events as SGD and Adam do, so a recording shows
the step (PyTorch's values: tests/oracle/programs/optim_more.py)."""

from __future__ import annotations

import numpy as np
import pytest

import autograd_viz
import autograd_viz as torch

OPTIMIZERS = {
    "RMSprop": lambda p: torch.optim.RMSprop(p, lr=0.1, momentum=0.5, centered=True),
    "Adagrad": lambda p: torch.optim.Adagrad(p, lr=0.1),
    "AdamW": lambda p: torch.optim.AdamW(p, lr=0.1),
}


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_step_is_recorded_as_an_update(name):
    w = torch.tensor([1.0, -2.0], requires_grad=True)
    opt = OPTIMIZERS[name]([w])
    with autograd_viz.record() as rec:
        opt.zero_grad()
        loss = (w * w).sum()
        loss.backward()
        before = w.detach().clone().numpy()
        opt.step()
    assert rec.internal_errors == []
    updates = [f for f in rec.frames if f.phase == "update"]
    assert updates, [f.phase for f in rec.frames]
    assert not np.array_equal(before, w.detach().numpy())


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_recorded_and_plain_steps_agree(name):
    def run():
        w = torch.tensor([0.5, -1.5, 2.0], requires_grad=True)
        opt = OPTIMIZERS[name]([w])
        for _ in range(3):
            opt.zero_grad()
            (w**2 * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
            opt.step()
        return w.detach().numpy().copy()

    plain = run()
    with autograd_viz.record():
        recorded = run()
    np.testing.assert_array_equal(plain, recorded)


def test_module_forward_hooks():
    lin = torch.nn.Linear(2, 2)
    seen = []
    h1 = lin.register_forward_pre_hook(lambda m, args: (args[0] * 2,))
    h2 = lin.register_forward_hook(lambda m, args, out: seen.append(out.shape) or out * 0)
    x = torch.ones(1, 2)
    assert float(lin(x).abs().sum()) == 0.0
    assert seen == [torch.Size([1, 2])]
    h1.remove()
    h2.remove()
    np.testing.assert_allclose(
        lin(x).detach().numpy(), (x @ lin.weight.T + lin.bias).detach().numpy()
    )
