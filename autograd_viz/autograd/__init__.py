"""``torch.autograd`` subset: ``backward``, ``grad``, ``Function``, grad-mode helpers."""

from __future__ import annotations

import numpy as np

from ..engine.backward import run_backward
from ..engine.grad_mode import (  # noqa: F401  (torch.autograd.no_grad, ...)
    enable_grad,
    inference_mode,
    is_grad_enabled,
    no_grad,
    set_grad_enabled,
)
from ..engine.tensor import Size, Tensor, _retain_arg
from ..engine.variable import Variable
from . import anomaly, forward_ad, function, functional, graph, variable
from .anomaly import detect_anomaly, set_detect_anomaly
from .function import Function, once_differentiable
from .gradcheck import gradcheck, gradgradcheck

__all__ = [
    "Function",
    "Variable",
    "anomaly",
    "backward",
    "detect_anomaly",
    "forward_ad",
    "function",
    "functional",
    "grad",
    "gradcheck",
    "gradgradcheck",
    "graph",
    "once_differentiable",
    "set_detect_anomaly",
    "variable",
]


def _as_tuple(x):
    if isinstance(x, Tensor):
        return (x,)
    if x is None:
        return ()
    return tuple(x)


def _no_edge(t) -> bool:
    """``t`` requires grad but gradients cannot reach it (a view made under no_grad:
    engine/views.py)."""
    return t.grad_fn is None and t._view_mode is not None and t._get_accumulator() is None


def _root_grads(outputs, grad_outputs, create_graph):
    grads = []
    for i, (out, g) in enumerate(zip(outputs, grad_outputs, strict=False)):
        if not isinstance(out, Tensor):
            raise TypeError(
                f"expected Tensor as element {i} in argument 0, but got {type(out).__name__}"
            )
        if g is None:
            if out._requires_grad and out._data.size != 1:
                raise RuntimeError("grad can be implicitly created only for scalar outputs")
            if not out._requires_grad or _no_edge(out):
                raise RuntimeError(
                    f"element {i} of tensors does not require grad and does not have a grad_fn"
                )
            g = Tensor._make(np.ones_like(out._data))
        else:
            if not isinstance(g, Tensor):
                g = Tensor._make(np.asarray(g, dtype=out._data.dtype))
            if g._data.shape != out._data.shape:
                raise RuntimeError(
                    f"Mismatch in shape: grad_output[{i}] has a shape of "
                    f"{Size(g._data.shape)} and output[{i}] has a shape of "
                    f"{Size(out._data.shape)}."
                )
            if not out._requires_grad or _no_edge(out):
                raise RuntimeError(
                    f"element {i} of tensors does not require grad and does not have a grad_fn"
                )
        if create_graph:
            grads.append(g)
        else:
            arr = g._data
            if arr.dtype != out._data.dtype:
                arr = arr.astype(out._data.dtype)
            grads.append(arr)
    return grads


def backward(
    tensors,
    grad_tensors=None,
    retain_graph=None,
    create_graph=False,
    grad_variables=None,
    inputs=None,
):
    """Accumulate the gradients of ``tensors`` into the leaves' ``.grad``."""
    tensors = _as_tuple(tensors)
    if grad_tensors is None:
        grad_tensors = [None] * len(tensors)
    else:
        grad_tensors = (
            list(_as_tuple(grad_tensors))
            if isinstance(grad_tensors, Tensor)
            else list(grad_tensors)
        )
    if len(grad_tensors) < len(tensors):  # (more gradients: PyTorch's zip drops them)
        raise RuntimeError(f"got {len(tensors)} tensors and {len(grad_tensors)} gradients")
    grads = _root_grads(tensors, grad_tensors, create_graph)
    if retain_graph is None:
        retain_graph = create_graph
    elif retain_graph is not True and retain_graph is not False:
        retain_graph = _retain_arg(retain_graph)  # (PyTorch's TypeError)
    if inputs is not None:
        inputs = _as_tuple(inputs)
        if not inputs:
            raise RuntimeError("`inputs` argument to `backward()` cannot be empty.")
        for t in inputs:
            if not isinstance(t, Tensor):
                raise RuntimeError(
                    f"all inputs have to be Tensors or GradientEdges, but got {type(t).__name__}"
                )
            if not t._requires_grad:
                raise RuntimeError("can't retain_grad on Tensor that has requires_grad=False")
    _TASK_INPUTS.append(inputs is not None)
    try:
        run_backward(tensors, grads, retain_graph, create_graph, inputs=inputs)
    finally:
        _TASK_INPUTS.pop()


