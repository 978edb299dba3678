# %% [markdown] en
# # 07 · Patterns in backward flow
#
# You do not need to redo calculus every time a gradient passes an operation. A handful of
# operations make up most networks, and each treats the arriving gradient in a way you can
# learn by heart:
#
# | operation | in backward it… |
# |---|---|
# | `a + b` | **distributes**: each input receives the arriving gradient unchanged |
# | `a * b` | **swaps**: `a` receives gradient × `b`, `b` receives gradient × `a` |
# | `max(a, b)` | **routes**: the larger input receives everything, the other 0 |
# | `relu(a)` | **gates**: passes the gradient where `a > 0`, blocks it where `a ≤ 0` |
# | a tensor used twice | **adds**: the gradients of its branches are summed |
#
# We check every rule on one small graph, first with the gate open, then closed.
# %% [markdown] zh
# # 07 · 反向传播中的规律
#
# 梯度每经过一个运算，并不需要从头推一遍微积分。网络大多由少数几种运算搭成，
# 每种运算对待传来的梯度的方式都值得记牢：
#
# | 运算 | 在反向传播中…… |
# |---|---|
# | `a + b` | **分发**：每个输入都原样收到传来的梯度 |
# | `a * b` | **交换**：`a` 收到 梯度 × `b`，`b` 收到 梯度 × `a` |
# | `max(a, b)` | **路由**：较大的输入拿走全部梯度，另一个得到 0 |
# | `relu(a)` | **门控**：`a > 0` 处放行梯度，`a ≤ 0` 处拦住梯度 |
# | 被用了两次的张量 | **相加**：各分支传回的梯度求和 |
#
# 我们在同一张小图上逐条验证这些规律：先让门打开，再让门关上。
# %%
import autograd_viz
import autograd_viz as torch
from autograd_viz.lessons import lesson_07 as ex

