# "Learning PyTorch with Examples": "PyTorch: Defining New autograd Functions" - the
# LegendrePolynomial3 Function, y = a + b * P3(c + d * x). 200 points, 300 steps.
import math


class LegendrePolynomial3(torch.autograd.Function):
    @staticmethod
    def forward(ctx, input):
        ctx.save_for_backward(input)
        return 0.5 * (5 * input**3 - 3 * input)

    @staticmethod
    def backward(ctx, grad_output):
        (input,) = ctx.saved_tensors
        return grad_output * 1.5 * (5 * input**2 - 1)


dtype = torch.float
device = torch.device("cpu")
x = torch.linspace(-math.pi, math.pi, 200, device=device, dtype=dtype)
y = torch.sin(x)

a = torch.full((), 0.0, device=device, dtype=dtype, requires_grad=True)
b = torch.full((), -1.0, device=device, dtype=dtype, requires_grad=True)
c = torch.full((), 0.0, device=device, dtype=dtype, requires_grad=True)
d = torch.full((), 0.3, device=device, dtype=dtype, requires_grad=True)

learning_rate = 5e-5
for t in range(300):
    P3 = LegendrePolynomial3.apply
    y_pred = a + b * P3(c + d * x)
    loss = (y_pred - y).pow(2).sum()
    if t == 0:
        check("graph", graph(loss))
        print(y_pred.grad_fn.next_functions[1][0].next_functions[1][0])
    if t % 100 == 99:
        check(f"loss_{t}", loss.item())
    loss.backward()
    with torch.no_grad():
        a -= learning_rate * a.grad
        b -= learning_rate * b.grad
        c -= learning_rate * c.grad
        d -= learning_rate * d.grad
        a.grad = None
        b.grad = None
        c.grad = None
        d.grad = None

check("abcd", [a.item(), b.item(), c.item(), d.item()])
# a and c end near 1e-10: their sign is float32 summation-order noise (it differs between
# PyTorch and any other summation order), so -0.000 is printed as 0.000
a_, c_ = (f"{v:.3f}".replace("-0.000", "0.000") for v in (a.item(), c.item()))
print(f"Result: y = {a_} + {b.item():.3f} * P3({c_} + {d.item():.3f} x)")
xd = torch.linspace(-1, 1, 7, dtype=torch.float64, requires_grad=True)
check("gradcheck", torch.autograd.gradcheck(LegendrePolynomial3.apply, (xd,)))
