# Stanford CS231n, assignment 2 "PyTorch.ipynb" (https://cs231n.github.io/assignments2024/assignment2/,
# the notebook's three levels of abstraction): Part II barebones PyTorch (flatten,
# two_layer_fc and three_layer_convnet with F.conv2d, random_weight's Kaiming
# normalisation, zero_weight, check_accuracy_part2 with scores.max(1), train_part2 with manual
# updates under no_grad), Part III nn.Module (TwoLayerFC / ThreeLayerConvNet with
# nn.init.kaiming_normal_ and zeros_, check_accuracy_part34, train_part34 with
# x.to(device=device, dtype=dtype)), Part IV nn.Sequential with a Flatten module and SGD with
# Nesterov momentum. CIFAR-10 is replaced by 48 generated 3x8x8 images; torch.randn weights
# are fixed formulas where values are compared.
import math

F = torch.nn.functional
USE_GPU = True
dtype = torch.float32
if USE_GPU and torch.cuda.is_available():
    device = torch.device("cuda")
else:
    device = torch.device("cpu")
print_every = 4
print("using device:", device)


def flatten(x):
    N = x.shape[0]
    return x.view(N, -1)


def test_flatten():
    x = torch.arange(12).view(2, 1, 3, 2)
    print("Before flattening: ", x)
    print("After flattening: ", flatten(x))


test_flatten()


def two_layer_fc(x, params):
    x = flatten(x)
    w1, w2 = params
    x = F.relu(x.mm(w1))
    x = x.mm(w2)
    return x


def two_layer_fc_test():
    hidden_layer_size = 42
    x = torch.zeros((64, 50), dtype=dtype)
    w1 = torch.zeros((50, hidden_layer_size), dtype=dtype)
    w2 = torch.zeros((hidden_layer_size, 10), dtype=dtype)
    scores = two_layer_fc(x, [w1, w2])
    print(scores.size())


two_layer_fc_test()


def three_layer_convnet(x, params):
    conv_w1, conv_b1, conv_w2, conv_b2, fc_w, fc_b = params
    x = F.relu(F.conv2d(x, conv_w1, conv_b1, padding=2))
    x = F.relu(F.conv2d(x, conv_w2, conv_b2, padding=1))
    x = flatten(x)
    scores = x.mm(fc_w) + fc_b
    return scores


def three_layer_convnet_test():
    x = torch.zeros((64, 3, 32, 32), dtype=dtype)
    conv_w1 = torch.zeros((6, 3, 5, 5), dtype=dtype)
    conv_b1 = torch.zeros((6,))
    conv_w2 = torch.zeros((9, 6, 3, 3), dtype=dtype)
    conv_b2 = torch.zeros((9,))
    fc_w = torch.zeros((9 * 32 * 32, 10))
    fc_b = torch.zeros(10)
    scores = three_layer_convnet(x, [conv_w1, conv_b1, conv_w2, conv_b2, fc_w, fc_b])
    print(scores.size())


three_layer_convnet_test()

_k = [0]


def randn(*shape, device=None, dtype=None):
    """Stand-in for torch.randn: a fixed formula, different for every call."""
    _k[0] += 1
    n = math.prod(shape)
    v = torch.sin(torch.arange(n, dtype=torch.float64) * 1.37 + _k[0]).view(*shape)
    return v.to(device=device, dtype=dtype)


def random_weight(shape):
    if len(shape) == 2:
        fan_in = shape[0]
    else:
        fan_in = math.prod(shape[1:])
    w = randn(*shape, device=device, dtype=dtype) * math.sqrt(2.0 / fan_in)
    w.requires_grad = True
    return w


def zero_weight(shape):
    return torch.zeros(shape, device=device, dtype=dtype, requires_grad=True)


print(random_weight((3, 5)))

yy = torch.arange(48) % 10
xx = torch.cos(
    torch.linspace(0, 5, 3 * 8 * 8, dtype=torch.float64).view(1, 3, 8, 8)
    * (yy.view(-1, 1, 1, 1) + 1)
).float()
loader_train = torch.utils.data.DataLoader(
    torch.utils.data.TensorDataset(xx[:32], yy[:32]), batch_size=8
)
loader_val = torch.utils.data.DataLoader(
    torch.utils.data.TensorDataset(xx[32:], yy[32:]), batch_size=8
)


def check_accuracy_part2(loader, model_fn, params):
    split = "val" if loader is loader_val else "train"
    print("Checking accuracy on the %s set" % split)
    num_correct, num_samples = 0, 0
    with torch.no_grad():
        for x, y in loader:
            x = x.to(device=device, dtype=dtype)
            y = y.to(device=device, dtype=torch.int64)
            scores = model_fn(x, params)
            _, preds = scores.max(1)
            num_correct += (preds == y).sum()
            num_samples += preds.size(0)
        acc = float(num_correct) / num_samples
        print("Got %d / %d correct (%.2f%%)" % (num_correct, num_samples, 100 * acc))
    return acc


def train_part2(model_fn, params, learning_rate):
    for t, (x, y) in enumerate(loader_train):
        x = x.to(device=device, dtype=dtype)
        y = y.to(device=device, dtype=torch.long)
        scores = model_fn(x, params)
        loss = F.cross_entropy(scores, y)
        loss.backward()
        with torch.no_grad():
            for w in params:
                w -= learning_rate * w.grad
                w.grad.zero_()
        if t % print_every == 0:
            print("Iteration %d, loss = %.4f" % (t, loss.item()))
            check_accuracy_part2(loader_val, model_fn, params)
            print()
    return loss


