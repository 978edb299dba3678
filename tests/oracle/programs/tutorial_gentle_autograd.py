# "A Gentle Introduction to torch.autograd"
# (https://pytorch.org/tutorials/beginner/blitz/autograd_tutorial.html): Q = 3a^3 - b^2 with
# an external gradient, the DAG's requires_grad rules, and freezing a model's parameters
# before replacing its classifier (a small Sequential stands in for torchvision's resnet18,
# whose weights would be downloaded).
nn = torch.nn
optim = torch.optim

a = torch.tensor([2.0, 3.0], requires_grad=True)
b = torch.tensor([6.0, 4.0], requires_grad=True)
Q = 3 * a**3 - b**2
external_grad = torch.tensor([1.0, 1.0])
Q.backward(gradient=external_grad)
print(9 * a**2 == a.grad)
print(-2 * b == b.grad)
check("Q", Q)
check("Q_graph", graph(Q))
raises("Q_backward_no_gradient", lambda: (3 * a**3 - b**2).backward())

x = torch.arange(25.0).reshape(5, 5)
y = torch.ones(5, 5)
z = torch.zeros((5, 5), requires_grad=True)
a2 = x + y
print(f"Does `a` require gradients?: {a2.requires_grad}")
b2 = x + z
print(f"Does `b` require gradients?: {b2.requires_grad}")


class TinyNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(8, 6), nn.ReLU())
        self.fc = nn.Linear(6, 5)

    def forward(self, x):
        return self.fc(self.body(x))


model = TinyNet()
for param in model.parameters():
    param.requires_grad = False
model.fc = nn.Linear(6, 3)
check("trainable", [n for n, p in model.named_parameters() if p.requires_grad])
check("frozen", [n for n, p in model.named_parameters() if not p.requires_grad])
optimizer = optim.SGD(model.parameters(), lr=1e-2, momentum=0.9)
data = torch.linspace(-1, 1, 16).reshape(2, 8)
with torch.no_grad():
    for k, p in enumerate(model.parameters()):
        p.copy_(torch.linspace(-0.5, 0.5, p.numel()).reshape(p.shape) * (k + 1) / 4)
prediction = model(data)
labels = torch.tensor([[0.5, -0.5, 1.0], [1.0, 0.0, -1.0]])
loss = (prediction - labels).sum()
loss.backward()
check("frozen_grad_none", model.body[0].weight.grad is None)
check("fc_grad", model.fc.weight.grad)
optimizer.step()
check("fc_after_step", model.fc.weight)
check("frozen_unchanged", model.body[0].weight)
