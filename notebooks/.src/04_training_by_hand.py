# %% [markdown] en
# # 04 · Training by hand
#
# Time to put gradients to work. We fit two tiny models to three points by repeating one
# recipe: **forward, backward, update, zero**. No optimizer, no magic: just the gradients in
# `.grad` and updates that autograd does not record. Exercises start with `answer = ...`:
# replace the `...` and run the cell.

# %% [markdown] zh
# # 04 · 亲手训练模型
#
# 现在让梯度干点正事。我们用同一套流程反复迭代，把两个很小的模型拟合到三个数据点上：
# **前向、反向、更新、清零**。不用优化器，也没有什么魔法：只用 `.grad` 里的梯度，
# 以及不被 autograd 记录的更新。练习都以 `answer = ...` 开头：把 `...` 换成你的答案，
# 再运行这个格子。

# %%
import autograd_viz
import autograd_viz as torch
from autograd_viz.lessons import lesson_04 as ex

# %% [markdown] en
# ## `.data` and `.grad` are tensors too
#
# A tensor that requires a gradient carries two other tensors: `.data` (its numbers, without
# the autograd bookkeeping) and `.grad` (empty until a backward pass fills it).

# %% [markdown] zh
# ## `.data` 和 `.grad` 也是张量
#
# 需要梯度的张量身上还带着两个张量：`.data`（它的数值，不带自动求导的信息）和
# `.grad`（在反向传播填入之前是空的）。

# %%
a = torch.tensor([1.0])
a.requires_grad = True

print(a)
print(a.data)
print(a.type())
print(a.data.type())
print(a.grad)
print(type(a.grad))

# %% [markdown] en
# Both `a` and `a.data` are `torch.FloatTensor`s; `a.grad` is `None` for now.
#
# Two remarks before we use them, because the original notebook writes
# `w.data = w.data - 0.01 * w.grad.data`:
#
# * `.grad` is a plain tensor that carries **no graph** (it does not require grad), so
#   `w.grad.data` is the same as `w.grad`: the `.data` there does nothing.
# * `.data` itself is a legacy idiom. It edits values behind autograd's back, so autograd
#   cannot warn you if those values were needed for a backward pass. Today's code updates
#   weights in place inside `torch.no_grad()`, and uses `t.detach()` to get a graph-free view.

# %% [markdown] zh
# `a` 和 `a.data` 都是 `torch.FloatTensor`；`a.grad` 现在还是 `None`。
#
# 用之前先说两点，因为原笔记本写的是 `w.data = w.data - 0.01 * w.grad.data`：
#
# * `.grad` 是一个普通的张量，**不带计算图**（它不需要梯度），所以 `w.grad.data` 和
#   `w.grad` 完全一样：那里的 `.data` 什么也没做。
# * `.data` 本身是一种老写法。它绕过 autograd 修改数值，如果这些数值在反向传播时还要用，
#   autograd 也没法提醒你。现在的代码在 `torch.no_grad()` 里原地更新权重，
#   需要一个不带计算图的张量时则用 `t.detach()`。

# %%
w_demo = torch.tensor([3.0], requires_grad=True)
(w_demo * 2).backward()
print(w_demo.grad.requires_grad, w_demo.grad.grad_fn)
print(w_demo.detach(), w_demo.detach().requires_grad)

# %% [markdown] en
# (`False None`: the gradient has no graph. `detach()` gives the same numbers without one.)
#
# ## The data: `y = 2x`
#
# Three points that lie exactly on the line $y = 2x$. Our model is $\hat y = w\,x$ and we start
# from the wrong guess $w = 1$. The loss of one sample is the squared error $(\hat y - y)^2$.

# %% [markdown] zh
# （`False None`：梯度不带计算图。`detach()` 给出同样的数值，也不带计算图。）
#
# ## 数据：`y = 2x`
#
# 三个点恰好落在直线 $y = 2x$ 上。模型是 $\hat y = w\,x$，我们从一个错误的猜测 $w = 1$ 出发。
# 单个样本的损失是平方误差 $(\hat y - y)^2$。

# %%
x_data = [1.0, 2.0, 3.0]
y_data = [2.0, 4.0, 6.0]

w = torch.tensor([1.0])
w.requires_grad = True


def forward(x):
    return x * w


