"""Captions say the right maths (issue 11): precedence, shares vs totals, ⊙ / × / @,
broadcasts, 1x1 matrices, a local derivative for every op, accumulation after zeroing,
the learner's names in the inspector, and draw() agreeing with the recording.
Each case checks both languages."""

import pytest

import autograd_viz as torch


def _frames(rec, phase):
    assert rec.internal_errors == []
    return [f for f in rec.frames if f.phase == phase]


def _both(f):
    return f.captions["en"], f.captions["zh"]


def _in_both(f, text):
    en, zh = _both(f)
    assert text in en, en
    assert text in zh, zh


# ---------------------------------------------------------------- precedence
def test_square_of_a_difference_keeps_its_parentheses():
    y_2 = torch.tensor([3.0], requires_grad=True)
    y = torch.tensor([1.0])
    with torch.record() as rec:
        L = (y_2 - y) ** 2
        L.backward()
    fw = _frames(rec, "forward")[1]
    _in_both(fw, "L = (y_2 - y) ** 2 = 2 ** 2 = 4")
    bw = _frames(rec, "backward")[0]
    _in_both(bw, "∂L/∂(y_2 - y) = 2·(y_2 - y) = 4")
    assert "y_2 - y ** 2" not in bw.captions["en"] + fw.captions["en"]
    assert "2·y_2 - y" not in bw.captions["en"] + bw.captions["zh"]


def test_power_of_a_sum_and_a_sum_with_a_power():
    a = torch.tensor(2.0, requires_grad=True)
    b = torch.tensor(3.0, requires_grad=True)
    with torch.record() as rec:
        s = (a + b) ** 2
        t = a + b**2
        (s + t).backward()
    fws = _frames(rec, "forward")
    en = " ".join(f.captions["en"] for f in fws)
    zh = " ".join(f.captions["zh"] for f in fws)
    for text in (en, zh):
        assert "s = (a + b) ** 2" in text
        assert "t = a + b**2 = 2 + 9 = 11" in text
    bw = next(f for f in _frames(rec, "backward") if f.caption.startswith("Backward through s = "))
    _in_both(bw, "∂s/∂(a + b) = 2·(a + b) = 10")


def test_one_over_a_sum():
    a = torch.tensor(2.0, requires_grad=True)
    b = torch.tensor(3.0, requires_grad=True)
    c = torch.tensor(1.0, requires_grad=True)
    with torch.record() as rec:
        f = a / (b + c)
        f.backward()
    bw = _frames(rec, "backward")[0]
    _in_both(bw, "f = a / (b + c)")
    _in_both(bw, "∂f/∂a = 1/(b + c) = 0.25")
    _in_both(bw, "∂f/∂(b + c) = -a/(b + c)² = -0.125")
    assert "1/b + c" not in bw.captions["en"]


def test_negative_numbers_are_parenthesised_after_an_operator():
    w = torch.tensor(2.0, requires_grad=True)
    with torch.record() as rec:
        z = 3 - w
        y = z * 0
        y.backward()
    bw = [
        f
        for f in _frames(rec, "backward")
        if "3 - w" in f.caption and "Backward through z" in f.caption
    ]
    (f,) = bw
    _in_both(f, "0 × (-1) = 0")
    assert "0 × -1" not in f.captions["en"] + f.captions["zh"]


def test_alpha_times_a_sum_is_parenthesised():
    a = torch.tensor(1.0, requires_grad=True)
    b = torch.tensor(2.0, requires_grad=True)
    c = torch.tensor(3.0, requires_grad=True)
    with torch.record() as rec:
        z = torch.add(c, a + b, alpha=2)
        z.backward()
    fw = next(f for f in _frames(rec, "forward") if f.caption.startswith("Forward: z"))
    _in_both(fw, "z = c + 2·(a + b)")


# ---------------------------------------------------------------- shares vs totals
def test_a_path_share_is_not_called_the_total():
    a = torch.tensor(2.0, requires_grad=True)
    with torch.record() as rec:
        L = a + a * 3
        L.backward()
    bws = _frames(rec, "backward")
    en = [f.captions["en"] for f in bws]
    zh = [f.captions["zh"] for f in bws]
    # the total dL/da is 4: neither 1 nor 3 may be written as "dL/da = ..."
    for text in en + zh:
        assert "dL/da = 1 × 1" not in text and "dL/da = 1 × 3" not in text
    assert any(
        "its share along this path of dL/da (summed over 2 paths): 1 × 3 = 3" in t for t in en
    )
    assert any("dL/da 在这条路径上的一份（共 2 条路径相加）：1 × 3 = 3" in t for t in zh)
    acc = _frames(rec, "accumulate")[0]
    _in_both(acc, "1 + 3 = 4")
    _in_both(acc, "dL/da = 4")


