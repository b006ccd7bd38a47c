"""The store on PostgreSQL behaves as the store on SQLite: the same sessions
give the same states, stats and logs; a rating is committed when the call
returns; a database not set up, or set up by a newer studytui, is one line."""

from __future__ import annotations

import json
import threading
from datetime import timedelta, timezone
from pathlib import Path

import pytest

from studytui.config import Config
from studytui.store.errors import StoreError
from studytui.store.pg_store import PostgresStore
from studytui.store.sqlite_store import Store
from studytui.study.scheduler import StudyScheduler
from studytui.study.stats import compute_stats
from tests.core_fixtures import T0, Clock, small_deck
from tests.pg.conftest import Cohort
from tests.test_store_events import _study_for_months

UTC = timezone.utc
STATE = {"card_id": 1, "state": 2, "step": None, "stability": 3.5, "difficulty": 5.0,
         "due": "2026-03-05T12:00:00+00:00", "last_review": "2026-03-02T12:00:00+00:00"}


def _study(store: Store, days: int = 40) -> Clock:
    """Real review and quiz sessions with undos, fuzz off so two engines agree."""
    return _study_for_months(store, seed=5, days=days, fuzz=False)


def _seen(store: Store, clock: Clock) -> tuple[object, ...]:
    """What the app reads of a store, without the (random) event ids."""
    stats = compute_stats(small_deck(3, 4), store, clock.now, Config(new_per_day=6), tz=UTC)
    return (store.card_states(), store.due_index(),
            [(r.card_id, r.rating, r.reviewed_at, r.source, r.state_before)
             for r in store.review_rows()],
            [(q, c, g, ok, t) for _, q, c, g, ok, t, _ in store.quiz_rows()],
            stats.to_json(), store.review_pass_counts(), store.event_counts(),
            store.reviews_per_day(T0 - timedelta(days=1), timedelta(hours=9)))