def loss(x, y):
    y_pred = forward(x)
    return (y_pred - y) ** 2


# %% [markdown] en
# Because `w` requires a gradient, everything computed from it does too. Before training,
# the model predicts $1 \times 4 = 4$ for $x = 4$ (the right answer is 8):

# %% [markdown] zh
# 因为 `w` 需要梯度，所有由它算出来的张量也都需要梯度。训练之前，模型对 $x = 4$
# 的预测是 $1 \times 4 = 4$（正确答案是 8）：

# %%
forward(4).item()

# %% [markdown] en
# ## Exercise: the first gradient
#
# Derive it: for one sample, $l = (w x - y)^2$. The chain rule through the square gives
# $\partial l/\partial w = 2\,(w x - y) \cdot x$. Compute it for the first sample,
# $x = 1$, $y = 2$, with $w = 1$.

# %% [markdown] zh
# ## 练习：第一个梯度
#
# 推一推：单个样本的损失是 $l = (w x - y)^2$。对平方用链式法则，得到
# $\partial l/\partial w = 2\,(w x - y) \cdot x$。请对第一个样本 $x = 1$、$y = 2$，
# 在 $w = 1$ 时算出它。

# %% tags=["exercise"]
answer = ...
ex.check_first_grad(answer)

# %% [markdown] en
# Autograd's answer:

# %% [markdown] zh
# autograd 的答案：

# %%
l = loss(1.0, 2.0)
l.backward()
w.grad

# %% [markdown] en
# That was only a look: we clear the gradient again and leave `w` untouched before training.

# %% [markdown] zh
# 刚才只是看一眼：训练前我们把梯度清掉，`w` 保持不变。

# %%
w.grad.zero_()
w, w.grad

# %% [markdown] en
# ## The training loop
#
# For each sample: forward (build the loss), backward (fill `w.grad`), update `w` inside
# `torch.no_grad()` with learning rate 0.01, then zero the gradient (otherwise the next
# sample's gradient would be added to this one).
#
# ### Your turn
#
# The first sample moves $w$ from 1 to $1 - 0.01 \times (-2) = 1.02$. With that $w$, what is
# the gradient for the **second** sample, $x = 2$, $y = 4$? (The loop prints it: work it out
# before you run it.)

# %% [markdown] zh
# ## 训练循环
#
# 对每个样本：前向（算出损失）、反向（填好 `w.grad`）、在 `torch.no_grad()` 里用学习率 0.01
# 更新 `w`，然后把梯度清零（否则下一个样本的梯度会加到这一个上面）。
#
# ### 练一练
#
# 第一个样本把 $w$ 从 1 变成 $1 - 0.01 \times (-2) = 1.02$。用这个 $w$，**第二个**样本
# $x = 2$、$y = 4$ 的梯度是多少？（下面的循环会把它打印出来：请在运行之前先算好。）

# %% tags=["exercise"]
answer = ...
ex.check_second_grad(answer)

# %% [markdown] en
# We print the three gradients of the first epoch and the loss of the last sample every 10
# epochs, with `l.item()`. That call matters: `l` is a tensor that keeps its whole graph
# (every intermediate value saved for backward) alive, while `l.item()` is a plain Python
# number. Collect `l` itself in a list of losses and every epoch's graph stays in memory.

# %% [markdown] zh
# 我们打印第一轮的三个梯度，并且每 10 轮用 `l.item()` 打印一次最后一个样本的损失。
# 这个调用很要紧：`l` 是一个张量，它会让整张计算图（为反向传播保存的所有中间值）一直留在内存里；
# 而 `l.item()` 只是一个普通的 Python 数字。如果把 `l` 本身存进一个损失列表，
# 每一轮的计算图都会留在内存中。

# %%
for epoch in range(100):
    for x, y in zip(x_data, y_data, strict=True):
        l = loss(x, y)
        l.backward()
        if epoch == 0:
            print(f"    x={x} y={y}  dl/dw={w.grad.item():.4f}")
        with torch.no_grad():
            w -= 0.01 * w.grad
        w.grad.zero_()
    if epoch % 10 == 0 or epoch == 99:
        print(f"{epoch:2d}  l={l.item():.6f}")

