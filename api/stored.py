"""Each list item's answer, stored per language and site until what it shows changes.

A list of a hundred places built from pages costs a hundred wide multilingual page rows,
their categories, pictures and renditions, and the Python that turns them into dicts: at
regional scale most of a list's time. So each item's answer (the JSON object of a place,
route or event, or a place's GeoJSON feature) is kept in the cache as it was built, with the
page-cache versions (cms/page_cache.py) of what it shows: the page, its ancestors (its
URL), its picture, categories and venue. Publishing, editing, moving or deleting any of
them bumps a tag and the next request builds that item afresh; nothing else does, so
publishing one place leaves the region's other stored items alone.

What changes with the clock or the request is filled in on every read: `open_now` (kept
only until the place's next opening change, and closed by a current closure notice),
`notices` (tourism.notices, no query), `distance_m`. A list reads its page's stored items
and their tags' versions in two cache round trips and loads only the missing items.
"""

import hashlib
import math
import time
from datetime import datetime

from django.core.cache import cache
from django.utils import timezone, translation
from wagtail.models import Page

from api import serializers
from api.filters import in_order
from cms import page_cache
from cms.visibility import public_pages
from tourism import exports, notices
from tourism.models import PointOfInterestPage
from tourism.models.points_of_interest import next_midnight
from translations.state import freshness_by_page

KEY_PREFIX = "api-item"
# Dropped by their tags; the lifetime only bounds the cache's memory.
LIFETIME_SECONDS = 24 * 3600


def _site_key(request, kind):
    site = f"{request.scheme}\x1f{request.get_host()}"
    digest = hashlib.sha256(site.encode()).hexdigest()[:16]
    return f"{KEY_PREFIX}:{kind}:{translation.get_language()}:{digest}"


def items(kind, ids, request, build):
    """{id: stored entry} for `ids`; `build(missing ids)` gives {id: (entry, tags, expiry)}."""
    prefix = _site_key(request, kind)
    keys = {pk: f"{prefix}:{pk}" for pk in ids}
    found = cache.get_many(list(keys.values()))
    now = time.time()
    entries = {}
    for pk, key in keys.items():
        entry = found.get(key)
        if entry is not None and now < entry.get("expires_at", math.inf):
            entries[pk] = entry
    current = page_cache.versions_of({tag for entry in entries.values() for tag in entry["tags"]})
    entries = {
        pk: entry
        for pk, entry in entries.items()
        if all(current[tag] == version for tag, version in entry["tags"].items())
    }
    missing = [pk for pk in ids if pk not in entries]
    if missing:
        built = build(missing)
        versions = page_cache.versions_of({tag for _e, tags, _x in built.values() for tag in tags})
        stored = {}
        for pk, (entry, tags, expires_at) in built.items():
            entry = dict(entry, tags={tag: versions[tag] for tag in tags})
            timeout = LIFETIME_SECONDS
            if expires_at is not None:
                entry["expires_at"] = expires_at.timestamp()
                timeout = min(timeout, math.ceil(entry["expires_at"] - now))
            entries[pk] = entry
            if timeout > 0:
                stored[keys[pk]] = (entry, timeout)
        for timeout in {timeout for _entry, timeout in stored.values()}:
            cache.set_many(
                {key: entry for key, (entry, t) in stored.items() if t == timeout}, timeout
            )
    return entries


def tags_of(*objects):
    """The fine tags of what an item shows: each object itself, never its whole type (a
    type's tag is bumped by every publication in the region)."""
    tags = {page_cache.EVERYTHING}
    for obj in objects:
        if obj is not None:
            tags |= {tag for tag in page_cache.instance_tags(obj) if not tag.startswith("type:")}
    return tags


def ancestor_tags(pages):
    """{page id: tags of its ancestors}: a page's URL is made of their slugs. Their own
    tags, which a child's publication (another item) does not bump."""
    paths = {
        page.pk: [page.path[:end] for end in range(Page.steplen, len(page.path), Page.steplen)]
        for page in pages
    }
    wanted = {path for prefixes in paths.values() for path in prefixes}
    ids = dict(Page.objects.filter(path__in=wanted).values_list("path", "pk")) if wanted else {}
    return {
        pk: {page_cache.own_tag(ids[path]) for path in prefixes if path in ids}
        for pk, prefixes in paths.items()
    }


def _earliest(*moments):
    known = [moment for moment in moments if moment is not None]
    return min(known) if known else None


# --- points of interest ---------------------------------------------------------------


def points_of_interest(ids, request, distances):
    """The JSON items of the places `ids` (in that order), as `serializers.point_of_interest`
    with their translation states."""
    entries = items("poi", ids, request, lambda missing: _build_places(missing, request))
    closed = notices.closed_place_ids(timezone.now())

    def current(pk, entry, item):
        if entry["has_hours"]:
            item["open_now"] = entry["open"] and pk not in closed
        item["notices"] = serializers.notices_of(PageId(pk), request)

    return _listed(ids, entries, request, distances, current)


