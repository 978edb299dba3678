"""``torch.autograd.forward_ad``: forward-mode AD with dual tensors.

A dual tensor carries a tangent ``t`` next to its value; every op applied to it also
computes the op's Jacobian-vector product ``J·t``, so after a function runs, its
output's tangent is the directional derivative, in one forward pass (reverse mode
needs one backward pass per output instead)::

    with fwAD.dual_level():
        x = fwAD.make_dual(primal, tangent)
        y = f(x)
        jvp = fwAD.unpack_dual(y).tangent

PyTorch has a forward formula per op.  Here each op's ``J·t`` comes from the op's own
backward formula (its vector-Jacobian product ``u ↦ Jᵀu`` is linear in ``u``; the
derivative of ``⟨Jᵀu, t⟩`` with respect to ``u`` is ``J·t``), so every differentiable
op has one; the products are the same, and so are the values.  Ops are followed
through the engine's event seam while a level is open (``engine/events.py``), the
same seam the recorder listens to; the computations of the tangents themselves are
hidden from other listeners.
"""

from __future__ import annotations

from typing import NamedTuple

from ..engine import events
from ..engine import forward_grad as _fg
from ..engine.grad_mode import enable_grad
from ..engine.tensor import Tensor

__all__ = [
    "UnpackedDualTensor",
    "dual_level",
    "enter_dual_level",
    "exit_dual_level",
    "make_dual",
    "unpack_dual",
]


class UnpackedDualTensor(NamedTuple):
    primal: Tensor
    tangent: Tensor | None


UnpackedDualTensor.__module__ = "torch.autograd.forward_ad"

_HANDLE = [None]
_LAST = [None]  # (the last op's event: an in-place op is computed by it)


def enter_dual_level():
    if _fg.LEVEL[0] is not None:
        raise RuntimeError("Nested forward mode AD is not supported at the moment")
    _fg.LEVEL[0] = 0
    _HANDLE[0] = events.subscribe(_on_event)
    return 0


def exit_dual_level(*, level=None):
    if level is None:
        level = _fg.LEVEL[0]
    if level is None or level != _fg.LEVEL[0]:
        raise RuntimeError(
            "Trying to exit a forward AD level that was not the last one that was created. "
            "This is not supported."
        )
    _fg.LEVEL[0] = None
    if _HANDLE[0] is not None:
        _HANDLE[0].remove()
        _HANDLE[0] = None
    _LAST[0] = None
    from .function import LAST_CTX

    LAST_CTX[0] = None
    _fg.clear()  # (every dual tensor becomes a plain tensor)


class dual_level:
    """Context manager: the scope in which dual tensors carry their tangents."""

    def __enter__(self):
        return enter_dual_level()

    def __exit__(self, *exc):
        exit_dual_level()


def make_dual(tensor, tangent, *, level=None):
    """A view of ``tensor`` carrying ``tangent`` (the direction of the derivative)."""
    if level is None:
        level = _fg.LEVEL[0]
    if level is None:
        raise RuntimeError(
            "Trying to create a dual Tensor for forward AD but no level exists, make sure "
            "to enter_dual_level() first."
        )
    if not isinstance(tensor, Tensor) or not isinstance(tangent, Tensor):
        raise TypeError(
            "make_dual(): argument 'tensor' (position 1) must be Tensor, not "
            f"{type(tensor if not isinstance(tensor, Tensor) else tangent).__name__}"
        )
    if not (tensor.is_floating_point() or tensor.is_complex()):
        raise ValueError(
            f"Expected primal to be floating point or complex, but got: {tensor.dtype}"
        )
    if not (tangent.is_floating_point() or tangent.is_complex()):
        raise ValueError(
            f"Expected tangent to be floating point or complex, but got: {tangent.dtype}"
        )
    if tuple(tensor.shape) != tuple(tangent.shape):
        raise RuntimeError(
            "Trying to set a forward gradient that has a different size than that of the "
            f"original Tensor, this is not supported. Tensor is of size {list(tensor.shape)} "
            f"while the given forward gradient is of size {list(tangent.shape)}."
        )
    with _quiet():
        dual = tensor.view(tensor.shape)
    _fg.set_tangent(dual, tangent)
    return dual


