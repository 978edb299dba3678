"""Captions in English and Chinese: one or two sentences with the numbers.

Every function returns ``{"en": ..., "zh": ...}``.  Names come in already resolved
(display names); values as short strings (:mod:`.fmt`).
"""

from __future__ import annotations

import re

import numpy as np

from . import fmt
from . import mathtext as M

_INFIX = {
    "add": "+",
    "sub": "-",
    "mul": "*",
    "div": "/",
    "pow": "**",
    "mm": "@",
    "mv": "@",
    "dot": "@",
    "matmul": "@",
}
_FUNC = {"exp": "exp", "log": "log", "sigmoid": "sigmoid", "tanh": "tanh", "relu": "relu"}


def _paren(s: str) -> str:
    return f"({s})" if s.startswith("-") else s


def _small(v) -> bool:
    return not isinstance(v, np.ndarray) or v.size <= fmt.MAX_IN_EXPR


def _atom(a: str) -> str:
    """``a`` as an operand (``(x * 10) ** 2``) or after d and ∂ (``dz/d(x * w)``)."""
    return M.atom(a)


_PLAIN = re.compile(r"\[.*\]|[\w.]+(\([^()]*\))*(\[[^\[\]]*\])*")


def _postfix(a: str) -> str:
    """``a`` before ``.sum()`` / ``.T`` / ``[0]``: parenthesised unless a plain name,
    attribute or call (``(a**2).sum()``, ``W_1.T.sum()``)."""
    return a if _PLAIN.fullmatch(a) else f"({a})"


def _dims_text(dims) -> str:
    if dims is None:
        return ""
    if isinstance(dims, int | np.integer):
        return str(int(dims))
    return ", ".join(str(int(d)) for d in dims)


def _index_text(key) -> str | None:
    if not isinstance(key, tuple):
        key = (key,)
    parts = []
    for k in key:
        if k is None:
            parts.append("None")
        elif k is Ellipsis:
            parts.append("...")
        elif isinstance(k, bool | np.bool_):
            return None
        elif isinstance(k, int | np.integer):
            parts.append(str(int(k)))
        elif isinstance(k, slice):
            if (
                k.step is None
                and (k.start is None or isinstance(k.start, int))
                and (k.stop is None or isinstance(k.stop, int))
            ):
                a = "" if k.start is None else str(k.start)
                b = "" if k.stop is None else str(k.stop)
                parts.append(f"{a}:{b}")
            else:
                return None
        else:
            return None
    return ", ".join(parts)


#: longest expression used as a name for an unnamed result (else the op's name)
MAX_NAME = 24


def name_expr(op, args, kwargs, in_shape=(), out_shape=(), limit=MAX_NAME):
    """A name for the unnamed result of a simple op on one named tensor, written as the
    learner would write it: ``W_1.T``, ``x**2``, ``-a``, ``y.sum()``, ``sigmoid(h)``,
    ``x * 10``; ``None`` when there is no such short expression (a name is never
    invented for an op of two tensors: the op's name is used instead)."""
    if len(args) != 1:
        return None
    a = args[0]
    t = _postfix(a)
    kw = kwargs or {}
    e = None
    if op == "permute":
        dims = tuple(kw.get("dims") or ())
        if dims == tuple(range(len(dims) - 1, -1, -1)):
            e = f"{t}.T"
        else:
            e = f"{t}.permute({_dims_text(dims)})"
    elif op == "t":
        e = f"{t}.t()"
    elif op == "transpose":
        e = f"{t}.transpose({kw.get('dim0', 0)}, {kw.get('dim1', 1)})"
    elif op == "neg":
        e = M.neg(a)
    elif op == "pow" and "exponent" in kw and not isinstance(kw["exponent"], np.ndarray):
        e = M.infix("**", a, M.operand(kw["exponent"]), spaced=False)
    elif op == "pow" and "base" in kw and not isinstance(kw["base"], np.ndarray):
        e = M.infix("**", M.operand(kw["base"]), a, spaced=False)
    elif op in ("sum", "mean"):
        e = f"{t}.{op}({_dims_text(kw.get('dim'))})"
    elif op in ("exp", "log", "sigmoid", "tanh", "relu", "sqrt", "abs"):
        e = f"{op}({a})"
    elif op in ("view", "reshape") and kw.get("shape") is not None:
        shape = kw["shape"]
        if len(shape) == 1 and isinstance(shape[0], tuple | list):
            shape = tuple(shape[0])
        e = f"{t}.{op}({_dims_text(shape)})"
    elif op == "flatten":
        e = f"{t}.flatten()"
    elif op == "unsqueeze" and len(out_shape) == len(in_shape) + 1:
        d = next(
            (
                i
                for i in range(len(out_shape))
                if tuple(out_shape[:i]) + tuple(out_shape[i + 1 :]) == tuple(in_shape)
            ),
            None,
        )
        e = f"{t}.unsqueeze({d})" if d is not None else None
    elif op == "squeeze":
        e = f"{t}.squeeze()"
    elif op == "clone":
        e = f"{t}.clone()"
    elif op == "getitem" or op in ("select", "slice"):
        key = kw.get("key", kw.get("index"))
        k = _index_text(key)
        e = f"{t}[{k}]" if k is not None else None
    if e is None or (limit is not None and len(e) > limit):
        return None
    return e


