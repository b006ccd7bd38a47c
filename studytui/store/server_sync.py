"""`studytui sync postgresql://...`: a student's local store and their own rows
on the class's server, merged both ways by the same rules as two files
(store/sync.py). The server is its own consistent snapshot (each side changes
in one transaction of its own) and keeps no marks of earlier syncs, so every
id is compared each time; row-level security keeps the comparison to this
student's events."""

from __future__ import annotations

from pathlib import Path

from studytui.store.replay import Recompute
from studytui.store.schema_v3 import BUNDLED_DECK
from studytui.store.sqlite_store import Store
from studytui.store.sync import sync
from studytui.store.sync_files import FileSync, sync_errors


def sync_with_server(local_path: Path, url: str, recompute: Recompute | None, *,
                     deck_id: str = BUNDLED_DECK) -> FileSync:
    from studytui.store.pg_store import PostgresStore

    with Store.open(Path(local_path), deck_id=deck_id) as local, \
            PostgresStore.open(url, deck_id=deck_id) as server:
        with sync_errors(local.path):
            report = sync(local, server, server, recompute, None)
    return FileSync(report, created=False)
