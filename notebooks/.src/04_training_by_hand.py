# %% [markdown] en
# # 04 · Training by hand
#
# Time to put gradients to work. We fit two tiny models to three points by repeating one
# recipe: **forward, backward, update, zero**. No optimizer, no magic — just `.data` and `.grad`.

# %% [markdown] zh
# # 04 · 亲手训练模型
#
# 现在让梯度干点正事。我们用同一套流程反复迭代，把两个很小的模型拟合到三个数据点上：
# **前向、反向、更新、清零**。不用优化器，也没有什么魔法——只用 `.data` 和 `.grad`。

# %%
import autograd_viz
import autograd_viz as torch

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
a.requires_grad = True  # or: a.requires_grad_()

print(a)
print(a.data)
print(a.type())
print(a.data.type())
print(a.grad)
print(type(a.grad))

# %% [markdown] en
# Both `a` and `a.data` are `torch.FloatTensor`s; `a.grad` is `None` for now.
# That is why, below, an update reads `w.grad.data`: the gradient is a tensor like any other.
#
# ## The data: `y = 2x`
#
# Three points that lie exactly on the line $y = 2x$. Our model is $\hat y = w\,x$ and we start
# from the wrong guess $w = 1$. The loss of one sample is the squared error $(\hat y - y)^2$.

# %% [markdown] zh
# `a` 和 `a.data` 都是 `torch.FloatTensor`；`a.grad` 现在还是 `None`。
# 所以在下面的更新里我们写 `w.grad.data`：梯度也是一个普通的张量。
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
print(f"predict (before training): x = 4 -> {forward(4).item():.4f}")

# %% [markdown] en
# ## Exercise: the first gradient
#
# For one sample, $l = (w x - y)^2$, so
# $$\frac{\partial l}{\partial w} = 2\,x\,(w x - y).$$
#
# Compute it for the first sample, $x = 1$, $y = 2$, with $w = 1$. Replace the value of
# `my_grad` with your own result, then run the two cells after it.

# %% [markdown] zh
# ## 练习：第一个梯度
#
# 单个样本的损失是 $l = (w x - y)^2$，所以
# $$\frac{\partial l}{\partial w} = 2\,x\,(w x - y)。$$
#
# 请对第一个样本 $x = 1$、$y = 2$，在 $w = 1$ 时算出这个梯度。把 `my_grad`
# 的值换成你自己的结果，然后运行后面两个单元格。

# %%
my_grad = -2.0  # <- your value of dl/dw for x = 1, y = 2, w = 1

# %%
l = loss(1.0, 2.0)
l.backward()
w.grad

# %% tags=["exercise"]
if abs(my_grad - w.grad.item()) < 1e-4:
    print("Correct!")
else:
    print(f"Not yet: you said {my_grad}, autograd says {w.grad.item():.4f}.")
    print("Hint: 2 * x * (w*x - y) = 2 * 1 * (1*1 - 2).")
    print(f"还不对：你填的是 {my_grad}，自动求导的结果是 {w.grad.item():.4f}。")
    print("提示：2 * x * (w*x - y) = 2 * 1 * (1*1 - 2)。")

# %% [markdown] en
# That was only a look: we clear the gradient again and leave `w` untouched before training.

# %% [markdown] zh
# 刚才只是看一眼：训练前我们把梯度清掉，`w` 保持不变。

# %%
w.grad.data.zero_()
w, w.grad

# %% [markdown] en
# ## The training loop
#
# For each sample: forward (build the loss), backward (fill `w.grad`), update `w.data`
# with learning rate 0.01, then zero the gradient — otherwise the next sample's gradient
# would be added to this one. We print the three gradients of the first epoch and the loss
# of the last sample every 10 epochs. `l.item()` turns the loss into a plain Python number.

# %% [markdown] zh
# 对每个样本：前向（算出损失）、反向（填好 `w.grad`）、用学习率 0.01 更新 `w.data`，
# 然后把梯度清零——否则下一个样本的梯度会加到这一个上面。我们打印第一轮的三个梯度，
# 并且每 10 轮打印一次最后一个样本的损失。`l.item()` 把损失变成普通的 Python 数字。

# %%
for epoch in range(100):
    for x, y in zip(x_data, y_data, strict=True):
        l = loss(x, y)
        l.backward()
        if epoch == 0:
            print(f"    grad: x={x} y={y} dl/dw={w.grad.item():.4f}")
        w.data = w.data - 0.01 * w.grad.data  # the gradient is a tensor too
        w.grad.data.zero_()  # clear it for the next sample
    if epoch % 10 == 0 or epoch == 99:
        print(f"epoch {epoch:2d}  loss {l.item():.6f}")

