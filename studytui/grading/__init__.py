"""Grading: typed answers judged the way a fair teacher would.

Owns answer normalisation and the search/uniqueness key (`answer_text`), Hangul
syllables and jamo for typo distance (`hangul`), the grader's rules (`grader`,
with `numbers`, `math_text` and `abbreviation`) and the per-question rules of a
deck (`question_grader`). Pure functions over text and the deck's model objects:
no store, no deck loading.
"""
