# %% [markdown] en
# # 02 · Leaf tensors and where gradients go
#
# `backward()` computes a gradient for every node of the graph, but it only *keeps* some of
# them. In this lesson you will find out which ones, watch gradients pile up when
# `backward()` runs twice, and use them to train a tiny two-layer model by hand.
# Exercises start with `answer = ...`: replace the `...` and run the cell.

# %% [markdown] zh
# # 02 · 叶子张量：梯度存到了哪里
#
# `backward()` 会为图中的每个节点计算梯度，但只把其中一部分**留下来**。
# 本课我们来看看留下的是哪些，观察两次 `backward()` 之后梯度怎样叠加，
# 最后用这些梯度手动训练一个两层的小模型。练习都以 `answer = ...` 开头：
# 把 `...` 换成你的答案，再运行这个格子。

# %%
import warnings

import autograd_viz as torch
from autograd_viz.lessons import lesson_02 as ex

# %% [markdown] en
# ## A two-layer product
#
# An input vector `X` goes through two weights: a 2 × 4 matrix `W_1`, then a vector `W_2`:
#
# $$Z = W_1 X, \qquad Y = Z \cdot W_2$$
#
# The original notebook drew these numbers with `torch.randint`; we write them out so that
# everyone gets the same ones. `X` is data (no gradient), `W_1` and `W_2` are weights.

# %% [markdown] zh
# ## 两层乘法
#
# 输入向量 `X` 先乘一个 2 × 4 的矩阵 `W_1`，再和向量 `W_2` 做点积：
#
# $$Z = W_1 X, \qquad Y = Z \cdot W_2$$
#
# 原来的笔记本用 `torch.randint` 随机生成这些数，这里直接把它们写出来，
# 保证每个人得到的数都一样。`X` 是数据（不需要梯度），`W_1` 和 `W_2` 是权重。

# %%
X = torch.tensor([4.0, 4.0, 3.0, 0.0])
W_1 = torch.tensor([[3.0, 4.0, 2.0, 3.0], [2.0, 3.0, 1.0, 1.0]], requires_grad=True)
W_2 = torch.tensor([1.0, 4.0], requires_grad=True)

Z = W_1.matmul(X)
Y = Z.matmul(W_2)
print("Z =", Z)
print("Y =", Y)

# %% [markdown] en
# Check by hand: $Z_0 = 3\cdot4 + 4\cdot4 + 2\cdot3 + 3\cdot0 = 34$, $Z_1 = 23$ and
# $Y = 34\cdot1 + 23\cdot4 = 126$.
#
# ## Which tensors are leaves?
#
# A **leaf** is a tensor that was not produced by a tracked operation: here, the ones we
# typed in.

# %% [markdown] zh
# 手算验证一下：$Z_0 = 3\cdot4 + 4\cdot4 + 2\cdot3 + 3\cdot0 = 34$，$Z_1 = 23$，
# $Y = 34\cdot1 + 23\cdot4 = 126$。
#
# ## 哪些是叶子节点？
#
# **叶子节点**就是不由被跟踪的运算产生的张量：在这里，就是我们亲手写下的那几个。

# %%
for name, t in [("X", X), ("W_1", W_1), ("Z", Z), ("W_2", W_2), ("Y", Y)]:
    print(f"{name:4} is_leaf={t.is_leaf!s:5}  requires_grad={t.requires_grad}")

# %% [markdown] en
# `X` is a leaf even though it does not require grad. `Z` and `Y` are not leaves: they
# remember the operation that made them.

# %% [markdown] zh
# `X` 虽然不需要梯度，但它也是叶子节点。`Z` 和 `Y` 不是叶子：它们记着产生自己的那个运算。

# %%
torch.draw(Y)

# %% [markdown] en
# ## Backward: gradients land in the leaves
#
# $Y = Z_0 W_2[0] + Z_1 W_2[1]$. Before running `backward()`, work out `W_2.grad` by hand
# (a list of two numbers):

# %% [markdown] zh
# ## 反向传播：梯度落在叶子节点上
#
# $Y = Z_0 W_2[0] + Z_1 W_2[1]$。运行 `backward()` 之前，先手算 `W_2.grad`
# （写成两个数的列表）：

# %% tags=["exercise"]
answer = ...
ex.check_grad_W2(answer)

# %% [markdown] en
# `W_1` is two steps away from `Y`: first $Z_i = \sum_j W_1[i, j]\,X[j]$, then $Y$. Chain the
# two local derivatives, $\partial Y/\partial Z_i$ and $\partial Z_i/\partial W_1[i, j]$, and
# write the whole 2 × 4 `W_1.grad` as a list of two rows:

