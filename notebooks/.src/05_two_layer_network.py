# %% [markdown] en
# # 05 · A two-layer network, gradient by gradient
#
# A real (if tiny) neural network: two layers, each a matrix product followed by a sigmoid.
# We let autograd compute every gradient, then derive some of them ourselves with the chain
# rule, see where the gradient gets small, and finally meet **hooks**, a way to catch
# gradients as they fly past. Exercises start with `answer = ...`: replace the `...` and run
# the cell.

# %% [markdown] zh
# # 05 · 两层神经网络，一个梯度一个梯度地看
#
# 这是一个真正的（虽然很小的）神经网络：两层，每层都是一次矩阵乘法再接一个 sigmoid。
# 我们先让 autograd 算出所有梯度，再用链式法则亲手推出其中几个，看看梯度在哪里变小，
# 最后认识**钩子**（hook）：在梯度经过时把它截下来的办法。练习都以 `answer = ...` 开头：
# 把 `...` 换成你的答案，再运行这个格子。

# %%
import autograd_viz
import autograd_viz as torch
from autograd_viz.lessons import lesson_05 as ex

# %% [markdown] en
# ## The network
#
# $$z_1 = W_1 x,\quad y_1 = \sigma(z_1),\quad z_2 = W_2 y_1,\quad y_2 = \sigma(z_2),\quad
# \text{loss} = \tfrac12 \sum (y_2 - y)^2$$
#
# with $\sigma(z) = 1 / (1 + e^{-z})$. The input $x$ is a 1×1 matrix, the hidden layer has
# 2 units, the output has 2 units.
#
# By default only leaves keep their `.grad`. We call `retain_grad()` on every intermediate
# result so that we can look at its gradient too.

# %% [markdown] zh
# ## 网络结构
#
# $$z_1 = W_1 x,\quad y_1 = \sigma(z_1),\quad z_2 = W_2 y_1,\quad y_2 = \sigma(z_2),\quad
# \text{loss} = \tfrac12 \sum (y_2 - y)^2$$
#
# 其中 $\sigma(z) = 1 / (1 + e^{-z})$。输入 $x$ 是 1×1 的矩阵，隐藏层有 2 个单元，
# 输出层有 2 个单元。
#
# 默认情况下只有叶子节点会保留 `.grad`。我们对每个中间结果都调用 `retain_grad()`，
# 这样也能看到它们的梯度。


# %%
def forward(x, y, w1, w2):
    z_1 = torch.mm(w1, x)
    z_1.retain_grad()
    y_1 = torch.sigmoid(z_1)
    y_1.retain_grad()
    z_2 = torch.mm(w2, y_1)
    z_2.retain_grad()
    y_2 = torch.sigmoid(z_2)
    y_2.retain_grad()
    loss = 1 / 2 * (((y_2 - y) ** 2).sum())
    loss.retain_grad()
    return loss, z_1, y_1, z_2, y_2


# %% [markdown] en
# The data and the starting weights. We run the forward pass under the recorder so that we
# can draw it with all its values.

# %% [markdown] zh
# 数据和初始权重。我们在记录器下做前向传播，这样就能把它连同所有数值一起画出来。

# %%
x = torch.tensor([[1.0]])
y = torch.tensor([[1.0], [0.0]])
w1 = torch.tensor([[1.0], [2.0]], requires_grad=True)
w2 = torch.tensor([[3.0, 4.0], [5.0, 6.0]], requires_grad=True)

with autograd_viz.record() as rec_forward:
    loss, z_1, y_1, z_2, y_2 = forward(x, y, w1, w2)
print("loss:", loss)
print("z_1:", z_1)
print("y_1:", y_1)
print("z_2:", z_2)
print("y_2:", y_2)

