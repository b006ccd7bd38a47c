"""`studytui class` on a cohort's server: the instructor's view (students,
hardest cards, spread per lecture), setup and roles from the command line,
the course-version warning, and the store as a sync peer."""

from __future__ import annotations

import argparse
import json
from datetime import timedelta
from pathlib import Path

import pytest

from studytui.cli import main
from studytui.content.deck_cache import load_deck_cached
from studytui.store.class_reads import ClassReads
from studytui.store.pg_store import PostgresStore
from studytui.store.sqlite_store import Store
from studytui.study.class_view import class_report, streak
from tests.core_fixtures import T0, small_deck
from tests.pg.conftest import Cohort
from tests.pg.test_pg_store import _study


def _state(stability: float, state: int = 2, at=T0) -> dict:
    return {"card_id": 1, "state": state, "step": None, "stability": stability,
            "difficulty": 5.0, "due": (at + timedelta(days=stability)).isoformat(),
            "last_review": at.isoformat()}


def _role(url: str) -> str:
    return url.split("://")[1].split(":")[0]


def test_streak_counts_days_in_a_row_ending_today_or_yesterday() -> None:
    d = T0.date()
    assert streak({d, d - timedelta(days=1), d - timedelta(days=3)}, d) == 2
    assert streak({d - timedelta(days=1), d - timedelta(days=2)}, d) == 2
    assert streak({d - timedelta(days=2)}, d) == 0


def test_the_class_view_shows_each_student_the_hardest_cards_and_each_lectures_spread(
        cohort: Cohort) -> None:
    alice, bob = cohort.add("alice"), cohort.add("bob")
    with PostgresStore.open(alice) as s:  # two days in a row, one card mature
        s.record_review("l1-c0", 3, T0 - timedelta(days=1), None, _state(30, at=T0))
        s.record_review("l1-c1", 3, T0, None, _state(30))
    with PostgresStore.open(bob) as s:  # learns l1-c0, then forgets it once in Review
        s.record_review("l1-c0", 3, T0, None, _state(2))
        s.record_review("l1-c0", 1, T0, None, _state(0.5, state=3))
    deck = small_deck(2, 2)
    with ClassReads(cohort.add("teacher", instructor=True)) as reads:
        report = class_report(reads, deck, "studytui-bundled", T0)
    by = {s.student: s for s in report.students}
    a, b = by[_role(alice)], by[_role(bob)]
    assert (a.reviews, a.streak, a.mature_share, a.studied) == (2, 2, 0.5, 2)
    assert (b.reviews, b.streak, b.mature_share, b.studied) == (2, 1, 0.0, 1)
    assert a.predicted_recall == pytest.approx(1.0) and b.predicted_recall == pytest.approx(1.0)
    hardest = report.cards[0]
    assert (hardest.card_id, hardest.lapses, hardest.reviews, hardest.students) == (
        "l1-c0", 1, 3, 2)
    lec1 = report.lectures[0]
    # Alice knows both cards of lecture 1 (mastery 1), Bob one of two (0.5)
    assert lec1.lecture == 1 and lec1.spread[0] == pytest.approx(0.5)
    assert lec1.spread[-1] == pytest.approx(1.0)
    assert report.lectures[1].spread == (0.0,) * 5
    # A student asking for the class view sees only themselves.
    with ClassReads(bob) as reads:
        own = class_report(reads, deck, "studytui-bundled", T0)
    assert [s.reviews for s in own.students if s.reviews] == [2]
    assert {c.students for c in own.cards} == {1}


