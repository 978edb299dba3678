"""``torch.version``: what a CPU-only build reports (no CUDA, no ROCm)."""

from . import __version__

cuda = None
hip = None
rocm = None
xpu = None
debug = False
git_version = "unknown"

__all__ = ["__version__", "cuda", "debug", "git_version", "hip", "rocm", "xpu"]
