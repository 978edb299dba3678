# nn.Embedding / F.embedding with max_norm (rows renormalised in place under no_grad, as
# embedding_renorm_), norm_type, scale_grad_by_freq, padding_idx with both, the double
# backward's node (EmbeddingDenseBackwardBackward0), PyTorch's errors
idx = torch.tensor([[0, 2], [2, 3]])
for max_norm, norm_type in (
    (3.0, 2.0),
    (3.0, 1.0),
    (5.0, 3.0),
    (2.0, 0.5),
    (4.0, float("inf")),
    (20.0, 2.0),
):
    key = f"renorm_{max_norm}_{norm_type}"
    with section(key):
        w = torch.arange(12.0).reshape(4, 3).requires_grad_()
        y = F.embedding(idx, w, max_norm=max_norm, norm_type=norm_type)
        check(key, y)
        check(key + "_weight", w)
        check(key + "_version", w._version)
        check(key + "_graph", graph(y))
        (y * y).sum().backward()
        check(key + "_grad", w.grad)
with section("module"):
    torch.manual_seed(0)
    emb = nn.Embedding(6, 3, max_norm=1.0, scale_grad_by_freq=True, padding_idx=1)
    check("module_repr", repr(emb))
    with torch.no_grad():
        emb.weight.copy_(torch.arange(18.0).reshape(6, 3) * 0.3 - 2.0)
    i = torch.tensor([[0, 1, 4, 4], [4, 5, 0, 1]])
    y = emb(i)
    check("module_out", y)
    check("module_weight", emb.weight)
    y.pow(2).sum().backward()
    check("module_grad", emb.weight.grad)
    check("module_norms", emb.weight.norm(dim=1))
with section("freq"):
    w = torch.arange(10.0, dtype=torch.float64).reshape(5, 2).requires_grad_()
    i = torch.tensor([[0, 1, 1], [1, 3, 1]])
    for pad in (None, 3, 1):
        w.grad = None
        F.embedding(i, w, padding_idx=pad, scale_grad_by_freq=True).pow(2).sum().backward()
        check(f"freq_pad{pad}", w.grad)
    y = F.embedding(i, w, scale_grad_by_freq=True)
    (g,) = torch.autograd.grad((y**3).sum(), w, create_graph=True)
    check("freq_double_g", g)
    check("freq_double_graph", graph(g))
    check("freq_double_g2", torch.autograd.grad((g * g).sum(), w))
    y = F.embedding(i, w, padding_idx=1)
    (g,) = torch.autograd.grad((y**3).sum(), w, create_graph=True)
    check("pad_double_graph", graph(g))
    check("pad_double_g2", torch.autograd.grad((g * g).sum(), w))
    # (scale_grad_by_freq is not the derivative of the lookup: gradcheck says so)
    raises(
        "freq_gradcheck",
        lambda: torch.autograd.gradcheck(
            lambda t: F.embedding(i, t, scale_grad_by_freq=True), (w,)
        ),
        key="Jacobian mismatch for output 0 with respect to input 0",
    )
with section("renorm_int32"):
    w = torch.arange(12.0).reshape(4, 3)
    check("renorm_int32", F.embedding(torch.tensor([1, 3], dtype=torch.int32), w, max_norm=2.0))
    check("renorm_int32_w", w)
with section("renorm_negative"):  # the row is renormalised, then the lookup fails
    w = torch.arange(12.0).reshape(4, 3)
    raises("renorm_negative", lambda: F.embedding(torch.tensor([-1]), w, max_norm=1.0))
    check("renorm_negative_w", w)
raises("renorm_range", lambda: F.embedding(torch.tensor([5, -7]), torch.ones(4, 3), max_norm=1.0))
raises("renorm_float_idx", lambda: F.embedding(torch.tensor([1.0]), torch.ones(4, 3), max_norm=1.0))
raises("renorm_1d_weight", lambda: F.embedding(torch.tensor([1]), torch.ones(4), max_norm=1.0))
raises(
    "renorm_pad",
    lambda: F.embedding(torch.tensor([1]), torch.ones(4, 3), padding_idx=9, max_norm=1.0),
)
