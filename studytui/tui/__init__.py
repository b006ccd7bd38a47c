"""The Textual face of studytui: the app, its screens (one a file) and widgets.

Nothing here imports torch: a demo's compute module is imported inside the
demo screen's worker thread, only when the learner runs a demo.
"""
