# %% [markdown] en
# # 12 · The autograd API beyond `backward()`
#
# `loss.backward()` is one way to ask autograd for gradients. This lesson shows the rest of the
# toolbox and the traps next to it:
#
# 1. `torch.autograd.grad`: gradients returned, not stored in `.grad`,
# 2. `create_graph=True`: a gradient that is itself differentiable, and second derivatives,
# 3. `detach()` vs `.data` vs `no_grad()`: three ways out of the graph, one of them unsafe,
# 4. in-place operations and the errors that protect you,
# 5. dynamic graphs: Python's `if` and `while` decide which graph gets built,
# 6. forward mode: the other way to differentiate, and why training uses reverse mode.
# %% [markdown] zh
# # 12 · `backward()` 之外的 autograd 接口
#
# `loss.backward()` 只是向 autograd 要梯度的一种方式。本课介绍工具箱里的其他工具，以及它们旁边的陷阱：
#
# 1. `torch.autograd.grad`：把梯度返回给你，而不是存进 `.grad`；
# 2. `create_graph=True`：本身还能再求导的梯度，以及二阶导数；
# 3. `detach()`、`.data` 与 `no_grad()`：离开计算图的三种方式，其中一种并不安全；
# 4. 原地（in-place）操作，以及保护你的那些报错；
# 5. 动态图：Python 的 `if` 和 `while` 决定搭出什么样的图；
# 6. 前向模式：另一种求导方式，以及训练为什么用反向模式。
# %%
import autograd_viz
import autograd_viz as torch
from autograd_viz.lessons import lesson_12 as ex

# %% [markdown] en
# ## `torch.autograd.grad`
#
# `torch.autograd.grad(outputs, inputs)` runs the same backward pass as `backward()`, but
# returns the gradients of the tensors you list, as a tuple, and leaves every `.grad` alone.
# Useful when you need a gradient as a *value* (a penalty on it, a meta-learning step) or do not
# want to disturb accumulated gradients.
# %% [markdown] zh
# ## `torch.autograd.grad`
#
# `torch.autograd.grad(outputs, inputs)` 做的反向传播和 `backward()` 一样，但它把你列出的那些张量的梯度
# 以元组的形式返回，并且不碰任何 `.grad`。当你需要把梯度当作一个*值*来用（对它加惩罚项、元学习的一步），
# 或者不想打乱已经累加的梯度时，就用它。
# %%
x = torch.tensor(3.0, requires_grad=True)
y = x**3
(dy_dx,) = torch.autograd.grad(y, x)
print(dy_dx, x.grad)
# %% [markdown] en
# $dy/dx = 3x^2 = 27$, and `x.grad` is still `None`.
#
# ## Second derivatives with `create_graph=True`
#
# Normally backward computes plain numbers: the gradient has no graph of its own. With
# `create_graph=True` autograd records the operations of the backward pass itself, so the
# gradient becomes a tensor with a `grad_fn`, and you can differentiate it again.
# %% [markdown] zh
# $dy/dx = 3x^2 = 27$，而 `x.grad` 仍然是 `None`。
#
# ## 用 `create_graph=True` 求二阶导数
#
# 通常反向传播算出的只是数：梯度自己没有计算图。加上 `create_graph=True` 后，autograd 会把反向传播本身的运算
# 也记录下来，于是梯度成了带 `grad_fn` 的张量，可以再对它求导。
# %%
x = torch.tensor(3.0, requires_grad=True)
y = x**3
(g,) = torch.autograd.grad(y, x, create_graph=True)
(g2,) = torch.autograd.grad(g, x)
print(g)
print(g2)
# %% [markdown] en
# $g = 3x^2 = 27$ carries `grad_fn=<MulBackward0>`, and its derivative is $6x = 18$.
#
# **Predict before you step.** For $f = \sin(x^2)$ at $x = 1$ we record one
# `autograd.grad(f, x, create_graph=True)`. A normal backward only has *backward* frames.
# Which **forward** frames will appear during this backward pass, and which local derivatives
# do they compute? (Hint: $\frac{df}{dx} = \cos(x^2)\cdot 2x$.)
# %% [markdown] zh
# $g = 3x^2 = 27$ 带着 `grad_fn=<MulBackward0>`，它的导数是 $6x = 18$。
#
# **先预测，再步进。** 对 $x = 1$ 处的 $f = \sin(x^2)$，我们记录一次 `autograd.grad(f, x, create_graph=True)`。
# 普通的反向传播只有*反向*帧。这次反向传播中会出现哪些**前向**帧？它们计算的是哪些局部导数？
# （提示：$\frac{df}{dx} = \cos(x^2)\cdot 2x$。）
# %%
x = torch.tensor(1.0, requires_grad=True)
with autograd_viz.record() as rec:
    u = x**2
    f = torch.sin(u)
    (g,) = torch.autograd.grad(f, x, create_graph=True)
