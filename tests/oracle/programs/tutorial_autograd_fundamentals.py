# PyTorch "Introduction to PyTorch" (YouTube series), "The Fundamentals of Autograd"
# (https://pytorch.org/tutorials/beginner/introyt/autogradyt_tutorial.html): sin over a
# linspace and the walk down grad_fn.next_functions, TinyModel with a manual look at
# layer2.weight and its grad before/after optimizer.step(), accumulation over 5 backward
# calls and zero_grad(set_to_none=False), requires_grad toggling, no_grad as a context and
# a decorator, detach, the out= error, y.data.norm() in a loop with backward(v), and the
# "Autograd as a high-level API" part: torch.autograd.functional.jacobian / vjp; plus the
# examples of the torch.autograd.functional docs (jacobian with create_graph and
# vectorize, vjp, jvp, hessian, vhp, hvp: https://pytorch.org/docs/stable/autograd.html#functional-higher-level-api)
# and their errors. torch.rand/randn are fixed formulas; the profiler part is left out.
import math

a = torch.linspace(0.0, 2.0 * math.pi, steps=25, requires_grad=True)
print(a)
b = torch.sin(a)
print(b)
c = 2 * b
print(c)
d = c + 1
print(d)
out = d.sum()
print(out)
print("d:")
print(d.grad_fn)
print(d.grad_fn.next_functions)
print(d.grad_fn.next_functions[0][0].next_functions)
print(d.grad_fn.next_functions[0][0].next_functions[0][0].next_functions)
print(d.grad_fn.next_functions[0][0].next_functions[0][0].next_functions[0][0].next_functions)
print("\nc:")
print(c.grad_fn)
print("\nb:")
print(b.grad_fn)
print("\na:")
print(a.grad_fn)
out.backward()
check("sin_grad", a.grad)
check("sin_graph", graph(out))

BATCH_SIZE = 16
DIM_IN = 100
HIDDEN_SIZE = 20
DIM_OUT = 10


class TinyModel(torch.nn.Module):
    def __init__(self):
        super(TinyModel, self).__init__()  # noqa: UP008  (as the tutorial)
        self.layer1 = torch.nn.Linear(DIM_IN, HIDDEN_SIZE)
        self.relu = torch.nn.ReLU()
        self.layer2 = torch.nn.Linear(HIDDEN_SIZE, DIM_OUT)

    def forward(self, x):
        x = self.layer1(x)
        x = self.relu(x)
        x = self.layer2(x)
        return x


some_input = (
    torch.sin(torch.arange(BATCH_SIZE * DIM_IN, dtype=torch.float64))
    .float()
    .view(BATCH_SIZE, DIM_IN)
)
ideal_output = (
    torch.cos(torch.arange(BATCH_SIZE * DIM_OUT, dtype=torch.float64))
    .float()
    .view(BATCH_SIZE, DIM_OUT)
)
model = TinyModel()
with torch.no_grad():
    for k, p in enumerate(model.parameters()):
        p.copy_(
            torch.sin(torch.arange(p.numel(), dtype=torch.float64) * 0.3 + k).float().view(p.shape)
            * 0.1
        )
print(model.layer2.weight[0][0:10])
print(model.layer2.weight.grad)
optimizer = torch.optim.SGD(model.parameters(), lr=0.001)
prediction = model(some_input)
loss = (ideal_output - prediction).pow(2).sum()
print(loss)
loss.backward()
print(model.layer2.weight[0][0:10])
print(model.layer2.weight.grad[0][0:10])
optimizer.step()
print(model.layer2.weight[0][0:10])
print(model.layer2.weight.grad[0][0:10])
for i in range(0, 5):
    prediction = model(some_input)
    loss = (ideal_output - prediction).pow(2).sum()
    loss.backward()
print(model.layer2.weight.grad[0][0:10])
optimizer.zero_grad(set_to_none=False)
print(model.layer2.weight.grad[0][0:10])

a = torch.ones(2, 3, requires_grad=True)
print(a)
b1 = 2 * a
print(b1)
a.requires_grad = False
b2 = 2 * a
print(b2)
a = torch.ones(2, 3, requires_grad=True) * 2
b = torch.ones(2, 3, requires_grad=True) * 3
c1 = a + b
print(c1)
with torch.no_grad():
    c2 = a + b
print(c2)
c3 = a * b
print(c3)


def add_tensors1(x, y):
    return x + y


@torch.no_grad()
def add_tensors2(x, y):
    return x + y


a = torch.ones(2, 3, requires_grad=True) * 2
b = torch.ones(2, 3, requires_grad=True) * 3
c1 = add_tensors1(a, b)
print(c1)
c2 = add_tensors2(a, b)
print(c2)
x = torch.linspace(0.1, 0.9, 5, requires_grad=True)
y = x.detach()
print(x)
print(y)
a = torch.linspace(0.0, 2.0 * math.pi, steps=25, requires_grad=True)
raises("sin_out_requires_grad", lambda: torch.sin(a, out=a))

x = torch.tensor([0.3, -1.2, 0.8], requires_grad=True)
y = x * 2
while y.data.norm() < 1000:
    y = y * 2
print(y)
v = torch.tensor([0.1, 1.0, 0.0001], dtype=torch.float)
y.backward(v)
print(x.grad)

AF = torch.autograd.functional


def exp_adder(x, y):
    return 2 * x.exp() + 3 * y


