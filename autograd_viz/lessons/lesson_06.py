"""Lesson 06 exercises: derivatives by nudging and gradient checking."""

from __future__ import annotations

import math

from ._check import check

_S = 1 / (1 + math.exp(-1.0))  # sigmoid(w * x) at x = 2, w = 0.5

SOLUTIONS = {
    "forward_difference": (2.1**3 - 2.0**3) / 0.1,  # 12.61
    "central_difference": (2.1**3 - 1.9**3) / 0.2,  # 12.01
    "chain_sin": 2 * math.cos(1.0),  # 1.0806
    "relative_error": 0.61 / 12.61,  # 0.04837
    "planted_bug": _S * (1 - _S) * 2.0,  # 0.39322
}

WRONG = {
    "forward_difference": [12.0, 12.01, 1.261],
    "central_difference": [12.61, 24.02, 12.0],
    "chain_sin": [math.cos(1.0), 2.0, 2 * math.sin(1.0)],
    "relative_error": [0.61, 0.61 / 12, 4.837430610626487],
    "planted_bug": [_S * 2.0, _S * (1 - _S) * 0.5, _S * (1 - _S)],
}


def check_forward_difference(answer):
    return check(
        answer,
        SOLUTIONS["forward_difference"],
        mistakes=[
            (
                12.0,
                {
                    "en": "12 is the exact derivative 3x²; the forward difference only "
                    "estimates it. Compute (9.261 - 8) / 0.1.",
                    "zh": "12 是精确导数 3x²，前向差分只是它的估计值。算一算 (9.261 - 8) / 0.1。",
                },
            ),
            (
                12.01,
                {
                    "en": "That is the central difference (x = 1.9 and 2.1). The forward "
                    "difference uses f(2.1) and f(2).",
                    "zh": "这是中心差分（用 x = 1.9 和 2.1）。前向差分用的是 f(2.1) 和 f(2)。",
                },
            ),
            (
                12.6,
                {
                    "en": "12 + 6h is the first-order part only; the forward difference of x³ "
                    "also has an h² term. Compute (9.261 - 8) / 0.1 exactly.",
                    "zh": "12 + 6h 只是一阶部分；x³ 的前向差分还有一个 h² 项。"
                    "精确地算一算 (9.261 - 8) / 0.1。",
                },
            ),
            (
                1.261,
                {
                    "en": "You computed f(2.1) - f(2) but forgot to divide by h = 0.1.",
                    "zh": "你算出了 f(2.1) - f(2)，但忘了除以 h = 0.1。",
                },
            ),
        ],
        hint={
            "en": "(f(x + h) - f(x)) / h with f(2.1) = 9.261 and f(2) = 8.",
            "zh": "(f(x + h) - f(x)) / h，其中 f(2.1) = 9.261，f(2) = 8。",
        },
    )


def check_central_difference(answer):
    return check(
        answer,
        SOLUTIONS["central_difference"],
        mistakes=[
            (
                12.61,
                {
                    "en": "That is the forward difference. Nudge both ways: f(2.1) - f(1.9).",
                    "zh": "这是前向差分。要向两边推：f(2.1) - f(1.9)。",
                },
            ),
            (
                24.02,
                {
                    "en": "The two points are 2h = 0.2 apart: divide by 0.2, not by 0.1.",
                    "zh": "两个点相距 2h = 0.2：要除以 0.2，而不是 0.1。",
                },
            ),
            (
                12.0,
                {
                    "en": "12 is the exact derivative; the central difference is close to it "
                    "but not equal. Compute (9.261 - 6.859) / 0.2.",
                    "zh": "12 是精确导数；中心差分很接近它，但并不相等。算一算 "
                    "(9.261 - 6.859) / 0.2。",
                },
            ),
        ],
        hint={
            "en": "(f(x + h) - f(x - h)) / (2h) with f(2.1) = 9.261 and f(1.9) = 6.859.",
            "zh": "(f(x + h) - f(x - h)) / (2h)，其中 f(2.1) = 9.261，f(1.9) = 6.859。",
        },
    )


def check_chain_sin(answer):
    return check(
        answer,
        SOLUTIONS["chain_sin"],
        mistakes=[
            (
                math.cos(1.0),
                {
                    "en": "cos(x²) is only df/du. Multiply by the inner derivative du/dx = 2x.",
                    "zh": "cos(x²) 只是 df/du，还要乘以内层导数 du/dx = 2x。",
                },
            ),
            (
                2.0,
                {
                    "en": "2x is only du/dx. Multiply by the outer derivative df/du = cos(u).",
                    "zh": "2x 只是 du/dx，还要乘以外层导数 df/du = cos(u)。",
                },
            ),
            (
                2 * math.sin(1.0),
                {
                    "en": "The derivative of sin is cos, not sin: 2x · cos(x²).",
                    "zh": "sin 的导数是 cos，不是 sin：2x · cos(x²)。",
                },
            ),
        ],
        hint={
            "en": "df/dx = cos(x²) · 2x; at x = 1 that is 2 cos(1).",
            "zh": "df/dx = cos(x²) · 2x；在 x = 1 处就是 2 cos(1)。",
        },
    )


def check_relative_error(answer):
    return check(
        answer,
        SOLUTIONS["relative_error"],
        tol=5e-4,
        mistakes=[
            (
                0.61,
                {
                    "en": "0.61 is the absolute error |a - n|. "
                    "Divide it by the larger of |a| and |n|.",
                    "zh": "0.61 是绝对误差 |a - n|，还要除以 |a| 和 |n| 中较大的那个。",
                },
            ),
            (
                0.61 / 12,
                {
                    "en": "You divided by |a| = 12. The formula "
                    "divides by the larger one, |n| = 12.61.",
                    "zh": "你除以的是 |a| = 12。公式要除以较大的那个，即 |n| = 12.61。",
                },
            ),
            (
                4.837430610626487,
                {
                    "en": "That is a percentage. Give the plain ratio (a number below 1).",
                    "zh": "这是百分数。请给出比值本身（一个小于 1 的数）。",
                },
            ),
        ],
        hint={
            "en": "|12 - 12.61| / max(12, 12.61).",
            "zh": "|12 - 12.61| / max(12, 12.61)。",
        },
    )


def check_planted_bug(answer):
    return check(
        answer,
        SOLUTIONS["planted_bug"],
        mistakes=[
            (
                _S * 2.0,
                {
                    "en": "That is the buggy value s · x: the sigmoid's derivative is "
                    "s(1 - s), not s.",
                    "zh": "这正是有错误的值 s · x：sigmoid 的导数是 s(1 - s)，不是 s。",
                },
            ),
            (
                _S * (1 - _S) * 0.5,
                {
                    "en": "That is dy/dx (times w). For dy/dw the local derivative of z = w·x "
                    "with respect to w is x.",
                    "zh": "这是 dy/dx（乘的是 w）。求 dy/dw 时，z = w·x 对 w 的局部导数是 x。",
                },
            ),
            (
                _S * (1 - _S),
                {
                    "en": "s(1 - s) is only dy/dz. Multiply by dz/dw = x = 2.",
                    "zh": "s(1 - s) 只是 dy/dz，还要乘以 dz/dw = x = 2。",
                },
            ),
        ],
        hint={
            "en": "dy/dw = σ(z)(1 - σ(z)) · x with σ(z) = σ(1) = 0.731059 and x = 2.",
            "zh": "dy/dw = σ(z)(1 - σ(z)) · x，其中 σ(z) = σ(1) = 0.731059，x = 2。",
        },
    )
