"""``torch.utils.checkpoint``: trade compute for memory by recomputing a function's
saved tensors during the backward pass instead of keeping them.

Both of PyTorch's variants, with its warnings and errors:

* ``use_reentrant=True`` (still the default when the argument is left out, with
  PyTorch's warning): a node ``CheckpointFunctionBackward``; the forward runs under
  ``no_grad``, the backward runs the function again with grad on, from the same
  random state, and backpropagates through that second graph.
* ``use_reentrant=False``: the function's own graph is recorded as usual (its nodes
  and ``grad_fn`` names), but its saved tensors are dropped through
  ``saved_tensors_hooks``; the first one the backward unpacks runs the function
  again (grad on, the same random state) to recompute them, stopping as soon as
  the last one is recomputed (``early_stop``).

A ``print`` in the checkpointed function shows the recomputation, as in PyTorch.
"""

from __future__ import annotations

import contextlib
import warnings

from .. import autograd as _autograd
from ..engine import random as _random
from ..engine.grad_mode import enable_grad, no_grad
from ..engine.tensor import Tensor

__all__ = [
    "CheckpointError",
    "CheckpointFunction",
    "checkpoint",
    "checkpoint_sequential",
    "detach_variable",
    "set_checkpoint_early_stop",
]


def detach_variable(inputs):
    if isinstance(inputs, tuple):
        out = []
        for inp in inputs:
            if not isinstance(inp, Tensor):
                out.append(inp)
                continue
            x = inp.detach()
            x.requires_grad = inp.requires_grad
            out.append(x)
        return tuple(out)
    raise RuntimeError(
        f"Only tuple of tensors is supported. Got Unsupported input type: {type(inputs).__name__}"
    )


def check_backward_validity(inputs):
    if not any(inp.requires_grad for inp in inputs if isinstance(inp, Tensor)):
        warnings.warn(
            "None of the inputs have requires_grad=True. Gradients will be None", stacklevel=2
        )


class CheckpointError(RuntimeError):
    pass


class CheckpointFunction(_autograd.Function):
    """The reentrant variant: one node for the whole checkpointed function."""

    @staticmethod
    def forward(ctx, run_function, preserve_rng_state, *args):
        check_backward_validity(args)
        ctx.run_function = run_function
        ctx.preserve_rng_state = preserve_rng_state
        if preserve_rng_state:
            ctx.fwd_cpu_state = _random.get_rng_state()
        # non-tensor inputs kept on ctx, a None placeholder for each tensor
        ctx.inputs = []
        ctx.tensor_indices = []
        tensor_inputs = []
        for i, arg in enumerate(args):
            if isinstance(arg, Tensor):
                tensor_inputs.append(arg)
                ctx.tensor_indices.append(i)
                ctx.inputs.append(None)
            else:
                ctx.inputs.append(arg)
        ctx.save_for_backward(*tensor_inputs)
        with no_grad():
            outputs = run_function(*args)
        return outputs

    @staticmethod
    def backward(ctx, *args):
        if not _autograd._is_checkpoint_valid():
            raise RuntimeError(
                "When use_reentrant=True, torch.utils.checkpoint is incompatible"
                " with .grad() or passing an `inputs` parameter to .backward()."
                " To resolve this error, you can either set use_reentrant=False,"
                " or call .backward() without passing the `inputs` argument."
            )
        inputs = list(ctx.inputs)
        for i, idx in enumerate(ctx.tensor_indices):
            inputs[idx] = ctx.saved_tensors[i]
        with _random.fork_rng(devices=[], enabled=ctx.preserve_rng_state):
            if ctx.preserve_rng_state:
                _random.set_rng_state(ctx.fwd_cpu_state)
            detached_inputs = detach_variable(tuple(inputs))
            with enable_grad():
                outputs = ctx.run_function(*detached_inputs)
        if isinstance(outputs, Tensor):
            outputs = (outputs,)
        outputs_with_grad = []
        args_with_grad = []
        for i in range(len(outputs)):
            if isinstance(outputs[i], Tensor) and outputs[i].requires_grad:
                outputs_with_grad.append(outputs[i])
                args_with_grad.append(args[i])
        if not outputs_with_grad:
            raise RuntimeError(
                "none of output has requires_grad=True, this checkpoint() is not necessary"
            )
        _autograd.backward(outputs_with_grad, args_with_grad)
        grads = tuple(inp.grad if isinstance(inp, Tensor) else None for inp in detached_inputs)
        return (None, None, *grads)


def noop_context_fn():
    return contextlib.nullcontext(), contextlib.nullcontext()


_EARLY_STOP = [True]


@contextlib.contextmanager
def set_checkpoint_early_stop(enable: bool):
    """Whether non-reentrant recomputation stops once every needed tensor is back."""
    prev = _EARLY_STOP[0]
    _EARLY_STOP[0] = enable
    try:
        yield
    finally:
        _EARLY_STOP[0] = prev


class _StopRecomputation(Exception):
    pass


