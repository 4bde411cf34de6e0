"""Pages as the plain dicts of `schemas.py`; call inside `translation.override(lang)`.

Querysets come from `*_queryset()` here, with everything the dicts read prefetched, so a
list costs the same number of queries for 3 items as for 100.
"""

from django.conf import settings
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.rich_text import expand_db_html

from api.http import set_last_modified
from cms.visibility import is_public, public_pages
from pages.models import EventPage
from tourism import notices
from tourism.models import (
    Notice,
    NoticeRoute,
    PointOfInterestGalleryImage,
    PointOfInterestPage,
    RoutePage,
    RouteStop,
)
from translations.state import freshness

# One crop for lists and cards, as JPEG for every client and WebP for most.
IMAGE_SPECS = {"jpeg": "fill-800x533|format-jpeg", "webp": "fill-800x533|format-webp"}


def images_with_renditions():
    return get_image_model().objects.prefetch_renditions(*IMAGE_SPECS.values())


def point_of_interest_queryset():
    gallery = PointOfInterestGalleryImage.objects.order_by("sort_order").prefetch_related(
        Prefetch("image", queryset=images_with_renditions())
    )
    return public_pages(PointOfInterestPage.objects.all()).prefetch_related(
        "categories", "special_days", Prefetch("gallery_images", queryset=gallery)
    )


def route_stops_prefetch():
    return Prefetch(
        "stops",
        queryset=RouteStop.objects.order_by("sort_order").select_related("point_of_interest"),
    )


def route_queryset(stops=True):
    """Published routes with their picture and (`stops`) their stops and places."""
    routes = public_pages(RoutePage.objects.all()).prefetch_related(
        Prefetch("image", queryset=images_with_renditions())
    )
    # A route's stops are its places' whole pages: a list that shows no stops loads none.
    return routes.prefetch_related(route_stops_prefetch()) if stops else routes


def event_queryset(upcoming=True):

    events = EventPage.objects.upcoming() if upcoming else public_pages(EventPage.objects.all())
    return events.select_related("category", "venue").prefetch_related(
        Prefetch("image", queryset=images_with_renditions())
    )


def visible_stops(route):
    """`RoutePage.visible_stops()` over prefetched stops (see `route_stops_prefetch`)."""
    return [stop for stop in route.stops.all() if is_public(stop.point_of_interest)]


def image(image, request):
    if image is None:
        return None
    try:
        # One cache write per image for both renditions, not one per rendition: Wagtail
        # stores each rendition it hands out, and a list shows a hundred images.
        found = image.get_renditions(*IMAGE_SPECS.values())
        renditions = {
            key: found.get(spec) or image.get_rendition(spec)  # an SVG's specs may merge
            for key, spec in IMAGE_SPECS.items()
        }
    except OSError:  # wagtail's SourceImageIOError too
        # A lost original must cost the item its picture, not the whole answer.
        return None
    return {
        "alt": image.default_alt_text,
        "credit": image.credit,
        "licence": image.licence,
        "licence_name": str(image.get_licence_display()),
        "renditions": {
            key: {
                "url": request.build_absolute_uri(rendition.url),
                "width": rendition.width,
                "height": rendition.height,
            }
            for key, rendition in renditions.items()
        },
    }


def page_url(page, request):
    return page.get_full_url(request) or ""


def location(page):
    return {"lat": page.lat, "lon": page.lon}


def _base(page, request, picture, licence):
    return {
        "id": page.pk,
        "url": page_url(page, request),
        "title": page.title,
        "teaser": page.teaser,
        "image": image(picture, request),
        "licence": licence,
        "updated_at": page.last_published_at,
    }


def point_of_interest(poi, request, distance_m=None):
    return _base(poi, request, poi.main_image, poi.data_licence) | {
        "categories": [
            {"slug": category.slug, "name": category.name, "schema_type": category.schema_type}
            for category in poi.categories.all()
        ],
        "location": location(poi),
        "address": {
            "street": poi.street,
            "postal_code": poi.postal_code,
            "locality": poi.locality,
        },
        "open_now": None if poi.schedule.is_empty else poi.is_open_at(),
        "distance_m": None if distance_m is None else round(distance_m, 1),
        "notices": notices_of(poi, request),
    }


def point_of_interest_detail(poi, request, routes):
    return point_of_interest(poi, request) | {
        "description": expand_db_html(poi.description or ""),
        "translation": freshness(poi),
        "contact": {"phone": poi.phone, "email": poi.email, "website": poi.website},
        "opening_hours_note": poi.opening_hours_note,
        "admission": poi.admission,
        "free_admission": poi.free_admission,
        "accessibility": {
            "step_free_access": poi.step_free_access,
            "accessible_toilet": poi.accessible_toilet,
            "accessible_parking": poi.accessible_parking,
            "guide_dogs_welcome": poi.guide_dogs_welcome,
            "hearing_loop": poi.hearing_loop,
            "notes": poi.accessibility_notes,
        },
        "gallery": [
            picture
            for picture in (image(item.image, request) for item in poi.gallery_images.all())
            if picture is not None
        ],
        "routes": [
            {"id": route.pk, "title": route.title, "url": page_url(route, request)}
            for route in routes
        ],
        "last_checked": poi.last_checked,
    }


