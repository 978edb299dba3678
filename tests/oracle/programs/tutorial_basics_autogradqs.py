# PyTorch "Learn the Basics": "Automatic Differentiation with torch.autograd"
# (https://pytorch.org/tutorials/beginner/basics/autogradqs_tutorial.html): a one-layer net
# with binary_cross_entropy_with_logits, grad_fn, backward, no_grad, detach, and the
# Jacobian-vector products of (inp + 1).pow(2).t(). w and b are fixed instead of randn.
x = torch.ones(5)  # input tensor
y = torch.zeros(3)  # expected output
w = torch.tensor(
    [[0.3, -1.2, 0.5], [1.1, 0.2, -0.4], [-0.7, 0.9, 0.05], [0.25, -0.3, 1.4], [0.6, 0.1, -0.8]],
    requires_grad=True,
)
b = torch.tensor([0.1, -0.2, 0.3], requires_grad=True)
z = torch.matmul(x, w) + b
loss = torch.nn.functional.binary_cross_entropy_with_logits(z, y)

print(f"Gradient function for z = {z.grad_fn}")
print(f"Gradient function for loss = {loss.grad_fn}")
check("loss", loss)
check("graph", graph(loss))

loss.backward()
print(w.grad)
print(b.grad)
check("w_grad", w.grad)
check("b_grad", b.grad)
raises("second_backward", lambda: loss.backward())

z = torch.matmul(x, w) + b
print(z.requires_grad)
with torch.no_grad():
    z = torch.matmul(x, w) + b
print(z.requires_grad)

z = torch.matmul(x, w) + b
z_det = z.detach()
print(z_det.requires_grad)

inp = torch.eye(4, 5, requires_grad=True)
out = (inp + 1).pow(2).t()
out.backward(torch.ones_like(out), retain_graph=True)
print(f"First call\n{inp.grad}")
out.backward(torch.ones_like(out), retain_graph=True)
print(f"\nSecond call\n{inp.grad}")
inp.grad.zero_()
out.backward(torch.ones_like(out), retain_graph=True)
print(f"\nCall after zeroing gradients\n{inp.grad}")
check("jvp_graph", graph(out))
