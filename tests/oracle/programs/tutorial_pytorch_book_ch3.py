# 陈云 (chenyuntc) 《深度学习框架PyTorch：入门与实践》 (pytorch-book), chapter 3 "Tensor 和
# autograd": https://github.com/chenyuntc/pytorch-book/blob/master/Chapter3/chapter3.ipynb
# creating tensors (t.Tensor sizes / data, t.tensor(()), new_ones, set_default_tensor_type,
# type conversions), indexing, gather / scatter_, fancy indexing, element-wise and reduction
# ops, contiguity, numpy sharing, storage offsets and data_ptr, view / reshape / permute of
# images, linear regression with hand-written gradients, then autograd: requires_grad /
# is_leaf, grad_fn.next_functions, retain_graph, control flow, no_grad / set_grad_enabled,
# .data, autograd.grad, register_hook, a custom Function (MultiplyAdd) and linear regression
# with autograd. (Named tensors and the GPU cells are left out; uninitialised t.Tensor(2, 3)
# values are not printed; fewer iterations, no plots.)
import numpy as np

t = torch
a = t.Tensor(2, 3)
print(a.shape, a.dtype)
b = t.Tensor([[1, 2, 3], [4, 5, 6]])
print(b, b.tolist())
b_size = b.size()
print(b_size, b.numel(), b.nelement())
c = t.Tensor(b_size)
d = t.Tensor((2, 3))
print(c.shape, d)
print(t.Tensor(), t.tensor(()))
raises("t.tensor() without data", lambda: t.tensor())
raises(
    "set_default_tensor_type of an int type", lambda: t.set_default_tensor_type("torch.IntTensor")
)
a = t.tensor([2, 3])
print(a.type())
b = t.Tensor([2, 3])
print(b.type())
arr = np.ones((2, 3), dtype=np.float64)
print(t.tensor(arr))
print(t.ones(2, 3))
input_tensor = t.tensor([[1, 2, 3], [4, 5, 6]])
print(t.ones_like(input_tensor), t.zeros(2, 3))
print(t.eye(2, 3, dtype=t.int), t.arange(1, 6, 2), t.linspace(1, 10, 3))
t.manual_seed(0)
print(t.randn(2, 3), t.randperm(5))
tensor3 = t.tensor((), dtype=t.int32)
print(tensor3.new_ones((2, 3)))
a = t.rand(2, 3)
print(a.dtype)
t.set_default_tensor_type("torch.DoubleTensor")
a = t.rand(2, 3)
print(a.dtype, t.Tensor([1]).dtype, t.get_default_dtype())
t.set_default_tensor_type("torch.FloatTensor")
print(t.get_default_dtype())
b1 = a.type(t.FloatTensor)
b2 = a.float()
print((a.dtype, b1.dtype, b2.dtype))
print(a.new(2, 3).shape, a.new(2, 3).dtype, a.new([1, 2]))

a = t.randn(3, 4)
print(a)
print("查看第1行结果：", a[0])
print("查看第2列结果：", a[:, 1])
print("查看第2行最后两个元素：", a[1, -2:])
print(a > 0)
print((a > 0).int())
print(a[a > 0])
print(a.masked_select(a > 0))
print(t.where(a > 0, a, t.zeros_like(a)))
a = t.arange(0, 16).view(4, 4)
index = t.tensor([[0, 1, 2, 3]])
print(a.gather(0, index))
index = t.tensor([[3, 2, 1, 0]]).t()
print(a.gather(1, index))
index = t.tensor([[0, 1, 2, 3], [3, 2, 1, 0]]).t()
b = a.gather(1, index)
print(b)
c = t.zeros(4, 4).long()
print(c.scatter_(1, index, b))
print(t.Tensor([1.0]).item())
raises("item of 2 elements", lambda: t.Tensor([1, 2]).item())
x = t.arange(0, 16).view(2, 2, 4)
print(x[[1, 0], [1, 1], [2, 0]], x[[1, 0], [0], [1]])
a = t.arange(0, 6).float().view(2, 3)
print(t.cos(a))
print(a % 3)
print(t.fmod(a, 3), t.fmod(-a, 3), -a % 3)
print(t.clamp(a, min=2, max=4))
b = t.ones(2, 3)
print(b.sum(dim=0, keepdim=True), b.sum(dim=0, keepdim=True).shape)
print(b.sum(dim=0, keepdim=False), b.sum(dim=0, keepdim=False).shape)
a = t.arange(2, 8).view(2, 3)
print(a.cumsum(dim=1))
a = t.linspace(0, 15, 6).view(2, 3)
b = t.linspace(15, 0, 6).view(2, 3)
print(a > b)
print("a中大于b的元素: ", a[a > b])
print("a中最大的元素: ", t.max(a))
print(t.max(b, dim=1))
print(t.max(a, b))
b = a.t()
print(b.is_contiguous())
b = b.contiguous()
print(b.is_contiguous())

