# Daniel Bourke, "Zero to Mastery Learn PyTorch for Deep Learning", notebook 01 "PyTorch
# Workflow Fundamentals": https://github.com/mrdbourke/pytorch-deep-learning/blob/main/01_pytorch_workflow.ipynb
# (https://www.learnpytorch.io/01_pytorch_workflow/): straight-line data, a hand-made
# LinearRegressionModel with nn.Parameter, inference_mode, L1Loss + SGD training/testing loop,
# state_dict save / load (to a temporary folder), then the nn.Linear version. Plots are left out,
# the epochs are fewer.
import os
import tempfile
from pathlib import Path
from pprint import pprint

weight = 0.7
bias = 0.3
start = 0
end = 1
step = 0.02
X = torch.arange(start, end, step).unsqueeze(dim=1)
y = weight * X + bias
print((X[:10], y[:10]))

train_split = int(0.8 * len(X))
X_train, y_train = X[:train_split], y[:train_split]
X_test, y_test = X[train_split:], y[train_split:]
print((len(X_train), len(y_train), len(X_test), len(y_test)))


class LinearRegressionModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.weights = nn.Parameter(torch.randn(1, dtype=torch.float), requires_grad=True)
        self.bias = nn.Parameter(torch.randn(1, dtype=torch.float), requires_grad=True)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.weights * x + self.bias


torch.manual_seed(42)
model_0 = LinearRegressionModel()
print(list(model_0.parameters()))
print(model_0.state_dict())
print(model_0)

with torch.inference_mode():
    y_preds = model_0(X_test)
print(f"Number of testing samples: {len(X_test)}")
print(f"Number of predictions made: {len(y_preds)}")
print(f"Predicted values:\n{y_preds}")
check("inference_mode preds", y_preds)
print(y_preds.requires_grad, y_preds.is_inference())
print(y_test - y_preds)
raises("inference tensor backward", lambda: y_preds.sum().backward())

loss_fn = nn.L1Loss()
optimizer = torch.optim.SGD(params=model_0.parameters(), lr=0.01)
print(loss_fn, optimizer)

torch.manual_seed(42)
epochs = 100
train_loss_values = []
test_loss_values = []
epoch_count = []
for epoch in range(epochs):
    model_0.train()
    y_pred = model_0(X_train)
    loss = loss_fn(y_pred, y_train)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    model_0.eval()
    with torch.inference_mode():
        test_pred = model_0(X_test)
        test_loss = loss_fn(test_pred, y_test.type(torch.float))
        if epoch % 10 == 0:
            epoch_count.append(epoch)
            train_loss_values.append(loss.detach().numpy())
            test_loss_values.append(test_loss.detach().numpy())
            print(f"Epoch: {epoch} | MAE Train Loss: {loss} | MAE Test Loss: {test_loss} ")
check("train losses", [float(v) for v in train_loss_values])
check("test losses", [float(v) for v in test_loss_values])
print(train_loss_values[-1].dtype, type(train_loss_values[-1]).__name__)

print("The model learned the following values for weights and bias:")
print(model_0.state_dict())
print("\nAnd the original values for weights and bias are:")
print(f"weights: {weight}, bias: {bias}")

model_0.eval()
with torch.inference_mode():
    y_preds = model_0(X_test)
print(y_preds)

MODEL_PATH = Path(tempfile.mkdtemp()) / "models"
MODEL_PATH.mkdir(parents=True, exist_ok=True)
MODEL_NAME = "01_pytorch_workflow_model_0.pth"
MODEL_SAVE_PATH = MODEL_PATH / MODEL_NAME
torch.save(obj=model_0.state_dict(), f=MODEL_SAVE_PATH)
print(os.path.exists(MODEL_SAVE_PATH))

loaded_model_0 = LinearRegressionModel()
print(loaded_model_0.load_state_dict(torch.load(f=MODEL_SAVE_PATH)))
loaded_model_0.eval()
with torch.inference_mode():
    loaded_model_preds = loaded_model_0(X_test)
print(y_preds == loaded_model_preds)

# 6. Putting it all together
device = "cuda" if torch.cuda.is_available() else "cpu"
print(f"Using device: {device}")


class LinearRegressionModelV2(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear_layer = nn.Linear(in_features=1, out_features=1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.linear_layer(x)


torch.manual_seed(42)
model_1 = LinearRegressionModelV2()
print((model_1, model_1.state_dict()))
print(next(model_1.parameters()).device)
model_1.to(device)
print(next(model_1.parameters()).device)

loss_fn = nn.L1Loss()
optimizer = torch.optim.SGD(params=model_1.parameters(), lr=0.01)
torch.manual_seed(42)
epochs = 300
X_train = X_train.to(device)
X_test = X_test.to(device)
y_train = y_train.to(device)
y_test = y_test.to(device)
for epoch in range(epochs):
    model_1.train()
    y_pred = model_1(X_train)
    loss = loss_fn(y_pred, y_train)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    model_1.eval()
    with torch.inference_mode():
        test_pred = model_1(X_test)
        test_loss = loss_fn(test_pred, y_test)
    if epoch % 100 == 0:
        print(f"Epoch: {epoch} | Train loss: {loss} | Test loss: {test_loss}")

print("The model learned the following values for weights and bias:")
pprint(model_1.state_dict())
check("model_1 weight", model_1.linear_layer.weight)
model_1.eval()
with torch.inference_mode():
    y_preds = model_1(X_test)
print(y_preds)
print(y_preds.cpu())

MODEL_SAVE_PATH = MODEL_PATH / "01_pytorch_workflow_model_1.pth"
torch.save(obj=model_1.state_dict(), f=MODEL_SAVE_PATH)
loaded_model_1 = LinearRegressionModelV2()
loaded_model_1.load_state_dict(torch.load(MODEL_SAVE_PATH))
loaded_model_1.to(device)
print(f"Loaded model:\n{loaded_model_1}")
print(f"Model on device:\n{next(loaded_model_1.parameters()).device}")
loaded_model_1.eval()
with torch.inference_mode():
    loaded_model_1_preds = loaded_model_1(X_test)
print(y_preds == loaded_model_1_preds)

# the exercises (extras/solutions/01_pytorch_workflow_exercise_solutions.ipynb): y = 0.3x + 0.9
weight, bias = 0.3, 0.9
X = torch.arange(0, 1, 0.01).unsqueeze(dim=1)
y = weight * X + bias
print(f"Number of X samples: {len(X)}")
print(X[:5], y[:5])
train_split = int(len(X) * 0.8)
X_train, y_train, X_test, y_test = (
    X[:train_split],
    y[:train_split],
    X[train_split:],
    y[train_split:],
)
torch.manual_seed(42)
model_1 = LinearRegressionModelV2()
optimizer = torch.optim.SGD(params=model_1.parameters(), lr=0.01)
for epoch in range(300):
    model_1.train()
    loss = loss_fn(model_1(X_train), y_train)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if epoch % 20 == 0:
        model_1.eval()
        with torch.inference_mode():
            test_loss = loss_fn(model_1(X_test), y_test)
        print(f"Epoch: {epoch} | Train loss: {loss:.3f} | Test loss: {test_loss:.3f}")
