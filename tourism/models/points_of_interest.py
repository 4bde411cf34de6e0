"""Points of interest: the sights, museums, restaurants and offices visitors look for."""

import math
from datetime import datetime, time, timedelta
from functools import cached_property

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import formats, timezone, translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modeltranslation.utils import resolution_order
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms import page_cache
from cms.panels import localized, promote_tab, title_panel, translations_tab
from cms.richtext import RICH_TEXT_FEATURES
from cms.seo import SeoMixin
from cms.slugs import TranslatedSlugMixin
from cms.structured_data import postal_address
from cms.visibility import public_pages
from tourism import opening_hours as oh
from tourism import structured_data
from tourism.accessibility import ACCESSIBILITY_FEATURES
from tourism.blocks import OpeningHoursBlock, season_from_block
from tourism.forms import PointOfInterestPageForm
from tourism.geo import haversine_m, nearness
from tourism.listing import ACCESSIBILITY_FILTERS, PER_PAGE, Filters
from tourism.models.categories import PointOfInterestCategory
from tourism.models.notices import Notice
from tourism.notices import closed_place_ids, current_notices_for
from tourism.status import opening_status_label
from tourism.week_overview import week_overview

DATA_LICENCE_CHOICES = [
    ("CC-BY-4.0", "CC BY 4.0"),
    ("CC-BY-SA-4.0", "CC BY-SA 4.0"),
    ("CC0-1.0", "CC0 1.0"),
    ("DL-DE-BY-2.0", "Datenlizenz Deutschland – Namensnennung 2.0"),
    ("DL-DE-ZERO-2.0", "Datenlizenz Deutschland – Zero 2.0"),
]

LATITUDE_VALIDATORS = [MinValueValidator(-90), MaxValueValidator(90)]
LONGITUDE_VALIDATORS = [MinValueValidator(-180), MaxValueValidator(180)]

TRANSLATED_FIELDS = (
    "teaser",
    "description",
    "opening_hours_note",
    "admission",
    "accessibility_notes",
)

# One sort key per language of settings.LANGUAGES (a test checks they match).
SORT_TITLE_LANGUAGES = ("de", "en", "pl")

LIST_COUNT_SECONDS = 300

NEARBY_RADIUS_M = 2000
OPEN_NOW_LIFETIME = 60  # seconds


def next_midnight(moment):
    """The start of the next local day after `moment` (Europe/Berlin)."""
    tomorrow = timezone.localtime(moment).date() + timedelta(days=1)
    return timezone.make_aware(datetime.combine(tomorrow, time.min))


def distance_label(distance):
    """ "350 m away" / "2.4 km away" for a distance in metres; "" for None."""
    if distance is None:
        return ""
    if distance < 1000:
        return _("%(metres)s m away") % {"metres": int(round(distance, -1))}
    return _("%(km)s km away") % {"km": formats.localize(round(distance / 1000, 1))}


# Languages the `holidays` package names German public holidays in.
HOLIDAY_LANGUAGES = {"de": "de", "en": "en_US"}


def sort_titles(titles, default=""):
    """{`sort_title_<code>`: the title visitors of that language see} for the titles by
    language (`{"de": …, "en": None}`): their own, else their fallback language's."""
    keys = {}
    for code in SORT_TITLE_LANGUAGES:
        found = (titles.get(other) for other in resolution_order(code) if titles.get(other))
        keys[f"sort_title_{code}"] = next(found, default or "")
    return keys


def keep_sort_titles(page, save_kwargs):
    """Set `page`'s `sort_title_<code>` fields from its titles before `save(**save_kwargs)`.

    A save of only some fields (`update_fields`) that changes a title saves the sort
    titles with it.
    """
    titles = {code: getattr(page, f"title_{code}", None) for code in SORT_TITLE_LANGUAGES}
    keys = sort_titles(titles, default=page.title)
    for name, value in keys.items():
        setattr(page, name, value)
    update_fields = save_kwargs.get("update_fields")
    if update_fields is not None and any(name.startswith("title") for name in update_fields):
        save_kwargs["update_fields"] = {*update_fields, *keys}


def sort_title_field(language=None):
    """The column a list of places or routes in `language` (the current one) is sorted by."""
    language = language or translation.get_language()
    if language not in SORT_TITLE_LANGUAGES:
        language = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    return f"sort_title_{language}"


