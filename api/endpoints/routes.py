"""/api/v1/routes: walks, hikes and tours with their stops and tracks."""

from django.conf import settings
from django.utils import translation
from ninja import Path, Query, Router

from api import filters, formats, schemas, serializers, stored
from api.errors import not_found
from api.http import set_last_modified
from api.params import IdPath, RouteListParams, RouteParams
from tourism import exports, structured_data
from tourism.geo import haversine_m
from tourism.models import RoutePage
from tourism.models.points_of_interest import sort_title_field

router = Router(tags=["routes"])
ERRORS = {400: schemas.Error, 404: schemas.Error, 429: schemas.Error}


@router.get(
    "",
    response={200: schemas.RouteList, **ERRORS},
    url_name="routes",
    operation_id="list_routes",
    summary="List routes",
    openapi_extra=formats.openapi_formats("geojson"),
)
def list_routes(request, params: Query[RouteListParams]):
    """Published routes by title; with `near`, those passing within `radius`, nearest first.

    `bbox` keeps routes whose bounds overlap it.
    """
    with translation.override(params.lang):
        ids, distances = _ordered_ids(params)
        page_ids, envelope = filters.page_of(request, ids, params)
        envelope["licence"] = settings.TOURISM_DATA_LICENCE
        if params.format == "geojson":
            routes = filters.in_order(serializers.route_queryset(), page_ids)
            set_last_modified(request, [route.last_published_at for route in routes])
            collection = formats.routes_feature_collection(
                [(route, serializers.visible_stops(route)) for route in routes], request
            )
            return formats.geojson(collection, params.lang, envelope)
        # Each item as stored when it was last built (api/stored.py).
        envelope["results"] = stored.routes(page_ids, request, distances)
        return envelope


@router.get(
    "/{id}",
    response={200: schemas.RouteDetail, **ERRORS},
    url_name="route",
    operation_id="get_route",
    summary="One route with its stops in order",
    openapi_extra=formats.openapi_formats("geojson", "gpx", "jsonld"),
)
def route(request, path: Path[IdPath], params: Query[RouteParams]):
    page = serializers.route_queryset().filter(pk=path.id).first()
    if page is None:
        raise not_found(f"There is no published route with id {path.id}.")
    set_last_modified(request, [page.last_published_at])
    with translation.override(params.lang):
        stops = serializers.visible_stops(page)
        if params.format == "geojson":
            return formats.geojson(exports.route_geojson(page, request, stops), params.lang)
        if params.format == "gpx":
            body = exports.route_gpx(page, request, stops)
            return formats.response(
                body, formats.GPX, params.lang, filename=f"{page.slug or 'route'}.gpx"
            )
        if params.format == "jsonld":
            return formats.jsonld(structured_data.route(page, request, stops), params.lang)
        return serializers.route_detail(page, request, stops, params.lang)


def _ordered_ids(params):
    routes = filters.common(serializers.route_queryset(), params)
    if params.kind:
        routes = routes.filter(kind=params.kind)
    # The title visitors of `lang` see (a fallback language's if theirs is missing), stored
    # and indexed like the places'.
    routes = routes.order_by(sort_title_field(params.lang), "pk")
    if not (params.bbox or params.near):
        # The ordered ids of a region's few thousand routes, kept until a route changes.
        ordered = routes.values_list("pk", flat=True)
        return filters.kept_ids("routes", ordered, params, [RoutePage]), {}
    # Bounds and lines are JSON: checked in Python, over a town's few dozen routes.
    matching, distances = [], {}
    for route in routes:
        if params.bbox and not _overlaps(route.bbox, params.bbox):
            continue
        if params.near:
            metres = _distance_m(route, params.near)
            if metres is None or metres > params.radius_m:
                continue
            distances[route.pk] = metres
        matching.append(route.pk)
    if params.near:
        matching.sort(key=lambda pk: (distances[pk], pk))
    return matching, distances


def _overlaps(bounds, bbox):
    if not bounds:
        return False
    min_lon, min_lat, max_lon, max_lat = bounds
    return not (max_lon < bbox[0] or min_lon > bbox[2] or max_lat < bbox[1] or min_lat > bbox[3])


def _distance_m(route, near):
    """Metres from `near` to the nearest point of the route's line, None without one."""
    points = exports.route_points(route, serializers.visible_stops(route))
    if not points:
        return None
    lat, lon = near
    return min(haversine_m(lat, lon, point.lat, point.lon) for point in points)
