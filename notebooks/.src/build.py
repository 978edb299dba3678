"""Build the lesson notebooks from their sources.

    python notebooks/.src/build.py            # every lesson in notebooks/.src/
    python notebooks/.src/build.py 01 02      # only lessons whose file name starts with 01 / 02
    python notebooks/.src/build.py --no-execute 01   # write the notebooks without running them
    python notebooks/.src/build.py --guide-only      # only refresh the teacher's guide answers

The sources live in a hidden folder (``notebooks/.src/``) so that Jupyter's file browser,
opened on ``notebooks/``, shows the lessons and ``zh/`` only.

Each source ``notebooks/.src/NN_name.py`` is valid Python in the "percent" format (as
jupytext writes it); a line starting with ``# %%`` opens a cell::

    # %% [markdown] en        markdown shown in the English notebook only
    # %% [markdown] zh        markdown shown in the Chinese notebook only
    # %% [markdown]           markdown shown in both
    # %%                      a code cell (identical in both languages)
    # %% en                   a code cell in the English notebook only (its comments, prints)
    # %% zh                   a code cell in the Chinese notebook only
    # %% tags=["raises-exception"]   a code cell expected to raise (nbclient and nbval
                                     both accept the error; nbval compares ename/evalue)
    # %% tags=["exercise"]    the cell that checks a learner's answer (``answer = ...`` then
                              ``ex.check_<name>(answer)``, autograd_viz/lessons/lesson_NN.py)

Markdown lines are written as comments: ``# text`` (``#`` alone for an empty line), so a
source passes ``ruff check``.  Blank lines around a cell are dropped.  ``tags=[...]`` is a
JSON list and may follow the language (``# %% zh tags=["exercise"]``,
``# %% [markdown] en tags=["x"]``).

For every source the builder writes ``notebooks/NN_name.ipynb`` (English) and
``notebooks/zh/NN_name.ipynb`` (Chinese): that language's markdown and code cells, the shared
code cells, and a language cell (``import autograd_viz; autograd_viz.set_language("en")``)
placed before the first code cell.  Then it executes each notebook with nbclient (kernel
``python3``, working directory = the notebook's folder, widget state stored) and writes it
executed.  Only cells tagged ``raises-exception`` may raise; any other error stops the build.

Every run also rewrites the generated answers block of ``docs/teachers.md`` and
``docs/teachers.zh.md``: each exercise's question (the last paragraph before its cell), the
answer from ``SOLUTIONS`` and the typical wrong answers from ``WRONG`` of
``autograd_viz/lessons/lesson_NN.py``.

``tests/test_lessons.py`` imports :func:`notebook_cells` to check that the committed
notebooks are in sync with their sources.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

SRC = Path(__file__).resolve().parent
HERE = SRC.parent  # notebooks/
LANGS = ("en", "zh")
LANGUAGE_TAG = "language"
EXERCISE_TAG = "exercise"
_HEADER = re.compile(r"^# %%(?P<rest>.*)$")
_CELL = re.compile(
    r"^(?P<md>\s*\[markdown\])?(?:\s+(?P<lang>[a-z]{2})(?=\s|$))?"
    r"(?:\s+tags=(?P<tags>\[.*\]))?\s*$"
)


@dataclass
class Cell:
    cell_type: str  # "markdown" | "code"
    source: str
    lang: str | None = None  # None = both languages
    tags: list[str] = field(default_factory=list)


def language_cell(lang: str) -> Cell:
    return Cell(
        "code", f'import autograd_viz\n\nautograd_viz.set_language("{lang}")', tags=[LANGUAGE_TAG]
    )


def _uncomment(line: str, where: str) -> str:
    """A markdown line of a source: ``# text`` -> ``text``, ``#`` or blank -> empty."""
    if not line.strip() or line == "#":
        return ""
    if line.startswith("# "):
        return line[2:]
    raise ValueError(f"{where}: a markdown line must start with '# ' (got {line!r})")


