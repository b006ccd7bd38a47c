"""What a store mixin (card marks, quiz events, practice) uses of the `Store` it
is mixed into. `Store` defines each of these itself; the stubs here only say
what a mixin may call, once rather than in every mixin."""

from __future__ import annotations

import sqlite3
from typing import Any


class StoreParts:
    deck_id: str

    def _write(self) -> Any:  # a context manager: one committed transaction
        raise NotImplementedError

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def _event(self, conn: sqlite3.Connection, event_id: str, kind: str, at: str, card_id: str,
               direction: str, payload: dict[str, Any]) -> None:
        raise NotImplementedError
