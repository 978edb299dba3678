# %% [markdown] en
# # 01 · Your first computation graph
#
# Every time you compute with tensors that ask for gradients, autograd quietly writes down
# *how* each result was made. That record is the **computation graph**, and `backward()`
# walks it from the end to the start.
#
# In this lesson you will
#
# 1. build the tiny graph `z = x*w + b` and look at its nodes,
# 2. step through its forward and backward pass,
# 3. see why a second `backward()` fails, what `retain_graph=True` changes and what it does not,
# 4. check autograd against a derivative you work out yourself, and see what `backward(v)` computes,
# 5. switch gradient tracking off (`no_grad`) and edit values outside the graph (`.data`).
#
# We write ordinary PyTorch code; only the import line is different. Exercises start with
# `answer = ...`: replace the `...` with your answer and run the cell.

# %% [markdown] zh
# # 01 · 第一张计算图
#
# 只要参与运算的张量需要梯度，autograd 就会在后台默默记下每个结果是**怎么**算出来的。
# 这份记录就是**计算图**；`backward()` 则从图的终点出发，一路走回起点。
#
# 本课内容：
#
# 1. 搭一张最小的图 `z = x*w + b`，看看图里都有哪些节点；
# 2. 一步一步地看前向传播和反向传播；
# 3. 弄明白第二次 `backward()` 为什么会报错，`retain_graph=True` 改变了什么、没有改变什么；
# 4. 自己手算一个导数，和 autograd 的结果对一对，并弄清 `backward(v)` 算的是什么；
# 5. 关掉梯度记录（`no_grad`），以及在图外修改数值（`.data`）。
#
# 代码和平时写 PyTorch 完全一样，只有 import 那一行不同。练习都以 `answer = ...` 开头：
# 把 `...` 换成你的答案，再运行这个格子。

# %%
import autograd_viz as torch
from autograd_viz.lessons import lesson_01 as ex

# %% [markdown] en
# ## Building `z = x*w + b`
#
# `x` is an input: we do not need its gradient. `w` and `b` are the parameters we would like
# to learn, so we ask autograd to track them with `requires_grad=True`.

# %% [markdown] zh
# ## 搭建 `z = x*w + b`
#
# `x` 是输入数据，不需要它的梯度；`w` 和 `b` 是想要学习的参数，
# 所以用 `requires_grad=True` 让 autograd 跟踪它们。

# %%
x = torch.tensor([2.0])
w = torch.tensor([3.0], requires_grad=True)
b = torch.tensor([1.0], requires_grad=True)

y = torch.mul(x, w)  # y = x * w
z = torch.add(y, b)  # z = y + b
z

# %% [markdown] en
# `z` prints its value, `7`, and also `grad_fn=<AddBackward0>`: the function autograd will
# call to send a gradient back through the addition.
#
# A **leaf** is a tensor that no tracked operation produced: the tensors you create yourself
# (and, as we will see at the end, results computed while tracking is switched off).
# Every other tensor remembers the operation that made it.

# %% [markdown] zh
# `z` 除了打印出数值 `7`，还带着 `grad_fn=<AddBackward0>`：反向传播经过这次加法时，
# autograd 调用的就是这个函数。
#
# **叶子节点**（leaf）是不由任何被跟踪的运算产生的张量：也就是你自己创建的张量
# （本课最后还会看到：关掉跟踪时算出的结果也是叶子节点）。其余的张量都记得产生它的那个运算。

# %%
for name, t in [("x", x), ("w", w), ("b", b), ("y", y), ("z", z)]:
    print(
        f"{name}: is_leaf={t.is_leaf!s:5}  requires_grad={t.requires_grad!s:5}  grad_fn={t.grad_fn}"
    )

# %% [markdown] en
# Notice:
#
# * `y` and `z` require grad although we never asked: they depend on `w` and `b`.
# * Only `y` and `z` have a `grad_fn` (`MulBackward0`, `AddBackward0`); leaves have none.
#
# Here is the graph: boxes are tensors (with their values), ovals are the operations between them.

