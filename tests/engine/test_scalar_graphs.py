"""Scalar graphs (0-d tensors, as seeds and micrograd write them) take cheaper paths:
numpy scalar arithmetic instead of 0-d ufuncs, in the forward and in the backward
formulas.  Those paths must give what the general array path gives, bit for bit: the
same expressions on one-element vectors (shape ``(1,)``) are the reference."""

from __future__ import annotations

import math

import numpy as np
import pytest

import autograd_viz as torch
from autograd_viz.engine import events

SPECIAL = [-4.0, 2.0, 0.0, -0.0, 0.1, -3.5, 1e-30, 3e19, -2e38, math.inf, -math.inf, math.nan]

EXPRESSIONS = {
    "add": lambda a, b: a + b,
    "add_number": lambda a, b: a + 1 + 2.5 + b,
    "radd": lambda a, b: 1 + a + 0.5 + b,
    "sub": lambda a, b: a - b - 3,
    "rsub": lambda a, b: 2 - a - b,
    "mul": lambda a, b: a * b,
    "mul_number": lambda a, b: a * 3 * b * 0.1,
    "rmul": lambda a, b: 3 * a + 0.5 * b,
    "neg": lambda a, b: -a + b,
    "div": lambda a, b: a / b,
    "div_number": lambda a, b: a / 2.0 + b / 3,
    "rdiv": lambda a, b: 10.0 / a + 1 / b,
    "pow2": lambda a, b: a**2 + b**2.0,
    "pow3": lambda a, b: a**3 + b**3.0,
    "pow_other": lambda a, b: a**0.5 + b**-1 + a**4 + b**-2.5 + a**0,
    "relu": lambda a, b: (a + b).relu() + (a - b).relu() + a.relu() * b,
    "sigmoid": lambda a, b: (a * b).sigmoid() + a.sigmoid(),
    "tanh": lambda a, b: (a * b).tanh() + b.tanh(),
    "micrograd": None,  # the micrograd README expression (below)
}


def _micrograd(a, b):
    c = a + b
    d = a * b + b**3
    c = c + c + 1
    c = c + 1 + c + (-a)
    d = d + d * 2 + (b + a).relu()
    d = d + 3 * d + (b - a).relu()
    e = c - d
    f = e**2
    g = f / 2.0
    return g + 10.0 / f


def _run(expr, x, y, shape, dtype):
    with np.errstate(all="ignore"):  # (float16 of 3e19: inf)
        a = torch.tensor(np.full(shape, x), dtype=dtype, requires_grad=True)
        b = torch.tensor(np.full(shape, y), dtype=dtype, requires_grad=True)
        out = expr(a, b)
        out.backward() if shape == () else out.backward(torch.ones_like(out))
    return out, a.grad, b.grad


def _bits(t):
    """dtype, shape and raw bits (any NaN counts as one: its sign and payload are not
    specified, PyTorch's differ by kernel too)."""
    arr = t._data
    assert type(arr) is np.ndarray
    flat = np.ascontiguousarray(arr).reshape(-1)
    return arr.dtype, arr.shape, b"nan" if np.isnan(flat).all() else flat.tobytes()


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64, torch.float16])
@pytest.mark.parametrize("name", list(EXPRESSIONS))
def test_scalar_graph_matches_the_array_path_bit_for_bit(name, dtype):
    expr = EXPRESSIONS[name] or _micrograd
    for x in SPECIAL:
        for y in [*SPECIAL[::3], x]:
            out0, ga0, gb0 = _run(expr, x, y, (), dtype)
            out1, ga1, gb1 = _run(expr, x, y, (1,), dtype)
            assert out0.shape == () and ga0.shape == () and gb0.shape == ()
            assert out0.grad_fn.name() == out1.grad_fn.name()
            for t0, t1 in ((out0, out1), (ga0, ga1), (gb0, gb1)):
                dt0, _, bits0 = _bits(t0)
                dt1, _, bits1 = _bits(t1)
                assert dt0 == dt1, (name, x, y)
                assert bits0 == bits1, (name, x, y, t0, t1)


def test_scalar_graph_same_with_a_listener():
    def grads():
        a = torch.tensor(-4.0, requires_grad=True)
        b = torch.tensor(2.0, requires_grad=True)
        _micrograd(a, b).backward()
        return a.grad.item(), b.grad.item()

    plain = grads()
    handle = events.subscribe(lambda kind, payload: None)
    try:
        heard = grads()
    finally:
        handle.remove()
    assert plain == heard
    assert plain == pytest.approx((138.8338, 645.5773), rel=1e-4)  # micrograd's README


def test_root_gradient_of_a_scalar_is_a_tensor_of_one():
    x = torch.tensor(3.0, requires_grad=True)
    y = x * 2
    y.retain_grad()
    seen = []
    y.register_hook(lambda g: seen.append(g))
    y.backward()
    assert isinstance(seen[0], torch.Tensor)
    assert seen[0].dtype == torch.float32 and seen[0].shape == () and seen[0].item() == 1.0
    assert y.grad.item() == 1.0 and y.grad.dtype == torch.float32
    assert x.grad.item() == 2.0
    # a leaf as the root, twice: its .grad accumulates
    z = torch.tensor(5.0, dtype=torch.float64, requires_grad=True)
    z.backward()
    z.backward()
    assert z.grad.dtype == torch.float64 and z.grad.item() == 2.0
    assert type(z.grad._data) is np.ndarray and z.grad._data.flags.writeable


