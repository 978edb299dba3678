# %% [markdown] en
# # 03 · Gradients pile up: accumulate, zero, update
#
# A gradient tells us which way to nudge a parameter. In this lesson we
#
# 1. compute the gradients of a small function,
# 2. use them to **update** the inputs,
# 3. see where gradients are *summed*: over the paths of one expression, inside a single
#    `backward()`, and across calls, when a second `backward()` **adds** to the old gradients,
# 4. scale the same ideas up to a 512 × 512 `nn.Parameter`.
#
# Exercises start with `answer = ...`: replace the `...` and run the cell.

# %% [markdown] zh
# # 03 · 梯度会累加：累加、清零与更新
#
# 梯度告诉我们参数该往哪个方向挪一点。本课我们将：
#
# 1. 求一个小函数的梯度；
# 2. 用梯度**更新**输入；
# 3. 看清梯度在哪里被**求和**：一个表达式的多条路径在同一次 `backward()` 内部相加；
#    多次调用之间，第二次 `backward()` 会把新梯度**加到**旧梯度上；
# 4. 把同样的做法推广到一个 512 × 512 的 `nn.Parameter`。
#
# 练习都以 `answer = ...` 开头：把 `...` 换成你的答案，再运行这个格子。

# %%
import autograd_viz
import autograd_viz as torch
from autograd_viz import nn
from autograd_viz.lessons import lesson_03 as ex

# %% [markdown] en
# ## Three inputs and a constant
#
# `x1`, `x2`, `x3` are things we want to learn, so they get `requires_grad=True`.
# `constant` is just a number we multiply by: it does not ask for a gradient.

# %% [markdown] zh
# ## 三个输入和一个常量
#
# `x1`、`x2`、`x3` 是我们想要学习的量，所以设置 `requires_grad=True`。
# `constant` 只是一个乘数，它不需要梯度。

# %%
x1 = torch.tensor([100], dtype=torch.float, requires_grad=True)
x2 = torch.tensor([200], dtype=torch.float, requires_grad=True)
x3 = torch.tensor([300], dtype=torch.float, requires_grad=True)
constant = torch.tensor([30], dtype=torch.float)

x1, x2, x3, constant

# %% [markdown] en
# Each of them is a one-element vector:

# %% [markdown] zh
# 它们都是只有一个元素的向量：

# %%
x1.shape, x2.shape, x3.shape, constant.shape

# %% [markdown] en
# ## Forward: build `f`
#
# $$f = 10\,x_1 + 20\,x_2 + c\,x_3$$
#
# Running the line below computes the value **and** records how it was computed.

# %% [markdown] zh
# ## 前向传播：算出 `f`
#
# $$f = 10\,x_1 + 20\,x_2 + c\,x_3$$
#
# 执行下面这一行，既算出了数值，**也**记下了它是怎样算出来的。

# %%
f = 10 * x1 + 20 * x2 + constant * x3
f

# %% [markdown] en
# To draw the graph with every intermediate value, we run the same line once more under the
# recorder and draw the recording: values flow from the inputs on the left into `f` on the
# right.

# %% [markdown] zh
# 为了把每个中间值都画出来，我们在记录器下再运行一次同一行代码，然后画出这份记录：
# 数值从左边的输入流向右边的 `f`。

# %%
with autograd_viz.record() as rec_f:
    f = 10 * x1 + 20 * x2 + constant * x3
autograd_viz.draw(rec_f)

# %% [markdown] en
# ## Backward: read the gradients
#
# Before running `backward()`: what will `x1.grad`, `x2.grad` and `x3.grad` be? Answer with a
# list of three numbers.

# %% [markdown] zh
# ## 反向传播：读出梯度
#
# 运行 `backward()` 之前先想一想：`x1.grad`、`x2.grad`、`x3.grad` 分别是多少？
# 写成三个数的列表。

# %% tags=["exercise"]
answer = ...
ex.check_grads_of_f(answer)

# %%
f.backward()
x1.grad, x2.grad, x3.grad

