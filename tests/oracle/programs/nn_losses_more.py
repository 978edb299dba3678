# The losses and distances teaching code meets beyond MSE / cross entropy: cosine embedding,
# margin ranking, hinge embedding, soft margin, multi margin, multilabel margin / soft
# margin, Poisson and Gaussian NLL, triplet margin (with distance), pairwise distance,
# cosine similarity; values, grads, graphs, modules, gradcheck and bad input
x = torch.tensor(
    [[0.5, -1.0, 2.0, -3.5], [1.5, 0.25, -0.8, 7.0], [0.1, 0.2, -0.3, 0.4]], requires_grad=True
)
x2 = torch.tensor(
    [[1.0, 0.4, -2.0, 0.5], [-1.5, 0.75, 0.25, 3.0], [0.3, -0.2, 0.1, 0.6]], requires_grad=True
)
x3 = torch.tensor(
    [[0.0, 1.0, 1.0, -1.0], [2.0, -0.5, 0.5, 1.0], [0.2, 0.2, -0.2, 0.3]], requires_grad=True
)
w = torch.arange(1.0, 13.0).reshape(3, 4) / 10
y = torch.tensor([1.0, -1.0, 1.0])
ysign = torch.tensor([[1.0, -1.0, 1.0, -1.0], [-1.0, -1.0, 1.0, 1.0], [1.0, 1.0, -1.0, 1.0]])
ybin = (ysign > 0).float()
cls = torch.tensor([0, 2, 3])
ml = torch.tensor([[0, 2, -1, 1], [1, -1, 0, 0], [3, 2, 1, 0]])
cnt = torch.tensor([[0.0, 1.0, 2.0, 5.0], [3.0, 0.0, 1.0, 1.0], [2.0, 4.0, 0.0, 1.0]])
var = torch.tensor([[0.5, 1.0, 2.0, 0.1], [1.0, 1.0, 0.3, 2.0], [0.0, 1.5, 1.0, 1.0]])
gc = torch.autograd.gradcheck
ggc = torch.autograd.gradgradcheck

