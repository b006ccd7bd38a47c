"""The deck cache may only ever return what the same bytes produced: any
change to a file means parsing and validating again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from studytui.content import deck_cache
from studytui.errors import ContentError

SAMPLE = Path(__file__).parent / "loader" / "valid_sample.yaml"


@pytest.fixture
def deck_dir(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setattr(deck_cache, "cache_file", lambda key: cache / f"{key}.pickle")
    folder = tmp_path / "deck"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "90-sample.yaml")
    return folder


def _validations(monkeypatch) -> list[int]:
    """Counts calls of the real loader behind the cache."""
    import studytui.content.loader as loader

    calls: list[int] = []
    real = loader.load_files

    def counting(files, strict=False):
        calls.append(1)
        return real(files, strict)

    monkeypatch.setattr(loader, "load_files", counting)
    return calls


def test_unchanged_deck_is_served_from_cache(deck_dir, monkeypatch):
    calls = _validations(monkeypatch)
    first = deck_cache.load_deck_cached([deck_dir])
    second = deck_cache.load_deck_cached([deck_dir])
    assert len(calls) == 1
    assert second.cards == first.cards


def test_changed_file_is_validated_again(deck_dir, monkeypatch):
    calls = _validations(monkeypatch)
    deck_cache.load_deck_cached([deck_dir])
    path = deck_dir / "90-sample.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("en: Adam}", "en: ADAM}"),
                    encoding="utf-8")
    deck = deck_cache.load_deck_cached([deck_dir])
    assert len(calls) == 2 and deck.cards["adam"].term.en == "ADAM"


def test_file_broken_after_caching_is_reported_not_served(deck_dir):
    deck_cache.load_deck_cached([deck_dir])
    path = deck_dir / "90-sample.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("number: 90", "number: x"),
                    encoding="utf-8")
    with pytest.raises(ContentError) as info:
        deck_cache.load_deck_cached([deck_dir])
    assert str(info.value.issues[0]).endswith("number: expected a whole number")


def test_corrupt_cache_file_is_ignored_and_rebuilt(deck_dir, monkeypatch):
    deck_cache.load_deck_cached([deck_dir])
    (cached,) = (deck_dir.parent / "cache").glob("*.pickle")
    cached.write_bytes(b"not a pickle")
    calls = _validations(monkeypatch)
    deck = deck_cache.load_deck_cached([deck_dir])
    assert len(calls) == 1 and "adam" in deck.cards
