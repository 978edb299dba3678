"""Lesson 01 (your first computation graph): ``z = x*w + b`` with x = 2, w = 3, b = 1;
``y = x**2 * exp(x)``; ``backward(v)``; ``next_functions``."""

from __future__ import annotations

import math

from ._check import check, mistake

E = math.e

SOLUTIONS = {
    # z = x*w + b: dz/dw = x (MulBackward0 multiplies by the other factor)
    "grad_w_at_5": 5.0,
    # q = z**2 with z = x*w + b = 7: dq/dw = dq/dz * dz/dw = 2z * x = 2*7*2
    "grad_of_square": 28.0,
    # backward(retain_graph=True) then backward(): dz/dw = 2 added twice
    "grad_after_two_backwards": 4.0,
    # y = x**2 * e**x: dy/dx = 2x e**x + x**2 e**x = 3e at x = 1
    "dydx_at_1": 3 * E,
    # y = x**2 with x = [3, 4], y.backward(v) with v = [1, 0.5]: x.grad = v * 2x
    "vjp": [6.0, 4.0],
    # z = y + b: next_functions[1][0] is the node that receives b's gradient
    "next_function_of_b": "AccumulateGrad",
}

WRONG = {
    "grad_w_at_5": [3.0, 16.0, 1.0],
    "grad_of_square": [14.0, 2.0, 98.0],
    "grad_after_two_backwards": [2.0, 0.0, 3.0],
    "dydx_at_1": [2 * E, E, 2.0],
    "vjp": [[6.0, 8.0], [1.0, 0.5], [9.0, 8.0]],
    "next_function_of_b": ["MulBackward0", "AddBackward0", "None"],
}


def check_grad_w_at_5(answer):
    """w.grad after backward() of z = x*w + b with x = 5, w = 3, b = 1."""
    return check(
        answer,
        SOLUTIONS["grad_w_at_5"],
        mistakes=[
            mistake(
                3.0,
                "3 is the value of w. Its gradient is dz/dw: MulBackward0 multiplies the "
                "incoming 1 by the *other* factor.",
                "3 是 w 的值。它的梯度是 dz/dw：MulBackward0 把传进来的 1 乘上**另一个**因子。",
            ),
            mistake(
                16.0,
                "16 is the value of z (5·3 + 1). The question asks for dz/dw.",
                "16 是 z 的值（5·3 + 1）。题目问的是 dz/dw。",
            ),
            mistake(
                1.0,
                "1 is b.grad: the addition passes the gradient on unchanged, but the "
                "multiplication then scales it by x.",
                "1 是 b.grad：加法把梯度原样往后传，但乘法还要再乘上 x。",
            ),
        ],
        hint={"en": "z = x*w + b, so dz/dw = x.", "zh": "z = x*w + b，所以 dz/dw = x。"},
    )


def check_grad_of_square(answer):
    """dq/dw for q = z**2, z = x*w + b, x = 2, w = 3, b = 1 (two local derivatives)."""
    return check(
        answer,
        SOLUTIONS["grad_of_square"],
        mistakes=[
            mistake(
                14.0,
                "14 is dq/dz = 2z. One more link: multiply by dz/dw = x = 2.",
                "14 是 dq/dz = 2z。还差一环：再乘上 dz/dw = x = 2。",
            ),
            mistake(
                2.0,
                "2 is dz/dw = x, the inner derivative only. Multiply by the outer one, "
                "dq/dz = 2z = 14.",
                "2 只是内层导数 dz/dw = x。还要乘上外层导数 dq/dz = 2z = 14。",
            ),
            mistake(
                98.0,
                "98 = z²·x: the derivative of z² is 2z, not z².",
                "98 = z²·x：z² 的导数是 2z，而不是 z²。",
            ),
        ],
        hint={"en": "dq/dw = dq/dz · dz/dw.", "zh": "dq/dw = dq/dz · dz/dw。"},
    )


