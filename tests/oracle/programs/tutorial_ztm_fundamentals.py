# Daniel Bourke, "Zero to Mastery Learn PyTorch for Deep Learning", notebook 00 "PyTorch
# Fundamentals": https://github.com/mrdbourke/pytorch-deep-learning/blob/main/00_pytorch_fundamentals.ipynb
# (https://www.learnpytorch.io/00_pytorch_fundamentals/). The notebook's cells in order; a cell's
# displayed last expression is printed. The 224x224x3 "image" is kept small, the GPU cells run
# on the CPU.
import random

import numpy as np

scalar = torch.tensor(7)
print(scalar)
print(scalar.ndim)
print(scalar.item())

vector = torch.tensor([7, 7])
print(vector, vector.ndim, vector.shape)

MATRIX = torch.tensor([[7, 8], [9, 10]])
print(MATRIX, MATRIX.ndim, MATRIX.shape)
TENSOR = torch.tensor([[[1, 2, 3], [3, 6, 9], [2, 4, 5]]])
print(TENSOR)
print(TENSOR.ndim, TENSOR.shape)

torch.manual_seed(0)
random_tensor = torch.rand(size=(3, 4))
print((random_tensor, random_tensor.dtype))
random_image_size_tensor = torch.rand(size=(22, 22, 3))
print((random_image_size_tensor.shape, random_image_size_tensor.ndim))

zeros = torch.zeros(size=(3, 4))
print((zeros, zeros.dtype))
ones = torch.ones(size=(3, 4))
print((ones, ones.dtype))

zero_to_ten_deprecated = torch.range(0, 10)
print(zero_to_ten_deprecated)
print(torch.range(1, 4, 0.5), torch.range(0, 10, dtype=torch.int64), torch.range(5, 1, -2))
raises("range step 0", lambda: torch.range(0, 10, 0))
raises("range wrong sign", lambda: torch.range(5, 1))
raises("range of str", lambda: torch.range("a", 2))
zero_to_ten = torch.arange(start=0, end=10, step=1)
print(zero_to_ten)
ten_zeros = torch.zeros_like(input=zero_to_ten)
print(ten_zeros)
print(torch.ones_like(input=zero_to_ten), torch.full_like(input=zero_to_ten, fill_value=3))
print(torch.random.initial_seed() == torch.initial_seed())
print(zero_to_ten.type(torch.FloatTensor), zero_to_ten.type(torch.DoubleTensor).dtype)
raises("type(int)", lambda: zero_to_ten.type(int))

float_32_tensor = torch.tensor([3.0, 6.0, 9.0], dtype=None, device=None, requires_grad=False)
print((float_32_tensor.shape, float_32_tensor.dtype, float_32_tensor.device))
float_16_tensor = torch.tensor([3.0, 6.0, 9.0], dtype=torch.float16)
print(float_16_tensor.dtype, float_16_tensor)
check("float16", float_16_tensor * 1.1)

some_tensor = torch.rand(3, 4)
print(some_tensor)
print(f"Shape of tensor: {some_tensor.shape}")
print(f"Datatype of tensor: {some_tensor.dtype}")
print(f"Device tensor is stored on: {some_tensor.device}")

tensor = torch.tensor([1, 2, 3])
print(tensor + 10)
print(tensor * 10)
tensor = tensor - 10
print(tensor)
tensor = tensor + 10
print(tensor)
print(torch.multiply(tensor, 10))
print(tensor, "*", tensor)
print("Equals:", tensor * tensor)
print(tensor.shape)
print(torch.matmul(tensor, tensor))
print(tensor @ tensor)
value = 0
for i in range(len(tensor)):
    value += tensor[i] * tensor[i]
print(value)

tensor_A = torch.tensor([[1, 2], [3, 4], [5, 6]], dtype=torch.float32)
tensor_B = torch.tensor([[7, 10], [8, 11], [9, 12]], dtype=torch.float32)
raises("matmul shapes", lambda: torch.matmul(tensor_A, tensor_B))
print(tensor_A)
print(tensor_B)
print(tensor_B.T)
print(f"Original shapes: tensor_A = {tensor_A.shape}, tensor_B = {tensor_B.shape}\n")
print(f"New shapes: tensor_A = {tensor_A.shape} (same as above), tensor_B.T = {tensor_B.T.shape}\n")
print(f"Multiplying: {tensor_A.shape} * {tensor_B.T.shape} <- inner dimensions match\n")
output = torch.matmul(tensor_A, tensor_B.T)
print(output)
print(f"\nOutput shape: {output.shape}")
print(torch.mm(tensor_A, tensor_B.T))

torch.manual_seed(42)
linear = torch.nn.Linear(in_features=2, out_features=6)
x = tensor_A
output = linear(x)
print(f"Input shape: {x.shape}\n")
print(f"Output:\n{output}\n\nOutput shape: {output.shape}")
check("linear output", output)

