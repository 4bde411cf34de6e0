from datetime import UTC, date, datetime, time, timedelta
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from cms import page_cache
from cms.i18n import translated_field_names
from cms.panels import localized, promote_tab, title_panel, translations_tab
from cms.richtext import RICH_TEXT_FEATURES
from cms.seo import SeoMixin
from cms.slugs import TranslatedSlugMixin
from cms.visibility import is_public, public_pages
from pages import ical, structured_data

TRANSLATED_FIELDS = ("teaser", "description", "venue_name", "venue_address", "price_note")
EVENTS_PER_PAGE = 20
# Which categories have upcoming events, and how many: read once for every visitor until an
# event changes, and at most this long, as events ending are announced by no signal.
LIST_TOTALS_SECONDS = 300


class EventCategory(models.Model):
    """A kind of event (concert, market, guided tour …) for filtering the calendar."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    panels = [*(FieldPanel(name) for name in translated_field_names("name")), FieldPanel("slug")]

    class Meta:
        ordering = ["slug"]
        verbose_name = _("event category")
        verbose_name_plural = _("event categories")

    def __str__(self):
        return self.name


class EventTime(NamedTuple):
    """One end of an event's time span: the `<time datetime>` value and the visitor's text."""

    machine: str
    text: str


class EventTimeSpan(NamedTuple):
    start: EventTime
    end: EventTime | None


class MonthGroup(NamedTuple):
    """Events of one calendar month; `month` is its first day, for a "December 2026" heading."""

    month: date
    events: list


def _day_text(day):
    return gettext("%(weekday)s, %(date)s") % {
        "weekday": date_format(day, "D"),
        "date": date_format(day, "DATE_FORMAT"),
    }


def _time_text(moment):
    # German appends "Uhr" ("14:00 Uhr"); the translation of this string carries it.
    return pgettext("time of day", "%(time)s") % {"time": date_format(moment, "TIME_FORMAT")}


def _moment_text(moment):
    return gettext("%(day)s, %(time)s") % {
        "day": _day_text(moment.date()),
        "time": _time_text(moment),
    }


def describe_time_span(start, end=None, all_day=False):
    """When an event takes place, in the active language and the site's time zone.

    All-day events show dates only, with an inclusive last day; an end on the same
    day as the start shows only its time.
    """
    start = timezone.localtime(start)
    end = timezone.localtime(end) if end else None
    if all_day:
        first = EventTime(start.date().isoformat(), _day_text(start.date()))
        if end is None or end.date() <= start.date():
            return EventTimeSpan(first, None)
        return EventTimeSpan(first, EventTime(end.date().isoformat(), _day_text(end.date())))
    first = EventTime(start.isoformat(), _moment_text(start))
    if end is None:
        return EventTimeSpan(first, None)
    text = _time_text(end) if end.date() == start.date() else _moment_text(end)
    return EventTimeSpan(first, EventTime(end.isoformat(), text))


def subpage_url(page, request, name):
    """The URL of one of a routable page's sub-URLs; None while the page has no URL."""
    url = page.get_url(request)
    return url + page.reverse_subpage(name) if url else None


def group_by_month(events, now=None):
    """Consecutive runs of events per calendar month (site time zone), in the given order.

    An event already under way counts for the current month: in a list of upcoming
    events, an exhibition that opened in March belongs under this month, not March.
    """
    now = now or timezone.now()
    groups = []
    for event in events:
        month = timezone.localtime(max(event.start, now)).date().replace(day=1)
        if groups and groups[-1].month == month:
            groups[-1].events.append(event)
        else:
            groups.append(MonthGroup(month, [event]))
    return groups


