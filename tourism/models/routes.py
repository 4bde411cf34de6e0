"""Routes: walks, hikes, bike and canoe tours with ordered stops and a GPX track."""

import hashlib
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.pagination import StoredCountPaginator
from cms.panels import localized, promote_tab, title_panel, translations_tab
from cms.richtext import RICH_TEXT_FEATURES
from cms.seo import SeoMixin
from cms.slugs import TranslatedSlugMixin
from cms.visibility import is_public, public_pages
from tourism import gpx, structured_data
from tourism.durations import estimated_minutes
from tourism.geo import bounding_box, haversine_m, path_length_m
from tourism.gpx_sandbox import parse_gpx_bounded
from tourism.models.points_of_interest import keep_sort_titles, sort_title_field
from tourism.notices import affected_stretches, current_notices_for

KIND_CHOICES = [
    ("walking", _("Walk")),
    ("hiking", _("Hike")),
    ("cycling", _("Bike tour")),
    ("mountainbike", _("Mountain bike tour")),
    ("canoe", _("Canoe tour")),
]
DIFFICULTY_CHOICES = [
    ("easy", _("easy")),
    ("moderate", _("moderate")),
    ("difficult", _("difficult")),
]
# What visitors need to know before they set out, in the order the page shows it.
VISITOR_INFO_FIELDS = (
    "start_point",
    "directions",
    "public_transport",
    "parking",
    "equipment",
    "tips",
)
TRANSLATED_FIELDS = ("teaser", "description", *VISITOR_INFO_FIELDS)
ROUTES_PER_PAGE = 12
# Tracks are stored simplified: enough for maps and profiles, small enough for pages.
STORED_TRACK_POINTS = 2000


# A track ending this close to its start is a round trip (GPS jitter, the last few steps).
LOOP_CLOSE_M = 100
# Shorter tracks are a stroll around one spot, not a round trip.
LOOP_MIN_LENGTH_M = 500


def is_loop(points, length_m):
    """Whether a track returns to its start: first and last point within ~100 m."""
    if len(points) < 3 or length_m < LOOP_MIN_LENGTH_M:
        return False
    first, last = points[0], points[-1]
    return haversine_m(first.lat, first.lon, last.lat, last.lon) <= LOOP_CLOSE_M


def gpx_upload_path(instance, filename):
    """Always a .gpx name of safe characters, whatever the editor's file was called.

    A file stored as .html or .svg would be served as a page by a web server that serves
    the media folder directly; the name never carries the uploaded extension.
    """
    stem = slugify(Path(filename).stem)[:80] or "track"
    return f"routes/gpx/{stem}.gpx"


class RouteIndexPage(SeoMixin, TranslatedSlugMixin, Page):
    """The list of all routes."""

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
    subpage_types = ["tourism.RoutePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("route index")

    def get_teaser_text(self):
        return self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)

        def routes():
            return (
                public_pages(self.routes())
                .order_by(sort_title_field(), "pk")
                .select_related("image")
            )

        # One page of routes in SQL: a region's hundreds of routes never load at once.
        paginator = StoredCountPaginator(routes, ROUTES_PER_PAGE, f"route-count:{self.pk}")
        context["routes"] = paginator.get_page(request.GET.get("page"))
        return context

    def routes(self):
        """The routes of this index: its descendants, as routes have no subpages.

        Not `child_of`, for the reason `PointOfInterestIndexPage.places` gives: with its
        `depth` term SQLite entered through the page table's depth index and sorted the
        region's 5 000 routes for one page of 12; without it, SQLite walks the indexed sort
        title and stops after the page.
        """
        return RoutePage.objects.filter(path__startswith=self.path)


