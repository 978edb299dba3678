"""``torch.jit``, as teaching code uses it (d2l's "hybridize" chapter, deployment
tutorials): ``script``/``trace`` a module or a function, call it, save and load it.

There is no TorchScript compiler here: a scripted or traced module runs the original
module's Python ``forward`` (the same parameter objects, the same values, gradients
and ``grad_fn`` names as PyTorch's scripted module gives), and prints as PyTorch
prints it (``RecursiveScriptModule(original_name=...)``).  What only a compiler has
(``.code``, ``.graph``, TorchScript's type errors) is not provided, and outputs keep
the module's own nodes in their graph (PyTorch's profiling executor gives them one
``DifferentiableGraphBackward`` node from the third call on): what a learner steps
through.
"""

from __future__ import annotations

import copy
import io
import os
import pickle
import typing

from . import nn as _nn
from .engine.shown import show_as

__all__ = [
    "Attribute",
    "Final",
    "RecursiveScriptModule",
    "ScriptFunction",
    "ScriptModule",
    "TopLevelTracedModule",
    "annotate",
    "export",
    "fork",
    "freeze",
    "ignore",
    "interface",
    "is_scripting",
    "is_tracing",
    "load",
    "optimize_for_inference",
    "save",
    "script",
    "script_method",
    "trace",
    "trace_module",
    "unused",
    "wait",
]

Final = typing.Final


def _clone(module):
    """A copy of the module tree (its own training flags and attributes, as a scripted
    module has) sharing every parameter and buffer object with ``module``."""
    memo = {}
    for t in (*module.parameters(), *module.buffers()):
        memo[id(t)] = t
    return copy.deepcopy(module, memo)


class ScriptModule(_nn.Module):
    """Base class of scripted and traced modules."""

    def __init__(self, original=None):
        super().__init__()
        object.__setattr__(self, "_original", original)
        if original is None:
            return
        object.__setattr__(self, "training", original.training)
        object.__setattr__(self, "original_name", type(original).__name__)
        # the same parameter and buffer objects, the children wrapped the same way
        for name, p in original._parameters.items():
            self._parameters[name] = p
        for name, b in original._buffers.items():
            self._buffers[name] = b
        self._non_persistent_buffers_set.update(original._non_persistent_buffers_set)
        for name, m in original._modules.items():
            self._modules[name] = None if m is None else self._wrap_child(m)

    def _wrap_child(self, m):
        return RecursiveScriptModule(m)

    def forward(self, *args, **kwargs):
        return self._original.forward(*args, **kwargs)

    def __getattr__(self, name):
        try:
            return super().__getattr__(name)
        except AttributeError:
            original = self.__dict__.get("_original")
            if original is None:
                raise
            return getattr(original, name)  # (its constants and methods)

    def train(self, mode=True):
        super().train(mode)
        if self._original is not None:
            self._original.train(mode)  # (its copy, that runs: dropout, batch norm)
        return self

    def extra_repr(self) -> str:
        return f"original_name={self.original_name}"

    def save(self, f, **kwargs):
        save(self, f, **kwargs)


class RecursiveScriptModule(ScriptModule):
    """What ``torch.jit.script(module)`` returns (and each of its sub-modules)."""


class TracedModule(ScriptModule):
    """A sub-module of a traced module: printed with its original class name."""

    def _wrap_child(self, m):
        return TracedModule(m)

    def _get_name(self) -> str:
        return self.original_name


class TopLevelTracedModule(TracedModule):
    """What ``torch.jit.trace(module, example_inputs)`` returns."""


class ScriptFunction:
    """What ``torch.jit.script(fn)`` / ``torch.jit.trace(fn, ...)`` return for a function."""

    def __init__(self, fn):
        self._fn = fn
        self.__name__ = getattr(fn, "__name__", "forward")
        self.__doc__ = getattr(fn, "__doc__", None)

    def __call__(self, *args, **kwargs):
        return self._fn(*args, **kwargs)

    @property
    def name(self):
        return self.__name__

    def save(self, f, **kwargs):
        save(self, f, **kwargs)


ScriptFunction.__module__ = "torch.jit"
ScriptFunction.__qualname__ = "torch.jit.ScriptFunction"
show_as([ScriptModule, RecursiveScriptModule], "torch.jit._script")
show_as([TracedModule, TopLevelTracedModule], "torch.jit._trace")

_SCRIPTING = [False]
_TRACING = [False]


def script(obj, optimize=None, _frames_up=0, _rcb=None, example_inputs=None):
    """``torch.jit.script``: a module becomes a ``RecursiveScriptModule`` sharing its
    parameters; a function a ``ScriptFunction``; a scripted object is returned as is."""
    if isinstance(obj, ScriptModule | ScriptFunction):
        return obj
    if isinstance(obj, _nn.Module):
        return RecursiveScriptModule(_clone(obj))
    if isinstance(obj, type):
        return obj  # (a scripted class: used as the class itself)
    if callable(obj):
        return ScriptFunction(obj)
    raise RuntimeError(
        f"Type '{type(obj)}' cannot be compiled since it inherits from nn.Module, "
        "pass an instance instead"
        if isinstance(obj, type)
        else f"Could not get name of python class object: {obj!r}"
    )