def _listed(ids, entries, request, distances, current=None):
    """The stored items of `ids` in order, each a copy with what changes by the request (the
    distance, and whatever `current(pk, entry, item)` sets)."""
    results = []
    for pk in ids:
        entry = entries.get(pk)
        if entry is None:
            continue
        item = dict(entry["item"])
        item["distance_m"] = None if distances.get(pk) is None else round(distances[pk], 1)
        if current is not None:
            current(pk, entry, item)
        serializers.set_last_modified(request, [item["updated_at"]])
        results.append(item)
    return results


def _build_places(ids, request):
    places = in_order(serializers.point_of_interest_queryset(), ids)
    states = freshness_by_page(places)
    ancestors = ancestor_tags(places)
    now = timezone.now()
    built = {}
    for place in places:
        item = serializers.point_of_interest(place, request) | {"translation": states[place.pk]}
        schedule = place.schedule
        status = None if schedule.is_empty else schedule.status_at(now)
        entry = {
            "item": item | {"open_now": None, "notices": []},
            "has_hours": status is not None,
            "open": bool(status and status.is_open),
        }
        # The opening status holds until the next opening or closing, and "today" until
        # midnight (as `PointOfInterestPage.opening_status` tells a stored page).
        expires_at = None
        if status is not None:
            expires_at = _earliest(status.closes_at or status.opens_at, next_midnight(now))
        tags = tags_of(place, place.main_image, *place.categories.all()) | ancestors[place.pk]
        built[place.pk] = (entry, tags, expires_at)
    return built


def point_of_interest_features(ids, request):
    """GeoJSON Point features of the places `ids`, as `exports.points_of_interest_geojson`."""
    entries = items("poi-feature", ids, request, lambda missing: _build_features(missing, request))
    current = notices.notices_by_place(ids)
    features = []
    for pk in ids:
        entry = entries.get(pk)
        if entry is None:
            continue
        feature = dict(entry["feature"])
        feature["properties"] = dict(feature["properties"])
        feature["properties"]["notices"] = exports.notice_properties(current.get(pk, []))
        serializers.set_last_modified(request, [entry["updated_at"]])
        features.append(feature)
    return features


def _build_features(ids, request):
    places = in_order(
        public_pages(PointOfInterestPage.objects.all())
        .defer_streamfields()
        .prefetch_related("categories"),
        ids,
    )
    ancestors = ancestor_tags(places)
    built = {}
    for place in places:
        feature = exports.points_of_interest_geojson([place], request, {})["features"][0]
        entry = {"feature": feature, "updated_at": place.last_published_at}
        tags = tags_of(place, *place.categories.all()) | ancestors[place.pk]
        built[place.pk] = (entry, tags, None)
    return built


# --- routes and events ----------------------------------------------------------------


def routes(ids, request, distances):
    """The JSON items of the routes `ids`, as `serializers.route` with translation states."""
    entries = items("route", ids, request, lambda missing: _build_routes(missing, request))

    def current(pk, _entry, item):
        item["notices"] = serializers.notices_of(PageId(pk), request)

    return _listed(ids, entries, request, distances, current)


def _build_routes(ids, request):
    found = in_order(serializers.route_queryset(stops=False), ids)
    states = freshness_by_page(found)
    ancestors = ancestor_tags(found)
    return {
        route.pk: (
            {"item": serializers.route(route, request) | {"translation": states[route.pk]}},
            tags_of(route, route.image) | ancestors[route.pk],
            None,
        )
        for route in found
    }


def events(ids, request, distances):
    """The JSON items of the events `ids`, as `serializers.event` with translation states."""
    entries = items("event", ids, request, lambda missing: _build_events(missing, request))
    return _listed(ids, entries, request, distances)


def _build_events(ids, request):
    found = in_order(serializers.event_queryset(), ids)
    states = freshness_by_page(found)
    venues = [event.venue for event in found if event.venue_id]
    ancestors = ancestor_tags([*found, *venues])
    built = {}
    for event in found:
        item = serializers.event(event, request) | {"translation": states[event.pk]}
        tags = tags_of(event, event.image, event.category if event.category_id else None)
        tags |= ancestors[event.pk]
        expires_at = None
        if event.venue_id:
            # The venue's title, link and address; it stops being shown when it expires.
            tags |= tags_of(event.venue) | ancestors[event.venue_id]
            venue_expiry = event.venue.expire_at
            if isinstance(venue_expiry, datetime) and venue_expiry > timezone.now():
                expires_at = venue_expiry
        built[event.pk] = ({"item": item}, tags, expires_at)
    return built


class PageId:
    """Just the id, which is all the notices of a place or route are looked up by."""

    def __init__(self, pk):
        self.pk = pk
