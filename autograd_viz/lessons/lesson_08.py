"""Lesson 08 exercises: shapes, matrices and batches."""

from __future__ import annotations

from ._check import check

SOLUTIONS = {
    "dw_shape": [4, 3],
    "dw_value": [[7.0], [10.0]],
    "bias_grad": [9.0, 12.0],
    "broadcast_grad": [[6.0, 6.0, 6.0, 6.0]],
    "vjp": [11.0, 14.0],
}

WRONG = {
    "dw_shape": [[3, 4], [5, 3], [5, 4]],
    "dw_value": [[[5.0], [11.0]], [[6.0], [8.0]], [[1.0], [2.0]]],
    "bias_grad": [[3.0, 7.0, 11.0], [3.0, 4.0], [1.0, 2.0]],
    "broadcast_grad": [
        [[1.0, 1.0, 1.0, 1.0]],
        [[2.0, 2.0, 2.0, 2.0]],
        [[100.0, 100.0, 100.0, 100.0]],
    ],
    "vjp": [[9.0, 12.0], [1.0, 2.0], [10.0, 12.0]],
}


def _msg(en, zh):
    return {"en": en, "zh": zh}


def check_dw_shape(answer):
    return check(
        answer,
        SOLUTIONS["dw_shape"],
        mistakes=[
            (
                [3, 4],
                _msg(
                    "Transposed: a gradient has the shape of its tensor, and W is 4×3.",
                    "转置了：梯度的形状和它的张量相同，而 W 是 4×3。",
                ),
            ),
            (
                [5, 3],
                _msg(
                    "5×3 is the shape of Y = XW (and of dY), not of W.",
                    "5×3 是 Y = XW（以及 dY）的形状，不是 W 的。",
                ),
            ),
            (
                [5, 4],
                _msg(
                    "5×4 is the shape of X (and of dX). W.grad has W's shape.",
                    "5×4 是 X（以及 dX）的形状。W.grad 的形状和 W 相同。",
                ),
            ),
        ],
        hint=_msg(
            "Xᵀ dY is (4×5) @ (5×3).",
            "Xᵀ dY 是 (4×5) @ (5×3)。",
        ),
    )


def check_dw_value(answer):
    return check(
        answer,
        SOLUTIONS["dw_value"],
        mistakes=[
            (
                [[5.0], [11.0]],
                _msg(
                    "That is X @ dY. The formula is Xᵀ @ dY: transpose X first.",
                    "这是 X @ dY。公式是 Xᵀ @ dY：先把 X 转置。",
                ),
            ),
            (
                [[6.0], [8.0]],
                _msg(
                    "That is only the second example. Sum over both examples: W₀₀ gets 1·1 + 3·2.",
                    "这只是第二个样本。要对两个样本求和：W₀₀ 得到 1·1 + 3·2。",
                ),
            ),
            (
                [[1.0], [2.0]],
                _msg(
                    "That is only the first example. Sum over both examples: W₀₀ gets 1·1 + 3·2.",
                    "这只是第一个样本。要对两个样本求和：W₀₀ 得到 1·1 + 3·2。",
                ),
            ),
        ],
        hint=_msg(
            "dW = Xᵀ dY = [[1·1 + 3·2], [2·1 + 4·2]].",
            "dW = Xᵀ dY = [[1·1 + 3·2], [2·1 + 4·2]]。",
        ),
    )


def check_bias_grad(answer):
    return check(
        answer,
        SOLUTIONS["bias_grad"],
        mistakes=[
            (
                [3.0, 7.0, 11.0],
                _msg(
                    "You summed each row (over the outputs). Sum each column, over the examples.",
                    "你把每一行（对输出）求和了。应该对每一列、也就是对样本求和。",
                ),
            ),
            (
                [3.0, 4.0],
                _msg(
                    "That is the mean over the batch. The copies' gradients add up: use the sum.",
                    "这是批次平均值。各副本的梯度要相加：用求和。",
                ),
            ),
            (
                [1.0, 2.0],
                _msg(
                    "That is only the first example. b is added to every example: sum all rows.",
                    "这只是第一个样本。b 被加到了每个样本上：把所有行加起来。",
                ),
            ),
        ],
        hint=_msg(
            "db = column sums of dY: [1 + 3 + 5, 2 + 4 + 6].",
            "db = dY 的列和：[1 + 3 + 5, 2 + 4 + 6]。",
        ),
    )


def check_broadcast_grad(answer):
    return check(
        answer,
        SOLUTIONS["broadcast_grad"],
        mistakes=[
            (
                [[1.0, 1.0, 1.0, 1.0]],
                _msg(
                    "Mul swaps: each copy of b_j receives a_i, not 1. Sum a_i over the rows.",
                    "乘法交换：b_j 的每份副本收到的是 a_i，而不是 1。对各行的 a_i 求和。",
                ),
            ),
            (
                [[2.0, 2.0, 2.0, 2.0]],
                _msg(
                    "That is the mean of a. The gradients of the copies add up: 1 + 2 + 3.",
                    "这是 a 的平均值。各副本的梯度要相加：1 + 2 + 3。",
                ),
            ),
            (
                [[100.0, 100.0, 100.0, 100.0]],
                _msg(
                    "100 = Σ b_j is what each a_i receives. b_j receives the sum of the other "
                    "input, a.",
                    "100 = Σ b_j 是每个 a_i 收到的。b_j 收到的是另一个输入 a 的和。",
                ),
            ),
        ],
        hint=_msg(
            "Each b_j is multiplied by a_1, a_2, a_3: its gradient is 1 + 2 + 3.",
            "每个 b_j 分别乘过 a_1、a_2、a_3：它的梯度是 1 + 2 + 3。",
        ),
    )


def check_vjp(answer):
    return check(
        answer,
        SOLUTIONS["vjp"],
        mistakes=[
            (
                [9.0, 12.0],
                _msg(
                    "Those are the column sums of A, the result for v = [1, 1, 1]. "
                    "Weight the rows by v = [1, 0, 2].",
                    "这是 A 的列和，即 v = [1, 1, 1] 的结果。要用 v = [1, 0, 2] 给各行加权。",
                ),
            ),
            (
                [1.0, 2.0],
                _msg(
                    "That is only the first row of A. Add 2 × the third row too.",
                    "这只是 A 的第一行。还要加上 2 × 第三行。",
                ),
            ),
            (
                [10.0, 12.0],
                _msg(
                    "That is only 2 × the third row. v₀ = 1 adds the first row as well.",
                    "这只是 2 × 第三行。v₀ = 1 还会加上第一行。",
                ),
            ),
        ],
        hint=_msg(
            "Aᵀ v = 1 × [1, 2] + 0 × [3, 4] + 2 × [5, 6].",
            "Aᵀ v = 1 × [1, 2] + 0 × [3, 4] + 2 × [5, 6]。",
        ),
    )
