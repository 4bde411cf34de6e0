"""Filters of the points-of-interest listing: parsed from the query string, never trusted."""

from dataclasses import dataclass, field

from django.db.models.lookups import In
from django.utils.translation import gettext_lazy as _

from cms.sql import Unindexed
from tourism.geo import haversine_m, nearness
from tourism.open_now import open_at

ACCESSIBILITY_FILTERS = {
    "step_free": ("step_free_access", _("Step-free access")),
    "toilet": ("accessible_toilet", _("Accessible toilet")),
    "parking": ("accessible_parking", _("Accessible parking")),
}
PER_PAGE = 12


class BadNear(ValueError):
    pass


def parse_near(value):
    """`"52.29,11.41"` → (52.29, 11.41); anything else raises BadNear."""
    try:
        lat_text, lon_text = value.split(",")
        lat, lon = float(lat_text), float(lon_text)
    except (AttributeError, ValueError) as error:
        raise BadNear(value) from error
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise BadNear(value)
    return lat, lon


@dataclass
class Filters:
    categories: list = field(default_factory=list)
    accessibility: list = field(default_factory=list)
    open_now: bool = False
    near: tuple | None = None
    sort: str = "name"
    view: str = "list"
    messages: list = field(default_factory=list)

    @property
    def is_filtered(self):
        """Whether the visitor chose a filter: then the (collapsed) filter panel stays open."""
        return bool(self.categories or self.accessibility or self.open_now)

    @property
    def is_default(self):
        """The plain list, sorted by name: what most visitors see, so its cards are stored."""
        return not self.is_filtered and self.near is None and self.view == "list"

    @property
    def category_slugs(self):
        """The chosen categories, as a fragment argument for the checkboxes showing them."""
        return ",".join(category.slug for category in self.categories)

    @classmethod
    def from_query(cls, query, known_categories):
        filters = cls()
        chosen = query.getlist("category")
        # Only a chosen category needs the known ones (a query, unless they come stored).
        known = {category.slug: category for category in known_categories} if chosen else {}
        for slug in chosen:
            if slug in known:
                filters.categories.append(known[slug])
            elif slug:
                filters.messages.append(
                    _("There is no category “%(slug)s”; it was left out.") % {"slug": slug[:50]}
                )
        filters.accessibility = [
            key for key in query.getlist("access") if key in ACCESSIBILITY_FILTERS
        ]
        filters.open_now = query.get("open") == "now"
        if query.get("near"):
            try:
                filters.near = parse_near(query["near"])
            except BadNear:
                filters.messages.append(
                    _("The position could not be read; the list is sorted by name.")
                )
        filters.sort = "distance" if filters.near and query.get("sort") != "name" else "name"
        filters.view = "map" if query.get("view") == "map" else "list"
        return filters

    def apply(self, points_of_interest, moment=None):
        """Filter and sort in the database; the paginator loads one page of places."""
        # A subquery per category, not a join: no duplicate rows, so no DISTINCT over the
        # wide page rows, which made SQLite sort every place of the region for each page.
        through = points_of_interest.model.categories.through
        for category in self.categories:
            points_of_interest = points_of_interest.filter(
                In(
                    Unindexed("pk"),
                    through.objects.filter(pointofinterestcategory=category).values(
                        "pointofinterestpage_id"
                    ),
                )
            )
        for key in self.accessibility:
            points_of_interest = points_of_interest.filter(**{ACCESSIBILITY_FILTERS[key][0]: True})
        if self.sort == "distance":
            points_of_interest = points_of_interest.alias(nearness=nearness(*self.near)).order_by(
                "nearness", "title"
            )
        if self.open_now:
            points_of_interest = open_at(points_of_interest, moment)
        return points_of_interest

    def measure(self, points_of_interest):
        """Exact distances from the visitor for the places shown (one page)."""
        if self.near:
            lat, lon = self.near
            for poi in points_of_interest:
                poi.distance_m = haversine_m(lat, lon, poi.lat, poi.lon)

    @property
    def near_text(self):
        """The visitor's position as the near= parameter carries it (5 decimals: about 1 m)."""
        return f"{self.near[0]:.5f},{self.near[1]:.5f}" if self.near else ""

    @property
    def list_view_query(self):
        return self.query_string(view=None)

    @property
    def map_view_query(self):
        return self.query_string(view="map")

    @property
    def sort_by_name_query(self):
        return self.query_string(sort="name")

    def query_string(self, **changes):
        """The current filters as a query string, with some values changed (for links)."""
        from django.http import QueryDict

        query = QueryDict(mutable=True)
        values = {
            "category": [c.slug for c in self.categories],
            "access": list(self.accessibility),
            "open": "now" if self.open_now else None,
            "near": self.near_text or None,
            "sort": self.sort if self.near else None,
            "view": self.view if self.view != "list" else None,
        }
        values.update(changes)
        for key, value in values.items():
            if isinstance(value, list):
                query.setlist(key, value)
            elif value:
                query[key] = value
        return query.urlencode()
