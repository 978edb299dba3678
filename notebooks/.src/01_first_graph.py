# %% [markdown] en
# # 01 · Your first computation graph
#
# Every time you compute with tensors that ask for gradients, autograd quietly writes down
# *how* each result was made. That record is the **computation graph**, and `backward()`
# walks it from the end to the start.
#
# In this lesson you will
#
# 1. build the tiny graph `z = x*w + b` and look at its nodes,
# 2. step through its forward and backward pass,
# 3. see why a second `backward()` fails (and how `retain_graph=True` helps),
# 4. check autograd against a derivative you work out yourself,
# 5. switch gradient tracking off (`no_grad`) and edit values outside the graph (`.data`).
#
# We write ordinary PyTorch code; only the import line is different.

# %% [markdown] zh
# # 01 · 第一张计算图
#
# 只要参与运算的张量需要梯度，autograd 就会在后台默默记下每个结果是**怎么**算出来的。
# 这份记录就是**计算图**；`backward()` 则从图的终点出发，一路走回起点。
#
# 本课内容：
#
# 1. 搭一张最小的图 `z = x*w + b`，看看图里都有哪些节点；
# 2. 一步一步地看前向传播和反向传播；
# 3. 弄明白第二次 `backward()` 为什么会报错，以及 `retain_graph=True` 的作用；
# 4. 自己手算一个导数，和 autograd 的结果对一对；
# 5. 关掉梯度记录（`no_grad`），以及在图外修改数值（`.data`）。
#
# 代码和平时写 PyTorch 完全一样，只有 import 那一行不同。

# %%
import autograd_viz as torch

# %% [markdown] en
# ## Building `z = x*w + b`
#
# `x` is an input: we do not need its gradient. `w` and `b` are the parameters we would like
# to learn, so we ask autograd to track them with `requires_grad=True`.

# %% [markdown] zh
# ## 搭建 `z = x*w + b`
#
# `x` 是输入数据，不需要它的梯度；`w` 和 `b` 是想要学习的参数，
# 所以用 `requires_grad=True` 让 autograd 跟踪它们。

# %%
x = torch.tensor([2.0])
w = torch.tensor([3.0], requires_grad=True)
b = torch.tensor([1.0], requires_grad=True)

y = torch.mul(x, w)  # y = x * w
z = torch.add(y, b)  # z = y + b
z

# %% [markdown] en
# `z` prints its value, `7`, and also `grad_fn=<AddBackward0>`: the function autograd will
# call to send a gradient back through the addition.
#
# **Leaves** are the tensors you created yourself; the others were produced by an operation.

# %% [markdown] zh
# `z` 除了打印出数值 `7`，还带着 `grad_fn=<AddBackward0>`：反向传播经过这次加法时，
# autograd 调用的就是这个函数。
#
# 自己直接创建的张量叫**叶子节点**（leaf），其余的张量都是由某个运算产生的。

# %%
for name, t in [("x", x), ("w", w), ("b", b), ("y", y), ("z", z)]:
    print(
        f"{name}: is_leaf={t.is_leaf!s:5}  requires_grad={t.requires_grad!s:5}  grad_fn={t.grad_fn}"
    )

# %% [markdown] en
# Notice:
#
# * `y` and `z` require grad although we never asked: they depend on `w` and `b`.
# * Only `y` and `z` have a `grad_fn` (`MulBackward0`, `AddBackward0`); leaves have none.
#
# Here is the graph: boxes are tensors (with their values), ovals are the operations between them.

# %% [markdown] zh
# 注意两点：
#
# * 我们并没有给 `y`、`z` 设置 `requires_grad`，它们却是 `True`：因为它们依赖 `w` 和 `b`。
# * 只有 `y` 和 `z` 有 `grad_fn`（`MulBackward0`、`AddBackward0`），叶子节点没有。
#
# 下面把这张图画出来：方框是张量（标着数值），椭圆是连接它们的运算。

# %%
torch.draw(z)

# %% [markdown] en
# ## Stepping through forward and backward
#
# `torch.record()` watches the code inside the `with` block and keeps a timeline of *frames*:
# one per operation in the forward pass, one per node visited by `backward()`, one per
# gradient stored in a leaf. The stepper lets you walk that timeline.
#
# Press **Next ›** and read the sentence above the picture: it tells you which node is
# working and with which numbers.

