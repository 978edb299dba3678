"""In a graph of gradients (``create_graph=True``), a node's saved result unpacked again
is shown under the name of that node's output, not as an anonymous ``tensor``."""

import autograd_viz as torch


def _captions(keep_output):
    x = torch.tensor([0.5, 1.0], requires_grad=True)
    with torch.record() as rec:
        t = x.tanh()
        y = t.sum()
        if not keep_output:
            del t
        (g,) = torch.autograd.grad(y, x, create_graph=True)
    return [f.caption for f in rec.frames], g


def test_saved_result_named_as_the_output_it_is():
    for keep in (True, False):
        caps, g = _captions(keep)
        made = [c for c in caps if "tanh_backward(" in c]
        assert made, caps
        assert "tanh(x))" in made[0] or ", t)" in made[0], made[0]
        assert ", tensor)" not in made[0]
        assert g.grad_fn.name() == "TanhBackwardBackward0"


def test_a_changed_value_is_not_taken_for_the_output():
    # the same node, but a value the recorded output never had: not named after it
    x = torch.tensor([0.5, 1.0], requires_grad=True)
    with torch.record() as rec:
        t = x.tanh()
        node = t.grad_fn
        fake = torch.Tensor._make(t.detach().numpy() + 1, True, node)
        z = fake * 2
    text = " ".join(f.caption for f in rec.frames)
    assert "fake * 2" in text and "t * 2" not in text
    assert z.shape == (2,)