inputs = (torch.tensor([0.3]), torch.tensor([0.7]))
print(inputs)
print(AF.jacobian(exp_adder, inputs))
inputs = (torch.tensor([0.1, 0.2, 0.3]), torch.tensor([0.5, 0.6, 0.7]))
print(inputs)
print(AF.jacobian(exp_adder, inputs))


def do_some_doubling(x):
    y = x * 2
    while y.data.norm() < 1000:
        y = y * 2
    return y


inputs = torch.tensor([0.3, -1.2, 0.8])
my_gradients = torch.tensor([0.1, 1.0, 0.0001])
print(AF.vjp(do_some_doubling, inputs, v=my_gradients))


# --- the torch.autograd.functional docs' examples
def exp_reducer(x):
    return x.exp().sum(dim=1)


x = torch.arange(8.0).view(4, 2) / 10
print(AF.jacobian(exp_reducer, x))
print(AF.jacobian(exp_reducer, x, create_graph=True))
print(AF.jacobian(exp_reducer, x, vectorize=True))
print(AF.vjp(exp_reducer, x, torch.ones(4)))
print(AF.vjp(exp_reducer, x, torch.ones(4), create_graph=True))
print(AF.jvp(exp_reducer, x, torch.ones(4, 2)))
print(AF.jvp(exp_reducer, x, torch.ones(4, 2), create_graph=True))


def pow_reducer(x):
    return x.pow(3).sum()


print(AF.hessian(pow_reducer, torch.tensor([[0.5, 1.0], [2.0, -1.0]])))


def pow_adder_reducer(x, y):
    return (2 * x.pow(2) + 3 * y.pow(2)).sum()


xy = (torch.tensor([0.5, 1.0]), torch.tensor([2.0, -1.0]))
print(AF.hessian(pow_adder_reducer, xy))
print(AF.vhp(pow_reducer, torch.tensor([0.5, 1.0]), torch.ones(2)))
print(AF.hvp(pow_reducer, torch.tensor([0.5, 1.0]), torch.ones(2)))
print(AF.vhp(pow_adder_reducer, xy, (torch.ones(2), torch.ones(2))))
print(AF.hvp(pow_adder_reducer, xy, (torch.ones(2), torch.ones(2))))


def adder(x, y):
    return 2 * x + 3 * y


print(AF.vjp(adder, xy, torch.ones(2)))
print(AF.jvp(adder, xy, (torch.ones(2), torch.ones(2))))


def linear_model(x):
    return x @ torch.tensor([[1.0, 2.0], [3.0, 4.0]]) + 1


print(AF.jacobian(linear_model, torch.tensor([1.0, 2.0])))
print(AF.jacobian(lambda x: (x * 2, x.sum()), torch.tensor([1.0, 2.0])))
print(
    AF.jacobian(lambda x, y: (x * y, x.sum()), (torch.tensor([1.0, 2.0]), torch.tensor([3.0, 4.0])))
)
print(AF.jacobian(lambda x, y: x * 2, (torch.tensor([1.0, 2.0]), torch.tensor([3.0, 4.0]))))
xr = torch.tensor([1.0, 2.0], requires_grad=True)
j = AF.jacobian(lambda x: x**2, xr, create_graph=True)
print(j)
j.sum().backward()
print(xr.grad)
check("jacobian_graph", graph(j))
hd = AF.hessian(
    lambda x: (x.sin() * x.exp()).sum(), torch.tensor([0.1, 0.5, -0.3], dtype=torch.float64)
)
check("hessian_double", hd)

o = torch.ones(2)
raises("af_out_int", lambda: AF.jacobian(lambda x: 3, o))
raises("af_inputs_list", lambda: AF.jacobian(lambda x: x, [o]))
raises("af_inputs_tuple_int", lambda: AF.jacobian(lambda x: x, (o, 3)))
raises("af_vjp_v_none", lambda: AF.vjp(lambda x: x * 2, o))
raises("af_vjp_v_size", lambda: AF.vjp(lambda x: x * 2, o, torch.ones(3)))
raises("af_vjp_v_tuple_len", lambda: AF.vjp(lambda x, y: x * 2, (o, o), (o, o)))
raises("af_strict_unused", lambda: AF.jacobian(lambda x, y: x * 2, (o, o), strict=True))
raises("af_strict_constant", lambda: AF.jacobian(lambda x: torch.ones(2), o, strict=True))
raises("af_hessian_not_scalar", lambda: AF.hessian(lambda x: x * 2, o))
raises("af_hessian_tuple", lambda: AF.hessian(lambda x: (x.sum(), x.sum()), o))
raises("af_strategy", lambda: AF.jacobian(lambda x: x, o, strategy="x"))
raises("af_jvp_v_none", lambda: AF.jvp(lambda x: x * 2, o))
raises("af_hessian_strict_linear", lambda: AF.hessian(lambda x: (x * 2).sum(), o, strict=True))
raises("af_strict_vectorize", lambda: AF.jacobian(lambda x: x, o, strict=True, vectorize=True))
raises("af_hvp_v_size", lambda: AF.hvp(lambda x: x.sum(), o, torch.ones(3)))
raises("af_vhp_tuple_out", lambda: AF.vhp(lambda x: (x.sum(),), o, o))
raises("af_vjp_unused_zeros", lambda: AF.vjp(lambda x, y: x * 2, (o, o), o))
raises("af_jvp_strict_unused", lambda: AF.jvp(lambda x, y: x * 2, (o, o), (o, o), strict=True))
