# t() .T transpose view reshape unsqueeze squeeze expand flatten permute contiguous
def leaf(*shape):
    n = 1
    for s in shape:
        n *= s
    return torch.arange(1.0, n + 1.0).reshape(shape).requires_grad_()


w = torch.arange(1.0, 7.0).reshape(2, 3)
cases = {
    "t": ((2, 3), lambda x: x.t()),
    "torch.t": ((2, 3), lambda x: torch.t(x)),
    "T": ((2, 3), lambda x: x.T),
    "t1d": ((3,), lambda x: x.t()),
    "transpose": ((2, 3), lambda x: x.transpose(0, 1)),
    "torch.transpose": ((2, 3, 4), lambda x: torch.transpose(x, 0, 2)),
    "transpose-1": ((2, 3, 4), lambda x: x.transpose(-1, -2)),
    "view": ((2, 3), lambda x: x.view(3, 2)),
    "view-1": ((2, 3), lambda x: x.view(-1)),
    "view_tuple": ((2, 3), lambda x: x.view((6, 1))),
    "view_size": ((2, 3), lambda x: x.view(torch.Size([1, 6]))),
    "reshape": ((2, 3), lambda x: x.reshape(3, 2)),
    "reshape-1": ((2, 3, 2), lambda x: x.reshape(-1, 3)),
    "torch.reshape": ((6,), lambda x: torch.reshape(x, (2, 3))),
    "reshape_T": ((2, 3), lambda x: x.T.reshape(6)),
    "unsqueeze0": ((3,), lambda x: x.unsqueeze(0)),
    "unsqueeze1": ((3,), lambda x: x.unsqueeze(1)),
    "unsqueeze-1": ((2, 3), lambda x: torch.unsqueeze(x, -1)),
    "squeeze": ((1, 3, 1), lambda x: x.squeeze()),
    "squeeze0": ((1, 3), lambda x: x.squeeze(0)),
    "squeeze_noop": ((2, 3), lambda x: x.squeeze(0)),
    "squeeze-1": ((3, 1), lambda x: torch.squeeze(x, -1)),
    "expand": ((3, 1), lambda x: x.expand(3, 4)),
    "expand-1": ((1, 3), lambda x: x.expand(2, -1)),
    "expand_new_dim": ((3,), lambda x: x.expand(2, 3)),
    "expand_as": ((1, 3), lambda x: x.expand_as(w)),
    "flatten": ((2, 3), lambda x: x.flatten()),
    "permute": ((2, 3, 4), lambda x: x.permute(2, 0, 1)),
    "contiguous": ((2, 3), lambda x: x.t().contiguous()),
    "view_as": ((3, 2), lambda x: x.view_as(w)),
}
for k, (shape, f) in cases.items():
    with section(k):
        x = leaf(*shape)
        y = f(x)
        check(k, y)
        check(k + ".name", y.grad_fn.name() if y.grad_fn is not None else None)
        check(k + ".graph", graph(y))
        weights = torch.arange(1.0, y.numel() + 1.0).reshape(y.shape)
        (y * weights).sum().backward()
        check(k + ".grad", x.grad)

x = torch.arange(6.0).reshape(2, 3)
check("view_shares_data", (x.view(6).__setitem__(0, 100.0), x)[1])
check("t.is_contiguous", x.t().is_contiguous())
check("is_contiguous", x.is_contiguous())
raises("view_noncontig", lambda: x.t().view(6))
check("reshape_noncontig", x.t().reshape(6))
raises("view_bad", lambda: x.view(4))
raises("view_bad2", lambda: x.view(-1, 4))
raises("view_two_-1", lambda: x.view(-1, -1))
raises("reshape_bad", lambda: x.reshape(5))
raises("expand_bad", lambda: torch.ones(2, 3).expand(3, 3))
raises("transpose_bad_dim", lambda: x.transpose(0, 2))
raises("unsqueeze_bad", lambda: x.unsqueeze(4))
raises("t_3d", lambda: torch.ones(2, 2, 2).t())
# chained view grads
x = leaf(2, 3)
y = x.view(3, 2).t().unsqueeze(0).squeeze(0).reshape(-1)
(y * torch.arange(6.0)).sum().backward()
check("chain.grad", x.grad)
check("chain.graph", graph(y))
# .T on 1-D and 0-D
check("T_1d", torch.tensor([1.0, 2.0]).T)
check("T_0d", torch.tensor(2.0).T)
