# Teaching code written "for several GPUs" run on a CPU: nn.DataParallel keeps the model as
# .module (parameters named module.*, no device ids) and runs it as it is;
# DistributedDataParallel needs a process group (PyTorch's error). The torch.utils.data
# submodules (dataset, dataloader, sampler) that older tutorials import from.
torch.manual_seed(0)
lin = nn.Linear(3, 2)
dp = nn.DataParallel(lin)
check("dp repr", dp)
check("dp type", str(type(dp)))
check("dp state keys", list(dp.state_dict().keys()))
check("dp params", [n for n, _ in dp.named_parameters()])
check("dp device_ids", dp.device_ids)
check("dp module is lin", dp.module is lin)
x = torch.randn(4, 3)
y = dp(x)
check("dp out", y)
y.sum().backward()
check("dp grad", lin.weight.grad)
check("parallel alias", nn.parallel.DataParallel is nn.DataParallel)
check("dp of seq", nn.DataParallel(nn.Sequential(nn.Linear(2, 2), nn.ReLU()), device_ids=[0]))
raises("ddp", lambda: nn.parallel.DistributedDataParallel(nn.Linear(2, 1)))

data = torch.utils.data
check("dataset mod", data.dataset.Dataset is data.Dataset)
check("dataset split", data.dataset.random_split is data.random_split)
check("sampler mod", data.sampler.SubsetRandomSampler is data.SubsetRandomSampler)
check("dataloader mod", data.dataloader.DataLoader is data.DataLoader)
ds = data.dataset.TensorDataset(torch.arange(6.0).view(3, 2), torch.tensor([0, 1, 0]))
sampler = data.sampler.SequentialSampler(ds)
check("loader batches", list(data.dataloader.DataLoader(ds, batch_size=2, sampler=sampler)))
