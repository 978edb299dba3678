"""Module backward hooks as PyTorch builds them (``torch.utils.hooks.BackwardHook``).

``register_full_backward_hook`` / ``register_full_backward_pre_hook``: the module's tensor
inputs and outputs pass through an identity custom Function, ``BackwardHookFunction``
(``grad_fn`` ``BackwardHookFunctionBackward``, as in PyTorch's graphs); a hook on the
outputs' node catches ``grad_output`` (and runs the pre-hooks), a hook on the inputs' node
gives the user hooks ``grad_input`` and may replace it.  ``register_backward_hook`` (the
legacy kind) hooks the ``grad_fn`` of the output, with PyTorch's FutureWarnings.
"""

from __future__ import annotations

import functools
import warnings

from ..engine._stack import user_stacklevel
from ..engine.grad_mode import STATE
from ..engine.tensor import Tensor


@functools.cache
def _hook_function():
    from ..autograd.function import Function

    class BackwardHookFunction(Function):
        @staticmethod
        def forward(ctx, *args):
            ctx.mark_non_differentiable(*[arg for arg in args if not arg.requires_grad])
            return args

        @staticmethod
        def backward(ctx, *args):
            return args

    BackwardHookFunction.__module__ = "torch.nn.modules._functions"
    return BackwardHookFunction


def _pack_with_none(indices, values, size):
    res = [None] * size
    for idx, val in zip(indices, values, strict=True):
        res[idx] = val
    return tuple(res)


class BackwardHook:
    """One module call's backward hooks (PyTorch's class of the same name)."""

    def __init__(self, module, user_hooks, user_pre_hooks) -> None:
        self.user_hooks = user_hooks
        self.user_pre_hooks = user_pre_hooks
        self.module = module
        self.grad_outputs = None
        self.n_outputs = -1
        self.output_tensors_index = None
        self.n_inputs = -1
        self.input_tensors_index = None

    def _set_user_hook(self, grad_fn) -> None:
        def hook(grad_input, _):
            if self.grad_outputs is None:
                return None
            res = _pack_with_none(self.input_tensors_index, grad_input, self.n_inputs)
            for user_hook in self.user_hooks:
                out = user_hook(self.module, res, self.grad_outputs)
                if out is None:
                    continue
                if len(out) != len(res):
                    raise RuntimeError(
                        "Backward hook returned an invalid number of grad_input, "
                        f"got {len(out)}, but expected {len(res)}"
                    )
                res = out
            self.grad_outputs = None
            return tuple(res[i] for i in self.input_tensors_index)

        grad_fn.register_hook(hook)

    def _apply_on_tensors(self, fn, args):
        tensors_idx, tensors = [], []
        requires_grad = False
        for i, arg in enumerate(args):
            if isinstance(arg, Tensor):
                tensors_idx.append(i)
                tensors.append(arg)
                requires_grad |= arg.requires_grad
        if not (requires_grad and STATE.enabled):
            return args, None
        new_tensors = _hook_function().apply(*tensors)
        if len(new_tensors) == 0:
            raise RuntimeError(
                "Cannot set Module backward hook for a Module with no input Tensors."
            )
        grad_fns = [
            t.grad_fn
            for t in new_tensors
            if t.grad_fn is not None and t.grad_fn.name() == "BackwardHookFunctionBackward"
        ]
        fn(grad_fns[0])
        arg_list = list(args)
        for idx, val in zip(tensors_idx, new_tensors, strict=True):
            arg_list[idx] = val
        out = tuple(arg_list) if type(args) is tuple else type(args)(*arg_list)
        return out, tensors_idx

    def setup_input_hook(self, args):
        res, input_idx = self._apply_on_tensors(self._set_user_hook, args)
        self.n_inputs = len(args)
        self.input_tensors_index = input_idx
        return res

    def setup_output_hook(self, args):
        def fn(grad_fn) -> None:
            def hook(_, grad_output):
                self.grad_outputs = _pack_with_none(
                    self.output_tensors_index, grad_output, self.n_outputs
                )
                if self.user_pre_hooks:
                    expected_len = len(self.grad_outputs)
                    for user_pre_hook in self.user_pre_hooks:
                        new = user_pre_hook(self.module, self.grad_outputs)
                        if new is None:
                            continue
                        if len(new) != expected_len:
                            raise RuntimeError(
                                "Backward pre hook returned an invalid number of grad_output, "
                                f"got {len(new)}, but expected {expected_len}"
                            )
                        self.grad_outputs = new
                local_grad_outputs = self.grad_outputs
                if self.input_tensors_index is None:
                    warnings.warn(
                        "Full backward hook is firing when gradients are computed with respect "
                        "to module outputs since no inputs require gradients. See "
                        "https://docs.pytorch.org/docs/main/generated/torch.nn.Module.html"
                        "#torch.nn.Module.register_full_backward_hook for more details.",
                        stacklevel=user_stacklevel(),
                    )
                    grad_inputs = _pack_with_none([], [], self.n_inputs)
                    for user_hook in self.user_hooks:
                        res = user_hook(self.module, grad_inputs, self.grad_outputs)
                        if res is not None and not (
                            isinstance(res, tuple) and all(el is None for el in res)
                        ):
                            raise RuntimeError(
                                "Backward hook for Modules where no input requires gradient "
                                "should always return None or None for all gradients."
                            )
                    self.grad_outputs = None
                if local_grad_outputs is not None:
                    return tuple(local_grad_outputs[i] for i in self.output_tensors_index)
                return None

            grad_fn.register_hook(hook)

        is_tuple = isinstance(args, tuple)
        if not is_tuple:
            args = (args,)
        res, output_idx = self._apply_on_tensors(fn, args)
        self.n_outputs = len(args)
        self.output_tensors_index = output_idx
        return res if is_tuple else res[0]


