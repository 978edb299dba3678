"""Repository rules that a reviewer would otherwise check by hand: no absolute path of one
machine in any tracked file, and no test that asserts wall-clock time (speed is measured in
benchmarks/ as ratios, never asserted in a test)."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# home and work folders of one machine (written so that this file does not match itself)
MACHINE_PATH = re.compile(
    "(?<![\\w.])/(?:"
    + "|".join(["wo" + "rk", "ro" + "ot", "home/[a-z_][\\w.-]*", "Us" + "ers/\\w+"])
    + ")/"
)


def _tracked_files():
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    out = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode()
    return [ROOT / p for p in out.split("\0") if p]


def test_no_machine_paths_in_tracked_files():
    hits = []
    for path in _tracked_files():
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError, IsADirectoryError):
            continue
        for n, line in enumerate(text.splitlines(), 1):
            m = MACHINE_PATH.search(line)
            if m:
                hits.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()[:120]}")
    assert not hits, "absolute machine paths:\n" + "\n".join(hits[:30])


def test_the_machine_path_check_can_fail():
    home = "/ho" + "me/alice/x.py"
    work = "/wo" + "rk/main/autograd_viz/engine/tensor.py"
    assert MACHINE_PATH.search(f"File {work}:401")
    assert MACHINE_PATH.search(f"see {home}")
    assert not MACHINE_PATH.search("../shared/seeds and /tmp/ipykernel_1/2.py and /usr/bin/dot")


_CLOCKS = {"perf_counter", "perf_counter_ns", "monotonic", "monotonic_ns", "time", "time_ns"}


def _is_clock_call(node) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in _CLOCKS
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "time"
    )


def _timed_asserts(source: str) -> list[int]:
    """Line numbers of asserts that compare a clock reading (directly, or through a name
    assigned from an expression that reads a clock)."""
    tree = ast.parse(source)
    timed = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(_is_clock_call(n) for n in ast.walk(node.value)):
            timed |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assert):
            parts = list(ast.walk(node.test))
            if any(_is_clock_call(n) for n in parts) or any(
                isinstance(n, ast.Name) and n.id in timed for n in parts
            ):
                lines.append(node.lineno)
    return lines


def test_no_test_asserts_wall_clock_time():
    hits = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        for line in _timed_asserts(path.read_text(encoding="utf-8")):
            hits.append(f"{path.relative_to(ROOT)}:{line}")
    assert not hits, "asserts on wall-clock time (move them to benchmarks/):\n" + "\n".join(hits)


def test_the_timing_check_can_fail():
    # the sample program's statements are assembled from pieces (keyword, name, bound), so
    # that no line of this test's own source reads as an assert on wall-clock time
    kw, name, clock = "as" + "sert", "d" + "t", "time." + "monotonic()"
    src = "\n".join(
        [
            "import time",
            "def test_x():",
            "    t0 = time.perf_counter()",
            "    f()",
            f"    {name} = time.perf_counter() - t0",
            f"    {kw} {name} {'<'} 1.0",
            f"    {kw} {clock} - t0 {'<'} 2",
            f"    {kw} f() == 3",
        ]
    )
    assert _timed_asserts(src) == [6, 7]
