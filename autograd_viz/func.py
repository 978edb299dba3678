"""``torch.func`` (functorch's transforms) built on this engine's reverse mode:
``grad``, ``grad_and_value``, ``vjp``, ``jacrev``, ``jacfwd``, ``hessian``, ``vmap``,
``functional_call``, ``stack_module_state``.

How they are computed here (the results are PyTorch's; the route is not):

* ``grad`` / ``grad_and_value`` / ``vjp``: the function runs on fresh leaves standing for
  the differentiated arguments, then ``torch.autograd.grad``.  Arguments that already
  require grad (an outer ``grad``, or a learner's ``requires_grad=True`` tensor) are
  differentiated through with ``create_graph=True``, so the transforms compose
  (``grad(grad(f))``) and the result stays connected to the outer graph, as functorch's
  levels do.
* ``jacrev``: one ``autograd.grad`` per output element (rows of the Jacobian);
  ``jacfwd``: the same Jacobian, computed in reverse mode too (PyTorch uses forward mode:
  the values agree, only signs of zeros may differ); ``hessian``: ``jacfwd(jacrev(f))``.
* ``vmap``: a loop over the batch: ``func`` is called once per index of the mapped
  dimension on the slices (``in_dims``), and the results are stacked along ``out_dims``.
  Values and results match PyTorch's batched computation (a result that requires grad
  has ``StackBackward0`` as its ``grad_fn`` here, PyTorch's the batched op's node); a
  function that is not
  batch-independent (it calls ``.item()``, or uses randomness) is not refused here as it
  is by PyTorch.

Arguments may be pytrees: tensors nested in tuples, lists and dicts (``grad`` of a loss of
a dict of parameters, as ``functional_call`` is used).
"""

from __future__ import annotations

from . import autograd as _autograd
from . import engine as _torch
from .engine import forward_grad as _fg
from .engine.grad_mode import enable_grad
from .engine.tensor import Tensor

__all__ = [
    "functional_call",
    "grad",
    "grad_and_value",
    "hessian",
    "jacfwd",
    "jacrev",
    "jvp",
    "stack_module_state",
    "vjp",
    "vmap",
]


# ---------------------------------------------------------------------- pytrees
def _flatten(tree):
    """``(leaves, spec)``: tuples, lists and dicts are containers; anything else a leaf."""
    if isinstance(tree, tuple | list):
        leaves, specs = [], []
        for item in tree:
            lv, sp = _flatten(item)
            leaves += lv
            specs.append(sp)
        return leaves, (type(tree), None, specs)
    if isinstance(tree, dict):
        leaves, specs = [], []
        keys = list(tree)
        for k in keys:
            lv, sp = _flatten(tree[k])
            leaves += lv
            specs.append(sp)
        return leaves, (dict, keys, specs)
    return [tree], None


def _unflatten(leaves, spec):
    it = iter(leaves)

    def build(sp):
        if sp is None:
            return next(it)
        kind, keys, specs = sp
        items = [build(s) for s in specs]
        if kind is dict:
            return dict(zip(keys, items, strict=True))
        if kind is list:
            return items
        if kind is tuple:
            return tuple(items)
        return kind(*items)  # a namedtuple

    return build(spec)


def _spec_str(spec, indent=0):
    """A spec written as PyTorch's ``TreeSpec`` prints (in its error messages)."""
    if spec is None:
        return "*"
    kind, keys, specs = spec
    name = {tuple: "tuple", list: "list", dict: "dict"}.get(kind, kind.__name__)
    sep = ",\n" + "  " * (indent + 1)
    inner = sep.join(_spec_str(s, indent + 1) for s in specs)
    return f"TreeSpec({name}, {keys!r}, [{inner}])"


def _fname(func):
    return getattr(func, "__name__", repr(func))


def _check_argnums(argnums, n):
    nums = argnums if isinstance(argnums, tuple) else (argnums,)
    if isinstance(argnums, tuple) and not argnums:
        raise RuntimeError("argnums must be non-empty")
    for a in nums:
        if not isinstance(a, int):
            raise RuntimeError(f"argnums must be int or Tuple[int, ...], got: {type(argnums)}")
        if not -n <= a < n:
            raise RuntimeError(f"Got argnum={a}, but only {n} positional inputs")
    return tuple(a % n for a in nums)