#: one entry per running ``backward``/``grad`` call: whether it was given ``inputs``
_TASK_INPUTS: list = []


def _is_checkpoint_valid():
    """``torch.autograd._is_checkpoint_valid``: False inside a backward given ``inputs``
    (``autograd.grad``, ``backward(inputs=...)``), where the reentrant
    ``utils.checkpoint`` cannot run its own backward."""
    return not (_TASK_INPUTS and _TASK_INPUTS[-1])


def _check_grad_args(outputs, inputs, grad_outputs):
    """``torch.autograd.grad``'s own checks (its Python part, then the engine's)."""
    for out, g in zip(outputs, grad_outputs, strict=False):
        if not isinstance(out, Tensor):
            raise AssertionError("Expected output to be a torch.Tensor")
        if g is not None and not isinstance(g, Tensor):
            raise TypeError(f"gradients can be either Tensors or None, but got {type(g).__name__}")
    if len(grad_outputs) < len(outputs):  # (extra gradients are ignored, as PyTorch's zip)
        raise RuntimeError(f"got {len(outputs)} tensors and {len(grad_outputs)} gradients")
    for x in inputs:
        if not isinstance(x, Tensor):
            t = type(x)
            name = t.__name__ if t.__module__ == "builtins" else f"{t.__module__}.{t.__name__}"
            raise RuntimeError(f"all inputs have to be Tensors or GradientEdges, but got {name}")


def grad(
    outputs,
    inputs,
    grad_outputs=None,
    retain_graph=None,
    create_graph=False,
    only_inputs=True,
    allow_unused=None,
    is_grads_batched=False,
    materialize_grads=False,
):
    """Return the gradients of ``outputs`` with respect to ``inputs`` (no ``.grad`` is set)."""
    if materialize_grads and allow_unused is False:
        raise ValueError(
            "Expected allow_unused to be True or not passed when materialize_grads=True, "
            "but got: allow_unused=False."
        )
    if outputs is None or inputs is None:
        raise TypeError("'NoneType' object is not iterable")
    outputs = _as_tuple(outputs)
    inputs = _as_tuple(inputs)
    if grad_outputs is None:
        grad_outputs = [None] * len(outputs)
    else:
        grad_outputs = (
            list(_as_tuple(grad_outputs))
            if isinstance(grad_outputs, Tensor)
            else list(grad_outputs)
        )
    if allow_unused is None:
        allow_unused = materialize_grads
    if not inputs:
        raise RuntimeError("`inputs` argument to `grad()` cannot be empty.")
    _check_grad_args(outputs, inputs, grad_outputs)
    grads = _root_grads(outputs, grad_outputs, create_graph)
    for t in inputs:
        if not t.requires_grad:
            raise RuntimeError("One of the differentiated Tensors does not require grad")
    if retain_graph is None:
        retain_graph = create_graph
    elif retain_graph is not True and retain_graph is not False:
        retain_graph = _retain_arg(retain_graph)  # (PyTorch's TypeError)
    _TASK_INPUTS.append(True)
    try:
        captured = run_backward(
            outputs, grads, retain_graph, create_graph, inputs=inputs, accumulate=False
        )
    finally:
        _TASK_INPUTS.pop()
    result = []
    for i, (t, g) in enumerate(zip(inputs, captured, strict=False)):
        if g is None:
            if materialize_grads:
                result.append(Tensor._make(np.zeros_like(t._data)))
                continue
            if not allow_unused:
                raise RuntimeError(
                    f"The differentiated Tensor at index {i} appears to not have been used "
                    "in the graph. Set allow_unused=True if this is the desired behavior."
                )
            result.append(None)
        elif isinstance(g, Tensor):
            result.append(g)
        else:
            result.append(Tensor._make(np.array(g, dtype=t._data.dtype)))
    return tuple(result)


# (a missing name fails as in PyTorch: "module 'torch.autograd' has no attribute ...")
from .._torch_alias import missing_attribute as _missing_attribute  # noqa: E402

__getattr__ = _missing_attribute("torch.autograd")
