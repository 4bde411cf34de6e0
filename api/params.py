"""Query parameters of the API, checked before any view runs.

A value that cannot be used is a 400 with a message saying why (see `api.py`), never
silently dropped: a partner's misspelt filter should fail loudly while they build.
"""

import math
from datetime import UTC, datetime
from typing import Literal

from django.conf import settings
from django.utils import timezone
from ninja import Schema
from pydantic import Field, field_validator, model_validator

from search.query import CONTENT_TYPES, MAX_QUERY_CHARS
from tourism.listing import BadNear, parse_near
from tourism.models.routes import KIND_CHOICES

Language = Literal[tuple(code for code, _name in settings.LANGUAGES)]
RouteKind = Literal[tuple(value for value, _label in KIND_CHOICES)]
SearchType = Literal[tuple(CONTENT_TYPES)]

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
MAX_PAGE = 10_000
DEFAULT_RADIUS_M = 5000
MAX_RADIUS_M = 50_000
# Page ids are BigAutoField primary keys; larger numbers would overflow the database.
MAX_ID = 2**63 - 1
MAX_SLUG_CHARS = 100


def parse_bbox(value):
    """`"minLon,minLat,maxLon,maxLat"` → four floats; ValueError with the reason."""
    parts = value.split(",")
    if len(parts) != 4:
        raise ValueError(
            "bbox needs four comma-separated numbers minLon,minLat,maxLon,maxLat, "
            f"got {len(parts)}."
        )
    try:
        numbers = [float(part) for part in parts]
    except ValueError as error:
        raise ValueError("bbox must consist of numbers: minLon,minLat,maxLon,maxLat.") from error
    if not all(math.isfinite(number) for number in numbers):
        raise ValueError("bbox must consist of finite numbers.")
    min_lon, min_lat, max_lon, max_lat = numbers
    if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180):
        raise ValueError("bbox longitudes must lie between -180 and 180.")
    if not (-90 <= min_lat <= 90 and -90 <= max_lat <= 90):
        raise ValueError("bbox latitudes must lie between -90 and 90.")
    if min_lon > max_lon or min_lat > max_lat:
        raise ValueError(
            "bbox must give the minimum before the maximum: minLon,minLat,maxLon,maxLat."
        )
    return (min_lon, min_lat, max_lon, max_lat)


class IdPath(Schema):
    id: int = Field(..., ge=1, le=MAX_ID, description="The page's id.")


class DetailParams(Schema):
    lang: Language = Field("de", description="Language of texts and page URLs.")


class ListParams(Schema):
    lang: Language = Field(
        "de", description="Language of texts and page URLs; missing texts fall back (pl→en→de)."
    )
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Items per page.")
    page: int = Field(1, ge=1, le=MAX_PAGE, description="Page number, from 1.")
    q: str | None = Field(
        None, max_length=MAX_QUERY_CHARS, description="Text in the title or teaser."
    )
    updated_since: datetime | None = Field(
        None,
        description="Only objects published at or after this ISO 8601 moment "
        "(encode `+` as `%2B`; without an offset the town's time zone applies).",
    )

    @field_validator("updated_since")
    @classmethod
    def _in_utc(cls, value):
        if value is None:
            return None
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        # PostgreSQL refuses offsets beyond ±15:59, which ISO 8601 allows; UTC it is.
        try:
            return value.astimezone(UTC)
        except OverflowError:
            # Around year 1 or 9999 an offset can leave the calendar: clamp to its ends.
            return (
                datetime.min.replace(tzinfo=UTC)
                if value.year < 5000
                else datetime.max.replace(tzinfo=UTC)
            )


class GeoParams(Schema):
    bbox: str | None = Field(
        None,
        max_length=200,
        description="minLon,minLat,maxLon,maxLat (WGS 84, longitude first).",
        examples=["11.35,52.25,11.45,52.32"],
    )
    near: str | None = Field(
        None,
        max_length=64,
        description="lat,lon: only objects within `radius`, nearest first.",
        examples=["52.2897,11.4086"],
    )
    radius: float | None = Field(
        None,
        gt=0,
        le=MAX_RADIUS_M,
        description=f"Metres around `near` (default {DEFAULT_RADIUS_M}).",
    )

    @field_validator("bbox")
    @classmethod
    def _bbox(cls, value):
        return None if value is None else parse_bbox(value)

    @field_validator("near")
    @classmethod
    def _near(cls, value):
        if value is None:
            return None
        try:
            return parse_near(value)
        except BadNear as error:
            raise ValueError(
                "near must be lat,lon with latitude between -90 and 90 and longitude "
                "between -180 and 180."
            ) from error

    @model_validator(mode="after")
    def _radius_needs_near(self):
        if self.radius is not None and self.near is None:
            raise ValueError("radius only applies together with near=lat,lon.")
        return self

    @property
    def radius_m(self):
        return self.radius if self.radius is not None else DEFAULT_RADIUS_M


class PointOfInterestListParams(ListParams, GeoParams):
    format: Literal["json", "geojson"] = "json"
    category: str | None = Field(
        None, max_length=MAX_SLUG_CHARS, description="Slug of a point-of-interest category."
    )
    route: int | None = Field(
        None, ge=1, le=MAX_ID, description="Id of a route: only its stops, in route order."
    )
    open_now: bool = Field(False, description="Only places open at this moment.")


class PointOfInterestParams(DetailParams):
    format: Literal["json", "geojson", "jsonld"] = "json"


class RouteListParams(ListParams, GeoParams):
    format: Literal["json", "geojson"] = "json"
    kind: RouteKind | None = Field(None, description="Kind of route.")


class RouteParams(DetailParams):
    format: Literal["json", "geojson", "gpx", "jsonld"] = "json"


class EventListParams(ListParams, GeoParams):
    format: Literal["json", "geojson", "ics"] = "json"
    category: str | None = Field(
        None, max_length=MAX_SLUG_CHARS, description="Slug of an event category."
    )


class EventParams(DetailParams):
    format: Literal["json", "geojson", "ics", "jsonld"] = "json"


class CategoryParams(DetailParams):
    format: Literal["json"] = "json"


class SearchParams(Schema):
    q: str = Field(..., min_length=1, max_length=MAX_QUERY_CHARS, description="What to look for.")
    lang: Language = Field("de", description="Language to search in and to answer in.")
    type: SearchType | None = Field(None, description="Only one kind of page.")
    category: str | None = Field(None, max_length=MAX_SLUG_CHARS)
    kind: RouteKind | None = None
    open_now: bool = False
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)
    page: int = Field(1, ge=1, le=MAX_PAGE)
    format: Literal["json"] = "json"


class NoticeParams(DetailParams):
    format: Literal["json", "geojson"] = "json"
    upcoming: bool = Field(False, description="Also notices that have not started yet.")