def _const_expr(op, tensor_name, const, tensor_first, kwargs):
    """``x * 10`` / ``2 - x``: an op of one tensor and one Python number (or None)."""
    sym = _INFIX.get(op)
    if sym is None or op in ("mm", "mv", "dot", "matmul"):
        return None
    c = M.operand(const)
    e = M.infix(sym, tensor_name, c) if tensor_first else M.infix(sym, c, tensor_name)
    return e if len(e) <= MAX_NAME else None


def binary_name(op, a, b):
    """``x * w``, ``10 * x1 + 20 * x2``, ``y_pred - y``: a name for the unnamed result of
    an infix op of two named operands, parenthesised only where precedence needs it
    (``None`` when it would be longer than ``MAX_NAME``)."""
    sym = _INFIX.get(op)
    if sym is None or sym == "**":
        return None
    e = M.infix(sym, a, b)
    return e if len(e) <= MAX_NAME else None


def expr(op, args, kwargs):
    """``x * w`` from the op and its argument texts (names or numbers), parenthesised
    where precedence needs it (``(y_2 - y) ** 2``)."""
    if op == "linear" and len(args) in (2, 3):
        return f"linear({args[0]}; {', '.join(args[1:])})"
    if op in _INFIX and len(args) == 2:
        a, b = args
        alpha = kwargs.get("alpha", 1)
        if alpha not in (1, None) and op in ("add", "sub"):
            b = M.infix("·", M.operand(alpha), b, spaced=False)
        return M.infix(_INFIX[op], a, b)
    if op == "rsub" and len(args) == 1:
        return M.infix("-", M.operand(kwargs.get("other", 0)), args[0])
    if op == "neg" and len(args) == 1:
        return M.neg(args[0])
    if op == "pow" and len(args) == 1:
        if "exponent" in kwargs:
            return M.infix("**", args[0], M.operand(kwargs["exponent"]))
        if "base" in kwargs:
            return M.infix("**", M.operand(kwargs["base"]), args[0])
    if op in ("sum", "mean") and len(args) == 1:
        dim = kwargs.get("dim")
        d = "" if dim is None else ", ".join(str(x) for x in dim)
        return f"{_postfix(args[0])}.{op}({d})"
    if op in _FUNC and len(args) == 1:
        return f"{_FUNC[op]}({args[0]})"
    if len(args) == 1:
        e = name_expr(op, args, kwargs, limit=None)
        if e is not None:
            return e
    if op == "einsum" and isinstance(kwargs.get("equation"), str):
        return f"einsum({kwargs['equation']!r}, {', '.join(args)})"
    if op == "clamp" and len(args) == 3 and args[2] in ("", "None"):  # tensor min only
        return f"clamp({args[0]}, min={args[1]})"
    if op == "clamp" and len(args) == 3 and args[1] in ("", "None"):  # tensor max only
        return f"clamp({args[0]}, max={args[2]})"
    return f"{op}({', '.join(args)})"


def _differs(e, name) -> bool:
    """Whether expression ``e`` says more than the name (``(y_2 - y)**2`` is the name
    of ``(y_2 - y) ** 2``: not written twice)."""
    return e.replace(" ", "") != name.replace(" ", "")


def _linear_rhs(args):
    """``x @ W.T + b``: what ``linear(x; W, b)`` computes."""
    e = f"{args[0]} @ {_atom(args[1])}.T"
    return e + (f" + {args[2]}" if len(args) > 2 else "")


