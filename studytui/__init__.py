"""studytui: flashcards, quizzes and demos for a deep-learning basics course.

The headless core is four wings, each a package that says what it owns:

- `studytui.content`: lecture files in, a checked deck out (schema, safe YAML
  reader, loader, deck, cache);
- `studytui.store`: the learner's review store (SQLite, migrations, backups,
  doctor);
- `studytui.grading`: typed answers judged fairly (normalisation, Hangul,
  the grader);
- `studytui.study`: what a learner does with the deck (FSRS scheduling, review
  and quiz sessions, statistics).

A wing imports only wings below it: study -> content, store, grading; content,
store and grading import none of each other beyond `content.model`. This top
level keeps the entry points and what every wing shares (`cli`, `config`,
`paths`, `clock`, `errors`). The core imports neither Textual (the TUI lives in
`studytui.tui`) nor torch (the demos import it when they run); a test enforces
both.
"""

__version__ = "0.1.0"