def _as_tuple(example_inputs):
    return example_inputs if isinstance(example_inputs, tuple) else (example_inputs,)


def trace(func, example_inputs=None, *args, example_kwarg_inputs=None, **kwargs):
    """``torch.jit.trace``: runs ``func`` once on the example inputs (as PyTorch's tracer
    does: its prints and errors happen now) and returns the traced module/function."""
    if example_inputs is None and not isinstance(example_kwarg_inputs, dict):
        raise RuntimeError("example_kwarg_inputs should be a dict")
    from .engine.grad_mode import no_grad

    _TRACING[0] = True
    try:
        with no_grad():
            if example_kwarg_inputs is not None:
                func(**example_kwarg_inputs)
            else:
                func(*_as_tuple(example_inputs))
    finally:
        _TRACING[0] = False
    if isinstance(func, ScriptModule | ScriptFunction):
        return func
    if isinstance(func, _nn.Module):
        return TopLevelTracedModule(_clone(func))
    return ScriptFunction(func)


def trace_module(mod, inputs, *args, **kwargs):
    """``torch.jit.trace_module``: ``inputs`` maps method names to example inputs."""
    for method, example in inputs.items():
        getattr(mod, method)(*_as_tuple(example))
    return TopLevelTracedModule(_clone(mod))


def is_scripting() -> bool:
    return _SCRIPTING[0]


def is_tracing() -> bool:
    return _TRACING[0]


def ignore(drop=False, **kwargs):
    """``@torch.jit.ignore`` (or ``@torch.jit.ignore(drop=True)``): left to Python."""
    if callable(drop):
        return drop
    return lambda fn: fn


def unused(fn):
    return fn


def export(fn):
    return fn


def interface(obj):
    return obj


def script_method(fn):
    return fn


def annotate(the_type, the_value):
    return the_value


class Attribute(typing.NamedTuple):
    value: typing.Any
    type: typing.Any


def freeze(mod, preserved_attrs=None, optimize_numerics=True):
    if not isinstance(mod, ScriptModule):
        raise RuntimeError(
            "Freezing expects a ScriptModule as input. "
            "Please use torch.jit.script or torch.jit.trace to script your 'nn.Module'."
        )
    if mod.training:
        raise RuntimeError(
            "Freezing is currently only implemented for modules in eval mode. "
            "Please call .eval() on your module before freezing."
        )
    return _Frozen(mod._original)


class _Frozen(RecursiveScriptModule):
    """``torch.jit.freeze``'s result: parameters and sub-modules folded into the code
    (none listed, printed without children); it runs its module's copy."""

    def __init__(self, original):
        super().__init__(original)
        self._parameters.clear()
        self._buffers.clear()
        self._modules.clear()


show_as([_Frozen], "torch.jit._script")
_Frozen.__name__ = _Frozen.__qualname__ = "RecursiveScriptModule"


def optimize_for_inference(mod, other_methods=None):
    if not isinstance(mod, ScriptModule):
        raise RuntimeError(
            "optimize_for_inference expects a ScriptModule as input. "
            "Please use torch.jit.script or torch.jit.trace to script your 'nn.Module'."
        )
    return mod.eval()


class Future:
    """``torch.jit.fork``'s result: already computed (no threads here)."""

    def __init__(self, value):
        self._value = value

    def wait(self):
        return self._value

    def done(self) -> bool:
        return True


def fork(func, *args, **kwargs):
    return Future(func(*args, **kwargs))


def wait(future):
    return future.wait()


def save(m, f, _extra_files=None):
    """``torch.jit.save``: the scripted module (its original, pickled by ``torch.save``)."""
    from .engine.api_more import save as _save

    original = m._original if isinstance(m, ScriptModule) else m
    if isinstance(m, ScriptFunction):
        raise RuntimeError("torch.jit.save: a ScriptFunction is saved with its module")
    try:
        buf = io.BytesIO()
        _save(original, buf)
    except (pickle.PicklingError, AttributeError, TypeError):
        # a class pickle cannot find again (defined in a cell that is gone, in a
        # program run as a string): TorchScript would save its code; here the module
        # is kept for this process and the file names it
        key = f"{_SAVED_MARK}{len(_SAVED)}"
        _SAVED[key] = copy.deepcopy(original)  # (its own tensors, as a file holds)
        buf = io.BytesIO()
        _save(key, buf)
    data = buf.getvalue()
    if isinstance(f, str | os.PathLike):
        with open(f, "wb") as fh:
            fh.write(data)
    else:
        f.write(data)


_SAVED: dict = {}
_SAVED_MARK = "autograd_viz.jit saved module #"


def load(f, map_location=None, _extra_files=None, _restore_shapes=False):
    """``torch.jit.load``: what ``save`` wrote, scripted again."""
    from .engine.api_more import load as _load

    obj = _load(f, map_location=map_location, weights_only=False)
    if isinstance(obj, str) and obj.startswith(_SAVED_MARK):
        if obj not in _SAVED:
            raise RuntimeError(
                "torch.jit.load: this file names a module saved by another Python process "
                "whose class could not be pickled; save it again in this process"
            )
        obj = copy.deepcopy(_SAVED[obj])
    return RecursiveScriptModule(obj)