# %% [markdown] en
# ## Add distributes
#
# $s = a + b + c$ has $\partial s/\partial a = \partial s/\partial b = \partial s/\partial c
# = 1$: whatever gradient arrives at $s$ is copied, unchanged, to every input. It is **not**
# split among them.
# %% [markdown] zh
# ## 加法：分发
#
# $s = a + b + c$ 的 $\partial s/\partial a = \partial s/\partial b = \partial s/\partial c = 1$：
# 到达 $s$ 的梯度原封不动地复制给每个输入，**不是**在它们之间平分。
# %%
a = torch.tensor(1.0, requires_grad=True)
b = torch.tensor(-2.0, requires_grad=True)
c = torch.tensor(4.0, requires_grad=True)
s = a + b + c
(5 * s).backward()
print(a.grad, b.grad, c.grad)
# %% [markdown] en
# The gradient arriving at `s` was 5 (from `5 * s`), and all three inputs received 5.
#
# ### Exercise 1
#
# If the gradient arriving at $s = a + b + c$ is 6, what do $a$, $b$ and $c$ receive?
# Answer with a list `[a, b, c]`.
# %% [markdown] zh
# 到达 `s` 的梯度是 5（来自 `5 * s`），三个输入都收到了 5。
#
# ### 练习 1
#
# 如果到达 $s = a + b + c$ 的梯度是 6，$a$、$b$、$c$ 各收到多少？用列表 `[a, b, c]` 作答。
# %% en tags=["exercise"]
answer = ...  # [a, b, c]
ex.check_add_distributes(answer)
# %% zh tags=["exercise"]
answer = ...  # [a, b, c]
ex.check_add_distributes(answer)
# %% [markdown] en
# ## Mul swaps
#
# $p = a \cdot b$ has $\partial p/\partial a = b$ and $\partial p/\partial b = a$: each input
# receives the arriving gradient times **the other** input. A big input makes the *other*
# input's gradient big.
# %% [markdown] zh
# ## 乘法：交换
#
# $p = a \cdot b$ 的 $\partial p/\partial a = b$，$\partial p/\partial b = a$：每个输入收到的是
# 传来的梯度乘以**另一个**输入。一个输入很大，会让*另一个*输入的梯度变大。
# %%
a = torch.tensor(3.0, requires_grad=True)
b = torch.tensor(-4.0, requires_grad=True)
p = a * b
p.backward()
print(a.grad, b.grad)
# %% [markdown] en
# ### Exercise 2
#
# Same $a = 3$, $b = -4$, but now the gradient arriving at $p = a \cdot b$ is 2 (as in
# `(2 * p).backward()`). What are `[a.grad, b.grad]`?
# %% [markdown] zh
# ### 练习 2
#
# 仍然是 $a = 3$、$b = -4$，但现在到达 $p = a \cdot b$ 的梯度是 2（就像 `(2 * p).backward()`）。
# `[a.grad, b.grad]` 是多少？
# %% en tags=["exercise"]
answer = ...  # [a.grad, b.grad]
ex.check_mul_swaps(answer)
# %% zh tags=["exercise"]
answer = ...  # [a.grad, b.grad]
ex.check_mul_swaps(answer)
# %% [markdown] en
# ## Max routes
#
# $m = \max(z, w)$ equals one of its inputs; a small nudge of the other one does not change
# $m$ at all. So the whole gradient is **routed** to the larger input, and the smaller one gets
# 0. The same holds for `v.max()` over a vector: only the largest entry gets a gradient.
# %% [markdown] zh
# ## max：路由
#
# $m = \max(z, w)$ 等于其中一个输入；轻推另一个输入，$m$ 根本不变。所以全部梯度被**路由**给较大的那个输入，
# 较小的得到 0。对向量取 `v.max()` 也一样：只有最大的那个元素得到梯度。
# %%
v = torch.tensor([1.0, 4.0, 2.0], requires_grad=True)
v.max().backward()
v.grad
# %% [markdown] en
# ## ReLU gates
#
# $\text{relu}(q) = \max(q, 0)$ is a max with the constant 0. Where $q > 0$ it is the identity
# (local derivative 1, the gate is open); where $q \le 0$ it is the constant 0 (local
# derivative 0, the gate is closed). At exactly $q = 0$ PyTorch uses 0.
# %% [markdown] zh
# ## ReLU：门控
#
# $\text{relu}(q) = \max(q, 0)$ 就是和常数 0 取最大值。$q > 0$ 处它是恒等映射（局部导数 1，门是开着的）；
# $q \le 0$ 处它是常数 0（局部导数 0，门是关着的）。恰好 $q = 0$ 时 PyTorch 取 0。
# %%
q = torch.tensor([-1.0, 0.0, 2.0], requires_grad=True)
torch.relu(q).backward(torch.tensor([10.0, 10.0, 10.0]))
q.grad


# %% [markdown] en
# ## All patterns in one graph
#
# $$q = x + y,\quad r = \text{relu}(q),\quad m = \max(z, w),\quad p = r \cdot m,\quad
# f = p + x$$
#
# with $x = 2$, $y = -1$, $z = 3$, $w = 5$. Note that $x$ is used **twice**: in $q$ and in $f$.
# %% [markdown] zh
# ## 一张图里的全部规律
#
# $$q = x + y,\quad r = \text{relu}(q),\quad m = \max(z, w),\quad p = r \cdot m,\quad
# f = p + x$$
#
# 其中 $x = 2$、$y = -1$、$z = 3$、$w = 5$。注意 $x$ 被用了**两次**：一次在 $q$ 里，一次在 $f$ 里。
# %%
def make_leaves(y_value):
    x = torch.tensor(2.0, requires_grad=True)
    y = torch.tensor(y_value, requires_grad=True)
    z = torch.tensor(3.0, requires_grad=True)
    w = torch.tensor(5.0, requires_grad=True)
    return x, y, z, w


