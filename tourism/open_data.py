"""The region's points of interest as one GeoJSON file: written once, then streamed from disk.

A region has tens of thousands of places; building their GeoJSON takes seconds and megabytes,
so the open-data download is written feature by feature to a file under
MEDIA_ROOT/exports/ and served from there until a place, category or notice changes (the
page cache's type tags say when) or the next notice starts or ends. Maps never load it:
they ask for the places they show (`?ids=`) or for clusters (`?bbox=…&zoom=…`).
"""

import json
import math
import os
import time
import uuid
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
# A file replaced by a newer one stays this long for responses still streaming it.
OLD_FILE_SECONDS = 600


def export_folder():
    return Path(settings.MEDIA_ROOT) / "exports"


def places_geojson_file(language, request=None):
    """Path of the current GeoJSON file of all public places in `language`; built if stale."""
    key = f"{CACHE_KEY}:{language}:{request.get_host() if request else ''}"
    entry = cache.get(key)
    if entry is not None and _usable(entry):
        return Path(entry["file"])
    with page_cache.collecting() as dependencies, translation.override(language):
        path = _write(request)
    entry = {
        "file": str(path),
        "tags": page_cache.versions_of(page_cache.type_tags(dependencies.tags)),
        "expires_at": dependencies.expires_at,
    }
    cache.set(key, entry, timeout=None)
    _remove_old_files(language, keep=path)
    return path


def _usable(entry):
    if entry["expires_at"] is not None and time.time() >= entry["expires_at"]:
        return False
    return os.path.exists(entry["file"]) and page_cache.still_current(entry["tags"])


def _write(request):
    folder = export_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"points-of-interest-{translation.get_language()}-{uuid.uuid4().hex}.geojson"
    partial = path.with_suffix(".partial")
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
            feature = exports.points_of_interest_geojson([place], request, current)["features"][0]
            lon, lat = feature["geometry"]["coordinates"]
            west, east = min(west, lon), max(east, lon)
            south, north = min(south, lat), max(north, lat)
            out.write(("" if first else ",") + _json(feature))
            first = False
        out.write("]")
        if not first:  # RFC 7946 §5: the box of all positions, when there are any
            out.write(',"bbox":' + _json([west, south, east, north]))
        out.write("}")
    partial.replace(path)
    return path


def _notices_by_place():
    """{place id: [current notices]} for the places any current notice names."""
    found = {}
    for notice in notices.notices_now():
        for place_id in notice.place_ids:
            found.setdefault(place_id, []).append(notice)
    return found


def _remove_old_files(language, keep):
    # A file still named by another host's entry is simply written again when asked for.
    cutoff = time.time() - OLD_FILE_SECONDS
    for path in export_folder().glob(f"points-of-interest-{language}-*.geojson"):
        try:
            if path != keep and path.stat().st_mtime < cutoff:
                path.unlink()
        except FileNotFoundError:
            pass


def _json(data):
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
