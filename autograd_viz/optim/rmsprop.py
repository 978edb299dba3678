"""RMSprop and Adagrad, as ``torch.optim`` computes them (the single-tensor CPU loop)."""

from __future__ import annotations

import numpy as np

from ..engine.tensor import Tensor
from .optimizer import Optimizer, _check_nonnegative


def _step_tensor():
    return Tensor._make(np.array(0.0, dtype=np.float32))


class RMSprop(Optimizer):
    """With ``d`` the gradient (``+ weight_decay * p``): ``v = αv + (1−α)d²``,
    ``avg = √v + eps`` (``centered``: ``√(v − ḡ²) + eps`` with ``ḡ`` the running mean of
    ``d``); ``p −= lr·d/avg``, or with ``momentum`` ``buf = momentum·buf + d/avg``,
    ``p −= lr·buf``."""

    def __init__(
        self,
        params,
        lr=1e-2,
        alpha=0.99,
        eps=1e-8,
        weight_decay=0,
        momentum=0,
        centered=False,
        capturable=False,
        foreach=None,
        maximize=False,
        differentiable=False,
    ):
        _check_nonnegative(
            ("learning rate", lr),
            ("epsilon value", eps),
            ("momentum value", momentum),
            ("weight_decay value", weight_decay),
            ("alpha value", alpha),
        )
        super().__init__(
            params,
            {
                "lr": lr,
                "momentum": momentum,
                "alpha": alpha,
                "eps": eps,
                "centered": centered,
                "weight_decay": weight_decay,
                "capturable": capturable,
                "foreach": foreach,
                "maximize": maximize,
                "differentiable": differentiable,
            },
        )

    def _update(self, p, arr, d, group):  # _hyper: the group
        lr, alpha, momentum = group["lr"], group["alpha"], group["momentum"]
        centered = group["centered"]
        state = self.state[p]
        if not state:
            state["step"] = _step_tensor()
            state["square_avg"] = Tensor._make(np.zeros_like(arr))
            if momentum > 0:
                state["momentum_buffer"] = Tensor._make(np.zeros_like(arr))
            if centered:
                state["grad_avg"] = Tensor._make(np.zeros_like(arr))
        state["step"]._data += 1
        v = state["square_avg"]._data
        v *= alpha
        v += (1 - alpha) * d * d
        if centered:
            ga = state["grad_avg"]._data
            ga += (d - ga) * (1 - alpha)  # lerp_(d, 1 - alpha)
            avg = np.sqrt(v + -1 * ga * ga)
        else:
            avg = np.sqrt(v)
        avg += group["eps"]
        if momentum > 0:
            buf = state["momentum_buffer"]._data
            buf *= momentum
            buf += d / avg
            arr += -lr * buf
        else:
            arr += (-lr * d) / avg


class Adagrad(Optimizer):
    """With ``d`` the gradient (``+ weight_decay * p``): ``s += d²``,
    ``p −= clr·d/(√s + eps)`` where ``clr = lr / (1 + (step − 1)·lr_decay)``."""

    def __init__(
        self,
        params,
        lr=1e-2,
        lr_decay=0,
        weight_decay=0,
        initial_accumulator_value=0,
        eps=1e-10,
        foreach=None,
        *,
        maximize=False,
        differentiable=False,
        fused=None,
    ):
        _check_nonnegative(
            ("learning rate", lr),
            ("lr_decay value", lr_decay),
            ("weight_decay value", weight_decay),
            ("initial_accumulator_value value", initial_accumulator_value),
            ("epsilon value", eps),
        )
        super().__init__(
            params,
            {
                "lr": lr,
                "lr_decay": lr_decay,
                "eps": eps,
                "weight_decay": weight_decay,
                "initial_accumulator_value": initial_accumulator_value,
                "foreach": foreach,
                "maximize": maximize,
                "differentiable": differentiable,
                "fused": fused,
            },
        )
        # PyTorch makes the state when the optimizer is built
        for group in self.param_groups:
            for p in group["params"]:
                state = self.state[p]
                state["step"] = _step_tensor()
                init = group["initial_accumulator_value"]
                state["sum"] = Tensor._make(np.full_like(p._data, init))

    def _update(self, p, arr, d, group):  # _hyper: the group
        state = self.state[p]
        step_t = state["step"]._data
        step_t += 1
        step = float(step_t)
        clr = group["lr"] / (1 + (step - 1) * group["lr_decay"])
        s = state["sum"]._data
        s += 1 * d * d
        std = np.sqrt(s)
        std += group["eps"]
        arr += (-clr * d) / std
