"""Grad mode: ``no_grad``, ``enable_grad``, ``set_grad_enabled``, ``is_grad_enabled``."""

from __future__ import annotations

import functools
import inspect
import sys
import warnings

from . import events


class _State:
    enabled = True
    inference = False


STATE = _State()


def is_grad_enabled(*args) -> bool:
    if args:  # (PyTorch's is a C function without arguments)
        raise TypeError(f"torch.is_grad_enabled() takes no arguments ({len(args)} given)")
    return STATE.enabled


class _GradModeContext:
    """Base for context managers that also work as decorators (PyTorch's
    ``_DecoratorContextManager``: a function runs with the mode set; a generator function
    has the mode set at every resume, not only when it is created; a class gets PyTorch's
    FutureWarning and its constructor is decorated)."""

    _target: bool

    def __enter__(self):
        self._prev = STATE.enabled
        STATE.enabled = self._target
        return None

    def __exit__(self, *exc):
        STATE.enabled = self._prev
        return False

    def clone(self):
        return self.__class__()

    def __call__(self, orig_func):
        fn = _unclass(orig_func)
        if inspect.isgeneratorfunction(fn):
            return _wrap_generator(self.clone, fn)
        target = self._target

        def wrapper(*args, **kwargs):
            prev = STATE.enabled
            STATE.enabled = target
            try:
                return fn(*args, **kwargs)
            finally:
                STATE.enabled = prev

        return _decorated(wrapper, fn)


def _unclass(orig_func):
    """A class to decorate: PyTorch's FutureWarning, and a function calling it instead."""
    if not inspect.isclass(orig_func):
        return orig_func
    warnings.warn(
        "Decorating classes is deprecated and will be disabled in future versions. You "
        "should only decorate functions or methods. To preserve the current behavior of "
        "class decoration, you can directly decorate the `__init__` method and nothing "
        "else.",
        FutureWarning,
        stacklevel=3,
    )
    return lambda *args, **kwargs: orig_func(*args, **kwargs)


def _wrap_generator(ctx_factory, func):
    """A generator function decorated (PyTorch's ``_wrap_generator``): each resume of the
    generator runs inside a fresh context from ``ctx_factory``."""

    @functools.wraps(func)
    def generator_context(*args, **kwargs):
        gen = func(*args, **kwargs)
        try:
            with ctx_factory():
                response = gen.send(None)
            while True:
                try:
                    request = yield response
                except GeneratorExit:
                    with ctx_factory():
                        gen.close()
                    raise
                except BaseException:
                    with ctx_factory():
                        response = gen.throw(*sys.exc_info())
                else:
                    with ctx_factory():
                        response = gen.send(request)
        except StopIteration as e:
            return e.value

    return generator_context


def _decorated(wrapper, fn):
    """``wrapper`` named as PyTorch's decorator names it (``decorate_context``), then
    ``fn``'s names copied over (as ``functools.wraps``; nothing for a non-function)."""
    wrapper.__name__ = "decorate_context"
    wrapper.__qualname__ = "context_decorator.<locals>.decorate_context"
    return functools.update_wrapper(wrapper, fn)


class _NoParamDecorator(_GradModeContext):
    """``@no_grad`` without parentheses decorates the function too (PyTorch's
    ``_NoParamDecoratorContextManager``): ``no_grad(f)`` is ``no_grad()(f)``, a function."""

    def __new__(cls, orig_func=None):
        if orig_func is None:
            return object.__new__(cls)
        return cls()(orig_func)


class no_grad(_NoParamDecorator):
    """Context manager / decorator: ops inside record no graph."""

    _target = False
    _prev = False  # (PyTorch's __init__ sets prev = False: an __exit__ without __enter__)


class enable_grad(_NoParamDecorator):
    """Context manager / decorator: turn grad recording back on."""

    _target = True


class set_grad_enabled(_GradModeContext):
    """``set_grad_enabled(False)`` switches grad mode at once (as a function call)
    and, used with ``with``, restores the previous mode on exit."""

    def __init__(self, mode: bool):
        if mode is not True and mode is not False:
            raise TypeError(
                "set_grad_enabled(): argument 'enabled' (position 1) must be bool, not "
                f"{type(mode).__name__}"
            )
        self._prev = STATE.enabled
        self._target = bool(mode)
        STATE.enabled = self._target

    def __enter__(self):
        STATE.enabled = self._target
        return None

    def __exit__(self, *exc):
        STATE.enabled = self._prev
        return False

    def __call__(self, orig_func):
        STATE.enabled = self._prev  # (as a decorator: the mode set by the call is undone)
        return _GradModeContext.__call__(self, orig_func)

    def clone(self):
        return self.__class__(self._target)

    def __repr__(self):
        return f"torch.autograd.grad_mode.set_grad_enabled(mode={self._target})"


def _mark_inference(kind, payload):
    """While inference mode is on: the result of every op is an inference tensor."""
    if kind == "forward" and STATE.inference:
        out = payload.get("output")
        if out is not None:
            base = out._base
            if base is None or base._inference:  # (a view of a normal tensor is not one)
                from .views import make_inference

                make_inference(out)


_MARKER = []  # the handle of the listener above while some inference_mode is active


class inference_mode(_GradModeContext):
    """``torch.inference_mode()``: like ``no_grad`` (no graph is recorded, results do not
    require grad), ``is_inference_mode_enabled()`` is True inside, and the tensors made
    inside are inference tensors (``t.is_inference()``): op results (marked by a listener
    that exists only while inference mode is on, so the fast paths never pay for it) and
    the creation functions' results."""

    def __new__(cls, mode=True):
        if mode is True or mode is False:
            return object.__new__(cls)
        return cls()(mode)  # ``inference_mode(f)``: f decorated

    def __init__(self, mode: bool = True):
        self._mode = bool(mode)
        self._target = False if mode else STATE.enabled

    def __enter__(self):
        self._prev_inf = STATE.inference
        self._prev = STATE.enabled
        if self._mode:
            STATE.enabled = False
        STATE.inference = self._mode
        self._handle = None
        if self._mode and not _MARKER:
            self._handle = events.subscribe(_mark_inference)
            _MARKER.append(self._handle)
        return None

    def __exit__(self, *exc):
        STATE.enabled = self._prev
        STATE.inference = self._prev_inf
        if self._handle is not None:
            self._handle.remove()
            _MARKER.clear()
        return False

    def clone(self):
        return self.__class__(self._mode)

    def __call__(self, orig_func):
        fn = _unclass(orig_func)
        if inspect.isgeneratorfunction(fn):
            return _wrap_generator(self.clone, fn)
        mode = self._mode

        def wrapper(*args, **kwargs):
            with inference_mode(mode):
                return fn(*args, **kwargs)

        return _decorated(wrapper, fn)


def is_inference_mode_enabled() -> bool:
    return STATE.inference
