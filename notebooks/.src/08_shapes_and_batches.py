# %% [markdown] en
# # 08 · Shapes: vectors, matrices and batches
#
# So far most of our tensors held one number. Real layers multiply matrices and process a
# **batch** of examples at once. The rules stay the chain rule, but now every gradient has a
# shape, and the shape itself tells you the formula. In this lesson:
#
# 1. the linear layer $Y = XW + b$ on a batch: $dW = X^\top dY$, $dX = dY\, W^\top$,
# 2. why the bias gradient **sums over the batch**,
# 3. broadcasting in forward means summing in backward,
# 4. `backward(v)`: what autograd really computes is a vector-Jacobian product.
#
# Notation: $dY$ is the gradient of the loss with respect to $Y$ (`Y.grad`), always of $Y$'s
# shape.
# %% [markdown] zh
# # 08 · 形状：向量、矩阵与批次
#
# 到目前为止，我们的张量大多只装着一个数。真实的网络层做的是矩阵乘法，并且一次处理一**批**样本。
# 规则仍然是链式法则，但现在每个梯度都有形状，而形状本身就能告诉你公式。本课内容：
#
# 1. 批次上的线性层 $Y = XW + b$：$dW = X^\top dY$，$dX = dY\, W^\top$；
# 2. 偏置的梯度为什么要**对整个批次求和**；
# 3. 前向传播中的广播，就是反向传播中的求和；
# 4. `backward(v)`：autograd 真正计算的是向量-雅可比积。
#
# 记号：$dY$ 表示损失对 $Y$ 的梯度（`Y.grad`），形状永远和 $Y$ 相同。
# %%
import autograd_viz
import autograd_viz as torch
from autograd_viz.lessons import lesson_08 as ex

# %% [markdown] en
# ## A linear layer on a batch
#
# A batch of 4 examples with 3 features each is a 4×3 matrix $X$ (one example per row).
# The layer maps 3 features to 2 outputs with $W$ (3×2) and $b$ (2): $Y = XW + b$ is 4×2.
# To control the gradient arriving at $Y$, we use the loss $L = \sum (Y \odot C)$ with a fixed
# matrix $C$: then $dY = C$ exactly.
# %% [markdown] zh
# ## 批次上的线性层
#
# 4 个样本、每个 3 个特征的一批数据是一个 4×3 的矩阵 $X$（每行一个样本）。
# 这一层用 $W$（3×2）和 $b$（2）把 3 个特征映射成 2 个输出：$Y = XW + b$ 是 4×2 的。
# 为了控制到达 $Y$ 的梯度，我们用损失 $L = \sum (Y \odot C)$，其中 $C$ 是固定的矩阵：于是恰好 $dY = C$。
# %%
X = torch.tensor([[1.0, 2.0, 0.0], [0.0, 1.0, -1.0], [2.0, 0.0, 1.0], [1.0, 1.0, 1.0]])
W = torch.tensor([[0.5, -1.0], [1.0, 0.0], [-0.5, 2.0]], requires_grad=True)
b = torch.tensor([0.1, -0.2], requires_grad=True)
C = torch.tensor([[1.0, 0.0], [0.0, 1.0], [1.0, -1.0], [2.0, 1.0]])

