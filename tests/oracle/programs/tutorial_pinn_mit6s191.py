# Physics-informed neural networks as taught in Ben Moseley's harmonic-oscillator notebooks
# (github.com/benmoseley/harmonic-oscillator-pinn and the 2023 "PINN workshop" exercise): the exact
# solution with numpy scalars mixed into tensor expressions, an FCN of nested Sequentials with Tanh,
# plain data fitting, then the PINN loss with derivatives from torch.autograd.grad(...,
# torch.ones_like(u), create_graph=True) taken twice, the boundary terms with torch.squeeze, and the
# inverse problem learning mu as an nn.Parameter beside the network (iterations scaled down);
# MIT 6.S191 (2025, PyTorch) lab 1 part 1 (0-d / 1-d tensors and f-strings, torch.add / subtract /
# multiply, OurDenseLayer with nn.Parameter(torch.randn), Sequential with Sigmoid, a module with an
# isidentity switch, gradient descent on x rebuilt with torch.tensor([x], requires_grad=True)).
# https://github.com/benmoseley/harmonic-oscillator-pinn
# https://github.com/MITDeepLearning/introtodeeplearning/blob/master/lab1/PT_Part1_Intro.ipynb
import numpy as np


def oscillator(d, w0, x):
    """Defines the analytical solution to the 1D underdamped harmonic oscillator problem.
    Equations taken from: https://beltoforion.de/en/harmonic_oscillator/"""
    assert d < w0
    w = np.sqrt(w0**2 - d**2)
    phi = np.arctan(-d / w)
    A = 1 / (2 * np.cos(phi))
    cos = torch.cos(phi + w * x)
    sin = torch.sin(phi + w * x)  # noqa: F841
    exp = torch.exp(-d * x)
    y = exp * 2 * A * cos
    return y


class FCN(nn.Module):
    "Defines a connected network"

    def __init__(self, N_INPUT, N_OUTPUT, N_HIDDEN, N_LAYERS):
        super().__init__()
        activation = nn.Tanh
        self.fcs = nn.Sequential(*[nn.Linear(N_INPUT, N_HIDDEN), activation()])
        self.fch = nn.Sequential(
            *[
                nn.Sequential(*[nn.Linear(N_HIDDEN, N_HIDDEN), activation()])
                for _ in range(N_LAYERS - 1)
            ]
        )
        self.fce = nn.Linear(N_HIDDEN, N_OUTPUT)

    def forward(self, x):
        x = self.fcs(x)
        x = self.fch(x)
        x = self.fce(x)
        return x


d, w0 = 2, 20
# get the analytical solution over the full domain
x = torch.linspace(0, 1, 500).view(-1, 1)
y = oscillator(d, w0, x).view(-1, 1)
print(x.shape, y.shape)
check("y_exact", y[::50, 0])
# slice out a small number of points from the LHS of the domain
x_data = x[0:200:20]
y_data = y[0:200:20]
print(x_data.shape, y_data.shape)

# train standard neural network to fit training data
torch.manual_seed(123)
model = FCN(1, 1, 16, 3)
print(model)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
for i in range(60):
    optimizer.zero_grad()
    yh = model(x_data)
    loss = torch.mean((yh - y_data) ** 2)  # use mean squared error
    loss.backward()
    optimizer.step()
    if (i + 1) % 20 == 0:
        print(f"step {i + 1}: loss {loss.item():.6f}")
check("nn_loss", loss)
check("nn_pred", model(x[::100]))

