"""Each malformed file holds one mistake; the loader must name it exactly:
file:line:column, the field path and a plain message, and nothing else."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from demos.registry import DEMOS
from studytui.content.loader import load_deck
from studytui.errors import ContentError

HERE = Path(__file__).parent
MALFORMED = HERE / "malformed"

# file -> (strict, exact error lines after "<path>:")
CASES: dict[str, tuple[bool, list[str]]] = {
    "yaml_syntax.yaml": (False, [
        "4:8: YAML syntax error: did not find expected ',' or '}' "
        "(while parsing a flow mapping started at line 3, column 8)"]),
    "tab_indent.yaml": (False, ["11:1: tab character in indentation; indent with spaces"]),
    "empty.yaml": (False, [
        "1:1: the file is empty: a lecture file is a mapping (id, number, ...)"]),
    "top_level_list.yaml": (False, [
        "1:1: the top level must be a mapping of lecture fields "
        "(id, number, title, summary, cards, questions)"]),
    "missing_field.yaml": (False, ["10:5: cards[1].definition: field required"]),
    "wrong_type.yaml": (False, ["2:9: number: expected a whole number"]),
    "unknown_key.yaml": (False, [
        "10:5: cards[1].definition: field required",
        "12:5: cards[1].defintion: unknown key 'defintion' (did you mean 'definition'?)"]),
    "duplicate_card_id.yaml": (False, [
        "10:9: cards[1].id: duplicate card id 'adam', first at "
        "{dir}/duplicate_card_id.yaml:6:9"]),
    "unknown_card.yaml": (False, ["16:11: questions[0].card: unknown card 'adamw'"]),
    "unknown_demo.yaml": (False, [
        "9:18: cards[0].demo.name: unknown demo 'optimiser-race'; "
        "valid: " + ", ".join(DEMOS)]),  # every registered demo, in registry order
    "unknown_demo_param.yaml": (False, [
        "9:56: cards[0].demo.params.speed: unknown parameter of optimizer-race; "
        "valid: function, optimizers, lr, start, steps, focus, momentum"]),
    "demo_param_out_of_range.yaml": (False, [
        "9:56: cards[0].demo.params.steps: 99999 is out of range: a number from 1 to 2000"]),
    "choice_answer_not_among_choices.yaml": (False, [
        "21:13: questions[0].answer: answer 3 is not among the 2 choices (1-2)"]),
    "not_utf8.yaml": (False, [
        "3:13: not UTF-8: byte 0xe9 cannot be decoded; save the file as UTF-8"]),
    "python_tag.yaml": (False, ["2:9: tag '!!python/object/apply:os.system' is not allowed"]),
    "custom_tag.yaml": (False, [
        "3:8: tag '!include' is not allowed: content files hold plain text, numbers, "
        "lists and mappings"]),
    "billion_laughs.yaml": (False, [
        "28:12: aliases expand to more than 10,000 nodes; refusing the file"]),
    "recursive_alias.yaml": (False, ["4:37: recursive alias: a node contains itself"]),
    "duplicate_key.yaml": (False, ["12:5: duplicate key 'term' (first at line 11)"]),
    "bad_id.yaml": (False, [
        "10:9: cards[1].id: not a valid id: use lowercase letters, digits and single hyphens, "
        "e.g. 'batch-normalization'"]),
    "unknown_question_type.yaml": (False, [
        "15:11: questions[0].type: expected one of 'choice', 'multi', 'truefalse', "
        "'short' or 'cloze'"]),
    "missing_language_strict.yaml": (True, [
        "11:11: cards[1].term: missing 'en': bundled content needs both languages"]),
    "empty_bilingual_text.yaml": (False, [
        "11:11: cards[1].term: needs at least one of 'ko' or 'en'"]),
    "truefalse_answer_not_bool.yaml": (False, [
        "18:13: questions[0].answer: answer must be a choice number, a list of choice numbers, "
        "true/false, or a text {ko: ..., en: ...}"]),
    "cloze_without_blank.yaml": (False, [
        "18:13: questions[0].answer: a 'cloze' prompt marks its blank with ___ "
        "(prompt.en has none)"]),
    "merge_key.yaml": (False, ["10:5: merge keys (<<) are not supported"]),
}


def _errors(path: Path, strict: bool) -> list[str]:
    with pytest.raises(ContentError) as info:
        load_deck([path], strict=strict)
    return [str(issue) for issue in info.value.issues]


def test_the_corpus_has_a_case_for_every_file():
    on_disk = {p.name for p in MALFORMED.glob("*.yaml")}
    assert on_disk == set(CASES)
    assert len(CASES) >= 20


@pytest.mark.parametrize("name", sorted(CASES))
def test_malformed_file_reports_exact_position_and_message(name, monkeypatch):
    monkeypatch.chdir(HERE)  # display paths are relative to the working directory
    strict, expected = CASES[name]
    shown = f"malformed/{name}"
    lines = [e.replace("{dir}", "malformed") for e in expected]
    assert _errors(Path(shown), strict) == [f"{shown}:{line}" for line in lines]


def test_valid_sample_loads_strictly():
    deck = load_deck([HERE / "valid_sample.yaml"], strict=True)
    assert list(deck.cards) == ["adam", "dropout"]
    assert deck.questions["q90-adam"].answer == 1


def test_duplicate_card_id_across_files_names_both_places(monkeypatch):
    monkeypatch.chdir(HERE)
    errors = _errors(Path("malformed/duplicate_across_files"), strict=False)
    assert errors == [
        "malformed/duplicate_across_files/b.yaml:10:9: cards[1].id: duplicate card id "
        "'dropout', first at malformed/duplicate_across_files/a.yaml:10:9"
    ]


def test_every_error_of_a_file_is_reported_in_one_run(tmp_path):
    text = (HERE / "valid_sample.yaml").read_text(encoding="utf-8")
    text = text.replace("number: 90", "number: x").replace("    card: adam", "    card: nope")
    text = text.replace("    definition: {ko: 뉴런", "    definiton: {ko: 뉴런")
    (tmp_path / "many.yaml").write_text(text, encoding="utf-8")
    errors = _errors(tmp_path / "many.yaml", strict=False)
    assert [e.split(": ", 2)[1] for e in errors] == [
        "number", "cards[1].definition", "cards[1].definiton", "questions[0].card"]


def test_python_tag_never_runs_code(tmp_path):
    marker = tmp_path / "pwned"
    text = (HERE / "valid_sample.yaml").read_text(encoding="utf-8").replace(
        "number: 90", f'number: !!python/object/apply:os.system ["touch {marker}"]')
    (tmp_path / "evil.yaml").write_text(text, encoding="utf-8")
    _errors(tmp_path / "evil.yaml", strict=False)
    assert not marker.exists()


def test_alias_bomb_is_refused_within_a_second():
    start = time.perf_counter()
    _errors(MALFORMED / "billion_laughs.yaml", strict=False)
    assert time.perf_counter() - start < 1.0


def test_missing_path_is_one_error(tmp_path):
    errors = _errors(tmp_path / "nope.yaml", strict=False)
    assert len(errors) == 1 and errors[0].endswith("nope.yaml: no such file or folder")


def test_english_no_and_dates_stay_text(tmp_path):
    text = (HERE / "valid_sample.yaml").read_text(encoding="utf-8").replace(
        "en: Dropout}", "en: No}").replace("en: Sample lecture}", "en: 2021-08-13}")
    (tmp_path / "yaml12.yaml").write_text(text, encoding="utf-8")
    deck = load_deck([tmp_path / "yaml12.yaml"])
    assert deck.cards["dropout"].term.en == "No"
    assert deck.lectures[0].title.en == "2021-08-13"