a = np.ones([2, 3], dtype=np.float32)
b = t.from_numpy(a)
a[0, 1] = -1
print(b)
a = np.ones([2, 3])
print(a.dtype)
b = t.Tensor(a)
print(b.dtype)
c = t.from_numpy(a)
print(c)
a[0, 1] = -1
print(b)
print(c)
a_tensor = t.tensor(a)
a_tensor[0, 1] = 1
print(a)

a = t.arange(0, 6).float()
b = a.view(2, 3)
a[1] = 100
print(b)
c = a[2:]
print(c.data_ptr() - a.data_ptr())
c[0] = -100
print(a)
print(a.storage_offset(), c.storage_offset(), b.storage_offset())
e = b[::2, ::2]
print(e, e.is_contiguous(), e.stride(), e.storage_offset())

tensor = t.arange(24).reshape(2, 3, 4)
print(f"a.shape={tensor.shape}. a.size()={tensor.size()}")
print(f"这是个{tensor.dim()}维Tensor, 总共{tensor.numel()}个元素")
a = t.arange(1, 13)
b = a.view(2, 6)
c = a.reshape(2, 6)
print(id(a) == id(b) == id(c))
b = b.t()
print(b.reshape(-1, 4))
raises("view of a transposed tensor", lambda: b.view(-1, 4))
img_3xHxW = t.randn(3, 12, 16)
img_3xHW = img_3xHxW.view(3, -1)
print(img_3xHW.mean(dim=1))
alpha_HxW = t.rand(12, 16)
alpha_1xHxW = alpha_HxW[None]
rgba_img = t.cat([alpha_1xHxW, img_3xHxW], dim=0)
print(rgba_img.shape)
alpha_HxW = alpha_1xHxW.view(12, 16)
mask = t.arange(6).view(2, 3)
print(mask.transpose(0, 1), mask.view(3, 2))
img_HxWx3 = img_3xHxW.permute(1, 2, 0)
print(img_HxWx3.is_contiguous(), img_HxWx3.reshape(-1)[:5])
raises("view of a permuted image", lambda: img_HxWx3.view(-1))
H, W = 4, 5
img_3xHxW = t.randn(3, H, W)
img_3xHW = img_3xHxW.reshape(3, -1)
img_3xWH = img_3xHxW.transpose(1, 2).reshape(3, -1)
img_3xWxH = img_3xWH.reshape(3, W, H)
check("3xWxH", img_3xWxH[0])

# linear regression, gradients by hand
device = t.device("cpu")
t.manual_seed(1000)


def get_fake_data(batch_size=8):
    x = t.rand(batch_size, 1, device=device) * 5
    y = x * 2 + 3 + t.randn(batch_size, 1, device=device)
    return x, y


x, y = get_fake_data(batch_size=16)
w = t.rand(1, 1).to(device)
b = t.zeros(1, 1).to(device)
lr = 0.02
for ii in range(200):
    x, y = get_fake_data(batch_size=4)
    y_pred = x.mm(w) + b.expand_as(y)
    loss = 0.5 * (y_pred - y) ** 2
    loss = loss.mean()
    dloss = 1
    dy_pred = dloss * (y_pred - y)
    dw = x.t().mm(dy_pred)
    db = dy_pred.sum()
    w.sub_(lr * dw)
    b.sub_(lr * db)
    if ii % 50 == 0:
        x = t.arange(0, 6).float().view(-1, 1)
        print(x.type(), w.type())
        y = x.mm(w) + b.expand_as(x)
        x2, y2 = get_fake_data(batch_size=32)
print("w: ", round(w.item(), 4), "b: ", round(b.item(), 4))
check("hand-written regression", [w, b])

# 3.2 autograd
a = t.randn(3, 4, requires_grad=True)
print(a.requires_grad)
a = t.randn(3, 4)
a.requires_grad = True
b = t.zeros(3, 4).requires_grad_()
c = (a + b).sum()
c.backward()
print(a.grad)
print(a.requires_grad, b.requires_grad, c.requires_grad)
print(a.is_leaf, b.is_leaf, c.is_leaf)
a = t.rand(10, requires_grad=True)
print(a.is_leaf)
c = t.rand(10, requires_grad=True) + 2
print(c.is_leaf)


def f(x):
    y = x**2 * t.exp(x)
    return y


def gradf(x):
    dx = 2 * x * t.exp(x) + x**2 * t.exp(x)
    return dx


