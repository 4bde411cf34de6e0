"""The notices overview under each language's slug and its feed.

Included inside `i18n_patterns`: /de/hinweise/, /en/notices/, /pl/komunikaty/.
"""

from django.urls import path

from cms.translated_urls import translated_paths
from tourism import notice_views

app_name = "notices"

NOTICE_SLUGS = {"de": "hinweise", "en": "notices", "pl": "komunikaty"}

urlpatterns = [
    *translated_paths(notice_views.overview, NOTICE_SLUGS),
    *(
        path(f"{slug}/feed.atom", notice_views.feed, name=f"feed_{code}")
        for code, slug in NOTICE_SLUGS.items()
    ),
]
