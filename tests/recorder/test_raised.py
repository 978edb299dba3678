"""An exception that escapes ``with record()``: ``rec.exception`` and a last ``error``
frame naming the learner's line; the exception still propagates.  And the backward
``detail["local"]`` of a two-input op: each input's local derivative once."""

from __future__ import annotations

import pytest

import autograd_viz as torch


def _last_error(rec):
    assert rec.internal_errors == []
    f = rec.frames[-1]
    assert f.phase == "error"
    return f


def test_matmul_shape_mismatch_in_the_block():
    with (
        pytest.raises(RuntimeError, match=r"shapes cannot be multiplied \(2x3 and 4x5\)") as info,
        torch.record() as rec,
    ):
        x = torch.ones(2, 3, requires_grad=True)
        W = torch.ones(4, 5)
        h = x * 2
        z = h @ W  # noqa: F841
    assert rec.exception is info.value
    f = _last_error(rec)
    msg = "mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)"
    assert f"This line raised RuntimeError: {msg}" in f.captions["en"]
    assert "`z = h @ W`" in f.captions["en"] and "`z = h @ W`" in f.captions["zh"]
    assert f"这一行抛出了 RuntimeError：{msg}" in f.captions["zh"]
    assert f.detail["error"] == f"RuntimeError: {msg}" and f.detail["line"] == "z = h @ W"
    assert int(f.detail["lineno"]) > 0
    # the frame points at the operands of the op that raised
    names = {rec.graph.nodes[d].name for d in f.nodes}
    assert names == {"h", "W"}
    assert rec.frames[-2].phase == "forward"  # h = x * 2 was recorded before


def test_backward_of_a_non_scalar_in_the_block():
    with (
        pytest.raises(RuntimeError, match="only for scalar outputs") as info,
        torch.record() as rec,
    ):
        x = torch.ones(2, requires_grad=True)
        y = x * 2
        y.backward()
    assert rec.exception is info.value
    f = _last_error(rec)
    assert (
        "This line raised RuntimeError: grad can be implicitly created only for scalar outputs"
    ) in f.captions["en"]
    assert "`y.backward()`" in f.captions["en"] and "y.backward()" in f.captions["zh"]
    assert [g.phase for g in rec.frames] == ["forward", "error"]


def test_inplace_on_a_leaf_in_the_block():
    with pytest.raises(RuntimeError, match="leaf Variable") as info, torch.record() as rec:
        w = torch.ones(2, requires_grad=True)
        y = (w * 2).sum()  # noqa: F841
        w.add_(1)
    assert rec.exception is info.value
    f = _last_error(rec)
    assert (
        "This line raised RuntimeError: a leaf Variable that requires grad is being used "
        "in an in-place operation."
    ) in f.captions["en"]
    assert "w.add_(1)" in f.captions["en"] and "这一行抛出了 RuntimeError" in f.captions["zh"]
    assert f.detail["line"] == "w.add_(1)"


def _helper(a):
    return a.view(4)


def test_the_line_is_the_learners_innermost_frame():
    with (
        pytest.raises(RuntimeError, match="is invalid for input of size 2"),
        torch.record() as rec,
    ):
        x = torch.ones(2, requires_grad=True)
        y = x * 2
        _helper(y)
    assert _last_error(rec).detail["line"] == "return a.view(4)"


def test_no_exception_no_error_frame():
    with torch.record() as rec:
        x = torch.ones(2, requires_grad=True)
        (x * 2).sum().backward()
    assert rec.exception is None
    assert all(f.phase != "error" for f in rec.frames)


def test_an_error_event_is_not_shown_twice():
    with pytest.raises(RuntimeError, match="second time"), torch.record() as rec:
        x = torch.ones(2, requires_grad=True)
        y = (x * x).sum()
        y.backward()
        y.backward()
    assert isinstance(rec.exception, RuntimeError)
    errors = [f for f in rec.frames if f.phase == "error"]
    assert len(errors) == 1 and "retain_graph" in errors[0].captions["en"]


def test_raised_before_any_op_keeps_an_empty_recording():
    # (the Stepper explains an empty recording; rec.exception still tells what happened)
    with pytest.raises(RuntimeError, match="leaf Variable"), torch.record() as rec:
        a = torch.ones(2, requires_grad=True)
        a.add_(1)
    assert rec.frames == [] and isinstance(rec.exception, RuntimeError)


def test_a_python_error_in_the_block_is_recorded_too():
    with pytest.raises(ZeroDivisionError), torch.record() as rec:
        x = torch.ones(2, requires_grad=True)
        y = x * 2  # noqa: F841
        1 / 0  # noqa: B018
    f = _last_error(rec)
    assert "This line raised ZeroDivisionError: division by zero" in f.captions["en"]
    assert f.nodes == ()


def _backward_frames(rec, op):
    return [f for f in rec.frames if f.phase == "backward" and f.detail.get("op") == op]


@pytest.mark.parametrize(
    "op, expected",
    [
        # in the learner's names, with values (issue 11: never the generic ∂(a·b)/∂b = a)
        (
            "MaximumBackward0",
            "∂m/∂a = [a > b] (½ on ties) = [0, 1]; ∂m/∂b = [b > a] (½ on ties) = [1, 0]",
        ),
        (
            "WhereBackward0",
            "∂c/∂a = 1 where the condition holds, else 0 = [0, 1]; "
            "∂c/∂b = 1 where the condition fails, else 0 = [1, 0]",
        ),
        ("MmBackward0", "dL/dX = G @ Wᵀ; dL/dW = Xᵀ @ G"),
        ("MulBackward0", "∂q/∂a = a = [1, 2]"),
    ],
)
def test_local_derivative_of_each_input_once(op, expected):
    a = torch.tensor([1.0, 2.0], requires_grad=True)
    b = torch.tensor([3.0, 1.0], requires_grad=True)
    X = torch.tensor([[1.0, 2.0]], requires_grad=True)
    W = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
    with torch.record() as rec:
        m = torch.maximum(a, b)
        c = torch.where(a > 1, a, b)
        q = a * a
        L = m.sum() + c.sum() + torch.mm(X, W).sum() + q.sum()
        L.backward()
    assert rec.internal_errors == []
    (f,) = _backward_frames(rec, op)
    assert f.detail["local"] == expected


def test_local_derivative_of_composites_per_input():
    X = torch.tensor([[1.0, 2.0]], requires_grad=True)
    W = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
    with torch.record() as rec:
        Z = X @ W
        Z.sum().backward()
    (f,) = _backward_frames(rec, "MmBackward0")
    assert f.detail["local"] == "dZ.sum()/dX = G @ Wᵀ; dZ.sum()/dW = Xᵀ @ G"
    lin = torch.nn.Linear(2, 1)
    with torch.record() as rec:
        lin(X).sum().backward()
    (f,) = _backward_frames(rec, "AddmmBackward0")
    parts = f.detail["local"].split("; ")
    assert len(parts) == len(set(parts)) == 3 and parts[2].endswith("G summed over rows")
