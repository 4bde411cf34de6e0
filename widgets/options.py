"""The kinds of widget and their options, read from the query string and never trusted.

`parse(kind, query)` returns `WidgetOptions` or raises `OptionError` listing every problem
at once, in the active language, so a partner can fix the snippet in one go. Whether a
category, route or place exists is checked later, in `content.py`, with the database.
"""

import re
from dataclasses import dataclass, fields

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tourism.listing import BadNear, parse_near
from widgets.colours import DEFAULT_ACCENT, is_hex_colour

LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)
COUNT_DEFAULT = 6
COUNT_MAX = 24
RADIUS_DEFAULT_M = 5000
RADIUS_MAX_M = 50_000
LAYOUTS = ("list", "grid")
THEMES = ("light", "dark", "auto")
TARGETS = ("top", "new")
YES_NO = {"yes": True, "no": False}
MAX_VALUE_LENGTH = 500
MAX_PROBLEMS = 10
SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,100}$")
PAGE_ID = re.compile(r"^[1-9][0-9]{0,8}$")  # below PostgreSQL's integer limit

COMMON_OPTIONS = ("lang", "theme", "accent", "target", "key")
LIST_OPTIONS = ("count", "layout", "images")


@dataclass(frozen=True)
class Kind:
    """A kind of widget: its name in URLs, its label and the options it understands."""

    slug: str
    label: str
    options: tuple[str, ...]
    required: tuple[str, ...] = ()


KINDS = {
    kind.slug: kind
    for kind in (
        Kind(
            "pois",
            gettext_lazy("Points of interest (list)"),
            COMMON_OPTIONS + LIST_OPTIONS + ("category", "route", "near", "radius", "ids"),
        ),
        Kind(
            "poi",
            gettext_lazy("One point of interest (card)"),
            COMMON_OPTIONS + ("id", "images"),
            required=("id",),
        ),
        Kind(
            "route",
            gettext_lazy("One route (card with its track)"),
            COMMON_OPTIONS + ("id",),
            required=("id",),
        ),
        Kind(
            "events",
            gettext_lazy("Upcoming events (list)"),
            COMMON_OPTIONS + LIST_OPTIONS + ("category",),
        ),
    )
}


class OptionError(Exception):
    """Options a widget cannot be built from; `problems` are sentences for the partner."""

    def __init__(self, problems, status=400):
        super().__init__("; ".join(str(problem) for problem in problems))
        self.problems = [str(problem) for problem in problems][:MAX_PROBLEMS]
        self.status = status


@dataclass
class WidgetOptions:
    kind: str
    lang: str = settings.LANGUAGE_CODE
    theme: str = "light"
    accent: str = DEFAULT_ACCENT
    target: str = "top"
    key: str = ""
    count: int | None = None
    layout: str = "list"
    images: bool = True
    category: tuple[str, ...] = ()
    route: int | None = None
    near: tuple[float, float] | None = None
    radius: int = RADIUS_DEFAULT_M
    ids: tuple[int, ...] = ()
    id: int | None = None
    # api.filters.around() reads these two.
    bbox = None

    @property
    def radius_m(self):
        return self.radius

    @property
    def item_count(self):
        """How many items a list shows: `count`, else every hand-picked id, else the default."""
        if self.count is not None:
            return self.count
        return len(self.ids) if self.ids else COUNT_DEFAULT

    def query(self):
        """The options that differ from the defaults, as (name, text) pairs in a fixed order.

        `lang` is always included: a snippet should not change language with our default.
        """
        defaults = WidgetOptions(kind=self.kind)
        pairs = []
        for option in fields(self):
            name = option.name
            value = getattr(self, name)
            if name == "kind" or (value == getattr(defaults, name) and name != "lang"):
                continue
            pairs.append((name, _as_text(value)))
        return pairs


def _as_text(value):
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple) and value and isinstance(value[0], float):
        return ",".join(f"{number:.6f}".rstrip("0").rstrip(".") for number in value)
    if isinstance(value, tuple):
        return ",".join(str(item) for item in value)
    return str(value)


def kind_names():
    return ", ".join(KINDS)


def language_for_messages(query, fallback):
    """The `lang` option when it is valid, else `fallback` (the visitor's language)."""
    value = query.get("lang", "")
    return value if value in LANGUAGES else fallback


