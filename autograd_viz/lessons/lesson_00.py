"""Lesson 00 (a tour of the stepper): exercises on ``L = a*b + a`` with a = 2, b = 3."""

from __future__ import annotations

from ._check import check, mistake

A, B = 2.0, 3.0

SOLUTIONS = {
    # dL/da: a reaches L along two paths, through a*b (local derivative b) and directly (1)
    "grad_a": B + 1.0,
    # dL/db: one path, through a*b (local derivative a)
    "grad_b": A,
}

WRONG = {
    "grad_a": [B, 1.0, A * B + A],
    "grad_b": [B, B + 1.0, 1.0],
}


def check_grad_a(answer):
    """∂L/∂a for L = a*b + a at a = 2, b = 3."""
    return check(
        answer,
        SOLUTIONS["grad_a"],
        mistakes=[
            mistake(
                B,
                "That is only the path through a*b. a is used twice: add the gradient that "
                "arrives along the direct path (+ a).",
                "这只是经过 a*b 的那条路径。a 被用了两次：还要加上直接经过 “+ a” 的那份梯度。",
            ),
            mistake(
                1.0,
                "That is only the direct path (+ a). The path through a*b brings b as well.",
                "这只是直接经过 “+ a” 的那条路径。经过 a*b 的路径还会带来 b。",
            ),
            mistake(
                A * B + A,
                "8 is the value of L. The question asks how much L changes per unit change of a.",
                "8 是 L 的值。题目问的是：a 每变化一个单位，L 变化多少。",
            ),
        ],
        hint={
            "en": "dL/da = (path through a*b) + (direct path).",
            "zh": "dL/da = （经过 a*b 的路径）+（直接路径）。",
        },
    )


def check_grad_b(answer):
    """∂L/∂b for L = a*b + a at a = 2, b = 3."""
    return check(
        answer,
        SOLUTIONS["grad_b"],
        mistakes=[
            mistake(
                B,
                "3 is the value of b. The local derivative of a*b with respect to b is the "
                "other factor, a.",
                "3 是 b 的值。a*b 对 b 的局部导数是另一个因子 a。",
            ),
            mistake(
                B + 1.0,
                "4 is dL/da, which collects two paths. b appears only once, in a*b.",
                "4 是 dL/da，它汇集了两条路径。b 只在 a*b 里出现一次。",
            ),
            mistake(
                1.0,
                "Multiplication does not pass the gradient on unchanged (addition does): it "
                "multiplies by the other factor.",
                "乘法不会把梯度原样往后传（那是加法）：它会乘上另一个因子。",
            ),
        ],
    )
