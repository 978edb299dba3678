#!/usr/bin/env bash
# The lowest allowed versions, tested: a virtual environment with every runtime and test
# dependency pinned to its floor in pyproject.toml (pins from tests/floor_requirements.py:
# numpy==2.1, anywidget==0.9.20, ..., pytest==8.0, nbval==0.11 ...; their own dependencies are
# left to pip), then the unit tests and the lessons (nbval) run in it.
#
#   bash tests/floor_check.sh [pytest args for the unit tests]
#
# The environment is .venv-floor in the repository (git-ignored), reused while the pins and the
# Python version are the same (a hash of both is kept in it) and rebuilt when they change; no
# environment is left in the temporary folder.
# Env: PYTHON (interpreter, default: the lowest requires-python, else python3), AV_FLOOR_VENV (default .venv-floor),
#      AV_JUNIT_DIR (write floor-unit.xml / floor-nbval.xml there, for tests/run.sh's totals).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
VENV=${AV_FLOOR_VENV:-.venv-floor}
t0=$SECONDS
say() { echo "floor_check [$((SECONDS - t0))s]: $*"; }
pipq() { "$@" 2> >(grep -v "^WARNING: Location 'file:" >&2); }

# The interpreter: the lowest Python pyproject.toml allows (requires-python), when this machine
# has it (python3.X on PATH, or pyenv's); else python3, and the run says the Python floor went
# untested.  PYTHON=... chooses another.
lowest=$(sed -n 's/^requires-python = ">=\([0-9.]*\)".*/\1/p' pyproject.toml)
PY=${PYTHON:-}
if [ -z "$PY" ]; then
  for cand in "python$lowest" "${PYENV_ROOT:-$HOME/.pyenv}/versions/$lowest"*/bin/python; do
    if command -v "$cand" >/dev/null 2>&1 && "$cand" -c 'import ensurepip, venv' 2>/dev/null; then
      PY=$cand
      break
    fi
  done
fi
if [ -z "$PY" ]; then
  PY=python3
  say "NOTE: no Python $lowest on this machine: the lowest versions run on $(python3 -V 2>&1), the Python floor ($lowest) untested here"
fi
say "interpreter: $PY ($("$PY" -V 2>&1); requires-python >=$lowest)"

pins=$(python3 tests/floor_requirements.py)  # (reads pyproject.toml with tomllib: 3.11+)
key=$( { echo "$pins"; "$PY" -VV; } | sha256sum | cut -c1-16)
if [ -x "$VENV/bin/python" ] && [ "$(cat "$VENV/.av-floor-key" 2>/dev/null)" = "$key" ]; then
  say "reusing $VENV (key $key)"
else
  say "building $VENV (key $key) with: $(echo "$pins" | tr '\n' ' ')"
  rm -rf "$VENV"
  "$PY" -m venv "$VENV"
  pipq "$VENV/bin/python" -m pip install -q --upgrade pip
  pipq "$VENV/bin/python" -m pip install -q -r <(echo "$pins")
  echo "$key" > "$VENV/.av-floor-key"
fi
"$VENV/bin/python" -m pip list --format=freeze 2>/dev/null \
  | grep -iE '^(numpy|anywidget|ipywidgets|traitlets|graphviz|graphviz.pure|pytest|hypothesis|nbval|nbclient|nbformat|ipykernel|ipython)=' \
  | tr '\n' ' ' | sed 's/^/  /'
echo
# every pin must be what got installed (pip could not have chosen another version)
"$VENV/bin/python" - "$pins" <<'PY'
import sys
from importlib.metadata import version
def norm(v):
    parts = [int(x) for x in v.split(".") if x.isdigit()]
    return tuple(parts + [0] * (3 - len(parts)))

bad = []
for pin in sys.argv[1].split():
    name, want = pin.split("==")
    have = version(name.split("[")[0])
    if norm(have) != norm(want):
        bad.append(f"{name}: pinned {want}, installed {have}")
sys.exit("\n".join(bad) if bad else 0)
PY

export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"   # this checkout's autograd_viz
junit() { [ -n "${AV_JUNIT_DIR:-}" ] && echo "--junit-xml=$AV_JUNIT_DIR/$1.xml"; true; }
rc=0
say "unit tests at the lowest versions"
# test_run_lessons.py starts JupyterLab, which is not a runtime or test dependency
# shellcheck disable=SC2046
"$VENV/bin/python" -m pytest tests/ -q -m "not e2e" --ignore=tests/test_run_lessons.py \
  $(junit floor-unit) "$@" || rc=1
say "lessons (nbval) at the lowest versions"
# shellcheck disable=SC2046
"$VENV/bin/python" -m pytest -q --nbval notebooks/ --nbval-current-env \
  --nbval-sanitize-with tests/nbval_sanitize.cfg -o testpaths= $(junit floor-nbval) || rc=1
say "done, exit $rc"
exit "$rc"
