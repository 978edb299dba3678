# PyTorch "Learn the Basics": "Tensors" (https://pytorch.org/tutorials/beginner/basics/tensorqs_tutorial.html)
# and "Deep Learning with PyTorch: A 60 Minute Blitz": "Tensors"
# (https://pytorch.org/tutorials/beginner/blitz/tensor_tutorial.html, its older "What is
# PyTorch?" version): creation from data / numpy / another tensor, attributes, the
# torch.accelerator check, indexing and slicing, cat, the three ways of matmul and mul
# (operator, method, out=), sum().item(), in-place add_, the numpy bridge in both
# directions, new_ones / randn_like / view / item, out= on torch.add. torch.rand / randn
# values are replaced by fixed formulas where they are printed.
import numpy as np

data = [[1, 2], [3, 4]]
x_data = torch.tensor(data)
np_array = np.array(data)
x_np = torch.from_numpy(np_array)
print(x_np)
x_ones = torch.ones_like(x_data)
print(f"Ones Tensor: \n {x_ones} \n")
x_rand = torch.rand_like(x_data, dtype=torch.float)
print(f"Random Tensor: \n {x_rand.shape} {x_rand.dtype} \n")
shape = (
    2,
    3,
)
rand_tensor = torch.rand(shape)
ones_tensor = torch.ones(shape)
zeros_tensor = torch.zeros(shape)
print(f"Random Tensor: \n {rand_tensor.shape} \n")
print(f"Ones Tensor: \n {ones_tensor} \n")
print(f"Zeros Tensor: \n {zeros_tensor}")
tensor = torch.rand(3, 4)
print(f"Shape of tensor: {tensor.shape}")
print(f"Datatype of tensor: {tensor.dtype}")
print(f"Device tensor is stored on: {tensor.device}")
if torch.accelerator.is_available():
    tensor = tensor.to(torch.accelerator.current_accelerator())
print(
    torch.accelerator.is_available(),
    torch.accelerator.current_accelerator(),
    torch.accelerator.device_count(),
)

tensor = torch.ones(4, 4)
print(f"First row: {tensor[0]}")
print(f"First column: {tensor[:, 0]}")
print(f"Last column: {tensor[..., -1]}")
tensor[:, 1] = 0
print(tensor)
t1 = torch.cat([tensor, tensor, tensor], dim=1)
print(t1)
y1 = tensor @ tensor.T
y2 = tensor.matmul(tensor.T)
y3 = torch.rand_like(y1)
r = torch.matmul(tensor, tensor.T, out=y3)
print(y1, y2, y3, r is y3)
z1 = tensor * tensor
z2 = tensor.mul(tensor)
z3 = torch.rand_like(tensor)
r = torch.mul(tensor, tensor, out=z3)
print(z1, z2, z3, r is z3, z3._version)
agg = tensor.sum()
agg_item = agg.item()
print(agg_item, type(agg_item))
print(f"{tensor} \n")
tensor.add_(5)
print(tensor)
t = torch.ones(5)
print(f"t: {t}")
n = t.numpy()
print(f"n: {n}")
t.add_(1)
print(f"t: {t}")
print(f"n: {n}")
n = np.ones(5)
t = torch.from_numpy(n)
np.add(n, 1, out=n)
print(f"t: {t}")
print(f"n: {n}")

# --- the 60 Minute Blitz's tensor tutorial
x = torch.empty(5, 3)
print(x.shape, x.dtype)
x = torch.zeros(5, 3, dtype=torch.long)
print(x)
x = torch.tensor([5.5, 3])
print(x)
x = x.new_ones(5, 3, dtype=torch.double)
print(x)
x = torch.randn_like(x, dtype=torch.float)
print(x.size(), x.dtype)
x = torch.arange(15, dtype=torch.float32).view(5, 3) / 7
y = torch.linspace(0, 1, 15).view(5, 3)
print(x + y)
print(torch.add(x, y))
result = torch.empty(5, 3)
torch.add(x, y, out=result)
print(result)
y.add_(x)
print(y)
print(x[:, 1])
x = torch.arange(16.0).view(4, 4)
y = x.view(16)
z = x.view(-1, 8)
print(x.size(), y.size(), z.size())
x = torch.tensor([0.25])
print(x)
print(x.item())
a = torch.ones(5)
print(a)
b = a.numpy()
print(b)
a.add_(1)
print(a)
print(b)
a = np.ones(5)
b = torch.from_numpy(a)
np.add(a, 1, out=a)
print(a)
print(b)
if torch.cuda.is_available():
    device = torch.device("cuda")
    y = torch.ones_like(x, device=device)
    x = x.to(device)
    z = x + y
    print(z)
    print(z.to("cpu", torch.double))
print(x.to("cpu", torch.double))
print(x.new_full((2, 2), 7), x.new_empty(3).shape, x.new_zeros(2, dtype=torch.int64))

# out= in more places (and its errors)
o = torch.empty(2, 3)
raises("out_cat", lambda: torch.cat([torch.ones(1, 3), torch.zeros(1, 3)], out=o))
raises("out_resize", lambda: torch.add(torch.ones(2, 3), 1, out=torch.empty(0)).shape)
raises(
    "out_cast_error", lambda: torch.add(torch.ones(2), 1.5, out=torch.zeros(2, dtype=torch.long))
)
raises(
    "out_int_to_float", lambda: torch.add(torch.ones(2, dtype=torch.long), 1, out=torch.zeros(2))
)
raises("out_not_tensor", lambda: torch.add(torch.ones(2), 1, out=[0, 0]))
g = torch.ones(2, requires_grad=True)
raises("out_requires_grad", lambda: torch.sin(g, out=torch.empty(2)))
raises("out_requires_grad_mul", lambda: torch.mul(g, 2, out=torch.empty(2)))
raises("out_compare_ok", lambda: torch.gt(g, 0, out=torch.empty(2, dtype=torch.bool)))
raises("out_sum_dim", lambda: torch.sum(torch.ones(2, 3), 0, out=torch.empty(3)))
raises(
    "out_where",
    lambda: torch.where(
        torch.tensor([True, False]), torch.ones(2), torch.zeros(2), out=torch.empty(2)
    ),
)
with torch.no_grad():
    raises("out_no_grad", lambda: torch.exp(g, out=torch.empty(2)))