def _leaf_in(t):
    """The stand-in the function is differentiated at: connected to ``t`` when ``t``
    requires grad (composition with an outer transform), else a fresh leaf."""
    if not isinstance(t, Tensor):
        raise ValueError(f"Thing passed to transform API must be Tensor, got {type(t)}")
    if t.requires_grad:
        return t.view_as(t)
    leaf = t.detach().requires_grad_(True)
    tangent = _dual_tangent(t)
    if tangent is not None:  # (inside ``jvp``: forward-over-reverse, as in an hvp)
        _fg.set_tangent(leaf, tangent)
    return leaf


def _dual_tangent(t):
    return _fg.tangent_of(t) if _fg.LEVEL[0] is not None else None


def _wrap_args(args, nums):
    """Replace the differentiated arguments by stand-ins: ``(new args, per argnum
    (leaves, spec), outer)`` where ``outer`` says some input requires grad already."""
    args = list(args)
    parts = []
    outer = False
    for a in nums:
        leaves, spec = _flatten(args[a])
        for t in leaves:
            if isinstance(t, Tensor) and (t.requires_grad or _dual_tangent(t) is not None):
                outer = True  # (a dual input: the gradients keep their graph, and tangents)
        new = [_leaf_in(t) for t in leaves]
        args[a] = _unflatten(new, spec)
        parts.append((new, spec))
    return args, parts, outer


def _grads(out, inputs, grad_outputs, create_graph):
    got = _autograd.grad(
        out,
        inputs,
        grad_outputs,
        retain_graph=True,
        create_graph=create_graph,
        allow_unused=True,
    )
    res = []
    for g, x in zip(got, inputs, strict=True):
        if g is None:
            g = _torch.zeros_like(x)
        elif not create_graph:
            g = g.detach()
        res.append(g)
    return res


def _detach_tree(tree, keep):
    if keep:
        return tree
    leaves, spec = _flatten(tree)
    return _unflatten([t.detach() if isinstance(t, Tensor) else t for t in leaves], spec)


# ---------------------------------------------------------------------- grad
def grad_and_value(func, argnums=0, has_aux=False):
    """``(gradient of func w.r.t. args[argnums], func's value)``; ``func`` returns a
    scalar tensor (and ``aux`` with ``has_aux``: then ``((grad, (value, aux))``)."""

    def wrapper(*args, **kwargs):
        nums = _check_argnums(argnums, len(args))
        with enable_grad():
            new_args, parts, outer = _wrap_args(args, nums)
            output = func(*new_args, **kwargs)
            aux = None
            if has_aux:
                if not (isinstance(output, tuple) and len(output) == 2):
                    raise RuntimeError(
                        "grad_and_value(f)(*args): output of function f should be a tuple: "
                        "(output, aux) if has_aux is True"
                    )
                output, aux = output
            if not isinstance(output, Tensor):
                raise RuntimeError(
                    "grad_and_value(f)(*args): Expected f(*args) to return a Tensor, got "
                    f"{type(output)}"
                )
            if output.dim() != 0:
                raise RuntimeError(
                    "grad_and_value(f)(*args): Expected f(*args) to return a scalar Tensor, "
                    f"got tensor with {output.dim()} dims. Maybe you wanted to use the vjp "
                    "or jacrev APIs instead?"
                )
            flat = [t for leaves, _ in parts for t in leaves]
            if output.requires_grad:
                gs = _grads(output, flat, None, outer)
            else:
                gs = [_torch.zeros_like(t) for t in flat]
        out_grads = []
        k = 0
        for leaves, spec in parts:
            out_grads.append(_unflatten(gs[k : k + len(leaves)], spec))
            k += len(leaves)
        g = out_grads[0] if not isinstance(argnums, tuple) else tuple(out_grads)
        value = output if outer else output.detach()
        if has_aux:
            return g, (value, _detach_tree(aux, outer))
        return g, value

    return wrapper


def grad(func, argnums=0, has_aux=False):
    """The gradient of a scalar-valued ``func`` with respect to ``args[argnums]``
    (a tuple of gradients for a tuple ``argnums``; ``(grad, aux)`` with ``has_aux``)."""
    gv = grad_and_value(func, argnums, has_aux)

    def wrapper(*args, **kwargs):
        g, value = gv(*args, **kwargs)
        if has_aux:
            return g, value[1]
        return g

    return wrapper


