"""Grad mode: ``no_grad``, ``enable_grad``, ``set_grad_enabled``, ``is_grad_enabled``."""

from __future__ import annotations

import functools

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
    """Base for context managers that also work as decorators."""

    _target: bool

    def __enter__(self):
        self._prev = STATE.enabled
        STATE.enabled = self._target
        return None

    def __exit__(self, *exc):
        STATE.enabled = self._prev
        return False

    def __call__(self, fn):
        target = self._target

        def wrapper(*args, **kwargs):
            prev = STATE.enabled
            STATE.enabled = target
            try:
                return fn(*args, **kwargs)
            finally:
                STATE.enabled = prev

        return _decorated(wrapper, fn)


def _decorated(wrapper, fn):
    """``wrapper`` named as PyTorch's decorator names it (``decorate_context``), then
    ``fn``'s names copied over (as ``functools.wraps``; nothing for a non-function)."""
    wrapper.__name__ = "decorate_context"
    wrapper.__qualname__ = "context_decorator.<locals>.decorate_context"
    return functools.update_wrapper(wrapper, fn)


class _NoParamDecorator(_GradModeContext):
    """``@no_grad`` without parentheses decorates the function too (PyTorch's
    ``_NoParamDecoratorContextManager``): the instance made from the function calls it
    with the mode set.  (No ``__new__``: ``with no_grad():`` stays as cheap as before.)"""

    _func = None

    def __init__(self, orig_func=None):
        if orig_func is not None:
            self._func = orig_func
            functools.update_wrapper(self, orig_func)

    def __call__(self, *args, **kwargs):
        fn = self._func
        if fn is None:
            return _GradModeContext.__call__(self, *args, **kwargs)
        prev = STATE.enabled
        STATE.enabled = self._target
        try:
            return fn(*args, **kwargs)
        finally:
            STATE.enabled = prev


class no_grad(_NoParamDecorator):
    """Context manager / decorator: ops inside record no graph."""

    _target = False


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

    def __call__(self, fn):
        mode = self._mode

        def wrapper(*args, **kwargs):
            with inference_mode(mode):
                return fn(*args, **kwargs)

        return _decorated(wrapper, fn)


def is_inference_mode_enabled() -> bool:
    return STATE.inference
