"""What visitors ask for and what they get back, independent of the search backend.

Everything a visitor types passes through `SearchQuery.from_params` before any backend
sees it: the text is capped (Wagtail's database backend on SQLite fails with a
RecursionError on a 700-word query), filters are checked against known values and the
page number is clamped so that `from + size` never exceeds Elasticsearch's result window.
"""

import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from cms import page_cache
from pages.models import EventCategory
from tourism.geo import validate_coordinates
from tourism.models import PointOfInterestCategory
from tourism.models.routes import KIND_CHOICES

MAX_QUERY_CHARS = 200
MAX_QUERY_TERMS = 12
PAGE_SIZE = 10
# Elasticsearch refuses from + size > index.max_result_window (10 000 by default).
MAX_RESULT_WINDOW = 10_000
MAX_FILTER_VALUES = 10

CONTENT_TYPES = {
    "poi": _("Place"),
    "route": _("Route"),
    "event": _("Event"),
    "news": _("News"),
    "page": _("Page"),
}

_WORD_CHARACTER = re.compile(r"\w", re.UNICODE)
_WHITESPACE = re.compile(r"\s+", re.UNICODE)


def normalise_query(text: Any) -> str:
    """The visitor's text, cleaned and capped; "" when nothing searchable is left.

    Control characters go, whitespace collapses, at most MAX_QUERY_CHARS characters and
    MAX_QUERY_TERMS terms survive, and terms without a letter or digit are dropped
    (so "?!" and "AND (" lose their punctuation, and "…" alone becomes empty).
    """
    if not isinstance(text, str):
        return ""
    text = unicodedata.normalize("NFC", text)
    text = "".join(" " if unicodedata.category(char).startswith("C") else char for char in text)
    text = _WHITESPACE.sub(" ", text).strip()[:MAX_QUERY_CHARS]
    terms = [term for term in text.split(" ") if _WORD_CHARACTER.search(term)]
    return " ".join(terms[:MAX_QUERY_TERMS])


def query_words(text: str) -> list[str]:
    """The words of a normalised query, without surrounding punctuation, in lower case.

    Lower case, not case-folded, for looking words up in the database: "Straße" must stay
    "straße" there, while case-folding makes it "strasse".
    """
    words = (re.sub(r"^\W+|\W+$", "", term) for term in text.split(" "))
    return [word.lower() for word in words if word]


def query_terms(text: str) -> list[str]:
    """The words of a normalised query, without surrounding punctuation, case-folded."""
    return [word.casefold() for word in query_words(text)]


