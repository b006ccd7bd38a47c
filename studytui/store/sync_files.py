"""`studytui sync OTHER` between two SQLite store files: the order of the steps
that makes it safe.

1. OTHER is checked by path (a folder, this store itself) and the local store is
   opened as every command opens it (today's backup made first).
2. OTHER is locked shared (`lock.StoreLock`, as any open store is), so
   `doctor --restore` cannot swap it mid-sync, then read as a consistent
   snapshot and checked (`sqlite_snapshot`), fully or quickly as `sync_check`
   decides: a damaged or half-copied file is refused here, before any write
   to either side.
3. OTHER is opened as a store, with the local store's guarantees: its lock,
   WAL, the busy timeout, and each change one transaction.
4. The local store receives from the snapshot, in one transaction; then OTHER
   receives from the local store, in one transaction of its own (`sync.sync`),
   committed only after the local one: each side has the file it reads from
   attached (`sync_attach`). On a first sync of large stores OTHER's
   transaction runs in a process of its own beside the local one and waits
   for its commit (`other_side`). If the second fails (OTHER's disk is full,
   say), the first stands: the local store has the union, OTHER is as it was,
   and the next sync sends the rest. If the first fails, OTHER's rolls back.
   Nothing can be doubled: events are keyed by their global ids.
5. When both stores ended with the same events, the local store keeps the
   marks of both logs (in its meta table, under the other's device id), so the
   next sync between them reads only what was added since, and the time of a
   full check that passed.

A missing OTHER is created (a first sync into a synced folder).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from studytui.clock import utcnow
from studytui.store import other_side
from studytui.store.errors import StoreError, explain, path_problem
from studytui.store.lock import StoreLock
from studytui.store.other_side import OtherSide
from studytui.store.replay import Recompute
from studytui.store.schema_v3 import BUNDLED_DECK
from studytui.store.sqlite_snapshot import Snapshot, SyncRefused, device_of, take_snapshot
from studytui.store.sqlite_store import Store
from studytui.store.sync import SyncReport, sync
from studytui.store.sync_attach import BadCopy
from studytui.store.sync_check import plan_check
from studytui.store.times import iso


@dataclass
class FileSync:
    report: SyncReport
    created: bool  # OTHER did not exist and was made
    check: str | None = None  # OTHER's snapshot: "full" or "quick" (a server: None)


def sync_files(local_path: Path, other_path: Path, recompute: Recompute | None, *,
               deck_id: str = BUNDLED_DECK, backup: bool = True, full_check: bool = False,
               now: datetime | None = None) -> FileSync:
    """Merge the stores at `local_path` and `other_path` both ways; `full_check`:
    give OTHER's snapshot the full integrity check whatever `sync_check` says."""
    now = now or utcnow()
    local_path, other_path = Path(local_path), Path(other_path)
    if other_path.is_dir():
        raise SyncRefused("sync.folder", path=str(other_path))
    if problem := path_problem(other_path):
        raise StoreError(problem)
    if _same_file(local_path, other_path):
        raise SyncRefused("sync.same_store", path=str(other_path))
    with Store.open(local_path, backup=backup, deck_id=deck_id) as local:
        created = not other_path.exists()
        if created:
            Store.open(other_path, backup=False).close()
        lock = StoreLock(other_path)
        try:
            if not lock.shared():
                raise SyncRefused("sync.restoring", path=str(other_path))
            # after the marks of a last sync, a few events: the copy in memory
            peer = device_of(other_path)
            snapshot = take_snapshot(
                other_path, lambda snap: plan_check(local, snap, now, full_check),
                into_file=not (peer and local.sync_marks(peer)))
            try:
                try:
                    with Store.open(other_path, backup=False) as other, \
                            local.attach_for_sync(snapshot), other.attach_for_sync(local):
                        report = _merge(local, snapshot, other, recompute, now)
                finally:
                    snapshot.checked()  # damage is the cause to report, whatever else failed
            finally:
                snapshot.close()
        finally:
            lock.release()
    return FileSync(report, created, "full" if snapshot.fully_checked else "quick")


def _merge(local: Store, snapshot: Snapshot, other: Store,
           recompute: Recompute | None, now: datetime) -> SyncReport:
    peer = snapshot.device_id
    with sync_errors(local.path), refused_as_damaged(snapshot.path):
        since = local.sync_marks(peer) if peer else None
        # a first sync of large stores: OTHER's side beside this one (other_side.py)
        side = OtherSide.start(other.path, local.path, since, local.checkpoint) \
            if since is None and local.event_count() >= other_side.BESIDE_MIN else None
        try:
            report = sync(local, snapshot, other, recompute, since,
                          before_commit=snapshot.checked, other_side=side)
            checked = iso(now) if snapshot.fully_checked else None
            if peer and (report.marks or checked):
                local.save_sync_marks(peer, report.marks, checked)
        finally:
            if side is not None:  # (rolled back there, if the local side failed)
                side.close()  # after the local store's own work, beside its last
        return report


@contextmanager
def sync_errors(local_path: Path) -> Iterator[None]:
    """A merge's failures as one line each (file or server peer alike)."""
    try:
        yield
    except sqlite3.Error as exc:  # a read outside the stores' own transactions
        raise explain(exc, local_path) from None
    except (KeyError, TypeError, ValueError, json.JSONDecodeError) as exc:
        # an event a replay cannot read: the transaction it was in rolled back
        raise SyncRefused("sync.bad_event", why=f"{type(exc).__name__}: {exc}") from None


@contextmanager
def refused_as_damaged(other_path: Path) -> Iterator[None]:
    """Events OTHER's copy gave that are not the ones asked for, or not events."""
    try:
        yield
    except BadCopy as exc:
        raise SyncRefused("sync.damaged", path=str(other_path), why=str(exc)) from None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist yet
        return a.absolute() == b.absolute()