# %% [markdown] en
# Since $f$ is linear, each partial derivative is just the coefficient in front of the input:
# $\partial f/\partial x_1 = 10$, $\partial f/\partial x_2 = 20$, $\partial f/\partial x_3 = c = 30$.
# The constant did not ask for a gradient, so it has none:

# %% [markdown] zh
# $f$ 是线性的，所以每个偏导数就是输入前面的系数：
# $\partial f/\partial x_1 = 10$，$\partial f/\partial x_2 = 20$，$\partial f/\partial x_3 = c = 30$。
# 常量没有要求梯度，所以它的梯度是 `None`：

# %%
constant.grad, type(constant.grad)

# %% [markdown] en
# ## Update: one step downhill
#
# To make $f$ smaller we move every input a little **against** its gradient:
# `x = x - learning_rate * grad`.
#
# The update is not part of the model, so it must not be recorded in the graph, and `x1`
# must stay the same leaf tensor. Either of two tools does that, and **one is enough**:
#
# * inside `torch.no_grad()`, an in-place `x1 -= learning_rate * x1.grad` is not recorded
#   (the modern way, and what optimizers do);
# * or `x1.data -= learning_rate * x1.grad`, which edits the raw numbers behind autograd's back
#   (the older idiom, which the original notebook combined with `no_grad`: using both is
#   redundant).

# %% [markdown] zh
# ## 更新：往下坡走一步
#
# 要让 $f$ 变小，就把每个输入沿梯度的**反方向**挪一点：`x = x - 学习率 * 梯度`。
#
# 更新本身不是模型的一部分，所以它不能被记进计算图，`x1` 也必须仍是同一个叶子张量。
# 有两种工具都能做到，**用一种就够了**：
#
# * 在 `torch.no_grad()` 里原地做 `x1 -= learning_rate * x1.grad`，不会被记录
#   （现在推荐的写法，优化器也是这样做的）；
# * 或者 `x1.data -= learning_rate * x1.grad`，绕过 autograd 直接改原始数值
#   （较老的写法；原笔记本把它和 `no_grad` 一起用，两者同时用是多余的）。

# %%
learning_rate = 0.01

with torch.no_grad():
    x1 -= learning_rate * x1.grad
    x2 -= learning_rate * x2.grad
    x3 -= learning_rate * x3.grad

x1, x2, x3

# %% [markdown] en
# $100 - 0.01 \times 10 = 99.9$, $200 - 0.01 \times 20 = 199.8$, $300 - 0.01 \times 30 = 299.7$,
# and the three are still leaves that require grad.
#
# ## Exercise: a second backward
#
# We now run the forward pass and `backward()` **again**, without touching `.grad` in between.
# The coefficients of $f$ have not changed, so this backward computes 10, 20, 30 once more.
# But what will `x3.grad` hold afterwards?

# %% [markdown] zh
# $100 - 0.01 \times 10 = 99.9$，$200 - 0.01 \times 20 = 199.8$，$300 - 0.01 \times 30 = 299.7$，
# 而且三者仍然是需要梯度的叶子张量。
#
# ## 练习：第二次反向传播
#
# 现在我们**再**做一次前向传播和 `backward()`，中间不去动 `.grad`。
# $f$ 的系数没有变，所以这次反向传播算出来的还是 10、20、30。
# 可是算完之后 `x3.grad` 里是多少？

# %% tags=["exercise"]
answer = ...
ex.check_x3_grad_after_second_backward(answer)

# %%
f = 10 * x1 + 20 * x2 + constant * x3
f.backward()

x1.grad, x2.grad, x3.grad