def test_relu_of_a_non_positive_scalar_gives_a_zero_of_the_dtype():
    for dtype in (torch.float32, torch.float64):
        x = torch.tensor(-1.0, dtype=dtype, requires_grad=True)
        (x.relu() * 3).backward()
        assert x.grad.dtype == dtype and x.grad.item() == 0.0
        assert not np.signbit(x.grad._data)


def _describe(out):
    """The graph behind ``out`` as plain data: per node (in creation order) its class,
    needs_input_grad, edges (as node ranks), saved values, version-check entries and
    the attributes its backward reads."""
    nodes, stack = {}, [out.grad_fn]
    while stack:
        n = stack.pop()
        if n is None or id(n) in nodes:
            continue
        nodes[id(n)] = n
        stack.extend(fn for fn, _ in n.next_functions)
    order = sorted(nodes.values(), key=lambda n: n._seq)
    rank = {id(n): i for i, n in enumerate(order)}
    leaves = {}
    desc = []
    for n in order:
        if type(n).__name__ == "AccumulateGrad":
            leaves[id(n.variable)] = rank[id(n)]
            desc.append(("AccumulateGrad", n.variable.tolist()))
            continue
        saved = tuple(
            None if s is None else (type(s).__name__, np.asarray(s).dtype.str, repr(float(s)))
            for s in (n._saved or ())
        )
        meta = tuple(
            (i, version, None if src is None else leaves.get(id(src), rank.get(id(src.grad_fn))))
            for i, _vbox, version, src in (n._saved_meta or ())
        )
        attrs = tuple(
            (k, getattr(n, k)) for k in ("alpha", "exponent") if k in getattr(n, "__dict__", {})
        )
        comp = getattr(n, "_av_comp", None)
        desc.append(
            (
                type(n).__name__,
                tuple(n.needs_input_grad),
                tuple(None if fn is None else (rank[id(fn)], nr) for fn, nr in n.next_functions),
                n._shape,
                str(n._dtype),
                saved,
                meta,
                attrs,
                None if comp is None else comp[0],
            )
        )
    return desc


def _listening(fn):
    handle = events.subscribe(lambda kind, payload: None)
    try:
        return fn()
    finally:
        handle.remove()


@pytest.mark.parametrize("name", list(EXPRESSIONS))
def test_scalar_graph_nodes_are_what_apply_records(name):
    """The 0-d operators record the nodes ``Function.apply`` records (the listening
    path always goes through ``apply``)."""
    expr = EXPRESSIONS[name] or _micrograd

    def build():
        a = torch.tensor(-1.5, requires_grad=True)
        b = torch.tensor(2.0, requires_grad=True)
        c = torch.tensor(0.5)  # no grad: its edges are (None, 0)
        return _describe(expr(a, b) + expr(c, b) * expr(a, c))

    assert build() == _listening(build)


@pytest.mark.parametrize("name", list(EXPRESSIONS))
def test_scalar_graph_of_pieces_of_a_multi_output_node(name):
    """0-d pieces of ``unbind``: their edges name the piece (``output_nr``)."""
    expr = EXPRESSIONS[name] or _micrograd

    def build():
        v = torch.tensor([-1.5, 2.0, 0.5], requires_grad=True)
        a, b, c = (v * 1).unbind()
        out = expr(b, c) * expr(c, a)
        desc = _describe(out)
        out.backward()
        return desc, repr(v.grad.tolist())

    plain = build()
    assert plain == _listening(build)
    edges = [e for node in plain[0] if node[0] != "AccumulateGrad" for e in node[2]]
    assert any(e is not None and e[1] == 2 for e in edges)  # an edge to the piece c


def _saved_output(y):
    """``y * 1`` and ``y``, whose node saved it (relu saves what it made)."""
    return y * 1, y


@pytest.mark.parametrize(
    "expr",
    [
        lambda a, w: (a * w, w),
        lambda a, w: (w * a, w),
        lambda a, w: (a / w, w),
        lambda a, w: (w**2, w),
        lambda a, w: (w**3, w),
        lambda a, w: _saved_output(w.relu()),
    ],
)
def test_scalar_graph_sees_inplace_changes(expr):
    def run():
        a = torch.tensor(3.0, requires_grad=True)
        w = torch.tensor(2.0, requires_grad=True)
        y, victim = expr(a, w)
        with torch.no_grad():
            victim.add_(1)
        with pytest.raises(RuntimeError) as e:
            y.backward()
        return str(e.value)

    msg = run()
    assert "modified by an inplace operation" in msg and "[torch.FloatTensor []]" in msg
    assert msg == _listening(run)