x, y, z, w = make_leaves(-1.0)
q = x + y
r = torch.relu(q)
m = torch.maximum(z, w)
p = r * m
f = p + x
autograd_viz.draw(f)
# %% [markdown] en
# **Predict before you step.** Using only the five rules, write down the gradient each node
# will receive: `f` 1, `p` ?, `r` ?, `m` ?, `q` ?, and the leaves `x`, `y`, `z`, `w`. Then
# step through the backward pass; the stepper asks you at each step before it shows the
# answer.
# %% [markdown] zh
# **先预测，再步进。** 只用上面五条规律，写下每个节点会收到的梯度：`f` 为 1，`p` ？、`r` ？、`m` ？、`q` ？，
# 以及叶子 `x`、`y`、`z`、`w`。然后逐步查看反向传播；每一步揭晓答案之前，步进器都会先问你。
# %%
x, y, z, w = make_leaves(-1.0)
with autograd_viz.record() as rec:
    q = x + y
    r = torch.relu(q)
    m = torch.maximum(z, w)
    p = r * m
    f = p + x
    f.backward()
autograd_viz.Stepper(rec, quiz=True)
# %% [markdown] en
# ### Exercise 3: max routes
#
# In this graph, what are `[z.grad, w.grad]`? (Which input of `max` won, and what gradient
# arrived at `m` from the multiplication?)
# %% [markdown] zh
# ### 练习 3：max 的路由
#
# 在这张图里，`[z.grad, w.grad]` 是多少？（`max` 的哪个输入胜出了？乘法传给 `m` 的梯度是多少？）
# %% en tags=["exercise"]
answer = ...  # [z.grad, w.grad]
ex.check_max_routes(answer)
# %% zh tags=["exercise"]
answer = ...  # [z.grad, w.grad]
ex.check_max_routes(answer)
# %% [markdown] en
# ### Exercise 4: branches add
#
# $x$ reaches $f$ along two paths: directly through $f = p + x$, and through
# $q \to r \to p$. Chain the local derivatives along the long path
# ($\frac{\partial f}{\partial p}\cdot\frac{\partial p}{\partial r}\cdot
# \frac{\partial r}{\partial q}\cdot\frac{\partial q}{\partial x}$), add the short one, and
# give `x.grad`.
# %% [markdown] zh
# ### 练习 4：分支相加
#
# $x$ 沿两条路径到达 $f$：直接经过 $f = p + x$，以及经过 $q \to r \to p$。
# 沿长路径把局部导数连乘起来（$\frac{\partial f}{\partial p}\cdot\frac{\partial p}{\partial r}\cdot
# \frac{\partial r}{\partial q}\cdot\frac{\partial q}{\partial x}$），再加上短路径，给出 `x.grad`。
# %% en tags=["exercise"]
answer = ...  # x.grad
ex.check_branches_add(answer)
# %% zh tags=["exercise"]
answer = ...  # x.grad
ex.check_branches_add(answer)
# %% [markdown] en
# The leaves' gradients, to compare with your answers:
# %% [markdown] zh
# 叶子的梯度，和你的答案对照一下：
# %%
print("x.grad", x.grad, " y.grad", y.grad, " z.grad", z.grad, " w.grad", w.grad)
# %% [markdown] en
# ## Closing the gate
#
# Change only $y$ to $-3$: now $q = -1$ and the ReLU outputs 0. We keep the intermediate
# gradients with `retain_grad()` to look at them.
# %% [markdown] zh
# ## 关上门
#
# 只把 $y$ 改成 $-3$：现在 $q = -1$，ReLU 输出 0。用 `retain_grad()` 保留中间梯度，方便查看。
# %%
x, y, z, w = make_leaves(-3.0)
q = x + y
r = torch.relu(q)
m = torch.maximum(z, w)
p = r * m
f = p + x
for t in (q, r, m, p):
    t.retain_grad()
