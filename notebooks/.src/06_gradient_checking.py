# %% [markdown] en
# # 06 · Derivatives by nudging, and gradient checking
#
# Autograd gives exact derivatives, but *your* code can still be wrong: a hand-written
# backward with a slip in it, a formula copied with the wrong sign. The oldest test for a
# derivative needs no calculus at all: **nudge the input a little and watch the output move**.
#
# In this lesson you will
#
# 1. estimate a derivative with a forward difference $(f(x+h) - f(x))/h$, then with the
#    better central difference,
# 2. see why the nudge $h$ must be neither too big nor too small, and why gradient checks
#    run in `float64`,
# 3. compare two gradients with the **relative error**,
# 4. check a whole gradient tensor at once, the way `torch.autograd.gradcheck` does,
# 5. find the bug planted in a hand-written backward.
# %% [markdown] zh
# # 06 · 轻推求导与梯度检验
#
# autograd 给出的导数是精确的，但*你自己*的代码仍可能出错：手写的反向传播里有个笔误，
# 抄公式时抄错了符号……检验导数最古老的办法根本不需要微积分：**把输入轻轻推一下，看输出动了多少**。
#
# 本课内容：
#
# 1. 用前向差分 $(f(x+h) - f(x))/h$ 估计导数，再换成更准的中心差分；
# 2. 弄明白推动量 $h$ 为什么既不能太大也不能太小，以及梯度检验为什么要用 `float64`；
# 3. 用**相对误差**比较两个梯度；
# 4. 像 `torch.autograd.gradcheck` 那样，一次检验整个梯度张量；
# 5. 找出藏在一段手写反向传播里的错误。
# %%
import math

import autograd_viz
import autograd_viz as torch
from autograd_viz.lessons import lesson_06 as ex


# %% [markdown] en
# ## The derivative is a ratio of nudges
#
# The derivative $f'(x)$ says how much $f$ moves per unit of movement of $x$, for very small
# movements. So move $x$ by a small $h$ and divide:
#
# $$f'(x) \approx \frac{f(x+h) - f(x)}{h} \qquad\text{(forward difference)}$$
#
# Take $f(x) = x^3$ at $x = 2$. Calculus says $f'(x) = 3x^2 = 12$.
# %% [markdown] zh
# ## 导数就是“推动量”之比
#
# 导数 $f'(x)$ 描述的是：$x$ 动一点点时，$f$ 每单位跟着动多少。所以把 $x$ 移动一个很小的 $h$，再相除：
#
# $$f'(x) \approx \frac{f(x+h) - f(x)}{h} \qquad\text{（前向差分）}$$
#
# 以 $f(x) = x^3$ 在 $x = 2$ 处为例。微积分告诉我们 $f'(x) = 3x^2 = 12$。
# %%
def cube(x):
    return x**3


x = torch.tensor(2.0, dtype=torch.float64, requires_grad=True)
y = cube(x)
y.backward()
print("autograd:", x.grad.item())

estimates = [(h, (cube(2.0 + h) - cube(2.0)) / h) for h in [0.01, 0.001, 0.0001]]
# %% en
for h, forward_diff in estimates:
    print(f"h = {h:<6} forward difference = {forward_diff:.6f}")
# %% zh
for h, forward_diff in estimates:
    print(f"h = {h:<6} 前向差分 = {forward_diff:.6f}")
