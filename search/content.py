"""Which pages visitors can find, and what of each page search looks at.

Shared by both backends so they agree on what is searchable: live, public pages of five
types, with their text read per language from the modeltranslation columns.
"""

import logging
import re

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.utils.html import strip_tags
from wagtail.images import get_image_model
from wagtail.images.models import Filter, SourceImageIOError

from cms.i18n import fallback_chain, translated_field_names
from cms.seo import teaser_image
from cms.visibility import public_pages
from pages.models import EventPage, NewsPage, StandardPage
from tourism.models import PointOfInterestGalleryImage, PointOfInterestPage, RoutePage

logger = logging.getLogger(__name__)

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
# The picture beside each result.
RESULT_THUMBNAIL = "fill-160x120"

# The columns a result shows: link, title, summary or matching passage, picture, an
# event's dates, and what the page cache and the API read (expiry, publication date).
# Each type has dozens more translated fields; loading them cost more than the rest of a hit.
RESULT_PAGE_FIELDS = (
    "path",
    "depth",
    "live",
    "expire_at",
    "last_published_at",
    "content_type_id",
    *translated_field_names("title", "url_path"),
    "title",
    "url_path",
)
RESULT_TYPE_FIELDS = {
    "poi": ("data_licence",),
    "route": ("image_id",),
    "event": ("image_id", "start", "end", "all_day"),
    "news": ("image_id",),
    "page": (),
}


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


def result_fields(type_):
    """The columns `type_`'s results are loaded with (every language of the texts)."""
    texts = translated_field_names(SUMMARY_FIELD[type_], BODY_FIELD[type_])
    return RESULT_PAGE_FIELDS + RESULT_TYPE_FIELDS[type_] + texts


def result_pages(found, queryset_of=None):
    """{pk: (page, thumbnail)} of the (type, pk) pairs found, as the result list shows them.

    One query per type with the result columns only (a place's first photo found in the
    same query) and one for every picture's thumbnail; nothing per result.
    `queryset_of(type_, model)` may narrow the pages (Elasticsearch keeps public ones).
    """
    pks_by_type = {}
    for type_, pk in found:
        pks_by_type.setdefault(type_, []).append(pk)
    pages, picture_of = {}, {}
    for type_, pks in pks_by_type.items():
        model = SEARCHABLE_MODELS[type_]
        queryset = queryset_of(type_, model) if queryset_of else model.objects.all()
        queryset = queryset.filter(pk__in=pks).only(*result_fields(type_))
        if type_ == "poi":
            queryset = queryset.annotate(image_id=_first_photo_id())
        for page in queryset:
            pages[page.pk] = page
            if getattr(page, "image_id", None):
                picture_of[page.pk] = page.image_id
    thumbnails = thumbnails_of(set(picture_of.values()))
    return {pk: (page, thumbnails.get(picture_of.get(pk))) for pk, page in pages.items()}


def _first_photo_id():
    """A place's teaser picture: the image of its first gallery item (`main_image`)."""
    first = PointOfInterestGalleryImage.objects.filter(page=OuterRef("pk"))
    return Subquery(first.order_by("sort_order", "pk").values("image_id")[:1])


def thumbnails_of(image_ids):
    """{image id: rendition} in the result list's size, in one query.

    A picture shown for the first time (or since its focal point moved) gets its
    rendition made here, once.
    """
    if not image_ids:
        return {}
    size = Filter(spec=RESULT_THUMBNAIL)
    found = {}
    renditions = (
        get_image_model()
        .get_rendition_model()
        .objects.filter(image_id__in=image_ids, filter_spec=RESULT_THUMBNAIL)
    )
    for rendition in renditions.select_related("image"):
        if rendition.focal_point_key == size.get_cache_key(rendition.image):
            found[rendition.image_id] = rendition
    missing = set(image_ids) - set(found)
    for image in get_image_model().objects.filter(pk__in=missing) if missing else []:
        try:
            found[image.pk] = image.get_rendition(RESULT_THUMBNAIL)
        except SourceImageIOError:  # the original file is gone: the result shows no picture
            logger.warning("search: image %s has no file for its thumbnail", image.pk)
    return found


def thumbnail_of(page):
    """The result-list thumbnail of one page (promoted results, which are few)."""
    image = teaser_image(page)
    return thumbnails_of({image.pk}).get(image.pk) if image else None


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