# %% [markdown] en
# The gradients of the first epoch are $-2$, $-7.84$ and $-16.2288$: each one is computed with
# the $w$ left by the previous update. The loss drops to (almost) zero, and $w$ reaches 2:

# %% [markdown] zh
# 第一轮的三个梯度是 $-2$、$-7.84$ 和 $-16.2288$：每一个都是用上一次更新之后的 $w$ 算出来的。
# 损失降到（几乎）为零，$w$ 也到了 2：

# %%
print(f"w = {w.item():.4f}")
print(f"predict (after training): x = 4 -> {forward(4).item():.4f}")

# %% [markdown] en
# ## A quadratic model
#
# Now a model with three parameters: $\hat y = w_1 x^2 + w_2 x + b$, all starting at 1,
# on the same data. Before training it predicts $16 + 4 + 1 = 21$ for $x = 4$.

# %% [markdown] zh
# ## 二次模型
#
# 接下来换一个有三个参数的模型：$\hat y = w_1 x^2 + w_2 x + b$，三个参数初值都是 1，
# 数据不变。训练之前它对 $x = 4$ 的预测是 $16 + 4 + 1 = 21$。

# %%
w1 = torch.Tensor([1.0])
w1.requires_grad = True
w2 = torch.Tensor([1.0])
w2.requires_grad = True
b = torch.Tensor([1.0])
b.requires_grad = True


def forward(x):
    return w1 * x**2 + w2 * x + b


def loss(x, y):
    y_pred = forward(x)
    return (y_pred - y) ** 2


forward(4)

# %% [markdown] en
# ### Its computation graph
#
# Here is the graph of the loss for the first sample ($x = 1$, $y = 2$). Follow the values from
# the three parameters on the left to the loss on the right.

# %% [markdown] zh
# ### 它的计算图
#
# 这是第一个样本（$x = 1$，$y = 2$）的损失的计算图。从左边的三个参数出发，沿着数值一直走到右边的损失。

# %%
l = loss(1.0, 2.0)
autograd_viz.draw(l)

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
# ### 手动推导反向传播
#
# 从右往左沿着计算图走，把局部导数一路乘起来（链式法则）：
#
# $$\frac{\partial l}{\partial \hat y} = 2(\hat y - y), \qquad
# \frac{\partial l}{\partial w_1} = 2(\hat y - y)\,x^2, \qquad
# \frac{\partial l}{\partial w_2} = 2(\hat y - y)\,x, \qquad
# \frac{\partial l}{\partial b} = 2(\hat y - y)。$$
#
# 第一个样本的 $\hat y = 3$，所以 $2(\hat y - y) = 2$；又因为 $x = 1$，三个梯度都是 2。自动求导的结果一致：

# %%
l.backward()
print(f"{w1.grad.item():.4f} {w2.grad.item():.4f} {b.grad.item():.4f}")

# %% [markdown] en
# One training step: every parameter becomes $1 - 0.01 \times 2 = 0.98$, and the gradients
# are cleared.

# %% [markdown] zh
# 训练一步：每个参数都变成 $1 - 0.01 \times 2 = 0.98$，然后把梯度清零。

# %%
for p in (w1, w2, b):
    p.data = p.data - 0.01 * p.grad.data
    p.grad.data.zero_()

w1, w2, b

# %% [markdown] en
# ### Exercise: the second sample
#
# With all three parameters at 0.98, take the second sample $x = 2$, $y = 4$. Compute
# $\hat y$, then the three gradients with the formulas above. Replace the numbers in
# `my_grads` (order: $w_1$, $w_2$, $b$) with yours, then run the check.

# %% [markdown] zh
# ### 练习：第二个样本
#
# 三个参数现在都是 0.98。取第二个样本 $x = 2$、$y = 4$，先算出 $\hat y$，再用上面的公式算出三个梯度。
# 把 `my_grads` 里的数（顺序：$w_1$、$w_2$、$b$）换成你自己的结果，然后运行检查。

# %%
my_grads = [22.88, 11.44, 5.72]  # <- your dl/dw1, dl/dw2, dl/db for x = 2, y = 4

# %% tags=["exercise"]
l = loss(2.0, 4.0)
l.backward()
autograd_grads = [w1.grad.item(), w2.grad.item(), b.grad.item()]
if all(abs(mine - auto) < 1e-3 for mine, auto in zip(my_grads, autograd_grads, strict=True)):
    print("Correct!")
