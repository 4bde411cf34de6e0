from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Page, Site

from pages.models import StandardPage

register = template.Library()


def _home(request):
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Top-level pages marked "show in menus", in tree order."""
    home = _home(context.get("request"))
    if home is None:
        return []
    return list(home.get_children().live().public().in_menu())


@register.simple_tag(takes_context=True)
def footer_pages(context):
    return list(StandardPage.objects.live().public().filter(show_in_footer=True).order_by("path"))


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """One link per language to the same page; the home of that language otherwise."""
    request = context.get("request")
    current = translation.get_language()
    links = []
    for code, name in settings.LANGUAGES:
        with translation.override(code):
            if isinstance(page, Page):
                url = page.get_url(request=request)
            else:
                url = f"/{code}/"
            links.append(
                {
                    "code": code,
                    "name": translation.gettext(name),
                    "url": url,
                    "current": code == current,
                }
            )
    return links


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    return list(page.get_ancestors().filter(depth__gte=2).specific(defer=True))
