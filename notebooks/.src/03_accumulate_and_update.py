# %% [markdown] en
# # 03 · Gradients pile up: accumulate, zero, update
#
# A gradient tells us which way to nudge a parameter. In this lesson we
#
# 1. compute the gradients of a small function,
# 2. use them to **update** the inputs,
# 3. discover that a second `backward()` **adds** to the old gradients instead of replacing them,
# 4. scale the same ideas up to a 512 × 512 `nn.Parameter`.

# %% [markdown] zh
# # 03 · 梯度会累加：累加、清零与更新
#
# 梯度告诉我们参数该往哪个方向挪一点。本课我们将：
#
# 1. 求一个小函数的梯度；
# 2. 用梯度**更新**输入；
# 3. 发现第二次 `backward()` 会把新梯度**加到**旧梯度上，而不是覆盖；
# 4. 把同样的做法推广到一个 512 × 512 的 `nn.Parameter`。

# %%
import autograd_viz
import autograd_viz as torch
from autograd_viz import nn

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
constant = torch.tensor([30], dtype=torch.float)  # requires_grad is False by default

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
# Here is the graph that line built: values flow from the inputs on the left into `f` on the
# right. `constant` is an input like the others; the difference is that it does not ask for
# a gradient.

# %% [markdown] zh
# 这是那一行代码建出的计算图：数值从左边的输入流向右边的 `f`。`constant` 和其他输入一样，
# 区别只在于它不要求梯度。

# %%
autograd_viz.draw(f)

# %% [markdown] en
# ## Backward: read the gradients
#
# Since $f$ is linear, each partial derivative is just the coefficient in front of the input:
# $\partial f/\partial x_1 = 10$, $\partial f/\partial x_2 = 20$, $\partial f/\partial x_3 = c = 30$.

# %% [markdown] zh
# ## 反向传播：读出梯度
#
# $f$ 是线性的，所以每个偏导数就是输入前面的系数：
# $\partial f/\partial x_1 = 10$，$\partial f/\partial x_2 = 20$，$\partial f/\partial x_3 = c = 30$。

# %%
f.backward()
x1.grad, x2.grad, x3.grad

# %% [markdown] en
# The constant did not ask for a gradient, so it has none:

# %% [markdown] zh
# 常量没有要求梯度，所以它的梯度是 `None`：

# %%
constant.grad, type(constant.grad)

# %% [markdown] en
# ## Update: one step downhill
#
# To make $f$ smaller we move every input a little **against** its gradient:
# `x = x - learning_rate * grad`.
#
# Two details matter:
#
# * the update is not part of the model, so we do it inside `torch.no_grad()` — nothing in
#   that block is recorded in the graph;
# * we overwrite `.data`, the raw numbers inside the tensor, so `x1` stays the same leaf
#   tensor with `requires_grad=True`.

# %% [markdown] zh
# ## 更新：往下坡走一步
#
# 要让 $f$ 变小，就把每个输入沿梯度的**反方向**挪一点：
# `x = x - 学习率 * 梯度`。
#
# 有两点要注意：
#
# * 更新本身不是模型的一部分，所以放在 `torch.no_grad()` 里面做——这个代码块里的运算都不会记入计算图；
# * 我们改写的是 `.data`，也就是张量里的原始数值，所以 `x1` 仍然是同一个 `requires_grad=True` 的叶子张量。

# %%
learning_rate = 0.01

with torch.no_grad():
    x1.data = x1.data - learning_rate * x1.grad
    x2.data = x2.data - learning_rate * x2.grad
    x3.data = x3.data - learning_rate * x3.grad

x1, x2, x3

# %% [markdown] en
# $100 - 0.01 \times 10 = 99.9$, $200 - 0.01 \times 20 = 199.8$, $300 - 0.01 \times 30 = 299.7$.
#
# ## Exercise: a second backward
#
# We now run the forward pass and `backward()` **again**, without touching `.grad` in between.
#
# The coefficients of $f$ have not changed, so this backward computes 10, 20, 30 once more.
# But what will `x3.grad` hold afterwards? Work it out, then put your answer in `my_answer`
# (the cell below holds the right answer so that the notebook runs; replace it with yours
# and run the check).

# %% [markdown] zh
# $100 - 0.01 \times 10 = 99.9$，$200 - 0.01 \times 20 = 199.8$，$300 - 0.01 \times 30 = 299.7$。
#
# ## 练习：第二次反向传播
#
# 现在我们**再**做一次前向传播和 `backward()`，中间不去动 `.grad`。
#
# $f$ 的系数没有变，所以这次反向传播算出来的还是 10、20、30。
# 可是算完之后 `x3.grad` 里是多少？先自己想一想，再把答案填进 `my_answer`
# （下面的单元格里已经填了正确答案，好让整个笔记本能直接运行；请改成你自己的答案，然后运行检查单元格）。

# %%
my_answer = 60.0  # <- your value for x3.grad after the second backward

# %%
f = 10 * x1 + 20 * x2 + constant * x3
f.backward()

x1.grad, x2.grad, x3.grad

