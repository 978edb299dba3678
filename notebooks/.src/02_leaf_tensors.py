# %% [markdown] en
# # 02 · Leaf tensors and where gradients go
#
# `backward()` computes a gradient for every node of the graph, but it only *keeps* some of
# them. In this lesson you will find out which ones, watch gradients pile up when
# `backward()` runs twice, and use them to train a tiny two-layer model by hand.

# %% [markdown] zh
# # 02 · 叶子张量：梯度存到了哪里
#
# `backward()` 会为图中的每个节点计算梯度，但只把其中一部分**留下来**。
# 本课我们来看看留下的是哪些，观察两次 `backward()` 之后梯度怎样叠加，
# 最后用这些梯度手动训练一个两层的小模型。

# %%
import autograd_viz as torch

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
# A **leaf** is a tensor that was not produced by a tracked operation: the ones we typed in.

# %% [markdown] zh
# 手算验证一下：$Z_0 = 3\cdot4 + 4\cdot4 + 2\cdot3 + 3\cdot0 = 34$，$Z_1 = 23$，
# $Y = 34\cdot1 + 23\cdot4 = 126$。
#
# ## 哪些是叶子节点？
#
# **叶子节点**就是不由被跟踪的运算产生的张量，也就是我们亲手写下的那几个。

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
# We run the forward pass again inside `torch.record()` so we can watch `backward()` at work.
# Step to the end: the gradient flows from `Y` through `Z` into `W_1`, and directly into `W_2`.

# %% [markdown] zh
# ## 反向传播：梯度落在叶子节点上
#
# 在 `torch.record()` 里重新做一遍前向传播，就能看清 `backward()` 的每一步。
# 一直走到最后：梯度从 `Y` 出发，经过 `Z` 流进 `W_1`，同时直接流进 `W_2`。

# %%
with torch.record() as rec:
    Z = W_1.matmul(X)
    Y = Z.matmul(W_2)
    Y.backward()

torch.Stepper(rec)

# %% [markdown] en
# Now read the `.grad` of every tensor. Only the leaves that require grad, `W_1` and `W_2`,
# have one. Asking a non-leaf such as `Z` for its `.grad` returns `None` together with a
# warning (we catch it here to print it tidily):

# %% [markdown] zh
# 现在逐个查看 `.grad`。只有需要梯度的叶子节点 `W_1` 和 `W_2` 有梯度。
# 访问非叶子节点（比如 `Z`）的 `.grad` 会得到 `None`，同时触发一个警告
# （这里把警告捕获下来，整齐地打印出来）：

# %%
import warnings

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for name, t in [("X", X), ("W_1", W_1), ("Z", Z), ("W_2", W_2), ("Y", Y)]:
        print(f"{name}.grad = {t.grad}")

for warning in caught[:1]:
    print(f"\n{warning.category.__name__}: {str(warning.message).split('. ')[0]}.")

# %% [markdown] en
# Why these numbers? $Y = Z_0 W_{2,0} + Z_1 W_{2,1}$, so $\partial Y / \partial W_2 = Z = [34, 23]$.
# And $\partial Y/\partial W_{1}[i, j] = W_2[i]\,X[j]$: the first row is $1 \cdot X$, the second $4 \cdot X$.
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
# 这些数是怎么来的？$Y = Z_0 W_{2,0} + Z_1 W_{2,1}$，所以 $\partial Y / \partial W_2 = Z = [34, 23]$。
# 而 $\partial Y/\partial W_{1}[i, j] = W_2[i]\,X[j]$：第一行是 $1 \cdot X$，第二行是 $4 \cdot X$。
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
print("Z:  ", Z, " is_leaf:", Z.is_leaf)
print("W_2:", W_2, " grad:", W_2.grad)

# %% [markdown] en
# ### Your turn
#
# We are about to compute `Y_2 = Z · W_2` and call `Y_2.backward()`. What will `W_2.grad`
# hold afterwards? Replace our answer with yours (a list of two numbers) and run the cells.

# %% [markdown] zh
# ### 练一练
#
# 接下来要计算 `Y_2 = Z · W_2` 并调用 `Y_2.backward()`。之后 `W_2.grad` 会是多少？
# 把下面的答案换成你自己算的（两个数的列表），然后运行。

# %%
my_answer = [68.0, 46.0]  # your turn: W_2.grad after the second backward

# %% [markdown] en
# The stepper opens on the frame where the new gradient meets the old one in `W_2`:

# %% [markdown] zh
# 步进器停在新梯度和 `W_2` 中原有梯度相加的那一帧：

# %%
with torch.record() as rec2:
    Y_2 = Z.matmul(W_2)
    Y_2.backward()

stepper = torch.Stepper(rec2)
stepper.frame = [f.phase for f in rec2.frames].index("accumulate")
stepper

# %% tags=["exercise"]
print("W_2.grad =", W_2.grad)
assert W_2.grad.tolist() == my_answer, "Not quite. Hint: backward() adds, it does not replace."
print("Correct! 34 + 34 = 68 and 23 + 23 = 46: the second backward added to the first.")

# %% [markdown] en
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