_GLOSS = {
    "permute": ("the transpose of {a}", "{a} 的转置"),
    "t": ("the transpose of {a}", "{a} 的转置"),
    "transpose": ("{a} with two dimensions swapped", "{a} 交换两个维度"),
}


def forward(out, op, names, vals, kwargs, result, outside, inner=()):
    """``inner``: the PyTorch node classes a composite op (``@``, ``linear``) is made of;
    with more than one, the caption says so (the autograd view shows them)."""
    e = expr(op, names, kwargs)
    parts = [f"{out} = {e}" if _differs(e, out) else out]
    if op == "linear":
        parts.append(_linear_rhs(names))
    if (
        op != "linear"
        and all(_small(v) for v in vals)
        and any(isinstance(v, np.ndarray) for v in vals)
    ):
        ev = expr(op, [fmt.value(v) for v in vals], kwargs)
        if ev != e:
            parts.append(ev)
    parts.append(fmt.value(result))
    eq = " = ".join(parts)
    gl = _GLOSS.get(op)
    if gl is not None and names and not outside:
        eq_en = f"{eq} ({gl[0].format(a=names[0])})"
        eq_zh = f"{eq}（{gl[1].format(a=names[0])}）"
    else:
        eq_en = eq_zh = eq
    note_en = note_zh = ""
    if len(inner) > 1:
        chain = " → ".join(inner)
        note_en = f" PyTorch records it as {len(inner)} nodes: {chain}."
        note_zh = f"PyTorch 把它记录为 {len(inner)} 个节点：{chain}。"
    if outside:
        return {
            "en": (
                f"Outside the graph (no_grad() or detached inputs): {eq}. "
                f"Nothing is recorded for backward, so {out}.requires_grad is False."
            ),
            "zh": (
                f"在计算图之外（no_grad() 或输入已 detach）：{eq}。"
                f"不为反向传播记录任何东西，所以 {out}.requires_grad 为 False。"
            ),
        }
    return {"en": f"Forward: {eq_en}.{note_en}", "zh": f"前向计算：{eq_zh}。{note_zh}"}


def _ndim(v):
    return np.ndim(v) if v is not None else 2


def _rule(op, i, names, vals, lang="en"):
    """The chain-rule formula of what input ``i`` of a *composite* op (``@``, ``linear``:
    several PyTorch nodes, no one Function) receives, written with ``G`` (the gradient
    arriving), or None.  ``@`` depends on the operands' shapes (a 1-D operand
    makes an outer product where a matrix would be transposed)."""
    a = names[0] if names else "a"
    b = names[1] if len(names) > 1 else "b"
    if op == "matmul" and len(names) == 2:
        da, db = _ndim(vals[0]), _ndim(vals[1])
        if da == 1 and db == 1:
            return "G · " + (b if i == 0 else a)
        if i == 0:
            return f"G ⊗ {_atom(b)}" if db == 1 else f"G @ {_atom(b)}ᵀ"
        return f"{_atom(a)} ⊗ G" if da == 1 else f"{_atom(a)}ᵀ @ G"
    if op == "linear" and len(names) >= 2:
        dx = _ndim(vals[0])
        if i == 0:
            return f"G @ {_atom(b)}"
        if i == 1:
            return f"G ⊗ {_atom(a)}" if dx == 1 else f"Gᵀ @ {_atom(a)}"
        return "G" if dx == 1 else ("G 沿行求和" if lang == "zh" else "G summed over rows")
    return None  # (an op's own rule is its Function's ``local`` declaration)


class Slot:
    """One input of a backward step: its slot, the learner's name for it, the gradient
    the engine sent (``grad``, at the broadcast shape), the input's shape, and how many
    paths of this backward deliver a gradient to it (``paths > 1``: this is one share)."""

    __slots__ = ("grad", "i", "name", "paths", "shape")

    def __init__(self, i, name, grad, shape=None, paths=1):
        self.i, self.name, self.grad, self.paths = i, name, grad, paths
        self.shape = tuple(np.shape(grad)) if shape is None else tuple(shape)


def _as_slot(x):
    return x if isinstance(x, Slot) else Slot(*x)