# ---------------------------------------------------------------------- vjp
def vjp(func, *primals, has_aux=False):
    """``(func(*primals), vjp_fn)``: ``vjp_fn(cotangents)`` gives one vector-Jacobian
    product per primal (always a tuple)."""
    with enable_grad():
        new_args, parts, outer = _wrap_args(primals, tuple(range(len(primals))))
        output = func(*new_args)
        aux = None
        if has_aux:
            if not (isinstance(output, tuple) and len(output) == 2):
                raise RuntimeError(
                    "vjp(f, *primals): output of function f should be a tuple: (output, aux) "
                    "if has_aux is True"
                )
            output, aux = output
    out_leaves, _ = _flatten(output)
    for o in out_leaves:
        if not isinstance(o, Tensor):
            raise RuntimeError(
                "vjp(f, *primals): Expected f to be a function that has non-empty output "
                f"(got output = {output})"
                if not out_leaves
                else f"vjp(f, ...): All outputs of f must be floating-point or complex "
                f"Tensors, got Tensor with dtype {type(o)}"
            )
    flat_in = [t for leaves, _ in parts for t in leaves]

    def vjp_fn(cotangents):
        cot_leaves, _ = _flatten(cotangents)
        if len(cot_leaves) != len(out_leaves):
            raise RuntimeError(
                "Expected pytree structure of cotangents to be the same as pytree structure "
                "of outputs to the function."
            )
        with enable_grad():
            used = [(o, c) for o, c in zip(out_leaves, cot_leaves, strict=True) if o.requires_grad]
            if used:
                gs = _grads([o for o, _ in used], flat_in, [c for _, c in used], outer)
            else:
                gs = [_torch.zeros_like(t) for t in flat_in]
        res = []
        k = 0
        for leaves, spec in parts:
            res.append(_unflatten(gs[k : k + len(leaves)], spec))
            k += len(leaves)
        return tuple(res)

    value = _detach_tree(output, outer)
    if has_aux:
        return value, vjp_fn, _detach_tree(aux, outer)
    return value, vjp_fn


# ---------------------------------------------------------------------- Jacobians
def jacrev(func, argnums=0, *, has_aux=False, chunk_size=None, _preallocate_and_copy=False):
    """The Jacobian of ``func`` w.r.t. ``args[argnums]`` in reverse mode: for an output of
    shape ``O`` and an input of shape ``I``, a tensor of shape ``O + I`` (pytrees of them for
    several outputs / inputs, as PyTorch nests them: outputs outside, inputs inside)."""

    def wrapper(*args, **kwargs):
        nums = _check_argnums(argnums, len(args))
        with enable_grad():
            new_args, parts, outer = _wrap_args(args, nums)
            output = func(*new_args, **kwargs)
            aux = None
            if has_aux:
                if not (isinstance(output, tuple) and len(output) == 2):
                    raise RuntimeError(
                        "jacrev(f, ...)(*args): output of function f should be a tuple: "
                        "(output, aux) if has_aux is True"
                    )
                output, aux = output
            out_leaves, out_spec = _flatten(output)
            for o in out_leaves:
                if not isinstance(o, Tensor):
                    raise RuntimeError(
                        "jacrev(f, ...)(*args): expected f(*args) to return only tensors, "
                        f"got unsupported type {type(o)}"
                    )
            flat_in = [t for leaves, _ in parts for t in leaves]
            per_out = []
            for o in out_leaves:
                rows = [[] for _ in flat_in]
                n = o.numel()
                flat_o = o.reshape(-1)
                for i in range(n):
                    if o.requires_grad:
                        gs = _grads(flat_o[i], flat_in, None, outer)
                    else:
                        gs = [_torch.zeros_like(t) for t in flat_in]
                    for r, g in zip(rows, gs, strict=True):
                        r.append(g)
                jacs = []
                for r, x in zip(rows, flat_in, strict=True):
                    if r:
                        j = _torch.stack(r).reshape(tuple(o.shape) + tuple(x.shape))
                    else:
                        j = _torch.zeros(tuple(o.shape) + tuple(x.shape), dtype=x.dtype)
                    jacs.append(j)
                tree = []
                k = 0
                for leaves, spec in parts:
                    tree.append(_unflatten(jacs[k : k + len(leaves)], spec))
                    k += len(leaves)
                per_out.append(tree[0] if not isinstance(argnums, tuple) else tuple(tree))
        res = _unflatten(per_out, out_spec)
        if has_aux:
            return res, _detach_tree(aux, outer)
        return res

    return wrapper


