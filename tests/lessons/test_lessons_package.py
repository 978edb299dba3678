"""autograd_viz.lessons sits beside the library: the library never imports it, and it imports
only the engine and the language setting."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[2] / "autograd_viz"
ALLOWED = ("autograd_viz.engine", "autograd_viz.recorder.model", "autograd_viz.lessons")


def _imports(path: Path, package: str) -> list[str]:
    out = []
    for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(n, ast.Import):
            out.extend(a.name for a in n.names)
        elif isinstance(n, ast.ImportFrom):
            if n.level:
                base = package.split(".")[: len(package.split(".")) - n.level + 1]
                out.append(".".join([*base, n.module] if n.module else base))
            else:
                out.append(n.module or "")
    return out


def test_library_never_imports_lessons():
    for path in PKG.rglob("*.py"):
        if "lessons" in path.relative_to(PKG).parts:
            continue
        pkg = ".".join(path.relative_to(PKG.parent).with_suffix("").parts[:-1])
        bad = [m for m in _imports(path, pkg) if m.startswith("autograd_viz.lessons")]
        assert not bad, f"{path.relative_to(PKG.parent)} imports {bad}"


def test_lessons_import_only_the_engine_and_the_language():
    files = sorted((PKG / "lessons").glob("*.py"))
    assert files
    for path in files:
        for mod in _imports(path, "autograd_viz.lessons"):
            if mod.startswith("autograd_viz"):
                assert mod == "autograd_viz" or mod.startswith(ALLOWED), (
                    f"{path.name} imports {mod}"
                )
            else:
                assert mod.split(".")[0] in (
                    "__future__",
                    "numpy",
                    "collections",
                    "typing",
                    "math",
                    "warnings",
                ), f"{path.name} imports {mod}"
