"""/api/v1/points-of-interest: places with position, address, opening hours and photos."""

from django.conf import settings
from django.utils import translation
from ninja import Path, Query, Router

from api import filters, formats, schemas, serializers, stored
from api.errors import bad_request, not_found
from api.http import set_last_modified
from api.params import IdPath, PointOfInterestListParams, PointOfInterestParams
from cms.visibility import public_pages
from tourism import exports, notices, structured_data
from tourism.models import Notice, PointOfInterestCategory, PointOfInterestPage, RoutePage
from tourism.models.points_of_interest import (
    LIST_COUNT_SECONDS,
    OPEN_NOW_LIFETIME,
    sort_title_field,
)
from tourism.open_now import open_at

router = Router(tags=["points of interest"])
ERRORS = {400: schemas.Error, 404: schemas.Error, 429: schemas.Error}


@router.get(
    "",
    response={200: schemas.PointOfInterestList, **ERRORS},
    url_name="points_of_interest",
    operation_id="list_points_of_interest",
    summary="List points of interest",
    openapi_extra=formats.openapi_formats("geojson"),
)
def list_points_of_interest(request, params: Query[PointOfInterestListParams]):
    """Published places, by title; nearest first with `near`, in route order with `route`."""
    with translation.override(params.lang):
        ids, distances = _ordered_ids(params)
        count = None
        if not isinstance(ids, list):
            lifetime = OPEN_NOW_LIFETIME if params.open_now else LIST_COUNT_SECONDS
            models = [PointOfInterestPage, PointOfInterestCategory, Notice]
            count = filters.kept_count("points-of-interest", ids, params, models, lifetime)
        page_ids, envelope = filters.page_of(request, ids, params, count)
        envelope["licence"] = settings.TOURISM_DATA_LICENCE
        # Each item as stored when it was last built (api/stored.py): no page is loaded
        # unless it changed.
        if params.format == "geojson":
            features = stored.point_of_interest_features(page_ids, request)
            collection = exports.feature_collection(features)
            return formats.geojson(collection, params.lang, envelope)
        envelope["results"] = stored.points_of_interest(page_ids, request, distances)
        return envelope


@router.get(
    "/{id}",
    response={200: schemas.PointOfInterestDetail, **ERRORS},
    url_name="point_of_interest",
    operation_id="get_point_of_interest",
    summary="One point of interest",
    openapi_extra=formats.openapi_formats("geojson", "jsonld"),
)
def point_of_interest(request, path: Path[IdPath], params: Query[PointOfInterestParams]):
    place = serializers.point_of_interest_queryset().filter(pk=path.id).first()
    if place is None:
        raise not_found(f"There is no published point of interest with id {path.id}.")
    set_last_modified(request, [place.last_published_at])
    with translation.override(params.lang):
        if params.format == "geojson":
            return formats.geojson(
                exports.points_of_interest_geojson(
                    [place], request, notices.notices_by_place([place.pk])
                ),
                params.lang,
            )
        if params.format == "jsonld":
            categories = list(place.categories.all())
            data = structured_data.point_of_interest(place, request, categories)
            return formats.jsonld(data, params.lang)
        routes = public_pages(RoutePage.objects.all()).filter(stops__point_of_interest=place)
        routes = routes.distinct().order_by(sort_title_field(params.lang), "pk")
        return serializers.point_of_interest_detail(place, request, routes)


def _ordered_ids(params):
    """The matching places' ids in answer order, and their distances from `near`."""
    places = public_pages(PointOfInterestPage.objects.all())
    if params.category:
        category = PointOfInterestCategory.objects.filter(slug=params.category).first()
        if category is None:
            raise bad_request(
                f"Unknown category “{params.category}”; /api/v1/categories lists them."
            )
        places = places.filter(categories=category)
    route_order = None
    if params.route:
        route = public_pages(RoutePage.objects.all()).filter(pk=params.route).first()
        if route is None:
            raise bad_request(f"There is no published route with id {params.route}.")
        route_order = list(
            dict.fromkeys(stop.point_of_interest_id for stop in route.visible_stops())
        )
        places = places.filter(pk__in=route_order)
    places = filters.around(filters.common(places, params), params)
    if params.open_now:
        # The worked-out opening periods answer in SQL; no schedule is read per place.
        places = open_at(places)
    distances = {}
    if params.near:
        found = filters.nearest_first(places.values_list("pk", "latitude", "longitude"), params)
        distances = dict(found)
        return [pk for pk, _metres in found], distances
    # The stored sort title (the title visitors of `lang` see, else their fallback's) has an index:
    # SQL walks it and stops after the page instead of sorting the region's places.
    ids = places.order_by(sort_title_field(params.lang), "pk").values_list("pk", flat=True)
    if route_order is not None:
        position = {pk: index for index, pk in enumerate(route_order)}
        return sorted(ids, key=position.__getitem__), distances
    return ids, distances