class EventIndexPage(SeoMixin, TranslatedSlugMixin, RoutablePageMixin, Page):
    """The town's calendar of upcoming events ("Veranstaltungen")."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [title_panel(), FieldPanel(localized("intro"))]
    edit_handler = TabbedInterface(
        [ObjectList(content_panels, heading=_("Content")), translations_tab("intro"), promote_tab()]
    )
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event calendar")

    def get_teaser_text(self):
        return self.intro

    def upcoming_events(self, now=None):
        return (
            EventPage.objects.upcoming(now)
            .child_of(self)
            .select_related("image", "category", "venue")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        events = self.upcoming_events(now)
        # EXISTS per category stops at its first upcoming event, but reads a category's
        # events to get there: a region has thousands.
        category_ids = self._totals(
            "categories",
            lambda: list(
                EventCategory.objects.filter(
                    Exists(events.filter(category=OuterRef("pk")))
                ).values_list("pk", flat=True)
            ),
        )
        categories = list(EventCategory.objects.filter(pk__in=category_ids))
        slug = request.GET.get("category", "")
        current_category = None
        if slug:
            current_category = next((c for c in categories if c.slug == slug), None)
            if current_category is None:
                # A known category without upcoming events still gets its link marked.
                current_category = EventCategory.objects.filter(slug=slug).first()
                if current_category:
                    categories.append(current_category)
        if current_category:
            events = events.filter(category=current_category)
        categories.sort(key=lambda category: category.name.casefold())
        paginator = Paginator(events, EVENTS_PER_PAGE)
        chosen = current_category.slug if current_category else ""
        paginator.count = self._totals(f"count:{chosen}", events.count)
        events_page = paginator.get_page(request.GET.get("page"))
        # Without a URL (a preview of a page never saved) there is no feed to link to.
        feed_url = subpage_url(self, request, "ical_feed")
        if feed_url and current_category:
            feed_url += "?" + urlencode({"category": current_category.slug})
        context.update(
            events_page=events_page,
            event_months=group_by_month(events_page.object_list, now),
            categories=categories,
            current_category=current_category,
            unknown_category=slug if slug and not current_category else "",
            ical_feed_url=feed_url,
        )
        return context

    def _totals(self, name, count):
        """`count()`, shared by every visitor of this calendar (see LIST_TOTALS_SECONDS)."""

        def counted():
            page_cache.depends_on_type(EventPage)
            page_cache.expire_at(timezone.now() + timedelta(seconds=LIST_TOTALS_SECONDS))
            return count()

        return page_cache.cached_fragment(f"events:{self.pk}:{name}", counted)

    @path("ical/")
    def ical_feed(self, request):
        """Upcoming events as an iCalendar feed to subscribe to, optionally one category."""
        events = self.upcoming_events()
        name = self.title
        slug = request.GET.get("category")
        filename = self.slug
        if slug:
            category = EventCategory.objects.filter(slug=slug).first()
            if category is None:
                raise Http404("Unknown event category.")
            events = events.filter(category=category)
            name = gettext("%(calendar)s: %(category)s") % {
                "calendar": self.title,
                "category": category.name,
            }
            filename = f"{self.slug}-{category.slug}"
        body = ical.calendar(events, name=name, request=request)
        return ical.response(body, f"{filename}.ics")


EARLIEST_START = datetime(1900, 1, 1, tzinfo=UTC)


class EventQuerySet(PageQuerySet):
    def upcoming(self, now=None):
        """Live, public events that have not ended yet, soonest first."""
        now = now or timezone.now()
        today = datetime.combine(
            timezone.localdate(now), time(), tzinfo=timezone.get_current_timezone()
        )
        return (
            public_pages(self, now)
            # A bound every event meets: it lets SQLite walk the `start` index in order and
            # stop after one page, instead of sorting a region's events (its planner has no
            # statistics to find that alone). Other databases plan the same either way.
            .filter(start__gte=EARLIEST_START)
            .filter(
                models.Q(all_day=False, end__gte=now)
                | models.Q(all_day=False, end__isnull=True, start__gte=now - timedelta(hours=12))
                # All-day events store their (inclusive) last day as its midnight.
                | models.Q(all_day=True, end__gte=today)
                | models.Q(all_day=True, end__isnull=True, start__gte=today)
            )
            .order_by("start", "pk")
        )


EventManager = PageManager.from_queryset(EventQuerySet)


class EventPage(SeoMixin, TranslatedSlugMixin, RoutablePageMixin, Page):
    """An event: when, where, what, for whom."""

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
    category = models.ForeignKey(
        EventCategory,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        verbose_name=_("category"),
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"), null=True, blank=True)
    all_day = models.BooleanField(_("all day"), default=False)
    venue = models.ForeignKey(
        "tourism.PointOfInterestPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        verbose_name=_("venue (point of interest)"),
    )
    venue_name = models.CharField(
        _("venue name"),
        max_length=255,
        blank=True,
        help_text=_("When the venue is not a point of interest."),
    )
    venue_address = models.TextField(_("venue address"), blank=True)
    price = models.DecimalField(
        _("price in euros"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("0 for free admission; leave empty when there is nothing to say."),
    )
    price_note = models.CharField(
        _("price details"),
        max_length=255,
        blank=True,
        help_text=_("E.g. “reduced 3 €, children under 12 free”."),
    )
    organiser_name = models.CharField(
        _("organiser"),
        max_length=255,
        blank=True,
        help_text=_("Who runs the event, when it is not the town."),
    )
    organiser_url = models.URLField(_("organiser's website"), blank=True)
    booking_url = models.URLField(
        _("booking link"), blank=True, help_text=_("Where visitors book or buy tickets.")
    )

    objects = EventManager()

    content_panels = [
        title_panel(),
        FieldPanel(localized("teaser")),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("all_day")],
            heading=_("Date and time"),
        ),
        MultiFieldPanel(
            [
                PageChooserPanel("venue", "tourism.PointOfInterestPage"),
                FieldPanel(localized("venue_name")),
                FieldPanel(localized("venue_address")),
            ],
            heading=_("Venue"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("price"), FieldPanel(localized("price_note"))]),
                FieldPanel("booking_url"),
                FieldRowPanel([FieldPanel("organiser_name"), FieldPanel("organiser_url")]),
            ],
            heading=_("Tickets and organiser"),
        ),
        FieldPanel("category"),
        FieldPanel("image"),
        FieldPanel(localized("description")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            translations_tab(*TRANSLATED_FIELDS),
            promote_tab(),
        ]
    )
    search_fields = Page.search_fields + [
        index.SearchField("teaser"),
        index.SearchField("description"),
        index.FilterField("start"),
    ]
    parent_page_types = ["pages.EventIndexPage"]
    subpage_types = []

    # Loaded with the page when it is served (cms/route_cache.py).
    served_with = ("image", "venue", "category")

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        # Upcoming events, soonest first: one page is read in index order, not all sorted.
        # `end` and `all_day` answer whether an event is still on from the index alone: a
        # list walks past the region's events that have ended (1 600 of 20 000 at 100 000
        # places, a month back), and SQLite read each one's row to skip it (2 ms → <0.5 ms).
        indexes = [models.Index(fields=["start", "end", "all_day"], name="event_upcoming_idx")]

    def get_teaser_image(self):
        return self.image

    def get_teaser_text(self):
        return self.teaser

    def get_structured_data(self, request):
        return structured_data.event(self, request)

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The event cannot end before it starts.")})

    @property
    def venue_page(self):
        """The point of interest where the event takes place, if visitors may see it."""
        return self.venue if self.venue_id and is_public(self.venue) else None

    @property
    def place_name(self):
        return self.venue_page.title if self.venue_page else self.venue_name

    def venue_address_lines(self):
        """The address as entered for the event, else the venue's own address."""
        if self.venue_address:
            return [line.strip() for line in self.venue_address.splitlines() if line.strip()]
        venue = self.venue_page
        if venue is None:
            return []
        return venue.address_lines

    def time_span(self):
        return describe_time_span(self.start, self.end, self.all_day)

    @property
    def is_free(self):
        return self.price is not None and self.price == 0

    def price_text(self):
        """ "Free admission", "5,00 €" (in the page's language), or "" when unknown."""
        if self.price is None:
            return ""
        if self.is_free:
            return gettext("Free admission")
        return gettext("€%(amount)s") % {"amount": number_format(self.price, 2)}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Only when the stored article is built again.
        context["ical_url"] = SimpleLazyObject(lambda: subpage_url(self, request, "ical_download"))
        return context

    @path("ical/")
    def ical_download(self, request):
        """This event as an iCalendar file for the visitor's calendar app."""
        body = ical.calendar([self], name=self.title, request=request)
        # A restricted event must not end up in a shared cache.
        private = self.get_view_restrictions().exists()
        return ical.response(body, f"{self.slug}.ics", private=private)
