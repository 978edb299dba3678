# PyTorch's CPU random stream after a seed: rand / randn (both of PyTorch's normal paths:
# fewer than 16 values, and 16 or more), randint (32- and 64-bit draws), randperm, uniform_,
# normal_, torch.normal, generators, the layers' initial weights, nn.init, DataLoader's
# shuffling and random_split, and the saved/restored state
DataLoader = torch.utils.data.DataLoader
TensorDataset = torch.utils.data.TensorDataset
random_split = torch.utils.data.random_split

torch.manual_seed(0)
check("rand", torch.rand(3))
check("randn_small", torch.randn(3))
check("randn_fill", torch.randn(20))
check("randn_2d", torch.randn(4, 5))
check("randint", torch.randint(0, 10, (5,)))
check("randint_big", torch.randint(0, 2**40, (3,)))
check("randint_int32", torch.randint(-5, 5, (4,), dtype=torch.int32))
check("randperm", torch.randperm(7))
check("rand_f64", torch.rand(2, dtype=torch.float64))
check("randn_f64", [torch.randn(3, dtype=torch.float64), torch.randn(17, dtype=torch.float64)])
x = torch.empty(5)
check("uniform_", x.uniform_(-2, 3).clone())
check("normal_", x.normal_(1, 2).clone())
check("normal_fn", [torch.normal(0.5, 2.0, size=(3,)), torch.normal(0.0, 1.0, size=(18,))])
check("like", [torch.rand_like(x), torch.randn_like(x), torch.randint_like(x, 3, 9)])
g = torch.Generator().manual_seed(7)
check("generator", [torch.rand(2, generator=g), torch.randn(2, generator=g)])
check("default_stream_untouched", torch.rand(2))
ds = TensorDataset(torch.arange(10))
check("loader_shuffle", [b[0].tolist() for b in DataLoader(ds, batch_size=4, shuffle=True)])
check("loader_plain", [b[0].tolist() for b in DataLoader(ds, batch_size=4)])
check("after_loader", torch.rand(2))
gl = torch.Generator().manual_seed(3)
check(
    "loader_generator",
    [b[0].tolist() for b in DataLoader(ds, batch_size=4, shuffle=True, generator=gl)],
)
a, b = random_split(ds, [7, 3])
check("random_split", [list(a.indices), list(b.indices)])
torch.manual_seed(1)
check("linear", [p.detach() for p in nn.Linear(3, 2).parameters()])
check("conv2d", [p.detach() for p in nn.Conv2d(2, 3, 3).parameters()])
check("conv_transpose", [p.detach() for p in nn.ConvTranspose2d(2, 3, 2).parameters()])
check("embedding", nn.Embedding(4, 5).weight.detach())
check("rnn", [p.detach() for p in nn.RNN(2, 3).parameters()])
check("lstm", [p.detach() for p in nn.LSTM(2, 2).parameters()])
check("init_xavier", nn.init.xavier_uniform_(torch.empty(2, 3)))
check("init_kaiming", nn.init.kaiming_normal_(torch.empty(2, 3)))
check("init_normal", nn.init.normal_(torch.empty(20), 0, 0.02))
s = torch.get_rng_state()
a1 = torch.randn(3)
torch.set_rng_state(s)
check("state_roundtrip", torch.equal(a1, torch.randn(3)))
torch.manual_seed(2)
check("normal_cache_across_calls", [torch.randn(1), torch.randn(1), torch.randn(1)])
torch.manual_seed(0)
check("dropout", [F.dropout(torch.ones(10), 0.3), nn.Dropout(0.5)(torch.ones(2, 6))])
check("dropout2d", F.dropout2d(torch.ones(2, 3, 2, 2), 0.5)[:, :, 0, 0])
check("bernoulli", [torch.bernoulli(torch.full((8,), 0.5)), torch.bernoulli(torch.ones(4), 0.3)])
check("bernoulli_f64", torch.bernoulli(torch.full((3,), 0.5, dtype=torch.float64)))
xb = torch.empty(6)
check("bernoulli_", [xb.bernoulli_(0.4).clone(), xb.bernoulli_(torch.full((6,), 0.5)).clone()])
check("exponential_", [torch.empty(5).exponential_(), torch.empty(3).exponential_(2.0)])
pm = torch.tensor([0.1, 0.2, 0.3, 0.4])
check("multinomial", [torch.multinomial(pm, 8, replacement=True), torch.multinomial(pm, 2)])
check("multinomial_one", torch.multinomial(pm, 1, replacement=True))
PM = torch.tensor([[0.5, 0.5, 0.0], [0.2, 0.3, 0.5]])
check("multinomial_rows", [torch.multinomial(PM, 4, replacement=True), torch.multinomial(PM, 2)])
# makemore's bigram sampling loop (Karpathy's lecture): a generator, rows of a matrix
g = torch.Generator().manual_seed(2147483647)
N = torch.rand(27, 27, generator=g)
Pn = N / N.sum(1, keepdim=True)
names = []
for _ in range(5):
    ix, out = 0, []
    while True:
        ix = torch.multinomial(Pn[ix], num_samples=1, replacement=True, generator=g).item()
        out.append(ix)
        if ix == 0 or len(out) > 30:
            break
    names.append(out)
check("makemore_samples", names)