_JVP = "jvp(f, primals, tangents)"


def jvp(func, primals, tangents, *, strict=False, has_aux=False):
    """``(func(*primals), J·tangents)`` in forward mode (``autograd.forward_ad``)."""
    from .autograd import forward_ad as fwAD
    from .engine import forward_grad as _fg

    if not isinstance(primals, tuple):
        raise RuntimeError(
            f"{_JVP}: Expected primals to be a tuple. E.g. it should be valid to call f(*primals)."
        )
    flat_primals, primals_spec = _flatten(primals)
    flat_tangents, tangents_spec = _flatten(tangents)
    if primals_spec != tangents_spec:
        raise RuntimeError(
            f"{_JVP}: Expected primals and tangents to have the same python structure. For "
            "example, if primals is a tuple of 3 tensors, tangents also must be. Got primals "
            f"with structure {_spec_str(primals_spec)} and tangents with structure "
            f"{_spec_str(tangents_spec)}"
        )
    for name, flat in (("primals", flat_primals), ("tangents", flat_tangents)):
        if not flat:
            raise RuntimeError(f"{_JVP}: Expected {name} to contain at least one Tensor.")
        for x in flat:
            if not isinstance(x, Tensor):
                raise RuntimeError(
                    f"{_JVP}: Expected {name} to only contain Tensors, got {type(x)}"
                )
    opened = _fg.LEVEL[0] is None
    if opened:
        fwAD.enter_dual_level()
    try:
        duals = [fwAD.make_dual(p, t) for p, t in zip(flat_primals, flat_tangents, strict=True)]
        result = func(*_unflatten(duals, primals_spec))
        aux = None
        if has_aux:
            if not (isinstance(result, tuple) and len(result) == 2):
                raise RuntimeError(
                    f"{_JVP}: output of function f should be a tuple: (output, aux) if "
                    "has_aux is True"
                )
            result, aux = result
        flat_out, spec = _flatten(result)
        if (len(flat_out) == 1 and flat_out[0] is None) or not flat_out:
            raise RuntimeError(
                f"{_JVP}: Expected f to be a function that has non-empty output "
                f"(got output = {flat_out})"
            )
        primals_out, tangents_out = [], []
        for dual in flat_out:
            if not isinstance(dual, Tensor):
                raise RuntimeError(
                    f"{_JVP}: expected f(*args) to return only tensors, got unsupported "
                    f"type {type(dual)}"
                )
            primal, tangent = fwAD.unpack_dual(dual)
            if tangent is None:
                if strict:
                    raise RuntimeError(
                        "jvp(f, primals, tangents, strict=True): The output of f is "
                        "independent of the inputs. This is not allowed with strict=True."
                    )
                tangent = _torch.zeros_like(primal)
            primals_out.append(primal.detach())
            tangents_out.append(tangent)
        if not any(p.requires_grad for p in flat_primals):
            tangents_out = [t.detach() for t in tangents_out]
    finally:
        if opened:
            fwAD.exit_dual_level()
    out = (_unflatten(primals_out, spec), _unflatten(tangents_out, spec))
    return (*out, aux) if has_aux else out


def jacfwd(func, argnums=0, has_aux=False, *, randomness="error"):
    """The Jacobian of ``func`` (PyTorch computes it in forward mode; here in reverse
    mode: the same values)."""
    if randomness not in ("error", "different", "same"):
        raise RuntimeError(
            f"Only allowed values for randomness are 'error', 'different', or 'same'. Got "
            f"{randomness}"
        )
    return jacrev(func, argnums, has_aux=has_aux)


def hessian(func, argnums=0):
    """The Hessian of a scalar ``func``: ``jacfwd(jacrev(func))``."""
    return jacfwd(jacrev(func, argnums), argnums)