# %% [markdown] zh
# 注意两点：
#
# * 我们并没有给 `y`、`z` 设置 `requires_grad`，它们却是 `True`：因为它们依赖 `w` 和 `b`。
# * 只有 `y` 和 `z` 有 `grad_fn`（`MulBackward0`、`AddBackward0`），叶子节点没有。
#
# 下面把这张图画出来：方框是张量（标着数值），椭圆是连接它们的运算。

# %%
torch.draw(z)

# %% [markdown] en
# ## Stepping through forward and backward
#
# `torch.record()` watches the code inside the `with` block and keeps a timeline of *frames*:
# one per operation in the forward pass, one per node visited by `backward()`, one per
# gradient stored in a leaf. The stepper lets you walk that timeline.
#
# **Predict first.** Before you press **Next ›**: which node does the backward pass visit
# first, `AddBackward0` or `MulBackward0`? Which numbers will end up in `w.grad` and `b.grad`?
# Then step, and read the sentence above the picture: it tells you which node is working
# and with which numbers. The stepper is in **quiz mode**: at each backward frame it hides
# the gradient until you type your prediction (**Check**) or press **Reveal**.

# %% [markdown] zh
# ## 一步一步看前向和反向传播
#
# `torch.record()` 会观察 `with` 块里执行的代码，把过程记成一串**帧**（frame）：
# 前向传播中每个运算一帧，`backward()` 经过的每个节点一帧，每次把梯度存进叶子节点也是一帧。
# 步进器（stepper）可以让你沿着这条时间线一帧一帧地走。
#
# **先预测。**按 **下一帧 ›** 之前想一想：反向传播先经过哪个节点，`AddBackward0` 还是
# `MulBackward0`？`w.grad` 和 `b.grad` 最后会是多少？然后再一步步走，读一读图上方的那句话：
# 它说明当前是哪个节点在工作、用到了哪些数。步进器处于**测验模式**：在每个反向传播帧，
# 它会先隐藏梯度，等你输入预测（按**检查**）或按**揭晓**。

# %%
with torch.record() as rec:
    y = torch.mul(x, w)
    z = torch.add(y, b)
    z.backward(retain_graph=True)

torch.Stepper(rec, quiz=True)

# %% [markdown] en
# The same timeline as text, one line per frame:

# %% [markdown] zh
# 同一条时间线的文字版，每帧一行：

# %%
for frame in rec.frames:
    print(f"{frame.index:2}  {frame.phase:<10}  {frame.caption}")

# %% [markdown] en
# Backward went through `AddBackward0` (which passes the gradient on unchanged), then
# `MulBackward0` (which multiplies by the *other* factor), and stored the results in the leaves:

# %% [markdown] zh
# 反向传播先经过 `AddBackward0`（把梯度原样往后传），再经过 `MulBackward0`
# （乘上**另一个**因子），最后把结果存进叶子节点：

# %%
print("w.grad =", w.grad)
print("b.grad =", b.grad)
print("x.grad =", x.grad)

# %% [markdown] en
# `w.grad` is `2` (the value of `x`), `b.grad` is `1`, and `x.grad` is `None`: nobody asked
# for it.
#
# To compute `w`'s gradient, `MulBackward0` needs the other factor, `x`, so the forward pass
# saved `x` inside the node. It did **not** save `w`: `w` would only be needed for `x`'s
# gradient, and `x` does not require one. A node saves only what the gradients it must
# compute will need.
#
# ### Your turn
#
# Suppose `x` had been `5` instead of `2` (same `w` and `b`). What would `w.grad` be after
# `backward()`? Work it out by hand.

# %% [markdown] zh
# `w.grad` 是 `2`（正是 `x` 的值），`b.grad` 是 `1`，而 `x.grad` 是 `None`：没人要求计算它。
#
# 为了算 `w` 的梯度，`MulBackward0` 需要另一个因子 `x`，所以前向传播时把 `x` 保存在节点里。
# 它**没有**保存 `w`：只有计算 `x` 的梯度才用得到 `w`，而 `x` 不需要梯度。
# 节点只保存它要算的那些梯度所需要的值。
#
# ### 练一练
#
# 假如 `x` 不是 `2` 而是 `5`（`w`、`b` 不变），`backward()` 之后 `w.grad` 是多少？请手算。

