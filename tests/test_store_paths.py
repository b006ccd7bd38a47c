"""Any name a filesystem allows, for the store's folder and file, goes through
backup, list, check, restore and doctor, and leaves no stray file anywhere."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studytui.store import doctor
from studytui.store.backups import backup_path, check_file, list_backups, make_daily_backup
from studytui.store.sqlite_store import Store
from studytui.study.scheduler import StudyScheduler
from tests.core_fixtures import T0

AWKWARD = [
    "C# course", "what?", "100%", "%23", "%2F", "a#b?c%d", "sp ace", "  lead", "trail ",
    "한국어 폴더", "딥러닝 #3", "emoji 😀", "file:x", "file:", "?mode=ro", "&immutable=1",
    "a;b", "quote'\"", "back\\slash", "new\nline", "tab\there", "-dash", "..dots",
    ".hidden", "[brackets]", "{braces}", "$HOME", "*star", "ä-nfd-a\u0308", "\u200bzw",
]


def _stored(path: Path, cards: list[str]) -> None:
    sched = StudyScheduler()
    with Store.open(path, backup=False) as s:
        for cid in cards:
            s.record_review(cid, 3, T0, 10, sched.review(sched.new_card(cid, T0), 3, T0).to_dict())


def _cards(path: Path) -> list[str]:
    with Store.open(path, backup=False) as s:
        return sorted(s.card_states())


def _everything_works(root: Path, name: str) -> None:
    folder = root / name
    folder.mkdir()
    path = folder / f"{name}.db"
    _stored(path, ["a", "b"])
    day = date(2026, 3, 1)
    with Store.open(path, backup=False) as s:
        assert make_daily_backup(s._conn, path, day)
    assert list_backups(path) == [backup_path(path, day)]
    assert check_file(backup_path(path, day)) == []
    _stored(path, ["c"])
    report = doctor.diagnose(path)
    assert report.status == 0 and report.in_words()[0].endswith(": ok"), report.in_words()
    report = doctor.diagnose(path, restore=True, force=True)
    assert report.status == 0, report.in_words()
    assert _cards(path) == ["a", "b"]
    # What is there: the store, its lock, its backups and the file it replaced; nothing else.
    found = {p.relative_to(root) for p in root.rglob("*")}
    kept = [p for p in found if p.name.startswith(f"{name}.db.replaced-")]
    expected = {Path(name), Path(name, f"{name}.db"), Path(name, f"{name}.db.lock"),
                Path(name, "backups"), Path(name, "backups", f"{name}-2026-03-01.db")}
    assert len(kept) == 1 and found == expected | set(kept), found ^ (expected | set(kept))


@pytest.mark.parametrize("name", AWKWARD)
def test_an_awkward_name_works_everywhere(tmp_path: Path, name: str) -> None:
    _everything_works(tmp_path, name)


# Any file name: no "/" or NUL, not "." or "..", short enough for the longest
# name made from it (the kept copy of the store's WAL, about 40 bytes more).
NAMES = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="/\x00"),
                min_size=1, max_size=30).filter(
    lambda s: s not in (".", "..") and len(s.encode("utf-8")) < 180)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=NAMES)
def test_any_name_a_filesystem_allows_works_everywhere(name: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        _everything_works(Path(tmp), name)