# %% [markdown] en
# The estimate approaches 12 as $h$ shrinks, but slowly: the error is about $0.06$, $0.006$,
# $0.0006$, proportional to $h$. Taylor's formula explains it:
# $f(x+h) = f(x) + h f'(x) + \tfrac{h^2}{2} f''(x) + \dots$, so the forward difference is
# $f'(x) + \tfrac{h}{2} f''(x) + \dots$, here $12 + 6h$.
#
# ### Exercise 1: a forward difference by hand
#
# Without running code: with $h = 0.1$, what does the forward difference give for
# $f(x) = x^3$ at $x = 2$? ($2.1^3 = 9.261$.) Replace `...` with your number and run the cell.
# %% [markdown] zh
# 随着 $h$ 变小，估计值逐渐接近 12，但接近得很慢：误差约为 $0.06$、$0.006$、$0.0006$，与 $h$ 成正比。
# 泰勒公式解释了原因：$f(x+h) = f(x) + h f'(x) + \tfrac{h^2}{2} f''(x) + \dots$，
# 所以前向差分等于 $f'(x) + \tfrac{h}{2} f''(x) + \dots$，这里就是 $12 + 6h$。
#
# ### 练习 1：手算前向差分
#
# 不运行代码：取 $h = 0.1$，$f(x) = x^3$ 在 $x = 2$ 处的前向差分是多少？（$2.1^3 = 9.261$。）
# 把 `...` 换成你的答案，再运行这个单元格。
# %% en tags=["exercise"]
answer = ...  # (f(2.1) - f(2)) / 0.1
ex.check_forward_difference(answer)
# %% zh tags=["exercise"]
answer = ...  # (f(2.1) - f(2)) / 0.1
ex.check_forward_difference(answer)
# %% [markdown] en
# ## Central differences
#
# Nudge both ways and divide by the distance $2h$:
#
# $$f'(x) \approx \frac{f(x+h) - f(x-h)}{2h} \qquad\text{(central difference)}$$
#
# In the Taylor expansions of $f(x+h)$ and $f(x-h)$ the $h^2$ terms are equal and cancel,
# so the error shrinks like $h^2$ instead of $h$: ten times smaller $h$, a hundred times
# smaller error.
#
# ### Exercise 2: a central difference by hand
#
# Same $f$, $x = 2$, $h = 0.1$. ($1.9^3 = 6.859$.)
# %% [markdown] zh
# ## 中心差分
#
# 向两边各推一下，再除以两点间的距离 $2h$：
#
# $$f'(x) \approx \frac{f(x+h) - f(x-h)}{2h} \qquad\text{（中心差分）}$$
#
# 在 $f(x+h)$ 和 $f(x-h)$ 的泰勒展开里，$h^2$ 项相同而互相抵消，
# 所以误差按 $h^2$ 而不是 $h$ 缩小：$h$ 缩小十倍，误差缩小一百倍。
#
# ### 练习 2：手算中心差分
#
# 同样的 $f$，$x = 2$，$h = 0.1$。（$1.9^3 = 6.859$。）
# %% en tags=["exercise"]
answer = ...  # (f(2.1) - f(1.9)) / (2 * 0.1)
ex.check_central_difference(answer)
# %% zh tags=["exercise"]
answer = ...  # (f(2.1) - f(1.9)) / (2 * 0.1)
ex.check_central_difference(answer)
# %% [markdown] en
# ## A derivative that chains two steps
#
# Now $f(x) = \sin(x^2)$. It is two operations, $u = x^2$ then $f = \sin u$, and the chain
# rule multiplies their local derivatives: $\frac{df}{dx} = \frac{df}{du}\cdot\frac{du}{dx}$.
#
# ### Exercise 3: derive it
#
# What is $f'(1)$ for $f(x) = \sin(x^2)$? Give a number (4 decimals are enough).
# %% [markdown] zh
# ## 要连乘两步的导数
#
# 现在取 $f(x) = \sin(x^2)$。它由两步运算组成：先 $u = x^2$，再 $f = \sin u$；
# 链式法则把两步的局部导数相乘：$\frac{df}{dx} = \frac{df}{du}\cdot\frac{du}{dx}$。
#
# ### 练习 3：推导它
#
# $f(x) = \sin(x^2)$ 在 $x = 1$ 处的导数 $f'(1)$ 是多少？写出一个数（保留 4 位小数即可）。
# %% en tags=["exercise"]
answer = ...  # df/du * du/dx at x = 1
ex.check_chain_sin(answer)
# %% zh tags=["exercise"]
answer = ...  # 在 x = 1 处的 df/du * du/dx
ex.check_chain_sin(answer)
# %% [markdown] en
# Before you step through autograd's backward pass on this function, **predict**: which two
# numbers will be multiplied on the way from `f` back to `x`? The stepper asks you at each
# backward step; answer before you reveal.
# %% [markdown] zh
# 在逐步查看 autograd 对这个函数的反向传播之前，先**预测**：从 `f` 回到 `x` 的路上，
# 会把哪两个数相乘？步进器会在每个反向步骤向你提问，先回答，再揭晓。
# %%
x = torch.tensor(1.0, dtype=torch.float64, requires_grad=True)
with autograd_viz.record() as rec:
    u = x**2
    f = torch.sin(u)
    f.backward()
