"""Search backends: one interface, an embedded database default and Elasticsearch."""

from search.query import CONTENT_TYPES, Facet, category_names


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


def build_facets(query, type_counts, category_counts):
    """Facet lists from counts (any backend): types in a fixed order, categories by count."""

    names = category_names() if category_counts else {}
    return {
        "type": [
            Facet(value, str(label), type_counts[value], value in query.types)
            for value, label in CONTENT_TYPES.items()
            if type_counts.get(value)
        ],
        "category": sorted(
            (
                Facet(slug, names.get(slug, slug), count, slug in query.categories)
                for slug, count in category_counts.items()
                if count
            ),
            key=lambda facet: (-facet.count, facet.label),
        ),
    }
