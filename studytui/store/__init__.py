"""The learner's review store: every answer committed before the screen moves on.

The store is a log of events (`schema_v3`): append-only rows with a UUIDv7 id
(`ids`) and the id of the device that made them; reviews, undos and quiz
answers now, other kinds later, each mergeable by set union. The typed tables
(card states, review and quiz logs) are derived by one replay (`replay`), which
`doctor` runs again. Owns the SQLite store (`sqlite_store`, its queries in
`reads`), the schema as ordered migrations (`migrations`), deck ids (`decks`),
daily backups and restore in place (`backups`), the lock that keeps a restore
off an open store (`lock`), the doctor (`doctor`) and the one-line messages for
a store that cannot be used (`errors`). The same store on a cohort's PostgreSQL
server is `pg_store` (its schema and row-level security `pg_schema`, the SQL
bridge `pg_conn`, setup and roles `pg_admin`, the instructor's reads
`class_reads`, the sync peer `event_peer`). It knows nothing of FSRS or of the
deck's content: a replay that must compute a state again is handed a function.
"""
