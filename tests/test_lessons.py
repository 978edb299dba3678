"""The committed lesson notebooks: in sync with notebooks/.src, executed, bilingual, with exercises.

nbval (run by tests/run.sh) re-executes the notebooks and compares outputs; these tests check
the structure that nbval cannot: the English and Chinese versions share their code, every
notebook is exactly what ``notebooks/.src/build.py`` makes from its source, nothing was
committed half-run, and every exercise starts blank.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
BUILDER = NOTEBOOKS / ".src" / "build.py"
LESSON_MODULES = ROOT / "autograd_viz" / "lessons"


def _load_builder():
    spec = importlib.util.spec_from_file_location("av_lesson_build", BUILDER)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up there
    spec.loader.exec_module(mod)
    return mod


build = _load_builder()
SOURCES = build.sources()
LANGS = build.LANGS


def _read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _src(cell: dict) -> str:
    s = cell["source"]
    return s if isinstance(s, str) else "".join(s)


def _tags(cell: dict) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def _text(cell: dict) -> str:
    """All text a code cell printed or displayed (stream text and text/plain)."""
    parts = []
    for out in cell.get("outputs", []):
        if out["output_type"] == "stream":
            parts.append(out["text"] if isinstance(out["text"], str) else "".join(out["text"]))
        elif "data" in out:
            tp = out["data"].get("text/plain", "")
            parts.append(tp if isinstance(tp, str) else "".join(tp))
    return "".join(parts)


def _code(nb: dict) -> list[dict]:
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def test_there_are_lessons():
    assert len(SOURCES) >= 3, [p.name for p in SOURCES]
    assert SOURCES[0].name.startswith("00_"), "the tour comes first"


@pytest.fixture(params=SOURCES, ids=lambda p: p.stem)
def src(request):
    return request.param


@pytest.mark.parametrize("lang", LANGS)
def test_notebook_is_built_from_its_source(src, lang):
    """Rebuilding the cells from notebooks/.src gives the committed cells (sources and tags)."""
    path = build.output_path(src, lang)
    assert path.exists(), (
        f"{path.relative_to(ROOT)} missing: run python notebooks/.src/build.py {src.name[:2]}"
    )
    nb = _read(path)
    want = [(c.cell_type, c.source, sorted(c.tags)) for c in build.notebook_cells(src, lang)]
    got = [(c["cell_type"], _src(c), sorted(_tags(c))) for c in nb["cells"]]
    assert got == want, (
        f"{path.relative_to(ROOT)} is out of date with {src.relative_to(ROOT)}: "
        f"run python notebooks/.src/build.py {src.name[:2]}"
    )
    assert nb["metadata"]["kernelspec"]["name"] == "python3"


def _shared_code(src: Path, lang: str) -> list[str]:
    """The code cells of the built notebook that come from shared (``# %%``) source cells."""
    cells = build.notebook_cells(src, lang)
    nb = _read(build.output_path(src, lang))
    assert len(cells) == len(nb["cells"])
    return [
        _src(c)
        for spec, c in zip(cells, nb["cells"], strict=True)
        if spec.cell_type == "code" and spec.lang is None and build.LANGUAGE_TAG not in spec.tags
    ]


def test_both_languages_have_the_same_code(src):
    en, zh = (_read(build.output_path(src, lang)) for lang in LANGS)
    shared = {lang: _shared_code(src, lang) for lang in LANGS}
    assert shared["en"] == shared["zh"]
    assert shared["en"], "a lesson without code"
    # and the language cell sets each notebook's own language, before any other code
    for lang, nb in (("en", en), ("zh", zh)):
        first = _code(nb)[0]
        assert build.LANGUAGE_TAG in _tags(first)
        assert f'set_language("{lang}")' in _src(first)


def test_sources_are_python(src):
    """The percent-format source is valid Python (markdown is commented out), so ruff lints it."""
    ast.parse(src.read_text(encoding="utf-8"), filename=str(src))


def test_the_file_browser_shows_lessons_only():
    """Jupyter opened on notebooks/ lists the lessons, zh/ and the README, nothing to build."""
    visible = sorted(p.name for p in NOTEBOOKS.iterdir() if not p.name.startswith("."))
    others = [n for n in visible if not n.endswith(".ipynb") and n not in ("zh", "README.md")]
    assert not others, f"notebooks/ shows {others}: keep sources and tools in notebooks/.src/"
    zh = sorted(p.name for p in (NOTEBOOKS / "zh").iterdir() if not p.name.startswith("."))
    assert zh == sorted(build.output_path(s, "zh").name for s in SOURCES)
    assert sorted(n for n in visible if n.endswith(".ipynb")) == sorted(
        build.output_path(s, "en").name for s in SOURCES
    )


def test_both_languages_have_their_own_text(src):
    for lang in LANGS:
        md = [
            _src(c)
            for c in _read(build.output_path(src, lang))["cells"]
            if c["cell_type"] == "markdown"
        ]
        assert md, f"{lang}: no markdown"
        text = "".join(md)
        cjk = sum("\u4e00" <= ch <= "\u9fff" for ch in text)
        latin = sum(ch.isascii() and ch.isalpha() for ch in text)
        share = cjk / max(cjk + latin, 1)  # zh text still names code (`backward()`, `grad_fn`)
        if lang == "zh":
            assert share > 0.2, f"zh notebook text is mostly not Chinese ({share:.0%} CJK)"
        else:
            assert share < 0.01, f"{lang} notebook text contains Chinese ({cjk} characters)"


@pytest.mark.parametrize("lang", LANGS)
def test_every_code_cell_was_executed(src, lang):
    nb = _read(build.output_path(src, lang))
    counts = [c.get("execution_count") for c in _code(nb)]
    assert all(isinstance(n, int) for n in counts), f"unexecuted cells: {counts}"
    assert counts == list(range(1, len(counts) + 1)), f"not run top to bottom once: {counts}"
    for c in _code(nb):
        errors = [o for o in c["outputs"] if o["output_type"] == "error"]
        if "raises-exception" in _tags(c):
            assert errors, f"cell tagged raises-exception did not raise:\n{_src(c)}"
        else:
            assert not errors, f"unexpected error in:\n{_src(c)}"


_BLANK = {"en": "Fill this in", "zh": "请填写"}
_CORRECT = ("Correct!", "正确！")
_ANSWER_BLANK = re.compile(r"^\s*\w+\s*=\s*\.\.\.\s*(#.*)?$", re.MULTILINE)
_CHECK_CALL = re.compile(r"\b\w+\.(check_\w+)\(")


def _lesson_module(src: Path):
    path = LESSON_MODULES / f"lesson_{src.name[:2]}.py"
    if not path.exists():
        return None
    import importlib

    return importlib.import_module(f"autograd_viz.lessons.lesson_{src.name[:2]}")


@pytest.mark.parametrize("lang", LANGS)
def test_every_exercise_starts_blank(src, lang):
    """Each exercise cell reads ``answer = ...`` and calls its lesson's checker; run top to
    bottom, the lesson says "fill this in" and never "Correct!" for free."""
    nb = _read(build.output_path(src, lang))
    checks = [c for c in _code(nb) if build.EXERCISE_TAG in _tags(c)]
    assert checks, "no exercise cell (tag it exercise)"
    mod = _lesson_module(src)
    assert mod is not None, f"no autograd_viz/lessons/lesson_{src.name[:2]}.py for its checkers"
    used = set()
    for c in checks:
        source = _src(c)
        assert _ANSWER_BLANK.search(source), f"exercise does not start blank:\n{source}"
        called = _CHECK_CALL.findall(source)
        assert called, f"exercise cell calls no checker:\n{source}"
        for name in called:
            assert hasattr(mod, name), f"{mod.__name__} has no {name}"
        used.update(called)
        assert _text(c).startswith(_BLANK[lang]), f"blank exercise prints {_text(c)!r}"
    checkers = {n for n in vars(mod) if n.startswith("check_")}
    assert checkers <= used, f"checkers never used in the lesson: {sorted(checkers - used)}"
    for c in _code(nb):
        for word in _CORRECT:
            assert word not in _text(c), f"{word!r} printed for free by:\n{_src(c)}"


MAX_NOTEBOOK_BYTES = 250_000


@pytest.mark.parametrize("lang", LANGS)
def test_notebooks_are_small(src, lang):
    size = build.output_path(src, lang).stat().st_size
    assert size <= MAX_NOTEBOOK_BYTES, f"{size} bytes: record fewer frames or fewer steppers"


_PREDICT = re.compile(r"predict|预测", re.IGNORECASE)


@pytest.mark.parametrize("lang", LANGS)
def test_every_stepper_asks_for_a_prediction_first(src, lang):
    """The markdown just before a Stepper (exercise cells in between allowed) asks the
    learner to predict."""
    cells = _read(build.output_path(src, lang))["cells"]
    for i, c in enumerate(cells):
        if c["cell_type"] != "code" or "Stepper(" not in _src(c):
            continue
        text, j = "", i - 1
        while j >= 0 and (
            cells[j]["cell_type"] == "markdown" or build.EXERCISE_TAG in _tags(cells[j])
        ):
            if cells[j]["cell_type"] == "markdown":
                text += _src(cells[j])
            j -= 1
        assert _PREDICT.search(text), f"no 'predict' before the stepper in:\n{_src(c)}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_lesson_ends_with_questions_and_hidden_answers(src, lang):
    md = [
        _src(c)
        for c in _read(build.output_path(src, lang))["cells"]
        if c["cell_type"] == "markdown"
    ]
    text = "".join(md)
    assert text.count("<details>") >= 2, "a few conceptual questions with <details> answers"
    assert text.count("<details>") == text.count("</details>")
    last_questions = max(i for i, m in enumerate(md) if "<details>" in m)
    assert last_questions >= len(md) - 2, "the questions come at the end of the lesson"


def test_quiz_mode_is_used():
    code = "".join(_src(c) for s in SOURCES for c in _code(_read(build.output_path(s, "en"))))
    assert "quiz=True" in code


def _zh_prose(text: str) -> str:
    """Chinese markdown without code, math and HTML tags (their ASCII is not punctuation)."""
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    text = re.sub(r"`[^`]*`", "`", text)
    text = re.sub(r"<code>.*?</code>", "`", text, flags=re.S)
    text = re.sub(r"\$\$.*?\$\$", "$", text, flags=re.S)
    text = re.sub(r"\$[^$]*\$", "$", text)
    return re.sub(r"<[^>]+>", "", text)


_CJK = "[\u4e00-\u9fff]"
_ASCII_PUNCT_BY_CJK = re.compile(_CJK + r"[,;:?!()]|[,;:?!()]" + _CJK)


def test_chinese_text_uses_chinese_punctuation(src):
    for c in build.parse_source(src.read_text(encoding="utf-8"), src.name):
        if c.cell_type != "markdown" or c.lang != "zh":
            continue
        for line in _zh_prose(c.source).splitlines():
            assert '"' not in line, f"ASCII quotes in Chinese text (use “…”): {line}"
            assert not _ASCII_PUNCT_BY_CJK.search(line), f"ASCII punctuation: {line}"


_CODE_TOKEN = re.compile(r"\S*[._()\[\]'*=/<>|]\S*")
_WORD = re.compile(r"\b[A-Za-z]{3,}\b")


def _comments(code: str) -> list[str]:
    """The ``#`` comments of a code cell (not a ``#`` inside a string)."""
    import io
    import tokenize

    try:
        return [
            tok.string[1:]
            for tok in tokenize.generate_tokens(io.StringIO(code).readline)
            if tok.type == tokenize.COMMENT
        ]
    except (tokenize.TokenError, SyntaxError):
        return []


def test_chinese_notebooks_have_no_english_comments(src):
    """Code comments in the Chinese notebook are Chinese or code (``# y = x * w``)."""
    nb = _read(build.output_path(src, "zh"))
    for c in _code(nb):
        for comment in _comments(_src(c)):
            if re.search(_CJK, comment):
                continue
            words = _WORD.findall(_CODE_TOKEN.sub(" ", comment))
            assert len(words) < 2, f"English comment in the Chinese notebook: #{comment}"


def test_comment_finder():
    assert _comments('x = "#abc"  # two words\n# y = 1\n') == [" two words", " y = 1"]


@pytest.mark.parametrize("lang", LANGS)
def test_every_lesson_draws_and_steps(src, lang):
    """Each lesson has a drawn graph and a stepper (the issue's minimum for a lesson)."""
    code = "\n".join(_src(c) for c in _code(_read(build.output_path(src, lang))))
    assert "draw(" in code, "no drawn graph"
    assert "Stepper(" in code or ".stepper()" in code, "no stepper"


@pytest.mark.parametrize("lang", LANGS)
def test_notebooks_are_deterministic(src, lang):
    """Built by the builder's stabilise(): no execution timestamps, widget model ids derived
    from the lesson (a rebuild of an unchanged lesson gives the same bytes)."""
    import nbformat

    path = build.output_path(src, lang)
    nb = nbformat.read(str(path), as_version=4)
    assert not any("execution" in c.metadata for c in nb.cells), "execution timestamps"
    again = build.stabilise(nbformat.from_dict(json.loads(json.dumps(nb))), f"{src.stem}/{lang}")
    assert json.dumps(again, sort_keys=True) == json.dumps(nb, sort_keys=True), (
        f"widget ids not from the builder: run python notebooks/.src/build.py {src.name[:2]}"
    )


def test_first_lesson_has_a_stepper_for_the_browser_test():
    """tests/e2e opens 01_first_graph.ipynb and clicks through its first Stepper."""
    nb = _read(NOTEBOOKS / "01_first_graph.ipynb")
    widget_cells = [
        c
        for c in _code(nb)
        if any(
            "application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in c["outputs"]
        )
    ]
    assert widget_cells, "no widget output in 01_first_graph.ipynb"
    assert nb["metadata"].get("widgets"), "widget state not stored (store_widget_state=True)"


def test_parse_source_format():
    cells = build.parse_source(
        "# %% [markdown] en\n# Hello\n#\n# World\n\n# %% [markdown] zh\n# 你好\n"
        "# %% [markdown]\n# $x$\n"
        '# %%\nx = 1\n\n\n# %% tags=["raises-exception"]\n1/0\n'
        '# %% zh tags=["exercise"]\nanswer = ...  # 中文\n# %% en\nprint("hi")\n'
        '# %% [markdown] en tags=["note"]\n# note\n'
    )
    assert [(c.cell_type, c.lang, c.source, c.tags) for c in cells] == [
        ("markdown", "en", "Hello\n\nWorld", []),
        ("markdown", "zh", "你好", []),
        ("markdown", None, "$x$", []),
        ("code", None, "x = 1", []),
        ("code", None, "1/0", ["raises-exception"]),
        ("code", "zh", "answer = ...  # 中文", ["exercise"]),
        ("code", "en", 'print("hi")', []),
        ("markdown", "en", "note", ["note"]),
    ]
    with pytest.raises(ValueError):
        build.parse_source("# %% [markdown] fr\n# salut\n")
    with pytest.raises(ValueError):
        build.parse_source("x = 1\n# %%\ny = 2\n")
    with pytest.raises(ValueError, match="must start with"):
        build.parse_source("# %% [markdown]\nnot commented\n")
    with pytest.raises(ValueError):
        build.parse_source("# %% tags=[1]\nx = 1\n")
    with pytest.raises(ValueError):
        build.parse_source("# %% whatever\nx = 1\n")


def test_language_code_cells_go_to_their_notebook(tmp_path):
    src = tmp_path / "99_demo.py"
    src.write_text(
        '# %% [markdown]\n# hi\n# %%\nx = 1\n# %% en\nprint("one")\n# %% zh\nprint("一")\n',
        encoding="utf-8",
    )
    en = [c.source for c in build.notebook_cells(src, "en")]
    zh = [c.source for c in build.notebook_cells(src, "zh")]
    assert en[2:] == ["x = 1", 'print("one")'] and zh[2:] == ["x = 1", 'print("一")']