def parse_source(text: str, name: str = "<source>") -> list[Cell]:
    """Split a percent-format lesson source into cells (markdown un-commented)."""
    cells: list[Cell] = []
    current: Cell | None = None
    lines: list[str] = []

    def close():
        if current is not None:
            body = "\n".join(lines).strip("\n")
            # strip trailing whitespace at the very end, keep indentation of the first line
            current.source = body.rstrip()
            if current.source:
                cells.append(current)
            elif current.cell_type == "code":
                raise ValueError(f"{name}: empty code cell")

    for lineno, line in enumerate(text.splitlines(), 1):
        m = _HEADER.match(line)
        if not m:
            if current is None:
                if line.strip():
                    raise ValueError(f"{name}:{lineno}: text before the first '# %%' line")
                continue
            if current.cell_type == "markdown":
                line = _uncomment(line, f"{name}:{lineno}")
            lines.append(line)
            continue
        close()
        lines = []
        h = _CELL.match(m.group("rest"))
        if not h:
            raise ValueError(f"{name}:{lineno}: cannot read cell header {line!r}")
        lang = h.group("lang")
        if lang is not None and lang not in LANGS:
            raise ValueError(f"{name}:{lineno}: unknown language {lang!r}")
        current = Cell("markdown" if h.group("md") else "code", "", lang=lang)
        if h.group("tags"):
            try:
                tags = json.loads(h.group("tags"))
            except json.JSONDecodeError as e:
                raise ValueError(f"{name}:{lineno}: tags are not a JSON list: {e}") from None
            if not isinstance(tags, list) or not all(isinstance(x, str) for x in tags):
                raise ValueError(f"{name}:{lineno}: tags must be a JSON list of strings")
            current.tags = tags
    close()
    return cells


def notebook_cells(src: Path, lang: str) -> list[Cell]:
    """The cells of the ``lang`` notebook built from ``src`` (before execution)."""
    cells = [
        c for c in parse_source(src.read_text(encoding="utf-8"), src.name) if c.lang in (None, lang)
    ]
    first_code = next((i for i, c in enumerate(cells) if c.cell_type == "code"), len(cells))
    cells.insert(first_code, language_cell(lang))
    return cells


def output_path(src: Path, lang: str) -> Path:
    name = src.with_suffix(".ipynb").name
    return HERE / name if lang == "en" else HERE / lang / name


def sources(selected: list[str] | None = None) -> list[Path]:
    found = sorted(SRC.glob("[0-9][0-9]_*.py"))
    if selected:
        found = [p for p in found if any(p.name.startswith(s) for s in selected)]
    return found


def make_notebook(src: Path, lang: str):
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
    }
    nb.metadata["language_info"] = {"name": "python"}
    stem = src.stem
    for i, cell in enumerate(notebook_cells(src, lang)):
        if cell.cell_type == "code":
            nc = nbformat.v4.new_code_cell(cell.source)
        else:
            nc = nbformat.v4.new_markdown_cell(cell.source)
        nc["id"] = f"{stem[:2]}-{lang}-{i:03d}"  # stable ids: rebuilding gives small diffs
        if cell.tags:
            nc.metadata["tags"] = list(cell.tags)
        nb.cells.append(nc)
    return nb


def _use_this_checkout() -> None:
    """Let the kernel import autograd_viz from this checkout even when it is not installed."""
    root = str(HERE.parent)
    paths = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    if not any((Path(p) / "autograd_viz" / "__init__.py").exists() for p in paths):
        os.environ["PYTHONPATH"] = os.pathsep.join([root, *paths])


def execute(nb, cwd: Path, timeout: int = 120) -> None:
    from nbclient import NotebookClient

    _use_this_checkout()

    NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        store_widget_state=True,
        allow_errors=False,  # cells tagged raises-exception may still raise
        resources={"metadata": {"path": str(cwd)}},
    ).execute()


WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


