"""Sitemap index and its files: one entry per page and language, each listing its translations.

`/sitemap.xml` is an index; each file `/sitemap-pages.xml?p=N` holds at most
SITEMAP_PAGES_PER_FILE pages (× languages URLs, far below the protocol's 50 000), so a
region with 100 000 places costs one small request per file, never one huge one.
"""

from django.conf import settings
from django.utils import translation
from wagtail.contrib.sitemaps import Sitemap

from cms.visibility import public_pages


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