# %% tags=["exercise"]
answer = ...
ex.check_grad_w_at_5(answer)

# %% [markdown] en
# Now chain two local derivatives. Square the output, $q = z^2$, with the original numbers
# ($x = 2$, $w = 3$, $b = 1$, so $z = 7$). Backward through $q$ multiplies by
# $\partial q/\partial z$ first, then by $\partial z/\partial w$. What is $\partial q/\partial w$?

# %% [markdown] zh
# 现在把两个局部导数串起来。把输出平方：$q = z^2$，仍用原来的数
# （$x = 2$、$w = 3$、$b = 1$，所以 $z = 7$）。反向传播经过 $q$ 时先乘上 $\partial q/\partial z$，
# 再乘上 $\partial z/\partial w$。$\partial q/\partial w$ 是多少？

# %% tags=["exercise"]
answer = ...
ex.check_grad_of_square(answer)

# %% [markdown] en
# ## Backward twice: `retain_graph`
#
# To save memory, `backward()` normally frees the values the graph saved for the backward
# pass (here: the `x` inside `MulBackward0`). We called it with `retain_graph=True` above, so
# the saved values are still there and one more `backward()` works.
#
# The comments in the original notebook suggest that `retain_graph=True` makes gradients
# accumulate, and that without it they are zeroed. **That is not what it does.**
# `retain_graph` only decides whether the saved values survive for another backward pass.
# Gradients are *always* added into `.grad`, whether or not the graph is retained; only you
# reset them (`w.grad.zero_()`, or an optimizer's `zero_grad()`).
#
# **Predict:** after the next cell (a second `backward()`, this time *without*
# `retain_graph`), what is `w.grad`?

# %% [markdown] zh
# ## 两次反向传播：`retain_graph`
#
# 为了省内存，`backward()` 默认会在用完之后释放计算图为反向传播保存的中间值
# （这里就是 `MulBackward0` 里保存的 `x`）。上面调用时加了 `retain_graph=True`，
# 保存的值还在，所以还能再反向传播一次。
#
# 原笔记本的注释暗示：`retain_graph=True` 会让梯度累加，不加它梯度就会清零。
# **事实并非如此。** `retain_graph` 只决定保存的中间值能否留到下一次反向传播。
# 梯度**总是**累加进 `.grad`，与是否保留计算图无关；只有你自己才会把它清零
# （`w.grad.zero_()`，或优化器的 `zero_grad()`）。
#
# **预测一下：**下一个格子再做一次 `backward()`（这次**不带** `retain_graph`），
# 之后 `w.grad` 是多少？

# %% tags=["exercise"]
answer = ...
ex.check_grad_after_two_backwards(answer)

# %%
z.backward()
print("w.grad =", w.grad)
print("b.grad =", b.grad)

# %% [markdown] en
# Both gradients doubled: the second pass **added** 2 and 1 although it did not retain the
# graph. But now the saved values are gone, and a third `backward()` raises a `RuntimeError`.
# We catch it and print PyTorch's message:

# %% [markdown] zh
# 两个梯度都翻了一倍：第二次反向传播虽然没有保留计算图，还是把 2 和 1 **累加**了进去。
# 不过保存的中间值现在已经被释放，第三次 `backward()` 就会抛出 `RuntimeError`。
# 我们把它捕获下来，打印 PyTorch 给出的信息：

# %%
try:
    z.backward()
except RuntimeError as e:
    print(f"{type(e).__name__}: {e}")

# %% [markdown] en
# The recorder sees this too. Below we zero the gradients, record a fresh graph and run
# `backward()` twice.
# **Predict:** which frames come between the end of the first backward pass and the error?
# The stepper opens at the error; step back to check.

# %% [markdown] zh
# 记录器同样能看到这个过程。下面先把梯度清零，再重新搭一张图，连续做两次 `backward()`。
# **预测一下：**第一次反向传播结束之后、报错之前，会出现哪些帧？
# 步进器直接停在出错的那一帧，往回退几帧验证你的想法。

