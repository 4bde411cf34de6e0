"""Notices and closures ("Hinweise", "Sperrungen") for places, routes or the whole town."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from cms.i18n import translated_field_names

TRANSLATED_FIELDS = ("title", "text")

CLOSURE = "closure"
KIND_CHOICES = [
    (CLOSURE, _("Closure")),
    ("restriction", _("Restriction")),
    ("construction", _("Construction work")),
    ("event", _("Event-related")),
    ("weather", _("Weather")),
]
# Lowest first; the order decides which notice a list shows first.
SEVERITY_CHOICES = [
    ("info", _("Information")),
    ("warning", _("Warning")),
    ("critical", _("Severe")),
]
# Shown beside the kind's name, never instead of it (aria-hidden in the templates).
# Icon names the stylesheet draws (.notice-icon-<name>): drawn, not emoji, so they show
# on machines without an emoji font.
ICONS = {CLOSURE: "closure", "weather": "weather"}
DEFAULT_ICON = "warning"


def local_datetime(moment):
    return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")


class Notice(index.Indexed, ClusterableModel):
    """A closure or restriction visitors see while it is valid, on every page it affects."""

    kind = models.CharField(_("kind"), max_length=20, choices=KIND_CHOICES, default=CLOSURE)
    severity = models.CharField(
        _("severity"), max_length=10, choices=SEVERITY_CHOICES, default="warning"
    )
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(
        _("text"), blank=True, help_text=_("What visitors should know: detours, alternatives.")
    )
    valid_from = models.DateTimeField(_("valid from"))
    valid_until = models.DateTimeField(
        _("valid until"), help_text=_("The notice disappears by itself at this time.")
    )
    whole_town = models.BooleanField(
        _("whole town"),
        default=False,
        help_text=_("Shown on every page of the site, e.g. for a storm warning."),
    )
    points_of_interest = ParentalManyToManyField(
        "tourism.PointOfInterestPage",
        blank=True,
        related_name="notices",
        verbose_name=_("points of interest"),
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("severity")]),
        *(FieldPanel(name) for name in translated_field_names("title")),
        *(FieldPanel(name) for name in translated_field_names("text")),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
        MultiFieldPanel(
            [
                FieldPanel("whole_town"),
                FieldPanel("points_of_interest"),
                InlinePanel("routes", label=_("Routes")),
            ],
            heading=_("Affects"),
        ),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        ordering = ["valid_from", "pk"]
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        indexes = [models.Index(fields=["valid_until", "valid_from"])]

    def __str__(self):
        return self.title

    @property
    def is_closure(self):
        return self.kind == CLOSURE

    @property
    def icon(self):
        """The name of the drawn icon for this kind of notice."""
        return ICONS.get(self.kind, DEFAULT_ICON)

    def period_label(self):
        """ "from 06.12.2026 08:00 until 05.02.2027 18:00", in the town's time zone."""
        return gettext("from %(start)s until %(end)s") % {
            "start": local_datetime(self.valid_from),
            "end": local_datetime(self.valid_until),
        }

    def severity_rank(self):
        return [code for code, _label in SEVERITY_CHOICES].index(self.severity)

    def is_valid_at(self, moment):
        return self.valid_from <= moment < self.valid_until

    def clean(self):
        super().clean()
        if self.valid_from and self.valid_until and self.valid_until <= self.valid_from:
            raise ValidationError(
                {"valid_until": _("The end must come after the start of the notice.")}
            )


class NoticeRoute(Orderable):
    """A route a notice affects, the whole of it or the stretch between two of its stops."""

    notice = ParentalKey(Notice, related_name="routes", on_delete=models.CASCADE)
    route = models.ForeignKey(
        "tourism.RoutePage",
        on_delete=models.CASCADE,
        related_name="notice_links",
        verbose_name=_("route"),
    )
    stretch_from = models.ForeignKey(
        "tourism.PointOfInterestPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("stretch from stop"),
        help_text=_("Leave both stops empty when the whole route is affected."),
    )
    stretch_to = models.ForeignKey(
        "tourism.PointOfInterestPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("stretch to stop"),
    )

    panels = [
        FieldPanel("route"),
        FieldRowPanel([FieldPanel("stretch_from"), FieldPanel("stretch_to")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("affected route")
        verbose_name_plural = _("affected routes")

    @property
    def is_stretch(self):
        return bool(self.stretch_from_id and self.stretch_to_id)

    def clean(self):
        super().clean()
        if bool(self.stretch_from_id) != bool(self.stretch_to_id):
            raise ValidationError(
                _("Choose both stops of the stretch, or neither for the whole route.")
            )
        if not self.is_stretch or not self.route_id:
            return
        stops = set(self.route.stops.values_list("point_of_interest_id", flat=True))
        errors = {}
        for field in ("stretch_from", "stretch_to"):
            if getattr(self, f"{field}_id") not in stops:
                errors[field] = _("This place is not a stop of the chosen route.")
        if not errors and self.stretch_from_id == self.stretch_to_id:
            errors["stretch_to"] = _("A stretch needs two different stops.")
        if errors:
            raise ValidationError(errors)