class RoutePage(SeoMixin, TranslatedSlugMixin, Page):
    """A tour visitors can follow: its stops, its track and what they need to know."""

    teaser = models.TextField(_("teaser"), max_length=300, blank=True)
    description = RichTextField(_("description"), blank=True, features=RICH_TEXT_FEATURES)
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=KIND_CHOICES, default="walking")
    difficulty = models.CharField(
        _("difficulty"), max_length=20, choices=DIFFICULTY_CHOICES, default="easy"
    )
    is_circular = models.BooleanField(_("circular route"), default=False)
    featured = models.BooleanField(_("highlight on the home page"), default=False)

    start_point = models.TextField(_("start point"), blank=True)
    directions = models.TextField(_("directions"), blank=True)
    public_transport = models.TextField(_("getting there by public transport"), blank=True)
    parking = models.TextField(_("parking"), blank=True)
    equipment = models.TextField(_("equipment"), blank=True)
    tips = models.TextField(_("tips"), blank=True)

    gpx_file = models.FileField(
        _("GPX track"),
        upload_to=gpx_upload_path,
        blank=True,
        help_text=_("A GPX 1.0 or 1.1 file with a track, up to 10 MB and 100 000 points."),
    )
    # Derived on save from the GPX track, or from the stops when there is no track.
    track = models.JSONField(_("track"), default=list, blank=True, editable=False)
    length_m = models.PositiveIntegerField(_("length (m)"), default=0, editable=False)
    ascent_m = models.PositiveIntegerField(_("ascent (m)"), default=0, editable=False)
    descent_m = models.PositiveIntegerField(_("descent (m)"), default=0, editable=False)
    duration_minutes = models.PositiveIntegerField(_("duration (min)"), default=0, editable=False)
    bbox = models.JSONField(_("bounding box"), null=True, blank=True, editable=False)
    # The title each language's visitors see (their own, else their fallback's), kept on
    # save like the places' (`PointOfInterestPage.sort_title_de`): the route list and the
    # API sort by it through an index. wagtail-modeltranslation's title columns have none.
    sort_title_de = models.CharField(max_length=255, blank=True, editable=False, db_index=True)
    sort_title_en = models.CharField(max_length=255, blank=True, editable=False, db_index=True)
    sort_title_pl = models.CharField(max_length=255, blank=True, editable=False, db_index=True)

    content_panels = [
        title_panel(),
        FieldPanel(localized("teaser")),
        FieldPanel("image"),
        FieldPanel(localized("description")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("difficulty")]),
                FieldPanel("is_circular"),
            ],
            heading=_("At a glance"),
        ),
        FieldPanel("featured"),
    ]
    track_panels = [
        FieldPanel("gpx_file"),
        InlinePanel("stops", label=_("Stop"), heading=_("Stops in order")),
    ]
    visitor_info_panels = [FieldPanel(localized(field)) for field in VISITOR_INFO_FIELDS]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(track_panels, heading=_("Track and stops")),
            ObjectList(visitor_info_panels, heading=_("Visitor information")),
            translations_tab(*TRANSLATED_FIELDS),
            promote_tab(),
        ]
    )
    search_fields = Page.search_fields + [
        index.SearchField("teaser"),
        index.SearchField("description"),
        index.FilterField("kind"),
    ]
    parent_page_types = ["tourism.RouteIndexPage"]
    subpage_types = []

    # Loaded with the page when it is served (cms/route_cache.py).
    served_with = ("image",)

    class Meta:
        verbose_name = _("route")
        verbose_name_plural = _("routes")

    def get_teaser_image(self):
        return self.image

    def get_teaser_text(self):
        return self.teaser

    def get_structured_data(self, request):
        return structured_data.route(self, request)

    def clean(self):
        super().clean()
        upload = self.gpx_file
        if upload and not getattr(upload, "_committed", True):
            if not upload.name.lower().endswith(".gpx"):
                error = gpx.GPXError.of("not_gpx_name", name=Path(upload.name).name[:80])
                raise ValidationError({"gpx_file": error.message})
            if upload.size > gpx.MAX_GPX_BYTES:
                raise ValidationError({"gpx_file": gpx.GPXError.too_large().message})
            upload.seek(0)
            data = upload.read()
            upload.seek(0)
            try:
                self.apply_track(parse_gpx_bounded(data))
            except gpx.GPXError as error:
                raise ValidationError({"gpx_file": error.message}) from error
            self.keep_stored_gpx_if_same(data)
        elif not self.gpx_file:
            self.update_track_statistics()

    def save(self, *args, **kwargs):
        # Revisions are serialised before the page row is saved, so the derived
        # values are computed in clean() too; here they follow kind and stops.
        self.update_track_statistics()
        keep_sort_titles(self, kwargs)
        return super().save(*args, **kwargs)

    def keep_stored_gpx_if_same(self, data):
        """Point at the already stored file when the upload is the same track again.

        The browser keeps a chosen file in the form, so every autosave and every later
        save of the still-open editor sends it again; without this each one stored
        another copy (`track.gpx`, `track_AbC12x.gpx` …).
        """
        if not self.pk:
            return
        # The live row and the latest draft (Wagtail saves drafts as revisions only).
        candidates = [
            type(self).objects.filter(pk=self.pk).values_list("gpx_file", flat=True).first()
        ]
        revision = self.get_latest_revision()
        if revision:
            candidates.append(revision.content.get("gpx_file"))
        digest = hashlib.sha256(data).digest()
        storage = self.gpx_file.storage
        for stored in filter(None, candidates):
            if storage.exists(stored):
                with storage.open(stored, "rb") as handle:
                    if hashlib.sha256(handle.read()).digest() == digest:
                        self.gpx_file = stored
                        return

    def set_gpx(self, data, filename="track.gpx"):
        """Attach a GPX file from code (importers, demo); raises gpx.GPXError."""
        self.apply_track(parse_gpx_bounded(data))
        self.gpx_file.save(filename, ContentFile(data), save=False)

    def apply_track(self, track):
        points = gpx.simplify(track.points, STORED_TRACK_POINTS)
        stats = gpx.track_statistics(track.points)
        self.track = [[p.lon, p.lat, p.ele] for p in points]
        self.length_m, self.bbox = round(stats.length_m), list(stats.bbox)
        self.ascent_m, self.descent_m = round(stats.ascent_m), round(stats.descent_m)
        self.duration_minutes = estimated_minutes(
            self.kind, self.length_m, self.ascent_m, self.descent_m
        )
        if is_loop(track.points, stats.length_m):
            self.is_circular = True  # never unset: the editor may know better

    def visible_stops(self):
        """Stops whose point of interest visitors may see; others are left out entirely."""
        stops = self.stops.all().select_related("point_of_interest")
        return [stop for stop in stops if is_public(stop.point_of_interest)]

    def update_track_statistics(self):
        """Without a GPX file, length and bounds come from the stops' straight lines."""
        if not self.gpx_file:
            self.track = []
            positions = [
                (s.point_of_interest.lat, s.point_of_interest.lon) for s in self.visible_stops()
            ]
            if self.is_circular and len(positions) > 2:
                positions.append(positions[0])
            self.length_m = round(path_length_m(positions))
            box = bounding_box(positions)
            self.bbox = list(box) if box else None
            self.ascent_m = self.descent_m = 0
        self.duration_minutes = estimated_minutes(
            self.kind, self.length_m, self.ascent_m, self.descent_m
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Loaded only when the template draws them (their sections are stored fragments);
        # together, because the notices mark the stops on an affected stretch.
        stops_and_notices = SimpleLazyObject(self._stops_and_notices)
        context["stops"] = SimpleLazyObject(lambda: stops_and_notices[0])
        context["notices"] = SimpleLazyObject(lambda: stops_and_notices[1])
        context["visitor_info"] = [
            # Field names are lower case ("directions"); as headings they start with a capital.
            (capfirst(self._meta.get_field(field).verbose_name), getattr(self, field))
            for field in VISITOR_INFO_FIELDS
        ]
        return context

    def _stops_and_notices(self):
        stops = self.visible_stops()
        return stops, self.notices_with_stretches(stops)

    def notices_with_stretches(self, stops):
        """[(notice, "between A and B" or "")]; stops on an affected stretch are marked."""
        stretches = {}
        for notice, first, last in affected_stretches(self, stops):
            for stop in stops[first : last + 1]:
                stop.on_affected_stretch = notice
            stretches.setdefault(notice.pk, []).append(
                _("between %(start)s and %(end)s")
                % {
                    "start": stops[first].point_of_interest.title,
                    "end": stops[last].point_of_interest.title,
                }
            )
        return [
            (notice, "; ".join(stretches.get(notice.pk, [])))
            for notice in current_notices_for(self)
        ]

    @property
    def has_track(self):
        return bool(self.track)

    @property
    def length_km(self):
        return self.length_m / 1000

    @property
    def duration_display(self):
        hours, minutes = divmod(self.duration_minutes, 60)
        if hours:
            return _("%(hours)s h %(minutes)02d min") % {"hours": hours, "minutes": minutes}
        return _("%(minutes)s min") % {"minutes": minutes}


class RouteStop(Orderable):
    """A point of interest on a route, with what to look out for there."""

    route = ParentalKey(RoutePage, related_name="stops", on_delete=models.CASCADE)
    point_of_interest = models.ForeignKey(
        "tourism.PointOfInterestPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="route_stops",
        verbose_name=_("point of interest"),
    )
    note = models.TextField(_("note"), blank=True)

    panels = [
        PageChooserPanel("point_of_interest", "tourism.PointOfInterestPage"),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("stop")
        verbose_name_plural = _("stops")

    def clean(self):
        if not self.point_of_interest_id:
            raise ValidationError(
                {"point_of_interest": _("Choose the point of interest of this stop.")}
            )
