"""Captions in English and Chinese: one or two sentences with the numbers.

Every function returns ``{"en": ..., "zh": ...}``.  Names come in already resolved
(display names); values as short strings (:mod:`.fmt`).
"""

from __future__ import annotations

import numpy as np

from . import fmt

_INFIX = {"add": "+", "sub": "-", "mul": "*", "div": "/", "pow": "**", "mm": "@", "mv": "@",
          "dot": "@", "matmul": "@"}
_FUNC = {"exp": "exp", "log": "log", "sigmoid": "sigmoid", "tanh": "tanh", "relu": "relu"}


def _paren(s: str) -> str:
    return f"({s})" if s.startswith("-") else s


def _small(v) -> bool:
    return not isinstance(v, np.ndarray) or v.size <= fmt.MAX_INLINE


def expr(op, args, kwargs):
    """``x * w`` from the op and its argument texts (names or numbers)."""
    if op in _INFIX and len(args) == 2:
        a, b = args
        alpha = kwargs.get("alpha", 1)
        if alpha not in (1, None) and op in ("add", "sub"):
            b = f"{fmt.num(alpha)}·{b}"
        return f"{a} {_INFIX[op]} {b}"
    if op == "rsub" and len(args) == 1:
        return f"{fmt.value(kwargs.get('other', 0))} - {args[0]}"
    if op == "neg" and len(args) == 1:
        return f"-{args[0]}"
    if op == "pow" and len(args) == 1:
        if "exponent" in kwargs:
            return f"{args[0]} ** {fmt.value(kwargs['exponent'])}"
        if "base" in kwargs:
            return f"{fmt.value(kwargs['base'])} ** {args[0]}"
    if op in ("sum", "mean") and len(args) == 1:
        dim = kwargs.get("dim")
        d = "" if dim is None else ", ".join(str(x) for x in dim)
        return f"{args[0]}.{op}({d})"
    if op in _FUNC and len(args) == 1:
        return f"{_FUNC[op]}({args[0]})"
    return f"{op}({', '.join(args)})"


def forward(out, op, names, vals, kwargs, result, outside):
    e = expr(op, names, kwargs)
    parts = [f"{out} = {e}"]
    if all(_small(v) for v in vals) and any(isinstance(v, np.ndarray) for v in vals):
        ev = expr(op, [_paren(fmt.value(v)) for v in vals], kwargs)
        if ev != e:
            parts.append(ev)
    parts.append(fmt.value(result))
    eq = " = ".join(parts)
    if outside:
        return {
            "en": (f"Outside the graph (no_grad() or detached inputs): {eq}. "
                   f"Nothing is recorded for backward, so {out}.requires_grad is False."),
            "zh": (f"在计算图之外（no_grad() 或输入已 detach）：{eq}。"
                   f"不为反向传播记录任何东西，所以 {out}.requires_grad 为 False。"),
        }
    return {"en": f"Forward: {eq}.", "zh": f"前向计算：{eq}。"}


def _local(op, i, names, vals, kwargs, out_val):
    """(text, value) of d out / d input_i for elementwise ops, else None."""
    a = names[0] if names else "a"
    b = names[1] if len(names) > 1 else "b"
    va = vals[0] if vals else None
    vb = vals[1] if len(vals) > 1 else None
    try:
        if op == "add":
            alpha = kwargs.get("alpha", 1) if i == 1 else 1
            return fmt.num(alpha), np.asarray(alpha, dtype=float)
        if op == "sub":
            v = 1 if i == 0 else -kwargs.get("alpha", 1)
            return fmt.num(v), np.asarray(v, dtype=float)
        if op in ("rsub", "neg"):
            return "-1", np.asarray(-1.0)
        if op == "mul":
            return (b, np.asarray(vb, dtype=float)) if i == 0 else (a, np.asarray(va, dtype=float))
        if op == "div":
            if i == 0:
                return f"1/{b}", 1.0 / np.asarray(vb, dtype=float)
            return f"-{a}/{b}²", -np.asarray(va, dtype=float) / np.asarray(vb, dtype=float) ** 2
        if op == "pow" and "exponent" in kwargs:
            n = kwargs["exponent"]
            nn = fmt.num(n)
            txt = f"{nn}·{a}" if n == 2 else f"{nn}·{a}^{fmt.num(n - 1)}"
            return txt, n * np.asarray(va, dtype=float) ** (n - 1)
        if op == "exp":
            return f"exp({a})", np.asarray(out_val, dtype=float)
        if op == "log":
            return f"1/{a}", 1.0 / np.asarray(va, dtype=float)
        if op == "sigmoid":
            o = np.asarray(out_val, dtype=float)
            return f"σ({a})·(1−σ({a}))", o * (1 - o)
        if op == "sum":
            return "1", np.asarray(1.0)
        if op == "mean":
            n = np.asarray(va).size / max(np.asarray(out_val).size, 1)
            return f"1/{fmt.num(n)}", np.asarray(1.0 / n)
        if op in ("clone", "to"):
            return "1", np.asarray(1.0)
    except (TypeError, ValueError):
        return None
    return None


