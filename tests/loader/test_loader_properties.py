"""Whatever bytes a lecture file holds, the loader either loads it or raises
its own ContentError: never another exception, never a hang."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from studytui.content.loader import load_deck
from studytui.errors import ContentError

SAMPLE = (Path(__file__).parent / "valid_sample.yaml").read_text(encoding="utf-8")

# Pieces that make YAML interesting: structure, tags, anchors, odd scalars.
TOKENS = st.sampled_from(
    [
        "\n",
        "  ",
        "\t",
        ": ",
        "- ",
        "{",
        "}",
        "[",
        "]",
        ",",
        "#",
        "&a ",
        "*a",
        "!!python/name:os ",
        "!x ",
        "|",
        ">",
        "'",
        '"',
        "id",
        "cards",
        "term",
        "ko",
        "en",
        "questions",
        "answer",
        "number",
        "90",
        "-1",
        "1e309",
        ".nan",
        "true",
        "No",
        "null",
        "~",
        "---",
        "...",
        "<<",
        "한글",
        "\u00e9",
        "\x00",
        "\ufeff",
        "0x1F",
        "1:30",
        "2021-08-13",
        "%YAML 1.1\n",
    ]
)
yamlish = st.lists(TOKENS | st.text(max_size=8), max_size=60).map("".join)


def _load(tmp: Path, data: bytes) -> None:
    path = tmp / "fuzz.yaml"
    path.write_bytes(data)
    try:
        load_deck([path], strict=True)
    except ContentError as exc:
        assert exc.issues, "a ContentError always names at least one issue"
        for issue in exc.issues:
            assert issue.path.endswith("fuzz.yaml") and "\n" not in issue.message


@given(text=yamlish)
def test_yamlish_text_loads_or_raises_content_error(tmp_path, text):
    _load(tmp_path, text.encode("utf-8", "surrogatepass"))


@given(data=st.data())
def test_mutated_lecture_loads_or_raises_content_error(tmp_path, data):
    raw = bytearray(SAMPLE.encode("utf-8"))
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(raw)))
        action = data.draw(st.sampled_from(["insert", "delete", "replace"]))
        byte = data.draw(st.binary(min_size=1, max_size=3))
        if action == "insert":
            raw[at:at] = byte
        elif action == "delete":
            del raw[at : at + len(byte)]
        else:
            raw[at : at + len(byte)] = byte
    _load(tmp_path, bytes(raw))


@given(raw=st.binary(max_size=200))
def test_random_bytes_load_or_raise_content_error(tmp_path, raw):
    _load(tmp_path, raw)
