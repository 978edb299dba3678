"""Regenerate tests/oracle/fixtures/*.json by running every program under real PyTorch.

    pip install torch==2.13.0          # CPU wheel
    python tests/oracle/make_fixtures.py            # all programs
    python tests/oracle/make_fixtures.py seed000    # only programs whose name contains seed000

A program that crashes under PyTorch is a bug in the program: this script stops with the
traceback instead of writing a fixture.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness


def main(argv: list[str]) -> int:
    import torch

    if torch.__name__ != "torch":  # (PyTorch not installed: the alias)
        raise ImportError("PyTorch is needed here: pip install torch==2.13.0")
    import torch.nn
    import torch.nn.functional
    import torch.optim

    torch.set_num_threads(1)
    torch.manual_seed(0)
    harness.FIXTURES.mkdir(exist_ok=True)
    progs = sorted(harness.PROGRAMS.glob("*.py"))
    if argv:
        progs = [p for p in progs if any(a in p.stem for a in argv)]
    total = 0
    bad = 0
    for p in progs:
        res = harness.run_program(p, torch, torch.nn, torch.nn.functional, torch.optim)
        if res["crash"] or res["section_errors"]:
            bad += 1
            for err in res["section_errors"] or [res["crash"]]:
                print(f"CRASH {p.name}: {err['traceback']}", file=sys.stderr)
            continue
        # a second run must give identical observations (determinism)
        res2 = harness.run_program(p, torch, torch.nn, torch.nn.functional, torch.optim)
        if json.dumps(res2, sort_keys=True) != json.dumps(res, sort_keys=True):
            bad += 1
            for k in res["order"]:
                if json.dumps(res["observations"][k], sort_keys=True) != json.dumps(
                    res2["observations"].get(k), sort_keys=True
                ):
                    print(f"NONDETERMINISTIC {p.name}: {k}", file=sys.stderr)
            if res["stdout"] != res2["stdout"]:
                print(f"NONDETERMINISTIC {p.name}: stdout", file=sys.stderr)
            continue
        fixture = {
            "program": p.name,
            "torch_version": torch.__version__,
            "order": res["order"],
            "observations": res["observations"],
            "stdout": res["stdout"],
        }
        out = harness.FIXTURES / (p.stem + ".json")
        out.write_text(json.dumps(fixture, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        total += len(res["order"]) + (1 if res["stdout"] else 0)
        print(f"{p.stem}: {len(res['order'])} observations")
    # drop fixtures whose program was removed
    if not argv:
        stems = {p.stem for p in progs}
        for f in harness.FIXTURES.glob("*.json"):
            if f.stem not in stems:
                f.unlink()
                print(f"removed stale {f.name}")
    print(f"{len(progs) - bad} fixtures, {total} observations, {bad} failed programs")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