cases = {
    "cosine_embedding": (
        lambda a, **k: F.cosine_embedding_loss(a, x2, y, **k),
        nn.CosineEmbeddingLoss,
    ),
    "cosine_embedding_m": (
        lambda a, **k: F.cosine_embedding_loss(a, x2, y, margin=-0.5, **k),
        lambda **k: nn.CosineEmbeddingLoss(margin=-0.5, **k),
    ),
    "margin_ranking": (
        lambda a, **k: F.margin_ranking_loss(a[:, 0], x2[:, 1], y, **k),
        nn.MarginRankingLoss,
    ),
    "margin_ranking_m": (
        lambda a, **k: F.margin_ranking_loss(a[:, 0], x2[:, 1], y, margin=0.5, **k),
        lambda **k: nn.MarginRankingLoss(margin=0.5, **k),
    ),
    "hinge_embedding": (
        lambda a, **k: F.hinge_embedding_loss(a, ysign, **k),
        nn.HingeEmbeddingLoss,
    ),
    "hinge_embedding_m": (
        lambda a, **k: F.hinge_embedding_loss(a, ysign, margin=2.0, **k),
        lambda **k: nn.HingeEmbeddingLoss(margin=2.0, **k),
    ),
    "soft_margin": (lambda a, **k: F.soft_margin_loss(a, ysign, **k), nn.SoftMarginLoss),
    "multi_margin": (lambda a, **k: F.multi_margin_loss(a, cls, **k), nn.MultiMarginLoss),
    "multi_margin_p2": (
        lambda a, **k: F.multi_margin_loss(a, cls, p=2, margin=0.7, **k),
        lambda **k: nn.MultiMarginLoss(p=2, margin=0.7, **k),
    ),
    "multi_margin_w": (
        lambda a, **k: F.multi_margin_loss(
            a, cls, weight=torch.tensor([1.0, 2.0, 0.5, 3.0], dtype=a.dtype), **k
        ),
        None,
    ),
    "multilabel_margin": (
        lambda a, **k: F.multilabel_margin_loss(a, ml, **k),
        nn.MultiLabelMarginLoss,
    ),
    "multilabel_soft_margin": (
        lambda a, **k: F.multilabel_soft_margin_loss(a, ybin, **k),
        nn.MultiLabelSoftMarginLoss,
    ),
    "multilabel_soft_margin_w": (
        lambda a, **k: F.multilabel_soft_margin_loss(
            a, ybin, weight=torch.tensor([1.0, 2.0, 0.5, 3.0], dtype=a.dtype), **k
        ),
        None,
    ),
    "poisson_nll": (lambda a, **k: F.poisson_nll_loss(a, cnt, **k), nn.PoissonNLLLoss),
    "poisson_nll_nolog_full": (
        lambda a, **k: F.poisson_nll_loss(a.abs(), cnt, log_input=False, full=True, **k),
        None,
    ),
    "poisson_nll_full": (
        lambda a, **k: F.poisson_nll_loss(a, cnt, full=True, **k),
        lambda **k: nn.PoissonNLLLoss(full=True, **k),
    ),
    "gaussian_nll": (lambda a, **k: F.gaussian_nll_loss(a, x2, var, **k), None),
    "gaussian_nll_full": (lambda a, **k: F.gaussian_nll_loss(a, x2, var, full=True, **k), None),
    "gaussian_nll_var_grad": (lambda a, **k: F.gaussian_nll_loss(x2, x3, a.abs(), **k), None),
    "gaussian_nll_homo": (
        lambda a, **k: F.gaussian_nll_loss(a, x2, torch.tensor([0.5, 1.0, 2.0]), **k),
        None,
    ),
    "gaussian_nll_col": (
        lambda a, **k: F.gaussian_nll_loss(a, x2, torch.tensor([[0.5], [1.0], [2.0]]), **k),
        None,
    ),
    "gaussian_nll_float": (lambda a, **k: F.gaussian_nll_loss(a, x2, 0.7, **k), None),
    "triplet": (lambda a, **k: F.triplet_margin_loss(a, x2, x3, **k), nn.TripletMarginLoss),
    "triplet_p1_swap": (
        lambda a, **k: F.triplet_margin_loss(a, x2, x3, p=1, swap=True, margin=2.0, **k),
        lambda **k: nn.TripletMarginLoss(p=1, swap=True, margin=2.0, **k),
    ),
    "triplet_p3": (lambda a, **k: F.triplet_margin_loss(a, x2, x3, p=3, **k), None),
    "triplet_distance": (
        lambda a, **k: F.triplet_margin_with_distance_loss(a, x2, x3, **k),
        nn.TripletMarginWithDistanceLoss,
    ),
    "triplet_distance_cos_swap": (
        lambda a, **k: F.triplet_margin_with_distance_loss(
            a,
            x2,
            x3,
            distance_function=lambda u, v: 1.0 - F.cosine_similarity(u, v),
            swap=True,
            margin=0.5,
            **k,
        ),
        None,
    ),
}
weights = torch.arange(1.0, 13.0).reshape(3, 4)
for name, (fn, mod) in cases.items():
    with section(name):
        for red in ("mean", "sum", "none"):
            out = fn(x, reduction=red)
            check(f"{name}_{red}", out)
            check(f"{name}_{red}_graph", graph(out))
            (out * weights.reshape(-1)[: out.numel()].reshape(out.shape)).sum().backward()
            check(f"{name}_{red}_grad", x.grad)
            x.grad = None
        if mod is not None:
            args = {
                "cosine": (x, x2, y),
                "margin": (x[:, 0], x2[:, 1], y),
                "hinge": (x, ysign),
                "soft": (x, ysign),
                "multi_": (x, cls),
                "multilabel_m": (x, ml),
                "multilabel_s": (x, ybin),
                "poisson": (x, cnt),
                "triplet": (x, x2, x3),
            }
            key = next(k for k in args if name.startswith(k))
            m = mod()
            check(name + "_module", m(*args[key]))
            check(name + "_repr", repr(m))
            check(name + "_module_sum", mod(reduction="sum")(*args[key]))
        xd = x.detach().double().requires_grad_(True)
        check(name + "_gradcheck", gc(lambda a: fn(a, reduction="sum"), (xd,)))
        check(name + "_gradcheck_none", gc(lambda a: fn(a, reduction="none"), (xd,)))

with section("margin_ranking_module"):
    m = nn.MarginRankingLoss(margin=0.25)
    check("margin_ranking_module_out", m(x[:, 0], x2[:, 1], y))
    check("margin_ranking_module_repr", repr(m))

# the legacy size_average / reduce arguments
with section("legacy"):
    check("legacy_soft_margin", F.soft_margin_loss(x, ysign, size_average=False))
    check("legacy_cos_emb", F.cosine_embedding_loss(x, x2, y, reduce=False))
    check("legacy_module", nn.HingeEmbeddingLoss(size_average=False)(x, ysign))