def parse_near(value: Any) -> tuple[float, float] | None:
    """ "52.29,11.41" → (52.29, 11.41); None for nothing; ValueError for anything else."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str) or len(value) > 64:
        raise ValueError("near must be 'lat,lon'")
    parts = value.replace(";", ",").split(",")
    if len(parts) != 2:
        raise ValueError("near must be 'lat,lon'")
    try:
        lat, lon = (float(part.strip()) for part in parts)
    except ValueError as error:
        raise ValueError("near must be two numbers") from error
    validate_coordinates(lat, lon)
    return (round(lat, 6), round(lon, 6))


def max_page(page_size: int = PAGE_SIZE) -> int:
    return MAX_RESULT_WINDOW // page_size


def clamp_page(value: Any, page_size: int = PAGE_SIZE) -> int:
    """A page number between 1 and the last page Elasticsearch can serve."""
    try:
        page = int(str(value).strip())
    except (TypeError, ValueError):
        return 1
    return min(max(page, 1), max_page(page_size))


def category_names() -> dict[str, str]:
    """{slug: name in the active language} of every place and event category.

    Stored until a category changes: every search names its category facets and checks
    requested categories, and the categories change far less often than people search.
    """
    language = translation.get_language() or settings.LANGUAGE_CODE

    def build():
        names = {}
        for model in (EventCategory, PointOfInterestCategory):
            page_cache.depends_on_type(model)
            names.update({category.slug: str(category.name) for category in model.objects.all()})
        return names

    return page_cache.cached_fragment(f"search-category-names:{language}", build, shared=True)


def _known_categories() -> set[str]:
    return set(category_names())


def _route_kinds() -> set[str]:

    return {value for value, _label in KIND_CHOICES}


def _values(params: Mapping, name: str) -> list[str]:
    if hasattr(params, "getlist"):
        raw = params.getlist(name)
    else:
        raw = params.get(name) or []
        raw = [raw] if isinstance(raw, str) else list(raw)
    values = []
    for item in raw[:MAX_FILTER_VALUES]:
        for value in str(item).split(","):
            value = value.strip()[:100]
            if value and value not in values:
                values.append(value)
    return values


@dataclass(frozen=True)
class SearchQuery:
    """One validated search: text, language, filters, position and page."""

    text: str = ""
    language: str = "de"
    types: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    kind: str = ""
    open_now: bool = False
    near: tuple[float, float] | None = None
    page: int = 1
    page_size: int = PAGE_SIZE
    # The visitor's words as typed: no automatic correction when nothing is found.
    exact: bool = False
    # Visitor-facing notes about input we ignored ("unknown category" …).
    problems: tuple[str, ...] = field(default=(), compare=False)

    @classmethod
    def from_params(cls, params: Mapping, language: str | None = None) -> "SearchQuery":
        """Build a query from GET parameters; invalid parts are dropped and reported."""
        problems = []
        language = language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        text = normalise_query(params.get("q", ""))

        types = tuple(value for value in _values(params, "type") if value in CONTENT_TYPES)
        if len(types) != len(_values(params, "type")):
            problems.append(_("An unknown content type was ignored."))

        requested = _values(params, "category")
        known = _known_categories() if requested else set()
        categories = tuple(value for value in requested if value in known)
        if len(categories) != len(requested):
            problems.append(_("An unknown category was ignored."))

        kind = str(params.get("kind") or "").strip()
        if kind and kind not in _route_kinds():
            problems.append(_("An unknown kind of route was ignored."))
            kind = ""

        try:
            near = parse_near(params.get("near"))
        except ValueError:
            problems.append(_("The position could not be read, so results are not sorted by it."))
            near = None

        return cls(
            text=text,
            language=language,
            types=types,
            categories=categories,
            kind=kind,
            open_now=str(params.get("open") or "") in {"1", "true", "on"},
            near=near,
            page=clamp_page(params.get("page", 1)),
            exact=str(params.get("exact") or "") == "1",
            problems=tuple(problems),
        )

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    @property
    def is_empty(self) -> bool:
        """Nothing to look for: no text and no position to list places around."""
        return not self.text and self.near is None

    @property
    def terms(self) -> list[str]:
        return query_terms(self.text)

    @property
    def words(self) -> list[str]:
        return query_words(self.text)

    def with_page(self, page: int) -> "SearchQuery":
        return replace(self, page=clamp_page(page, self.page_size))

    def __post_init__(self):
        if self.offset + self.page_size > MAX_RESULT_WINDOW:
            raise ValueError("from + size must not exceed the result window")


@dataclass
class Hit:
    """One result: the specific page, its score and a highlighted snippet (safe HTML)."""

    object: Any
    score: float
    highlight: str = ""
    type: str = ""
    distance_m: float | None = None
    # Put first by the editors for this search text (search.promotions).
    promoted: bool = False
    # The page's picture in the result list's size (a rendition), if it has one.
    thumbnail: Any = None

    @property
    def type_label(self):
        return CONTENT_TYPES.get(self.type, "")

    @property
    def distance_km(self):
        return None if self.distance_m is None else self.distance_m / 1000


@dataclass
class Facet:
    """A filter value with the number of results it would give."""

    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchResults:
    query: SearchQuery
    total: int = 0
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, list[Facet]] = field(default_factory=dict)
    did_you_mean: str = ""
    # Nothing was found for the visitor's text; these are the results for this one.
    corrected_text: str = ""
    backend: str = ""
    # `total` and the facet counts are lower bounds: the backend stopped counting.
    more: bool = False

    @property
    def page(self) -> int:
        return self.query.page

    @property
    def num_pages(self) -> int:
        reachable = min(self.total, MAX_RESULT_WINDOW)
        return max(1, math.ceil(reachable / self.query.page_size))

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def page_past_the_end(self) -> bool:
        return self.total > 0 and not self.hits and self.page > self.num_pages

    @classmethod
    def empty(cls, query: SearchQuery, backend: str = "") -> "SearchResults":
        return cls(query=query, backend=backend)
