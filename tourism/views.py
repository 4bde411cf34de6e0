"""Downloads that belong to tourism objects."""

import json
import os

from django.http import FileResponse, Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import content_disposition_header, http_date, quote_etag
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from cms.http import accepts_gzip, json_error
from cms.i18n import language_codes
from cms.visibility import public_pages
from tourism import clusters, exports, notices, open_data
from tourism.models import PointOfInterestPage, RoutePage
from tourism.status import opening_status_label

# Browsers may keep a download for a while; shared caches (a CDN) get less, since a
# published change should not take longer than that to reach visitors.
DOWNLOAD_MAX_AGE = 3600
DOWNLOAD_SHARED_MAX_AGE = 900
# Before the job has written the download of all places, ask again after this (seconds).
REGION_RETRY_AFTER = 600
# Read and sent this much at a time (Django's 4 KiB would be 6 000 blocks for 25 MB).
REGION_BLOCK = 256 * 1024


# Page ids are 64-bit; a larger number in the URL would overflow the database's integer.
MAX_PAGE_ID = 2**63 - 1


def _published_route(pk):
    if pk > MAX_PAGE_ID:
        raise Http404("No such route.")
    return get_object_or_404(public_pages(RoutePage.objects.all()), pk=pk)


def route_gpx_original(request, pk):
    """The GPX file as the editor uploaded it, always as a download, never rendered."""
    route = _published_route(pk)
    if not route.gpx_file:
        raise Http404("This route has no uploaded GPX file.")
    try:
        handle = route.gpx_file.open("rb")
    except FileNotFoundError as error:
        raise Http404("The GPX file is missing.") from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"{slugify(route.title) or 'route'}.gpx",
        content_type="application/gpx+xml",
    )
    _never_rendered(response)
    patch_cache_control(response, public=True, max_age=3600)
    return response


@require_safe
def route_gpx(request, pk):
    """The route as GPX 1.1 (track and numbered stops) in the requested language."""
    return _route_download(request, pk, "gpx")


@require_safe
def route_geojson(request, pk):
    """The route as GeoJSON (RFC 7946, longitude first) in the requested language."""
    return _route_download(request, pk, "geojson")


@require_safe
def points_of_interest_geojson(request):
    """Published points of interest as GeoJSON: all of them (open data), `?ids=1,2,3`, or
    grid clusters for a map's box and zoom (`?bbox=west,south,east,north&zoom=12`).

    A page's detailed map asks only for the places it shows, a map of the region for
    clusters; the whole region is a file a job writes (tourism.open_data), streamed here.
    """
    language = _requested_language(request)
    if language is None:
        return _unknown_language()
    if "bbox" in request.GET or "zoom" in request.GET:
        return _clusters(request, language)
    if "ids" not in request.GET:
        return _region_download(request, language)
    ids = _requested_ids(request)
    if ids is None:
        return json_error(400, "bad_ids", f"Give between 1 and {MAX_IDS} numeric ids.")
    pois = list(
        public_pages(PointOfInterestPage.objects.filter(pk__in=ids))
        .order_by("title")
        .defer_streamfields()
        .prefetch_related("categories")
    )
    current = notices.notices_by_place([poi.pk for poi in pois])
    with translation.override(language):
        data = exports.points_of_interest_geojson(pois, request, current)
    return _download(_json(data), "points-of-interest.geojson", "application/geo+json", language)


def _clusters(request, language):
    try:
        cluster_query = clusters.ClusterQuery.from_query(request.GET)
    except clusters.BadClusterQuery as error:
        return json_error(400, "bad_clusters", str(error))
    with translation.override(language):
        data = clusters.clusters_geojson(cluster_query, request)
    response = HttpResponse(_json(data), content_type="application/geo+json")
    response["Content-Language"] = language
    _never_rendered(response)
    patch_cache_control(
        response, public=True, max_age=DOWNLOAD_MAX_AGE, s_maxage=DOWNLOAD_SHARED_MAX_AGE
    )
    return response


def _route_download(request, pk, format_):
    # These URLs sit outside i18n_patterns: ?lang= chooses, else the negotiated language.
    language = _requested_language(request)
    if language is None:
        return _unknown_language()
    route = _published_route(pk)
    with translation.override(language):
        stops = route.visible_stops()
        if format_ == "gpx":
            body, content_type = exports.route_gpx(route, request, stops), "application/gpx+xml"
        else:
            body = _json(exports.route_geojson(route, request, stops))
            content_type = "application/geo+json"
        filename = f"{route.slug or 'route'}.{format_}"
    return _download(body, filename, content_type, language)


