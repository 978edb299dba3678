"""A browser tour of the lessons (a developer tool, not collected by pytest; ~30 s per lesson
and mode, so not in CI: tests/e2e/test_e2e_lessons.py is the CI part).

For each lesson: open it in JupyterLab or Notebook 7 as saved (signed; the kernel deleted once
the widgets rendered) and/or live (Run All); step every Stepper by Next through every frame,
Prev, Last, the phase jumps, Home/ArrowRight/End keys and Size 5; collect console errors,
page errors, stderr outputs, widget errors, text overflow and small text in the widget and in
the Graphviz figures, English captions in the Chinese lessons; save a screenshot per widget
(Size 2 and Size 5) and a projector-sized (1024x768) page shot, and report-<app>.json.

    python tests/e2e/tour_lessons.py . OUTDIR lab                 # all 26 lessons
    python tests/e2e/tour_lessons.py . OUTDIR notebook 05_two_layer_network.ipynb
    MODES=live python tests/e2e/tour_lessons.py . OUTDIR lab 'zh/*.ipynb'
"""

import contextlib
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(sys.argv[1]).resolve()
OUT = Path(sys.argv[2])
OUT.mkdir(parents=True, exist_ok=True)
KIND = sys.argv[3] if len(sys.argv) > 3 else "lab"
PATS = sys.argv[4:] or ["*.ipynb", "zh/*.ipynb"]
MODES = os.environ.get("MODES", "saved,live").split(",")
sys.path.insert(0, str(REPO / "tests/e2e"))
from conftest import CHROMIUM, FLAGS, LAB_SETTINGS, _free_port  # noqa

base = Path(tempfile.mkdtemp(prefix=f"av-tour-{KIND}-"))
serve = base / "root"
shutil.copytree(REPO / "notebooks", serve / "notebooks")
settings = base / "settings"
for rel, v in LAB_SETTINGS.items():
    (settings / rel).parent.mkdir(parents=True, exist_ok=True)
    (settings / rel).write_text(json.dumps(v))
port, token = _free_port(), secrets.token_hex(8)
cls = "LabApp" if KIND == "lab" else "JupyterNotebookApp"
env = dict(
    os.environ,
    JUPYTER_CONFIG_DIR=str(base / "config"),
    JUPYTER_RUNTIME_DIR=str(base / "rt"),
    IPYTHONDIR=str(base / "ipy"),
    JUPYTER_DATA_DIR=str(base / "data"),
    PYTHONPATH=str(REPO),
)
nbs = sorted({p for pat in PATS for p in (serve / "notebooks").glob(pat)})
for p in nbs:
    subprocess.run(
        [sys.executable, "-m", "jupyter", "trust", str(p)], env=env, check=True, capture_output=True
    )
log = open(base / "server.log", "w")  # noqa: SIM115 (open while the server runs)
proc = subprocess.Popen(
    [
        sys.executable,
        "-m",
        "jupyterlab" if KIND == "lab" else "notebook",
        "--no-browser",
        "--allow-root",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={serve}",
        f"--{cls}.user_settings_dir={settings}",
        f"--{cls}.workspaces_dir={base / 'ws'}",
    ],
    stdout=log,
    stderr=subprocess.STDOUT,
    env=env,
    stdin=subprocess.DEVNULL,
)
B = f"http://127.0.0.1:{port}"


def api(path, method="GET"):
    r = urllib.request.Request(B + path, method=method, headers={"Authorization": f"token {token}"})
    d = urllib.request.urlopen(r, timeout=10).read()
    return json.loads(d) if d else None


for _ in range(200):
    try:
        api("/api/status")
        break
    except OSError:
        time.sleep(0.3)


def url(rel):
    return (
        f"{B}/lab/tree/{rel}?reset&token={token}"
        if KIND == "lab"
        else f"{B}/notebooks/{rel}?token={token}"
    )


# ------------------------------------------------------------------ page probes
# the page probes: tour_lessons.js, two arrow functions, each after a "// " comment line
_JS = Path(__file__).with_suffix(".js").read_text(encoding="utf-8").split("// ----\n")
PROBE, FIG = (re.sub(r"^(//[^\n]*\n)+", "", part) for part in _JS)
ENGLISH = re.compile(r"\b[A-Za-z]{4,}\b")
#: a code name in a caption: dotted, underscored or called (``model.0.weight``, ``zero_grad()``)
CODE = re.compile(r"[A-Za-z_]\w*(?:[._(]\w*)+\)?")
OK_WORDS = set(
    [
        "grad",
        "data",
        "leaf",
        "requires",
        "backward",
        "forward",
        "tensor",
        "Tensor",
        "None",
        "True",
        "False",
        "loss",
        "retain_grad",
        "zero_grad",
        "step",
        "optim",
        "torch",
        "float",
        "nn",
        "Linear",
        "tanh",
        "relu",
        "sigmoid",
        "softmax",
        "sum",
        "mean",
        "Size",
        "item",
        "numpy",
        "graph",
        "autograd",
        "dataflow",
    ]
)


