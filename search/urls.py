"""The search page under each language's own slug, and the suggestions endpoint.

Included inside `i18n_patterns`, so /de/suche/, /en/search/ and /pl/szukaj/.
"""

from django.urls import path

from cms.translated_urls import translated_paths
from search import views

app_name = "search"

SEARCH_SLUGS = {"de": "suche", "en": "search", "pl": "szukaj"}

urlpatterns = [
    path("search/suggest/", views.suggest, name="suggest"),
    *translated_paths(views.search_page, SEARCH_SLUGS),
]