x_physics = (
    torch.linspace(0, 1, 30).view(-1, 1).requires_grad_(True)
)  # sample locations over the problem domain
mu, k = 2 * d, w0**2
torch.manual_seed(123)
model = FCN(1, 1, 16, 3)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
for i in range(40):
    optimizer.zero_grad()
    # compute the "data loss"
    yh = model(x_data)
    loss1 = torch.mean((yh - y_data) ** 2)  # use mean squared error
    # compute the "physics loss"
    yhp = model(x_physics)
    dx = torch.autograd.grad(yhp, x_physics, torch.ones_like(yhp), create_graph=True)[
        0
    ]  # computes dy/dx
    dx2 = torch.autograd.grad(dx, x_physics, torch.ones_like(dx), create_graph=True)[
        0
    ]  # computes d^2y/dx^2
    physics = (
        dx2 + mu * dx + k * yhp
    )  # computes the residual of the 1D harmonic oscillator differential equation
    loss2 = (1e-4) * torch.mean(physics**2)
    # backpropagate joint loss
    loss = loss1 + loss2  # add two loss terms together
    loss.backward()
    optimizer.step()
    if i == 0:
        check("dx", dx[:5])
        check("dx2", dx2[:5])
        check("dx2_requires_grad", [dx.requires_grad, dx2.requires_grad])
        check("pinn_grad_fc", model.fcs[0].weight.grad[:4])
    if (i + 1) % 20 == 0:
        print(f"step {i + 1}: loss1 {loss1.item():.5f} loss2 {loss2.item():.5f}")
check("pinn_loss", loss)


# ---------------- the workshop exercise: forward and inverse problems ----------------
def exact_solution(d, w0, t):
    "Defines the analytical solution to the under-damped harmonic oscillator problem above."
    assert d < w0
    w = np.sqrt(w0**2 - d**2)
    phi = np.arctan(-d / w)
    A = 1 / (2 * np.cos(phi))
    cos = torch.cos(phi + w * t)
    exp = torch.exp(-d * t)
    u = exp * 2 * A * cos
    return u


torch.manual_seed(123)
# define a neural network to train
pinn = FCN(1, 1, 16, 3)
# define boundary points, for the boundary loss
t_boundary = torch.tensor(0.0).view(-1, 1).requires_grad_(True)  # (1, 1)
# define training points over the entire domain, for the physics loss
t_physics = torch.linspace(0, 1, 30).view(-1, 1).requires_grad_(True)  # (30, 1)
# train the PINN
d, w0 = 2, 20
mu, k = 2 * d, w0**2
t_test = torch.linspace(0, 1, 300).view(-1, 1)
u_exact = exact_solution(d, w0, t_test)
optimiser = torch.optim.Adam(pinn.parameters(), lr=1e-3)
for i in range(31):
    optimiser.zero_grad()
    # compute each term of the PINN loss function above
    # using the following hyperparameters:
    lambda1, lambda2 = 1e-1, 1e-4
    # compute boundary loss
    u = pinn(t_boundary)  # (1, 1)
    loss1 = (torch.squeeze(u) - 1) ** 2
    dudt = torch.autograd.grad(u, t_boundary, torch.ones_like(u), create_graph=True)[0]  # (1, 1)
    loss2 = (torch.squeeze(dudt) - 0) ** 2
    # compute physics loss
    u = pinn(t_physics)  # (30, 1)
    dudt = torch.autograd.grad(u, t_physics, torch.ones_like(u), create_graph=True)[0]  # (30, 1)
    d2udt2 = torch.autograd.grad(dudt, t_physics, torch.ones_like(dudt), create_graph=True)[
        0
    ]  # (30, 1)
    loss3 = torch.mean((d2udt2 + mu * dudt + k * u) ** 2)
    # backpropagate joint loss, take optimiser step
    loss = loss1 + lambda1 * loss2 + lambda2 * loss3
    loss.backward()
    optimiser.step()
    # plot the result as training progresses
    if i % 15 == 0:
        # (the notebook prints the three floats in full; float32 tanh differs from PyTorch's
        # SLEEF tanhf in the last bit on ~2% of inputs, which shows in the 7th digit here)
        print(f"{loss1.item():.5g} {loss2.item():.5g} {loss3.item():.5g}")
        u = pinn(t_test).detach()
        check(f"u_{i}", u[::60, 0])
    if i == 0:
        check("boundary_graph", graph(loss2))