# 1-D / 0-d forms
with section("vector_forms"):
    v = torch.tensor([0.5, -1.0, 2.0, 0.25], requires_grad=True)
    check("cos_emb_1d", F.cosine_embedding_loss(v, x2[0], torch.tensor(-1.0), reduction="none"))
    check("multi_margin_1d", F.multi_margin_loss(v, torch.tensor([2]), reduction="none"))
    check("multi_margin_1d_0d", F.multi_margin_loss(v, torch.tensor(2), reduction="none"))
    check(
        "multilabel_1d", F.multilabel_margin_loss(v, torch.tensor([3, 0, -1, 1]), reduction="none")
    )
    check("multilabel_1d_mean", F.multilabel_margin_loss(v, torch.tensor([3, 0, -1, 1])))
    check("triplet_1d", F.triplet_margin_loss(v, x2[0], x3[0], reduction="none"))
    check("pairwise_0d", F.pairwise_distance(torch.tensor(1.0), torch.tensor(3.0)))
    l = F.multi_margin_loss(v, torch.tensor([2]), p=2) + F.multilabel_margin_loss(
        v, torch.tensor([3, 0, -1, 1])
    )
    l.backward()
    check("vector_forms_grad", v.grad)

# distances
for name, fn, mod in (
    ("pairwise", lambda a, b: F.pairwise_distance(a, b), nn.PairwiseDistance()),
    (
        "pairwise_p1_keep",
        lambda a, b: F.pairwise_distance(a, b, p=1, keepdim=True),
        nn.PairwiseDistance(p=1, keepdim=True),
    ),
    (
        "pairwise_inf",
        lambda a, b: F.pairwise_distance(a, b, p=float("inf")),
        nn.PairwiseDistance(p=float("inf")),
    ),
    ("pairwise_p0", lambda a, b: F.pairwise_distance(a, b, p=0), None),
    ("pairwise_p1_5", lambda a, b: F.pairwise_distance(a, b, p=1.5, eps=0.0), None),
    ("pairwise_bcast", lambda a, b: F.pairwise_distance(a, b[0]), None),
    ("cosine_similarity", lambda a, b: F.cosine_similarity(a, b), nn.CosineSimilarity()),
    (
        "cosine_similarity_dim0",
        lambda a, b: F.cosine_similarity(a, b, dim=0),
        nn.CosineSimilarity(dim=0),
    ),
    ("cosine_similarity_bcast", lambda a, b: F.cosine_similarity(a, b[:1]), None),
    ("cosine_similarity_zero", lambda a, b: F.cosine_similarity(a * 0, b), None),
):
    with section(name):
        out = fn(x, x2)
        check(name, out)
        check(name + "_graph", graph(out))
        out.sum().backward()
        check(name + "_grad_x", x.grad)
        check(name + "_grad_x2", x2.grad)
        x.grad = x2.grad = None
        if mod is not None:
            check(name + "_module", mod(x, x2))
            check(name + "_repr", repr(mod))
        if name != "pairwise_p0":
            xd, x2d = x.detach().double().requires_grad_(), x2.detach().double().requires_grad_()
            check(name + "_gradcheck", gc(fn, (xd, x2d)))
check(
    "pairwise_int",
    F.pairwise_distance(torch.tensor([[1, 2], [3, 4]]), torch.tensor([[0, 0], [1, 1]])),
)
check(
    "cosine_similarity_int", F.cosine_similarity(torch.tensor([[1.0, 2.0]]), torch.tensor([[3, 4]]))
)
check("pairwise_mixed", F.pairwise_distance(x.detach(), x2.detach().double()))
check("print_type", str(type(nn.PairwiseDistance())) + str(type(nn.SoftMarginLoss())))

# second derivatives
with section("double"):
    xd = x.detach().double().requires_grad_(True)
    check("ggc_soft_margin", ggc(lambda a: F.soft_margin_loss(a, ysign.double()), (xd,)))
    check("ggc_cos_emb", ggc(lambda a: F.cosine_embedding_loss(a, x2.detach().double(), y), (xd,)))
    check(
        "ggc_triplet",
        ggc(lambda a: F.triplet_margin_loss(a, x2.detach().double(), x3.detach().double()), (xd,)),
    )
    check(
        "ggc_gauss",
        ggc(lambda a: F.gaussian_nll_loss(a, x2.detach().double(), var.double()), (xd,)),
    )
    check("ggc_poisson", ggc(lambda a: F.poisson_nll_loss(a, cnt.double()), (xd,)))
    check("ggc_mlsm", ggc(lambda a: F.multilabel_soft_margin_loss(a, ybin.double()), (xd,)))
    (g,) = torch.autograd.grad(F.multi_margin_loss(xd, cls), xd, create_graph=True)
    check("multi_margin_double_grad_fn", g)
    raises("multi_margin_double", lambda: g.sum().backward())
    (g,) = torch.autograd.grad(F.multilabel_margin_loss(xd, ml), xd, create_graph=True)
    raises("multilabel_margin_double", lambda: g.sum().backward())

