# %% [markdown] en
# # 00 · A tour of the stepper
#
# These lessons teach **backpropagation** by letting you watch it, one step at a time.
#
# `autograd_viz` is a small autograd engine that behaves like PyTorch's: you import it *as*
# `torch` and write the same code. On top of that it can **record** what autograd does and
# show it in a **stepper**: a picture of the computation graph with buttons to move through
# the forward pass, the backward pass and the weight updates.
#
# This short tour shows you how to use the stepper on a tiny example. It takes five minutes.

# %% [markdown] zh
# # 00 · 步进器使用导览
#
# 这套课程通过“亲眼看着它一步一步地发生”来讲解**反向传播**。
#
# `autograd_viz` 是一个小巧的自动求导引擎，用法和 PyTorch 一样：把它当作 `torch` 导入，
# 代码照常写。除此之外，它还能把 autograd 做的每件事**记录**下来，并在**步进器**里展示：
# 一张计算图，加上一排按钮，让你在前向传播、反向传播和参数更新之间一步步前进后退。
#
# 这篇导览用一个很小的例子介绍步进器怎么用，五分钟就能看完。

# %%
import autograd_viz as torch
from autograd_viz.lessons import lesson_00 as ex

# %% [markdown] en
# ## A tiny computation
#
# Two numbers that we want gradients for, and a result that uses `a` twice:
#
# $$L = a \cdot b + a$$

# %% [markdown] zh
# ## 一个很小的计算
#
# 两个需要梯度的数，以及一个把 `a` 用了两次的结果：
#
# $$L = a \cdot b + a$$

# %%
a = torch.tensor(2.0, requires_grad=True)
b = torch.tensor(3.0, requires_grad=True)

c = a * b
L = c + a
L

# %% [markdown] en
# `torch.draw` shows the graph that produced a tensor. Tensors are boxes (with their value),
# operations are the ovals between them, and arrows show which way the data flows.

# %% [markdown] zh
# `torch.draw` 能画出产生某个张量的计算图。方框是张量（标着它的值），
# 夹在中间的椭圆是运算，箭头表示数据流动的方向。

# %%
torch.draw(L)

# %% [markdown] en
# ## Your turn, before you look
#
# `a` is used twice in $L = a \cdot b + a$, so during the backward pass two gradients arrive
# at it, one along each path, and they are added. Work out $\partial L / \partial a$ by hand
# with $a = 2$, $b = 3$: replace `...` with your number and run the cell. The stepper below
# will show you whether you were right.

# %% [markdown] zh
# ## 先别看，自己算
#
# 在 $L = a \cdot b + a$ 中 `a` 出现了两次，所以反向传播时会有两份梯度沿两条路径流到 `a`，
# 并且会相加。取 $a = 2$、$b = 3$，手算 $\partial L / \partial a$：把 `...` 换成你算出的数，
# 再运行这个格子。下面的步进器会告诉你算得对不对。

# %% tags=["exercise"]
answer = ...
ex.check_grad_a(answer)

# %% [markdown] en
# And $\partial L / \partial b$?

# %% [markdown] zh
# 那么 $\partial L / \partial b$ 呢？

# %% tags=["exercise"]
answer = ...
ex.check_grad_b(answer)

# %% [markdown] en
# ## Recording
#
# To watch autograd at work, run the code inside `with torch.record() as rec:`. Everything that
# happens inside the block, forward and backward, is stored as a list of **frames**.

# %% [markdown] zh
# ## 记录
#
# 想看 autograd 怎么工作，就把代码放进 `with torch.record() as rec:` 里运行。
# 块中发生的一切（前向和反向）都会被存成一串**帧**（frame）。

# %%
with torch.record() as rec:
    c = a * b
    L = c + a
    L.backward()

len(rec.frames)

# %% [markdown] en
# ## The stepper
#
# `torch.Stepper(rec)` turns the recording into an interactive widget. Try the controls:
#
# | control | what it does |
# |---|---|
# | **« First**, **‹ Prev**, **Next ›**, **Last »** | move one frame (or to either end) |
# | **▶ Play** and the speed (0.5× to 4×) | play the frames like a film, at the speed you choose |
# | slider, **Frame k of n** | drag to any frame; frame *k* is `rec.frames[k - 1]` |
# | **forward** / **backward** / **accumulate** / ... | jump to the next frame of that *phase* |
# | **Inspect** | pick any node to see its value, gradient and formula at the current frame |
# | **View** | *data flow* (tensors and operations) or *autograd* (the `grad_fn` nodes backward runs) |
# | **Language** | English or 中文 for the captions and buttons |
# | **Size** | bigger text and picture, for a projector |
#
# The sentence under the buttons is the **caption**: it says what happens in the current
# frame, with the actual numbers. The highlighted node in the picture is the one at work.
#
# **Predict first:** which node does the backward pass visit first? Which two gradients
# arrive at `a`? Then press **Next ›** to check.