XW = X @ W
Y = XW + b
YC = Y * C
L = YC.sum()
autograd_viz.draw(L)
# %%
L.backward()
print("Y.shape", Y.shape, " W.grad.shape", W.grad.shape, " b.grad.shape", b.grad.shape)
# %% [markdown] en
# ## $dW = X^\top dY$, derived
#
# Entry by entry, $Y_{nj} = \sum_i X_{ni} W_{ij} + b_j$. The weight $W_{ij}$ appears in
# $Y_{nj}$ for **every example** $n$, with local derivative $X_{ni}$. Chain rule, summing
# over all places where $W_{ij}$ is used:
#
# $$\frac{\partial L}{\partial W_{ij}} = \sum_n \frac{\partial L}{\partial Y_{nj}}
# \frac{\partial Y_{nj}}{\partial W_{ij}} = \sum_n X_{ni}\, dY_{nj} = (X^\top dY)_{ij}$$
#
# The shapes confirm it: $dW$ must be 3×2 like $W$, and the only way to combine $X$ (4×3) and
# $dY$ (4×2) into 3×2 is $X^\top dY$ (3×4 @ 4×2). The batch index $n$ is summed away by the
# matrix product. Likewise $dX = dY\, W^\top$ (4×2 @ 2×3 = 4×3).
# %% [markdown] zh
# ## 推导 $dW = X^\top dY$
#
# 逐个元素地看，$Y_{nj} = \sum_i X_{ni} W_{ij} + b_j$。权重 $W_{ij}$ 出现在**每个样本** $n$ 的
# $Y_{nj}$ 里，局部导数是 $X_{ni}$。用链式法则，把 $W_{ij}$ 被用到的所有地方加起来：
#
# $$\frac{\partial L}{\partial W_{ij}} = \sum_n \frac{\partial L}{\partial Y_{nj}}
# \frac{\partial Y_{nj}}{\partial W_{ij}} = \sum_n X_{ni}\, dY_{nj} = (X^\top dY)_{ij}$$
#
# 形状也印证了这一点：$dW$ 必须和 $W$ 一样是 3×2，而把 $X$（4×3）和 $dY$（4×2）组合成 3×2 的唯一方式就是
# $X^\top dY$（3×4 @ 4×2）。批次下标 $n$ 被矩阵乘法求和消掉了。同理 $dX = dY\, W^\top$（4×2 @ 2×3 = 4×3）。
# %%
print(W.grad)
print(X.T @ C)
print(torch.allclose(W.grad, X.T @ C))
# %% [markdown] en
# ### Exercise 1: the shape of $dW$
#
# A layer gets a batch $X$ of shape 5×4 and has weights $W$ of shape 4×3. What is the shape
# of `W.grad`? Answer with a list, e.g. `[2, 7]`.
# %% [markdown] zh
# ### 练习 1：$dW$ 的形状
#
# 某一层输入的批次 $X$ 形状为 5×4，权重 $W$ 形状为 4×3。`W.grad` 的形状是什么？用列表作答，例如 `[2, 7]`。
# %% en tags=["exercise"]
answer = ...  # [rows, columns]
ex.check_dw_shape(answer)
# %% zh tags=["exercise"]
answer = ...  # [行数, 列数]
ex.check_dw_shape(answer)
# %% [markdown] en
# ### Exercise 2: $dW$ by hand
#
# $X = \begin{pmatrix}1 & 2\\ 3 & 4\end{pmatrix}$ (2 examples, 2 features),
# $W$ is 2×1, and the gradient arriving at $Y = XW$ is
# $dY = \begin{pmatrix}1\\ 2\end{pmatrix}$. Give `W.grad` as a nested list of shape 2×1.
# %% [markdown] zh
# ### 练习 2：手算 $dW$
#
# $X = \begin{pmatrix}1 & 2\\ 3 & 4\end{pmatrix}$（2 个样本，2 个特征），$W$ 是 2×1，
# 到达 $Y = XW$ 的梯度是 $dY = \begin{pmatrix}1\\ 2\end{pmatrix}$。用 2×1 的嵌套列表给出 `W.grad`。
# %% en tags=["exercise"]
answer = ...  # [[...], [...]]
ex.check_dw_value(answer)
# %% zh tags=["exercise"]
answer = ...  # [[...], [...]]
ex.check_dw_value(answer)
# %% [markdown] en
# ## The bias gradient sums over the batch
#
# $b$ has 2 entries but is added to all 4 rows of $XW$: in forward it is **broadcast** (copied)
# to every example. Each copy sends its gradient back, and the copies of one tensor add up.
# So $db_j = \sum_n dY_{nj}$: the column sums of $dY$.
# %% [markdown] zh
# ## 偏置的梯度对批次求和
#
# $b$ 只有 2 个元素，却被加到 $XW$ 的全部 4 行上：前向传播中它被**广播**（复制）给了每个样本。
# 每份副本都传回自己的梯度，而同一个张量的各份副本的梯度要相加。所以 $db_j = \sum_n dY_{nj}$：$dY$ 的列和。
# %%
print(b.grad)
print(C.sum(dim=0))
# %% [markdown] en
# ### Exercise 3: a bias gradient
#
# The gradient arriving at a layer's output $Y$ (3 examples, 2 outputs) is
# $dY = \begin{pmatrix}1 & 2\\ 3 & 4\\ 5 & 6\end{pmatrix}$. What is `b.grad` (a list of 2)?
# %% [markdown] zh
# ### 练习 3：偏置的梯度
#
# 到达某层输出 $Y$（3 个样本，2 个输出）的梯度是
# $dY = \begin{pmatrix}1 & 2\\ 3 & 4\\ 5 & 6\end{pmatrix}$。`b.grad` 是多少（含 2 个数的列表）？
# %% en tags=["exercise"]
answer = ...  # [db_0, db_1]
ex.check_bias_grad(answer)
# %% zh tags=["exercise"]
answer = ...  # [db_0, db_1]
ex.check_bias_grad(answer)
# %% [markdown] en
# ## Step through a small batch
#
# A batch of 2 examples, one output: $Y = XW + b$, $L = \sum Y$, so $dY$ is all ones.
# **Predict** `W.grad` and `b.grad` before you step: $X^\top$ times a column of ones is the
# column sums of $X$, and $b$ receives one 1 from each example.
# %% [markdown] zh
# ## 逐步查看一个小批次
#
# 2 个样本、1 个输出：$Y = XW + b$，$L = \sum Y$，所以 $dY$ 全是 1。
# 步进之前先**预测** `W.grad` 和 `b.grad`：$X^\top$ 乘一列 1 就是 $X$ 的列和，而 $b$ 从每个样本各收到一个 1。
# %%
Xs = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
Ws = torch.tensor([[0.5], [-1.0]], requires_grad=True)
bs = torch.tensor([0.5], requires_grad=True)
with autograd_viz.record() as rec:
    Ys = Xs @ Ws + bs
    Ls = Ys.sum()
    Ls.backward()
