"""Lesson 12 exercises: the autograd API beyond backward()."""

from __future__ import annotations

import math

from ._check import check

_S = [1 / (1 + math.exp(-v)) for v in (1.0, 2.0)]

SOLUTIONS = {
    # f = sin(x²): f' = 2x cos(x²), f'' = 2 cos(x²) - 4x² sin(x²)
    "second_derivative": 2 * math.cos(1.0) - 4 * math.sin(1.0),
    # SigmoidBackward0 uses the saved output a, zeroed through .data: a(1 - a) = 0
    "data_bug": [0.0, 0.0],
    # 7 -> 14 -> 28 -> 56 -> 112: four doublings
    "while_grad": 16.0,
}

WRONG = {
    "second_derivative": [
        2 * math.cos(1.0),
        -4 * math.sin(1.0),
        2 * math.cos(1.0) - 2 * math.sin(1.0),
    ],
    "data_bug": [[s * (1 - s) for s in _S], [0.25, 0.25], [1.0, 1.0]],
    "while_grad": [64.0, 2.0, 32.0],
}


def _msg(en, zh):
    return {"en": en, "zh": zh}


def check_second_derivative(answer):
    return check(
        answer,
        SOLUTIONS["second_derivative"],
        mistakes=[
            (
                WRONG["second_derivative"][0],
                _msg(
                    "That is f'(1) = 2 cos(1), the first derivative. Differentiate once more.",
                    "这是一阶导数 f'(1) = 2 cos(1)。还要再求一次导。",
                ),
            ),
            (
                WRONG["second_derivative"][1],
                _msg(
                    "Product rule: 2x cos(x²) has two factors. You differentiated cos(x²) only; "
                    "add (2x)' · cos(x²) = 2 cos(x²).",
                    "乘积法则：2x cos(x²) 有两个因子。你只对 cos(x²) 求了导；"
                    "还要加上 (2x)' · cos(x²) = 2 cos(x²)。",
                ),
            ),
            (
                WRONG["second_derivative"][2],
                _msg(
                    "Chain rule inside: d/dx cos(x²) = -sin(x²) · 2x, so the second term is "
                    "2x · (-sin(x²)) · 2x = -4x² sin(x²).",
                    "里面还有链式法则：d/dx cos(x²) = -sin(x²) · 2x，所以第二项是 "
                    "2x · (-sin(x²)) · 2x = -4x² sin(x²)。",
                ),
            ),
        ],
        hint=_msg(
            "f''(x) = 2 cos(x²) - 4x² sin(x²); at x = 1: 2 × 0.540302 - 4 × 0.841471.",
            "f''(x) = 2 cos(x²) - 4x² sin(x²)；在 x = 1 处：2 × 0.540302 - 4 × 0.841471。",
        ),
    )


def check_data_bug(answer):
    return check(
        answer,
        SOLUTIONS["data_bug"],
        mistakes=[
            (
                WRONG["data_bug"][0],
                _msg(
                    "That is the correct gradient, but not what the .data version gives: "
                    "SigmoidBackward0 "
                    "computes a(1 - a) from its saved output a, which .data set to 0.",
                    "这是正确的梯度，但不是 .data 版本给出的值：SigmoidBackward0 "
                    "用保存的输出 a 计算 a(1 - a)，"
                    "而 a 已经被 .data 改成了 0。",
                ),
            ),
            (
                [0.25, 0.25],
                _msg(
                    "0.25 is σ'(0), for an input 0. But the backward uses the saved output a = 0: "
                    "a(1 - a) = 0.",
                    "0.25 是输入为 0 时的 σ'(0)。但反向传播用的是保存的输出 a = 0：a(1 - a) = 0。",
                ),
            ),
            (
                [1.0, 1.0],
                _msg(
                    "1 is the gradient arriving at a from the sum. SigmoidBackward0 then "
                    "multiplies by a(1 - a) with the zeroed a.",
                    "1 是求和传给 a 的梯度。"
                    "SigmoidBackward0 接着还要乘以 a(1 - a)，而 a 已被清零。",
                ),
            ),
        ],
        hint=_msg(
            "grad = 1 × a(1 - a) with a = [0, 0].",
            "梯度 = 1 × a(1 - a)，其中 a = [0, 0]。",
        ),
    )


def check_while_grad(answer):
    return check(
        answer,
        SOLUTIONS["while_grad"],
        mistakes=[
            (
                64.0,
                _msg(
                    "64 is for x = 3 (six doublings). Count the doublings for x = 7.",
                    "64 是 x = 3 的结果（翻倍六次）。数一数 x = 7 时翻倍几次。",
                ),
            ),
            (
                2.0,
                _msg(
                    "2 is one multiplication's local derivative. The loop ran several times; "
                    "multiply one 2 per iteration.",
                    "2 是一次乘法的局部导数。循环运行了好几次：每次迭代乘一个 2。",
                ),
            ),
            (
                32.0,
                _msg(
                    "One doubling too many: 7, 14, 28, 56, 112 stops as soon as y ≥ 100.",
                    "多算了一次：7、14、28、56、112，y ≥ 100 时循环就停止了。",
                ),
            ),
        ],
        hint=_msg(
            "7 → 14 → 28 → 56 → 112: 2 to the number of doublings.",
            "7 → 14 → 28 → 56 → 112：2 的（翻倍次数）次方。",
        ),
    )
