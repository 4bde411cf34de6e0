"""Answers in the formats other than JSON: GeoJSON, GPX, iCalendar and JSON-LD.

The shapes are the site's own (tourism.exports, pages.ical, the structured data of the
pages), so a partner gets what a visitor downloads.
"""

import json

from django.http import HttpResponse
from django.utils.http import content_disposition_header

from cms.structured_data import clean
from tourism.exports import _position, feature_collection, route_geojson

GEOJSON = "application/geo+json"
GPX = "application/gpx+xml"
ICS = "text/calendar; charset=utf-8"
JSONLD = "application/ld+json"

# For the OpenAPI description: what `?format=` gives besides application/json.
FEATURE_COLLECTION_SCHEMA = {
    "type": "object",
    "required": ["type", "features"],
    "properties": {
        "type": {"type": "string", "enum": ["FeatureCollection"]},
        "features": {"type": "array", "items": {"type": "object"}},
        "bbox": {"type": "array", "items": {"type": "number"}},
    },
}
MEDIA_TYPES = {
    "geojson": (GEOJSON, FEATURE_COLLECTION_SCHEMA),
    "gpx": (GPX, {"type": "string"}),
    "ics": (ICS.split(";")[0], {"type": "string"}),
    "jsonld": (JSONLD, {"type": "object"}),
}


def openapi_formats(*formats):
    """`openapi_extra` declaring the 200 answer's other media types."""
    content = {MEDIA_TYPES[name][0]: {"schema": MEDIA_TYPES[name][1]} for name in formats}
    return {"responses": {200: {"content": content}}}


def response(body, content_type, lang, filename=None):
    if not isinstance(body, str):
        body = json.dumps(body, ensure_ascii=False, separators=(",", ":"), default=str)
    result = HttpResponse(body.encode(), content_type=content_type)
    result["Content-Language"] = lang
    if filename:
        result["Content-Disposition"] = content_disposition_header(False, filename)
    return result


def geojson(collection, lang, envelope=None):
    if envelope:
        # Foreign members (RFC 7946 §6.1): the list's count and page links.
        collection = collection | envelope
    return response(collection, GEOJSON, lang)


def jsonld(data, lang):
    return response(clean(data), JSONLD, lang)


def events_feature_collection(events, request):
    """Events with a published venue as Points at the venue (RFC 7946, longitude first)."""
    features = []
    for event in events:
        venue = event.venue_page
        if venue is None:
            continue
        features.append(
            {
                "type": "Feature",
                "id": event.pk,
                "geometry": {"type": "Point", "coordinates": _position(venue.lon, venue.lat)},
                "properties": {
                    "name": event.title,
                    "url": event.get_full_url(request) or "",
                    "start": event.start.isoformat(),
                    "end": event.end.isoformat() if event.end else None,
                    "all_day": event.all_day,
                    "venue": venue.title,
                },
            }
        )
    return feature_collection(features)


def routes_feature_collection(routes_with_stops, request):
    """Each route's line (the first feature of `exports.route_geojson`), with its id."""

    features = []
    for route, stops in routes_with_stops:
        line = route_geojson(route, request, stops)["features"][0]
        features.append({"type": "Feature", "id": route.pk} | line)
    return feature_collection(features)