hidden_layer_size = 40
w1 = random_weight((3 * 8 * 8, hidden_layer_size))
w2 = random_weight((hidden_layer_size, 10))
check("part2_fc_loss", train_part2(two_layer_fc, [w1, w2], 1e-2))
check("part2_fc_w2", w2[:3])
conv_w1 = random_weight((6, 3, 5, 5))
conv_b1 = zero_weight((6,))
conv_w2 = random_weight((4, 6, 3, 3))
conv_b2 = zero_weight((4,))
fc_w = random_weight((4 * 8 * 8, 10))
fc_b = zero_weight((10,))
params = [conv_w1, conv_b1, conv_w2, conv_b2, fc_w, fc_b]
check("part2_conv_loss", train_part2(three_layer_convnet, params, 3e-3))
check("part2_conv_grads_zeroed", [float(p.grad.abs().sum()) for p in params])


class TwoLayerFC(nn.Module):
    def __init__(self, input_size, hidden_size, num_classes):
        super().__init__()
        self.fc1 = nn.Linear(input_size, hidden_size)
        nn.init.kaiming_normal_(self.fc1.weight)
        self.fc2 = nn.Linear(hidden_size, num_classes)
        nn.init.kaiming_normal_(self.fc2.weight)

    def forward(self, x):
        x = flatten(x)
        scores = self.fc2(F.relu(self.fc1(x)))
        return scores


class ThreeLayerConvNet(nn.Module):
    def __init__(self, in_channel, channel_1, channel_2, num_classes):
        super().__init__()
        self.conv1 = nn.Conv2d(in_channel, channel_1, 5, padding=2)
        nn.init.kaiming_normal_(self.conv1.weight)
        nn.init.zeros_(self.conv1.bias)
        self.conv2 = nn.Conv2d(channel_1, channel_2, 3, padding=1)
        nn.init.kaiming_normal_(self.conv2.weight)
        nn.init.zeros_(self.conv2.bias)
        self.fc = nn.Linear(channel_2 * 8 * 8, num_classes)
        nn.init.kaiming_normal_(self.fc.weight)
        nn.init.zeros_(self.fc.bias)

    def forward(self, x):
        x = F.relu(self.conv1(x))
        x = F.relu(self.conv2(x))
        return self.fc(flatten(x))


def test_TwoLayerFC():
    input_size = 50
    x = torch.zeros((64, input_size), dtype=dtype)
    model = TwoLayerFC(input_size, 42, 10)
    scores = model(x)
    print(scores.size())


test_TwoLayerFC()


def fix_(model):
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(randn(*p.shape) * (0.1 if p.dim() == 1 else math.sqrt(2.0 / p[0].numel())))


def check_accuracy_part34(loader, model):
    if loader is loader_train:
        print("Checking accuracy on train set")
    else:
        print("Checking accuracy on validation set")
    num_correct = 0
    num_samples = 0
    model.eval()
    with torch.no_grad():
        for x, y in loader:
            x = x.to(device=device, dtype=dtype)
            y = y.to(device=device, dtype=torch.long)
            scores = model(x)
            _, preds = scores.max(1)
            num_correct += (preds == y).sum()
            num_samples += preds.size(0)
        acc = float(num_correct) / num_samples
        print("Got %d / %d correct (%.2f)" % (num_correct, num_samples, 100 * acc))
    return acc


def train_part34(model, optimizer, epochs=1):
    model = model.to(device=device)
    for e in range(epochs):
        for t, (x, y) in enumerate(loader_train):
            model.train()
            x = x.to(device=device, dtype=dtype)
            y = y.to(device=device, dtype=torch.long)
            scores = model(x)
            loss = F.cross_entropy(scores, y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            if t % print_every == 0:
                print("Epoch %d, Iteration %d, loss = %.4f" % (e, t, loss.item()))
                check_accuracy_part34(loader_val, model)
                print()
    return loss


model = TwoLayerFC(3 * 8 * 8, 40, 10)
fix_(model)
optimizer = torch.optim.SGD(model.parameters(), lr=1e-2)
check("part3_fc", train_part34(model, optimizer))
model = ThreeLayerConvNet(in_channel=3, channel_1=6, channel_2=4, num_classes=10)
fix_(model)
optimizer = torch.optim.SGD(model.parameters(), lr=3e-3)
check("part3_conv", train_part34(model, optimizer))
print(model)


class Flatten(nn.Module):
    def forward(self, x):
        return flatten(x)


hidden_layer_size = 40
learning_rate = 1e-2
model = nn.Sequential(
    Flatten(), nn.Linear(3 * 8 * 8, hidden_layer_size), nn.ReLU(), nn.Linear(hidden_layer_size, 10)
)
fix_(model)
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate, momentum=0.9, nesterov=True)
check("part4_seq", train_part34(model, optimizer, epochs=2))
print(model, optimizer)
channel_1, channel_2 = 6, 4
model = nn.Sequential(
    nn.Conv2d(3, channel_1, 5, padding=2),
    nn.ReLU(),
    nn.Conv2d(channel_1, channel_2, 3, padding=1),
    nn.ReLU(),
    Flatten(),
    nn.Linear(channel_2 * 8 * 8, 10),
)
fix_(model)
optimizer = torch.optim.SGD(model.parameters(), lr=3e-3, momentum=0.9, nesterov=True)
check("part4_conv", train_part34(model, optimizer))
best_model = model
check("best_val", check_accuracy_part34(loader_val, best_model))
