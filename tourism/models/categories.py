from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from cms.i18n import translated_field_names

SCHEMA_TYPE_CHOICES = [
    ("TouristAttraction", _("Sight (TouristAttraction)")),
    ("Museum", _("Museum")),
    ("Church", _("Church")),
    ("LandmarksOrHistoricalBuildings", _("Monument / historic building")),
    ("Park", _("Park / nature")),
    ("NaturalFeature", _("Natural feature")),
    ("SportsActivityLocation", _("Leisure / sport")),
    ("FoodEstablishment", _("Food and drink")),
    ("LodgingBusiness", _("Accommodation")),
    ("Store", _("Shop")),
    ("GovernmentOffice", _("Public office")),
    ("CivicStructure", _("Public facility")),
]


class PointOfInterestCategory(index.Indexed, models.Model):
    """A kind of place (museum, church, nature …) used to filter the map and lists."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    schema_type = models.CharField(
        _("schema.org type"),
        max_length=50,
        choices=SCHEMA_TYPE_CHOICES,
        default="TouristAttraction",
        help_text=_("Tells search engines what kind of place this is."),
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=100)

    panels = [
        *(FieldPanel(name) for name in translated_field_names("name")),
        FieldPanel("slug"),
        FieldPanel("schema_type"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "slug"]
        verbose_name = _("point of interest category")
        verbose_name_plural = _("point of interest categories")

    def __str__(self):
        return self.name
