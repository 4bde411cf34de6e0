"""Small geodesy helpers for points of interest, routes and tracks.

Coordinates are (lat, lon) pairs in decimal degrees; bounding boxes come back in GeoJSON
order (min_lon, min_lat, max_lon, max_lat) so they can go straight into map widgets.
"""

import math
from collections.abc import Iterable

from django.db.models import ExpressionWrapper, F, FloatField

# Mean Earth radius (IUGG); the spherical model is within ~0.5 % of the ellipsoid,
# plenty for route lengths shown to visitors.
EARTH_RADIUS_M = 6_371_008.8

BoundingBox = tuple[float, float, float, float]


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points in metres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    # min() guards against rounding pushing a just above 1 for antipodal points.
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def nearness(lat: float, lon: float, lat_field="latitude", lon_field="longitude"):
    """A database expression that orders rows by their distance from (lat, lon).

    Squared degrees with the longitude scaled to the latitude (equirectangular): plain
    arithmetic every database does fast, and the same order as the great-circle distance
    within a region. Exact distances are computed for the few rows shown.
    """
    scale = math.cos(math.radians(lat))
    dlat = ExpressionWrapper(F(lat_field) - lat, output_field=FloatField())
    dlon = ExpressionWrapper((F(lon_field) - lon) * scale, output_field=FloatField())
    return ExpressionWrapper(dlat * dlat + dlon * dlon, output_field=FloatField())


def path_length_m(points: Iterable[tuple[float, float]]) -> float:
    """Length of a path through consecutive (lat, lon) points in metres."""
    total = 0.0
    previous = None
    for lat, lon in points:
        if previous is not None:
            total += haversine_m(previous[0], previous[1], lat, lon)
        previous = (lat, lon)
    return total


def bounding_box(points: Iterable[tuple[float, float]]) -> BoundingBox | None:
    """(min_lon, min_lat, max_lon, max_lat) of (lat, lon) points, or None without points."""
    # Not antimeridian-aware: our routes stay well inside one hemisphere.
    lats, lons = [], []
    for lat, lon in points:
        lats.append(lat)
        lons.append(lon)
    if not lats:
        return None
    return (min(lons), min(lats), max(lons), max(lats))


def validate_coordinates(lat: float, lon: float) -> None:
    """Raise ValueError unless lat/lon are finite and inside -90..90 / -180..180."""
    lat, lon = float(lat), float(lon)
    if not (math.isfinite(lat) and math.isfinite(lon)):
        raise ValueError(f"Coordinates must be finite numbers, got ({lat}, {lon}).")
    if not -90 <= lat <= 90:
        raise ValueError(f"Latitude {lat} is outside -90..90.")
    if not -180 <= lon <= 180:
        raise ValueError(f"Longitude {lon} is outside -180..180.")
