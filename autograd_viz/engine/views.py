"""Views made under ``no_grad`` / ``inference_mode`` (PyTorch's view "creation meta"),
and inference tensors' version counter.

A view made while grad mode is off (``with torch.no_grad(): v = w[0]``) of a tensor
that requires grad requires grad itself, is a leaf and has no ``grad_fn``; ops using it
in grad mode record a node whose edge for it is ``(None, 0)`` (no gradient ever reaches
it or its base). Changing it in place is fine while grad mode is off (``w[0] -= lr * g``);
with grad mode on it raises ("A view was created in no_grad mode and is being modified
inplace with grad mode enabled..."), and once it or its base changed in place after it
was made, using it in grad mode raises too (its repr shows ``grad_fn=<Invalid>``).
Views made in ``inference_mode`` of normal tensors behave the same, with the
inference-mode wording.

Such a view carries ``_view_mode = (mode, version when made)`` (a class default of
``None`` on Tensor otherwise); views made of it in grad mode inherit it (PyTorch's
``propagate_creation_meta``). Nothing here runs on a hot path: ``_make_view`` calls
:func:`mark` only for views made with grad mode off of a tensor requiring grad, or of
such a view (a view of a plain tensor made under no_grad is not marked: PyTorch refuses
changing it in place with an operand that requires grad, this engine allows it), and a
leaf's accumulator is asked for (:func:`no_edge`) only until it is cached, which never
happens for these views.

Inference tensors (``t.is_inference()``) have no version counter in PyTorch: bumping it
outside inference mode raises "Inplace update to inference tensor outside InferenceMode
is not allowed...". Here their ``_vbox`` is an :class:`InferenceBox`, a ``list`` whose
item assignment raises outside inference mode, so the engine's in-place paths need no
check of their own (normal tensors keep a plain ``list``): as in PyTorch, the values are
written before the counter is bumped and the error raised."""

from __future__ import annotations

from .grad_mode import STATE

NO_GRAD = "no_grad"
INFERENCE = "inference"

_CLARIFY = {
    NO_GRAD: (
        " no_grad mode and {what} modified inplace with grad mode enabled. Given that this "
        "use case is ambiguous and error-prone, it is forbidden. You can clarify your code "
        "by moving both the view and the inplace either both inside the no_grad block (if "
        "you don't want the inplace to be tracked) or both outside (if you want the inplace "
        "to be tracked)."
    ),
    INFERENCE: (
        " inference mode and {what} modified inplace in normal mode. Given that this use "
        "case is ambiguous and error-prone, it is forbidden. You can clarify your code by "
        "moving both the view and the inplace either both inside the inference_mode block "
        "(if you don't want the inplace to be tracked) or both outside (if you want the "
        "inplace to be tracked)."
    ),
}

INPLACE_INFERENCE = (
    "Inplace update to inference tensor outside InferenceMode is not allowed.You can make "
    "a clone to get a normal tensor before doing inplace update.See "
    "https://github.com/pytorch/rfcs/pull/17 for more details."
)
SAVE_INFERENCE = (
    "Inference tensors cannot be saved for backward. Please do not use Tensors created in "
    "inference mode in computation tracked by autograd. To work around this, you can make "
    "a clone to get a normal tensor and use it in autograd, or use `torch.no_grad()` "
    "instead of `torch.inference_mode()`."
)
NO_VERSION = "Inference tensors do not track version counter."


def mark(out, base):
    """``out`` was just made as a view of ``base`` with grad mode off, or of a view made
    so: remember how (PyTorch's creation meta) and, under no_grad / inference_mode,
    inherit ``requires_grad`` from the base."""
    prev = base._view_mode
    if STATE.enabled:  # a view of such a view, in grad mode: the mode is inherited
        if prev is not None:
            out._view_mode = prev
        return
    if STATE.inference:
        if base._inference:  # a view of an inference tensor is one too (no view meta)
            return
        mode = INFERENCE
    else:
        mode = NO_GRAD
    if prev is not None and prev[0] == INFERENCE:
        mode = INFERENCE
    out._view_mode = (mode, out._vbox[0])
    if out._base._requires_grad:  # (always, but for a view of such a view)
        out._requires_grad = True


def set_requires_grad(t, value: bool) -> bool:
    """``t.requires_grad_(value)`` on such a view: its own flag (with it, ops give it an
    ``AccumulateGrad`` edge and ``t.grad`` fills); it keeps requiring grad while its
    base does. Returns the flag ``t`` shows."""
    mode = t._view_mode
    t._view_mode = (mode[0], mode[1], True) if value else mode[:2]
    if not value:
        t._accumulator = None
    return value or t._base._requires_grad