# inverse problem: learn mu from noisy observations
torch.manual_seed(123)
t_obs = torch.rand(40).view(-1, 1)
u_obs = exact_solution(d, w0, t_obs) + 0.04 * torch.randn_like(t_obs)
print(t_obs.shape, u_obs.shape)
torch.manual_seed(123)
pinn = FCN(1, 1, 16, 3)
t_physics = torch.linspace(0, 1, 30).view(-1, 1).requires_grad_(True)
d, w0 = 2, 20
_, k = 2 * d, w0**2
# treat mu as a learnable parameter
mu = torch.nn.Parameter(torch.zeros(1, requires_grad=True))
mus = []
# add mu to the optimiser
optimiser = torch.optim.Adam(list(pinn.parameters()) + [mu], lr=1e-3)
for i in range(31):
    optimiser.zero_grad()
    # compute each term of the PINN loss function above
    # using the following hyperparameters:
    lambda1 = 1e4
    # compute physics loss
    u = pinn(t_physics)
    dudt = torch.autograd.grad(u, t_physics, torch.ones_like(u), create_graph=True)[0]
    d2udt2 = torch.autograd.grad(dudt, t_physics, torch.ones_like(dudt), create_graph=True)[0]
    loss1 = torch.mean((d2udt2 + mu * dudt + k * u) ** 2)
    # compute data loss
    u = pinn(t_obs)
    loss2 = torch.mean((u - u_obs) ** 2)
    # backpropagate joint loss, take optimiser step
    loss = loss1 + lambda1 * loss2
    loss.backward()
    optimiser.step()
    # record mu value
    mus.append(mu.item())
check("mus", mus[::10])
check("mu_grad", mu.grad)
print(mu)

# ---------------- MIT 6.S191 lab 1, part 1 ----------------
integer = torch.tensor(1234)
decimal = torch.tensor(3.14159265359)
print(f"`integer` is a {integer.ndim}-d Tensor: {integer}")
print(f"`decimal` is a {decimal.ndim}-d Tensor: {decimal}")
fibonacci = torch.tensor([1, 1, 2, 3, 5, 8])
count_to_100 = torch.tensor(range(100))
print(f"`fibonacci` is a {fibonacci.ndim}-d Tensor with shape: {fibonacci.shape}")
print(f"`count_to_100` is a {count_to_100.ndim}-d Tensor with shape: {count_to_100.shape}")
matrix = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
assert isinstance(matrix, torch.Tensor), "matrix must be a torch Tensor object"
assert matrix.ndim == 2
images = torch.zeros(10, 3, 256, 256)
assert isinstance(images, torch.Tensor), "images must be a torch Tensor object"
assert images.ndim == 4, "images must have 4 dimensions"
assert images.shape == (10, 3, 256, 256), "images is incorrect shape"
print(f"images is a {images.ndim}-d Tensor with shape: {images.shape}")
row_vector = matrix[1]
column_vector = matrix[:, 1]
scalar = matrix[0, 1]
print(f"`row_vector`: {row_vector}")
print(f"`column_vector`: {column_vector}")
print(f"`scalar`: {scalar}")
# Create the nodes in the graph and initialize values
a = torch.tensor(15)
b = torch.tensor(61)
# Add them!
c1 = torch.add(a, b)
c2 = a + b  # PyTorch overrides the "+" operation so that it is able to act on Tensors
print(f"c1: {c1}")
print(f"c2: {c2}")


# Construct a simple computation function
def func(a, b):
    c = torch.add(a, b)
    d = torch.subtract(b, 1)
    e = torch.multiply(c, d)
    return e


