# PyTorch tutorials "Per-sample-gradients" and "Model ensembling" (torch.func):
# https://pytorch.org/tutorials/intermediate/per_sample_grads.html
# https://pytorch.org/tutorials/intermediate/ensembling.html
# (a small MLP on random data instead of the tutorials' MNIST-shaped CNN, to stay quick;
# vmap's outputs compared detached: autograd_viz's vmap runs the function per sample and
# stacks the results, so their grad_fn is StackBackward0 where PyTorch's batched ops end
# in the function's last node)
import copy

torch.manual_seed(0)


class SimpleMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(8, 16)
        self.fc2 = nn.Linear(16, 4)

    def forward(self, x):
        x = x.flatten(1)
        x = F.relu(self.fc1(x))
        x = self.fc2(x)
        return F.log_softmax(x, dim=1)


batch_size = 6
data = torch.randn(batch_size, 2, 4)
targets = torch.randint(4, (batch_size,))
model = SimpleMLP()


def loss_fn(predictions, targets):
    return F.nll_loss(predictions, targets)


def compute_grad(sample, target):
    sample = sample.unsqueeze(0)
    target = target.unsqueeze(0)
    prediction = model(sample)
    loss = loss_fn(prediction, target)
    return torch.autograd.grad(loss, list(model.parameters()))


def compute_sample_grads(data, targets):
    sample_grads = [compute_grad(data[i], targets[i]) for i in range(batch_size)]
    sample_grads = zip(*sample_grads)
    return [torch.stack(shards) for shards in sample_grads]


per_sample_grads = compute_sample_grads(data, targets)
check("loop_grads", [g.shape for g in per_sample_grads])
check("loop_grads_values", per_sample_grads)

params = {k: v.detach() for k, v in model.named_parameters()}
buffers = {k: v.detach() for k, v in model.named_buffers()}


def compute_loss(params, buffers, sample, target):
    batch = sample.unsqueeze(0)
    targets = target.unsqueeze(0)
    predictions = torch.func.functional_call(model, (params, buffers), (batch,))
    return loss_fn(predictions, targets)


ft_compute_grad = torch.func.grad(compute_loss)
ft_compute_sample_grad = torch.func.vmap(ft_compute_grad, in_dims=(None, None, 0, 0))
ft_per_sample_grads = ft_compute_sample_grad(params, buffers, data, targets)
check("vmap_keys", list(ft_per_sample_grads.keys()))
check("vmap_grads", [ft_per_sample_grads[k] for k in params])
check(
    "match",
    [
        torch.allclose(per_sample_grad, ft_per_sample_grad, atol=3e-3, rtol=1e-5)
        for per_sample_grad, ft_per_sample_grad in zip(
            per_sample_grads, ft_per_sample_grads.values()
        )
    ],
)

# model ensembling
num_models = 5
minibatches = data.unsqueeze(0).expand(num_models, -1, -1, -1)
models = [SimpleMLP() for _ in range(num_models)]
minibatch = minibatches[0]
predictions_diff_minibatch_loop = [model(minibatch) for model in models]
check("ensemble_loop", predictions_diff_minibatch_loop)

params, buffers = torch.func.stack_module_state(models)
check("stacked_shapes", {k: v.shape for k, v in params.items()})
base_model = copy.deepcopy(models[0])
base_model = base_model.to("meta")


def fmodel(params, buffers, x):
    return torch.func.functional_call(base_model, (params, buffers), (x,))


predictions1_vmap = torch.func.vmap(fmodel, in_dims=(0, 0, None))(params, buffers, minibatch)
check("ensemble_vmap", predictions1_vmap.detach())
check(
    "ensemble_match",
    torch.allclose(
        predictions1_vmap, torch.stack(predictions_diff_minibatch_loop), atol=1e-3, rtol=1e-5
    ),
)
predictions2_vmap = torch.func.vmap(fmodel)(params, buffers, minibatches)
check("ensemble_vmap_diff", predictions2_vmap.detach())
