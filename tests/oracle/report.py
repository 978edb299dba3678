"""Summary of autograd_viz vs the PyTorch fixtures, one line per program (no torch needed).

python tests/oracle/report.py            # table: program, passed/total, where it crashed
python tests/oracle/report.py -v seed00  # also list each failing observation's first diff line
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
REPO = str(Path(__file__).resolve().parents[2])
if REPO not in sys.path:
    sys.path.insert(1, REPO)  # the working tree's autograd_viz, when not pip-installed

import harness  # noqa: E402


def main(argv):
    verbose = "-v" in argv
    filters = [a for a in argv if a != "-v"]
    lib = importlib.import_module("autograd_viz")
    mods = []
    for name in ("autograd_viz.nn", "autograd_viz.nn.functional", "autograd_viz.optim"):
        try:
            mods.append(importlib.import_module(name))
        except Exception as e:
            print(f"! import {name}: {type(e).__name__}: {e}")
            mods.append(None)
    tot_ok = tot = 0
    for f in sorted(harness.FIXTURES.glob("*.json")):
        if filters and not any(x in f.stem for x in filters):
            continue
        fx = json.loads(f.read_text(encoding="utf-8"))
        res = harness.run_program(harness.PROGRAMS / f"{f.stem}.py", lib, *mods)
        ok = 0
        fails = []
        for name in fx["order"]:
            got = res["observations"].get(name)
            if got is None:
                err = harness.error_for_missing(fx["order"], res, name)
                why = (
                    f"{err['exc_type']}: {err['message'][:100]} (line {err['line']})" if err else ""
                )
                fails.append((name, "not reached: " + why))
                continue
            d = harness.compare(fx["observations"][name], got, name)
            if d:
                fails.append((name, d[0].splitlines()[0]))
            else:
                ok += 1
        n = len(fx["order"])
        if fx.get("stdout"):
            n += 1
            if fx["stdout"] == res["stdout"]:
                ok += 1
            else:
                fails.append(("stdout", "differs"))
        tot += n
        tot_ok += ok
        crash = res["crash"] or (res["section_errors"][0] if res["section_errors"] else None)
        nsec = len(res["section_errors"])
        cs = f"  {nsec} errors, first:" if nsec else ""
        cs += (
            f" line {crash['line']}: {crash['exc_type']}: {crash['message'][:90]}" if crash else ""
        )
        print(f"{f.stem:32s} {ok:5d}/{n:<5d}{cs}")
        if verbose:
            for name, msg in fails:
                print(f"    {name}: {msg[:160]}")
    print(f"TOTAL {tot_ok}/{tot} observations match PyTorch")


if __name__ == "__main__":
    main(sys.argv[1:])