def _sent(sl, a):
    """(en, zh) of what input ``a`` receives: the engine's value, then, when it came at
    the broadcast shape, summed down to the input's shape."""
    g = np.asarray(sl.grad) if sl.grad is not None else None
    got = fmt.value(g)
    if g is None or g.shape == sl.shape or g.size == int(np.prod(sl.shape)):
        return got, got
    summed = fmt.value(M.sum_to(g, sl.shape))
    shp = "×".join(str(n) for n in sl.shape) or "scalar"
    return (
        f"{got}, summed over the broadcast dims down to {a}'s shape {shp}: {summed}",
        f"{got}，沿广播的维度求和回到 {a} 的形状 {shp}：{summed}",
    )


def local_formula(fcls, out, names, kwargs, vals=None, lang="en"):
    """The node's local derivatives in the learner's names (``∂(x * w)/∂w = x``), one
    per input slot that has a name, in ``lang`` (a declaration's Chinese text for
    ``"zh"``); "" when the op declares none."""
    if fcls is None or not getattr(fcls, "local", None):
        return ""
    parts = []
    for i, a in enumerate(names):
        loc = fcls.local_for(i)
        if loc is None or a is None:
            continue
        text = M.local_text(loc, names, kwargs, vals, out, a, lang)
        if loc.rule:
            parts.append(f"d/d{M.atom(a)} = {text}")
        else:
            parts.append(f"∂{M.atom(out)}/∂{M.atom(a)} = {text}")
    return ",  ".join(dict.fromkeys(parts))


def _declared(fcls, sl, out, names, vals, kwargs, out_val):
    """((en text, zh text), value or None, is_rule) the op declares for this slot."""
    loc = fcls.local_for(sl.i) if fcls is not None else None
    if loc is None:
        return None
    try:
        texts = tuple(
            M.local_text(loc, names, kwargs, vals, out, sl.name, lang) for lang in ("en", "zh")
        )
        value = M.local_value(loc, vals, out_val, kwargs)
    except Exception:  # a declaration that cannot be evaluated here: show the rule only
        return None
    if not loc.rule and value is None:
        return None
    return texts, value, loc.rule


def _slot_text(sl, ctx):
    """(en part, zh part, local-derivative text or None, product text, uses G, zh local
    text or None, zh product text) of what one input receives.
    ``ctx``: (out, L, op, names, vals, kwargs, out_val, gout, fcls)."""
    out, L, op, names, vals, kwargs, out_val, gout, fcls = ctx
    a, g, dout = sl.name, fmt.value(gout), _atom(out)
    sent_en, sent_zh = _sent(sl, a)
    total = f"d{_atom(L)}/d{_atom(a)}"
    if sl.paths > 1:  # one path's share of the total, not the total
        got_en = f"its share along this path of {total} (summed over {sl.paths} paths): "
        got_zh = f"{total} 在这条路径上的一份（共 {sl.paths} 条路径相加）："
        prod = f"{total} (this path's share) = "
        prod_zh = f"{total}（这条路径上的一份）= "
    else:
        got_en = got_zh = prod = prod_zh = f"{total} = "
    dec = _declared(fcls, sl, out, names, vals, kwargs, out_val)
    if dec is None:
        rule = _rule(op, sl.i, names, vals)
        dec = ((rule, _rule(op, sl.i, names, vals, "zh")), None, True) if rule else None
    if dec is not None and not dec[2]:
        (ltxt, ltxt_zh), lval, _ = dec
        lv = fmt.value(lval)
        head = f"∂{dout}/∂{_atom(a)} = {ltxt}" + (f" = {lv}" if ltxt != lv else "")
        head_zh = f"∂{dout}/∂{_atom(a)} = {ltxt_zh}" + (f" = {lv}" if ltxt_zh != lv else "")
        mul = f"{g} {M.times(gout, lval)} {M.operand(lval)}"
        return (
            f"local derivative {head}, so {a} receives {got_en}{mul} = {sent_en}",
            f"局部导数 {head_zh}，所以 {a} 得到 {got_zh}{mul} = {sent_zh}",
            head,
            f"{prod}{mul} = {sent_en}",
            False,
            head_zh,
            f"{prod_zh}{mul} = {sent_zh}",
        )
    rule, rule_zh = dec[0] if dec is not None else (None, None)
    calc = f"{rule} = {sent_en}" if rule else sent_en
    calc_zh = f"{rule_zh} = {sent_zh}" if rule else sent_zh
    loc = f"{total} = {rule}" if rule else None
    return (
        f"{a} receives {got_en}{calc}",
        f"{a} 得到 {got_zh}{calc_zh}",
        loc,
        prod + calc,
        bool(rule),
        f"{total} = {rule_zh}" if rule else None,
        prod_zh + calc_zh,
    )


