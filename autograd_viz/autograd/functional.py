"""``torch.autograd.functional``: ``vjp``, ``jvp``, ``jacobian``, ``hessian``, ``vhp``, ``hvp``
computed as PyTorch computes them in reverse mode (one ``autograd.grad`` per output element
for the Jacobian; the double-backward trick for ``jvp`` / ``hvp``), with its results' forms
(a Tensor, a tuple, a tuple of tuples), its detaching and its error messages."""

from __future__ import annotations

from .. import engine as _torch
from ..engine.grad_mode import enable_grad, is_grad_enabled, set_grad_enabled
from ..engine.tensor import Tensor

__all__ = ["hessian", "hvp", "jacobian", "jvp", "vhp", "vjp"]


def _tupled(value, what, fn):
    """``(was a tuple, the tuple)``; TypeError as PyTorch for anything not Tensors."""
    is_tuple = isinstance(value, tuple)
    items = value if is_tuple else (value,)
    for i, el in enumerate(items):
        if not isinstance(el, Tensor):
            where = f"value at index {i}" if is_tuple else f"given {what}"
            raise TypeError(
                f"The {what} given to {fn} must be either a Tensor or a tuple of Tensors but the"
                f" {where} has type {type(el)}."
            )
    return is_tuple, items


def _untupled(res, unpack):
    """Give results the form of the arguments: ``unpack`` a flag or (outer, inner) flags."""
    if isinstance(unpack, tuple):
        if not unpack[1]:
            res = tuple(el[0] for el in res)
        if not unpack[0]:
            res = res[0]
    elif not unpack:
        res = res[0]
    return res


def _prepare(tensors, create_graph, need_graph):
    """Inputs the function is differentiated at: views (``create_graph`` with inputs that
    require grad: the result stays connected to them) or detached copies."""
    return tuple(
        t.view_as(t) if create_graph and t.requires_grad else t.detach().requires_grad_(need_graph)
        for t in tensors
    )


def _finish(res, create_graph):
    if isinstance(res[0], Tensor):
        return res if create_graph else tuple(t.detach() for t in res)
    return tuple(_finish(r, create_graph) for r in res)


def _check_v(v, other, other_is_tuple):
    if len(other) != len(v):
        if other_is_tuple:
            raise RuntimeError(
                f"v is a tuple of invalid length: should be {len(other)} but got {len(v)}."
            )
        raise RuntimeError("The given v should contain a single Tensor.")
    for i, (a, b) in enumerate(zip(v, other, strict=True)):
        if a.size() != b.size():
            pre = f"Entry {i} in " if other_is_tuple else ""
            raise RuntimeError(f"{pre}v has invalid size: should be {b.size()} but got {a.size()}.")


_STRICT = {
    "outputs": (
        "Output {i} of the user-provided function does not require gradients. The outputs must"
        " be computed in a differentiable manner from the input when running in strict mode."
    ),
    "grad_inputs": (
        "The gradient with respect to input {i} is independent of the inputs of the"
        " user-provided function. This is not allowed in strict mode."
    ),
    "hessian": (
        "The hessian of the user-provided function with respect to input {i} is independent of"
        " the input. This is not allowed in strict mode. You should ensure that your function"
        " is thrice differentiable and that the hessian depends on the inputs."
    ),
    "jacobian": (
        "While computing the hessian, found that the jacobian of the user-provided function"
        " with respect to input {i} is independent of the input. This is not allowed in strict"
        " mode. You should ensure that your function is twice differentiable and that the"
        " jacobian depends on the inputs (this would be violated by a linear function for"
        " example)."
    ),
}


def _check_strict(tensors, kind, strict):
    if not strict:
        return
    for i, t in enumerate(tensors):
        if t is None:
            raise RuntimeError(
                f"The output of the user-provided function is independent of input {i}. This is"
                " not allowed in strict mode."
            )
        if not t.requires_grad:
            raise RuntimeError(_STRICT[kind].format(i=i))


def _grad(outputs, inputs, grad_outputs=None, create_graph=False, retain_graph=None):
    """``autograd.grad`` of the outputs that require grad (``None`` for every input when
    none does), unused inputs as ``None``."""
    if grad_outputs is None:
        grad_outputs = (None,) * len(outputs)
    pairs = [
        (o, g)
        for o, g in zip(outputs, grad_outputs, strict=True)
        if o is not None and o.requires_grad
    ]
    if not pairs:
        return (None,) * len(inputs)
    from . import grad as _autograd_grad

    return _autograd_grad(
        tuple(o for o, _ in pairs),
        inputs,
        tuple(g for _, g in pairs),
        allow_unused=True,
        create_graph=create_graph,
        retain_graph=retain_graph,
    )


_ZERO_MSG = {
    "back": "The output of the user-provided function is independent of input {i}. This is not"
    " allowed in strict mode.",
    "back_trick": "The gradient with respect to the input is independent of entry {i} in the"
    " grad_outputs when using the double backward trick to compute forward mode gradients."
    " This is not allowed in strict mode.",
    "double_back": "The jacobian of the user-provided function is independent of input {i}."
    " This is not allowed in strict mode.",
    "double_back_trick": "The hessian of the user-provided function is independent of entry"
    " {i} in the grad_jacobian. This is not allowed in strict mode as it prevents from using"
    " the double backward trick to replace forward mode AD.",
}


