# cross_entropy / CrossEntropyLoss with label_smoothing (class indices, with weight and
# ignore_index), with class-probability targets (label_smoothing, weight), and nll_loss /
# cross_entropy of (N, C, d1, ...) inputs as sequence models use them; PyTorch's errors
x = (torch.arange(12.0).reshape(3, 4) * 0.7).cos() * 2
t = torch.tensor([0, 2, 1])
w = torch.tensor([1.0, 2.0, 0.5, 3.0])
probs = torch.softmax(torch.arange(12.0).reshape(3, 4).sin() * 3, 1)
up = torch.arange(12.0).reshape(3, 4) + 1
cases = {
    "ls": dict(label_smoothing=0.1),
    "ls_sum": dict(label_smoothing=0.1, reduction="sum"),
    "ls_none": dict(label_smoothing=0.25, reduction="none"),
    "ls_w": dict(label_smoothing=0.2, weight=w),
    "ls_w_sum": dict(label_smoothing=0.2, weight=w, reduction="sum"),
    "ls_ign": dict(label_smoothing=0.2, ignore_index=1),
    "ls_ign_none": dict(label_smoothing=0.2, ignore_index=2, reduction="none"),
    "ls_w_ign": dict(label_smoothing=0.3, weight=w, ignore_index=1),
    "ls_w_ign_none": dict(label_smoothing=0.3, weight=w, ignore_index=1, reduction="none"),
    "ls_one": dict(label_smoothing=1.0),
    "ls_negative": dict(label_smoothing=-0.5),
}
for name, kw in cases.items():
    with section(name):
        a = x.clone().requires_grad_()
        y = F.cross_entropy(a, t, **kw)
        check(name, y)
        check(name + "_graph", graph(y))
        (y * torch.arange(1.0, 1.0 + y.numel()).reshape(y.shape)).sum().backward()
        check(name + "_grad", a.grad)
        check(name + "_module", nn.CrossEntropyLoss(**kw)(x, t))

with section("ls_1d"):
    a = x[1].clone().requires_grad_()
    y = F.cross_entropy(a, torch.tensor(3), label_smoothing=0.4)
    check("ls_1d", y)
    check("ls_1d_graph", graph(y))
    y.backward()
    check("ls_1d_grad", a.grad)
    check("ls_1d_ign", F.cross_entropy(a, torch.tensor(3), label_smoothing=0.4, ignore_index=3))

prob_cases = {
    "prob": dict(),
    "prob_sum": dict(reduction="sum"),
    "prob_none": dict(reduction="none"),
    "prob_ls": dict(label_smoothing=0.3),
    "prob_w": dict(weight=w),
    "prob_w_ls_none": dict(weight=w, label_smoothing=0.3, reduction="none"),
    "prob_w_sum": dict(weight=w, reduction="sum"),
    "prob_ls_negative": dict(label_smoothing=-0.2),
}
for name, kw in prob_cases.items():
    with section(name):
        a = x.clone().requires_grad_()
        y = F.cross_entropy(a, probs, **kw)
        check(name, y)
        check(name + "_graph", graph(y))
        (y * torch.arange(1.0, 1.0 + y.numel()).reshape(y.shape)).sum().backward()
        check(name + "_grad", a.grad)
        check(name + "_module", nn.CrossEntropyLoss(**kw)(x, probs))

with section("prob_target_grad"):
    a = x.clone().requires_grad_()
    p = probs.clone().requires_grad_()
    y = F.cross_entropy(a, p, label_smoothing=0.2)
    check("prob_target_grad", y)
    check("prob_target_grad_graph", graph(y))
    y.backward()
    check("prob_target_grad_a", a.grad)
    check("prob_target_grad_p", p.grad)