def wait_idle(page):
    from playwright.sync_api import expect

    ready = (
        page.get_by_text(re.compile(r"\| Idle$"))
        if KIND == "lab"
        else page.locator(".jp-Notebook-ExecutionIndicator", has_text="Idle")
    )
    expect(ready.first).to_be_visible(timeout=120_000)


def run_all(page, n):
    done = page.locator(".jp-CodeCell .jp-InputArea-prompt", has_text=re.compile(r"\[\d+\]"))
    for _ in range(3):
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        t0 = time.time()
        while time.time() - t0 < 240:
            if (
                done.count() >= n
                and not page.locator(".jp-CodeCell .jp-InputArea-prompt", has_text="[*]").count()
            ):
                return time.time() - t0
            page.wait_for_timeout(300)
        page.keyboard.press("Escape")
    raise RuntimeError("Run All did not finish")


def exercise(page, st, tag, rep):
    """step a Stepper every way; returns states"""

    def P():
        return st.evaluate(PROBE)

    st.scroll_into_view_if_needed()
    page.wait_for_timeout(200)
    s0 = P()
    n = s0["n"]
    seen = [s0]
    issues = set(s0["issues"])
    if s0["svgs"] < 1:
        rep["problems"].append(f"{tag}: no svg in graph")
    if not s0["caption"]:
        rep["problems"].append(f"{tag}: empty caption frame {s0['frame']}")
    if st.locator(".av-first").is_enabled():
        st.locator(".av-first").click()
    for k in range(1, n):
        st.locator(".av-next").click()
        s = P()
        seen.append(s)
        issues |= set(s["issues"])
        if s["frame"] != k:
            rep["problems"].append(f"{tag}: Next -> frame {s['frame']} != {k}")
            break
        if not s["caption"]:
            rep["problems"].append(f"{tag}: empty caption frame {k}")
    st.locator(".av-prev").click()
    s = P()
    if s["frame"] != n - 2 and n > 1:
        rep["problems"].append(f"{tag}: Prev gave {s['frame']}")
    st.locator(".av-last").click()
    if P()["frame"] != n - 1:
        rep["problems"].append(f"{tag}: Last")
    for j in s0["jumps"]:
        b = st.locator("." + j)
        if b.is_enabled():
            b.click()
            s = P()
            issues |= set(s["issues"])
    st.locator(".av-caption").click()
    page.keyboard.press("Home")
    f0 = P()["frame"]
    page.keyboard.press("ArrowRight")
    f1 = P()["frame"]
    page.keyboard.press("End")
    f2 = P()["frame"]
    if not (f0 == 0 and f1 == min(1, n - 1) and f2 == n - 1):
        rep["problems"].append(f"{tag}: keys {f0} {f1} {f2}")
    # Size 5 (projector) and back
    try:
        st.locator(".av-size").fill("5")
        issues |= set(P()["issues"])
        st.screenshot(path=str(OUT / f"{tag}-size5.png"))
        st.locator(".av-size").fill("2")
    except Exception as e:
        rep["problems"].append(f"{tag}: size {e}")
    page.keyboard.press("Home")
    for x in sorted(issues):
        rep["issues"].append(f"{tag}: {x}")
    rep["steppers"].append(
        {
            "tag": tag,
            "n": n,
            "captions": [s["caption"] for s in seen],
            "nodes": [s["nodes"] for s in seen],
        }
    )
    return seen