# %% [markdown] zh
# ## 手动训练
#
# 梯度指向"上坡"的方向。要让 `Y` 变小，就把每个权重沿梯度的**反方向**挪一小步：
# `W = W - lr * W.grad`，然后重复。这次换一组新的数（同样直接写出来，而不是随机生成）。
#
# 这个循环里有两个细节：
#
# * `W_1 - lr * W_1.grad` 本身也是一个会被跟踪的运算，所以新的 `W_1` **不是**叶子。
#   `detach_().requires_grad_(True)` 把它重新变成一个全新的叶子，供下一轮使用。
# * 梯度会累加，所以每一轮开始时都要先清零。


# %%
def forward(X, W_1, W_2):
    Z = W_1.matmul(X)
    Y = Z.matmul(W_2)
    return Y


X = torch.tensor([4.0, 0.0, 1.0, 2.0])
W_1 = torch.tensor([[3.0, 0.0, 0.0, 0.0], [2.0, 4.0, 1.0, 3.0]], requires_grad=True)
W_2 = torch.tensor([3.0, 3.0], requires_grad=True)
learning_rate = 0.01

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

    print(f"epoch {epoch}: Y =", Y.data)

# %% [markdown] en
# `Y` falls from 81 to about 34.36.
#
# ### Your turn
#
# In the first epoch, $\partial Y / \partial W_2 = Z = W_1 X = [12, 15]$. With a learning rate
# of 0.01, what is `W_2` after the first update?

# %% [markdown] zh
# `Y` 从 81 降到了大约 34.36。
#
# ### 练一练
#
# 第一轮中 $\partial Y / \partial W_2 = Z = W_1 X = [12, 15]$，学习率是 0.01。
# 第一次更新之后，`W_2` 变成了多少？

# %%
my_answer = [2.88, 2.85]  # your turn: W_2 after the first update

# %% tags=["exercise"]
W_2_check = torch.tensor([3.0, 3.0], requires_grad=True)
forward(X, torch.tensor([[3.0, 0.0, 0.0, 0.0], [2.0, 4.0, 1.0, 3.0]]), W_2_check).backward()
W_2_check = W_2_check - learning_rate * W_2_check.grad
assert all(abs(a - b) < 1e-4 for a, b in zip(my_answer, W_2_check.tolist(), strict=True)), (
    "Not quite: W_2 - 0.01 * [12, 15]"
)
print("Correct! W_2 after one step:", W_2_check.detach())

# %% [markdown] en
# ## Watching one update
#
# Was the gradient clearing in that loop needed? Each epoch *replaces* `W_1` and `W_2` by
# brand-new tensors, and a new tensor starts with `.grad = None`, so here it never did
# anything. It becomes essential when we update the weights **in place**, the way optimizers
# do: subtract inside `torch.no_grad()` (so the update is not recorded in the graph) and keep
# the very same leaf, whose `.grad` would otherwise keep growing.
#
# Below, the first three epochs of that version are recorded. The stepper opens on the first
# update; keep stepping to see the gradients being zeroed.

# %% [markdown] zh
# ## 细看一次更新
#
# 上面循环里的梯度清零真的有必要吗？每一轮都用全新的张量**替换**了 `W_1` 和 `W_2`，
# 新张量的 `.grad` 本来就是 `None`，所以清零其实从来没起作用。
# 当我们像优化器那样**原地**更新权重时，清零就必不可少了：在 `torch.no_grad()` 里做减法
# （这样更新不会被记进计算图），始终保留同一个叶子，它的 `.grad` 不清零就会越积越大。
#
# 下面记录了这种写法的前三轮。步进器停在第一次更新处，继续往后走，可以看到梯度被清零。

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
        print(f"epoch {epoch}: Y =", Y.data)

stepper = torch.Stepper(rec3)
stepper.frame = [f.phase for f in rec3.frames].index("update")
stepper

# %% [markdown] en
# Same values of `Y` as before: the two loops do the same arithmetic.
#
# ## Summary
#
# * Leaves are the tensors you create; `backward()` stores gradients only in leaves that
#   require grad. A non-leaf's `.grad` is `None` (use `retain_grad()` to keep it, lesson 05).
# * `backward()` **adds** to `.grad`; it never overwrites.
# * A manual update `W = W - lr * W.grad` makes a new non-leaf; `detach_().requires_grad_(True)`
#   turns it back into a leaf. Updating in place under `no_grad()` keeps the same leaf, and then
#   the gradients must be zeroed every epoch.

# %% [markdown] zh
# `Y` 的数值和前面完全一样：两种写法做的是同样的运算。
#
# ## 小结
#
# * 叶子节点是你自己创建的张量；`backward()` 只把梯度存进需要梯度的叶子节点。
#   非叶子节点的 `.grad` 是 `None`（想保留可以用 `retain_grad()`，见第 05 课）。
# * `backward()` 对 `.grad` 做的是**累加**，从不覆盖。
# * 手动更新 `W = W - lr * W.grad` 会得到一个新的非叶子张量；`detach_().requires_grad_(True)`
#   把它重新变回叶子。在 `no_grad()` 里原地更新则始终是同一个叶子，这时每一轮都必须把梯度清零。
