"""Sync is a set union: random histories on three devices (undos of reviews
made on another device, one card rated on two devices the same day, kinds the
replay does not know, syncs in between) merged in every order give the same
events and the same states, each event once, and what doctor would rebuild."""

from __future__ import annotations

import itertools
import shutil
from unittest import mock

from hypothesis import example, given, settings
from hypothesis import strategies as st

from studytui.store import fork_split, other_side, sqlite_sync
from tests.requirements import in_ci
from tests.sync_histories import Op, derived, events, rebuilt, run, sync

DEVICES = 3
op = st.one_of(
    st.tuples(st.just("review"), st.integers(0, 2), st.integers(0, 2), st.integers(0, 3),
              st.integers(0, 600)),
    st.tuples(st.just("undo"), st.integers(0, 2), st.integers(0, 20), st.just(0),
              st.integers(0, 60)),
    st.tuples(st.just("quiz"), st.integers(0, 2), st.integers(0, 2), st.integers(0, 1),
              st.integers(0, 60)),
    st.tuples(st.just("other"), st.integers(0, 2), st.integers(0, 2), st.integers(0, 2),
              st.integers(0, 60)),
    st.tuples(st.just("sync"), st.integers(0, 2), st.integers(0, 2), st.just(0),
              st.integers(0, 60)),
)
# Both devices rate adam the same morning; device 1 gets device 0's review and
# undoes it; device 2 reviews it after, unaware of either.
SAME_DAY_AND_FOREIGN_UNDO: list[Op] = [
    ("review", 0, 0, 2, 0), ("review", 1, 0, 3, 30), ("review", 0, 0, 3, 600),
    ("sync", 1, 0, 0, 5), ("undo", 1, 0, 0, 5), ("review", 2, 0, 0, 10),
    ("review", 1, 0, 3, 1440), ("other", 2, 1, 0, 1), ("quiz", 0, 0, 0, 1),
]


@settings(max_examples=60 if in_ci() else 12)
@given(ops=st.lists(op, min_size=1, max_size=25), rebuild_all=st.booleans())
@example(ops=SAME_DAY_AND_FOREIGN_UNDO, rebuild_all=False)
@example(ops=SAME_DAY_AND_FOREIGN_UNDO, rebuild_all=True)
def test_merging_three_devices_in_every_order_gives_the_same_events_and_states(
        tmp_path_factory, ops: list[Op], rebuild_all: bool) -> None:
    """`rebuild_all`: a sync replays every card (as a first sync does), not
    only the ones new events touch, half of them in a forked child where fork
    is available (as a first sync's 300,000 events do): all must give the same states."""
    with mock.patch.multiple(sqlite_sync, REBUILD_MIN=-1 if rebuild_all else 500,
                             REBUILD_SHARE=-1 if rebuild_all else 0.25), \
            mock.patch.object(fork_split, "PARALLEL_MIN",
                              0 if rebuild_all else fork_split.PARALLEL_MIN):
        _merge_in_every_order(tmp_path_factory.mktemp("sync"), ops)


def test_every_order_gives_the_same_with_other_sides_in_a_process_of_their_own(
        tmp_path_factory) -> None:
    """First syncs of large stores do OTHER's side in a process beside the local
    one (store/other_side.py): the same events and states, in every order."""
    with mock.patch.multiple(sqlite_sync, REBUILD_MIN=-1, REBUILD_SHARE=-1), \
            mock.patch.object(other_side, "BESIDE_MIN", 0):
        _merge_in_every_order(tmp_path_factory.mktemp("sync"), SAME_DAY_AND_FOREIGN_UNDO)


def _merge_in_every_order(root, ops: list[Op]) -> None:
    devices = [root / f"device{i}.db" for i in range(DEVICES)]
    run(devices, ops)
    union = sorted({e for path in devices if path.exists() for e in events(path)})
    results = set()
    for order in itertools.permutations(range(DEVICES)):
        here = root / "-".join(map(str, order))
        here.mkdir()
        paths = [here / p.name for p in devices]
        for source, target in zip(devices, paths, strict=True):
            if source.exists():
                shutil.copyfile(source, target)
        x, y, z = (paths[i] for i in order)
        sync(x, y)
        sync(y, z)
        sync(z, x)
        for path in paths:
            assert events(path) == union  # nothing lost, nothing doubled
        states = {derived(path) for path in paths}
        assert len(states) == 1  # the three devices agree
        results |= states
        # syncing again changes nothing, either way
        again = sync(y, x)
        assert again.received.events == again.sent.events == 0
        assert not again.received.changed and not again.sent.changed
        assert derived(x) in states and derived(y) in states
    assert len(results) == 1  # every order gives the same states
    (state,) = results
    # ... the ones doctor rebuilds from the events alone
    assert state == rebuilt(root / "0-1-2" / devices[0].name, root / "doctor.db")
    # and no review is counted twice: one review_log row per review event
    reviews = [e for e in union if e[2] == "review"]
    assert sorted(r[0] for r in state[1]) == sorted(e[0] for e in reviews)