# %% [markdown] en
# The gradients of the first epoch are $-2$, $-7.84$ and $-16.2288$: each one is computed with
# the $w$ left by the previous update. The loss drops to (almost) zero, and $w$ reaches 2:

# %% [markdown] zh
# 第一轮的三个梯度是 $-2$、$-7.84$ 和 $-16.2288$：每一个都是用上一次更新之后的 $w$ 算出来的。
# 损失降到（几乎）为零，$w$ 也到了 2：

# %%
print(f"w = {w.item():.4f}")
print(f"x = 4 -> {forward(4).item():.4f}")

# %% [markdown] en
# ## A quadratic model
#
# Now a model with three parameters, $\hat y = w_1 x^2 + w_2 x + b$, all starting at 1, on
# the same data. Before training it predicts $16 + 4 + 1 = 21$ for $x = 4$. We name
# `x_squared` inside `forward` so that $x^2$ shows up as its own node in the graph.

# %% [markdown] zh
# ## 二次模型
#
# 现在换一个有三个参数的模型 $\hat y = w_1 x^2 + w_2 x + b$，三个参数都从 1 开始，
# 数据不变。训练之前它对 $x = 4$ 的预测是 $16 + 4 + 1 = 21$。我们在 `forward` 里把
# `x_squared` 单独命名，这样 $x^2$ 在图中就是一个独立的节点。

# %%
w1 = torch.tensor([1.0], requires_grad=True)
w2 = torch.tensor([1.0], requires_grad=True)
b = torch.tensor([1.0], requires_grad=True)


def forward(x):
    x_squared = x**2
    return w1 * x_squared + w2 * x + b


def loss(x, y):
    y_pred = forward(x)
    return (y_pred - y) ** 2


forward(4).item()

# %% [markdown] en
# ### Its computation graph
#
# Here is the graph of the loss for the first sample, $x = 1$ with target $y = 2$. We make
# `x` and `y` tensors and record the forward pass, so the picture shows every input (the
# target too) and every intermediate value: $\hat y = 3$, $\hat y - y = 1$, $l = 1$.

# %% [markdown] zh
# ### 它的计算图
#
# 下面是第一个样本（$x = 1$，目标 $y = 2$）的损失的计算图。我们把 `x` 和 `y` 做成张量，
# 并记录前向传播，这样图中会画出每个输入（包括目标值）和每个中间值：
# $\hat y = 3$，$\hat y - y = 1$，$l = 1$。

# %%
x = torch.tensor([1.0])
y = torch.tensor([2.0])
with autograd_viz.record() as rec_graph:
    l = loss(x, y)
autograd_viz.draw(rec_graph)

# %% [markdown] en
# ### Backward by hand
#
# Walk the graph from right to left, multiplying local derivatives (the chain rule):
#
# $$\frac{\partial l}{\partial \hat y} = 2(\hat y - y), \qquad
# \frac{\partial l}{\partial w_1} = 2(\hat y - y)\,x^2, \qquad
# \frac{\partial l}{\partial w_2} = 2(\hat y - y)\,x, \qquad
# \frac{\partial l}{\partial b} = 2(\hat y - y).$$
#
# For the first sample $\hat y = 3$, so $2(\hat y - y) = 2$ and, with $x = 1$, all three
# gradients are 2. Autograd agrees:

# %% [markdown] zh
# ### 手推反向传播
#
# 从右往左沿着图走，把局部导数乘起来（链式法则）：
#
# $$\frac{\partial l}{\partial \hat y} = 2(\hat y - y), \qquad
# \frac{\partial l}{\partial w_1} = 2(\hat y - y)\,x^2, \qquad
# \frac{\partial l}{\partial w_2} = 2(\hat y - y)\,x, \qquad
# \frac{\partial l}{\partial b} = 2(\hat y - y).$$
#
# 第一个样本的 $\hat y = 3$，所以 $2(\hat y - y) = 2$；又因为 $x = 1$，三个梯度都是 2。
# autograd 的结果一致：

# %%
l.backward()
print(f"{w1.grad.item():.4f} {w2.grad.item():.4f} {b.grad.item():.4f}")

# %% [markdown] en
# One training step: every parameter becomes $1 - 0.01 \times 2 = 0.98$, and the gradients
# are cleared.

