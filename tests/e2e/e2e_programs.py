"""The programs the browser tests record (also pasted into stepper_e2e.ipynb's cells).

``TWO_LAYER`` is lesson 05's network with hooks (the graph that was drawn 1800 px wide in a
740-1380 px box); ``TRAINING`` a small loop with several iterations (loss plot, iteration
picker, update frames).
"""

TWO_LAYER = """
import autograd_viz as torch
grads = {}

def save_grad(name):
    def hook(g):
        grads[name] = g
    return hook

def forward_with_hooks(x, y, w1, w2):
    z_1 = torch.mm(w1, x)
    y_1 = torch.sigmoid(z_1)
    z_2 = torch.mm(w2, y_1)
    y_2 = torch.sigmoid(z_2)
    loss = 1 / 2 * (((y_2 - y) ** 2).sum())
    z_1.register_hook(save_grad("z_1"))
    y_1.register_hook(save_grad("y_1"))
    z_2.register_hook(save_grad("z_2"))
    y_2.register_hook(save_grad("y_2"))
    loss.register_hook(save_grad("loss"))
    return loss, z_1, y_1, z_2, y_2

x = torch.tensor([[1.0]])
y = torch.tensor([[1.0], [0.0]])
w1 = torch.tensor([[1.0], [2.0]], requires_grad=True)
w2 = torch.tensor([[3.0, 4.0], [5.0, 6.0]], requires_grad=True)
with torch.record() as rec:
    loss, z_1, y_1, z_2, y_2 = forward_with_hooks(x, y, w1, w2)
    loss.backward()
"""

TRAINING = """
import autograd_viz as torch
with torch.record(full_iterations=3) as rec_train:
    xs = torch.tensor([1.0, 2.0, 3.0])
    ys = torch.tensor([2.0, 4.0, 6.0])
    w = torch.tensor([0.5], requires_grad=True)
    b = torch.tensor([0.0], requires_grad=True)
    for _ in range(12):
        loss = ((xs * w + b - ys) ** 2).sum()
        loss.backward()
        with torch.no_grad():
            w -= 0.02 * w.grad
            b -= 0.02 * b.grad
        w.grad.zero_()
        b.grad.zero_()
"""


def run(src: str) -> dict:
    env: dict = {}
    exec(compile(src, "<e2e program>", "exec"), env)
    return env
