# %% [markdown] en
# # 09 · From the hand loop to `nn` and `optim`
#
# In lesson 04 we trained by hand: create `w` and `b`, compute the loss, `backward()`, update
# inside `no_grad()`, zero the gradients. PyTorch packages each of these steps:
#
# | by hand | packaged |
# |---|---|
# | `w`, `b` with `requires_grad=True`, `x * w + b` | `nn.Linear` |
# | chaining layers by hand | `nn.Sequential` |
# | `((y - t) ** 2).mean()` | `nn.MSELoss()` (and `nn.BCELoss()`, `nn.CrossEntropyLoss()`) |
# | `with no_grad(): w -= lr * w.grad` | `optim.SGD(...).step()` |
# | `w.grad.zero_()` | `optimizer.zero_grad()` |
#
# Nothing new happens underneath: the same graph, the same backward. We check that, then add
# momentum, meet the most common bug (the forgotten `zero_grad()`), and train a small network
# on a two-moons data set.
# %% [markdown] zh
# # 09 · 从手写循环到 `nn` 和 `optim`
#
# 在第 04 课里我们是手动训练的：创建 `w` 和 `b`，计算损失，`backward()`，在 `no_grad()` 里更新，
# 把梯度清零。PyTorch 把每一步都封装好了：
#
# | 手写 | 封装 |
# |---|---|
# | 带 `requires_grad=True` 的 `w`、`b`，`x * w + b` | `nn.Linear` |
# | 手动把层串起来 | `nn.Sequential` |
# | `((y - t) ** 2).mean()` | `nn.MSELoss()`（以及 `nn.BCELoss()`、`nn.CrossEntropyLoss()`） |
# | `with no_grad(): w -= lr * w.grad` | `optim.SGD(...).step()` |
# | `w.grad.zero_()` | `optimizer.zero_grad()` |
#
# 底层并没有发生什么新东西：还是同样的图、同样的反向传播。我们先验证这一点，再加上动量，
# 认识最常见的错误（忘了 `zero_grad()`），最后在“双月”数据集上训练一个小网络。
# %%
import numpy as np

import autograd_viz
import autograd_viz as torch
from autograd_viz import nn
from autograd_viz.lessons import lesson_09 as ex

# %% [markdown] en
# ## The same model, twice
#
# One input, one output: $y = wx + b$, fitted to three points of $t = 2x + 1$.
# First by hand:
# %% [markdown] zh
# ## 同一个模型，写两遍
#
# 一个输入、一个输出：$y = wx + b$，拟合直线 $t = 2x + 1$ 上的三个点。先手写：
# %%
xs = torch.tensor([[0.0], [1.0], [2.0]])
ts = torch.tensor([[1.0], [3.0], [5.0]])