# %% [markdown] zh
# 训练一步：每个参数都变成 $1 - 0.01 \times 2 = 0.98$，然后把梯度清零。

# %%
with torch.no_grad():
    for p in (w1, w2, b):
        p -= 0.01 * p.grad
        p.grad.zero_()

w1, w2, b

# %% [markdown] en
# ### Exercise: the second sample
#
# With all three parameters at 0.98, take the second sample $x = 2$, $y = 4$. Compute
# $\hat y$, then the three gradients with the formulas above, as a list in the order
# $w_1$, $w_2$, $b$.

# %% [markdown] zh
# ### 练习：第二个样本
#
# 三个参数都是 0.98，取第二个样本 $x = 2$、$y = 4$。先算出 $\hat y$，再用上面的公式算出
# 三个梯度，按 $w_1$、$w_2$、$b$ 的顺序写成列表。

# %% tags=["exercise"]
answer = ...
ex.check_quadratic_grads(answer)

# %%
l = loss(2.0, 4.0)
l.backward()
print(f"{w1.grad.item():.4f} {w2.grad.item():.4f} {b.grad.item():.4f}")

# %% [markdown] en
# ### Training it, with the recorder on
#
# Now we start again from 1, 1, 1 and train for 100 epochs, this time inside
# `autograd_viz.record(full_iterations=3)`: the first 3 iterations (one backward and update
# each) are recorded frame by frame, and every iteration after that leaves a summary: its
# loss, parameters and gradients.

# %% [markdown] zh
# ### 打开记录器训练它
#
# 现在从 1、1、1 重新开始训练 100 轮，这次放在 `autograd_viz.record(full_iterations=3)` 里：
# 前 3 次迭代（每次一次反向传播和一次更新）逐帧记录，之后的每次迭代只留下一份摘要：
# 它的损失、参数和梯度。

# %%
w1 = torch.tensor([1.0], requires_grad=True)
w2 = torch.tensor([1.0], requires_grad=True)
b = torch.tensor([1.0], requires_grad=True)

with autograd_viz.record(full_iterations=3) as rec:
    for epoch in range(100):
        for x, y in zip(x_data, y_data, strict=True):
            l = loss(x, y)
            l.backward()
            if epoch == 0:
                print(
                    f"    x={x} y={y}  {w1.grad.item():.4f} {w2.grad.item():.4f} {b.grad.item():.4f}"
                )
            with torch.no_grad():
                w1 -= 0.01 * w1.grad
                w2 -= 0.01 * w2.grad
                b -= 0.01 * b.grad
            w1.grad.zero_()
            w2.grad.zero_()
            b.grad.zero_()
        if epoch < 4 or epoch % 20 == 0 or epoch == 99:
            print(f"{epoch:2d}  l={l.item():.6f}")

print(f"x = 4 -> {forward(4).item():.4f}")

# %% [markdown] en
# The loss falls fast (18.32, 2.86, 1.17, 0.047 in the first epochs) and then slowly. The
# prediction for $x = 4$ is close to 8 but not there yet: with three parameters the model
# still has to learn that $w_1$ should be 0. Try more epochs if you like.
#
# **Predict first:** in the first iteration, which parameter's update is the biggest, and by
# how much does each change? Then step through the first iterations below: forward,
# backward, the three updates and the zeroing. The plot shows the loss of every recorded
# iteration.

# %% [markdown] zh
# 损失一开始下降得很快（前几轮是 18.32、2.86、1.17、0.047），然后变慢。对 $x = 4$
# 的预测接近 8，但还没到：有三个参数时，模型还得学会让 $w_1$ 变成 0。有兴趣可以多训练几轮。
#
# **先预测：**第一次迭代中，哪个参数的更新最大？每个参数各变化多少？
# 然后在下面的步进器里走一遍前几次迭代：前向、反向、三次更新和清零。
# 图表显示每次记录下来的迭代的损失。

# %%
autograd_viz.Stepper(rec)

# %% [markdown] en
# The recorder counts one iteration per sample, so 3 per epoch and 300 in all. The third
# iteration of an epoch is the sample our loop printed, so iterations 3, 63, 123, ... repeat
# the losses of epochs 0, 20, 40, ...:

# %% [markdown] zh
# 记录器把每个样本算作一次迭代，所以每轮 3 次，一共 300 次。每轮的第 3 次迭代就是循环里
# 打印的那个样本，因此第 3、63、123……次迭代的损失与第 0、20、40……轮的损失相同：

# %%
print(len(rec.iterations))
for it in rec.iterations[2::60]:
    print(f"{it['iteration']:3d}  l={it['loss']:.6f}")

# %% [markdown] en
# ## Check your understanding
#
# 1. Why is `w.grad.data` no different from `w.grad`?
#    <details><summary>Answer</summary>
#    A gradient is a plain tensor with no graph (<code>requires_grad</code> is
#    <code>False</code>), so there is no history for <code>.data</code> to strip.
#    </details>
# 2. What goes wrong if a training loop stores `losses.append(l)` instead of
#    `losses.append(l.item())`?
#    <details><summary>Answer</summary>
#    Each stored loss tensor keeps its graph, and the values saved for backward, alive, so
#    memory grows with every step. <code>l.item()</code> is a plain number.
#    </details>
# 3. Why must the update be inside `torch.no_grad()` (or done on `.data`)?
#    <details><summary>Answer</summary>
#    Otherwise <code>w -= lr * w.grad</code> would be recorded as part of the graph; for a leaf
#    that requires grad PyTorch refuses an in-place change outside <code>no_grad</code>, and the
#    update is not part of the model anyway.
#    </details>
# 4. For the quadratic model, why is `dl/dw1` four times `dl/db` at $x = 2$?
#    <details><summary>Answer</summary>
#    Both share <code>dl/dy_pred</code>; the local derivative of <code>y_pred</code> is
#    <code>x² = 4</code> for <code>w1</code> and <code>1</code> for <code>b</code>.
#    </details>
#
# ## Summary
#
# * `.data` and `.grad` are tensors; a gradient carries no graph, and `.data` is a legacy way
#   around autograd: update in place inside `torch.no_grad()`, detach with `detach()`.
# * Zero the gradient after each update (`w.grad.zero_()`), or the next one piles on top.
# * Keep losses as numbers (`l.item()`), not tensors that hold their graphs.
# * The backward of a small model can be derived by hand with the chain rule, and autograd
#   gets exactly the same numbers.

# %% [markdown] zh
# ## 检验一下
#
# 1. 为什么 `w.grad.data` 和 `w.grad` 没有区别？
#    <details><summary>答案</summary>
#    梯度是一个不带计算图的普通张量（<code>requires_grad</code> 为 <code>False</code>），
#    没有什么历史需要 <code>.data</code> 去剥掉。
#    </details>
# 2. 如果训练循环里写的是 `losses.append(l)` 而不是 `losses.append(l.item())`，会出什么问题？
#    <details><summary>答案</summary>
#    存下来的每个损失张量都会让它的计算图（以及为反向传播保存的值）一直留在内存里，
#    内存会随着训练步数不断增长。<code>l.item()</code> 只是一个普通的数。
#    </details>
# 3. 为什么更新必须放在 `torch.no_grad()` 里（或者对 `.data` 做）？
#    <details><summary>答案</summary>
#    否则 <code>w -= lr * w.grad</code> 会被记录成计算图的一部分；对需要梯度的叶子张量，
#    PyTorch 不允许在 <code>no_grad</code> 之外做原地修改，而且更新本来就不属于模型。
#    </details>
# 4. 在二次模型中，为什么 $x = 2$ 时 `dl/dw1` 是 `dl/db` 的四倍？
#    <details><summary>答案</summary>
#    两者共用 <code>dl/dy_pred</code>；<code>y_pred</code> 对 <code>w1</code> 的局部导数是
#    <code>x² = 4</code>，对 <code>b</code> 的局部导数是 <code>1</code>。
#    </details>
#
# ## 小结
#
# * `.data` 和 `.grad` 都是张量；梯度不带计算图，`.data` 是绕过 autograd 的老写法：
#   在 `torch.no_grad()` 里原地更新，用 `detach()` 得到不带计算图的张量。
# * 每次更新之后把梯度清零（`w.grad.zero_()`），否则下一次的梯度会叠加上去。
# * 损失要存成数（`l.item()`），而不是带着计算图的张量。
# * 小模型的反向传播可以用链式法则手推出来，autograd 得到的数完全一样。
