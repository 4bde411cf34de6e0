"""Search for visitors: `from search.api import search, suggest` (see docs/search.md)."""
