"""Closing a Stepper frees it: 100 steppers opened and closed on one recording keep the
kernel's Python heap growth under 5 MB (tracemalloc, after gc)."""

from __future__ import annotations

import gc
import tracemalloc

from autograd_viz.widget import Stepper


def test_hundred_steppers_opened_and_closed_grow_little(train_rec):
    Stepper(train_rec).close()  # the recording's data, built once and cached with it
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for _ in range(100):
            st = Stepper(train_rec)
            st.frame = 3
            st.close()
        del st
        gc.collect()
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert grown < 5_000_000, f"{grown / 1e6:.1f} MB kept by 100 closed steppers"
