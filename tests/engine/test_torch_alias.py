"""``sys.modules["torch"] = autograd_viz``: ``import torch.nn`` and friends give the
package's own modules (one engine, one Tensor class), not a second copy loaded from the
same files under the alias name."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

ALIASED = r"""
import sys
import autograd_viz
sys.modules["torch"] = autograd_viz
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.utils.data import DataLoader, TensorDataset
import torch
assert nn is autograd_viz.nn and F is autograd_viz.nn.functional and optim is autograd_viz.optim
assert sys.modules["torch.utils.data"] is sys.modules["autograd_viz.utils.data"]
# (the submodules teaching code imports from: one class each, the package's)
from torch.utils.data.dataset import Dataset, random_split
from torch.utils.data.dataloader import DataLoader as DL, default_collate
from torch.utils.data.sampler import SubsetRandomSampler
assert DL is DataLoader and Dataset is autograd_viz.utils.data.Dataset
assert SubsetRandomSampler is autograd_viz.utils.data.SubsetRandomSampler
assert not [k for k in sys.modules if k.startswith("torch.engine")]

class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.register_buffer("mask", torch.triu(torch.ones(3, 3), diagonal=1))
        self.lin = nn.Linear(3, 1)

    def forward(self, x):
        return self.lin(x.masked_fill(self.mask.bool(), 0.0))

m = M()
ds = TensorDataset(torch.ones(4, 3, 3), torch.zeros(4, 3, 1))
for xb, yb in DataLoader(ds, batch_size=2):
    F.mse_loss(m(xb), yb).backward()
assert isinstance(m.lin.weight.grad, autograd_viz.Tensor)
try:
    import torch.no_such_module
except ModuleNotFoundError as e:
    assert "torch.no_such_module" in str(e)
else:
    raise AssertionError("imported a module that does not exist")
print("ok")
"""

UNALIASED = r"""
import sys
import autograd_viz
from autograd_viz._torch_alias import TorchAliasFinder
assert TorchAliasFinder().find_spec("torch.nn") is None  # no alias: not ours to answer
sys.modules["torch"] = type(sys)("torch")  # some other module named torch
assert TorchAliasFinder().find_spec("torch.nn") is None
print("ok")
"""


def _run(code):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    r = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert r.returncode == 0, r.stderr
    return r.stdout.strip()


def test_aliased_torch_submodules_are_the_package_modules():
    assert _run(ALIASED) == "ok"


def test_finder_answers_only_for_the_alias():
    assert _run(UNALIASED) == "ok"


NOT_INSTALLED = r"""
import sys, warnings
import autograd_viz as torch
import autograd_viz._torch_alias as alias
alias._real_torch_installed = lambda me: False  # (as on a machine without PyTorch)
with warnings.catch_warnings(record=True) as seen:
    warnings.simplefilter("always")
    import torch.nn as nn
    import torch.nn.functional as F
    from torch.utils.data import DataLoader, TensorDataset
    import torch as again
assert again is torch and sys.modules["torch"] is torch
assert nn is torch.nn and F is torch.nn.functional and DataLoader is torch.utils.data.DataLoader
assert len(seen) == 1 and "PyTorch is not installed" in str(seen[0].message), seen
assert seen[0].filename == "<string>"  # (the warning points at the user's import line)
x = torch.ones(2, 3, requires_grad=True)
F.mse_loss(nn.Linear(3, 1)(x), torch.zeros(2, 1)).backward()
assert x.grad.shape == (2, 3)
print("ok")
"""

INSTALLED = r"""
import importlib.util
installed = importlib.util.find_spec("torch") is not None
import autograd_viz
import torch
assert (torch is autograd_viz) is (not installed)
assert installed == (torch.__name__ == "torch")
print("ok")
"""


def test_import_torch_without_pytorch_gives_the_package():
    assert _run(NOT_INSTALLED) == "ok"


def test_import_torch_with_pytorch_installed_is_pytorch():
    assert _run(INSTALLED) == "ok"
