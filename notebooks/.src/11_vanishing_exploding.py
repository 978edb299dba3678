# %% [markdown] en
# # 11 · Vanishing and exploding gradients
#
# Backward multiplies local derivatives along a path. In a deep network that path is long,
# and a product of many factors is fragile: factors a little below 1 make it **vanish**,
# factors a little above 1 make it **explode**. In this lesson:
#
# 1. a chain of sigmoids, whose slope is at most 0.25,
# 2. per-layer gradient norms in a 10-layer network with sigmoid, tanh and ReLU (caught with
#    hooks),
# 3. how the **initialisation** of the weights decides whether gradients survive the trip.
# %% [markdown] zh
# # 11 · 梯度消失与梯度爆炸
#
# 反向传播沿路径把局部导数连乘起来。在深层网络里这条路径很长，而很多因子的乘积非常脆弱：
# 因子略小于 1，乘积就会**消失**；因子略大于 1，乘积就会**爆炸**。本课内容：
#
# 1. 一串 sigmoid，它的斜率最大只有 0.25；
# 2. 在一个 10 层的网络里，用钩子截下每一层的梯度范数，比较 sigmoid、tanh 和 ReLU；
# 3. 权重的**初始化**如何决定梯度能否走完全程。
# %%
import numpy as np

import autograd_viz
import autograd_viz as torch
from autograd_viz.lessons import lesson_11 as ex

# %% [markdown] en
# ## A chain of sigmoids
#
# $\sigma'(z) = \sigma(z)(1 - \sigma(z))$ is largest at $z = 0$, where it is $0.5 \cdot 0.5 =
# 0.25$. Three sigmoids in a row, starting at $x = 0$:
# %% [markdown] zh
# ## 一串 sigmoid
#
# $\sigma'(z) = \sigma(z)(1 - \sigma(z))$ 在 $z = 0$ 处最大，等于 $0.5 \cdot 0.5 = 0.25$。
# 从 $x = 0$ 出发，连续三个 sigmoid：
# %%
x = torch.tensor(0.0, requires_grad=True)
a1 = torch.sigmoid(x)
a2 = torch.sigmoid(a1)
a3 = torch.sigmoid(a2)
autograd_viz.draw(a3)
# %% [markdown] en
# **Predict before you step.** The gradient starts at 1 at `a3`. Each sigmoid multiplies it by
# its slope $a(1 - a)$, computed from its own output: $a_3 = 0.6508$, $a_2 = 0.6225$,
# $a_1 = 0.5$. What reaches `x`? Step through and check each factor.
# %% [markdown] zh
# **先预测，再步进。** 梯度在 `a3` 处从 1 开始。每个 sigmoid 都把它乘以自己的斜率 $a(1 - a)$，
# 用的是它自己的输出：$a_3 = 0.6508$，$a_2 = 0.6225$，$a_1 = 0.5$。最后到达 `x` 的是多少？逐步查看，核对每个因子。
# %%
x = torch.tensor(0.0, requires_grad=True)
with autograd_viz.record() as rec:
    a1 = torch.sigmoid(x)
    a2 = torch.sigmoid(a1)
    a3 = torch.sigmoid(a2)
    a3.backward()
