"""One language setting for everything a learner reads: captions, the Stepper (its UI and
its text/plain form), ``draw()``'s text table, and the inspector's formulas."""

from __future__ import annotations

import re

import pytest

import autograd_viz as torch
from autograd_viz import widget
from autograd_viz.recorder import lang as recorder_lang
from autograd_viz.render import text_table
from autograd_viz.widget import Stepper

#: ASCII words of the English forms that must not appear in a Chinese one (the learner's
#: names, PyTorch's class names, numbers and ``requires_grad`` may)
ENGLISH = re.compile(
    r"\b(frame|of|node|kind|value|grad|status|leaf|tensor|op|done|pending|current|freed|"
    r"outside|forward|backward|accumulate|iteration|Stepper|quiz|closed|not kept|earlier)\b"
)


def _english_words(text, allowed=()):
    for a in ("requires_grad", "AccumulateGrad", *allowed):
        text = text.replace(a, "")
    text = re.sub(r"\w*Backward\d*", "", text)
    return ENGLISH.findall(text)


# ---------------------------------------------------------------------- one setting
def test_widget_and_recorder_share_one_setting():
    assert widget.set_language is recorder_lang.set_language
    assert widget.get_language is recorder_lang.get_language
    widget.set_language("zh")
    assert torch.get_language() == "zh" == recorder_lang.get_language()
    torch.set_language("en")
    assert widget.get_language() == "en"
    with pytest.raises(ValueError, match="language must be one of"):
        torch.set_language("fr")


def test_global_setting_reaches_stepper_draw_and_captions(rec):
    # (``rec`` was recorded without a language: it follows the setting)
    widget.set_language("en")  # (a widget-only default used to shadow the global one)
    torch.set_language("zh")
    st = Stepper(rec)
    assert st.lang == "zh"
    assert repr(st).startswith("步进器：第 1 帧，共 ")
    x = torch.tensor([2.0])
    w = torch.tensor([3.0], requires_grad=True)
    z = x * w
    table = repr(torch.draw(z))
    assert table.splitlines()[0].split() == ["节点", "类型", "值", "梯度", "状态"]
    assert rec.frames[0].caption == rec.frames[0].captions["zh"]
    assert text_table(rec, 0).startswith("第 1/")


def test_recording_language_then_explicit_argument_win():
    torch.set_language("en")
    with torch.record(lang="zh") as rec:
        x = torch.tensor([2.0])
        w = torch.tensor([3.0], requires_grad=True)
        (x * w).sum().backward()
    assert Stepper(rec).lang == "zh"
    assert repr(Stepper(rec)).startswith("步进器：")
    assert repr(rec.draw(0)).startswith("第 1/")
    assert text_table(rec, 0).startswith("第 1/")
    assert "节点" in rec._repr_mimebundle_()["text/plain"]
    # explicit argument > recording's lang > global setting
    assert Stepper(rec, lang="en").lang == "en"
    assert repr(Stepper(rec, lang="en")).startswith("Stepper: frame 1 of ")
    assert text_table(rec, 0, lang="en").startswith("frame 1/")
    assert rec.frames[0].captions["en"] in text_table(rec, 0, lang="en")
    torch.set_language("zh")
    assert Stepper(rec, lang="en").lang == "en"
    with pytest.raises(ValueError):
        Stepper(rec, lang="fr")


# ---------------------------------------------------------------------- no English in zh
def test_stepper_repr_follows_the_language(train_rec):
    rec = train_rec
    st = Stepper(rec, lang="zh")
    n = len(rec.frames)
    for k in range(n):
        st.frame = k
        text = repr(st)
        f = rec.frames[k]
        assert text.startswith(f"步进器：第 {k + 1} 帧，共 {n} 帧（"), text
        assert f.captions["zh"] in text
        assert f"第 {f.iteration} 次迭代" in text
        head = text[: text.index("—")]
        assert not _english_words(head), head
    st.goto(phase="backward")
    assert "（反向，第 " in repr(st)
    st.quiz = True
    assert repr(st).startswith("步进器（测验模式）：")
    st.lang = "en"
    assert repr(st).startswith(f"Stepper [quiz]: frame {st.frame + 1} of {n} (backward, iteration")
    st.close()
    assert repr(st) == "Stepper (closed)"


def test_english_repr_unchanged(rec):
    st = Stepper(rec, lang="en")
    st.frame = 1
    f = rec.frames[1]
    assert repr(st) == f"Stepper: frame 2 of {len(rec.frames)} ({f.phase}) — {f.captions['en']}"