w = torch.tensor([[0.5]], requires_grad=True)
b = torch.tensor([0.0], requires_grad=True)
log = []
for step in range(3):
    loss = ((xs @ w.T + b - ts) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= 0.1 * w.grad
        b -= 0.1 * b.grad
    w.grad.zero_()
    b.grad.zero_()
    log.append((step, loss.item(), w.item(), b.item()))
# %% en
for step, loss_value, w_value, b_value in log:
    print(f"step {step}: loss {loss_value:.4f}  w {w_value:.4f}  b {b_value:.4f}")
# %% zh
for step, loss_value, w_value, b_value in log:
    print(f"第 {step} 步：损失 {loss_value:.4f}  w {w_value:.4f}  b {b_value:.4f}")
# %% [markdown] en
# Then with `nn.Linear`, `nn.MSELoss` and `optim.SGD`, starting from the same weights:
# %% [markdown] zh
# 再用 `nn.Linear`、`nn.MSELoss` 和 `optim.SGD`，从同样的权重出发：
# %%
layer = nn.Linear(1, 1)
with torch.no_grad():
    layer.weight.copy_(torch.tensor([[0.5]]))
    layer.bias.zero_()
loss_fn = nn.MSELoss()
optimizer = torch.optim.SGD(layer.parameters(), lr=0.1)
log = []
for step in range(3):
    optimizer.zero_grad()
    loss = loss_fn(layer(xs), ts)
    loss.backward()
    optimizer.step()
    log.append((step, loss.item(), layer.weight.item(), layer.bias.item()))
# %% en
for step, loss_value, w_value, b_value in log:
    print(f"step {step}: loss {loss_value:.4f}  w {w_value:.4f}  b {b_value:.4f}")
# %% zh
for step, loss_value, w_value, b_value in log:
    print(f"第 {step} 步：损失 {loss_value:.4f}  w {w_value:.4f}  b {b_value:.4f}")
# %% [markdown] en
# The same numbers, step for step. `nn.Linear(1, 1)` holds `weight` (shape 1×1) and `bias`
# (shape 1) as `nn.Parameter`s (leaves with `requires_grad=True`) and computes
# $x W^\top + b$; `optimizer.step()` does `p -= lr * p.grad` for every parameter under
# `no_grad()`.
#
# ### Exercise 1: one gradient of `nn.MSELoss`, by the chain rule
#
# One example $x = 3$, target $t = 4$, a `nn.Linear(1, 1)` with $w = 0.5$, $b = 0$, and
# `nn.MSELoss()`: $L = (y - t)^2$ with $y = wx + b$. Chain the two local derivatives
# $\frac{dL}{dy}$ and $\frac{\partial y}{\partial w}$: what is `layer.weight.grad`?
# %% [markdown] zh
# 每一步的数值都一样。`nn.Linear(1, 1)` 把 `weight`（形状 1×1）和 `bias`（形状 1）存为 `nn.Parameter`
# （即 `requires_grad=True` 的叶子），计算 $x W^\top + b$；`optimizer.step()` 在 `no_grad()` 下对每个参数执行
# `p -= lr * p.grad`。
#
# ### 练习 1：用链式法则求 `nn.MSELoss` 的一个梯度
#
# 一个样本 $x = 3$，目标 $t = 4$，一个 $w = 0.5$、$b = 0$ 的 `nn.Linear(1, 1)`，再加上 `nn.MSELoss()`：
# $L = (y - t)^2$，$y = wx + b$。把两个局部导数 $\frac{dL}{dy}$ 和 $\frac{\partial y}{\partial w}$ 连乘：
# `layer.weight.grad` 是多少？
# %% en tags=["exercise"]
answer = ...  # dL/dy * dy/dw
ex.check_mse_weight_grad(answer)
# %% zh tags=["exercise"]
answer = ...  # dL/dy * dy/dw
ex.check_mse_weight_grad(answer)
# %% [markdown] en
# ## The forgotten `zero_grad()`
#
# `backward()` **adds** into `.grad` (lesson 03). Drop `optimizer.zero_grad()` from the loop
# and every step uses the sum of all gradients so far:
# %% [markdown] zh
# ## 忘掉的 `zero_grad()`
#
# `backward()` 会把梯度**累加**到 `.grad` 里（第 03 课）。如果循环里漏掉 `optimizer.zero_grad()`，
# 每一步用的都是到目前为止所有梯度的总和：
# %%
layer = nn.Linear(1, 1)
with torch.no_grad():
    layer.weight.copy_(torch.tensor([[0.5]]))
    layer.bias.zero_()
optimizer = torch.optim.SGD(layer.parameters(), lr=0.1)
log = []
for step in range(8):
    loss = loss_fn(layer(xs), ts)
    loss.backward()
    log.append((step, loss.item(), layer.weight.grad.item()))
    optimizer.step()
# %% en
for step, loss_value, grad_value in log:
    print(f"step {step}: loss {loss_value:.4f}  weight.grad {grad_value:.4f}")
# %% zh
for step, loss_value, grad_value in log:
    print(f"第 {step} 步：损失 {loss_value:.4f}  weight.grad {grad_value:.4f}")
# %% [markdown] en
# The loss still falls for the first steps, so the bug hides. But from step 1 on, each step uses
# the stale gradients of all earlier steps as well: the updates overshoot, and the loss jumps
# up and down instead of approaching 0 as it did with `zero_grad()`.
#
# ### Exercise 2: accumulated gradients
#
# Without `zero_grad()`, and **without** `optimizer.step()` in between (the model does not
# change), `loss.backward()` runs three times (each after a new forward pass) on the model of
# exercise 1. What is
# `layer.weight.grad` then?
# %% [markdown] zh
# 损失在最初几步仍在下降，所以这个错误很隐蔽。但从第 1 步起，每一步都混进了之前所有步骤的旧梯度：
# 更新冲过了头，损失忽高忽低，不再像调用 `zero_grad()` 时那样逼近 0。
#
# ### 练习 2：累加的梯度
#
# 不调用 `zero_grad()`，并且中间**不**调用 `optimizer.step()`（模型不变），对练习 1 的模型执行三次
# `loss.backward()`（每次都重新前向计算）。这时 `layer.weight.grad` 是多少？
# %% en tags=["exercise"]
answer = ...  # layer.weight.grad after three backward() calls
ex.check_forgotten_zero_grad(answer)
# %% zh tags=["exercise"]
answer = ...  # 三次 backward() 之后的 layer.weight.grad
ex.check_forgotten_zero_grad(answer)
# %% [markdown] en
# ## SGD with momentum
#
# Plain SGD steps along the current gradient. With momentum $\mu$ it keeps a running
# "velocity" $v$ (PyTorch's rule; $v$ starts as the first gradient):
#
# $$v \leftarrow \mu v + g, \qquad p \leftarrow p - \text{lr}\cdot v$$
#
# When the gradient keeps its direction, $v$ grows (up to $g / (1 - \mu)$, ten times $g$
# for $\mu = 0.9$) and steps get longer; when it flips sign, the terms cancel and zig-zags
# are damped. Here a parameter with a constant gradient 1:
# %% [markdown] zh
# ## 带动量的 SGD
#
# 普通 SGD 沿当前梯度走一步。带动量 $\mu$ 时，它维护一个滚动的“速度” $v$
# （PyTorch 的规则；$v$ 的初值是第一个梯度）：
#
# $$v \leftarrow \mu v + g, \qquad p \leftarrow p - \text{lr}\cdot v$$
#
# 梯度方向一直不变时，$v$ 越来越大（最多到 $g / (1 - \mu)$，$\mu = 0.9$ 时是 $g$ 的十倍），步子越迈越大；
# 梯度符号来回翻转时，各项相互抵消，之字形的振荡被抑制。下面是一个梯度恒为 1 的参数：
# %%
p = torch.tensor(0.0, requires_grad=True)
opt = torch.optim.SGD([p], lr=0.1, momentum=0.9)
trace = []
for _ in range(5):
    opt.zero_grad()
    (1.0 * p).backward()
    opt.step()
    trace.append(p.item())
print(" → ".join(f"{value:.4f}" for value in trace))
# %% [markdown] en
# ### Exercise 3: momentum by hand
#
# Now $p = 0$, the gradient is always **2**, `lr=0.1` and `momentum=0.5`. Compute $v$ and $p$
# for two steps: what is $p$ after the **second** step?
# %% [markdown] zh
# ### 练习 3：手算动量
#
# 现在 $p = 0$，梯度恒为 **2**，`lr=0.1`，`momentum=0.5`。算出两步的 $v$ 和 $p$：
# **第二步**之后 $p$ 是多少？
# %% en tags=["exercise"]
answer = ...  # p after the second step
ex.check_momentum(answer)
# %% zh tags=["exercise"]
answer = ...  # 第二步之后的 p
ex.check_momentum(answer)
# %% [markdown] en
# ## A network on two moons
#
# Two interleaving half circles, 50 points each, with a little noise, generated with numpy
# from a fixed seed. Label 0 for the upper moon, 1 for the lower one. No straight line
# separates them, so we need a hidden layer.
# %% [markdown] zh
# ## 双月数据上的网络
#
# 两个相互交错的半圆，各 50 个点，带一点噪声，用 numpy 从固定的随机种子生成。上面的月牙标为 0，
# 下面的标为 1。没有一条直线能把它们分开，所以需要一个隐藏层。
# %%
rng = np.random.default_rng(0)
n = 50
angle = rng.uniform(0, np.pi, n)
upper = np.stack([np.cos(angle), np.sin(angle)], axis=1)
angle = rng.uniform(0, np.pi, n)
lower = np.stack([1 - np.cos(angle), 0.5 - np.sin(angle)], axis=1)
points = np.concatenate([upper, lower]) + rng.normal(0, 0.1, (2 * n, 2))
labels = np.concatenate([np.zeros(n), np.ones(n)])

X = torch.tensor(points, dtype=torch.float32)
T = torch.tensor(labels, dtype=torch.float32).view(-1, 1)
print(X.shape, T.shape)
# %% [markdown] en
# The model: 2 inputs → 16 hidden units with `tanh` → 1 output squashed by a sigmoid into a
# probability of "lower moon". The loss is the binary cross-entropy `nn.BCELoss()`
# ($-t\log y - (1-t)\log(1-y)$, lesson 10 explains why it beats MSE here).
#
# ### Exercise 4: count the parameters
#
# How many numbers does `nn.Sequential(nn.Linear(2, 16), nn.Tanh(), nn.Linear(16, 1),
# nn.Sigmoid())` learn?
# %% [markdown] zh
# 模型：2 个输入 → 16 个带 `tanh` 的隐藏单元 → 1 个输出，经 sigmoid 压成“属于下面月牙”的概率。
# 损失用二元交叉熵 `nn.BCELoss()`（$-t\log y - (1-t)\log(1-y)$；第 10 课解释它为什么在这里比 MSE 好）。
#
# ### 练习 4：数一数参数
#
# `nn.Sequential(nn.Linear(2, 16), nn.Tanh(), nn.Linear(16, 1), nn.Sigmoid())` 一共要学习多少个数？
# %% en tags=["exercise"]
answer = ...  # number of learned numbers
ex.check_parameter_count(answer)
# %% zh tags=["exercise"]
answer = ...  # 需要学习的数的个数
ex.check_parameter_count(answer)
# %%
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(2, 16), nn.Tanh(), nn.Linear(16, 1), nn.Sigmoid())
print(sum(p.numel() for p in model.parameters()))
# %% [markdown] en
# The graph of one forward pass on the whole data set (recorded, then drawn): each `Linear` is
# one `linear` op with its weight and bias as leaves, and the values are 100×16 or 100×1
# matrices, summarised.
# %% [markdown] zh
# 在整个数据集上做一次前向传播的计算图（先记录，再画出）：每个 `Linear` 是一个 `linear` 运算，
# 权重和偏置是它的叶子；数值是 100×16 或 100×1 的矩阵，只显示摘要。
# %%
with autograd_viz.record() as forward_pass:
    bce = nn.BCELoss()(model(X), T)
