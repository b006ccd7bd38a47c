"""A store opened twice in one process (the app's backup thread opens its own
connection) must keep the locks SQLite holds for the first: another studytui
that opens and closes the store must not take itself for the last user and
delete the write-ahead log from under the running app (its later ratings
would go to a deleted file and be lost)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from studytui.store.sqlite_store import Store
from tests.test_store_safety import cards_in, fill

OTHER_PROCESS = """
import sys
from studytui.store.sqlite_store import Store
with Store.open(sys.argv[1], backup=False) as s:
    s.review_rows()
"""


def test_a_second_connection_here_leaves_the_first_ones_wal_in_place(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    fill(path, ["c0"])
    with Store.open(path, backup=False) as app:
        with Store.open(path, backup=False):  # the backup thread's own connection
            pass
        subprocess.run([sys.executable, "-c", OTHER_PROCESS, str(path)], check=True)
        wal = Path(f"{path}-wal")
        assert wal.exists(), "another process deleted the running app's write-ahead log"
        app.record_review("c1", 3, *_review_args())
        seen_elsewhere = subprocess.run(
            [sys.executable, "-c", "import sys, sqlite3; print(sqlite3.connect(sys.argv[1])"
             ".execute(\"SELECT count(*) FROM event WHERE kind='review' AND card_id='c1'\")"
             ".fetchone()[0])", str(path)], capture_output=True, text=True, check=True)
        assert seen_elsewhere.stdout.strip() == "1"  # committed where others read
    assert "c1" in cards_in(path)


def _review_args():
    from datetime import datetime, timezone

    from studytui.study.scheduler import StudyScheduler

    sched = StudyScheduler()
    now = datetime(2026, 3, 1, tzinfo=timezone.utc)
    card = sched.review(sched.new_card("c1", now), 3, now)
    return now, 1000, card.to_dict()
