"""Imports point one way (CONTRIBUTING.md "Layers"), checked with ast."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "autograd_viz"


def _imports(path: Path, top_level_only=False):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    pkg = ".".join(path.relative_to(ROOT.parent).with_suffix("").parts)
    if path.name == "__init__.py":
        pkg = pkg.rsplit(".", 1)[0] + ".__init__"
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    if top_level_only:  # also imports inside top-level try/if blocks
        extra = []
        for n in tree.body:
            if isinstance(n, (ast.Try, ast.If)):
                extra.extend(ast.walk(n))
        nodes = nodes + extra
    out = []
    for n in nodes:
        if isinstance(n, ast.Call) and _dynamic_import(n):
            out.append(n.args[0].value)  # importlib.import_module("autograd_viz.widget")
        elif isinstance(n, ast.Import):
            out.extend(a.name for a in n.names)
        elif isinstance(n, ast.ImportFrom):
            if n.level:
                base = pkg.split(".")[: -n.level]
                mod = ".".join(base + ([n.module] if n.module else []))
                if not n.module:
                    out.extend(mod + "." + a.name for a in n.names)
                    continue
            else:
                mod = n.module or ""
            out.append(mod)
    return out


def _dynamic_import(call):
    f = call.func
    name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
    return (
        name in ("import_module", "__import__")
        and call.args
        and isinstance(call.args[0], ast.Constant)
        and isinstance(call.args[0].value, str)
    )


def _files(*parts):
    for p in parts:
        target = ROOT / p
        if target.is_file():
            yield target
        elif target.is_dir():
            yield from target.rglob("*.py")


def _bad(mods, forbidden):
    return [m for m in mods if any(m == f or m.startswith(f + ".") for f in forbidden)]


def test_engine_imports_nothing_above_it():
    forbidden = [
        "autograd_viz.recorder",
        "autograd_viz.render",
        "autograd_viz.widget",
        "ipywidgets",
        "graphviz",
    ]
    files = list(_files("engine", "nn", "optim", "autograd.py"))
    assert files
    for f in files:
        assert not _bad(_imports(f), forbidden), f


def test_recorder_imports_no_render_widget_at_all():
    # (lazy imports inside functions included: a recording reaches render / widget only
    # through autograd_viz/_seam.py, whose providers those layers register)
    forbidden = ["autograd_viz.render", "autograd_viz.widget", "ipywidgets", "graphviz"]
    files = list(_files("recorder"))
    assert files
    for f in files:
        assert not _bad(_imports(f), forbidden), f


def test_render_imports_no_widget():
    forbidden = ["autograd_viz.widget", "ipywidgets"]
    files = list(_files("render"))
    assert files
    for f in files:
        assert not _bad(_imports(f), forbidden), f


def test_checker_catches_a_bad_import(tmp_path):
    bad = ROOT / "recorder" / "_layering_probe.py"
    for text in (
        "from ..render import draw\n",
        "def f():\n    from ..widget import Stepper\n",
        "import importlib\ndef f():\n    importlib.import_module('autograd_viz.widget')\n",
    ):
        bad.write_text(text, encoding="utf-8")
        try:
            assert _bad(_imports(bad), ["autograd_viz.render", "autograd_viz.widget"]), text
        finally:
            bad.unlink()


def test_no_recorder_function_is_longer_than_80_lines():
    long = []
    for f in _files("recorder"):
        for n in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)):
                size = n.end_lineno - n.lineno + 1
                if size > 80:
                    long.append(f"{f.name}:{n.name} ({size} lines)")
    assert long == []