autograd_viz.Stepper(rec, quiz=True)
# %% [markdown] en
# The whole picture after the pass: the original graph (`x → u → f`) and, below it, the new
# graph that computes $g = \cos(u) \cdot 2x$ and that a second `grad` walks backward.
# (The `x**1` frame is no typo: PyTorch's rule for the gradient of `x**2` is `2 * x.pow(1)`,
# and the new graph keeps that node, as PyTorch's does.)
# %% [markdown] zh
# 这次传播之后的全图：原来的图（`x → u → f`），以及在它下面新搭起来的、计算 $g = \cos(u) \cdot 2x$ 的图，
# 第二次 `grad` 就沿着这张新图反向走。
# （`x**1` 这一帧不是笔误：PyTorch 对 `x**2` 求梯度的规则是 `2 * x.pow(1)`，新图和 PyTorch 的一样保留了这个节点。）
# %%
autograd_viz.draw(rec)
# %%
print(f"f'(1) = {g.item():.4f}")
# %% [markdown] en
# ### Exercise 1: a second derivative by hand
#
# Derive $f''(x)$ for $f(x) = \sin(x^2)$ (product rule on $f'(x) = 2x\cos(x^2)$, with the chain
# rule inside) and give its value at $x = 1$. ($\cos 1 = 0.540302$, $\sin 1 = 0.841471$.)
# %% [markdown] zh
# ### 练习 1：手算二阶导数
#
# 推导 $f(x) = \sin(x^2)$ 的 $f''(x)$（对 $f'(x) = 2x\cos(x^2)$ 用乘积法则，里面再用链式法则），
# 并给出它在 $x = 1$ 处的值。（$\cos 1 = 0.540302$，$\sin 1 = 0.841471$。）
# %% en tags=["exercise"]
answer = ...  # f''(1)
ex.check_second_derivative(answer)
# %% zh tags=["exercise"]
answer = ...  # f''(1)
ex.check_second_derivative(answer)
# %% [markdown] en
# A second `grad` through the graph that `create_graph=True` built gives the same number:
# %% [markdown] zh
# 沿着 `create_graph=True` 搭出的那张图再做一次 `grad`，得到同一个数：
# %%
(g2,) = torch.autograd.grad(g, x)
print(f"f''(1) = {g2.item():.4f}")
# %% [markdown] en
# ## Three ways out of the graph
#
# * `with torch.no_grad():` ops inside are not recorded; their results do not require grad.
#   Use it for updates and evaluation.
# * `t.detach()`: a new tensor sharing `t`'s memory, outside the graph. Autograd still watches
#   the shared memory: changing it in place is detected if the graph needed the old values.
# * `t.data`: the same shared memory, but autograd does **not** watch changes made through it.
#   That is why `.data` is legacy: it can silently give wrong gradients.
#
# `sigmoid` saves its *output* $a$ for backward ($\sigma' = a(1-a)$). Change $a$ after the
# forward pass, through `detach()`:
# %% [markdown] zh
# ## 离开计算图的三种方式
#
# * `with torch.no_grad():`：里面的运算不被记录，结果不需要梯度。用于参数更新和评估。
# * `t.detach()`：一个与 `t` 共享内存、但在图外的新张量。autograd 仍然盯着这块共享内存：
#   如果图还需要旧值，原地修改它就会被发现。
# * `t.data`：同样共享内存，但通过它做的修改，autograd **不会**察觉。这就是 `.data` 被视为过时用法的原因：
#   它可能悄无声息地给出错误的梯度。
#
# `sigmoid` 为反向传播保存的是它的*输出* $a$（$\sigma' = a(1-a)$）。在前向传播之后，通过 `detach()` 修改 $a$：
# %%
x = torch.tensor([1.0, 2.0], requires_grad=True)
a = torch.sigmoid(x)
a.detach().zero_()
try:
    a.sum().backward()
