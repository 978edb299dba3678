# Seed 000: leaf tensors, backward fills leaves' .grad, accumulation after detach_, manual update loop.
# torch.randint values replaced by fixed ints.
X = torch.tensor([4, 4, 3, 0]).float().requires_grad_(False)
W_1 = torch.tensor([[3, 4, 2, 3], [2, 3, 1, 1]]).float().requires_grad_(True)
Z = X.matmul(W_1.T)
W_2 = torch.tensor([1, 4]).float().requires_grad_(True)
Y = Z.matmul(W_2)

print(" X: \t%s \n W_1: \t%s \n Z: \t%s \n W_2: \t%s \n Y: \t%s \n" % (X, W_1, Z, W_2, Y))
check("X", X)
check("W_1", W_1)
check("Z", Z)
check("W_2", W_2)
check("Y", Y)
check("Z.grad_fn.name", Z.grad_fn.name())
check("Y.grad_fn.name", Y.grad_fn.name())
check("Z.graph", graph(Z))
check("Y.graph", graph(Y))
check("W_1.T", W_1.T)
check("W_1.T.grad_fn", type(W_1.T.grad_fn).__name__)

print(" is leaf?")
print(
    " X: \t%s \n W_1: \t%s \n Z: \t%s \n W_2: \t%s \n Y: \t%s \n"
    % (X.is_leaf, W_1.is_leaf, Z.is_leaf, W_2.is_leaf, Y.is_leaf)
)
check("is_leaf", [X.is_leaf, W_1.is_leaf, Z.is_leaf, W_2.is_leaf, Y.is_leaf])

Y.backward()
print(" grad")
print(
    " X: \t%s \n W_1: \t%s \n Z: \t%s \n W_2: \t%s \n Y: \t%s \n"
    % (X.grad, W_1.grad, Z.grad, W_2.grad, Y.grad)
)
check("X.grad", X.grad)
check("W_1.grad", W_1.grad)
check("Z.grad", Z.grad)
check("W_2.grad", W_2.grad)
check("Y.grad", Y.grad)

Z.detach_()
check("Z.after_detach_", Z)
r = W_2.detach_()
check("detach_.returns_self", r is W_2)
r = W_2.requires_grad_(True)
check("requires_grad_.returns_self", r is W_2)
check("W_2.after_detach_requires_grad_", W_2)
check("W_2.grad.kept", W_2.grad)

Z_2 = Z.matmul(W_2)
check("Z_2", Z_2)
check("Z_2.graph", graph(Z_2))
Z_2.backward()
print(" grad2")
print(" Z: \t%s \n W_2: \t%s \n" % (Z.grad, W_2.grad))
check("grad2.Z.grad", Z.grad)
check("grad2.W_2.grad", W_2.grad)
check("grad2.W_1.grad", W_1.grad)


def forward(X, W_1, W_2):
    Z = X.matmul(W_1.T)
    Y = Z.matmul(W_2)
    return Y


X = torch.tensor([4, 0, 1, 2]).float().requires_grad_(False)
W_1 = torch.tensor([[3, 0, 0, 0], [2, 4, 1, 3]]).float().requires_grad_(True)
W_2 = torch.tensor([3, 3]).float().requires_grad_(True)
learning_rate = 0.01
print(" X: \t%s \n W_1: \t%s \n W_2: \t%s \n" % (X, W_1, W_2))
print(" ====================================")
for epoch in range(10):
    if W_1.grad is not None:
        W_1.grad.zero_()
    if W_2.grad is not None:
        W_2.grad.zero_()
    Y = forward(X, W_1, W_2)
    Y.backward()
    check(f"loop{epoch}.W_1.grad", W_1.grad)
    check(f"loop{epoch}.W_2.grad", W_2.grad)
    W_1 = W_1 - learning_rate * W_1.grad
    W_2 = W_2 - learning_rate * W_2.grad
    check(f"loop{epoch}.W_1.updated", W_1)
    W_1.detach_().requires_grad_(True)
    W_2.detach_().requires_grad_(True)
    check(f"loop{epoch}.W_1.grad_after_detach", W_1.grad)
    check(f"loop{epoch}.Y.data", Y.data)
    print(" for epoch %d, Y is %s" % (epoch, Y.data))
check("final.W_1", W_1)
check("final.W_2", W_2)