autograd_viz.Stepper(rec, quiz=True)
# %%
print(f"x.grad          = {x.grad.item():.6f}")
print(f"2 * cos(1)      = {2 * math.cos(1.0):.6f}")
# %% [markdown] en
# The graph, drawn after the backward pass:
# %% [markdown] zh
# 反向传播之后的计算图：
# %%
autograd_viz.draw(f)


# %% [markdown] en
# ## How small should $h$ be?
#
# Smaller $h$ means less Taylor error, but the subtraction $f(x+h) - f(x)$ cancels almost all
# digits of two nearly equal numbers: the **rounding error** grows like $\varepsilon / h$,
# where $\varepsilon$ is the precision of the number format ($\approx 10^{-7}$ for `float32`,
# $\approx 10^{-16}$ for `float64`). The table shows both errors fighting, for
# $f(x) = x^3$ at $x = 2$ again (exact derivative 12; the cube is written `x * x * x`, plain
# multiplications, so that every machine rounds exactly alike):
# %% [markdown] zh
# $h$ 越小，泰勒误差越小；但减法 $f(x+h) - f(x)$ 是两个几乎相等的数相减，几乎所有有效数字都被抵消了：
# **舍入误差**按 $\varepsilon / h$ 增长，其中 $\varepsilon$ 是数值格式的精度
# （`float32` 约 $10^{-7}$，`float64` 约 $10^{-16}$）。下表仍以 $f(x) = x^3$ 在 $x = 2$ 处为例
# （精确导数为 12；立方写成 `x * x * x`，只用乘法，这样每台机器的舍入都完全相同），展示这两种误差的较量：
# %%
def f_cube(x):
    return x * x * x


exact = 12.0
rows = []
for dtype in [torch.float32, torch.float64]:
    for k in range(1, 9):
        h = 10.0**-k
        x1 = torch.tensor(2.0, dtype=dtype)
        fwd = ((f_cube(x1 + h) - f_cube(x1)) / h).item()
        cen = ((f_cube(x1 + h) - f_cube(x1 - h)) / (2 * h)).item()
        rows.append((str(dtype)[6:], h, abs(fwd - exact), abs(cen - exact)))
# %% en
print("dtype     h       |forward - exact|  |central - exact|")
for name, h, e_fwd, e_cen in rows:
    print(f"{name:8}  {h:.0e}   {e_fwd:.1e}            {e_cen:.1e}")
# %% zh
print("类型      h       |前向差分 - 精确值|  |中心差分 - 精确值|")
for name, h, e_fwd, e_cen in rows:
    print(f"{name:8}  {h:.0e}   {e_fwd:.1e}              {e_cen:.1e}")
# %% [markdown] en
# Read the columns from top to bottom: the error first falls (Taylor error shrinking), then
# rises again (rounding error growing). In `float32` the best central difference is only
# good to about $10^{-4}$, and at $h = 10^{-8}$ the nudge vanishes entirely ($2 + 10^{-8}$
# rounds to $2$ in `float32`): the "derivative" is 0, an error of 12. In `float64` the central
# difference reaches $10^{-10}$. That is why gradient checks are done in **`float64`** with
# $h$ around $10^{-6}$ (PyTorch's `gradcheck` uses `eps=1e-6` and warns when an input
# requiring a gradient is not `float64`).
# %% [markdown] zh
# 从上往下读每一列：误差先下降（泰勒误差在缩小），再回升（舍入误差在增长）。
# 在 `float32` 下，最好的中心差分也只准到约 $10^{-4}$；到了 $h = 10^{-8}$，推动量完全消失
# （在 `float32` 里 $2 + 10^{-8}$ 会被舍入成 $2$）：“导数”变成了 0，误差为 12。
# 在 `float64` 下，中心差分能达到 $10^{-10}$。所以梯度检验用 **`float64`**，
# $h$ 取 $10^{-6}$ 左右（PyTorch 的 `gradcheck` 默认 `eps=1e-6`，需要梯度的输入不是 `float64` 时会发出警告）。
# %% [markdown] en
# ## Comparing two gradients: the relative error
#
# Is 12.61 close to 12? Is $10^{-5}$ close to $2\cdot10^{-5}$? An absolute difference cannot
# tell: it depends on the size of the numbers. Gradient checks use the **relative error**
#
# $$\text{rel}(a, n) = \frac{|a - n|}{\max(|a|, |n|)}$$
#
# with $a$ the analytic gradient (autograd's) and $n$ the numerical one. As a rule of thumb
# in `float64` with central differences: below $10^{-7}$ is right; above $10^{-4}$ something
# is wrong.
#
# ### Exercise 4: relative error
#
# The analytic derivative of $x^3$ at 2 is $a = 12$; the forward difference with $h=0.1$
# gave $n = 12.61$. What is their relative error?
# %% [markdown] zh
# ## 比较两个梯度：相对误差
#
# 12.61 和 12 算不算接近？$10^{-5}$ 和 $2\cdot10^{-5}$ 呢？绝对差值回答不了，它取决于数本身的大小。
# 梯度检验用的是**相对误差**
#
# $$\text{rel}(a, n) = \frac{|a - n|}{\max(|a|, |n|)}$$
#
# 其中 $a$ 是解析梯度（autograd 算出的），$n$ 是数值梯度。经验法则（`float64`、中心差分）：
# 小于 $10^{-7}$ 说明正确；大于 $10^{-4}$ 说明有问题。
#
# ### 练习 4：相对误差
#
# $x^3$ 在 2 处的解析导数是 $a = 12$；$h=0.1$ 的前向差分给出 $n = 12.61$。两者的相对误差是多少？
# %% en tags=["exercise"]
answer = ...  # |a - n| / max(|a|, |n|)
ex.check_relative_error(answer)
# %% zh tags=["exercise"]
answer = ...  # |a - n| / max(|a|, |n|)
ex.check_relative_error(answer)


