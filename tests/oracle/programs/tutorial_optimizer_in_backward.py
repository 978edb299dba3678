# PyTorch tutorial "How to save memory by fusing the optimizer step into the backward pass":
# https://pytorch.org/tutorials/intermediate/optimizer_step_in_backward_tutorial.html
# (Tensor.register_post_accumulate_grad_hook; a small MLP instead of the ViT)
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 2))
ref = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 2))
ref.load_state_dict(model.state_dict())

optimizer_dict = {p: torch.optim.Adam([p], foreach=False) for p in model.parameters()}
calls = []


def optimizer_hook(parameter) -> None:
    calls.append(tuple(parameter.shape))
    optimizer_dict[parameter].step()
    optimizer_dict[parameter].zero_grad()


handles = [p.register_post_accumulate_grad_hook(optimizer_hook) for p in model.parameters()]
check("handle_type", str(type(handles[0])))

ref_opt = torch.optim.Adam(ref.parameters(), foreach=False)
for step in range(3):
    x = torch.rand(4, 6)
    loss = model(x).sum()
    loss.backward()
    ref_loss = ref(x).sum()
    ref_loss.backward()
    ref_opt.step()
    ref_opt.zero_grad()
    check(f"loss_{step}", [loss, ref_loss])
check("calls", calls)
check("params", [p.detach() for p in model.parameters()])
check(
    "same_as_usual_loop",
    [torch.allclose(p, q) for p, q in zip(model.parameters(), ref.parameters())],
)
check("grads_after", [p.grad for p in model.parameters()])

# autograd.grad accumulates nothing: no hook runs
before = len(calls)
torch.autograd.grad(model(torch.rand(1, 6)).sum(), list(model.parameters()))
check("grad_no_hooks", len(calls) - before)

for h in handles:
    h.remove()
model(torch.rand(2, 6)).sum().backward()
check("removed", [len(calls), [p.grad is not None for p in model.parameters()]])

x = torch.ones(2, requires_grad=True)
raises("non_leaf", lambda: (x * 2).register_post_accumulate_grad_hook(lambda t: None))
raises("no_grad_tensor", lambda: torch.ones(2).register_post_accumulate_grad_hook(lambda t: None))
x.register_post_accumulate_grad_hook(lambda t: 5)
raises("returns_int", lambda: (x * 3).sum().backward())