except RuntimeError as err:
    print(str(err).split(" Hint:")[0])
# %% [markdown] en
# Autograd refuses: the saved output "is at version 1; expected version 0".
#
# ### Exercise 2: the silent `.data` bug
#
# Now the same change through `.data` (the next cell). The correct gradient of $\sum \sigma(x)$
# at $x = (1, 2)$ is $\sigma(x)(1 - \sigma(x)) = (0.1966, 0.1050)$. **Predict** the `x.grad`
# that the `.data` version will print, from what `SigmoidBackward0` computes with its saved
# output. Answer with a list of 2, then run the next cell.
# %% [markdown] zh
# autograd 拒绝了：保存的输出“处于版本 1，而期望的是版本 0”。
#
# ### 练习 2：`.data` 悄无声息的错误
#
# 下一个单元格通过 `.data` 做同样的修改。$\sum \sigma(x)$ 在 $x = (1, 2)$ 处的正确梯度是
# $\sigma(x)(1 - \sigma(x)) = (0.1966, 0.1050)$。根据 `SigmoidBackward0` 用它保存的输出计算什么，
# **预测** `.data` 版本会打印出的 `x.grad`。用含 2 个数的列表作答，然后运行下一个单元格。
# %% en tags=["exercise"]
answer = ...  # the x.grad that the next cell prints, [.., ..]
ex.check_data_bug(answer)
# %% zh tags=["exercise"]
answer = ...  # 下一个单元格打印的 x.grad，[.., ..]
ex.check_data_bug(answer)
# %%
x = torch.tensor([1.0, 2.0], requires_grad=True)
a = torch.sigmoid(x)
a.data.zero_()
a.sum().backward()
print("x.grad:", x.grad)
# %% [markdown] en
# No error, and a wrong gradient: backward used the zeroed $a$ in $a(1 - a)$. Nothing warns you.
# %% [markdown] zh
# 没有报错，梯度却是错的：反向传播在 $a(1 - a)$ 里用了被清零的 $a$。没有任何警告。
# %% [markdown] en
# ## In-place operations on leaves
#
# A leaf that requires grad may not be changed in place while autograd tracks it: its old value
# may be needed, and the change itself would have to be differentiated. Do updates under
# `no_grad()`.
# %% [markdown] zh
# ## 对叶子做原地操作
#
# 需要梯度的叶子在被 autograd 跟踪时不能原地修改：它的旧值可能还要用，而这次修改本身也需要求导。
# 参数更新要放在 `no_grad()` 里做。
# %%
w = torch.tensor([1.0, 2.0], requires_grad=True)
try:
    w.sub_(0.1)
except RuntimeError as err:
    print(err)
with torch.no_grad():
    w.sub_(0.1)
print(w)


# %% [markdown] en
# ## Dynamic graphs: `if` and `while`
#
# Autograd records the operations that *actually ran*. Python's control flow chooses them, so
# every forward pass can build a different graph. Here a `while` loop doubles $y$ until it
# reaches 100: how many multiplications run depends on the value of $x$.
# %% [markdown] zh
# ## 动态图：`if` 和 `while`
#
# autograd 记录的是*实际运行了*的运算。由 Python 的控制流来选择运行哪些运算，所以每次前向传播都可能搭出不同的图。
# 下面的 `while` 循环不断把 $y$ 翻倍，直到它达到 100：乘法运行多少次，取决于 $x$ 的值。
# %%
def double_until_100(x):
    y = x
    while y < 100:
        y = y * 2
    return y