# %% tags=["exercise"]
if abs(my_answer - x3.grad.item()) < 1e-6:
    print("Correct!")
else:
    print(f"Not yet: you said {my_answer}, but x3.grad is {x3.grad.item():.1f}.")
    print("Hint: backward() adds the new gradient 30 to what .grad already held.")
    print(f"还不对：你填的是 {my_answer}，而 x3.grad 是 {x3.grad.item():.1f}。")
    print("提示：backward() 会把新梯度 30 加到 .grad 里原有的值上。")

# %% [markdown] en
# ## Why we zero gradients
#
# `backward()` **accumulates**: `x.grad = x.grad + new gradient`. That is useful when one
# tensor feeds several paths (their contributions must add up), but in a training loop the
# gradient of the *previous* step is stale. So every loop clears it before the next backward:

# %% [markdown] zh
# ## 为什么要把梯度清零
#
# `backward()` 是**累加**的：`x.grad = x.grad + 新梯度`。当一个张量通过多条路径参与计算时，
# 这正是我们想要的（各条路径的贡献要加起来）；但在训练循环里，*上一步*的梯度已经过时了。
# 所以每一轮在下一次反向传播之前都要把它清掉：

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
# 我们从新的输入开始，在记录器下把整个过程重放一遍：前向、反向、更新，不清零再做一次前向和反向，最后清零。

# %%
x1 = torch.tensor([100.0], requires_grad=True)
x2 = torch.tensor([200.0], requires_grad=True)
x3 = torch.tensor([300.0], requires_grad=True)
constant = torch.tensor([30.0])

with autograd_viz.record() as rec:
    f = 10 * x1 + 20 * x2 + constant * x3
    f.backward()
    with torch.no_grad():
        x1.data = x1.data - learning_rate * x1.grad
        x2.data = x2.data - learning_rate * x2.grad
        x3.data = x3.data - learning_rate * x3.grad
    f = 10 * x1 + 20 * x2 + constant * x3
    f.backward()
    x1.grad.zero_()
    x2.grad.zero_()
    x3.grad.zero_()

len(rec.frames)

# %% [markdown] en
# Use the buttons or the slider. Watch for the **accumulate** frames (a gradient lands in a
# leaf's `.grad`), the **update** frames (`.data` changes) and, in the second backward,
# the accumulate frames where the old gradient and the new one are added, then the
# **zero_grad** frames at the end. `constant` takes
# part in the forward pass like any input, but the backward pass never sends it a gradient.

# %% [markdown] zh
# 用按钮或滑块逐帧浏览。留意 **accumulate** 帧（梯度落进叶子节点的 `.grad`）、
# **update** 帧（`.data` 被改写）、第二次反向传播时旧梯度与新梯度相加的 accumulate 帧，以及最后的 **zero_grad** 帧。
# `constant` 和其他输入一样参与前向计算，但反向传播从不把梯度传给它。

# %%
autograd_viz.Stepper(rec)

# %% [markdown] en
# The same story as text, only the frames that change `.grad` or `.data`:

# %% [markdown] zh
# 同样的过程，用文字列出改动 `.grad` 或 `.data` 的那些帧：

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
weights.grad.data

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
# gradient is 666. What does each weight become? Replace the value in `my_weight` with your
# own answer, then run the update and the check.

# %% [markdown] zh
# ## 练习：迈一大步
#
# 现在用学习率 2 更新所有权重。每个权重的初值都是 1，每个梯度都是 666。
# 更新后每个权重变成多少？把 `my_weight` 里的值换成你自己的答案，然后运行更新和检查。

# %%
my_weight = -1331.0  # <- your value for every weight after the update

# %%
learning_rate = 2
with torch.no_grad():
    weights.data = weights.data - learning_rate * weights.grad.data

weights.data

# %% tags=["exercise"]
new_value = weights.data[0, 0].item()
if abs(my_weight - new_value) < 1e-6:
    print("Correct!")
else:
    print(f"Not yet: you said {my_weight}, but every weight is now {new_value:.1f}.")
    print("Hint: new = old - lr * grad = 1 - 2 * 666.")
    print(f"还不对：你填的是 {my_weight}，而现在每个权重都是 {new_value:.1f}。")
    print("提示：新值 = 旧值 - 学习率 × 梯度 = 1 - 2 × 666。")

# %% [markdown] en
# ## Summary
#
# * `backward()` fills `.grad` of the leaves that require a gradient; constants get `None`.
# * Updates happen on `.data` inside `torch.no_grad()`: they are not part of the graph.
# * Gradients **accumulate** across backward calls — zero them before each new step.
# * `nn.Parameter` is a tensor that always requires a gradient; its `.data` does not.

# %% [markdown] zh
# ## 小结
#
# * `backward()` 会填好需要梯度的叶子节点的 `.grad`；常量的梯度是 `None`。
# * 更新在 `torch.no_grad()` 里对 `.data` 进行：它不属于计算图。
# * 梯度在多次反向传播之间会**累加**——每一步开始前要清零。
# * `nn.Parameter` 是总是需要梯度的张量；它的 `.data` 不需要。
