"""Typed engine events (frozen dataclasses, one class per kind), built only when someone
listens; a recording sees only its own thread's ops."""

import dataclasses
import threading

import pytest

import autograd_viz as torch
from autograd_viz.engine import events


def test_one_frozen_dataclass_per_kind():
    assert len(events.EVENT_TYPES) >= 19
    names = set()
    for kind, cls in events.EVENT_TYPES.items():
        assert dataclasses.is_dataclass(cls) and cls.kind == kind
        names.add(cls.__name__)
        ev = cls()
        field = dataclasses.fields(cls)[0].name
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(ev, field, 1)
    assert len(names) == len(events.EVENT_TYPES)


def test_a_typed_listener_gets_event_objects_a_plain_one_dicts():
    got, plain = [], []
    a = torch.tensor([1.0, 2.0], requires_grad=True)
    with (
        events.subscribe(got.append, typed=True),
        events.subscribe(lambda k, p: plain.append((k, p))),
    ):
        (a * 2).sum().backward()
    kinds = [e.kind for e in got]
    assert kinds[:2] == ["forward", "forward"] and "backward_node" in kinds
    fw = got[0]
    assert isinstance(fw, events.Forward) and fw.cls.__name__ == "MulBackward0"
    assert [k for k, _ in plain] == kinds
    assert plain[0][1]["op"] == fw.op


def test_no_event_object_is_built_without_a_listener(monkeypatch):
    def boom(*a, **k):
        raise AssertionError("an event was built with nobody listening")

    monkeypatch.setattr(events, "make", boom)
    assert events.LISTENERS == []
    a = torch.tensor([1.0, 2.0], requires_grad=True)
    (torch.tanh(a * 2) ** 2).sum().backward()
    assert a.grad is not None


def test_a_recording_sees_only_its_own_thread():
    start = threading.Barrier(2)
    recs = {}

    def work(name, factor):
        x = torch.tensor([1.0], requires_grad=True)
        with torch.record() as rec:
            start.wait()
            for _ in range(20):
                y = x * factor
            y.backward()
        recs[name] = rec

    ts = [threading.Thread(target=work, args=(n, f)) for n, f in (("a", 2), ("b", 3))]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    for name, factor in (("a", 2), ("b", 3)):
        rec = recs[name]
        assert rec.internal_errors == []
        fw = [f for f in rec.frames if f.phase == "forward"]
        assert len(fw) == 20, name
        assert all(f"* {factor}" in f.caption for f in fw), name
