# "Deep Learning with PyTorch: A 60 Minute Blitz" - "Neural Networks"
# (https://pytorch.org/tutorials/beginner/blitz/neural_networks_tutorial.html) and the
# network of "Training a Classifier" (cifar10_tutorial): the LeNet-like Net with conv1/conv2,
# max_pool2d, flatten, fc1-3; params, backward with an external gradient, MSELoss,
# walking loss.grad_fn.next_functions, zero_grad, the manual update with f.data.sub_,
# and optim.SGD. Random inputs/targets and the initial weights are fixed formulas.
nn = torch.nn
F = torch.nn.functional
optim = torch.optim


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, input):
        c1 = F.relu(self.conv1(input))
        s2 = F.max_pool2d(c1, (2, 2))
        c3 = F.relu(self.conv2(s2))
        s4 = F.max_pool2d(c3, 2)
        s4 = torch.flatten(s4, 1)
        f5 = F.relu(self.fc1(s4))
        f6 = F.relu(self.fc2(f5))
        output = self.fc3(f6)
        return output


def formula(shape, k, scale):
    n = 1
    for s in shape:
        n *= s
    return (
        (torch.cos(torch.arange(n, dtype=torch.float64) * (0.3 + 0.17 * k)) * scale)
        .float()
        .reshape(shape)
    )


net = Net()
with torch.no_grad():
    for k, p in enumerate(net.parameters()):
        p.copy_(formula(tuple(p.shape), k, 0.1))
print(net)

params = list(net.parameters())
print(len(params))
print(params[0].size())

input = formula((1, 1, 32, 32), 20, 1.0)
out = net(input)
check("out", out)
net.zero_grad()
out.backward(formula((1, 10), 21, 1.0))
check("conv1_weight_grad_sum", net.conv1.weight.grad.sum())

output = net(input)
target = formula((10,), 22, 1.0)
target = target.view(1, -1)
criterion = nn.MSELoss()
loss = criterion(output, target)
print(f"{loss.item():.4f}")
check("loss", loss)

print(loss.grad_fn)  # MSELoss
print(loss.grad_fn.next_functions[0][0])  # Linear
print(loss.grad_fn.next_functions[0][0].next_functions[0][0])  # ReLU
check("graph", graph(loss))

net.zero_grad()
print("conv1.bias.grad before backward")
print(net.conv1.bias.grad)
loss.backward()
print("conv1.bias.grad after backward")
check("conv1_bias_grad", net.conv1.bias.grad)

learning_rate = 0.01
for f in net.parameters():
    f.data.sub_(f.grad.data * learning_rate)
check("fc3_after_manual", net.fc3.bias)

optimizer = optim.SGD(net.parameters(), lr=0.01)
for step in range(3):
    optimizer.zero_grad()
    output = net(input)
    loss = criterion(output, target)
    loss.backward()
    optimizer.step()
    check(f"sgd_loss_{step}", loss)


# "Training a Classifier": the CIFAR-10 network (3 channels), CrossEntropyLoss,
# SGD with momentum, accuracy with torch.max(outputs, 1)
class CifarNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 6, 5)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = self.fc3(x)
        return x


cnet = CifarNet()
with torch.no_grad():
    for k, p in enumerate(cnet.parameters()):
        p.copy_(formula(tuple(p.shape), k + 7, 0.08))
criterion = nn.CrossEntropyLoss()
optimizer = optim.SGD(cnet.parameters(), lr=0.001, momentum=0.9)
images = formula((4, 3, 32, 32), 30, 1.0)
labels = torch.tensor([3, 8, 8, 0])
running_loss = 0.0
for i in range(4):
    optimizer.zero_grad()
    outputs = cnet(images)
    loss = criterion(outputs, labels)
    loss.backward()
    optimizer.step()
    running_loss += loss.item()
check("cifar_running_loss", running_loss / 4)
with torch.no_grad():
    outputs = cnet(images)
    _, predicted = torch.max(outputs, 1)
    check("cifar_predicted", predicted)
    correct = (predicted == labels).sum().item()
    print(f"Accuracy of the network on the 4 test images: {100 * correct // 4} %")
