"""Grading: typed answers judged the way a fair teacher would.

Owns answer normalisation and the search/uniqueness key (`answer_text`), Hangul
syllables and jamo for typo distance (`hangul`) and the grader's rules
(`grader`). Pure functions over text: no store, no deck loading.
"""
