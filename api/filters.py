"""Filters and paging shared by the list endpoints.

Filters SQL can answer run in SQL; distance needs Python, so lists are narrowed to ordered
ids first (in SQL, counted and sliced there, when the order is the title's) and only the
requested page is loaded with its prefetches.
"""

import hashlib
import json
import math
from datetime import timedelta

from django.db.models import Min, Q
from django.utils import timezone
from modeltranslation.utils import resolution_order

from api.errors import ApiError
from api.keys import QUERY_PARAMETER as QUERY_KEY_PARAMETER
from cms import page_cache
from tourism.geo import haversine_m
from tourism.models.points_of_interest import LIST_COUNT_SECONDS

METRES_PER_DEGREE = 111_000


def common(queryset, params):
    """`q` and `updated_since`, which every list understands."""
    if params.q:
        match = Q()
        for code in resolution_order(params.lang):
            match |= Q(**{f"title_{code}__icontains": params.q})
            match |= Q(**{f"teaser_{code}__icontains": params.q})
        queryset = queryset.filter(match)
    if params.updated_since:
        queryset = queryset.filter(last_published_at__gte=params.updated_since)
    return queryset


def around(queryset, params, lat_field="latitude", lon_field="longitude"):
    """A rough SQL box around `near` and inside `bbox`; exact distances come later."""
    if params.bbox:
        min_lon, min_lat, max_lon, max_lat = params.bbox
        queryset = queryset.filter(
            **{
                f"{lat_field}__range": (min_lat, max_lat),
                f"{lon_field}__range": (min_lon, max_lon),
            }
        )
    if params.near:
        lat, lon = params.near
        dlat = params.radius_m / METRES_PER_DEGREE
        dlon = params.radius_m / (METRES_PER_DEGREE * max(math.cos(math.radians(lat)), 0.01))
        queryset = queryset.filter(
            **{
                f"{lat_field}__range": (lat - dlat, lat + dlat),
                f"{lon_field}__range": (lon - dlon, lon + dlon),
            }
        )
    return queryset


def nearest_first(rows, params):
    """(id, lat, lon) rows within the radius of `near`, nearest first, as (id, metres)."""
    lat, lon = params.near
    found = []
    for pk, row_lat, row_lon in rows:
        metres = haversine_m(lat, lon, float(row_lat), float(row_lon))
        if metres <= params.radius_m:
            found.append((pk, metres))
    found.sort(key=lambda item: (item[1], item[0]))
    return found


def kept_count(name, ids, params, models, lifetime=LIST_COUNT_SECONDS):
    """How many ids the queryset `ids` holds, counted once per list and filters for everyone.

    Counting reads every matching row of the region (hundreds of milliseconds at 100 000
    places); the count is kept until an object of one of `models` is published, changed or
    removed (their type tags), and at most `lifetime` seconds for what no signal announces
    (events ending, scheduled expiry, opening hours), like the places page's count.
    """
    return _kept(f"api-count:{name}", params, models, lifetime, ids.count)


def kept_ids(name, ids, params, models, lifetime=LIST_COUNT_SECONDS):
    """The queryset `ids` as a list, kept like `kept_count`: for lists of at most a few
    thousand pages (routes), answered without a query. Kept no longer than until the
    first of them is due to expire (`expire_at`)."""

    def compute():
        found = list(ids)
        expiring = ids.model.objects.filter(pk__in=found, expire_at__gt=timezone.now())
        page_cache.expire_at(expiring.aggregate(first=Min("expire_at"))["first"])
        return found

    return _kept(f"api-ids:{name}", params, models, lifetime, compute)


def _kept(name, params, models, lifetime, compute):
    filters = params.model_dump(mode="json", exclude={"page", "limit", "format"}, warnings=False)
    digest = hashlib.sha256(json.dumps(filters, sort_keys=True).encode()).hexdigest()

    def build():
        for model in models:
            page_cache.depends_on_type(model)
        page_cache.expire_at(timezone.now() + timedelta(seconds=lifetime))
        return compute()

    return page_cache.cached_fragment(f"{name}:{digest}", build)


def page_of(request, ids, params, count=None):
    """The ids on the requested page, and the list's count and links.

    `ids` is a list, or a queryset of ids (`values_list("pk", flat=True)`) that SQL counts
    (unless `count` is given, see `kept_count`) and slices, so that a list in title order
    never loads the region's ids.
    """
    if count is None:
        count = len(ids) if isinstance(ids, list) else ids.count()
    last_page = max(1, math.ceil(count / params.limit))
    if params.page > last_page:
        raise ApiError(
            404,
            "page_not_found",
            f"Page {params.page} does not exist; the last page is {last_page}.",
        )
    offset = (params.page - 1) * params.limit
    envelope = {
        "count": count,
        "next": page_link(request, params.page + 1) if params.page < last_page else None,
        "previous": page_link(request, params.page - 1) if params.page > 1 else None,
    }
    return list(ids[offset : offset + params.limit]), envelope


def page_link(request, page):
    query = request.GET.copy()
    query["page"] = str(page)
    # A key in the body would be stored by every cache and log on the way; the answer
    # must also be the same with or without it.
    query.pop(QUERY_KEY_PARAMETER, None)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def in_order(queryset, ids):
    """The objects of `ids`, loaded in one go, in the order of `ids`."""
    objects = {obj.pk: obj for obj in queryset.filter(pk__in=ids)}
    return [objects[pk] for pk in ids if pk in objects]