# %% [markdown] en
# The first output $y_2[0] = 0.9967$ is already close to its target 1, but the second,
# $0.9999$, should be 0: almost all of the loss $\approx 0.5$ comes from it.
#
# Here is the graph. The two `mm` nodes are the layers; each `sigmoid` squashes its input
# into $(0, 1)$.

# %% [markdown] zh
# 第一个输出 $y_2[0] = 0.9967$ 已经很接近目标 1，但第二个输出 $0.9999$ 本该是 0：
# 约 0.5 的损失几乎全部来自它。
#
# 下面是计算图。两个 `mm` 节点就是两层；每个 `sigmoid` 把输入压缩到 $(0, 1)$ 之间。

# %%
autograd_viz.draw(rec_forward)

# %% [markdown] en
# ## Backward
#
# One call fills the gradients of the two weight matrices:

# %% [markdown] zh
# ## 反向传播
#
# 调用一次，两个权重矩阵的梯度就都有了：

# %%
loss.backward()
print("w1.grad:", w1.grad)
print("w2.grad:", w2.grad)

# %% [markdown] en
# The gradients are tiny, around $10^{-4}$ and $10^{-5}$. Why? Thanks to `retain_grad()` the
# intermediate results kept their gradients too, so we can follow the gradient down. Start at
# the top: $\partial\,\text{loss} / \partial\,\text{loss} = 1$.

# %% [markdown] zh
# 梯度非常小，大约是 $10^{-4}$ 和 $10^{-5}$。为什么？有了 `retain_grad()`，
# 中间结果也保留了梯度，我们可以顺着梯度一路往下看。从最上面开始：
# $\partial\,\text{loss} / \partial\,\text{loss} = 1$。

# %%
loss.grad

# %% [markdown] en
# ## Exercise: the gradient of the output
#
# Derive it: $\text{loss} = \tfrac12 \sum (y_2 - y)^2$. With $y_2 = [0.9967, 0.9999]$ and
# $y = [1, 0]$, what is `y_2.grad`? (Two numbers, top then bottom; 4 decimals are enough.)

# %% [markdown] zh
# ## 练习：输出的梯度
#
# 推一推：$\text{loss} = \tfrac12 \sum (y_2 - y)^2$。已知 $y_2 = [0.9967, 0.9999]$、
# $y = [1, 0]$，`y_2.grad` 是多少？（两个数，先上后下；保留 4 位小数即可。）

# %% tags=["exercise"]
answer = ...
ex.check_y2_grad(answer)

# %%
y_2.grad

# %% [markdown] en
# ## One step further down: $z_2$
#
# $$\frac{\partial\,\text{loss}}{\partial z_2} = \frac{\partial\,\text{loss}}{\partial y_2}
# \cdot \frac{\partial y_2}{\partial z_2} = (y_2 - y)\,\sigma(z_2)\,(1 - \sigma(z_2))$$
#
# We call this $\delta_2$. The sigmoid's slope $\sigma(z)(1 - \sigma(z))$ is at most 0.25
# (at $z = 0$) and tiny far from 0. At $z_2 = 5.7$ and $8.9$ the output sigmoids are
# **saturated**: their slopes are 0.0033 and 0.00013, so $\delta_2$ is about a thousand times
# smaller than `y_2.grad`:

# %% [markdown] zh
# ## 再往下一步：$z_2$
#
# $$\frac{\partial\,\text{loss}}{\partial z_2} = \frac{\partial\,\text{loss}}{\partial y_2}
# \cdot \frac{\partial y_2}{\partial z_2} = (y_2 - y)\,\sigma(z_2)\,(1 - \sigma(z_2))$$
#
# 我们把它记作 $\delta_2$。sigmoid 的斜率 $\sigma(z)(1 - \sigma(z))$ 最大只有 0.25
# （在 $z = 0$ 处），离 0 越远就越小。在 $z_2 = 5.7$ 和 $8.9$ 处，输出层的 sigmoid
# 已经**饱和**：斜率只有 0.0033 和 0.00013，所以 $\delta_2$ 比 `y_2.grad` 小了大约一千倍：