def default_data_licence():
    return settings.TOURISM_DATA_LICENCE


def known_or_unknown(label, help_text=""):
    # None means "not checked yet": visitors must not read "no" where we simply do not know.
    return models.BooleanField(label, null=True, blank=True, help_text=help_text)


class PointOfInterestIndexPage(SeoMixin, TranslatedSlugMixin, Page):
    """The list and map of all points of interest."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [title_panel(), FieldPanel(localized("intro"))]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            translations_tab("intro"),
            promote_tab(),
        ]
    )
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["tourism.PointOfInterestPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("point of interest index")

    def get_teaser_text(self):
        return self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # EXISTS per category stops at its first public place; a region has thousands.
        # Lazy: the checkboxes and the cards of the plain list are stored fragments, and
        # a stored fragment needs neither the categories nor the places' rows.
        categories = SimpleLazyObject(
            lambda: list(
                PointOfInterestCategory.objects.filter(
                    Exists(
                        public_pages(
                            PointOfInterestPage.objects.filter(categories=OuterRef("pk"))
                        ).values("pk")
                    )
                )
            )
        )
        filters = Filters.from_query(request.GET, categories)
        # Cards show a picture from the gallery; nothing on a card needs categories or
        # special opening days.
        points_of_interest = (
            public_pages(self.places())
            .order_by(sort_title_field(), "pk")
            .prefetch_related("gallery_images__image")
        )
        results = filters.apply(points_of_interest)
        paginator = Paginator(results, PER_PAGE)
        paginator.count = self._count_of(filters, results)
        shown = paginator.get_page(request.GET.get("page"))
        filters.measure(shown.object_list)
        context.update(
            {
                "filters": filters,
                "categories": categories,
                "accessibility_filters": [
                    (key, label) for key, (_field, label) in ACCESSIBILITY_FILTERS.items()
                ],
                "result_count": shown.paginator.count,
                "points_of_interest": shown,
                # The detailed map of an unfiltered list shows every place, as clusters;
                # the clusters know no filters, so a filtered map shows the page's places.
                "cluster_map": not filters.is_filtered,
            }
        )
        return context

    def places(self):
        """The places of this index: its descendants, as places have no subpages.

        Not `child_of`: with its `depth` term SQLite read every place of the region through
        the page table's depth index and sorted them all for one page of 12; without it,
        SQLite walks the sort-title index and stops after the page (the list page took
        161 → 19 ms at 100 000 places).
        """
        return PointOfInterestPage.objects.filter(path__startswith=self.path)

    def _count_of(self, filters, results):
        """How many places `results` holds, counted once per filter for everyone.

        Counting reads every matching place of the region (half a second at 100 000 on
        PostgreSQL); the count is kept until any place is published, changed or removed, and
        at most LIST_COUNT_SECONDS for what no signal announces (a scheduled expiry), or
        OPEN_NOW_LIFETIME with "open now", as long as a stored list says who is open.
        """
        chosen = [category.slug for category in filters.categories] + filters.accessibility
        if filters.open_now:
            chosen.append("open-now")
        lifetime = OPEN_NOW_LIFETIME if filters.open_now else LIST_COUNT_SECONDS

        def count():
            page_cache.depends_on_type(PointOfInterestPage)
            if filters.open_now:
                page_cache.depends_on_type(Notice)  # a closure closes places
            page_cache.expire_at(timezone.now() + timedelta(seconds=lifetime))
            return results.count()

        return page_cache.cached_fragment(f"poi-count:{self.pk}:{','.join(sorted(chosen))}", count)


class PointOfInterestTag(TaggedItemBase):
    content_object = ParentalKey(
        "tourism.PointOfInterestPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class PointOfInterestPage(SeoMixin, TranslatedSlugMixin, Page):
    """A place worth visiting or needing: sight, museum, restaurant, town hall …"""

    teaser = models.TextField(
        _("teaser"), max_length=300, blank=True, help_text=_("One or two sentences for lists.")
    )
    description = RichTextField(_("description"), blank=True, features=RICH_TEXT_FEATURES)
    categories = ParentalManyToManyField(
        "tourism.PointOfInterestCategory", blank=True, verbose_name=_("categories")
    )
    tags = ClusterTaggableManager(through=PointOfInterestTag, blank=True, verbose_name=_("tags"))
    featured = models.BooleanField(_("highlight on the home page"), default=False)

    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        validators=LATITUDE_VALIDATORS,
        help_text=_("Decimal degrees north, e.g. 52.289700."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        validators=LONGITUDE_VALIDATORS,
        help_text=_("Decimal degrees east, e.g. 11.408600."),
    )
    street = models.CharField(_("street and number"), max_length=255, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    locality = models.CharField(_("town"), max_length=100, blank=True)

    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)

    opening_hours = StreamField(
        OpeningHoursBlock(),
        blank=True,
        verbose_name=_("opening hours"),
        help_text=_("Leave empty for places without opening hours."),
    )
    closed_on_public_holidays = models.BooleanField(_("closed on public holidays"), default=False)
    opening_hours_note = models.TextField(
        _("note on opening hours"),
        blank=True,
        help_text=_("E.g. “Last admission 30 minutes before closing.”"),
    )
    admission = models.TextField(_("admission and prices"), blank=True)
    free_admission = known_or_unknown(_("free admission"))

    step_free_access = known_or_unknown(_("step-free access"))
    accessible_toilet = known_or_unknown(_("accessible toilet"))
    accessible_parking = known_or_unknown(_("accessible parking"))
    guide_dogs_welcome = known_or_unknown(_("guide dogs welcome"))
    hearing_loop = known_or_unknown(_("hearing loop"))
    accessibility_notes = models.TextField(_("accessibility notes"), blank=True)

    data_licence = models.CharField(
        _("data licence"), max_length=20, choices=DATA_LICENCE_CHOICES, default=default_data_licence
    )
    last_checked = models.DateField(
        _("last checked"),
        null=True,
        blank=True,
        help_text=_("When someone last confirmed these facts on site or with the operator."),
    )
    # The title each language's visitors see, kept on save: lists of a region's places
    # sort by it through an index and stop after one page. wagtail-modeltranslation adds
    # the title columns after migrations, so those cannot carry an index.
    sort_title_de = models.CharField(max_length=255, blank=True, editable=False, db_index=True)
    sort_title_en = models.CharField(max_length=255, blank=True, editable=False, db_index=True)
    sort_title_pl = models.CharField(max_length=255, blank=True, editable=False, db_index=True)

    # The first tab holds everything a new place needs (docs/editors.md): what is required
    # (title, position) and what nearly every place has (teaser, category, hours, a photo).
    content_panels = [
        title_panel(),
        FieldPanel(localized("teaser")),
        FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])],
            heading=_("Position"),
        ),
        FieldPanel("opening_hours_preset"),
        # The label names one item: Wagtail's button then reads "Bild hinzufügen".
        InlinePanel("gallery_images", label=_("Image"), heading=_("Gallery")),
        FieldPanel(localized("description")),
        FieldPanel("tags"),
        FieldPanel("featured"),
    ]
    location_panels = [
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("locality")]),
            ],
            heading=_("Address"),
        ),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("website")], heading=_("Contact")
        ),
    ]
    opening_hours_panels = [
        FieldPanel("opening_hours"),
        FieldPanel("closed_on_public_holidays"),
        InlinePanel(
            "special_days",
            label=_("Special day"),
            heading=_("Holidays, closures and special openings"),
        ),
        FieldPanel(localized("opening_hours_note")),
        MultiFieldPanel(
            [FieldPanel(localized("admission")), FieldPanel("free_admission")],
            heading=_("Admission"),
        ),
    ]
    accessibility_panels = [
        FieldPanel("step_free_access"),
        FieldPanel("accessible_toilet"),
        FieldPanel("accessible_parking"),
        FieldPanel("guide_dogs_welcome"),
        FieldPanel("hearing_loop"),
        FieldPanel(localized("accessibility_notes")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(location_panels, heading=_("Location")),
            ObjectList(opening_hours_panels, heading=_("Opening hours")),
            ObjectList(accessibility_panels, heading=_("Accessibility")),
            translations_tab(*TRANSLATED_FIELDS),
            promote_tab(),
            ObjectList([FieldPanel("data_licence"), FieldPanel("last_checked")], heading=_("Data")),
        ]
    )
    base_form_class = PointOfInterestPageForm

    search_fields = Page.search_fields + [
        index.SearchField("teaser"),
        index.SearchField("description"),
        index.RelatedFields("categories", [index.SearchField("name")]),
        index.FilterField("latitude"),
    ]

    parent_page_types = ["tourism.PointOfInterestIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("point of interest")
        verbose_name_plural = _("points of interest")
        # "Nearby", the API's bbox and near= look up a box of coordinates in a region.
        indexes = [
            models.Index(fields=["latitude", "longitude"], name="poi_position_idx"),
            # The home page's highlights: a handful among a region's places.
            models.Index(fields=["featured"], condition=Q(featured=True), name="poi_featured_idx"),
        ]

    def save(self, *args, **kwargs):
        keep_sort_titles(self, kwargs)
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["categories"] = SimpleLazyObject(lambda: self.category_list)
        # Loaded only when the template draws them: their sections are stored fragments.
        context["gallery"] = SimpleLazyObject(lambda: self.gallery)
        context["routes"] = SimpleLazyObject(self.routes_passing)
        context["nearby"] = SimpleLazyObject(self.nearby)
        context["notices"] = current_notices_for(self)
        # The opening-hours section, status included, is a fragment that expires when the
        # status or the day changes; its special days are read only to build it again.
        context["today"] = today = timezone.localdate()
        opening = SimpleLazyObject(lambda: self._opening_context(today))
        for name in ("week", "hours", "status", "status_label"):
            context[name] = SimpleLazyObject(lambda name=name: opening[name])
        return context

    def _opening_context(self, today):
        """The week from `today`, its overview and the status now; all None without hours."""
        if self.schedule.is_empty:
            return dict.fromkeys(("week", "hours", "status", "status_label"))
        language = HOLIDAY_LANGUAGES.get(translation.get_language(), "en_US")
        page_cache.expire_at(next_midnight(timezone.now()))
        status = self.opening_status()
        return {
            "week": self.schedule.week_from(today, language=language),
            "hours": week_overview(self.schedule, today, language),
            "status": status,
            "status_label": opening_status_label(status),
        }

    def routes_passing(self):
        from tourism.models.routes import RoutePage

        return list(
            public_pages(RoutePage.objects.all()).filter(stops__point_of_interest=self).distinct()
        )

    def nearby(self, radius_m=NEARBY_RADIUS_M, limit=6):
        """Other published places within `radius_m`, nearest first."""
        # The database picks the nearest few inside a bounding box (one query however many
        # places the region has); exact distances in Python for those.
        dlat = radius_m / 111_000
        dlon = radius_m / (111_000 * max(math.cos(math.radians(self.lat)), 0.01))
        candidates = (
            public_pages(PointOfInterestPage.objects.all())
            .exclude(pk=self.pk)
            .filter(
                latitude__range=(self.lat - dlat, self.lat + dlat),
                longitude__range=(self.lon - dlon, self.lon + dlon),
            )
            .alias(nearness=nearness(self.lat, self.lon))
            .order_by("nearness")[: limit * 2]
        )
        places = []
        for place in candidates:
            place.distance_m = haversine_m(self.lat, self.lon, place.lat, place.lon)
            if place.distance_m <= radius_m:
                places.append(place)
        return sorted(places, key=lambda place: place.distance_m)[:limit]

    @property
    def distance_label(self):
        """ "350 m" / "2.4 km" when a listing computed the distance from the visitor."""
        return distance_label(getattr(self, "distance_m", None))

    @property
    def lat(self):
        return float(self.latitude)

    @property
    def lon(self):
        return float(self.longitude)

    @cached_property
    def category_list(self):
        """The place's categories, loaded once for the page, its schema.org data and lists."""
        return list(self.categories.all())

    @cached_property
    def gallery(self):
        """Gallery items with their images, loaded once (listings prefetch them)."""
        if "gallery_images" in getattr(self, "_prefetched_objects_cache", {}):
            return list(self.gallery_images.all())
        return list(self.gallery_images.select_related("image"))

    @property
    def main_image(self):
        return self.gallery[0].image if self.gallery else None

    @property
    def address_lines(self):
        """The postal address as visitors read it: street, then postal code and town."""
        town = " ".join(part for part in (self.postal_code, self.locality) if part)
        return [line for line in (self.street, town) if line]

    @property
    def phone_link(self):
        """The tel: address of the phone number, without the spaces written for reading."""
        return "tel:" + "".join(self.phone.split()) if self.phone else ""

    def postal_address(self):
        """The address as a schema.org PostalAddress."""
        return postal_address(self.street, self.postal_code, self.locality)

    def get_teaser_image(self):
        return self.main_image

    def get_teaser_text(self):
        return self.teaser

    def get_structured_data(self, request):
        return structured_data.point_of_interest(self, request)

    @property
    def accessibility_facts(self):
        """(label, True/False) for every accessibility attribute somebody has checked."""
        facts = []
        for field, _schema_name in ACCESSIBILITY_FEATURES:
            value = getattr(self, field)
            if value is not None:
                facts.append((self._meta.get_field(field).verbose_name, value))
        return facts

    @cached_property
    def schedule(self):
        """The opening hours as domain object (seasons, special days, holidays)."""
        return oh.OpeningHours(
            seasons=tuple(season_from_block(block.value) for block in self.opening_hours),
            special_days=tuple(day.as_special_day() for day in self.special_days.all()),
            closed_on_public_holidays=self.closed_on_public_holidays,
            holiday_region=(settings.TOWN_HOLIDAYS_COUNTRY, settings.TOWN_HOLIDAYS_SUBDIVISION),
        )

    def is_open_at(self, moment=None):
        if moment is None:
            # "Open now" holds for a minute at most on a stored page (lists filter by it).
            moment = timezone.now()
            page_cache.expire_at(moment + timedelta(seconds=OPEN_NOW_LIFETIME))
        if self.is_closed_by_notice(moment):
            return False
        return self.schedule.is_open_at(moment)

    def is_closed_by_notice(self, moment=None):
        """Whether a current closure notice closes the place, whatever its hours say."""
        return self.pk in closed_place_ids(moment)

    def opening_status(self, moment=None):
        if moment is not None:
            if self.is_closed_by_notice(moment):
                return oh.OpeningStatus(is_open=False)
            return self.schedule.status_at(moment)
        now = timezone.now()
        if self.is_closed_by_notice(now):
            # The notice's end expires the stored page (tourism.notices); until then, closed.
            page_cache.expire_at(next_midnight(now))
            return oh.OpeningStatus(is_open=False)
        status = self.schedule.status_at(now)
        # A stored page says "open until 17:00" only until 17:00, and "today" only today.
        page_cache.expire_at(status.closes_at or status.opens_at)
        page_cache.expire_at(next_midnight(now))
        return status


