"""Routes and points of interest as GPX 1.1 and GeoJSON (RFC 7946) for download.

Texts come in the active language, so callers wrap these functions in
`translation.override(...)`. Pass `stops` (from `route.visible_stops()`) when the caller
already has them, to keep a download at a fixed number of queries.
"""

from collections.abc import Iterable

from tourism.gpx import TrackPoint, build_gpx

# RFC 7946 §11.2: six decimals are about 10 cm, more only pretends to precision.
COORDINATE_DECIMALS = 6
ELEVATION_DECIMALS = 1


def route_points(route, stops=None) -> list[TrackPoint]:
    """The route's track, or without one the straight line through its visible stops."""
    if route.track:
        return [TrackPoint(lat=lat, lon=lon, ele=ele) for lon, lat, ele in route.track]
    if stops is None:
        stops = route.visible_stops()
    points = [
        TrackPoint(lat=stop.point_of_interest.lat, lon=stop.point_of_interest.lon) for stop in stops
    ]
    # Same rule as RoutePage.update_track_statistics, so length and line agree.
    if route.is_circular and len(points) > 2:
        points.append(points[0])
    return points


def stop_label(number: int, stop) -> str:
    """'1. Roland': the stop as numbered on the page, the map and in navigation apps."""
    return f"{number}. {stop.point_of_interest.title}"


def route_gpx(route, request=None, stops=None) -> str:
    """The route as a GPX 1.1 document: one track and a waypoint for every stop."""
    if stops is None:
        stops = route.visible_stops()
    waypoints = [
        (stop_label(number, stop), stop.point_of_interest.lat, stop.point_of_interest.lon)
        for number, stop in enumerate(stops, start=1)
    ]
    return build_gpx(
        name=route.title,
        points=route_points(route, stops),
        waypoints=waypoints,
        description=route.teaser,
        link=_full_url(route, request),
    )


def route_geojson(route, request=None, stops=None) -> dict:
    """The route as a FeatureCollection: the line with its facts, then the numbered stops."""
    if stops is None:
        stops = route.visible_stops()
    points = route_points(route, stops)
    with_elevation = bool(points) and all(p.ele is not None for p in points)
    line = [_position(p.lon, p.lat, p.ele if with_elevation else None) for p in points]
    features = [
        {
            "type": "Feature",
            # A line needs two positions (RFC 7946 §3.1.4); a route with one stop has none.
            "geometry": {"type": "LineString", "coordinates": line} if len(line) > 1 else None,
            "properties": {
                "name": route.title,
                "url": _full_url(route, request),
                "length_m": route.length_m,
                "ascent_m": route.ascent_m,
                "descent_m": route.descent_m,
                "duration_minutes": route.duration_minutes,
                "kind": route.kind,
                "difficulty": route.difficulty,
                "circular": route.is_circular,
            },
        }
    ]
    for number, stop in enumerate(stops, start=1):
        poi = stop.point_of_interest
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": _position(poi.lon, poi.lat)},
                "properties": {
                    "number": number,
                    "name": poi.title,
                    "url": _full_url(poi, request),
                    "note": stop.note,
                },
            }
        )
    return feature_collection(features, with_elevation=len(line) > 1 and with_elevation)


def points_of_interest_geojson(pois: Iterable, request=None, notices=None) -> dict:
    """Points of interest as Point features; prefetch `categories` for a list.

    `notices`: {place id: [current notices]} (tourism.notices.notices_by_place).
    """
    features = []
    for poi in pois:
        features.append(
            {
                "type": "Feature",
                "id": poi.pk,
                "geometry": {"type": "Point", "coordinates": _position(poi.lon, poi.lat)},
                "properties": {
                    "name": poi.title,
                    "url": _full_url(poi, request),
                    "categories": [category.name for category in poi.categories.all()],
                    "notices": notice_properties((notices or {}).get(poi.pk, [])),
                },
            }
        )
    return feature_collection(features)


def notice_properties(notices) -> list[dict]:
    """A place's current notices as its feature's `notices` property."""
    return [
        {
            "kind": notice.kind,
            "kind_name": str(notice.get_kind_display()),
            "severity": notice.severity,
            "title": notice.title,
            "valid_until": notice.valid_until.isoformat(),
        }
        for notice in notices
    ]


def feature_collection(features: list, with_elevation: bool = False) -> dict:
    positions = []
    for feature in features:
        geometry = feature["geometry"]
        if geometry is None:
            continue
        if geometry["type"] == "Point":
            positions.append(geometry["coordinates"])
        else:
            positions.extend(geometry["coordinates"])
    if not positions:
        return {"type": "FeatureCollection", "features": features}
    lons = [p[0] for p in positions]
    lats = [p[1] for p in positions]
    if with_elevation:
        # RFC 7946 §5: 2 × n values for n dimensions; the elevations are the line's.
        eles = [p[2] for p in positions if len(p) > 2]
        bbox = [min(lons), min(lats), min(eles), max(lons), max(lats), max(eles)]
    else:
        bbox = [min(lons), min(lats), max(lons), max(lats)]
    return {"type": "FeatureCollection", "bbox": bbox, "features": features}


def _position(lon: float, lat: float, ele: float | None = None) -> list[float]:
    position = [round(float(lon), COORDINATE_DECIMALS), round(float(lat), COORDINATE_DECIMALS)]
    if ele is not None:
        position.append(round(float(ele), ELEVATION_DECIMALS))
    return position


def _full_url(page, request) -> str:
    # None when the page is outside every site; a download then simply has no link.
    return page.get_full_url(request) or ""