_MATRIX = {
    ("mm", 0): "G @ {b}ᵀ", ("mm", 1): "{a}ᵀ @ G",
    ("mv", 0): "G ⊗ {b}", ("mv", 1): "{a}ᵀ @ G",
    ("dot", 0): "G · {b}", ("dot", 1): "G · {a}",
}


def backward(out, L, op, names, vals, kwargs, out_val, gout, slots, formula):
    """``slots``: list of (i, input name, grad sent) for inputs that get a gradient.

    Local derivatives are written with ∂ (``∂z/∂y``), the total gradient of the root with
    d (``dz/dy``), so the chain-rule product reads: arriving × local = what the input gets.
    """
    e = expr(op, names, kwargs)
    g = fmt.value(gout)
    up = f"d{L}/d{out} = {g}"
    en_parts, zh_parts = [], []
    uses_g = False
    detail = {"upstream": up, "formula": formula}
    locs, prods = [], []
    for i, a, gi in slots:
        gis = fmt.value(gi)
        loc = _local(op, i, names, vals, kwargs, out_val)
        if loc is not None:
            ltxt, lval = loc
            lv = fmt.value(lval)
            head = f"∂{out}/∂{a} = {ltxt}" + (f" = {lv}" if ltxt != lv else "")
            prod = f"d{L}/d{a} = {g} × {lv} = {gis}"
            en_parts.append(f"local derivative {head}, so {a} receives {prod}")
            zh_parts.append(f"局部导数 {head}，所以 {a} 得到 {prod}")
            locs.append(head)
            prods.append(prod)
        else:
            tmpl = _MATRIX.get((op, i))
            b = names[1] if len(names) > 1 else "b"
            rule = tmpl.format(a=names[0] if names else "a", b=b) if tmpl else None
            if rule is not None:
                uses_g = True
                prod = f"d{L}/d{a} = {rule} = {gis}"
                en_parts.append(f"{a} receives {prod}")
                zh_parts.append(f"{a} 得到 {prod}")
                locs.append(formula)
            else:
                prod = f"d{L}/d{a} = {gis}"
                en_parts.append(f"by the chain rule {a} receives {prod}")
                zh_parts.append(f"由链式法则，{a} 得到 {prod}")
                locs.append(formula)
            prods.append(prod)
    detail["local"] = "; ".join(locs)
    detail["product"] = "; ".join(prods)
    if slots:
        en_rest = "; ".join(en_parts)
        if en_rest.startswith(("local derivative", "by the chain rule")):
            en_rest = en_rest[:1].upper() + en_rest[1:]  # (never a learner's name)
        zh_rest = "；".join(zh_parts)
    else:
        en_rest, zh_rest = "No input needs a gradient", "没有输入需要梯度"
    arriving = f"G = {up}" if uses_g else up
    en = f"Backward through {out} = {e}: the gradient arriving is {arriving}. {en_rest}."
    zh = f"反向传播经过 {out} = {e}：传入的梯度 {arriving}。{zh_rest}。"
    return {"en": en, "zh": zh}, detail


def accumulate_edge(u, old, inc, new, src):
    o, i, n = fmt.value(old), fmt.value(inc), fmt.value(new)
    via = f" (the new part comes from {src})" if src else ""
    via_zh = f"（新的一份来自 {src}）" if src else ""
    return {
        "en": f"{u} is used by more than one op, so its gradients add up: {o} + {i} = {n}{via}.",
        "zh": f"{u} 被多个运算使用，所以它的梯度相加：{o} + {i} = {n}{via_zh}。",
    }


