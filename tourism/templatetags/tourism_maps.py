"""Template tags for the server-drawn maps and elevation profiles (see tourism.svg)."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils import translation

from tourism import svg
from tourism.views import MAX_IDS

register = template.Library()


@register.simple_tag
def route_map(route, stops=None, width=640, height=400):
    """`{% route_map route stops as map %}`: pass the page's `stops` to save a query."""
    return svg.route_map_svg(route, width, height, stops=_known_stops(route, stops))


@register.simple_tag
def elevation_profile(route, width=640, height=180):
    """`{% elevation_profile route as profile %}`: None when the track has no elevations."""
    return svg.elevation_profile_svg(route, width, height)


@register.simple_tag
def elevation_summary(route):
    return svg.elevation_summary(route)


@register.simple_tag
def points_map(
    points, numbered=False, title="", id_prefix="poi-map", width=640, height=400, neighbours=None
):
    """`{% points_map points_of_interest as map %}`; one page works too: `points=page`.

    `neighbours=nearby` draws the places around in grey (a page's already loaded `nearby`).
    """
    if hasattr(points, "lat"):
        points = [points]
    return svg.points_map_svg(
        points or [],
        width,
        height,
        numbered=numbered,
        title=title,
        id_prefix=id_prefix,
        neighbours=neighbours or (),
    )


def _known_stops(route, stops):
    # A variable missing from the context arrives as "" (string_if_invalid), not None;
    # and a `stops` that belongs to another page must not end up on this route's map.
    if isinstance(stops, list | tuple) and all(stop.route_id == route.pk for stop in stops):
        return list(stops)
    return None


@register.simple_tag(takes_context=True)
def points_geojson_url(context, points):
    """The GeoJSON of just the places a map shows (`?ids=`), for its detailed layer.

    A single place's page used to load the whole region (megabytes at regional scale);
    a list shows one page of places, well within the endpoint's limit.
    """
    if hasattr(points, "lat"):
        points = [points]
    ids = [str(point.pk) for point in points or []][:MAX_IDS]
    language = context.get("LANGUAGE_CODE") or translation.get_language()
    query = urlencode({"lang": language, "ids": ",".join(ids)}, safe=",")
    return f"{reverse('tourism:points_of_interest_geojson')}?{query}"
