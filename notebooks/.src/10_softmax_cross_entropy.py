# %% [markdown] en
# # 10 · Softmax and cross-entropy
#
# A classifier outputs one score (a **logit**) per class. Softmax turns the scores into
# probabilities, and the cross-entropy loss punishes a small probability for the right class.
# Their combined gradient is one of the most beautiful results in deep learning:
#
# $$\frac{\partial L}{\partial z} = p - y$$
#
# (predicted probabilities minus the one-hot target). We derive it with the chain rule, step
# through it, and see why it trains where lesson 05's saturated sigmoid + MSE stalls.
# %% [markdown] zh
# # 10 · softmax 与交叉熵
#
# 分类器为每个类别输出一个分数（**logit**）。softmax 把分数变成概率，交叉熵损失则惩罚“正确类别的概率太小”。
# 两者合在一起的梯度是深度学习里最漂亮的结果之一：
#
# $$\frac{\partial L}{\partial z} = p - y$$
#
# （预测概率减去 one-hot 目标）。我们用链式法则推导它，逐步查看它，再看看为什么在第 05 课里饱和的
# sigmoid + MSE 停滞不前的地方，它依然能训练。
# %%
import autograd_viz
import autograd_viz as torch
import autograd_viz.nn.functional as F
from autograd_viz.lessons import lesson_10 as ex

# %% [markdown] en
# ## Softmax and the loss
#
# For logits $z = (z_0, \dots, z_{K-1})$:
#
# $$p_i = \frac{e^{z_i}}{\sum_j e^{z_j}}, \qquad L = -\log p_c$$
#
# where $c$ is the correct class. The $p_i$ are positive and sum to 1. If $p_c = 1$ the loss is
# 0; as $p_c \to 0$ it grows without bound.
#
# Three classes, logits $z = (2, 1, 0.1)$, correct class $c = 0$:
# %% [markdown] zh
# ## softmax 与损失
#
# 对 logits $z = (z_0, \dots, z_{K-1})$：
#
# $$p_i = \frac{e^{z_i}}{\sum_j e^{z_j}}, \qquad L = -\log p_c$$
#
# 其中 $c$ 是正确的类别。各个 $p_i$ 都是正数，且加起来等于 1。$p_c = 1$ 时损失为 0；$p_c \to 0$ 时损失无限增大。
#
# 三个类别，logits $z = (2, 1, 0.1)$，正确类别 $c = 0$：
# %%
z = torch.tensor([2.0, 1.0, 0.1], requires_grad=True)
p = torch.softmax(z, dim=0)
p0 = p[0]
log_p0 = torch.log(p0)
L = -log_p0
print("p =", p)
print("L =", L)
autograd_viz.draw(L)
# %% [markdown] en
# ## Deriving $p - y$
#
# The loss reaches $z$ through two steps, $L = -\log p_c$ and $p_c = \text{softmax}(z)_c$.
#
# **Step 1.** $\dfrac{\partial L}{\partial p_c} = -\dfrac{1}{p_c}$.
#
# **Step 2.** Softmax's local derivatives (quotient rule):
#
# $$\frac{\partial p_c}{\partial z_j} = \begin{cases} p_c(1 - p_c) & j = c\\ -p_c\, p_j & j \ne c
# \end{cases} \;=\; p_c(\delta_{cj} - p_j)$$
#
# **Chain.** $\dfrac{\partial L}{\partial z_j} = -\dfrac{1}{p_c}\cdot p_c(\delta_{cj} - p_j)
# = p_j - \delta_{cj}$, that is $p - y$ with $y$ the one-hot vector of class $c$.
#
# Each logit's gradient is "how much probability it got" minus "how much it should have got".
# The right class is pushed up by $1 - p_c$, every wrong class pushed down by its $p_j$.
#
# ### Exercise 1: one local derivative of softmax
#
# With $p = (0.6590, 0.2424, 0.0986)$, what is $\partial p_0 / \partial z_1$?
# %% [markdown] zh
# ## 推导 $p - y$
#
# 损失经过两步到达 $z$：$L = -\log p_c$，以及 $p_c = \text{softmax}(z)_c$。
#
# **第 1 步。** $\dfrac{\partial L}{\partial p_c} = -\dfrac{1}{p_c}$。
#
# **第 2 步。** softmax 的局部导数（用商的求导法则）：
#
# $$\frac{\partial p_c}{\partial z_j} = \begin{cases} p_c(1 - p_c) & j = c\\ -p_c\, p_j & j \ne c
# \end{cases} \;=\; p_c(\delta_{cj} - p_j)$$
#
# **连乘。** $\dfrac{\partial L}{\partial z_j} = -\dfrac{1}{p_c}\cdot p_c(\delta_{cj} - p_j)
# = p_j - \delta_{cj}$，也就是 $p - y$，其中 $y$ 是类别 $c$ 的 one-hot 向量。
#
# 每个 logit 的梯度就是“它得到的概率”减去“它应得的概率”。正确类别被向上推 $1 - p_c$，每个错误类别被向下推 $p_j$。
#
# ### 练习 1：softmax 的一个局部导数
#
# 已知 $p = (0.6590, 0.2424, 0.0986)$，$\partial p_0 / \partial z_1$ 是多少？
# %% en tags=["exercise"]
answer = ...  # d p_0 / d z_1
ex.check_softmax_local(answer)
# %% zh tags=["exercise"]
answer = ...  # d p_0 / d z_1
ex.check_softmax_local(answer)
# %% [markdown] en
# ## Step through it
#
# **Predict first.** Going backward from `L`: what gradient does `-log` send to `p[0]`
# (step 1), and what does softmax then send to each logit (step 2)? Write down both vectors,
# then step through and compare at each step.
# %% [markdown] zh
# ## 逐步查看
#
# **先预测。** 从 `L` 往回走：`-log` 传给 `p[0]` 的梯度是多少（第 1 步）？softmax 接着传给每个 logit 的又是多少
# （第 2 步）？把两个向量都写下来，然后逐步查看，每一步都对照一下。
# %%
z = torch.tensor([2.0, 1.0, 0.1], requires_grad=True)
with autograd_viz.record() as rec:
    p = torch.softmax(z, dim=0)
    L = -torch.log(p[0])
    L.backward()
