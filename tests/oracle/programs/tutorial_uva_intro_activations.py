# University of Amsterdam Deep Learning course, tutorial 2 "Introduction to PyTorch" and
# tutorial 3 "Activation Functions" (Phillip Lippe, https://uvadlc-notebooks.readthedocs.io/,
# https://github.com/phlippe/uvadlc_notebooks, docs/tutorial_notebooks/tutorial2 and tutorial3):
# tensors and their printing, numpy interop, in-place add_, view/permute/matmul, indexing,
# the small computational graph y = mean((x + 2)^2 + 3), device handling, SimpleClassifier on
# the continuous XOR dataset (Dataset, DataLoader, BCEWithLogitsLoss, SGD, state_dict saving,
# eval with a formatted accuracy tensor, the meshgrid of the decision picture), then the
# hand-written activation functions (Sigmoid, Tanh, ReLU, LeakyReLU, ELU, Swish), their
# gradients through get_grads, BaseNetwork and the dead-neuron count. torch.rand/randn/randint
# data and the default initialisations are replaced by fixed formulas; FashionMNIST by
# generated 4x4 "images"; no plotting.
import json
import math
import os
import tempfile

import numpy as np

data = torch.utils.data


def fill_(module, scale=0.5):
    """Deterministic stand-in for the default initialisation."""
    with torch.no_grad():
        for k, p in enumerate(module.parameters()):
            n = p.numel()
            p.copy_(
                (torch.sin(torch.arange(n, dtype=torch.float32) * 1.3 + k) * scale).view(p.shape)
            )


# --- tutorial 2: the basics
print("Using torch", "2.13")
torch.manual_seed(42)
x = torch.Tensor(2, 3, 4)
print(x.shape, x.dtype)
x = torch.Tensor([[1, 2], [3, 4]])
print(x)
x = torch.linspace(0, 1, 24).reshape(2, 3, 4)
shape = x.shape
print("Shape:", x.shape)
size = x.size()
print("Size:", size)
dim1, dim2, dim3 = x.size()
print("Size:", dim1, dim2, dim3)

np_arr = np.array([[1, 2], [3, 4]])
tensor = torch.from_numpy(np_arr)
print("Numpy array:", np_arr)
print("PyTorch tensor:", tensor)
tensor = torch.arange(4)
np_arr = tensor.numpy()
print("PyTorch tensor:", tensor)
print("Numpy array:", np_arr)

x1 = torch.arange(6, dtype=torch.float32).view(2, 3) / 7
x2 = torch.arange(6, 0, -1, dtype=torch.float32).view(2, 3) / 9
y = x1 + x2
print("X1", x1)
print("X2", x2)
print("Y", y)
print("X1 (before)", x1)
print("X2 (before)", x2)
x2.add_(x1)
print("X1 (after)", x1)
print("X2 (after)", x2)

x = torch.arange(6)
print("X", x)
x = x.view(2, 3)
print("X", x)
x = x.permute(1, 0)
print("X", x)
x = torch.arange(6)
x = x.view(2, 3)
W = torch.arange(9).view(3, 3)
print("W", W)
h = torch.matmul(x, W)
print("h", h)
x = torch.arange(12).view(3, 4)
print("X", x)
print(x[:, 1])
print(x[0])
print(x[:2, -1])
print(x[1:3, :])

x = torch.ones((3,))
print(x.requires_grad)
x.requires_grad_(True)
print(x.requires_grad)
x = torch.arange(3, dtype=torch.float32, requires_grad=True)
print("X", x)
a = x + 2
b = a**2
c = b + 3
y = c.mean()
print("Y", y)
y.backward()
print(x.grad)
check("intro_graph", graph(y))

gpu_avail = torch.cuda.is_available()
print(f"Is the GPU available? {gpu_avail}")
device = torch.device("cuda") if torch.cuda.is_available() else torch.device("cpu")
print("Device", device)
x = torch.zeros(2, 3)
x = x.to(device)
print("X", x)
if torch.cuda.is_available():
    torch.cuda.manual_seed(42)
    torch.cuda.manual_seed_all(42)