def non_full_backward_hooks(module, hooks, inputs, result) -> None:
    """``register_backward_hook``: each hook on the ``grad_fn`` of the (first) output."""
    var = result
    while not isinstance(var, Tensor):
        if isinstance(var, dict):
            var = next(v for v in var.values() if isinstance(v, Tensor))
        else:
            var = var[0]
    grad_fn = var.grad_fn
    if grad_fn is None:
        return
    for hook in hooks:
        grad_fn.register_hook(functools.partial(_call_wrapped, hook, module))
    _maybe_warn(inputs, result, grad_fn)


def _call_wrapped(hook, module, grad_input, grad_output):
    return hook(module, grad_input, grad_output)


_FULL = " Please use register_full_backward_hook to get the documented behavior."


def _legacy_warning(what, missing, full=True) -> None:
    warnings.warn(
        f"Using {what} is deprecated and will be removed in future versions. This hook will "
        f"be missing some {missing}." + (_FULL if full else ""),
        FutureWarning,
        stacklevel=user_stacklevel(),
    )


def _maybe_warn(inputs, result, grad_fn) -> None:
    if not isinstance(result, Tensor):
        if not (isinstance(result, tuple) and all(isinstance(r, Tensor) for r in result)):
            _legacy_warning(
                "non-full backward hooks on a Module that does not return a single Tensor or "
                "a tuple of Tensors",
                "of the grad_output",
            )
            return
    else:
        result = (result,)
    if not isinstance(inputs, Tensor):
        if not (isinstance(inputs, tuple) and all(isinstance(i, Tensor) for i in inputs)):
            _legacy_warning(
                "non-full backward hooks on a Module that does not take as input a single "
                "Tensor or a tuple of Tensors",
                "of the grad_input",
            )
            return
    else:
        inputs = (inputs,)
    out_grad_fn = {r.grad_fn for r in result if r.grad_fn is not None}
    if len(out_grad_fn) == 0 or (len(out_grad_fn) == 1 and grad_fn not in out_grad_fn):
        _legacy_warning(
            "a non-full backward hook when outputs are nested in python data structure",
            "grad_output",
            full=False,
        )
    elif len(out_grad_fn) > 1:
        _legacy_warning(
            "a non-full backward hook when outputs are generated by different autograd Nodes",
            "grad_output",
        )
    else:
        inputs_grad_fn = {i.grad_fn for i in inputs if i.grad_fn is not None}
        next_functions = {n[0] for n in grad_fn.next_functions}
        if inputs_grad_fn != next_functions:
            _legacy_warning(
                "a non-full backward hook when the forward contains multiple autograd Nodes",
                "grad_input",
            )