x = t.randn(3, 4, requires_grad=True)
y = f(x)
y.backward(t.ones(y.size()))
check("autograd vs formula", [x.grad, gradf(x)])
x = t.ones(1)
b = t.rand(1, requires_grad=True)
w = t.rand(1, requires_grad=True)
y = w * x
z = y + b
print(x.requires_grad, b.requires_grad, w.requires_grad, y.requires_grad)
print(x.is_leaf, w.is_leaf, b.is_leaf, y.is_leaf, z.is_leaf)
check("z graph", graph(z))
print(w.grad_fn, x.grad_fn)
z.backward(retain_graph=True)
print(w.grad)
z.backward()
print(w.grad)
raises(
    "a third backward",
    lambda: z.backward(),
    key="Trying to backward through the graph a second time",
)


def abs(x):
    if x.data[0] > 0:
        return x
    else:
        return -x


x = t.ones(1, requires_grad=True)
y = abs(x)
y.backward()
print(x.grad)
x = -1 * t.ones(1)
x = x.requires_grad_()
y = abs(x)
y.backward()
print(x.grad)


def f(x):
    result = 1
    for ii in x:
        if ii.item() > 0:
            result = ii * result
    return result


x = t.arange(-2, 4).float().requires_grad_()
y = f(x)
y.backward()
print(x.grad)
x = t.ones(1, requires_grad=True)
w = t.rand(1, requires_grad=True)
y = x * w
print(x.requires_grad, w.requires_grad, y.requires_grad)
with t.no_grad():
    x = t.ones(1)
    w = t.rand(1, requires_grad=True)
    y = x * w
print(x.requires_grad, w.requires_grad, y.requires_grad)
t.set_grad_enabled(False)
x = t.ones(1)
w = t.rand(1, requires_grad=True)
y = x * w
print(x.requires_grad, w.requires_grad, y.requires_grad)
t.set_grad_enabled(True)
a = t.ones(3, 4, requires_grad=True)
b = t.ones(3, 4, requires_grad=True)
c = a * b
print(a.data, a.data.requires_grad)
x = t.ones(3, requires_grad=True)
w = t.rand(3, requires_grad=True)
y = x * w
z = y.sum()
print(x.requires_grad, w.requires_grad, y.requires_grad)
z.backward()
print(x.grad, w.grad, y.grad)
x = t.ones(3, requires_grad=True)
w = t.rand(3, requires_grad=True)
y = x * w
z = y.sum()
print(t.autograd.grad(z, y))


def variable_hook(grad):
    print("y的梯度：", grad)


x = t.ones(3, requires_grad=True)
w = t.rand(3, requires_grad=True)
y = x * w
hook_handle = y.register_hook(variable_hook)
z = y.sum()
z.backward()
hook_handle.remove()
print(type(hook_handle).__name__)

Function = t.autograd.Function


class MultiplyAdd(Function):
    @staticmethod
    def forward(ctx, w, x, b):
        ctx.save_for_backward(w, x)
        output = w * x + b
        return output

    @staticmethod
    def backward(ctx, grad_output):
        w, x = ctx.saved_tensors
        grad_w = grad_output * x
        grad_x = grad_output * w
        grad_b = grad_output * 1
        return grad_w, grad_x, grad_b


x = t.ones(1)
w = t.rand(1, requires_grad=True)
b = t.rand(1, requires_grad=True)
z = MultiplyAdd.apply(w, x, b)
z.backward()
print(x.grad, w.grad, b.grad)
x = t.ones(1)
w = t.rand(1, requires_grad=True)
b = t.rand(1, requires_grad=True)
z = MultiplyAdd.apply(w, x, b)
print(type(z.grad_fn).__name__, z.grad_fn.name())
# (the book then calls z.grad_fn.apply(t.ones(1)) to run the backward by hand: autograd_viz's
# nodes do not offer that call)

# linear regression with autograd
t.manual_seed(1000)


def get_fake_data(batch_size=8):
    x = t.rand(batch_size, 1) * 5
    y = x * 2 + 3 + t.randn(batch_size, 1)
    return x, y


x, y = get_fake_data()
w = t.rand(1, 1, requires_grad=True)
b = t.zeros(1, 1, requires_grad=True)
losses = np.zeros(200)
lr = 0.005
for ii in range(200):
    x, y = get_fake_data(batch_size=32)
    y_pred = x.mm(w) + b.expand_as(y)
    loss = 0.5 * (y_pred - y) ** 2
    loss = loss.sum()
    losses[ii] = loss.item()
    loss.backward()
    w.data.sub_(lr * w.grad.data)
    b.data.sub_(lr * b.grad.data)
    w.grad.data.zero_()
    b.grad.data.zero_()
    if ii % 50 == 0:
        x = t.arange(0, 6).float().view(-1, 1)
        y = x.mm(w.data) + b.data.expand_as(x)
        x2, y2 = get_fake_data(batch_size=20)
print(round(w.item(), 4), round(b.item(), 4))
check("autograd regression", [w, b, [float(v) for v in losses[::20]]])
