# %% [markdown] en
# # 05 · A two-layer network, gradient by gradient
#
# A real (if tiny) neural network: two layers, each a matrix product followed by a sigmoid.
# We let autograd compute every gradient, then check two of them against the chain rule
# by hand, and finally meet **hooks**, a way to catch gradients as they fly past.

# %% [markdown] zh
# # 05 · 两层神经网络，一个梯度一个梯度地看
#
# 这是一个真正的（虽然很小的）神经网络：两层，每层都是一次矩阵乘法再接一个 sigmoid。
# 我们先让自动求导算出所有梯度，再用手推的链式法则核对其中两个，最后认识 **hook**——在梯度经过时把它截下来的办法。

# %%
import autograd_viz
import autograd_viz as torch

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
# 其中 $\sigma(z) = 1 / (1 + e^{-z})$。输入 $x$ 是 1×1 的矩阵，隐藏层有 2 个单元，输出层有 2 个单元。
#
# 默认情况下只有叶子节点会保留 `.grad`。我们对每个中间结果都调用 `retain_grad()`，这样也能看到它们的梯度。


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
# The data and the starting weights:

# %% [markdown] zh
# 数据和初始权重：

# %%
x = torch.tensor([[1.0]])
y = torch.tensor([[1.0], [0.0]])
w1 = torch.tensor([[1.0], [2.0]], requires_grad=True)
w2 = torch.tensor([[3.0, 4.0], [5.0, 6.0]], requires_grad=True)

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
# 下面是计算图。两个 `mm` 节点就是两层；每个 `sigmoid` 把输入压缩到 $(0, 1)$ 区间。

# %%
autograd_viz.draw(loss)

# %% [markdown] en
# ## Backward
#
# One call fills the gradients of the two weight matrices:

# %% [markdown] zh
# ## 反向传播
#
# 调用一次，两个权重矩阵的梯度就都填好了：

# %%
loss.backward()
print("w1.grad:", w1.grad)
print("w2.grad:", w2.grad)

# %% [markdown] en
# The gradients are tiny (around $10^{-4}$): the sigmoids are saturated, their slope
# $\sigma'(z) = \sigma(z)(1 - \sigma(z))$ is nearly 0 at $z = 5.7$ and $z = 8.9$.
#
# Thanks to `retain_grad()` the intermediate results kept their gradients too. Start at the
# top: $\partial\,\text{loss} / \partial\,\text{loss} = 1$.

# %% [markdown] zh
# 梯度非常小（约 $10^{-4}$）：sigmoid 已经饱和，在 $z = 5.7$ 和 $z = 8.9$ 处它的斜率
# $\sigma'(z) = \sigma(z)(1 - \sigma(z))$ 几乎为 0。
#
# 多亏了 `retain_grad()`，中间结果也保留了梯度。从最顶端开始：$\partial\,\text{loss} / \partial\,\text{loss} = 1$。

# %%
loss.grad

# %% [markdown] en
# ## Exercise: the gradient of the output
#
# $\text{loss} = \tfrac12 \sum (y_2 - y)^2$, so $\partial\,\text{loss} / \partial\,y_2 = y_2 - y$.
# With $y_2 = [0.9967, 0.9999]$ and $y = [1, 0]$, what is `y_2.grad`? Replace the two
# numbers in `my_y2_grad` with yours (4 decimals are enough), then run the check.

# %% [markdown] zh
# ## 练习：输出的梯度
#
# $\text{loss} = \tfrac12 \sum (y_2 - y)^2$，所以 $\partial\,\text{loss} / \partial\,y_2 = y_2 - y$。
# 已知 $y_2 = [0.9967, 0.9999]$，$y = [1, 0]$，`y_2.grad` 是多少？把 `my_y2_grad`
# 里的两个数换成你的答案（保留 4 位小数就够了），然后运行检查。

# %%
my_y2_grad = [-0.0033, 0.9999]  # <- your d loss / d y_2, top then bottom

# %% tags=["exercise"]
autograd_y2_grad = [y_2.grad[0, 0].item(), y_2.grad[1, 0].item()]
if all(abs(mine - auto) < 1e-3 for mine, auto in zip(my_y2_grad, autograd_y2_grad, strict=True)):
    print("Correct!")
else:
    print("Not yet: autograd says " + ", ".join(f"{g:.4f}" for g in autograd_y2_grad))
    print("Hint: subtract the target from the output, entry by entry.")
    print("还不对：自动求导的结果是 " + ", ".join(f"{g:.4f}" for g in autograd_y2_grad))
    print("提示：逐个元素用输出减去目标值。")

# %%
y_2.grad

# %% [markdown] en
# ## One step further down: $z_2$
#
# $$\frac{\partial\,\text{loss}}{\partial z_2} = \frac{\partial\,\text{loss}}{\partial y_2}
# \cdot \frac{\partial y_2}{\partial z_2} = (y_2 - y)\,\sigma(z_2)\,(1 - \sigma(z_2))$$

# %% [markdown] zh
# ## 再往下一层：$z_2$
#
# $$\frac{\partial\,\text{loss}}{\partial z_2} = \frac{\partial\,\text{loss}}{\partial y_2}
# \cdot \frac{\partial y_2}{\partial z_2} = (y_2 - y)\,\sigma(z_2)\,(1 - \sigma(z_2))$$

# %%
z_2.grad

# %% [markdown] en
# ## Checking `w2.grad` by hand
#
# $z_2 = W_2 y_1$ means $z_2[i] = \sum_j W_2[i, j]\, y_1[j]$, so
# $\partial\,\text{loss} / \partial W_2[i, j] = \partial\,\text{loss}/\partial z_2[i] \cdot y_1[j]$:
# row $i$ of the gradient is $z_2$'s gradient $i$ times the row vector $y_1^T$.
# Written with the formula from above:

