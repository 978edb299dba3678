#!/usr/bin/env bash
# Start the autograd_viz lessons in JupyterLab:  bash run-lessons.sh [extra jupyter lab args]
#  * creates .venv (if missing) and installs the package with the "lessons" extra;
#  * uses the system Graphviz `dot` if there is one, else the pip-installed graphviz-pure
#    (put on PATH as `dot` through a one-file shim inside .venv);
#  * starts `jupyter lab notebooks/`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
PY=${PYTHON:-python3}
# pip, minus the "WARNING: Location 'file:///...' is ignored" noise of local index mirrors
pipq() { "$@" 2> >(grep -v "^WARNING: Location 'file:" >&2); }

stamp=.venv/.av-lessons-installed
want="$(cat pyproject.toml 2>/dev/null | cksum)"
if [ ! -x .venv/bin/python ]; then
  echo "run-lessons: creating .venv with $PY"
  "$PY" -m venv .venv
fi
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "run-lessons: pip install -e \".[lessons]\" (first run takes a minute)"
  pipq .venv/bin/python -m pip install -q --upgrade pip
  pipq .venv/bin/python -m pip install -q -e ".[lessons]"
  echo "$want" > "$stamp"
fi
# shellcheck disable=SC1091
. .venv/bin/activate

if command -v dot >/dev/null 2>&1 && [ "$(readlink -f "$(command -v dot)")" != "$(readlink -f .venv/gvshim/dot 2>/dev/null)" ]; then
  echo "run-lessons: drawing with system Graphviz: $(dot -V 2>&1)"
elif command -v graphviz-pure >/dev/null 2>&1; then
  mkdir -p .venv/gvshim
  ln -sf "$(command -v graphviz-pure)" .venv/gvshim/dot
  export PATH="$PWD/.venv/gvshim:$PATH"
  export AUTOGRAD_VIZ_GRAPHVIZ=${AUTOGRAD_VIZ_GRAPHVIZ:-graphviz-pure}   # see CONTRIBUTING.md
  echo "run-lessons: no system 'dot': drawing with graphviz-pure (install Graphviz for PDF export)"
else
  echo "run-lessons: warning: neither 'dot' nor graphviz-pure found; graphs will not render" >&2
fi

exec jupyter lab notebooks/ "$@"
