"""CLI notes in the CLI's language, from the catalogue: `stats` where there is
no store yet said its note in English alone, whatever --lang."""

from __future__ import annotations

from pathlib import Path

import pytest

from studytui.cli import main
from studytui.words import say


@pytest.mark.parametrize("lang", ["ko", "en", "both"])
def test_stats_without_a_store_says_so_in_the_clis_language(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str) -> None:
    path = tmp_path / "x" / "none.db"
    assert main(["--lang", lang, "--db", str(path), "stats"]) == 0
    err = capsys.readouterr().err
    assert err.strip() == "studytui: " + say("cli.no_store_yet", lang, path=path)
    if lang == "ko":
        assert "아직 복습 기록 저장소가 없습니다" in err and "no review store" not in err
    assert not path.parent.exists()
