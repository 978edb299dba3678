#!/usr/bin/env bash
# Start the autograd_viz lessons in JupyterLab:   bash run-lessons.sh [jupyter lab arguments]
#
#  * first run: creates .venv and installs the package with the "lessons" extra, showing
#    pip's progress (about 150 MB of downloads, one to three minutes); later runs reuse .venv
#    (reinstalling only when pyproject.toml changed);
#  * draws with the system Graphviz `dot` if there is one, else with the pip-installed
#    graphviz-pure (put on PATH as `dot` through a one-file shim inside .venv);
#  * starts JupyterLab on the lessons (its root folder is notebooks/), with --allow-root when
#    run as root and --no-browser when there is no display, and prints the URL to open
#    (port and token).  Every argument is passed on to `jupyter lab`, e.g.
#        bash run-lessons.sh --port=9000          # another port
#        bash run-lessons.sh --ip=0.0.0.0         # reachable from other machines (see README)
#
# Env: PYTHON (interpreter for .venv, default python3), AV_LESSONS_VENV (the virtual
#      environment to use, default .venv), AV_LESSONS_SKIP_SETUP=1 (use that environment as it
#      is: no venv creation, no pip; it must have jupyterlab and autograd_viz importable),
#      AV_LESSONS_PORT (first port to try, default 8888).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$PWD
PY=${PYTHON:-python3}
VENV=${AV_LESSONS_VENV:-.venv}
say() { echo "run-lessons: $*"; }
die() { echo "run-lessons: error: $*" >&2; exit 1; }
# pip's progress, without "Requirement already satisfied" lines and this machine's
# "WARNING: Location 'file:///...' is ignored" index noise
pip_progress() {
  "$@" 2>&1 | awk '!/^(Requirement already satisfied|WARNING: Location .file:)/ { print "    " $0; fflush() }'
}

# ---------------------------------------------------------------- 1. the environment
if [ "${AV_LESSONS_SKIP_SETUP:-0}" = 1 ]; then
  [ -x "$VENV/bin/python" ] || die "AV_LESSONS_SKIP_SETUP=1 but $VENV/bin/python does not exist"
else
  if [ ! -x "$VENV/bin/python" ]; then
    command -v "$PY" >/dev/null || die "$PY not found: install Python 3.10 or newer (or set PYTHON=...)"
    "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 10))' \
      || die "$("$PY" -V 2>&1) is too old: autograd_viz needs Python 3.10 or newer (set PYTHON=...)"
    say "[1/3] creating $VENV with $("$PY" -V 2>&1)"
    if ! "$PY" -m venv "$VENV"; then
      rm -rf "$VENV"
      die "'$PY -m venv' failed; on Debian/Ubuntu install it first: apt-get install python3-venv"
    fi
  fi
  stamp=$VENV/.av-lessons-installed
  want="$(cksum < pyproject.toml)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    say "[2/3] updating pip"
    pip_progress "$VENV/bin/python" -m pip install --upgrade pip
    say "[3/3] pip install -e \".[lessons]\": autograd_viz, JupyterLab, numpy, anywidget, graphviz"
    say "      (first run: about 150 MB to download, one to three minutes)"
    pip_progress "$VENV/bin/python" -m pip install -e ".[lessons]"
    echo "$want" > "$stamp"
    say "installed"
  fi
fi
VENV=$(cd "$VENV" && pwd)
# from / (as the kernel, started in notebooks/, will): the installed package must import
(cd / && "$VENV/bin/python" -c 'import importlib.util as u, sys
sys.exit(not (u.find_spec("jupyterlab") and u.find_spec("autograd_viz")))') \
  || die "$VENV lacks jupyterlab or autograd_viz (delete it and run again)"
export PATH="$VENV/bin:$PATH" VIRTUAL_ENV=$VENV

# ---------------------------------------------------------------- 2. Graphviz
if command -v dot >/dev/null 2>&1 && [ "$(readlink -f "$(command -v dot)")" != "$(readlink -f "$VENV/gvshim/dot" 2>/dev/null)" ]; then
  say "drawing with system Graphviz: $(dot -V 2>&1)"
elif command -v graphviz-pure >/dev/null 2>&1; then
  mkdir -p "$VENV/gvshim"
  ln -sf "$(command -v graphviz-pure)" "$VENV/gvshim/dot"
  export PATH="$VENV/gvshim:$PATH"
  export AUTOGRAD_VIZ_GRAPHVIZ=${AUTOGRAD_VIZ_GRAPHVIZ:-graphviz-pure}   # see CONTRIBUTING.md
  say "no system 'dot': drawing with graphviz-pure (install Graphviz for PDF export)"
else
  echo "run-lessons: warning: neither 'dot' nor graphviz-pure found; graphs will not render" >&2
fi

# ---------------------------------------------------------------- 3. JupyterLab
# what the caller chose (every argument still goes to jupyter lab as given)
port="" ip="" token="" browser=1 allow_root=0
prev=""
for a in "$@"; do
  case "$prev" in
    --port | --ServerApp.port) port=$a ;;
    --ip | --ServerApp.ip) ip=$a ;;
    --IdentityProvider.token | --ServerApp.token) token=$a ;;
  esac
  case "$a" in
    --port=* | --ServerApp.port=*) port=${a#*=} ;;
    --ip=* | --ServerApp.ip=*) ip=${a#*=} ;;
    --IdentityProvider.token=* | --ServerApp.token=*) token=${a#*=} ;;
    --no-browser | --ServerApp.open_browser=False) browser=0 ;;
    --allow-root | --ServerApp.allow_root=True) allow_root=1 ;;
  esac
  prev=$a
done
extra=()
if [ -z "$port" ]; then
  # the first free port from AV_LESSONS_PORT (8888) on, chosen here so the URL printed below
  # is the one the server listens on
  port=$("$VENV/bin/python" - "${AV_LESSONS_PORT:-8888}" <<'PY'
import socket, sys
p = int(sys.argv[1])
for port in range(p, p + 50):
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            continue
        print(port)
        break
else:
    sys.exit(f"no free port in {p}..{p + 49}")
PY
)
  extra+=("--port=$port")
fi
extra+=("--ServerApp.port_retries=0")   # a busy port is an error, not another port
if [ -z "$token" ]; then
  token=$("$VENV/bin/python" -c 'import secrets; print(secrets.token_hex(24))')
  extra+=("--IdentityProvider.token=$token")
fi
if [ "$(id -u)" = 0 ] && [ "$allow_root" = 0 ]; then
  extra+=("--allow-root")
  say "running as root: adding --allow-root"
fi
if [ "$browser" = 1 ] && [ "$(uname)" = Linux ] && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  extra+=("--no-browser")   # no display: do not start a text-mode browser in this terminal
  browser=0
fi
host=localhost
case "$ip" in "" | localhost | 127.0.0.1 | 0.0.0.0 | "*" | "::") ;; *) host=$ip ;; esac
url="http://$host:$port/lab?token=$token"

cat <<EOF

run-lessons: JupyterLab is starting on the lessons (notebooks/). Open this URL in a browser:

    $url

  On another machine than the one running this script: forward the port over ssh from your
  own computer, then open the same URL there:
      ssh -N -L $port:localhost:$port $(id -un)@$(hostname -f 2>/dev/null || hostname)
  (or start with --ip=0.0.0.0 and use this machine's address instead of localhost: anyone
  who can reach the port and has the token can run code as $(id -un)).
  Stop the server with Ctrl+C (twice).

EOF
exec "$VENV/bin/jupyter" lab --ServerApp.root_dir="$ROOT/notebooks" "${extra[@]}" "$@"
