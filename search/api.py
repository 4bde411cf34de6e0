"""The one interface the site, the API and the widgets use: `search()` and `suggest()`.

With `ELASTICSEARCH_URL` set, Elasticsearch answers and the database backend stands in
whenever Elasticsearch is down or too slow; without it, the database backend answers.
"""

import logging
import time
from collections.abc import Mapping

from django.conf import settings

from search.backends import SearchBackendUnavailable
from search.backends.database import DatabaseBackend
from search.models import PendingIndexUpdate
from search.promotions import with_promotions
from search.query import SearchQuery, SearchResults, normalise_query

logger = logging.getLogger(__name__)

# After a failure, Elasticsearch is skipped for a while so each visitor does not wait for
# the timeout again; the database answers meanwhile.
_skip_elasticsearch_until = 0.0


def elasticsearch_enabled():
    return bool(getattr(settings, "ELASTICSEARCH_URL", ""))


def get_backend():
    """The configured backend (Elasticsearch when `ELASTICSEARCH_URL` is set)."""
    if elasticsearch_enabled():
        from search.backends.elasticsearch import ElasticsearchBackend

        return ElasticsearchBackend.from_settings()
    return DatabaseBackend()


def reset_circuit():
    global _skip_elasticsearch_until
    _skip_elasticsearch_until = 0.0


def elasticsearch_skipped():
    """Whether a recent failure sends everything to the database for now."""
    return time.monotonic() < _skip_elasticsearch_until


def open_circuit():
    global _skip_elasticsearch_until
    _skip_elasticsearch_until = time.monotonic() + getattr(settings, "SEARCH_RETRY_AFTER", 30)


def _with_fallback(method, *args):
    backend = get_backend()
    if backend.name != "database" and not elasticsearch_skipped():
        try:
            return getattr(backend, method)(*args)
        except SearchBackendUnavailable as error:
            logger.warning(
                "search: %s unavailable, answering from the database: %s", backend.name, error
            )
            open_circuit()
    return getattr(DatabaseBackend(), method)(*args)


def search(query, language=None, filters=None, near=None, page=1) -> SearchResults:
    """Search live, public pages.

    `query` is a `SearchQuery`, or the visitor's text; then `filters` is a mapping of
    GET-style parameters (`type`, `category`, `kind`, `open`) and `near` a "lat,lon" string
    or pair. Invalid input is dropped (see `SearchQuery.problems`), never raised.
    """
    if not isinstance(query, SearchQuery):
        params = dict(filters or {}) if isinstance(filters, Mapping) else {}
        params["q"] = query
        if isinstance(near, tuple | list) and len(near) == 2:
            near = f"{near[0]},{near[1]}"
        params["near"] = near
        params["page"] = page
        query = SearchQuery.from_params(params, language or settings.LANGUAGE_CODE)
    return with_promotions(_with_fallback("search", query))


def suggest(prefix, language=None, limit=8) -> list[str]:
    """Titles to complete what the visitor has typed so far."""

    prefix = normalise_query(prefix)[:50]
    if len(prefix) < 2:
        return []
    return _with_fallback("suggest", prefix, language or settings.LANGUAGE_CODE, limit)


def status():
    """The search backend's state for /readyz (settings.HEALTH_CHECKS)."""
    if not elasticsearch_enabled():
        return {"status": "ok", "backend": "database"}
    state = get_backend().status()
    if state["status"] != "ok":
        state = {"status": "degraded", "backend": "database", "configured": "elasticsearch"}
    # Updates Elasticsearch missed and `search_index --retry` has not sent yet.
    return {**state, "pending_index_updates": PendingIndexUpdate.objects.count()}