class _Frame:
    """One non-reentrant checkpointed call: how many tensors its forward saved, and
    the round of recomputed ones the backward is unpacking."""

    def __init__(self, fn, args, kwargs, preserve, rng_state, early_stop, shapes):
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.preserve, self.rng_state, self.early_stop = preserve, rng_state, early_stop
        self.shapes = shapes  # (shape, dtype) of each saved tensor, in pack order
        self.recomputed = None
        self.taken = set()

    def recompute(self):
        got = []
        shapes = self.shapes
        early = self.early_stop

        def pack(x):
            got.append(x.detach())
            if early and len(got) == len(shapes):
                raise _StopRecomputation
            return len(got) - 1

        with _random.fork_rng(devices=[], enabled=self.preserve):
            if self.preserve:
                _random.set_rng_state(self.rng_state)
            try:
                with enable_grad(), _autograd.graph.saved_tensors_hooks(pack, _no_unpack):
                    self.fn(*self.args, **self.kwargs)
            except _StopRecomputation:
                pass
        if len(got) < len(shapes):
            raise CheckpointError(
                "torch.utils.checkpoint: trying to save more tensors during recomputation "
                "than during the original forward pass."
                if len(got) > len(shapes)
                else "torch.utils.checkpoint: Recomputed values for the following tensors "
                "have different metadata than during the forward pass.\n"
                f"tensor at position {len(got)}:\nsaved metadata: {shapes[len(got)]}\n"
                "recomputed metadata: None\n"
            )
        for i, (x, meta) in enumerate(zip(got, shapes, strict=False)):
            if (tuple(x.shape), x.dtype) != meta:
                raise CheckpointError(
                    "torch.utils.checkpoint: Recomputed values for the following tensors "
                    "have different metadata than during the forward pass.\n"
                    f"tensor at position {i}:\nsaved metadata: {_meta(*meta)}\n"
                    f"recomputed metadata: {_meta(tuple(x.shape), x.dtype)}\n"
                )
        self.recomputed = got
        self.taken = set()

    def unpack(self, i):
        if self.recomputed is None or i in self.taken:  # (a new backward: a new round)
            self.recompute()
        self.taken.add(i)
        return self.recomputed[i]


def _meta(shape, dtype):
    return f"{{'shape': torch.Size({list(shape)}), 'dtype': {dtype}, 'device': device(type='cpu')}}"


def _no_unpack(_):  # pragma: no cover - the recomputed graph is never backpropagated
    raise RuntimeError("torch.utils.checkpoint: the recomputed graph is not for backward")


def _checkpoint_without_reentrant(fn, preserve, early_stop, args, kwargs):
    rng_state = _random.get_rng_state() if preserve else None
    shapes = []
    frame = _Frame(fn, args, kwargs, preserve, rng_state, early_stop, shapes)

    def pack(x):
        shapes.append((tuple(x.shape), x.dtype))
        return len(shapes) - 1

    with _autograd.graph.saved_tensors_hooks(pack, frame.unpack):
        return fn(*args, **kwargs)


def checkpoint(
    function,
    *args,
    use_reentrant=None,
    context_fn=noop_context_fn,
    determinism_check="default",
    debug=False,
    early_stop=True,
    **kwargs,
):
    """``torch.utils.checkpoint.checkpoint``."""
    if use_reentrant is None:
        warnings.warn(
            "torch.utils.checkpoint: the use_reentrant parameter should be "
            "passed explicitly. Starting in PyTorch 2.9, calling checkpoint "
            "without use_reentrant will raise an exception. use_reentrant=False is "
            "recommended, but if you need to preserve the current default "
            "behavior, you can pass use_reentrant=True. Refer to docs for more "
            "details on the differences between the two variants.",
            stacklevel=2,
        )
        use_reentrant = True
    preserve = kwargs.pop("preserve_rng_state", True)
    if kwargs and use_reentrant:
        raise ValueError("Unexpected keyword arguments: " + ",".join(arg for arg in kwargs))
    if use_reentrant:
        if context_fn is not noop_context_fn or debug is not False:
            raise ValueError(
                "Passing `context_fn` or `debug` is only supported when use_reentrant=False."
            )
        return CheckpointFunction.apply(function, preserve, *args)
    if determinism_check not in ("default", "none"):
        raise ValueError(
            f"determinism_check should be one of ['default', 'none'], but got {determinism_check}"
        )
    return _checkpoint_without_reentrant(
        function, preserve, early_stop and _EARLY_STOP[0], args, kwargs
    )


def checkpoint_sequential(functions, segments, input, use_reentrant=None, **kwargs):
    """``torch.utils.checkpoint.checkpoint_sequential``: all segments but the last
    checkpointed."""
    if use_reentrant is None:
        warnings.warn(
            "torch.utils.checkpoint.checkpoint_sequential: the use_reentrant "
            "parameter should be passed explicitly. "
            "In version 2.9 we will raise an exception if use_reentrant "
            "is not passed. use_reentrant=False is "
            "recommended, but if you need to preserve the current default "
            "behavior, you can pass use_reentrant=True. Refer to docs for more "
            "details on the differences between the two variants.",
            stacklevel=2,
        )
        use_reentrant = True
    preserve = kwargs.pop("preserve_rng_state", True)
    if kwargs:
        raise ValueError("Unexpected keyword arguments: " + ",".join(arg for arg in kwargs))

    def run_function(start, end, functions):
        def forward(input):
            for j in range(start, end + 1):
                input = functions[j](input)
            return input

        return forward

    from ..nn import Sequential

    if isinstance(functions, Sequential):
        functions = list(functions.children())
    segment_size = len(functions) // segments
    end = -1
    for start in range(0, segment_size * (segments - 1), segment_size):
        end = start + segment_size - 1
        input = checkpoint(
            run_function(start, end, functions),
            input,
            use_reentrant=use_reentrant,
            preserve_rng_state=preserve,
        )
    return run_function(end + 1, len(functions) - 1, functions)(input)
