"""Search backends: one interface, an embedded database default and Elasticsearch."""


class SearchBackendUnavailable(Exception):
    """The backend cannot answer now (down, too slow); the caller falls back."""


class BaseSearchBackend:
    name = ""

    def search(self, query):
        """A `SearchQuery` → `SearchResults`."""
        raise NotImplementedError

    def suggest(self, prefix, language, limit=8):
        """Titles starting with (or containing a word starting with) `prefix`."""
        raise NotImplementedError

    def status(self):
        """{"status": "ok" | "down", …} for the health endpoint."""
        return {"status": "ok", "backend": self.name}