# %% [markdown] zh
# `torch.record()` 会观察 `with` 块里执行的代码，把过程记成一串**帧**（frame）：
# 前向传播中每个运算一帧，`backward()` 经过的每个节点一帧，每次把梯度存进叶子节点也是一帧。
# 步进器（stepper）可以让你沿着这条时间线一帧一帧地走。
#
# 点 **下一帧 ›**，读一读图上方的那句话：它说明当前是哪个节点在工作、用到了哪些数。

# %%
with torch.record() as rec:
    y = torch.mul(x, w)
    z = torch.add(y, b)
    z.backward(retain_graph=True)

torch.Stepper(rec)

# %% [markdown] en
# The same timeline as text, one line per frame:

# %% [markdown] zh
# 同一条时间线的文字版，每帧一行：

# %%
for frame in rec.frames:
    print(f"{frame.index:2}  {frame.phase:<10}  {frame.caption}")

# %% [markdown] en
# Backward went through `AddBackward0` (which passes the gradient on unchanged), then
# `MulBackward0` (which multiplies by the *other* factor), and stored the results in the leaves:

# %% [markdown] zh
# 反向传播先经过 `AddBackward0`（把梯度原样往后传），再经过 `MulBackward0`
# （乘上**另一个**因子），最后把结果存进叶子节点：

# %%
print("w.grad =", w.grad)
print("b.grad =", b.grad)
print("x.grad =", x.grad)

# %% [markdown] en
# `x.grad` is `None`: nobody asked for it.
#
# ### Your turn
#
# Suppose `x` had been `5` instead of `2` (same `w` and `b`). What would `w.grad` be after
# `backward()`? Work it out by hand, put your number in place of ours, and run the two cells.

# %% [markdown] zh
# `x.grad` 是 `None`：没人要求计算它。
#
# ### 练一练
#
# 假如 `x` 不是 `2` 而是 `5`（`w`、`b` 不变），`backward()` 之后 `w.grad` 是多少？
# 先自己手算，把你的答案换掉下面的数，再运行这两个格子。

# %%
my_answer = 5.0  # your turn: dz/dw when x = 5

# %% tags=["exercise"]
x_try = torch.tensor([5.0])
w_try = torch.tensor([3.0], requires_grad=True)
z_try = x_try * w_try + 1.0
z_try.backward()
assert abs(my_answer - w_try.grad.item()) < 1e-6, (
    f"Not quite: autograd says {w_try.grad.item():g}. Try again!"
)
print(f"Correct! With x = 5, w.grad = {w_try.grad.item():g}")

# %% [markdown] en
# ## Backward twice: `retain_graph`
#
# To save memory, `backward()` normally throws away the intermediate values the graph saved
# for the backward pass (here: `MulBackward0` saved `x` and `w`). We called it with
# `retain_graph=True` above, so one more `backward()` still works. The new gradients are
# **added** to the old ones:

# %% [markdown] zh
# 为了省内存，`backward()` 默认会在用完之后释放计算图为反向传播保存的中间值
# （这里 `MulBackward0` 保存了 `x` 和 `w`）。上面调用时加了 `retain_graph=True`，
# 所以还能再反向传播一次。新的梯度会**累加**到旧梯度上：

# %%
z.backward()  # this time without retain_graph: the saved values are freed afterwards
print("w.grad =", w.grad)
print("b.grad =", b.grad)

# %% [markdown] en
# Now the buffers are gone, and a third `backward()` raises a `RuntimeError`:

# %% [markdown] zh
# 这一次没有保留计算图，中间值已经被释放，第三次 `backward()` 就会抛出 `RuntimeError`：

# %% tags=["raises-exception"]
z.backward()

# %% [markdown] en
# The recorder sees this too. Below we record a fresh graph, run `backward()` twice, and open
# the stepper at the frame where the error happens. Step back one frame to see the nodes being
# freed after the first pass.

# %% [markdown] zh
# 记录器同样能看到这个过程。下面重新搭一张图，连续做两次 `backward()`，
# 步进器直接停在出错的那一帧。往回退一帧，可以看到第一次反向传播结束后节点被释放。

