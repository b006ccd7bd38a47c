"""Study: what a learner does with the deck and the store.

Owns FSRS scheduling (`scheduler`, through the `fsrs` package), the flashcard
review session (`review_session`), quizzes (`quiz_session`), the statistics
of the Stats screen and `studytui stats` (`stats`), and search over the cards
(`search`: ranked, typo-forgiving, keyed as the grader keys answers). Sits above content, store
and grading; a screen talks to this wing, never to SQLite.
"""
