"""Run every benchmark in one go and print the ratios (each measured within one run).

    python benchmarks/run.py            # print
    python benchmarks/run.py --write    # also write the results into benchmarks/README.md
                                        # and the Benchmarks section of README.md

The machines are noisy: every benchmark compares against a baseline measured in the same
run (interleaved where it matters), never against a stored number.  OPENBLAS_CORETYPE is
left as the machine sets it, for both sides of each comparison.
"""

from __future__ import annotations

import datetime
import platform
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BENCHES = [
    (
        "Engine",
        "bench_engine.py",
        "training steps (nn.Linear, textbook-style, makemore-style), per-op cost, a big matmul "
        "and scalar graphs vs numpy by hand, PyTorch (1 thread) and micrograd",
    ),
    (
        "Recorder and renderer",
        "bench_record.py",
        "recording on vs off; build + lay out recordings of 50, 200, 1000 nodes",
    ),
    (
        "Stepper",
        "bench_widget.py",
        "opening a stepper vs its Graphviz layouts; st.frame vs a dot run; save_html sizes; "
        "lesson notebook sizes; Next in the browser",
    ),
    (
        "Recorder at 500 / 5,000 ops",
        "bench_recorder.py",
        "recording overhead, close time and memory vs the unrecorded program",
    ),
]
START, END = "<!-- benchmarks:start -->", "<!-- benchmarks:end -->"


def run_all() -> str:
    parts = [
        f"Measured {datetime.date.today()} on {platform.machine()} ({_cpu_model()}), "
        f"{_cpus()} cores, Python {platform.python_version()}.  The ratios against PyTorch "
        "depend on the CPU as much as on this code: PyTorch's small kernels (tanh, matmul) "
        "run at very different speeds on different processors (benchmarks/README.md)."
    ]
    for title, script, what in BENCHES:
        print(f"== {script}", flush=True)
        out = subprocess.run(
            [sys.executable, str(HERE / script)],
            cwd=ROOT,
            text=True,
            capture_output=True,
            check=False,
        )
        text = (out.stdout + ("\n" + out.stderr if out.returncode else "")).strip()
        print(text, flush=True)
        if out.returncode:
            raise SystemExit(f"{script} failed with exit code {out.returncode}")
        parts.append(f"### {title} (`python benchmarks/{script}`)\n\n{what}.\n\n```\n{text}\n```")
    return "\n\n".join(parts)


def _cpu_model() -> str:
    """The processor's model name (Linux: /proc/cpuinfo), else what ``platform`` knows."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "processor unknown"


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


def _replace_block(path: Path, body: str) -> None:
    text = path.read_text(encoding="utf-8")
    block = f"{START}\n{body}\n{END}"
    if START in text:
        text = re.sub(re.escape(START) + r".*?" + re.escape(END), lambda _: block, text, flags=re.S)
    elif "<!-- benchmarks -->" in text:
        text = text.replace("<!-- benchmarks -->", "<!-- benchmarks -->\n" + block, 1)
    else:
        text = text.rstrip() + "\n\n## Latest run\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


def main(argv: list[str]) -> int:
    body = run_all()
    if "--write" in argv:
        _replace_block(HERE / "README.md", body)
        _replace_block(ROOT / "README.md", body)
        print("written into benchmarks/README.md and README.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
