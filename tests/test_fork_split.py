"""A whole rebuild's replay split between this process and a forked child
(`store/fork_split.py`) gives exactly the rows one process gives, falls back
to one process where fork is not there, and survives a child that fails."""

from __future__ import annotations

import os
import random
import shutil
import sys
from pathlib import Path

import pytest

from studytui.store import fork_split
from studytui.store.sqlite_store import Store
from tests.sync_histories import RECOMPUTE, Op, derived, run, sync

needs_fork = pytest.mark.skipif(not fork_split.can_fork(), reason="no fork on this machine")


def _ops(seed: int, count: int) -> list[Op]:
    """Reviews, undos (of reviews from another device too), quiz answers and
    syncs on three devices: merged histories whose replay computes states again."""
    rng = random.Random(seed)
    kinds = ("review",) * 6 + ("undo", "quiz", "other", "sync")
    return [(rng.choice(kinds), rng.randrange(3), rng.randrange(40), rng.randrange(4),
             rng.randrange(0, 2000)) for _ in range(count)]


@pytest.fixture(scope="module")
def merged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding three devices' merged histories of the three cards."""
    root = tmp_path_factory.mktemp("fork")
    devices = [root / f"device{i}.db" for i in range(3)]
    run(devices, _ops(3, 160))
    sync(devices[0], devices[1])
    sync(devices[0], devices[2])
    return devices[0]


def _rebuilt(source: Path, into: Path) -> tuple[object, ...]:
    shutil.copy(source, into)
    with Store.open(into, backup=False) as store:
        store.rebuild_states(RECOMPUTE)
    return derived(into)


def _count_forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    forks: list[int] = []
    real = os.fork

    def counted() -> int:
        pid = real()
        if pid:
            forks.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", counted)
    return forks


@needs_fork
def test_rebuild_in_two_processes_writes_the_rows_one_process_writes(
        merged: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fork_split, "can_fork", lambda: False)
    serial = _rebuilt(merged, tmp_path / "serial.db")
    monkeypatch.setattr(fork_split, "can_fork", lambda: True)
    monkeypatch.setattr(fork_split, "PARALLEL_MIN", 0)
    forks = _count_forks(monkeypatch)
    parallel = _rebuilt(merged, tmp_path / "parallel.db")
    assert len(forks) == 1  # the child did half the cards
    states, reviews, quizzes = serial
    assert len(states) == 3 and len(reviews) > 50 and quizzes  # a history worth comparing
    assert any(r[-1] for r in reviews)  # undone reviews among them
    assert parallel == serial


def test_without_fork_the_rebuild_runs_in_one_process(
        merged: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fork_split, "can_fork", lambda: False)
    serial = _rebuilt(merged, tmp_path / "serial.db")
    monkeypatch.undo()
    monkeypatch.delattr(os, "fork", raising=False)  # Windows
    monkeypatch.setattr(fork_split, "PARALLEL_MIN", 0)

    def no_child(*_: object) -> None:
        raise AssertionError("a child was asked for where fork is not available")

    monkeypatch.setattr(fork_split, "_forked", no_child)
    assert not fork_split.can_fork()
    assert _rebuilt(merged, tmp_path / "alone.db") == serial


def test_fork_is_not_used_on_macos_or_on_one_core(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    assert not fork_split.can_fork()  # spawn is macOS's default: its libraries and fork
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: {0}, raising=False)
    assert not fork_split.can_fork()


def test_a_small_batch_stays_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    forks = _count_forks(monkeypatch)
    items = list(range(100))
    assert fork_split.in_two(items, lambda xs: ([x * 2 for x in xs],), weight=lambda _: 1) \
        == ([x * 2 for x in items],)
    assert forks == []


def _double(xs: list[int]) -> tuple[list[int], list[str]]:
    return [x * 2 for x in xs], [str(x) for x in xs if x % 7 == 0]