# Consider example values for a,b
a, b = 1.5, 2.5
# Execute the computation
e_out = func(a, b)
print(f"e_out: {e_out}")
check("e_out", e_out)
check(
    "numbers_ops",
    [
        torch.add(2, 3),
        torch.mul(True, 2),
        torch.div(2, 3),
        torch.sub(1.5, 2),
        torch.add(True, False),
    ],
)
raises("numbers_str", lambda: torch.add("a", 1), key="must be Tensor")


class OurDenseLayer(torch.nn.Module):
    def __init__(self, num_inputs, num_outputs):
        super().__init__()
        # Define and initialize parameters: a weight matrix W and bias b
        # Note that the parameter initialize is random!
        self.W = torch.nn.Parameter(torch.randn(num_inputs, num_outputs))
        self.bias = torch.nn.Parameter(torch.randn(num_outputs))

    def forward(self, x):
        # Define the operation for z (hint: use torch.matmul).
        z = torch.matmul(x, self.W) + self.bias
        # Define the operation for out (hint: use torch.sigmoid).
        y = torch.sigmoid(z)
        return y


# Define a layer and test the output!
torch.manual_seed(0)
num_inputs = 2
num_outputs = 3
layer = OurDenseLayer(num_inputs, num_outputs)
x_input = torch.tensor([[1, 2.0]])
y = layer(x_input)
print(f"input shape: {x_input.shape}")
print(f"output shape: {y.shape}")
print(f"output result: {y}")
# define the number of inputs and outputs
n_input_nodes = 2
n_output_nodes = 3
# Define the model
model = nn.Sequential(nn.Linear(n_input_nodes, n_output_nodes), nn.Sigmoid())
# Test the model with example input
x_input = torch.tensor([[1, 2.0]])
model_output = model(x_input)
print(f"input shape: {x_input.shape}")
print(f"output shape: {y.shape}")
print(f"output result: {y}")
print(model_output)


class LinearWithSigmoidActivation(nn.Module):
    def __init__(self, num_inputs, num_outputs):
        super().__init__()
        self.linear = nn.Linear(num_inputs, num_outputs)
        self.activation = nn.Sigmoid()

    def forward(self, inputs):
        linear_output = self.linear(inputs)
        output = self.activation(linear_output)
        return output


n_input_nodes = 2
n_output_nodes = 3
model = LinearWithSigmoidActivation(n_input_nodes, n_output_nodes)
x_input = torch.tensor([[1, 2.0]])
y = model(x_input)
print(f"input shape: {x_input.shape}")
print(f"output shape: {y.shape}")
print(f"output result: {y}")


class LinearButSometimesIdentity(nn.Module):
    def __init__(self, num_inputs, num_outputs):
        super().__init__()
        self.linear = nn.Linear(num_inputs, num_outputs)

    # Implement the behavior where the network outputs the input, unchanged, under control of the isidentity argument.
    def forward(self, inputs, isidentity=False):
        if isidentity:
            return inputs
        else:
            return self.linear(inputs)


model = LinearButSometimesIdentity(num_inputs=2, num_outputs=3)
x_input = torch.tensor([[1, 2.0]])
out_with_linear = model(x_input)
out_with_identity = model(x_input, isidentity=True)
print(f"input: {x_input}")
print(
    "Network linear output: {}; network identity output: {}".format(
        out_with_linear, out_with_identity
    )
)

# Initialize a random value for our intial x
x = torch.randn(1)
print(f"Initializing x={x.item()}")
learning_rate = 1e-2  # Learning rate
history = []
x_f = 4  # Target value
# We will run gradient descent for a number of iterations. At each iteration, we compute the loss,
#   compute the derivative of the loss with respect to x, and perform the update.
for i in range(500):
    x = torch.tensor([x], requires_grad=True)
    # Compute the loss as the square of the difference between x and x_f
    loss = (x - x_f) ** 2
    # Backpropagate through the loss to compute gradients
    loss.backward()
    # Update x with gradient descent
    x = x.item() - learning_rate * x.grad
    history.append(x.item())
check("history", history[::50])
print(x, x.shape, history[-1])