# %%
print(torch.sigmoid(z_2) * (1 - torch.sigmoid(z_2)))
print(z_2.grad)

# %% [markdown] en
# ### Your turn
#
# Are the **hidden** sigmoids saturated too? Compute their slopes $\sigma(z_1)(1 - \sigma(z_1))$
# at $z_1 = [1, 2]$ (two numbers; $\sigma(1) \approx 0.7311$, $\sigma(2) \approx 0.8808$).

# %% [markdown] zh
# ### 练一练
#
# **隐藏层**的 sigmoid 也饱和了吗？算出它们在 $z_1 = [1, 2]$ 处的斜率
# $\sigma(z_1)(1 - \sigma(z_1))$（两个数；$\sigma(1) \approx 0.7311$，$\sigma(2) \approx 0.8808$）。

# %% tags=["exercise"]
answer = ...
ex.check_hidden_slopes(answer)

# %% [markdown] en
# The hidden slopes are 0.197 and 0.105: close to the sigmoid's best, 0.25, **not** saturated.
# Only the output sigmoids are. Every gradient in this network passes through them first,
# which is why all of them, `w1.grad` included, are tiny. (Lesson 10 shows how
# cross-entropy avoids this.)
#
# ## Checking `w2.grad` by hand
#
# $z_2 = W_2 y_1$ means $z_2[i] = \sum_j W_2[i, j]\, y_1[j]$, so
# $\partial\,\text{loss} / \partial W_2[i, j] = \delta_2[i] \cdot y_1[j]$:
# row $i$ of the gradient is $\delta_2[i]$ times the row vector $y_1^T$. For column vectors
# that is an **outer product**:
#
# $$\frac{\partial\,\text{loss}}{\partial W_2} = \delta_2\, y_1^T \qquad (2 \times 1)\,(1 \times 2) = 2 \times 2.$$
#
# ### Your turn
#
# Compute it with the tensors we have (`z_2.grad` is $\delta_2$; `torch.mm` and `.T` are all
# you need), and put the 2 × 2 result in `answer`.

# %% [markdown] zh
# 隐藏层的斜率是 0.197 和 0.105：接近 sigmoid 的最大值 0.25，**并没有**饱和。
# 饱和的只有输出层。这个网络里的每个梯度都要先经过输出层的 sigmoid，
# 所以所有梯度（包括 `w1.grad`）都很小。（第 10 课会介绍交叉熵如何避免这个问题。）
#
# ## 手算核对 `w2.grad`
#
# $z_2 = W_2 y_1$ 即 $z_2[i] = \sum_j W_2[i, j]\, y_1[j]$，所以
# $\partial\,\text{loss} / \partial W_2[i, j] = \delta_2[i] \cdot y_1[j]$：
# 梯度的第 $i$ 行就是 $\delta_2[i]$ 乘以行向量 $y_1^T$。对列向量来说，这就是**外积**：
#
# $$\frac{\partial\,\text{loss}}{\partial W_2} = \delta_2\, y_1^T \qquad (2 \times 1)\,(1 \times 2) = 2 \times 2。$$
#
# ### 练一练
#
# 用现有的张量把它算出来（`z_2.grad` 就是 $\delta_2$；只需要 `torch.mm` 和 `.T`），
# 把这个 2 × 2 的结果赋给 `answer`。

# %% tags=["exercise"]
answer = ...
ex.check_w2_grad(answer)

# %% [markdown] en
# Autograd's `w2.grad`, then the outer product written out, then the original notebook's
# version. The seed builds the same matrix with a trick: it stacks $y_1$ twice side by side,
# transposes, and lets broadcasting multiply row $i$ by $\delta_2[i]$ (written out in full as
# $(y_2 - y)\,\sigma(z_2)(1 - \sigma(z_2))$). It works because every row of that matrix is
# $y_1^T$, but it only works for two output units; $\delta_2\, y_1^T$ works for any size.