# %%
w.grad.zero_()
b.grad.zero_()
with torch.record() as rec2:
    y = torch.mul(x, w)
    z = torch.add(y, b)
    z.backward()
    try:
        z.backward()
    except RuntimeError as e:
        print(f"{type(e).__name__}: {str(e).split(' (')[0]}")

stepper = torch.Stepper(rec2)
stepper.frame = [f.phase for f in rec2.frames].index("error")
stepper

# %% [markdown] en
# ## Autograd against pencil and paper
#
# Take a function with a derivative we can find by hand (the product rule):
#
# $$y = x^2 e^x \qquad\Longrightarrow\qquad \frac{dy}{dx} = 2x\,e^x + x^2 e^x$$
#
# This time `x` is a 3 × 4 tensor of random numbers, and `y` is a 3 × 4 tensor too. For a
# non-scalar output, `backward(v)` needs a tensor `v` of the same shape and computes a
# **vector-Jacobian product**: the gradient of `(v * y).sum()`. With `v` all ones that is the
# gradient of `y.sum()`.
#
# Here each `y[i, j]` depends only on its own `x[i, j]` (the function is applied element by
# element), so the gradient of `y.sum()` with respect to `x[i, j]` is just $dy/dx$ at that
# element. For a function that mixes elements (a matrix product, a softmax), `backward(ones)`
# would sum contributions instead, and would not give "the derivative of each element".

# %% [markdown] zh
# ## autograd 与手算对比
#
# 选一个能手工求导的函数（乘积法则）：
#
# $$y = x^2 e^x \qquad\Longrightarrow\qquad \frac{dy}{dx} = 2x\,e^x + x^2 e^x$$
#
# 这次 `x` 是一个 3 × 4 的随机张量，`y` 也是 3 × 4 的张量。输出不是标量时，`backward(v)`
# 需要一个与输出同形状的张量 `v`，计算的是**向量–雅可比积**（vector-Jacobian product）：
# 也就是 `(v * y).sum()` 的梯度。`v` 全为 1 时，就是 `y.sum()` 的梯度。
#
# 这里每个 `y[i, j]` 只依赖它自己的 `x[i, j]`（函数逐元素作用），所以 `y.sum()` 对 `x[i, j]`
# 的梯度恰好就是该元素处的 $dy/dx$。如果函数会把元素混在一起（矩阵乘法、softmax），
# `backward(全 1)` 得到的就是各项贡献之和，而不是“每个元素的导数”。


# %%
def f(x):
    return x**2 * torch.exp(x)


def dfdx(x):
    return 2 * x * torch.exp(x) + x**2 * torch.exp(x)


torch.manual_seed(0)
x = torch.randn(3, 4, requires_grad=True)
y = f(x)
y.backward(torch.ones(y.size()))

print(x.grad)
print(dfdx(x))

# %% [markdown] en
# The first tensor is autograd's `x.grad`, the second our hand-made `dfdx(x)`: the same
# numbers. (The hand-made result carries a `grad_fn`, because we computed it from `x`, which
# requires grad.) Instead of reading twelve numbers, let the computer compare:

# %% [markdown] zh
# 第一个张量是 autograd 算出的 `x.grad`，第二个是手算的 `dfdx(x)`：两组数一模一样。
# （手算的结果带着 `grad_fn`，因为它是由需要梯度的 `x` 算出来的。）
# 与其逐个比对这 12 个数，不如让电脑来比较：

# %%
torch.allclose(x.grad, dfdx(x))

# %% [markdown] en
# ### Your turn
#
# Derive it yourself: what is $\frac{dy}{dx}$ at $x = 1$? Give it to four decimals
# ($e \approx 2.71828$).

# %% [markdown] zh
# ### 练一练
#
# 自己推一推：$x = 1$ 时，$\frac{dy}{dx}$ 等于多少？保留四位小数（$e \approx 2.71828$）。

# %% tags=["exercise"]
answer = ...
ex.check_dydx_at_1(answer)

# %% [markdown] en
# And a vector-Jacobian product by hand: `x = torch.tensor([3.0, 4.0], requires_grad=True)`,
# `y = x**2`, then `y.backward(torch.tensor([1.0, 0.5]))`. What is `x.grad`? (A list of two
# numbers.)

