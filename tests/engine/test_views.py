"""engine/views.py: views made under no_grad / inference_mode and inference tensors'
version counter (the PyTorch-facing behaviour is in tests/oracle/programs/views_*.py)."""

import ast
from pathlib import Path

import pytest

import autograd_viz as torch
from autograd_viz.engine import views

PKG = Path(views.__file__).resolve().parents[1]


def _bumping_functions():
    """Names of the package's functions that bump a version counter in place
    (``t._vbox[0] += 1``)."""
    names = set()
    for path in PKG.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for fn in ast.walk(tree):
            if not isinstance(fn, ast.FunctionDef):
                continue
            for node in ast.walk(fn):
                if (
                    isinstance(node, ast.AugAssign)
                    and isinstance(node.op, ast.Add)
                    and isinstance(node.target, ast.Subscript)
                    and ast.unparse(node.target).endswith(("_vbox[0]", "vb[0]"))
                ):
                    names.add(fn.name)
    return names


def test_bumpers_list_every_function_that_bumps_a_version():
    # an inference tensor's counter tells a bump (the in-place error) from a read for
    # saving (the save error) by its caller's name: the list must follow the code
    found = _bumping_functions()
    assert found == views._BUMPERS, (
        "a function bumping t._vbox[0] was added or renamed: list it in "
        f"autograd_viz/engine/views.py _BUMPERS (new: {sorted(found - views._BUMPERS)}, "
        f"gone: {sorted(views._BUMPERS - found)})"
    )


def _inference(values):
    with torch.inference_mode():
        return torch.tensor(values) * 1


@pytest.mark.parametrize(
    "change",
    [
        lambda t: t.add_(1),
        lambda t: t.__isub__(1.0),
        lambda t: t.mul_(torch.tensor([2.0, 2.0])),
        lambda t: t.zero_(),
        lambda t: t.__setitem__(0, 5.0),
        lambda t: t[0:1].add_(1),
    ],
)
def test_inplace_on_inference_tensor_outside_writes_then_raises(change):
    t = _inference([1.0, 2.0])
    before = t.tolist()
    with pytest.raises(RuntimeError, match=r"^Inplace update to inference tensor outside"):
        change(t)
    assert t.tolist() != before  # as PyTorch: the kernel ran, the version bump refused
    with torch.inference_mode():
        change(t)  # inside inference mode: allowed


def test_inplace_on_inference_tensor_under_no_grad_raises_too():
    t = _inference([1.0, 2.0])
    with torch.no_grad(), pytest.raises(RuntimeError, match=r"^Inplace update"):
        t -= 1.0


def test_saving_an_inference_tensor_raises_not_using_it():
    w = torch.tensor([1.0, 2.0], requires_grad=True)
    t = _inference([3.0, 4.0])
    with pytest.raises(RuntimeError, match=r"^Inference tensors cannot be saved"):
        w * t
    assert (w + t).grad_fn is not None  # add saves nothing
    with torch.no_grad():
        assert (w * t).tolist() == [3.0, 8.0]


def test_no_grad_view_in_place_inside_no_grad_keeps_its_base_a_leaf():
    w = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
    with torch.no_grad():
        for i in range(2):
            w[i] -= 0.5
        v = w[:, 0]
        v *= 2
    assert w.is_leaf and w.grad_fn is None and w.requires_grad
    assert w.tolist() == [[1.0, 1.5], [5.0, 3.5]]
    assert w._version == 5  # (w[i] -= ...: the in-place op and the write back)
    (w * w).sum().backward()
    assert w.grad.tolist() == [[2.0, 3.0], [10.0, 7.0]]


def test_no_grad_view_gives_no_edge_and_no_gradient():
    w = torch.tensor([1.0, 2.0], requires_grad=True)
    with torch.no_grad():
        v = w[:]
    assert (v.requires_grad, v.is_leaf, v.grad_fn) == (True, True, None)
    y = v * w
    assert y.grad_fn.next_functions[0] == (None, 0)
    y.sum().backward()
    assert w.grad.tolist() == [1.0, 2.0] and v.grad is None
    with pytest.raises(RuntimeError, match=r"^A view was created in no_grad mode and is being"):
        v.add_(1)
