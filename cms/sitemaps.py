"""Sitemap index and its files: one entry per page and language, each listing its translations.

`/sitemap.xml` is an index; each file `/sitemap-pages.xml?p=N` holds at most
SITEMAP_PAGES_PER_FILE pages (× languages URLs, far below the protocol's 50 000), so a
region with 100 000 places costs one small request per file, never one huge one. The
index itself needs only the number of pages and the latest change, kept for a few minutes.
"""

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count, Max
from django.db.models.functions import Coalesce
from django.utils import translation
from wagtail.contrib.sitemaps import Sitemap

from cms.visibility import public_pages

SITEMAP_TOTALS_SECONDS = 300


def full_urls_by_language(page, request=None):
    urls = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls[code] = page.get_full_url(request)
    return urls


class MultilingualSitemap(Sitemap):
    @property
    def limit(self):
        return settings.SITEMAP_PAGES_PER_FILE

    def items(self):
        # Plain pages are enough for URLs and dates; no per-type queries, no StreamFields.
        return (
            public_pages(self.get_wagtail_site().root_page.get_descendants(inclusive=True))
            .order_by("path")
            .defer_streamfields()
        )

    def get_latest_lastmod(self):
        return self._totals()["latest"]

    @property
    def paginator(self):
        paginator = Paginator(self._items(), self.limit)
        paginator.count = self._totals()["count"]  # known: no COUNT over the region
        return paginator

    def _totals(self):
        """Number of pages and the latest change, counted in SQL at most every few minutes.

        Both scan every page of the region; crawlers fetch the index far more often than
        a few minutes' delay in listing a new page (or a new file) could matter.
        """
        key = f"sitemap:totals:{self.get_wagtail_site().pk}"
        totals = cache.get(key)
        if totals is None:
            totals = self.items().aggregate(
                count=Count("pk"),
                latest=Max(Coalesce("last_published_at", "latest_revision_created_at")),
            )
            cache.set(key, totals, timeout=SITEMAP_TOTALS_SECONDS)
        return totals

    def _urls(self, page, protocol, domain):
        urls = []
        for item in self.paginator.page(page).object_list.iterator():
            by_language = full_urls_by_language(item, self.request)
            alternates = [
                {"lang_code": code, "location": location} for code, location in by_language.items()
            ]
            alternates.append(
                {"lang_code": "x-default", "location": by_language[settings.LANGUAGE_CODE]}
            )
            lastmod = self.lastmod(item)
            for location in by_language.values():
                urls.append({"location": location, "lastmod": lastmod, "alternates": alternates})
        return urls


SITEMAPS = {"pages": MultilingualSitemap}