# %% [markdown] zh
# 再手算一个向量–雅可比积：`x = torch.tensor([3.0, 4.0], requires_grad=True)`，`y = x**2`，
# 然后 `y.backward(torch.tensor([1.0, 0.5]))`。`x.grad` 是多少？（写成两个数的列表。）

# %% tags=["exercise"]
answer = ...
ex.check_vjp(answer)

# %% [markdown] en
# ## Walking the graph by hand: `next_functions`
#
# Each `grad_fn` knows the functions that run *after* it in the backward pass (the ones
# closer to the leaves): `next_functions` is a tuple of `(function, index)` pairs, one per
# input of the operation. A leaf that requires grad is represented by an `AccumulateGrad`
# node: it is where gradients end up, added into `.grad`. An input that needs no gradient
# appears as `None`.
#
# **Predict:** for `z = y + b` below, what is the class of `z.grad_fn.next_functions[1][0]`,
# the node that receives `b`'s gradient? Answer with its name in quotes.

# %% [markdown] zh
# ## 亲手沿着图往回走：`next_functions`
#
# 每个 `grad_fn` 都知道反向传播中在它**之后**运行的函数（离叶子节点更近的那些）：
# `next_functions` 是一个由 `(函数, 序号)` 组成的元组，运算的每个输入对应一项。
# 需要梯度的叶子节点由一个 `AccumulateGrad` 节点代表：梯度最终流到这里，累加进 `.grad`。
# 不需要梯度的输入则显示为 `None`。
#
# **预测一下：**对下面的 `z = y + b`，`z.grad_fn.next_functions[1][0]`（接收 `b` 的梯度的节点）
# 是哪个类？用引号写出它的名字。

# %% tags=["exercise"]
answer = ...
ex.check_next_function_of_b(answer)

# %%
x = torch.ones(1)
w = torch.tensor([0.5], requires_grad=True)
b = torch.tensor([0.25], requires_grad=True)
y = w.mul(x)
z = y.add(b)

print(z.grad_fn)
print(z.grad_fn.next_functions)

# %% [markdown] en
# The first entry is `y`'s `MulBackward0`, the second the `AccumulateGrad` of `b`.
# `MulBackward0` in turn points at `w`'s `AccumulateGrad` and at `None` for `x`,
# which does not require grad.

# %% [markdown] zh
# 第一项是 `y` 的 `MulBackward0`，第二项是 `b` 的 `AccumulateGrad`。
# 而 `MulBackward0` 又指向 `w` 的 `AccumulateGrad`，以及代表 `x` 的 `None`
# （`x` 不需要梯度）。

# %%
mul_node = z.grad_fn.next_functions[0][0]
print(mul_node is y.grad_fn)
print(mul_node.next_functions)
print(mul_node.next_functions[0][0].variable is w)

# %% [markdown] en
# (`True`: it is `y.grad_fn`; and `True`: that `AccumulateGrad` holds `w`.)
# The same structure, drawn as the autograd engine sees it:

# %% [markdown] zh
# （第一个 `True`：它就是 `y.grad_fn`；第二个 `True`：那个 `AccumulateGrad` 持有的正是 `w`。）
# 同样的结构，按 autograd 引擎的视角画出来：

# %%
torch.draw(z, view="autograd")

# %% [markdown] en
# ## Switching autograd off
#
# For evaluation or inference we need no gradients, and building the graph would only cost
# time and memory. Inside `torch.no_grad()` results are not tracked, even when an input
# requires grad. `torch.set_grad_enabled(False)` does the same until you switch it back on.

# %% [markdown] zh
# ## 关掉 autograd
#
# 评估模型或做推理时用不到梯度，搭计算图只会白白耗费时间和内存。
# 在 `torch.no_grad()` 里算出的结果不会被跟踪，即使输入需要梯度也一样。
# `torch.set_grad_enabled(False)` 效果相同，直到你再把它打开。

# %%
with torch.no_grad():
    y = x.mul(w)
print(x.requires_grad, w.requires_grad, y.requires_grad, y.grad_fn, y.is_leaf)

