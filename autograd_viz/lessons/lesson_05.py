"""Lesson 05 (a two-layer network): ``z1 = w1 x``, ``y1 = σ(z1)``, ``z2 = w2 y1``,
``y2 = σ(z2)``, ``loss = ½ Σ (y2 - y)²`` with x = [[1]], y = [[1], [0]],
w1 = [[1], [2]], w2 = [[3, 4], [5, 6]]."""

from __future__ import annotations

import numpy as np

from ._check import check, mistake

X = np.array([[1.0]])
Y = np.array([[1.0], [0.0]])
W1 = np.array([[1.0], [2.0]])
W2 = np.array([[3.0, 4.0], [5.0, 6.0]])


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


Z1 = W1 @ X
Y1 = _sigmoid(Z1)
Z2 = W2 @ Y1
Y2 = _sigmoid(Z2)
D_Y2 = Y2 - Y  # dloss/dy2
D_Z2 = D_Y2 * Y2 * (1 - Y2)  # δ2 = dloss/dz2
SLOPE_HIDDEN = Y1 * (1 - Y1)  # σ'(z1): 0.197, 0.105
SLOPE_OUT = Y2 * (1 - Y2)  # σ'(z2): 0.0033, 0.00013

SOLUTIONS = {
    "y2_grad": D_Y2.tolist(),
    "hidden_slopes": SLOPE_HIDDEN.tolist(),
    "w2_grad": (D_Z2 @ Y1.T).tolist(),
}

WRONG = {
    "y2_grad": [(-D_Y2).tolist(), (2 * D_Y2).tolist(), Y2.tolist()],
    "hidden_slopes": [Y1.tolist(), SLOPE_OUT.tolist(), [[0.25], [0.25]]],
    "w2_grad": [
        (D_Y2 @ Y1.T).tolist(),
        (D_Z2 @ Y2.T).tolist(),
        (D_Z2 @ Y1.T).T.tolist(),
    ],
}


def check_y2_grad(answer):
    """dloss/dy_2 (two numbers, top then bottom)."""
    return check(
        answer,
        SOLUTIONS["y2_grad"],
        tol=1e-3,
        mistakes=[
            mistake(
                (-D_Y2).tolist(),
                "Sign: d/dy₂ of ½(y₂ - y)² is (y₂ - y), output minus target.",
                "符号错了：½(y₂ - y)² 对 y₂ 的导数是 (y₂ - y)，即输出减目标。",
            ),
            mistake(
                (2 * D_Y2).tolist(),
                "The ½ in front of the sum cancels the 2 from the square: the result is "
                "(y₂ - y), not 2(y₂ - y).",
                "求和前面的 ½ 正好抵消平方带来的 2：结果是 (y₂ - y)，而不是 2(y₂ - y)。",
            ),
            mistake(
                Y2.tolist(),
                "That is y₂ itself. Subtract the target y = [1, 0].",
                "这是 y₂ 本身。还要减去目标 y = [1, 0]。",
            ),
        ],
    )


def check_hidden_slopes(answer):
    """σ'(z_1) = σ(z_1)(1 - σ(z_1)) for z_1 = [1, 2] (two numbers)."""
    return check(
        answer,
        SOLUTIONS["hidden_slopes"],
        tol=1e-3,
        mistakes=[
            mistake(
                Y1.tolist(),
                "Those are σ(z₁) = y₁. The slope is σ(z₁)·(1 - σ(z₁)).",
                "这是 σ(z₁) = y₁。斜率是 σ(z₁)·(1 - σ(z₁))。",
            ),
            mistake(
                SLOPE_OUT.tolist(),
                "Those are the slopes of the *output* sigmoids, at z₂ = 5.7 and 8.9. The "
                "hidden layer has z₁ = 1 and 2.",
                "这是**输出层** sigmoid 在 z₂ = 5.7 和 8.9 处的斜率。隐藏层的 z₁ 是 1 和 2。",
            ),
            mistake(
                [[0.25], [0.25]],
                "0.25 is the largest slope of a sigmoid, reached at z = 0. Here z₁ = 1 and 2.",
                "0.25 是 sigmoid 的最大斜率，在 z = 0 处取到。这里 z₁ 是 1 和 2。",
            ),
        ],
        hint={"en": "σ(1) ≈ 0.7311, σ(2) ≈ 0.8808.", "zh": "σ(1) ≈ 0.7311，σ(2) ≈ 0.8808。"},
    )


def check_w2_grad(answer):
    """dloss/dW_2 (2 × 2), e.g. computed as torch.mm(z_2.grad, y_1.T)."""
    return check(
        answer,
        SOLUTIONS["w2_grad"],
        tol=1e-7,
        mistakes=[
            mistake(
                (D_Y2 @ Y1.T).tolist(),
                "That uses dloss/dy₂. W₂ produces z₂, so start from δ₂ = dloss/dz₂ "
                "(the sigmoid's slope is in it): δ₂ @ y₁ᵀ.",
                "这里用的是 dloss/dy₂。W₂ 产生的是 z₂，所以要从 δ₂ = dloss/dz₂ 出发"
                "（其中包含 sigmoid 的斜率）：δ₂ @ y₁ᵀ。",
            ),
            mistake(
                (D_Z2 @ Y2.T).tolist(),
                "W₂ multiplies the hidden activations y₁, not the outputs y₂: δ₂ @ y₁ᵀ.",
                "W₂ 乘的是隐藏层的激活值 y₁，而不是输出 y₂：δ₂ @ y₁ᵀ。",
            ),
        ],
        hint={"en": "Row i of the gradient is δ₂[i] · y₁ᵀ.", "zh": "梯度的第 i 行是 δ₂[i] · y₁ᵀ。"},
    )
