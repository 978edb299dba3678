"""Every string the Stepper and the HTML export show, in English and Chinese.

Captions themselves come from the recorder (``frame.captions[lang]``); this module holds the
widget's own words: button names and tooltips, inspector field names, legend, notes.
``set_language("zh")`` sets the default used by ``Stepper(rec, lang=None)`` and
``save_html(..., lang=None)``.
"""

from __future__ import annotations

LANGS = ("en", "zh")

_default = {"lang": None}

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "first": "First frame",
        "first_s": "First",
        "prev_s": "Prev",
        "next_s": "Next",
        "last_s": "Last",
        "prev": "Previous frame",
        "next": "Next frame",
        "last": "Last frame",
        "play": "Play through the frames",
        "speed": "ms/frame",
        "speed_tip": "Milliseconds per frame while playing (smaller is faster)",
        "frame": "Frame",
        "frame_tip": "Frame index (rec.frames[i])",
        "jump": "Next:",
        "jump_tip": "Jump to the next {phase} frame",
        "iteration": "Iteration",
        "iteration_tip": "Jump to the first frame of a training iteration",
        "node": "Inspect",
        "node_tip": "Pick a node to inspect at the current frame",
        "current_node": "(current node)",
        "view": "View",
        "view_tip": "Data-flow view (tensors and ops) or autograd view (grad_fn nodes)",
        "dataflow": "data flow",
        "autograd": "autograd",
        "lang": "Language",
        "lang_tip": "Language of captions and controls",
        "font": "Size",
        "font_tip": "Text and picture size (larger for a projector)",
        "of": "of",
        "no_frames": (
            "This recording has no frames: no tensor operation was recorded inside "
            "`with record()` (nothing ran, or the block raised before its first "
            "operation)."
        ),
        "raised": "The block raised {error}",
        "no_node": "No node at this frame.",
        "loading": "Drawing frame {i}... (run the cell with a live kernel to see it)",
        "no_graphviz": "No Graphviz engine: showing the text form of the graph.",
        "big_note": "Large graph ({n} nodes): frames are drawn a few at a time as you step.",
        "window_note": "Large recording ({n} frames): frames are drawn as you step; a saved "
        "notebook shows the current frame only.",
        "cut_shown": "Large graph ({n} nodes): the {cut} earliest nodes are not drawn; "
        "the inspector and captions still cover every node.",
        "cut_note": "Graph too large to draw ({n} nodes > {limit}): showing the text form.",
        # inspector
        "d_upstream": "upstream grad (dL/d output)",
        "d_local": "local derivative",
        "d_product": "sent to input (upstream × local)",
        "d_formula": "formula",
        "d_old": "old",
        "d_new": "new",
        "d_lr": "learning rate",
        "d_grad": "grad",
        "d_code": "code",
        "d_error": "error",
        "d_value": "value",
        "d_op": "operation",
        "d_incoming": "incoming",
        "d_grad_in": "grad into hook",
        "d_grad_out": "grad from hook",
        "d_freed": "freed",
        "d_line": "line",
        "d_composite": "as written",
        "d_grad_fn": "grad_fn it forgot",
        "d_note": "note",
        "value": "value",
        "grad": "grad",
        "shape": "shape",
        "requires_grad": "requires_grad",
        "is_leaf": "is_leaf",
        "grad_fn": "grad_fn",
        "formula": "forward",
        "local": "local derivatives",
        "status": "status",
        "kind": "kind",
        "tensor": "tensor",
        "op": "operation",
        "none": "None",
        "not_yet": "not computed yet",
        # statuses / legend
        "pending": "not computed yet",
        "done": "computed",
        "status_grad": "a gradient reached it",
        "flowed": "not kept (not a leaf, no retain_grad()); the gradient that flowed through:",
        "current": "current step",
        "freed": "saved tensors freed",
        "outside": "outside the graph (no_grad / detached)",
        "legend": "Legend",
        "current_edge": "current edge",
        # phases
        "forward": "forward",
        "backward": "backward",
        "accumulate": "accumulate",
        "hook": "hook",
        "update": "update",
        "zero_grad": "zero_grad",
        "error": "error",
        # plot
        "loss": "loss",
        "plot_title": "Loss over iterations (current iteration marked)",
        "params": "parameters",
        # browser stepper (static/stepper.js)
        "title": "autograd_viz stepper",
        "node_col": "node",
        "play_s": "Play",
        "pause_s": "Pause",
        "pause": "Pause playing",
        "frame_k": "Frame {k} of {n}",
        "view_dataflow": "Data-flow view: tensors and operations",
        "view_autograd": "Autograd view: PyTorch's grad_fn nodes",
        "zoom_in": "Zoom in (or Ctrl + mouse wheel)",
        "zoom_out": "Zoom out (or Ctrl + mouse wheel)",
        "zoom_fit": "Fit the graph to the width",
        "fit": "Fit",
        "graph": "Computation graph (drag to pan, Ctrl + wheel to zoom)",
        "flow_legend": "∂ … (grey, italic): the gradient that flowed through this tensor in "
        "backward; PyTorch keeps no .grad for it (not a leaf, no retain_grad()). "
        "grad … : a .grad PyTorch keeps.",
        "params_title": "Parameters over iterations",
        "log_scale": "(log scale)",
        "param_pick": "Which parameter to plot",
        "all_params": "all parameters",
        "quiz_q": "Predict: what gradient does this step give {names}? Type it and press "
        "Check, or press Reveal.",
        "guess": "your answer, e.g. [[0.5], [0.5]]",
        "check": "Check",
        "reveal": "Reveal",
        "right": "Right!",
        "wrong": "Not yet: try again, or press Reveal.",
        "quiz_mode": "quiz mode",
        # export
        "export_title": "autograd_viz: step through backpropagation",
        "export_note": "Saved from autograd_viz; steps without Python. Keys: ← → Home End.",
    },
    "zh": {
        "first": "第一帧",
        "first_s": "首帧",
        "prev_s": "上一帧",
        "next_s": "下一帧",
        "last_s": "末帧",
        "prev": "上一帧",
        "next": "下一帧",
        "last": "最后一帧",
        "play": "逐帧播放",
        "speed": "毫秒/帧",
        "speed_tip": "播放时每帧的毫秒数（越小越快）",
        "frame": "帧",
        "frame_tip": "帧序号（rec.frames[i]）",
        "jump": "下一个：",
        "jump_tip": "跳到下一个「{phase}」帧",
        "iteration": "迭代",
        "iteration_tip": "跳到某次训练迭代的第一帧",
        "node": "查看",
        "node_tip": "选择一个节点，查看它在当前帧的状态",
        "current_node": "（当前节点）",
        "view": "视图",
        "view_tip": "数据流视图（张量与运算）或 autograd 视图（grad_fn 节点）",
        "dataflow": "数据流",
        "autograd": "autograd",
        "lang": "语言",
        "lang_tip": "说明文字和控件的语言",
        "font": "字号",
        "font_tip": "文字和图的大小（投影时调大）",
        "of": "共",
        "no_frames": "这段记录没有帧：`with record()` 里没有记录到任何张量运算"
        "（没有运行运算，或在第一个运算之前就出错了）。",
        "raised": "代码块抛出了 {error}",
        "no_node": "这一帧没有对应的节点。",
        "loading": "正在绘制第 {i} 帧……（需要在运行中的内核里执行该单元格）",
        "no_graphviz": "没有可用的 Graphviz：以文字形式显示计算图。",
        "big_note": "计算图较大（{n} 个节点）：边走边画，每次只画附近几帧。",
        "window_note": "录制内容较长（{n} 帧）：边走边画；保存后的笔记本只显示当前帧。",
        "cut_shown": "计算图较大（{n} 个节点）：最早的 {cut} 个节点没有画出；"
        "说明文字和查看器仍覆盖所有节点。",
        "cut_note": "计算图太大（{n} 个节点 > {limit}），无法绘制：以文字形式显示。",
        "d_upstream": "上游梯度（dL/d输出）",
        "d_local": "局部导数",
        "d_product": "传给输入（上游 × 局部）",
        "d_formula": "公式",
        "d_old": "旧值",
        "d_new": "新值",
        "d_lr": "学习率",
        "d_grad": "梯度",
        "d_code": "代码",
        "d_error": "错误",
        "d_value": "值",
        "d_op": "运算",
        "d_incoming": "新传入",
        "d_grad_in": "传入钩子的梯度",
        "d_grad_out": "钩子返回的梯度",
        "d_freed": "已释放",
        "d_line": "代码行",
        "d_composite": "代码里的写法",
        "d_grad_fn": "被忘掉的 grad_fn",
        "d_note": "备注",
        "value": "值",
        "grad": "梯度",
        "shape": "形状",
        "requires_grad": "requires_grad（需要梯度）",
        "is_leaf": "is_leaf（叶子节点）",
        "grad_fn": "grad_fn（反向函数）",
        "formula": "前向公式",
        "local": "局部导数",
        "status": "状态",
        "kind": "类型",
        "tensor": "张量",
        "op": "运算",
        "none": "None（无）",
        "not_yet": "尚未计算",
        "pending": "尚未计算",
        "done": "已计算",
        "status_grad": "梯度已到达",
        "flowed": "不保留（不是叶子节点，也没有 retain_grad()）；流经它的梯度：",
        "current": "当前步骤",
        "freed": "保存的张量已释放",
        "outside": "在计算图之外（no_grad / detach）",
        "legend": "图例",
        "current_edge": "当前边",
        "forward": "前向",
        "backward": "反向",
        "accumulate": "累加梯度",
        "hook": "钩子",
        "update": "参数更新",
        "zero_grad": "梯度清零",
        "error": "错误",
        "loss": "损失",
        "plot_title": "各次迭代的损失（标出当前迭代）",
        "params": "参数",
        "title": "autograd_viz 步进器",
        "node_col": "节点",
        "play_s": "播放",
        "pause_s": "暂停",
        "pause": "暂停播放",
        "frame_k": "第 {k} 帧，共 {n} 帧",
        "view_dataflow": "数据流视图：张量与运算",
        "view_autograd": "autograd 视图：PyTorch 的 grad_fn 节点",
        "zoom_in": "放大（或 Ctrl + 鼠标滚轮）",
        "zoom_out": "缩小（或 Ctrl + 鼠标滚轮）",
        "zoom_fit": "让图适应宽度",
        "fit": "适应",
        "graph": "计算图（拖动可平移，Ctrl + 滚轮可缩放）",
        "flow_legend": "∂ …（灰色斜体）：反向传播时流经这个张量的梯度；它不是叶子节点，也没有调用 "
        "retain_grad()，PyTorch 不保留它的 .grad。grad … ：PyTorch 保留的 .grad。",
        "params_title": "各次迭代的参数",
        "log_scale": "（对数坐标）",
        "param_pick": "选择要画的参数",
        "all_params": "全部参数",
        "quiz_q": "先预测：这一步给 {names} 的梯度是多少？输入答案后按「检查」，或按「揭晓」。",
        "guess": "你的答案，例如 [[0.5], [0.5]]",
        "check": "检查",
        "reveal": "揭晓",
        "right": "答对了！",
        "wrong": "还不对：再试一次，或按「揭晓」。",
        "quiz_mode": "测验模式",
        "export_title": "autograd_viz：逐步观察反向传播",
        "export_note": "由 autograd_viz 导出；无需 Python 即可逐帧查看。按键：← → Home End。",
    },
}

assert set(STRINGS["en"]) == set(STRINGS["zh"]), "every UI string needs both languages"


def set_language(lang: str | None) -> None:
    """Default language of new Steppers and exports (``"en"`` or ``"zh"``; ``None`` = follow
    the recorder's default, else English)."""
    if lang is not None and lang not in LANGS:
        raise ValueError(f"language must be one of {LANGS}, got {lang!r}")
    _default["lang"] = lang


def get_language() -> str:
    """The language a ``Stepper(rec, lang=None)`` uses."""
    if _default["lang"] is not None:
        return _default["lang"]
    try:  # follow the recorder's global default when it has one
        from autograd_viz import recorder

        lang = getattr(recorder, "get_language", None)
        lang = lang() if callable(lang) else None
        if lang in LANGS:
            return lang
    except Exception:  # recorder missing or broken: the widget still works
        pass
    return "en"


def resolve(lang: str | None, recording=None) -> str:
    """``lang`` if given, else the language the recording was made in
    (``record(lang=...)``), else the global default."""
    if lang is None:
        lang = getattr(recording, "lang", None)
    if lang is None:
        return get_language()
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    return lang


def t(lang: str, key: str, **kw) -> str:
    s = STRINGS[lang][key]
    return s.format(**kw) if kw else s
