# PyTorch "Learn the Basics": "Save and Load the Model"
# (https://pytorch.org/tutorials/beginner/basics/saveloadrun_tutorial.html) and the recipe
# "Saving and loading a general checkpoint"
# (https://pytorch.org/tutorials/recipes/recipes/saving_and_loading_a_general_checkpoint.html):
# state_dict save / load with weights_only=True, model.eval(), saving the whole model (which
# PyTorch 2.6+ refuses to load with the default weights_only=True), and a checkpoint
# dictionary with the optimizer's state. In a temporary directory; the network is small.
import os
import tempfile


class NeuralNetwork(nn.Module):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.linear_relu_stack = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))

    def forward(self, x):
        return self.linear_relu_stack(self.flatten(x))


d = tempfile.mkdtemp()
model = NeuralNetwork()
with torch.no_grad():  # (fixed values instead of the random initialisation)
    for k, p in enumerate(model.parameters()):
        p.copy_(torch.sin(torch.arange(p.numel(), dtype=torch.float64) + k).view(p.shape))
torch.save(model.state_dict(), os.path.join(d, "model_weights.pth"))
model2 = NeuralNetwork()
print(model2.load_state_dict(torch.load(os.path.join(d, "model_weights.pth"), weights_only=True)))
print(model2.eval())
print(all(torch.equal(a, b) for a, b in zip(model.parameters(), model2.parameters())))
print(torch.load(os.path.join(d, "model_weights.pth")).keys())
# a whole model (here a Sequential: this program's own classes cannot be pickled by
# reference); the message names the library's class, so only its first phrase is compared
whole = nn.Sequential(nn.Linear(4, 8), nn.ReLU())
torch.save(whole, os.path.join(d, "model.pth"))
key = "Weights only load failed. This file can still be loaded"
raises("whole_model_weights_only", lambda: torch.load(os.path.join(d, "model.pth")), key=key)
raises(
    "whole_model_weights_only_true",
    lambda: torch.load(os.path.join(d, "model.pth"), weights_only=True),
    key=key,
)
m3 = torch.load(os.path.join(d, "model.pth"), weights_only=False)
print(type(m3).__name__, m3, torch.equal(m3[0].weight, whole[0].weight))
opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
model(torch.ones(2, 4)).sum().backward()
opt.step()
path = os.path.join(d, "ckpt.tar")
torch.save(
    {
        "epoch": 5,
        "model_state_dict": model.state_dict(),
        "optimizer_state_dict": opt.state_dict(),
        "loss": 0.4,
    },
    path,
)
ck = torch.load(path, weights_only=True)
print(sorted(ck), ck["epoch"], ck["loss"], list(ck["optimizer_state_dict"]["state"].keys()))
print(ck["optimizer_state_dict"]["param_groups"])
model3 = NeuralNetwork()
opt3 = torch.optim.SGD(model3.parameters(), lr=0.5)
model3.load_state_dict(ck["model_state_dict"])
opt3.load_state_dict(ck["optimizer_state_dict"])
print(opt3.param_groups[0]["lr"], opt3.param_groups[0]["momentum"])
check("ckpt_momentum", opt3.state_dict()["state"][0]["momentum_buffer"])
model3.train()
x = torch.linspace(-1, 1, 8).view(2, 4)
check("ckpt_same_output", torch.equal(model3(x), model(x)))
with open(os.path.join(d, "t.pt"), "wb") as fh:
    torch.save(
        [
            torch.arange(3),
            torch.tensor(2.5, dtype=torch.float64),
            torch.Size([2, 3]),
            torch.float16,
        ],
        fh,
    )
with open(os.path.join(d, "t.pt"), "rb") as fh:
    print(torch.load(fh))