autograd_viz.Stepper(rec, quiz=True)
# %%
print(f"x.grad = {x.grad.item():.5f}")
print(f"0.25 ** 3 = {0.25**3:.5f}")
# %% [markdown] en
# Three layers already cut the gradient to 1/75. Each sigmoid contributes a factor of at most
# 0.25, so after 10 sigmoids the gradient is at most $0.25^{10} \approx 10^{-6}$ times what it
# was, before the weights are even counted.
#
# ### Exercise 1: two sigmoids
#
# Chain the two local derivatives of $y = \sigma(\sigma(x))$ at $x = 0$. ($\sigma(0) = 0.5$,
# $\sigma(0.5) = 0.622459$.)
# %% [markdown] zh
# 仅仅三层，梯度就缩小到了 1/75。每个 sigmoid 贡献的因子最多是 0.25，所以经过 10 个 sigmoid 之后，
# 还没算上权重，梯度最多只剩原来的 $0.25^{10} \approx 10^{-6}$。
#
# ### 练习 1：两个 sigmoid
#
# 把 $y = \sigma(\sigma(x))$ 在 $x = 0$ 处的两个局部导数连乘起来。（$\sigma(0) = 0.5$，$\sigma(0.5) = 0.622459$。）
# %% en tags=["exercise"]
answer = ...  # sigma'(0.5) * sigma'(0)
ex.check_sigmoid_chain(answer)
# %% zh tags=["exercise"]
answer = ...  # sigma'(0.5) * sigma'(0)
ex.check_sigmoid_chain(answer)
# %% [markdown] en
# ## Exploding: factors above 1
#
# The weights are factors too. A chain of 10 layers $h_{l+1} = w\, h_l$ with the same
# scalar weight $w$ has $\partial h_{10} / \partial h_0 = w^{10}$: $0.5^{10} \approx 0.001$,
# $1^{10} = 1$, $2^{10} = 1024$.
#
# ### Exercise 2: a product of ten factors
#
# Ten layers, each with local derivative 1.5. What is the derivative of the last output with
# respect to the first input?
# %% [markdown] zh
# ## 爆炸：大于 1 的因子
#
# 权重也是因子。10 层 $h_{l+1} = w\, h_l$ 共用同一个标量权重 $w$，则 $\partial h_{10} / \partial h_0 = w^{10}$：
# $0.5^{10} \approx 0.001$，$1^{10} = 1$，$2^{10} = 1024$。
#
# ### 练习 2：十个因子的乘积
#
# 十层，每层的局部导数都是 1.5。最后的输出对最初的输入的导数是多少？
# %% en tags=["exercise"]
answer = ...  # d h_10 / d h_0
ex.check_explode_product(answer)
# %% zh tags=["exercise"]
answer = ...  # d h_10 / d h_0
ex.check_explode_product(answer)
# %% [markdown] en
# ## A deep network, layer by layer
#
# Now a real stack: 10 layers of width 32, $h_{l+1} = f(h_l W_l)$, a batch of 64 random
# inputs, and the loss $L = \sum h_{10}$ (so the gradient arriving at the top is all ones).
# The weights start as standard normal numbers times a scale divided by $\sqrt{32}$; the same
# random numbers are used for every experiment. A **hook** on each $h_l$ records the norm of
# its gradient $\lVert \partial L / \partial h_l \rVert$ as backward passes by.
# %% [markdown] zh
# ## 一个深层网络，一层一层地看
#
# 现在换成真正的多层网络：10 层，宽度 32，$h_{l+1} = f(h_l W_l)$，一批 64 个随机输入，
# 损失 $L = \sum h_{10}$（所以到达顶层的梯度全是 1）。权重的初值是标准正态随机数乘以一个缩放系数再除以
# $\sqrt{32}$；每次实验用的都是同一组随机数。在每个 $h_l$ 上挂一个**钩子**，反向传播经过时记下它梯度的范数
# $\lVert \partial L / \partial h_l \rVert$。
# %%
depth, width, batch = 10, 32, 64
rng = np.random.default_rng(0)
inputs = rng.normal(0, 1, (batch, width))
base = [rng.normal(0, 1, (width, width)) for _ in range(depth)]


def grad_norms(activation, scale):
    weights = [
        torch.tensor(b * scale / np.sqrt(width), dtype=torch.float32, requires_grad=True)
        for b in base
    ]
    seen = {}
    h = torch.tensor(inputs, dtype=torch.float32)
    for layer, W in enumerate(weights):
        h = activation(h @ W)
        if layer < depth - 1:
            h.register_hook(lambda g, k=layer + 1: seen.__setitem__(k, g.norm().item()))
    h.sum().backward()
    return [seen[k] for k in range(depth - 1, 0, -1)], weights[0].grad.norm().item()


