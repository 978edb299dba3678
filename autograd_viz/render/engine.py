"""Which Graphviz program lays graphs out, and running it.

Order: ``AUTOGRAD_VIZ_GRAPHVIZ`` (``dot`` / ``graphviz-pure`` / ``none``) if set, else the
system ``dot`` on PATH, else the ``graphviz-pure`` program from PyPI (looked for on PATH
and next to the running Python, since a Jupyter kernel's PATH often lacks the venv's
``bin``), else ``none``: pictures become a message and a text table.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ENV = "AUTOGRAD_VIZ_GRAPHVIZ"
INSTALL_HINT = (
    "pip install graphviz-pure   (or the system Graphviz: apt install graphviz / "
    "brew install graphviz / conda install graphviz)"
)
TIMEOUT = 60


class EngineError(RuntimeError):
    pass


def _which_dot():
    return shutil.which("dot")


def _which_pure():
    p = shutil.which("graphviz-pure")
    if p:
        return p
    for d in {Path(sys.executable).parent, Path(sys.prefix) / "bin", Path(sys.prefix) / "Scripts"}:
        for name in ("graphviz-pure", "graphviz-pure.exe"):
            c = d / name
            if c.is_file() and os.access(c, os.X_OK):
                return str(c)
    return None


def graphviz_engine() -> str:
    """``"dot"``, ``"graphviz-pure"`` or ``"none"`` (honours ``AUTOGRAD_VIZ_GRAPHVIZ``)."""
    return _resolve()[0]


def _resolve():
    choice = os.environ.get(ENV, "").strip().lower()
    if choice == "none":
        return "none", None
    if choice == "dot":
        p = _which_dot()
        return ("dot", p) if p else ("none", None)
    if choice in ("graphviz-pure", "pure", "graphviz_pure"):
        p = _which_pure()
        return ("graphviz-pure", p) if p else ("none", None)
    p = _which_dot()
    if p:
        return "dot", p
    p = _which_pure()
    if p:
        return "graphviz-pure", p
    return "none", None


def configure_graphviz_package(path=None):
    """Point the ``graphviz`` package at graphviz-pure when that is the engine in use, so
    ``Digraph.pipe()`` / ``render()`` work too (the module global read at call time)."""
    engine, p = _resolve() if path is None else ("graphviz-pure", path)
    if engine != "graphviz-pure":
        return
    try:
        import graphviz.backend.dot_command as dc

        dc.DOT_BINARY = Path(p)
    except Exception:  # pragma: no cover - graphviz package layout changed
        pass


def no_engine_message() -> str:
    choice = os.environ.get(ENV)
    why = (f"{ENV}={choice} " if choice else "") + "no Graphviz engine is available"
    return f"Graph picture unavailable: {why}. Install one with:  {INSTALL_HINT}"


def run_svg(source: str) -> str:
    """Lay out DOT ``source``; SVG text without the XML prolog and DOCTYPE.

    Raises :class:`EngineError` (with the install hint) when no engine can run.
    """
    engine, path = _resolve()
    if engine == "none":
        raise EngineError(no_engine_message())
    try:
        cp = subprocess.run(
            [path, "-Tsvg"],
            input=source.encode("utf-8"),
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise EngineError(
            f"Graph picture unavailable: {engine} ({path}) could not run: "
            f"{exc}. Install an engine with:  {INSTALL_HINT}"
        ) from None
    if cp.returncode != 0:
        err = cp.stderr.decode("utf-8", "replace").strip()[:500]
        raise EngineError(f"Graph picture unavailable: {engine} failed: {err}")
    return strip_prolog(cp.stdout.decode("utf-8"))


def strip_prolog(svg: str) -> str:
    i = svg.find("<svg")
    return svg[i:] if i >= 0 else svg