f.backward()
print("f =", f.item())
print("x.grad", x.grad, " y.grad", y.grad, " z.grad", z.grad, " w.grad", w.grad)
# %% [markdown] en
# ### Exercise 5: the closed gate
#
# Explain the leaves' gradients above to yourself, then give `[r.grad, q.grad]` (they are
# printed after the exercise). Careful: the gate sits between `r` and `q`, and the
# multiplication still sends `r` a gradient.
# %% [markdown] zh
# ### 练习 5：关着的门
#
# 先自己解释上面叶子的梯度，再给出 `[r.grad, q.grad]`（练习之后会打印出来）。注意：门在 `r` 和 `q` 之间，
# 乘法仍然会给 `r` 传梯度。
# %% en tags=["exercise"]
answer = ...  # [r.grad, q.grad]
ex.check_relu_gate(answer)
# %% zh tags=["exercise"]
answer = ...  # [r.grad, q.grad]
ex.check_relu_gate(answer)
# %%
print("p.grad", p.grad, " r.grad", r.grad, " q.grad", q.grad, " m.grad", m.grad)
# %% [markdown] en
# With the gate closed, `y` and both inputs of `max` receive 0: a ReLU that outputs 0 for
# every example stops *all* learning upstream of it (a "dead ReLU"). `x` still learns, through
# its second branch.
#
# ## Summary
#
# * add distributes, mul swaps, max routes, ReLU gates, branches add.
# * A gradient along one path is the product of the local derivatives on it; a node's total
#   gradient is the sum over all paths from the output to it.
#
# ## Questions
#
# 1. In $p = r \cdot m$ the gradient of `r` was 5 although `r` itself was 0. Why?
# <details><summary>Answer</summary>
#
# Mul swaps: $\partial p/\partial r = m = 5$, whatever the value of $r$. The zero value of `r`
# shows up in the *other* input's gradient, `m.grad = r = 0`.
# </details>
#
# 2. What gradients does `torch.maximum(z, w)` give when $z = w$?
# <details><summary>Answer</summary>
#
# The max has a kink there and no derivative. PyTorch splits the gradient evenly: each input
# receives half. (`v.max()` over a vector with a tie does the same among the tied entries.)
# </details>
#
# 3. `y = x + x`. What is `x.grad`, and which pattern explains it?
# <details><summary>Answer</summary>
#
# 2: add distributes (each operand receives 1) and, since both operands are `x`, branches add
# (1 + 1).
# </details>
#
# 4. Why can a network with many ReLUs still learn, though each one blocks the gradient for
# half of its inputs?
# <details><summary>Answer</summary>
#
# Each unit is open for *some* examples; the gradient of a batch sums over examples, so
# every unit that is active somewhere still learns. Only a unit that is closed for every
# example (dead) receives nothing.
# </details>
# %% [markdown] zh
# 门关上以后，`y` 以及 `max` 的两个输入收到的都是 0：一个对所有样本都输出 0 的 ReLU
# 会让它上游的*所有*学习停止（“死亡 ReLU”）。`x` 仍然能学习，靠的是它的第二条分支。
#
# ## 小结
#
# * 加法分发，乘法交换，max 路由，ReLU 门控，分支相加。
# * 沿一条路径的梯度是路径上各局部导数的乘积；一个节点的总梯度是从输出到它的所有路径之和。
#
# ## 思考题
#
# 1. 在 $p = r \cdot m$ 中，`r` 自己的值是 0，它的梯度却是 5。为什么？
# <details><summary>答案</summary>
#
# 乘法交换：无论 $r$ 取什么值，$\partial p/\partial r = m = 5$。`r` 为 0 体现在*另一个*输入的梯度上：`m.grad = r = 0`。
# </details>
#
# 2. 当 $z = w$ 时，`torch.maximum(z, w)` 给出什么梯度？
# <details><summary>答案</summary>
#
# max 在那里有折点，没有导数。PyTorch 把梯度平分：每个输入各得一半。（向量上的 `v.max()` 有并列最大值时，
# 在并列的元素之间也是这样分。）
# </details>
#
# 3. `y = x + x`，`x.grad` 是多少？哪条规律解释了它？
# <details><summary>答案</summary>
#
# 2：加法分发（每个操作数各得 1），而两个操作数都是 `x`，所以分支相加（1 + 1）。
# </details>
#
# 4. 每个 ReLU 都会对一半左右的输入拦住梯度，为什么有很多 ReLU 的网络仍然能学习？
# <details><summary>答案</summary>
#
# 每个单元对*某些*样本是打开的；一个批次的梯度是对所有样本求和，所以只要在某处活跃，单元就仍在学习。
# 只有对所有样本都关闭（死亡）的单元什么也收不到。
# </details>
