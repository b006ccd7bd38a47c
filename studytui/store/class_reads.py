"""What the instructor's view reads from a cohort's database: every student's
rows (row-level security gives an instructor all of them, a student only
their own), grouped in SQL so 600,000 reviews come back as a few thousand rows.
"""

from __future__ import annotations

from typing import Any

from studytui.store.pg_store import connect, pg_problem
from studytui.store.schema_v3 import FORWARD


class ClassReads:
    """One connection to the cohort's database, as the role the URL names."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._conn = connect(url)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> ClassReads:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _rows(self, sql: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        import psycopg

        try:
            return self._conn.execute(sql, params).fetchall()
        except psycopg.Error as exc:
            raise pg_problem(exc, self.url) from None

    def students(self) -> list[str]:
        """Every student of this cohort (may connect to its database), whether or
        not they have studied; students of the server's other cohorts are not."""
        return [r[0] for r in self._rows(
            "SELECT r.rolname FROM pg_roles r JOIN pg_auth_members m ON m.member = r.oid"
            " JOIN pg_roles g ON g.oid = m.roleid WHERE g.rolname = 'studytui_student'"
            " AND r.rolcanlogin AND has_database_privilege(r.oid, current_database(),"
            " 'CONNECT') ORDER BY r.rolname", ())]

    def days(self, deck_id: str) -> list[tuple[str, int, str, str]]:
        """(student, standing reviews, first and last review time) per student and
        UTC day (the stored `utc_day` column: no time parsed per row, which over
        600,000 reviews was most of the view's time). The first and last times
        say which local days the UTC day touched."""
        return self._rows(
            "SELECT student, COUNT(*), MIN(reviewed_at), MAX(reviewed_at) FROM review_log"
            " WHERE deck_id = ? AND undone = 0 GROUP BY student, utc_day", (deck_id,))

    def states(self, deck_id: str) -> list[tuple[str, str, float | None, str | None]]:
        """(student, card id, stability, last review) of every card state."""
        return self._rows(
            "SELECT student, card_id, stability, last_review FROM card_state"
            " WHERE deck_id = ? AND direction = ?", (deck_id, FORWARD))

    def lapses(self, deck_id: str) -> dict[str, tuple[int, int]]:
        """Card id -> (lapses: Again on a card in the Review state, standing
        reviews), over the cohort."""
        return {card: (int(lapsed), int(total)) for card, lapsed, total in self._rows(
            "SELECT card_id, COUNT(*) FILTER (WHERE rating = 1 AND state_before = 2),"
            " COUNT(*) FROM review_log WHERE deck_id = ? AND undone = 0 GROUP BY card_id",
            (deck_id,))}