class PointOfInterestGalleryImage(Orderable):
    page = ParentalKey(PointOfInterestPage, related_name="gallery_images", on_delete=models.CASCADE)
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("image"),
    )

    panels = [FieldPanel("image")]

    class Meta(Orderable.Meta):
        verbose_name = _("gallery image")


class SpecialOpeningDay(Orderable):
    """An exception to the weekly hours: a holiday, a closure or a special opening."""

    page = ParentalKey(PointOfInterestPage, related_name="special_days", on_delete=models.CASCADE)
    start_date = models.DateField(_("date"))
    end_date = models.DateField(
        _("until"), null=True, blank=True, help_text=_("For closures over several days.")
    )
    closed = models.BooleanField(_("closed all day"), default=True)
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(
        _("closes"), null=True, blank=True, help_text=_("00:00 means midnight.")
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("closed"),
        FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")]),
        # note_de/note_en/… are added by wagtail-modeltranslation
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("special opening day")
        verbose_name_plural = _("special opening days")

    def clean(self):
        errors = {}
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = _("The last day cannot be before the first day.")
        if not self.closed:
            if not self.opens or self.closes is None:
                errors["opens"] = _("Give opening and closing times, or tick “closed all day”.")
            else:
                try:
                    oh.check_ranges([oh.TimeRange(self.opens, self.closes)])
                except oh.OpeningHoursError as error:
                    errors["closes"] = error.message
        if errors:
            raise ValidationError(errors)

    def as_special_day(self):
        ranges = () if self.closed or not self.opens else (oh.TimeRange(self.opens, self.closes),)
        return oh.SpecialDay(
            start=self.start_date,
            end=self.end_date,
            closed=self.closed,
            ranges=ranges,
            note=self.note,
        )