# ---------------------------------------------------------------- ⊙, ×, @, broadcasts, [[1]]
def test_elementwise_products_use_odot_scalars_times():
    a = torch.tensor([0.5, -1.0], requires_grad=True)
    with torch.record() as rec:
        h = torch.tanh(a)
        s = (h * 2).sum()
        s.backward()
    tanh_f = next(f for f in _frames(rec, "backward") if f.detail["op"] == "TanhBackward0")
    _in_both(tanh_f, "[2, 2] ⊙ [0.7864, 0.42] = [1.573, 0.8399]")
    mul_f = next(f for f in _frames(rec, "backward") if f.detail["op"] == "MulBackward0")
    _in_both(mul_f, "[1, 1] × 2 = [2, 2]")


def test_matmul_is_written_with_at():
    X = torch.tensor([[1.0, 2.0]], requires_grad=True)
    W = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
    with torch.record() as rec:
        Z = X @ W
        Z.sum().backward()
    f = next(f for f in _frames(rec, "backward") if f.detail["op"] == "MmBackward0")
    _in_both(f, "dZ.sum()/dX = G @ Wᵀ = [[3, 7]]")
    assert "⊙" not in f.captions["en"] and "×" not in f.captions["en"]


def test_a_broadcast_gradient_is_summed_down_and_says_so():
    W = torch.ones(2, 1, requires_grad=True)
    C = torch.ones(2, 3)
    with torch.record() as rec:
        P = W * C
        z = P.sum()
        z.backward()
    f = next(f for f in _frames(rec, "backward") if f.detail["op"] == "MulBackward0")
    en, zh = _both(f)
    assert "summed over the broadcast dims down to W's shape 2×1: [[3], [3]]" in en
    assert "沿广播的维度求和回到 W 的形状 2×1：[[3], [3]]" in zh


def test_a_one_by_one_matrix_keeps_its_brackets():
    W = torch.tensor([[2.0]], requires_grad=True)
    x = torch.tensor([[3.0]])
    with torch.record() as rec:
        y = W @ x
        y.sum().backward()
    fw = _frames(rec, "forward")[0]
    _in_both(fw, "= [[6]]")
    assert "= 6." not in fw.captions["en"]


# ---------------------------------------------------------------- every op's local derivative
_UNARY = [
    ("tanh", lambda a: torch.tanh(a), "1 - tanh²(a)"),
    ("relu", lambda a: torch.relu(a), "[a > 0]"),
    ("sigmoid", lambda a: torch.sigmoid(a), "σ(a)·(1 - σ(a))"),
    ("exp", lambda a: torch.exp(a), "exp(a)"),
    ("log", lambda a: torch.log(a), "1/a"),
    ("abs", lambda a: torch.abs(a), "sign(a)"),
    ("clamp", lambda a: torch.clamp(a, 0.0, 1.0), "[0 ≤ a ≤ 1]"),
    ("sqrt", lambda a: torch.sqrt(a), "1/(2·√a)"),
    ("pow3", lambda a: a**3, "3·a^2"),
    ("max", lambda a: a.max(), ("1 where a equals its max", "a 等于最大值处为 1")),
    ("min", lambda a: a.min(), ("1 where a equals its min", "a 等于最小值处为 1")),
]


@pytest.mark.parametrize("name, fn, text", _UNARY, ids=[u[0] for u in _UNARY])
def test_every_unary_op_states_its_local_derivative_with_value(name, fn, text):
    a = torch.tensor([0.5, 2.0], requires_grad=True)
    with torch.record() as rec:
        out = fn(a)
        out.sum().backward() if out.dim() else out.backward()
    f = [f for f in _frames(rec, "backward") if "/∂a = " in f.caption]
    assert f, [x.caption for x in rec.frames]
    en, zh = _both(f[0])
    text_en, text_zh = text if isinstance(text, tuple) else (text, text)
    assert f"/∂a = {text_en}" in en and f"/∂a = {text_zh}" in zh
    assert "By the chain rule" not in en and "由链式法则" not in zh
    # the value after the formula, then the product with the gradient arriving
    assert f[0].detail["local"].count(" = ") >= 2


def test_maximum_of_two_tensors_local_derivative():
    a = torch.tensor([1.0, 5.0], requires_grad=True)
    b = torch.tensor([3.0, 2.0], requires_grad=True)
    with torch.record() as rec:
        m = torch.maximum(a, b)
        m.sum().backward()
    f = next(f for f in _frames(rec, "backward") if f.detail["op"] == "MaximumBackward0")
    en, zh = _both(f)
    assert "∂m/∂a = [a > b] (½ on ties) = [0, 1]" in en
    assert "∂m/∂b = [b > a] (½ on ties) = [1, 0]" in en
    assert "∂m/∂a = [a > b]（相等时各 ½） = [0, 1]" in zh
    assert "∂m/∂b = [b > a]（相等时各 ½） = [1, 0]" in zh