# %% [markdown] zh
# 依次是 autograd 的 `w2.grad`、写出来的外积，以及原笔记本的写法。原笔记本用了一个技巧：
# 把 $y_1$ 左右并排放两份，转置，再靠广播让第 $i$ 行乘上 $\delta_2[i]$
# （完整写出来是 $(y_2 - y)\,\sigma(z_2)(1 - \sigma(z_2))$）。它能成立，是因为那个矩阵的每一行都是
# $y_1^T$；但它只适用于两个输出单元，而 $\delta_2\, y_1^T$ 对任何大小都成立。

# %%
print(w2.grad)
print(torch.mm(z_2.grad, y_1.T))
seed_version = ((y_2 - y) * torch.sigmoid(z_2) * (1 - torch.sigmoid(z_2))) * torch.cat(
    (y_1, y_1), dim=1
).T
print(seed_version)
print(torch.allclose(torch.mm(z_2.grad, y_1.T), w2.grad), torch.allclose(seed_version, w2.grad))

# %% [markdown] en
# ## Checking `y_1.grad` by hand
#
# Going backward through $z_2 = W_2 y_1$ towards $y_1$ multiplies by the transposed weights:
# $\partial\,\text{loss}/\partial y_1 = W_2^T \, \delta_2$.

# %% [markdown] zh
# ## 手算核对 `y_1.grad`
#
# 沿着 $z_2 = W_2 y_1$ 往 $y_1$ 方向反向传播时，要乘上转置的权重：
# $\partial\,\text{loss}/\partial y_1 = W_2^T \, \delta_2$。

# %%
print(torch.mm(w2.T, z_2.grad))
print(y_1.grad)

# %% [markdown] en
# The remaining two follow the same pattern: $\delta_1 = \partial\,\text{loss}/\partial z_1$
# is `y_1.grad` times the hidden slopes you computed, and
# $\partial\,\text{loss}/\partial W_1 = \delta_1\, x^T$. Since $x = [[1]]$, that is exactly
# $\delta_1$:

# %% [markdown] zh
# 剩下两个也是同样的规律：$\delta_1 = \partial\,\text{loss}/\partial z_1$ 等于 `y_1.grad`
# 乘上你算出的隐藏层斜率，而 $\partial\,\text{loss}/\partial W_1 = \delta_1\, x^T$。
# 因为 $x = [[1]]$，它恰好就是 $\delta_1$：

# %%
print(y_1.grad * y_1 * (1 - y_1))
print(z_1.grad)
print(w1.grad)

# %% [markdown] en
# ## Hooks: catch a gradient without keeping it
#
# `retain_grad()` stores a gradient in `.grad`. A **hook** is more flexible: a function that
# autograd calls with the gradient of a tensor the moment it is computed. Here a small
# factory `save_grad(name)` builds hooks that file each gradient under a name.

# %% [markdown] zh
# ## 钩子：截下梯度而不保存它
#
# `retain_grad()` 把梯度存进 `.grad`。**钩子**（hook）更灵活：它是一个函数，
# autograd 一算出某个张量的梯度，就会拿这个梯度去调用它。下面的小工厂函数
# `save_grad(name)` 会生成一个个钩子，把每个梯度按名字存起来。

# %%
grads = {}


def save_grad(name):
    def hook(grad):
        grads[name] = grad

    return hook


# %% [markdown] en
# The same network, now without any `retain_grad()`: each intermediate result registers a hook
# instead. We run it inside the recorder, so that we can watch the hooks fire.

# %% [markdown] zh
# 还是同一个网络，这次不调用 `retain_grad()`，而是给每个中间结果注册一个钩子。
# 我们在记录器里运行它，以便观察钩子被触发的过程。