autograd_viz.draw(forward_pass)
# %% [markdown] en
# **Predict before you step.** Below we train for 50 steps (full batch) inside the recorder.
# It keeps every frame of the first step (zero_grad, forward, loss, backward, the optimizer's
# update) and only the loss and parameters of the others, which the stepper plots. In which
# order will backward reach the four parameters, and which gets its gradient first?
# %% [markdown] zh
# **先预测，再步进。** 下面在记录器里训练 50 步（全批次）。记录器保留第一步的每一帧（zero_grad、前向、
# 损失、反向、优化器更新），其余各步只保留损失和参数，步进器会把它们画成曲线。
# 反向传播会按什么顺序到达这四个参数？哪一个最先得到梯度？
# %%
loss_fn = nn.BCELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.5, momentum=0.9)
losses = []
with autograd_viz.record(full_iterations=1) as rec:
    for _ in range(50):
        optimizer.zero_grad()
        loss = loss_fn(model(X), T)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
autograd_viz.Stepper(rec, quiz=True)
# %% [markdown] en
# Another 250 steps without recording, then the loss now and then, and the accuracy on the
# training points:
# %% [markdown] zh
# 不记录，再训练 250 步；然后不时看一下损失，以及在训练点上的准确率：
# %%
for _ in range(250):
    optimizer.zero_grad()
    loss = loss_fn(model(X), T)
    loss.backward()
    optimizer.step()
    losses.append(loss.item())