autograd_viz.Stepper(rec, quiz=True)
# %%
print("z.grad =", z.grad)
print("p - y  =", p.detach() - torch.tensor([1.0, 0.0, 0.0]))
# %% [markdown] en
# ### Exercise 2: the gradient for another class
#
# Same logits $z = (2, 1, 0.1)$, same $p$, but now the correct class is $c = 2$. What is
# $\partial L / \partial z$ (a list of 3)?
# %% [markdown] zh
# ### 练习 2：换一个类别的梯度
#
# 同样的 logits $z = (2, 1, 0.1)$、同样的 $p$，但现在正确类别是 $c = 2$。$\partial L / \partial z$ 是多少（含 3 个数的列表）？
# %% en tags=["exercise"]
answer = ...  # [dL/dz_0, dL/dz_1, dL/dz_2]
ex.check_ce_grad(answer)
# %% zh tags=["exercise"]
answer = ...  # [dL/dz_0, dL/dz_1, dL/dz_2]
ex.check_ce_grad(answer)
# %% [markdown] en
# ## `F.cross_entropy` does both steps, safely
#
# In practice you never call `softmax` and `log` yourself. `F.cross_entropy(logits, target)`
# (and `nn.CrossEntropyLoss`) takes the raw logits of a batch (shape N×K) and the class indices
# (shape N), computes `log_softmax` in a numerically safe way, and **averages** over the batch,
# so each row's gradient is $(p - y)/N$. The naive route overflows for large logits:
# %% [markdown] zh
# ## `F.cross_entropy` 把两步一起做，而且做得安全
#
# 实际使用时，你从不自己调用 `softmax` 和 `log`。`F.cross_entropy(logits, target)`（以及 `nn.CrossEntropyLoss`）
# 接收一批原始 logits（形状 N×K）和类别下标（形状 N），用数值安全的方式计算 `log_softmax`，并对批次**求平均**，
# 所以每行的梯度是 $(p - y)/N$。朴素的做法在 logits 很大时会溢出：
# %%
big = torch.tensor([[1000.0, 0.0]])
naive = torch.exp(big) / torch.exp(big).sum()
print(naive)
print(F.cross_entropy(big, torch.tensor([1])))
# %% [markdown] en
# $e^{1000}$ is infinite in floating point and $\infty / \infty$ is `nan`. `log_softmax`
# subtracts the largest logit first ($z - \max z$ changes no probability) and gets the exact
# loss, 1000.
#
# A batch of two examples:
# %% [markdown] zh
# 在浮点数里 $e^{1000}$ 是无穷大，$\infty / \infty$ 得到 `nan`。`log_softmax` 先减去最大的 logit
# （$z - \max z$ 不改变任何概率），得到精确的损失 1000。
#
# 一个含两个样本的批次：
# %%
logits = torch.tensor([[2.0, 1.0, 0.1], [0.5, 2.5, -1.0]], requires_grad=True)
target = torch.tensor([0, 1])
loss = F.cross_entropy(logits, target)
loss.backward()
probs = torch.softmax(logits.detach(), dim=1)
one_hot = torch.tensor([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
print(logits.grad)
print((probs - one_hot) / 2)
# %% [markdown] en
# ## Why not sigmoid + MSE? Back to lesson 05
#
# Lesson 05's network ended in sigmoids with the loss $\tfrac12\sum(y_2 - y)^2$. The second
# output was $0.9999$ with target 0: as wrong as it gets. Yet its gradient was tiny, because
# the chain rule multiplies by the saturated slope $\sigma'(z_2) = y_2(1 - y_2) \approx 10^{-4}$:
#
# $$\frac{\partial L_{\text{MSE}}}{\partial z_2} = (y_2 - y)\, y_2 (1 - y_2)$$
#
# The cross-entropy for a sigmoid output, $L = -y\log y_2 - (1 - y)\log(1 - y_2)$
# (`F.binary_cross_entropy`, the two-class case of softmax + cross-entropy), has
# $\partial L / \partial y_2 = \frac{y_2 - y}{y_2(1 - y_2)}$, which cancels the slope exactly:
#
# $$\frac{\partial L_{\text{CE}}}{\partial z_2} = y_2 - y$$
#
# Same network, same weights, both losses:
# %% [markdown] zh
# ## 为什么不用 sigmoid + MSE？回到第 05 课
#
# 第 05 课的网络以 sigmoid 结尾，损失是 $\tfrac12\sum(y_2 - y)^2$。第二个输出是 $0.9999$，而目标是 0：错得不能再错。
# 可它的梯度却非常小，因为链式法则要乘上饱和的斜率 $\sigma'(z_2) = y_2(1 - y_2) \approx 10^{-4}$：
#
# $$\frac{\partial L_{\text{MSE}}}{\partial z_2} = (y_2 - y)\, y_2 (1 - y_2)$$
#
# sigmoid 输出的交叉熵 $L = -y\log y_2 - (1 - y)\log(1 - y_2)$（`F.binary_cross_entropy`，即 softmax + 交叉熵的两类情形）
# 满足 $\partial L / \partial y_2 = \frac{y_2 - y}{y_2(1 - y_2)}$，恰好把斜率约掉：
#
# $$\frac{\partial L_{\text{CE}}}{\partial z_2} = y_2 - y$$
#
# 同一个网络、同样的权重，两种损失：
# %%
x = torch.tensor([[1.0]])
y = torch.tensor([[1.0], [0.0]])
results = {}
for name in ["MSE", "CE"]:
    w1 = torch.tensor([[1.0], [2.0]], requires_grad=True)
    w2 = torch.tensor([[3.0, 4.0], [5.0, 6.0]], requires_grad=True)
    z_2 = w2 @ torch.sigmoid(w1 @ x)
    z_2.retain_grad()
    y_2 = torch.sigmoid(z_2)
    if name == "MSE":
        loss = 0.5 * ((y_2 - y) ** 2).sum()
    else:
        loss = F.binary_cross_entropy(y_2, y, reduction="sum")
    loss.backward()
    results[name] = (z_2.grad.flatten().tolist(), w2.grad.abs().max().item())
print("y_2 =", y_2.detach().flatten())
for name, (z_grad, w2_max) in results.items():
    print(
        f"{name:3}  z_2.grad = [{z_grad[0]:+.6f}, {z_grad[1]:+.6f}]   max |w2.grad| = {w2_max:.6f}"
    )
# %% [markdown] en
# With MSE the badly wrong second output sends back $1.3\cdot10^{-4}$; with cross-entropy it
# sends back $0.9999$, more than 7000 times as much, so gradient descent corrects it at once. The
# confidently wrong output produces the *largest* gradient, exactly what learning needs.
#
# ### Exercise 3: the saturated MSE gradient
#
# Chain the two local derivatives yourself: an output $y_2 = 0.98$ with target 0. What is
# $\partial L_{\text{MSE}} / \partial z_2 = (y_2 - y)\cdot y_2(1 - y_2)$ for
# $L = \tfrac12(y_2 - y)^2$?
# %% [markdown] zh
# 用 MSE 时，错得离谱的第二个输出只传回 $1.3\cdot10^{-4}$；用交叉熵时传回 $0.9999$，是前者的 7000 多倍，
# 梯度下降立刻就能纠正它。自信地犯错的输出产生*最大*的梯度——这正是学习所需要的。
#
# ### 练习 3：饱和的 MSE 梯度
#
# 自己把两个局部导数连乘：输出 $y_2 = 0.98$，目标为 0。对 $L = \tfrac12(y_2 - y)^2$，
# $\partial L_{\text{MSE}} / \partial z_2 = (y_2 - y)\cdot y_2(1 - y_2)$ 是多少？
# %% en tags=["exercise"]
answer = ...  # (y_2 - y) * y_2 * (1 - y_2)
ex.check_mse_saturated(answer)
# %% zh tags=["exercise"]
answer = ...  # (y_2 - y) * y_2 * (1 - y_2)
ex.check_mse_saturated(answer)
# %% [markdown] en
# For comparison, cross-entropy gives $y_2 - y = 0.98$ here, 50 times more.
#
# ## Summary
#
# * Softmax turns logits into probabilities; cross-entropy is $-\log p_c$.
# * Chained, their gradient with respect to the logits is $p - y$ (divided by $N$ for a batch
#   mean).
# * Use `F.cross_entropy` / `nn.CrossEntropyLoss` on raw logits: it is numerically safe.
# * Cross-entropy cancels the output nonlinearity's slope: no vanishing gradient at a saturated,
#   wrong output, unlike sigmoid + MSE.
#
# ## Questions
#
# 1. Why do the entries of $\partial L / \partial z$ always sum to 0?
# <details><summary>Answer</summary>
#
# $\sum_j (p_j - y_j) = 1 - 1 = 0$. Adding the same constant to every logit leaves the
# probabilities unchanged, so the loss cannot change in that direction.
# </details>
#
# 2. A model outputs $p_c = 0.999$ for the right class. Is its gradient large or small? And with
#    $p_c = 0.001$?
# <details><summary>Answer</summary>
#
# Small ($1 - p_c = 0.001$ on the right logit); large (0.999). Cross-entropy's gradient is
# proportional to how wrong the prediction is.
# </details>
#
# 3. Why must you *not* apply `softmax` before `F.cross_entropy`?
# <details><summary>Answer</summary>
#
# `F.cross_entropy` applies `log_softmax` itself. Softmax twice squashes the probabilities
# towards uniform and gives the wrong loss and gradients (and no error message).
# </details>
# %% [markdown] zh
# 作为对比，交叉熵在这里给出 $y_2 - y = 0.98$，大了 50 倍。
#
# ## 小结
#
# * softmax 把 logits 变成概率；交叉熵就是 $-\log p_c$。
# * 两者连起来，对 logits 的梯度是 $p - y$（批次取平均时再除以 $N$）。
# * 对原始 logits 使用 `F.cross_entropy` / `nn.CrossEntropyLoss`：它在数值上是安全的。
# * 交叉熵约掉了输出非线性的斜率：输出饱和且错误时梯度不会消失，sigmoid + MSE 则不然。
#
# ## 思考题
#
# 1. 为什么 $\partial L / \partial z$ 的各个分量之和总是 0？
# <details><summary>答案</summary>
#
# $\sum_j (p_j - y_j) = 1 - 1 = 0$。给每个 logit 加上同一个常数不会改变概率，所以损失在这个方向上不可能变化。
# </details>
#
# 2. 模型给正确类别的概率 $p_c = 0.999$，梯度是大还是小？$p_c = 0.001$ 呢？
# <details><summary>答案</summary>
#
# 很小（正确 logit 上是 $1 - p_c = 0.001$）；很大（0.999）。交叉熵的梯度与预测错误的程度成正比。
# </details>
#
# 3. 为什么*不能*在 `F.cross_entropy` 之前先做 `softmax`？
# <details><summary>答案</summary>
#
# `F.cross_entropy` 自己会做 `log_softmax`。做两次 softmax 会把概率压得接近均匀分布，得到错误的损失和梯度
# （而且不会有任何报错）。
# </details>
