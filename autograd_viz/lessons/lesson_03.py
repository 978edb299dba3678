"""Lesson 03 (accumulate, zero, update): ``f = 10 x1 + 20 x2 + c x3`` with x = 100, 200, 300
and c = 30; paths summed inside one backward; a 512 × 512 ``nn.Parameter``."""

from __future__ import annotations

from ._check import check, mistake

SOLUTIONS = {
    # f is linear: each partial derivative is the coefficient in front of the input
    "grads_of_f": [10.0, 20.0, 30.0],
    # q = x*x + 2*x at x = 3: the mul sends x along each of its two edges, 3 + 3, plus 2
    "paths_in_one_backward": 8.0,
    # the second backward adds 30 to the 30 already in x3.grad
    "x3_grad_after_second_backward": 60.0,
    # 1 - 2 * 666
    "weight_after_big_step": -1331.0,
}

WRONG = {
    "grads_of_f": [[100.0, 200.0, 300.0], [10.0, 20.0, 0.0], [1.0, 1.0, 1.0]],
    "paths_in_one_backward": [5.0, 6.0, 15.0],
    "x3_grad_after_second_backward": [30.0, 0.0, 299.7],
    "weight_after_big_step": [1333.0, -665.0, -1332.0],
}


def check_grads_of_f(answer):
    """[x1.grad, x2.grad, x3.grad] after f.backward()."""
    return check(
        answer,
        SOLUTIONS["grads_of_f"],
        mistakes=[
            mistake(
                [100.0, 200.0, 300.0],
                "Those are the values of x1, x2, x3. A gradient says how much f changes per "
                "unit change of the input.",
                "这是 x1、x2、x3 的值。梯度说的是：输入每变化一个单位，f 变化多少。",
            ),
            mistake(
                [10.0, 20.0, 0.0],
                "constant asks for no gradient itself, but it still multiplies x3: "
                "∂f/∂x3 = c = 30.",
                "constant 自己不需要梯度，但它仍然乘在 x3 上：∂f/∂x3 = c = 30。",
            ),
            mistake(
                [1.0, 1.0, 1.0],
                "An addition passes the gradient on unchanged, but each term is then "
                "multiplied by its coefficient.",
                "加法把梯度原样往后传，但每一项接着还要乘上它的系数。",
            ),
        ],
    )


def check_paths_in_one_backward(answer):
    """dq/dx for q = x*x + 2*x at x = 3, from a single q.backward()."""
    return check(
        answer,
        SOLUTIONS["paths_in_one_backward"],
        mistakes=[
            mistake(
                5.0,
                "x enters x*x twice, as both factors. Each edge brings the other factor, "
                "3, so x*x contributes 3 + 3 = 6, then + 2 from 2*x.",
                "x 在 x*x 中出现了两次，两个因子都是它。每条边都带来另一个因子 3，"
                "所以 x*x 贡献 3 + 3 = 6，再加上 2*x 贡献的 2。",
            ),
            mistake(
                6.0,
                "That is the x*x part only. The path through 2*x adds 2.",
                "这只是 x*x 那部分。经过 2*x 的路径还要再加 2。",
            ),
            mistake(
                15.0,
                "15 is the value of q (9 + 6). The question asks for dq/dx.",
                "15 是 q 的值（9 + 6）。题目问的是 dq/dx。",
            ),
        ],
        hint={
            "en": "Sum over every path from q back to x.",
            "zh": "把从 q 回到 x 的每条路径都加起来。",
        },
    )


def check_x3_grad_after_second_backward(answer):
    """x3.grad after a second forward and backward, without zeroing in between."""
    return check(
        answer,
        SOLUTIONS["x3_grad_after_second_backward"],
        mistakes=[
            mistake(
                30.0,
                "The new backward computes 30 again, but it adds it to the 30 that is "
                "already in x3.grad.",
                "新的一次反向传播又算出 30，但它会加到 x3.grad 里已有的 30 上。",
            ),
            mistake(
                0.0,
                "Nothing zeroed x3.grad: the update changed x3's value, not its gradient.",
                "没有谁把 x3.grad 清零：更新改变的是 x3 的值，而不是它的梯度。",
            ),
            mistake(
                299.7,
                "299.7 is the value of x3 after the update. The question asks for x3.grad.",
                "299.7 是更新之后 x3 的值。题目问的是 x3.grad。",
            ),
        ],
    )


def check_weight_after_big_step(answer):
    """Every weight after weights -= 2 * weights.grad, from 1 with gradient 666."""
    return check(
        answer,
        SOLUTIONS["weight_after_big_step"],
        mistakes=[
            mistake(
                1333.0,
                "Sign: the update subtracts, new = old - lr × grad.",
                "符号错了：更新是减法，新值 = 旧值 - 学习率 × 梯度。",
            ),
            mistake(
                -665.0,
                "The learning rate is 2: the step is 2 × 666 = 1332.",
                "学习率是 2：这一步要走 2 × 666 = 1332。",
            ),
            mistake(
                -1332.0,
                "That is the step only. The weight started at 1: 1 - 1332.",
                "这只是步长。权重的初值是 1：1 - 1332。",
            ),
        ],
    )
