"""Lesson 09 exercises: from the hand loop to nn and optim."""

from __future__ import annotations

from ._check import check

SOLUTIONS = {
    "mse_weight_grad": -15.0,
    "forgotten_zero_grad": -45.0,
    "momentum": -0.5,
    "parameter_count": 65,
}

WRONG = {
    "mse_weight_grad": [-7.5, -5.0, 15.0],
    "forgotten_zero_grad": [-15.0, -30.0, -5.0],
    "momentum": [-0.4, -0.3, 0.5],
    "parameter_count": [48, 64, 49],
}


def _msg(en, zh):
    return {"en": en, "zh": zh}


def check_mse_weight_grad(answer):
    return check(
        answer,
        SOLUTIONS["mse_weight_grad"],
        mistakes=[
            (
                -7.5,
                _msg(
                    "Missing factor 2: the derivative of (y - t)² is 2(y - t).",
                    "少了因子 2：(y - t)² 的导数是 2(y - t)。",
                ),
            ),
            (
                -5.0,
                _msg(
                    "-5 is only dL/dy = 2(y - t). Multiply by the local derivative ∂y/∂w = x = 3.",
                    "-5 只是 dL/dy = 2(y - t)，还要乘以局部导数 ∂y/∂w = x = 3。",
                ),
            ),
            (
                15.0,
                _msg(
                    "Sign: y = 1.5 is below the target 4, so y - t is negative.",
                    "符号错了：y = 1.5 小于目标 4，所以 y - t 是负的。",
                ),
            ),
        ],
        hint=_msg(
            "y = 0.5 × 3 = 1.5; dL/dy = 2(1.5 - 4); dy/dw = 3.",
            "y = 0.5 × 3 = 1.5；dL/dy = 2(1.5 - 4)；dy/dw = 3。",
        ),
    )


def check_forgotten_zero_grad(answer):
    return check(
        answer,
        SOLUTIONS["forgotten_zero_grad"],
        mistakes=[
            (
                -15.0,
                _msg(
                    "backward() does not overwrite .grad, it "
                    "adds to it: three calls, three times -15.",
                    "backward() 不会覆盖 .grad，而是累加：调用三次，就是三个 -15 相加。",
                ),
            ),
            (
                -30.0,
                _msg(
                    "Count again: all three backward() calls add their -15.",
                    "再数一数：三次 backward() 调用都各加了一个 -15。",
                ),
            ),
            (
                -5.0,
                _msg(
                    "Gradients are not averaged over calls; they are summed.",
                    "多次调用的梯度不会取平均，而是求和。",
                ),
            ),
        ],
        hint=_msg(
            "One backward() gives -15 (exercise 1); each call adds it again.",
            "一次 backward() 得到 -15（练习 1）；每次调用都会再加一次。",
        ),
    )


def check_momentum(answer):
    return check(
        answer,
        SOLUTIONS["momentum"],
        mistakes=[
            (
                -0.4,
                _msg(
                    "That is plain SGD (two steps of 0.1 × 2). With momentum the second step uses "
                    "v = 0.5 × 2 + 2 = 3.",
                    "这是普通 SGD（两步都是 0.1 × 2）。有动量时第二步用 v = 0.5 × 2 + 2 = 3。",
                ),
            ),
            (
                -0.3,
                _msg(
                    "That is only the second step (0.1 × 3). Add the first one, 0.1 × 2.",
                    "这只是第二步（0.1 × 3），还要加上第一步的 0.1 × 2。",
                ),
            ),
            (
                0.5,
                _msg(
                    "Sign: the step goes against the gradient, p ← p - lr × v.",
                    "符号错了：更新方向与梯度相反，p ← p - lr × v。",
                ),
            ),
        ],
        hint=_msg(
            "Step 1: v = 2, p = -0.2. Step 2: v = 0.5 × 2 + 2, p = -0.2 - 0.1 × v.",
            "第 1 步：v = 2，p = -0.2。第 2 步：v = 0.5 × 2 + 2，p = -0.2 - 0.1 × v。",
        ),
    )


def check_parameter_count(answer):
    return check(
        answer,
        SOLUTIONS["parameter_count"],
        mistakes=[
            (
                48,
                _msg(
                    "You counted the weights only. Each Linear "
                    "also has one bias per output: 16 + 1.",
                    "你只数了权重。每个 Linear 还有每个输出一个偏置：16 + 1。",
                ),
            ),
            (
                64,
                _msg(
                    "Almost: the output layer has a bias too (1 number).",
                    "差一点：输出层也有一个偏置（1 个数）。",
                ),
            ),
            (
                49,
                _msg(
                    "The hidden layer has 16 biases, one per hidden unit.",
                    "隐藏层有 16 个偏置，每个隐藏单元一个。",
                ),
            ),
        ],
        hint=_msg(
            "Linear(2, 16): 2 × 16 + 16; Linear(16, 1): "
            "16 × 1 + 1; Tanh and Sigmoid learn nothing.",
            "Linear(2, 16)：2 × 16 + 16；Linear(16, 1)：16 × 1 + 1；Tanh 和 Sigmoid 没有参数。",
        ),
    )
