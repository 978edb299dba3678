"""One source of math: every differentiable Function of the engine (and of nn's ops)
declares its local
derivative per input slot (``Function.local``), which captions and the inspector read.
A new op without a declaration fails here (add ``local = (Local(...), ...)`` to it)."""

import importlib
import inspect
import pkgutil
import re

import numpy as np

import autograd_viz as torch
import autograd_viz.engine as engine
import autograd_viz.nn as nn
from autograd_viz.engine.function import AccumulateGrad, Function, Local


def _all_functions():
    for pkg in (engine, nn):
        for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
            importlib.import_module(m.name)
    seen, todo = [], list(Function.__subclasses__())
    while todo:
        c = todo.pop()
        if c in seen:
            continue
        seen.append(c)
        todo.extend(c.__subclasses__())
    return [
        c
        for c in seen
        if c.__module__.startswith(("autograd_viz.engine", "autograd_viz.nn"))
        and c is not AccumulateGrad
        and c.op != "?"
    ]


def _slots(cls):
    params = list(inspect.signature(cls.forward).parameters.values())[1:]
    if any(p.kind is p.VAR_POSITIONAL for p in params):
        return 1
    return sum(1 for p in params if p.default is p.empty and p.kind is not p.VAR_KEYWORD)


def test_there_are_many_functions():
    assert len(_all_functions()) > 60


def test_every_differentiable_function_declares_its_local_derivative():
    missing = []
    for cls in _all_functions():
        loc = cls.local
        if not loc or not all(isinstance(x, Local) for x in loc) or len(loc) < _slots(cls):
            missing.append(cls.__name__)
        for x in loc or ():
            assert x.rule or callable(x.value), (cls.__name__, x)
            assert isinstance(x.text, str) or callable(x.text), (cls.__name__, x)
    assert missing == [], f"declare Function.local for: {sorted(missing)}"


def _forward_calls(prog):
    """(Function class, input arrays per slot, output array, kwargs) of each op ``prog``
    runs, seen through the engine's events."""
    from autograd_viz.engine import events

    calls = []

    def listen(*args):
        kind, p = args if len(args) == 2 else (args[0].kind, args[0].payload())
        if kind == "forward" and p.get("node") is not None:
            ins = tuple(getattr(x, "_data", x) for x in p["inputs"])
            calls.append((p["cls"], ins, p["output"]._data, dict(p["kwargs"] or {}), p["output"]))

    with events.subscribe(listen):
        out = prog()
    return out, calls


def test_declared_values_match_the_engine_gradients():
    """For every elementwise declaration, the gradient arriving times the declared value,
    summed to the input's shape, is exactly what the engine's backward sends."""
    from autograd_viz.recorder import mathtext as M

    rng = np.random.default_rng(0)
    a = torch.tensor(rng.uniform(0.2, 0.9, (2, 3)), requires_grad=True)
    b = torch.tensor(rng.uniform(0.2, 0.9, (2, 3)), requires_grad=True)
    c = torch.tensor(rng.uniform(0.2, 0.9, (1, 3)), requires_grad=True)
    F = torch.nn.functional
    programs = [
        lambda: a * b,
        lambda: a / c,
        lambda: a**3,
        lambda: a**b,
        lambda: 2**a,
        lambda: a + c,
        lambda: a - b,
        lambda: torch.sub(a, b, alpha=3),
        lambda: -a,
        lambda: 1 - a,
        lambda: a * 3,
        lambda: torch.tanh(a),
        lambda: torch.sigmoid(a),
        lambda: torch.exp(a),
        lambda: torch.log(a),
        lambda: torch.sqrt(a),
        lambda: torch.abs(a - 0.5),
        lambda: torch.relu(a - 0.5),
        lambda: torch.clamp(a, 0.3, 0.6),
        lambda: a.max(),
        lambda: a.min(),
        lambda: a.sum(),
        lambda: a.mean(),
        lambda: a.mean(0),
        lambda: a.max(1)[0],
        lambda: torch.maximum(a, b),
        lambda: torch.minimum(a, b),
        lambda: torch.sin(a),
        lambda: torch.cos(a),
        lambda: F.leaky_relu(a - 0.5),
        lambda: a.var(),
        lambda: a.std(),
        lambda: a.prod(),
        lambda: F.mse_loss(a, b),
        lambda: F.binary_cross_entropy(a, b),
        lambda: torch.where(a > 0.5, a, b),
        lambda: a.clone(),
        lambda: torch.dot(a[0], b[0]),
    ]
    checked = set()
    for prog in programs:
        out, calls = _forward_calls(prog)
        for *_, t in calls:
            t.retain_grad()
        g = np.asarray(rng.uniform(-1, 1, out.shape))
        out.backward(torch.tensor(g))
        for cls, ins, o, kw, t in calls:
            fn = t.grad_fn
            G = t.grad._data
            for i, (nf, _) in enumerate(fn.next_functions):
                loc = cls.local_for(i)
                if nf is None or loc.rule:
                    continue
                v = M.local_value(loc, ins, o, kw)
                Gi = G
                if np.ndim(G) < np.ndim(v) and "dim" in kw and not kw.get("keepdim"):
                    Gi = np.expand_dims(G, kw["dim"])  # a reduction along dim
                got = M.sum_to(Gi * v, np.shape(ins[i]))
                src = ins[i]
                leaf = [x for x in (a, b, c) if x._data is src]
                if not leaf:
                    continue
                leaf = leaf[0]
                want = leaf.grad._data
                assert np.allclose(got, want, atol=1e-6), (cls.__name__, i, got, want)
                checked.add(cls.__name__)
        for x in (a, b, c):
            x.grad = None
    assert len(checked) >= 30, sorted(checked)


_MATH_WORDS = re.compile(
    r"(?<![A-Za-z])(exp|log|ln|sign|sin|cos|tan|tanh|sinh|cosh|asin|acos|atan|erf|softmax|"
    r"softplus|mean|std|var|max|min|clip|gelu|sqrt|abs|transpose|correction|argmax|argmin|"
    r"sigmoid|None|[A-Za-z])(?![A-Za-z])"
)


def _has_words(text):
    t = re.sub(r"\{[^}]*\}", " ", text)
    t = _MATH_WORDS.sub(" ", t)
    return re.search(r"[A-Za-z]{3,}", t) is not None


def test_declarations_with_words_have_chinese_too():
    """A formula with words (not only maths) also gives its Chinese text, so a zh caption
    never switches to English mid-sentence."""
    missing = []
    for cls in _all_functions():
        for i, loc in enumerate(cls.local):
            texts = [loc.text]
            if callable(loc.text):
                try:
                    texts = [loc.text({}, (np.ones(3), np.ones(3)))]
                except Exception:
                    continue
            if any(_has_words(t) for t in texts) and not loc.zh:
                missing.append(f"{cls.__name__}[{i}]: {texts[0]}")
    assert missing == [], "\n".join(missing)
