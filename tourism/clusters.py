"""Places on a map of a region, grouped into grid cells by the database.

A map of 100 000 places cannot draw each one. For the box a map shows and its zoom level,
the database counts the places per grid cell (about CELL_PX pixels wide at that zoom) and
gives each cell's mean position; a cell with a single place is that place, with its name
and link. The answer's size depends on the box and zoom, never on the size of the region.
"""

from dataclasses import dataclass

from django.db.models import Avg, Count, FloatField, Min
from django.db.models.functions import Cast, Floor

from cms import page_cache
from cms.visibility import public_pages
from tourism import exports, notices
from tourism.models import PointOfInterestPage

TILE_PX = 256  # web map tiles: the world is 256 × 2^zoom pixels wide
CELL_PX = 64
MAX_ZOOM = 20
MAX_CELLS = 4096  # a box wider than this many cells asks for a lower zoom


class BadClusterQuery(ValueError):
    pass


@dataclass
class ClusterQuery:
    west: float
    south: float
    east: float
    north: float
    zoom: int

    @classmethod
    def from_query(cls, query):
        """`bbox=west,south,east,north` (degrees) and `zoom=0…20`; BadClusterQuery else."""
        try:
            west, south, east, north = (float(part) for part in query["bbox"].split(","))
            zoom = int(query["zoom"])
        except (KeyError, ValueError) as error:
            raise BadClusterQuery("Give bbox=west,south,east,north and zoom=0…20.") from error
        if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
            raise BadClusterQuery("The box needs west < east and south < north, in degrees.")
        if not 0 <= zoom <= MAX_ZOOM:
            raise BadClusterQuery(f"zoom goes from 0 to {MAX_ZOOM}.")
        found = cls(west, south, east, north, zoom)
        if found.columns * found.rows > MAX_CELLS:
            raise BadClusterQuery("The box is too large for this zoom; zoom out or show less.")
        return found

    @property
    def cell_degrees(self):
        # Square cells in degrees: near enough to square on screen within a region.
        return 360 / (TILE_PX * 2**self.zoom) * CELL_PX

    @property
    def columns(self):
        return int((self.east - self.west) / self.cell_degrees) + 1

    @property
    def rows(self):
        return int((self.north - self.south) / self.cell_degrees) + 1


def clusters_geojson(cluster_query, request=None):
    """A FeatureCollection: one Point per non-empty cell, `count` places in it."""
    size = cluster_query.cell_degrees
    places = public_pages(PointOfInterestPage.objects.all()).filter(
        latitude__range=(cluster_query.south, cluster_query.north),
        longitude__range=(cluster_query.west, cluster_query.east),
    )
    # Every place inside counts, so any newly published one changes the answer.
    page_cache.depends_on_type(PointOfInterestPage)
    cells = list(
        places.annotate(
            cell_x=Floor(Cast("longitude", FloatField()) / size),
            cell_y=Floor(Cast("latitude", FloatField()) / size),
        )
        .values("cell_x", "cell_y")
        .annotate(
            count=Count("pk"),
            lat=Avg(Cast("latitude", FloatField())),
            lon=Avg(Cast("longitude", FloatField())),
            first=Min("pk"),
        )
        .order_by("cell_y", "cell_x")
    )
    singles = [cell["first"] for cell in cells if cell["count"] == 1]
    single_features = {}
    if singles:
        loaded = list(
            public_pages(PointOfInterestPage.objects.filter(pk__in=singles))
            .defer_streamfields()
            .prefetch_related("categories")
        )
        current = notices.notices_by_place(singles)
        for feature in exports.points_of_interest_geojson(loaded, request, current)["features"]:
            feature["properties"]["count"] = 1
            single_features[feature["id"]] = feature
    features = []
    for cell in cells:
        if cell["count"] == 1 and cell["first"] in single_features:
            features.append(single_features[cell["first"]])
            continue
        features.append(
            {
                "type": "Feature",
                "geometry": {
                    "type": "Point",
                    "coordinates": [
                        round(cell["lon"], exports.COORDINATE_DECIMALS),
                        round(cell["lat"], exports.COORDINATE_DECIMALS),
                    ],
                },
                "properties": {"cluster": True, "count": cell["count"]},
            }
        )
    return {
        "type": "FeatureCollection",
        "bbox": [cluster_query.west, cluster_query.south, cluster_query.east, cluster_query.north],
        "features": features,
    }