def _never_rendered(response):
    """A download a browser must not sniff, render or run, even if its bytes look like HTML.

    django-csp leaves a policy already set alone, so this one replaces the site's.
    """
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def _requested_language(request):
    """The ?lang= code, the active language without one, None for a code we do not have."""
    language = request.GET.get("lang")
    if language is None:
        return translation.get_language()
    return language if language in language_codes() else None


def _unknown_language():
    codes = ", ".join(language_codes())
    return HttpResponseBadRequest(
        f"Unknown language. Use one of: {codes}.", content_type="text/plain; charset=utf-8"
    )


def _json(data):
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _download(body, filename, content_type, language):
    response = HttpResponse(body.encode(), content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return _download_headers(response, language)


def _region_download(request, language):
    """The file of every place the job wrote last, sent in blocks (memory stays flat
    however large it is), with an ETag and Last-Modified for conditional requests; the
    job's gzip copy to clients that accept it (a ninth of the bytes, never compressed
    per request)."""
    compressed = accepts_gzip(request)
    try:
        handle = _open_region_file(language, compressed)
    except FileNotFoundError:
        response = json_error(
            503,
            "download_not_ready",
            "The download of all places is being prepared; meanwhile "
            "/api/v1/points-of-interest?format=geojson has them, 100 a page.",
            {"Retry-After": str(REGION_RETRY_AFTER)},
        )
        patch_cache_control(response, no_store=True)
        return response
    if not handle.name.endswith(".gz"):
        compressed = False
    # The open file is the one sent, even if the job replaces it meanwhile.
    stat = os.fstat(handle.fileno())
    etag = quote_etag(f"{stat.st_mtime_ns:x}-{stat.st_size:x}{'-gzip' if compressed else ''}")
    last_modified = int(stat.st_mtime)
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if not_modified is not None:
        handle.close()
        response = not_modified
    else:
        response = FileResponse(
            handle,
            as_attachment=True,
            filename="points-of-interest.geojson",
            content_type="application/geo+json",
        )
        response.block_size = REGION_BLOCK
        if compressed:
            # Set here, so that GZipMiddleware leaves the answer as it is.
            response["Content-Encoding"] = "gzip"
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    patch_vary_headers(response, ["Accept-Encoding"])
    return _download_headers(response, language)


def _open_region_file(language, compressed):
    """The job's gzip copy when wanted and there, else the file as it is."""
    if compressed:
        try:
            return open_data.compressed_path(language).open("rb")
        except FileNotFoundError:
            pass  # written by a version without the copy; the next run adds it
    return open_data.places_geojson_path(language).open("rb")


def _download_headers(response, language):
    response["Content-Language"] = language
    _never_rendered(response)
    patch_cache_control(
        response, public=True, max_age=DOWNLOAD_MAX_AGE, s_maxage=DOWNLOAD_SHARED_MAX_AGE
    )
    return response


MAX_IDS = 100
STATUS_MAX_AGE = 60


def _requested_ids(request):
    """`?ids=1,2,3` → [1, 2, 3]; None when missing, malformed or more than MAX_IDS."""
    try:
        ids = [int(part) for part in request.GET.get("ids", "").split(",") if part.strip()]
    except ValueError:
        return None
    return ids if 0 < len(ids) <= MAX_IDS else None


@require_safe
def opening_status(request):
    """`?ids=1,2,3&lang=en` → whether each place is open now, for pages served from a cache."""
    language = _requested_language(request)
    if language is None:
        return json_error(400, "unknown_language", "Use one of: " + ", ".join(language_codes()))
    ids = _requested_ids(request)
    if ids is None:
        return json_error(400, "bad_ids", f"Give between 1 and {MAX_IDS} numeric ids.")
    places = (
        public_pages(PointOfInterestPage.objects.all())
        .filter(pk__in=ids)
        .prefetch_related("special_days")
    )
    with translation.override(language):
        data = {str(place.pk): _status_json(place) for place in places}
    response = HttpResponse(_json(data), content_type="application/json")
    patch_cache_control(response, public=True, max_age=STATUS_MAX_AGE, s_maxage=STATUS_MAX_AGE)
    return response


def _status_json(place):
    if place.schedule.is_empty:
        return {"open": None, "label": ""}
    status = place.opening_status()
    return {"open": status.is_open, "label": str(opening_status_label(status))}
