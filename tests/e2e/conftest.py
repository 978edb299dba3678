"""Fixtures for the browser tests: a throwaway Jupyter server + headless Debian Chromium.

* `jupyter_app` starts JupyterLab ("lab") or Notebook 7 ("notebook") on 127.0.0.1, on a free
  port, with a random token, serving a temporary COPY of notebooks/ (Lab autosaves: the test
  must never write into the repo), with its own config/runtime/settings/workspace dirs.
* `browser_page` (deliberately not called `page`: pytest-playwright owns that name) drives
  /usr/bin/chromium through plain Playwright (no `playwright install`), records console
  messages and page errors, and saves a screenshot into the test's tmp_path at teardown,
  also when the test failed.

Env: CHROMIUM (default /usr/bin/chromium), AV_E2E_NOTEBOOK (repo-relative notebook to open,
default notebooks/01_first_graph.ipynb; tests/e2e/harness_demo.ipynb checks the harness alone).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))  # e2e_helpers, e2e_programs
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
NOTEBOOK = os.environ.get("AV_E2E_NOTEBOOK", "notebooks/01_first_graph.ipynb")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
# JupyterLab user settings for the test server (same content as binder/overrides.json):
# no "get notified about Jupyter news?" toast, widget state saved with the notebook.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyter-widgets/jupyterlab-manager/plugin.jupyterlab-settings": {"saveState": True},
}

_ARTIFACTS: list[str] = []  # printed in the terminal summary


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class JupyterApp:
    kind: str  # "lab" or "notebook"
    base: str  # http://127.0.0.1:PORT
    token: str
    notebook: str  # path of the notebook relative to the server root
    code_cells: int  # non-empty code cells in it (what Run All executes)
    log: Path
    serve: Path = Path()  # the server's root dir (a throwaway copy)
    env: dict = field(default_factory=dict)  # the server's environment (JUPYTER_DATA_DIR ...)

    def url(self, name: str) -> str:
        if self.kind == "lab":
            return f"{self.base}/lab/tree/{name}?reset&token={self.token}"
        return f"{self.base}/notebooks/{name}?token={self.token}"

    def notebook_url(self) -> str:
        if self.kind == "lab":
            return f"{self.base}/lab/tree/{self.notebook}?reset&token={self.token}"
        return f"{self.base}/notebooks/{self.notebook}?token={self.token}"


def _wait_ready(app: JupyterApp, proc: subprocess.Popen, timeout: float = 90) -> None:
    t0 = time.time()
    while time.time() - t0 < timeout:
        if proc.poll() is not None:
            raise RuntimeError(
                f"jupyter {app.kind} exited with {proc.returncode}:\n" + app.log.read_text()[-3000:]
            )
        try:
            req = urllib.request.Request(
                f"{app.base}/api/status", headers={"Authorization": f"token {app.token}"}
            )
            urllib.request.urlopen(req, timeout=2).read()
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(
        f"jupyter {app.kind} not up after {timeout}s:\n" + app.log.read_text()[-3000:]
    )


@pytest.fixture(scope="module", params=["lab", "notebook"], ids=["jupyterlab", "notebook7"])
def jupyter_app(request, tmp_path_factory):
    kind = request.param
    src = ROOT / NOTEBOOK  # (the Stepper tests write their own notebooks into `serve`)
    base = tmp_path_factory.mktemp(f"jupyter-{kind}")
    serve = base / "root"
    shutil.copytree(ROOT / "notebooks", serve)
    if src.exists() and src.parent != ROOT / "notebooks":  # e.g. tests/e2e/harness_demo.ipynb
        shutil.copy(src, serve / src.name)
    settings = base / "user-settings"
    for rel, value in LAB_SETTINGS.items():
        (settings / rel).parent.mkdir(parents=True, exist_ok=True)
        (settings / rel).write_text(json.dumps(value))
    nb = json.loads(src.read_text(encoding="utf-8")) if src.exists() else {"cells": []}
    code_cells = sum(
        1 for c in nb["cells"] if c["cell_type"] == "code" and "".join(c["source"]).strip()
    )
    port, token = _free_port(), secrets.token_hex(16)
    cls = "LabApp" if kind == "lab" else "JupyterNotebookApp"
    cmd = [
        sys.executable,
        "-m",
        "jupyterlab" if kind == "lab" else "notebook",
        "--no-browser",
        "--allow-root",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={serve}",
        f"--{cls}.user_settings_dir={settings}",
        f"--{cls}.workspaces_dir={base / 'workspaces'}",
    ]
    # The kernel must import the package of THIS checkout (not whatever is installed, nor
    # nothing at all when the package is not pip-installed): put ROOT first on its path.
    pypath = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    env = dict(
        os.environ,
        JUPYTER_CONFIG_DIR=str(base / "config"),
        JUPYTER_RUNTIME_DIR=str(base / "runtime"),
        IPYTHONDIR=str(base / "ipython"),
        JUPYTER_DATA_DIR=str(base / "data"),  # notebook signatures (`jupyter trust`) live here
        PYTHONPATH=pypath,
    )
    app = JupyterApp(
        kind,
        f"http://127.0.0.1:{port}",
        token,
        src.name,
        code_cells,
        base / "server.log",
        serve,
        env,
    )
    with app.log.open("w") as log:
        proc = subprocess.Popen(
            cmd, stdout=log, stderr=subprocess.STDOUT, env=env, stdin=subprocess.DEVNULL
        )
        try:
            _wait_ready(app, proc)
            yield app
        finally:
            proc.terminate()
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)
    _ARTIFACTS.append(f"{request.node.nodeid}: server log {app.log}")


@dataclass
class BrowserPage:
    page: object  # playwright.sync_api.Page
    console: list = field(default_factory=list)  # (type, text, location url)
    page_errors: list = field(default_factory=list)


@pytest.fixture
def browser_page(request, tmp_path):
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} not found: apt-get install chromium (tests/run.sh does, as root)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        ctx = browser.new_context(viewport={"width": 1280, "height": 1000})
        pg = ctx.new_page()
        pg.set_default_timeout(60_000)
        bp = BrowserPage(pg)
        pg.on("console", lambda m: bp.console.append((m.type, m.text, m.location.get("url", ""))))
        pg.on("pageerror", lambda e: bp.page_errors.append(str(e)))
        try:
            yield bp
        finally:
            rep = getattr(request.node, "rep_call", None)
            status = "failed" if rep is not None and rep.failed else "end"
            shot = tmp_path / f"{request.node.name}-{status}.png".replace("/", "_")
            try:
                pg.screenshot(path=str(shot), full_page=True)
                _ARTIFACTS.append(f"{request.node.nodeid}: screenshot {shot}")
                print(f"screenshot: {shot}")
            except Exception as exc:
                _ARTIFACTS.append(f"{request.node.nodeid}: screenshot failed: {exc}")
            ctx.close()
            browser.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    rep = yield
    setattr(item, f"rep_{rep.when}", rep)  # lets browser_page know the test failed
    return rep


def pytest_terminal_summary(terminalreporter):
    if _ARTIFACTS:
        terminalreporter.section("e2e artifacts")
        for line in _ARTIFACTS:
            terminalreporter.write_line(line)