def backward(
    out, L, op, names, vals, kwargs, out_val, gout, slots, formula, fcls=None, formula_zh=None
):
    """``slots``: :class:`Slot` (or ``(i, name, grad)``) for inputs that get a gradient.
    ``formula_zh``: the Chinese ``formula`` where it differs (a composite's).

    Local derivatives are written with ∂ (``∂z/∂y``), the total gradient of the root with
    d (``dz/dy``), so the chain-rule product reads: arriving × local = what the input
    gets; ``⊙`` for an elementwise product of arrays, ``×`` with a scalar.  When the
    input gets gradients along several paths, this is one path's share.
    """
    ctx = (out, L, op, names, vals, kwargs, out_val, gout, fcls)
    parts = [_slot_text(sl, ctx) for sl in map(_as_slot, slots)]
    uses_g = any(p[4] for p in parts)
    up = f"d{_atom(L)}/d{_atom(out)} = {fmt.value(gout)}"
    named = local_formula(fcls, out, names, kwargs, vals) if fcls is not None else ""
    named_zh = local_formula(fcls, out, names, kwargs, vals, "zh") if fcls is not None else ""
    detail = {
        "upstream": up,
        "formula": named or formula,
        # (``x * x``: one input in two slots, its local derivative once)
        "local": "; ".join(dict.fromkeys(p[2] for p in parts if p[2])),
        "product": "; ".join(p[3] for p in parts),
    }
    # the Chinese text of an entry, only where it differs (``<key>_zh``: the inspector)
    zh = {
        "formula": named_zh or formula_zh or formula,
        "local": "；".join(dict.fromkeys(p[5] for p in parts if p[5])),
        "product": "；".join(p[6] for p in parts),
    }
    detail.update({k + "_zh": v for k, v in zh.items() if v != detail[k]})
    if parts:
        en_rest = "; ".join(p[0] for p in parts)
        if en_rest.startswith("local derivative"):
            en_rest = en_rest[:1].upper() + en_rest[1:]  # (never a learner's name)
        zh_rest = "；".join(p[1] for p in parts)
    else:
        en_rest, zh_rest = "No input needs a gradient", "没有输入需要梯度"
    arriving = f"G = {up}" if uses_g else up
    e = expr(op, names, kwargs)
    head = f"{out} = {e}" if _differs(e, out) else out
    en = f"Backward through {head}: the gradient arriving is {arriving}. {en_rest}."
    zh = f"反向传播经过 {head}：传入的梯度 {arriving}。{zh_rest}。"
    return {"en": en, "zh": zh}, detail


def steps_note(caps, classes):
    """Append to a composite's backward caption: PyTorch runs it as several nodes."""
    if len(classes) < 2:
        return caps
    chain = " → ".join(classes)
    return {
        "en": (
            f"{caps['en']} In PyTorch's graph this takes {len(classes)} steps "
            f"({chain}); this one is {classes[0]}."
        ),
        "zh": (
            f"{caps['zh']}在 PyTorch 的计算图中这分 {len(classes)} 步（{chain}）；"
            f"这一步是 {classes[0]}。"
        ),
    }


def inside(out, op, names, kwargs, k, n, cls, gout, sends):
    """A backward step of PyTorch's node ``cls`` inside a composite op (step ``k`` of
    ``n``).  ``sends``: list of (receiver, value, is_input) — an input of the composite
    (a name the picture shows) or the next PyTorch node inside it."""
    e = expr(op, names, kwargs)
    head = f"{out} = {e}" if _differs(e, out) else out
    g = fmt.value(gout)
    en_s, zh_s = [], []
    for who, v, is_input in sends:
        vs = fmt.value(v)
        if is_input:
            en_s.append(f"gives {who} its gradient {vs}")
            zh_s.append(f"把梯度 {vs} 交给 {who}")
        else:
            en_s.append(f"passes {vs} on to {who}")
            zh_s.append(f"把 {vs} 传给 {who}")
    en_rest = " and ".join(en_s) if en_s else "sends no gradient on"
    zh_rest = "，".join(zh_s) if zh_s else "不再往下传梯度"
    en = f"Inside {head} (PyTorch's step {k} of {n}): {cls} receives {g} and {en_rest}."
    zh = f"在 {head} 内部（PyTorch 的第 {k}/{n} 步）：{cls} 收到 {g}，{zh_rest}。"
    detail = {
        "upstream": f"{cls} receives {g}",
        "product": "; ".join(f"{who} ← {fmt.value(v)}" for who, v, _ in sends),
    }
    return {"en": en, "zh": zh}, detail


