"""The interface catalogue: every entry in both languages, no key twice, and
every key the code asks for exists (a typo would raise on screen)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from studytui import words
from studytui.words import say

ROOT = Path(__file__).resolve().parent.parent


def test_say_gives_the_learners_language():
    assert say("common.lecture", "ko") == "강의"
    assert say("common.lecture", "en") == "Lecture"
    assert say("common.lecture", "both") == "강의 · Lecture"
    assert say("common.lecture", "both", sep="\n") == "강의\nLecture"


def test_unknown_key_raises_instead_of_showing_a_blank():
    with pytest.raises(KeyError):
        say("common.no-such-word", "en")


def test_a_key_defined_twice_is_refused(tmp_path, monkeypatch):
    (tmp_path / "a.py").write_text('WORDS = {"x.y": ("가", "a")}\n')
    (tmp_path / "b.py").write_text('WORDS = {"x.y": ("나", "b")}\n')
    monkeypatch.setattr(words, "__path__", [str(tmp_path)])
    monkeypatch.setattr(words, "__name__", "wordsprobe")
    monkeypatch.syspath_prepend(str(tmp_path.parent))
    tmp_path.rename(tmp_path.parent / "wordsprobe")
    monkeypatch.setattr(words, "__path__", [str(tmp_path.parent / "wordsprobe")])
    words.catalogue.cache_clear()
    try:
        with pytest.raises(words.CatalogueError, match="defined twice"):
            words.catalogue()
    finally:
        words.catalogue.cache_clear()


def test_every_entry_has_both_languages():
    for key, (ko, en) in words.catalogue().items():
        assert ko.strip() and en.strip(), key
        assert set(PLACEHOLDER.findall(ko)) == set(PLACEHOLDER.findall(en)), key


PLACEHOLDER = re.compile(r"{(\w*)(?:![rsa])?(?::[^{}]*)?}")


def test_an_english_count_agrees_with_its_noun():
    assert say("validate.ok", "en", lectures=1, cards=2, questions=1) == (
        "ok: 1 lecture, 2 cards, 1 question")
    assert say("validate.ok", "ko", lectures=1, cards=2, questions=1) == (
        "이상 없음: 강의 1개, 카드 2장, 문제 1개")
    assert say("browse.count", "en", n=1, total=1) == "1 of 1 card"
    assert say("sync.events", "both", n=1) == "1건 · 1 event"


SAY_CALL = re.compile(r"""\bsay\(\s*["']([\w.-]+)["']""")


def test_every_key_the_code_asks_for_exists():
    asked = set()
    for folder in ("studytui", "demos"):
        for path in (ROOT / folder).rglob("*.py"):
            asked.update(SAY_CALL.findall(path.read_text(encoding="utf-8")))
    missing = sorted(k for k in asked if not words.has(k))
    assert missing == []
