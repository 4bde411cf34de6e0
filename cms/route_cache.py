"""Which page a URL shows, remembered between requests.

Finding the page for `/de/sehenswertes/roland/` costs Wagtail three queries (the site, its
root page, the page by its path) before the page itself is loaded. The answer changes only
when a page on that path (or the site) changes, so it is kept as a cached fragment tagged
with the site, the page and its ancestors: publishing, unpublishing, moving or renaming any
of them bumps a tag and the next request routes afresh. A hit costs one query, for the page
itself (always loaded fresh, so what is shown is never stale).
"""

import hashlib

from django.apps import apps
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.models import Page, Site

from cms import page_cache

_original_route_for_request = Page.route_for_request


def _key(request, path):
    hostname = split_domain_port(request.get_host())[0]
    language = translation.get_language() or ""
    url = f"{hostname}:{request.get_port()}:{language}:{path}"
    return f"route:{hashlib.sha256(url.encode()).hexdigest()}"


def _consumed_components(site, page):
    """How many URL components lead from the site's root to `page`, or None."""
    root_path = site.root_page.url_path
    if not page.url_path.startswith(root_path):
        return None
    return len([part for part in page.url_path[len(root_path) :].split("/") if part])


def _resolve(request, path):
    """What to remember for this URL: the site and the page's identity, or None."""
    result = _original_route_for_request(request, path)
    if result is None:
        return None
    page = result[0]
    site = Site.find_for_request(request)
    consumed = _consumed_components(site, page)
    if consumed is None:
        return None
    ancestors = Page.objects.filter(
        path__in=[page.path[:end] for end in range(Page.steplen, len(page.path), Page.steplen)]
    ).values_list("pk", flat=True)
    page_cache.depends_on_pages(ancestors)
    return {
        "site": site,
        "model": page.specific_class._meta.label,
        "pk": page.pk,
        "consumed": consumed,
    }


def route_for_request(request, path):
    """Wagtail's `Page.route_for_request`, answered from the remembered route when it can."""
    if hasattr(request, "_wagtail_route_for_request"):
        return request._wagtail_route_for_request
    if request.method not in ("GET", "HEAD"):
        return _original_route_for_request(request, path)
    remembered = page_cache.cached_fragment(_key(request, path), lambda: _resolve(request, path))
    if remembered is None:
        return _original_route_for_request(request, path)
    model = apps.get_model(remembered["model"])
    # A page type may name the related objects its own page always shows (`served_with`).
    related = getattr(model, "served_with", ())
    page = model.objects.select_related(*related).filter(pk=remembered["pk"]).first()
    if page is None:
        return _original_route_for_request(request, path)
    request._wagtail_site = remembered["site"]
    components = [component for component in path.split("/") if component]
    try:
        request._wagtail_route_for_request = page.route(
            request, components[remembered["consumed"] :]
        )
    except Http404:
        return _original_route_for_request(request, path)
    return request._wagtail_route_for_request


def use_route_cache():
    Page.route_for_request = staticmethod(route_for_request)
