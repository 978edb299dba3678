"""Node states are stored in O(frames + nodes) (issue 11: checkpoints of every node every
32 frames held 113 MB for a 5,000-op chain), and state(i) still equals replaying the
per-frame changes."""

import autograd_viz as torch


def _chain(n):
    x = torch.tensor([1.0], requires_grad=True)
    with torch.record() as rec:
        y = x
        for _ in range(n):
            y = y * 1.0001
        y.backward()
    assert rec.internal_errors == []
    return rec


def _entries(store):
    return (
        len(store.initial)
        + sum(len(d) for d in store.deltas)
        + sum(len(f) for f, _ in store._hist.values())
    )


def test_state_storage_grows_with_frames_plus_nodes():
    small, big = _chain(300), _chain(3000)
    for rec in (small, big):
        size = len(rec.frames) + len(rec.graph.nodes)
        assert _entries(rec._store) <= 6 * size
    # ten times the ops: about ten times the entries (a frames x nodes store: ~100 times)
    ratio = _entries(big._store) / _entries(small._store)
    assert ratio < 12


def test_state_equals_replaying_the_deltas():
    rec = _chain(200)
    st = dict(rec._store.initial)
    for i in range(len(rec.frames)):
        st.update(rec._deltas[i])
        got = rec._store.at(i)
        assert got == st, i
    last = rec.state(len(rec.frames) - 1)
    assert {k: v.value for k, v in last.items()} == {k: v.value for k, v in st.items()}