# %% [markdown] zh
# `W_1` 离 `Y` 有两步：先是 $Z_i = \sum_j W_1[i, j]\,X[j]$，再到 $Y$。
# 把两个局部导数 $\partial Y/\partial Z_i$ 和 $\partial Z_i/\partial W_1[i, j]$ 串起来，
# 写出完整的 2 × 4 的 `W_1.grad`（两行组成的列表）：

# %% tags=["exercise"]
answer = ...
ex.check_grad_W1(answer)

# %% [markdown] en
# Now run the forward pass again inside `torch.record()` and watch `backward()` at work.
# **Predict first:** which tensors will end up with a `.grad`, and which numbers will
# `W_2.grad` hold? Step to the end in quiz mode (type each gradient before you reveal it):
# the gradient flows from `Y` through `Z` into `W_1`, and directly into `W_2`.

# %% [markdown] zh
# 现在在 `torch.record()` 里重新做一遍前向传播，看清 `backward()` 的每一步。
# **先预测：**哪些张量最后会有 `.grad`？`W_2.grad` 是哪两个数？
# 在测验模式下一直走到最后（揭晓之前先输入每个梯度）：梯度从 `Y` 出发，经过 `Z` 流进 `W_1`，
# 同时直接流进 `W_2`。

# %%
with torch.record() as rec:
    Z = W_1.matmul(X)
    Y = Z.matmul(W_2)
    Y.backward()

torch.Stepper(rec, quiz=True)

# %% [markdown] en
# Now read the `.grad` of every tensor. Only the leaves that require grad, `W_1` and `W_2`,
# have one. Asking a non-leaf such as `Z` for its `.grad` returns `None` together with
# PyTorch's warning (we catch it here to print its first sentence):

# %% [markdown] zh
# 现在逐个查看 `.grad`。只有需要梯度的叶子节点 `W_1` 和 `W_2` 有梯度。
# 访问非叶子节点（比如 `Z`）的 `.grad` 会得到 `None`，同时触发 PyTorch 的一个警告
# （这里把警告捕获下来，只打印它的第一句）：

# %%
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for name, t in [("X", X), ("W_1", W_1), ("Z", Z), ("W_2", W_2), ("Y", Y)]:
        print(f"{name}.grad = {t.grad}")

for warning in caught[:1]:
    print(f"\n{warning.category.__name__}: {str(warning.message).split('. ')[0]}.")

# %% [markdown] en
# Why these numbers? $\partial Y / \partial W_2 = Z = [34, 23]$. And
# $\partial Y/\partial W_1[i, j] = W_2[i]\,X[j]$: the first row is $1 \cdot X$, the second $4 \cdot X$.
#
# ## Gradients add up
#
# The intermediate gradient `Z.grad` was thrown away, but `W_2.grad` stays. What happens if
# we run a *second* backward pass that reaches `W_2`?
#
# We cut `Z` loose from its history with `Z.detach_()` (it becomes a plain leaf holding
# `[34, 23]`), and do the same to `W_2`. `detach_()` also switches `requires_grad` off, so we
# switch it on again. The gradient already stored in `W_2.grad` is not touched.

# %% [markdown] zh
# 这些数是怎么来的？$\partial Y / \partial W_2 = Z = [34, 23]$。
# 而 $\partial Y/\partial W_1[i, j] = W_2[i]\,X[j]$：第一行是 $1 \cdot X$，第二行是 $4 \cdot X$。
#
# ## 梯度会累加
#
# 中间结果的梯度 `Z.grad` 被丢掉了，`W_2.grad` 却保留着。如果再做一次能到达 `W_2`
# 的反向传播，会发生什么？
#
# 用 `Z.detach_()` 把 `Z` 从它的历史中剪下来（它变成一个普通的叶子，值仍是 `[34, 23]`），
# 对 `W_2` 也这样做。`detach_()` 会顺便把 `requires_grad` 关掉，所以要再打开。
# 已经存在 `W_2.grad` 里的梯度不受影响。

# %%
Z.detach_()
W_2.detach_().requires_grad_(True)
print("Z:  ", Z, Z.is_leaf)
print("W_2:", W_2, W_2.grad)

# %% [markdown] en
# ### Your turn
#
# We are about to compute `Y_2 = Z · W_2` and call `Y_2.backward()`. What will `W_2.grad`
# hold afterwards? (A list of two numbers.)

# %% [markdown] zh
# ### 练一练
#
# 接下来要计算 `Y_2 = Z · W_2` 并调用 `Y_2.backward()`。之后 `W_2.grad` 会是多少？
# （写成两个数的列表。）