# %% [markdown] en
# ## Checking a whole gradient tensor
#
# A function of a matrix has one partial derivative per entry. A gradient check nudges
# **each entry in turn** (central difference, `float64`) and compares the numerical
# gradient with autograd's, entry by entry. Here
# $L(W) = \sum \tanh(W x)$ with $W$ of shape 2×3:
# %% [markdown] zh
# ## 检验整个梯度张量
#
# 矩阵的函数对每个元素都有一个偏导数。梯度检验**依次推动每个元素**（中心差分、`float64`），
# 再把数值梯度和 autograd 的梯度逐个元素地比较。这里 $L(W) = \sum \tanh(W x)$，$W$ 的形状是 2×3：
# %%
def numerical_grad(fn, t, h=1e-6):
    grad = torch.zeros_like(t)
    flat, gflat = t.detach().view(-1), grad.view(-1)
    for i in range(flat.numel()):
        old = flat[i].item()
        flat[i] = old + h
        plus = fn(t).item()
        flat[i] = old - h
        minus = fn(t).item()
        flat[i] = old
        gflat[i] = (plus - minus) / (2 * h)
    return grad


def rel_error(a, n):
    return ((a - n).abs().max() / torch.maximum(a.abs().max(), n.abs().max())).item()


xv = torch.tensor([0.5, -1.0, 2.0], dtype=torch.float64)
W = torch.tensor([[0.1, 0.2, -0.3], [0.4, -0.5, 0.6]], dtype=torch.float64, requires_grad=True)


def loss_fn(W):
    return torch.tanh(W @ xv).sum()


loss_fn(W).backward()
num = numerical_grad(loss_fn, W)
print(W.grad)
print(num)
# %% en
print(f"relative error: {rel_error(W.grad, num):.1e}")
# %% zh
print(f"相对误差：{rel_error(W.grad, num):.1e}")


# %% [markdown] en
# Agreement to about $10^{-10}$: autograd's gradient passes. PyTorch packages exactly this
# procedure as `torch.autograd.gradcheck(fn, inputs)`: it returns `True`, or raises a
# `GradcheckError` showing the numerical and the analytical Jacobian when they differ.
# %% [markdown] zh
# 两者一致到约 $10^{-10}$：autograd 的梯度通过了检验。PyTorch 把这套流程封装成了
# `torch.autograd.gradcheck(fn, inputs)`：通过时返回 `True`，不一致时抛出 `GradcheckError`，
# 并列出数值雅可比矩阵和解析雅可比矩阵。
# %%
torch.autograd.gradcheck(loss_fn, (W,))


