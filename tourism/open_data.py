"""The region's points of interest as one GeoJSON file per language: the open-data download.

A region has tens of thousands of places; writing their GeoJSON takes minutes and
megabytes, far longer than a visitor's request may take. So the file is written by a job,
`manage.py export_places_geojson` (run every few minutes; it rewrites a language's file
only when a place, category or notice changed since, or the next notice started or ended),
feature by feature to MEDIA_ROOT/exports/, once as it is and once gzip-compressed, and
requests only stream the last file written (the compressed one to every client that
accepts gzip, about a ninth of the bytes, compressed once instead of on every request),
with an ETag and Last-Modified so that a partner's conditional request costs a 304. Maps
never load it: they ask for the places they show (`?ids=`) or for clusters
(`?bbox=…&zoom=…`); partners who want pages use the API
(`/api/v1/points-of-interest?format=geojson`, 100 places a page with `next` links).
"""

import gzip
import json
import math
import os
import shutil
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from cms import page_cache
from cms.visibility import public_pages
from tourism import exports, notices
from tourism.models import PointOfInterestPage

CACHE_KEY = "tourism:places-export"
CHUNK = 2000  # places in memory at a time while the file is written
COMPRESS_BLOCK = 1024 * 1024


def export_folder():
    return Path(settings.MEDIA_ROOT) / "exports"


def places_geojson_path(language):
    """Where the download of `language` is; it may not have been written yet."""
    return export_folder() / f"points-of-interest-{language}.geojson"


def compressed_path(language):
    """The gzip-compressed copy of `places_geojson_path(language)`, written beside it."""
    path = places_geojson_path(language)
    return path.with_name(f"{path.name}.gz")


def is_current(language):
    """Whether the file of `language` still shows what the database holds."""
    entry = cache.get(f"{CACHE_KEY}:{language}")
    if entry is None or not places_geojson_path(language).exists():
        return False
    if not compressed_path(language).exists():  # written by a version without it
        return False
    if entry["expires_at"] is not None and time.time() >= entry["expires_at"]:
        return False
    return page_cache.still_current(entry["tags"])


def write_places_geojson(language):
    """Write the file of all public places in `language` (page links on the site's own
    host); a response still streaming the previous file reads it to its end."""
    with page_cache.collecting() as dependencies, translation.override(language):
        path = _write(places_geojson_path(language), compressed_path(language))
    entry = {
        "tags": page_cache.versions_of(page_cache.type_tags(dependencies.tags)),
        "expires_at": dependencies.expires_at,
    }
    cache.set(f"{CACHE_KEY}:{language}", entry, timeout=None)
    return path


def _write(path, compressed):
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    partial_compressed = compressed.with_name(f"{compressed.name}.{os.getpid()}.partial")
    places = (
        public_pages(PointOfInterestPage.objects.all())
        .order_by("title", "pk")
        .defer_streamfields()
        .prefetch_related("categories")
    )
    current = _notices_by_place()
    west = south = math.inf
    east = north = -math.inf
    with partial.open("w", encoding="utf-8") as out:
        out.write('{"type":"FeatureCollection","features":[')
        first = True
        for place in places.iterator(chunk_size=CHUNK):
            feature = exports.points_of_interest_geojson([place], None, current)["features"][0]
            lon, lat = feature["geometry"]["coordinates"]
            west, east = min(west, lon), max(east, lon)
            south, north = min(south, lat), max(north, lat)
            out.write(("" if first else ",") + _json(feature))
            first = False
        out.write("]")
        if not first:  # RFC 7946 §5: the box of all positions, when there are any
            out.write(',"bbox":' + _json([west, south, east, north]))
        out.write("}")
    _compress(partial, partial_compressed)
    partial_compressed.replace(compressed)
    partial.replace(path)
    return path


def _compress(source, target):
    # mtime=0 in the gzip header: the same places give the same bytes.
    with source.open("rb") as plain, gzip.GzipFile(target, "wb", compresslevel=9, mtime=0) as out:
        shutil.copyfileobj(plain, out, COMPRESS_BLOCK)


def _notices_by_place():
    """{place id: [current notices]} for the places any current notice names."""
    found = {}
    for notice in notices.notices_now():
        for place_id in notice.place_ids:
            found.setdefault(place_id, []).append(notice)
    return found


def _json(data):
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
