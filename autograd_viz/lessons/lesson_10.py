"""Lesson 10 exercises: softmax and cross-entropy."""

from __future__ import annotations

import math

from ._check import check

_Z = (2.0, 1.0, 0.1)
_E = [math.exp(v) for v in _Z]
_P = [e / sum(_E) for e in _E]  # 0.6590, 0.2424, 0.0986

SOLUTIONS = {
    "softmax_local": -_P[0] * _P[1],
    "ce_grad": [_P[0], _P[1], _P[2] - 1.0],
    "mse_saturated": 0.98 * 0.98 * 0.02,
}

WRONG = {
    "softmax_local": [_P[0] * (1 - _P[0]), _P[0] * _P[1], -_P[1]],
    "ce_grad": [list(_P), [-_P[0], -_P[1], 1.0 - _P[2]], [_P[0] - 1.0, _P[1], _P[2]]],
    "mse_saturated": [0.98, 0.98 * 0.02, -0.98 * 0.98 * 0.02],
}


def _msg(en, zh):
    return {"en": en, "zh": zh}


def check_softmax_local(answer):
    return check(
        answer,
        SOLUTIONS["softmax_local"],
        mistakes=[
            (
                WRONG["softmax_local"][0],
                _msg(
                    "p₀(1 - p₀) is ∂p₀/∂z₀ (same index). For j ≠ c the derivative is -p₀ p₁.",
                    "p₀(1 - p₀) 是 ∂p₀/∂z₀（下标相同时）。j ≠ c 时导数是 -p₀ p₁。",
                ),
            ),
            (
                WRONG["softmax_local"][1],
                _msg(
                    "Sign: raising z₁ takes probability away from p₀, so the derivative is "
                    "negative.",
                    "符号错了：z₁ 变大会从 p₀ 那里分走概率，所以导数是负的。",
                ),
            ),
            (
                WRONG["softmax_local"][2],
                _msg(
                    "Missing factor p₀: ∂p₀/∂z₁ = -p₀ · p₁.",
                    "少了因子 p₀：∂p₀/∂z₁ = -p₀ · p₁。",
                ),
            ),
        ],
        hint=_msg(
            "∂p_c/∂z_j = p_c(δ_cj - p_j) with c = 0, j = 1.",
            "∂p_c/∂z_j = p_c(δ_cj - p_j)，其中 c = 0，j = 1。",
        ),
    )


def check_ce_grad(answer):
    return check(
        answer,
        SOLUTIONS["ce_grad"],
        mistakes=[
            (
                WRONG["ce_grad"][0],
                _msg(
                    "That is p. Subtract the one-hot target y = [0, 0, 1].",
                    "这是 p。还要减去 one-hot 目标 y = [0, 0, 1]。",
                ),
            ),
            (
                WRONG["ce_grad"][1],
                _msg(
                    "That is y - p: the sign is flipped. The gradient is p - y.",
                    "这是 y - p：符号反了。梯度是 p - y。",
                ),
            ),
            (
                WRONG["ce_grad"][2],
                _msg(
                    "That is the gradient for class 0. Now the 1 is subtracted at index 2.",
                    "这是类别 0 的梯度。现在要在下标 2 处减去 1。",
                ),
            ),
        ],
        hint=_msg(
            "p - y with y = [0, 0, 1].",
            "p - y，其中 y = [0, 0, 1]。",
        ),
    )


def check_mse_saturated(answer):
    return check(
        answer,
        SOLUTIONS["mse_saturated"],
        mistakes=[
            (
                0.98,
                _msg(
                    "0.98 is only ∂L/∂y₂ = y₂ - y (which cross-entropy would give for ∂L/∂z₂). "
                    "Multiply by the sigmoid slope y₂(1 - y₂).",
                    "0.98 只是 ∂L/∂y₂ = y₂ - y（交叉熵的 ∂L/∂z₂ 才是这个值）。"
                    "还要乘以 sigmoid 的斜率 y₂(1 - y₂)。",
                ),
            ),
            (
                0.98 * 0.02,
                _msg(
                    "That is only the slope y₂(1 - y₂). Multiply by ∂L/∂y₂ = y₂ - y = 0.98.",
                    "这只是斜率 y₂(1 - y₂)。还要乘以 ∂L/∂y₂ = y₂ - y = 0.98。",
                ),
            ),
            (
                -0.98 * 0.98 * 0.02,
                _msg(
                    "Sign: y₂ = 0.98 is above the target 0, so y₂ - y is positive.",
                    "符号错了：y₂ = 0.98 大于目标 0，所以 y₂ - y 是正的。",
                ),
            ),
        ],
        hint=_msg(
            "0.98 × 0.98 × 0.02.",
            "0.98 × 0.98 × 0.02。",
        ),
    )