with torch.no_grad():
    accuracy = ((model(X) > 0.5).float() == T).float().mean().item()
# %% en
for epoch in [0, 50, 100, 150, 200, 250, 299]:
    print(f"epoch {epoch:3d}  loss {losses[epoch]:.4f}")
print(f"accuracy {accuracy:.2f}")
# %% zh
for epoch in [0, 50, 100, 150, 200, 250, 299]:
    print(f"第 {epoch:3d} 轮  损失 {losses[epoch]:.4f}")
print(f"准确率 {accuracy:.2f}")
# %% [markdown] en
# The loss curve as a row of bars, one per 10 epochs, on a logarithmic scale (taller = larger
# loss; the loss falls by a factor of about 200):
# %% [markdown] zh
# 把损失曲线画成一排竖条，每 10 轮一条，用对数刻度（越高损失越大；损失大约下降到原来的 1/200）：
# %%
bars = "▁▂▃▄▅▆▇█"
lo, hi = np.log(min(losses)), np.log(max(losses))
print("".join(bars[int(7 * (np.log(losses[i]) - lo) / (hi - lo) + 0.5)] for i in range(0, 300, 10)))
# %% [markdown] en
# ## The decision boundary
#
# We ask the trained network for its prediction on a grid of points covering the data: `+`
# where it says "lower moon" (probability above 0.5), `·` where it says "upper moon". The data
# points are drawn on top: `O` for the upper moon, `X` for the lower one.
# %% [markdown] zh
# ## 决策边界
#
# 在覆盖数据的网格点上询问训练好的网络：它判为“下面的月牙”（概率大于 0.5）的地方画 `+`，判为“上面的月牙”的地方画 `·`。
# 数据点画在上面：上面的月牙用 `O`，下面的用 `X`。
# %%
gx = np.linspace(-1.5, 2.5, 56)
gy = np.linspace(1.4, -0.9, 20)
grid = torch.tensor(np.array([[a, c] for c in gy for a in gx]), dtype=torch.float32)
with torch.no_grad():
    lower_side = (model(grid) > 0.5).view(len(gy), len(gx)).tolist()