# %%
def forward_with_hooks(x, y, w1, w2):
    z_1 = torch.mm(w1, x)
    y_1 = torch.sigmoid(z_1)
    z_2 = torch.mm(w2, y_1)
    y_2 = torch.sigmoid(z_2)
    loss = 1 / 2 * (((y_2 - y) ** 2).sum())

    z_1.register_hook(save_grad("z_1"))
    y_1.register_hook(save_grad("y_1"))
    z_2.register_hook(save_grad("z_2"))
    y_2.register_hook(save_grad("y_2"))
    loss.register_hook(save_grad("loss"))
    return loss, z_1, y_1, z_2, y_2


w1 = torch.tensor([[1.0], [2.0]], requires_grad=True)
w2 = torch.tensor([[3.0, 4.0], [5.0, 6.0]], requires_grad=True)

with autograd_viz.record() as rec:
    loss, z_1, y_1, z_2, y_2 = forward_with_hooks(x, y, w1, w2)
    loss.backward()

# %% [markdown] en
# The hooks caught the same gradients as `retain_grad()` did:

# %% [markdown] zh
# 钩子截下的梯度和 `retain_grad()` 保存的完全一样：

# %%
for name in ["loss", "y_2", "z_2", "y_1", "z_1"]:
    print(f"{name}:", grads[name])

# %% [markdown] en
# …while the intermediate tensors themselves did not keep them:

# %% [markdown] zh
# ……而中间张量本身并没有保留梯度：

# %%
print(z_1.retains_grad, y_2.retains_grad)

# %% [markdown] en
# Now step through the backward pass in **quiz mode**: at each backward frame the stepper
# hides the gradient the node produces until you type your prediction or reveal it. The
# gradient enters at `loss`, flows down through `sigmoid`, `mm`, `sigmoid`, `mm`, and every
# time it reaches a tensor with a hook you see a **hook** frame, in the order the `grads`
# dictionary was filled: loss, y_2, z_2, y_1, z_1. **Predict** each gradient before you reveal it.

# %% [markdown] zh
# 现在用**测验模式**逐步查看反向传播：在每个反向传播帧，步进器会先隐藏节点产生的梯度，
# 等你输入预测或点击揭晓。梯度从 `loss` 进入，依次向下流过 `sigmoid`、`mm`、`sigmoid`、`mm`；
# 每当它到达一个注册了钩子的张量，就会出现一个 **hook** 帧，顺序与 `grads` 字典被填入的顺序一致：
# loss、y_2、z_2、y_1、z_1。揭晓之前，先**预测**每个梯度。

# %%
autograd_viz.Stepper(rec, quiz=True)

# %% [markdown] en
# The hook frames, as text:

# %% [markdown] zh
# 钩子帧的文字版：

# %%
for frame in rec.frames:
    if frame.phase == "hook":
        print(f"{frame.index:3d} {frame.caption}")