# %% [markdown] en
# ## Find the planted bug
#
# When you write a backward by hand, the gradient check is your safety net. A custom
# `torch.autograd.Function` has a `forward` and a `backward` that you write yourself; autograd
# trusts your backward blindly. Below, $y = \sigma(w x)$ is such a Function, and one of the two
# gradients its backward returns has a bug. Read it, then let `gradcheck` find the bug.
# %% [markdown] zh
# ## 找出埋下的错误
#
# 手写反向传播时，梯度检验就是你的安全网。自定义的 `torch.autograd.Function` 由你自己写 `forward` 和
# `backward`，autograd 会无条件地相信你的 backward。下面的 $y = \sigma(w x)$ 就是这样一个 Function，
# 它的 backward 返回的两个梯度里有一个写错了。先读一读代码，再让 `gradcheck` 把错误找出来。
# %%
class SigmoidMul(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, w):
        s = torch.sigmoid(w * x)
        ctx.save_for_backward(x, w, s)
        return s

    @staticmethod
    def backward(ctx, grad_s):
        x, w, s = ctx.saved_tensors
        grad_x = grad_s * s * (1 - s) * w
        grad_w = grad_s * s * x
        return grad_x, grad_w


xt = torch.tensor(1.5, dtype=torch.float64, requires_grad=True)
wt = torch.tensor(-0.8, dtype=torch.float64, requires_grad=True)
torch.autograd.gradcheck(SigmoidMul.apply, (xt, wt), raise_exception=False)
# %% [markdown] en
# `False`: the check failed. The error it raises by default says where:
# %% [markdown] zh
# `False`：检验没有通过。默认情况下它抛出的错误会指出问题在哪里：
# %%
try:
    torch.autograd.gradcheck(SigmoidMul.apply, (xt, wt))
except RuntimeError as err:  # GradcheckError
    print(err)
# %% [markdown] en
# "with respect to input 1" is `w` (inputs count from 0): the numerical derivative is 0.2668,
# the hand-written backward claims 0.3472. The same comparison by hand, with the central
# differences of this lesson, and autograd's own `torch.sigmoid(w * x)` as a third opinion:
# %% [markdown] zh
# “with respect to input 1” 指的是 `w`（输入从 0 开始编号）：数值导数是 0.2668，手写的 backward 却说是 0.3472。
# 用本课的中心差分手动做同样的比较，再请 autograd 自己的 `torch.sigmoid(w * x)` 提供第三个意见：
# %%
h = 1e-6
y = SigmoidMul.apply(xt, wt)
y.backward()
by_hand = [xt.grad.item(), wt.grad.item()]
numerical = [
    ((torch.sigmoid(wt * (xt + h)) - torch.sigmoid(wt * (xt - h))) / (2 * h)).item(),
    ((torch.sigmoid((wt + h) * xt) - torch.sigmoid((wt - h) * xt)) / (2 * h)).item(),
]
x2 = xt.detach().requires_grad_(True)
w2 = wt.detach().requires_grad_(True)
torch.sigmoid(w2 * x2).backward()
by_autograd = [x2.grad.item(), w2.grad.item()]
# %% en
for i, name in enumerate(["x", "w"]):
    rel = abs(by_hand[i] - numerical[i]) / max(abs(by_hand[i]), abs(numerical[i]))
    print(
        f"dy/d{name}: Function {by_hand[i]:+.6f}   numerical {numerical[i]:+.6f}   "
        f"autograd {by_autograd[i]:+.6f}   relative error {rel:.1e}"
    )
# %% zh
for i, name in enumerate(["x", "w"]):
    rel = abs(by_hand[i] - numerical[i]) / max(abs(by_hand[i]), abs(numerical[i]))
    print(
        f"dy/d{name}：Function {by_hand[i]:+.6f}   数值 {numerical[i]:+.6f}   "
        f"autograd {by_autograd[i]:+.6f}   相对误差 {rel:.1e}"
    )
