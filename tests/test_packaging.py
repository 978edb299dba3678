"""The wheel and the sdist, built as a user or an index would (``python -m build``), carry the
licence text, ``py.typed``, the widget's browser files and the metadata pyproject.toml states
(licence expression, project URLs matching README's Binder badge, classifiers)."""

from __future__ import annotations

import email
import importlib.util
import os
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
IN_CI = os.environ.get("CI", "").lower() in ("true", "1")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        importlib.util.find_spec("build") is None and not IN_CI,
        reason="the 'build' package is not installed (pip install -e '.[test]')",
    ),
]


@pytest.fixture(scope="module")
def dists(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    r = subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    (wheel,) = out.glob("*.whl")
    (sdist,) = out.glob("*.tar.gz")
    return wheel, sdist


def test_wheel_has_license_py_typed_and_static_files(dists):
    wheel, _ = dists
    with zipfile.ZipFile(wheel) as z:
        names = z.namelist()
        licenses = [n for n in names if re.search(r"\.dist-info/licenses/LICENSE$", n)]
        assert licenses, names
        assert "MIT License" in z.read(licenses[0]).decode()
        assert "autograd_viz/py.typed" in names
        assert any(n.startswith("autograd_viz/widget/static/") for n in names), names
        assert not any(n.startswith(("tests/", "notebooks/", "benchmarks/")) for n in names)
        (meta_name,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        meta = email.message_from_string(z.read(meta_name).decode())
        ported = [n for n in names if n.endswith("licenses/LICENSES/PyTorch-BSD-3-Clause.txt")]
        assert ported and "Redistribution and use" in z.read(ported[0]).decode()
    assert meta["License-Expression"] == "MIT AND BSD-3-Clause"
    assert meta.get_all("License-File") == ["LICENSE", "LICENSES/PyTorch-BSD-3-Clause.txt"]
    urls = dict(u.split(", ", 1) for u in meta.get_all("Project-URL"))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    badge = re.search(r"\(https://mybinder\.org/v2/gh/([^/]+/[^/]+)/main\?[^)]*\)", readme)
    assert badge, "README has no Binder badge"
    repo = badge.group(1)
    assert urls["Source"] == f"https://github.com/{repo}"
    assert urls["Binder"].startswith(f"https://mybinder.org/v2/gh/{repo}/main")
    assert "Typing :: Typed" in meta.get_all("Classifier")
    requires = meta.get_all("Requires-Dist")
    for dep in ("numpy>=2.1", "anywidget>=0.9.20", "traitlets>=5.4", "graphviz>=0.20"):
        assert dep in requires, requires


def test_sdist_has_license_changelog_and_py_typed(dists):
    _, sdist = dists
    with tarfile.open(sdist) as t:
        names = {n.split("/", 1)[1] for n in t.getnames() if "/" in n}
    for needed in (
        "LICENSE",
        "LICENSES/PyTorch-BSD-3-Clause.txt",
        "CHANGELOG.md",
        "README.md",
        "pyproject.toml",
        "autograd_viz/py.typed",
    ):
        assert needed in names, needed