def _zeros_for_none(grads, refs, strict, create_graph, stage):
    out = []
    for i, g in enumerate(grads):
        if g is None:
            if strict:
                raise RuntimeError(_ZERO_MSG[stage].format(i=i))
            g = _torch.zeros_like(refs[i])
        elif strict and create_graph and not g.requires_grad:
            what = "hessian" if "double" in stage else "jacobian"
            raise RuntimeError(
                f"The {what} of the user-provided function is independent of input {i}. This is"
                " not allowed in strict mode when create_graph=True."
            )
        out.append(g)
    return tuple(out)


def _v_or_one(v, ref, ref_is_tuple, fn, create_graph, none_msg):
    if v is not None:
        _, v = _tupled(v, "v", fn)
        v = _prepare(v, create_graph, False)
        _check_v(v, ref, ref_is_tuple)
        return v
    if len(ref) != 1 or ref[0].nelement() != 1:
        raise RuntimeError(none_msg)
    return None


def vjp(func, inputs, v=None, create_graph=False, strict=False):
    """``(func(inputs), vᵀ·J)``."""
    with enable_grad():
        in_tuple, inputs = _tupled(inputs, "inputs", "vjp")
        inputs = _prepare(inputs, create_graph, True)
        outputs = func(*inputs)
        out_tuple, outputs = _tupled(outputs, "outputs of the user-provided function", "vjp")
        _check_strict(outputs, "outputs", strict)
        v = _v_or_one(
            v, outputs, out_tuple, "vjp", create_graph,
            "The vector v can only be None if the user-provided function returns a single "
            "Tensor with a single element.",
        )  # fmt: skip
    with set_grad_enabled(True if create_graph else is_grad_enabled()):
        res = _grad(outputs, inputs, v, create_graph=create_graph)
        res = _zeros_for_none(res, inputs, strict, create_graph, "back")
    return (
        _untupled(_finish(outputs, create_graph), out_tuple),
        _untupled(_finish(res, create_graph), in_tuple),
    )


def jvp(func, inputs, v=None, create_graph=False, strict=False):
    """``(func(inputs), J·v)`` by the double-backward trick."""
    with enable_grad():
        in_tuple, inputs = _tupled(inputs, "inputs", "jvp")
        inputs = _prepare(inputs, create_graph, True)
        v = _v_or_one(
            v, inputs, in_tuple, "jvp", create_graph,
            "The vector v can only be None if the input to the user-provided function is a "
            "single Tensor with a single element.",
        )  # fmt: skip
        outputs = func(*inputs)
        out_tuple, outputs = _tupled(outputs, "outputs of the user-provided function", "jvp")
        _check_strict(outputs, "outputs", strict)
        grad_outputs = tuple(_torch.zeros_like(o, requires_grad=True) for o in outputs)
        grad_inputs = _grad(outputs, inputs, grad_outputs, create_graph=True)
        _check_strict(grad_inputs, "grad_inputs", strict)
    with set_grad_enabled(True) if create_graph else _nullcontext():
        res = _grad(grad_inputs, grad_outputs, v, create_graph=create_graph)
        res = _zeros_for_none(res, outputs, strict, create_graph, "back_trick")
    return (
        _untupled(_finish(outputs, create_graph), out_tuple),
        _untupled(_finish(res, create_graph), out_tuple),
    )


class _nullcontext:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


def jacobian(
    func, inputs, create_graph=False, strict=False, vectorize=False, strategy="reverse-mode"
):
    """The Jacobian of ``func`` at ``inputs``: for output ``i`` and input ``j`` a tensor of
    shape ``out_i.shape + in_j.shape`` (one ``autograd.grad`` per output element)."""
    if strategy not in ("forward-mode", "reverse-mode"):
        raise AssertionError(
            'Expected strategy to be either "forward-mode" or "reverse-mode". Hint: If your '
            'function has more outputs than inputs, "forward-mode" tends to be more performant. '
            'Otherwise, prefer to use "reverse-mode".'
        )
    if strategy == "forward-mode":
        if create_graph:
            raise NotImplementedError(
                "torch.autograd.functional.jacobian: `create_graph=True` "
                'and `strategy="forward-mode"` are not supported together (yet). '
                "Please either set `create_graph=False` or "
                '`strategy="reverse-mode"`.'
            )
        raise NotImplementedError(
            'autograd_viz: jacobian(strategy="forward-mode") needs forward-mode AD, which this '
            'engine does not have; use strategy="reverse-mode" (the same values)'
        )
    with enable_grad():
        in_tuple, inputs = _tupled(inputs, "inputs", "jacobian")
        inputs = _prepare(inputs, create_graph, True)
        outputs = func(*inputs)
        out_tuple, outputs = _tupled(outputs, "outputs of the user-provided function", "jacobian")
        _check_strict(outputs, "outputs", strict)
        if vectorize and strict:
            raise RuntimeError(
                "torch.autograd.functional.jacobian: `strict=True` "
                "and `vectorized=True` are not supported together. "
                "Please either set `strict=False` or "
                "`vectorize=False`."
            )
        jac = []
        for i, out in enumerate(outputs):
            rows = [[] for _ in inputs]
            flat = out.reshape(-1)
            for k in range(out.nelement()):
                vk = _grad((flat[k],), inputs, retain_graph=True, create_graph=create_graph)
                for j, (g, inp) in enumerate(zip(vk, inputs, strict=True)):
                    if g is not None:
                        if strict and create_graph and not g.requires_grad:
                            raise RuntimeError(
                                "The jacobian of the user-provided function is independent of "
                                f"input {i}. This is not allowed in strict mode when "
                                "create_graph=True."
                            )
                        rows[j].append(g)
                    else:
                        if strict:
                            raise RuntimeError(
                                f"Output {i} of the user-provided function is independent of "
                                f"input {j}. This is not allowed in strict mode."
                            )
                        rows[j].append(_torch.zeros_like(inp))
            jac.append(
                tuple(
                    _torch.stack(r, dim=0).view(out.size() + inputs[j].size())
                    for j, r in enumerate(rows)
                )
            )
        return _untupled(_finish(tuple(jac), create_graph), (out_tuple, in_tuple))