def accumulate(w, old, inc, new):
    n = fmt.value(new)
    if old is None:
        return {
            "en": f"AccumulateGrad stores the gradient in the leaf: {w}.grad = {n} (it was None).",
            "zh": f"AccumulateGrad 把梯度存进叶子节点：{w}.grad = {n}（之前为 None）。",
        }
    o, i = fmt.value(old), fmt.value(inc)
    return {
        "en": (f"{w}.grad accumulates: {o} + {i} = {n}. Gradients add up across backward "
               f"calls until you zero them."),
        "zh": f"{w}.grad 累加：{o} + {i} = {n}。在清零之前，多次反向传播的梯度会累加。",
    }


def hook(t, gin, gout):
    gi = fmt.value(gin)
    if gout is None:
        return {
            "en": f"A hook registered on {t} runs with its gradient {gi}; it returns None, so the gradient is unchanged.",
            "zh": f"注册在 {t} 上的 hook 被调用，梯度为 {gi}；它返回 None，所以梯度不变。",
        }
    go = fmt.value(gout)
    return {
        "en": f"A hook registered on {t} runs with its gradient {gi} and returns {go}, which is passed on instead.",
        "zh": f"注册在 {t} 上的 hook 被调用，梯度为 {gi}，返回 {go}，之后传下去的是这个值。",
    }


def retain_grad(t, g):
    v = fmt.value(g)
    return {
        "en": f"{t}.retain_grad() keeps this non-leaf gradient: {t}.grad = {v}.",
        "zh": f"{t}.retain_grad() 保留了这个非叶子节点的梯度：{t}.grad = {v}。",
    }


def freed(ops):
    names = ", ".join(ops)
    return {
        "en": (f"Backward finished without retain_graph=True, so the values saved for the "
               f"backward of {names} are freed; a second backward through them fails."),
        "zh": (f"反向传播结束且没有 retain_graph=True，所以 {names} 为反向传播保存的值被释放；"
               f"再次经过它们反向传播会报错。"),
    }


def error(ename, msg, root):
    short = msg.split(". ")[0]
    if "second time" in msg:
        return {
            "en": (f"{ename}: backward through {root} a second time fails, because the first "
                   f"backward freed the saved values (use retain_graph=True to keep them)."),
            "zh": (f"{ename}：第二次对 {root} 反向传播失败，因为第一次反向传播已经释放了保存的值"
                   f"（要保留它们请用 retain_graph=True）。"),
        }
    return {"en": f"{ename} during backward of {root}: {short}.",
            "zh": f"对 {root} 反向传播时出错 {ename}：{short}。"}


def update(w, how, old, new, lr, grad):
    o, n = fmt.value(old), fmt.value(new)
    g = fmt.value(grad) if grad is not None else "?"
    r = fmt.num(lr) if lr is not None else None
    kind, _, op = how.partition(":")
    step = f"{o} − {r} × {g} = {n}" if r is not None else f"{o} → {n}"
    if kind == "data_lr":
        return {"en": f"Update {w} outside the graph: {w}.data = {w}.data − lr × {w}.grad = {step}.",
                "zh": f"在计算图之外更新 {w}：{w}.data = {w}.data − 学习率 × {w}.grad = {step}。"}
    if kind == "data":
        return {"en": f"{w}.data is replaced outside the graph: {o} → {n}; autograd does not see this change.",
                "zh": f"在计算图之外替换 {w}.data：{o} → {n}；autograd 看不到这个改变。"}
    if kind == "inplace_lr":
        return {"en": f"Update {w} in place under no_grad(): {w} -= lr × {w}.grad, {step}.",
                "zh": f"在 no_grad() 下原地更新 {w}：{w} -= 学习率 × {w}.grad，{step}。"}
    if kind == "inplace":
        return {"en": f"{w}.{op}(...) changes {w} in place under no_grad(): {o} → {n}.",
                "zh": f"在 no_grad() 下 {w}.{op}(...) 原地修改 {w}：{o} → {n}。"}
    if kind == "data_inplace":
        return {"en": f"{w}.data.{op}(...) changes {w} outside the graph: {o} → {n}.",
                "zh": f"{w}.data.{op}(...) 在计算图之外修改 {w}：{o} → {n}。"}
    if kind == "rebind":
        return {"en": (f"Update {w}: {w} = {w} − lr × {w}.grad = {step}; then detach_()."
                       f"requires_grad_(True) makes the new tensor a leaf that continues as {w}."),
                "zh": (f"更新 {w}：{w} = {w} − 学习率 × {w}.grad = {step}；然后 detach_()."
                       f"requires_grad_(True) 让新张量成为叶子节点，继续作为 {w}。")}
    if kind == "optim":
        return {"en": f"optimizer.step() ({op}): {w} ← {w} − lr × {w}.grad = {step}.",
                "zh": f"optimizer.step()（{op}）：{w} ← {w} − 学习率 × {w}.grad = {step}。"}
    return {"en": f"{w} changes: {o} → {n}.", "zh": f"{w} 改变：{o} → {n}。"}


