# PyTorch "Learn the Basics": "Build the Neural Network" (NeuralNetwork: Flatten +
# Sequential of Linear/ReLU, Softmax over the logits, named_parameters) and "Optimizing
# Model Parameters" (train_loop / test_loop with DataLoader, CrossEntropyLoss, SGD,
# model.train()/eval(), no_grad, argmax accuracy). FashionMNIST is replaced by 96 generated
# 6x6 "images" in 4 classes, the layers are smaller, the weights are set by a formula.
nn = torch.nn
DataLoader = torch.utils.data.DataLoader
TensorDataset = torch.utils.data.TensorDataset


def make_images(n, offset):
    i = torch.arange(n * 36, dtype=torch.float32).reshape(n, 1, 6, 6)
    labels = (torch.arange(n) + offset) % 4
    base = torch.sin(i * 0.37 + offset) * 0.5
    shift = labels.reshape(n, 1, 1, 1).float() * 0.25
    return base + shift, labels


X_train, y_train = make_images(96, 0)
X_test, y_test = make_images(32, 1)
training_data = TensorDataset(X_train, y_train)
test_data = TensorDataset(X_test, y_test)
check("dataset_len", len(training_data))
check("dataset_item", training_data[5][1])


class NeuralNetwork(nn.Module):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.linear_relu_stack = nn.Sequential(
            nn.Linear(6 * 6, 16),
            nn.ReLU(),
            nn.Linear(16, 16),
            nn.ReLU(),
            nn.Linear(16, 4),
        )

    def forward(self, x):
        x = self.flatten(x)
        logits = self.linear_relu_stack(x)
        return logits


model = NeuralNetwork()
with torch.no_grad():
    for k, param in enumerate(model.parameters()):
        n = param.numel()
        param.copy_(
            (torch.cos(torch.arange(n, dtype=torch.float64) * (0.7 + k)) * 0.3)
            .float()
            .reshape(param.shape)
        )
print(model)

X = X_test[:3]
logits = model(X)
pred_probab = nn.Softmax(dim=1)(logits)
y_pred = pred_probab.argmax(1)
check("logits", logits)
check("pred_probab", pred_probab)
print(f"Predicted class: {y_pred}")

input_image = X_train[:3]
check("input_size", input_image.size())
flat_image = nn.Flatten()(input_image)
check("flat_size", flat_image.size())
layer1 = model.linear_relu_stack[0]
hidden1 = layer1(flat_image)
check("hidden_size", hidden1.size())
hidden1 = nn.ReLU()(hidden1)
check("relu_min", hidden1.min().item())

print(f"Model structure: {model}\n\n")
for name, param in model.named_parameters():
    print(
        f"Layer: {name} | Size: {param.size()} | Values : {[round(v, 4) for v in param.reshape(-1)[:4].tolist()]} \n"
    )

learning_rate = 1e-1
batch_size = 16
train_dataloader = DataLoader(training_data, batch_size=batch_size)
test_dataloader = DataLoader(test_data, batch_size=batch_size)
check("loader_len", len(train_dataloader))
Xb, yb = next(iter(train_dataloader))
check("batch_shapes", [Xb.shape, yb.shape])
check("batch_y", yb)


def train_loop(dataloader, model, loss_fn, optimizer):
    size = len(dataloader.dataset)
    model.train()
    for batch, (X, y) in enumerate(dataloader):
        pred = model(X)
        loss = loss_fn(pred, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if batch % 2 == 0:
            loss, current = loss.item(), batch * batch_size + len(X)
            check(f"train_loss_{current}", loss)
            print(f"loss: {loss:>5.3f}  [{current:>5d}/{size:>5d}]")


def test_loop(dataloader, model, loss_fn):
    model.eval()
    size = len(dataloader.dataset)
    num_batches = len(dataloader)
    test_loss, correct = 0, 0
    with torch.no_grad():
        for X, y in dataloader:
            pred = model(X)
            test_loss += loss_fn(pred, y).item()
            correct += (pred.argmax(1) == y).type(torch.float).sum().item()
    test_loss /= num_batches
    correct /= size
    check("test_loss", test_loss)
    print(f"Test Error: \n Accuracy: {(100 * correct):>0.1f}%, Avg loss: {test_loss:>5.3f} \n")


loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
epochs = 3
for t in range(epochs):
    print(f"Epoch {t + 1}\n-------------------------------")
    train_loop(train_dataloader, model, loss_fn, optimizer)
    test_loop(test_dataloader, model, loss_fn)
print("Done!")
check("final_weight", model.linear_relu_stack[4].weight)

# "Save and Load the Model": state_dict round trip
model2 = NeuralNetwork()
check("load", repr(model2.load_state_dict(model.state_dict())))
model2.eval()
check("same_after_load", torch.equal(model2(X_test), model(X_test)))