# %% [markdown] en
# 20, 40, 60: each new gradient was **added** to the old one.
#
# ## Two kinds of summing
#
# Gradients are summed in two different places, and it helps not to confuse them.
#
# * **Inside one `backward()`**: when a tensor reaches the output along several paths, the
#   contributions of all paths are added up during that single pass. This is the chain rule
#   itself, and it needs no help from `.grad`.
# * **Across `backward()` calls**: `.grad` keeps a running sum, `x.grad = x.grad + new`.
#   That is useful when you split work on purpose: a batch too big for memory done as
#   several micro-batches, or several losses each with its own `backward()`, whose gradients
#   should add up before one update. In an ordinary training loop, though, the previous
#   step's gradient is stale, so every loop clears it before the next backward.
#
# ### Your turn
#
# `x = torch.tensor(3.0, requires_grad=True)`, `q = x * x + 2 * x`, one `q.backward()`.
# What is `x.grad`? Count the paths from `q` back to `x`. **Predict**, answer, then step
# through it in the stepper below (quiz mode: predict each gradient before you reveal it) and
# look for the frame where two gradients meet on the way to `x`.

# %% [markdown] zh
# ## 两种求和
#
# 梯度在两个不同的地方被求和，最好别把它们混为一谈。
#
# * **在一次 `backward()` 内部**：一个张量经过多条路径影响输出时，所有路径的贡献会在
#   这一次反向传播中加起来。这就是链式法则本身，用不着 `.grad` 帮忙。
# * **在多次 `backward()` 调用之间**：`.grad` 保存一个累计和，`x.grad = x.grad + 新梯度`。
#   当你有意拆分工作时这很有用：一个批次太大放不进内存，就分成几个小批次（micro-batch）；
#   或者几个损失各自调用 `backward()`，它们的梯度要先加起来再做一次更新。
#   不过在普通的训练循环里，上一步的梯度已经过时了，所以每一轮在下一次反向传播之前都要把它清掉。
#
# ### 练一练
#
# `x = torch.tensor(3.0, requires_grad=True)`，`q = x * x + 2 * x`，只做一次 `q.backward()`。
# `x.grad` 是多少？数一数从 `q` 回到 `x` 有几条路径。**先预测**并作答，再到下面的步进器里
# 一步步验证（测验模式：揭晓之前先预测每个梯度），找找两份梯度在通往 `x` 的路上相遇的那一帧。

# %% tags=["exercise"]
answer = ...
ex.check_paths_in_one_backward(answer)

# %%
x = torch.tensor(3.0, requires_grad=True)
with autograd_viz.record() as rec_paths:
    q = x * x + 2 * x
    q.backward()

autograd_viz.Stepper(rec_paths, quiz=True)

# %% [markdown] en
# One backward, `x.grad` = 3 + 3 + 2 = 8: the paths were summed inside the pass. Now back to
# `x1`, `x2`, `x3`, whose `.grad` still holds 20, 40, 60 from two passes. Clear them:

# %% [markdown] zh
# 只做了一次反向传播，`x.grad` = 3 + 3 + 2 = 8：各条路径在这一次反向传播内部就加好了。
# 再回到 `x1`、`x2`、`x3`，它们的 `.grad` 里还存着两次反向传播累加出的 20、40、60。把它们清零：

# %%
x1.grad.zero_()
x2.grad.zero_()
x3.grad.zero_()

x1.grad, x2.grad, x3.grad

# %% [markdown] en
# ## Watch it step by step
#
# Let us replay the whole story from fresh inputs under the recorder: forward, backward,
# update, a second forward and backward without zeroing, and finally the zeroing.

# %% [markdown] zh
# ## 一步一步地看
#
# 我们从新的输入开始，在记录器下把整个过程重放一遍：前向、反向、更新，
# 不清零再做一次前向和反向，最后清零。

# %%
x1 = torch.tensor([100.0], requires_grad=True)
x2 = torch.tensor([200.0], requires_grad=True)
x3 = torch.tensor([300.0], requires_grad=True)
constant = torch.tensor([30.0])

with autograd_viz.record() as rec:
    f = 10 * x1 + 20 * x2 + constant * x3
    f.backward()
    with torch.no_grad():
        x1 -= learning_rate * x1.grad
        x2 -= learning_rate * x2.grad
        x3 -= learning_rate * x3.grad
    f = 10 * x1 + 20 * x2 + constant * x3
    f.backward()
    x1.grad.zero_()
    x2.grad.zero_()
    x3.grad.zero_()

len(rec.frames)

