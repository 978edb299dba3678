# Seed 004: 2-layer sigmoid net with torch.mm, retain_grad, hooks
def forwrad(x, y, w1, w2):
    z_1 = torch.mm(w1, x)
    z_1.retain_grad()
    y_1 = torch.sigmoid(z_1)
    y_1.retain_grad()
    z_2 = torch.mm(w2, y_1)
    z_2.retain_grad()
    y_2 = torch.sigmoid(z_2)
    y_2.retain_grad()
    loss = 1 / 2 * (((y_2 - y) ** 2).sum())
    loss.retain_grad()
    return loss, z_1, y_1, z_2, y_2


x = torch.tensor([[1.0]])
y = torch.tensor([[1.0], [0.0]])
w1 = torch.tensor([[1.0], [2.0]], requires_grad=True)
w2 = torch.tensor([[3.0, 4.0], [5.0, 6.0]], requires_grad=True)
loss, z_1, y_1, z_2, y_2 = forwrad(x, y, w1, w2)
print(f" loss: {loss} \n z_1: {z_1} \n y_1: {y_1} \n z_2: {z_2} \n y_2: {y_2}")
check("loss", loss)
check("z_1", z_1)
check("y_1", y_1)
check("z_2", z_2)
check("y_2", y_2)
check("retains_grad", [t.retains_grad for t in (loss, z_1, y_1, z_2, y_2, w1, x)])
check("loss.graph", graph(loss))
check("loss.item", loss.item())

loss.backward()
print(f"w1 grad, {w1.grad}")
print(f"w2 grad, {w2.grad}")
check("w1.grad", w1.grad)
check("w2.grad", w2.grad)
check("loss.grad", loss.grad)
check("y_2.grad", y_2.grad)
check("z_2.grad", z_2.grad)
check("y_1.grad", y_1.grad)
check("z_1.grad", z_1.grad)
check("loss.grad.repr", repr(loss.grad))
check("y_2.grad.repr", repr(y_2.grad))
check("z_2.grad.repr", repr(z_2.grad))
check("w2.grad.repr", repr(w2.grad))
check("y_1.grad.repr", repr(y_1.grad))
check("w1.grad.repr", repr(w1.grad))
check("z_2.grad.is_leaf", z_2.grad.is_leaf)
check("z_2.grad.requires_grad", z_2.grad.requires_grad)

hand = ((y_2 - y) * torch.sigmoid(z_2) * (1 - torch.sigmoid(z_2))) * (
    torch.cat((y_1, y_1), dim=1).T
)
check("hand_w2", hand)
check("hand_w2.repr", repr(hand))
check("cat.T", torch.cat((y_1, y_1), dim=1).T)
check("cat.graph", graph(torch.cat((y_1, y_1), dim=1).T))
h2 = torch.mm(w2.T, z_2.grad)
check("hand_y1", h2)
check("hand_y1.repr", repr(h2))

grads = {}


def save_grad(name):
    def hook(grad):
        grads[name] = grad

    return hook


def forwrad2(x, y, w1, w2):
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
loss, z_1, y_1, z_2, y_2 = forwrad2(x, y, w1, w2)
loss.backward()
print(grads["z_1"])
print(grads["y_1"])
print(grads["z_2"])
print(grads["y_2"])
print(grads["loss"])
check("hooks.keys", sorted(grads))
for k in ["z_1", "y_1", "z_2", "y_2", "loss"]:
    check(f"hook.{k}", grads[k])
check("hooks.nonleaf.grad", z_1.grad)
check("hooks.w1.grad", w1.grad)