else:
    print("Not yet: autograd says " + ", ".join(f"{g:.4f}" for g in autograd_grads))
    print("Hint: y_pred = 0.98*4 + 0.98*2 + 0.98 = 6.86, so 2*(y_pred - y) = 5.72.")
    print("还不对：自动求导的结果是 " + ", ".join(f"{g:.4f}" for g in autograd_grads))
    print("提示：y_pred = 0.98*4 + 0.98*2 + 0.98 = 6.86，所以 2*(y_pred - y) = 5.72。")

# %% [markdown] en
# ### Training it, with the recorder on
#
# Now we start again from 1, 1, 1 and train for 100 epochs, this time inside
# `autograd_viz.record(full_iterations=3)`: the first 3 iterations (one backward and update
# each) are recorded frame by frame, and every iteration after that leaves a summary — its
# loss, parameters and gradients.

# %% [markdown] zh
# ### 开着记录器训练
#
# 现在从 1、1、1 重新开始训练 100 轮，这次放在 `autograd_viz.record(full_iterations=3)` 里面：
# 前 3 次迭代（每次一个反向传播加一次更新）逐帧记录，之后的每次迭代只留下一份摘要——损失、参数和梯度。

# %%
w1 = torch.Tensor([1.0])
w1.requires_grad = True
w2 = torch.Tensor([1.0])
w2.requires_grad = True
b = torch.Tensor([1.0])
b.requires_grad = True

with autograd_viz.record(full_iterations=3) as rec:
    for epoch in range(100):
        for x, y in zip(x_data, y_data, strict=True):
            l = loss(x, y)
            l.backward()
            if epoch == 0:
                print(
                    f"    grad: x={x} y={y}  {w1.grad.item():.4f} {w2.grad.item():.4f} {b.grad.item():.4f}"
                )
            w1.data = w1.data - 0.01 * w1.grad.data
            w2.data = w2.data - 0.01 * w2.grad.data
            b.data = b.data - 0.01 * b.grad.data
            w1.grad.data.zero_()
            w2.grad.data.zero_()
            b.grad.data.zero_()
        if epoch < 4 or epoch % 20 == 0 or epoch == 99:
            print(f"epoch {epoch:2d}  loss {l.item():.6f}")

print(f"predict (after training): x = 4 -> {forward(4).item():.4f}")

# %% [markdown] en
# The loss falls fast (18.32, 2.86, 1.17, 0.047 in the first epochs) and then slowly. The
# prediction for $x = 4$ is close to 8 but not there yet: with three parameters the model
# still has to learn that $w_1$ should be 0. Try more epochs if you like.
#
# Step through the first iterations below: forward, backward, the three updates and the
# zeroing. The plot shows the loss of every recorded iteration.

# %% [markdown] zh
# 损失一开始下降得很快（前几轮是 18.32、2.86、1.17、0.047），之后变慢。对 $x = 4$ 的预测接近 8，
# 但还没到：有三个参数时，模型还得学会让 $w_1$ 变成 0。有兴趣的话可以多训练几轮试试。
#
# 在下面逐帧浏览前几次迭代：前向、反向、三个参数的更新以及清零。图中画的是每次记录下的迭代的损失。

# %%
autograd_viz.Stepper(rec)

# %% [markdown] en
# The recorder counts one iteration per sample, so 3 per epoch and 300 in all. The third
# iteration of an epoch is the sample our loop printed, so iterations 3, 63, 123, ... repeat
# the losses of epochs 0, 20, 40, ...:

# %% [markdown] zh
# 记录器把每个样本算作一次迭代，所以每轮 3 次，一共 300 次。每轮的第 3 次迭代正是我们的循环打印的那个样本，
# 所以第 3、63、123……次迭代的损失与第 0、20、40……轮打印的损失相同：

# %%
print(f"{len(rec.iterations)} iterations recorded")
for it in rec.iterations[2::60]:
    print(f"iteration {it['iteration']:3d}  loss {it['loss']:.6f}")

# %% [markdown] en
# ## Summary
#
# * `.data` and `.grad` are tensors; update with `w.data = w.data - lr * w.grad.data`.
# * Zero the gradient after each update (`w.grad.data.zero_()`), or the next one piles on top.
# * The backward of a small model can be derived by hand with the chain rule — and autograd
#   gets exactly the same numbers.

# %% [markdown] zh
# ## 小结
#
# * `.data` 和 `.grad` 都是张量；用 `w.data = w.data - lr * w.grad.data` 更新参数。
# * 每次更新之后都要把梯度清零（`w.grad.data.zero_()`），否则下一次的梯度会叠加上去。
# * 小模型的反向传播可以用链式法则手动推出来——自动求导得到的数字和它完全一样。