def test_the_same_sessions_give_the_same_store_on_postgresql_as_on_sqlite(
        cohort: Cohort, tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db", backup=False) as local:
        clock = _study(local)
        expected = _seen(local, clock)
    assert len(expected[2]) > 150 and expected[3]  # reviews and quiz answers to compare
    with PostgresStore.open(cohort.add("kim")) as server:
        clock = _study(server)
        assert _seen(server, clock) == expected
        live = server.card_states()
        assert server.rebuild_states(StudyScheduler(fuzz=False).recompute) == len(live)
        assert server.card_states() == live


def test_a_rating_is_committed_when_record_review_returns(cohort: Cohort) -> None:
    import psycopg

    url = cohort.add("lee")
    with PostgresStore.open(url) as store:
        store.record_review("c1", 3, T0, 900, STATE)
        # The server drops this connection at once: what was acknowledged is there.
        pid = store._conn.raw.info.backend_pid
        with psycopg.connect(cohort.admin_url, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    with PostgresStore.open(url) as again:
        assert again.state_of("c1") == STATE
        assert [r.rating for r in again.review_rows()] == [3]


def test_a_write_that_fails_half_way_leaves_nothing_of_it(cohort: Cohort) -> None:
    with PostgresStore.open(cohort.add("park")) as store:
        store.record_review("c1", 3, T0, 900, STATE)
        with pytest.raises(ValueError, match="no state"):
            # the retention event is written first, then the unknown card fails
            store.record_retention_change(T0, {"retention": 0.8},
                                          {("c1", "forward"): STATE["due"],
                                           ("nope", "forward"): STATE["due"]})
        assert store.event_counts() == {"review": 1}
        assert store.state_of("c1") == STATE


def test_a_lost_server_is_one_line_naming_the_store_without_its_password(
        cohort: Cohort) -> None:
    import psycopg

    url = cohort.add("choi")
    password = url.split(":")[2].split("@")[0]
    with PostgresStore.open(url) as store:
        with psycopg.connect(cohort.admin_url, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (store._conn.raw.info.backend_pid,))
        with pytest.raises(StoreError) as caught:
            store.record_review("c1", 3, T0, 900, STATE)
    message = str(caught.value)
    assert "\n" not in message and "PostgreSQL store postgresql://choi" in message
    assert password not in message


def test_a_database_not_set_up_for_studytui_is_one_line(pg_server) -> None:
    db = pg_server.new_database()
    with pytest.raises(StoreError, match="class\\s+init|class init"):
        PostgresStore.open(pg_server.url(db=db))


def test_a_database_set_up_by_a_newer_studytui_is_refused(cohort: Cohort) -> None:
    import psycopg

    with psycopg.connect(cohort.admin_url, autocommit=True) as admin:
        admin.execute("UPDATE schema_version SET version = version + 1")
    with pytest.raises(StoreError, match="newer than this studytui"):
        PostgresStore.open(cohort.add("han"))


def test_one_students_two_devices_rating_at_once_keep_every_rating(cohort: Cohort) -> None:
    url = cohort.add("yoon")
    stores = [PostgresStore.open(url) for _ in range(2)]
    errors: list[BaseException] = []

    def rate(store: PostgresStore, n: int) -> None:
        try:
            for i in range(n):
                store.record_review("c1", 3, T0 + timedelta(seconds=i), None, STATE)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=rate, args=(s, 25)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    rows = stores[0]._read("SELECT id, payload FROM event")
    assert len(rows) == 50
    # Each rating rests on a different one before it: one chain, none built on a
    # state another device had already moved on from (the writes were one at a time).
    prev = {json.loads(p)["prev"]: i for i, p in rows}
    assert len(prev) == 50 and None in prev
    chain, at = [], None
    while at in prev:
        at = prev[at]
        chain.append(at)
    assert len(chain) == 50
    assert stores[1].state_of("c1") is not None
    assert stores[1]._read("SELECT review_id FROM card_state")[0][0] == chain[-1]
    for s in stores:
        s.close()


def test_a_postgresql_url_is_kept_whole_from_db_and_the_environment(monkeypatch) -> None:
    from studytui.cli import build_parser
    from studytui.paths import default_db_path

    url = "postgresql://kim@db.example:5432/cohort?sslmode=require"
    assert build_parser().parse_args(["--db", url, "stats"]).db == url  # not Path("postgresql:/…")
    monkeypatch.setenv("STUDYTUI_DB", url)
    assert default_db_path() == url
    monkeypatch.setenv("STUDYTUI_DB", "~/x.db")
    assert isinstance(default_db_path(), Path)


def test_a_learner_on_sqlite_never_loads_the_postgresql_driver() -> None:
    import subprocess
    import sys

    code = ("import sys, studytui.tui.app, studytui.cli.class_cmd, studytui.store.pg_store;"
            "assert 'psycopg' not in sys.modules, 'psycopg imported'")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


class _Flags:
    """An event-kind module as the other wings write them (a mixin on Store,
    through `_write`/`_event` and SQLite's json_extract): it runs on the server too."""

    def flag(self, card_id: str) -> str:
        from studytui.store.ids import uuid7

        event_id = uuid7()
        with self._write() as conn:  # type: ignore[attr-defined]
            self._event(conn, event_id, "flag", "2026-03-02T12:00:00.000000+00:00",  # type: ignore[attr-defined]
                        card_id, "forward", {"note": "typo", "n": 2})
        return event_id

    def unflag(self, flag_id: str) -> None:
        from studytui.store.ids import uuid7

        with self._write() as conn:  # type: ignore[attr-defined]
            done = conn.execute("SELECT 1 FROM event WHERE kind = 'unflag'"
                                " AND json_extract(payload, '$.flag') = ?", (flag_id,)).fetchone()
            if done is None:
                self._event(conn, uuid7(), "unflag", "2026-03-02T12:00:01.000000+00:00",  # type: ignore[attr-defined]
                            "", "", {"flag": flag_id})

    def flags(self) -> list[tuple[str, object, object]]:
        return [tuple(r) for r in self._read(  # type: ignore[attr-defined]
            "SELECT card_id, json_extract(payload, '$.note'), json_extract(payload, '$.n')"
            " FROM event WHERE kind = 'flag' AND id NOT IN (SELECT json_extract(payload,"
            " '$.flag') FROM event WHERE kind = 'unflag') ORDER BY id")]


def test_an_event_kind_mixin_written_for_sqlite_runs_on_the_server(cohort: Cohort,
                                                                     tmp_path: Path) -> None:
    class LocalFlags(_Flags, Store):
        pass

    class ServerFlags(_Flags, PostgresStore):
        pass

    for store in (LocalFlags.open(tmp_path / "s.db", backup=False),
                  ServerFlags.open(cohort.add("flagger"))):
        with store:
            first = store.flag("c1")
            store.flag("c2")
            store.unflag(first)
            store.unflag(first)  # once is enough
            assert store.flags() == [("c2", "typo", 2)], type(store)
            assert store.event_counts() == {"flag": 2, "unflag": 1}