# ---------------------------------------------------------------- accumulation after zeroing
def test_accumulate_right_after_zeroing_does_not_claim_gradients_pile_up():
    w = torch.tensor(1.0, requires_grad=True)
    with torch.record() as rec:
        for _ in range(2):
            loss = w * 3
            loss.backward()
            w.grad.zero_()
    acc = _frames(rec, "accumulate")
    second = acc[1]
    en, zh = _both(second)
    assert "0 + 3 = 3" in en and "0 + 3 = 3" in zh
    assert "until you zero them" not in en
    assert "在清零之前" not in zh
    assert "zeroed" in en and "清零" in zh


def test_accumulate_without_zeroing_says_gradients_add_up():
    w = torch.tensor(1.0, requires_grad=True)
    with torch.record() as rec:
        for _ in range(2):
            loss = w * 3
            loss.backward()
    second = _frames(rec, "accumulate")[1]
    assert "3 + 3 = 6" in second.captions["en"] and "until you zero them" in second.captions["en"]
    assert "在清零之前" in second.captions["zh"]


# ---------------------------------------------------------------- inspector: the learner's names
def test_inspector_formula_uses_the_learners_names():
    x = torch.tensor(2.0)
    w = torch.tensor(3.0, requires_grad=True)
    with torch.record() as rec:
        y = x * w
        y.backward()
    op = next(n for n in rec.graph.nodes.values() if n.op == "mul")
    assert op.formula == "∂y/∂x = w,  ∂y/∂w = x"
    f = _frames(rec, "backward")[0]
    assert f.detail["local"] == "∂y/∂w = x = 2"
    assert "∂(a·b)" not in f.detail["formula"]
    with torch.record() as rec:
        (x * w).backward()
    f = _frames(rec, "backward")[0]
    assert f.detail["local"] == "∂(x * w)/∂w = x = 2"


# ---------------------------------------------------------------- draw() vs the recording
def test_draw_after_backward_keeps_the_constant_input_and_marks_freed():
    x = torch.tensor([2.0])
    w = torch.tensor([3.0], requires_grad=True)
    b = torch.tensor([1.0], requires_grad=True)
    z = x * w + b
    z.backward()
    d = torch.draw(z)
    rec = d.recording
    names = {n.name for n in rec.graph.nodes.values() if n.kind == "tensor"}
    assert names == {"x", "w", "b", "x * w", "z"}
    st = rec.state(0)
    mul = next(k for k, n in rec.graph.nodes.items() if n.op == "mul")
    assert st[mul].status == "freed"
    assert "x" in d.source


def test_draw_and_the_recording_name_nodes_alike_and_show_intermediate_values():
    x = torch.tensor([2.0])
    w = torch.tensor([3.0], requires_grad=True)
    b = torch.tensor([1.0], requires_grad=True)
    with torch.record() as rec:
        z = x * w + b
        z.backward()
    d = torch.draw(z)
    by_name = {n.name: k for k, n in d.recording.graph.nodes.items()}
    rec_names = {n.name for n in rec.graph.nodes.values()}
    assert set(by_name) == rec_names
    assert d.recording.state(0)[by_name["x * w"]].value == "6"


def test_an_explicit_label_wins_over_the_variable_name():
    w = torch.tensor(3.0, requires_grad=True)
    w.label = "weight"
    with torch.record() as rec:
        y = w * 2
        y.label = "doubled"
        y.backward()
    names = {n.name for n in rec.graph.nodes.values() if n.kind == "tensor"}
    assert names == {"weight", "doubled"}
    assert "weight" in torch.draw(y).source


def test_linear_bias_rule_and_formula_in_chinese():
    lin = torch.nn.Linear(2, 1)
    x = torch.ones(3, 2)
    with torch.record() as rec:
        lin(x).sum().backward()
    f = next(f for f in _frames(rec, "backward") if f.detail.get("composite") == "linear")
    en, zh = _both(f)
    assert "G summed over rows" in en and "G summed over rows" not in zh, zh
    assert "G 沿行求和" in zh, zh
    for k in ("formula", "local", "product"):
        assert "summed over rows" in f.detail[k], (k, f.detail[k])
        assert "沿行求和" in f.detail[k + "_zh"], (k, f.detail)
        assert "summed over rows" not in f.detail[k + "_zh"]
