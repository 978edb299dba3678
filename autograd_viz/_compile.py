"""``torch.compile`` and ``torch.compiler`` as seen from a learner's code.

``torch.compile(model)`` gives PyTorch's ``OptimizedModule`` wrapper (same parameters, keys
``_orig_mod.*``, the same outputs: compiling changes speed, not values); a function comes back
wrapped.  There is nothing to compile on numpy, so nothing else happens; the graph keeps the
real ops (PyTorch shows one ``CompiledFunctionBackward`` node for the compiled code).
"""

from __future__ import annotations

import functools

from .engine.device import _Namespace


def _optimized_module_cls():
    from .nn.modules import Module

    class OptimizedModule(Module):
        """What ``torch.compile(module)`` returns: the module inside as ``_orig_mod``."""

        _torch_class = "torch._dynamo.eval_frame.OptimizedModule"

        def __init__(self, mod):
            super().__init__()
            self._orig_mod = mod

        def forward(self, *args, **kwargs):
            return self._orig_mod(*args, **kwargs)

        def __getattr__(self, name):
            if name == "_orig_mod":
                return self._modules["_orig_mod"]
            return getattr(self._orig_mod, name)

    OptimizedModule.__module__ = "torch._dynamo.eval_frame"
    return OptimizedModule


_OPTIMIZED = []


def compile(
    model=None,
    *,
    fullgraph=False,
    dynamic=None,
    backend="inductor",
    mode=None,
    options=None,
    disable=False,
):
    """``torch.compile``: the same module or function, run as it is (see the module doc)."""
    if mode is not None and options is not None:
        raise RuntimeError(
            "Either mode or options can be specified, but both can't be specified at the same time."
        )
    if model is None:

        def fn(model):
            if model is None:
                raise RuntimeError("Model can't be None")
            return compile(
                model,
                fullgraph=fullgraph,
                dynamic=dynamic,
                backend=backend,
                mode=mode,
                options=options,
                disable=disable,
            )

        return fn
    from .nn.modules import Module

    if isinstance(model, Module):
        if not _OPTIMIZED:
            _OPTIMIZED.append(_optimized_module_cls())
        return _OPTIMIZED[0](model)
    if not callable(model):
        raise RuntimeError(f"Model must be callable, got {type(model).__name__}")
    if disable:
        return model

    @functools.wraps(model)
    def compiled(*args, **kwargs):
        return model(*args, **kwargs)

    return compiled


def _is_compiling() -> bool:
    return False


def _disable(fn=None, recursive=True, *, reason=None):
    if fn is None:
        return lambda f: f
    return fn


compiler = _Namespace(
    "torch.compiler",
    is_compiling=_is_compiling,
    is_dynamo_compiling=_is_compiling,
    disable=_disable,
    reset=lambda: None,
)