def unpack_dual(tensor, *, level=None):
    """``(primal, tangent)``: a view of ``tensor`` without its tangent, and the tangent
    (None for a tensor that is not dual)."""
    if not isinstance(tensor, Tensor):
        raise TypeError(
            "unpack_dual(): argument 'tensor' (position 1) must be Tensor, not "
            f"{type(tensor).__name__}"
        )
    tangent = _fg.tangent_of(tensor) if _fg.LEVEL[0] is not None else None
    if tangent is None:
        return UnpackedDualTensor(tensor, None)
    with _quiet():
        primal = tensor.view(tensor.shape)
    return UnpackedDualTensor(primal, tangent)


class _quiet:
    """Other listeners (a recorder) and this module's own do not see what runs inside."""

    def __enter__(self):
        self.saved = events.LISTENERS[:]
        events.LISTENERS.clear()

    def __exit__(self, *exc):
        events.LISTENERS[:] = self.saved


def _on_event(kind, payload):
    if kind == "forward":
        out = payload["output"]
        _LAST[0] = payload
        cls = payload["cls"]
        if getattr(cls, "_forward_cls", None) is not None:  # a custom autograd.Function
            _user_jvp(cls._forward_cls, payload["inputs"], out)
            return
        tangent = _jvp(cls, payload["inputs"], payload["kwargs"], out)
        if tangent is None:
            return
        for o, tg in zip((out,) if isinstance(out, Tensor) else out, tangent, strict=False):
            if isinstance(o, Tensor) and tg is not None:
                _fg.set_tangent(o, tg)
    elif kind == "inplace":
        _on_inplace(payload)


def _user_jvp(fn_cls, inputs, out):
    """A custom Function: its own ``jvp(ctx, *tangents)`` (PyTorch's rule; without one,
    its NotImplementedError), one tangent per tensor input (zeros for a plain one)."""
    from .. import zeros_like
    from .function import LAST_CTX

    tangents = [_fg.tangent_of(x) for x in inputs]
    if all(t is None for t in tangents):
        return
    ctx, LAST_CTX[0] = LAST_CTX[0], None
    with _quiet():
        given = [zeros_like(x) if t is None else t for x, t in zip(inputs, tangents, strict=False)]
        result = fn_cls.jvp(ctx, *given)
    outs = (out,) if isinstance(out, Tensor) else tuple(out)
    results = result if isinstance(result, tuple) else (result,)
    for o, t in zip(outs, results, strict=False):
        if isinstance(o, Tensor) and isinstance(t, Tensor):
            _fg.set_tangent(o, t)


def _on_inplace(payload):
    """An in-place op: its value was computed just before (the last ``forward`` event,
    whose inputs stand for ``x`` with ``x``'s own array, since overwritten: its old
    values are in the event); ``x``'s tangent becomes that op's ``J·t``, written into the
    tangent tensor it had (as PyTorch does)."""
    x = payload["tensor"]
    last, _LAST[0] = _LAST[0], None
    had = _fg.tangent_of(x)
    base = x._base
    if base is not None and _fg.tangent_of(base) is not None:
        raise NotImplementedError(
            "autograd_viz: forward-mode AD does not follow an in-place operation on a view "
            "of a dual tensor; write it out of place"
        )
    if payload["op"] == "setitem" or last is None:
        if had is not None:
            raise NotImplementedError(
                "autograd_viz: forward-mode AD does not follow an in-place assignment into a "
                "dual tensor; write it out of place"
            )
        return
    arr = x._data
    stand = {
        i: (payload["old"], had)
        for i, a in enumerate(last["inputs"])
        if isinstance(a, Tensor) and a._data is arr
    }
    tangent = _jvp(last["cls"], last["inputs"], last["kwargs"], last["output"], stand)
    new = None if tangent is None else tangent[0]
    if new is None:
        if had is None:
            return
        from .. import zeros_like

        with _quiet():
            new = zeros_like(had)  # (the new value depends on no dual: its tangent is 0)
    if had is not None and had.shape == new.shape and not new.requires_grad:
        had._data[...] = new._data  # (in place, as PyTorch updates the tangent it was given)
    else:
        _fg.set_tangent(x, new)


