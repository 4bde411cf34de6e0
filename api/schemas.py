"""The JSON shapes the API answers with; the OpenAPI description is generated from them."""

from datetime import date, datetime

from ninja import Schema
from pydantic import Field


class Error(Schema):
    error: str = Field(description="A stable code, e.g. `bad_request`, `not_found`.")
    detail: str = Field(description="What went wrong, for the developer reading it.")


class Rendition(Schema):
    url: str
    width: int
    height: int


class ImageRenditions(Schema):
    jpeg: Rendition
    webp: Rendition


class Image(Schema):
    alt: str
    credit: str = Field(description="Photographer or source; show it with the image.")
    licence: str = Field(description="Licence code of the image, e.g. `cc-by-4.0`.")
    licence_name: str
    renditions: ImageRenditions = Field(description="The image cropped to 800×533 pixels.")


class Location(Schema):
    lat: float
    lon: float


class Address(Schema):
    street: str
    postal_code: str
    locality: str


class Category(Schema):
    slug: str
    name: str


class PointOfInterestCategory(Category):
    schema_type: str = Field(description="schema.org type of places in this category.")


class CategoryItem(Schema):
    slug: str
    name: str
    applies_to: str = Field(description="`points-of-interest` or `events`.")


class PageLink(Schema):
    id: int
    title: str
    url: str


class NoticeBrief(Schema):
    id: int
    kind: str = Field(description="closure, restriction, construction, event or weather.")
    kind_name: str
    severity: str = Field(description="info, warning or critical.")
    title: str
    valid_until: datetime
    stretch_from: int | None = Field(
        None, description="On routes: id of the place where an affected stretch begins."
    )
    stretch_to: int | None = Field(None, description="… and where it ends.")


class TranslationFreshness(Schema):
    outdated: bool = Field(description="The German text changed after this translation.")
    fields: list[str] = Field(description="The outdated fields; empty translations are missing.")


TRANSLATION = Field(description="Per translation language (en, pl): is it outdated, and where.")


class BaseItem(Schema):
    id: int
    url: str = Field(description="The page on the town's website, in the requested language.")
    title: str
    teaser: str
    image: Image | None
    licence: str = Field(description="Licence of this data, e.g. `CC-BY-4.0`.")
    updated_at: datetime | None = Field(description="When the page was last published.")


class PointOfInterestSummary(BaseItem):
    categories: list[PointOfInterestCategory]
    location: Location
    address: Address
    open_now: bool | None = Field(
        description="None for places without opening hours; false during a closure notice."
    )
    distance_m: float | None = Field(description="Metres from `near`, when given.")
    notices: list[NoticeBrief] = Field(description="Notices that hold now, see /notices.")
    translation: dict[str, TranslationFreshness] = TRANSLATION


class Contact(Schema):
    phone: str
    email: str
    website: str


class Accessibility(Schema):
    step_free_access: bool | None
    accessible_toilet: bool | None
    accessible_parking: bool | None
    guide_dogs_welcome: bool | None
    hearing_loop: bool | None
    notes: str


class PointOfInterestDetail(PointOfInterestSummary):
    description: str = Field(description="HTML.")
    contact: Contact
    opening_hours_note: str
    admission: str
    free_admission: bool | None
    accessibility: Accessibility
    gallery: list[Image]
    routes: list[PageLink] = Field(description="Published routes with a stop here.")
    last_checked: date | None = Field(description="When the facts were last confirmed.")


class RouteSummary(BaseItem):
    kind: str
    kind_name: str
    difficulty: str
    difficulty_name: str
    circular: bool
    length_m: int
    ascent_m: int
    descent_m: int
    duration_minutes: int
    bbox: list[float] | None = Field(description="minLon,minLat,maxLon,maxLat of the route.")
    distance_m: float | None = Field(description="Metres from `near` to the nearest point.")
    notices: list[NoticeBrief] = Field(description="Notices that hold now, see /notices.")
    translation: dict[str, TranslationFreshness] = TRANSLATION


class StopPlace(PageLink):
    location: Location


class Stop(Schema):
    position: int
    note: str
    point_of_interest: StopPlace


class VisitorInformation(Schema):
    start_point: str
    directions: str
    public_transport: str
    parking: str
    equipment: str
    tips: str


class RouteDetail(RouteSummary):
    description: str = Field(description="HTML.")
    stops: list[Stop]
    visitor_information: VisitorInformation
    gpx_url: str
    geojson_url: str


class Venue(PageLink):
    location: Location


class EventSummary(BaseItem):
    start: datetime
    end: datetime | None
    all_day: bool = Field(description="Dates only; `end` is then the last day, inclusive.")
    category: Category | None
    venue: Venue | None = Field(description="The point of interest where it takes place.")
    place_name: str
    address_lines: list[str]
    distance_m: float | None
    translation: dict[str, TranslationFreshness] = TRANSLATION


class EventDetail(EventSummary):
    description: str = Field(description="HTML.")
    ics_url: str


class SearchHit(Schema):
    type: str = Field(description="`poi`, `route`, `event`, `news` or `page`.")
    id: int
    url: str
    title: str
    highlight: str = Field(description="HTML: the matching passage with `<mark>`.")
    licence: str
    updated_at: datetime | None


class NoticeRoute(PageLink):
    stretch_from: PageLink | None = Field(description="Null when the whole route is affected.")
    stretch_to: PageLink | None


class Notice(Schema):
    id: int
    kind: str = Field(description="closure, restriction, construction, event or weather.")
    kind_name: str
    severity: str = Field(description="info, warning or critical.")
    severity_name: str
    title: str
    text: str
    valid_from: datetime
    valid_until: datetime = Field(description="The notice holds until just before this.")
    whole_town: bool
    points_of_interest: list[PageLink] = Field(description="Published places it affects.")
    routes: list[NoticeRoute] = Field(description="Published routes it affects.")


class ListEnvelope(Schema):
    count: int
    next: str | None = Field(description="Absolute URL of the next page.")
    previous: str | None
    licence: str = Field(description="Licence of the data, unless an item says otherwise.")


class PointOfInterestList(ListEnvelope):
    results: list[PointOfInterestSummary]


class RouteList(ListEnvelope):
    results: list[RouteSummary]


class EventList(ListEnvelope):
    results: list[EventSummary]


class CategoryList(ListEnvelope):
    results: list[CategoryItem]


class SearchList(ListEnvelope):
    count_is_lower_bound: bool = Field(
        description="In a large region a common word matches more than is counted: `count` is "
        "then at least this many."
    )
    did_you_mean: str
    results: list[SearchHit]


class NoticeList(ListEnvelope):
    results: list[Notice]