# %% [markdown] en
# ## Check your understanding
#
# 1. Which sigmoids in this network are saturated, and what does that do to the gradients?
#    <details><summary>Answer</summary>
#    Only the two output sigmoids (z₂ = 5.7 and 8.9, slopes 0.0033 and 0.00013). The hidden
#    slopes, 0.197 and 0.105, are healthy. Since every gradient passes through the output
#    sigmoids first, all gradients, <code>w1.grad</code> included, come out tiny.
#    </details>
# 2. Why is `dloss/dW2` an outer product, $\delta_2\, y_1^T$?
#    <details><summary>Answer</summary>
#    <code>W2[i, j]</code> touches only <code>z2[i]</code>, and with weight <code>y1[j]</code>;
#    so its gradient is <code>δ2[i] · y1[j]</code>. Collecting all <code>i, j</code> gives the
#    column <code>δ2</code> times the row <code>y1ᵀ</code>.
#    </details>
# 3. What is the difference between `retain_grad()` and `register_hook(fn)`?
#    <details><summary>Answer</summary>
#    <code>retain_grad()</code> stores the gradient in the tensor's <code>.grad</code>; a hook
#    is called with the gradient when it is computed and can record it, print it, or return a
#    replacement, without storing it on the tensor.
#    </details>
# 4. Going backward through `z_2 = W_2 y_1` towards `y_1`, why do we multiply by $W_2^T$?
#    <details><summary>Answer</summary>
#    <code>y1[j]</code> reaches every <code>z2[i]</code> through <code>W2[i, j]</code>;
#    summing those paths gives <code>Σᵢ W2[i, j] δ2[i]</code>, which is row <code>j</code> of
#    <code>W2ᵀ δ2</code>.
#    </details>
#
# ## Summary
#
# * Only leaves keep `.grad` by default; `retain_grad()` keeps it for an intermediate tensor.
# * Every gradient is a product of local derivatives along the path (the chain rule):
#   a `mm` passes the gradient back through the transposed matrix, a `sigmoid` multiplies by
#   $\sigma(z)(1-\sigma(z))$, and a weight's gradient is the outer product $\delta\, \text{input}^T$.
# * A saturated sigmoid (far from 0) has a tiny slope and shrinks every gradient behind it.
# * `register_hook(fn)` calls `fn(grad)` when that gradient is computed: handy for
#   inspecting (or changing) gradients without storing them.

# %% [markdown] zh
# ## 检验一下
#
# 1. 这个网络里哪些 sigmoid 饱和了？这对梯度有什么影响？
#    <details><summary>答案</summary>
#    只有两个输出层的 sigmoid（z₂ = 5.7 和 8.9，斜率 0.0033 和 0.00013）。隐藏层的斜率
#    0.197 和 0.105 都很正常。但每个梯度都要先经过输出层的 sigmoid，所以所有梯度
#    （包括 <code>w1.grad</code>）都很小。
#    </details>
# 2. 为什么 `dloss/dW2` 是外积 $\delta_2\, y_1^T$？
#    <details><summary>答案</summary>
#    <code>W2[i, j]</code> 只影响 <code>z2[i]</code>，而且权重是 <code>y1[j]</code>；
#    所以它的梯度是 <code>δ2[i] · y1[j]</code>。把所有 <code>i, j</code> 放在一起，
#    就是列向量 <code>δ2</code> 乘以行向量 <code>y1ᵀ</code>。
#    </details>
# 3. `retain_grad()` 和 `register_hook(fn)` 有什么区别？
#    <details><summary>答案</summary>
#    <code>retain_grad()</code> 把梯度存进张量的 <code>.grad</code>；钩子则在梯度算出来时被调用，
#    可以记录它、打印它，或者返回一个替换值，而不必把它存在张量上。
#    </details>
# 4. 沿着 `z_2 = W_2 y_1` 往 `y_1` 反向传播时，为什么要乘 $W_2^T$？
#    <details><summary>答案</summary>
#    <code>y1[j]</code> 通过 <code>W2[i, j]</code> 影响每一个 <code>z2[i]</code>；
#    把这些路径加起来得到 <code>Σᵢ W2[i, j] δ2[i]</code>，正是 <code>W2ᵀ δ2</code> 的第
#    <code>j</code> 行。
#    </details>
#
# ## 小结
#
# * 默认只有叶子节点保留 `.grad`；`retain_grad()` 可以让中间张量也保留梯度。
# * 每个梯度都是沿路径各个局部导数的乘积（链式法则）：`mm` 把梯度乘上转置矩阵往回传，
#   `sigmoid` 乘上 $\sigma(z)(1-\sigma(z))$，权重的梯度是外积 $\delta\, \text{输入}^T$。
# * 饱和的 sigmoid（远离 0）斜率极小，会把它后面的所有梯度都压小。
# * `register_hook(fn)` 在梯度算出时调用 `fn(grad)`：不必保存梯度就能查看（甚至修改）它。
