"""Sitemap index and its files: one entry per page and language, each listing its translations.

`/sitemap.xml` is an index; each file `/sitemap-pages.xml?p=N` holds at most
SITEMAP_PAGES_PER_FILE pages (× languages URLs, far below the protocol's 50 000), so a
region with 100 000 places costs one request per file, never one huge one. The index
itself needs only the number of pages and the latest change, counted in one aggregate and
kept for a few minutes.

Both are written as strings rather than through Django's sitemap templates, and a file
reads only the columns a URL is made of (no page objects): a template and a page object
per entry cost more than everything else in a file of a thousand pages. The bytes are
those Django's views and Wagtail's `Page.get_full_url` would give.
"""

import html
import re

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, F, Max, Window
from django.db.models.functions import Coalesce, RowNumber
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dateformat import format as format_date
from django.utils.http import http_date
from modeltranslation.utils import resolution_order
from wagtail.models import Page, Site

from cms.visibility import public_pages

SITEMAP_TOTALS_SECONDS = 300
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
# Paths below a site root that `reverse` returns unchanged (no quoting, always routable).
PLAIN_PATH = re.compile(r"(?:[A-Za-z0-9_-]+/)*\Z")
ROW_FIELDS = ("path", "last_published_at", "latest_revision_created_at")


def full_urls_by_language(page, request=None):
    urls = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls[code] = page.get_full_url(request)
    return urls


def current_site(request):
    site = Site.find_for_request(request)
    if site is None:
        return Site.objects.select_related("root_page").get(is_default_site=True)
    return site


def public_site_pages(site):
    """Every public page of the site in tree order: what the sitemap lists."""
    return public_pages(site.root_page.get_descendants(inclusive=True)).order_by("path")


def totals(site):
    """Number of pages, the latest change and the first page of each file, in SQL at most
    every few minutes.

    They scan every page of the region; crawlers fetch the index far more often than a few
    minutes' delay in listing a new page (or a new file) could matter. A file starts at its
    first page's tree path, found through the path index, where skipping the files before
    it with OFFSET would read every page before it.
    """
    per_file = settings.SITEMAP_PAGES_PER_FILE
    key = f"sitemap:totals:{site.pk}:{per_file}"
    found = cache.get(key)
    if found is None:
        pages = public_site_pages(site)
        found = pages.aggregate(
            count=Count("pk"),
            latest=Max(Coalesce("last_published_at", "latest_revision_created_at")),
        )
        numbered = pages.annotate(number=Window(RowNumber(), order_by=F("path").asc()))
        found["starts"] = list(
            numbered.annotate(position=(F("number") - 1) % per_file)
            .filter(position=0)
            .order_by("path")
            .values_list("path", flat=True)
        )
        cache.set(key, found, timeout=SITEMAP_TOTALS_SECONDS)
    return found


def no_robots(response):
    response.headers["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response


def index(request):
    """`/sitemap.xml`: one entry per file, all with the site's latest change."""
    site = current_site(request)
    found = totals(site)
    files = max(1, -(-found["count"] // settings.SITEMAP_PAGES_PER_FILE))
    path = reverse("sitemap_file", kwargs={"section": "pages"})
    first = html.escape(f"{request.scheme}://{request.get_host()}{path}")
    latest = found["latest"]
    lastmod = ""
    if latest:
        lastmod = f"<lastmod>{html.escape(format_date(timezone.localtime(latest), 'c'))}</lastmod>"
    entries = [f"<sitemap><loc>{first}</loc>{lastmod}</sitemap>"]
    entries += [
        f"<sitemap><loc>{first}?p={number}</loc>{lastmod}</sitemap>"
        for number in range(2, files + 1)
    ]
    body = (
        XML_DECLARATION
        + '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "".join(entries)
        + "\n</sitemapindex>\n"
    )
    response = HttpResponse(body, content_type="application/xml")
    if latest:
        response.headers["Last-Modified"] = http_date(latest.timestamp())
    return no_robots(response)


def sitemap_file(request, section):
    """`/sitemap-pages.xml?p=N`: the N-th slice of pages, each in every language."""
    if section != "pages":
        raise Http404(f"No sitemap available for section: {section!r}")
    try:
        number = int(request.GET.get("p", 1))
    except ValueError:
        raise Http404(f"No page {request.GET.get('p')!r}") from None
    if number < 1:
        raise Http404(f"Page {number} empty")
    site = current_site(request)
    starts = totals(site)["starts"]
    if number > max(1, len(starts)):
        raise Http404(f"Page {number} empty")
    codes = [code for code, _name in settings.LANGUAGES]
    # Each language's own column: a plain values query (modeltranslation's `url_path`
    # would resolve the fallbacks of the active language only, row by row in Python).
    url_path_fields = [f"url_path_{code}" for code in codes]
    pages = public_site_pages(site)
    if starts:
        pages = pages.filter(path__gte=starts[number - 1])
    rows = list(pages.values_list(*ROW_FIELDS, *url_path_fields)[: settings.SITEMAP_PAGES_PER_FILE])
    urls = PageUrls(request, codes)
    zone = timezone.get_current_timezone()
    entries = []
    for row in rows:
        # As the templates' autoescape would: every location escaped once, used four times.
        by_language = {code: html.escape(url) for code, url in urls.by_language(row).items()}
        links = "".join(
            f'<xhtml:link rel="alternate" hreflang="{code}" href="{location}"/>'
            for code, location in [*by_language.items(), ("x-default", by_language[codes[0]])]
        )
        changed = row[1] or row[2]
        lastmod = f"<lastmod>{changed.astimezone(zone):%Y-%m-%d}</lastmod>" if changed else ""
        entries += [
            f"<url><loc>{location}</loc>{lastmod}{links}</url>" for location in by_language.values()
        ]
    body = (
        XML_DECLARATION
        + '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        + 'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
        + "".join(entries)
        + "\n</urlset>\n"
    )
    return no_robots(HttpResponse(body, content_type="application/xml"))


class PageUrls:
    """Full URLs of a page in each language from its stored per-language URL paths.

    What `Page.get_full_url` computes in each language (wagtail-modeltranslation reads
    `url_path` with the language's fallbacks and localises the site roots), without a
    page object or a `reverse` per URL. A path this shortcut cannot vouch for (another
    site's page, characters `reverse` would quote) is asked of the page itself.
    """

    def __init__(self, request, codes):
        self.request = request
        self.codes = codes
        self.languages = {}
        for code in codes:
            with translation.override(code):
                prefix = reverse("wagtail_serve", args=("",))
                roots = Page._get_site_root_paths(Page(), request)
            order = [codes.index(lang) for lang in resolution_order(code) if lang in codes]
            self.languages[code] = (prefix, roots, order)
        self.site_id = current_site(request).pk

    def by_language(self, row):
        urls = {}
        stored = row[len(ROW_FIELDS) :]
        for code in self.codes:
            prefix, roots, order = self.languages[code]
            url_path = next((stored[i] for i in order if stored[i]), "")
            url = self._fast(url_path, prefix, roots)
            if url is None:
                return full_urls_by_language(Page.objects.get(path=row[0]), self.request)
            urls[code] = url
        return urls

    def _fast(self, url_path, prefix, roots):
        relevant = [root for root in roots if url_path.startswith(root.root_path)]
        if not relevant or any(root.site_id != relevant[0].site_id for root in relevant):
            return None
        root = relevant[0]
        below = url_path[len(root.root_path) :]
        if root.site_id != self.site_id or not PLAIN_PATH.match(below):
            return None
        return root.root_url + prefix + below
