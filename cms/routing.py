"""Page routing by translated slugs in SQL.

With `WAGTAILMODELTRANSLATION_TRANSLATE_SLUGS`, wagtail-modeltranslation replaces
`Page.route` with a version that loads every child of a page and compares slugs in Python:
a place among 10 000 siblings costs 10 000 page objects per request. This version asks the
database for the child whose slug, in the active language or its fallbacks, is the one in
the URL, and keeps the rest of the behaviour (routable pages, live check) as it was.
"""

from django.db.models import Q
from django.http import Http404
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from cms.i18n import fallback_chain


def translated_lookup(field, value, language):
    """A Q for pages whose `field` *as read in `language`* (with fallback) is `value`."""
    chain = list(dict.fromkeys(fallback_chain(language)))
    lookup = Q()
    for position, code in enumerate(chain):
        # This language's value counts only where every earlier one in the chain is empty.
        match = Q(**{f"{field}_{code}": value})
        for earlier in chain[:position]:
            match &= Q(**{f"{field}_{earlier}": ""}) | Q(**{f"{field}_{earlier}__isnull": True})
        lookup |= match
    return lookup


def slug_lookup(slug, language):
    return translated_lookup("slug", slug, language)


def _descendant_by_url_path(page, path_components):
    """The live page at this path below `page`, found by its stored per-language URL path.

    One query instead of one per level. A real page wins over a routable page's sub-URL of
    the same path; anything not found here (routable sub-URLs, drafts) is walked as before.
    """
    target = page.url_path + "".join(f"{component}/" for component in path_components)
    candidates = Page.objects.filter(
        translated_lookup("url_path", target, translation.get_language()),
        path__startswith=page.path,
        depth=page.depth + len(path_components),
        live=True,
    )
    for candidate in candidates:
        if candidate.url_path == target:
            return candidate.specific
    return None


def route(self, request, path_components):
    if len(path_components) > 1:
        found = _descendant_by_url_path(self, path_components)
        if found is not None:
            return found.route(request, [])
    if isinstance(self, RoutablePageMixin) and self.live:
        path = "/" + "".join(f"{component}/" for component in path_components)
        try:
            view, args, kwargs = self.resolve_subpage(path)
            return RouteResult(self, args=(view, args, kwargs))
        except Http404:
            pass

    if not path_components:
        if self.live:
            return RouteResult(self)
        raise Http404

    child_slug, remaining = path_components[0], path_components[1:]
    language = translation.get_language()
    for child in self.get_children().filter(slug_lookup(child_slug, language)):
        # The database narrowed it down; the exact comparison stays modeltranslation's.
        if child.slug == child_slug:
            return child.specific.route(request, remaining)
    raise Http404


def use_sql_routing(models):
    """Replace wagtail-modeltranslation's `route` on every page model it patched."""
    from wagtail_modeltranslation.patch_wagtailadmin import _new_route

    for model in models:
        if getattr(model, "route", None) is _new_route:
            model.route = route