# %% [markdown] zh
# ## 手动核对 `w2.grad`
#
# $z_2 = W_2 y_1$ 意味着 $z_2[i] = \sum_j W_2[i, j]\, y_1[j]$，所以
# $\partial\,\text{loss} / \partial W_2[i, j] = \partial\,\text{loss}/\partial z_2[i] \cdot y_1[j]$：
# 梯度的第 $i$ 行等于 $z_2$ 的第 $i$ 个梯度乘以行向量 $y_1^T$。用上面的公式写出来：

# %%
w2_grad_by_hand = ((y_2 - y) * torch.sigmoid(z_2) * (1 - torch.sigmoid(z_2))) * (
    torch.cat((y_1, y_1), dim=1).T
)
w2_grad_by_hand

# %%
w2.grad

# %%
torch.allclose(w2_grad_by_hand, w2.grad)

# %% [markdown] en
# ## Checking `y_1.grad` by hand
#
# Going backward through $z_2 = W_2 y_1$ towards $y_1$ multiplies by the transposed weights:
# $\partial\,\text{loss}/\partial y_1 = W_2^T \, \partial\,\text{loss}/\partial z_2$.

# %% [markdown] zh
# ## 手动核对 `y_1.grad`
#
# 沿 $z_2 = W_2 y_1$ 反向走到 $y_1$，要乘以转置的权重：
# $\partial\,\text{loss}/\partial y_1 = W_2^T \, \partial\,\text{loss}/\partial z_2$。

# %%
torch.mm(w2.T, z_2.grad)

# %%
y_1.grad

# %% [markdown] en
# The remaining two follow the same pattern. Since $x = [[1]]$, $\partial\,\text{loss}/\partial W_1
# = \partial\,\text{loss}/\partial z_1 \cdot x^T$ is exactly $z_1$'s gradient:

# %% [markdown] zh
# 剩下的两个规律相同。因为 $x = [[1]]$，所以 $\partial\,\text{loss}/\partial W_1
# = \partial\,\text{loss}/\partial z_1 \cdot x^T$ 恰好就等于 $z_1$ 的梯度：

# %%
print("z_1.grad:", z_1.grad)
print("w1.grad: ", w1.grad)

# %% [markdown] en
# ## Hooks: catch a gradient without keeping it
#
# `retain_grad()` stores a gradient in `.grad`. A **hook** is more flexible: a function that
# autograd calls with the gradient of a tensor the moment it is computed. Here a small
# factory `save_grad(name)` builds hooks that file each gradient under a name.

# %% [markdown] zh
# ## Hook：不保留也能拿到梯度
#
# `retain_grad()` 把梯度存进 `.grad`。**hook** 更灵活：它是一个函数，自动求导一算出某个张量的梯度，
# 就立刻用这个梯度调用它。下面的小工厂函数 `save_grad(name)` 生成的 hook 会把每个梯度按名字存起来。

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
# 还是同一个网络，这次不用 `retain_grad()`，而是在每个中间结果上注册一个 hook。
# 我们在记录器里运行它，这样就能看到每个 hook 被触发的时刻。


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
# hook 截到的梯度和 `retain_grad()` 保存的完全一样：

# %%
for name in ["loss", "y_2", "z_2", "y_1", "z_1"]:
    print(f"{name}:", grads[name])

# %% [markdown] en
# …while the intermediate tensors themselves did not keep them:

# %% [markdown] zh
# ……而中间张量自己并没有保留梯度：

# %%
print(z_1.retains_grad, y_2.retains_grad)

# %% [markdown] en
# Now step through the backward pass. The gradient enters at `loss`, flows down through
# `sigmoid`, `mm`, `sigmoid`, `mm`, and every time it reaches a tensor with a hook you see
# a **hook** frame, in the order the grads dictionary was filled: loss, y_2, z_2, y_1, z_1.

# %% [markdown] zh
# 现在逐帧浏览反向传播。梯度从 `loss` 进入，依次经过 `sigmoid`、`mm`、`sigmoid`、`mm`，
# 每到达一个挂了 hook 的张量，就会出现一个 **hook** 帧，顺序和 grads 字典被填入的顺序相同：
# loss、y_2、z_2、y_1、z_1。

# %%
autograd_viz.Stepper(rec)

# %% [markdown] en
# The hook frames, as text:

# %% [markdown] zh
# 用文字列出这些 hook 帧：

# %%
for frame in rec.frames:
    if frame.phase == "hook":
        print(f"{frame.index:3d} {frame.caption}")

# %% [markdown] en
# ## Summary
#
# * Only leaves keep `.grad` by default; `retain_grad()` keeps it for an intermediate tensor.
# * Every gradient is a product of local derivatives along the path (the chain rule):
#   a `mm` passes the gradient back through the transposed matrix, a `sigmoid` multiplies by
#   $\sigma(z)(1-\sigma(z))$.
# * `register_hook(fn)` calls `fn(grad)` when that gradient is computed — handy for
#   inspecting (or changing) gradients without storing them.

# %% [markdown] zh
# ## 小结
#
# * 默认只有叶子节点保留 `.grad`；`retain_grad()` 让中间张量也保留它。
# * 每个梯度都是沿路径各个局部导数的乘积（链式法则）：`mm` 把梯度乘以转置矩阵往回传，
#   `sigmoid` 乘以 $\sigma(z)(1-\sigma(z))$。
# * `register_hook(fn)` 会在该梯度算出时调用 `fn(grad)`——不必保存梯度，就能查看（甚至修改）它。
