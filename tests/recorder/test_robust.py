"""The recorder never breaks code that runs without it, and big graphs draw (issue 11)."""

import re
import sys

import pytest

import autograd_viz as torch


def _outcome(fn):
    """(result repr, or the exception type and message) of ``fn()``."""
    try:
        return ("ok", repr(fn()))
    except Exception as exc:  # what the program raises is the thing compared
        return ("raised", type(exc).__name__, str(exc))


def _same_with_and_without_record(fn):
    plain = _outcome(fn)
    with torch.record() as rec:
        recorded = _outcome(fn)
    assert recorded == plain
    assert rec.internal_errors == []
    return rec


def test_mean_of_an_empty_tensor():
    def prog():
        x = torch.tensor([], requires_grad=True)
        return x.mean()

    _same_with_and_without_record(prog)


@pytest.mark.parametrize("label", [["a", "b"], b"bytes", 3, "a\x00b\x1b[31m\ud800z", "L" * 10000])
def test_odd_labels(label):
    def prog():
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        x.label = label
        y = (x * 2).sum()
        y.backward()
        d = torch.draw(y)
        d._repr_mimebundle_()
        return x.grad

    rec = _same_with_and_without_record(prog)
    for n in rec.graph.nodes.values():
        assert len(n.name) <= 41, n.name
        assert n.name.isprintable()


def test_a_hook_returning_a_number():
    def prog():
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = x * 2
        y.register_hook(lambda g: 5)
        y.sum().backward()
        return x.grad

    _same_with_and_without_record(prog)


def test_a_long_label_is_shortened_in_the_picture():
    x = torch.tensor([1.0], requires_grad=True)
    x.label = "L" * 10000
    d = torch.draw(x * 2)
    svg = d._repr_mimebundle_().get("image/svg+xml")
    if svg is None:
        pytest.skip("no Graphviz engine")
    width = float(re.search(r'width="([\d.]+)pt"', svg).group(1))
    assert width < 1000
    assert "…" in d.source


def test_a_10000_op_chain_draws_cut_with_a_note():
    x = torch.tensor([1.0], requires_grad=True)
    y = x
    for _ in range(10000):
        y = y * 1.0001
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(1000)  # an iterative walk needs no deep stack
    try:
        d = torch.draw(y)
        text = d.source
    finally:
        sys.setrecursionlimit(limit)
    assert len(d.recording.graph.nodes) == 20001
    assert "not shown" in text
    assert d.recording.internal_errors == []
