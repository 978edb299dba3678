"""``torch.optim.Adafactor`` (issue 13): PyTorch's single-tensor algorithm, written with
the engine's tensor ops (factored second moments for matrices: a row and a column
variance; relative step size ``min(lr, 1/√step)`` scaled by the parameter's RMS; update
clipping by ``d``; decoupled weight decay)."""

from __future__ import annotations

import math

import numpy as np

from ..engine import events
from ..engine.finfo import finfo
from ..engine.grad_mode import no_grad
from ..engine.tensor import Tensor
from .optimizer import Optimizer


def _lerp_(x, end, w):
    """``x.lerp_(end, w)`` with PyTorch's CPU formula."""
    if w < 0.5:
        x.add_((end - x) * w)
    else:
        x.copy_(end - (end - x) * (1 - w))


class Adafactor(Optimizer):
    def __init__(
        self,
        params,
        lr=1e-2,
        beta2_decay=-0.8,
        eps=(None, 1e-3),
        d=1.0,
        weight_decay=0.0,
        *,
        foreach=None,
        maximize=False,
    ):
        if isinstance(lr, Tensor) and lr.numel() != 1:
            raise ValueError("Tensor lr must be 1-element")
        if not lr >= 0.0:
            raise ValueError(f"Learning rate should be >= 0 but is: {lr}")
        if not beta2_decay <= 0.0:
            raise ValueError(f"beta2_decay should be <= 0 but is: {beta2_decay}")
        if eps[0] is not None and not eps[0] >= 0.0:
            raise ValueError(f"epsilon1 should be >= 0 but is: {eps[0]}")
        if not eps[1] >= 0.0:
            raise ValueError(f"epsilon2 should be >= 0 but is: {eps[1]}")
        if not d >= 1.0:
            raise ValueError(f"Clipping threshold d should be >= 1 but is: {d}")
        if not weight_decay >= 0.0:
            raise ValueError(f"weight_decay should be >= 0 but is: {weight_decay}")
        super().__init__(
            params,
            {
                "lr": lr,
                "beta2_decay": beta2_decay,
                "eps": eps,
                "d": d,
                "weight_decay": weight_decay,
                "foreach": foreach,
                "maximize": maximize,
            },
        )

    def _update(self, p, arr, d, h):  # (step() below does the work)
        raise NotImplementedError

    @no_grad()
    def step(self, closure=None):
        loss = closure() if closure is not None else None
        listening = bool(events.LISTENERS)
        record = [] if listening else None
        for group in self.param_groups:
            lr = float(group["lr"])
            beta2_decay = group["beta2_decay"]
            eps1, eps2 = group["eps"]
            dclip = group["d"]
            wd = group["weight_decay"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                grad = -p.grad if group["maximize"] else p.grad
                state = self.state[p]
                if len(state) == 0:
                    state["step"] = Tensor._make(np.array(0.0, dtype=np.float32))
                    if grad.dim() > 1:
                        state["row_var"] = grad.new_zeros(grad.shape[:-1]).unsqueeze(-1)
                        state["col_var"] = grad.new_zeros(
                            grad.shape[:-2] + grad.shape[-1:]
                        ).unsqueeze(-2)
                    else:
                        state["variance"] = grad.new_zeros(grad.shape)
                old = p._data.copy() if listening else None
                e1 = finfo(p.dtype).eps if eps1 is None else eps1
                step_t = state["step"]
                step_t.add_(1)
                step = step_t.item()
                one_minus_beta2_t = step**beta2_decay
                rho_t = min(lr, 1 / (step**0.5))
                alpha = max(eps2, p.norm(2).item() / (p.numel() ** 0.5)) * rho_t
                if wd != 0:
                    p.mul_(1 - lr * wd)
                if grad.dim() > 1:
                    row_var, col_var = state["row_var"], state["col_var"]
                    row_mean = grad.norm(dim=-1, keepdim=True).square_().div_(grad.size(-1))
                    _lerp_(row_var, row_mean, one_minus_beta2_t)
                    col_mean = grad.norm(dim=-2, keepdim=True).square_().div_(grad.size(-2))
                    _lerp_(col_var, col_mean, one_minus_beta2_t)
                    var_estimate = row_var @ col_var
                    var_estimate.div_(row_var.mean(dim=-2, keepdim=True).clamp_(min=e1))
                else:
                    variance = state["variance"]
                    _lerp_(variance, grad * grad, one_minus_beta2_t)
                    var_estimate = variance.clone()
                update = var_estimate.clamp_(min=e1 * e1).rsqrt_()
                update.mul_(grad)
                denom = max(1.0, update.norm(2).item() / ((update.numel() ** 0.5) * dclip))
                p.add_(update, alpha=-alpha / denom)
                if listening:
                    record.append((p, old, p._data, p.grad._data))
        if listening:
            events.emit("optim_step", optimizer=self, params=record, lr=self.param_groups[0]["lr"])
        return loss


_ = math