# %%
with torch.record() as rec2:
    y = torch.mul(x, w)
    z = torch.add(y, b)
    z.backward()
    try:
        z.backward()
    except RuntimeError as err:
        print("RuntimeError:", str(err).split(" (")[0])

stepper = torch.Stepper(rec2)
stepper.frame = [f.phase for f in rec2.frames].index("error")
stepper

# %% [markdown] en
# ## Autograd against pencil and paper
#
# Take a function with a derivative we can find by hand:
#
# $$y = x^2 e^x \qquad\Longrightarrow\qquad \frac{dy}{dx} = 2x\,e^x + x^2 e^x$$
#
# This time `x` is a 3 × 4 tensor of random numbers. `y` is a tensor too, not a single
# number, so `backward()` needs to be told how much each element of `y` counts: passing a
# tensor of ones asks for the derivative of every `y[i, j]` with respect to its own `x[i, j]`.

# %% [markdown] zh
# ## autograd 与手算对比
#
# 选一个能手工求导的函数：
#
# $$y = x^2 e^x \qquad\Longrightarrow\qquad \frac{dy}{dx} = 2x\,e^x + x^2 e^x$$
#
# 这次 `x` 是一个 3 × 4 的随机张量。`y` 也是张量而不是一个数，所以 `backward()`
# 需要知道 `y` 的每个元素各占多大权重：传入一个全 1 的张量，
# 就是求每个 `y[i, j]` 对各自 `x[i, j]` 的导数。


# %%
def f(x):
    return x**2 * torch.exp(x)


def dfdx(x):
    """The derivative, worked out by hand."""
    return 2 * x * torch.exp(x) + x**2 * torch.exp(x)


torch.manual_seed(0)
x = torch.randn(3, 4, requires_grad=True)
y = f(x)
y.backward(torch.ones(y.size()))

print("autograd:\n", x.grad)
print("by hand:\n", dfdx(x))

# %% [markdown] en
# Same numbers. (The hand-made result carries a `grad_fn`, because we computed it from `x`,
# which requires grad.) Instead of reading twelve numbers, let the computer compare:

# %% [markdown] zh
# 两组数一模一样。（手算的结果带着 `grad_fn`，因为它是由需要梯度的 `x` 算出来的。）
# 与其逐个比对这 12 个数，不如让电脑来比较：

# %%
print("same up to rounding:", torch.allclose(x.grad, dfdx(x)))

# %% [markdown] en
# ### Your turn
#
# What is $\frac{dy}{dx}$ at $x = 1$? Give it to four decimals ($e \approx 2.71828$).

# %% [markdown] zh
# ### 练一练
#
# $x = 1$ 时，$\frac{dy}{dx}$ 等于多少？保留四位小数（$e \approx 2.71828$）。

# %%
my_answer = 8.1548  # your turn: 2*1*e + 1*e = 3e

# %% tags=["exercise"]
x1 = torch.tensor(1.0, requires_grad=True)
f(x1).backward()
assert abs(my_answer - x1.grad.item()) < 1e-3, f"Not quite: autograd says {x1.grad.item():.4f}"
print(f"Correct! dy/dx at x = 1 is {x1.grad.item():.4f}")

# %% [markdown] en
# ## Walking the graph by hand: `next_functions`
#
# Each `grad_fn` knows the functions that come *before* it in the backward pass:
# `next_functions` is a tuple of `(function, index)` pairs, one per input.
# A leaf that requires grad is represented by an `AccumulateGrad` node: it is where
# gradients end up, added into `.grad`.

# %% [markdown] zh
# ## 亲手沿着图往回走：`next_functions`
#
# 每个 `grad_fn` 都知道反向传播时排在它**后面**的函数：`next_functions` 是一个由
# `(函数, 序号)` 组成的元组，每个输入对应一项。需要梯度的叶子节点由一个
# `AccumulateGrad` 节点代表：梯度最终流到这里，累加进 `.grad`。

# %%
x = torch.ones(1)
w = torch.tensor([0.5], requires_grad=True)
b = torch.tensor([0.25], requires_grad=True)
y = w.mul(x)
z = y.add(b)

print(z.grad_fn)
print(z.grad_fn.next_functions)

