"""The fixtures of the PostgreSQL tests, over tests.pg.server: one server per
test session, a fresh cohort database per test."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone

import pytest

from tests.pg.server import PgServer, start_server


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    yield from start_server()


@dataclass
class Cohort:
    server: PgServer
    db: str

    @property
    def admin_url(self) -> str:
        return self.server.url(db=self.db)

    def add(self, name: str, instructor: bool = False) -> str:
        """A new login role (student unless `instructor`); its URL."""
        from studytui.store.pg_admin import add_role, new_password

        role = self.server.unique(name)
        password = new_password()
        add_role(self.admin_url, role, password, instructor=instructor)
        return self.server.url(role, password, self.db)


@pytest.fixture
def cohort(pg_server: PgServer) -> Cohort:
    from studytui.store.pg_admin import init_cohort

    db = pg_server.new_database()
    init_cohort(pg_server.url(db=db), {"studytui-bundled": "v-test"},
                datetime(2026, 3, 1, tzinfo=timezone.utc))
    return Cohort(pg_server, db)
