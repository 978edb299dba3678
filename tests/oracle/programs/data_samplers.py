# torch.utils.data's samplers after a seed (PyTorch's draws: RandomSampler seeds its own
# generator from the default one, SubsetRandomSampler is a randperm, WeightedRandomSampler
# a multinomial of double weights) and DataLoader with sampler= / batch_sampler= (a
# train / validation split as tutorials write it), their errors
data = torch.utils.data
ds = data.TensorDataset(torch.arange(12.0), torch.arange(12) % 3)
torch.manual_seed(0)
check("sequential", list(data.SequentialSampler(ds)))
check("random", list(data.RandomSampler(ds)))
check("random_len", len(data.RandomSampler(ds, num_samples=5)))
check("random_replacement", list(data.RandomSampler(ds, replacement=True, num_samples=40)))
check("random_more_than_n", list(data.RandomSampler(ds, num_samples=15)))
g = torch.Generator().manual_seed(7)
check("random_generator", list(data.RandomSampler(ds, generator=g)))
check("subset_random", list(data.SubsetRandomSampler([1, 3, 5, 7, 9])))
w = [0.1, 0.9, 0.4, 0.2]
check("weighted", list(data.WeightedRandomSampler(w, 12)))
check("weighted_no_replacement", list(data.WeightedRandomSampler(w, 3, replacement=False)))
check("weights_dtype", data.WeightedRandomSampler(w, 2).weights)
check("batch", list(data.BatchSampler(data.SequentialSampler(range(10)), 3, False)))
check("batch_drop_last", list(data.BatchSampler(range(10), 3, True)))
check(
    "batch_len",
    [len(data.BatchSampler(range(10), 3, False)), len(data.BatchSampler(range(10), 3, True))],
)
indices = list(range(12))
train_idx, valid_idx = indices[3:], indices[:3]
train_loader = data.DataLoader(ds, batch_size=4, sampler=data.SubsetRandomSampler(train_idx))
valid_loader = data.DataLoader(ds, batch_size=4, sampler=data.SubsetRandomSampler(valid_idx))
check("loader_subset_sampler", [[x.tolist(), y.tolist()] for x, y in train_loader])
check("loader_valid", [x.tolist() for x, _ in valid_loader])
check("loader_lens", [len(train_loader), len(valid_loader)])
sampler = data.WeightedRandomSampler([1.0, 2.0] * 6, num_samples=8)
check(
    "loader_weighted", [y.tolist() for _, y in data.DataLoader(ds, batch_size=3, sampler=sampler)]
)
bs = data.BatchSampler(data.RandomSampler(ds), batch_size=5, drop_last=False)
check("loader_batch_sampler", [x.tolist() for x, _ in data.DataLoader(ds, batch_sampler=bs)])
check("loader_no_batch", [x.item() for x, _ in data.DataLoader(ds, batch_size=None)][:4])
check("loader_shuffle_len", len(data.DataLoader(ds, batch_size=5, shuffle=True, drop_last=True)))
check("after", torch.rand(2))
raises("shuffle_and_sampler", lambda: data.DataLoader(ds, shuffle=True, sampler=[0, 1]))
raises("batch_sampler_excl", lambda: data.DataLoader(ds, batch_size=2, batch_sampler=[[0]]))
raises("no_batch_drop_last", lambda: data.DataLoader(ds, batch_size=None, drop_last=True))
raises("random_replacement_type", lambda: data.RandomSampler(ds, replacement=1))
raises("random_num_samples", lambda: data.RandomSampler(ds, num_samples=0))
raises("weighted_num_samples", lambda: data.WeightedRandomSampler(w, True))
raises("weighted_replacement", lambda: data.WeightedRandomSampler(w, 2, replacement=None))
raises("weighted_2d", lambda: data.WeightedRandomSampler([[1.0, 2.0]], 2))
raises("batch_size", lambda: data.BatchSampler(range(3), 0, False))
raises("batch_drop_last", lambda: data.BatchSampler(range(3), 2, 1))
