# "Learning PyTorch with Examples": "PyTorch: nn" (Sequential(Linear(3, 1), Flatten(0, 1)),
# MSELoss(reduction='sum'), manual updates over model.parameters()) and "PyTorch: optim"
# (RMSprop, as the tutorial's text describes). Initial weights set explicitly.
import math

x = torch.linspace(-math.pi, math.pi, 200)
y = torch.sin(x)
p = torch.tensor([1, 2, 3])
xx = x.unsqueeze(-1).pow(p)
check("xx_shape", xx.shape)
check("xx_dtype", xx.dtype)


def make_model():
    model = torch.nn.Sequential(torch.nn.Linear(3, 1), torch.nn.Flatten(0, 1))
    with torch.no_grad():
        model[0].weight.copy_(torch.tensor([[0.2, -0.1, 0.05]]))
        model[0].bias.fill_(0.1)
    return model


model = make_model()
print(model)
loss_fn = torch.nn.MSELoss(reduction="sum")
learning_rate = 1e-5
for t in range(300):
    y_pred = model(xx)
    loss = loss_fn(y_pred, y)
    if t % 100 == 99:
        check(f"nn_loss_{t}", loss.item())
    model.zero_grad()
    loss.backward()
    with torch.no_grad():
        for param in model.parameters():
            param -= learning_rate * param.grad

linear_layer = model[0]
check("nn_weight", linear_layer.weight)
check("nn_bias", linear_layer.bias)
check("nn_w0", linear_layer.weight[:, 0].item())
print(
    f"Result: y = {linear_layer.bias.item():.3f} + {linear_layer.weight[:, 0].item():.3f} x + {linear_layer.weight[:, 1].item():.3f} x^2 + {linear_layer.weight[:, 2].item():.3f} x^3"
)

# optim
model = make_model()
loss_fn = torch.nn.MSELoss(reduction="sum")
optimizer = torch.optim.RMSprop(model.parameters(), lr=1e-3)
for t in range(300):
    y_pred = model(xx)
    loss = loss_fn(y_pred, y)
    if t % 100 == 99:
        check(f"optim_loss_{t}", loss.item())
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
check("optim_weight", model[0].weight)
check("optim_bias", model[0].bias)
print(optimizer)

# same with SGD and with Adam
for name, make in (
    ("sgd", lambda ps: torch.optim.SGD(ps, lr=1e-5, momentum=0.9)),
    ("adam", lambda ps: torch.optim.Adam(ps, lr=1e-2)),
):
    model = make_model()
    optimizer = make(model.parameters())
    for _ in range(100):
        loss = loss_fn(model(xx), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    check(name + "_loss", loss.item())
    check(name + "_weight", model[0].weight)