# %% [markdown] en
# **Predict first:** in the second backward pass, what will the `accumulate` frame for `x3`
# say (old value, new value, sum)? Does `constant` ever receive a gradient?
#
# Then use the buttons or the slider. Watch for the **accumulate** frames (a gradient lands in
# a leaf's `.grad`), the **update** frames (the values change), the accumulate frames of the
# second backward, where the old gradient and the new one are added, and the **zero_grad**
# frames at the end. `constant` takes part in the forward pass like any input, but the
# backward pass never sends it a gradient.

# %% [markdown] zh
# **先预测：**第二次反向传播中，`x3` 的 `accumulate` 帧会怎么说（旧值、新值、和）？
# `constant` 会收到梯度吗？
#
# 然后用按钮或滑块逐帧浏览。留意 **accumulate** 帧（梯度落进叶子节点的 `.grad`）、
# **update** 帧（数值被改写）、第二次反向传播时旧梯度与新梯度相加的 accumulate 帧，
# 以及最后的 **zero_grad** 帧。`constant` 和其他输入一样参与前向计算，但反向传播从不把梯度传给它。

# %%
autograd_viz.Stepper(rec)

# %% [markdown] en
# The same story as text, only the frames that change `.grad` or the values:

# %% [markdown] zh
# 同样的过程，用文字列出改动 `.grad` 或数值的那些帧：

# %%
for frame in rec.frames:
    if frame.phase in ("accumulate", "update", "zero_grad"):
        print(f"{frame.index:3d} {frame.phase:10s} {frame.caption}")

# %% [markdown] en
# ## `nn.Parameter`: many weights at once
#
# Real models hold thousands of numbers. `nn.Parameter` wraps a tensor and marks it as a
# learnable weight: it always requires a gradient. Its `.data`, the raw numbers, does not.

# %% [markdown] zh
# ## `nn.Parameter`：一次创建大量权重
#
# 真实的模型有成千上万个数。`nn.Parameter` 把一个张量包装成可学习的权重：它总是需要梯度。
# 而它的 `.data`（原始数值）不需要。

# %%
weights = nn.Parameter(torch.ones(size=(512, 512)))
weights.requires_grad, weights.data.requires_grad

# %% [markdown] en
# A 512 × 512 tensor is too big to print, so the middle is shown as `...`:

# %% [markdown] zh
# 512 × 512 的张量太大了，打印时中间部分用 `...` 省略：

# %%
weights

# %% [markdown] en
# Multiply by an input `X` filled with 666 and add everything up. The sum is
# $512 \times 512 \times 666 = 174\,587\,904 \approx 1.7459 \times 10^8$.

# %% [markdown] zh
# 乘以一个全是 666 的输入 `X`，再把所有元素加起来。结果是
# $512 \times 512 \times 666 = 174\,587\,904 \approx 1.7459 \times 10^8$。

# %%
X = torch.ones(size=(512, 512)) * 666
output = (X * weights).sum()
output

# %% [markdown] en
# Each weight is multiplied by 666 once, so each partial derivative is 666:

# %% [markdown] zh
# 每个权重都只乘了一次 666，所以每个偏导数都是 666：

# %%
output.backward()
weights.grad

# %% [markdown] en
# `X` is data, not a weight: it never asked for a gradient.

# %% [markdown] zh
# `X` 是数据，不是权重：它从没要求过梯度。

# %%
print(X.grad)

# %% [markdown] en
# ## Exercise: a big step
#
# Now update every weight with a learning rate of 2. Every weight starts at 1 and every
# gradient is 666. What does each weight become?

# %% [markdown] zh
# ## 练习：迈一大步
#
# 现在用学习率 2 更新所有权重。每个权重的初值都是 1，每个梯度都是 666。
# 更新后每个权重变成多少？

# %% tags=["exercise"]
answer = ...
ex.check_weight_after_big_step(answer)

# %%
learning_rate = 2
with torch.no_grad():
    weights -= learning_rate * weights.grad

weights

