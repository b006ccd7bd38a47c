"""Reusable widgets (each may carry its own DEFAULT_CSS)."""