def detach_(t, value, info, grad=""):
    """``t.detach_()`` outside an update: the tensor leaves the graph (phase "update",
    detail code "detach_")."""
    then = info.get("then_requires_grad")
    if not info.get("was_leaf"):
        fn = info.get("grad_fn") or "grad_fn"
        en = (f"{t}.detach_() takes {t} out of the graph: it forgets its grad_fn ({fn}) and "
              f"becomes a leaf with requires_grad=False; its value {value} stays, and no "
              f"gradient flows back through it any more.")
        zh = (f"{t}.detach_() 把 {t} 从计算图中取出：它丢掉 grad_fn（{fn}），成为 "
              f"requires_grad=False 的叶子节点；它的值 {value} 不变，梯度不再经过它往回传。")
        if then:
            en += f" Then .requires_grad_(True): {t} is now a new leaf that requires grad."
            zh += f"随后 .requires_grad_(True)：{t} 成为一个需要梯度的新叶子节点。"
        return {"en": en, "zh": zh}
    g_en = f" ({t}.grad = {grad} is kept)" if grad else ""
    g_zh = f"（{t}.grad = {grad} 保留）" if grad else ""
    en = (f"{t}.detach_() takes {t} out of the graph: it is already a leaf, so it only sets "
          f"requires_grad=False{g_en}.")
    zh = f"{t}.detach_() 把 {t} 从计算图中取出：它本来就是叶子节点，所以只是把 requires_grad 设为 False{g_zh}。"
    if then:
        en += (f" Then .requires_grad_(True) turns it back on: the next ops build a new graph "
               f"from {t}, and new gradients add to {t}.grad.")
        zh += f"随后 .requires_grad_(True) 又打开它：之后的运算从 {t} 建立新的计算图，新梯度会累加到 {t}.grad。"
    return {"en": en, "zh": zh}


def zero_grad(names, how, owner, zeros):
    ws = ", ".join(names)
    w = names[0] if names else "?"
    kind, _, mode = how.partition(":")
    if kind == "grad.zero_":
        return {"en": f"{w}.grad.zero_() sets the gradient to zero in place: {w}.grad = {zeros}.",
                "zh": f"{w}.grad.zero_() 原地把梯度清零：{w}.grad = {zeros}。"}
    if kind == "grad.data.zero_":
        return {"en": f"{w}.grad.data.zero_() zeroes the gradient through .data (same memory): {w}.grad = {zeros}.",
                "zh": f"{w}.grad.data.zero_() 通过 .data（同一块内存）把梯度清零：{w}.grad = {zeros}。"}
    if kind == "grad=None":
        return {"en": f"{w}.grad = None removes the gradient; the next backward starts from nothing.",
                "zh": f"{w}.grad = None 删除了梯度；下一次反向传播从头开始。"}
    who = owner or ("optimizer" if kind.startswith("optimizer") else "module")
    if mode == "zero":
        return {"en": f"{who}.zero_grad() sets the gradients of {ws} to zero.",
                "zh": f"{who}.zero_grad() 把 {ws} 的梯度清零。"}
    return {"en": f"{who}.zero_grad() clears the gradients of {ws} (sets them to None).",
            "zh": f"{who}.zero_grad() 清除 {ws} 的梯度（设为 None）。"}


def truncated(n):
    return {"en": f"The recording stopped keeping frames after {n} frames (summaries continue).",
            "zh": f"录制在 {n} 帧之后不再保存帧（仍保存每轮摘要）。"}