torch.set_grad_enabled(False)
y = x.mul(w)
torch.set_grad_enabled(True)
print(y.requires_grad, y.grad_fn, y.is_leaf)

y = x.mul(w)
print(y.requires_grad, y.grad_fn, y.is_leaf)

# %% [markdown] en
# Inside `no_grad` (first line) and with gradients disabled (second line), `y` has no
# `grad_fn` and **is a leaf**: no tracked operation produced it, although it was computed
# from `w`. With tracking back on (third line) it is an ordinary non-leaf again.

# %% [markdown] zh
# 在 `no_grad` 里（第一行）和关闭梯度时（第二行），`y` 没有 `grad_fn`，而且**是叶子节点**：
# 虽然它是由 `w` 算出来的，但产生它的运算没有被跟踪。重新打开跟踪后（第三行），
# 它又是一个普通的非叶子节点。

# %% [markdown] en
# ## Changing values behind autograd's back: `.data`
#
# `t.data` is the same numbers as `t`, but detached from the graph. Changing it edits the
# tensor without recording anything. It is an old idiom (lesson 04 shows the modern ones,
# `no_grad` and `detach`); it is dangerous because autograd will not know the values changed.

# %% [markdown] zh
# ## 绕过 autograd 修改数值：`.data`
#
# `t.data` 和 `t` 是同一份数据，但与计算图脱钩。改动 `.data` 会直接修改张量，
# 却不会留下任何记录。这是一种老写法（第 04 课会介绍现在推荐的 `no_grad` 和 `detach`）；
# 它很危险，因为 autograd 并不知道数值已经变了。

# %%
torch.manual_seed(1)
v = torch.rand(5, requires_grad=True)
print(v)
print(v.data)

v.data *= 100
print(v)
print(v.is_leaf, v.grad_fn)

# %% [markdown] en
# `v` changed, and it is still a leaf with no history (`True None`).
#
# ## Check your understanding
#
# 1. `z = x*w + b` with `x` not requiring grad. Which tensors are leaves, and which of them
#    get a `.grad` after `z.backward()`?
#    <details><summary>Answer</summary>
#    Leaves: <code>x</code>, <code>w</code>, <code>b</code> (made by us). Only <code>w</code>
#    and <code>b</code> get a <code>.grad</code>: <code>x</code> does not require grad, and
#    non-leaves (<code>y</code>, <code>z</code>) do not keep one.
#    </details>
# 2. True or false: "calling `backward()` without `retain_graph=True` resets the gradients".
#    <details><summary>Answer</summary>
#    False. <code>retain_graph</code> only keeps the saved values for another backward pass.
#    Gradients are added into <code>.grad</code> by every backward pass; only
#    <code>zero_()</code> / <code>zero_grad()</code> resets them.
#    </details>
# 3. Why does `MulBackward0` in `y = x * w` keep `x` but not `w`?
#    <details><summary>Answer</summary>
#    The gradient for <code>w</code> is <code>grad · x</code>, so it needs <code>x</code>; the
#    gradient for <code>x</code> would need <code>w</code>, but <code>x</code> does not
#    require grad, so nothing needs <code>w</code>.
#    </details>
# 4. `y = torch.mm(A, x)` and `y.backward(torch.ones(2, 1))`. Is `x.grad` "the derivative of
#    each `y[i]` with respect to its own `x[i]`"?
#    <details><summary>Answer</summary>
#    No. <code>backward(ones)</code> is the gradient of <code>y.sum()</code>: each
#    <code>x[j]</code> collects <code>sum_i A[i, j]</code> from every output it influences.
#    Only for an element-wise function is it each element's own derivative.
#    </details>
# 5. Is a tensor computed inside `torch.no_grad()` from a weight a leaf?
#    <details><summary>Answer</summary>
#    Yes: no tracked operation produced it, so it has no <code>grad_fn</code> and
#    <code>is_leaf</code> is <code>True</code> (and <code>requires_grad</code> is
#    <code>False</code>).
#    </details>
#
# ## Summary
#
# * A **leaf** is a tensor no tracked operation produced; results of tracked operations carry
#   a `grad_fn`.
# * `backward()` walks the graph from the output to the leaves and **adds** into their `.grad`.
# * It frees the saved values afterwards unless you pass `retain_graph=True`; a second pass
#   then raises `RuntimeError`. `retain_graph` never zeroes or accumulates anything.
# * For a non-scalar output, `backward(v)` computes the vector-Jacobian product, the gradient
#   of `(v * y).sum()`.
# * `grad_fn.next_functions` lists the nodes that run after a node in backward; leaves appear
#   as `AccumulateGrad`.
# * `no_grad()` / `set_grad_enabled(False)` stop tracking; `.data` edits values outside the graph.
#
# Next: **02 · Leaf tensors**, where gradients build up over several passes and we update
# weights by hand.

