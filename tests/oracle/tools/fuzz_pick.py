"""Write ``programs/bad_input_fuzz.py`` from two ``fuzz_run.py`` outputs: the cases the
baseline run got wrong and the current run gets right, every hand-written ``fixed`` case, and
a fixed-seed sample of ``PER_GROUP`` cases per group that match in both runs.

    python tests/oracle/tools/fuzz_pick.py PROG.py BASE_OUT.txt CUR_OUT.txt DEST.py [PER_GROUP]
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

HEAD = [
    "# Bad input found by differential fuzzing against PyTorch 2.13 (issue 13): for about 120",
    "# functions and Tensor methods, one argument at a time replaced by a wrong one (wrong",
    "# types, bool/int tensors, mismatched shapes and dtypes, out-of-range dims and indices,",
    "# negative sizes, empty and 0-d tensors, non-contiguous inputs, wrong keyword names). Each",
    "# case records PyTorch's exception type and message, or PyTorch's result. Cases are named",
    "# <group>_<template>[_<slot><kind><variant>]; made by tests/oracle/tools/fuzz_*.py.",
]
# cases whose message prints a set (hash order differs between runs)
UNSTABLE = {"nn_56"}


def names(path):
    return {
        ln.split(None, 2)[1].rstrip(":")
        for ln in Path(path).read_text().splitlines()
        if ln.strip() and not ln.startswith("#")
    }


def main(argv):
    prog, base_out, cur_out, dest = argv[:4]
    per_group = int(argv[4]) if len(argv) > 4 else 12
    prelude, cases = [], []
    for ln in Path(prog).read_text().split("\n"):
        mt = re.match(r"raises\('([^']+)', lambda: (.*)\)$", ln)
        if mt:
            cases.append((mt.group(1), mt.group(2)))
        elif ln.strip() and not cases:
            prelude.append(ln)
    bad0, bad1 = names(base_out), names(cur_out)
    fixed = [c for c in cases if c[0] in bad0 and c[0] not in bad1]
    rng = random.Random(13)
    groups = {}
    for c in cases:
        if c[0] not in bad0 and c[0] not in bad1:
            groups.setdefault(c[0].split("_")[0], []).append(c)
    sample = []
    for g, cs in groups.items():
        sample += cs if g == "fixed" else rng.sample(cs, min(per_group, len(cs)))
    chosen = {c[0] for c in fixed + sample} - UNSTABLE
    body = [f"raises({n!r}, lambda: {code})" for n, code in cases if n in chosen]
    Path(dest).write_text("\n".join(HEAD + prelude + [""] + body) + "\n")
    print(f"{len(fixed)} fixed, {len(sample)} sampled, {len(body)} written", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
