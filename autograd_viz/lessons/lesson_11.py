"""Lesson 11 exercises: vanishing and exploding gradients."""

from __future__ import annotations

import math

from ._check import check

_S1 = 1 / (1 + math.exp(-0.5))  # sigma(sigma(0)) = sigma(0.5) = 0.622459

SOLUTIONS = {
    "sigmoid_chain": _S1 * (1 - _S1) * 0.25,  # 0.058751
    "explode_product": 1.5**10,  # 57.665
    "he_std": math.sqrt(2 / 32),  # 0.25
}

WRONG = {
    "sigmoid_chain": [0.0625, 0.25, _S1 * (1 - _S1)],
    "explode_product": [15.0, 1.5, 1.5**9],
    "he_std": [1 / math.sqrt(32), 2 / 32, 1.0],
}


def _msg(en, zh):
    return {"en": en, "zh": zh}


def check_sigmoid_chain(answer):
    return check(
        answer,
        SOLUTIONS["sigmoid_chain"],
        mistakes=[
            (
                0.0625,
                _msg(
                    "0.25 × 0.25 assumes both slopes are at their maximum. The outer sigmoid "
                    "sits at z = 0.5, where its slope is σ(0.5)(1 - σ(0.5)).",
                    "0.25 × 0.25 假设两个斜率都取最大值。外层 sigmoid 的输入是 z = 0.5，"
                    "那里的斜率是 σ(0.5)(1 - σ(0.5))。",
                ),
            ),
            (
                0.25,
                _msg(
                    "0.25 is only the inner sigmoid's slope at 0. Multiply by the outer one's "
                    "slope at 0.5.",
                    "0.25 只是内层 sigmoid 在 0 处的斜率，还要乘以外层在 0.5 处的斜率。",
                ),
            ),
            (
                _S1 * (1 - _S1),
                _msg(
                    "That is only the outer sigmoid's slope. Multiply by the inner one's, 0.25.",
                    "这只是外层 sigmoid 的斜率，还要乘以内层的 0.25。",
                ),
            ),
        ],
        hint=_msg(
            "σ'(0.5) · σ'(0) = 0.622459 × (1 - 0.622459) × 0.25.",
            "σ'(0.5) · σ'(0) = 0.622459 × (1 - 0.622459) × 0.25。",
        ),
    )


def check_explode_product(answer):
    return check(
        answer,
        SOLUTIONS["explode_product"],
        tol=1e-3,
        mistakes=[
            (
                15.0,
                _msg(
                    "The chain rule multiplies the local derivatives; it does not add them: "
                    "1.5 to the power 10.",
                    "链式法则是把局部导数相乘，而不是相加：1.5 的 10 次方。",
                ),
            ),
            (
                1.5,
                _msg(
                    "That is one layer. Ten layers multiply ten factors of 1.5.",
                    "这只是一层。十层要把十个 1.5 相乘。",
                ),
            ),
            (
                1.5**9,
                _msg(
                    "Count the factors again: ten layers, ten factors (1.5 ** 10).",
                    "再数一数因子：十层，十个因子（1.5 ** 10）。",
                ),
            ),
        ],
        hint=_msg("1.5 ** 10.", "1.5 ** 10。"),
    )


def check_he_std(answer):
    return check(
        answer,
        SOLUTIONS["he_std"],
        mistakes=[
            (
                1 / math.sqrt(32),
                _msg(
                    "1/√32 is the tanh (Xavier/LeCun) scale. ReLU zeroes half the units, so He "
                    "doubles the variance: √(2/32).",
                    "1/√32 是 tanh（Xavier/LeCun）的尺度。ReLU 把一半单元置零，所以 He 初始化把方差"
                    "加倍：√(2/32)。",
                ),
            ),
            (
                2 / 32,
                _msg(
                    "2/32 is the variance. The standard deviation is its square root.",
                    "2/32 是方差，标准差是它的平方根。",
                ),
            ),
            (
                1.0,
                _msg(
                    "Standard normal weights (std 1) make each layer multiply the signal by "
                    "about √(32/2) = 4: exploding. Scale by √(2/fan_in).",
                    "标准正态的权重（标准差 1）会让每层把信号放大约 √(32/2) = 4 倍：爆炸。"
                    "要乘以 √(2/fan_in)。",
                ),
            ),
        ],
        hint=_msg("√(2 / fan_in) with fan_in = 32.", "√(2 / fan_in)，其中 fan_in = 32。"),
    )