def accumulate_edge(u, old, inc, new, src, L=None):
    o, i, n = fmt.value(old), M.operand(inc), fmt.value(new)
    via = f" (the new part comes from {src})" if src else ""
    via_zh = f"（新的一份来自 {src}）" if src else ""
    tot = f", so far d{_atom(L)}/d{_atom(u)} = {n}" if L else ""
    tot_zh = f"，目前 d{_atom(L)}/d{_atom(u)} = {n}" if L else ""
    return {
        "en": (
            f"{u} is used by more than one op, so the shares of its paths add up: "
            f"{o} + {i} = {n}{via}{tot}."
        ),
        "zh": f"{u} 被多个运算使用，所以各条路径的梯度相加：{o} + {i} = {n}{via_zh}{tot_zh}。",
    }


def accumulate(w, old, inc, new):
    n = fmt.value(new)
    if old is None:
        return {
            "en": f"AccumulateGrad stores the gradient in the leaf: {w}.grad = {n} (it was None).",
            "zh": f"AccumulateGrad 把梯度存进叶子节点：{w}.grad = {n}（之前为 None）。",
        }
    o, i = fmt.value(old), M.operand(inc)
    if not np.any(np.asarray(old)):
        return {
            "en": (
                f"{w}.grad accumulates: {o} + {i} = {n}. It was zeroed before this "
                f"backward, so it now holds just this backward's gradient."
            ),
            "zh": (
                f"{w}.grad 累加：{o} + {i} = {n}。它在这次反向传播之前被清零，"
                f"所以现在只含这次的梯度。"
            ),
        }
    return {
        "en": (
            f"{w}.grad accumulates: {o} + {i} = {n}. Gradients add up across backward "
            f"calls until you zero them."
        ),
        "zh": f"{w}.grad 累加：{o} + {i} = {n}。在清零之前，多次反向传播的梯度会累加。",
    }


def hook(t, gin, gout):
    gi = fmt.value(gin)
    if gout is None:
        return {
            "en": (
                f"A hook registered on {t} runs with its gradient {gi}; it returns "
                "None, so the gradient is unchanged."
            ),
            "zh": f"注册在 {t} 上的钩子被调用，梯度为 {gi}；它返回 None，所以梯度不变。",
        }
    go = fmt.value(gout)
    return {
        "en": (
            f"A hook registered on {t} runs with its gradient {gi} and returns "
            f"{go}, which is passed on instead."
        ),
        "zh": f"注册在 {t} 上的钩子被调用，梯度为 {gi}，返回 {go}，之后传下去的是这个值。",
    }


def retain_grad(t, g):
    v = fmt.value(g)
    return {
        "en": f"{t}.retain_grad() keeps this non-leaf gradient: {t}.grad = {v}.",
        "zh": f"{t}.retain_grad() 保留了这个非叶子节点的梯度：{t}.grad = {v}。",
    }


def freed(ops):
    """``ops``: (op label, name of the tensor it made) per freed op (or just labels):
    ``@ (making Z), @ (making Y)``, so two ops with one symbol are told apart."""
    en, zh = [], []
    for op in ops:
        sym, made = op if isinstance(op, tuple) else (op, None)
        en.append(f"{sym} (making {made})" if made else sym)
        zh.append(f"{sym}（生成 {made}）" if made else sym)
    return {
        "en": (
            f"Backward finished without retain_graph=True, so the values saved for the "
            f"backward of {', '.join(en)} are freed; a second backward through them "
            f"fails."
        ),
        "zh": (
            f"反向传播结束且没有 retain_graph=True，所以 {'、'.join(zh)} 为反向传播保存的值"
            f"被释放；再次经过它们反向传播会报错。"
        ),
    }


def error(ename, msg, root):
    short = msg.split(". ")[0]
    if "second time" in msg:
        return {
            "en": (
                f"{ename}: backward through {root} a second time fails, because the first "
                f"backward freed the saved values (use retain_graph=True to keep them)."
            ),
            "zh": (
                f"{ename}：第二次对 {root} 反向传播失败，因为第一次反向传播已经释放了保存的值"
                f"（要保留它们请用 retain_graph=True）。"
            ),
        }
    return {
        "en": f"{ename} during backward of {root}: {short}.",
        "zh": f"对 {root} 反向传播时出错 {ename}：{short}。",
    }