with section("prob_1d_3d"):
    a = x[0].clone().requires_grad_()
    y = F.cross_entropy(a, probs[0], label_smoothing=0.1)
    check("prob_1d", y)
    y.backward()
    check("prob_1d_grad", a.grad)
    b = x.reshape(3, 2, 2).clone().requires_grad_()
    pb = probs.reshape(3, 2, 2)
    y = F.cross_entropy(b, pb, weight=torch.tensor([1.0, 3.0]))
    check("prob_3d", y)
    check("prob_3d_graph", graph(y))
    y.backward()
    check("prob_3d_grad", b.grad)
    check("prob_3d_none", F.cross_entropy(b, pb, reduction="none"))
    check("prob_double_target", F.cross_entropy(x, probs.double()))
    check("prob_unnormalized", F.cross_entropy(x, up))

# (N, C, L) and (N, C, H, W): sequence models and images
xs = (torch.arange(60.0).reshape(3, 4, 5) * 0.37).sin() * 3
ts = torch.tensor([[0, 1, 2, 3, 1], [3, 3, 0, 2, 1], [1, 0, 0, 2, 3]])
nd_cases = {
    "nd": dict(),
    "nd_sum": dict(reduction="sum"),
    "nd_none": dict(reduction="none"),
    "nd_w": dict(weight=w),
    "nd_w_none": dict(weight=w, reduction="none"),
    "nd_w_sum": dict(weight=w, reduction="sum"),
    "nd_ign": dict(ignore_index=0),
    "nd_w_ign": dict(weight=w, ignore_index=3),
    "nd_w_ign_none": dict(weight=w, ignore_index=3, reduction="none"),
    "nd_ls": dict(label_smoothing=0.15),
    "nd_ls_w_ign": dict(label_smoothing=0.15, weight=w, ignore_index=2),
    "nd_ls_none": dict(label_smoothing=0.15, reduction="none"),
}
for name, kw in nd_cases.items():
    with section(name):
        a = xs.clone().requires_grad_()
        y = F.cross_entropy(a, ts, **kw)
        check(name, y)
        check(name + "_graph", graph(y))
        (y * torch.arange(1.0, 1.0 + y.numel()).reshape(y.shape)).sum().backward()
        check(name + "_grad", a.grad)
        check(name + "_module", nn.CrossEntropyLoss(**kw)(xs, ts))
        if "label_smoothing" not in kw:
            lp = torch.log_softmax(a, 1)
            check(name + "_nll", F.nll_loss(lp, ts, **kw))
            check(name + "_nll_module", nn.NLLLoss(**kw)(lp, ts))

with section("nd_4d"):
    a = xs.reshape(3, 4, 5, 1).clone().requires_grad_()
    t4 = ts.reshape(3, 5, 1)
    for red in ("mean", "sum", "none"):
        y = F.cross_entropy(a, t4, reduction=red, weight=w)
        check("nd_4d_" + red, y)
        check("nd_4d_graph_" + red, graph(y))
    y = F.nll_loss(a, t4, ignore_index=1)
    check("nd_4d_nll", y)
    y.backward()
    check("nd_4d_nll_grad", a.grad)

with section("nd_5d_and_transposed"):
    a = xs.reshape(3, 4, 5, 1, 1).clone().requires_grad_()
    y = F.cross_entropy(a, ts.reshape(3, 5, 1, 1), reduction="none")
    check("nd_5d_none", y)
    check("nd_5d_graph", graph(y))
    y.sum().backward()
    check("nd_5d_grad", a.grad)
    b = xs.clone().requires_grad_()  # b.transpose(1, 2): classes 5, length 4, not contiguous
    tb = torch.tensor([[0, 4, 2, 3], [1, 1, 0, 4], [2, 3, 4, 0]])
    y = F.nll_loss(b.transpose(1, 2), tb)
    check("nd_transposed", y)
    check("nd_transposed_graph", graph(y))
    y.backward()
    check("nd_transposed_grad", b.grad)
    # a sequence model's logits (B, T, C) reshaped or transposed for the loss
    logits = xs.transpose(1, 2).clone().requires_grad_()  # (3, 5, 4)
    l1 = F.cross_entropy(logits.reshape(-1, 4), ts.reshape(-1))
    l2 = F.cross_entropy(logits.transpose(1, 2), ts)
    check("seq_reshape", l1)
    check("seq_transpose", l2)
    l2.backward()
    check("seq_transpose_grad", logits.grad)

