"""No control character from a lecture file, a file name or a key reaches the
terminal: content refuses them at file:line:column, however they were written;
what is printed from elsewhere passes through one sanitiser."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studytui.cli import main
from studytui.content.loader import load_deck
from studytui.errors import ContentError
from studytui.printable import for_terminal, is_invisible
from tests.hostile.lecture_text import lecture

# Every C0 control but tab and newline, DEL, every C1 control.
CONTROLS = [c for c in range(0x20) if c not in (0x09, 0x0A)] + list(range(0x7F, 0xA0))
UNSAFE_OUT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# YAML double-quoted escapes that make each control character.
_NAMED = {0x00: "\\0", 0x07: "\\a", 0x08: "\\b", 0x0B: "\\v", 0x0C: "\\f", 0x0D: "\\r",
          0x1B: "\\e", 0x85: "\\N"}


def _spellings(code: int) -> list[str]:
    """The ways a YAML double-quoted scalar can hold the character."""
    forms = [f"\\x{code:02x}", f"\\u{code:04x}", f"\\U{code:08x}"]
    if code in _NAMED:
        forms.append(_NAMED[code])
    return forms


SPELLED = [(code, form) for code in CONTROLS for form in _spellings(code)]


def _refused(tmp_path, text: str) -> list[str]:
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_deck([path])
    return [str(issue) for issue in caught.value.issues]


@pytest.mark.parametrize("code, form", SPELLED, ids=[f for _, f in SPELLED])
def test_control_character_written_as_yaml_escape_is_refused_at_its_line(tmp_path, code, form):
    lines = _refused(tmp_path, lecture(definition=f'"before{form}after"'))
    assert len(lines) == 1
    assert re.match(r".*hostile\.yaml:8:\d+: control character U\+", lines[0]), lines
    assert f"U+{code:04X}" in lines[0]


@pytest.mark.parametrize("field", ["title", "term", "definition"])
@pytest.mark.parametrize("code", CONTROLS)
def test_raw_control_byte_is_refused_with_a_position_or_read_as_a_line_break(
        tmp_path, field, code):
    path = tmp_path / "hostile.yaml"
    path.write_bytes(lecture(**{field: f"a{chr(code)}b"}).encode("utf-8"))
    try:
        deck = load_deck([path])
    except ContentError as caught:
        for issue in caught.issues:
            assert issue.line > 0 and issue.column > 0
    else:  # CR and NEL are YAML line breaks: a plain scalar folds them to a space
        assert code in (0x0D, 0x85)
        lec = deck.lectures[0]
        texts = [lec.title.get("en"), lec.cards[0].term.get("en"),
                 lec.cards[0].definition.get("en")]
        assert not any(UNSAFE_OUT.search(t) for t in texts)


def test_control_character_in_a_key_is_refused(tmp_path):
    lines = _refused(tmp_path, lecture() + '    "\\e]0;x\\a": 1\n')
    assert "control character U+001B (ESC)" in lines[0]


INVISIBLE = ["\u200b", "\u200d", "\u200c", "\ufeff", "\u200e", "\u200f", "\u202e", "\u2066",
             "\u2060", "\u00ad", "\u3164", "\u115f", "\u1160", "\uffa0", "\u2800", "\u034f",
             "\u0301", "\ufe0f", "\U000e0041", "\u3000", "\u00a0", "\u180e"]


@given(st.lists(st.sampled_from(INVISIBLE), min_size=1, max_size=6).map("".join))
@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_term_of_only_invisible_characters_is_an_error(tmp_path, invisible):
    escaped = "".join(f"\\U{ord(c):08x}" for c in invisible)
    lines = _refused(tmp_path, lecture(term=f'"{escaped}"'))
    assert any(":7:" in line and ("invisible" in line or "empty" in line) for line in lines)


def test_visible_text_with_a_joiner_inside_is_accepted(tmp_path):
    path = tmp_path / "ok.yaml"
    path.write_text(lecture(term='"Ad\\u200dam"', definition='"one\\ttwo\\nthree"'))
    assert load_deck([path]).cards["card-one"].definition.get("en") == "one\ttwo\nthree"


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
@settings(max_examples=1000)
def test_sanitiser_output_has_no_control_character(text):
    out = for_terminal(text, one_line=True)
    assert not UNSAFE_OUT.search(out) and "\n" not in out and "\u202e" not in out
    assert for_terminal(text) == for_terminal(text).replace("\x1b", "")


@given(st.text(alphabet=st.characters(codec="utf-8", categories=["L", "N", "P"]),
               min_size=1, max_size=20))
@settings(max_examples=500)
def test_text_with_a_letter_digit_or_mark_of_punctuation_is_visible(text):
    assert not is_invisible(text) or all(c in "\u3164\u115f\u1160\uffa0" for c in text)


def test_file_name_with_escape_is_neutralised_in_errors(tmp_path, capsys):
    evil = tmp_path / "\x1b]0;pwned\x07.yaml"
    evil.write_text("number: [", encoding="utf-8")
    assert main(["validate", str(evil)]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err and "\\x1b]0;pwned\\x07.yaml" in err


def test_unknown_key_with_bidi_override_is_shown_escaped(tmp_path, capsys):
    path = tmp_path / "a.yaml"
    path.write_text(lecture() + "    \"evil\\u202eKEY\": 1\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "\u202e" not in err and "evil\\u202eKEY" in err


def test_stats_table_shows_markup_in_a_title_as_text(tmp_path, capsys):
    path = tmp_path / "a.yaml"
    path.write_text(lecture(title='"[/bold][link=http://x]click[/link]"'), encoding="utf-8")
    assert main(["--content", str(path), "--db", str(tmp_path / "s.db"), "--lang", "en",
                 "stats"]) == 0
    out = capsys.readouterr().out
    assert "[/bold]" in out  # shown as written, not taken as Rich markup


def test_stats_json_escapes_nothing_raw(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "s.db"), "stats", "--json"]) == 0
    out = capsys.readouterr().out
    assert not UNSAFE_OUT.search(out) and json.loads(out)["per_lecture"]


@given(st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=30))
@settings(max_examples=1500, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_text_in_a_field_loads_clean_or_is_refused_at_its_line(tmp_path, text):
    # A JSON string is a valid YAML double-quoted scalar, escapes and all.
    path = tmp_path / "any.yaml"
    path.write_text(lecture(definition=json.dumps(text)), encoding="utf-8")
    try:
        deck = load_deck([path])
    except ContentError as caught:
        assert all(issue.line == 8 for issue in caught.issues), caught.issues
    else:
        shown = deck.cards["card-one"].definition.get("en")
        assert shown == text.strip() and not UNSAFE_OUT.search(shown)
        assert not is_invisible(shown)


def test_store_path_with_escape_is_neutralised_in_doctor_output(tmp_path, capsys):
    db = tmp_path / "\x1b]0;pwned\x07.db"
    main(["--db", str(db), "doctor"])
    out = capsys.readouterr()
    assert "\x1b" not in out.out + out.err and "\\x1b]0;pwned\\x07.db" in out.out + out.err


def test_config_key_with_escape_is_neutralised_in_the_error(tmp_path, capsys, monkeypatch):
    config = tmp_path / "studytui" / "config.toml"
    config.parent.mkdir()
    config.write_text('"\\u001b[2J" = 1\n', encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert main(["--db", str(tmp_path / "s.db"), "stats"]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "unknown setting '\\x1b[2J'" in err
