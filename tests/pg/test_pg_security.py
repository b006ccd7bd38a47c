"""Each student sealed off on the cohort's server: row-level security lets a
student read and write only their own rows, they cannot become someone else,
the instructor reads everything and writes nothing, and no one logs in as
the tables' owner (which is held to the policies too)."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest

from studytui.store.pg_schema import OWNER, STUDENT_TABLES
from studytui.store.pg_store import PostgresStore
from tests.core_fixtures import T0
from tests.pg.conftest import Cohort

STATE = {"card_id": 1, "state": 2, "step": None, "stability": 3.5, "difficulty": 5.0,
         "due": "2026-03-05T12:00:00+00:00", "last_review": "2026-03-02T12:00:00+00:00"}
ROLE = psycopg.errors.InsufficientPrivilege


def _role(url: str) -> str:
    return url.split("://")[1].split(":")[0]


@pytest.fixture
def two(cohort: Cohort) -> tuple[Cohort, str, str]:
    """Alice and Bob have each rated a card and answered a question."""
    urls = cohort.add("alice"), cohort.add("bob")
    for url, card in zip(urls, ("a-card", "b-card"), strict=True):
        with PostgresStore.open(url) as store:
            store.record_review(card, 3, T0, 800, STATE)
            store.record_quiz_answer("q1", card, "x", False, T0, again_state=STATE)
    return cohort, *urls


def _sql(url: str) -> psycopg.Connection[Any]:
    return psycopg.connect(url, autocommit=True)


def _refused(conn: psycopg.Connection[Any], *statements: str) -> None:
    """Each statement is refused for want of a privilege."""
    for statement in statements:
        with pytest.raises(ROLE):
            conn.execute(statement)


def test_a_student_reads_only_their_own_rows(two) -> None:
    cohort, alice, bob = two
    with PostgresStore.open(bob) as store:
        assert set(store.card_states()) == {"b-card"}
        assert {r.card_id for r in store.review_rows()} == {"b-card"}
    with _sql(bob) as conn:
        for table in STUDENT_TABLES:
            owners = {r[0] for r in conn.execute(f"SELECT student FROM {table}")}
            assert owners == {_role(bob)}, table
            # naming Alice does not help
            assert conn.execute(f"SELECT count(*) FROM {table} WHERE student = %s",
                                (_role(alice),)).fetchone()[0] == 0


def test_a_student_cannot_write_or_change_another_students_rows(two) -> None:
    cohort, alice, bob = two
    with _sql(bob) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute("INSERT INTO event VALUES ('x', 'd', 'review', 't', 'studytui-bundled',"
                         " 'a-card', 'forward', '{}', %s)", (_role(alice),))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute("INSERT INTO card_state VALUES ('studytui-bundled', 'a-card', 'forward',"
                         " '{}', 'd', 'u', 'r', 'i', 2, 1.0, 'l', %s)", (_role(alice),))
        # moving one's own row to Alice is refused too
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute("UPDATE card_state SET student = %s", (_role(alice),))
        assert conn.execute("UPDATE review_log SET rating = 1 WHERE student = %s",
                            (_role(alice),)).rowcount == 0
        assert conn.execute("DELETE FROM card_state WHERE student = %s",
                            (_role(alice),)).rowcount == 0
        assert conn.execute("DELETE FROM quiz_log").rowcount == 1  # Bob's own: allowed
    with PostgresStore.open(alice) as store:  # Alice's rows are as she left them
        assert store.state_of("a-card") == STATE
        assert [r.rating for r in store.review_rows()] == [3, 1]
        assert len(store.quiz_rows()) == 1


def test_the_event_log_is_append_only_even_for_its_student(two) -> None:
    cohort, alice, _ = two
    with _sql(alice) as conn:
        _refused(conn, "UPDATE event SET kind = 'undo'", "DELETE FROM event")


def test_a_student_cannot_become_someone_else(two) -> None:
    cohort, alice, bob = two
    a = _role(alice)
    with _sql(bob) as conn:
        with pytest.raises(ROLE, match="permission denied to set role"):
            conn.execute(f"SET ROLE {a}")
        with pytest.raises(ROLE, match="permission denied to set session authorization"):
            conn.execute(f"SET SESSION AUTHORIZATION {a}")
        for role in (OWNER, "studytui_instructor", "admin"):
            with pytest.raises(ROLE, match="permission denied to set role"):
                conn.execute(f"SET ROLE {role}")
        # The one role Bob may set, his group, is no one: it sees nothing of Alice's.
        conn.execute("SET ROLE studytui_student")
        assert conn.execute("SELECT count(*) FROM event WHERE student = %s",
                            (a,)).fetchone()[0] == 0
        # Turning the policy off, or dropping it, is the owner's alone.
        conn.execute("RESET ROLE")
        _refused(conn, "ALTER TABLE event DISABLE ROW LEVEL SECURITY",
                 "ALTER TABLE event NO FORCE ROW LEVEL SECURITY",
                 "DROP POLICY own_rows ON event", "CREATE TABLE mine (x int)")
    wrong = alice.replace(alice.split(":")[2].split("@")[0], "guess")
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(wrong)


def test_the_instructor_reads_every_student_and_writes_nothing(two) -> None:
    cohort, alice, bob = two
    teacher = cohort.add("teacher", instructor=True)
    with _sql(teacher) as conn:
        owners = {r[0] for r in conn.execute("SELECT DISTINCT student FROM review_log")}
        assert owners == {_role(alice), _role(bob)}
        _refused(conn, "INSERT INTO meta (key, value) VALUES ('k', 'v')",
                 "DELETE FROM review_log")


def test_the_tables_owner_cannot_log_in_and_is_held_to_the_policies(two) -> None:
    cohort, _, _ = two
    with _sql(cohort.admin_url) as admin:
        assert admin.execute("SELECT count(*) FROM event").fetchone()[0] == 6  # superuser: all
        rows = admin.execute(
            "SELECT c.relname, pg_get_userbyid(c.relowner), c.relrowsecurity,"
            " c.relforcerowsecurity FROM pg_class c WHERE c.relname = ANY(%s)"
            " AND c.relkind = 'r'", (list(STUDENT_TABLES),)).fetchall()
        assert sorted(rows) == sorted((t, OWNER, True, True) for t in STUDENT_TABLES)
        assert admin.execute("SELECT rolcanlogin FROM pg_roles WHERE rolname = %s",
                             (OWNER,)).fetchone()[0] is False
        # As the owner (an administrator may SET ROLE to it), with no student
        # session: the forced policies give it nothing.
        admin.execute(f"SET ROLE {OWNER}")
        assert admin.execute("SELECT count(*) FROM event").fetchone()[0] == 0
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(cohort.server.url(OWNER, "anything", cohort.db))


def test_a_student_of_another_cohort_on_the_server_cannot_connect_or_be_listed(
        two) -> None:
    from studytui.store.class_reads import ClassReads
    from studytui.store.pg_admin import init_cohort
    from tests.pg.conftest import Cohort

    cohort, alice, bob = two
    other = Cohort(cohort.server, cohort.server.new_database())
    init_cohort(other.admin_url, {}, T0)
    stranger = other.add("stranger")
    user, password = stranger.split("://")[1].split("@")[0].split(":")
    into_ours = cohort.server.url(user, password, cohort.db)
    with pytest.raises(psycopg.OperationalError, match="permission denied for database"):
        psycopg.connect(into_ours)
    with ClassReads(cohort.add("teacher", instructor=True)) as reads:
        assert reads.students() == sorted([_role(alice), _role(bob)])