def _jvp(cls, inputs, kwargs, out, stand=None):
    """``_tangents``, with a clear error for an op it cannot follow."""
    if getattr(cls, "_multi", False):
        from ..engine.ops.shape import MultiViewBackward, SelectBackward0

        if issubclass(cls, MultiViewBackward):  # (one piece of split/chunk/unbind)
            cls = SelectBackward0
    try:
        return _tangents(cls, inputs, kwargs, out, stand)
    except NotImplementedError:
        raise
    except Exception as e:  # (not silently wrong: say which op)
        raise NotImplementedError(
            f"autograd_viz: forward-mode AD cannot follow the op {getattr(cls, 'op', cls)!r} "
            f"({type(e).__name__}: {e})"
        ) from e


def _tangents(cls, inputs, kwargs, out, stand=None):
    """``J·t`` of one op (a tuple: one tangent per output), or None when no input is dual
    or the output cannot carry one.  ``stand``: {input position: (its values before an
    in-place op overwrote them, its tangent or None)}.

    The tangents keep a graph (they require grad, as PyTorch's do) when grad mode is on
    and an input or a tangent requires grad."""
    tangents = [_fg.tangent_of(x) if isinstance(x, Tensor) else None for x in inputs]
    values = [None] * len(inputs)
    if stand:
        for i, (old, t) in stand.items():
            values[i] = old
            if t is not None:
                tangents[i] = t
    if all(t is None for t in tangents):
        return None
    from .. import tensor as _tensor
    from .. import zeros_like
    from . import grad

    outs = (out,) if isinstance(out, Tensor) else tuple(out)
    if not any(isinstance(o, Tensor) and o.is_floating_point() for o in outs):
        return None
    keep = _grad_on() and (
        any(isinstance(x, Tensor) and x.requires_grad for x in inputs)
        or any(t is not None and t.requires_grad for t in tangents)
    )
    with _quiet(), enable_grad():
        args = []
        diff = []  # (input as the op sees it, its tangent)
        for x, t, old in zip(inputs, tangents, values, strict=False):
            if isinstance(x, Tensor):
                if old is not None:
                    x = _tensor(old)
                elif not (keep and x.requires_grad):
                    x = x.detach()
                if t is not None:
                    if not x.requires_grad:
                        x.requires_grad_(True)
                    diff.append((x, t))
            args.append(x)
        ys = cls.apply(*args, **kwargs)
        ys = (ys,) if isinstance(ys, Tensor) else tuple(ys)
        us = []
        for y in ys:
            usable = isinstance(y, Tensor) and y.is_floating_point() and y.requires_grad
            us.append(zeros_like(y, requires_grad=True) if usable else None)
        pairs = [(y, u) for y, u in zip(ys, us, strict=False) if u is not None]
        if not pairs:
            return None
        vjps = grad(
            [y for y, _ in pairs],
            [x for x, _ in diff],
            [u for _, u in pairs],
            create_graph=True,
            allow_unused=True,
        )
        total = None
        for v, (_, t) in zip(vjps, diff, strict=False):
            if v is not None and v.requires_grad:
                term = (v * t).sum()
                total = term if total is None else total + term
        result = []
        for u in us:
            if u is None:
                result.append(None)
                continue
            jv = None
            if total is not None:
                (jv,) = grad(total, u, retain_graph=True, create_graph=keep, allow_unused=True)
            if jv is None:
                jv = zeros_like(u)
            result.append(jv if keep else jv.detach())
    return tuple(result)


def _grad_on():
    from ..engine.grad_mode import STATE

    return STATE.enabled