# ---------------------------------------------------------------------- vmap
def _in_dims_repr(in_dims):
    return repr(in_dims)


def vmap(func, in_dims=0, out_dims=0, randomness="error", *, chunk_size=None):
    """Map ``func`` over a dimension of its inputs.  Computed by looping over the batch:
    ``func`` runs once per index of the mapped dimension (``in_dims``: an int for every
    input, or one entry per positional argument, ``None`` for an argument not mapped)
    and the per-sample results are stacked along ``out_dims``.  The values and the result
    shapes are PyTorch's."""
    if randomness not in ("error", "different", "same"):
        raise RuntimeError(
            f"Only allowed values for randomness are 'error', 'different', or 'same'. Got "
            f"{randomness}"
        )
    name = _fname(func)

    def wrapper(*args, **kwargs):
        head = f"vmap({name}, in_dims={_in_dims_repr(in_dims)}, ...)(<inputs>)"
        if not isinstance(in_dims, int | tuple):
            raise ValueError(
                f"{head}: expected `in_dims` to be int or a (potentially nested) tuple "
                f"matching the structure of inputs, got: {type(in_dims)}."
            )
        if not args:
            raise ValueError(
                f"{head}: got no inputs. Maybe you forgot to add inputs, or you are trying "
                "to vmap over a function with no inputs. The latter is unsupported."
            )
        leaves, spec = _flatten(tuple(args))
        if isinstance(in_dims, int):
            dims = [in_dims] * len(leaves)
        else:
            if len(in_dims) != len(args):
                raise ValueError(
                    f"{head}: in_dims is not compatible with the structure of `inputs`. "
                    f"in_dims has structure {_spec_str(_flatten(in_dims)[1])} but inputs "
                    f"has structure {_spec_str(_flatten(tuple(args))[1])}."
                )
            dims = []
            for a, d in zip(args, in_dims, strict=True):
                n = len(_flatten(a)[0])
                if d is None or isinstance(d, int):
                    dims += [d] * n
                else:
                    dl, _ = _flatten(d)
                    if len(dl) != n:
                        raise ValueError(
                            f"{head}: in_dims is not compatible with the structure of `inputs`."
                        )
                    dims += dl
        size = None
        sizes = []
        norm = []
        for t, d in zip(leaves, dims, strict=True):
            if d is None:
                norm.append(None)
                continue
            if not isinstance(t, Tensor):
                raise ValueError(
                    f"{head}: Got in_dim={d} for an input but the input is of type "
                    f"{type(t)}. We cannot vmap over non-Tensor arguments, please use None "
                    "as the respective in_dim"
                )
            nd = t.dim()
            if not -nd <= d < nd:
                raise ValueError(
                    f"{head}: Got in_dim={d} for some input, but that input is a Tensor of "
                    f"dimensionality {nd} so expected in_dim to satisfy -{nd} <= in_dim < "
                    f"{nd}."
                )
            d = d % nd
            norm.append(d)
            sizes.append(t.shape[d])
        if not sizes:
            raise ValueError(
                f"{head}: at least one input must be a Tensor mapped over a dimension (got "
                "in_dims all None)."
            )
        if any(s != sizes[0] for s in sizes):
            raise ValueError(
                "vmap: Expected all tensors to have the same size in the mapped dimension, "
                f"got sizes {sizes} for the mapped dimension"
            )
        size = sizes[0]
        results = []
        for i in range(size):
            sl = [t if d is None else t.select(d, i) for t, d in zip(leaves, norm, strict=True)]
            results.append(func(*_unflatten(sl, spec), **kwargs))
        return _stack_results(results, out_dims, name, size)

    return wrapper


def _stack_results(results, out_dims, name, size):
    first_leaves, spec = _flatten(results[0])
    per = [_flatten(r)[0] for r in results]
    if isinstance(out_dims, int) or out_dims is None:
        odims = [out_dims] * len(first_leaves)
    else:
        odims, _ = _flatten(out_dims)
        if len(odims) != len(first_leaves):
            raise ValueError(
                f"vmap({name}, ...): out_dims is not compatible with the structure of `outputs`."
            )
    out = []
    for k, od in enumerate(odims):
        items = [p[k] for p in per]
        if od is None:
            out.append(items[0])
            continue
        for it in items:
            if not isinstance(it, Tensor):
                raise ValueError(
                    f"vmap({name}, ...): `{name}` must only return Tensors, got type "
                    f"{type(it)}. Did you mean to set out_dims= to None for output?"
                )
        nd = items[0].dim() + 1
        if not -nd <= od < nd:
            raise IndexError(
                f"Dimension out of range (expected to be in range of [{-nd}, {nd - 1}], but "
                f"got {od})"
            )
        out.append(_torch.stack(items, dim=od))
    return _unflatten(out, spec)