experiments = [
    ("sigmoid", torch.sigmoid, 1.0),
    ("tanh", torch.tanh, 1.0),
    ("relu", torch.relu, 1.0),
    ("relu", torch.relu, np.sqrt(2)),
    ("relu", torch.relu, 2.0),
]
table = [(name, scale, grad_norms(f, scale)) for name, f, scale in experiments]
# %% [markdown] en
# Columns: layer 9 (near the loss) down to layer 1 (near the input) is the order in which
# backward visits them; the last column is the gradient of the first weight matrix, and
# "ratio" compares layer 1 with layer 9.
# %% [markdown] zh
# 各列从第 9 层（靠近损失）到第 1 层（靠近输入），就是反向传播经过它们的顺序；最后一列是第一个权重矩阵的梯度，
# “比值”是第 1 层与第 9 层之比。
# %% en
print("activation scale" + "".join(f"  h{k:<6}" for k in range(9, 0, -1)) + "  W0        ratio")
for name, scale, (norms, w0) in table:
    cols = "".join(f"  {v:7.1e}" for v in norms)
    print(f"{name:10} {scale:4.2f}{cols}  {w0:7.1e}   {norms[-1] / norms[0]:7.1e}")
# %% zh
print("激活函数   缩放" + "".join(f"  h{k:<6}" for k in range(9, 0, -1)) + "  W0        比值")
for name, scale, (norms, w0) in table:
    cols = "".join(f"  {v:7.1e}" for v in norms)
    print(f"{name:10} {scale:4.2f}{cols}  {w0:7.1e}   {norms[-1] / norms[0]:7.1e}")