# %% [markdown] en
# $1 - 2 \times 666 = -1331$ everywhere. (A learning rate this large would wreck a real model;
# here it just makes the arithmetic easy to see.)
#
# ## Check your understanding
#
# 1. In `q = x * x + 2 * x`, are the gradients of the three uses of `x` combined by `.grad`
#    accumulation?
#    <details><summary>Answer</summary>
#    No. They are summed inside the single <code>backward()</code> call, where the paths meet on
#    the way to <code>x</code>; <code>.grad</code> receives the total, 8, once.
#    </details>
# 2. Name two situations where accumulating gradients across several `backward()` calls is
#    what you want.
#    <details><summary>Answer</summary>
#    Splitting a large batch into micro-batches (call <code>backward()</code> on each, update
#    once), and several losses that each call <code>backward()</code> before one update.
#    </details>
# 3. Someone writes `with torch.no_grad(): w.data = w.data - lr * w.grad`. What would you change?
#    <details><summary>Answer</summary>
#    Nothing is wrong, but one of the two is redundant: <code>with torch.no_grad(): w -= lr *
#    w.grad</code> is enough (and is the modern way); <code>w.data -= lr * w.grad</code> alone
#    would also work.
#    </details>
# 4. Why does `constant.grad` stay `None`?
#    <details><summary>Answer</summary>
#    <code>constant</code> does not require grad, so autograd does not compute a gradient for
#    it, although it takes part in the forward pass.
#    </details>
#
# ## Summary
#
# * `backward()` fills `.grad` of the leaves that require a gradient; constants get `None`.
# * The paths of one expression are summed inside a single `backward()`.
# * Across calls, gradients **accumulate** in `.grad`: useful for micro-batches and several
#   losses, and the reason to zero them before each new step.
# * Updates are not part of the graph: do them in place inside `torch.no_grad()` (or on `.data`,
#   the older idiom), not both.
# * `nn.Parameter` is a tensor that always requires a gradient; its `.data` does not.

# %% [markdown] zh
# 每个元素都变成 $1 - 2 \times 666 = -1331$。（这么大的学习率会毁掉一个真实的模型；
# 这里只是为了让算术一目了然。）
#
# ## 检验一下
#
# 1. 在 `q = x * x + 2 * x` 中，`x` 的三次使用带来的梯度是靠 `.grad` 的累加合在一起的吗？
#    <details><summary>答案</summary>
#    不是。它们在同一次 <code>backward()</code> 内部、各条路径在通往 <code>x</code>
#    的路上相遇时就加好了；<code>.grad</code> 只收到一次总和 8。
#    </details>
# 2. 举出两种需要在多次 `backward()` 调用之间累加梯度的情形。
#    <details><summary>答案</summary>
#    把一个大批次拆成几个小批次（每个小批次调用一次 <code>backward()</code>，最后只更新一次）；
#    以及几个损失各自调用 <code>backward()</code>，然后一起做一次更新。
#    </details>
# 3. 有人写了 `with torch.no_grad(): w.data = w.data - lr * w.grad`。你会怎么改？
#    <details><summary>答案</summary>
#    这样写没有错，但两者中有一个是多余的：<code>with torch.no_grad(): w -= lr * w.grad</code>
#    就够了（也是现在推荐的写法）；单独用 <code>w.data -= lr * w.grad</code> 也可以。
#    </details>
# 4. 为什么 `constant.grad` 一直是 `None`？
#    <details><summary>答案</summary>
#    <code>constant</code> 不需要梯度，所以 autograd 不会为它计算梯度，尽管它参与了前向计算。
#    </details>
#
# ## 小结
#
# * `backward()` 会填好需要梯度的叶子节点的 `.grad`；常量的梯度是 `None`。
# * 一个表达式的多条路径，在同一次 `backward()` 内部求和。
# * 多次调用之间，梯度在 `.grad` 里**累加**：这对小批次和多个损失很有用，
#   也正因如此，每一步开始前要清零。
# * 更新不属于计算图：在 `torch.no_grad()` 里原地更新（或者用较老的 `.data` 写法），二者选一即可。
# * `nn.Parameter` 是总是需要梯度的张量；它的 `.data` 不需要。