rows = [["+" if v else "·" for v in row] for row in lower_side]
for (px, py), lab in zip(points, labels, strict=True):
    j = round((px + 1.5) / 4.0 * 55)
    i = round((1.4 - py) / 2.3 * 19)
    if 0 <= i < 20 and 0 <= j < 56:
        rows[i][j] = "X" if lab else "O"
print("\n".join("".join(r) for r in rows))
# %% [markdown] en
# The same picture drawn finer, as a small SVG built by hand (orange: "lower moon", blue:
# "upper moon"; circles are the data, filled for the lower moon):
# %% [markdown] zh
# 把同一张图画得更细：一个手工拼出来的小 SVG（橙色：“下面的月牙”，蓝色：“上面的月牙”；圆圈是数据点，
# 实心的属于下面的月牙）：
# %%
from IPython.display import SVG

nx, ny, cell = 100, 58, 4
fx = np.linspace(-1.5, 2.5, nx)
fy = np.linspace(1.4, -0.9, ny)
fine = torch.tensor(np.array([[a, c] for c in fy for a in fx]), dtype=torch.float32)
with torch.no_grad():
    side = (model(fine) > 0.5).view(ny, nx).tolist()
parts = []
for i, row in enumerate(side):
    j = 0
    while j < nx:
        k = j
        while k < nx and row[k] == row[j]:
            k += 1
        color = "#f5c77e" if row[j] else "#b3dcf2"
        parts.append(
            f'<rect x="{j * cell}" y="{i * cell}" width="{(k - j) * cell}" height="{cell}" fill="{color}"/>'
        )
        j = k
for (px, py), lab in zip(points, labels, strict=True):
    cx = (px + 1.5) / 4.0 * nx * cell
    cy = (1.4 - py) / 2.3 * ny * cell
    fill = "#d55e00" if lab else "white"
    parts.append(
        f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3" fill="{fill}" stroke="#333" stroke-width="1"/>'
    )
