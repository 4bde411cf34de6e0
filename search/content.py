"""Which pages visitors can find, and what of each page search looks at.

Shared by both backends so they agree on what is searchable: live, public pages of five
types, with their text read per language from the modeltranslation columns.
"""

import re

from django.conf import settings
from django.utils.html import strip_tags

from cms.i18n import fallback_chain
from cms.visibility import public_pages
from pages.models import EventPage, NewsPage, StandardPage
from tourism.models import PointOfInterestPage, RoutePage

SEARCHABLE_MODELS = {
    "poi": PointOfInterestPage,
    "route": RoutePage,
    "event": EventPage,
    "news": NewsPage,
    "page": StandardPage,
}
TYPE_OF_MODEL = {model: type_ for type_, model in SEARCHABLE_MODELS.items()}

# (field, weight): the short text that describes a page, and its long text.
SUMMARY_FIELD = {
    "poi": "teaser",
    "route": "teaser",
    "event": "teaser",
    "news": "teaser",
    "page": "intro",
}
BODY_FIELD = {
    "poi": "description",
    "route": "description",
    "event": "description",
    "news": "body",
    "page": "body",
}
BODY_TEXT_LIMIT = 5000


def languages():
    return [code for code, _name in settings.LANGUAGES]


def language_chain(language):
    """The language and the languages its visitors read when a text is missing."""
    chain = []
    for code in fallback_chain(language):
        if code not in chain:
            chain.append(code)
    return chain


def type_of(page):
    return TYPE_OF_MODEL.get(type(page), "")


def own_value(page, field, language):
    """The page's value in exactly this language ("" when not translated)."""
    value = getattr(page, f"{field}_{language}", "") or ""
    return value


BLOCK_END = re.compile(r"</(?:p|div|li|h[1-6]|blockquote|td|th|dd|dt)>|<br\s*/?>", re.I)


def text_of(value):
    """Plain text of a rich text, a StreamField or a string."""
    if value is None:
        return ""
    if hasattr(value, "render_as_block") or hasattr(value, "stream_block"):
        try:
            value = value.render_as_block()
        except Exception:  # a broken block must not stop indexing; its text is just missing
            value = ""
    # strip_tags would glue paragraphs together ("kann.Bitte"): blocks end with a space.
    text = strip_tags(BLOCK_END.sub(r"\g<0> ", str(value)))
    return " ".join(text.split())[:BODY_TEXT_LIMIT]


def value_in(page, field, language):
    """The value visitors of `language` read: their own, else the fallback's."""
    for code in language_chain(language):
        value = own_value(page, field, code)
        if value:
            return value
    return ""


def has_own_content(page, language):
    """Whether the page has its own title in this language (German always does)."""
    return language == settings.MODELTRANSLATION_DEFAULT_LANGUAGE or bool(
        own_value(page, "title", language)
    )


def location_of(page):
    """(lat, lon) of a place, a route's centre or an event's venue; None otherwise."""
    if isinstance(page, PointOfInterestPage):
        return (page.lat, page.lon)
    if isinstance(page, RoutePage) and page.bbox:
        min_lon, min_lat, max_lon, max_lat = page.bbox
        return ((min_lat + max_lat) / 2, (min_lon + max_lon) / 2)
    if isinstance(page, EventPage) and page.venue_page:
        return (page.venue_page.lat, page.venue_page.lon)
    return None


def categories_of(page):
    """[(slug, category)] of a place's categories or an event's category."""
    if isinstance(page, PointOfInterestPage):
        return [(category.slug, category) for category in page.categories.all()]
    if isinstance(page, EventPage) and page.category_id:
        return [(page.category.slug, page.category)]
    return []


def summary_of(page, language):
    return text_of(value_in(page, SUMMARY_FIELD[type_of(page)], language))


def body_of(page, language):
    return text_of(value_in(page, BODY_FIELD[type_of(page)], language))


def searchable_pages(types=None):
    """Specific live, public pages of the searchable types, one queryset per type."""
    for type_, model in SEARCHABLE_MODELS.items():
        if types and type_ not in types:
            continue
        queryset = public_pages(model.objects.all())
        if model is PointOfInterestPage:
            queryset = queryset.prefetch_related("categories", "tagged_items__tag")
        elif model is EventPage:
            queryset = queryset.select_related("category", "venue")
        yield type_, queryset