def check_grad_after_two_backwards(answer):
    """w.grad after z.backward(retain_graph=True) then z.backward() (x = 2)."""
    return check(
        answer,
        SOLUTIONS["grad_after_two_backwards"],
        mistakes=[
            mistake(
                2.0,
                "2 is one backward's worth. The second backward adds to .grad, with or "
                "without retain_graph: retain_graph only keeps the saved values alive.",
                "2 只是一次反向传播的量。第二次反向传播会累加到 .grad 上，"
                "有没有 retain_graph 都一样：retain_graph 只决定保存的中间值是否保留。",
            ),
            mistake(
                0.0,
                "Nothing zeroes .grad behind your back, not even backward() without "
                "retain_graph: only you do (w.grad.zero_() or an optimizer's zero_grad()).",
                "没有谁会悄悄把 .grad 清零，不带 retain_graph 的 backward() 也不会："
                "只有你自己（w.grad.zero_() 或优化器的 zero_grad()）才会清零。",
            ),
            mistake(
                3.0,
                "3 is the value of w. Each backward brings dz/dw = x = 2.",
                "3 是 w 的值。每次反向传播带来的是 dz/dw = x = 2。",
            ),
        ],
    )


def check_dydx_at_1(answer):
    """dy/dx of y = x**2 * exp(x) at x = 1 (the product rule)."""
    return check(
        answer,
        SOLUTIONS["dydx_at_1"],
        tol=1e-3,
        mistakes=[
            mistake(
                2 * E,
                "That is only 2x·eˣ. The product rule has a second term: x²·(eˣ)' = x²eˣ.",
                "这只是 2x·eˣ。乘积法则还有第二项：x²·(eˣ)' = x²eˣ。",
            ),
            mistake(
                E,
                "That is only x²·eˣ. Add the first term of the product rule, (x²)'·eˣ = 2x·eˣ.",
                "这只是 x²·eˣ。还要加上乘积法则的第一项 (x²)'·eˣ = 2x·eˣ。",
            ),
            mistake(
                2.0,
                "2 = (x²)' at x = 1: eˣ is a factor too, and it is not a constant.",
                "2 是 x = 1 处的 (x²)'：eˣ 也是一个因子，而且不是常数。",
            ),
        ],
        hint={
            "en": "(uv)' = u'v + uv' with u = x², v = eˣ; e ≈ 2.71828.",
            "zh": "(uv)' = u'v + uv'，其中 u = x²，v = eˣ；e ≈ 2.71828。",
        },
    )


def check_vjp(answer):
    """x.grad for x = [3, 4], y = x**2, y.backward(torch.tensor([1.0, 0.5]))."""
    return check(
        answer,
        SOLUTIONS["vjp"],
        mistakes=[
            mistake(
                [6.0, 8.0],
                "That is 2x, the gradient for v = ones. backward(v) weights each y[i] by "
                "v[i]: x.grad = v · 2x.",
                "这是 2x，也就是 v 全为 1 时的结果。backward(v) 会给每个 y[i] 乘上权重 v[i]："
                "x.grad = v · 2x。",
            ),
            mistake(
                [1.0, 0.5],
                "That is v itself. It still has to be multiplied by the local derivative "
                "dy/dx = 2x.",
                "这就是 v 本身。还要乘上局部导数 dy/dx = 2x。",
            ),
            mistake(
                [9.0, 8.0],
                "That is v · x²: the derivative of x² is 2x.",
                "这是 v · x²：x² 的导数是 2x。",
            ),
        ],
    )


def check_next_function_of_b(answer):
    """The class name of z.grad_fn.next_functions[1][0] for z = y + b (b a leaf)."""
    return check(
        answer,
        SOLUTIONS["next_function_of_b"],
        mistakes=[
            mistake(
                "MulBackward0",
                "MulBackward0 is entry [0]: the node for y = w*x. Entry [1] is for b, a leaf "
                "that requires grad.",
                "MulBackward0 是第 [0] 项：对应 y = w*x 的节点。第 [1] 项对应 b，"
                "一个需要梯度的叶子节点。",
            ),
            mistake(
                "AddBackward0",
                "AddBackward0 is z.grad_fn itself; next_functions lists the nodes that run "
                "after it in the backward pass.",
                "AddBackward0 就是 z.grad_fn 自己；next_functions 列出的是反向传播中"
                "排在它之后运行的节点。",
            ),
            mistake(
                lambda a: a is None or (isinstance(a, str) and a.strip() == "None"),
                "None stands for an input that needs no gradient (like x). b requires grad, "
                "so its gradient goes to the node that adds it into b.grad.",
                "None 代表不需要梯度的输入（比如 x）。b 需要梯度，"
                "所以它的梯度会交给负责把梯度累加进 b.grad 的那个节点。",
            ),
        ],
        hint={
            "en": 'Answer with a class name in quotes, e.g. "XxxBackward0".',
            "zh": '用引号写出类名，例如 "XxxBackward0"。',
        },
    )