# %% tags=["exercise"]
answer = ...
ex.check_grad_W2_after_second_backward(answer)

# %% [markdown] en
# **Predict** what the `accumulate` frame will say, then check: the stepper opens on the
# frame where the new gradient meets the old one in `W_2`.

# %% [markdown] zh
# **先预测** `accumulate` 这一帧会怎么说，再来验证：步进器停在新梯度和 `W_2`
# 中原有梯度相加的那一帧。

# %%
with torch.record() as rec2:
    Y_2 = Z.matmul(W_2)
    Y_2.backward()

stepper = torch.Stepper(rec2)
stepper.frame = [f.phase for f in rec2.frames].index("accumulate")
stepper

# %%
W_2.grad

# %% [markdown] en
# $34 + 34 = 68$ and $23 + 23 = 46$: the second backward **added** to the first.
#
# ## Training by hand
#
# Gradients point uphill. To make `Y` smaller we move each weight a little *against* its
# gradient, `W = W - lr * W.grad`, and repeat. New numbers this time (again written out
# instead of drawn at random).
#
# Two details matter in this loop:
#
# * `W_1 - lr * W_1.grad` is itself a tracked operation, so the new `W_1` is *not* a leaf.
#   `detach_().requires_grad_(True)` turns it back into a fresh leaf for the next epoch.
# * Because gradients add up, we clear them at the start of every epoch.


# %%
def forward(X, W_1, W_2):
    Z = W_1.matmul(X)
    Y = Z.matmul(W_2)
    return Y


X = torch.tensor([4.0, 0.0, 1.0, 2.0])
W_1 = torch.tensor([[3.0, 0.0, 0.0, 0.0], [2.0, 4.0, 1.0, 3.0]], requires_grad=True)
W_2 = torch.tensor([3.0, 3.0], requires_grad=True)
learning_rate = 0.01

# %% [markdown] en
# ### Your turn
#
# In the first epoch, $\partial Y / \partial W_2 = Z = W_1 X = [12, 15]$. With a learning rate
# of 0.01, what is `W_2` after the first update? (The loop below prints nothing about `W_2`:
# work it out before you run it.)

# %% [markdown] zh
# ### 练一练
#
# 第一轮中 $\partial Y / \partial W_2 = Z = W_1 X = [12, 15]$，学习率是 0.01。
# 第一次更新之后，`W_2` 变成了多少？（下面的循环不会打印 `W_2`：请在运行之前先算出来。）

# %% tags=["exercise"]
answer = ...
ex.check_W2_after_one_step(answer)

# %% en
for epoch in range(10):
    # clear old gradients
    if W_1.grad is not None:
        W_1.grad.zero_()
    if W_2.grad is not None:
        W_2.grad.zero_()

    Y = forward(X, W_1, W_2)
    Y.backward()

    # one step downhill; the result is a new, non-leaf tensor ...
    W_1 = W_1 - learning_rate * W_1.grad
    W_2 = W_2 - learning_rate * W_2.grad
    # ... so cut it from the graph and make it a leaf that requires grad again
    W_1.detach_().requires_grad_(True)
    W_2.detach_().requires_grad_(True)

    print(f"{epoch}: Y = {Y.item():.4f}")

# %% zh
for epoch in range(10):
    # 清掉旧的梯度
    if W_1.grad is not None:
        W_1.grad.zero_()
    if W_2.grad is not None:
        W_2.grad.zero_()

    Y = forward(X, W_1, W_2)
    Y.backward()

    # 沿下坡方向走一步；结果是一个新的、非叶子的张量……
    W_1 = W_1 - learning_rate * W_1.grad
    W_2 = W_2 - learning_rate * W_2.grad
    # ……所以把它从图中剪下来，重新变成一个需要梯度的叶子
    W_1.detach_().requires_grad_(True)
    W_2.detach_().requires_grad_(True)

    print(f"{epoch}: Y = {Y.item():.4f}")

# %% [markdown] en
# `Y` falls from 81 to 34.3598 in ten epochs.
#
# ### What are we minimising?
#
# `Y` itself, and `Y` has **no lowest value**: making the weights larger with the right
# signs makes it as negative as we like. Ten epochs look like learning, but keep going and
# `Y` races past zero towards minus infinity:

# %% [markdown] zh
# 十轮之内，`Y` 从 81 降到了 34.3598。
#
# ### 我们在最小化什么？
#
# 最小化的是 `Y` 本身，而 `Y` **没有最小值**：只要权重朝合适的方向变大，它想多负就能多负。
# 训练十轮看起来像是在学习，但继续下去，`Y` 会越过 0，一路冲向负无穷：