def route(route, request, distance_m=None):
    return _base(route, request, route.image, settings.TOURISM_DATA_LICENCE) | {
        "kind": route.kind,
        "kind_name": str(route.get_kind_display()),
        "difficulty": route.difficulty,
        "difficulty_name": str(route.get_difficulty_display()),
        "circular": route.is_circular,
        "length_m": route.length_m,
        "ascent_m": route.ascent_m,
        "descent_m": route.descent_m,
        "duration_minutes": route.duration_minutes,
        "bbox": route.bbox,
        "distance_m": None if distance_m is None else round(distance_m, 1),
        "notices": notices_of(route, request),
    }


def notices_of(page, request):
    """The notices that hold now for a place or route (no query: tourism.notices)."""
    now = timezone.now()
    # A notice starting or ending changes the answer without a page being published.
    set_last_modified(request, [notices.changed_at(now)])
    briefs = []
    for notice in notices.current_notices_for(page, now):
        brief = {
            "id": notice.pk,
            "kind": notice.kind,
            "kind_name": str(notice.get_kind_display()),
            "severity": notice.severity,
            "title": notice.title,
            "valid_until": notice.valid_until,
        }
        for effect in notice.route_effects:
            if effect.route_id == page.pk and effect.is_stretch:
                brief["stretch_from"] = effect.stretch_from_id
                brief["stretch_to"] = effect.stretch_to_id
        briefs.append(brief)
    return briefs


def notice_queryset(moment, upcoming=False):
    """Notices that hold at `moment` (and, with `upcoming`, those still to come)."""
    places = public_pages(PointOfInterestPage.objects.all()).defer_streamfields()
    routes = NoticeRoute.objects.select_related("route", "stretch_from", "stretch_to")
    found = Notice.objects.filter(valid_until__gt=moment)
    if not upcoming:
        found = found.filter(valid_from__lte=moment)
    return found.order_by("valid_from", "pk").prefetch_related(
        Prefetch("points_of_interest", queryset=places), Prefetch("routes", queryset=routes)
    )


def _link(page, request):
    if page is None or not is_public(page):
        return None
    return {"id": page.pk, "title": page.title, "url": page_url(page, request)}


def notice(notice, request):
    routes = []
    for effect in notice.routes.all():
        route = _link(effect.route, request)
        if route is None:
            continue
        start, end = _link(effect.stretch_from, request), _link(effect.stretch_to, request)
        if not (effect.is_stretch and start and end):
            start = end = None
        routes.append(route | {"stretch_from": start, "stretch_to": end})
    return {
        "id": notice.pk,
        "kind": notice.kind,
        "kind_name": str(notice.get_kind_display()),
        "severity": notice.severity,
        "severity_name": str(notice.get_severity_display()),
        "title": notice.title,
        "text": notice.text,
        "valid_from": notice.valid_from,
        "valid_until": notice.valid_until,
        "whole_town": notice.whole_town,
        "points_of_interest": [
            {"id": place.pk, "title": place.title, "url": page_url(place, request)}
            for place in notice.points_of_interest.all()
        ],
        "routes": routes,
    }


def route_detail(page, request, stops, lang):
    detail_url = request.build_absolute_uri(reverse("api_v1:route", kwargs={"id": page.pk}))
    return route(page, request) | {
        "description": expand_db_html(page.description or ""),
        "translation": freshness(page),
        "stops": [
            {
                "position": position,
                "note": stop.note,
                "point_of_interest": {
                    "id": stop.point_of_interest.pk,
                    "title": stop.point_of_interest.title,
                    "url": page_url(stop.point_of_interest, request),
                    "location": location(stop.point_of_interest),
                },
            }
            for position, stop in enumerate(stops, start=1)
        ],
        "visitor_information": {
            field: getattr(page, field)
            for field in (
                "start_point",
                "directions",
                "public_transport",
                "parking",
                "equipment",
                "tips",
            )
        },
        "gpx_url": f"{detail_url}?format=gpx&lang={lang}",
        "geojson_url": f"{detail_url}?format=geojson&lang={lang}",
    }


def event(event, request, distance_m=None):
    venue = event.venue_page
    return _base(event, request, event.image, settings.TOURISM_DATA_LICENCE) | {
        "start": event.start,
        "end": event.end,
        "all_day": event.all_day,
        "category": (
            {"slug": event.category.slug, "name": event.category.name}
            if event.category_id
            else None
        ),
        "venue": (
            {
                "id": venue.pk,
                "title": venue.title,
                "url": page_url(venue, request),
                "location": location(venue),
            }
            if venue
            else None
        ),
        "place_name": event.place_name or "",
        "address_lines": event.venue_address_lines(),
        "distance_m": None if distance_m is None else round(distance_m, 1),
    }


def event_detail(page, request, lang):
    detail_url = request.build_absolute_uri(reverse("api_v1:event", kwargs={"id": page.pk}))
    return event(page, request) | {
        "description": expand_db_html(page.description or ""),
        "translation": freshness(page),
        "ics_url": f"{detail_url}?format=ics&lang={lang}",
    }
