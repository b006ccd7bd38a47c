"""studytui: flashcards, quizzes and demos for a deep-learning basics course.

This package is the headless core: content model and loader, answer grading,
scheduling, the review store and study sessions. It imports neither Textual
(the TUI lives in `studytui.tui`) nor torch (the demos import it when they run).
"""

__version__ = "0.1.0"