# %%
for epoch in range(10, 100):
    Y = forward(X, W_1, W_2)
    Y.backward()
    with torch.no_grad():
        W_1 -= learning_rate * W_1.grad
        W_2 -= learning_rate * W_2.grad
    W_1.grad.zero_()
    W_2.grad.zero_()
    if epoch % 20 == 19:
        print(f"{epoch}: Y = {Y.item():.4f}")

# %% [markdown] en
# Real training minimises a **loss** that has a minimum, such as the squared distance to a
# target, $L = (Y - 50)^2$: it is smallest, 0, exactly when $Y = 50$. Same model, same
# starting weights, a smaller learning rate (the loss's gradient is $2(Y - 50)$ times larger):

# %% [markdown] zh
# 真正的训练最小化的是一个有最小值的**损失**，比如与目标值的平方距离 $L = (Y - 50)^2$：
# 恰好在 $Y = 50$ 时取到最小值 0。模型和初始权重都不变，学习率调小一些
# （损失的梯度要再乘上 $2(Y - 50)$，大得多）：

# %%
W_1 = torch.tensor([[3.0, 0.0, 0.0, 0.0], [2.0, 4.0, 1.0, 3.0]], requires_grad=True)
W_2 = torch.tensor([3.0, 3.0], requires_grad=True)
target = 50.0

for epoch in range(20):
    Y = forward(X, W_1, W_2)
    L = (Y - target) ** 2
    L.backward()
    with torch.no_grad():
        W_1 -= 0.0005 * W_1.grad
        W_2 -= 0.0005 * W_2.grad
    W_1.grad.zero_()
    W_2.grad.zero_()
    if epoch % 4 == 0 or epoch == 19:
        print(f"{epoch}: Y = {Y.item():.4f}  L = {L.item():.4f}")

# %% [markdown] en
# `Y` settles at the target and the loss at 0. Lesson 04 trains real models this way.
#
# ## Watching one update
#
# Was the gradient clearing in the first loop needed? Each epoch *replaced* `W_1` and `W_2` by
# brand-new tensors, and a new tensor starts with `.grad = None`, so there it never did
# anything. It becomes essential when we update the weights **in place**, the way optimizers
# do (and the way the last two loops did): subtract inside `torch.no_grad()` (so the update is
# not recorded in the graph) and keep the very same leaf, whose `.grad` would otherwise keep
# growing.
#
# Below, the first three epochs of the seed's loop, written that way, are recorded.
# **Predict:** what is `W_2.grad` right after the first `zero_grad` frame? The stepper opens
# on the first update; keep stepping.

# %% [markdown] zh
# `Y` 停在了目标值上，损失也降到 0。第 04 课就是这样训练真正的模型的。
#
# ## 细看一次更新
#
# 第一个循环里的梯度清零真的有必要吗？每一轮都用全新的张量**替换**了 `W_1` 和 `W_2`，
# 新张量的 `.grad` 本来就是 `None`，所以那里的清零其实从来没起作用。
# 当我们像优化器那样**原地**更新权重时（后面两个循环就是这样做的），清零就必不可少了：
# 在 `torch.no_grad()` 里做减法（这样更新不会被记进计算图），始终保留同一个叶子，
# 它的 `.grad` 不清零就会越积越大。
#
# 下面用这种写法记录原笔记本那个循环的前三轮。**预测一下：**第一个 `zero_grad` 帧之后，
# `W_2.grad` 是多少？步进器停在第一次更新处，继续往后走。

# %%
W_1 = torch.tensor([[3.0, 0.0, 0.0, 0.0], [2.0, 4.0, 1.0, 3.0]], requires_grad=True)
W_2 = torch.tensor([3.0, 3.0], requires_grad=True)

with torch.record() as rec3:
    for epoch in range(3):
        Y = forward(X, W_1, W_2)
        Y.backward()
        with torch.no_grad():
            W_1 -= learning_rate * W_1.grad
            W_2 -= learning_rate * W_2.grad
        W_1.grad.zero_()
        W_2.grad.zero_()
        print(f"{epoch}: Y = {Y.item():.4f}")

stepper = torch.Stepper(rec3)
stepper.frame = [f.phase for f in rec3.frames].index("update")
stepper