def raised(ename, msg, line, lineno):
    """The frame of an exception that escaped the ``with record()`` block: the learner's
    line (when the traceback has it), then PyTorch's message as is."""
    end_en = "" if msg.endswith(".") else "."
    end_zh = "" if msg.endswith((".", "。")) else "。"
    if line:
        at_en = f"Line {lineno}: `{line}`. " if lineno else f"`{line}`: "
        at_zh = f"第 {lineno} 行：`{line}`。" if lineno else f"`{line}`："
        return {
            "en": (
                f"{at_en}This line raised {ename}: {msg}{end_en} The with block stopped "
                "there; nothing after it ran."
            ),
            "zh": (
                f"{at_zh}这一行抛出了 {ename}：{msg}{end_zh}with 块在这里停止，之后的代码没有运行。"
            ),
        }
    return {
        "en": (f"The with block raised {ename}: {msg}{end_en} Nothing after it ran."),
        "zh": f"with 块抛出了 {ename}：{msg}{end_zh}之后的代码没有运行。",
    }


def _is_plain_step(old, new, lr, grad) -> bool:
    """Whether ``new == old - lr * grad`` (plain SGD), so the caption may show that formula."""
    if lr is None or grad is None or old is None or new is None:
        return False
    try:
        expect = np.asarray(old, dtype=np.float64) - float(lr) * np.asarray(grad, np.float64)
        return bool(np.allclose(expect, np.asarray(new, dtype=np.float64), rtol=1e-4, atol=1e-6))
    except (TypeError, ValueError):
        return False


def _how(how):
    """(pattern, detail) of a :class:`~.patterns.How` (or of its code string)."""
    if isinstance(how, str):
        kind, _, op = how.partition(":")
        return kind, op
    return how.kind.value, how.op


def update(w, how, old, new, lr, grad):
    o, n = fmt.value(old), fmt.value(new)
    g = fmt.value(grad) if grad is not None else "?"
    r = fmt.num(lr) if lr is not None else None
    kind, op = _how(how)
    step = f"{o} − {r} × {g} = {n}" if r is not None else f"{o} → {n}"
    if kind == "data_lr":
        return {
            "en": f"Update {w} outside the graph: {w}.data = {w}.data − lr × {w}.grad = {step}.",
            "zh": f"在计算图之外更新 {w}：{w}.data = {w}.data − 学习率 × {w}.grad = {step}。",
        }
    if kind == "data":
        return {
            "en": (
                f"{w}.data is replaced outside the graph: {o} → {n}; autograd "
                "does not see this change."
            ),
            "zh": f"在计算图之外替换 {w}.data：{o} → {n}；autograd 看不到这个改变。",
        }
    if kind == "inplace_lr":
        return {
            "en": f"Update {w} in place under no_grad(): {w} -= lr × {w}.grad, {step}.",
            "zh": f"在 no_grad() 下原地更新 {w}：{w} -= 学习率 × {w}.grad，{step}。",
        }
    if kind == "inplace":
        return {
            "en": f"{w}.{op}(...) changes {w} in place under no_grad(): {o} → {n}.",
            "zh": f"在 no_grad() 下 {w}.{op}(...) 原地修改 {w}：{o} → {n}。",
        }
    if kind == "data_inplace":
        return {
            "en": f"{w}.data.{op}(...) changes {w} outside the graph: {o} → {n}.",
            "zh": f"{w}.data.{op}(...) 在计算图之外修改 {w}：{o} → {n}。",
        }
    if kind == "rebind":
        return {
            "en": (
                f"Update {w}: {w} = {w} − lr × {w}.grad = {step}; then detach_()."
                f"requires_grad_(True) makes the new tensor a leaf that continues as {w}."
            ),
            "zh": (
                f"更新 {w}：{w} = {w} − 学习率 × {w}.grad = {step}；然后 detach_()."
                f"requires_grad_(True) 让新张量成为叶子节点，继续作为 {w}。"
            ),
        }
    if kind == "optim":
        if _is_plain_step(old, new, lr, grad):
            return {
                "en": f"optimizer.step() ({op}): {w} ← {w} − lr × {w}.grad = {step}.",
                "zh": f"optimizer.step()（{op}）：{w} ← {w} − 学习率 × {w}.grad = {step}。",
            }
        # momentum, weight decay, Adam...: the step is not lr × grad, so show what happened
        return {
            "en": (
                f"optimizer.step() ({op}): {w} moves from {o} to {n} using {w}.grad = "
                f"{g} and the optimizer's own state (its rule is not just lr × grad)."
            ),
            "zh": (
                f"optimizer.step()（{op}）：{w} 从 {o} 变为 {n}，依据 {w}.grad = {g} "
                f"和优化器自己的状态（它的规则不只是 学习率 × 梯度）。"
            ),
        }
    return {"en": f"{w} changes: {o} → {n}.", "zh": f"{w} 改变：{o} → {n}。"}