x = torch.tensor(3.0, requires_grad=True)
with autograd_viz.record() as loop:
    y = double_until_100(x)
    y.backward()
print("y =", y.item(), " x.grad =", x.grad.item())
autograd_viz.draw(loop)
# %% [markdown] en
# $3 \to 6 \to 12 \to 24 \to 48 \to 96 \to 192$: six multiplications by 2, each with local
# derivative 2, so $dy/dx = 2^6 = 64$. An `if` works the same way: only the branch that ran is
# in the graph, and its local derivatives are the ones that count.
#
# ### Exercise 3: another start
#
# What is `x.grad` for `double_until_100(x)` with $x = 7$?
# %% [markdown] zh
# $3 \to 6 \to 12 \to 24 \to 48 \to 96 \to 192$：乘了六次 2，每次的局部导数都是 2，所以 $dy/dx = 2^6 = 64$。
# `if` 也是一样：图里只有实际运行的那个分支，算数的也只有它的局部导数。
#
# ### 练习 3：换一个起点
#
# 对 `double_until_100(x)`，$x = 7$ 时 `x.grad` 是多少？
# %% en tags=["exercise"]
answer = ...  # x.grad for x = 7
ex.check_while_grad(answer)
# %% zh tags=["exercise"]
answer = ...  # x = 7 时的 x.grad
ex.check_while_grad(answer)


# %% [markdown] en
# ## Forward mode: a column per pass
#
# Backpropagation is *reverse-mode* differentiation: one backward pass from one output gives
# that output's derivative with respect to every input, a **row** of the Jacobian.
# *Forward mode* goes the other way: it pushes a direction $t$ through the computation next to
# the values (every op also computes its local derivative times the incoming direction), and
# one forward pass gives $J\,t$, a **column** when $t$ is a unit vector. PyTorch exposes it as
# `torch.func.jvp` (and `torch.autograd.forward_ad`). For $f(x) = (x_0 x_1,\ \sin x_2 + x_0)$:
# %% [markdown] zh
# ## 前向模式：一次得到一列
#
# 反向传播是*反向模式*求导：从一个输出做一次反向传播，得到这个输出对所有输入的导数，也就是雅可比矩阵的**一行**。
# *前向模式*反过来：它让一个方向 $t$ 跟着数值一起穿过计算（每个运算同时算出“局部导数 × 传进来的方向”），
# 一次前向传播得到 $J\,t$；当 $t$ 是单位向量时，就是**一列**。PyTorch 通过 `torch.func.jvp`
# （以及 `torch.autograd.forward_ad`）提供它。以 $f(x) = (x_0 x_1,\ \sin x_2 + x_0)$ 为例：
# %%
def f(x):
    return torch.stack([x[0] * x[1], torch.sin(x[2]) + x[0]])


