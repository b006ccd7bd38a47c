"""The learner's review store: every answer committed before the screen moves on.

Owns the SQLite store (`sqlite_store`), its schema as ordered migrations
(`migrations`), daily backups (`backups`), the doctor that checks and rebuilds
it (`doctor`) and the one-line messages for a store that cannot be used
(`errors`). It knows nothing of FSRS or of the deck's content.
"""
