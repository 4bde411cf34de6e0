"""Rivers, the town boundary and main roads, drawn under the schematic maps for orientation."""

import json

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from cms.page_cache import depends_on_type

MAX_POSITIONS = 5000
CACHE_KEY = "tourism:map-features"


def parse_course(text):
    """[[(lat, lon), …], …] of a GeoJSON LineString, MultiLineString, Polygon or Feature.

    Raises ValidationError with a message for the editor.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        # Where, not the parser's English wording: the editor's admin may be German.
        raise ValidationError(
            _("This is not GeoJSON: there is an error in line %(line)s, column %(column)s.")
            % {"line": error.lineno, "column": error.colno}
        ) from error
    except (TypeError, ValueError) as error:
        raise ValidationError(_("This is not GeoJSON.")) from error
    if isinstance(data, dict) and data.get("type") == "Feature":
        data = data.get("geometry") or {}
    kind = data.get("type") if isinstance(data, dict) else None
    coordinates = data.get("coordinates") if isinstance(data, dict) else None
    if kind == "LineString":
        lines = [coordinates]
    elif kind in ("MultiLineString", "Polygon"):
        lines = coordinates
    else:
        raise ValidationError(
            _("Give a LineString, MultiLineString or Polygon (GeoJSON, longitude first).")
        )
    try:
        result = [[(float(lat), float(lon)) for lon, lat, *_rest in line] for line in lines]
    except (TypeError, ValueError) as error:
        raise ValidationError(_("Every position needs a longitude and a latitude.")) from error
    if not result or any(len(line) < 2 for line in result):
        raise ValidationError(_("Every line needs at least two positions."))
    if sum(len(line) for line in result) > MAX_POSITIONS:
        raise ValidationError(
            _("At most %(count)s positions; simplify the course.") % {"count": MAX_POSITIONS}
        )
    if not all(-90 <= lat <= 90 and -180 <= lon <= 180 for line in result for lat, lon in line):
        raise ValidationError(_("A position lies outside the earth's coordinates."))
    return result


class MapFeature(models.Model):
    """A river, the town boundary or a main road on every schematic map it crosses."""

    KINDS = [
        ("river", _("River or canal")),
        ("boundary", _("Town boundary")),
        ("road", _("Main road")),
        ("railway", _("Railway")),
    ]

    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=20, choices=KINDS, default="river")
    course = models.TextField(
        _("course (GeoJSON)"),
        help_text=_(
            "A GeoJSON LineString, MultiLineString or Polygon, longitude first, as exported "
            "by OpenStreetMap tools or geojson.io; at most 5 000 positions."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("kind"), FieldPanel("course")]

    class Meta:
        verbose_name = _("map feature")
        verbose_name_plural = _("map features")
        ordering = ["kind", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        cache.delete(CACHE_KEY)

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        cache.delete(CACHE_KEY)
        return result

    def clean(self):
        super().clean()
        try:
            parse_course(self.course)
        except ValidationError as error:
            raise ValidationError({"course": error.messages}) from error


def courses():
    """[(kind, {language: name}, lines)] of every map feature, cached until one changes.

    Pages that draw them depend on every map feature (`depends_on_type`), so the page
    cache forgets them when an editor changes one.
    """
    depends_on_type(MapFeature)
    found = cache.get(CACHE_KEY)
    if found is None:
        found = []
        for feature in MapFeature.objects.all():
            names = {
                code: getattr(feature, f"name_{code}", "") or feature.name
                for code, _name in settings.LANGUAGES
            }
            try:
                found.append((feature.kind, names, parse_course(feature.course)))
            except ValidationError:  # saved before validation existed or edited in the shell
                continue
        cache.set(CACHE_KEY, found, None)
    return found