# %% [markdown] en
# The first entry is `y`'s `MulBackward0`, the second the `AccumulateGrad` of `b`.
# `MulBackward0` in turn points at `w`'s `AccumulateGrad` and at `None` for `x`,
# which does not require grad.

# %% [markdown] zh
# 第一项是 `y` 的 `MulBackward0`，第二项是 `b` 的 `AccumulateGrad`。
# 而 `MulBackward0` 又指向 `w` 的 `AccumulateGrad`，以及代表 `x` 的 `None`
# （`x` 不需要梯度）。

# %%
mul_node = z.grad_fn.next_functions[0][0]
print("is y.grad_fn:", mul_node is y.grad_fn)
print(mul_node.next_functions)
print("AccumulateGrad holds w:", mul_node.next_functions[0][0].variable is w)

# %% [markdown] en
# The same structure, drawn as the autograd engine sees it:

# %% [markdown] zh
# 同样的结构，按 autograd 引擎的视角画出来：

# %%
torch.draw(z, view="autograd")

# %% [markdown] en
# ## Switching autograd off
#
# For evaluation or inference we need no gradients, and building the graph would only cost
# time and memory. Inside `torch.no_grad()` results are not tracked, even when an input
# requires grad. `torch.set_grad_enabled(False)` does the same until you switch it back on.

# %% [markdown] zh
# ## 关掉 autograd
#
# 评估模型或做推理时用不到梯度，搭计算图只会白白耗费时间和内存。
# 在 `torch.no_grad()` 里算出的结果不会被跟踪，即使输入需要梯度也一样。
# `torch.set_grad_enabled(False)` 效果相同，直到你再把它打开。

# %%
with torch.no_grad():
    y = x.mul(w)
print("inside no_grad:    ", x.requires_grad, w.requires_grad, y.requires_grad, y.grad_fn)

torch.set_grad_enabled(False)
y = x.mul(w)
torch.set_grad_enabled(True)
print("grad disabled:     ", y.requires_grad, y.grad_fn)

y = x.mul(w)
print("grad enabled again:", y.requires_grad, y.grad_fn)

# %% [markdown] en
# ## Changing values behind autograd's back: `.data`
#
# `t.data` is the same numbers as `t`, but detached from the graph. Changing it edits the
# tensor without recording anything: handy for initialising or updating weights, dangerous
# anywhere else, because autograd will not know the values changed.

# %% [markdown] zh
# ## 绕过 autograd 修改数值：`.data`
#
# `t.data` 和 `t` 是同一份数据，但与计算图脱钩。改动 `.data` 会直接修改张量，
# 却不会留下任何记录：初始化或更新权重时很方便，别的场合则很危险，
# 因为 autograd 并不知道数值已经变了。

# %%
torch.manual_seed(1)
v = torch.rand(5, requires_grad=True)
print(v)
print(v.data)

v.data *= 100
print(v)
print("still a leaf with no history:", v.is_leaf, v.grad_fn)

# %% [markdown] en
# ## Summary
#
# * Tensors you create are **leaves**; results of operations carry a `grad_fn`.
# * `backward()` walks the graph from the output to the leaves and **adds** into their `.grad`.
# * It frees the saved values afterwards unless you pass `retain_graph=True`; a second pass then
#   raises `RuntimeError`.
# * `grad_fn.next_functions` links the backward graph; leaves appear as `AccumulateGrad`.
# * `no_grad()` / `set_grad_enabled(False)` stop tracking; `.data` edits values outside the graph.
#
# Next: **02 · Leaf tensors**, where gradients build up over several passes and we update
# weights by hand.

# %% [markdown] zh
# ## 小结
#
# * 自己创建的张量是**叶子节点**；运算得到的结果带有 `grad_fn`。
# * `backward()` 从输出沿着图走回叶子节点，把梯度**累加**进它们的 `.grad`。
# * 除非传入 `retain_graph=True`，反向传播结束后保存的中间值会被释放；再做一次就会抛出 `RuntimeError`。
# * `grad_fn.next_functions` 把反向图串起来；叶子节点以 `AccumulateGrad` 的形式出现。
# * `no_grad()` / `set_grad_enabled(False)` 停止跟踪；`.data` 在图外修改数值。
#
# 下一课：**02 · 叶子张量**，看梯度如何在多次反向传播中累积，并亲手更新权重。