# %% [markdown] zh
# `v` 的值变了，但它仍然是没有历史的叶子节点（`True None`）。
#
# ## 检验一下
#
# 1. `z = x*w + b`，其中 `x` 不需要梯度。哪些张量是叶子节点？`z.backward()` 之后哪些有 `.grad`？
#    <details><summary>答案</summary>
#    叶子节点：<code>x</code>、<code>w</code>、<code>b</code>（都是我们自己创建的）。
#    只有 <code>w</code> 和 <code>b</code> 有 <code>.grad</code>：<code>x</code> 不需要梯度，
#    非叶子节点（<code>y</code>、<code>z</code>）不保存梯度。
#    </details>
# 2. 判断对错：“不带 `retain_graph=True` 调用 `backward()` 会把梯度清零”。
#    <details><summary>答案</summary>
#    错。<code>retain_graph</code> 只是把保存的中间值留给下一次反向传播。
#    每次反向传播都会把梯度累加进 <code>.grad</code>；只有 <code>zero_()</code> /
#    <code>zero_grad()</code> 才会清零。
#    </details>
# 3. 在 `y = x * w` 中，`MulBackward0` 为什么保存 `x` 而不保存 `w`？
#    <details><summary>答案</summary>
#    <code>w</code> 的梯度是 <code>grad · x</code>，所以需要 <code>x</code>；
#    <code>x</code> 的梯度才需要 <code>w</code>，但 <code>x</code> 不需要梯度，
#    所以没有谁用得到 <code>w</code>。
#    </details>
# 4. `y = torch.mm(A, x)`，然后 `y.backward(torch.ones(2, 1))`。`x.grad` 是“每个 `y[i]`
#    对它自己的 `x[i]` 的导数”吗？
#    <details><summary>答案</summary>
#    不是。<code>backward(全 1)</code> 求的是 <code>y.sum()</code> 的梯度：每个
#    <code>x[j]</code> 会从它影响到的所有输出那里收集 <code>sum_i A[i, j]</code>。
#    只有逐元素的函数，结果才恰好是每个元素自己的导数。
#    </details>
# 5. 在 `torch.no_grad()` 里由权重算出的张量是叶子节点吗？
#    <details><summary>答案</summary>
#    是。它不是由被跟踪的运算产生的，所以没有 <code>grad_fn</code>，<code>is_leaf</code>
#    为 <code>True</code>（<code>requires_grad</code> 为 <code>False</code>）。
#    </details>
#
# ## 小结
#
# * **叶子节点**是不由被跟踪的运算产生的张量；被跟踪的运算得到的结果带有 `grad_fn`。
# * `backward()` 从输出沿着图走回叶子节点，把梯度**累加**进它们的 `.grad`。
# * 除非传入 `retain_graph=True`，反向传播结束后保存的中间值会被释放；再做一次就会抛出
#   `RuntimeError`。`retain_graph` 既不清零也不负责累加。
# * 输出不是标量时，`backward(v)` 计算向量–雅可比积，即 `(v * y).sum()` 的梯度。
# * `grad_fn.next_functions` 列出反向传播中在某个节点之后运行的节点；叶子节点以
#   `AccumulateGrad` 的形式出现。
# * `no_grad()` / `set_grad_enabled(False)` 停止跟踪；`.data` 在图外修改数值。
#
# 下一课：**02 · 叶子张量**，看梯度如何在多次反向传播中累积，并亲手更新权重。
