# print(type(...)) as the tutorials do it: tensors, parameters, dtypes, sizes, grad_fn nodes,
# modules, optimizers, schedulers, custom Functions; a learner's own classes print as usual
x = torch.ones(2, 3, requires_grad=True)
y = (x * 2).sum()
print(type(x))
print(type(x.shape), type(x.dtype), type(x.size()))
print(type(y.grad_fn), type(y.grad_fn.next_functions[0][0]))
print(type(x.sum(0).grad_fn) if x.sum(0).grad_fn is not None else None)
y.backward()
print(type(x.grad))
print(torch.Tensor, torch.Size, torch.dtype)
lin = nn.Linear(3, 1)
print(type(lin), type(lin.weight), nn.Module)
model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Dropout(0.1), nn.Linear(4, 2))
print([type(m) for m in model])
print(type(nn.MSELoss()), type(nn.CrossEntropyLoss()), type(nn.Conv2d(1, 1, 3)))
print(type(nn.BatchNorm1d(3)), type(nn.Embedding(3, 2)), type(nn.LSTM(3, 4)), type(nn.Flatten()))
opt = torch.optim.SGD(model.parameters(), lr=0.1)
print(type(opt), type(torch.optim.Adam(model.parameters())))
print(type(torch.optim.lr_scheduler.StepLR(opt, 2)))


class Net(nn.Module):
    def forward(self, x):
        return x


class Double(torch.autograd.Function):
    @staticmethod
    def forward(ctx, t):
        return t * 2

    @staticmethod
    def backward(ctx, g):
        return g * 2


class MyLinear(nn.Linear):
    pass


print(type(Net()), type(MyLinear(2, 2)), Double, torch.autograd.Function)
print(type(Double.apply(x).grad_fn))
check("isinstance", [isinstance(x, torch.Tensor), isinstance(lin.weight, nn.Parameter)])
check("names", [torch.Tensor.__name__, nn.Linear.__name__, type(y.grad_fn).__name__])
