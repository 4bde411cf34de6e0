"""Widget options: every option read, every mistake named, all at once."""

import pytest
from django.http import QueryDict
from django.utils import translation

from widgets.options import (
    COUNT_DEFAULT,
    COUNT_MAX,
    KINDS,
    RADIUS_DEFAULT_M,
    OptionError,
    WidgetOptions,
    parse,
)


def options(kind, query=""):
    return parse(kind, QueryDict(query))


def problems(kind, query=""):
    with pytest.raises(OptionError) as raised:
        options(kind, query)
    return raised.value


def test_a_list_without_options_is_german_light_and_shows_six_items():
    parsed = options("pois")
    assert (parsed.lang, parsed.theme, parsed.layout, parsed.target) == (
        "de",
        "light",
        "list",
        "top",
    )
    assert parsed.item_count == COUNT_DEFAULT
    assert parsed.images is True
    assert parsed.accent == "#0b5a3c"


def test_every_list_option_is_read():
    parsed = options(
        "pois",
        "lang=pl&count=3&layout=grid&theme=auto&accent=%23FFCC00&target=new&images=no"
        "&category=museums,churches&route=41&near=52.29,11.41&radius=800&ids=12,15,12&key=k",
    )
    assert parsed.lang == "pl"
    assert parsed.count == 3
    assert parsed.layout == "grid"
    assert parsed.theme == "auto"
    assert parsed.accent == "#ffcc00"
    assert parsed.target == "new"
    assert parsed.images is False
    assert parsed.category == ("museums", "churches")
    assert parsed.route == 41
    assert parsed.near == (52.29, 11.41)
    assert parsed.radius_m == 800
    assert parsed.ids == (12, 15)  # repeated ids count once
    assert parsed.key == "k"


def test_hand_picked_ids_are_all_shown_unless_count_says_otherwise():
    assert options("pois", "ids=3,4,5,6,7,8,9,10").item_count == 8
    assert options("pois", "ids=3,4,5&count=2").item_count == 2


def test_radius_defaults_to_five_kilometres():
    assert options("pois", "near=52.29,11.41").radius_m == RADIUS_DEFAULT_M


def test_single_cards_need_their_id():
    assert options("poi", "id=7").id == 7
    assert options("route", "id=41").id == 41
    with translation.override("en"):
        assert "“id”" in problems("poi").problems[0]
        assert "“id”" in problems("route").problems[0]


def test_an_unknown_kind_is_not_found():
    error = problems("weather")
    assert error.status == 404
    assert "weather" in error.problems[0]
    assert all(kind in error.problems[0] for kind in KINDS)


@pytest.mark.parametrize(
    "kind, query, named",
    [
        ("pois", "count=0", "count"),
        ("pois", "count=10000", "count"),
        ("pois", f"count={COUNT_MAX + 1}", "count"),
        ("pois", "count=-1", "count"),
        ("pois", "count=three", "count"),
        ("pois", "count=", "count"),
        ("pois", "lang=fr", "lang"),
        ("pois", "lang=DE", "lang"),
        ("pois", "layout=carousel", "layout"),
        ("pois", "theme=blue", "theme"),
        ("pois", "target=_self", "target"),
        ("pois", "images=maybe", "images"),
        ("pois", "accent=red", "#rrggbb"),
        ("pois", "accent=%23fff", "#rrggbb"),
        ("pois", "accent=%230b5a3c%3B%7D", "#rrggbb"),
        ("pois", "accent=0b5a3c", "#rrggbb"),
        ("pois", "near=52.29", "near"),
        ("pois", "near=91,11", "near"),
        ("pois", "near=abc,def", "near"),
        ("pois", "near=52.29,11.41&radius=0", "radius"),
        ("pois", "near=52.29,11.41&radius=50001", "radius"),
        ("pois", "near=52.29,11.41&radius=1km", "radius"),
        ("pois", "radius=500", "near"),
        ("pois", "ids=1,x", "ids"),
        ("pois", "ids=", "ids"),
        ("pois", "ids=" + ",".join(str(n) for n in range(1, COUNT_MAX + 2)), "ids"),
        ("pois", "route=0", "route"),
        ("pois", "route=abc", "route"),
        ("pois", "category=<script>", "category"),
        ("pois", "category=", "category"),
        ("pois", "key=", "key"),
        ("pois", "id=4", "id"),
        ("pois", "colour=red", "colour"),
        ("pois", "count=3&count=4", "count"),
        ("pois", "lang=" + "x" * 600, "lang"),
        ("poi", "id=99999999999", "id"),
        ("poi", "id=2147483648", "id"),  # beyond PostgreSQL's integer: refused, not a 500
        ("poi", "id=07", "id"),
        ("poi", "id=4&count=3", "count"),
        ("poi", "id=4&layout=grid", "layout"),
        ("route", "id=4&images=no", "images"),
        ("events", "route=4", "route"),
        ("events", "near=52.29,11.41", "near"),
    ],
)
def test_each_bad_option_is_named(kind, query, named):
    error = problems(kind, query)
    assert error.status == 400
    assert any(named in problem for problem in error.problems), error.problems


def test_all_problems_are_reported_together():
    error = problems("pois", "count=0&lang=xx&layout=x&theme=x&accent=x&near=x&bogus=1")
    assert len(error.problems) == 7


def test_garbage_names_are_shortened_in_the_explanation():
    error = problems("pois", "a" * 300 + "=1")
    assert len(error.problems[0]) < 300


def test_the_query_repeats_only_what_differs_from_the_defaults_and_always_the_language():
    assert WidgetOptions(kind="pois").query() == [("lang", "de")]
    parsed = options("pois", "lang=en&count=3&near=52.2897,11.4086&accent=%23123456&images=no")
    assert parsed.query() == [
        ("lang", "en"),
        ("accent", "#123456"),
        ("count", "3"),
        ("images", "no"),
        ("near", "52.2897,11.4086"),
    ]
