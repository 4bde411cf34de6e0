from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from cms.i18n import translated_field_names
from cms.panels import localized, promote_tab, title_panel, translations_tab
from pages.blocks import RICH_TEXT_FEATURES
from pages.mixins import TranslatedSlugMixin

TRANSLATED_FIELDS = ("teaser", "description", "venue_name", "venue_address")
EVENTS_PER_PAGE = 20


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


class EventIndexPage(TranslatedSlugMixin, Page):
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

    def get_context(self, request, *args, **kwargs):
        from django.core.paginator import Paginator

        context = super().get_context(request, *args, **kwargs)
        events = (
            EventPage.objects.upcoming().child_of(self).select_related("image", "category", "venue")
        )
        context["events_page"] = Paginator(events, EVENTS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        return context


class EventQuerySet(PageQuerySet):
    def upcoming(self, now=None):
        """Live, public events that have not ended yet, soonest first."""
        now = now or timezone.now()
        return (
            self.live()
            .public()
            .filter(
                models.Q(end__gte=now)
                | models.Q(end__isnull=True, start__gte=now - timezone.timedelta(hours=12))
            )
            .order_by("start", "pk")
        )


EventManager = PageManager.from_queryset(EventQuerySet)


class EventPage(TranslatedSlugMixin, Page):
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

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The event cannot end before it starts.")})

    @property
    def place_name(self):
        return (
            self.venue.title
            if self.venue_id and self.venue and self.venue.live
            else self.venue_name
        )
