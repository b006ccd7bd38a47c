"""`studytui sync postgresql://...`: a student's laptop and desktop meet on the
class's server; every event reaches both, nothing doubles, and the states
are the ones a rebuild from the events gives."""

from __future__ import annotations

from pathlib import Path

from studytui.cli import main
from studytui.store.pg_store import PostgresStore
from studytui.store.sqlite_store import Store
from studytui.study.scheduler import StudyScheduler
from tests.pg.conftest import Cohort
from tests.test_store_events import _study_for_months


def _events(store: Store) -> set[tuple[str, ...]]:
    return {tuple(row) for row in store.fetch_events(store.event_ids())}


def test_two_devices_sync_through_the_server_and_agree(cohort: Cohort, tmp_path: Path,
                                                       capsys) -> None:
    url = cohort.add("lee")
    laptop, desktop = tmp_path / "laptop.db", tmp_path / "desktop.db"
    for path, seed in ((laptop, 3), (desktop, 4)):
        with Store.open(path, backup=False) as store:
            _study_for_months(store, seed=seed, days=5, fuzz=False)
    for path in (laptop, desktop, laptop):  # the laptop last: it gets the desktop's too
        assert main(["--lang", "en", "--db", str(path), "sync", url]) == 0
    out = capsys.readouterr().out
    assert "Received" in out and "Sent" in out
    password = url.split("@")[0].rsplit(":", 1)[1]
    assert password not in out  # the URL is named without its password
    with Store.open(laptop, backup=False) as a, Store.open(desktop, backup=False) as b, \
            PostgresStore.open(url) as server:
        union = _events(a)
        assert union == _events(b) == _events(server)
        assert len(union) == len({row[0] for row in union})  # one row an id
        assert a.card_states() == b.card_states() == server.card_states()
        before = a.card_states()
        a.rebuild_states(StudyScheduler().recompute)  # doctor's replay, from the events alone
        assert a.card_states() == before
    assert main(["--lang", "en", "--db", str(desktop), "sync", url]) == 0
    again = capsys.readouterr().out
    assert "Received nothing" in again or "received nothing" in again.lower()
