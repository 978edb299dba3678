# The order in which backward runs hooks: PyTorch's ready queue runs a leaf's
# AccumulateGrad (and the leaf's hooks) as soon as its gradient is complete, other nodes
# latest-created first. Random graphs from a fixed-seed generator, leaf and non-leaf hooks.
import random

rng = random.Random(7)
for case in range(40):
    seen = []
    leaves = [torch.tensor([1.0 + i, 2.0], requires_grad=True) for i in range(3)]
    for i, leaf in enumerate(leaves):
        if rng.random() < 0.8:
            leaf.register_hook(lambda g, i=i: seen.append("leaf%d" % i))
    pool = list(leaves)
    for k in range(rng.randint(1, 8)):
        a, b = rng.choice(pool), rng.choice(pool)
        op = rng.choice(["mul", "add", "exp", "sub"])
        if op == "mul":
            out = a * b
        elif op == "add":
            out = a + b
        elif op == "sub":
            out = a - b
        else:
            out = (a * 0.1).exp()
        if rng.random() < 0.5:
            out.register_hook(lambda g, k=k: seen.append("op%d" % k))
        pool.append(out)
    loss = pool[-1].sum()
    for t in rng.sample(pool, min(3, len(pool))):
        loss = loss + t.sum()
    loss.backward()
    check("order%d" % case, seen)
    check("grads%d" % case, [leaf.grad for leaf in leaves])
