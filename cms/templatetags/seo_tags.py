"""Canonical URL, OpenGraph/Twitter meta and schema.org JSON-LD for every page."""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from cms.structured_data import image_url, plain_text, to_script
from pages import structured_data as page_data
from tourism import structured_data as tourism_data

register = template.Library()

STRUCTURED_DATA = {
    "HomePage": page_data.home,
    "EventPage": page_data.event,
    "NewsPage": page_data.news,
    "PointOfInterestPage": tourism_data.point_of_interest,
    "RoutePage": tourism_data.route,
}
OG_LOCALES = {"de": "de_DE", "en": "en_GB", "pl": "pl_PL"}


def listing_image(page):
    for name in ("main_image", "image", "hero_image"):
        image = getattr(page, name, None)
        if image is not None:
            return image
    return None


def description(page):
    for name in ("search_description", "teaser", "intro", "hero_text"):
        value = getattr(page, name, "")
        if value:
            return plain_text(value, limit=300)
    # Listings without an introduction still tell search engines what they hold.
    return _("%(title)s in %(town)s") % {"title": page.title, "town": settings.TOWN_NAME}


@register.inclusion_tag("components/page_meta.html", takes_context=True)
def page_meta(context, page):
    request = context.get("request")
    language = translation.get_language()
    builder = STRUCTURED_DATA.get(type(page).__name__)
    return {
        "page": page,
        "canonical": page.get_full_url(request),
        "description": description(page),
        "og_type": "article" if type(page).__name__ == "NewsPage" else "website",
        "og_locale": OG_LOCALES.get(language, language),
        "og_alternate_locales": [
            OG_LOCALES.get(code, code) for code, _name in settings.LANGUAGES if code != language
        ],
        "image": image_url(listing_image(page), request),
        "site_name": settings.TOWN_NAME,
        "json_ld": to_script(builder(page, request)) if builder else "",
    }
