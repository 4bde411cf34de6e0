from django import template
from django.conf import settings
from django.http import QueryDict
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation
from wagtail.models import Page, Site

from cms import dates
from cms.page_cache import cached_fragment, depends_on_pages
from cms.visibility import public_pages

register = template.Library()


@register.simple_tag
def search_page_url():
    """The search page in the active language, for the search field in every header."""
    try:
        return reverse(f"search:page_{translation.get_language()}")
    except NoReverseMatch:
        return reverse(f"search:page_{settings.LANGUAGE_CODE}")


@register.filter
def weekday_date(day):
    """`{{ day|weekday_date }}`: "Sonntag, 6. Dezember", "niedziela, 6 grudnia" (cms.dates)."""
    return dates.weekday_date(day)


def _home_id(request):
    """The id of the request's site root.

    The site is stored per host and handed to Wagtail for the rest of the request: views
    that are not pages (search, notices) render their header live, and the site lookup by
    host was a query on every request, made again by the first `{% pageurl %}`. Stored
    values carry the tag every change of a site bumps.
    """
    if request is None:
        return None
    site = getattr(request, "_wagtail_site", None)
    if site is None:
        # get_host() carries a port other than the scheme's own.
        site = cached_fragment(
            f"site:{request.get_host()}", lambda: Site.find_for_request(request), shared=True
        )
        request._wagtail_site = site
    return site.root_page_id if site else None


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Top-level pages marked "show in menus", in tree order (shared between requests)."""
    home_id = _home_id(context.get("request"))
    if home_id is None:
        return []

    def build():
        # Publishing a child bumps its parent's tag: a page new to the menu shows at once.
        depends_on_pages([home_id])
        home = Page.objects.get(pk=home_id)
        return list(public_pages(home.get_children()).in_menu())

    return cached_fragment(f"main-menu:{home_id}", build)


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """One link per language to the same page or view; the home of that language otherwise."""
    request = context.get("request")
    current = translation.get_language()
    # Resolved in the current language: i18n_patterns match only the active prefix.
    view = None if isinstance(page, Page) else _language_view(request)
    links = []
    for code, name in settings.LANGUAGES:
        with translation.override(code):
            if isinstance(page, Page):
                url = page.get_url(request=request)
            else:
                url = _translated_view_url(request, view, code) if view else f"/{code}/"
            links.append(
                {
                    "code": code,
                    "name": translation.gettext(name),
                    "url": url,
                    "current": code == current,
                }
            )
    return links


def _language_view(request):
    """The resolved view when it has one URL per language, named `page_<code>`, else None.

    Search and the widget configurator have one slug per language (/de/suche/,
    /en/search/); other views without a page send the switcher to each language's home.
    """
    if request is None:
        return None
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    if match.namespace and (match.url_name or "").startswith("page_"):
        return match
    return None


def _translated_view_url(request, view, code):
    # The query stays: a visitor switching language keeps their search or widget settings.
    url = reverse(f"{view.namespace}:page_{code}")
    query = request.GET.urlencode()
    return f"{url}?{query}" if query else url


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    # Siblings share their trail; it changes only when an ancestor does (their tags).
    parent_path = page.path[: -Page.steplen]
    return cached_fragment(
        f"breadcrumbs:{parent_path}",
        lambda: list(page.get_ancestors().filter(depth__gte=2).specific(defer=True)),
    )


@register.inclusion_tag("components/pagination.html", takes_context=True)
def pagination(context, page_obj):
    """Previous and next links for a Django page of results, keeping the other parameters."""
    request = context.get("request")
    params = request.GET.copy() if request else QueryDict(mutable=True)

    def page_url(number):
        params["page"] = number
        return "?" + params.urlencode()

    return {
        "previous_url": page_url(page_obj.previous_page_number())
        if page_obj.has_previous()
        else "",
        "next_url": page_url(page_obj.next_page_number()) if page_obj.has_next() else "",
        "number": page_obj.number,
        "total": page_obj.paginator.num_pages,
    }
