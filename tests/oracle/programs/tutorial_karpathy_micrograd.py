# Andrej Karpathy, "The spelled-out intro to neural networks and backpropagation: building
# micrograd" (lecture notebook, https://github.com/karpathy/nn-zero-to-hero, lectures/micrograd):
# the single tanh neuron checked against PyTorch, with double tensors.
x1 = torch.Tensor([2.0]).double()
x1.requires_grad = True
x2 = torch.Tensor([0.0]).double()
x2.requires_grad = True
w1 = torch.Tensor([-3.0]).double()
w1.requires_grad = True
w2 = torch.Tensor([1.0]).double()
w2.requires_grad = True
b = torch.Tensor([6.8813735870195432]).double()
b.requires_grad = True
n = x1 * w1 + x2 * w2 + b
o = torch.tanh(n)

print(o.data.item())
o.backward()

print("---")
print("x2", x2.grad.item())
print("w2", w2.grad.item())
print("x1", x1.grad.item())
print("w1", w1.grad.item())
check("o", o)
check("graph", graph(o))
print(torch.Tensor([[1, 2, 3], [4, 5, 6]]))
print(torch.Tensor([[1, 2, 3], [4, 5, 6]]).shape)
print(torch.Tensor([2.0]).dtype)
print(torch.Tensor([2.0]).double().dtype)

# the same neuron written with e^(2n): the gradient is the same
n2 = x1 * w1 + x2 * w2 + b
e = (2 * n2).exp()
o2 = (e - 1) / (e + 1)
x1.grad = None
o2.backward()
check("x1_grad_exp_form", x1.grad)

# a small MLP like micrograd's, trained for a few steps (fixed weights instead of random)
xs = [[2.0, 3.0, -1.0], [3.0, -1.0, 0.5], [0.5, 1.0, 1.0], [1.0, 1.0, -1.0]]
ys = [1.0, -1.0, -1.0, 1.0]
X = torch.tensor(xs)
Y = torch.tensor(ys)
W1 = torch.tensor(
    [[0.1, -0.2, 0.3, 0.4], [-0.5, 0.6, -0.1, 0.2], [0.3, 0.1, -0.4, 0.5]], requires_grad=True
)
b1 = torch.tensor([0.0, 0.1, -0.1, 0.2], requires_grad=True)
W2 = torch.tensor([[0.3], [-0.2], [0.5], [0.1]], requires_grad=True)
b2 = torch.tensor([0.05], requires_grad=True)
params = [W1, b1, W2, b2]
print(sum(p.nelement() for p in params))
for k in range(20):
    ypred = torch.tanh(torch.tanh(X @ W1 + b1) @ W2 + b2).squeeze(1)
    loss = sum((yout - ygt) ** 2 for ygt, yout in zip(Y, ypred))
    for p in params:
        p.grad = None
    loss.backward()
    with torch.no_grad():
        for p in params:
            p.data += -0.1 * p.grad
    if k % 5 == 0:
        check(f"loss_{k}", loss.item())
check("ypred", ypred)
check("loss_graph_top", type(loss.grad_fn).__name__)
