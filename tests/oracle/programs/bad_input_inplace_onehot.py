# Bad input (issue 13): in-place unary ops on integer tensors, uniform_/normal_ of ints,
# F.one_hot. Each case records PyTorch's exception type and message, or its result.


def leaf(*vals):
    return torch.tensor(list(vals) if len(vals) != 1 else vals[0], requires_grad=True)


def _inplace_then_exp_saved_result():
    x = leaf(1.0, 2.0)
    h = x * 1
    y = h.exp_()
    y.sum().backward()
    return x.grad


raises("exp__int", lambda: torch.tensor([1, 2]).exp_())
raises("sqrt__int", lambda: torch.tensor([1, 4]).sqrt_())
raises("abs__ok", lambda: torch.tensor([-1, 4]).abs_())
raises("uniform__int", lambda: torch.tensor([1, 2]).uniform_())
raises("normal__int", lambda: torch.tensor([1, 2]).normal_())
raises("exp_inplace_result", _inplace_then_exp_saved_result)
raises("one_hot_float", lambda: F.one_hot(torch.tensor([1.0])))
raises("one_hot_neg", lambda: F.one_hot(torch.tensor([-1])))
raises("one_hot_too_few_classes", lambda: F.one_hot(torch.tensor([3]), num_classes=2))
raises("one_hot_ok", lambda: F.one_hot(torch.tensor([0, 2])))
