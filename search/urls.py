"""The search page under each language's own slug, and the suggestions endpoint.

Included inside `i18n_patterns`, so /de/suche/, /en/search/ and /pl/szukaj/; the
slugs are plain strings because the URL must work before any messages are compiled.
"""

from django.urls import path

from search import views

app_name = "search"

SEARCH_SLUGS = {"de": "suche", "en": "search", "pl": "szukaj"}

urlpatterns = [
    path("search/suggest/", views.suggest, name="suggest"),
    *(
        path(f"{slug}/", views.search_page, {"slug_language": code}, name=f"page_{code}")
        for code, slug in SEARCH_SLUGS.items()
    ),
]
