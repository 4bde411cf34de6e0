"""/api/v1/notices: closures and restrictions that hold now (or are still to come)."""

from django.conf import settings
from django.utils import timezone, translation
from ninja import Query, Router

from api import formats, schemas, serializers
from api.http import set_last_modified
from api.params import NoticeParams
from cms.visibility import is_public
from tourism import notices
from tourism.exports import _position

router = Router(tags=["notices"])


@router.get(
    "",
    response={200: schemas.NoticeList, 400: schemas.Error, 429: schemas.Error},
    url_name="notices",
    operation_id="list_notices",
    summary="List current notices and closures",
    openapi_extra=formats.openapi_formats("geojson"),
)
def list_notices(request, params: Query[NoticeParams]):
    """Notices with valid_from <= now < valid_until, earliest first; `upcoming` adds later ones.

    Places and routes that are not published are left out of each notice.
    """
    now = timezone.now()
    set_last_modified(request, [notices.changed_at(now)])
    with translation.override(params.lang):
        found = list(serializers.notice_queryset(now, params.upcoming))
        results = [serializers.notice(notice, request) for notice in found]
        if params.format == "geojson":
            features = [_feature(notice, data) for notice, data in zip(found, results, strict=True)]
            return formats.geojson({"type": "FeatureCollection", "features": features}, params.lang)
    return {
        "count": len(results),
        "next": None,
        "previous": None,
        "licence": settings.TOURISM_DATA_LICENCE,
        "results": results,
    }


def _feature(notice, data):
    return {"type": "Feature", "id": notice.pk, "geometry": _geometry(notice), "properties": data}


def _geometry(notice):
    """The affected places and stretch ends as a MultiPoint; null for the whole town."""
    places = list(notice.points_of_interest.all())
    for effect in notice.routes.all():
        places += [place for place in (effect.stretch_from, effect.stretch_to) if place]
    points = [_position(place.longitude, place.latitude) for place in places if is_public(place)]
    return {"type": "MultiPoint", "coordinates": points} if points else None