# %% [markdown] en
# Read each row from left to right, as backward goes:
#
# * **sigmoid**: the gradient shrinks by about 4 to 5 times per layer; at the first layer it
#   is about $10^{-5}$ of what it was at the top. Those layers barely learn: *vanishing*.
# * **tanh** (slope up to 1, centred at 0): much better, it shrinks only slowly.
# * **relu, scale 1**: ReLU zeroes about half of the units (and their gradients), so the
#   gradient shrinks at every layer (here by about 1.3 times per layer; about $\sqrt2$ on
#   average for wide layers).
# * **relu, scale $\sqrt2$** (He initialisation, weights with standard deviation
#   $\sqrt{2/\text{fan\_in}}$): the factor $\sqrt2$ compensates the lost half, and the norm
#   stays of the same order through all layers.
# * **relu, scale 2**: every layer multiplies the gradient by about 1.5: *exploding*, growing
#   geometrically with depth.
#
# The rule behind the right scale: keep the variance of the signal the same from layer to layer.
# For an input of fan-in $n$ this gives standard deviation $1/\sqrt{n}$ for tanh-like units
# (Xavier/LeCun) and $\sqrt{2/n}$ for ReLU (He). `nn.Linear` uses a uniform variant scaled by
# $1/\sqrt{n}$.
#
# ### Exercise 3: He initialisation
#
# A ReLU layer has fan-in 32. Which standard deviation does He initialisation give its weights?
# %% [markdown] zh
# 按反向传播的方向，从左往右读每一行：
#
# * **sigmoid**：梯度每层缩小约 4 到 5 倍；到第一层时只剩顶层的约 $10^{-5}$。这些层几乎学不到东西：*梯度消失*。
# * **tanh**（斜率最大为 1，以 0 为中心）：好得多，只是缓慢地缩小。
# * **relu，缩放 1**：ReLU 把大约一半单元（连同它们的梯度）置零，所以梯度每经过一层都会缩小
#   （这里每层约 1.3 倍；对很宽的层平均约为 $\sqrt2$ 倍）。
# * **relu，缩放 $\sqrt2$**（He 初始化，权重标准差为 $\sqrt{2/\text{fan\_in}}$）：$\sqrt2$ 这个因子正好补回损失的一半，
#   范数在所有层都保持在同一数量级。
# * **relu，缩放 2**：每一层都把梯度乘上约 1.5：*梯度爆炸*，随深度按几何级数增长。
#
# 选择缩放系数背后的规则：让信号的方差逐层保持不变。对扇入为 $n$ 的输入，tanh 一类的单元得到标准差
# $1/\sqrt{n}$（Xavier/LeCun），ReLU 得到 $\sqrt{2/n}$（He）。`nn.Linear` 用的是按 $1/\sqrt{n}$ 缩放的均匀分布变体。
#
# ### 练习 3：He 初始化
#
# 一个 ReLU 层的扇入是 32。He 初始化给它的权重的标准差是多少？
# %% en tags=["exercise"]
answer = ...  # the standard deviation
ex.check_he_std(answer)
# %% zh tags=["exercise"]
answer = ...  # 标准差
ex.check_he_std(answer)
# %% [markdown] en
# ## Summary
#
# * A gradient through $L$ layers is a product of $L$ layers' local derivatives: it vanishes or
#   explodes geometrically unless the factors stay near 1.
# * Sigmoid's slope is at most 0.25: deep sigmoid stacks vanish. tanh and ReLU do better.
# * The initial scale of the weights decides the factor per layer: $1/\sqrt{n}$ (tanh) or
#   $\sqrt{2/n}$ (ReLU).
# * Hooks (`register_hook`) are the tool to measure gradients inside a network.
#
# ## Questions
#
# 1. Why does a vanishing gradient hurt the *first* layers most?
# <details><summary>Answer</summary>
#
# Their gradient is the product over the longest path: every layer above them contributes a
# factor. The last layer's gradient has only one or two factors.
# </details>
#
# 2. Exploding gradients are often handled by *gradient clipping*. What does it do, and why
#    does it not help with vanishing gradients?
# <details><summary>Answer</summary>
#
# It rescales the gradient when its norm exceeds a threshold, so one step cannot jump too far.
# A tiny gradient is below any threshold; clipping cannot make it bigger.
# </details>
#
# 3. Residual connections compute $h_{l+1} = h_l + f(h_l)$. Why do gradients survive them?
# <details><summary>Answer</summary>
#
# Add distributes (lesson 07): the gradient of $h_{l+1}$ reaches $h_l$ unchanged along the
# identity branch, whatever $f$'s local derivative is, and the branches add.
# </details>
# %% [markdown] zh
# ## 小结
#
# * 经过 $L$ 层的梯度是 $L$ 层局部导数的乘积：除非因子都接近 1，否则它会按几何级数消失或爆炸。
# * sigmoid 的斜率最多 0.25：深层 sigmoid 网络会梯度消失。tanh 和 ReLU 好一些。
# * 权重的初始尺度决定每层的因子：$1/\sqrt{n}$（tanh）或 $\sqrt{2/n}$（ReLU）。
# * 钩子（`register_hook`）是测量网络内部梯度的工具。
#
# ## 思考题
#
# 1. 为什么梯度消失对*前面几层*伤害最大？
# <details><summary>答案</summary>
#
# 它们的梯度是最长路径上的乘积：上面的每一层都贡献一个因子。最后一层的梯度只有一两个因子。
# </details>
#
# 2. 梯度爆炸常用*梯度裁剪*来处理。它做了什么？为什么对梯度消失没有帮助？
# <details><summary>答案</summary>
#
# 当梯度范数超过阈值时，把梯度按比例缩小，这样一步不会跳得太远。很小的梯度低于任何阈值，裁剪无法把它变大。
# </details>
#
# 3. 残差连接计算 $h_{l+1} = h_l + f(h_l)$。为什么梯度能顺利通过它？
# <details><summary>答案</summary>
#
# 加法分发（第 07 课）：无论 $f$ 的局部导数是多少，$h_{l+1}$ 的梯度都沿恒等分支原样到达 $h_l$，
# 而各分支的梯度相加。
# </details>