with section("nd_empty"):
    e = torch.zeros(0, 4, 5, requires_grad=True)
    te = torch.zeros(0, 5, dtype=torch.long)
    check("nd_empty_sum", F.cross_entropy(e, te, reduction="sum"))
    check("nd_empty_none", F.cross_entropy(e, te, reduction="none"))
    check("nd_empty_mean", F.cross_entropy(e, te))

with section("empty_and_all_ignored"):
    e = torch.zeros(0, 4, requires_grad=True)
    y = F.cross_entropy(e, torch.zeros(0, 4))
    check("prob_empty_mean", y)
    check("prob_empty_graph", graph(y))
    y.backward()
    check("prob_empty_grad", e.grad)
    check("prob_empty_sum", F.cross_entropy(e, torch.zeros(0, 4), reduction="sum"))
    check("ls_empty", F.cross_entropy(e, torch.zeros(0, dtype=torch.long), label_smoothing=0.1))
    a = x.clone().requires_grad_()
    y = F.cross_entropy(a, torch.tensor([1, 1, 1]), label_smoothing=0.1, ignore_index=1)
    check("ls_all_ignored", y)
    y.backward()
    check("ls_all_ignored_grad", a.grad)

with section("saved"):
    y = F.cross_entropy(x.clone().requires_grad_(), probs)
    check("prob_saved_other", y.grad_fn._saved_other)

x3 = xs
x4 = xs.reshape(3, 4, 5, 1)
raises("err_ls_big", lambda: F.cross_entropy(x, t, label_smoothing=1.5))
raises("err_prob_ls_big", lambda: F.cross_entropy(x, probs, label_smoothing=1.5))
raises("err_prob_long", lambda: F.cross_entropy(x, torch.zeros(3, 4, dtype=torch.long)))
raises("err_prob_ignore", lambda: F.cross_entropy(x, probs, ignore_index=1))
raises("err_prob_weight", lambda: F.cross_entropy(x, probs, weight=torch.ones(3)))
raises("err_prob_float_other_shape", lambda: F.cross_entropy(x, probs[:2]))
raises("err_prob_reduction", lambda: F.cross_entropy(x, probs, reduction="avg"))
raises("err_nd_target_size", lambda: F.nll_loss(x3, ts[:, :3]))
raises("err_nd_target_dims", lambda: F.cross_entropy(x3, ts.reshape(3, 1, 5)))
raises("err_nd_batch", lambda: F.cross_entropy(x3, ts[:2]))
raises("err_nd_float_target", lambda: F.nll_loss(x3, ts.float()))
raises("err_nd_oob", lambda: F.cross_entropy(x3, ts + 2))
raises("err_nd_weight", lambda: F.nll_loss(x3, ts, weight=torch.ones(2)))
raises("err_nd_weight_dtype", lambda: F.nll_loss(x3, ts, weight=torch.ones(4).double()))
raises("err_nd_long_input", lambda: F.nll_loss(x3.long(), ts))
raises("err_4d_target_dims", lambda: F.nll_loss(x4, ts))
raises("err_4d_size", lambda: F.nll_loss(x4, ts.reshape(3, 5, 1)[:, :2]))
raises("err_4d_float_target", lambda: F.nll_loss(x4, ts.reshape(3, 5, 1).float()))
raises("err_4d_weight", lambda: F.nll_loss(x4, ts.reshape(3, 5, 1), weight=torch.ones(5)))
raises("err_4d_oob", lambda: F.nll_loss(x4, ts.reshape(3, 5, 1) - 1))
