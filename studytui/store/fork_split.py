"""Work split between this process and a forked child, on two cores.

`rebuild` replays every card of a store, each from its own events (a first
sync: 182,000 fsrs reviews computed again, seconds of pure Python), and one
Python process uses one core. Here the items are cut in two halves of equal
weight; a forked child does the second half and sends its result back
pickled through a pipe, while this process does the first (and may use its
result, `each`, while the child finishes: a rebuild writes its rows).

The child inherits plain Python data and touches nothing else: never the
database connection (SQLite's or PostgreSQL's, which the caller keeps and
writes with, in its one transaction), no file but its end of the pipe, and it
leaves by `os._exit` (no atexit, no flushing of buffers it shares with this
process, no connection's cleanup). `work` must be a pure function of its items
(the replay is: fsrs's fuzz is seeded from the event id), so either half gives
the same result in either process. If the child fails in any way (an event the
work cannot read, killed, out of memory), this process does the child's half
itself: the same result, or the same exception, as one process.

Serial, in this process, where fork is not there or not safe (Windows, macOS,
whose system libraries may not survive a fork), on one core, and for a small
batch (a fork and the pickling cost more than they save).
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import sys
import warnings
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
#: What `work` returns: a tuple of lists, joined list by list.
Lists = tuple[list[Any], ...]
#: Below this total weight (review events, for a replay): one process. A fork
#: of a process holding a year of reviews takes a few milliseconds, the
#: pickling of 100,000 rows a tenth of a second.
PARALLEL_MIN = 20_000
#: The share of the weight done in this process: a little over half, as the
#: child also pickles its result (and this process only reads it back).
HERE = 0.53


def can_fork() -> bool:
    """Whether a second process by fork is available and worth it here."""
    if not hasattr(os, "fork") or sys.platform == "darwin":
        return False
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux: the machine's count
        cores = os.cpu_count() or 1
    return cores >= 2


def in_two(items: Sequence[T], work: Callable[[list[T]], Lists],
           weight: Callable[[T], int], each: Callable[[Lists], None] | None = None) -> Lists:
    """`work(items)`, done as `work` of two halves (split by `weight`) in two
    processes where that pays, the halves' lists joined. `each`: given each
    half's result as soon as it is here (this process's half while the child
    still works on its own and pickles it), or the whole one."""
    weights = [weight(item) for item in items]
    total = sum(weights)
    if total < PARALLEL_MIN or len(items) < 2 or not can_fork():
        whole = work(list(items))
        if each is not None:
            each(whole)
        return whole
    cut, acc = 0, 0
    while cut < len(items) - 1 and acc + weights[cut] <= total * HERE:
        acc += weights[cut]
        cut += 1
    first, second = list(items[:cut]), list(items[cut:])
    theirs = _forked(work, second)
    try:
        mine = work(first)
        if each is not None:
            each(mine)
    except BaseException:
        theirs.cancel()
        raise
    got = theirs.result()
    if got is None:  # the child failed: its half here (the same result, or the error)
        got = work(second)
    if each is not None:
        each(got)
    return tuple(a + b for a, b in zip(mine, got, strict=True))


class _Child:
    """A forked child doing `work(items)`; `result()` reads what it sent."""

    def __init__(self, pid: int, fd: int) -> None:
        self.pid, self.fd = pid, fd

    def result(self) -> Lists | None:
        try:
            with os.fdopen(self.fd, "rb") as pipe:
                data = pipe.read()
        finally:
            _, status = os.waitpid(self.pid, 0)
        if status != 0 or not data:
            return None
        try:
            ok, out = pickle.loads(data)
        except Exception:  # a child cut off mid-write
            return None
        return out if ok else None

    def cancel(self) -> None:
        """This process failed: the child's work is not wanted."""
        os.close(self.fd)
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)


class _Serial(_Child):
    """No child could be made: `result()` says so, and the caller does the work."""

    def __init__(self) -> None:
        super().__init__(-1, -1)

    def result(self) -> Lists | None:
        return None

    def cancel(self) -> None:
        pass


def _forked(work: Callable[[list[T]], Lists], items: list[T]) -> _Child:
    read, write = os.pipe()
    # Objects alive now are left out of the collector's passes: a pass in the
    # child would otherwise write to (and so copy) every page of the heap.
    gc.freeze()
    try:
        with warnings.catch_warnings():
            # Python 3.12+ warns of fork in a process with threads (a sync's
            # snapshot check runs in one): the child runs no code of theirs.
            warnings.simplefilter("ignore", DeprecationWarning)
            pid = os.fork()
    except OSError:  # no process to be had (a limit): one process does it all
        gc.unfreeze()
        os.close(read)
        os.close(write)
        return _Serial()
    if pid == 0:  # the child: compute, send, leave
        try:
            os.close(read)
            try:
                out: tuple[bool, Lists | None] = (True, work(items))
            except BaseException:
                out = (False, None)  # the parent does this half again, and raises
            with os.fdopen(write, "wb") as pipe:
                pipe.write(pickle.dumps(out, protocol=pickle.HIGHEST_PROTOCOL))
        finally:
            os._exit(0)
    gc.unfreeze()
    os.close(write)
    return _Child(pid, read)