# %% [markdown] en
# Same values of `Y` as in the first loop: the two ways of updating do the same arithmetic.
#
# ## Check your understanding
#
# 1. After `Y.backward()`, why is `Z.grad` `None` although a gradient flowed through `Z`?
#    <details><summary>Answer</summary>
#    <code>Z</code> is not a leaf. Autograd computes the gradient at <code>Z</code> on the way
#    to the leaves but keeps <code>.grad</code> only for leaves that require grad (unless you
#    call <code>Z.retain_grad()</code> before the backward pass).
#    </details>
# 2. `X` does not require grad. Is it a leaf?
#    <details><summary>Answer</summary>
#    Yes: no tracked operation produced it. Being a leaf and requiring grad are separate
#    questions; <code>X.grad</code> stays <code>None</code> because nobody asked for it.
#    </details>
# 3. The first training loop rebinds `W_1 = W_1 - lr * W_1.grad`. Why is the new `W_1` not a
#    leaf, and what do `detach_().requires_grad_(True)` do about it?
#    <details><summary>Answer</summary>
#    The subtraction is a tracked operation (<code>W_1</code> requires grad), so its result has a
#    <code>grad_fn</code>. <code>detach_()</code> cuts that history (and switches off
#    <code>requires_grad</code>); <code>requires_grad_(True)</code> asks for gradients again, so
#    the next epoch starts from a fresh leaf.
#    </details>
# 4. Why did `Y` keep falling past zero?
#    <details><summary>Answer</summary>
#    We minimised <code>Y</code> itself, which has no minimum. Gradient descent only follows the
#    slope; it needs a loss with a minimum, such as <code>(Y - target)**2</code>, to stop somewhere.
#    </details>
#
# ## Summary
#
# * Leaves are the tensors no tracked operation produced; `backward()` stores gradients only
#   in leaves that require grad. A non-leaf's `.grad` is `None` (use `retain_grad()` to keep
#   it, lesson 05).
# * `backward()` **adds** to `.grad`; it never overwrites.
# * A manual update `W = W - lr * W.grad` makes a new non-leaf; `detach_().requires_grad_(True)`
#   turns it back into a leaf. Updating in place under `no_grad()` keeps the same leaf, and then
#   the gradients must be zeroed every epoch.
# * Minimise a loss with a minimum (`(Y - target)**2`), not an output that can fall forever.

# %% [markdown] zh
# `Y` 的数值和第一个循环完全一样：两种更新写法做的是同样的运算。
#
# ## 检验一下
#
# 1. `Y.backward()` 之后，梯度明明流经了 `Z`，为什么 `Z.grad` 是 `None`？
#    <details><summary>答案</summary>
#    <code>Z</code> 不是叶子节点。autograd 在走向叶子节点的路上会算出 <code>Z</code> 处的梯度，
#    但只为需要梯度的叶子节点保存 <code>.grad</code>（除非在反向传播之前调用
#    <code>Z.retain_grad()</code>）。
#    </details>
# 2. `X` 不需要梯度。它是叶子节点吗？
#    <details><summary>答案</summary>
#    是：它不是由被跟踪的运算产生的。是不是叶子、需不需要梯度，是两个独立的问题；
#    <code>X.grad</code> 一直是 <code>None</code>，因为没人要求计算它。
#    </details>
# 3. 第一个训练循环写的是 `W_1 = W_1 - lr * W_1.grad`。为什么新的 `W_1` 不是叶子？
#    `detach_().requires_grad_(True)` 起了什么作用？
#    <details><summary>答案</summary>
#    这个减法是被跟踪的运算（<code>W_1</code> 需要梯度），所以结果带有 <code>grad_fn</code>。
#    <code>detach_()</code> 剪断这段历史（并关掉 <code>requires_grad</code>）；
#    <code>requires_grad_(True)</code> 重新要求梯度，于是下一轮从一个全新的叶子开始。
#    </details>
# 4. 为什么 `Y` 会一直降到 0 以下？
#    <details><summary>答案</summary>
#    我们最小化的是 <code>Y</code> 本身，它没有最小值。梯度下降只会顺着坡往下走；
#    需要一个有最小值的损失（比如 <code>(Y - target)**2</code>）才会停下来。
#    </details>
#
# ## 小结
#
# * 叶子节点是不由被跟踪的运算产生的张量；`backward()` 只把梯度存进需要梯度的叶子节点。
#   非叶子节点的 `.grad` 是 `None`（想保留可以用 `retain_grad()`，见第 05 课）。
# * `backward()` 对 `.grad` 做的是**累加**，从不覆盖。
# * 手动更新 `W = W - lr * W.grad` 会得到一个新的非叶子张量；`detach_().requires_grad_(True)`
#   把它重新变回叶子。在 `no_grad()` 里原地更新则始终是同一个叶子，这时每一轮都必须把梯度清零。
# * 要最小化一个有最小值的损失（`(Y - target)**2`），而不是一个可以无限下降的输出。