SVG(
    f'<svg xmlns="http://www.w3.org/2000/svg" width="{nx * cell}" height="{ny * cell}">'
    + "".join(parts)
    + "</svg>"
)
# %% [markdown] en
# Every `O` lies in the `·` region and every `X` in the `+` region: the hidden layer bent the
# boundary around the moons. Far from the data the network simply extrapolates, and the
# regions there mean nothing.
#
# ## Summary
#
# * `nn.Linear`, `nn.Sequential`, the loss modules and `optim.SGD` do exactly the hand loop's
#   work; `model.parameters()` lists the leaves to update.
# * Call `optimizer.zero_grad()` once per step, or gradients of earlier steps leak in.
# * Momentum: $v \leftarrow \mu v + g$, $p \leftarrow p - \text{lr}\, v$.
#
# ## Questions
#
# 1. Is it wrong to call `zero_grad()` *after* `step()` instead of before `backward()`?
# <details><summary>Answer</summary>
#
# No: what matters is that `.grad` is cleared between one step's `backward()` and the next
# one's. (Only the first step must then start from clean gradients, which new parameters have.)
# </details>
#
# 2. When is *not* zeroing the gradients useful?
# <details><summary>Answer</summary>
#
# Gradient accumulation: when a batch does not fit in memory, run `backward()` on several
# micro-batches and call `step()` once, so their gradients add up to the big batch's.
# </details>
#
# 3. Why does `nn.Linear` store its weight as (out_features, in_features) and compute
#    $x W^\top + b$?
# <details><summary>Answer</summary>
#
# It is PyTorch's convention (one row per output unit). The gradient follows lesson 08 with
# $W^\top$ in place of $W$: `weight.grad` $= dY^\top X$, of the weight's shape.
# </details>
#
# 4. With `momentum=0.9`, why can the loss keep falling for a few steps after the gradient
#    has become almost 0?
# <details><summary>Answer</summary>
#
# The velocity $v$ still holds the earlier gradients and decays only by a factor 0.9 per
# step: the parameters keep moving for a while (and may overshoot).
# </details>
# %% [markdown] zh
# 每个 `O` 都落在 `·` 区域，每个 `X` 都落在 `+` 区域：隐藏层把边界弯成了绕过月牙的形状。
# 离数据较远的地方，网络只是在外推，那里的区域没有意义。
#
# ## 小结
#
# * `nn.Linear`、`nn.Sequential`、各种损失模块和 `optim.SGD` 做的正是手写循环的工作；
#   `model.parameters()` 列出要更新的叶子。
# * 每一步调用一次 `optimizer.zero_grad()`，否则之前步骤的梯度会混进来。
# * 动量：$v \leftarrow \mu v + g$，$p \leftarrow p - \text{lr}\, v$。
#
# ## 思考题
#
# 1. 在 `step()` *之后* 调用 `zero_grad()`，而不是在 `backward()` 之前调用，算错吗？
# <details><summary>答案</summary>
#
# 不算：关键是在这一步的 `backward()` 和下一步的 `backward()` 之间把 `.grad` 清掉。
# （这样只要求第一步从干净的梯度开始，而新建的参数本来就没有梯度。）
# </details>
#
# 2. 什么时候*不*清零梯度反而有用？
# <details><summary>答案</summary>
#
# 梯度累积：一个批次放不进内存时，对几个小批次分别调用 `backward()`，最后只调用一次 `step()`，
# 它们的梯度加起来就等于大批次的梯度。
# </details>
#
# 3. 为什么 `nn.Linear` 把权重存成 (out_features, in_features)，计算 $x W^\top + b$？
# <details><summary>答案</summary>
#
# 这是 PyTorch 的约定（每个输出单元一行）。梯度按第 08 课的方法推导，只是把 $W$ 换成 $W^\top$：
# `weight.grad` $= dY^\top X$，形状与权重相同。
# </details>
#
# 4. 用 `momentum=0.9` 时，为什么梯度已经接近 0 了，损失还能继续下降几步？
# <details><summary>答案</summary>
#
# 速度 $v$ 里还保存着之前的梯度，每步只衰减为原来的 0.9 倍：参数还会继续移动一阵（也可能冲过头）。
# </details>