# %% [markdown] en
# ### Exercise 5: fix the backward
#
# `grad_w` fails the check (`grad_x` passes). Derive the correct $\partial y / \partial w$ for
# $y = \sigma(wx)$ (two local derivatives: $\sigma'(z) = \sigma(z)(1-\sigma(z))$ and
# $\partial z/\partial w$) and give its value at another point, $x = 2$, $w = 0.5$.
# ($\sigma(1) = 0.731059$.) Then fix the line in `backward` and run `gradcheck` again.
# %% [markdown] zh
# ### 练习 5：修好反向函数
#
# `grad_w` 没有通过检验（`grad_x` 通过了）。推导 $y = \sigma(wx)$ 正确的 $\partial y / \partial w$（两个局部导数：
# $\sigma'(z) = \sigma(z)(1-\sigma(z))$ 和 $\partial z/\partial w$），并给出它在另一个点 $x = 2$、$w = 0.5$ 处的值。
# （$\sigma(1) = 0.731059$。）然后改正 `backward` 里的那一行，再运行一次 `gradcheck`。
# %% en tags=["exercise"]
answer = ...  # the correct d y / d w
ex.check_planted_bug(answer)
# %% zh tags=["exercise"]
answer = ...  # 正确的 d y / d w
ex.check_planted_bug(answer)
# %% [markdown] en
# ## Summary
#
# * A derivative can be estimated by nudging: forward difference (error $\propto h$) or central
#   difference (error $\propto h^2$).
# * Too small an $h$ drowns the difference in rounding error: check gradients in `float64`
#   with $h \approx 10^{-6}$.
# * Compare with the relative error $|a-n| / \max(|a|, |n|)$, not the absolute one.
# * Nudge every entry to check a whole gradient; `torch.autograd.gradcheck` does it for you.
#
# ## Questions
#
# 1. Why does the forward difference of $x^3$ at 2 overestimate the slope, for every $h > 0$?
# <details><summary>Answer</summary>
#
# Its error is $\tfrac{h}{2}f''(x) + \tfrac{h^2}{6}f'''(x) = 6h + h^2 > 0$: the curve bends
# upward ($f'' = 12 > 0$), so the chord to the right is steeper than the tangent.
# </details>
#
# 2. A gradient check on a network gives relative error $10^{-2}$ in `float32` and
#    $10^{-9}$ in `float64`. Is the backward wrong?
# <details><summary>Answer</summary>
#
# No: `float32` rounding error is what spoils the first check. Trust the `float64` one.
# </details>
#
# 3. Numerical gradients are always available. Why do we not train networks with them?
# <details><summary>Answer</summary>
#
# They cost two evaluations of the whole function *per parameter* (millions of forward
# passes per step) and are only approximate; backward costs about one extra pass for all
# parameters at once and is exact up to rounding.
# </details>
#
# 4. Where does the central difference fail even in `float64`?
# <details><summary>Answer</summary>
#
# Where $f$ has a kink or jump within $h$ of $x$ (ReLU at 0, `max` at a tie): the two sides
# have different slopes and the difference gives their average, or nonsense. Check at points
# away from kinks.
# </details>
# %% [markdown] zh
# ## 小结
#
# * 导数可以靠“轻推”来估计：前向差分（误差 $\propto h$）或中心差分（误差 $\propto h^2$）。
# * $h$ 太小，差值会淹没在舍入误差里：梯度检验要用 `float64`，$h \approx 10^{-6}$。
# * 用相对误差 $|a-n| / \max(|a|, |n|)$ 比较，而不是绝对误差。
# * 逐个推动每个元素就能检验整个梯度；`torch.autograd.gradcheck` 替你做这件事。
#
# ## 思考题
#
# 1. 为什么对任何 $h > 0$，$x^3$ 在 2 处的前向差分都会高估斜率？
# <details><summary>答案</summary>
#
# 它的误差是 $\tfrac{h}{2}f''(x) + \tfrac{h^2}{6}f'''(x) = 6h + h^2 > 0$：曲线向上弯（$f'' = 12 > 0$），
# 所以向右的割线比切线更陡。
# </details>
#
# 2. 对一个网络做梯度检验，`float32` 下相对误差是 $10^{-2}$，`float64` 下是 $10^{-9}$。反向传播写错了吗？
# <details><summary>答案</summary>
#
# 没有：搞坏第一次检验的是 `float32` 的舍入误差。以 `float64` 的结果为准。
# </details>
#
# 3. 数值梯度总能算出来，为什么不用它来训练网络？
# <details><summary>答案</summary>
#
# 它对*每个参数*都要把整个函数算两遍（每一步要做上百万次前向传播），而且只是近似值；
# 反向传播只需大约多算一遍就得到全部参数的梯度，并且除舍入外是精确的。
# </details>
#
# 4. 即使在 `float64` 下，中心差分在哪里也会失灵？
# <details><summary>答案</summary>
#
# 在 $x$ 附近 $h$ 范围内 $f$ 有折点或跳变的地方（ReLU 在 0 处、`max` 两个输入相等时）：
# 两侧斜率不同，差分给出的是它们的平均值，甚至毫无意义。应在远离折点的位置做检验。
# </details>