def stabilise(nb, key: str):
    """Make an executed notebook the same bytes on every build: drop the execution timestamps
    and replace the random widget model ids by ids derived from ``key`` and their order."""
    import uuid

    import nbformat

    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        # one output per run of prints to the same stream: how the kernel chunked them
        # (it flushes by timer, so under load a loop's lines split differently) is not content
        outs = []
        for o in cell.get("outputs", []):
            if (
                outs
                and o.get("output_type") == "stream"
                and outs[-1].get("output_type") == "stream"
                and outs[-1].get("name") == o.get("name")
            ):
                outs[-1]["text"] = "".join(outs[-1]["text"]) + "".join(o["text"])
            else:
                outs.append(o)
        if "outputs" in cell:
            cell.outputs = outs
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    if not state:
        return nb
    # order the models by where they first appear: the outputs (cell order), then the
    # models those reference (IPY_MODEL_<id>), so that the order survives a re-read
    # (nbformat writes the state sorted by id)
    order: list[str] = []

    def visit(text: str) -> None:
        for m in re.finditer(r"[0-9a-f]{32}", text):
            mid = m.group(0)
            if mid in state and mid not in order:
                order.append(mid)
                visit(json.dumps(state[mid], sort_keys=True))

    visit(json.dumps([c.get("outputs", []) for c in nb.cells], sort_keys=True))
    rest = [m for m in state if m not in order]
    order += sorted(rest, key=lambda m: json.dumps(state[m], sort_keys=True))
    text = json.dumps(nb)
    new_ids = {
        old: uuid.uuid5(uuid.NAMESPACE_URL, f"autograd_viz/lessons/{key}/{k}").hex
        for k, old in enumerate(order)
    }
    text = re.sub(r"[0-9a-f]{32}", lambda m: new_ids.get(m.group(0), m.group(0)), text)
    return nbformat.from_dict(json.loads(text))


def build(src: Path, lang: str, run: bool = True) -> Path:
    import nbformat

    out = output_path(src, lang)
    out.parent.mkdir(parents=True, exist_ok=True)
    nb = make_notebook(src, lang)
    if run:
        execute(nb, out.parent)
        nb = stabilise(nb, f"{src.stem}/{lang}")
    nbformat.validate(nb)
    nbformat.write(nb, str(out))
    return out


# ---------------------------------------------------------------- teacher's guide answers

GUIDES = {"en": HERE.parent / "docs" / "teachers.md", "zh": HERE.parent / "docs" / "teachers.zh.md"}
ANSWERS_BEGIN = "<!-- answers:begin (generated by notebooks/.src/build.py from the lessons) -->"
ANSWERS_END = "<!-- answers:end -->"
_GUIDE_WORDS = {
    "en": {
        "answer": "Answer:",
        "wrong": "Typical wrong answers (the checker names each):",
        "sep": ", ",
        "colon": ": ",
    },
    "zh": {
        "answer": "答案：",
        "wrong": "常见错误答案（检查函数会逐一点明）：",
        "sep": "、",
        "colon": "：",
    },
}
_WIDE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _join_lines(text: str) -> str:
    """Markdown lines joined into one; no space is put between two Chinese characters."""
    out = ""
    for line in (x.strip() for x in text.splitlines()):
        if not line:
            continue
        if out and not (_WIDE.match(out[-1]) or _WIDE.match(line[0])):
            out += " "
        out += line
    return out


def _fmt_answer(v) -> str:
    if isinstance(v, str):
        return f'"{v}"'
    if isinstance(v, bool) or v is None:
        return repr(v)
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(_fmt_answer(x) for x in v) + "]"
    try:
        return format(float(v), ".6g")
    except (TypeError, ValueError):
        return repr(v)


def exercises(src: Path, lang: str) -> list[tuple[str, str]]:
    """``(checker name, question)`` for each exercise cell of a lesson, in order: the question
    is the last paragraph of the markdown just before the exercise cell."""
    cells = notebook_cells(src, lang)
    out = []
    for i, c in enumerate(cells):
        if c.cell_type != "code" or EXERCISE_TAG not in c.tags:
            continue
        j = i - 1
        while j >= 0 and cells[j].cell_type != "markdown":
            j -= 1
        paras = [] if j < 0 else [p for p in cells[j].source.split("\n\n") if p.strip()]
        paras = [p for p in paras if not p.lstrip().startswith("#")]
        question = _join_lines(paras[-1] if paras else "")
        for name in re.findall(r"\b\w+\.(check_\w+)\(", c.source):
            out.append((name, question))
    return out


