"""Lesson 04 (training by hand): ``y_pred = w x`` on x = 1, 2, 3, y = 2, 4, 6 from w = 1 with
lr 0.01, loss ``(y_pred - y)**2``; then ``w1 x**2 + w2 x + b`` from 1, 1, 1."""

from __future__ import annotations

from ._check import check, mistake

LR = 0.01


def _grad_linear(w, x, y):
    """dl/dw for l = (w x - y)**2: 2 x (w x - y)."""
    return 2 * x * (w * x - y)


W_AFTER_FIRST = 1.0 - LR * _grad_linear(1.0, 1.0, 2.0)  # 1.02

# the quadratic model after one step on sample 1: every parameter is 0.98
P = 0.98
X2, Y2 = 2.0, 4.0
Y_PRED2 = P * X2**2 + P * X2 + P  # 6.86
D2 = 2 * (Y_PRED2 - Y2)  # dl/dy_pred = 5.72

SOLUTIONS = {
    "first_grad": _grad_linear(1.0, 1.0, 2.0),  # -2
    "second_grad": _grad_linear(W_AFTER_FIRST, 2.0, 4.0),  # -7.84
    "quadratic_grads": [D2 * X2**2, D2 * X2, D2],  # 22.88, 11.44, 5.72
}

WRONG = {
    "first_grad": [2.0, -1.0, 1.0],
    "second_grad": [_grad_linear(1.0, 2.0, 4.0), -3.92, 7.84],
    "quadratic_grads": [[D2, D2, D2], [D2 * X2, D2 * X2**2, D2], [-D2 * X2**2, -D2 * X2, -D2]],
}


def check_first_grad(answer):
    """dl/dw for the first sample x = 1, y = 2, with w = 1."""
    return check(
        answer,
        SOLUTIONS["first_grad"],
        mistakes=[
            mistake(
                2.0,
                "Sign: the prediction 1 is below the target 2, so increasing w lowers the "
                "loss and the gradient is negative. Use (w·x - y), not (y - w·x).",
                "符号错了：预测值 1 比目标 2 小，增大 w 会让损失变小，所以梯度是负的。"
                "要用 (w·x - y)，而不是 (y - w·x)。",
            ),
            mistake(
                -1.0,
                "The factor 2 from the square is missing: d(u²)/du = 2u.",
                "漏了平方带来的因子 2：d(u²)/du = 2u。",
            ),
            mistake(
                1.0,
                "1 is the loss itself, (1 - 2)². The question asks for its derivative.",
                "1 是损失本身，即 (1 - 2)²。题目问的是它的导数。",
            ),
        ],
        hint={"en": "dl/dw = 2·x·(w·x - y).", "zh": "dl/dw = 2·x·(w·x - y)。"},
    )


def check_second_grad(answer):
    """dl/dw for the second sample x = 2, y = 4, after the first update."""
    return check(
        answer,
        SOLUTIONS["second_grad"],
        mistakes=[
            mistake(
                _grad_linear(1.0, 2.0, 4.0),
                "You used w = 1. The first sample already moved w: w = 1 - 0.01 × (-2) = 1.02.",
                "你用的是 w = 1。第一个样本已经更新过 w 了：w = 1 - 0.01 × (-2) = 1.02。",
            ),
            mistake(
                -3.92,
                "The factor 2 from the square is missing: 2·x·(w·x - y).",
                "漏了平方带来的因子 2：2·x·(w·x - y)。",
            ),
            mistake(
                7.84,
                "Sign: the prediction 2.04 is below the target 4, so the gradient is negative.",
                "符号错了：预测值 2.04 比目标 4 小，所以梯度是负的。",
            ),
        ],
        hint={
            "en": "First update w with the first sample's gradient, then use 2·x·(w·x - y).",
            "zh": "先用第一个样本的梯度更新 w，再用 2·x·(w·x - y)。",
        },
    )


def check_quadratic_grads(answer):
    """[dl/dw1, dl/dw2, dl/db] for x = 2, y = 4 with w1 = w2 = b = 0.98."""
    return check(
        answer,
        SOLUTIONS["quadratic_grads"],
        tol=1e-3,
        mistakes=[
            mistake(
                [D2, D2, D2],
                "That is dl/dy_pred = 5.72 three times. Each parameter's gradient is that "
                "times its own local derivative: ∂y_pred/∂w1 = x², ∂y_pred/∂w2 = x, "
                "∂y_pred/∂b = 1.",
                "这是把 dl/dy_pred = 5.72 写了三遍。每个参数的梯度还要乘上它自己的局部导数："
                "∂y_pred/∂w1 = x²，∂y_pred/∂w2 = x，∂y_pred/∂b = 1。",
            ),
            mistake(
                [D2 * X2, D2 * X2**2, D2],
                "w1 multiplies x² and w2 multiplies x: the first two are swapped.",
                "w1 乘的是 x²，w2 乘的是 x：前两个写反了。",
            ),
            mistake(
                [-D2 * X2**2, -D2 * X2, -D2],
                "Sign: y_pred = 6.86 is above the target 4, so every gradient is positive.",
                "符号错了：y_pred = 6.86 比目标 4 大，所以每个梯度都是正的。",
            ),
        ],
        hint={
            "en": "y_pred = 0.98·4 + 0.98·2 + 0.98; dl/dy_pred = 2(y_pred - y).",
            "zh": "y_pred = 0.98·4 + 0.98·2 + 0.98；dl/dy_pred = 2(y_pred - y)。",
        },
    )
