#!/usr/bin/env bash
# The project's single test command (see README "Run the tests"):   bash tests/run.sh [pytest args]
#
# Sets itself up on a fresh machine, then runs every check and exits non-zero if any failed:
#   0. setup: as root, apt-get install graphviz / chromium chromium-driver if `dot` or
#      /usr/bin/chromium is missing; create .venv and `pip install -e ".[test,e2e,lint]"` when
#      .venv is missing or pyproject.toml changed since the last install.
#   1. ruff            ruff check .  and  ruff format --check .   (the whole repository)
#   2. unit tests      python -m pytest tests/ -m "not e2e" [your args]
#   3. browser tests   python -m pytest tests/e2e -m e2e   (only if /usr/bin/chromium exists)
#   4. lessons         python -m pytest --nbval notebooks/ --nbval-current-env
#                                       --nbval-sanitize-with tests/nbval_sanitize.cfg
#   5. lowest versions bash tests/floor_check.sh   (unit tests + lessons with every dependency
#                      at its floor in pyproject.toml, in .venv-floor)
#   6. Binder          bash tests/binder_check.sh   (venv from binder/requirements.txt only)
# Every stage runs even if an earlier one failed; a summary with timings is printed at the end.
# pytest exit code 5 ("no tests collected") counts as a failure. The extra environments
# (.venv-floor, .venv-binder, .venv-r2d) live in the repository (git-ignored), each reused while
# the requirements it was built from are unchanged: nothing is left in the temporary folder.
#
# Env: AV_SKIP_E2E=1, AV_SKIP_BINDER=1, AV_SKIP_FLOOR=1, AV_SKIP_LINT=1,
#      AV_SKIP_SETUP=1 (use the active Python, touch nothing),
#      CHROMIUM=/path/to/chromium (default /usr/bin/chromium), PYTHON (to create .venv).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
T0=$SECONDS
# pip, minus the "WARNING: Location 'file:///...' is ignored" noise of local index mirrors
pipq() { "$@" 2> >(grep -v "^WARNING: Location 'file:" >&2); }
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
export CHROMIUM
say() { echo "== tests/run.sh [$((SECONDS - T0))s]: $*"; }

# ---------------------------------------------------------------- 0. setup
if [ "${AV_SKIP_SETUP:-0}" != 1 ]; then
  need=()
  command -v dot >/dev/null 2>&1 || need+=(graphviz)
  if [ ! -x "$CHROMIUM" ] && [ "${AV_SKIP_E2E:-0}" != 1 ]; then need+=(chromium chromium-driver fonts-liberation fonts-wqy-microhei); fi
  if [ "${#need[@]}" -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      say "apt-get install ${need[*]}"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
    else
      say "missing system packages (${need[*]}) and not root/apt: continuing without them"
    fi
  fi
  stamp=.venv/.av-test-installed
  want="$(cksum < pyproject.toml)"
  if [ ! -x .venv/bin/python ]; then
    say "creating .venv with ${PYTHON:-python3}"
    "${PYTHON:-python3}" -m venv .venv
  fi
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    say "pip install -e \".[test,e2e,lint]\" into .venv"
    pipq .venv/bin/python -m pip install -q --upgrade pip
    pipq .venv/bin/python -m pip install -q -e ".[test,e2e,lint]"
    echo "$want" > "$stamp"
  fi
  # shellcheck disable=SC1091
  . .venv/bin/activate
fi
say "python: $(command -v python) ($(python -V 2>&1)); dot: $(dot -V 2>&1 || echo missing)"

failed=()
summary=()
# CPU seconds (user + sys) used so far by this script's finished children: with the wall time
# it tells a slow stage from a busy machine (wall >> cpu: waiting, or other load)
# (`times` must run in this shell, not in a $(...) subshell, to see them)
cpu_of() { awk 'NR == 2 { for (i = 1; i <= 2; i++) { split($i, a, /[ms]/); s += a[1] * 60 + a[2] } printf "%d", s }' "$1"; }
stage() {  # stage NAME command...   run it, record pass/fail + seconds, never abort the script
  local name=$1; shift
  local t=$SECONDS rc=0
  times > "$JUNIT/.cpu0"
  say "$name: $*"
  "$@" || rc=$?
  times > "$JUNIT/.cpu1"
  local took="$((SECONDS - t))s, cpu $(($(cpu_of "$JUNIT/.cpu1") - $(cpu_of "$JUNIT/.cpu0")))s"
  if [ "$rc" = 0 ]; then summary+=("PASS  $name  ($took)")
  else summary+=("FAIL  $name  ($took, exit $rc$([ "$rc" != 5 ] || echo ': no tests collected'))")
       failed+=("$name"); fi
}

# ---------------------------------------------------------------- 1-6
# each pytest stage writes a JUnit file here; the last line adds them up ("N passed, N failed")
JUNIT=$(mktemp -d)
trap 'rm -rf "$JUNIT"' EXIT
if [ "${AV_SKIP_LINT:-0}" = 1 ]; then
  summary+=("SKIP  ruff (AV_SKIP_LINT=1)")
else
  stage "ruff check" python -m ruff check .
  stage "ruff format" python -m ruff format --check .
fi

stage "unit tests" python -m pytest tests/ -m "not e2e" --junit-xml="$JUNIT/unit.xml" "$@"

if [ "${AV_SKIP_E2E:-0}" = 1 ]; then
  summary+=("SKIP  browser tests (AV_SKIP_E2E=1)")
elif [ ! -x "$CHROMIUM" ]; then
  summary+=("SKIP  browser tests ($CHROMIUM missing; as root this script installs it)")
else
  # --reruns 1: Jupyter + Chromium on a busy 2-core machine can miss a timeout once; a test that
  # fails twice fails the stage, and every rerun is listed ("R") in pytest's summary
  stage "browser tests" python -m pytest tests/e2e -m e2e -v --reruns 1 --reruns-delay 2 \
    --junit-xml="$JUNIT/e2e.xml"
fi

stage "lessons (nbval)" python -m pytest --nbval notebooks/ --nbval-current-env \
  --nbval-sanitize-with tests/nbval_sanitize.cfg --junit-xml="$JUNIT/nbval.xml"

if [ "${AV_SKIP_FLOOR:-0}" = 1 ]; then
  summary+=("SKIP  lowest versions (AV_SKIP_FLOOR=1)")
else
  stage "lowest versions" env AV_JUNIT_DIR="$JUNIT" bash tests/floor_check.sh
fi

if [ "${AV_SKIP_BINDER:-0}" = 1 ]; then
  summary+=("SKIP  binder check (AV_SKIP_BINDER=1)")
else
  stage "binder check" bash tests/binder_check.sh
fi

echo
say "summary"
printf '   %s\n' "${summary[@]}"
[ "${#failed[@]}" -eq 0 ] || echo "   FAILED: ${failed[*]}"
# totals over the pytest stages (the Binder check re-runs the lessons in its own venv)
python - "$JUNIT" "${#failed[@]}" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
tests = failures = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.xml"):
    for suite in ET.parse(path).getroot().iter("testsuite"):
        tests += int(suite.get("tests", 0))
        failures += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        skipped += int(suite.get("skipped", 0))
failed_stages = int(sys.argv[2])
passed = tests - failures - skipped
# a stage can fail without a failing test (e.g. the Binder check): count it as one failure
failures = max(failures, failed_stages)
print(f"total: {passed} passed, {failures} failed" + (f", {skipped} skipped" if skipped else ""))
PY
[ "${#failed[@]}" -eq 0 ] || exit 1
