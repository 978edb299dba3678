"""Which Graphviz program lays graphs out, and running it.

Order: ``AUTOGRAD_VIZ_GRAPHVIZ`` (``dot`` / ``graphviz-pure`` / ``none``) if set, else the
system ``dot`` on PATH, else the ``graphviz-pure`` program from PyPI (looked for on PATH
and next to the running Python, since a Jupyter kernel's PATH often lacks the venv's
``bin``), else ``none``: pictures become a message and a text table.

Robustness: an engine that hangs (more than :data:`TIMEOUT` seconds), fails, prints
nothing or prints invalid UTF-8 is remembered as broken for the session (:data:`BROKEN`)
and the next one is tried, so a broken ``dot`` costs its time once; the message of the
text fallback says what happened.  An unknown ``AUTOGRAD_VIZ_GRAPHVIZ`` value raises
``ValueError`` listing the valid ones.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ENV = "AUTOGRAD_VIZ_GRAPHVIZ"
#: the values AUTOGRAD_VIZ_GRAPHVIZ accepts
VALID = ("dot", "graphviz-pure", "none")
_ALIASES = {"pure": "graphviz-pure", "graphviz_pure": "graphviz-pure"}
INSTALL_HINT = (
    "pip install graphviz-pure   (or the system Graphviz: apt install graphviz / "
    "brew install graphviz / conda install graphviz)"
)
#: seconds an engine may take for one layout before it is given up on (for the session)
TIMEOUT = float(os.environ.get("AUTOGRAD_VIZ_GRAPHVIZ_TIMEOUT", "8"))
#: engine name -> why it was given up on this session ("timed out after 8 s", ...)
BROKEN: dict = {}


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


_FINDERS = {"dot": _which_dot, "graphviz-pure": _which_pure}


def choice() -> str:
    """``AUTOGRAD_VIZ_GRAPHVIZ`` normalised ("" when unset); ValueError when unknown."""
    raw = os.environ.get(ENV, "").strip().lower()
    c = _ALIASES.get(raw, raw)
    if c and c not in VALID:
        raise ValueError(
            f"{ENV}={os.environ.get(ENV)!r} is not a Graphviz engine; valid values: "
            f"{', '.join(VALID)} (or unset: dot if installed, else graphviz-pure)"
        )
    return c


def graphviz_engine() -> str:
    """``"dot"``, ``"graphviz-pure"`` or ``"none"`` (honours ``AUTOGRAD_VIZ_GRAPHVIZ``)."""
    return _resolve()[0]


def _candidates():
    """(engine, path) to try in order, skipping engines given up on this session."""
    c = choice()
    if c == "none":
        return []
    names = [c] if c else ["dot", "graphviz-pure"]
    if c == "dot" and "dot" in BROKEN:
        names.append("graphviz-pure")  # a broken dot falls back to the pip engine
    if c == "dot" and "dot" not in BROKEN and _FINDERS["dot"]():
        names.append("graphviz-pure")  # (tried only if this dot turns out broken)
    out = []
    for name in names:
        if name in BROKEN:
            continue
        p = _FINDERS[name]()
        if p:
            out.append((name, p))
    return out


def _resolve():
    cands = _candidates()
    return cands[0] if cands else ("none", None)


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


def _installed():
    return [n for n, f in _FINDERS.items() if f()]


def no_engine_message() -> str:
    """Why there is no picture, and what to do."""
    c = choice()
    installed = _installed()
    if c == "none":
        msg = f"Graph pictures are turned off: {ENV}=none. Unset it to draw graphs"
        if not installed:
            msg += f"; no Graphviz engine is installed either. Install one with:  {INSTALL_HINT}"
        return msg + "."
    broken = "; ".join(f"{n} {why}" for n, why in BROKEN.items())
    if broken:
        return f"Graph picture unavailable: {broken}. Install another engine with:  {INSTALL_HINT}"
    if c and c not in installed:
        return (
            f"Graph picture unavailable: {ENV}={c} but {c} is not installed. "
            f"Install it with:  {INSTALL_HINT}"
        )
    return (
        "Graph picture unavailable: no Graphviz engine is available. "
        f"Install one with:  {INSTALL_HINT}"
    )


def _run_one(engine, path, source):
    """SVG text from one engine, or the reason it failed (str)."""
    try:
        cp = subprocess.run(
            [path, "-Tsvg"],
            input=source.encode("utf-8", "surrogatepass"),
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None, f"timed out after {TIMEOUT:g} s (given up on for this session)"
    except OSError as exc:
        return None, f"could not run ({exc})"
    if cp.returncode != 0:  # (an error about this graph: the engine itself is fine)
        err = cp.stderr.decode("utf-8", "replace").strip()[:300]
        raise EngineError(f"Graph picture unavailable: {engine} failed: {err}")
    if not cp.stdout.strip():
        return None, "printed nothing"
    try:
        out = cp.stdout.decode("utf-8")
    except UnicodeDecodeError:
        return None, "printed invalid UTF-8"
    if "<svg" not in out:
        return None, "printed no SVG"
    return strip_prolog(out), None


def run_svg(source: str) -> str:
    """Lay out DOT ``source``; SVG text without the XML prolog and DOCTYPE.

    Tries the engines in order; one that hangs, fails or prints nothing usable is
    remembered as broken for the session.  Raises :class:`EngineError` (saying what
    happened, with the install hint) when no engine gives a picture.
    """
    cands = _candidates()
    if not cands:
        raise EngineError(no_engine_message())
    for engine, path in cands:
        svg, why = _run_one(engine, path, source)
        if svg is not None:
            return svg
        BROKEN[engine] = why
        if engine == "graphviz-pure":
            configure_graphviz_package()
    raise EngineError(no_engine_message())


def strip_prolog(svg: str) -> str:
    i = svg.find("<svg")
    return svg[i:] if i >= 0 else svg