def test_class_init_add_student_and_the_view_from_the_command_line(
        pg_server, capsys) -> None:
    db = pg_server.new_database()
    admin = pg_server.url(db=db)
    assert main(["--db", admin, "class", "init"]) == 0
    assert "ready (1 migration applied" in capsys.readouterr().out
    assert main(["--db", admin, "class", "init"]) == 0  # again: nothing to apply
    assert "ready (0 migrations applied" in capsys.readouterr().out
    name = pg_server.unique("jung")
    assert main(["--db", admin, "--lang", "en", "class", "add-student", name]) == 0
    printed = capsys.readouterr().out
    url = printed.split("--db '")[1].split("'")[0]
    card = load_deck_cached(None).lectures[0].cards[0].id
    with PostgresStore.open(url) as store:
        store.record_review(card, 1, T0, None, _state(1.0))
    teacher = pg_server.unique("teacher")
    assert main(["--db", admin, "class", "add-instructor", teacher]) == 0
    t_url = capsys.readouterr().out.split("--db '")[1].split("'")[0]
    assert main(["--db", t_url, "class", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    mine = [s for s in report["students"] if s["student"] == name]
    assert mine and mine[0]["reviews"] == 1
    assert report["cards"][0]["card_id"] == card
    assert main(["--db", t_url, "--lang", "en", "class"]) == 0
    table = capsys.readouterr().out
    assert "Per student" in table and name in table and "Per lecture" in table


def test_add_student_sql_needs_no_server_and_a_bad_name_is_one_line(capsys) -> None:
    assert main(["class", "add-student", "kim_minji", "--sql"]) == 0
    sql = capsys.readouterr().out
    assert sql.startswith("CREATE ROLE kim_minji LOGIN PASSWORD '")
    assert "IN ROLE studytui_student" in sql
    for bad in ("Robert'); DROP TABLE event;--", "pg_monitor", "studytui_owner", "1abc"):
        assert main(["class", "add-student", bad, "--sql"]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "class add-student" in err
    assert main(["--db", "/tmp/file.db", "class"]) == 2
    assert "needs a PostgreSQL server" in capsys.readouterr().err


def test_a_deck_that_differs_from_the_course_is_warned_about(cohort: Cohort, tmp_path: Path,
                                                              capsys) -> None:
    from studytui.cli.class_cmd import course_check
    from studytui.content.course_version import course_version

    url = cohort.add("lim")
    args = argparse.Namespace(content=None)
    with PostgresStore.open(url) as store:
        course_check(store, args, "en")  # the fixture's course version is "v-test"
        assert "differs from the class's course (version v-test)" in store.warnings[0]
    from studytui.store.pg_admin import init_cohort

    init_cohort(cohort.admin_url, {"studytui-bundled": course_version(None)}, T0)
    with PostgresStore.open(url) as store:
        course_check(store, args, "en")
        assert store.warnings == []


def test_the_course_version_is_the_same_wherever_the_deck_lies(tmp_path: Path) -> None:
    from studytui.content.course_version import course_version
    from studytui.paths import bundled_content_dir

    copy_a, copy_b = tmp_path / "a", tmp_path / "elsewhere" / "b"
    for copy in (copy_a, copy_b):
        copy.mkdir(parents=True)
        for f in bundled_content_dir().glob("*.yaml"):
            (copy / f.name).write_bytes(f.read_bytes())
    assert course_version([copy_a]) == course_version([copy_b]) == course_version(None)
    first = sorted(copy_b.glob("*.yaml"))[0]
    first.write_bytes(first.read_bytes() + b"\n# a fix\n")
    assert course_version([copy_b]) != course_version([copy_a])


def test_a_local_stores_events_merged_into_the_server_give_the_same_states(
        cohort: Cohort, tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db", backup=False) as local:
        _study(local, days=10)
        rows = local._read("SELECT * FROM event")
        states = local.card_states()
        quizzes = local.quiz_rows()
    half = len(rows) // 2
    with PostgresStore.open(cohort.add("seo")) as server:
        for part in (rows[:half], rows[half:]):  # as two syncs would
            with server.sync_transaction():
                assert server.event_ids().isdisjoint(r[0] for r in part)
                server.insert_events(part)
                changed = server.replay_cards(part, None)
            assert changed and changed <= {(r[4], r[5], r[6]) for r in part}
        assert server.event_ids() == {r[0] for r in rows}
        assert server.card_states() == states
        assert server.quiz_rows() == quizzes
        # the same bytes come back, so the event is the same on every device
        assert server.fetch_events(r[0] for r in rows[:5]) == sorted(rows[:5])
        reviews = [r for r in rows if r[2] == "review"]
        assert server.replay_cards(reviews, None) == set()  # replayed again: no change


def test_a_sync_that_fails_half_way_leaves_the_server_as_it_was(cohort: Cohort,
                                                                tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db", backup=False) as local:
        _study(local, days=3)
        rows = local._read("SELECT * FROM event")
    with PostgresStore.open(cohort.add("kang")) as server:
        with pytest.raises(RuntimeError), server.sync_transaction():
            server.insert_events(rows)
            raise RuntimeError("the connection to the laptop broke")
        assert server.event_ids() == set() and server.card_states() == {}


async def test_the_class_screen_shows_a_tab_per_section_with_every_row() -> None:
    from textual.widgets import DataTable, TabbedContent

    from studytui.study.class_view import CardRow, ClassReport, LectureRow, StudentRow
    from studytui.tui.class_app import ClassApp

    report = ClassReport(T0, [StudentRow("alice", 5, 2, 0.5, 0.9, 4),
                              StudentRow("bob\x1b[31m", 0, 0, 0.0, None, 0)],
                         [CardRow("l1-c0", 1, 3, 9, 2, 0.4)],
                         [LectureRow(1, 2, (0.1, 0.2, 0.3, 0.4, 0.5))])
    app = ClassApp(report, "en")
    async with app.run_test(size=(100, 30)) as pilot:
        tables = list(app.screen.query(DataTable))
        assert [t.row_count for t in tables] == [2, 1, 1]
        assert [str(c) for c in tables[0].get_row_at(1)] == ["bob\\x1b[31m", "0", "0", "0%",
                                                              "-"]
        app.screen.query_one(TabbedContent).active = "class-tab-2"
        await pilot.pause()
        assert [str(c) for c in tables[2].get_row_at(0)] == ["1", "2", "10%", "20%", "30%",
                                                              "40%", "50%"]
        await pilot.press("q")
    assert app.return_code == 0


class _Reads:
    """ClassReads' answers, given: the view's arithmetic without a server."""

    def __init__(self, days: list[tuple[str, int, str, str]]) -> None:
        self._days = days

    def students(self) -> list[str]:
        return ["kim"]

    def states(self, deck_id: str) -> list[tuple[str, str, float, str]]:
        return []

    def lapses(self, deck_id: str) -> dict[str, tuple[int, int]]:
        return {}

    def days(self, deck_id: str) -> list[tuple[str, int, str, str]]:
        return self._days


def test_the_streak_counts_the_students_local_days_not_utc_days() -> None:
    # 20:00 UTC on the 1st and 02:00 UTC on the 2nd are both the 2nd in Seoul
    # (05:00, 11:00); 16:00 UTC on the 2nd is already the 3rd there (01:00).
    reads = _Reads([("kim", 1, "2026-03-01T20:00:00.000000+00:00",
                     "2026-03-01T20:00:00.000000+00:00"),
                    ("kim", 2, "2026-03-02T02:00:00.000000+00:00",
                     "2026-03-02T16:00:00.000000+00:00")])
    now = T0.replace(day=3, hour=1)  # 10:00 on the 3rd in Seoul
    seoul = class_report(reads, small_deck(1, 1), "d", now,  # type: ignore[arg-type]
                         timedelta(hours=9))
    utc = class_report(reads, small_deck(1, 1), "d", now)  # type: ignore[arg-type]
    assert (seoul.students[0].streak, seoul.students[0].reviews) == (2, 3)  # the 2nd and 3rd
    assert utc.students[0].streak == 2  # the 1st and 2nd; today (the 3rd) not over yet
    reads._days = reads._days[:1]  # only 20:00 UTC on the 1st: the 2nd in Seoul
    assert class_report(reads, small_deck(1, 1), "d", now,  # type: ignore[arg-type]
                        timedelta(hours=9)).students[0].streak == 1  # yesterday there
    assert class_report(reads, small_deck(1, 1), "d",  # type: ignore[arg-type]
                        now).students[0].streak == 0  # two days ago in UTC
