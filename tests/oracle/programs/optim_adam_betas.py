# Adam / AdamW betas as PyTorch 2.13 takes them: a list becomes a tuple (print(optimizer)
# shows it), 1-element tensors are squeezed to 0-d, ints are refused, and the step uses
# their values.
for name in ("Adam", "AdamW"):
    for label, betas in [
        ("list", [0.9, 0.999]),
        ("tuple", (0.9, 0.999)),
        ("tensor", torch.tensor([0.9, 0.999])),
        ("two tensors", (torch.tensor([0.9]), torch.tensor(0.99))),
    ]:
        p = nn.Parameter(torch.tensor([1.0, -2.0]))
        opt = getattr(optim, name)([p], betas=betas)
        (p * p).sum().backward()
        opt.step()
        check(f"{name} {label}", (opt.param_groups[0]["betas"], p.data))
    check(
        f"{name} print", str(getattr(optim, name)([nn.Parameter(torch.ones(1))], betas=[0.5, 0.9]))
    )
    raises(
        f"{name} int", lambda: getattr(optim, name)([nn.Parameter(torch.ones(1))], betas=(0, 0.9))
    )
    raises(
        f"{name} long tensor",
        lambda: getattr(optim, name)(
            [nn.Parameter(torch.ones(1))], betas=(torch.tensor([0.9, 0.8]), torch.tensor(0.9))
        ),
    )
