"""Sitemap with one entry per page and language, each listing its translations."""

from django.conf import settings
from django.utils import translation
from wagtail.contrib.sitemaps import Sitemap


def full_urls_by_language(page, request=None):
    urls = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls[code] = page.get_full_url(request)
    return urls


class MultilingualSitemap(Sitemap):
    def _urls(self, page, protocol, domain):
        urls = []
        for item in self.paginator.page(page).object_list.iterator():
            if getattr(item, "exclude_from_sitemap", False):
                continue
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