def parse(kind_slug, query):
    """Check every option of a `kind_slug` widget in `query` (a QueryDict)."""
    kind = KINDS.get(kind_slug)
    if kind is None:
        raise OptionError(
            [
                _("There is no widget “%(kind)s”. The widgets are: %(kinds)s.")
                % {"kind": _shortened(kind_slug), "kinds": kind_names()}
            ],
            status=404,
        )
    options = WidgetOptions(kind=kind.slug)
    problems = []
    for name in query:
        values = query.getlist(name)
        if name not in kind.options:
            problems.append(
                _("The option “%(name)s” is unknown to this widget; it understands: %(names)s.")
                % {"name": _shortened(name), "names": ", ".join(kind.options)}
            )
        elif len(values) > 1:
            problems.append(_("The option “%(name)s” is given more than once.") % {"name": name})
        elif len(values[0]) > MAX_VALUE_LENGTH:
            problems.append(_("The option “%(name)s” is too long.") % {"name": name})
        else:
            try:
                setattr(options, name, PARSERS[name](values[0].strip()))
            except ValueError as error:
                problems.append(str(error))
    for name in kind.required:
        if name not in query:
            problems.append(_("This widget needs the option “%(name)s”.") % {"name": name})
    if "radius" in query and "near" not in query:
        problems.append(_("The option “radius” only works together with “near”."))
    if problems:
        raise OptionError(problems)
    return options


def _shortened(text, limit=40):
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _one_of(name, choices):
    def parse_choice(value):
        if value not in choices:
            raise ValueError(
                _("“%(name)s” cannot be “%(value)s”; choose one of: %(choices)s.")
                % {"value": _shortened(value), "name": name, "choices": ", ".join(choices)}
            )
        return value

    return parse_choice


def _count(value):
    if not value.isdigit() or not 1 <= int(value) <= COUNT_MAX:
        raise ValueError(
            _("The number of items (“count”) must be a whole number from 1 to %(max)s.")
            % {"max": COUNT_MAX}
        )
    return int(value)


def _accent(value):
    if not is_hex_colour(value.lower()):
        raise ValueError(
            _("The accent colour must be written #rrggbb, e.g. #0b5a3c (in a URL: %230b5a3c).")
        )
    return value.lower()


def _images(value):
    if value not in YES_NO:
        raise ValueError(_("“images” must be “yes” or “no”."))
    return YES_NO[value]


def _key(value):
    if not value:
        raise ValueError(_("The widget token (“key”) is empty."))
    return value


def _slugs(value):
    slugs = tuple(dict.fromkeys(part.strip() for part in value.split(",") if part.strip()))
    if not slugs or not all(SLUG.match(slug) for slug in slugs):
        raise ValueError(
            _("“category” takes category names as in the web address, separated by commas.")
        )
    return slugs


def _page_id(name):
    def parse_id(value):
        if not PAGE_ID.match(value):
            raise ValueError(
                _("“%(name)s” must be the number of a page, e.g. 42.") % {"name": name}
            )
        return int(value)

    return parse_id


def _ids(value):
    parts = [part.strip() for part in value.split(",")]
    if not parts or not all(PAGE_ID.match(part) for part in parts):
        raise ValueError(_("“ids” takes page numbers separated by commas, e.g. 12,15,31."))
    ids = tuple(dict.fromkeys(int(part) for part in parts))
    if len(ids) > COUNT_MAX:
        raise ValueError(_("“ids” may name at most %(max)s places.") % {"max": COUNT_MAX})
    return ids


def _near(value):
    try:
        return parse_near(value)
    except BadNear as error:
        raise ValueError(
            _("“near” must be latitude and longitude in degrees, e.g. 52.2897,11.4086.")
        ) from error


def _radius(value):
    if not value.isdigit() or not 1 <= int(value) <= RADIUS_MAX_M:
        raise ValueError(
            _("“radius” must be a whole number of metres from 1 to %(max)s.")
            % {"max": RADIUS_MAX_M}
        )
    return int(value)


PARSERS = {
    "lang": _one_of("lang", LANGUAGES),
    "theme": _one_of("theme", THEMES),
    "layout": _one_of("layout", LAYOUTS),
    "target": _one_of("target", TARGETS),
    "accent": _accent,
    "key": _key,
    "count": _count,
    "images": _images,
    "category": _slugs,
    "route": _page_id("route"),
    "id": _page_id("id"),
    "ids": _ids,
    "near": _near,
    "radius": _radius,
}
