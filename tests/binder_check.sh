#!/usr/bin/env bash
# Emulate mybinder / repo2docker without Docker, then validate the lessons there:
#   binder/apt.txt      -> apt-get install (root only; otherwise each package must already be there)
#   binder/runtime.txt  -> the Python we build with must have that version
#   binder/requirements.txt -> a venv (default .venv-binder in the repo, git-ignored) with only
#                              that file, plus pytest + nbval to run the check; built fresh,
#                              then reused while requirements.txt, pyproject.toml and the
#                              Python are unchanged (a hash of them is kept in it)
#   binder/postBuild    -> run it inside that venv
#   then: pytest --nbval over every notebook in notebooks/ (same sanitizers as tests/run.sh)
#   and, if it installs, `jupyter-repo2docker --no-build` as a static check of the binder/ dir.
# Differences from real Binder: Debian 12 instead of Ubuntu 24.04 apt packages (another
# graphviz), venv instead of conda Python, root instead of the jovyan user.
#
# Env: BINDER_VENV (venv path, default .venv-binder), AV_BINDER_FRESH=1 (rebuild it even if
#      its hash matches), PYTHON (interpreter to build the venv from),
#      AV_NOTEBOOKS (notebook dir/files to check, default notebooks/), AV_SKIP_R2D=1.
set -euo pipefail
# pip, minus this machine's "WARNING: Location 'file:///opt/...' is ignored" index noise
pipq() { python -m pip -q "$@" 2> >(grep -v "^WARNING: Location 'file:" >&2); }
cd "$(dirname "${BASH_SOURCE[0]}")/.."
B=binder
[ -d .binder ] && { echo "binder_check: both binder/ and .binder/ exist (repo2docker refuses that)"; exit 1; }
# in the checkout (two clones checked at the same time do not share a venv; nothing in /tmp)
VENV=${BINDER_VENV:-.venv-binder}
CHECKER=("pytest==9.0.3" "nbval==0.11.0")   # the checker only, not the lesson env
NOTEBOOKS=${AV_NOTEBOOKS:-notebooks/}
t0=$SECONDS
say() { echo "binder_check [$((SECONDS - t0))s]: $*"; }

# --- apt.txt -------------------------------------------------------------------------------
mapfile -t apt_pkgs < <(grep -vE '^\s*(#|$)' "$B/apt.txt" || true)
if [ "${#apt_pkgs[@]}" -gt 0 ]; then
  missing=()
  for p in "${apt_pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    say "apt.txt: already installed: ${apt_pkgs[*]}"
  elif [ "$(id -u)" = 0 ]; then
    say "apt.txt: apt-get install ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    say "apt.txt: missing ${missing[*]} and not root: install them first"; exit 1
  fi
fi

# --- runtime.txt ---------------------------------------------------------------------------
want=$(sed -n 's/^python-\([0-9][0-9.]*\).*/\1/p' "$B/runtime.txt" 2>/dev/null || true)
if [ -n "${PYTHON:-}" ]; then PY=$PYTHON
elif [ -n "$want" ] && command -v "python$want" >/dev/null; then PY=python$want
else PY=python3; fi
have=$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
if [ -n "$want" ] && [ "$have" != "$want" ]; then
  say "runtime.txt wants python-$want but $PY is $have"; exit 1
fi
say "runtime.txt: python-${want:-unset}, building with $PY ($have)"

# --- requirements.txt into a venv (reused while what it was built from is the same) ---------
KEY=$( { cat "$B/requirements.txt" pyproject.toml; echo "${CHECKER[*]}"; "$PY" -VV; } \
  | sha256sum | cut -c1-16)
if [ "${AV_BINDER_FRESH:-0}" != 1 ] && [ -x "$VENV/bin/python" ] \
   && [ "$(cat "$VENV/.av-binder-key" 2>/dev/null)" = "$KEY" ]; then
  # shellcheck disable=SC1091
  . "$VENV/bin/activate"
  say "reusing $VENV (built from the same requirements.txt, pyproject.toml and Python; key $KEY)"
  # -e . points at the checkout the venv was built in: this one (the venv lives in it)
else
  rm -rf "$VENV"
  "$PY" -m venv "$VENV"
  # shellcheck disable=SC1091
  . "$VENV/bin/activate"
  say "pip install -r $B/requirements.txt (fresh venv $VENV)"
  pipq install --upgrade pip
  pipq install -r "$B/requirements.txt"
  pipq install "${CHECKER[@]}"
  echo "$KEY" > "$VENV/.av-binder-key"
fi
python -m pip list --format=freeze 2>/dev/null \
  | grep -iE '^(numpy|graphviz|anywidget|ipywidgets|jupyterlab|ipykernel|autograd.viz)=' | sed 's/^/  /'

# --- postBuild -----------------------------------------------------------------------------
if [ -f "$B/postBuild" ]; then
  [ -x "$B/postBuild" ] || { say "$B/postBuild is not executable (chmod +x it)"; exit 1; }
  say "postBuild"
  "./$B/postBuild"
  test -f "$VENV/share/jupyter/lab/settings/overrides.json"
fi
jupyter labextension list 2>&1 | grep -q "@jupyter-widgets/jupyterlab-manager.*enabled.*OK" \
  || { say "ipywidgets' JupyterLab extension is not enabled in the Binder env"; exit 1; }
say "JupyterLab widget manager extension enabled"

# --- lessons with nbval --------------------------------------------------------------------
say "pytest --nbval $NOTEBOOKS"
rc=0
# shellcheck disable=SC2086
python -m pytest -q -p no:cacheprovider --nbval $NOTEBOOKS --nbval-current-env \
  --nbval-sanitize-with tests/nbval_sanitize.cfg -o testpaths= || rc=$?
deactivate

# --- repo2docker static check (optional, cheap: no Docker, no build) -------------------------
if [ "${AV_SKIP_R2D:-0}" != 1 ]; then
  R2D=.venv-r2d   # in the checkout, kept between runs: only the checker lives there
  if [ ! -x "$R2D/bin/jupyter-repo2docker" ]; then
    rm -rf "$R2D"
    "$PY" -m venv "$R2D" && (. "$R2D/bin/activate" && pipq install jupyter-repo2docker) \
      || { say "repo2docker did not install: static check skipped"; rm -rf "$R2D"; }
  fi
  if [ -x "$R2D/bin/jupyter-repo2docker" ]; then
    say "jupyter-repo2docker --no-build"
    r2d_ok=1
    out=$("$R2D/bin/jupyter-repo2docker" --no-build --debug . 2>&1) || { echo "$out" | tail -20; r2d_ok=0; rc=1; }
    if [ "$r2d_ok" = 1 ]; then
      # what the generated Dockerfile must do: python from runtime.txt, apt.txt, requirements, postBuild
      for needle in "python=${want:-3}" "no-install-recommends graphviz" "pip install --no-cache-dir -r \"binder/requirements.txt\"" "RUN ./binder/postBuild"; do
        grep -q -- "$needle" <<<"$out" || { say "repo2docker Dockerfile does not mention $needle"; r2d_ok=0; rc=1; }
      done
      [ "$r2d_ok" = 0 ] || say "repo2docker: Dockerfile uses python ${want:-3}, apt.txt, requirements.txt, postBuild"
    fi
  fi
fi
say "done, exit $rc"
exit "$rc"
