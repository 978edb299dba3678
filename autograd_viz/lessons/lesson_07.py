"""Lesson 07 exercises: patterns in backward flow."""

from __future__ import annotations

from ._check import check

SOLUTIONS = {
    "add_distributes": [6.0, 6.0, 6.0],
    "mul_swaps": [-8.0, 6.0],
    "max_routes": [0.0, 1.0],
    "branches_add": 6.0,
    "relu_gate": [5.0, 0.0],
}

WRONG = {
    "add_distributes": [[2.0, 2.0, 2.0], [1.0, 1.0, 1.0], [6.0, 0.0, 0.0]],
    "mul_swaps": [[6.0, -8.0], [-4.0, 3.0], [8.0, -6.0]],
    "max_routes": [[1.0, 0.0], [0.5, 0.5], [1.0, 1.0]],
    "branches_add": [5.0, 1.0, 7.0],
    "relu_gate": [[0.0, 0.0], [5.0, 5.0], [0.0, 5.0]],
}


def _msg(en, zh):
    return {"en": en, "zh": zh}


def check_add_distributes(answer):
    return check(
        answer,
        SOLUTIONS["add_distributes"],
        mistakes=[
            (
                [2.0, 2.0, 2.0],
                _msg(
                    "Add does not split the gradient among its inputs: each one receives all 6.",
                    "加法不会把梯度在输入之间平分：每个输入都收到全部的 6。",
                ),
            ),
            (
                [1.0, 1.0, 1.0],
                _msg(
                    "1 is the local derivative. Multiply it by the gradient arriving at s, 6.",
                    "1 只是局部导数，还要乘以到达 s 的梯度 6。",
                ),
            ),
            (
                [6.0, 0.0, 0.0],
                _msg(
                    "Add is not max: it does not route to one input, it copies to all of them.",
                    "加法不是 max：它不是只传给一个输入，而是复制给所有输入。",
                ),
            ),
        ],
        hint=_msg(
            "∂s/∂a = ∂s/∂b = ∂s/∂c = 1, times the arriving 6.",
            "∂s/∂a = ∂s/∂b = ∂s/∂c = 1，再乘以传来的 6。",
        ),
    )


def check_mul_swaps(answer):
    return check(
        answer,
        SOLUTIONS["mul_swaps"],
        mistakes=[
            (
                [6.0, -8.0],
                _msg(
                    "Not swapped: a receives gradient × b, and b receives gradient × a.",
                    "没有交换：a 收到的是 梯度 × b，b 收到的是 梯度 × a。",
                ),
            ),
            (
                [-4.0, 3.0],
                _msg(
                    "Those are the local derivatives. Multiply them by the arriving gradient 2.",
                    "这些只是局部导数，还要乘以传来的梯度 2。",
                ),
            ),
            (
                [8.0, -6.0],
                _msg(
                    "Check the signs: b = -4 is negative, so a's gradient 2 × (-4) is negative.",
                    "检查符号：b = -4 是负数，所以 a 的梯度 2 × (-4) 是负的。",
                ),
            ),
        ],
        hint=_msg(
            "[2 × b, 2 × a] with a = 3, b = -4.",
            "[2 × b, 2 × a]，其中 a = 3，b = -4。",
        ),
    )


def check_max_routes(answer):
    return check(
        answer,
        SOLUTIONS["max_routes"],
        mistakes=[
            (
                [1.0, 0.0],
                _msg(
                    "Reversed: w = 5 is the larger input, so w receives the gradient and z gets 0.",
                    "反了：较大的输入是 w = 5，所以梯度给 w，z 得到 0。",
                ),
            ),
            (
                [0.5, 0.5],
                _msg(
                    "max splits the gradient only at a tie. Here w = 5 > z = 3 wins it all.",
                    "只有两个输入相等时 max 才会平分梯度。这里 w = 5 > z = 3，全部归 w。",
                ),
            ),
            (
                [1.0, 1.0],
                _msg(
                    "That is how add behaves. max routes the gradient to the larger input only.",
                    "那是加法的行为。max 只把梯度路由给较大的输入。",
                ),
            ),
        ],
        hint=_msg(
            "m.grad = r = 1 (mul swaps); max sends it to the larger of z = 3 and w = 5.",
            "m.grad = r = 1（乘法交换）；max 把它送给 z = 3 和 w = 5 中较大的那个。",
        ),
    )


def check_branches_add(answer):
    return check(
        answer,
        SOLUTIONS["branches_add"],
        mistakes=[
            (
                5.0,
                _msg(
                    "That is only the path through q, r and p. x is also added directly in "
                    "f = p + x: add that branch's 1.",
                    "这只是经过 q、r、p 的那条路径。x 还在 f = "
                    "p + x 中被直接加了一次：加上这条分支的 1。",
                ),
            ),
            (
                1.0,
                _msg(
                    "That is only the direct branch f = p + x. Add the path through q: "
                    "1 × m × 1 × 1 = 5.",
                    "这只是直接分支 f = p + x。再加上经过 q 的路径：1 × m × 1 × 1 = 5。",
                ),
            ),
            (
                7.0,
                _msg(
                    "7 is the value of f, not a gradient.",
                    "7 是 f 的值，不是梯度。",
                ),
            ),
        ],
        hint=_msg(
            "Long path: 1 × m × 1 × 1 = 5 (the gate is open, q = 1 > 0). Short path: 1. Sum them.",
            "长路径：1 × m × 1 × 1 = 5（门是开的，q = 1 > 0）。短路径：1。把它们相加。",
        ),
    )


def check_relu_gate(answer):
    return check(
        answer,
        SOLUTIONS["relu_gate"],
        mistakes=[
            (
                [0.0, 0.0],
                _msg(
                    "r.grad is not blocked: the gate sits between r and q. The multiplication "
                    "sends r the gradient 1 × m = 5.",
                    "r.grad 并没有被拦住：门在 r 和 q 之间。乘法传给 r 的梯度是 1 × m = 5。",
                ),
            ),
            (
                [5.0, 5.0],
                _msg(
                    "The gate is closed: q = -1 ≤ 0, so relu's "
                    "local derivative is 0 and q receives 0.",
                    "门是关着的：q = -1 ≤ 0，relu 的局部导数为 0，所以 q 收到 0。",
                ),
            ),
            (
                [0.0, 5.0],
                _msg(
                    "Reversed: r receives 5 from the "
                    "multiplication, and the closed gate gives q 0.",
                    "反了：r 从乘法收到 5，关着的门让 q 得到 0。",
                ),
            ),
        ],
        hint=_msg(
            "r.grad = ∂f/∂p × ∂p/∂r = 1 × m; q.grad = r.grad × relu'(q) with q = -1.",
            "r.grad = ∂f/∂p × ∂p/∂r = 1 × m；q.grad = r.grad × relu'(q)，其中 q = -1。",
        ),
    )