def _stale(t) -> bool:
    mode = t._view_mode
    return mode is not None and t._base._requires_grad and t._vbox[0] != mode[1]


def message(t, indirect: bool, output_nr=0, name=None) -> str:
    """PyTorch's text for an in-place change of ``t`` (``indirect``: its base or another
    view changed, and ``t`` is used now) when ``t`` was made as a view under no_grad /
    inference_mode."""
    if name is None and t.grad_fn is not None:
        from .function import _BACKWARD_SUFFIX

        name, output_nr = _BACKWARD_SUFFIX.sub("", t.grad_fn.name()), t._output_nr
    if name is None:
        prefix = "A view was created in"
    else:
        prefix = f"Output {output_nr} of {name} is a view of a view which was created in"
    what = "its base or another view of its base has been" if indirect else "is being"
    return prefix + _CLARIFY[t._view_mode[0]].format(what=what)


def no_edge(t):
    """The accumulator of ``t`` when ``t`` is such a view: none (``None``: the edge an
    op records for it is ``(None, 0)``), or PyTorch's error when it or its base changed
    in place since it was made."""
    if _stale(t):
        raise RuntimeError(message(t, True))
    if len(t._view_mode) > 2:  # ``requires_grad_(True)`` was called on it
        from .function import AccumulateGrad

        t._accumulator = AccumulateGrad(t)
        return t._accumulator
    return None


def check_inplace(x, other_rg: bool, key=None):
    """Grad mode is on and ``x`` (such a view) is about to change in place: PyTorch
    refuses when a gradient would be recorded (``x`` or the other operand requires
    grad). ``key``: the index of ``x[key] = value`` (PyTorch changes a view of ``x``)."""
    if not (x._requires_grad or other_rg):
        return
    name = None
    if x.grad_fn is None and key is not None:
        name = _setitem_view_name(key)
    raise RuntimeError(message(x, False, 0, name))


def _setitem_view_name(key):
    """The view op PyTorch's ``x[key] = value`` writes through (``None``: it writes into
    ``x`` itself)."""
    import numbers

    items = key if isinstance(key, tuple) else (key,)
    last = None
    for k in items:
        if k is not Ellipsis and (
            isinstance(k, bool) or not isinstance(k, numbers.Integral | slice | type(None))
        ):
            return None  # a mask / list / tensor index: index_put_ into x itself
        if isinstance(k, numbers.Integral) and not isinstance(k, bool):
            last = "Select"
        elif isinstance(k, slice):
            if k != slice(None):
                last = "Slice"
        elif k is None:
            last = last or "Unsqueeze"
    return last


def repr_invalid(t) -> bool:
    """The repr shows ``grad_fn=<Invalid>`` (PyTorch: reading ``grad_fn`` raises)."""
    return _stale(t)


class InferenceBox(list):
    """The version counter of an inference tensor: PyTorch's has none, and bumping it
    outside inference mode is its "Inplace update to inference tensor" error. Reading it
    in grad mode outside inference mode is what saving the tensor for backward does."""

    __slots__ = ()

    def __setitem__(self, i, v):
        if not STATE.inference:
            raise RuntimeError(INPLACE_INFERENCE)
        list.__setitem__(self, i, v)

    def __getitem__(self, i):
        if STATE.enabled and not STATE.inference:
            import sys

            # the engine reads an input's version when a node saves it; a bump (``+= 1``)
            # reads it first too: its caller is one of the in-place paths
            if sys._getframe(1).f_code.co_name not in _BUMPERS:
                raise RuntimeError(SAVE_INFERENCE)
        return list.__getitem__(self, i)


#: the functions that bump a version counter (``t._vbox[0] += 1``; tests/engine/test_views.py
#: keeps this list equal to the code's)
_BUMPERS = frozenset(
    {
        "_accumulate",
        "_add_grad",
        "_apply",
        "_decoupled_weight_decay",
        "_direct_inplace",
        "_embedding_renorm_",
        "_fill",
        "_flush",
        "_into_out",
        "_pair_out",
        "_rebase",
        "_rebase_view",
        "_set_param",
        "set_",
        "_setitem",
        "relayout_in_place",
        "_update",
        "_zero_grads",
        "batch_norm",
        "instance_norm",
        "clip_grad_norm_",
        "clip_grad_value_",
        "forward",
        "inplace",
        "load_state_dict",
        "resize_",
        "step",
        "vector_to_parameters",
        "with_out",
        "with_out_pair",
        "zero_",
    }
)


def make_inference(t):
    """``t`` (just made in inference mode, not a view of a normal tensor) becomes an
    inference tensor."""
    t._inference = True
    if t._vbox.__class__ is not InferenceBox:
        t._vbox = InferenceBox(t._vbox)
