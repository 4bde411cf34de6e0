"""Tell a CDN or caching proxy to drop a page in every language when it changes.

Wagtail's frontend cache purges the page's URL in the active language only; with one URL
per language (/de/…, /en/…) each must go, and so must the parent's (its lists).
"""

from django.conf import settings
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.signals import page_published, page_unpublished


def page_urls_in_every_language(page):
    urls = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            url = page.get_full_url()
        if url:
            urls.add(url)
    return urls


def purge_page_everywhere(sender, instance, **kwargs):
    if not settings.WAGTAILFRONTENDCACHE:
        return
    batch = PurgeBatch()
    batch.add_urls(page_urls_in_every_language(instance))
    parent = instance.get_parent()
    if parent is not None and parent.depth > 1:
        batch.add_urls(page_urls_in_every_language(parent.specific_deferred))
    batch.purge()


def connect_signals():
    page_published.connect(purge_page_everywhere, dispatch_uid="purge_page_everywhere")
    page_unpublished.connect(purge_page_everywhere, dispatch_uid="purge_page_everywhere_unpub")