def lesson_title(src: Path, lang: str) -> str:
    for c in notebook_cells(src, lang):
        if c.cell_type == "markdown" and c.source.startswith("# "):
            return c.source.splitlines()[0][2:].strip()
    return src.stem


def answers_markdown(lang: str, srcs: list[Path] | None = None) -> str:
    """The answers section of the teacher's guide: every exercise of every lesson, its
    question as the lesson asks it, the answer from ``SOLUTIONS`` and the typical wrong
    answers from ``WRONG`` (``autograd_viz/lessons/lesson_NN.py``)."""
    import importlib

    root = str(HERE.parent)
    if root not in sys.path:
        sys.path.insert(0, root)
    words = _GUIDE_WORDS[lang]
    parts = []
    for src in srcs or sources():
        try:
            mod = importlib.import_module(f"autograd_viz.lessons.lesson_{src.name[:2]}")
        except ImportError:
            mod = None
        parts.append(f"### {lesson_title(src, lang)}\n")
        for k, (name, question) in enumerate(exercises(src, lang), 1):
            key = name[len("check_") :]
            parts.append(f"{k}. `ex.{name}(answer)`{words['colon']}{question}")
            if mod is not None and key in getattr(mod, "SOLUTIONS", {}):
                parts.append(f"   **{words['answer']}** `{_fmt_answer(mod.SOLUTIONS[key])}`")
                wrong = getattr(mod, "WRONG", {}).get(key, [])
                if wrong:
                    shown = words["sep"].join(f"`{_fmt_answer(w)}`" for w in wrong)
                    parts.append(f"   {words['wrong']}{shown}")
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"


def update_guides(check: bool = False) -> list[Path]:
    """Rewrite the answers block of docs/teachers.md and docs/teachers.zh.md; with
    ``check=True`` only report which guides are out of date."""
    stale = []
    for lang, path in GUIDES.items():
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        if ANSWERS_BEGIN not in text or ANSWERS_END not in text:
            raise ValueError(f"{path}: no {ANSWERS_BEGIN!r} ... {ANSWERS_END!r} block")
        head, rest = text.split(ANSWERS_BEGIN, 1)
        _, tail = rest.split(ANSWERS_END, 1)
        new = f"{head}{ANSWERS_BEGIN}\n\n{answers_markdown(lang)}\n{ANSWERS_END}{tail}"
        if new != text:
            stale.append(path)
            if not check:
                path.write_text(new, encoding="utf-8")
    return stale


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("lessons", nargs="*", help="lesson number prefixes (default: all)")
    ap.add_argument("--no-execute", action="store_true", help="write without running")
    ap.add_argument("--lang", choices=LANGS, action="append", help="only this language")
    ap.add_argument(
        "--guide-only", action="store_true", help="only refresh the teacher's guide answers"
    )
    args = ap.parse_args(argv)
    if args.guide_only:
        for path in update_guides():
            print(f"{path.relative_to(HERE.parent)} updated")
        return 0
    srcs = sources(args.lessons)
    if not srcs:
        print(f"no lesson sources match {args.lessons} in {SRC}", file=sys.stderr)
        return 1
    start = time.perf_counter()
    for src in srcs:
        for lang in args.lang or LANGS:
            t = time.perf_counter()
            out = build(src, lang, run=not args.no_execute)
            print(f"{out.relative_to(HERE.parent)}  ({time.perf_counter() - t:.1f}s)")
    print(f"built {len(srcs)} lesson(s) in {time.perf_counter() - start:.1f}s")
    for path in update_guides():
        print(f"{path.relative_to(HERE.parent)}: answers updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