def tour(nbrel, mode, browser):
    from playwright.sync_api import expect

    rep = {
        "nb": nbrel,
        "mode": mode,
        "kind": KIND,
        "problems": [],
        "issues": [],
        "steppers": [],
        "console": [],
    }
    ctx = browser.new_context(viewport={"width": 1280, "height": 1300})
    page = ctx.new_page()
    page.set_default_timeout(60_000)
    page.on(
        "console",
        lambda m: (
            m.type in ("error", "warning") and rep["console"].append(f"{m.type}: {m.text[:300]}")
        ),
    )
    page.on("pageerror", lambda e: rep["console"].append(f"pageerror: {str(e)[:300]}"))
    name = nbrel.replace("/", "_").replace(".ipynb", "") + f"-{KIND}-{mode}"
    nb = json.loads((serve / nbrel).read_text())
    ncode = sum(1 for c in nb["cells"] if c["cell_type"] == "code" and "".join(c["source"]).strip())
    nw = sum(
        1
        for c in nb["cells"]
        for o in c.get("outputs", [])
        if "application/vnd.jupyter.widget-view+json" in o.get("data", {})
    )
    page.goto(url(nbrel))
    page.locator(".jp-Notebook .jp-Cell").first.wait_for()
    if mode == "saved":
        t0 = time.time()
        while time.time() - t0 < 60 and page.locator(".av-stepper").count() < nw:
            page.wait_for_timeout(250)
        rep["render_s"] = round(time.time() - t0, 1)
        for k in api("/api/kernels"):
            api(f"/api/kernels/{k['id']}", "DELETE")
        page.wait_for_timeout(1000)
    else:
        wait_idle(page)
        rep["run_s"] = round(run_all(page, ncode), 1)
        page.wait_for_timeout(1500)
    # render everything: scroll through (Lab virtualises / lazy renders)
    nb_el = page.locator(".jp-Notebook").first
    for _ in range(60):
        page.mouse.wheel(0, 900)
        page.wait_for_timeout(60)
    sts = page.locator(".av-stepper")
    with contextlib.suppress(Exception):
        expect(sts.nth(nw - 1)).to_be_attached(timeout=30_000)
    rep["widgets_expected"] = nw
    rep["widgets_found"] = sts.count()
    if sts.count() != nw:
        rep["problems"].append(f"steppers found {sts.count()} expected {nw}")
    body = nb_el.inner_text()
    for rx in [
        r"Error displaying widget",
        r"model not found",
        r"Failed to render",
        r"Traceback",
        r"Error:",
        r"Exception",
    ]:
        for m in re.finditer(rx, body):
            rep["problems"].append(
                f"text '{rx}': ...{body[max(0, m.start() - 120) : m.end() + 120]!r}"
            )
    errs = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    for k in range(errs.count()):
        rep["problems"].append("stderr output: " + errs.nth(k).inner_text()[:400])
    for k in range(sts.count()):
        try:
            exercise(page, sts.nth(k), f"{name}-w{k}", rep)
        except Exception as e:
            rep["problems"].append(f"w{k}: exception {type(e).__name__}: {str(e)[:300]}")
        with contextlib.suppress(Exception):
            sts.nth(k).screenshot(path=str(OUT / f"{name}-w{k}.png"))
    outs = page.locator(".jp-OutputArea-output:has(svg):not(:has(.av-stepper))")
    for k in range(outs.count()):
        try:
            for x in outs.nth(k).evaluate(FIG):
                rep["issues"].append(f"fig{k}: {x}")
        except Exception as e:
            rep["problems"].append(f"fig{k}: {e}")
    # whole page at projector size too
    page.set_viewport_size({"width": 1024, "height": 768})
    page.screenshot(path=str(OUT / f"{name}-page1024.png"))
    zh = nbrel.startswith("notebooks/zh/")
    if zh:
        md = page.locator(".jp-MarkdownCell .jp-RenderedMarkdown")
        for k in range(md.count()):
            t = md.nth(k).inner_text()
            cn = len(re.findall(r"[\u4e00-\u9fff]", t))
            en = [w for w in ENGLISH.findall(t) if w not in OK_WORDS]
            if len(en) > 8 and cn < 3 * len(en):
                rep["issues"].append(f"zh md{k} mostly English: {t[:150]!r}")
        for s in rep["steppers"]:
            for j, c in enumerate(s["captions"]):
                # (code in a caption stays code: ``model.0.weight``, ``optimizer.step()``)
                prose = CODE.sub(" ", c)
                en = [w for w in ENGLISH.findall(prose) if w not in OK_WORDS]
                if not re.search(r"[\u4e00-\u9fff]", c) or len(en) > 6:
                    rep["issues"].append(f"{s['tag']} f{j} zh caption English: {c[:160]!r}")
    ctx.close()
    return rep


results = []
with sync_playwright() as p:
    browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
    for nbp in nbs:
        rel = str(nbp.relative_to(serve))
        for mode in MODES:
            t0 = time.time()
            try:
                r = tour(rel, mode, browser)
            except Exception as e:
                r = {
                    "nb": rel,
                    "mode": mode,
                    "problems": [f"TOUR FAILED {type(e).__name__}: {str(e)[:500]}"],
                    "issues": [],
                    "console": [],
                    "steppers": [],
                }
            r["secs"] = round(time.time() - t0, 1)
            results.append(r)
            print(
                f"{rel} {mode}: {r['secs']}s widgets {r.get('widgets_found')}/"
                f"{r.get('widgets_expected')} problems {len(r['problems'])} "
                f"issues {len(r['issues'])} console {len(r['console'])}",
                flush=True,
            )
            for k in api("/api/sessions"):
                api(f"/api/sessions/{k['id']}", "DELETE")
    browser.close()
(OUT / f"report-{KIND}.json").write_text(json.dumps(results, indent=1, ensure_ascii=False))
proc.terminate()
proc.wait(15)