x = torch.tensor([1.0, 2.0, 0.5])
columns = [torch.func.jvp(f, (x,), (e,))[1] for e in torch.eye(3)]
J_forward = torch.stack(columns, dim=1)
xr = x.clone().requires_grad_()
rows = [torch.autograd.grad(f(xr)[i], xr)[0] for i in range(2)]
J_reverse = torch.stack(rows)
print(J_forward)
print(J_reverse)
# %% [markdown] en
# The same $2 \times 3$ Jacobian, built from 3 columns or from 2 rows. A network's loss is one
# number computed from millions of parameters: reverse mode gets the whole gradient in **one**
# backward pass, forward mode would need one pass per parameter. That is why training uses
# backpropagation, and why this course steps through backward passes.
# %% [markdown] zh
# 同一个 $2 \times 3$ 的雅可比矩阵：可以由 3 列拼出，也可以由 2 行拼出。神经网络的损失是一个数，却由数百万个参数算出：
# 反向模式**一次**反向传播就得到整个梯度，前向模式却要对每个参数各做一次。这就是训练用反向传播的原因，也是本课程逐步演示反向传播的原因。
# %% [markdown] en
# ## Summary
#
# * `torch.autograd.grad(out, inp)` returns gradients and leaves `.grad` alone.
# * `create_graph=True` records the backward pass, so gradients can be differentiated again.
# * `no_grad()` and `detach()` are safe ways out of the graph; `.data` hides in-place changes
#   from autograd and can give wrong gradients silently.
# * In-place changes to leaves that require grad, or to values saved for backward, raise errors.
# * The graph is built by running the code: `if` and `while` decide its shape.
# * Forward mode (`torch.func.jvp`) gives a Jacobian column per pass, reverse mode a row.
#
# ## Questions
#
# 1. When would you use `autograd.grad` rather than `backward()`?
# <details><summary>Answer</summary>
#
# When the gradient is an input to further computation (gradient penalties, second-order
# methods), or when you want a gradient without adding into `.grad`.
# </details>
#
# 2. Why is `g = 3x²` a tensor with a `grad_fn` only when `create_graph=True`?
# <details><summary>Answer</summary>
#
# Without it, backward computes its numbers outside the graph (as under `no_grad`); with it, the
# multiplications that form $g$ are recorded like any forward operation.
# </details>
#
# 3. Can a dynamic graph (`while y < 100`) be differentiated with respect to the loop's
#    condition?
# <details><summary>Answer</summary>
#
# No. The comparison produces a boolean, which has no gradient; a small change of $x$ does not
# change the number of iterations (except at the jumps, where the derivative does not exist).
# </details>
#
# 4. A function maps 3 inputs to 1000 outputs. Which mode gives its full Jacobian in fewer
#    passes?
# <details><summary>Answer</summary>
#
# Forward mode: 3 passes (one column per input), against 1000 backward passes (one row per
# output). Reverse mode wins when there are few outputs, as with a loss.
# </details>
# %% [markdown] zh
# ## 小结
#
# * `torch.autograd.grad(out, inp)` 返回梯度，不碰 `.grad`。
# * `create_graph=True` 会记录反向传播，于是梯度还能再求导。
# * `no_grad()` 和 `detach()` 是离开计算图的安全方式；`.data` 会对 autograd 隐瞒原地修改，可能悄悄给出错误的梯度。
# * 原地修改需要梯度的叶子，或修改为反向传播保存的值，都会报错。
# * 计算图是运行代码时搭出来的：`if` 和 `while` 决定它的形状。
# * 前向模式（`torch.func.jvp`）每次得到雅可比矩阵的一列，反向模式每次得到一行。
#
# ## 思考题
#
# 1. 什么时候用 `autograd.grad` 而不是 `backward()`？
# <details><summary>答案</summary>
#
# 当梯度要作为后续计算的输入时（梯度惩罚、二阶方法），或者你想得到梯度但不想累加进 `.grad` 时。
# </details>
#
# 2. 为什么只有在 `create_graph=True` 时，`g = 3x²` 才是带 `grad_fn` 的张量？
# <details><summary>答案</summary>
#
# 不加它时，反向传播在图外计算这些数（就像在 `no_grad` 里）；加上它，构成 $g$ 的乘法就和普通的前向运算一样被记录下来。
# </details>
#
# 3. 动态图（`while y < 100`）能对循环条件求导吗？
# <details><summary>答案</summary>
#
# 不能。比较运算产生的是布尔值，没有梯度；$x$ 的微小变化不会改变循环次数（除了在跳变点，那里导数不存在）。
# </details>
#
# 4. 一个函数把 3 个输入映射成 1000 个输出。哪种模式用更少的次数得到完整的雅可比矩阵？
# <details><summary>答案</summary>
#
# 前向模式：3 次（每个输入一列），而反向模式要 1000 次（每个输出一行）。输出很少时（比如一个损失），反向模式占优。
# </details>