def test_text_table_in_chinese_has_no_english_words(train_rec):
    rec = train_rec
    for k in range(len(rec.frames)):
        t = text_table(rec, k, lang="zh")
        names = {n.name for n in rec.graph.nodes.values()}
        rest = t.split("\n", 1)[1]
        words = _english_words(rest, allowed=sorted(names, key=len, reverse=True))
        assert not words, (k, words, t)
        assert rest.splitlines()[0].split() == ["节点", "类型", "值", "梯度", "状态"]
    t = text_table(rec, -1, lang="zh")
    assert "叶子节点 requires_grad" in t and "运算 " in t
    assert re.search(r"已计算|当前步骤|尚未计算", t)


def test_text_table_columns_line_up_with_chinese_text(rec):
    from autograd_viz.render.frames import _cell_width

    lines = text_table(rec, 0, lang="zh").splitlines()[1:]
    # the status column starts at the same monospace column on every row (CJK = 2 columns)
    cols = {_cell_width(ln[: ln.rfind(ln.split()[-1])]) for ln in lines}
    assert len(cols) == 1, lines


# ---------------------------------------------------------------------- inspector formulas
def _reshape_mean():
    with torch.record() as rec:
        x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
        r = x.reshape(4)
        s = r.sum()
        s.backward()
    return rec


def test_inspector_data_holds_both_languages_of_declared_formulas():
    import json

    from autograd_viz.render.state import stepper_data
    from autograd_viz.widget.stepper import stepper_json

    rec = _reshape_mean()
    d = stepper_data(rec)
    S = d["strings"]
    for view in ("dataflow", "autograd"):
        assert all(len(info) == 10 for info in d["views"][view]["info"])
    info = {i[0]: i for i in d["views"]["dataflow"]["info"]}
    # reshape declares words in both languages (``Local(("G reshaped ...", "G 变回 ..."))``)
    en, zh = S[info["reshape"][7]], S[info["reshape"][9]]
    assert en == "d/dx = G reshaped to the shape of x", en
    assert zh == "d/dx = G 变回 x 的形状", zh
    sum_node = next(i for k, i in info.items() if k.startswith("Σ"))
    assert "for every element of r" in S[sum_node[7]]
    assert S[sum_node[9]].endswith("r 的每个元素都是 1")
    # a formula that is maths only is stored once (no Chinese copy)
    x_only = [i for i in d["views"]["dataflow"]["info"] if i[1] == "tensor"]
    assert all(i[9] == 0 for i in x_only)
    # the frames' inspector rows: English in ``detail``, Chinese overrides in ``detail_zh``
    assert len(d["detail_zh"]) == len(rec.frames)
    back = [k for k, f in enumerate(rec.frames) if f.phase == "backward" and "reshape" in f.caption]
    assert back, [f.caption for f in rec.frames]
    k = back[0]
    assert "G reshaped to the shape of x" in S[d["detail"][k]["local"]]
    assert "G 变回 x 的形状" in S[d["detail_zh"][k]["local"]]
    assert not any(key.endswith("_zh") for det in d["detail"] for key in det)
    # the recorder keeps both: frame.detail[<key>_zh] where the Chinese text differs
    assert rec.frames[k].detail["local_zh"] == S[d["detail_zh"][k]["local"]]
    assert "d/dx = G 变回 x 的形状" in json.loads(stepper_json(rec))["strings"]
    node = next(n for n in rec.graph.nodes.values() if n.op == "reshape")
    assert node.formula_zh == "d/dx = G 变回 x 的形状"


def test_recording_text_form_follows_the_language(train_rec):
    en = train_rec.summary()
    assert en.startswith(f"Recording: {len(train_rec.frames)} frames (forward ")
    assert train_rec.summary(lang="en") == en
    zh = train_rec.summary(lang="zh")
    assert zh.startswith(f"记录：{len(train_rec.frames)} 帧（前向 "), zh
    assert "张量：" in zh and "损失" in zh
    assert not _english_words(zh, allowed=("xs", "ys", "w", "loss")), zh
    torch.set_language("zh")
    text = train_rec._repr_mimebundle_()["text/plain"]
    assert text.startswith("记录：") and "\n节点  " in text, text
    assert repr(train_rec) == zh
    torch.set_language("en")
    text = train_rec._repr_mimebundle_()["text/plain"]
    assert text.startswith("Recording: ") and "\nnode  " in text, text
