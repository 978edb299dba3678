"""``grad_fn.register_prehook`` runs (it was registered and then ignored): in the fast
backward loop and in the instrumented one alike, after the tensor's hooks and retain_grad,
replacing the gradient when it returns a tuple (PyTorch's results:
tests/oracle/programs/autograd_node_prehooks.py)."""

import pytest

import autograd_viz as torch
from autograd_viz import events


@pytest.mark.parametrize("listen", [False, True])
def test_prehook_replaces_the_gradient(listen):
    handle = events.subscribe(lambda kind, payload: None) if listen else None
    try:
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        z = (x * 3) * (x * 3)
        order = []
        z.register_hook(lambda g: order.append("tensor"))
        z.grad_fn.register_prehook(lambda go: (order.append("node"), (go[0] * 10,))[1])
        z.sum().backward()
        assert order == ["tensor", "node"]
        assert x.grad.tolist() == [10 * 18.0 * 1, 10 * 18.0 * 2]
    finally:
        if handle is not None:
            handle.remove()


def test_prehook_errors():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    z = x.exp()
    z.grad_fn.register_prehook(lambda go: 5)
    with pytest.raises(TypeError, match="expected tuple, but hook returned 'int'"):
        z.sum().backward()
    z = x.exp()

    def bad(go):
        return (go[0], go[0])

    z.grad_fn.register_prehook(bad)
    with pytest.raises(RuntimeError, match=r"hook 'bad' has returned an incorrect number"):
        z.sum().backward()