autograd_viz.Stepper(rec, quiz=True)
# %%
print("Ws.grad", Ws.grad.tolist(), " bs.grad", bs.grad.tolist())
# %% [markdown] en
# ## Broadcasting sums
#
# The same rule holds for any broadcast. With $a$ of shape 3×1 and $b$ of shape 1×4,
# $a \cdot b$ is 3×4: each $a_i$ is used in 4 products (one per column) and each $b_j$ in 3
# (one per row). In backward, the gradient is summed over the broadcast dimension so that it
# gets back the input's shape.
# %% [markdown] zh
# ## 广播就是求和
#
# 任何广播都遵循同一条规则。$a$ 形状为 3×1，$b$ 形状为 1×4，$a \cdot b$ 是 3×4：每个 $a_i$ 参与了
# 4 次乘法（每列一次），每个 $b_j$ 参与了 3 次（每行一次）。反向传播时，梯度沿被广播的维度求和，
# 回到输入原来的形状。
# %%
a = torch.tensor([[1.0], [2.0], [3.0]], requires_grad=True)
b4 = torch.tensor([[10.0, 20.0, 30.0, 40.0]], requires_grad=True)
(a * b4).sum().backward()
print(a.grad)
# %% [markdown] en
# Each $a_i$ received $\sum_j b_j = 100$: mul swaps, then the four copies add up.
#
# ### Exercise 4: the other side
#
# What is `b4.grad` (shape 1×4)?
# %% [markdown] zh
# 每个 $a_i$ 收到 $\sum_j b_j = 100$：乘法交换，再把四份副本的梯度加起来。
#
# ### 练习 4：另一边
#
# `b4.grad`（形状 1×4）是多少？
# %% en tags=["exercise"]
answer = ...  # [[..., ..., ..., ...]]
ex.check_broadcast_grad(answer)
# %% zh tags=["exercise"]
answer = ...  # [[..., ..., ..., ...]]
ex.check_broadcast_grad(answer)
# %% [markdown] en
# ## `backward(v)` is a vector-Jacobian product
#
# For a non-scalar output $y$ (length $m$) of an input $x$ (length $n$), the derivatives form
# an $m \times n$ **Jacobian** $J_{ij} = \partial y_i / \partial x_j$. Autograd never builds
# $J$. `y.backward(v)` computes $v^\top J$ directly: the gradient of the scalar
# $\sum_i v_i y_i$, i.e. $v$ is the gradient "arriving" at $y$. `backward()` on a scalar is
# the case $v = 1$.
#
# For $y = A x$ the Jacobian is $A$ itself, so `x.grad` $= A^\top v$:
# %% [markdown] zh
# ## `backward(v)` 是向量-雅可比积
#
# 对于输入 $x$（长度 $n$）的非标量输出 $y$（长度 $m$），所有导数组成 $m \times n$ 的**雅可比矩阵**
# $J_{ij} = \partial y_i / \partial x_j$。autograd 从不构造 $J$。`y.backward(v)` 直接计算 $v^\top J$：
# 也就是标量 $\sum_i v_i y_i$ 的梯度，$v$ 就是“到达” $y$ 的梯度。对标量调用 `backward()` 就是 $v = 1$ 的情形。
#
# 对 $y = A x$，雅可比矩阵就是 $A$ 本身，所以 `x.grad` $= A^\top v$：
# %%
A = torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
x = torch.tensor([1.0, -1.0], requires_grad=True)
y = A @ x
y.backward(torch.tensor([1.0, 1.0, 1.0]))
print(x.grad, A.sum(dim=0))
# %% [markdown] en
# With $v$ all ones we got the column sums of $A$, the gradient of `y.sum()`.
#
# For an **elementwise** function such as $y = x^2$ the Jacobian is diagonal, so $v^\top J$ is
# just $v$ times the derivative, entry by entry. That is the only reason `backward(ones)`
# looked like "the derivative at every point" in lesson 01.
# %% [markdown] zh
# $v$ 全为 1 时，我们得到的是 $A$ 的列和，也就是 `y.sum()` 的梯度。
#
# 对 $y = x^2$ 这样的**逐元素**函数，雅可比矩阵是对角阵，所以 $v^\top J$ 就是逐个元素地用 $v$ 乘以导数。
# 第 01 课里 `backward(ones)` 看上去像“每一点的导数”，原因仅此而已。
# %%
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
(x**2).backward(torch.tensor([1.0, 0.0, 2.0]))
x.grad
# %% [markdown] en
# ### Exercise 5: a vector-Jacobian product
#
# Same $A$ (3×2) and $y = Ax$. What is `x.grad` after `y.backward(torch.tensor([1.0, 0.0, 2.0]))`
# (a list of 2)?
# %% [markdown] zh
# ### 练习 5：向量-雅可比积
#
# 同样的 $A$（3×2）和 $y = Ax$。执行 `y.backward(torch.tensor([1.0, 0.0, 2.0]))` 之后，`x.grad`
# 是多少（含 2 个数的列表）？
# %% en tags=["exercise"]
answer = ...  # A.T @ v
ex.check_vjp(answer)
# %% zh tags=["exercise"]
answer = ...  # A.T @ v
ex.check_vjp(answer)
# %% [markdown] en
# ## Summary
#
# * A gradient always has the shape of its tensor; use that to find (and check) the formula.
# * Linear layer $Y = XW + b$: $dW = X^\top dY$, $dX = dY\, W^\top$, $db = $ column sums of $dY$.
# * Broadcasting copies in forward; backward sums the copies' gradients.
# * `y.backward(v)` computes $v^\top J$ without building $J$; `backward()` on a scalar uses $v = 1$.
#
# ## Questions
#
# 1. Why does doubling the batch (the same examples twice) double `W.grad` when the loss is a
#    sum, but leave it unchanged when the loss is a mean?
# <details><summary>Answer</summary>
#
# $dW = X^\top dY$ sums over examples. With a sum loss each example's $dY$ row is unchanged,
# so the sum doubles; a mean divides every $dY$ row by the batch size, which doubles too.
# </details>
#
# 2. You get `W.grad` with shape 2×3 but `W` is 3×2. What went wrong?
# <details><summary>Answer</summary>
#
# You computed $dY^\top X$ (the transpose of $X^\top dY$). The shape check catches it.
# </details>
#
# 3. Why does `y.backward()` fail for a non-scalar `y`?
# <details><summary>Answer</summary>
#
# Autograd needs the gradient arriving at `y` ($v$). For a scalar it can assume 1; for a
# vector there is no natural choice, so you must pass it (or reduce `y` to a scalar first).
# </details>
#
# 4. How many backward passes would it take to build the full 3×2 Jacobian of $y = Ax$?
# <details><summary>Answer</summary>
#
# Three, one per output: $v = e_1, e_2, e_3$ each give one row of $J$. This is why networks
# end in a scalar loss: one backward pass gives the gradient for every parameter.
# </details>
# %% [markdown] zh
# ## 小结
#
# * 梯度的形状永远和它的张量相同；用这一点来找出（以及检查）公式。
# * 线性层 $Y = XW + b$：$dW = X^\top dY$，$dX = dY\, W^\top$，$db = dY$ 的列和。
# * 广播在前向传播中复制；反向传播把各副本的梯度加起来。
# * `y.backward(v)` 不构造 $J$ 就算出 $v^\top J$；对标量调用 `backward()` 用的是 $v = 1$。
#
# ## 思考题
#
# 1. 把批次加倍（同样的样本出现两次）：损失是求和时 `W.grad` 翻倍，损失是平均值时不变。为什么？
# <details><summary>答案</summary>
#
# $dW = X^\top dY$ 对样本求和。损失是求和时，每个样本那一行 $dY$ 不变，所以总和翻倍；
# 损失是平均值时，每行 $dY$ 都要除以批次大小，而批次大小也翻倍了。
# </details>
#
# 2. 你得到的 `W.grad` 形状是 2×3，而 `W` 是 3×2。哪里错了？
# <details><summary>答案</summary>
#
# 你算成了 $dY^\top X$（即 $X^\top dY$ 的转置）。检查形状就能发现。
# </details>
#
# 3. 为什么对非标量的 `y` 调用 `y.backward()` 会报错？
# <details><summary>答案</summary>
#
# autograd 需要知道到达 `y` 的梯度 $v$。对标量它可以默认取 1；对向量没有自然的选择，所以必须由你传入
# （或者先把 `y` 归约成标量）。
# </details>
#
# 4. 要得到 $y = Ax$ 完整的 3×2 雅可比矩阵，需要做几次反向传播？
# <details><summary>答案</summary>
#
# 三次，每个输出一次：$v = e_1, e_2, e_3$ 各给出 $J$ 的一行。这就是网络最后要归结为一个标量损失的原因：
# 一次反向传播就得到所有参数的梯度。
# </details>