# bad input
a = torch.tensor([[0.5, -1.0, 2.0, -3.5], [1.5, 0.25, -0.75, 7.0], [0.1, 0.2, -0.3, 0.4]])
b = a.flip(0)
raises("ce_bad_red", lambda: F.cosine_embedding_loss(a, b, y, reduction="bad"))
raises("ce_2d_target", lambda: F.cosine_embedding_loss(a, b, y[None]))
raises("ce_1d_inputs", lambda: F.cosine_embedding_loss(a[0], b[0], y))
raises("ce_0d_bad", lambda: F.cosine_embedding_loss(a, b, torch.tensor(1.0)))
raises("ce_list", lambda: F.cosine_embedding_loss([1.0], b, y))
raises("ce_shape", lambda: F.cosine_embedding_loss(a, b[:, :3], y))
raises("ce_ylen", lambda: F.cosine_embedding_loss(a, b, torch.tensor([1.0, -1.0])))
raises("ce_int", lambda: F.cosine_embedding_loss(a.long(), b.long(), y.long()))
raises(
    "ce_y0", lambda: F.cosine_embedding_loss(a, b, torch.tensor([1.0, 0.0, 2.0]), reduction="none")
)
raises("mr_dim", lambda: F.margin_ranking_loss(a, b, y))
raises("mr_shape", lambda: F.margin_ranking_loss(a[:, 0], b[:2, 0], y))
raises("mr_red", lambda: F.margin_ranking_loss(a[:, 0], b[:, 0], y, reduction="x"))
raises("mr_list", lambda: F.margin_ranking_loss([1.0], b[:, 0], y))
raises("mr_int", lambda: F.margin_ranking_loss(a[:, 0].long(), b[:, 0].long(), y.long()))
raises("he_shape", lambda: F.hinge_embedding_loss(a, y))
raises("he_red", lambda: F.hinge_embedding_loss(a, a.sign(), reduction="x"))
raises("he_list", lambda: F.hinge_embedding_loss([1.0], y))
raises("he_int", lambda: F.hinge_embedding_loss(a.long(), a.sign().long()))
raises("he_int_none", lambda: F.hinge_embedding_loss(a.long(), a.sign().long(), reduction="none"))
raises("sm_shape", lambda: F.soft_margin_loss(a, y))
raises("sm_bcast", lambda: F.soft_margin_loss(a, a[:, :1].sign(), reduction="none"))
raises("sm_red", lambda: F.soft_margin_loss(a, a.sign(), reduction="x"))
raises("sm_list", lambda: F.soft_margin_loss([1.0], y))
raises("sm_int", lambda: F.soft_margin_loss(a.long(), a.sign().long()))
raises("sm_int_target", lambda: F.soft_margin_loss(a, a.sign().long()))
raises("sm_tgrad", lambda: F.soft_margin_loss(a, a.sign().requires_grad_()))
raises("mm_p3", lambda: F.multi_margin_loss(a, cls, p=3))
raises("mm_w2d", lambda: F.multi_margin_loss(a, cls, weight=torch.ones(2, 2)))
raises("mm_wlen", lambda: F.multi_margin_loss(a, cls, weight=torch.ones(3)))
raises("mm_tlen", lambda: F.multi_margin_loss(a, torch.tensor([0, 1])))
raises("mm_trange", lambda: F.multi_margin_loss(a, torch.tensor([0, 1, 4])))
raises("mm_tneg", lambda: F.multi_margin_loss(a, torch.tensor([0, 1, -1])))
raises("mm_tfloat", lambda: F.multi_margin_loss(a, torch.tensor([0.0, 1.0, 2.0])))
raises("mm_3d", lambda: F.multi_margin_loss(a[None], cls))
raises("mm_t2d", lambda: F.multi_margin_loss(a, cls[None]))
raises("mm_red", lambda: F.multi_margin_loss(a, cls, reduction="x"))
raises("mm_int", lambda: F.multi_margin_loss(a.long(), cls))
raises("mm_pfloat", lambda: F.multi_margin_loss(a, cls, p=2.0))
raises("mm_wdtype", lambda: F.multi_margin_loss(a, cls, weight=torch.ones(4, dtype=torch.float64)))
raises("mm_64_32", lambda: F.multi_margin_loss(a.double(), cls, weight=torch.ones(4)))
raises("mm_module_p", lambda: nn.MultiMarginLoss(p=3))
raises("mm_module_w", lambda: nn.MultiMarginLoss(weight=torch.ones(2, 2)))
raises("ml_shape", lambda: F.multilabel_margin_loss(a, torch.tensor([[0, 1, -1, 0]])))
raises("ml_range", lambda: F.multilabel_margin_loss(a, torch.tensor([[0, 5, -1, 0]] * 3)))
raises("ml_float", lambda: F.multilabel_margin_loss(a, torch.tensor([[0, 1, -1, 0]] * 3).float()))
raises("ml_3d", lambda: F.multilabel_margin_loss(a[None], ml[None]))
raises("ml_red", lambda: F.multilabel_margin_loss(a, ml, reduction="x"))
raises("ml_neg2", lambda: F.multilabel_margin_loss(a, torch.tensor([[0, -2, -1, 0]] * 3)))
raises("ml_int", lambda: F.multilabel_margin_loss(a.long(), ml))
raises("ml_1d_shape", lambda: F.multilabel_margin_loss(a[0], ml))
raises("mls_red", lambda: F.multilabel_soft_margin_loss(a, ybin, reduction="x"))
raises("mls_shape", lambda: F.multilabel_soft_margin_loss(a, ybin[:2]))
raises("mls_int", lambda: F.multilabel_soft_margin_loss(a, ybin.long()))
raises("mls_1d", lambda: F.multilabel_soft_margin_loss(a[0], ybin[0]))
raises("pn_red", lambda: F.poisson_nll_loss(a, b, reduction="x"))
raises("pn_shape", lambda: F.poisson_nll_loss(a, b[:2]))
raises("pn_bc", lambda: F.poisson_nll_loss(a, b[:1]))
raises("pn_int", lambda: F.poisson_nll_loss(a.long(), b.long()))
raises("pn_list", lambda: F.poisson_nll_loss([1.0], b))
raises("g_neg", lambda: F.gaussian_nll_loss(a, b, -torch.ones(3, 4)))
raises("g_negf", lambda: F.gaussian_nll_loss(a, b, -1.0))
raises("g_int", lambda: F.gaussian_nll_loss(a, b, 1))
raises("g_size", lambda: F.gaussian_nll_loss(a, b, torch.ones(2)))
raises("g_two", lambda: F.gaussian_nll_loss(a, b, torch.ones(1, 1)))
raises("g_one2", lambda: F.gaussian_nll_loss(a, b, torch.ones(1, 4)))
raises("g_red", lambda: F.gaussian_nll_loss(a, b, torch.ones(3, 4), reduction="x"))
raises("g_tshape", lambda: F.gaussian_nll_loss(a, b[:1], torch.ones(3, 4)))
raises("g_tbad", lambda: F.gaussian_nll_loss(a, b[:2], torch.ones(3, 4)))
raises("tm_margin", lambda: F.triplet_margin_loss(a, b, b, margin=0))
raises("tm_dim", lambda: F.triplet_margin_loss(a, b, b[0]))
raises("tm_red", lambda: F.triplet_margin_loss(a, b, b, reduction="x"))
raises("tm_shape", lambda: F.triplet_margin_loss(a, b, b[:2]))
raises("tm_int", lambda: F.triplet_margin_loss(a.long(), b.long(), b.long() + 1))
raises("tm_module_margin", lambda: nn.TripletMarginLoss(margin=-1.0))
raises("tmd_margin", lambda: F.triplet_margin_with_distance_loss(a, b, b, margin=-1))
raises("tmd_red", lambda: F.triplet_margin_with_distance_loss(a, b, b, reduction="x"))
raises("tmd_dim", lambda: F.triplet_margin_with_distance_loss(a, b, b[0]))
raises("tmd_module_margin", lambda: nn.TripletMarginWithDistanceLoss(margin=0.0))
raises("pd_shape", lambda: F.pairwise_distance(a, b[:2]))
raises("pd_list", lambda: F.pairwise_distance([1.0], b))
raises("cs_int", lambda: F.cosine_similarity(a.long(), b.long()))
raises("cs_shape", lambda: F.cosine_similarity(a, b[:2]))
raises("cs_dim", lambda: F.cosine_similarity(a, b, dim=2))