def detach_(t, value, info, grad=""):
    """``t.detach_()`` outside an update: the tensor leaves the graph (phase "update",
    detail code "detach_")."""
    then = info.get("then_requires_grad")
    if not info.get("was_leaf"):
        fn = info.get("grad_fn") or "grad_fn"
        en = (
            f"{t}.detach_() takes {t} out of the graph: it forgets its grad_fn ({fn}) and "
            f"becomes a leaf with requires_grad=False; its value {value} stays, and no "
            f"gradient flows back through it any more."
        )
        zh = (
            f"{t}.detach_() 把 {t} 从计算图中取出：它丢掉 grad_fn（{fn}），成为 "
            f"requires_grad=False 的叶子节点；它的值 {value} 不变，梯度不再经过它往回传。"
        )
        if then:
            en += f" Then .requires_grad_(True): {t} is now a new leaf that requires grad."
            zh += f"随后 .requires_grad_(True)：{t} 成为一个需要梯度的新叶子节点。"
        return {"en": en, "zh": zh}
    g_en = f" ({t}.grad = {grad} is kept)" if grad else ""
    g_zh = f"（{t}.grad = {grad} 保留）" if grad else ""
    en = (
        f"{t}.detach_() takes {t} out of the graph: it is already a leaf, so it only sets "
        f"requires_grad=False{g_en}."
    )
    zh = (
        f"{t}.detach_() 把 {t} 从计算图中取出："
        f"它本来就是叶子节点，所以只是把 requires_grad 设为 False{g_zh}。"
    )
    if then:
        en += (
            f" Then .requires_grad_(True) turns it back on: the next ops build a new graph "
            f"from {t}, and new gradients add to {t}.grad."
        )
        zh += (
            f"随后 .requires_grad_(True) 又打开它：之后的运算从 {t} 建立新的计算图，"
            f"新梯度会累加到 {t}.grad。"
        )
    return {"en": en, "zh": zh}


def zero_grad(names, how, owner, zeros):
    ws = ", ".join(names)
    w = names[0] if names else "?"
    kind, mode = _how(how)
    if kind == "grad.zero_":
        return {
            "en": f"{w}.grad.zero_() sets the gradient to zero in place: {w}.grad = {zeros}.",
            "zh": f"{w}.grad.zero_() 原地把梯度清零：{w}.grad = {zeros}。",
        }
    if kind == "grad.data.zero_":
        return {
            "en": (
                f"{w}.grad.data.zero_() zeroes the gradient through .data (same "
                f"memory): {w}.grad = {zeros}."
            ),
            "zh": f"{w}.grad.data.zero_() 通过 .data（同一块内存）把梯度清零：{w}.grad = {zeros}。",
        }
    if kind == "grad=None":
        return {
            "en": f"{w}.grad = None removes the gradient; the next backward starts from nothing.",
            "zh": f"{w}.grad = None 删除了梯度；下一次反向传播从头开始。",
        }
    who = owner or ("optimizer" if kind.startswith("optimizer") else "module")
    if mode == "zero":
        return {
            "en": f"{who}.zero_grad() sets the gradients of {ws} to zero.",
            "zh": f"{who}.zero_grad() 把 {ws} 的梯度清零。",
        }
    return {
        "en": f"{who}.zero_grad() clears the gradients of {ws} (sets them to None).",
        "zh": f"{who}.zero_grad() 清除 {ws} 的梯度（设为 None）。",
    }


def truncated(n):
    return {
        "en": f"The recording stopped keeping frames after {n} frames (summaries continue).",
        "zh": f"录制在 {n} 帧之后不再保存帧（仍保存每轮摘要）。",
    }