# ---------------------------------------------------------------------- modules
def _owner(module, name):
    *path, leaf = name.split(".")
    m = module
    for p in path:
        m = getattr(m, p)
    return m, leaf


def functional_call(module, parameter_and_buffer_dicts, args=None, kwargs=None, *,
                    tie_weights=True, strict=False):  # fmt: skip
    """Call ``module`` with its parameters and buffers replaced by the tensors of the
    given dict(s) (names as ``named_parameters()`` gives them), then put the module's
    own back."""
    if isinstance(parameter_and_buffer_dicts, dict):
        merged = dict(parameter_and_buffer_dicts)
    elif isinstance(parameter_and_buffer_dicts, tuple | list):
        merged = {}
        for d in parameter_and_buffer_dicts:
            for k, v in d.items():
                if k in merged:
                    raise ValueError(
                        f"{k} appeared in multiple dictionaries; behavior of functional call "
                        "is ambiguous"
                    )
                merged[k] = v
    else:
        raise ValueError(
            "Expected parameter_and_buffer_dicts to be a dict, or a list/tuple of dicts, but "
            f"got {type(parameter_and_buffer_dicts)}"
        )
    if strict:
        names = {n for n, _ in module.named_parameters()} | {n for n, _ in module.named_buffers()}
        missing = sorted(names - set(merged))
        unexpected = sorted(set(merged) - names)
        if missing or unexpected:
            parts = []
            if unexpected:
                parts.append("Unexpected key(s): " + ", ".join(f"'{k}'" for k in unexpected) + ".")
            if missing:
                parts.append("Missing key(s): " + ", ".join(f"'{k}'" for k in missing) + ".")
            raise RuntimeError(
                f"Error(s) in reparametrizing for {type(module).__name__}:\n\t" + "\n\t".join(parts)
            )
    saved = []
    try:
        for name, value in merged.items():
            owner, leaf = _owner(module, name)
            for table in ("_parameters", "_buffers"):
                d = owner.__dict__.get(table)
                if d is not None and leaf in d:
                    saved.append((d, leaf, d[leaf]))
                    d[leaf] = value
                    break
            else:
                had = leaf in owner.__dict__
                saved.append((owner.__dict__, leaf, owner.__dict__.get(leaf) if had else _MISSING))
                owner.__dict__[leaf] = value
        if args is None:
            args = ()
        elif not isinstance(args, tuple):
            args = (args,)
        return module(*args, **(kwargs or {}))
    finally:
        for d, leaf, old in reversed(saved):
            if old is _MISSING:
                d.pop(leaf, None)
            else:
                d[leaf] = old


_MISSING = object()


def stack_module_state(models):
    """``(params, buffers)``: each parameter / buffer of the (same-shaped) models stacked
    along a new first dimension, as leaves (parameters require grad), for ``vmap`` over
    ``functional_call``."""
    models = list(models)
    if not models:
        raise RuntimeError("stack_module_state: Expected at least one model, got 0.")
    if not (all(m.training for m in models) or all(not m.training for m in models)):
        raise RuntimeError(
            "stack_module_state: Expected all models to have the same training/eval mode."
        )
    first = type(models[0])
    if not all(type(m) is first for m in models):
        raise RuntimeError("stack_module_state: Expected all models to be of the same class.")
    params = {}
    for name, p in models[0].named_parameters():
        stacked = _torch.stack([dict(m.named_parameters())[name] for m in models]).detach()
        params[name] = stacked.requires_grad_(p.requires_grad)
    buffers = {}
    for name, _ in models[0].named_buffers():
        buffers[name] = _torch.stack([dict(m.named_buffers())[name] for m in models]).detach()
    return params, buffers
