"""What reaches the backends: capped, cleaned and validated input."""

import pytest

from search.query import (
    MAX_QUERY_CHARS,
    MAX_QUERY_TERMS,
    MAX_RESULT_WINDOW,
    SearchQuery,
    clamp_page,
    normalise_query,
    parse_near,
    query_terms,
    query_words,
)


def test_control_characters_and_extra_spaces_go():
    assert normalise_query("  Roland\x00\t\n  Markt\u200b ") == "Roland Markt"


def test_long_queries_are_capped_in_characters_and_terms():
    assert len(normalise_query("a" * 10_000)) == MAX_QUERY_CHARS
    assert len(normalise_query("wort " * 700).split()) == MAX_QUERY_TERMS


def test_punctuation_only_is_empty():
    assert normalise_query("?!… --- ((") == ""
    assert normalise_query("title:x AND (") == "title:x AND"


def test_non_text_is_empty():
    assert normalise_query(None) == ""
    assert normalise_query(["Roland"]) == ""


def test_terms_lose_surrounding_punctuation_and_case():
    assert query_terms("„Schloss“ Hundisburg!") == ["schloss", "hundisburg"]


def test_words_for_the_database_keep_the_sharp_s():
    assert query_words("Hagenstraße") == ["hagenstraße"]
    assert query_terms("Hagenstraße") == ["hagenstrasse"]


@pytest.mark.parametrize(
    "value, expected",
    [("52.2897,11.4086", (52.2897, 11.4086)), (" 52.2897 , 11.4086 ", (52.2897, 11.4086))],
)
def test_near_reads_lat_lon(value, expected):
    assert parse_near(value) == expected


@pytest.mark.parametrize("value", ["", None])
def test_no_near_is_none(value):
    assert parse_near(value) is None


@pytest.mark.parametrize(
    "value", ["abc", "52.3", "91,11", "52,181", "nan,1", "inf,1", "1,2,3", "1" * 100]
)
def test_invalid_near_raises_value_error(value):
    with pytest.raises(ValueError):
        parse_near(value)


@pytest.mark.parametrize(
    "value, expected", [("3", 3), ("0", 1), ("-4", 1), ("x", 1), (None, 1), ("99999999", 1000)]
)
def test_page_numbers_are_clamped_to_the_result_window(value, expected):
    assert clamp_page(value) == expected


def test_the_last_page_stays_inside_the_result_window():
    query = SearchQuery(text="x", page=clamp_page(10**9))
    assert query.offset + query.page_size <= MAX_RESULT_WINDOW


@pytest.mark.django_db
def test_unknown_filters_are_dropped_and_reported():
    from django.http import QueryDict

    params = QueryDict("q=Roland&type=poi&type=secret&category=nope&kind=rocket&near=x,y")
    query = SearchQuery.from_params(params, "en")
    assert query.types == ("poi",)
    assert query.categories == ()
    assert query.kind == ""
    assert query.near is None
    assert len(query.problems) == 4
    assert query.language == "en"


def test_unknown_language_means_the_default():
    assert SearchQuery.from_params({"q": "x"}, "xx").language == "de"
