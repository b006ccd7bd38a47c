"""The instructor's view as rows of text, one list per section, so the
command line (Rich tables) and the TUI (DataTables) show the same cells."""

from __future__ import annotations

from studytui.printable import for_terminal
from studytui.study.class_view import ClassReport
from studytui.words import say

Section = tuple[str, list[str], list[list[str]]]  # (title, headers, rows)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def class_sections(report: ClassReport, lang: str, card_limit: int | None = None
                   ) -> list[Section]:
    """(title, headers, rows) of the students, cards and lectures sections.
    Role names and card ids are the server's and the deck's: printed safely."""
    def head(*keys: str) -> list[str]:
        return [say(k, lang, sep="\n") for k in keys]

    students = [[for_terminal(s.student, one_line=True), str(s.reviews), str(s.streak),
                 _pct(s.mature_share), _pct(s.predicted_recall)] for s in report.students]
    cards = [[for_terminal(c.card_id, one_line=True), "-" if c.lecture is None else str(c.lecture),
              str(c.lapses), str(c.reviews), str(c.students), _pct(c.predicted_recall)]
             for c in report.cards]
    if card_limit is not None and len(cards) > card_limit:
        more = len(cards) - card_limit
        cards = cards[:card_limit] + [[say("cohort.more_cards", lang, n=more), "", "", "", "",
                                       ""]]
    lectures = [[str(lec.lecture), str(lec.students), *(_pct(v) for v in lec.spread)]
                for lec in report.lectures]
    return [
        (say("cohort.students_title", lang),
         head("cohort.student_col", "cohort.reviews", "cohort.streak", "cohort.mature",
              "cohort.recall"), students),
        (say("cohort.cards_title", lang),
         head("cohort.card", "cohort.lecture", "cohort.lapses", "cohort.reviews",
              "cohort.learners", "cohort.recall"), cards),
        (say("cohort.lectures_title", lang),
         head("cohort.lecture", "cohort.learners", "cohort.min", "cohort.p25", "cohort.median",
              "cohort.p75", "cohort.max"), lectures),
    ]
