"""/api/v1/events: upcoming events, with their venue when it is a point of interest."""

from django.conf import settings
from django.utils import translation
from ninja import Path, Query, Router

from api import filters, formats, schemas, serializers, stored
from api.errors import bad_request, not_found
from api.http import set_last_modified
from api.params import EventListParams, EventParams, IdPath
from cms.visibility import public_q
from pages import ical
from pages import structured_data as page_structured_data
from pages.models import EventCategory, EventPage
from tourism.models import PointOfInterestPage

router = Router(tags=["events"])
ERRORS = {400: schemas.Error, 404: schemas.Error, 429: schemas.Error}


@router.get(
    "",
    response={200: schemas.EventList, **ERRORS},
    url_name="events",
    operation_id="list_events",
    summary="List upcoming events",
    openapi_extra=formats.openapi_formats("geojson", "ics"),
)
def list_events(request, params: Query[EventListParams]):
    """Events that have not ended, soonest first; with `near`, nearest venue first.

    `bbox` and `near` keep events whose venue is a point of interest in the area.
    """
    with translation.override(params.lang):
        ids, distances = _ordered_ids(params)
        count = None
        if not isinstance(ids, list):
            models = [EventPage, EventCategory, PointOfInterestPage]  # venues too
            count = filters.kept_count("events", ids, params, models)
        page_ids, envelope = filters.page_of(request, ids, params, count)
        envelope["licence"] = settings.TOURISM_DATA_LICENCE
        if params.format in ("geojson", "ics"):
            events = filters.in_order(serializers.event_queryset(), page_ids)
            set_last_modified(request, [event.last_published_at for event in events])
            if params.format == "geojson":
                collection = formats.events_feature_collection(events, request)
                return formats.geojson(collection, params.lang, envelope)
            body = ical.calendar(events, name=settings.TOWN_NAME, request=request)
            return formats.response(body, formats.ICS, params.lang, filename="events.ics")
        # Each item as stored when it was last built (api/stored.py).
        envelope["results"] = stored.events(page_ids, request, distances)
        return envelope


@router.get(
    "/{id}",
    response={200: schemas.EventDetail, **ERRORS},
    url_name="event",
    operation_id="get_event",
    summary="One upcoming event",
    openapi_extra=formats.openapi_formats("geojson", "ics", "jsonld"),
)
def event(request, path: Path[IdPath], params: Query[EventParams]):
    """A published event; past ones too, so links partners keep do not break."""
    page = serializers.event_queryset(upcoming=False).filter(pk=path.id).first()
    if page is None:
        raise not_found(f"There is no published event with id {path.id}.")
    set_last_modified(request, [page.last_published_at])
    with translation.override(params.lang):
        if params.format == "geojson":
            collection = formats.events_feature_collection([page], request)
            return formats.geojson(collection, params.lang)
        if params.format == "ics":
            body = ical.calendar([page], name=page.title, request=request)
            return formats.response(
                body, formats.ICS, params.lang, filename=f"{page.slug or 'event'}.ics"
            )
        if params.format == "jsonld":
            return formats.jsonld(page_structured_data.event(page, request), params.lang)
        return serializers.event_detail(page, request, params.lang)


def _ordered_ids(params):
    events = filters.common(EventPage.objects.upcoming(), params)
    if params.category:
        category = EventCategory.objects.filter(slug=params.category).first()
        if category is None:
            raise bad_request(
                f"Unknown event category “{params.category}”; /api/v1/categories lists them."
            )
        events = events.filter(category=category)
    if params.bbox or params.near:
        events = filters.around(
            events.filter(public_q("venue__")), params, "venue__latitude", "venue__longitude"
        )
    if params.near:
        found = filters.nearest_first(
            events.values_list("pk", "venue__latitude", "venue__longitude"), params
        )
        return [pk for pk, _metres in found], dict(found)
    return events.values_list("pk", flat=True), {}