torch.backends.cudnn.deterministic = True
torch.backends.cudnn.benchmark = False


class MyModule(nn.Module):
    def __init__(self):
        super().__init__()

    def forward(self, x):
        pass


print(MyModule())


class SimpleClassifier(nn.Module):
    def __init__(self, num_inputs, num_hidden, num_outputs):
        super().__init__()
        self.linear1 = nn.Linear(num_inputs, num_hidden)
        self.act_fn = nn.Tanh()
        self.linear2 = nn.Linear(num_hidden, num_outputs)

    def forward(self, x):
        x = self.linear1(x)
        x = self.act_fn(x)
        x = self.linear2(x)
        return x


model = SimpleClassifier(num_inputs=2, num_hidden=4, num_outputs=1)
print(model)
for name, param in model.named_parameters():
    print(f"Parameter {name}, shape {param.shape}")
fill_(model)


class XORDataset(data.Dataset):
    def __init__(self, size, std=0.1, offset=0):
        super().__init__()
        self.size = size
        self.std = std
        self.offset = offset
        self.generate_continuous_xor()

    def generate_continuous_xor(self):
        i = torch.arange(self.offset, self.offset + self.size)
        data = torch.stack([(i * 7 // 3) % 2, (i * 5 // 2) % 2], dim=1).to(torch.float32)
        label = (data.sum(dim=1) == 1).to(torch.long)
        data += self.std * torch.sin(
            torch.arange(self.size * 2, dtype=torch.float32).view(data.shape) * 2.1
        )
        self.data = data
        self.label = label

    def __len__(self):
        return self.size

    def __getitem__(self, idx):
        data_point = self.data[idx]
        data_label = self.label[idx]
        return data_point, data_label


dataset = XORDataset(size=200)
print("Size of dataset:", len(dataset))
print("Data point 0:", dataset[0])
data_loader = data.DataLoader(dataset, batch_size=8, shuffle=False)
data_inputs, data_labels = next(iter(data_loader))
print("Data inputs", data_inputs.shape, "\n", data_inputs)
print("Data labels", data_labels.shape, "\n", data_labels)

loss_module = nn.BCEWithLogitsLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
train_dataset = XORDataset(size=256, offset=3)
train_data_loader = data.DataLoader(train_dataset, batch_size=128, shuffle=False)
print(model.to(device))


def train_model(model, optimizer, data_loader, loss_module, num_epochs=100):
    model.train()
    for epoch in range(num_epochs):
        for data_inputs, data_labels in data_loader:
            data_inputs = data_inputs.to(device)
            data_labels = data_labels.to(device)
            preds = model(data_inputs)
            preds = preds.squeeze(dim=1)
            loss = loss_module(preds, data_labels.float())
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    return loss


last = train_model(model, optimizer, train_data_loader, loss_module, num_epochs=30)
check("xor_last_loss", last)
state_dict = model.state_dict()
print(state_dict)
with tempfile.TemporaryDirectory() as tmp:
    torch.save(state_dict, os.path.join(tmp, "our_model.tar"))
    state_dict = torch.load(os.path.join(tmp, "our_model.tar"))
new_model = SimpleClassifier(num_inputs=2, num_hidden=4, num_outputs=1)
print(new_model.load_state_dict(state_dict))
print("Original model\n", model.state_dict())
print("\nLoaded model\n", new_model.state_dict())

test_dataset = XORDataset(size=100, offset=11)
test_data_loader = data.DataLoader(test_dataset, batch_size=32, shuffle=False, drop_last=False)


def eval_model(model, data_loader):
    model.eval()
    true_preds, num_preds = 0.0, 0.0
    with torch.no_grad():
        for data_inputs, data_labels in data_loader:
            data_inputs, data_labels = data_inputs.to(device), data_labels.to(device)
            preds = model(data_inputs)
            preds = preds.squeeze(dim=1)
            preds = torch.sigmoid(preds)
            pred_labels = (preds >= 0.5).long()
            true_preds += (pred_labels == data_labels).sum()
            num_preds += data_labels.shape[0]
    acc = true_preds / num_preds
    print(f"Accuracy of the model: {100.0 * acc:4.2f}%")
    return acc


check("xor_acc", eval_model(model, test_data_loader))


@torch.no_grad()
def visualize_classification(model, data, label):
    if isinstance(data, torch.Tensor):
        data = data.cpu().numpy()
    if isinstance(label, torch.Tensor):
        label = label.cpu().numpy()
    data_0 = data[label == 0]
    data_1 = data[label == 1]
    print("class sizes", data_0.shape, data_1.shape)
    model.to(device)
    c0 = torch.Tensor((0.12, 0.47, 0.71, 1.0)).to(device)
    c1 = torch.Tensor((1.0, 0.5, 0.05, 1.0)).to(device)
    x1 = torch.arange(-0.5, 1.5, step=0.25, device=device)
    x2 = torch.arange(-0.5, 1.5, step=0.25, device=device)
    xx1, xx2 = torch.meshgrid(x1, x2, indexing="ij")
    model_inputs = torch.stack([xx1, xx2], dim=-1)
    preds = model(model_inputs)
    preds = torch.sigmoid(preds)
    output_image = (1 - preds) * c0[None, None] + preds * c1[None, None]
    check("xor_image", output_image)
    check("xor_image_grad", output_image.requires_grad)
    output_image = output_image.cpu().numpy()
    print(output_image.shape, output_image.dtype)


visualize_classification(model, dataset.data, dataset.label)


# --- tutorial 3: activation functions
def set_seed(seed):
    np.random.seed(seed)
    torch.manual_seed(seed)
    if torch.cuda.is_available():
        torch.cuda.manual_seed(seed)
        torch.cuda.manual_seed_all(seed)


set_seed(42)
device = torch.device("cpu") if not torch.cuda.is_available() else torch.device("cuda:0")
print("Using device", device)


class ActivationFunction(nn.Module):
    def __init__(self):
        super().__init__()
        self.name = self.__class__.__name__
        self.config = {"name": self.name}


class Sigmoid(ActivationFunction):
    def forward(self, x):
        return 1 / (1 + torch.exp(-x))


class Tanh(ActivationFunction):
    def forward(self, x):
        x_exp, neg_x_exp = torch.exp(x), torch.exp(-x)
        return (x_exp - neg_x_exp) / (x_exp + neg_x_exp)


class ReLU(ActivationFunction):
    def forward(self, x):
        return x * (x > 0).float()


class LeakyReLU(ActivationFunction):
    def __init__(self, alpha=0.1):
        super().__init__()
        self.config["alpha"] = alpha

    def forward(self, x):
        return torch.where(x > 0, x, self.config["alpha"] * x)


class ELU(ActivationFunction):
    def forward(self, x):
        return torch.where(x > 0, x, torch.exp(x) - 1)


class Swish(ActivationFunction):
    def forward(self, x):
        return x * torch.sigmoid(x)


act_fn_by_name = {
    "sigmoid": Sigmoid,
    "tanh": Tanh,
    "relu": ReLU,
    "leakyrelu": LeakyReLU,
    "elu": ELU,
    "swish": Swish,
}


def get_grads(act_fn, x):
    x = x.clone().requires_grad_()
    out = act_fn(x)
    out.sum().backward()
    return x.grad


act_fns = [act_fn() for act_fn in act_fn_by_name.values()]
x = torch.linspace(-5, 5, 1000)
for i, act_fn in enumerate(act_fns):
    y = act_fn(x)
    y_grads = get_grads(act_fn, x)
    check(f"act_{act_fn.name}_y", y)
    check(f"act_{act_fn.name}_grad", y_grads)
    xs, ys, gs = x.cpu().numpy(), y.cpu().numpy(), y_grads.cpu().numpy()
    print(act_fn.name, act_fn, divmod(i, 2), xs.shape, ys.dtype, gs.dtype, float(xs.max()))
    xg = x[::111].clone().requires_grad_()
    check(f"act_{act_fn.name}_graph", graph(act_fn(xg).sum()))


class BaseNetwork(nn.Module):
    def __init__(self, act_fn, input_size=16, num_classes=4, hidden_sizes=(12, 8, 8, 6)):
        super().__init__()
        hidden_sizes = list(hidden_sizes)
        layers = []
        layer_sizes = [input_size] + hidden_sizes
        for layer_index in range(1, len(layer_sizes)):
            layers += [nn.Linear(layer_sizes[layer_index - 1], layer_sizes[layer_index]), act_fn]
        layers += [nn.Linear(layer_sizes[-1], num_classes)]
        self.layers = nn.Sequential(*layers)
        self.config = {
            "act_fn": act_fn.config,
            "input_size": input_size,
            "num_classes": num_classes,
            "hidden_sizes": hidden_sizes,
        }

    def forward(self, x):
        x = x.view(x.size(0), -1)
        out = self.layers(x)
        return out


def make_images(n, offset=0):
    i = torch.arange(offset, offset + n)
    labels = (i * 3) % 4
    base = torch.linspace(-1, 1, 16).view(1, 1, 4, 4)
    imgs = torch.cos(base * (labels.view(-1, 1, 1, 1) + 1) + i.view(-1, 1, 1, 1) * 0.37)
    return imgs, labels


imgs_all, labels_all = make_images(96)
train_set = data.TensorDataset(imgs_all[:64], labels_all[:64])
val_set = data.TensorDataset(imgs_all[64:], labels_all[64:])
print(len(train_set), len(val_set), train_set[0][0].shape, train_set[0][1])


def visualize_gradients(net):
    net.eval()
    small_loader = data.DataLoader(train_set, batch_size=32, shuffle=False)
    imgs, labels = next(iter(small_loader))
    imgs, labels = imgs.to(device), labels.to(device)
    net.zero_grad()
    preds = net(imgs)
    loss = F.cross_entropy(preds, labels)
    loss.backward()
    grads = {
        name: params.grad.data.view(-1).cpu().clone().numpy()
        for name, params in net.named_parameters()
        if "weight" in name
    }
    net.zero_grad()
    for key in grads:
        print(str(key), grads[key].shape, grads[key].dtype)
    return loss, grads


for i, act_fn_name in enumerate(act_fn_by_name):
    set_seed(42)
    act_fn = act_fn_by_name[act_fn_name]()
    net_actfn = BaseNetwork(act_fn=act_fn).to(device)
    fill_(net_actfn)
    loss, grads = visualize_gradients(net_actfn)
    check(f"vis_loss_{act_fn_name}", loss)
    check(f"vis_grad_{act_fn_name}", [float(np.abs(g).sum()) for g in grads.values()])
    print(json.dumps(net_actfn.config))
print(net_actfn)


def test_model(net, data_loader):
    net.eval()
    true_preds, count = 0.0, 0
    for imgs, labels in data_loader:
        imgs, labels = imgs.to(device), labels.to(device)
        with torch.no_grad():
            preds = net(imgs).argmax(dim=-1)
            true_preds += (preds == labels).sum().item()
            count += labels.shape[0]
    test_acc = true_preds / count
    return test_acc


def train_model(net, model_name, max_epochs=4, patience=7, batch_size=16):
    optimizer = optim.SGD(net.parameters(), lr=1e-2, momentum=0.9)
    loss_module = nn.CrossEntropyLoss()
    train_loader_local = data.DataLoader(
        train_set, batch_size=batch_size, shuffle=False, drop_last=True
    )
    val_loader = data.DataLoader(val_set, batch_size=8, shuffle=False, drop_last=False)
    val_scores = []
    best_val_epoch = -1
    for epoch in range(max_epochs):
        net.train()
        true_preds, count = 0.0, 0
        for imgs, labels in train_loader_local:
            imgs, labels = imgs.to(device), labels.to(device)
            optimizer.zero_grad()
            preds = net(imgs)
            loss = loss_module(preds, labels)
            loss.backward()
            optimizer.step()
            true_preds += (preds.argmax(dim=-1) == labels).sum()
            count += labels.shape[0]
        train_acc = true_preds / count
        val_acc = test_model(net, val_loader)
        val_scores.append(val_acc)
        print(
            f"[Epoch {epoch + 1:2d}] Training accuracy: {train_acc * 100.0:05.2f}%, Validation accuracy: {val_acc * 100.0:05.2f}%"
        )
        if len(val_scores) == 1 or val_acc > val_scores[best_val_epoch]:
            print("\t   (New best performance, saving model...)")
            best_val_epoch = epoch
        elif best_val_epoch <= epoch - patience:
            print(f"Early stopping due to no improvement over the last {patience} epochs")
            break
    check(f"train_loss_{model_name}", loss)
    test_acc = test_model(net, val_loader)
    print((f" Test accuracy: {test_acc * 100.0:4.2f}% ").center(50, "=") + "\n")
    return test_acc


for act_fn_name in act_fn_by_name:
    print(f"Training BaseNetwork with {act_fn_name} activation...")
    set_seed(42)
    act_fn = act_fn_by_name[act_fn_name]()
    net_actfn = BaseNetwork(act_fn=act_fn).to(device)
    fill_(net_actfn)
    train_model(net_actfn, f"FashionMNIST_{act_fn_name}")


def visualize_activations(net):
    activations = {}
    net.eval()
    small_loader = data.DataLoader(train_set, batch_size=64)
    imgs, labels = next(iter(small_loader))
    with torch.no_grad():
        imgs = imgs.to(device)
        imgs = imgs.view(imgs.size(0), -1)
        for layer_index, layer in enumerate(net.layers[:-1]):
            imgs = layer(imgs)
            activations[layer_index] = imgs.view(-1).cpu().numpy()
    for key in activations:
        print(f"Layer {key} - {net.layers[key].__class__.__name__}", activations[key].shape)
    return activations


acts = visualize_activations(net_actfn)
check("activations_std", [float(a.std()) for a in acts.values()])


def measure_number_dead_neurons(net):
    neurons_dead = [
        torch.ones(layer.weight.shape[0], device=device, dtype=torch.bool)
        for layer in net.layers[:-1]
        if isinstance(layer, nn.Linear)
    ]
    net.eval()
    train_loader = data.DataLoader(train_set, batch_size=16, shuffle=False)
    with torch.no_grad():
        for imgs, labels in train_loader:
            layer_index = 0
            imgs = imgs.to(device)
            imgs = imgs.view(imgs.size(0), -1)
            for layer in net.layers[:-1]:
                imgs = layer(imgs)
                if isinstance(layer, ActivationFunction):
                    neurons_dead[layer_index] = torch.logical_and(
                        neurons_dead[layer_index], (imgs == 0).all(dim=0)
                    )
                    layer_index += 1
    number_neurons_dead = [t.sum().item() for t in neurons_dead]
    print("Number of dead neurons:", number_neurons_dead)
    print(
        "In percentage:",
        ", ".join(
            [
                f"{(100.0 * num_dead / tens.shape[0]):4.2f}%"
                for tens, num_dead in zip(neurons_dead, number_neurons_dead)
            ]
        ),
    )
    return neurons_dead


set_seed(42)
net_relu = BaseNetwork(act_fn=ReLU()).to(device)
fill_(net_relu, scale=1.5)
check("dead", measure_number_dead_neurons(net_relu))
print(math.ceil(len(act_fns) / 2.0))