# %% [markdown] zh
# ## 步进器
#
# `torch.Stepper(rec)` 把记录变成一个可交互的小部件。试试这些控件：
#
# | 控件 | 作用 |
# |---|---|
# | **« 首帧**、**‹ 上一帧**、**下一帧 ›**、**末帧 »** | 前后移动一帧（或跳到两端） |
# | **▶ 播放** 和速度（0.5× 到 4×） | 像放电影一样自动播放，速度可调 |
# | 滑块、**第 k 帧，共 n 帧** | 拖到任意一帧；第 *k* 帧就是 `rec.frames[k - 1]` |
# | **前向** / **反向** / **累加梯度** / …… | 跳到下一个属于该**阶段**的帧 |
# | **查看** | 选任意节点，查看它在当前帧的值、梯度和公式 |
# | **视图** | **数据流**（张量和运算）或 **autograd**（反向传播实际执行的 `grad_fn` 节点） |
# | **语言** | 说明文字和按钮用 English 还是中文 |
# | **字号** | 放大文字和图片，方便投影 |
#
# 按钮下方那句话是**说明**（caption）：它用实际的数字告诉你当前这一帧发生了什么。
# 图中高亮的节点就是此刻正在工作的节点。
#
# **先预测：**反向传播最先经过的是哪个节点？流到 `a` 的两份梯度分别是多少？
# 然后按 **下一帧 ›** 验证。

# %%
torch.Stepper(rec)

# %% [markdown] en
# ## Phases
#
# Every frame belongs to a **phase**. This recording has `forward`, `backward`, `accumulate`
# and `freed` frames; the later lessons meet the others:
#
# | phase | what happens |
# |---|---|
# | `forward` | an operation computes its output |
# | `backward` | a `grad_fn` node multiplies the incoming gradient by its local derivative and passes it on |
# | `accumulate` | a gradient is added into a leaf's `.grad` |
# | `update` | an optimizer (or your own code) changes a weight using its gradient |
# | `zero_grad` | gradients are reset to zero before the next step |
# | `freed` | backward released the values the graph had saved |
# | `error` | something went wrong, for example a second backward through a freed graph |
#
# The same information is available in code, which is handy for checking what you see:

# %% [markdown] zh
# ## 阶段
#
# 每一帧都属于某个**阶段**（phase）。这次记录里有 `forward`、`backward`、`accumulate` 和 `freed`
# 四种帧，其余几种会在后面的课程里遇到：
#
# | 阶段 | 发生了什么 |
# |---|---|
# | `forward` | 某个运算算出它的输出 |
# | `backward` | 某个 `grad_fn` 节点把传进来的梯度乘上局部导数，再往后传 |
# | `accumulate` | 梯度被累加进某个叶子节点的 `.grad` |
# | `update` | 优化器（或你自己的代码）用梯度修改权重 |
# | `zero_grad` | 进入下一步之前把梯度清零 |
# | `freed` | 反向传播释放了计算图保存的中间值 |
# | `error` | 出错了，比如对已经释放的图再做一次反向传播 |
#
# 同样的信息也可以在代码里拿到，方便核对你在图上看到的内容：

# %%
for frame in rec.frames:
    print(f"{frame.index:2}  {frame.phase:<10}  {frame.caption}")

# %% [markdown] en
# ## Language
#
# The first cell of every lesson calls `autograd_viz.set_language(...)`, which sets the
# language of captions and controls; the **Language** buttons switch a single stepper.
# Each frame keeps its caption in both languages:

# %% [markdown] zh
# 每节课的第一个代码格都会调用 `autograd_viz.set_language(...)`，它决定说明文字和控件的语言；
# 步进器上的 **语言** 按钮则只切换这一个步进器。每一帧都同时保存着两种语言的说明：

# %%
last = rec.frames[-1]
print("en:", last.captions["en"])
print("zh:", last.captions["zh"])

