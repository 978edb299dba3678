"""Print the lowest allowed versions of the runtime and test dependencies, as pins.

    python tests/floor_requirements.py            # numpy==2.1.0, ipywidgets==8.0.0, ...

Reads pyproject.toml: every requirement of ``[project] dependencies`` and of the ``test``
extra must have a ``>=`` floor (this script fails otherwise), and each becomes ``name==floor``.
tests/run.sh installs these pins into a second virtual environment (``.venv-floor``, rebuilt
only when this output changes) and runs the unit tests there, so the floors are tested, not
guessed.  Packages only these depend on are left to pip (their newest compatible release).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
FLOOR = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*>=\s*([0-9][^,;\s]*)\s*$")


def floor_pins(pyproject: Path = ROOT / "pyproject.toml") -> list[str]:
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    reqs = list(project.get("dependencies", []))
    reqs += project.get("optional-dependencies", {}).get("test", [])
    pins, seen, errors = [], set(), []
    for req in reqs:
        m = FLOOR.match(req)
        if not m:
            errors.append(req)
            continue
        name = re.sub(r"[-_.]+", "-", m.group(1)).lower()
        if name not in seen:
            seen.add(name)
            pins.append(f"{name}{m.group(2) or ''}=={m.group(3)}")
    if errors:
        raise SystemExit(
            "pyproject.toml: these requirements have no single '>=' floor to test: "
            + ", ".join(errors)
        )
    return pins


if __name__ == "__main__":
    sys.stdout.write("".join(p + "\n" for p in floor_pins()))