x = torch.arange(0, 100, 10)
print(x)
print(f"Minimum: {x.min()}")
print(f"Maximum: {x.max()}")
raises("mean of long", lambda: x.mean())
print(f"Mean: {x.type(torch.float32).mean()}")
print(f"Sum: {x.sum()}")
print((torch.max(x), torch.min(x), torch.mean(x.type(torch.float32)), torch.sum(x)))

tensor = torch.arange(10, 100, 10)
print(f"Tensor: {tensor}")
print(f"Index where max value occurs: {tensor.argmax()}")
print(f"Index where min value occurs: {tensor.argmin()}")
tensor = torch.arange(10.0, 100.0, 10.0)
print(tensor.dtype)
tensor_float16 = tensor.type(torch.float16)
print(tensor_float16)
tensor_int8 = tensor.type(torch.int8)
print(tensor_int8)

x = torch.arange(1.0, 8.0)
print((x, x.shape))
x_reshaped = x.reshape(1, 7)
print((x_reshaped, x_reshaped.shape))
z = x.view(1, 7)
print((z, z.shape))
z[:, 0] = 5
print((z, x))
x_stacked = torch.stack([x, x, x, x], dim=0)
print(x_stacked)
print(torch.stack([x, x, x, x], dim=1))

print(f"Previous tensor: {x_reshaped}")
print(f"Previous shape: {x_reshaped.shape}")
x_squeezed = x_reshaped.squeeze()
print(f"\nNew tensor: {x_squeezed}")
print(f"New shape: {x_squeezed.shape}")
x_unsqueezed = x_squeezed.unsqueeze(dim=0)
print(f"\nNew tensor: {x_unsqueezed}")
print(f"New shape: {x_unsqueezed.shape}")

x_original = torch.rand(size=(22, 22, 3))
x_permuted = x_original.permute(2, 0, 1)
print(f"Previous shape: {x_original.shape}")
print(f"New shape: {x_permuted.shape}")
x_original[0, 0, 0] = 728218
print(x_original[0, 0, 0], x_permuted[0, 0, 0])

x = torch.arange(1, 10).reshape(1, 3, 3)
print((x, x.shape))
print(f"First square bracket:\n{x[0]}")
print(f"Second square bracket: {x[0][0]}")
print(f"Third square bracket: {x[0][0][0]}")
print(x[:, 0])
print(x[:, :, 1])
print(x[:, 1, 1])
print(x[0, 0, :])
print(x[0][2][2], x[:, :, 2])

array = np.arange(1.0, 8.0)
tensor = torch.from_numpy(array)
print((array, tensor))
array = array + 1
print((array, tensor))
tensor = torch.ones(7)
numpy_tensor = tensor.numpy()
print((tensor, numpy_tensor))
tensor = tensor + 1
print((tensor, numpy_tensor))

random_tensor_A = torch.rand(3, 4)
random_tensor_B = torch.rand(3, 4)
print(f"Tensor A:\n{random_tensor_A}\n")
print(f"Tensor B:\n{random_tensor_B}\n")
print("Does Tensor A equal Tensor B? (anywhere)")
print(random_tensor_A == random_tensor_B)

RANDOM_SEED = 42
torch.manual_seed(seed=RANDOM_SEED)
random_tensor_C = torch.rand(3, 4)
torch.random.manual_seed(seed=RANDOM_SEED)
random_tensor_D = torch.rand(3, 4)
print(f"Tensor C:\n{random_tensor_C}\n")
print(f"Tensor D:\n{random_tensor_D}\n")
print("Does Tensor C equal Tensor D? (anywhere)")
print(random_tensor_C == random_tensor_D)
random.seed(RANDOM_SEED)

print(torch.cuda.is_available())
device = "cuda" if torch.cuda.is_available() else "cpu"
print(device)
print(torch.cuda.device_count())
print(torch.backends.mps.is_available())
if torch.cuda.is_available():
    device = "cuda"
elif torch.backends.mps.is_available():
    device = "mps"
else:
    device = "cpu"
tensor = torch.tensor([1, 2, 3])
print(tensor, tensor.device)
tensor_on_gpu = tensor.to(device)
print(tensor_on_gpu)
tensor_back_on_cpu = tensor_on_gpu.cpu().numpy()
print(tensor_back_on_cpu)

# the notebook's exercises (extras/exercises/00_pytorch_fundamentals_exercises.ipynb)
torch.manual_seed(0)
t = torch.rand(7, 7)
t2 = torch.rand(1, 7)
print(torch.matmul(t, t2.T))
torch.manual_seed(1234)
a = torch.rand(2, 3)
b = torch.rand(2, 3)
out = torch.mm(a, b.T)
print(out, out.max(), out.min(), out.argmax(), out.argmin())
torch.manual_seed(7)
r = torch.rand(1, 1, 1, 10)
r_sq = r.squeeze()
print(r, r.shape)
print(r_sq, r_sq.shape)