# %% [markdown] en
# ## Driving the stepper from code
#
# `stepper.frame` is the current frame index, so a cell can open the stepper exactly at the
# moment you want to talk about. Here: the first frame of the backward pass. **Predict** what
# its caption will say (which node, which incoming gradient) before you read it.

# %% [markdown] zh
# ## 用代码控制步进器
#
# `stepper.frame` 就是当前帧的序号，所以可以让步进器一打开就停在你想讲的那一刻。
# 这里停在反向传播的第一帧。读说明之前，先**预测**它会说什么（哪个节点、传入的梯度是多少）：

# %%
stepper = torch.Stepper(rec)
stepper.frame = [f.phase for f in rec.frames].index("backward")
stepper

# %% [markdown] en
# ## Quiz mode
#
# `torch.Stepper(rec, quiz=True)` hides the gradient each backward frame produces until you
# type your prediction (press **Check**) or press **Reveal**. Later lessons use it wherever
# there is a gradient worth predicting. Try it on the same recording:

# %% [markdown] zh
# ## 测验模式
#
# `torch.Stepper(rec, quiz=True)` 会先隐藏每个反向传播帧产生的梯度，等你输入预测（按
# **检查**）或者按 **揭晓**。后面的课程凡是有值得预测的梯度，都会用到它。
# 在同一份记录上试一试：

# %%
torch.Stepper(rec, quiz=True)

# %% [markdown] en
# ## Check your understanding
#
# 1. In the stepper, which phase adds a gradient into a leaf's `.grad`?
#    <details><summary>Answer</summary>
#    <code>accumulate</code>: the <code>AccumulateGrad</code> node of the leaf adds what
#    arrives into <code>.grad</code>.
#    </details>
# 2. Why does `a` get two `backward` contributions but `b` only one?
#    <details><summary>Answer</summary>
#    <code>a</code> is used twice (in <code>a * b</code> and in <code>+ a</code>), so there are
#    two paths from <code>L</code> back to it; <code>b</code> is used once.
#    </details>
# 3. What does the multiplication node send to `a`, and why?
#    <details><summary>Answer</summary>
#    The incoming gradient times the <em>other</em> factor: 1 × b = 3, because
#    ∂(a·b)/∂a = b.
#    </details>

# %% [markdown] zh
# ## 检验一下
#
# 1. 在步进器里，哪个阶段把梯度加进叶子节点的 `.grad`？
#    <details><summary>答案</summary>
#    <code>accumulate</code>：叶子节点的 <code>AccumulateGrad</code> 节点把传来的梯度加进
#    <code>.grad</code>。
#    </details>
# 2. 为什么 `a` 收到两份 `backward` 的贡献，而 `b` 只收到一份？
#    <details><summary>答案</summary>
#    <code>a</code> 被用了两次（在 <code>a * b</code> 和 <code>+ a</code> 里），所以从
#    <code>L</code> 回到它有两条路径；<code>b</code> 只用了一次。
#    </details>
# 3. 乘法节点传给 `a` 的是什么？为什么？
#    <details><summary>答案</summary>
#    传进来的梯度乘以<em>另一个</em>因子：1 × b = 3，因为 ∂(a·b)/∂a = b。
#    </details>

# %% [markdown] en
# ## Where next
#
# * **01 · Your first computation graph**: leaves, `grad_fn`, `retain_graph`, `backward(v)`,
#   `next_functions`, `no_grad`.
# * **02 · Leaf tensors**: where gradients are stored, how they add up, updating weights by hand.
# * **03 – 05**: accumulation and `nn.Parameter`, training a model, a two-layer network with hooks.
# * **06 – 12**: gradient checking, patterns in backward flow, shapes and batches, `nn` and
#   `optim`, softmax and cross-entropy, vanishing and exploding gradients, the autograd API
#   beyond `backward()`.

# %% [markdown] zh
# ## 接下来
#
# * **01 · 第一张计算图**：叶子节点、`grad_fn`、`retain_graph`、`backward(v)`、
#   `next_functions`、`no_grad`。
# * **02 · 叶子张量**：梯度存在哪里、如何累加，以及手动更新权重。
# * **03 – 05**：梯度累加与 `nn.Parameter`、训练一个模型、带钩子的两层网络。
# * **06 – 12**：梯度检验、反向传播中的规律、形状与批次、`nn` 和 `optim`、softmax 与交叉熵、
#   梯度消失与梯度爆炸、`backward()` 之外的 autograd 接口。