def hessian(
    func,
    inputs,
    create_graph=False,
    strict=False,
    vectorize=False,
    outer_jacobian_strategy="reverse-mode",
):
    """The Hessian of a scalar ``func``: the Jacobian of its gradient."""
    in_tuple, inputs = _tupled(inputs, "inputs", "hessian")
    if outer_jacobian_strategy not in ("forward-mode", "reverse-mode"):
        raise AssertionError('Expected strategy to be either "forward-mode" or "reverse-mode".')

    def scalar_func(*inp):
        out = func(*inp)
        out_tuple, t_out = _tupled(out, "outputs of the user-provided function", "hessian")
        _check_strict(t_out, "outputs", strict)
        if out_tuple or not isinstance(out, Tensor):
            raise RuntimeError("The function given to hessian should return a single Tensor")
        if out.nelement() != 1:
            raise RuntimeError(
                "The Tensor returned by the function given to hessian should contain a single "
                "element"
            )
        return out.squeeze()

    def jac_func(*inp):
        if outer_jacobian_strategy == "forward-mode":
            inp = tuple(t.requires_grad_(True) for t in inp)
        jac = jacobian(scalar_func, inp, create_graph=True)
        _check_strict(jac, "jacobian", strict)
        return jac

    res = jacobian(
        jac_func, inputs, create_graph=create_graph, strict=strict, vectorize=vectorize,
        strategy=outer_jacobian_strategy,
    )  # fmt: skip
    return _untupled(res, (in_tuple, in_tuple))


def _scalar_output(fn, func, inputs):
    outputs = func(*inputs)
    out_tuple, outputs = _tupled(outputs, "outputs of the user-provided function", fn)
    return out_tuple, outputs


def vhp(func, inputs, v=None, create_graph=False, strict=False):
    """``(func(inputs), vᵀ·H)``."""
    return _hessian_product("vhp", func, inputs, v, create_graph, strict)


def hvp(func, inputs, v=None, create_graph=False, strict=False):
    """``(func(inputs), H·v)`` (by the double-backward trick)."""
    return _hessian_product("hvp", func, inputs, v, create_graph, strict)


def _hessian_product(fn, func, inputs, v, create_graph, strict):
    with enable_grad():
        in_tuple, inputs = _tupled(inputs, "inputs", fn)
        inputs = _prepare(inputs, create_graph, True)
        v = _v_or_one(
            v, inputs, in_tuple, fn, create_graph,
            "The vector v can only be None if the input to the user-provided function is a "
            "single Tensor with a single element.",
        )  # fmt: skip
        out_tuple, outputs = _scalar_output(fn, func, inputs)
        _check_strict(outputs, "outputs", strict)
        if out_tuple:
            raise RuntimeError(f"The function given to {fn} should return a single Tensor")
        if outputs[0].nelement() != 1:
            raise RuntimeError(
                f"The Tensor returned by the function given to {fn} should contain a single element"
            )
        jac = _grad(outputs, inputs, create_graph=True)
        _check_strict(jac, "jacobian", strict)
        if fn == "hvp":
            grad_jac = tuple(_torch.zeros_like(t, requires_grad=True) for t in inputs)
            double_back = _grad(jac, inputs, grad_jac, create_graph=True)
            _check_strict(jac, "hessian", strict)
    with set_grad_enabled(True if create_graph else is_grad_enabled()):
        if fn == "vhp":
            res = _grad(jac, inputs, v, create_graph=create_graph)
            res = _zeros_for_none(res, inputs, strict, create_graph, "double_back")
        else:
            res = _grad(double_back, grad_jac, v, create_graph=create_graph)
            res = _zeros_for_none(res, inputs, strict, create_graph, "double_back_trick")
    return (
        _untupled(_finish(outputs, create_graph), out_tuple),
        _untupled(_finish(res, create_graph), in_tuple),
    )