@needs_fork
def test_the_halves_are_joined_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fork_split, "PARALLEL_MIN", 0)
    forks = _count_forks(monkeypatch)
    items = list(range(1000))
    assert fork_split.in_two(items, _double, weight=lambda x: 1 + x % 5) == _double(items)
    assert len(forks) == 1


@needs_fork
@pytest.mark.parametrize("fork", [True, False], ids=["two-processes", "one-process"])
def test_each_half_is_handed_on_as_soon_as_it_is_here(
        monkeypatch: pytest.MonkeyPatch, fork: bool) -> None:
    """This process's half first (while the child works), then the child's; in
    one process, the whole: together, every item's result once, in order."""
    monkeypatch.setattr(fork_split, "PARALLEL_MIN", 0 if fork else 10**9)
    parent, got = os.getpid(), []
    items = list(range(1000))
    joined = fork_split.in_two(items, _double, weight=lambda _: 1,
                               each=lambda half: got.append((os.getpid(), half)))
    assert joined == _double(items)
    assert all(pid == parent for pid, _ in got) and len(got) == (2 if fork else 1)
    assert tuple(sum((half[i] for _, half in got), []) for i in range(2)) == joined


@needs_fork
def test_a_child_that_fails_leaves_its_half_to_the_parent(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fork_split, "PARALLEL_MIN", 0)
    parent = os.getpid()

    def dies_in_the_child(xs: list[int]) -> tuple[list[int], list[str]]:
        if os.getpid() != parent:
            os._exit(3)  # killed, out of memory: nothing sent
        return _double(xs)

    items = list(range(500))
    assert fork_split.in_two(items, dies_in_the_child, weight=lambda _: 1) == _double(items)


@needs_fork
@pytest.mark.parametrize("bad", [10, 490], ids=["in-the-parents-half", "in-the-childs-half"])
def test_an_item_the_work_cannot_read_raises_as_in_one_process(
        monkeypatch: pytest.MonkeyPatch, bad: int) -> None:
    monkeypatch.setattr(fork_split, "PARALLEL_MIN", 0)
    forks = _count_forks(monkeypatch)

    def work(xs: list[int]) -> tuple[list[int]]:
        if bad in xs:
            raise KeyError(f"event {bad}")
        return ([x for x in xs],)

    with pytest.raises(KeyError, match=f"event {bad}"):
        fork_split.in_two(list(range(500)), work, weight=lambda _: 1)
    assert len(forks) == 1
    for pid in forks:  # reaped: no child left behind
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)


@needs_fork
def test_the_child_computes_while_another_thread_holds_the_fuzz_lock(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A thread of the parent (the app's) mid-review when the fork happens: the
    child's copy of the fuzz lock would stay taken for ever."""
    import signal
    import threading
    from datetime import datetime, timezone

    from studytui.study import scheduler

    monkeypatch.setattr(fork_split, "PARALLEL_MIN", 0)
    parent = os.getpid()
    at = datetime(2026, 3, 2, tzinfo=timezone.utc)

    def work(xs: list[int]) -> tuple[list[object]]:
        if os.getpid() == parent:
            return ([None] * len(xs),)
        signal.alarm(10)  # a deadlocked child fails the test instead of hanging it
        states = [RECOMPUTE(None, 4, at, 3000, f"id-{x}", f"card-{x}") for x in xs]
        return ([s["due"] for s in states],)  # Easy: days ahead, so fuzzed under the lock

    held, done = threading.Event(), threading.Event()

    def hold() -> None:
        with scheduler._FUZZ_LOCK:
            held.set()
            done.wait(20)

    thread = threading.Thread(target=hold)
    thread.start()
    held.wait()
    try:
        dues = fork_split.in_two(list(range(20)), work, weight=lambda _: 1)[0]
    finally:
        done.set()
        thread.join()
    computed = dues[10:]  # the child's half: computed there, not given up
    assert len(computed) == 10 and all(isinstance(d, str) for d in computed)
