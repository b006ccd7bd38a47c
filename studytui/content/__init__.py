"""Content: lecture files in, a checked `Deck` out.

Owns the lecture schema (`lecture_schema`, pydantic, used only to validate),
its JSON Schema export for editors (`json_schema`), the reader that turns
untrusted YAML into plain data with positions (`yaml_reader`), pydantic's errors
said at file:line:column (`validation_errors`), the loader, the plain runtime
objects the app uses (`model`, `deck`) and the cache that keeps start-up fast
(`deck_cache`). Nothing here runs code from a file or knows about the store.
"""
