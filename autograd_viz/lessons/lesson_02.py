"""Lesson 02 (leaf tensors): ``Z = W_1 X``, ``Y = Z · W_2`` with X = [4, 4, 3, 0],
W_1 = [[3, 4, 2, 3], [2, 3, 1, 1]], W_2 = [1, 4]; then a manual update with lr 0.01."""

from __future__ import annotations

import numpy as np

from ._check import check, mistake

X = np.array([4.0, 4.0, 3.0, 0.0])
W_1 = np.array([[3.0, 4.0, 2.0, 3.0], [2.0, 3.0, 1.0, 1.0]])
W_2 = np.array([1.0, 4.0])
Z = W_1 @ X  # [34, 23]

# the training part: X = [4, 0, 1, 2], W_1 = [[3, 0, 0, 0], [2, 4, 1, 3]], W_2 = [3, 3]
X_T = np.array([4.0, 0.0, 1.0, 2.0])
W_1_T = np.array([[3.0, 0.0, 0.0, 0.0], [2.0, 4.0, 1.0, 3.0]])
W_2_T = np.array([3.0, 3.0])
LR = 0.01

SOLUTIONS = {
    # Y = Z0 W_2[0] + Z1 W_2[1]: dY/dW_2 = Z
    "grad_W2": Z.tolist(),
    # dY/dW_1[i, j] = dY/dZ_i · dZ_i/dW_1[i, j] = W_2[i] · X[j]
    "grad_W1": np.outer(W_2, X).tolist(),
    # a second backward adds Z again
    "grad_W2_after_second_backward": (2 * Z).tolist(),
    # W_2 - lr · Z with Z = W_1 X = [12, 15]
    "W2_after_one_step": (W_2_T - LR * (W_1_T @ X_T)).tolist(),
}

WRONG = {
    "grad_W2": [W_2.tolist(), Z[::-1].tolist(), X.tolist()],
    "grad_W1": [
        np.outer([1.0, 1.0], X).tolist(),
        np.outer(W_2, [1.0, 1.0, 1.0, 1.0]).tolist(),
        np.outer(W_2, X).T.tolist(),
    ],
    "grad_W2_after_second_backward": [Z.tolist(), [0.0, 0.0], (4 * Z).tolist()],
    "W2_after_one_step": [
        (W_2_T + LR * (W_1_T @ X_T)).tolist(),
        (W_2_T - W_1_T @ X_T).tolist(),
        (W_2_T - LR * (W_1_T @ X_T))[::-1].tolist(),
    ],
}


def check_grad_W2(answer):
    """W_2.grad after Y.backward() (a list of two numbers)."""
    return check(
        answer,
        SOLUTIONS["grad_W2"],
        mistakes=[
            mistake(
                W_2.tolist(),
                "That is the value of W_2. Its gradient is dY/dW_2: what W_2 is multiplied by.",
                "这是 W_2 的值。它的梯度是 dY/dW_2：也就是 W_2 所乘的那个量。",
            ),
            mistake(
                Z[::-1].tolist(),
                "Right numbers, wrong order: W_2[0] multiplies Z[0] = 34.",
                "数对了，顺序反了：W_2[0] 乘的是 Z[0] = 34。",
            ),
            mistake(
                X.tolist(),
                "X is what W_1 is multiplied by. W_2 is multiplied by Z = W_1 X.",
                "X 是与 W_1 相乘的量。与 W_2 相乘的是 Z = W_1 X。",
            ),
        ],
        hint={"en": "Y = Z[0]·W_2[0] + Z[1]·W_2[1].", "zh": "Y = Z[0]·W_2[0] + Z[1]·W_2[1]。"},
    )


def check_grad_W1(answer):
    """W_1.grad (2 × 4) after Y.backward(): two local derivatives chained."""
    return check(
        answer,
        SOLUTIONS["grad_W1"],
        mistakes=[
            mistake(
                np.outer([1.0, 1.0], X).tolist(),
                "That is dZ_i/dW_1[i, j] = X[j] only. Multiply row i by dY/dZ_i = W_2[i] "
                "(1 for the first row, 4 for the second).",
                "这只是 dZ_i/dW_1[i, j] = X[j]。还要把第 i 行乘上 dY/dZ_i = W_2[i]"
                "（第一行乘 1，第二行乘 4）。",
            ),
            mistake(
                np.outer(W_2, [1.0, 1.0, 1.0, 1.0]).tolist(),
                "That is dY/dZ_i = W_2[i] only. Multiply by dZ_i/dW_1[i, j] = X[j].",
                "这只是 dY/dZ_i = W_2[i]。还要乘上 dZ_i/dW_1[i, j] = X[j]。",
            ),
        ],
        hint={
            "en": "dY/dW_1[i, j] = dY/dZ_i · dZ_i/dW_1[i, j].",
            "zh": "dY/dW_1[i, j] = dY/dZ_i · dZ_i/dW_1[i, j]。",
        },
    )


def check_grad_W2_after_second_backward(answer):
    """W_2.grad after a second backward through Y_2 = Z · W_2 (no zeroing in between)."""
    return check(
        answer,
        SOLUTIONS["grad_W2_after_second_backward"],
        mistakes=[
            mistake(
                Z.tolist(),
                "That is what the second backward computes, but backward() adds it to the "
                "[34, 23] already in W_2.grad; neither detach_() nor backward() cleared it.",
                "这是第二次反向传播算出的量，但 backward() 会把它加到 W_2.grad 里原有的 "
                "[34, 23] 上；detach_() 和 backward() 都不会清空它。",
            ),
            mistake(
                [0.0, 0.0],
                "Nothing zeroed W_2.grad, and the new pass brings Z = [34, 23] again.",
                "没有谁把 W_2.grad 清零，而且新的一次又带来 Z = [34, 23]。",
            ),
            mistake(
                (4 * Z).tolist(),
                "Too much: the old gradient [34, 23] plus one new [34, 23].",
                "多了：原有的 [34, 23] 加上新的一份 [34, 23] 就够了。",
            ),
        ],
    )


def check_W2_after_one_step(answer):
    """W_2 after one step W_2 - 0.01 · W_2.grad, with W_2 = [3, 3] and W_2.grad = [12, 15]."""
    return check(
        answer,
        SOLUTIONS["W2_after_one_step"],
        mistakes=[
            mistake(
                (W_2_T + LR * (W_1_T @ X_T)).tolist(),
                "Sign: to make Y smaller, step *against* the gradient, W - lr · grad.",
                "符号错了：要让 Y 变小，应当**逆着**梯度走，W - lr · grad。",
            ),
            mistake(
                (W_2_T - W_1_T @ X_T).tolist(),
                "The learning rate is missing: the step is 0.01 × the gradient.",
                "漏了学习率：每一步只走梯度的 0.01 倍。",
            ),
            mistake(
                (W_2_T - LR * (W_1_T @ X_T))[::-1].tolist(),
                "Swapped: W_2[0] moves by 0.01 × 12, W_2[1] by 0.01 × 15.",
                "顺序反了：W_2[0] 减去 0.01 × 12，W_2[1] 减去 0.01 × 15。",
            ),
        ],
    )
