"""README's lesson command, ``bash run-lessons.sh``, started for real: it prints a URL with a
port and a token, JupyterLab answers there, its contents API lists the lessons (the server's
root is ``notebooks/``), and the server stops when asked.

The setup part of the script (``.venv`` + pip) is skipped with ``AV_LESSONS_SKIP_SETUP=1``:
the script uses the environment running these tests (``AV_LESSONS_VENV=sys.prefix``), which
has JupyterLab in CI (the ``e2e`` extra).  Outside CI a missing JupyterLab skips this test;
with CI=true it fails.
"""

from __future__ import annotations

import json
import os
import re
import selectors
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
IN_CI = os.environ.get("CI", "").lower() in ("true", "1")


def _has_jupyterlab() -> bool:
    import importlib.util

    return importlib.util.find_spec("jupyterlab") is not None


pytestmark = pytest.mark.skipif(
    not _has_jupyterlab() and not IN_CI,
    reason="jupyterlab is not installed in this environment (pip install -e '.[e2e]')",
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, timeout: float = 10.0):
    with urllib.request.urlopen(url, timeout=timeout) as r:
        return r.status, r.read()


@pytest.fixture
def lessons_server(tmp_path):
    """Start ``bash run-lessons.sh --port=<a free port>`` (no display: no browser); yield
    (process, printed lines, printed URL, port); stop it (its process group, which this
    fixture created) afterwards."""
    port = _free_port()
    env = dict(os.environ)
    env.update(
        AV_LESSONS_SKIP_SETUP="1",
        AV_LESSONS_VENV=sys.prefix,
        # the package from this checkout (the kernel starts in notebooks/)
        PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p),
        # keep the user's Jupyter config and runtime files out of it
        JUPYTER_CONFIG_DIR=str(tmp_path / "config"),
        JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"),
        JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "workspaces"),
        IPYTHONDIR=str(tmp_path / "ipython"),
        PYTHONUNBUFFERED="1",
    )
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    proc = subprocess.Popen(
        ["bash", str(ROOT / "run-lessons.sh"), f"--port={port}"],
        cwd=tmp_path,  # the script finds the repository by its own path
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group: stopped as one below
    )
    lines: list[str] = []
    url = None
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + 120
    try:
        # read what the script prints up to the end of its banner (the URL is in it)
        while time.monotonic() < deadline and proc.poll() is None:
            if not sel.select(timeout=1):
                continue
            line = proc.stdout.readline()
            lines.append(line)
            m = re.match(r"^\s+(http://\S+/lab\?token=\S+)\s*$", line)
            if m:
                url = m.group(1)
            if "Stop the server" in line:
                break
        assert url, "run-lessons.sh printed no URL:\n" + "".join(lines)
        yield proc, lines, url, port
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)
        proc.stdout.close()


def test_lesson_command_serves_the_lessons(lessons_server):
    proc, lines, url, port = lessons_server
    m = re.match(r"http://localhost:(\d+)/lab\?token=([0-9a-f]{48})$", url)
    assert m, url
    assert m.group(1) == str(port)  # the --port given reached the URL and jupyter lab
    token = m.group(2)
    base = f"http://127.0.0.1:{port}"
    # the server answers (it may take a few seconds to listen)
    deadline = time.monotonic() + 90
    status = None
    while time.monotonic() < deadline:
        assert proc.poll() is None, "jupyter lab exited:\n" + "".join(lines)
        try:
            status, body = _get(f"{base}/api/status?token={token}")
            break
        except OSError:
            time.sleep(0.5)
    assert status == 200, "JupyterLab did not answer:\n" + "".join(lines)
    # the token is required: without it the API refuses
    with pytest.raises(urllib.error.HTTPError) as err:
        _get(f"{base}/api/contents")
    assert err.value.code in (401, 403)
    # the root folder is notebooks/: the lessons are listed at the top level
    status, body = _get(f"{base}/api/contents?token={token}")
    listed = {c["name"]: c["type"] for c in json.loads(body)["content"]}
    lessons = {p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")}
    assert len(lessons) >= 6, lessons
    assert {n for n, t in listed.items() if t == "notebook"} >= lessons, listed
    assert listed.get("zh") == "directory", listed
    # JupyterLab itself (the page the printed URL opens)
    status, body = _get(url.replace("localhost", "127.0.0.1"))
    assert status == 200 and b"JupyterLab" in body
    out = "".join(lines)
    assert "ssh -N -L" in out  # how to reach it from another machine
    if os.geteuid() == 0:
        assert "--allow-root" in out  # and the server did start: jupyter refuses root without it


def test_lesson_command_passes_arguments_to_jupyter_lab(tmp_path):
    """An unknown option reaches ``jupyter lab``, which rejects it (and nothing is started)."""
    env = dict(os.environ, AV_LESSONS_SKIP_SETUP="1", AV_LESSONS_VENV=sys.prefix)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    env["JUPYTER_CONFIG_DIR"] = str(tmp_path / "config")
    env["JUPYTER_RUNTIME_DIR"] = str(tmp_path / "runtime")
    r = subprocess.run(
        ["bash", str(ROOT / "run-lessons.sh"), "--no-such-option-av"],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode != 0
    assert "no-such-option-av" in r.stdout + r.stderr
