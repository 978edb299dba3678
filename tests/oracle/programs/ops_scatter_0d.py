# scatter / scatter_add with a 0-d index or a 0-d src: PyTorch counts a 0-d tensor as 1-d in
# its dimension checks, writes a 0-d src's one value, and sums the gathered gradient into a
# 0-d src (a 0-d index gathers a 0-d gradient, which a longer src refuses).
check("0d src", torch.zeros(3).scatter(0, torch.tensor([0]), torch.tensor(1.0)))
check("0d index", torch.zeros(3).scatter(0, torch.tensor(0), torch.ones(1)))
check("0d both", torch.zeros(3).scatter(0, torch.tensor(0), torch.tensor(5.0)))
raises("0d src 2d", lambda: torch.zeros(2, 3).scatter(1, torch.tensor([[0]]), torch.tensor(2.0)))
check("add 0d src", torch.zeros(3).scatter_add(0, torch.tensor([1]), torch.tensor(1.0)))
check("value 0d index", torch.zeros(3).scatter(0, torch.tensor(1), 7.0))
raises(
    "0d src 2 indices", lambda: torch.zeros(3).scatter(0, torch.tensor([1, 2]), torch.tensor(3.0))
)
s = torch.tensor(2.0, requires_grad=True)
o = torch.zeros(3).scatter(0, torch.tensor([0]), s)
o.sum().backward()
check("grad 0d src", (o, s.grad))
s = torch.tensor(2.0, requires_grad=True)
o = torch.zeros(3).scatter_add(0, torch.tensor([1]), s)
o.sum().backward()
check("add grad 0d src", (o, s.grad))


def longer_src():
    s = torch.ones(3, requires_grad=True)
    torch.zeros(3).scatter(0, torch.tensor(1), s).sum().backward()


raises("0d index longer src backward", longer_src)
s = torch.tensor(2.0, requires_grad=True)
o = torch.zeros(3).scatter(0, torch.tensor(1), s)
o.sum().backward()
check("grad 0d both", (o, s.grad))
check("0d self", torch.zeros(()).scatter(0, torch.tensor(0), torch.tensor(4.0)))
check("0d self 1d index", torch.zeros(()).scatter(0, torch.tensor([0]), torch.tensor([4.0])))
