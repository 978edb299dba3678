"""The schedulers wrap ``optimizer.step`` as PyTorch does (to warn when ``scheduler.step()``
comes first); a recording of a scheduled training step still shows the update. PyTorch's
values: tests/oracle/programs/optim_schedulers_more.py."""

from __future__ import annotations

import warnings

import numpy as np

import autograd_viz
import autograd_viz as torch


def test_scheduled_step_is_recorded_as_an_update():
    w = torch.tensor([1.0, -2.0], requires_grad=True)
    opt = torch.optim.SGD([w], lr=0.1, momentum=0.9)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=0.5, total_steps=4)
    with autograd_viz.record() as rec:
        opt.zero_grad()
        (w * w).sum().backward()
        opt.step()
        sched.step()
    assert rec.internal_errors == []
    assert [f for f in rec.frames if f.phase == "update"]
    assert opt._opt_called is True
    assert sched.last_epoch == 1


def test_step_before_optimizer_warns_once():
    w = torch.tensor([1.0], requires_grad=True)
    opt = torch.optim.SGD([w], lr=0.1)
    sched = torch.optim.lr_scheduler.StepLR(opt, 1, 0.5)
    with warnings.catch_warnings(record=True) as rec:
        warnings.simplefilter("always")
        sched.step()
        sched.step()
    assert [str(r.message)[:30] for r in rec] == ["Detected call of `lr_scheduler"]
    np.testing.assert_allclose(sched.get_last_lr(), [0.025])


def test_tensor_lr_is_filled_in_place():
    w = torch.tensor([1.0], requires_grad=True)
    lr = torch.tensor(0.1)
    opt = torch.optim.SGD([w], lr=lr)
    sched = torch.optim.lr_scheduler.ExponentialLR(opt, 0.5)
    opt.step()
    sched.step()
    assert opt.param_groups[0]["lr"] is lr
    assert abs(lr.item() - 0.05) < 1e-7
    assert isinstance(sched.get_last_lr()[0], type(lr)) and sched.get_last_lr()[0] is not lr


def test_a_copied_or_pickled_optimizer_steps_its_own_parameters():
    import copy
    import pickle

    w = torch.tensor([1.0, 2.0], requires_grad=True)
    opt = torch.optim.SGD([w], lr=0.5)
    torch.optim.lr_scheduler.StepLR(opt, 2)
    opt.step()  # (no gradient: nothing moves; the wrapper records the call)
    for clone in (copy.deepcopy(opt), pickle.loads(pickle.dumps(opt))):
        assert "step" not in clone.__dict__ and not hasattr(clone, "_opt_called")
        p = clone.param_groups[0]["params"][0]
        p.grad = torch.ones(2)
        clone.step()
        np.testing.assert_allclose(p.detach().numpy(), [0.5, 1.5])
    np.testing.assert_allclose(w.detach().numpy(), [1.0, 2.0])
